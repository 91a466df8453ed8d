/** A deterministic, HubSpot-shaped contacts export for the history benchmark (about 100 bytes a row). */
import { createWriteStream, existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';

export const CRM_HEADER = [
  'Record ID',
  'First Name',
  'Last Name',
  'Email',
  'Company Name',
  'Original Source',
  'Lifecycle Stage',
  'Became a Lead Date',
  'Became a Marketing Qualified Lead Date',
  'Became a Sales Qualified Lead Date',
  'Became an Opportunity Date',
  'Became a Customer Date',
];

// Weighted like a typical B2B portal: search and direct dominate, offline is rare.
const SOURCES: readonly [string, number][] = [
  ['Organic Search', 0.26],
  ['Paid Search', 0.16],
  ['Direct Traffic', 0.15],
  ['Referrals', 0.1],
  ['Social Media', 0.09],
  ['Email Marketing', 0.1],
  ['Offline Sources', 0.08],
  ['Paid Social', 0.06],
];
const FIRST = ['Ana', 'Li', 'Wei', 'John', 'Maria', 'Chen', 'Priya', 'Lukas', 'Sara', 'Omar', 'Yuki', 'Tom'];
const LAST = ['Smith', 'Wang', 'Garcia', 'Müller', 'Kim', 'Zhang', 'Rossi', 'Nguyen', 'Patel', 'Brown'];
const COMPANY = ['Acme', 'Globex', 'Initech', '"Umbrella, Inc."', 'Hooli', 'Stark Industries', '"Wayne ""WE"" Enterprises"', 'Soylent'];
const LIFECYCLE = ['lead', 'marketingqualifiedlead', 'salesqualifiedlead', 'opportunity', 'customer'];

/** mulberry32: fast, seedable, good enough for filler data. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));
const START = Date.UTC(2022, 0, 1);
const SPAN_MS = 3 * 365 * 86_400_000;

function formatDate(ms: number, withTime: boolean): string {
  const d = new Date(ms);
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return withTime ? `${day} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}` : day;
}

/** One export line (without its line break). */
export function crmRow(id: number, rnd: () => number): string {
  let r = rnd();
  let source = SOURCES[SOURCES.length - 1][0];
  for (const [name, weight] of SOURCES) {
    if ((r -= weight) < 0) {
      source = name;
      break;
    }
  }
  // Conversion odds per stage; records skip MQL (sales-sourced) or lose the lead date (imports).
  const dates: string[] = ['', '', '', '', ''];
  let t = START + Math.floor(rnd() * SPAN_MS);
  const withTime = rnd() < 0.3;
  let last = 0;
  const entry = rnd() < 0.08 ? 2 : 0; // 8% enter at SQL (outbound)
  const odds = [1, 0.3, 0.45, 0.5, 0.25];
  const maxDays = [0, 30, 14, 21, 90]; // skewed towards quick moves: 1 + max·u·v days
  for (let k = entry; k < 5; k++) {
    if (k > entry && rnd() >= odds[k]) break;
    last = k;
    if (k > entry) t += Math.floor((1 + rnd() * rnd() * maxDays[k]) * 86_400_000);
    if (k === 1 && rnd() < 0.05) continue; // a skipped stage: no date, reached through a later one
    if (k === 0 && rnd() < 0.03) continue; // an import without its lead date
    if (t > START + SPAN_MS) break;
    dates[k] = formatDate(t, withTime);
  }
  const first = FIRST[Math.floor(rnd() * FIRST.length)];
  const lastName = LAST[Math.floor(rnd() * LAST.length)];
  const company = COMPANY[Math.floor(rnd() * COMPANY.length)];
  return `${100000 + id},${first},${lastName},${first.toLowerCase()}.${id}@example.com,${company},${source},${LIFECYCLE[last]},${dates.join(',')}`;
}

/** Writes `rows` records to `path` (via a temporary name), unless a complete file is already there. */
export async function ensureCrmCsv(path: string, rows: number, seed = 42): Promise<'reused' | 'generated'> {
  if (existsSync(path)) return 'reused';
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.partial`;
  const out = createWriteStream(temp);
  const rnd = random(seed);
  const write = (chunk: string) => (out.write(chunk) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', resolve)));
  await write(`${CRM_HEADER.join(',')}\r\n`);
  let batch: string[] = [];
  for (let i = 0; i < rows; i++) {
    batch.push(crmRow(i, rnd));
    if (batch.length === 5000) {
      await write(`${batch.join('\r\n')}\r\n`);
      batch = [];
    }
  }
  if (batch.length) await write(`${batch.join('\r\n')}\r\n`);
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  renameSync(temp, path);
  return 'generated';
}
