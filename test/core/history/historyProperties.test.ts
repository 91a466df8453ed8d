import fc from 'fast-check';
import type { HistoryResult, StageStats } from '../../../src/core/history/historyTypes';
import { DAY, run, STAGES } from './historyFixtures';

const BASE = Date.UTC(2024, 0, 1);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

/** A record: a source and, per stage, an optional time (minutes after 2024-01-01, any order). */
const record = fc.record({
  source: fc.constantFrom('A', 'B', 'C', '', ' A '),
  times: fc.array(fc.option(fc.integer({ min: 0, max: 400 * 24 * 60 }), { nil: null }), { minLength: 5, maxLength: 5 }),
  rank: fc.nat(),
});
type Rec = { source: string; times: (number | null)[] };
const rowOf = (r: Rec) => [r.source, ...r.times.map((t) => (t === null ? '' : iso(BASE + t * 60_000)))];

function sumOverSources(result: HistoryResult, pick: (s: StageStats, stage: string) => number, stage: string): number {
  return Object.values(result.bySource).reduce((n, s) => n + pick(s, stage), 0);
}

describe('history properties', () => {
  it('rates in [0, 1] inside their interval; reached never grows down the stages', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 60 }), (records) => {
        const r = run(records.map(rowOf));
        for (const stats of [r.overall, ...Object.values(r.bySource)]) {
          for (let k = 1; k < STAGES.length; k++) {
            expect(stats.reached[STAGES[k]]).toBeLessThanOrEqual(stats.reached[STAGES[k - 1]]);
          }
          for (const rate of [...Object.values(stats.rates), ...Object.values(stats.matureRates)]) {
            if (rate.rate === null) continue;
            expect(rate.rate).toBeGreaterThanOrEqual(0);
            expect(rate.rate).toBeLessThanOrEqual(1);
            expect(rate.low!).toBeLessThanOrEqual(rate.rate + 1e-12);
            expect(rate.high!).toBeGreaterThanOrEqual(rate.rate - 1e-12);
            expect(rate.converted).toBeLessThanOrEqual(rate.sample);
          }
          for (const stage of STAGES.slice(0, -1)) {
            expect(stats.matureRates[stage].sample).toBeLessThanOrEqual(stats.rates[stage].sample);
          }
        }
      }),
    );
  });

  it('overall counts are the sums of the sources', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 60 }), (records) => {
        const r = run(records.map(rowOf));
        for (const stage of STAGES) {
          expect(r.overall.reached[stage]).toBe(sumOverSources(r, (s, st) => s.reached[st], stage));
        }
        for (const stage of STAGES.slice(0, -1)) {
          expect(r.overall.rates[stage].converted).toBe(sumOverSources(r, (s, st) => s.rates[st].converted, stage));
          expect(r.overall.durationSamples[stage]).toBe(sumOverSources(r, (s, st) => s.durationSamples[st], stage));
        }
      }),
    );
  });

  it('the order of rows changes nothing', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 60 }), (records) => {
        const shuffled = [...records].sort((a, b) => a.rank - b.rank);
        expect(run(shuffled.map(rowOf))).toEqual(run(records.map(rowOf)));
      }),
    );
  });

  it('a record reaches exactly the stages down to its last filled date', () => {
    fc.assert(
      fc.property(record, (rec) => {
        const r = run([rowOf(rec)]);
        const last = rec.times.reduce<number>((acc, t, k) => (t === null ? acc : k), -1);
        STAGES.forEach((stage, k) => expect(r.overall.reached[stage]).toBe(k <= last ? 1 : 0));
      }),
    );
  });

  it('a date only at stage j: reached exactly stages 0..j', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 1000 }), (j, day) => {
        const row = ['A', '', '', '', '', ''];
        row[1 + j] = iso(BASE + day * DAY);
        const r = run([row]);
        expect(STAGES.map((s) => r.overall.reached[s])).toEqual(STAGES.map((_, k) => (k <= j ? 1 : 0)));
      }),
    );
  });
});
