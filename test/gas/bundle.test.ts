/** The built add-on (dist/) as Apps Script will load it: top-level globals, JSDoc, and a run in a vm with fakes. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { FakeSpreadsheet, fakeBuilders } from './fakes/fakeSpreadsheet';
import { FakeLock } from './fakes/fakeSpreadsheet';
import { fakeUtilities, zonedInstant } from './fakes/fakeUtilities';

const DIST = join(__dirname, '..', '..', 'dist');
const code = readFileSync(join(DIST, 'Code.js'), 'utf8');

const GLOBALS = ['onOpen', 'onInstall', 'showSidebar', 'generatePlan', 'insertInputs', 'deriveRates', 'showHelp', 'getSidebarState', 'previewPlan', 'generateFromSidebar', 'FUNNEL_REVERSE', 'FUNNEL_FORWARD', 'FUNNEL_RATES', 'FUNNEL_PHASE', 'FUNNEL_BONUS'];

interface FakeUi {
  menus: { items: [string, string][]; separators: number; added: boolean }[];
  alerts: { title: string; message: string }[];
  sidebars: unknown[];
}

function fakeUi(): FakeUi & Record<string, unknown> {
  const ui: FakeUi & Record<string, unknown> = {
    menus: [],
    alerts: [],
    sidebars: [],
    ButtonSet: { OK: 'OK' },
    createAddonMenu() {
      const menu = { items: [] as [string, string][], separators: 0, added: false };
      ui.menus.push(menu);
      const api = {
        addItem: (label: string, fn: string) => (menu.items.push([label, fn]), api),
        addSeparator: () => (menu.separators++, api),
        addToUi: () => void (menu.added = true),
      };
      return api;
    },
    alert(title: string, message: string) {
      ui.alerts.push({ title, message });
    },
    showSidebar(html: unknown) {
      ui.sidebars.push(html);
    },
  };
  return ui;
}

const forbidden = (service: string) => () => {
  throw new Error(`${service} needs authorisation (AuthMode.NONE)`);
};

/** Loads Code.js in a fresh context; `authorised` false makes every service that needs authorisation throw. */
function load(options: { authorised: boolean; customFunction?: boolean; spreadsheet?: FakeSpreadsheet; locale?: string }) {
  const ui = fakeUi();
  const spreadsheet = options.spreadsheet ?? new FakeSpreadsheet();
  const builders = fakeBuilders(spreadsheet.log);
  const context: Record<string, unknown> = {
    console,
    SpreadsheetApp: {
      getUi: () => ui,
      getActiveSpreadsheet: options.authorised ? () => spreadsheet : options.customFunction ? () => spreadsheet : forbidden('SpreadsheetApp.getActiveSpreadsheet'),
      getActive: options.authorised ? () => spreadsheet : forbidden('SpreadsheetApp.getActive'),
      // Custom functions may read the active spreadsheet's time zone without authorisation.
      ...builders,
    },
    Session: { getActiveUserLocale: options.authorised ? () => options.locale ?? 'en_US' : forbidden('Session.getActiveUserLocale') },
    LockService: { getDocumentLock: options.authorised ? () => new FakeLock() : forbidden('LockService') },
    Utilities: fakeUtilities,
    HtmlService: {
      createHtmlOutputFromFile: (name: string) => ({ name, title: '', setTitle(t: string) { this.title = t; return this; } }),
    },
  };
  vm.createContext(context);
  vm.runInContext(code, context, { filename: 'Code.js' });
  return { context: context as Record<string, (...args: unknown[]) => unknown>, ui, spreadsheet };
}

describe('dist/Code.js', () => {
  it('declares every entry point as a top-level function, with its JSDoc and parameter names', () => {
    for (const name of GLOBALS) expect(code).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
    const reverse = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*function FUNNEL_REVERSE\(([^)]*)\)/.exec(code);
    expect(reverse).not.toBeNull();
    expect(reverse![2]).toBe('revenue, share, dealSize, rates');
    expect(reverse![1]).toContain('@customfunction');
    expect(reverse![1]).toContain('@param {number} share');
    const forward = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*function FUNNEL_FORWARD\(([^)]*)\)/.exec(code);
    expect(forward![2]).toBe('volume, dealSize, rates');
    expect(forward![1]).toContain('@customfunction');
    const phase = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*function FUNNEL_PHASE\(([^)]*)\)/.exec(code);
    expect(phase![2]).toBe('total, weights, lag_months');
    expect(phase![1]).toContain('@customfunction');
    expect(phase![1]).toContain('@param {number[]} weights');
    const bonus = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*function FUNNEL_BONUS\(([^)]*)\)/.exec(code);
    expect(bonus![2]).toBe('attainment, curve, stepped');
    expect(bonus![1]).toContain('@customfunction');
    expect(bonus![1]).toContain('@param {number[][]} curve');
    expect(bonus![1]).toContain('@param {boolean} stepped');
  });

  it('FUNNEL_BONUS gives the curve\'s multiplier: the threshold edge, the accelerator, the cap, stepped, a bad point in the sheet\'s language', () => {
    const curve = [[0.5, 0.5], [1, 1], ['', ''], [1.5, 2]];
    const { context } = load({ authorised: false, customFunction: true });
    expect([context.FUNNEL_BONUS(0.4999, curve), context.FUNNEL_BONUS(0.5, curve), context.FUNNEL_BONUS('125%', curve), context.FUNNEL_BONUS(3, curve), context.FUNNEL_BONUS(1.25, curve, true)]).toEqual([0, 0.5, 1.5, 2, 1]);
    expect(context.FUNNEL_BONUS(1, [[1, 1], [0.8, 0.5]])).toBe("#FUNNEL: curve[2][1]: expected an attainment above the previous point's 1: list a curve's points from the lowest attainment up, each once, got 0.8");
    const spreadsheet = new FakeSpreadsheet();
    spreadsheet.locale = 'zh_TW';
    const zh = load({ authorised: false, customFunction: true, spreadsheet }).context;
    expect(zh.FUNNEL_BONUS(1, [[1, 1], [0.8, 0.5]])).toMatch(/^#FUNNEL: curve\[2\]\[1\]: 達成率應高於上一個點的 1/);
  });

  it('FUNNEL_PHASE splits a total so the months add up to it exactly', () => {
    const { context } = load({ authorised: false, customFunction: true });
    // 1,280 SQLs over twelve equal months: 106⅔ each → eight months of 107, four of 106.
    const months = context.FUNNEL_PHASE(1280, [Array(12).fill(1)]) as number[][];
    expect(months).toEqual([[107, 107, 107, 107, 107, 107, 107, 107, 106, 106, 106, 106]]);
    expect(months[0].reduce((a, b) => a + b, 0)).toBe(1280);
  });

  it('is unminified and carries no Node-only code', () => {
    expect(code).not.toMatch(/require\(["'](fs|path|exceljs|node:)/);
    expect(code).not.toMatch(/exceljs|jsonc-parser|cli-table3|commander/);
    expect(code).not.toContain('eval(');
    expect(code.split('\n').length).toBeGreaterThan(1000);
  });

  it('onOpen in AuthMode.NONE builds the menu without touching authorised services', () => {
    const { context, ui } = load({ authorised: false });
    context.onOpen({ authMode: 'NONE' });
    expect(ui.menus).toHaveLength(1);
    expect(ui.menus[0].added).toBe(true);
    expect(ui.menus[0].items.map(([label]) => label)).toEqual(['Open planner', 'Generate plan', 'Insert Inputs sheet', 'Derive rates from History', 'Help']);
    for (const [, fn] of ui.menus[0].items) expect(typeof context[fn]).toBe('function');
    context.onInstall({ authMode: 'NONE' });
    expect(ui.menus).toHaveLength(2);
  });

  it('a zh_TW or zh_HK user gets the menu in traditional Chinese, zh_CN in simplified', () => {
    const labels = (locale: string) => {
      const { context, ui } = load({ authorised: true, locale });
      context.onOpen({ authMode: 'LIMITED' });
      return ui.menus[0].items.map(([label]) => label);
    };
    expect(labels('zh_TW')).toEqual(['開啟規劃器', '生成計畫', '插入計畫輸入表', '從歷史資料推導轉化率', '說明']);
    expect(labels('zh_HK')).toEqual(labels('zh_TW'));
    expect(labels('zh_CN')).toEqual(['打开规划器', '生成计划', '插入计划输入表', '从历史数据推导转化率', '帮助']);
  });

  it('custom functions return the right tables', () => {
    const { context } = load({ authorised: false, customFunction: true });
    expect(context.FUNNEL_REVERSE(10_000_000, 0.4, 25_000, [[0.25], [0.4], [0.5], [0.25]])).toEqual([
      ['Leads', 12_800],
      ['MQLs', 3_200],
      ['SQLs', 1_280],
      ['Opportunities', 640],
      ['Won deals', 160],
    ]);
    expect(context.FUNNEL_FORWARD(9000, 25_000, [[0.25, 0.4, 0.5, 0.25]])).toEqual([
      ['Leads', 9000],
      ['MQLs', 2250],
      ['SQLs', 900],
      ['Opportunities', 450],
      ['Won deals', 112.5],
      ['Revenue', 2_812_500],
    ]);
    expect(context.FUNNEL_REVERSE(10_000_000, 1.4, 25_000, [[0.25]])).toEqual([['#FUNNEL: share: expected a share from 0 to 1 (e.g. 0.4 or "40%"), got 1.4']]);
    const rates = context.FUNNEL_RATES([
      ['Original Source', 'Became a Lead Date', 'Became a Customer Date'],
      ['Web', new Date(Date.UTC(2024, 0, 1)), '2024-01-11'],
      ['Web', '2024-01-05', ''],
    ]) as (string | number)[][];
    expect(rates[0].slice(0, 5)).toEqual(['Source', 'Stage', 'Reached', 'Converted', 'Rate']);
    expect(rates[1].slice(0, 5)).toEqual(['Overall', 'Leads → MQLs', 2, 1, 0.5]);
  });

  it("FUNNEL_RATES reads date cells on the spreadsheet's wall clock: New York across the DST change", () => {
    const spreadsheet = new FakeSpreadsheet();
    spreadsheet.timeZone = 'America/New_York';
    const { context } = load({ authorised: false, customFunction: true, spreadsheet });
    const at = (wallClock: string) => zonedInstant(wallClock, 'America/New_York');
    // 20:00 EST to 08:00 EDT: 12 hours on the wall clock, 11 elapsed.
    const rates = context.FUNNEL_RATES([
      ['Original Source', 'Became a Lead Date', 'Became a Marketing Qualified Lead Date', 'Became a Customer Date'],
      ['Web', at('2024-03-09 20:00'), at('2024-03-10 08:00'), at('2024-04-01 10:00')],
    ]) as (string | number)[][];
    expect(rates[1].slice(0, 2)).toEqual(['Overall', 'Leads → MQLs']);
    expect(rates[1][9]).toBeCloseTo(0.5, 10);
  });

  it('custom functions follow the spreadsheet locale', () => {
    const spreadsheet = new FakeSpreadsheet();
    spreadsheet.locale = 'zh_CN';
    const { context } = load({ authorised: false, customFunction: true, spreadsheet });
    expect((context.FUNNEL_REVERSE(10_000_000, 0.4, 25_000, [[0.25], [0.4], [0.5], [0.25]]) as unknown[][])[0]).toEqual(['线索', 12_800]);
  });

  it('Generate plan from the menu writes the sheets and says so', () => {
    const { context, ui, spreadsheet } = load({ authorised: true });
    context.generatePlan();
    expect(spreadsheet.names()).toEqual(['Summary', 'Funnel', 'Monthly', 'Teams', 'Headcount', 'Bonus', 'Confidence', 'Diagnosis', 'Inputs', 'Sheet1']);
    expect(ui.alerts.map((a) => a.title)).toEqual(['Plan generated']);
    context.showHelp();
    expect(ui.alerts[1].message).toContain('=FUNNEL_REVERSE(revenue, share, dealSize, rates)');
    context.showSidebar();
    expect(ui.sidebars).toEqual([expect.objectContaining({ name: 'Sidebar', title: 'Funnel Planner' })]);
  });

  it('the sidebar handlers answer with plain JSON', () => {
    const { context } = load({ authorised: true });
    const state = context.getSidebarState() as { source: string; input: unknown };
    expect(state.source).toBe('default-template');
    const preview = context.previewPlan(state.input) as { ok: boolean; summary: { marketingTarget: { count: number } } };
    expect(preview.ok).toBe(true);
    expect(preview.summary.marketingTarget.count).toBe(1280);
    const generated = JSON.parse(JSON.stringify(context.generateFromSidebar(state.input, null)));
    expect(generated).toMatchObject({ ok: true, sheets: ['Summary', 'Funnel', 'Monthly', 'Teams', 'Headcount', 'Bonus', 'Confidence', 'Diagnosis', 'Inputs'], backups: [] });
  });

  it('Generate from the sidebar passes the page\'s simulation on to be checked: a malformed one is refused by name', () => {
    const { context, spreadsheet } = load({ authorised: true });
    const state = context.getSidebarState() as { input: unknown };
    const refused = JSON.parse(JSON.stringify(context.generateFromSidebar(state.input, null, { trials: 'many' })));
    expect(refused).toEqual({ ok: false, reason: 'failed', message: expect.stringContaining('confidence.trials: expected a whole number of trials') });
    expect(spreadsheet.names()).toEqual(['Sheet1']);
  });
});

describe('dist/appsscript.json and dist/Sidebar.html', () => {
  it('the manifest asks only for the current spreadsheet and the container UI', () => {
    const manifest = JSON.parse(readFileSync(join(DIST, 'appsscript.json'), 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/script.container.ui',
    ]);
    expect(JSON.stringify(manifest)).not.toMatch(/urlFetch|whitelist|library/i);
  });

  it('the sidebar is one self-contained page', () => {
    const html = readFileSync(join(DIST, 'Sidebar.html'), 'utf8');
    expect(html).toContain('<script>');
    expect(html).not.toMatch(/<script[^>]+src=|<link|https?:\/\//);
    // 150,000 until the page also ran the diagnosis (its findings' words in three languages and
    // core/diagnosis): ~158,700 then. The page is minified, and HtmlService serves it once per sidebar open.
    expect(html.length).toBeLessThan(170_000);
  });
});
