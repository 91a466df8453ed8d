/**
 * Debian's Chromium driven by playwright-core, for tests that need a real browser (the HTML
 * report, the sidebar). No browser downloads: the system /usr/bin/chromium, offline flags.
 */
import { Browser, LaunchOptions, Page, Request, chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

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

/** One browser per test file: launch in beforeAll, close in afterAll. */
export function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS], timeout: 60_000, ...options });
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
