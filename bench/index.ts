/** `npm run bench`: speed of the planning engine (a benchmark, not a test). */
import { defaultPlanInput } from '../src/core/defaultPlan';
import { plan } from '../src/core/plan';
import { deriveHistoryBench } from './deriveHistory50k';
import { headcountBench } from './headcount';
import { confidenceBench } from './confidence';
import { bonusBench } from './bonus';
import { historyBench } from './history';
import { measure, report } from './measure';
import { timelineBench } from './timeline';

const input = defaultPlanInput();
const bql = {
  ...input,
  stages: ['lead', 'mql', 'bql', 'sql', 'opportunity', 'won'],
  sources: Array.from({ length: 6 }, (_, i) => ({
    id: `s${i}`,
    share: i < 5 ? 0.16 : 0.2,
    avgDealSize: 20_476.19,
    conversionRates: { lead: 0.23, mql: 0.41, bql: 0.57, sql: 0.5, opportunity: 0.27 },
  })),
};

console.log(`Node ${process.version}, ${process.platform}/${process.arch}`);
console.log(report('full plan, default template', measure(() => plan(input))));
console.log(report('full plan, 6 sources × 6 stages (bql)', measure(() => plan(bql))));
for (const { name, timing } of timelineBench()) console.log(`${report(name, timing)}   goal < 2 ms median: ${timing.medianMs < 2 ? 'met' : 'NOT MET'}`);
const hiring = headcountBench();
console.log(`${report(hiring.name, hiring.timing)}   goal < 5 ms median: ${hiring.timing.medianMs < 5 ? 'met' : 'NOT MET'}`);
console.log(report('the same with validation and months (plan --json)', hiring.full));
const pool = bonusBench();
console.log(`${report(pool.name, pool.timing)}   goal < 50 ms median: ${pool.timing.medianMs < 50 ? 'met' : 'NOT MET'}`);
console.log(report('one scenario (a slider move)', pool.scenario));
const sim = confidenceBench();
const ratio = sim.numpyMs === undefined ? undefined : sim.timing.medianMs / sim.numpyMs;
console.log(
  `${report(`confidence, ${sim.trials.toLocaleString('en-US')} trials of the template`, sim.timing)}   NumPy ${sim.numpyMs === undefined ? 'not available' : `${sim.numpyMs.toFixed(1)} ms`}` +
    `${ratio === undefined ? '' : `, ratio ${ratio.toFixed(2)} (goal ≤ 2: ${ratio <= 2 ? 'met' : 'NOT MET'})`}; goal < 200 ms: ${sim.timing.medianMs < 200 ? 'met' : 'NOT MET'}`,
);
console.log(`${report('the same with the 90 % search and the bonus pool per trial (simulate, the sidebar card)', sim.full)}   goal < 1 s: ${sim.full.medianMs < 1000 ? 'met' : 'NOT MET'}`);
deriveHistoryBench();

// Spawns the built CLI, DuckDB and HyperFormula on generated CRM exports (bench-data/, git-ignored).
historyBench().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
