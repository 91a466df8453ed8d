/** HistoryAccumulator.forPart + merge: a file read in two parts gives exactly what one accumulator reading it whole gives. */
import fc from 'fast-check';
import { HistoryAccumulator, MAX_SOURCES } from '../../../src/core/history/historyAccumulator';
import type { HistoryOptions, HistoryResult } from '../../../src/core/history/historyTypes';
import { HEADER, MAPPING, run } from './historyFixtures';

type Row = readonly unknown[];

/**
 * Rows 0..cut−1 into a whole accumulator, rows cut.. into a part (numbered from its own line
 * 1, after `gap` blank lines at the cut), merged: as readCsvHistory does with a worker's part.
 */
function runSplit(rows: readonly Row[], cut: number, options?: HistoryOptions, gap = 0): HistoryResult {
  const first = new HistoryAccumulator(HEADER, MAPPING, options);
  rows.slice(0, cut).forEach((row, i) => first.addRow(row, i + 2));
  const part = HistoryAccumulator.forPart(HEADER, MAPPING, options?.maxSkippedExamples);
  rows.slice(cut).forEach((row, i) => part.addRow(row, i + 1 + gap));
  // The part's line 1 is the file's line cut + 2 (the header is line 1).
  first.merge(structuredClone(part.partState()), cut + 1);
  return first.finish();
}

/** Whole and split results, as the JSON the CLI prints. */
const same = (a: HistoryResult, b: HistoryResult) => expect(JSON.stringify(b)).toBe(JSON.stringify(a));

const ROWS: Row[] = [
  ['Web', '2024-01-01', '2024-01-11', '2024-01-21', '', ''],
  ['Event', '31/31/2024', '', '', '', ''], // skipped
  ['Web', '1/1/2024', '', '1/15/2024', '', ''],
  ['', '2024-02-01', '2024-01-25', '', '', ''], // blank source, negative duration
  ['Event', '', '', '2024-02-01', '2/11/2024', '2024-03-01'],
  ['(none)', '2024-01-03', '', '', '', ''], // a source literally called "(none)"
  ['', '', '', '', '', ''], // reaches nothing
  [' Web ', '2024-01-10', '2024-01-12', '', '', ''],
  ['Partner', 'soon', '', '', '', ''], // skipped
  ['Partner', '2024-01-05 10:00', '2024-01-09 22:30', '2024-01-20', '2024-02-02', ''],
  ['Web', '2024-03-05', '', '', '', ''],
  ['Event', '2024-02-30', '', '', '', ''], // skipped
];

describe('HistoryAccumulator.merge', () => {
  it('gives the whole-file result for a cut at every row', () => {
    for (let cut = 0; cut <= ROWS.length; cut++) same(run(ROWS), runSplit(ROWS, cut));
  });

  it('keeps the first skipped-row examples by line, over both parts, and counts them all', () => {
    for (let cut = 0; cut <= ROWS.length; cut++) {
      for (const maxSkippedExamples of [0, 1, 2, 5]) same(run(ROWS, { maxSkippedExamples }), runSplit(ROWS, cut, { maxSkippedExamples }));
    }
    const r = runSplit(ROWS, 5, { maxSkippedExamples: 5 });
    expect(r.skipped.count).toBe(3);
    expect(r.skipped.examples.map((e) => e.row)).toEqual([3, 10, 13]);
  });

  it('offsets the part\'s line numbers by the lines before it', () => {
    // Two blank lines at the cut: the part's first row is on its line 3, the file's line 7 + 3.
    const r = runSplit(ROWS, 6, {}, 2);
    expect(r.skipped.examples.map((e) => e.row)).toEqual([3, 12, 15]);
  });

  it('groups the part\'s sources as the whole file would: groupSource, "(none)", blanks', () => {
    const calls: string[] = [];
    const options: HistoryOptions = {
      groupSource: (s) => {
        calls.push(s);
        return s === 'Partner' ? 'Web' : s === '(none)' ? '' : s;
      },
    };
    for (let cut = 0; cut <= ROWS.length; cut++) same(run(ROWS, options), runSplit(ROWS, cut, options));
    // The grouping saw the same distinct sources either way (sourceGrouping collects the unmapped ones).
    calls.length = 0;
    run(ROWS, options);
    const whole = new Set(calls);
    calls.length = 0;
    runSplit(ROWS, 4, options);
    expect(new Set(calls)).toEqual(whole);
  });

  it('applies the MAX_SOURCES cap in first-seen order across the cut', () => {
    const rows: Row[] = Array.from({ length: MAX_SOURCES + 40 }, (_, i) => [`s${i % (MAX_SOURCES + 20)}`, '2024-01-01', i % 3 ? '2024-01-05' : '', '', '', '']);
    for (const cut of [0, 500, MAX_SOURCES - 1, MAX_SOURCES, MAX_SOURCES + 10, rows.length]) {
      const whole = run(rows);
      same(whole, runSplit(rows, cut));
      const grouped: HistoryOptions = { groupSource: (s) => `g${Number(s.slice(1)) % (MAX_SOURCES + 7)}` };
      same(run(rows, grouped), runSplit(rows, cut, grouped));
    }
    expect(Object.keys(run(rows).bySource)).toHaveLength(MAX_SOURCES + 1);
  });

  it('gives the whole-file result on random rows and cuts', () => {
    const date = fc.oneof(
      fc.constant(''),
      fc.integer({ min: 0, max: 400 }).map((d) => new Date(Date.UTC(2023, 0, 1) + d * 86_400_000).toISOString().slice(0, 10)),
      fc.constantFrom('not a date', '2024-13-01'),
    );
    const row = fc.tuple(fc.constantFrom('A', 'B', ' C', '', 'D'), date, date, date, date, date);
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), fc.nat(), fc.integer({ min: 0, max: 4 }), (rows, cutSeed, maxSkippedExamples) => {
        const cut = cutSeed % (rows.length + 1);
        const options: HistoryOptions = { maxSkippedExamples, asOf: '2024-01-15' };
        expect(JSON.stringify(runSplit(rows, cut, options))).toBe(JSON.stringify(run(rows, options)));
        expect(JSON.stringify(runSplit(rows, cut))).toBe(JSON.stringify(run(rows)));
      }),
      { numRuns: 300 },
    );
  });

  it('a part is read with partState and merged, never finished; a whole accumulator has no part state', () => {
    const part = HistoryAccumulator.forPart(HEADER, MAPPING);
    expect(() => part.finish()).toThrow(/partState/);
    expect(() => new HistoryAccumulator(HEADER, MAPPING).partState()).toThrow(/forPart/);
  });

  it('a part keeps every distinct source apart, uncapped (its reader watches sourceCount)', () => {
    const part = HistoryAccumulator.forPart(HEADER, MAPPING);
    for (let i = 0; i < MAX_SOURCES + 5; i++) part.addRow([`s${i}`, '2024-01-01', '', '', '', ''], i + 1);
    part.addRow([' s0 ', '2024-01-01', '', '', '', ''], MAX_SOURCES + 6);
    expect(part.sourceCount).toBe(MAX_SOURCES + 5);
  });
});
