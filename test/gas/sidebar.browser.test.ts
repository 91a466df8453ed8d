// The sidebar in real Chromium, through the same local server `npm run preview` uses: form, validation, busy state, escaping, results.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildSidebarHtml } from '../../scripts/build-sidebar';
import { SidebarHandlers, SidebarServer, startSidebarServer } from '../../scripts/sidebarDevServer';
import { defaultPlanInput } from '../../src/core/defaultPlan';
import { formatFieldError } from '../../src/core/fieldError';
import type { PlanInput } from '../../src/core/planInput';
import type { Lang } from '../../src/core/stages';
import { validatePlan } from '../../src/core/validatePlan';
import { previewResponse } from '../../src/gas/planResponse';
import type { SidebarState } from '../../src/gas/sidebarContract';
import { PageProblems, launchChromium, openWatchedPage } from '../support/chromium';

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
    expect(await page.locator('.results').textContent()).toContain('Sheets written: Summary, Funnel, Inputs.');
    expect(await page.locator('.results').textContent()).toContain('Revenue target: USD 10,000,000');

    const calls = callsOf(server, 'generateFromSidebar');
    expect(calls).toHaveLength(before + 1);
    const [sent, fingerprint] = calls[calls.length - 1].args as [PlanInput, string | null];
    expect(fingerprint).toBeNull();
    const original = defaultPlanInput();
    expect(sent.stages).toEqual(original.stages);
    expect(sent.sources.map((s) => [s.id, s.kind, s.entryStage])).toEqual(original.sources.map((s) => [s.id, s.kind, s.entryStage]));
    expect(sent.revenueTarget).toBe('10,000,000');
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
    expect(await totalsShown(page)).toMatchObject({ Leads: '15,360', SQLs: '3,536' });
    expect(await page.locator('.headline').textContent()).toBe('Marketing must deliver 1,536 SQLs');
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
    const verdicts = await startSidebarServer({
      html,
      handlers: {
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
      },
    });
    try {
      const opened = await open(verdicts);
      const { page } = opened;
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
      expectClean(opened, verdicts);
      await opened.close();
    } finally {
      await verdicts.close();
    }
  });
});

describe('sidebar escaping', () => {
  it('shows a source named like markup as text: no <img>, no dialog', async () => {
    const input = defaultPlanInput();
    input.name = XSS;
    input.sources[0].name = XSS;
    const hostile = await startSidebarServer({
      html,
      handlers: {
        getSidebarState: stateWith(input, { source: 'inputs-sheet', inputsFingerprint: 'fp-1', readProblems: [`Inputs!B3: ${XSS}`] }),
      },
    });
    try {
      const opened = await open(hostile);
      const { page } = opened;
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
      const generate = hostile.calls.filter((c) => c.name === 'generateFromSidebar');
      expect(generate[0].args[1]).toBe('fp-1');
      expect(hostile.calls.map((c) => c.name)).toEqual(['getSidebarState', 'generateFromSidebar', 'getSidebarState']);
      expectClean(opened, hostile);
      await opened.close();
    } finally {
      await hostile.close();
    }
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

describe('sidebar at 300 px', () => {
  it('fits the sidebar width with results shown (screenshot: out/sidebar.png)', async () => {
    const opened = await open(server);
    const { page } = opened;
    await page.getByRole('button', { name: 'Generate sheets' }).click();
    await page.waitForSelector('section.results:not([hidden])');
    await page.locator('details.by-source summary').click();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);
    const overflowing = await page.evaluate(() =>
      Array.from(document.querySelectorAll('input, select, button, table')).filter((e) => e.getBoundingClientRect().right > 300).length,
    );
    expect(overflowing).toBe(0);
    await page.screenshot({ path: join(OUT, 'sidebar.png'), fullPage: true });
    expectClean(opened, server);
    await opened.close();
  });
});
