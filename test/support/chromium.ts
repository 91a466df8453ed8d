/**
 * A real Chromium driven by playwright-core, for tests that need a browser (the HTML report,
 * the sidebar). Never a browser download: the system's Chromium when there is one (faster to
 * start, kept up to date by the OS), else the Chromium that ships inside the
 * `@sparticuz/chromium` npm package, so `npm ci && npm test` runs these tests on a machine
 * with nothing but Node. test/support/globalSetup.js resolves it once per run.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Browser, LaunchOptions, Page, Request, chromium } from 'playwright-core';

/** Headless without a sandbox (containers), and no background traffic that would look like the page's own. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Where the browser came from: named in failures so a broken machine is easy to diagnose. */
export interface ChromiumBinary {
  readonly executablePath: string;
  readonly origin: 'CHROMIUM_PATH' | 'system' | '@sparticuz/chromium';
  /** Extra flags the binary needs (the packaged build is a headless shell with its own). */
  readonly args: readonly string[];
}

const SYSTEM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

function executable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** $CHROMIUM_PATH, else a Chromium on PATH; undefined when the machine has none. */
export function systemChromium(): ChromiumBinary | undefined {
  const forced = process.env.CHROMIUM_PATH;
  if (forced) return { executablePath: forced, origin: 'CHROMIUM_PATH', args: [] };
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    for (const name of SYSTEM_NAMES) {
      const file = path.join(dir, name);
      if (executable(file)) return { executablePath: file, origin: 'system', args: [] };
    }
  }
  return undefined;
}

/**
 * The packaged Chromium, unpacked on first use (into the OS temp folder, ~1.5 s), with its
 * own flags less the few that would change what the tests check.
 */
export async function packagedChromium(): Promise<ChromiumBinary> {
  // Loaded lazily: on a machine with a system Chromium the package is never unpacked.
  const packaged = require('@sparticuz/chromium') as { executablePath(): Promise<string>; args: string[] };
  // Web security stays on (the report and sidebar must work with it); --single-process
  // would end the whole browser when a test closes its context.
  const dropped = new Set(['--disable-web-security', '--allow-running-insecure-content', '--single-process']);
  return {
    executablePath: await packaged.executablePath(),
    origin: '@sparticuz/chromium',
    args: packaged.args.filter((arg) => !dropped.has(arg) && !arg.startsWith('--headless')),
  };
}

/** The browser this run uses: what globalSetup resolved, else resolved now. */
export async function resolveChromium(): Promise<ChromiumBinary> {
  const resolved = process.env.FP_CHROMIUM_RESOLVED;
  if (resolved) return JSON.parse(resolved) as ChromiumBinary;
  return systemChromium() ?? (await packagedChromium());
}

/** One browser per test file: launch in beforeAll, close in afterAll. */
export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  const binary = await resolveChromium();
  try {
    return await chromium.launch({
      executablePath: binary.executablePath,
      args: [...new Set([...binary.args, ...CHROMIUM_ARGS])],
      timeout: 60_000,
      ...options,
    });
  } catch (error) {
    throw new Error(`could not start Chromium (${binary.origin}: ${binary.executablePath}): ${(error as Error).message}`);
  }
}

/** What a page did that a user (or a security review) would object to. */
export interface PageProblems {
  readonly consoleErrors: string[];
  readonly pageErrors: string[];
  /** Every request the page tried, except the about:blank / data: document itself. */
  readonly requests: string[];
}

/** Starts recording console errors, uncaught exceptions and network attempts; call before loading content. */
export function watchPage(page: Page): PageProblems {
  const problems: PageProblems = { consoleErrors: [], pageErrors: [], requests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') problems.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => problems.pageErrors.push(error.message));
  page.on('request', (request: Request) => {
    const url = request.url();
    if (url !== 'about:blank' && !url.startsWith('data:')) problems.requests.push(url);
  });
  return problems;
}

/** A fresh page with its problems recorded, in its own context so tests cannot leak state into each other. */
export async function openWatchedPage(browser: Browser): Promise<{ page: Page; problems: PageProblems; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  const problems = watchPage(page);
  return { page, problems, close: () => context.close() };
}
