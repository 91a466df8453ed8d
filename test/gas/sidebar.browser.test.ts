// The sidebar in real Chromium, through the same local server `npm run preview` uses: form, validation, busy state, escaping, results.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildSidebarHtml } from '../../scripts/build-sidebar';
import { SidebarHandlers, SidebarServer, startSidebarServer } from '../../scripts/sidebarDevServer';
import { defaultPlanInput } from '../../src/core/defaultPlan';
import { DEFAULT_ROLE_IDS } from '../../src/core/headcount/defaultRoles';
import { formatFieldError } from '../../src/core/fieldError';
import type { PlanInput } from '../../src/core/planInput';
import type { Lang } from '../../src/core/stages';
import { validatePlan } from '../../src/core/validatePlan';
import type { Confidence } from '../../src/core/confidence/confidence';
import { runConfidence } from '../../src/cli/confidenceRun';
import { planConfidenceWithPool } from '../../src/core/confidence/planConfidenceWithPool';
import { Diagnosis, diagnose } from '../../src/core/diagnosis/diagnosis';
import { planEvidence } from '../../src/core/diagnosis/funnelEvidence';
import { percent } from '../../src/core/diagnosis/funnelShapes';
import { messages } from '../../src/core/i18n/catalogue';
import { stageLabel } from '../../src/core/stages';
import { today } from '../../src/cli/outputPaths';
import { runCli } from '../cli/runCli';
import { previewResponse } from '../../src/gas/planResponse';
import type { SidebarState } from '../../src/gas/sidebarContract';
import { PageProblems, launchChromium, openWatchedPage } from '../support/chromium';
import { minorText } from '../../src/core/bonus/bonusFormat';
import { payScenario } from '../../src/core/bonus/payScenario';
import { bonusInput } from '../report/bonusPlans';
import { hiringInput } from '../report/hiringPlans';
import { fullPlan, smallPlan } from './sidebarPlans';

jest.setTimeout(60_000);

const OUT = join(__dirname, '..', '..', 'out');
const XSS = '<img src=x onerror=alert(1)>';
const COUNT = new Intl.NumberFormat('en-US');

// What the functions handed to page.evaluate touch in Chromium; declared here, since this program has no DOM lib.
interface PageNode {
  readonly textContent: string | null;
  readonly hidden: boolean;
  readonly tagName: string;
  readonly nextElementSibling: PageNode | null;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  closest(selector: string): PageNode | null;
  querySelector(selector: string): PageNode | null;
  getBoundingClientRect(): { readonly right: number };
  click(): void;
}
declare const document: {
  readonly documentElement: PageNode & { readonly lang: string; readonly scrollWidth: number };
  readonly body: PageNode & { readonly innerHTML: string };
  readonly activeElement: PageNode | null;
  getElementById(id: string): PageNode | null;
  querySelector(selector: string): PageNode | null;
  querySelectorAll(selector: string): ArrayLike<PageNode>;
};
declare function getComputedStyle(node: PageNode): { readonly borderTopColor: string };

let browser: Browser;
let html: string;
let server: SidebarServer;

interface Opened {
  readonly page: Page;
  readonly problems: PageProblems;
  readonly dialogs: string[];
  readonly close: () => Promise<void>;
}

async function open(on: SidebarServer, query = ''): Promise<Opened> {
  const { page, problems, close } = await openWatchedPage(browser);
  await page.setViewportSize({ width: 300, height: 800 });
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(on.url + query);
  await page.waitForSelector('form.plan-form');
  return { page, problems, dialogs, close };
}

/** Nothing went wrong in the page, and it talked to nobody but the local server. */
function expectClean(opened: Opened, on: SidebarServer): void {
  expect(opened.problems.consoleErrors).toEqual([]);
  expect(opened.problems.pageErrors).toEqual([]);
  expect(opened.dialogs).toEqual([]);
  expect(opened.problems.requests.length).toBeGreaterThan(0);
  for (const url of opened.problems.requests) expect(url.startsWith(on.url)).toBe(true);
}

const field = (page: Page, path: string) => page.locator(`[data-path="${path}"]`);

/** The text of the message element the field points to with aria-describedby (hidden counts as no message). */
function messageFor(page: Page, path: string): Promise<string> {
  return page.evaluate((p) => {
    const input = document.querySelector(`[data-path="${p}"]`);
    const message = document.getElementById(input?.getAttribute('aria-describedby') ?? '');
    return message && !message.hidden ? message.textContent ?? '' : '';
  }, path);
}

/** The validator's own wording for a path, as the sidebar shows it (without the "path: " prefix). */
function coreMessage(input: PlanInput, path: string, lang: Lang = 'en'): string {
  const result = validatePlan(input);
  if (result.ok) throw new Error('expected the input to be invalid');
  const error = result.errors.find((e) => e.path === path);
  if (!error) throw new Error(`no error at ${path}: ${JSON.stringify(result.errors)}`);
  return formatFieldError(error, lang).slice(path.length + 2);
}

function callsOf(on: SidebarServer, name: string) {
  return on.calls.filter((c) => c.name === name);
}

async function totalsShown(page: Page): Promise<Record<string, string>> {
  const rows = await page.locator('table.funnel-totals tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [tr.querySelector('th')?.textContent ?? '', tr.querySelector('td')?.textContent ?? '']),
  );
  return Object.fromEntries(rows);
}

/** The rows of a results table as [heading cell, value cell] pairs. */
function rowsOf(page: Page, table: string): Promise<string[][]> {
  return page.locator(`table.${table} tbody tr`).evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')?.textContent ?? '', tr.querySelector('td')?.textContent ?? '']));
}

/** The last plan the page sent with `name`. */
function lastSent(on: SidebarServer, name: string): PlanInput {
  const calls = callsOf(on, name);
  return calls[calls.length - 1].args[0] as PlanInput;
}

/** Clicks Preview and waits for the answer (the buttons are busy from the click until it is shown). */
async function previewed(page: Page): Promise<void> {
  await page.locator('button[data-action="preview"]').click();
  await page.waitForFunction(() => !document.querySelector('.action-bar')?.hasAttribute('aria-busy'));
}

/**
 * Opens the page on a server of its own (`handlers` replace the default answers), runs
 * `check`, and closes both, the page having stayed clean.
 */
async function withSidebar(handlers: SidebarHandlers, check: (page: Page, on: SidebarServer) => Promise<void>, query = ''): Promise<void> {
  const on = await startSidebarServer({ html, handlers });
  try {
    const opened = await open(on, query);
    await check(opened.page, on);
    expectClean(opened, on);
    await opened.close();
  } finally {
    await on.close();
  }
}

/** A server whose state is `input`, read from an Inputs sheet, answering like Code.js does. */
function planState(input: PlanInput): SidebarHandlers {
  return { getSidebarState: stateWith(input, { source: 'inputs-sheet', inputsFingerprint: 'fp' }) };
}

function stateWith(input: PlanInput, extra: Partial<SidebarState> = {}): SidebarHandlers['getSidebarState'] {
  return (_args, { lang }) => ({ input, source: 'default-template', readProblems: [], inputsFingerprint: null, lang, ...extra });
}

beforeAll(async () => {
  html = await buildSidebarHtml();
  browser = await launchChromium();
  server = await startSidebarServer({ html });
  mkdirSync(OUT, { recursive: true });
}, 60_000);

afterAll(async () => {
  await server?.close();
  await browser?.close();
});

describe('sidebar form', () => {
  it('prefills the default plan, with rates from each entry stage down and the stage list kept', async () => {
    const opened = await open(server);
    const { page } = opened;
    expect(await field(page, 'revenueTarget').inputValue()).toBe('10,000,000');
    expect(await field(page, 'currency').inputValue()).toBe('USD');
    expect(await field(page, 'sources[0].name').inputValue()).toBe('Marketing-sourced');
    expect(await field(page, 'sources[0].share').inputValue()).toBe('40%');
    expect(await field(page, 'sources[0].avgDealSize').inputValue()).toBe('25,000');
    expect(await field(page, 'sources[0].conversionRates.lead').inputValue()).toBe('25%');
    expect(await field(page, 'sources[1].entryStage').inputValue()).toBe('sql');
    expect(await page.locator('[data-path^="sources[0].conversionRates."]').count()).toBe(4);
    expect(await page.locator('[data-path^="sources[1].conversionRates."]').count()).toBe(2);
    expect(await page.getByLabel('lead → mql').inputValue()).toBe('25%');
    expect(await page.getByText('lead → mql', { exact: true }).isVisible()).toBe(true);
    expect(await page.locator('select[data-path="sources[0].entryStage"] option').allTextContents()).toEqual(['lead', 'mql', 'sql', 'opportunity', 'won']);

    // Moving the entry stage down drops the rates above it from the form; moving it back restores what was there.
    await field(page, 'sources[0].entryStage').selectOption('sql');
    expect(await page.locator('[data-path^="sources[0].conversionRates."]').count()).toBe(2);
    expect(await page.getByText('lead → mql', { exact: true }).count()).toBe(0);
    await field(page, 'sources[0].entryStage').selectOption('lead');
    expect(await field(page, 'sources[0].conversionRates.lead').inputValue()).toBe('25%');
    expect(await field(page, 'sources[0].conversionRates.mql').inputValue()).toBe('40%');
    expectClean(opened, server);
    await opened.close();
  });

  it('Generate shows the numbers the core computes, and sends the plan back whole', async () => {
    const opened = await open(server);
    const { page } = opened;
    const before = callsOf(server, 'generateFromSidebar').length;
    await page.getByRole('button', { name: 'Generate sheets' }).click();
    await page.waitForSelector('section.results:not([hidden])');

    const totals = await totalsShown(page);
    expect(totals).toEqual({ Leads: '12,800', MQLs: '3,200', SQLs: '2,948', Opportunities: '1,307', 'Won deals': '360' });
    expect(await page.locator('.headline').textContent()).toBe('Marketing must deliver 1,280 SQLs');
    expect(await page.locator('.results').textContent()).toContain('Sheets written: Summary, Funnel, Monthly, Teams, Inputs.');
    expect(await page.locator('.results').textContent()).toContain('Revenue target: USD 10,000,000');

    const calls = callsOf(server, 'generateFromSidebar');
    expect(calls).toHaveLength(before + 1);
    const [sent, fingerprint] = calls[calls.length - 1].args as [PlanInput, string | null];
    expect(fingerprint).toBeNull();
    const original = defaultPlanInput();
    expect(sent.stages).toEqual(original.stages);
    expect(sent.sources.map((s) => [s.id, s.kind, s.entryStage])).toEqual(original.sources.map((s) => [s.id, s.kind, s.entryStage]));
    // Nothing was edited: the plan goes back exactly as it came, numbers as numbers.
    expect(sent).toEqual(original);
    expect(previewResponse(sent, 'en')).toEqual(previewResponse(original, 'en'));

    // The outbound source enters at SQL: its Leads and MQLs read "—", not 0.
    await page.locator('details.by-source summary').click();
    const outbound = await page.locator('table.source-counts').nth(1).locator('td').allTextContents();
    expect(outbound).toEqual(['—', '—', '1,668', '667', '200']);
    expectClean(opened, server);
    await opened.close();
  });

  it('sends numbers as typed ("1200万") and shows what the core makes of them', async () => {
    const opened = await open(server);
    const { page } = opened;
    await field(page, 'revenueTarget').fill('1200万');
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.waitForSelector('section.results:not([hidden])');

    const calls = callsOf(server, 'previewPlan');
    const sent = calls[calls.length - 1].args[0] as PlanInput;
    expect(sent.revenueTarget).toBe('1200万');
    const expected = previewResponse({ ...defaultPlanInput(), revenueTarget: '1200万' }, 'en');
    if (!expected.ok) throw new Error('expected a plan');
    expect(await totalsShown(page)).toEqual(Object.fromEntries(expected.summary.stages.map((s) => [s.label, COUNT.format(s.total)])));
    // Marketing 4.8M splits into content 2.4M, events 1.44M, SEM 0.96M at 25,000 a deal: 96, 57.6 → 58 and
    // 38.4 → 39 won deals, each channel rounded up on its own; ÷ 0.25 ÷ 0.5 gives 768 + 464 + 312 = 1,544 SQLs and
    // ÷ 0.4 ÷ 0.25 gives 7,680 + 4,640 + 3,120 = 15,440 leads. Outbound: 7.2M / 30,000 = 240 won, 2,000 SQLs.
    expect(await totalsShown(page)).toMatchObject({ Leads: '15,440', SQLs: '3,544' });
    expect(await page.locator('.headline').textContent()).toBe('Marketing must deliver 1,544 SQLs');
    expect(await page.locator('.results').textContent()).toContain('Preview only: no sheets were written.');
    expectClean(opened, server);
    await opened.close();
  });
});

describe('sidebar busy state', () => {
  it('disables both buttons while a call runs, and a double click sends one Generate', async () => {
    const opened = await open(server, '?delay=1500');
    const { page } = opened;
    const before = callsOf(server, 'generateFromSidebar').length;
    const generate = page.locator('button[data-action="generate"]');
    const preview = page.locator('button[data-action="preview"]');
    await generate.dblclick();
    expect(await generate.isDisabled()).toBe(true);
    expect(await preview.isDisabled()).toBe(true);
    expect(await generate.textContent()).toBe('Generating…');
    expect(await generate.locator('.spinner').count()).toBe(1);
    expect(await page.locator('.action-bar').getAttribute('aria-busy')).toBe('true');
    expect(await page.locator('form.plan-form').getAttribute('aria-busy')).toBe('true');
    // A script's click on the disabled button, or a click on Preview, changes nothing either.
    await generate.evaluate((b: PageNode) => b.click());
    await preview.click({ force: true });

    await page.waitForSelector('section.results:not([hidden])');
    await page.waitForFunction(() => !document.querySelector('.action-bar')?.hasAttribute('aria-busy'));
    expect(callsOf(server, 'generateFromSidebar')).toHaveLength(before + 1);
    expect(await generate.isEnabled()).toBe(true);
    expect(await generate.textContent()).toBe('Generate sheets');
    expectClean(opened, server);
    await opened.close();
  });
});

describe('sidebar validation', () => {
  it('shows the validator\'s message next to an invalid rate, and Generate does not call the server', async () => {
    const opened = await open(server);
    const { page } = opened;
    const path = 'sources[0].conversionRates.lead';
    const input = defaultPlanInput();
    input.sources[0].conversionRates.lead = '150%';
    const expected = coreMessage(input, path);
    expect(expected).toBe('expected a conversion rate greater than 0 and at most 1 (e.g. 0.25 or "25%"), got "150%"');

    await field(page, path).fill('150%');
    await field(page, path).press('Tab');
    expect(await messageFor(page, path)).toBe(expected);
    expect(await field(page, path).getAttribute('aria-invalid')).toBe('true');
    const sameRow = await field(page, path).evaluate((e) => e.closest('.field')?.querySelector('.field-error')?.textContent);
    expect(sameRow).toBe(expected);
    expect(await field(page, path).evaluate((e) => getComputedStyle(e).borderTopColor)).toBe('rgb(197, 34, 31)');

    const before = callsOf(server, 'generateFromSidebar').length;
    await page.getByRole('button', { name: 'Generate sheets' }).click();
    expect(await page.locator('.action-message').textContent()).toBe('Fix the fields marked in red first.');
    expect(await field(page, path).evaluate((e) => e === document.activeElement)).toBe(true);
    await page.waitForTimeout(200);
    expect(callsOf(server, 'generateFromSidebar')).toHaveLength(before);

    await page.screenshot({ path: join(OUT, 'sidebar-errors.png'), fullPage: true });

    await field(page, path).fill('25%');
    expect(await messageFor(page, path)).toBe('');
    expect(await field(page, path).getAttribute('aria-invalid')).toBeNull();
    expect(await page.locator('.action-message').isHidden()).toBe(true);
    expectClean(opened, server);
    await opened.close();
  });

  it('shows the shares-sum error at the top of the sources section', async () => {
    const opened = await open(server);
    const { page } = opened;
    await field(page, 'sources[1].share').fill('50%');
    await field(page, 'sources[1].share').press('Tab');
    const input = defaultPlanInput();
    input.sources[1].share = '50%';
    const expected = coreMessage(input, 'sources');
    expect(expected).toContain('add up to 0.9 (90%)');
    const area = page.locator('section.section .form-errors').nth(0);
    await page.waitForSelector('section.section .form-errors:not([hidden])');
    expect(await area.textContent()).toBe(expected);
    // The area sits above the first source, inside the sources section.
    expect(await area.evaluate((e) => e.nextElementSibling?.tagName)).toBe('FIELDSET');
    const before = callsOf(server, 'generateFromSidebar').length;
    await page.getByRole('button', { name: 'Generate sheets' }).click();
    await page.waitForTimeout(200);
    expect(callsOf(server, 'generateFromSidebar')).toHaveLength(before);
    expectClean(opened, server);
    await opened.close();
  });

  it('shows the server\'s verdicts: invalid fields by path, busy and failed messages, and thrown errors', async () => {
    let generateCalls = 0;
    await withSidebar({
      previewPlan: () => ({
        ok: false,
        reason: 'invalid',
        errors: [
          { path: 'sources[1].avgDealSize', message: 'the server says this is too small' },
          { path: 'handoffStage', message: 'expected one of the plan\'s stages' },
        ],
      }),
      generateFromSidebar: () => {
        generateCalls += 1;
        if (generateCalls === 1) return { ok: false, reason: 'busy', message: 'Another run is in progress; try again in a moment.' };
        if (generateCalls === 2) return { ok: false, reason: 'failed', message: 'The Funnel sheet was edited meanwhile.' };
        throw new Error('Exceeded maximum execution time');
      },
    }, async (page) => {
      await page.getByRole('button', { name: 'Preview' }).click();
      await page.waitForSelector('[data-path="sources[1].avgDealSize"][aria-invalid="true"]');
      expect(await messageFor(page, 'sources[1].avgDealSize')).toBe('the server says this is too small');
      expect(await page.locator('.form-errors').first().textContent()).toBe('handoffStage: expected one of the plan\'s stages');

      const generate = page.getByRole('button', { name: 'Generate sheets' });
      const message = page.locator('.action-message');
      await generate.click();
      await page.waitForFunction(() => document.querySelector('.action-message')?.textContent?.includes('in progress'));
      expect(await message.textContent()).toBe('Another run is in progress; try again in a moment.');
      await generate.click();
      await page.waitForFunction(() => document.querySelector('.action-message')?.textContent?.includes('meanwhile'));
      expect(await message.textContent()).toBe('The Funnel sheet was edited meanwhile.');
      await generate.click();
      await page.waitForFunction(() => document.querySelector('.action-message')?.textContent?.includes('maximum'));
      expect(await message.textContent()).toBe('Something went wrong: Exceeded maximum execution time');
      expect(await page.locator('section.results').isHidden()).toBe(true);
    });
  });
});

describe('sidebar escaping', () => {
  it('shows a source named like markup as text: no <img>, no dialog', async () => {
    const input = defaultPlanInput();
    input.name = XSS;
    input.sources[0].name = XSS;
    await withSidebar({
      getSidebarState: stateWith(input, { source: 'inputs-sheet', inputsFingerprint: 'fp-1', readProblems: [`Inputs!B3: ${XSS}`] }),
    }, async (page, on) => {
      expect(await field(page, 'sources[0].name').inputValue()).toBe(XSS);
      expect(await field(page, 'name').inputValue()).toBe(XSS);
      expect(await page.locator('fieldset.source legend').first().textContent()).toBe(XSS);
      expect(await page.locator('.notice li').textContent()).toBe(`Inputs!B3: ${XSS}`);
      expect(await page.locator('.origin').textContent()).toBe('Loaded from the Inputs sheet.');

      await page.getByRole('button', { name: 'Generate sheets' }).click();
      await page.waitForSelector('section.results:not([hidden])');
      expect(await page.locator('details.by-source h3').first().textContent()).toBe(XSS);
      await page.waitForTimeout(300);
      expect(await page.locator('img').count()).toBe(0);
      expect(await page.evaluate(() => document.body.innerHTML.includes('<img'))).toBe(false);
      // The fingerprint the state gave goes back with Generate, and is refreshed after it (the sheet was rewritten).
      const generate = on.calls.filter((c) => c.name === 'generateFromSidebar');
      expect(generate[0].args[1]).toBe('fp-1');
      expect(on.calls.map((c) => c.name)).toEqual(['getSidebarState', 'generateFromSidebar', 'getSidebarState']);
    });
  });
});

describe('sidebar in Chinese', () => {
  it('uses Chinese labels, messages and headline with lang=zh-CN', async () => {
    const opened = await open(server, '?lang=zh-CN');
    const { page } = opened;
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await page.getByText('年度营收目标', { exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: '生成工作表' }).isVisible()).toBe(true);

    const path = 'sources[1].conversionRates.sql';
    const input = defaultPlanInput();
    input.sources[1].conversionRates.sql = '150%';
    await field(page, path).fill('150%');
    await field(page, path).press('Tab');
    expect(await messageFor(page, path)).toBe(coreMessage(input, path, 'zh-CN'));
    await field(page, path).fill('40%');

    await page.getByRole('button', { name: '生成工作表' }).click();
    await page.waitForSelector('section.results:not([hidden])');
    expect(await page.locator('.headline').textContent()).toBe('市场部需要交付 1,280 个销售认可线索 (SQL)');
    expect(await totalsShown(page)).toMatchObject({ 线索: '12,800', '销售认可线索 (SQL)': '2,948' });
    await page.screenshot({ path: join(OUT, 'sidebar-zh.png'), fullPage: true });
    expectClean(opened, server);
    await opened.close();
  });

  it('uses traditional Chinese with lang=zh-TW (a zh_TW or zh_HK spreadsheet)', async () => {
    const opened = await open(server, '?lang=zh-TW');
    const { page } = opened;
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-TW');
    expect(await page.getByText('年度營收目標', { exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: '生成工作表' }).isVisible()).toBe(true);

    const path = 'sources[1].conversionRates.sql';
    const input = defaultPlanInput();
    input.sources[1].conversionRates.sql = '150%';
    await field(page, path).fill('150%');
    await field(page, path).press('Tab');
    expect(await messageFor(page, path)).toBe(coreMessage(input, path, 'zh-TW'));
    expect(await messageFor(page, path)).toContain('轉化率應大於 0');
    await field(page, path).fill('40%');

    await page.getByRole('button', { name: '生成工作表' }).click();
    await page.waitForSelector('section.results:not([hidden])');
    expect(await page.locator('.headline').textContent()).toBe('市場部需要交付 1,280 個銷售認可線索 (SQL)');
    expect(await totalsShown(page)).toMatchObject({ 線索: '12,800', '銷售認可線索 (SQL)': '2,948', 商機: expect.any(String) });
    expect(await page.locator('body').innerText()).not.toMatch(/[线销转数阶营个]/);
    await page.screenshot({ path: join(OUT, 'sidebar-zh-TW.png'), fullPage: true });
    expectClean(opened, server);
    await opened.close();
  });
});

/** No page-wide horizontal scroll, and no control or table past the 300 px edge. */
async function fitsWidth(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);
  const overflowing = await page.evaluate(() =>
    Array.from(document.querySelectorAll('input, select, button, table')).filter((e) => e.getBoundingClientRect().right > 300).length,
  );
  expect(overflowing).toBe(0);
}

describe('sidebar at 300 px', () => {
  it('fits the sidebar width with results shown (screenshot: out/sidebar.png)', async () => {
    const opened = await open(server);
    const { page } = opened;
    await page.getByRole('button', { name: 'Generate sheets' }).click();
    await page.waitForSelector('section.results:not([hidden])');
    await page.locator('details.by-source summary').click();
    await fitsWidth(page);
    await page.screenshot({ path: join(OUT, 'sidebar.png'), fullPage: true });
    expectClean(opened, server);
    await opened.close();
  });

  it('fits with twelve weights, stage days, channels and their budgets (screenshot: out/sidebar-timing.png)', async () => {
    await withSidebar({ getSidebarState: stateWith(fullPlan()) }, async (page) => {
      await page.getByRole('button', { name: 'Generate sheets' }).click();
      await page.waitForSelector('table.channel-budget');
      await fitsWidth(page);
      // Leads come 7 + 10 + 14.5 + 45 = 76.5 days (3 months) before the win, SQLs 59.5 days (2):
      // the plan starts in Jan 2027, marketing's SQLs in Feb 2027, where its rows start.
      const rows = await rowsOf(page, 'marketing-months');
      expect(rows[0][0]).toBe('Feb 2027 (before FY)');
      expect(rows[0][1]).not.toBe('0');
      expect(await page.locator('table.marketing-months tr.carry-in').count()).toBe(2);
      await page.screenshot({ path: join(OUT, 'sidebar-timing.png'), fullPage: true });
    });
  });
});

describe('sidebar timing, stage days and channels', () => {
  it('fills timing, stage days and channels from the plan, and an untouched form sends the plan back identical', async () => {
    await withSidebar(planState(fullPlan()), async (page, on) => {
      expect(await field(page, 'timing.fiscalYearStart').inputValue()).toBe('2027-04');
      expect(await field(page, 'timing.nextYearGrowth').inputValue()).toBe('10%');
      expect(await field(page, 'timing.seasonality').inputValue()).toBe('custom');
      expect(await field(page, 'timing.holidays').inputValue()).toBe('2027-05-01, 2027-12-25');
      // Twelve weights in FY order, labelled by calendar month from April.
      const weights = page.locator('[data-path^="timing.seasonality["]');
      expect(await weights.count()).toBe(12);
      expect(await weights.evaluateAll((inputs) => inputs.map((i) => (i as unknown as { value: string }).value))).toEqual(['1', '1', '1.5', '1', '1', '1.5', '1', '1', '1.5', '1', '1', '2']);
      expect(await page.locator('.weights label').allTextContents()).toEqual(['Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'Jan', 'Feb', 'Mar']);
      // Stage days beside the rates, from each source's entry stage down; outbound's lead days (above its entry) are kept, not shown.
      expect(await field(page, 'sources[0].stageDays.lead').inputValue()).toBe('7');
      expect(await field(page, 'sources[0].stageDays.sql').inputValue()).toBe('14.5');
      expect(await page.getByLabel('Days from opportunity to won').first().inputValue()).toBe('45');
      expect(await page.locator('[data-path^="sources[1].stageDays."]').count()).toBe(2);
      // Rate ranges beside the rates, as the Inputs sheet writes them; a blank one where the plan has none.
      expect(await field(page, 'sources[0].conversionRanges.mql').inputValue()).toBe('30%, 50%');
      expect(await field(page, 'sources[0].conversionRanges.sql').inputValue()).toBe('40%, 60%');
      expect(await page.getByLabel('Range of the rate from sql to opportunity: low, high').first().inputValue()).toBe('40%, 60%');
      expect(await field(page, 'sources[0].conversionRanges.lead').inputValue()).toBe('');
      expect(await field(page, 'sources[0].dealSizeCv').inputValue()).toBe('60%');
      expect(await field(page, 'sources[1].dealSizeCv').inputValue()).toBe('40%');
      // Channels: name, share, cost per lead; the one with its own rates and deal size says they are kept.
      expect(await field(page, 'sources[0].channels[0].name').inputValue()).toBe('Content');
      expect(await field(page, 'sources[0].channels[0].share').inputValue()).toBe('60%');
      expect(await field(page, 'sources[0].channels[1].share').inputValue()).toBe('40%');
      expect(await field(page, 'sources[0].channels[1].costPerLead').inputValue()).toBe('250');
      expect(await page.locator('.channel').nth(1).textContent()).toContain('Its own rates and deal size in the plan are kept.');
      expect(await page.locator('.channel').nth(0).textContent()).not.toContain('are kept');
      expect(await page.locator('[data-path^="sources[1].channels["]').count()).toBe(0);

      await page.getByRole('button', { name: 'Generate sheets' }).click();
      await page.waitForSelector('section.results:not([hidden])');
      const sent = lastSent(on, 'generateFromSidebar');
      expect(sent).toEqual(fullPlan());
      expect(JSON.stringify(sent)).toBe(JSON.stringify(fullPlan()));
    });
  });

  it('edits the fiscal year and a stage day, and shows marketing\'s SQLs by month and quarter, worked by hand', async () => {
    await withSidebar(planState(smallPlan()), async (page, on) => {
      await field(page, 'timing.fiscalYearStart').fill('2027-04');
      await field(page, 'sources[0].stageDays.opportunity').fill('31');
      await previewed(page);

      const sent = lastSent(on, 'previewPlan');
      expect(sent.timing).toEqual({ fiscalYearStart: '2027-04', nextYearGrowth: 0.5 });
      expect(sent.sources[0].stageDays).toEqual({ lead: 0, sql: 30, opportunity: '31' });
      expect(sent.sources[1]).toEqual(smallPlan().sources[1]);

      // Marketing: 60 won, 5 a month from April 2027; 240 SQLs, 4 per won deal, 30 + 31 = 61 days
      // (2 months) before the win: 20 a month from Feb 2027 (carry-in) to Jan 2028. Next year's
      // 90 won (+50%) are 8 a month for six months, so Feb and Mar 2028 hold 4 × 8 = 32 SQLs
      // each for the deals of Apr and May 2028.
      expect(await page.locator('.results h3').first().textContent()).toBe("Marketing's SQLs by month");
      const c = '(before FY)';
      expect(await rowsOf(page, 'marketing-months')).toEqual([
        [`Feb 2027 ${c}`, '20'], [`Mar 2027 ${c}`, '20'],
        ['Apr 2027', '20'], ['May 2027', '20'], ['Jun 2027', '20'], ['Q1', '60'],
        ['Jul 2027', '20'], ['Aug 2027', '20'], ['Sep 2027', '20'], ['Q2', '60'],
        ['Oct 2027', '20'], ['Nov 2027', '20'], ['Dec 2027', '20'], ['Q3', '60'],
        ['Jan 2028', '20'], ['Feb 2028', '32'], ['Mar 2028', '32'], ['Q4', '84'],
        ['FY', '264'],
      ]);
      expect(await page.locator('table.channel-budget').count()).toBe(0);
    });
  });

  it('adds and removes channels: a bad share is named at its field, a bad sum at the channels, budgets by hand', async () => {
    const input = smallPlan();
    input.timing = { fiscalYearStart: '2027-04', nextYearGrowth: 0.5 };
    input.sources[0].stageDays = { lead: 0, sql: 30, opportunity: 31 };
    await withSidebar(planState(input), async (page, on) => {
      const add = page.locator('fieldset.source').first().getByRole('button', { name: '+ Add channel' });
      await add.click();
      // The first channel carries the whole source; focus goes to its name.
      expect(await field(page, 'sources[0].channels[0].share').inputValue()).toBe('100%');
      expect(await field(page, 'sources[0].channels[0].name').evaluate((e) => e === document.activeElement)).toBe(true);
      await field(page, 'sources[0].channels[0].name').fill('Content');
      await field(page, 'sources[0].channels[0].share').fill('50%');
      await field(page, 'sources[0].channels[0].costPerLead').fill('50');
      await add.click();
      await field(page, 'sources[0].channels[1].name').fill('Events');
      await field(page, 'sources[0].channels[1].costPerLead').fill('100');

      const share = 'sources[0].channels[1].share';
      await field(page, share).fill('150%');
      await field(page, share).press('Tab');
      const bad = structuredClone(input);
      bad.sources[0].channels = [{ id: 'marketing-1', name: 'Content', share: '50%', costPerLead: '50' }, { id: 'marketing-2', name: 'Events', share: '150%', costPerLead: '100' }];
      expect(await messageFor(page, share)).toBe(coreMessage(bad, share));
      expect(await messageFor(page, share)).toBe('expected a share from 0 to 1 (e.g. 0.4 or "40%"), got "150%"');
      expect(await field(page, share).getAttribute('aria-invalid')).toBe('true');
      const before = callsOf(on, 'previewPlan').length;
      await page.getByRole('button', { name: 'Preview' }).click();
      expect(await field(page, share).evaluate((e) => e === document.activeElement)).toBe(true);
      expect(callsOf(on, 'previewPlan')).toHaveLength(before);

      // 50% + 70%: each share is fine, their sum is not; the channels group says so.
      await field(page, share).fill('70%');
      await field(page, share).press('Tab');
      expect(await messageFor(page, share)).toBe('');
      bad.sources[0].channels[1].share = '70%';
      expect(await messageFor(page, 'sources[0].channels')).toBe(coreMessage(bad, 'sources[0].channels'));
      expect(await messageFor(page, 'sources[0].channels')).toContain('add up to 1.2');
      await field(page, share).fill('50%');
      expect(await messageFor(page, 'sources[0].channels')).toBe('');

      await previewed(page);
      expect(lastSent(on, 'previewPlan').sources[0].channels).toEqual([
        { id: 'marketing-1', name: 'Content', share: '50%', costPerLead: '50' },
        { id: 'marketing-2', name: 'Events', share: '50%', costPerLead: '100' },
      ]);
      // Each channel: 30 won, 240 leads, 8 per won deal, two months ahead: 24 a month for
      // Feb–Jul 2027, 16 for Aug 2027–Jan 2028, and for next year's 45 won (4 a month at first)
      // 32 in Feb and in Mar 2028. FY leads 4 × 24 + 6 × 16 + 2 × 32 = 256: × 50 and × 100.
      expect(await rowsOf(page, 'channel-budget')).toEqual([
        ['Content', 'USD 12,800'],
        ['Events', 'USD 25,600'],
        ['Marketing budget', 'USD 38,400'],
      ]);
      // Marketing's SQLs are the channels' sums (12 + 12, then 8 + 8, then 16 + 16): FY 256, not the unsplit 264.
      expect((await rowsOf(page, 'marketing-months')).slice(-2)).toEqual([['Q4', '80'], ['FY', '256']]);

      // Removing the second channel leaves the first at 50%: its share is now wrong, at the channels group.
      await page.getByRole('button', { name: 'Remove channel Events' }).click();
      expect(await page.locator('[data-path^="sources[0].channels["]').count()).toBe(3);
      expect(await add.evaluate((e) => e === document.activeElement)).toBe(true);
      expect(await page.locator('.results').getAttribute('class')).toContain('stale');
      await page.getByRole('button', { name: 'Preview' }).click();
      expect(await messageFor(page, 'sources[0].channels')).toContain('add up to 0.5');
      await page.getByRole('button', { name: 'Remove channel Content' }).click();
      await previewed(page);
      const sent = lastSent(on, 'previewPlan');
      expect(sent.sources[0]).not.toHaveProperty('channels');
      expect(sent).toEqual(input);
    });
  });

  it('names timing problems at their fields: a month, a holiday in a list, the seasonality weights', async () => {
    await withSidebar(planState(smallPlan()), async (page, on) => {
      const wrong = smallPlan();
      wrong.timing = { fiscalYearStart: '2027-4', nextYearGrowth: 0.5, holidays: ['2027-05-01', '2027-02-30'] };
      await field(page, 'timing.fiscalYearStart').fill('2027-4');
      await field(page, 'timing.fiscalYearStart').press('Tab');
      expect(await messageFor(page, 'timing.fiscalYearStart')).toBe(coreMessage(wrong, 'timing.fiscalYearStart'));
      expect(await messageFor(page, 'timing.fiscalYearStart')).toBe('expected a month as "YYYY-MM" (e.g. "2027-04"), got "2027-4"');
      // The second date of the list is the wrong one; its message stands by the one field.
      await field(page, 'timing.holidays').fill('2027-05-01, 2027-02-30');
      await field(page, 'timing.holidays').press('Tab');
      expect(await messageFor(page, 'timing.holidays')).toBe(coreMessage(wrong, 'timing.holidays[1]'));
      await field(page, 'timing.fiscalYearStart').fill('2027-10');
      await field(page, 'timing.holidays').fill('2027-05-01');

      // Weights start as an even year typed out, labelled from October; all twelve at 0 is no year at all.
      await field(page, 'timing.seasonality').selectOption('custom');
      expect(await page.locator('.weights label').first().textContent()).toBe('Oct');
      const weights = page.locator('[data-path^="timing.seasonality["]');
      expect(await weights.evaluateAll((inputs) => inputs.map((i) => (i as unknown as { value: string }).value))).toEqual(Array(12).fill('1'));
      await field(page, 'timing.seasonality[2]').fill('-1');
      await field(page, 'timing.seasonality[2]').press('Tab');
      wrong.timing = { fiscalYearStart: '2027-10', nextYearGrowth: 0.5, seasonality: ['1', '1', '-1', '1', '1', '1', '1', '1', '1', '1', '1', '1'] };
      expect(await messageFor(page, 'timing.seasonality[2]')).toBe(coreMessage(wrong, 'timing.seasonality[2]'));
      await field(page, 'timing.seasonality[2]').fill('2');

      // "From the CRM export" needs one: the validator says so by the choice.
      await field(page, 'timing.seasonality').selectOption('history');
      await field(page, 'timing.seasonality').press('Tab');
      expect(await weights.count()).toBe(0);
      wrong.timing = { fiscalYearStart: '2027-10', nextYearGrowth: 0.5, seasonality: 'history' };
      expect(await messageFor(page, 'timing.seasonality')).toBe(coreMessage(wrong, 'timing.seasonality'));

      // Back to the weights: what was typed is still there, and goes to the server as typed.
      await field(page, 'timing.seasonality').selectOption('custom');
      expect(await field(page, 'timing.seasonality[2]').inputValue()).toBe('2');
      await previewed(page);
      expect(lastSent(on, 'previewPlan').timing).toEqual({
        fiscalYearStart: '2027-10',
        nextYearGrowth: 0.5,
        seasonality: ['1', '1', '2', '1', '1', '1', '1', '1', '1', '1', '1', '1'],
        holidays: ['2027-05-01'],
      });
      expect(await page.locator('table.marketing-months tbody th').first().textContent()).toContain('2027');
    });
  });

  it('shows the server\'s verdicts on the new fields by path', async () => {
    await withSidebar({
      getSidebarState: stateWith(fullPlan()),
      previewPlan: () => ({
        ok: false,
        reason: 'invalid',
        errors: [
          { path: 'timing.fiscalYearStart', message: 'the server says: not a month' },
          { path: 'sources[0].stageDays.mql', message: 'the server says: too many days' },
          { path: 'sources[0].channels[1].share', message: 'the server says: bad share' },
          { path: 'timing.openPipeline.sql', message: 'the server says: not a count' },
        ],
      }),
    }, async (page) => {
      await page.getByRole('button', { name: 'Preview' }).click();
      await page.waitForSelector('[data-path="sources[0].channels[1].share"][aria-invalid="true"]');
      expect(await messageFor(page, 'timing.fiscalYearStart')).toBe('the server says: not a month');
      expect(await messageFor(page, 'sources[0].stageDays.mql')).toBe('the server says: too many days');
      expect(await messageFor(page, 'sources[0].channels[1].share')).toBe('the server says: bad share');
      // A field the form does not show is named in the message area at the top.
      expect(await page.locator('.form-errors').first().textContent()).toBe('timing.openPipeline.sql: the server says: not a count');
      // Focus goes to the first field marked, in page order: the fiscal year comes before the sources.
      expect(await field(page, 'timing.fiscalYearStart').evaluate((e) => e === document.activeElement)).toBe(true);
    });
  });

  it('speaks Chinese in the new fields and results with lang=zh-CN', async () => {
    const input = smallPlan();
    input.timing = { fiscalYearStart: '2027-04', nextYearGrowth: 0.5 };
    input.sources[0].channels = [{ id: 'content', name: '内容', share: 1, costPerLead: 50 }];
    await withSidebar(planState(input), async (page) => {
      for (const label of ['时间', '财年起始月（YYYY-MM）', '明年增长率', '成单季节性', '假日（YYYY-MM-DD，逗号分隔）', '渠道名称', '占来源营收比例', '单条线索成本']) {
        expect([label, await page.getByText(label, { exact: true }).first().isVisible()]).toEqual([label, true]);
      }
      expect(await page.locator('select[data-path="timing.seasonality"] option').allTextContents()).toEqual(['均匀：每月相同', '取自 CRM 导出数据（history）', '12 个权重，每月一个']);
      expect(await page.getByRole('button', { name: '+ 添加渠道' }).first().isVisible()).toBe(true);
      expect(await page.getByRole('button', { name: '删除渠道 内容' }).isVisible()).toBe(true);
      expect(await page.getByLabel('从 sql 到 opportunity 的天数').first().inputValue()).toBe('30');
      // The range and the deal size spread, and a range that misses the rate named in Chinese at its field.
      for (const label of ['区间', '成交金额波动（变异系数）']) expect([label, await page.getByText(label, { exact: true }).first().isVisible()]).toEqual([label, true]);
      const range = 'sources[0].conversionRanges.sql';
      expect(await page.getByLabel('从 sql 到 opportunity 的转化率区间：下限, 上限').first().getAttribute('data-path')).toBe(range);
      await field(page, range).fill('60% 至 70%');
      await field(page, range).press('Tab');
      const missing = structuredClone(input);
      missing.sources[0].conversionRanges = { sql: ['60%', '70%'] };
      expect(await messageFor(page, range)).toBe(coreMessage(missing, range, 'zh-CN'));
      await field(page, range).fill('');

      const path = 'sources[0].channels[0].share';
      await field(page, path).fill('150%');
      await field(page, path).press('Tab');
      const bad = structuredClone(input);
      bad.sources[0].channels![0].share = '150%';
      expect(await messageFor(page, path)).toBe(coreMessage(bad, path, 'zh-CN'));
      await field(page, path).fill('100%');

      await previewed(page);
      expect(await page.locator('.results h3').first().textContent()).toBe('市场部每月的销售认可线索 (SQL)');
      const rows = await rowsOf(page, 'marketing-months');
      expect(rows[0][0]).toBe('2027年3月 （财年前）');
      expect(rows.map((r) => r[0])).toEqual(expect.arrayContaining(['2027年4月', '第1季度', '第4季度', '财年']));
      expect(await page.locator('.results h3').nth(1).textContent()).toBe('渠道预算');
      expect(await rowsOf(page, 'channel-budget')).toEqual([['内容', expect.stringMatching(/^USD [\d,]+$/)]]);
      await page.screenshot({ path: join(OUT, 'sidebar-timing-zh.png'), fullPage: true });
    }, '?lang=zh-CN');
  });
});

/** The rows of a results table as their cells' texts, heading cell first. */
function tableOf(page: Page, table: string): Promise<string[][]> {
  return page.locator(`table.${table} tbody tr`).evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('th, td') as ArrayLike<PageNode>, (c) => c.textContent ?? '')));
}

/** Opens a role's folded fields (a <details> per role). */
async function openRole(page: Page, id: string): Promise<void> {
  const role = page.locator(`details.role[data-role="${id}"]`);
  if (!(await role.evaluate((d) => d.hasAttribute('open')))) await role.locator('summary').click();
}

describe('sidebar team and hiring plan', () => {
  it('edits an SDR\'s current heads and previews the hiring plan, worked by hand', async () => {
    await withSidebar(planState(hiringInput()), async (page, on) => {
      // Three roles, as the plan lists them; the manager (a span of control) has no capacity to set.
      expect(await page.locator('details.role summary').allTextContents()).toEqual(['SDR', 'AE', 'Sales manager']);
      await openRole(page, 'sdr');
      expect(await field(page, 'headcount.roles[0].current').inputValue()).toBe('1');
      expect(await field(page, 'headcount.roles[0].capacityPerMonth').inputValue()).toBe('10');
      expect(await field(page, 'headcount.roles[0].monthlyCost').inputValue()).toBe('5,000');
      expect(await field(page, 'headcount.roles[0].hireLeadMonths').inputValue()).toBe('3');
      expect(await field(page, 'headcount.roles[0].attritionPerYear').inputValue()).toBe('0%');
      expect(await page.getByLabel('Capacity a month, per person').count()).toBe(2);
      expect(await field(page, 'headcount.roles[2].capacityPerMonth').count()).toBe(0);

      // As planned (test/report/hiringPlans.ts): 3 SDRs start in January, the first covered month
      // is February, and January is 1 + 3 × 50 % = 2.5 FTE against 4 — 1.5 short.
      await previewed(page);
      expect(lastSent(on, 'previewPlan')).toEqual(hiringInput());
      expect(await page.locator('.results h3', { hasText: 'Hiring plan' }).count()).toBe(1);
      expect(await page.locator('.hiring-sentence').textContent()).toBe('Hire 4 AEs in Nov 2026, 1 sales manager in Nov 2026, 3 SDRs in Jan 2027.');
      expect(await page.locator('.hiring-cost').textContent()).toBe('Headcount cost for the fiscal year: USD 1,008,000; 10.0 heads at its end (expected, with attrition).');
      expect(await tableOf(page, 'hiring-roles')).toEqual([['SDR', '3', '4.0'], ['AE', '4', '4.0'], ['Sales manager', '1', '2.0']]);
      expect(await page.locator('.gap-list li').allTextContents()).toEqual(['SDR: Jan 2027 1.5']);

      // Two SDRs at start: February needs 2 more, started in January; January is 2 + 1 = 3 of 4.
      await field(page, 'headcount.roles[0].current').fill('2');
      expect(await page.locator('.results').getAttribute('class')).toContain('stale');
      await previewed(page);
      const sent = lastSent(on, 'previewPlan');
      const expected = hiringInput();
      (expected.headcount as { roles: Record<string, unknown>[] }).roles[0].current = '2';
      expect(sent).toEqual(expected);
      expect(await page.locator('.hiring-sentence').textContent()).toBe('Hire 4 AEs in Nov 2026, 1 sales manager in Nov 2026, 2 SDRs in Jan 2027.');
      expect(await tableOf(page, 'hiring-roles')).toEqual([['SDR', '2', '4.0'], ['AE', '4', '4.0'], ['Sales manager', '1', '2.0']]);
      expect(await page.locator('.gap-list li').allTextContents()).toEqual(['SDR: Jan 2027 1.0']);
      await fitsWidth(page);
      await page.screenshot({ path: join(OUT, 'sidebar-hiring.png'), fullPage: true });
    });
  });

  it('shows the default roles with their values, keeps them out of the plan until one is edited, then lists them by id with only what was typed', async () => {
    // The default template lists its roles with the staff they have now; a plan without a headcount section lists none.
    const unlisted = defaultPlanInput();
    delete unlisted.headcount;
    await withSidebar(planState(unlisted), async (page, on) => {
      expect(await page.locator('details.role').count()).toBe(DEFAULT_ROLE_IDS.length);
      expect(await page.locator('details.role').evaluateAll((ds) => ds.map((d) => d.getAttribute('data-role')))).toEqual([...DEFAULT_ROLE_IDS]);
      const sdr = DEFAULT_ROLE_IDS.indexOf('sdr');
      await openRole(page, 'sdr');
      // The default SDR (docs/headcount.md): 15 SQLs a month, 8,000 a month, 1 month to hire, 32 % a year, nobody yet.
      expect(await field(page, `headcount.roles[${sdr}].current`).inputValue()).toBe('0');
      expect(await field(page, `headcount.roles[${sdr}].capacityPerMonth`).inputValue()).toBe('15');
      expect(await field(page, `headcount.roles[${sdr}].monthlyCost`).inputValue()).toBe('8,000');
      expect(await field(page, `headcount.roles[${sdr}].hireLeadMonths`).inputValue()).toBe('1');
      expect(await field(page, `headcount.roles[${sdr}].attritionPerYear`).inputValue()).toBe('32%');
      // A fixed seat: filled, no capacity.
      expect(await field(page, 'headcount.roles[0].current').inputValue()).toBe('1');
      expect(await field(page, 'headcount.roles[0].capacityPerMonth').count()).toBe(0);

      // Typed and typed back: nothing edited, nothing listed.
      await field(page, `headcount.roles[${sdr}].current`).fill('6');
      await field(page, `headcount.roles[${sdr}].current`).fill('0');
      await previewed(page);
      expect(lastSent(on, 'previewPlan')).toEqual(unlisted);
      const before = previewResponse(unlisted, 'en');
      if (!before.ok) throw new Error('expected a plan');

      await field(page, `headcount.roles[${sdr}].current`).fill('6');
      await previewed(page);
      const sent = lastSent(on, 'previewPlan');
      expect(sent.headcount).toEqual({ roles: DEFAULT_ROLE_IDS.map((id) => (id === 'sdr' ? { id, current: '6' } : { id })) });
      const { headcount: _h, ...rest } = sent;
      expect(rest).toEqual(unlisted);
      const after = previewResponse(sent, 'en');
      if (!after.ok) throw new Error('expected a plan');
      const sdrOf = (r: typeof after) => (r.ok ? r.summary.hiring!.roles.find((x) => x.id === 'sdr')! : undefined);
      // Six SDRs at start hire six fewer, and the roles that do not count SDRs plan as before.
      expect(sdrOf(after)!.hires).toBe(sdrOf(before)!.hires - 6);
      for (const id of ['cso', 'ae', 'csm', 'salesManager']) expect(after.summary.hiring!.roles.find((x) => x.id === id)).toEqual(before.summary.hiring!.roles.find((x) => x.id === id));
      expect(await page.locator('.hiring-sentence').textContent()).toBe(after.summary.hiring!.sentence);
      expect(await tableOf(page, 'hiring-roles')).toHaveLength(DEFAULT_ROLE_IDS.length);
    });
  });

  it('names a bad capacity at its field, opens a folded role to show it, and sends nothing', async () => {
    await withSidebar(planState(hiringInput()), async (page, on) => {
      const path = 'headcount.roles[1].capacityPerMonth';
      await openRole(page, 'ae');
      await field(page, path).fill('0');
      await field(page, path).press('Tab');
      const bad = hiringInput();
      (bad.headcount as { roles: Record<string, unknown>[] }).roles[1].capacityPerMonth = '0';
      expect(await messageFor(page, path)).toBe(coreMessage(bad, path));
      expect(await messageFor(page, path)).toBe('expected a number greater than 0, got "0"');
      expect(await field(page, path).getAttribute('aria-invalid')).toBe('true');

      // Folded away, the role opens again when Preview is refused, with the focus on the field.
      await page.locator('details.role[data-role="ae"] summary').click();
      expect(await field(page, path).isVisible()).toBe(false);
      const before = callsOf(on, 'previewPlan').length;
      await page.getByRole('button', { name: 'Preview' }).click();
      expect(await page.locator('.action-message').textContent()).toBe('Fix the fields marked in red first.');
      expect(await field(page, path).isVisible()).toBe(true);
      expect(await field(page, path).evaluate((e) => e === document.activeElement)).toBe(true);
      await page.waitForTimeout(200);
      expect(callsOf(on, 'previewPlan')).toHaveLength(before);

      // Typed back as it was shown: the plan's own number goes back, not the text.
      await field(page, path).fill('5');
      expect(await messageFor(page, path)).toBe('');
      await previewed(page);
      expect(lastSent(on, 'previewPlan')).toEqual(hiringInput());
      await field(page, path).fill('6');
      await previewed(page);
      expect((lastSent(on, 'previewPlan').headcount as { roles: Record<string, unknown>[] }).roles[1].capacityPerMonth).toBe('6');
    });
  });

  it('shows the server\'s verdicts on roles: at the field, and a field not shown at the top of the team section', async () => {
    await withSidebar({
      getSidebarState: stateWith(hiringInput()),
      previewPlan: () => ({
        ok: false,
        reason: 'invalid',
        errors: [
          { path: 'headcount.roles[0].monthlyCost', message: 'the server says: too dear' },
          { path: 'headcount.roles[1].ramp[0]', message: 'the server says: bad ramp' },
          { path: 'headcount.planStart', message: 'the server says: bad month' },
          { path: 'headcount.roles[1].driver.stage', message: 'the server says: bad stage' },
        ],
      }),
    }, async (page) => {
      await page.getByRole('button', { name: 'Preview' }).click();
      await page.waitForSelector('[data-path="headcount.roles[0].monthlyCost"][aria-invalid="true"]');
      expect(await field(page, 'headcount.roles[0].monthlyCost').isVisible()).toBe(true);
      expect(await messageFor(page, 'headcount.roles[0].monthlyCost')).toBe('the server says: too dear');
      // An entry of the ramp is named at the ramp's one field, the plan start at its own.
      expect(await field(page, 'headcount.roles[1].ramp').isVisible()).toBe(true);
      expect(await messageFor(page, 'headcount.roles[1].ramp')).toBe('the server says: bad ramp');
      expect(await messageFor(page, 'headcount.planStart')).toBe('the server says: bad month');
      expect(await page.locator('section.team .form-errors').textContent()).toBe('headcount.roles[1].driver.stage: the server says: bad stage');
      expect(await page.locator('.form-errors').first().isHidden()).toBe(true);
    });
  });

  it('speaks Chinese in the roles and the hiring plan with lang=zh-CN', async () => {
    await withSidebar(planState(hiringInput()), async (page) => {
      expect(await page.getByText('团队与招聘', { exact: true }).isVisible()).toBe(true);
      expect(await page.locator('details.role summary').allTextContents()).toEqual(['销售开发代表 (SDR)', '销售代表 (AE)', '销售经理']);
      await openRole(page, 'sdr');
      for (const label of ['现有人数', '每人每月产能', '每人每月成本', '招聘周期（月）', '年流失率']) {
        expect([label, await page.getByText(label, { exact: true }).first().isVisible()]).toEqual([label, true]);
      }
      const path = 'headcount.roles[0].attritionPerYear';
      await field(page, path).fill('120%');
      await field(page, path).press('Tab');
      const bad = hiringInput();
      (bad.headcount as { roles: Record<string, unknown>[] }).roles[0].attritionPerYear = '120%';
      expect(await messageFor(page, path)).toBe(coreMessage(bad, path, 'zh-CN'));
      expect(await messageFor(page, path)).toContain('年流失率应不小于 0 且小于 1');
      await field(page, path).fill('0%');

      await previewed(page);
      expect(await page.locator('.results h3', { hasText: '招聘计划' }).count()).toBe(1);
      expect(await page.locator('.hiring-sentence').textContent()).toBe('招聘计划：2026年11月 招聘 4 名销售代表 (AE)；2026年11月 招聘 1 名销售经理；2027年1月 招聘 3 名销售开发代表 (SDR)。');
      expect(await page.locator('.hiring-cost').textContent()).toBe('财年人员成本：USD 1,008,000；财年末 10.0 人（含流失的期望值）。');
      expect((await tableOf(page, 'hiring-roles'))[0]).toEqual(['销售开发代表 (SDR)', '3', '4.0']);
      expect(await page.locator('table.hiring-roles thead th').allTextContents()).toEqual(['角色', '招聘人数', '财年末人数']);
      expect(await page.locator('.gap-list li').allTextContents()).toEqual(['销售开发代表 (SDR)：2027年1月 1.5']);
      await page.screenshot({ path: join(OUT, 'sidebar-hiring-zh.png'), fullPage: true });
    }, '?lang=zh-CN');
  });

  it('edits an SDR\'s ramp, sends the typed entries, and the ramp-up gap moves as worked by hand', async () => {
    const withRamp = (ramp: unknown[]): PlanInput => {
      const input = hiringInput();
      (input.headcount as { roles: Record<string, unknown>[] }).roles[0].ramp = ramp;
      return input;
    };
    await withSidebar(planState(hiringInput()), async (page, on) => {
      await openRole(page, 'sdr');
      await openRole(page, 'salesManager');
      // As the plan has them, in percentages like the attrition; the manager has none.
      expect(await field(page, 'headcount.roles[0].ramp').inputValue()).toBe('50%');
      expect(await field(page, 'headcount.roles[1].ramp').inputValue()).toBe('0%, 50%');
      expect(await field(page, 'headcount.roles[2].ramp').inputValue()).toBe('none');
      expect(await page.getByLabel('Ramp (output by month)').count()).toBe(3);

      // 20 %, 60 %: the first covered month is March (earliest start January + 2 months of ramp);
      // 1 + 3 hires in January cover March's 4 FTE, and a February start would be 1 + 2 + 0.6 < 4,
      // so still 3 SDRs in January. January is 1 + 3 × 0.2 = 1.6 of 4 (2.4 short), February
      // 1 + 3 × 0.6 = 2.8 (1.2 short). The AEs and the manager (heads, not FTE) plan as before.
      await field(page, 'headcount.roles[0].ramp').fill('20%, 60%');
      await previewed(page);
      expect(lastSent(on, 'previewPlan')).toEqual(withRamp(['20%', '60%']));
      expect(await page.locator('.hiring-sentence').textContent()).toBe('Hire 4 AEs in Nov 2026, 1 sales manager in Nov 2026, 3 SDRs in Jan 2027.');
      expect(await page.locator('.gap-list li').allTextContents()).toEqual(['SDR: Jan 2027 2.4, Feb 2027 1.2']);

      // Decimals and spaces read the same.
      await field(page, 'headcount.roles[0].ramp').fill('0.2 0.6');
      await previewed(page);
      expect(lastSent(on, 'previewPlan')).toEqual(withRamp(['0.2', '0.6']));
      expect(await page.locator('.gap-list li').allTextContents()).toEqual(['SDR: Jan 2027 2.4, Feb 2027 1.2']);

      // "none": productive at once, so January itself is covered: 3 hires in January, no gap.
      await field(page, 'headcount.roles[0].ramp').fill('None');
      await previewed(page);
      expect(lastSent(on, 'previewPlan')).toEqual(withRamp([]));
      expect(await page.locator('.hiring-sentence').textContent()).toBe('Hire 4 AEs in Nov 2026, 1 sales manager in Nov 2026, 3 SDRs in Jan 2027.');
      expect(await page.locator('.gap-list li').count()).toBe(0);

      // "100%" is a month of ramp at full output, not none: covered from February, so the 3 start
      // in February (the latest that covers it) and January is 1 of 4, 3 short.
      await field(page, 'headcount.roles[0].ramp').fill('100%');
      await previewed(page);
      expect(lastSent(on, 'previewPlan')).toEqual(withRamp(['100%']));
      expect(await page.locator('.hiring-sentence').textContent()).toBe('Hire 4 AEs in Nov 2026, 1 sales manager in Nov 2026, 3 SDRs in Feb 2027.');
      expect(await page.locator('.gap-list li').allTextContents()).toEqual(['SDR: Jan 2027 3.0']);

      // Typed back as shown: the plan goes back as it came, byte for byte.
      await field(page, 'headcount.roles[0].ramp').fill('50%');
      await previewed(page);
      expect(JSON.stringify(lastSent(on, 'previewPlan'))).toBe(JSON.stringify(hiringInput()));
      await fitsWidth(page);
      await page.locator('section.team').screenshot({ path: join(OUT, 'sidebar-ramp.png') });
    });
  });

  it('names a bad ramp entry at the ramp field with core\'s message, and sends nothing', async () => {
    await withSidebar(planState(hiringInput()), async (page, on) => {
      const path = 'headcount.roles[0].ramp';
      await openRole(page, 'sdr');
      await field(page, path).fill('150%');
      await field(page, path).press('Tab');
      const bad = hiringInput();
      (bad.headcount as { roles: Record<string, unknown>[] }).roles[0].ramp = ['150%'];
      expect(await messageFor(page, path)).toBe(coreMessage(bad, `${path}[0]`));
      expect(await messageFor(page, path)).toBe('expected a productivity from 0 to 1 for this month of tenure (0.25 = a quarter of a fully ramped person\'s output), got "150%"');
      expect(await field(page, path).getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('section.team .form-errors').isHidden()).toBe(true);

      // The second entry is named too, by what was typed there.
      await field(page, path).fill('50%, 2');
      (bad.headcount as { roles: Record<string, unknown>[] }).roles[0].ramp = ['50%', '2'];
      expect(await messageFor(page, path)).toBe(coreMessage(bad, `${path}[1]`));
      expect(await messageFor(page, path)).toContain('got "2"');

      // Folded away, the role opens again when Preview is refused.
      await page.locator('details.role[data-role="sdr"] summary').click();
      const before = callsOf(on, 'previewPlan').length;
      await page.getByRole('button', { name: 'Preview' }).click();
      expect(await page.locator('.action-message').textContent()).toBe('Fix the fields marked in red first.');
      expect(await field(page, path).evaluate((e) => e === document.activeElement)).toBe(true);
      await page.waitForTimeout(200);
      expect(callsOf(on, 'previewPlan')).toHaveLength(before);
    });
  });

  it('edits the plan start as text: a half-typed month is named at its field, a later one moves the first hires as worked by hand', async () => {
    await withSidebar(planState(hiringInput()), async (page, on) => {
      const path = 'headcount.planStart';
      expect(await field(page, path).inputValue()).toBe('');
      expect(await field(page, path).getAttribute('placeholder')).toBe('YYYY-MM');
      await field(page, path).fill('2026-1');
      await field(page, path).press('Tab');
      expect(await field(page, path).inputValue()).toBe('2026-1');
      const bad = hiringInput();
      (bad.headcount as Record<string, unknown>).planStart = '2026-1';
      expect(await messageFor(page, path)).toBe(coreMessage(bad, path));
      expect(await messageFor(page, path)).toBe('expected a month as "YYYY-MM" (e.g. "2027-04"), got "2026-1"');
      (bad.headcount as Record<string, unknown>).planStart = '2028-01';
      await field(page, path).fill('2028-01');
      expect(await messageFor(page, path)).toBe(coreMessage(bad, path));
      expect(await page.locator('section.team .form-errors').isHidden()).toBe(true);

      // From Dec 2026: the SDRs' earliest start is March (lead 3), covered from April: 3 SDRs in
      // March; January and February are 1 of 4, March 1 + 1.5 = 2.5 (1.5 short). The AEs' earliest
      // start is January, covered from March (ramp 0, 50 %): 4 AEs in January; January 0 of 4,
      // February 2 of 4. The manager (1 per 4 heads; heads 1, 5, 5, 8…): 1 in January.
      // FY cost: SDR (1 + 1 + 10 × 4) × 5,000 = 210,000, AE 480,000, manager 288,000 = 978,000.
      await field(page, path).fill('2026-12');
      await previewed(page);
      const sent = lastSent(on, 'previewPlan');
      expect(sent.headcount).toEqual({ ...(hiringInput().headcount as object), planStart: '2026-12' });
      expect(await page.locator('.hiring-sentence').textContent()).toBe('Hire 4 AEs in Jan 2027, 1 sales manager in Jan 2027, 3 SDRs in Mar 2027.');
      expect(await page.locator('.hiring-cost').textContent()).toBe('Headcount cost for the fiscal year: USD 978,000; 10.0 heads at its end (expected, with attrition).');
      expect(await page.locator('.gap-list li').allTextContents()).toEqual(['SDR: Jan 2027 3.0, Feb 2027 3.0, Mar 2027 1.5', 'AE: Jan 2027 4.0, Feb 2027 2.0']);

      // Cleared again: the plan goes back as it came.
      await field(page, path).fill('');
      await previewed(page);
      expect(JSON.stringify(lastSent(on, 'previewPlan'))).toBe(JSON.stringify(hiringInput()));
    });
  });

  it('keeps unlisted default roles unlisted for a plan start, and lists them by id with only a typed ramp', async () => {
    const unlisted = defaultPlanInput();
    delete unlisted.headcount;
    await withSidebar(planState(unlisted), async (page, on) => {
      const sdr = DEFAULT_ROLE_IDS.indexOf('sdr');
      const ae = DEFAULT_ROLE_IDS.indexOf('ae');
      await openRole(page, 'sdr');
      await openRole(page, 'ae');
      await openRole(page, 'cso');
      // The defaults' ramps (docs/headcount.md): SDR 25/50/75 %, AE 0/20/40/60/80 %; a fixed seat none.
      expect(await field(page, `headcount.roles[${sdr}].ramp`).inputValue()).toBe('25%, 50%, 75%');
      expect(await field(page, `headcount.roles[${ae}].ramp`).inputValue()).toBe('0%, 20%, 40%, 60%, 80%');
      expect(await field(page, 'headcount.roles[0].ramp').inputValue()).toBe('none');

      await previewed(page);
      expect(JSON.stringify(lastSent(on, 'previewPlan'))).toBe(JSON.stringify(unlisted));

      // A plan start alone is the section's: no role is listed.
      await field(page, 'headcount.planStart').fill('2026-11');
      await previewed(page);
      expect(lastSent(on, 'previewPlan').headcount).toEqual({ planStart: '2026-11' });
      await field(page, 'headcount.planStart').fill('');

      await field(page, `headcount.roles[${sdr}].ramp`).fill('20%, 60%');
      await previewed(page);
      const sent = lastSent(on, 'previewPlan');
      expect(sent.headcount).toEqual({ roles: DEFAULT_ROLE_IDS.map((id) => (id === 'sdr' ? { id, ramp: ['20%', '60%'] } : { id })) });
      // A blank ramp is the default's again: the key goes, the role stays listed by id.
      await field(page, `headcount.roles[${sdr}].ramp`).fill('');
      await field(page, `headcount.roles[${sdr}].current`).fill('3');
      await previewed(page);
      expect(lastSent(on, 'previewPlan').headcount).toEqual({ roles: DEFAULT_ROLE_IDS.map((id) => (id === 'sdr' ? { id, current: '3' } : { id })) });
    });
  });

  it('speaks Chinese in the ramp and the plan start, and reads "无" as no ramp, with lang=zh-CN', async () => {
    await withSidebar(planState(hiringInput()), async (page, on) => {
      await openRole(page, 'salesManager');
      await openRole(page, 'sdr');
      for (const label of ['爬坡：按月产出比例', '计划起始月（YYYY-MM）']) expect([label, await page.getByText(label, { exact: true }).first().isVisible()]).toEqual([label, true]);
      expect(await field(page, 'headcount.roles[2].ramp').inputValue()).toBe('无');
      await field(page, 'headcount.roles[0].ramp').fill('无');
      await previewed(page);
      expect((lastSent(on, 'previewPlan').headcount as { roles: Record<string, unknown>[] }).roles[0].ramp).toEqual([]);
      await field(page, 'headcount.roles[0].ramp').fill('20%，60%');
      await previewed(page);
      expect((lastSent(on, 'previewPlan').headcount as { roles: Record<string, unknown>[] }).roles[0].ramp).toEqual(['20%', '60%']);
      expect(await page.locator('.gap-list li').allTextContents()).toEqual(['销售开发代表 (SDR)：2027年1月 2.4、2027年2月 1.2']);
      const path = 'headcount.roles[0].ramp';
      await field(page, path).fill('150%');
      await field(page, path).press('Tab');
      const bad = hiringInput();
      (bad.headcount as { roles: Record<string, unknown>[] }).roles[0].ramp = ['150%'];
      expect(await messageFor(page, path)).toBe(coreMessage(bad, `${path}[0]`, 'zh-CN'));
    }, '?lang=zh-CN');
  });

  it('reads "無" as no ramp with lang=zh-TW, and "none" in any language', async () => {
    await withSidebar(planState(hiringInput()), async (page, on) => {
      await openRole(page, 'sdr');
      expect(await page.getByText('爬坡：按月產出比例', { exact: true }).first().isVisible()).toBe(true);
      expect(await page.getByText('計畫起始月（YYYY-MM）', { exact: true }).isVisible()).toBe(true);
      for (const word of ['無', 'none', '无']) {
        await field(page, 'headcount.roles[0].ramp').fill(word);
        await previewed(page);
        expect([word, (lastSent(on, 'previewPlan').headcount as { roles: Record<string, unknown>[] }).roles[0].ramp]).toEqual([word, []]);
      }
    }, '?lang=zh-TW');
  });

  it('fits 300 px with every default role open', async () => {
    const opened = await open(server);
    const { page } = opened;
    await page.locator('details.role').evaluateAll((ds) => ds.forEach((d) => d.setAttribute('open', '')));
    await previewed(page);
    await fitsWidth(page);
    await page.screenshot({ path: join(OUT, 'sidebar-roles.png'), fullPage: true });
    expectClean(opened, server);
    await opened.close();
  });
});

describe('sidebar bonus pool', () => {
  /** The bucket table's rows as [heading, value] pairs, and the funded and cost lines. */
  async function payouts(page: Page): Promise<{ funded: string; rows: string[][]; cost: string; gate: number }> {
    return {
      funded: (await page.locator('.bonus-funded').textContent()) ?? '',
      rows: await rowsOf(page, 'bonus-buckets'),
      cost: (await page.locator('.bonus-cost').textContent()) ?? '',
      gate: await page.locator('.bonus-gate').count(),
    };
  }
  const slider = (page: Page, n: number) => page.locator('.bonus input[type="range"]').nth(n);

  it('moves the payouts with the sliders, to the numbers worked by hand and the engine\'s', async () => {
    await withSidebar(planState(bonusInput()), async (page) => {
      await previewed(page);
      expect(await page.locator('.results h3', { hasText: 'Bonus pool' }).count()).toBe(1);
      expect(await page.locator('.bonus label').allTextContents()).toEqual(['Revenue attainment 100%', 'Marketing share attainment 100%']);
      // On plan (test/report/bonusPlans.ts): Sales 60,000 — 7,500 an AE, 15,000 a manager; SDR 40,000 — 10,000 an SDR.
      expect(await payouts(page)).toEqual({
        funded: 'Funded pool: USD 100,000',
        rows: [
          ['Sales', '60,000'],
          ['AE × 4', '7,500 each'],
          ['Sales manager × 2', '15,000 each'],
          ['SDR', '40,000'],
          ['SDR × 4', '10,000 each'],
          ['Total', '100,000'],
        ],
        cost: 'Cost, % of revenue: 8.3%',
        gate: 0,
      });

      // Revenue 120 %: funding 1.5 → 150,000; Sales 0.6 × 150,000 × 1.4 = 126,000 (63,000 a side: 15,750 an AE,
      // 31,500 a manager); SDR 0.4 × 150,000 = 60,000, 15,000 each; 186,000 of 1,440,000 revenue.
      await slider(page, 0).fill('120');
      expect(await page.locator('.bonus label').first().textContent()).toBe('Revenue attainment 120%');
      expect(await payouts(page)).toEqual({
        funded: 'Funded pool: USD 150,000',
        rows: [
          ['Sales', '126,000'],
          ['AE × 4', '15,750 each'],
          ['Sales manager × 2', '31,500 each'],
          ['SDR', '60,000'],
          ['SDR × 4', '15,000 each'],
          ['Total', '186,000'],
        ],
        cost: 'Cost, % of revenue: 12.9%',
        gate: 0,
      });

      // Marketing share 90 %: SDR 0.5 × 1 + 0.5 × 0.75 = 0.875 → 52,500, 13,125 each; Sales does not read it.
      await slider(page, 1).fill('90');
      expect((await payouts(page)).rows.slice(3)).toEqual([['SDR', '52,500'], ['SDR × 4', '13,125 each'], ['Total', '178,500']]);

      // By keyboard, one step: revenue 121 %, and the engine's numbers for it.
      await slider(page, 0).focus();
      await page.keyboard.press('ArrowRight');
      const b = previewResponse(bonusInput(), 'en', '2026-09-01');
      if (!b.ok || !b.summary.bonus) throw new Error('expected a bonus');
      const sb = b.summary.bonus;
      const engine = payScenario(sb.bonus, '', { revenue: 1.21, marketingShare: 0.9 }, { revenueTarget: sb.revenueTarget, scale: 100, heads: sb.heads, kpis: sb.kpis });
      const shown = await payouts(page);
      expect(shown.funded).toBe(`Funded pool: USD ${minorText(engine.fundedMinor, 2)}`);
      expect(shown.rows.filter((_, i) => i === 0 || i === 3 || i === 5).map((r) => r[1])).toEqual([...engine.buckets.map((p) => minorText(p.payoutMinor, 2)), minorText(engine.totalMinor, 2)]);

      // Below the gate: nothing funded, nothing paid, and the page says why.
      await slider(page, 0).fill('79');
      const below = await payouts(page);
      expect([below.funded, below.gate, below.rows[0], below.rows[below.rows.length - 1]]).toEqual(['Funded pool: USD 0', 1, ['Sales', '0'], ['Total', '0']]);
      expect(await page.locator('.bonus-gate').textContent()).toBe('Below the gate of 80%: nothing is funded, nothing is paid.');
      // Per-head rows without payouts still name their heads.
      expect(below.rows[1]).toEqual(['AE × 4', '0 each']);
      await fitsWidth(page);
      await page.locator('.bonus').screenshot({ path: join(OUT, 'sidebar-bonus.png') });
    });
  });

  it('speaks zh-CN, and a plan without a pool shows none', async () => {
    await withSidebar(planState(bonusInput()), async (page) => {
      await previewed(page);
      expect(await page.locator('.results h3', { hasText: '奖金池' }).count()).toBe(1);
      expect(await page.locator('.bonus label').allTextContents()).toEqual(['营收达成率 100%', '市场来源占比达成率 100%']);
      expect((await rowsOf(page, 'bonus-buckets')).slice(0, 3)).toEqual([['Sales', '60,000'], ['销售代表 (AE) × 4', '每人 7,500'], ['销售经理 × 2', '每人 15,000']]);
      expect(await page.locator('table.bonus-buckets thead th').allTextContents()).toEqual(['奖金桶', '发放 (USD)']);
    }, '?lang=zh-CN');
    await withSidebar(planState(hiringInput()), async (page) => {
      await previewed(page);
      expect(await page.locator('.results h3', { hasText: 'Hiring plan' }).count()).toBe(1);
      expect(await page.locator('.bonus').count()).toBe(0);
    });
  });
});

describe('sidebar confidence card', () => {
  const card = (page: Page) => page.locator('section.confidence');
  const ready = (page: Page) => page.waitForSelector('section.confidence[data-state="ready"]:not([hidden])');
  const pct = (x: number) => `${Number((x * 100).toFixed(1))}%`;

  /** What `funnel-planner simulate` computes for `input` in Node (its runConfidence, its today): the same core, seed and defaults. */
  function nodeConfidence(input: unknown): Confidence {
    const checked = validatePlan(input, { today: today() });
    if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
    return runConfidence(checked.plan, checked.funnel, {});
  }
  /** As google.script.run and `simulate --json` carry it: plain JSON, undefined fields dropped. */
  const asJson = (c: Confidence): Confidence => JSON.parse(JSON.stringify(c)) as Confidence;
  const usd = (n: number) => `USD ${COUNT.format(Math.round(n))}`;

  /** The card as a user reads it: the P(hit) line, the revenue quantiles, the volume rows, the multiplier line. */
  async function shown(page: Page): Promise<{ hit: string; revenue: string[]; volume: string[][]; multiplier: string }> {
    return {
      hit: (await page.locator('.confidence-hit').textContent()) ?? '',
      revenue: await page.locator('table.confidence-revenue td').allTextContents(),
      volume: await page.locator('table.confidence-volume tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')?.textContent ?? '', ...Array.from(tr.querySelectorAll('td')).map((td) => (td as PageNode).textContent ?? '')])),
      multiplier: (await page.locator('.confidence-multiplier').textContent()) ?? '',
    };
  }

  /** Types `value` into the field at `path` as a keystroke would (an input event), and reads the card in the same turn, before any timer can run. */
  function typeAndRead(page: Page, path: string, value: string): Promise<{ state: string | null; hidden: boolean; status: string }> {
    return page.evaluate(
      ([p, v]) => {
        const input = document.querySelector(`[data-path="${p}"]`) as unknown as { value: string; dispatchEvent(e: unknown): boolean };
        input.value = v;
        input.dispatchEvent(new (globalThis as unknown as { Event: new (type: string, init: object) => unknown }).Event('input', { bubbles: true }));
        const section = document.querySelector('section.confidence');
        return { state: section?.getAttribute('data-state') ?? null, hidden: section?.hidden ?? true, status: document.querySelector('.confidence-status')?.textContent ?? '' };
      },
      [path, value] as const,
    );
  }

  const withLeadRate = (rate: number): PlanInput => {
    const input = defaultPlanInput();
    input.sources[0].conversionRates.lead = rate;
    return input;
  };

  it('shows how sure the default plan is without a server call: the numbers `funnel-planner simulate` prints (screenshot: out/sidebar-confidence.png)', async () => {
    // The default template, as the CLI simulates it with no input file.
    const cli = runCli(['simulate', '--json']);
    expect(cli.status).toBe(0);
    const c = JSON.parse(cli.stdout) as Confidence;
    await withSidebar({}, async (page, on) => {
      await ready(page);
      const { marketing, outbound } = c.forConfidence.bySource;
      // The seed's plan: 12,800 leads and 1,668 SQLs planned; a plan of averages hits its target about half the time.
      expect([marketing.planned, outbound.planned]).toEqual([12_800, 1_668]);
      expect(c.pHitTarget).toBeGreaterThan(0.45);
      expect(c.pHitTarget).toBeLessThan(0.6);
      expect(marketing.volume).toBeGreaterThan(12_800);
      expect(await page.locator('section.confidence h2').textContent()).toBe('How sure is the plan');
      expect(await shown(page)).toEqual({
        hit: `Chance of reaching the target of USD 10,000,000: ${pct(c.pHitTarget)}`,
        revenue: [c.revenue.p10, c.revenue.p50, c.revenue.p90].map((v) => COUNT.format(v)),
        volume: [
          ['Marketing-sourced · Leads', '12,800', COUNT.format(marketing.volume!)],
          ['Sales-sourced (outbound) · SQLs', '1,668', COUNT.format(outbound.volume!)],
        ],
        multiplier: `Every entry volume × ${c.forConfidence.multiplier} reaches 90% confidence.`,
      });
      expect(await page.locator('table.confidence-volume thead th').allTextContents()).toEqual(['Source', 'Planned', 'For 90%']);
      expect(await card(page).textContent()).toContain('10,000 trials (seed 2027)');
      // The template's pool of 600,000, paid over the trials by the hiring plan's heads.
      expect(await page.locator('.confidence-bonus').textContent()).toBe(`Bonus pool cost: ${usd(c.bonusCost!.mean)} expected, ${usd(c.bonusCost!.p90)} at P90.`);
      expect(on.calls.map((call) => call.name)).toEqual(['getSidebarState']);
      await fitsWidth(page);
      await card(page).screenshot({ path: join(OUT, 'sidebar-confidence.png') });
    });
  });

  it('follows an edited rate once the typing pauses, says "Simulating…" meanwhile, and drops the plan typed over', async () => {
    await withSidebar({}, async (page) => {
      await ready(page);
      const before = await shown(page);
      // 30 % first, then 20 % before any run: the card must end on the 20 % plan, never show the 30 % one.
      const first = await typeAndRead(page, 'sources[0].conversionRates.lead', '30%');
      expect(first).toEqual({ state: 'simulating', hidden: false, status: 'Simulating…' });
      expect(await typeAndRead(page, 'sources[0].conversionRates.lead', '20%')).toEqual(first);
      await ready(page);
      const c = nodeConfidence(withLeadRate(0.2));
      // 3,200 MQLs at 20 % a lead: 16,000 leads.
      expect(c.forConfidence.bySource.marketing.planned).toBe(16_000);
      const after = await shown(page);
      expect(after.hit).toBe(`Chance of reaching the target of USD 10,000,000: ${pct(c.pHitTarget)}`);
      expect(after.volume[0]).toEqual(['Marketing-sourced · Leads', '16,000', COUNT.format(c.forConfidence.bySource.marketing.volume!)]);
      expect(after).not.toEqual(before);

      // Back to the plan already simulated: its numbers again.
      await field(page, 'sources[0].conversionRates.lead').fill('25%');
      await ready(page);
      expect(await shown(page)).toEqual(before);
    });
  });

  /** planConfidenceWithPool in Node for `input` read on today's date: the function the page runs. */
  function coreConfidence(input: PlanInput): Confidence {
    const checked = validatePlan(input, { today: today() });
    if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
    return planConfidenceWithPool(checked.plan, checked.funnel);
  }
  const spreadOf = async (page: Page) => {
    const [p10, , p90] = (await page.locator('table.confidence-revenue td').allTextContents()).map((t) => Number(t.replace(/,/g, '')));
    return p90 - p10;
  };

  it('widens P10–P90 with a typed rate range and a deal-size spread, to the numbers core gives in Node (screenshot: out/sidebar-ranges.png)', async () => {
    await withSidebar({}, async (page, on) => {
      await ready(page);
      const plain = await spreadOf(page);
      // "30% – 50%" around MQL→SQL's 40 %: the rate is drawn from a spread, not fixed.
      await field(page, 'sources[0].conversionRanges.mql').fill('30% – 50%');
      await ready(page);
      const ranged = coreConfidence({ ...defaultPlanInput(), sources: defaultPlanInput().sources.map((src, i) => (i === 0 ? { ...src, conversionRanges: { mql: ['30%', '50%'] } } : src)) });
      expect(await shown(page)).toMatchObject({
        hit: `Chance of reaching the target of USD 10,000,000: ${pct(ranged.pHitTarget)}`,
        revenue: [ranged.revenue.p10, ranged.revenue.p50, ranged.revenue.p90].map((v) => COUNT.format(Math.round(v))),
      });
      const withRange = await spreadOf(page);
      expect(withRange).toBeGreaterThan(plain);

      // One deal's size varying by 60 % of the average widens it again.
      await field(page, 'sources[0].dealSizeCv').fill('60%');
      await ready(page);
      await page.getByRole('button', { name: 'Generate sheets' }).click();
      await page.waitForSelector('section.results:not([hidden])');
      const [sent, , confidence] = callsOf(on, 'generateFromSidebar')[0].args as [PlanInput, string | null, Confidence];
      // The page sends the range as its two ends, as the Inputs sheet reads "30% – 50%", and the spread as typed.
      expect(sent.sources[0].conversionRanges).toEqual({ mql: ['30%', '50%'] });
      expect(sent.sources[0].dealSizeCv).toBe('60%');
      expect(sent.sources[1]).toEqual(defaultPlanInput().sources[1]);
      const both = coreConfidence(sent);
      expect(confidence).toEqual(asJson(both));
      expect(await shown(page)).toMatchObject({
        hit: `Chance of reaching the target of USD 10,000,000: ${pct(both.pHitTarget)}`,
        revenue: [both.revenue.p10, both.revenue.p50, both.revenue.p90].map((v) => COUNT.format(Math.round(v))),
      });
      expect(both.forConfidence.bySource.marketing.volume).toBeGreaterThan(ranged.forConfidence.bySource.marketing.volume!);
      expect(await spreadOf(page)).toBeGreaterThan(withRange);
      await fitsWidth(page);
      await page.locator('fieldset.source').first().screenshot({ path: join(OUT, 'sidebar-ranges.png') });
    });
  });

  it('names a range that misses the rate, a half-typed one and a bad spread at their fields, and shows no card', async () => {
    await withSidebar({}, async (page) => {
      await ready(page);
      const path = 'sources[0].conversionRanges.mql';
      const cases: [string, unknown, string][] = [
        // The planned 40 % is below the range: core's rangeExcludesRate.
        ['50%, 60%', ['50%', '60%'], path],
        // One end only: core's rangePair.
        ['30%', ['30%'], path],
        // An end that is no rate: core names the end, the page shows it at the range's field.
        ['30% to 150%', ['30%', '150%'], `${path}[1]`],
      ];
      for (const [typed, range, errorPath] of cases) {
        await field(page, path).fill(typed);
        await field(page, path).press('Tab');
        const input = defaultPlanInput();
        input.sources[0].conversionRanges = { mql: range as string[] };
        expect(await messageFor(page, path)).toBe(coreMessage(input, errorPath));
        expect(await field(page, path).getAttribute('aria-invalid')).toBe('true');
        expect(await card(page).isVisible()).toBe(false);
      }
      expect(await messageFor(page, path)).toContain('150%');

      await field(page, path).fill('');
      await field(page, 'sources[0].dealSizeCv').fill('900%');
      await field(page, 'sources[0].dealSizeCv').press('Tab');
      const input = defaultPlanInput();
      input.sources[0].dealSizeCv = '900%';
      expect(await messageFor(page, 'sources[0].dealSizeCv')).toBe(coreMessage(input, 'sources[0].dealSizeCv'));
      expect(await messageFor(page, path)).toBe('');
      await field(page, 'sources[0].dealSizeCv').fill('');
      await ready(page);
    });
  });

  it('drops a range for a stage the source no longer converts when its entry stage moves down', async () => {
    await withSidebar({}, async (page, on) => {
      await field(page, 'sources[0].conversionRanges.mql').fill('30%, 50%');
      await field(page, 'sources[0].conversionRanges.sql').fill('40%~60%');
      await field(page, 'sources[0].entryStage').selectOption('sql');
      await previewed(page);
      expect(lastSent(on, 'previewPlan').sources[0].conversionRanges).toEqual({ sql: ['40%', '60%'] });
      await field(page, 'sources[0].entryStage').selectOption('lead');
      expect(await field(page, 'sources[0].conversionRanges.mql').inputValue()).toBe('30%, 50%');
    });
  });

  it('shows no card while the plan is invalid, and comes back when it is fixed', async () => {
    await withSidebar({}, async (page) => {
      await ready(page);
      expect(await typeAndRead(page, 'sources[0].conversionRates.lead', '150%')).toMatchObject({ hidden: true });
      expect(await card(page).isVisible()).toBe(false);
      await field(page, 'revenueTarget').fill('');
      expect(await card(page).isVisible()).toBe(false);
      await field(page, 'revenueTarget').fill('10,000,000');
      await field(page, 'sources[0].conversionRates.lead').fill('25%');
      await ready(page);
      expect((await shown(page)).volume[0].slice(0, 2)).toEqual(['Marketing-sourced · Leads', '12,800']);
    });
  });

  it('shows the pool\'s cost only for a plan with a pool', async () => {
    await withSidebar(planState(hiringInput()), async (page) => {
      await ready(page);
      const c = nodeConfidence(hiringInput());
      expect(c.bonusCost).toBeUndefined();
      expect((await shown(page)).hit).toBe(`Chance of reaching the target of ${usd(c.target)}: ${pct(c.pHitTarget)}`);
      expect(await page.locator('.confidence-bonus').count()).toBe(0);
    });
    await withSidebar(planState(bonusInput()), async (page) => {
      await ready(page);
      const cost = nodeConfidence(bonusInput()).bonusCost!;
      expect(await page.locator('.confidence-bonus').textContent()).toBe(`Bonus pool cost: ${usd(cost.mean)} expected, ${usd(cost.p90)} at P90.`);
    });
  });

  it('Generate sends the Confidence of exactly the input it sends, simulating it first when the card has not yet', async () => {
    await withSidebar({}, async (page, on) => {
      await ready(page);
      await page.getByRole('button', { name: 'Generate sheets' }).click();
      await page.waitForSelector('section.results:not([hidden])');
      const first = callsOf(on, 'generateFromSidebar');
      expect(first).toHaveLength(1);
      // Exactly what `funnel-planner simulate --json` prints for the template.
      const cli = runCli(['simulate', '--json']);
      expect(first[0].args[2]).toEqual(JSON.parse(cli.stdout));
      expect((first[0].args[2] as Confidence).bonusCost).toBeDefined();

      // A rate typed and Generate clicked at once, before the card's run: the confidence sent is the new plan's.
      await page.evaluate(() => {
        const input = document.querySelector('[data-path="sources[0].conversionRates.lead"]') as unknown as { value: string; dispatchEvent(e: unknown): boolean };
        input.value = '20%';
        input.dispatchEvent(new (globalThis as unknown as { Event: new (type: string, init: object) => unknown }).Event('input', { bubbles: true }));
        document.querySelector('button[data-action="generate"]')?.click();
      });
      await page.waitForFunction(() => !document.querySelector('.action-bar')?.hasAttribute('aria-busy'));
      const calls = callsOf(on, 'generateFromSidebar');
      expect(calls).toHaveLength(2);
      const [sent, , confidence] = calls[1].args as [PlanInput, string | null, Confidence];
      expect(sent.sources[0].conversionRates.lead).toBe('20%');
      expect(confidence).toEqual(asJson(nodeConfidence(sent)));
      // 3,200 MQLs at 20 % a lead: 16,000 leads.
      expect(confidence.forConfidence.bySource.marketing.planned).toBe(16_000);
      // The card shows that plan too, and Preview sends no confidence.
      await ready(page);
      expect((await shown(page)).volume[0][1]).toBe('16,000');
      await previewed(page);
      expect(callsOf(on, 'previewPlan')[0].args).toHaveLength(1);
    });
  });

  it('speaks zh-CN and zh-TW', async () => {
    const c = nodeConfidence(defaultPlanInput());
    await withSidebar({}, async (page) => {
      await ready(page);
      expect(await page.locator('section.confidence h2').textContent()).toBe('计划有多大把握');
      const zh = await shown(page);
      expect(zh.hit).toBe(`达成目标 USD 10,000,000 的概率：${pct(c.pHitTarget)}`);
      expect(zh.volume.map((r) => r[0])).toEqual(['Marketing-sourced · 线索', 'Sales-sourced (outbound) · 销售认可线索 (SQL)']);
      expect(zh.multiplier).toBe(`各来源进入量 × ${c.forConfidence.multiplier}，即有 90% 的把握。`);
      expect(await page.locator('table.confidence-volume thead th').allTextContents()).toEqual(['来源', '计划量', '90% 把握所需']);
      expect(await page.locator('.confidence-status').isVisible()).toBe(false);
      await fitsWidth(page);
      await card(page).screenshot({ path: join(OUT, 'sidebar-confidence-zh.png') });
    }, '?lang=zh-CN');
    await withSidebar({}, async (page) => {
      await ready(page);
      expect(await page.locator('section.confidence h2').textContent()).toBe('計畫有多大把握');
      expect((await shown(page)).hit).toBe(`達成目標 USD 10,000,000 的機率：${pct(c.pHitTarget)}`);
    }, '?lang=zh-TW');
  });
});

describe('sidebar diagnosis card', () => {
  const card = (page: Page) => page.locator('section.diagnosis');

  /** What `funnel-planner diagnose` works out for `input` in Node, without an export: the same core. */
  function nodeDiagnosis(input: PlanInput, lang: Lang = 'en'): Diagnosis {
    const checked = validatePlan(input, { today: today() });
    if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
    const { plan } = checked;
    return diagnose({ stages: plan.stages, handoffStage: plan.handoffStage, benchmarks: plan.benchmarks, evidence: planEvidence(plan), plan, lang });
  }

  /** The card as a user reads it: per source its name and findings, then the sensitivity rows. */
  async function shown(page: Page): Promise<{ sources: { name: string; shapes: string[][] }[]; sensitivity: string[][] }> {
    return page.evaluate(() => {
      const text = (n: PageNode | null) => n?.textContent ?? '';
      const lists = Array.from(document.querySelectorAll('section.diagnosis ul.diagnosis-shapes')) as unknown as (PageNode & { previousElementSibling: PageNode | null; querySelectorAll(s: string): ArrayLike<PageNode> })[];
      const rows = Array.from(document.querySelectorAll('table.diagnosis-sensitivity tbody tr')) as unknown as (PageNode & { querySelectorAll(s: string): ArrayLike<PageNode> })[];
      return {
        sources: lists.map((ul) => ({
          name: text(ul.previousElementSibling),
          shapes: Array.from(ul.querySelectorAll('li')).map((li) => [li.getAttribute('data-shape') ?? '', text(li.querySelector('.diagnosis-shape')), text(li.querySelector('.diagnosis-evidence')), text(li.querySelector('.diagnosis-advice'))]),
        })),
        sensitivity: rows.map((tr) => [...Array.from(tr.querySelectorAll('th span')).map(text), ...Array.from(tr.querySelectorAll('td')).map(text)]),
      };
    });
  }

  /** The card core's diagnosis should give, worded as the card words it. */
  function expected(d: Diagnosis, lang: Lang, currency: string) {
    const m = messages(lang);
    const t = m.diagnosisView;
    const short = (s: string) => m.diagnosis.stage[s] ?? s;
    const names = new Map(d.sources.map((s) => [s.id, s.name]));
    return {
      sources: d.sources.map((s) => ({ name: s.name, shapes: s.shapes.map((f) => [f.shape, m.diagnosis.shapes[f.shape], f.evidence, `${t.adviceLabel}${f.advice}`]) })),
      sensitivity: d.sensitivity!.slice(0, 5).map((x) => [
        t.sourceStage(names.get(x.source)!, m.diagnosis.transition(short(x.stage), short(d.stages[d.stages.indexOf(x.stage) + 1]))),
        t.rateChange(percent(x.rate), percent(x.betterRate)),
        t.entries(COUNT.format(x.leadsSaved), stageLabel(x.entryStage, lang)),
        x.budgetSaved === null ? t.noCost : `${currency} ${COUNT.format(x.budgetSaved)}`,
      ]),
    };
  }

  it('shows what is wrong with the default funnel without a server call: what core\'s diagnose gives in Node (screenshot: out/sidebar-diagnosis.png)', async () => {
    const d = nodeDiagnosis(defaultPlanInput());
    // The template is healthy; its best 10 % (by revenue added at today's volume) is outbound's SQL rate: 1,668 → 1,516 SQLs.
    expect(d.sources.map((s) => s.shapes.map((f) => f.shape))).toEqual([['healthy'], ['healthy']]);
    expect(d.sensitivity![0]).toMatchObject({ source: 'outbound', stage: 'sql', leadsSaved: 152 });
    await withSidebar({}, async (page, on) => {
      await page.waitForSelector('section.diagnosis:not([hidden]) li');
      expect(await page.locator('section.diagnosis h2').textContent()).toBe('What is wrong with our funnel');
      const card_ = await shown(page);
      expect(card_).toEqual(expected(d, 'en', 'USD'));
      expect(card_.sensitivity[0]).toEqual(['Sales-sourced (outbound) · SQL → Opportunity', '40% → 44%', '152 SQLs', 'no cost per lead']);
      expect(card_.sensitivity).toHaveLength(5);
      expect(await page.locator('table.diagnosis-sensitivity thead th').allTextContents()).toEqual(['Stage', 'Entries saved', 'Budget saved']);
      expect(on.calls.map((call) => call.name)).toEqual(['getSidebarState']);
      await fitsWidth(page);
      await card(page).screenshot({ path: join(OUT, 'sidebar-diagnosis.png') });
    });
  });

  it('calls a funnel with MQL → SQL far below its band big head, small tail, as the rate is typed, and hides for an invalid plan', async () => {
    const input = defaultPlanInput();
    input.sources[0].conversionRates.mql = '5%';
    const d = nodeDiagnosis(input);
    expect(d.sources[0].shapes.map((f) => f.shape)).toEqual(['bigHeadSmallTail']);
    await withSidebar({}, async (page) => {
      await page.waitForSelector('section.diagnosis:not([hidden]) li');
      await field(page, 'sources[0].conversionRates.mql').fill('5%');
      const card_ = await shown(page);
      expect(card_).toEqual(expected(d, 'en', 'USD'));
      expect(card_.sources[0].shapes[0].slice(0, 3)).toEqual(['bigHeadSmallTail', 'Big head, small tail', 'MQL → SQL 5%, band 20%–50%']);
      expect(card_.sources[0].shapes[0][3]).toContain('SLA');
      // 3,200 MQLs at 5 % a lead → SQL handoff: 8 × the leads, so every saving is 8 × as large.
      expect(d.sensitivity!.find((x) => x.source === 'marketing')!.entryToday).toBe(102_400);

      await field(page, 'sources[0].conversionRates.mql').fill('150%');
      expect(await card(page).isVisible()).toBe(false);
      await field(page, 'sources[0].conversionRates.mql').fill('40%');
      expect(await shown(page)).toEqual(expected(nodeDiagnosis(defaultPlanInput()), 'en', 'USD'));
    });
  });

  it('speaks zh-CN and zh-TW', async () => {
    const input = defaultPlanInput();
    input.sources[0].conversionRates.mql = '5%';
    await withSidebar(planState(input), async (page) => {
      await page.waitForSelector('section.diagnosis:not([hidden]) li');
      expect(await page.locator('section.diagnosis h2').textContent()).toBe('我们的漏斗哪里出了问题');
      const card_ = await shown(page);
      expect(card_).toEqual(expected(nodeDiagnosis(input, 'zh-CN'), 'zh-CN', 'USD'));
      expect(card_.sources[0].shapes[0].slice(0, 3)).toEqual(['bigHeadSmallTail', '头大尾小型', 'MQL → SQL 5%，基准 20%–50%']);
      expect(card_.sources[0].shapes[0][3].startsWith('建议：')).toBe(true);
      expect(card_.sources[1].shapes[0][1]).toBe('健康');
      expect(card_.sensitivity[0][2]).toBe(`152 ${stageLabel('sql', 'zh-CN')}`);
      expect(await page.locator('table.diagnosis-sensitivity thead th').allTextContents()).toEqual(['阶段', '节省进入量', '节省预算']);
      await fitsWidth(page);
      await card(page).screenshot({ path: join(OUT, 'sidebar-diagnosis-zh.png') });
    }, '?lang=zh-CN');
    await withSidebar(planState(input), async (page) => {
      await page.waitForSelector('section.diagnosis:not([hidden]) li');
      expect(await page.locator('section.diagnosis h2').textContent()).toBe('我們的漏斗哪裡出了問題');
      expect(await shown(page)).toEqual(expected(nodeDiagnosis(input, 'zh-TW'), 'zh-TW', 'USD'));
      expect((await shown(page)).sources[0].shapes[0][1]).toBe('頭大尾小型');
    }, '?lang=zh-TW');
  });
});
