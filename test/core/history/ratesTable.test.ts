import { historyRatesTable } from '../../../src/core/history/ratesTable';
import { run } from './historyFixtures';

describe('historyRatesTable', () => {
  const result = run(
    [
      ['Web', '2024-01-01', '2024-01-11', '', '', ''],
      ['Web', '2024-01-02', '', '', '', ''],
      ['', '2024-01-03', '2024-01-04', '', '', ''],
      ['Web', '2024-01-05', '', '', '', ''],
    ],
    { asOf: '2024-02-01' },
  );

  it('a header row, then overall and each source (most leads first), one row per stage pair', () => {
    const table = historyRatesTable(result, 'en');
    expect(table[0]).toEqual([
      'Source', 'Stage', 'Reached', 'Converted', 'Rate', '95% low', '95% high',
      'Mature rate', 'Mature sample', 'Median days', 'P90 days', 'Note',
    ]);
    expect(table).toHaveLength(1 + 3 * 4);
    expect(table.slice(1).map((row) => row[0])).toEqual([...Array(4).fill('Overall'), ...Array(4).fill('Web'), ...Array(4).fill('(none)')]);
    const lead = table[1];
    // 4 leads, 2 MQLs after 10 and 1 days; p90: h = 0.9 → 1 + 0.9 · 9 = 9.1; all mature as of Feb 1
    expect(lead.slice(1, 7)).toEqual(['Leads → MQLs', 4, 2, 0.5, result.overall.rates.lead.low, result.overall.rates.lead.high]);
    expect(lead[7]).toBe(0.5);
    expect(lead[8]).toBe(4);
    expect(lead[9]).toBe(5.5);
    expect(lead[10]).toBeCloseTo(9.1, 12);
    expect(lead[11]).toBe('small sample');
  });

  it('blanks are "", never null, NaN or Infinity', () => {
    const table = historyRatesTable(result, 'en');
    const mqlRow = table[2]; // overall mql → sql: 2 reached, 0 converted, no durations
    expect(mqlRow[4]).toBe(0);
    expect(mqlRow[9]).toBe('');
    const web = table.find((row) => row[0] === 'Web' && row[1] === 'SQLs → Opportunities')!;
    expect(web[4]).toBe('');
    expect(web[5]).toBe('');
    for (const row of table) {
      for (const cell of row) {
        expect(cell === '' || typeof cell === 'string' || Number.isFinite(cell)).toBe(true);
      }
    }
  });

  it('in Chinese', () => {
    const table = historyRatesTable(result, 'zh-CN');
    expect(table[0][0]).toBe('来源');
    expect(table[1][0]).toBe('全部');
    expect(table[1][1]).toBe('线索 → 市场认可线索 (MQL)');
    expect(table[1][11]).toBe('样本过少');
    expect(table[table.length - 1][0]).toBe('(无来源)');
  });
});
