/**
 * `npm run bench`, the confidence simulation: 10,000 trials of the default template (a unit per
 * marketing channel and outbound, binomial counts at every stage) in TypeScript, against the same
 * draws vectorised with NumPy (bench/confidenceNumpy.py, python3 with numpy). Goals: ≤ 2 × NumPy's
 * time and under 200 ms median. Also the whole run the sidebar card and `simulate` make (goal < 1 s: the card waits for it).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { defaultPlanInput } from '../src/core/defaultPlan';
import { simulate, simulationModel } from '../src/core/confidence/simulate';
import { planConfidenceWithPool } from '../src/core/confidence/planConfidenceWithPool';
import { validatePlan } from '../src/core/validatePlan';
import { Timing, measure } from './measure';

export function confidenceBench(): { timing: Timing; numpyMs: number | undefined; trials: number; full: Timing } {
  const checked = validatePlan(defaultPlanInput(), { today: '2026-12-01' });
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  const model = simulationModel(checked.plan, checked.funnel);
  const trials = 10_000;
  const timing = measure(() => simulate(model, trials, 2027), 15, 3);
  let numpyMs: number | undefined;
  try {
    const spec = JSON.stringify({ trials, target: model.target, units: model.units.map((u) => ({ volume: u.volume, rates: u.rates, deal: u.avgDealSize })) });
    const out = execFileSync('python3', [join(__dirname, '..', '..', 'bench', 'confidenceNumpy.py')], { input: spec, encoding: 'utf8' });
    numpyMs = (JSON.parse(out) as { medianMs: number }).medianMs;
  } catch {
    numpyMs = undefined; // no python3 with numpy here: the ratio is not measured
  }
  // What the sidebar card and simulate run: the trials, the multiplier search for 90 % (~13 more runs without details) and the pool paid per trial.
  const full = measure(() => planConfidenceWithPool(checked.plan, checked.funnel), 5, 1);
  return { timing, numpyMs, trials, full };
}
