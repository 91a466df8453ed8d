/** The Diagnosis sheet: the engine's shapes, evidence, advice, sensitivity ranking and bands, in the plan's language, through the in-memory port. */
import { defaultPlanInput } from '../../../src/core/defaultPlan';
import { plan } from '../../../src/core/plan';
import type { Lang } from '../../../src/core/i18n/lang';
import { planLayouts } from '../../../src/workbook/layouts/planLayouts';
import { writeLayouts } from '../../../src/workbook/writeLayouts';
import { MemoryWorkbook } from '../../support/memoryWorkbook';

const STAMP = { version: '9.9.9', generatedOn: '2026-11-23' };

function diagnosisRows(input: unknown = defaultPlanInput(), lang: Lang = 'en'): (string | number | boolean | null)[][] {
  const outcome = plan(input);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  const book = new MemoryWorkbook();
  writeLayouts(book, planLayouts({ plan: outcome.plan, funnel: outcome.funnel, lang, stamp: STAMP }), STAMP);
  return book.readValues('Diagnosis');
}

const rowOf = (rows: ReturnType<typeof diagnosisRows>, first: string, second?: string) => rows.find((r) => r[0] === first && (second === undefined || r[1] === second));

describe('the Diagnosis sheet', () => {
  it('the template: both sources healthy, the ranking with the hand-worked top rows, the default bands', () => {
    const rows = diagnosisRows();
    expect(rows[0][0]).toBe('Diagnosis — what is wrong with the funnel');
    expect(rowOf(rows, 'Marketing-sourced', 'Healthy')?.[2]).toBe('Lead → MQL 25%, band 15%–40%; MQL → SQL 40%, band 20%–50%; SQL → Opportunity 50%, band 40%–70%; Opportunity → Won 25%, band 15%–40%');
    // Lead → MQL 27.5 %: 581 + 349 + 232 leads saved across the channels, at 120, 250 and 200 a lead (test/core/diagnosis).
    expect(rowOf(rows, 'Marketing-sourced', 'Lead → MQL')?.slice(2, 10)).toEqual([0.25, 0.275, 'Leads', 12_800, 11_638, 1_162, 203_370, 400_000]);
    expect(rowOf(rows, 'Marketing-sourced', 'MQL → SQL')?.slice(6, 10)).toEqual([11_640, 1_160, 203_000, 400_000]);
    // Outbound has no channels, so no cost per lead: ranked last.
    const ranking = rows.filter((r) => typeof r[7] === 'number');
    // Ranked by revenue at today's volume first: outbound's 600,480 before marketing's 400,000.
    expect(ranking.map((r) => r[0])).toEqual(['Sales-sourced (outbound)', 'Sales-sourced (outbound)', 'Marketing-sourced', 'Marketing-sourced', 'Marketing-sourced', 'Marketing-sourced']);
    expect(rowOf(rows, 'Sales-sourced (outbound)', 'SQL → Opportunity')?.slice(7, 9)).toEqual([152, 'no cost per lead']);
    expect(rowOf(rows, 'MQL → SQL')?.slice(0, 3)).toEqual(['MQL → SQL', 0.2, 0.5]);
  });

  it('a big head, small tail with its advice; the plan\'s own benchmarks in the bands', () => {
    const input = defaultPlanInput();
    input.sources[0].conversionRates = { lead: 0.25, mql: 0.15, sql: 0.5, opportunity: 0.25 };
    const rows = diagnosisRows({ ...input, benchmarks: { opportunity: { low: 0.2, high: 0.3 } } });
    const finding = rowOf(rows, 'Marketing-sourced', 'Big head, small tail');
    expect(finding?.[2]).toBe('MQL → SQL 15%, band 20%–50%');
    expect(String(finding?.[3])).toContain('SLA');
    expect(rowOf(rows, 'Opportunity → Won')?.slice(0, 3)).toEqual(['Opportunity → Won', 0.2, 0.3]);
  });

  it('in zh-CN and zh-TW', () => {
    const cn = diagnosisRows(defaultPlanInput(), 'zh-CN');
    expect(cn[0][0]).toBe('诊断——漏斗出了什么问题');
    expect(rowOf(cn, 'Marketing-sourced', '健康')?.[2]).toBe('线索 → MQL 25%，基准 15%–40%；MQL → SQL 40%，基准 20%–50%；SQL → 商机 50%，基准 40%–70%；商机 → 成单 25%，基准 15%–40%');
    expect(rowOf(cn, 'Marketing-sourced', '线索 → MQL')?.[4]).toBe('线索');
    expect(diagnosisRows(defaultPlanInput(), 'zh-TW')[0][0]).toBe('診斷——漏斗出了什麼問題');
  });
});
