/**
 * What =FUNNEL_RATES and "Derive rates from History" do in Sheets: the core on a 50,000-row
 * pasted export (a 2D array, Date objects as Sheets passes them after wall-clock conversion:
 * text). The budget is the 30-second custom-function limit; the goal is under 1 s in Node.
 */
import { deriveHistory } from '../src/core/history/deriveHistory';
import { measure, report } from './measure';

const HEADER = ['Original Source', 'Became a Lead Date', 'Became a Marketing Qualified Lead Date', 'Became a Sales Qualified Lead Date', 'Became an Opportunity Date', 'Became a Customer Date'];
const SOURCES = ['Organic Search', 'Paid Search', 'Direct Traffic', 'Referrals', 'Offline Sources'];

function pastedExport(rows: number): unknown[][] {
  let seed = 7;
  const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
  const out: unknown[][] = [HEADER];
  for (let i = 0; i < rows; i++) {
    let t = Date.UTC(2023, 0, 1) + Math.floor(rnd() * 700) * 86_400_000;
    const row: unknown[] = [SOURCES[i % SOURCES.length]];
    let alive = true;
    for (let k = 0; k < 5; k++) {
      row.push(alive ? new Date(t).toISOString().slice(0, 19) : '');
      t += Math.floor(1 + rnd() * 20) * 86_400_000;
      alive = alive && rnd() < 0.45;
    }
    out.push(row);
  }
  return out;
}

export function deriveHistoryBench(): void {
  const rows = pastedExport(50_000);
  console.log(report('deriveHistory, 50,000 pasted rows (=FUNNEL_RATES)', measure(() => deriveHistory(rows), 15, 3)));
}
