/** The Confidence sheet as a layout: a simulation's numbers as values, or — without one — no number at all. */
import type { Confidence } from '../../../src/core/confidence/confidence';
import { defaultPlanInput } from '../../../src/core/defaultPlan';
import { plan } from '../../../src/core/plan';
import type { Lang } from '../../../src/core/stages';
import { confidenceLayout } from '../../../src/workbook/layouts/confidenceLayout';
import type { LayoutInput } from '../../../src/workbook/layouts/layoutInput';
import type { SheetLayout } from '../../../src/workbook/sheetLayout';

const STAMP = { version: '9.9.9', generatedOn: '2026-11-23' };

function input(lang: Lang, confidence?: Confidence): LayoutInput {
  const outcome = plan(defaultPlanInput());
  if (!outcome.ok) throw new Error('valid template');
  return { plan: outcome.plan, funnel: outcome.funnel, lang, stamp: STAMP, ...(confidence ? { confidence } : {}) };
}

const q = (p10: number, p50: number, p90: number, mean: number) => ({ p10, p50, p90, mean });

/** A simulation's result written by hand (the template's sources), so every number on the sheet can be traced. */
const HAND: Confidence = {
  trials: 10,
  seed: 7,
  target: 10_000_000,
  revenue: q(9_000_000, 10_000_000, 11_000_000, 10_050_000),
  pHitTarget: 0.6,
  bySource: { marketing: { won: q(140, 160, 180, 160.5), revenue: q(1, 2, 3, 2) }, outbound: { won: q(180, 200, 220, 200.2), revenue: q(1, 2, 3, 2) } },
  forConfidence: { confidence: 0.9, multiplier: 1.25, bySource: { marketing: { stage: 'lead', planned: 12_800, volume: 16_000 }, outbound: { stage: 'sql', planned: 1_668, volume: 2_085 } } },
  histogram: [
    { from: 9_000_000, to: 10_000_000, trials: 4 },
    { from: 10_000_000, to: 11_000_000, trials: 6 },
  ],
  bonusCost: q(400_000, 500_000, 650_000, 510_000),
};

const rows = (layout: SheetLayout) => layout.blocks[0].cells.map((row) => row.map((cell) => cell?.value ?? null));
const numbers = (layout: SheetLayout) => rows(layout).flat().filter((v): v is number => typeof v === 'number');
/** The value right of the cell whose text is `label`. */
const valueOf = (layout: SheetLayout, label: string) => {
  const row = rows(layout).find((r) => r[0] === label);
  if (!row) throw new Error(`no row ${label}`);
  return row[1];
};

describe('the Confidence sheet', () => {
  it('without a simulation holds no number, only where it runs, in the user\'s language', () => {
    for (const lang of ['en', 'zh-CN', 'zh-TW'] as const) {
      const layout = confidenceLayout(input(lang));
      expect(layout.name).toBe('Confidence');
      expect(numbers(layout)).toEqual([]);
      expect(layout.charts ?? []).toEqual([]);
      expect(rows(layout)[2][0]).toMatch({ en: /runs in the sidebar.*Generate sheets/, 'zh-CN': /在侧边栏中.*生成工作表/, 'zh-TW': /在側邊欄中.*生成工作表/ }[lang]);
    }
  });

  it('writes the simulation\'s numbers as values, and says they are not formulas', () => {
    const layout = confidenceLayout(input('en', HAND));
    expect(layout.blocks[0].cells.flat().some((cell) => cell?.formula !== undefined)).toBe(false);
    expect(rows(layout)[2][0]).toMatch(/not a spreadsheet formula/);
    expect(valueOf(layout, 'Trials')).toBe(10);
    expect(valueOf(layout, 'Seed (the same seed gives the same numbers)')).toBe(7);
    expect(valueOf(layout, 'Revenue P10 (9 trials in 10 reach it)')).toBe(9_000_000);
    expect(valueOf(layout, 'Revenue P50 (the median trial)')).toBe(10_000_000);
    expect(valueOf(layout, 'Revenue P90 (1 trial in 10 reaches it)')).toBe(11_000_000);
    expect(valueOf(layout, 'Revenue, mean')).toBe(10_050_000);
    expect(valueOf(layout, 'P(revenue ≥ target)')).toBe(0.6);
    expect(valueOf(layout, 'Every entry volume ×')).toBe(1.25);
    expect(valueOf(layout, 'Bonus pool cost, mean')).toBe(510_000);
    expect(valueOf(layout, 'Bonus pool cost, P90 (1 trial in 10 costs more)')).toBe(650_000);
    const marketing = rows(layout).find((r) => r[0] === 'Marketing-sourced');
    expect(marketing).toEqual(['Marketing-sourced', 'Leads', 140, 160, 180, 12_800, 16_000]);
    expect(rows(layout).find((r) => r[0] === 'Sales-sourced (outbound)')).toEqual(['Sales-sourced (outbound)', 'SQLs', 180, 200, 220, 1_668, 2_085]);
    expect(rows(layout).find((r) => r[0] === 'Source')?.[6]).toBe('Volume for 90%');
    // The histogram: its label, trials and share; the column chart over the label and trials columns.
    const bins = rows(layout).filter((r) => typeof r[0] === 'string' && / – /.test(r[0]));
    expect(bins.map((r) => r.slice(0, 3))).toEqual([
      ['9,000,000 – 10,000,000', 4, 0.4],
      ['10,000,000 – 11,000,000', 6, 0.6],
    ]);
    const header = rows(layout).findIndex((r) => r[0] === 'Revenue (USD)') + 1;
    expect(layout.charts).toEqual([{ kind: 'column', title: 'Revenue over the trials', data: { row: header, col: 1, rows: 3, cols: 2 }, anchor: { row: header, col: 5 } }]);
  });

  it('says "more than 20× the plan" where no volume reaches the confidence, and leaves the bonus out without a pool', () => {
    const { bonusCost: _none, ...noPool } = HAND;
    const unreachable: Confidence = {
      ...noPool,
      forConfidence: { confidence: 0.95, multiplier: undefined, bySource: { marketing: { stage: 'lead', planned: 12_800, volume: undefined }, outbound: { stage: 'sql', planned: 1_668, volume: undefined } } },
    };
    const layout = confidenceLayout(input('en', unreachable));
    expect(valueOf(layout, 'Every entry volume ×')).toBe('more than 20× the plan');
    expect(rows(layout).find((r) => r[0] === 'Marketing-sourced')?.[6]).toBe('more than 20× the plan');
    expect(rows(layout).find((r) => r[0] === 'Source')?.[6]).toBe('Volume for 95%');
    expect(rows(layout).some((r) => r[0] === 'Bonus pool cost, mean')).toBe(false);
  });

  it('speaks zh-CN', () => {
    const layout = confidenceLayout(input('zh-CN', HAND));
    expect(rows(layout)[0][0]).toBe('计划有多大把握');
    expect(valueOf(layout, '营收达到目标的概率')).toBe(0.6);
    expect(valueOf(layout, '奖金池成本均值')).toBe(510_000);
    expect(rows(layout).find((r) => r[0] === '来源')).toEqual(['来源', '进入阶段', '成单数 P10', '成单数 P50', '成单数 P90', '计划进入量', '90% 把握所需进入量']);
  });
});
