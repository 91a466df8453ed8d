import { deriveHistory } from '../../../src/core/history/deriveHistory';

const HUBSPOT = [
  '\uFEFFRecord ID', 'Email', 'Original Source', 'Create Date',
  'Became a Lead Date', 'Became a Marketing Qualified Lead Date', 'Became a Sales Qualified Lead Date',
  'Became an Opportunity Date', 'Became a Customer Date',
];

describe('deriveHistory', () => {
  it('a pasted HubSpot export, header row first; row numbers count the header as row 1', () => {
    const r = deriveHistory([
      HUBSPOT,
      [1, 'a@x.com', 'Organic Search', '2024-01-01 09:00', '2024-01-01 09:00', '2024-01-03 09:00', '2024-01-10 09:00', '', ''],
      [2, 'b@x.com', 'Paid Search', '2024-01-02 10:00', '2024-01-02 10:00', '', '', '', ''],
      [3, 'c@x.com', 'Paid Search', '2024-01-02 10:00', '2024-01-02 10:00', 'n/a', '', '', ''],
      [4, 'd@x.com', 'Offline Sources', '', '', '', '2024-01-05', '2024-01-20', '2024-02-01'],
      ['', '', '', '', '', '', '', '', ''],
      [null, null, null, null, null, null, null, null, null],
    ]);
    if (!r.ok) throw new Error(r.message);
    expect(r.mapping.stageColumns.lead).toBe('Became a Lead Date');
    expect(r.mapping.sourceColumn).toBe('Original Source');
    expect(r.result.rows).toBe(4);
    expect(r.result.skipped.examples).toEqual([
      { row: 4, reason: 'Became a Marketing Qualified Lead Date: "n/a" is not a date (expected YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS], M/D/YYYY [H:MM [AM/PM]], D/M/YYYY, YYYY/M/D, YYYY.MM.DD or an Excel date serial)' },
    ]);
    expect(r.result.overall.reached).toEqual({ lead: 3, mql: 2, sql: 2, opportunity: 1, won: 1 });
    expect(r.result.overall.medianDays.lead).toBe(2);
    expect(r.result.bySource['Paid Search'].reached.lead).toBe(1);
  });

  it('passes overrides and options through', () => {
    const r = deriveHistory(
      [
        ['Created', 'Closed', 'Channel'],
        ['2024-01-01', '2024-01-05', 'Web'],
        ['2024-01-02', '', 'Web'],
      ],
      { stages: ['lead', 'won'], stageColumns: { lead: 'Created', won: 'Closed' }, sourceColumn: 'Channel', asOf: '2024-06-30' },
    );
    if (!r.ok) throw new Error(r.message);
    expect(r.result.asOf).toBe('2024-06-30T00:00:00.000Z');
    expect(r.result.bySource.Web.rates.lead.rate).toBe(0.5);
    expect(r.result.overall.matureRates.lead).toMatchObject({ converted: 1, sample: 2 });
  });

  it('header cells that are not text, and a ragged short row', () => {
    const r = deriveHistory([[null, 'Create Date', 42, 'Won Date'], ['x', '2024-01-01']]);
    if (!r.ok) throw new Error(r.message);
    expect(r.result.overall.reached.lead).toBe(1);
  });

  it('problems come back as messages, not exceptions', () => {
    expect(deriveHistory([])).toEqual({ ok: false, message: expect.stringContaining('empty') });
    const noColumns = deriveHistory([['Email', 'Created'], ['a@x.com', '2024-01-01']]);
    expect(noColumns.ok).toBe(false);
    if (!noColumns.ok) expect(noColumns.message).toContain('"Email", "Created"');
    const badAsOf = deriveHistory([['Create Date', 'Won Date']], { asOf: '2024-13-01' });
    expect(badAsOf).toEqual({ ok: false, message: 'asOf: "2024-13-01" is not a date: month 13 (expected 1–12)' });
  });

  it('50,000 generated rows go through', () => {
    const header = ['Original Source', 'Became a Lead Date', 'Became a Marketing Qualified Lead Date', 'Became a Sales Qualified Lead Date', 'Became an Opportunity Date', 'Became a Customer Date'];
    const sources = ['Organic Search', 'Paid Search', 'Direct Traffic', 'Referrals', ''];
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const rows: unknown[][] = [header];
    for (let i = 0; i < 50_000; i++) {
      let t = Date.UTC(2023, 0, 1) + Math.floor(next() * 700) * 86_400_000 + Math.floor(next() * 86_400) * 1000;
      const row: unknown[] = [sources[i % sources.length]];
      let alive = true;
      for (let s = 0; s < 5; s++) {
        if (alive && (s === 0 || next() < 0.4)) {
          row.push(new Date(t).toISOString().slice(0, 19).replace('T', ' '));
          t += Math.floor(next() * 30 * 86_400_000);
        } else {
          alive = false;
          row.push('');
        }
      }
      rows.push(row);
    }
    const r = deriveHistory(rows);
    if (!r.ok) throw new Error(r.message);
    expect(r.result.rows).toBe(50_000);
    expect(r.result.skipped.count).toBe(0);
    expect(r.result.overall.reached.lead).toBe(50_000);
  });
});
