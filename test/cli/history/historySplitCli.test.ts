/**
 * `funnel-planner rates` on an export above SPLIT_MIN_BYTES, through the built CLI: the second
 * half is read by the real worker thread (historyPartWorker.js, seen by workerProbe.js), and the
 * JSON printed is byte for byte what one thread reading the file gives.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvSplitPoint } from '../../../src/cli/history/csvSplitPoint';
import { SPLIT_MIN_BYTES } from '../../../src/cli/history/readCsvHistory';
import { readHistoryExport } from '../../../src/cli/history/readHistoryExport';
import { ratesJson } from '../../../src/cli/history/ratesJson';
import { ROOT } from '../runCli';
import { exportText } from './exportGenerator';
import { LAG_CSV, OPPORTUNITY_LAG, SQL_LAG, WON_BY_MONTH } from '../../core/history/lagFixture';

const dir = mkdtempSync(join(tmpdir(), 'fp-split-cli-'));
const PROBE = join(__dirname, 'workerProbe.js');

interface Probe {
  ok: boolean;
  rows: number | null;
  reason: string | null;
}

/** Runs `rates PATH --json` in the built CLI with the worker probe; stdout and what the worker posted. */
function ratesCli(path: string, name: string): { stdout: string; probes: Probe[] } {
  const probeFile = join(dir, `${name}.probe`);
  const r = spawnSync(process.execPath, ['--require', PROBE, join(ROOT, 'bin', 'funnel-planner.js'), 'rates', path, '--json'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', WORKER_PROBE_FILE: probeFile },
    timeout: 60_000,
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const probes = existsSync(probeFile) ? readFileSync(probeFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Probe) : [];
  return { stdout: r.stdout, probes };
}

/** What `rates --json` prints when one thread reads the whole file. */
async function oneThread(path: string): Promise<string> {
  const { result, mapping } = await readHistoryExport(path, { split: { minBytes: Infinity } });
  return `${JSON.stringify(ratesJson(path, result, mapping), null, 2)}\n`;
}

describe('rates on a big export: two threads, one answer', () => {
  // Just over SPLIT_MIN_BYTES.
  const bytesPerRow = Buffer.byteLength(exportText({ rows: 5000, seed: 21 })) / 5000;
  const text = exportText({ rows: Math.ceil((1.05 * SPLIT_MIN_BYTES) / bytesPerRow), seed: 21, bom: true });

  it('reads the second half in a worker thread and prints exactly the one-thread JSON', async () => {
    const path = join(dir, 'big.csv');
    writeFileSync(path, text);
    expect(Buffer.byteLength(text)).toBeGreaterThan(SPLIT_MIN_BYTES);
    const { stdout, probes } = ratesCli(path, 'big');
    expect(probes).toHaveLength(1);
    expect(probes[0]).toMatchObject({ ok: true });
    expect(probes[0].rows).toBeGreaterThan(200_000);
    const json = JSON.parse(stdout) as { skipped: { count: number; examples: unknown[] } };
    expect(json.skipped.count).toBeGreaterThan(1000);
    expect(stdout).toBe(await oneThread(path));
  });

  it('falls back to one thread when the middle of the file is inside a quoted field, with the same JSON', async () => {
    // A record whose note holds 2,000 line breaks, put where the middle of the file will be.
    const lines = text.split('\r\n');
    const middle = Buffer.byteLength(text) / 2;
    let half = 0;
    for (let bytes = 0; bytes < middle; half++) bytes += Buffer.byteLength(lines[half]) + 2;
    const note = `"${Array.from({ length: 2000 }, (_, i) => `note line ${i}`).join('\r\n')}"`;
    const withNote = [...lines.slice(0, half), `424242,${note},Web,2024-01-01,,,,`, ...lines.slice(half)].join('\r\n');
    const path = join(dir, 'quoted-middle.csv');
    writeFileSync(path, withNote);
    // The cut really is inside the note.
    const noteStart = Buffer.byteLength(withNote.slice(0, withNote.indexOf(note)));
    const cut = csvSplitPoint(path, Buffer.byteLength(withNote)) ?? 0;
    expect(cut).toBeGreaterThan(noteStart);
    expect(cut).toBeLessThan(noteStart + note.length);
    const { stdout } = ratesCli(path, 'quoted-middle');
    expect(stdout).toBe(await oneThread(path));
  });
});

describe('plan --rates-from on a big export: the won records\' lags, merged across two threads', () => {
  it('counts the known lag distribution of a fixture repeated past SPLIT_MIN_BYTES', () => {
    const [header, ...rows] = LAG_CSV.trimEnd().split('\n');
    const block = `${rows.join('\n')}\n`;
    const copies = Math.ceil((1.05 * SPLIT_MIN_BYTES) / Buffer.byteLength(block));
    const path = join(dir, 'lags.csv');
    writeFileSync(path, `${header}\n${block.repeat(copies)}`);
    const plan = join(dir, 'lag-plan.json');
    writeFileSync(plan, JSON.stringify({
      revenueTarget: 1_200_000,
      stages: ['sql', 'opportunity', 'won'],
      sources: [{ id: 'web', name: 'Web', kind: 'sales', share: 1, avgDealSize: 100_000, entryStage: 'sql', conversionRates: {} }],
      timing: { fiscalYearStart: '2027-01' },
    }));
    const probeFile = join(dir, 'lags.probe');
    const r = spawnSync(process.execPath, ['--require', PROBE, join(ROOT, 'bin', 'funnel-planner.js'), 'plan', plan, '--rates-from', path, '--all-records', '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', WORKER_PROBE_FILE: probeFile },
      timeout: 60_000,
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const probes = readFileSync(probeFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Probe);
    expect(probes).toHaveLength(1);
    expect(probes[0]).toMatchObject({ ok: true });
    const json = JSON.parse(r.stdout);
    const times = (counts: number[]) => counts.map((n) => n * copies);
    expect(json.history.lagMonths.web).toEqual({ sql: times(SQL_LAG), opportunity: times(OPPORTUNITY_LAG) });
    expect(json.history.wonByCalendarMonth.overall).toEqual(times(WON_BY_MONTH));
    expect(json.history.warnings).toContain(`${copies} records are won in a month before they reached sql; left out of the sales-cycle lag from sql.`);
    // The same shares as the small fixture: the same SQLs by month.
    expect(json.monthly.bySource.web.sql.thisYear['2026-12']).toBe(1);
    expect(json.monthly.bySource.web.sql.thisYear['2027-10']).toBe(1);
  });
});
