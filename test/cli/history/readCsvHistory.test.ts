/**
 * A CSV export read in two parts (readCsvHistory's split, with the second part on this thread
 * so ts-jest can run it) gives exactly the result of one thread reading it whole — including
 * when the cut lands in a quoted line break, a part fails, or a part meets too many sources.
 * The worker thread itself runs in historySplitCli.test.ts, through the built CLI.
 */
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvSplitPoint } from '../../../src/cli/history/csvSplitPoint';
import { inProcessPartRunner, type PartRunner } from '../../../src/cli/history/historyPartRunner';
import type { SplitReport } from '../../../src/cli/history/readCsvHistory';
import { PART_SOURCE_LIMIT } from '../../../src/cli/history/readHistoryPart';
import { readHistoryExport, type ReadHistoryOptions } from '../../../src/cli/history/readHistoryExport';
import { HUBSPOT_HEADER, writeExportXlsx } from './exportFixtures';
import { exportText, random, record } from './exportGenerator';

const dir = mkdtempSync(join(tmpdir(), 'fp-split-'));
let files = 0;
function file(content: string | Buffer, name = `export-${files++}.csv`): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** Reads a file whole on one thread, and split in two (second part in process): the two must be identical. */
async function bothWays(path: string, options: ReadHistoryOptions = {}, runner: () => PartRunner | null = inProcessPartRunner) {
  const reports: SplitReport[] = [];
  const whole = await readHistoryExport(path, { ...options, split: { minBytes: Infinity } });
  const split = await readHistoryExport(path, { ...options, split: { minBytes: 0, runner, onSplit: (r) => reports.push(r) } });
  expect(JSON.stringify(split)).toBe(JSON.stringify(whole));
  return { whole, reports };
}

describe('readCsvHistory: split in two, merged', () => {
  it('merges the second part into exactly the one-thread result (CRLF, BOM, blank lines, quoted line breaks, UTF-8)', async () => {
    const merged: boolean[] = [];
    for (const shape of [{ rows: 400 }, { rows: 400, bom: true }, { rows: 300, newline: '\n', seed: 7 }, { rows: 501, seed: 3, blankLines: false }, { rows: 800, seed: 9, bom: true }]) {
      const { whole, reports } = await bothWays(file(exportText(shape)));
      expect(reports).toHaveLength(1);
      merged.push(reports[0].merged);
      expect(whole.result.rows).toBeGreaterThan(200);
    }
    // (Where the notes' quoted line breaks meet the cut, one thread reads on: also identical.)
    expect(merged.filter(Boolean).length).toBeGreaterThanOrEqual(3);
  });

  it('keeps the first skipped rows by line over the whole file, and counts them all', async () => {
    const { whole, reports } = await bothWays(file(exportText({ rows: 2000, seed: 11 })), { maxSkippedExamples: 40 });
    expect(reports[0].merged).toBe(true);
    const lines = whole.result.skipped.examples.map((e) => e.row);
    expect(whole.result.skipped.count).toBeGreaterThan(40);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    // Some examples come from each side of the cut.
    const text = exportText({ rows: 2000, seed: 11 });
    const cutLine = text.slice(0, reports[0].cut).split('\r\n').length;
    expect(lines.some((l) => l < cutLine) && lines.some((l) => l >= cutLine)).toBe(true);
  });

  it('groups sources with groupSource as one thread does (plan --rates-from)', async () => {
    const seen: string[] = [];
    const groupSource = (s: string) => {
      seen.push(s);
      return s.startsWith('W') ? 'marketing' : `(unmapped) ${s}`;
    };
    const { reports } = await bothWays(file(exportText({ rows: 500, seed: 5 })), { groupSource });
    expect(reports[0].merged).toBe(true);
    expect(new Set(seen)).toEqual(new Set(['Web', 'Event', 'Müller GmbH', '线索来源', '(none)']));
  });

  it('reads on in one thread when the cut falls inside a quoted field, wherever the quoted line breaks sit around the middle', async () => {
    const rnd = random(2);
    const head = [`0,${'p'.repeat(200)},Web,2024-01-01,,,,`, ...Array.from({ length: 30 }, (_, i) => record(i + 1, rnd))];
    const tail = Array.from({ length: 30 }, (_, i) => record(i + 100, rnd));
    const quoted = `50,"${Array.from({ length: 8 }, (_, i) => `line ${i}, "" quoted`).join('\n')}",Web,2024-01-05,,,,`;
    const outcomes = new Set<string>();
    // Each 2 bytes more at the end move the middle 1 byte on: across the head's end, the
    // record of quoted line breaks, and the tail's start.
    for (let k = 0; k < 700; k += 3) {
      const text = `${[HUBSPOT_HEADER, ...head, quoted, ...tail, `999,${'y'.repeat(k)},Web,2024-01-01,,,,`].join('\r\n')}\r\n`;
      const { reports } = await bothWays(file(text));
      outcomes.add(reports[0].merged ? 'merged' : reports[0].reason ?? '');
    }
    // Both happen: the cut really lands inside the quoted line breaks, and next to them.
    expect([...outcomes].sort()).toEqual(['merged', 'the cut is inside a record']);
  });

  it('reads on in one thread when the part fails, and reports the error where it is (an unclosed quote past the cut)', async () => {
    const failing = () => ({ run: async () => ({ ok: false as const, reason: 'lost' }), close: () => undefined });
    const { reports } = await bothWays(file(exportText({ rows: 300, seed: 4 })), {}, failing);
    expect(reports).toEqual([{ cut: expect.any(Number), merged: false, reason: 'lost' }]);

    const good = exportText({ rows: 300, seed: 4, blankLines: false });
    const broken = file(`${good}999,"never closed,Web,2024-01-01,,,,\r\n`);
    const errors: string[] = [];
    for (const minBytes of [Infinity, 0]) {
      await readHistoryExport(broken, { split: { minBytes, runner: inProcessPartRunner } }).catch((e: Error) => errors.push(e.message));
    }
    expect(errors).toHaveLength(2);
    expect(errors[1]).toBe(errors[0]);
    expect(errors[0]).toContain(`line ${good.split('\r\n').length}: a quoted field opens here`);
  });

  it(`reads on in one thread when the second part has more than ${PART_SOURCE_LIMIT} sources (and caps sources as one thread does)`, async () => {
    const rows = [HUBSPOT_HEADER];
    for (let i = 0; i < 2 * PART_SOURCE_LIMIT + 400; i++) rows.push(`${i},,src ${i},2024-01-01,2024-01-02,,,`);
    const { whole, reports } = await bothWays(file(`${rows.join('\n')}\n`));
    expect(reports[0]).toEqual({ cut: expect.any(Number), merged: false, reason: `more than ${PART_SOURCE_LIMIT} distinct sources` });
    expect(whole.result.warnings.some((w) => w.startsWith('More than 1000 distinct sources'))).toBe(true);
  });

  it('does not split small files, files without a line break past the middle, or .xlsx workbooks', async () => {
    const reports: SplitReport[] = [];
    const onSplit = (r: SplitReport) => reports.push(r);
    await readHistoryExport(file(exportText({ rows: 300 })), { split: { runner: inProcessPartRunner, onSplit } }); // under SPLIT_MIN_BYTES
    const loneCr = file(exportText({ rows: 300, newline: '\r' }));
    expect(csvSplitPoint(loneCr, Buffer.byteLength(exportText({ rows: 300, newline: '\r' })))).toBeNull();
    await bothWays(loneCr);
    const xlsx = join(dir, 'export.xlsx');
    await writeExportXlsx(xlsx);
    await readHistoryExport(xlsx, { split: { minBytes: 0, runner: inProcessPartRunner, onSplit } });
    expect(reports).toEqual([]);
  });

  it('counts ragged rows over both parts, by the file\'s lines', async () => {
    const rows = Array.from({ length: 600 }, (_, i) => `Web,2024-01-${String((i % 28) + 1).padStart(2, '0')},`);
    rows[7] = 'Web,2024-01-05'; // line 9: a cell short
    rows[520] = 'Web,2024-01-05,,extra'; // line 522, in the second part: one too many
    const { whole, reports } = await bothWays(file(['Original Source,Became a Lead Date,Became a Customer Date', ...rows].join('\n')));
    expect(reports).toEqual([expect.objectContaining({ merged: true })]);
    expect(whole.result.warnings[0]).toMatch(/^2 rows have fewer or more cells than the header's 3 \(lines 9, 522\)/);
  });

  it('decides day first from a date in the second part, and reads the whole file again day first', async () => {
    const rows = Array.from({ length: 600 }, () => 'Web,05/03/2024,07/03/2024'); // 5 → 7 March: 2 days (May 3 → July 3 month first)
    rows[550] = 'Web,13/03/2024,';
    const { whole, reports } = await bothWays(file(['Original Source,Became a Lead Date,Became a Customer Date', ...rows].join('\n')), { stages: ['lead', 'won'] });
    expect(reports.every((r) => r.merged)).toBe(true);
    expect(whole.result.overall.medianDays.lead).toBe(2);
    expect(whole.result.asOf).toBe('2024-03-13T00:00:00.000Z');
  });

  it('names the line of a byte that is not UTF-8 in the second part, as one thread would', async () => {
    const rows = Array.from({ length: 600 }, () => 'Web,2024-01-02,');
    const text = ['Original Source,Became a Lead Date,Became a Customer Date', ...rows].join('\n');
    const at = text.indexOf('Web', Math.floor(text.length * 0.8));
    const line = text.slice(0, at).split('\n').length;
    const path = file(Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from([0xc9]), Buffer.from(text.slice(at))]));
    const message = `is not UTF-8 text at line ${line} (bytes 0xC9`;
    await expect(readHistoryExport(path, { split: { minBytes: Infinity } })).rejects.toThrow(message);
    await expect(readHistoryExport(path, { split: { minBytes: 0, runner: inProcessPartRunner } })).rejects.toThrow(message);
  });

  it('gives the one-thread result on random exports (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({ rows: fc.integer({ min: 0, max: 120 }), seed: fc.nat(), newline: fc.constantFrom('\n', '\r\n'), bom: fc.boolean(), blankLines: fc.boolean() }),
        async (shape) => {
          const path = file(exportText(shape));
          // An export with nothing to measure (no data rows, every row skipped) is refused the same way both ways.
          const refusal = await readHistoryExport(path, { split: { minBytes: Infinity } }).then(() => null, (e: Error) => e.message);
          if (refusal !== null) {
            await expect(readHistoryExport(path, { split: { minBytes: 0, runner: inProcessPartRunner } })).rejects.toThrow(refusal);
            return;
          }
          await bothWays(path, { maxSkippedExamples: 3 });
        },
      ),
      { numRuns: 80 },
    );
  });
});
