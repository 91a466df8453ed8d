// The report's shared bonus pool: the numbers of a pool worked by hand (test/report/bonusPlans.ts), the heat map's colours, three languages, the default template, and `plan --report`.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bonusPlan } from '../../src/core/bonus/bonusPlan';
import { defaultPlanInput } from '../../src/core/defaultPlan';
import { planHeadcount } from '../../src/core/headcount/planHeadcount';
import { LANGS, messages } from '../../src/core/i18n/catalogue';
import type { PlanInput } from '../../src/core/planInput';
import { planTimeline } from '../../src/core/time/planTimeline';
import { validatePlan } from '../../src/core/validatePlan';
import { htmlReport, ReportOptions } from '../../src/report/htmlReport';
import { runCli } from '../cli/runCli';
import { bonusInput } from './bonusPlans';
import { XSS } from './plans';

/** A plan's report as `plan --report` writes it: funnel, timeline, headcount and bonus. */
function report(input: PlanInput, lang: ReportOptions['lang'] = 'en', withBonus = true): string {
  const checked = validatePlan(input, { today: '2026-09-01' });
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  const { plan, funnel } = checked;
  const timeline = planTimeline(plan, funnel)!;
  const headcount = planHeadcount(plan, timeline);
  const bonus = withBonus && plan.bonus ? bonusPlan(plan.bonus, plan.revenueTarget.value, plan.currency, headcount) : undefined;
  return htmlReport(funnel, { version: '1.2.3', generatedOn: '2026-09-01', lang, timeline, headcount, ...(bonus ? { bonus } : {}) });
}

const section = (html: string) => html.match(/<section class="bonus">.*?<\/section>/s)?.[0] ?? '';
const text = (cell: string) => cell.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
const rowsOf = (table: string) => Array.from(table.matchAll(/<tr[^>]*>(.*?)<\/tr>/gs), (m) => m[1]);
const cellsOf = (row: string) => Array.from(row.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/gs), (m) => text(m[1]));
const tableOf = (html: string, name: string) => html.match(new RegExp(`<table class="${name}">.*?</table>`, 's'))?.[0] ?? '';

describe('the report\'s shared bonus pool', () => {
  const html = section(report(bonusInput()));

  it('says how the pool is funded', () => {
    expect(html).toContain('<h2>Shared bonus pool</h2>');
    expect(text(html.match(/<p class="pool-line">(.*?)<\/p>/s)![1])).toBe(
      'A target pool of USD 100,000; nothing is funded below revenue 80% (the gate); the funding curve scales it with revenue attainment. Amounts in USD.',
    );
  });

  it('tables the plan, the named scenarios and the worst case at the caps, worked by hand', () => {
    const rows = rowsOf(tableOf(html, 'bonus-scenarios')).map(cellsOf);
    expect(rows).toEqual([
      ['Scenario', 'Funded pool', 'Sales', 'SDR', 'Total', 'Cost, % of revenue'],
      ['Plan', '100,000', '60,000', '40,000', '100,000', '8.33%'],
      // "Plan" of the scenarios is the plan row already.
      ['Downside revenue 90%, SQLs 80%, marketing share 90%', '75,000', '33,750', '20,250', '54,000', '5%'],
      ['Upside revenue 110%, marketing share 110%', '125,000', '90,000', '52,500', '142,500', '10.8%'],
      ['Worst case every KPI at its cap: revenue 150%, SQLs 150%, marketing share 120%', '150,000', '180,000', '81,000', '261,000', '14.5%'],
    ]);
  });

  it('shows the revenue × marketing-share grid as a heat map: the values written, the cells darker as they pay more', () => {
    const grid = tableOf(html, 'bonus-grid');
    expect(grid).toContain('<caption>Total payout by revenue and marketing-share attainment</caption>');
    const rows = rowsOf(grid).map(cellsOf);
    expect(rows[0].slice(1)).toEqual(['90%', '100%', '110%']);
    expect(rows.slice(1)).toEqual([
      ['70%', '0', '0', '0'],
      ['90%', '60,000', '63,750', '65,250'],
      ['100%', '95,000', '100,000', '102,000'],
      ['120%', '178,500', '186,000', '189,000'],
    ]);
    const cells = Array.from(grid.matchAll(/<td class="num heat" style="background:#([0-9a-f]{6});color:(#[0-9a-f]{6})">([^<]*)<\/td>/g), (m) => ({
      value: Number(m[3].replace(/,/g, '')),
      // Relative luminance's weights: a darker cell has a smaller sum.
      light: 0.2126 * parseInt(m[1].slice(0, 2), 16) + 0.7152 * parseInt(m[1].slice(2, 4), 16) + 0.0722 * parseInt(m[1].slice(4, 6), 16),
      ink: m[2],
    }));
    expect(cells).toHaveLength(12);
    const byValue = [...cells].sort((a, b) => a.value - b.value);
    for (let i = 1; i < byValue.length; i++) {
      if (byValue[i].value > byValue[i - 1].value) expect(byValue[i].light).toBeLessThan(byValue[i - 1].light);
      else expect(byValue[i].light).toBe(byValue[i - 1].light);
    }
    // The ends of the scale, and text that reads on each.
    expect(cells.find((c) => c.value === 0)).toMatchObject({ ink: '#1a202c' });
    expect(cells.find((c) => c.value === 189_000)).toMatchObject({ ink: '#ffffff' });
    expect(grid).toContain('background:#f7fbff');
    expect(grid).toContain('background:#08306b');
  });

  it('explains each bucket\'s plan payout and lists the findings', () => {
    const explained = Array.from(html.match(/<ul class="bonus-explain">(.*?)<\/ul>/s)![1].matchAll(/<li>(.*?)<\/li>/g), (m) => m[1]);
    expect(explained).toEqual([
      'Sales: 1 × (revenue 100% → 1 × 1) × 60% of a 100,000 pool = 60,000; 4 AEs, 7,500 each; 2 sales managers, 15,000 each',
      'SDR: 1 × (SQLs 100% → 1 × 0.5, marketing share 100% → 1 × 0.5) × 40% of a 100,000 pool = 40,000; 4 SDRs, 10,000 each',
    ]);
    const findings = Array.from(html.match(/<ul class="bonus-findings">(.*?)<\/ul>/s)![1].matchAll(/<li>(.*?)<\/li>/g), (m) => m[1]);
    expect(findings).toHaveLength(1);
    // Over the pool: Upside (142,500 of 125,000) and the cells 100 % × 110 % (102,000 of 100,000) and all three at
    // 120 % revenue (150,000 funded), the most 189,000 − 150,000.
    // The worst case too: 261,000 paid out of a 150,000 pool at the caps.
    expect(findings).toEqual(['Payouts exceed the funded pool in Upside, At the caps and 4 grid cells, by up to 111,000: set fitToPool, or lower the shares or the curves.']);
  });

  it('is absent without a bonus, and follows the report\'s language', () => {
    expect(report(bonusInput(), 'en', false)).not.toContain('class="bonus"');
    for (const lang of LANGS) {
      const t = messages(lang).bonusView;
      const page = section(report(bonusInput(), lang));
      expect([lang, page.includes(`<h2>${t.title}</h2>`), page.includes(t.gridCaption), page.includes(`>${t.worstCase}<`)]).toEqual([lang, true, true, true]);
    }
    const zh = section(report(bonusInput(), 'zh-CN'));
    expect(zh).toContain('营收 90%');
    expect(zh).not.toMatch(/\brevenue\b|Funded/);
  });

  it('escapes the names it was given', () => {
    const input = bonusInput() as unknown as { bonus: { buckets: { name: string }[]; scenarios: { name: string }[] } };
    input.bonus.buckets[0].name = XSS;
    input.bonus.scenarios[0].name = XSS;
    const page = report(input as unknown as PlanInput);
    expect(page).not.toContain(XSS);
    expect(page).not.toMatch(/<script|<img/i);
  });

  it('reports the default template\'s pool: four buckets, its three scenarios as plan, downside and upside, and no NaN', () => {
    const page = section(report(defaultPlanInput()));
    const rows = rowsOf(tableOf(page, 'bonus-scenarios')).map(cellsOf);
    expect(rows[0]).toEqual(['Scenario', 'Funded pool', 'Marketing', 'SDR', 'AE', 'CSM', 'Total', 'Cost, % of revenue']);
    expect(rows.map((r) => r[0].split(' ')[0])).toEqual(['Scenario', 'Plan', 'Downside', 'Upside', 'Worst']);
    // On plan the funding curve is at 1: the whole 600,000 pool is funded, and fitToPool keeps the total within it.
    expect(rows[1][1]).toBe('600,000');
    expect(Number(rows[1][6].replace(/,/g, ''))).toBeLessThanOrEqual(600_000);
    expect(page).not.toMatch(/NaN|Infinity|undefined/);
    expect(rowsOf(tableOf(page, 'bonus-grid'))).toHaveLength(1 + 7);
  });

  it('is in the page `plan --report` writes, in the language asked for', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bonus-report-'));
    try {
      const plan = join(dir, 'plan.json');
      writeFileSync(plan, JSON.stringify(bonusInput()));
      const out = join(dir, 'report.html');
      expect(runCli(['plan', plan, '--report', out]).status).toBe(0);
      const page = section(readFileSync(out, 'utf8'));
      expect(rowsOf(tableOf(page, 'bonus-scenarios')).map(cellsOf)[1]).toEqual(['Plan', '100,000', '60,000', '40,000', '100,000', '8.33%']);
      expect(runCli(['--lang', 'zh-TW', 'plan', plan, '--report', out, '--force']).status).toBe(0);
      expect(section(readFileSync(out, 'utf8'))).toContain('<h2>共享獎金池</h2>');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
