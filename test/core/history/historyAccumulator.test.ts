import { HistoryAccumulator, MAX_SOURCES } from '../../../src/core/history/historyAccumulator';
import { wilsonInterval } from '../../../src/core/history/wilson';
import { HEADER, MAPPING, run } from './historyFixtures';

describe('HistoryAccumulator: reached, rates and durations by hand', () => {
  // Both date formats mixed; row 3 skips MQL (an event lead straight to SQL), row 4 has no lead
  // date, row 6 has no dates at all.
  const rows = [
    ['Web', '2024-01-01', '2024-01-11', '2024-01-21', '', ''],
    ['Web', '1/1/2024', '', '1/15/2024', '', ''],
    ['Event', '', '', '2024-02-01', '2/11/2024', '2024-03-01'],
    ['Event', '2024-01-10', '', '', '', ''],
    ['Web', '', '', '', '', ''],
  ];
  const r = run(rows);

  it('a record reached a stage when that date or any later one is filled', () => {
    // lead: rows 2–5 (row 4 through its SQL date); mql: rows 2, 3 (through SQL), 4; won: row 4
    expect(r.overall.reached).toEqual({ lead: 4, mql: 3, sql: 3, opportunity: 1, won: 1 });
    expect(r.rows).toBe(5);
    expect(r.skipped).toEqual({ count: 0, examples: [] });
  });

  it('rates are reached[k+1] / reached[k], for every stage but the last, with Wilson bounds', () => {
    expect(Object.keys(r.overall.rates)).toEqual(['lead', 'mql', 'sql', 'opportunity']);
    expect(r.overall.rates.lead).toEqual({ rate: 0.75, converted: 3, sample: 4, ...wilsonInterval(3, 4), smallSample: true });
    expect(r.overall.rates.mql.rate).toBe(1);
    expect(r.overall.rates.sql.rate).toBeCloseTo(1 / 3, 15);
    expect(r.overall.rates.opportunity.rate).toBe(1);
  });

  it('durations only where both dates are filled', () => {
    expect(r.overall.durationSamples).toEqual({ lead: 1, mql: 1, sql: 1, opportunity: 1 });
    // 2024 is a leap year: Feb 11 → Mar 1 is 18 + 1 = 19 days
    expect(r.overall.medianDays).toEqual({ lead: 10, mql: 10, sql: 10, opportunity: 19 });
    expect(r.overall.p90Days).toEqual({ lead: 10, mql: 10, sql: 10, opportunity: 19 });
  });

  it('splits by source; a row that reached nothing makes no source', () => {
    expect(Object.keys(r.bySource).sort()).toEqual(['Event', 'Web']);
    expect(r.bySource.Web.reached).toEqual({ lead: 2, mql: 2, sql: 2, opportunity: 0, won: 0 });
    expect(r.bySource.Web.rates.sql).toMatchObject({ rate: 0, converted: 0, sample: 2 });
    expect(r.bySource.Web.rates.opportunity).toEqual({ rate: null, converted: 0, sample: 0, low: null, high: null, smallSample: true });
    expect(r.bySource.Event.reached).toEqual({ lead: 2, mql: 1, sql: 1, opportunity: 1, won: 1 });
    expect(r.bySource.Web.medianDays.opportunity).toBeNull();
  });

  it('as-of is the latest date in the file', () => {
    expect(r.asOf).toBe('2024-03-01T00:00:00.000Z');
  });
});

describe('HistoryAccumulator: dates', () => {
  it('date-times give fractional days', () => {
    const r = run([
      ['A', '2024-01-01 06:00', '2024-01-02 18:00', '', '', ''], // 1.5 days
      ['A', '1/1/2024 6:00 AM', '1/1/2024 12:00 PM', '', '', ''], // 0.25 days
      ['A', '2024-01-01', '2024-01-01T00:00:30Z', '', '', ''], // 30 s
    ]);
    expect(r.overall.durationSamples.lead).toBe(3);
    expect(r.overall.medianDays.lead).toBe(0.25);
    // sorted [30/86400, 0.25, 1.5]: h = 1.8 → 0.25 + 0.8 · 1.25 = 1.25
    expect(r.overall.p90Days.lead).toBeCloseTo(1.25, 12);
  });

  it('Excel serials and Date objects as exceljs gives them', () => {
    const r = run([['A', 45292, new Date(Date.UTC(2024, 0, 11)), 45292.5, null, undefined]]);
    expect(r.overall.medianDays).toEqual({ lead: 10, mql: -9.5, sql: null, opportunity: null });
    expect(r.overall.reached).toEqual({ lead: 1, mql: 1, sql: 1, opportunity: 0, won: 0 });
  });

  it('a row with a bad date is skipped whole, with its row number and reason; other rows are unaffected', () => {
    const rows = [
      ['A', '2024-01-01', '2024-01-05', '', '', ''],
      ['A', '2024-01-01', '2024-02-30', '', '', '2024-12-31'],
      ['B', '2024-01-02', '', '', '', ''],
    ];
    const r = run(rows);
    expect(r.rows).toBe(3);
    expect(r.skipped).toEqual({
      count: 1,
      examples: [{ row: 3, reason: 'MQL: "2024-02-30" is not a date: February 2024 has 29 days' }],
    });
    expect(r.overall.reached).toEqual({ lead: 2, mql: 1, sql: 0, opportunity: 0, won: 0 });
    expect(r.overall.medianDays.lead).toBe(4);
    // the skipped row's 2024-12-31 does not move the as-of date
    expect(r.asOf).toBe('2024-01-05T00:00:00.000Z');
    expect(run([rows[0], rows[2]]).overall).toEqual(r.overall);
  });

  it('counts every skipped row but describes only the first few', () => {
    const bad = ['A', 'soon', '', '', '', ''];
    const r = run([bad, bad, ['A', '2024-01-01', '', '', '', ''], bad], { maxSkippedExamples: 2 });
    expect(r.rows).toBe(4);
    expect(r.skipped.count).toBe(3);
    expect(r.skipped.examples.map((e) => e.row)).toEqual([2, 3]);
    expect(r.skipped.examples[0].reason).toMatch(/^Lead: "soon" is not a date \(expected YYYY-MM-DD/);
  });

  it('a later stage dated before an earlier one is a negative duration, counted and warned about', () => {
    const r = run([
      ['A', '2024-01-10', '2024-01-05', '', '', ''],
      ['A', '2024-01-01', '2024-01-03', '', '', ''],
    ]);
    expect(r.overall.medianDays.lead).toBe(-1.5);
    expect(r.warnings).toContain('1 record has its mql date before the lead date; counted as negative durations in lead → mql.');
  });

  it('blank lines are not rows; rows with other data but no dates are', () => {
    const r = run([
      ['', '  ', '', '', '', ''],
      [],
      ['A', '', '', '', '', ''],
      ['A', '2024-01-01', '', '', '', ''],
    ]);
    expect(r.rows).toBe(2);
    expect(r.overall.reached.lead).toBe(1);
  });
});

describe('HistoryAccumulator: maturity', () => {
  // Ten leads in January 2024, six won; durations 2, 4, 6, 8, 10 and 1 days.
  const rows = [
    ['A', '2024-01-01', '2024-01-03'],
    ['A', '2024-01-02', '2024-01-06'],
    ['A', '2024-01-03', '2024-01-09'],
    ['A', '2024-01-04', '2024-01-12'],
    ['A', '2024-01-05', '2024-01-15'],
    ['A', '2024-01-10', ''],
    ['A', '2024-01-22', ''],
    ['A', '2024-01-25', '2024-01-26'],
    ['A', '2024-01-28', ''],
    ['A', '2024-01-30', ''],
  ];
  const header = ['Source', 'Lead', 'Won'];
  const mapping = { stages: ['lead', 'won'], stageColumns: { lead: 'Lead', won: 'Won' }, sourceColumn: 'Source' };

  it('p90 by hand: sorted [1, 2, 4, 6, 8, 10], h = 0.9 · 5 = 4.5 → 8 + 0.5 · 2 = 9; median (4 + 6) / 2 = 5', () => {
    const r = run(rows, { asOf: '2024-01-31' }, mapping, header);
    expect(r.overall.p90Days.lead).toBe(9);
    expect(r.overall.medianDays.lead).toBe(5);
    expect(r.overall.rates.lead).toMatchObject({ rate: 0.6, converted: 6, sample: 10 });
  });

  it('as of Jan 31, leads of Jan 22 or earlier are mature (Jan 22 is exactly 9 days): 5 of 7', () => {
    const r = run(rows, { asOf: '2024-01-31' }, mapping, header);
    expect(r.asOf).toBe('2024-01-31T00:00:00.000Z');
    expect(r.overall.matureRates.lead).toMatchObject({ converted: 5, sample: 7, rate: 5 / 7 });
    expect(r.overall.matureRates.lead.low).toBe(wilsonInterval(5, 7)!.low);
  });

  it('as of the latest date (Jan 30), Jan 22 is only 8 days old: 5 of 6', () => {
    const r = run(rows, undefined, mapping, header);
    expect(r.asOf).toBe('2024-01-30T00:00:00.000Z');
    expect(r.overall.matureRates.lead).toMatchObject({ converted: 5, sample: 6 });
  });

  it('nothing is mature before the data starts', () => {
    const r = run(rows, { asOf: '2023-12-01' }, mapping, header);
    expect(r.overall.matureRates.lead).toMatchObject({ rate: null, converted: 0, sample: 0, low: null });
  });

  it("a source uses its own p90 from 30 durations up, else the overall p90", () => {
    const r = run(
      [
        // Big: 30 durations of 10 days → own p90 10; 15 leads on May 1 (31 days old), 15 on May 25 (7 days old)
        ...Array.from({ length: 30 }, (_, i) => (i < 15 ? ['Big', '2024-05-01', '2024-05-11'] : ['Big', '2024-05-25', '2024-06-04'])),
        // Tiny: 3 durations of 1 day → too few: overall p90 (100) applies; only the Jan 1 lead is that old
        ['Tiny', '2024-01-01', '2024-01-02'],
        ['Tiny', '2024-05-20', '2024-05-21'],
        ['Tiny', '2024-05-30', '2024-05-31'],
        // Mid: 29 durations of 100 days
        ...Array.from({ length: 29 }, () => ['Mid', '2024-01-01', '2024-04-10']),
      ],
      { asOf: '2024-06-01' },
      mapping,
      header,
    );
    // overall sorted: 3 × 1, 30 × 10, 29 × 100; h = 0.9 · 61 = 54.9 → 100
    expect(r.overall.p90Days.lead).toBe(100);
    expect(r.bySource.Big.p90Days.lead).toBe(10);
    expect(r.bySource.Tiny.p90Days.lead).toBe(1); // reported as its own, even though maturity used 100
    expect(r.bySource.Big.matureRates.lead).toMatchObject({ converted: 15, sample: 15 });
    expect(r.bySource.Tiny.matureRates.lead).toMatchObject({ converted: 1, sample: 1 });
    expect(r.bySource.Mid.matureRates.lead).toMatchObject({ converted: 29, sample: 29 });
    // overall uses the overall p90 throughout: 0 of Big + 1 of Tiny + 29 of Mid
    expect(r.overall.matureRates.lead).toMatchObject({ converted: 30, sample: 30 });
  });

  it('an unreadable asOf is refused', () => {
    expect(() => new HistoryAccumulator(header, mapping, { asOf: 'last week' })).toThrow(/^asOf: "last week" is not a date/);
  });
});

describe('HistoryAccumulator: sources and warnings', () => {
  it('per-source splits: reached, rates, medians (even count) and p90 by hand', () => {
    const rows = [
      // A: six leads, four MQLs after 1, 3, 2 and 10 days
      ['A', '2024-03-01', '2024-03-02', '', '', ''],
      ['A', '2024-03-01', '2024-03-04', '', '', ''],
      ['A', '2024-03-01', '2024-03-03', '', '', ''],
      ['A', '2024-03-01', '2024-03-11', '', '', ''],
      ['A', '2024-03-05', '', '', '', ''],
      ['A', '2024-03-06', '', '', '', ''],
      // B: five leads, three MQLs after 4, 6 and 8 days; source with stray spaces
      [' B ', '2024-03-01', '2024-03-05', '', '', ''],
      ['B', '2024-03-01', '2024-03-07', '', '', ''],
      ['B', '2024-03-01', '2024-03-09', '', '', ''],
      ['B', '2024-03-02', '', '', '', ''],
      ['B', '2024-03-03', '', '', '', ''],
    ];
    const r = run(rows);
    expect(r.bySource.A.reached.lead).toBe(6);
    expect(r.bySource.A.rates.lead).toMatchObject({ converted: 4, sample: 6, rate: 4 / 6 });
    expect(r.bySource.A.medianDays.lead).toBe(2.5); // [1, 2, 3, 10]: (2 + 3) / 2
    expect(r.bySource.A.p90Days.lead).toBeCloseTo(7.9, 12); // h = 2.7 → 3 + 0.7 · 7
    expect(r.bySource.B.reached.lead).toBe(5);
    expect(r.bySource.B.rates.lead).toMatchObject({ converted: 3, sample: 5, rate: 0.6 });
    expect(r.bySource.B.medianDays.lead).toBe(6);
    expect(r.bySource.B.p90Days.lead).toBeCloseTo(7.6, 12); // h = 1.8 → 6 + 0.8 · 2
    expect(r.overall.rates.lead).toMatchObject({ converted: 7, sample: 11 });
    expect(r.overall.medianDays.lead).toBe(4); // [1, 2, 3, 4, 6, 8, 10]
    expect(r.overall.p90Days.lead).toBeCloseTo(8.8, 12); // h = 5.4 → 8 + 0.4 · 2
    expect(r.warnings).toContain(
      'Small samples (under 30 records) for source "A": lead → mql (6), mql → sql (4), sql → opportunity (0), opportunity → won (0).',
    );
    expect(r.warnings.some((w) => w.startsWith('Small samples (under 30 records) overall: lead → mql (11)'))).toBe(true);
  });

  it('blank sources and files without a source column are "(none)"; groupSource merges sources', () => {
    const rows = [
      ['Google Ads', '2024-01-01', '', '', '', ''],
      ['Bing Ads', '2024-01-01', '', '', '', ''],
      ['  ', '2024-01-01', '', '', '', ''],
      [null, '2024-01-01', '', '', '', ''],
      ['Referral', '2024-01-01', '', '', '', ''],
    ];
    const r = run(rows, { groupSource: (s) => (s.endsWith('Ads') ? 'Paid' : s) });
    expect(Object.fromEntries(Object.entries(r.bySource).map(([k, v]) => [k, v.reached.lead]))).toEqual({
      Paid: 2,
      '(none)': 2,
      Referral: 1,
    });
    const noSource = run(rows, undefined, { stages: MAPPING.stages, stageColumns: MAPPING.stageColumns });
    expect(Object.keys(noSource.bySource)).toEqual(['(none)']);
    expect(noSource.bySource['(none)']).toEqual(noSource.overall);
  });

  it('a stage without a column is reached only through later stages, and says so', () => {
    const { mql: _mql, ...stageColumns } = MAPPING.stageColumns;
    const r = run([['A', '2024-01-01', '2024-01-02', '2024-01-03', '', '']], undefined, { ...MAPPING, stageColumns });
    expect(r.overall.reached).toEqual({ lead: 1, mql: 1, sql: 1, opportunity: 0, won: 0 });
    expect(r.overall.durationSamples).toEqual({ lead: 0, mql: 0, sql: 0, opportunity: 0 });
    expect(r.warnings[0]).toBe(
      'Stage "mql" has no date column: records reach it only through later stages, and lead → mql and mql → sql have no durations or mature rate.',
    );
    expect(r.overall.matureRates.lead.sample).toBe(0);
  });

  it('too many distinct sources: the rest are "(other)"', () => {
    const rows = Array.from({ length: MAX_SOURCES + 5 }, (_, i) => [`s${i}`, '2024-01-01', '', '', '', '']);
    const r = run(rows);
    expect(Object.keys(r.bySource)).toHaveLength(MAX_SOURCES + 1);
    expect(r.bySource['(other)'].reached.lead).toBe(5);
    expect(r.warnings.some((w) => w.startsWith(`More than ${MAX_SOURCES} distinct sources`))).toBe(true);
  });

  it('an empty file: no as-of, no rates, a warning', () => {
    const r = run([]);
    expect(r.asOf).toBeNull();
    expect(r.overall.rates.lead.rate).toBeNull();
    expect(r.overall.matureRates.lead.sample).toBe(0);
    expect(r.warnings[0]).toMatch(/^No row has a readable date/);
  });

  it('refuses a mapping whose column is not in the header', () => {
    expect(() => new HistoryAccumulator(HEADER.slice(0, 5), MAPPING)).toThrow(/column "Won" \(stage won\)/);
  });
});
