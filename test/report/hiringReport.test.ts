// The report's hiring plan: the numbers of a plan worked by hand (test/report/hiringPlans.ts), the timeline chart's marks, three languages, and the page in Chromium.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { defaultPlanInput } from '../../src/core/defaultPlan';
import { planHeadcount } from '../../src/core/headcount/planHeadcount';
import type { PlanInput } from '../../src/core/planInput';
import { planTimeline } from '../../src/core/time/planTimeline';
import { validatePlan } from '../../src/core/validatePlan';
import { htmlReport, ReportOptions } from '../../src/report/htmlReport';
import { launchChromium, openWatchedPage } from '../support/chromium';
import { hiringInput } from './hiringPlans';
import { XSS } from './plans';

const OUT = join(__dirname, '..', '..', 'out');

/** A plan's funnel, timeline and headcount, as `plan --report` computes them. */
function planned(input: PlanInput) {
  const checked = validatePlan(input, { today: '2026-09-01' });
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  const timeline = planTimeline(checked.plan, checked.funnel)!;
  return { funnel: checked.funnel, timeline, headcount: planHeadcount(checked.plan, timeline) };
}

function report(input: PlanInput, lang: ReportOptions['lang'] = 'en'): string {
  const { funnel, timeline, headcount } = planned(input);
  return htmlReport(funnel, { version: '1.2.3', generatedOn: '2026-09-01', lang, timeline, headcount });
}

const section = (html: string, name: string) => html.match(new RegExp(`<section class="${name}">.*?</section>`, 's'))?.[0] ?? '';
const cells = (row: string) => Array.from(row.matchAll(/<td[^>]*>(.*?)<\/td>/g), (m) => m[1].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim());
const roleRow = (html: string, id: string) => html.match(new RegExp(`<tr data-role="${id}">.*?</tr>`))?.[0] ?? '';
const count = (html: string, needle: string) => html.split(needle).length - 1;

/** Tags the report may hold (as htmlReport.test.ts checks): no user text got through as markup. */
const ALLOWED_TAGS = new Set('html head meta title style body main header h1 h2 p section div span figure figcaption ul li table thead tbody tfoot tr th td svg g rect polygon text line'.split(' '));
function expectSafe(html: string): void {
  expect(html).not.toMatch(/NaN|Infinity|undefined/);
  expect(html).not.toMatch(/<script|<img|<iframe/i);
  for (const m of html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)/g)) expect(ALLOWED_TAGS).toContain(m[1].toLowerCase());
}

describe('the report\'s hiring plan, worked by hand', () => {
  const html = report(hiringInput());
  const hiring = section(html, 'hiring');

  it('says who to hire when and what it costs', () => {
    expectSafe(html);
    expect(hiring).toContain('<h2>Hiring plan</h2>');
    expect(hiring).toContain('Hire 4 AEs in Nov 2026, 1 sales manager in Nov 2026, 3 SDRs in Jan 2027.');
    expect(hiring).toContain('Headcount cost for the fiscal year: USD 1,008,000; 10.0 heads at its end');
    expect(hiring).toContain('From the plan start, Oct 2026, to Dec 2027; the fiscal year from Jan 2027.');
  });

  it('lists every role: heads at FY end, hires, FY cost, first covered month, the ramp-up gap', () => {
    expect(cells(roleRow(hiring, 'sdr'))).toEqual(['4.0', '3', 'USD 240,000', 'Feb 2027', 'Jan 2027 up to 1.5 FTE short']);
    expect(cells(roleRow(hiring, 'ae'))).toEqual(['4.0', '4', 'USD 480,000', 'Jan 2027', '—']);
    expect(cells(roleRow(hiring, 'salesManager'))).toEqual(['2.0', '1', 'USD 288,000', 'Oct 2026', '—']);
    expect(hiring).toMatch(/<th scope="row">SDR<\/th>/);
    expect(hiring).toMatch(/<th scope="row">Sales manager<\/th>/);
    const total = hiring.match(/<tr class="total">.*?<\/tr>/)![0];
    expect(cells(total)).toEqual(['10.0', '8', 'USD 1,008,000', '', '']);
  });

  it('draws one lane per role and one mark per hire month, at its month, with its count', () => {
    const chart = hiring.match(/<svg class="hiring-chart".*?<\/svg>/s)![0];
    expect(count(chart, 'class="role-lane"')).toBe(3);
    const marks = Array.from(chart.matchAll(/<g class="hire-mark" data-role="(\w+)" data-month="([\d-]+)" data-hires="(\d+)">.*?<\/g>/g), (m) => [m[1], m[2], Number(m[3])]);
    expect(marks).toEqual([
      ['sdr', '2027-01', 3],
      ['ae', '2026-11', 4],
      ['salesManager', '2026-11', 1],
    ]);
    expect(chart).toContain('<title>AE, Nov 2026: 4 hires start</title>');
    expect(chart).toMatch(/data-hires="3">.*?>3<\/text><\/g>/);
    // The ramp-up gap: the SDRs' January only.
    expect(Array.from(chart.matchAll(/class="short-month" data-month="([\d-]+)"/g), (m) => m[1])).toEqual(['2027-01']);
    expect(chart).toContain('SDR, Jan 2027: 1.5 FTE short');
    // Oct–Dec 2026 come before the FY: shaded, 15 month labels in all, the year under the first month and under January.
    expect(chart).toContain('>Before FY<');
    expect(count(chart, 'class="month-label"')).toBe(15);
    expect(Array.from(chart.matchAll(/class="month-year"[^>]*>(\d+)</g), (m) => m[1])).toEqual(['2026', '2027']);
    // Heads at FY end at the right of each lane.
    expect(Array.from(chart.matchAll(/class="role-heads"[^>]*>([\d.]+)</g), (m) => m[1])).toEqual(['4.0', '4.0', '2.0']);
  });

  it('gives per-person targets from the FY work per effective FTE', () => {
    const targets = section(html, 'per-person');
    expect(targets).toContain('<li>each SDR: 10.3 SQLs a month, 0.5 a working day</li>');
    expect(targets).toContain('<li>each AE: 5.0 opportunities a month, 0.2 a working day</li>');
    expect(targets).not.toContain('sales manager');
  });

  it('compares the horizontal and vertical structures, with the trade-off in words', () => {
    const structures = section(html, 'structures');
    const row = (label: string) => cells(structures.match(new RegExp(`<th scope="row">${label}</th>.*?</tr>`))![0]);
    expect(structures).toContain('Horizontal (SDR → AE → CSM)');
    expect(row('Heads at FY end')).toEqual(['8.0', '8.0']);
    expect(row('Cost \\(FY\\)')).toEqual(['USD 720,000', 'USD 1,344,000']);
    expect(row('Hires')).toEqual(['7', '7']);
    expect(row('Months with someone ramping')).toEqual(['3', '2']);
    expect(row('Months short')).toEqual(['1', '0']);
    expect(structures).toContain('Vertical: 8.0 heads at FY end against 8.0 in the horizontal structure, USD 624,000 more for the year, with someone still ramping in 2 months against 3.');
  });

  it('moves with the input: a second SDR at start needs 2 hires, and January is 1.0 short', () => {
    const two = section(report(hiringInput(2)), 'hiring');
    expect(two).toContain('Hire 4 AEs in Nov 2026, 1 sales manager in Nov 2026, 2 SDRs in Jan 2027.');
    expect(cells(roleRow(two, 'sdr'))).toEqual(['4.0', '2', 'USD 240,000', 'Feb 2027', 'Jan 2027 up to 1.0 FTE short']);
    expect(count(two, 'class="hire-mark"')).toBe(3);
  });

  it('speaks zh-CN and zh-TW', () => {
    const cn = report(hiringInput(), 'zh-CN');
    expectSafe(cn);
    for (const word of [
      '<h2>招聘计划</h2>',
      '招聘计划：2026年11月 招聘 4 名销售代表 (AE)；2026年11月 招聘 1 名销售经理；2027年1月 招聘 3 名销售开发代表 (SDR)。',
      '财年人员成本：USD 1,008,000；财年末 10.0 人',
      '财年末人数', '首个覆盖月份', '爬坡缺口', '最多缺 1.5 人', '人均目标', '横向结构还是纵向结构', '有人在爬坡的月份',
      '销售开发代表 (SDR)，2027年1月：缺口 1.5 人', '>财年前<', '每名销售开发代表 (SDR)：每月 10.3 个销售认可线索 (SQL)，每工作日 0.5 个',
    ]) expect([word, cn.includes(word)]).toEqual([word, true]);
    expect(section(cn, 'hiring')).not.toMatch(/Hire|Heads at FY end|Ramp-up gap/);
    const tw = report(hiringInput(), 'zh-TW');
    expectSafe(tw);
    for (const word of ['招聘計畫', '財年末人數', '首個覆蓋月份', '爬坡缺口', '橫向結構還是縱向結構', '銷售開發代表 (SDR)，2027年1月：缺口 1.5 人']) expect([word, tw.includes(word)]).toEqual([word, true]);
  });

  it('escapes a role name the plan gives, in the chart and the tables', () => {
    const input = hiringInput();
    (input.headcount as { roles: { name?: string }[] }).roles[0].name = XSS;
    const page = report(input);
    expectSafe(page);
    expect(page).not.toContain(XSS);
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('leaves the hiring plan out without a headcount plan, and charts the default roles of the default plan', () => {
    const { funnel, timeline, headcount } = planned(defaultPlanInput());
    expect(htmlReport(funnel, { version: '1', generatedOn: '2026-09-01', timeline })).not.toContain('class="hiring"');
    const page = htmlReport(funnel, { version: '1', generatedOn: '2026-09-01', timeline, headcount });
    expectSafe(page);
    const hires = headcount.roles.reduce((n, p) => n + p.hires.filter((x) => x > 0).length, 0);
    expect(count(page, 'class="hire-mark"')).toBe(hires);
    // The fixed seats hire nobody: named under the chart, not drawn.
    expect(page).toMatch(/No hires for: CSO\/CGO, Digital marketing director/);
    expect(page).not.toContain('data-role="cso"><text');
  });
});

describe('the hiring plan in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('renders the marks where their months are, fits the page, and prints', async () => {
    for (const [input, lang, name] of [
      [hiringInput(), 'en', 'report-hiring'],
      [defaultPlanInput(), 'zh-CN', 'report-hiring-default-zh'],
    ] as const) {
      const { page, problems, close } = await openWatchedPage(browser);
      try {
        await page.setContent(report(input, lang), { waitUntil: 'load' });
        expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1000);
        expect(await page.evaluate<boolean>("Array.from(document.querySelectorAll('.table-wrap')).every((e) => e.scrollWidth <= e.clientWidth)")).toBe(true);
        if (lang === 'en') {
          // The AEs' mark sits over November, two months left of the SDRs' January mark; the month labels agree.
          const box = async (selector: string) => (await page.locator(selector).boundingBox())!;
          const ae = await box('g.hire-mark[data-role="ae"]');
          const sdr = await box('g.hire-mark[data-role="sdr"]');
          const labels = page.locator('svg.hiring-chart .month-label');
          const nov = (await labels.nth(1).boundingBox())!;
          const jan = (await labels.nth(3).boundingBox())!;
          expect(Math.abs(ae.x + ae.width / 2 - (nov.x + nov.width / 2))).toBeLessThan(2);
          expect(Math.abs(sdr.x + sdr.width / 2 - (jan.x + jan.width / 2))).toBeLessThan(2);
          expect(await labels.allTextContents()).toEqual(['Oct', 'Nov', 'Dec', 'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']);
          // Each mark is inside its lane.
          for (const id of ['sdr', 'ae', 'salesManager']) {
            const lane = await box(`g.role-lane[data-role="${id}"]`);
            const mark = await box(`g.hire-mark[data-role="${id}"]`);
            expect(mark.y).toBeGreaterThanOrEqual(lane.y - 0.5);
            expect(mark.y + mark.height).toBeLessThanOrEqual(lane.y + lane.height + 0.5);
          }
        }
        mkdirSync(OUT, { recursive: true });
        writeFileSync(join(OUT, `${name}.png`), await page.locator('section.hiring').screenshot());
        await page.emulateMedia({ media: 'print' });
        const pdf = await page.pdf({ format: 'A4', printBackground: true });
        expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        expect(problems).toEqual({ consoleErrors: [], pageErrors: [], requests: [] });
      } finally {
        await close();
      }
    }
  }, 90_000);
});
