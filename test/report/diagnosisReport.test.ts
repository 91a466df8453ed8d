/** The report's diagnosis section: the shapes with evidence and advice, the sensitivity ranking, the bands, in the report's language; absent without a diagnosis. */
import { defaultPlanInput } from '../../src/core/defaultPlan';
import { diagnose } from '../../src/core/diagnosis/diagnosis';
import { planEvidence } from '../../src/core/diagnosis/funnelEvidence';
import type { Lang } from '../../src/core/i18n/lang';
import { validatePlan } from '../../src/core/validatePlan';
import { htmlReport } from '../../src/report/htmlReport';

function page(input: unknown, lang: Lang = 'en', withDiagnosis = true): string {
  const checked = validatePlan(input);
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  const { plan, funnel } = checked;
  const diagnosis = diagnose({ stages: plan.stages, handoffStage: plan.handoffStage, benchmarks: plan.benchmarks, evidence: planEvidence(plan), plan, lang });
  return htmlReport(funnel, { version: '1.2.3', generatedOn: '2026-09-01', lang, ...(withDiagnosis ? { diagnosis } : {}) });
}

describe('the report\'s diagnosis section', () => {
  it('the template: healthy sources, the ranking with the hand-worked top row, the bands', () => {
    const html = page(defaultPlanInput());
    expect(html).toContain('<section class="diagnosis"><h2>Diagnosis — what is wrong with the funnel</h2><h3>Marketing-sourced</h3>');
    expect(html).toContain('<li class="shape-healthy"><strong>Healthy</strong>: Lead → MQL 25%, band 15%–40%;');
    // Ranked by revenue at today's volume: outbound's SQL → opportunity (+600,480) first; then marketing's
    // lead → MQL 27.5 %: 1,162 leads and 203,370 saved (test/core/diagnosis), first of marketing's.
    expect(html).toMatch(/<tbody><tr><th scope="row">Sales-sourced \(outbound\)<\/th><td>SQL → Opportunity<\/td>/);
    expect(html).toMatch(/<tr><th scope="row">Marketing-sourced<\/th><td>Lead → MQL<\/td><td class="num">25% → 27\.5%<\/td><td class="num">12,800 Leads<\/td><td class="num">11,638<\/td><td class="num">1,162<\/td><td class="num">USD 203,370<\/td>/);
    expect(html).toContain('Opportunity → Won 15%–40%');
    expect(page(defaultPlanInput(), 'en', false)).not.toContain('class="diagnosis"');
  });

  it('a big head, small tail, escaped, in zh-CN', () => {
    const input = defaultPlanInput();
    input.sources[0].name = 'Web <inbound>';
    input.sources[0].conversionRates = { lead: 0.25, mql: 0.15, sql: 0.5, opportunity: 0.25 };
    const html = page(input, 'zh-CN');
    expect(html).toContain('<h3>Web &lt;inbound&gt;</h3>');
    expect(html).toContain('<li class="shape-bigHeadSmallTail"><strong>头大尾小型</strong>: MQL → SQL 15%，基准 20%–50%');
    expect(html).toContain('制定 SLA');
  });
});
