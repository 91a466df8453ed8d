/** Whole-month lags and won months of a CRM export's won records (design.md §7), through the accumulator and its two-part merge. */
import { HistoryAccumulator, LAG_CAP_MONTHS, monthIndex } from '../../../src/core/history/historyAccumulator';
import { historySeasonality, historyTiming, MIN_LAG_SAMPLE } from '../../../src/core/history/historyTiming';
import { fraction } from '../../../src/core/fraction';
import { LAG_HEADER, LAG_MAPPING, LAG_ROWS, OPPORTUNITY_LAG, SQL_LAG, WON_BY_MONTH } from './lagFixture';

function whole(rows: readonly (readonly string[])[]) {
  const acc = new HistoryAccumulator(LAG_HEADER, LAG_MAPPING);
  rows.forEach((r, i) => acc.addRow(r, i + 2));
  return acc.finish();
}

function split(rows: readonly (readonly string[])[], cut: number) {
  const first = new HistoryAccumulator(LAG_HEADER, LAG_MAPPING);
  rows.slice(0, cut).forEach((r, i) => first.addRow(r, i + 2));
  const part = HistoryAccumulator.forPart(LAG_HEADER, LAG_MAPPING);
  rows.slice(cut).forEach((r, i) => part.addRow(r, i + 1));
  first.merge(structuredClone(part.partState()), cut + 1);
  return first.finish();
}

describe('lag months of won records', () => {
  it('counts the known lags from each stage, a skipped stage reached at its later date', () => {
    const r = whole(LAG_ROWS);
    expect(r.bySource.Web.lagMonths).toEqual({ sql: SQL_LAG, opportunity: OPPORTUNITY_LAG });
    expect(r.overall.lagMonths).toEqual({ sql: SQL_LAG, opportunity: OPPORTUNITY_LAG });
    expect(r.overall.wonByCalendarMonth).toEqual(WON_BY_MONTH);
    expect(r.bySource.Web.wonByCalendarMonth).toEqual(WON_BY_MONTH);
  });

  it('warns about a record won in a month before it reached the stage, and leaves it out of the lag', () => {
    const r = whole(LAG_ROWS);
    expect(r.warnings).toContain('1 record is won in a month before it reached sql; left out of the sales-cycle lag from sql.');
  });

  it('gives the same counts at every cut of a two-part read', () => {
    const one = JSON.stringify(whole(LAG_ROWS));
    for (let cut = 0; cut <= LAG_ROWS.length; cut++) expect(JSON.stringify(split(LAG_ROWS, cut))).toBe(one);
  });

  it(`counts lags of ${LAG_CAP_MONTHS} months and more in the last bucket`, () => {
    const r = whole([
      ['1', 'Web', '2015-01-10', '', '2024-01-10'],
      ['2', 'Web', '2019-01-10', '', '2024-01-10'], // exactly 60
      ['3', 'Web', '2023-12-31', '', '2024-01-01'],
    ]);
    const sql = r.overall.lagMonths!.sql;
    expect(sql).toHaveLength(LAG_CAP_MONTHS + 1);
    expect(sql[1]).toBe(1);
    expect(sql[LAG_CAP_MONTHS]).toBe(2);
  });

  it('finds the calendar month of a time without Date', () => {
    for (const [y, m, d] of [[1970, 0, 1], [2000, 1, 29], [2024, 11, 31], [2100, 2, 1], [1900, 0, 31], [2024, 1, 29]]) {
      expect(monthIndex(Date.UTC(y, m, d, 23, 59))).toBe(y * 12 + m);
      expect(monthIndex(Date.UTC(y, m, d))).toBe(y * 12 + m);
    }
  });
});

describe('historyTiming: lags and stage days for a plan', () => {
  const r = whole(LAG_ROWS);

  it('uses a stage\'s lag when enough won records measured it, and fills untyped stage days with medians', () => {
    const t = historyTiming({ stages: LAG_MAPPING.stages, sources: [{ id: 'Web', entryStage: 'sql', stageDays: { opportunity: 12 } }], result: r });
    expect(t.lags.Web.sql).toEqual(SQL_LAG.map((n) => fraction(BigInt(n))));
    expect(t.lags.Web.opportunity).toEqual(OPPORTUNITY_LAG.map((n) => fraction(BigInt(n))));
    expect(t.measured.map((m) => [m.stage, m.sample, m.used])).toEqual([['sql', 10, true], ['opportunity', 11, true]]);
    // No record has both SQL and opportunity dates: no median for sql; opportunity is typed.
    expect(t.stageDays).toEqual([]);
    expect(t.notes).toEqual([]);
  });

  it(`falls back to stage days below ${MIN_LAG_SAMPLE} won records, with a note`, () => {
    // The first four records, each at the opportunity stage on its SQL date.
    const few = whole(LAG_ROWS.slice(0, 4).map((row) => [row[0], row[1], row[2], row[2], row[4]]));
    const t = historyTiming({ stages: LAG_MAPPING.stages, sources: [{ id: 'Web', entryStage: 'sql' }], result: few });
    expect(t.lags).toEqual({});
    expect(t.notes).toContainEqual({ code: 'smallLagSample', source: 'Web', stage: 'sql', sample: 4, min: MIN_LAG_SAMPLE });
    // SQL → opportunity 0 days each; opportunity → won 23, 1, 2 and 56 days: median (2 + 23) / 2.
    expect(t.stageDays).toEqual([
      { source: 'Web', stage: 'sql', days: 0, sample: 4 },
      { source: 'Web', stage: 'opportunity', days: 12.5, sample: 4 },
    ]);
  });

  it('turns won months into FY-order seasonality', () => {
    expect(historySeasonality(r, 1)).toEqual(WON_BY_MONTH);
    expect(historySeasonality(r, 4)).toEqual([...WON_BY_MONTH.slice(3), ...WON_BY_MONTH.slice(0, 3)]);
  });
});
