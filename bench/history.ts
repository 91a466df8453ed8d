/** `npm run bench`, part 2: `funnel-planner rates` on CRM exports against DuckDB (1M rows) and HyperFormula COUNTIFS (100k rows). */
import { spawn } from 'node:child_process';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureCrmCsv } from './crmExportCsv';

const ROOT = join(__dirname, '..', '..');
const DATA = join(ROOT, 'bench-data');
const BIN = join(ROOT, 'bin', 'funnel-planner.js');
const PRELOAD = join(__dirname, 'reportPeakRss.js');
const RUNS = 3;

interface Run {
  readonly wallMs: number;
  readonly rssBytes: number;
  readonly stdout: string;
}

/** Runs `node -r reportPeakRss <args>`; stdout is kept only when asked (else discarded, like > /dev/null). */
function runNode(args: readonly string[], keepStdout = false): Promise<Run> {
  const rssFile = join(tmpdir(), `fp-bench-rss-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['-r', PRELOAD, ...args], {
      cwd: ROOT,
      env: { ...process.env, BENCH_RSS_FILE: rssFile, CI: '1' },
      stdio: ['ignore', keepStdout ? 'pipe' : 'ignore', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on('data', (b: Buffer) => out.push(b));
    child.stderr?.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      if (code !== 0) {
        reject(new Error(`node ${args.join(' ')} exited ${code}: ${Buffer.concat(err).toString()}`));
        return;
      }
      const rssBytes = Number(readFileSync(rssFile, 'utf8'));
      rmSync(rssFile, { force: true });
      resolve({ wallMs, rssBytes, stdout: Buffer.concat(out).toString() });
    });
  });
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const verdict = (met: boolean) => (met ? 'met' : 'NOT MET');

interface Summary {
  readonly wallMs: number;
  readonly rssBytes: number;
  readonly runs: readonly Run[];
}

function summarize(runs: readonly Run[]): Summary {
  return { wallMs: median(runs.map((r) => r.wallMs)), rssBytes: Math.max(...runs.map((r) => r.rssBytes)), runs };
}

/** The overall reached counts and median days both tools report, to show they answered the same question. */
function sameAnswer(ours: string, duck: string): boolean {
  const j = JSON.parse(ours) as { stages: string[]; overall: { reached: Record<string, number>; medianDays: Record<string, number | null> } };
  const d = JSON.parse(duck) as { result: { is_overall: boolean; stage: string; reached: string; median_days: number | null }[] };
  const rows = d.result.filter((r) => r.is_overall);
  return (
    rows.length === j.stages.length - 1 &&
    rows.every((r) => Number(r.reached) === j.overall.reached[r.stage] && Math.abs((r.median_days ?? NaN) - (j.overall.medianDays[r.stage] ?? NaN)) < 1e-9)
  );
}

/**
 * Every contender is a whole child process, timed from spawn to exit, with its peak RSS
 * reported by the child itself (reportPeakRss.ts), so node start-up and module loading count.
 */
export async function historyBench(): Promise<void> {
  const big = join(DATA, 'crm-1m.csv');
  const small = join(DATA, 'crm-100k.csv');
  for (const [path, rows] of [[big, 1_000_000], [small, 100_000]] as const) {
    const started = Date.now();
    const how = await ensureCrmCsv(path, rows);
    if (how === 'generated') console.log(`generated ${path} (${megabytes(statSync(path).size)}) in ${seconds(Date.now() - started)}`);
  }
  const bigSize = megabytes(statSync(big).size);
  console.log(`\nrates on a CRM export — ${cpus().length} CPUs, median wall of ${RUNS} runs, whole processes`);

  // Interleaved, so a noisy neighbour slows every contender alike.
  const ours: Run[] = [];
  const duckFull: Run[] = [];
  const duckMinimal: Run[] = [];
  for (let i = 0; i < RUNS; i++) {
    ours.push(await runNode([BIN, 'rates', big, '--json'], i === 0));
    duckFull.push(await runNode([join(__dirname, 'duckdbRates.js'), big, 'historySql'], i === 0));
    duckMinimal.push(await runNode([join(__dirname, 'duckdbRates.js'), big, 'minimal']));
  }
  const ours100k: Run[] = [];
  for (let i = 0; i < RUNS; i++) ours100k.push(await runNode([BIN, 'rates', small, '--json']));
  const hf = await runNode([join(__dirname, 'hyperformulaCountifs.js'), small], true);
  const hfInside = (JSON.parse(hf.stdout) as { ms: number }).ms;

  const o = summarize(ours);
  const df = summarize(duckFull);
  const dm = summarize(duckMinimal);
  const o100 = summarize(ours100k);
  const same = sameAnswer(ours[0].stdout, duckFull[0].stdout);

  const line = (name: string, wall: string, rss: string) => `  ${name.padEnd(62)} ${wall.padStart(9)} ${rss.padStart(9)}`;
  console.log(line(`1,000,000 rows (${bigSize})`, 'wall', 'peak RSS'));
  console.log(line('ours: funnel-planner rates --json', seconds(o.wallMs), megabytes(o.rssBytes)));
  console.log(line('DuckDB: historySql (the same answer, read_csv all_varchar)', seconds(df.wallMs), megabytes(df.rssBytes)));
  console.log(line('DuckDB: minimal SQL (reached + median only)', seconds(dm.wallMs), megabytes(dm.rssBytes)));
  console.log(`  ours and DuckDB agree on overall reached counts and median days: ${same ? 'yes' : 'NO'}`);
  console.log(line('100,000 rows', '', ''));
  console.log(line('ours: funnel-planner rates --json', seconds(o100.wallMs), megabytes(o100.rssBytes)));
  console.log(line('HyperFormula: 40 COUNTIFS, load + evaluate (CSV read untimed)', seconds(hfInside), ''));
  console.log(line('HyperFormula: whole process', seconds(hf.wallMs), megabytes(hf.rssBytes)));

  const vsDuck = o.wallMs / df.wallMs;
  const vsMinimal = o.wallMs / dm.wallMs;
  const vsHf = hfInside / o100.wallMs;
  console.log('goals:');
  console.log(`  peak RSS of rates at 1M rows < 300 MB: ${megabytes(o.rssBytes)} — ${verdict(o.rssBytes < 300 * 1024 * 1024)}`);
  console.log(`  within 2× of DuckDB (same answer): ${vsDuck.toFixed(2)}× DuckDB's time — ${verdict(vsDuck <= 2)}` +
    ` (against the minimal query: ${vsMinimal.toFixed(2)}× — ${verdict(vsMinimal <= 2)})`);
  console.log(`  at least 10× faster than HyperFormula at 100k rows: ${vsHf.toFixed(1)}× — ${verdict(vsHf >= 10)}`);
}
