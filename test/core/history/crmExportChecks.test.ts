/** Messy CRM exports that used to give wrong numbers silently (issue 8 §6): each is read right, refused or warned about. */
import { deriveHistory, type DeriveHistoryOptions } from '../../../src/core/history/deriveHistory';
import { recognizeColumns } from '../../../src/core/history/recognizeColumns';

const THREE = { stages: ['lead', 'mql', 'won'], stageColumns: { lead: 'Lead', mql: 'MQL', won: 'Won' } };

function derive(rows: string[][], options: DeriveHistoryOptions = {}) {
  const r = deriveHistory([['Lead', 'MQL', 'Won'], ...rows], { ...THREE, ...options });
  if (!r.ok) throw new Error(r.message);
  return r.result;
}

function refusal(rows: string[][], options: DeriveHistoryOptions = {}): string {
  const r = deriveHistory([['Lead', 'MQL', 'Won'], ...rows], { ...THREE, ...options });
  if (r.ok) throw new Error('expected a refusal');
  return r.message;
}

describe('day-first and month-first a/b/yyyy dates', () => {
  it('reads a column day first when one of its dates has a first part over 12, and ambiguous columns follow the file', () => {
    // Day first: lead 5 Mar → MQL 13 Mar = 8 days; lead 2 Mar → MQL 4 Mar = 2 days; MQL 4 Mar → won 20 Mar = 16 days.
    // Read month first, 02/03 → 04/03 would be Feb 3 → Apr 3 (60 days).
    const r = derive([
      ['05/03/2024', '13/03/2024', ''],
      ['01/02/2024', '', '10/02/2024'],
      ['02/03/2024', '04/03/2024', '20/03/2024'],
    ]);
    expect(r.skipped.count).toBe(0);
    expect(r.overall.reached).toEqual({ lead: 3, mql: 3, won: 2 });
    expect(r.overall.medianDays).toEqual({ lead: 5, mql: 16 });
    expect(r.asOf).toBe('2024-03-20T00:00:00.000Z');
  });

  it('reads a column month first when one of its dates has a second part over 12, without a second reading', () => {
    // Month first: Lead May 2 → MQL May 3 (1 day); Feb 1 → Feb 13 (12 days); MQL Feb 13 → won Feb 20 (7 days).
    const r = derive([
      ['05/02/2024', '05/03/2024', ''],
      ['02/01/2024', '02/13/2024', '02/20/2024'],
    ]);
    expect(r.overall.medianDays).toEqual({ lead: 6.5, mql: 7 }); // (1 + 12) / 2
  });

  it('refuses a column whose dates fit both orders, saying so without naming a CLI flag; an order given reads it', () => {
    const rows = [
      ['05/03/2024', '06/03/2024', ''],
      ['07/03/2024', '', ''],
    ];
    const message = refusal(rows);
    expect(message).toBe(
      'Column "Lead" has dates like "05/03/2024" (row 2) that read either day first or month first, and none of its dates has a part over 12 to tell which. The order the export uses must be given.',
    );
    expect(message).not.toMatch(/--/);
    expect(derive(rows, { dateOrder: 'dmy' }).overall.medianDays.lead).toBe(1); // 5 → 6 March
    expect(derive(rows, { dateOrder: 'mdy' }).overall.medianDays.lead).toBe(31); // May 3 → June 3
  });

  it('refuses a column with dates of both orders, naming the column and a date of each', () => {
    expect(refusal([['13/02/2024', '', ''], ['02/13/2024', '', ''], ['2024-02-01', '2024-02-02', '']])).toBe(
      'Column "Lead" mixes day-first and month-first dates: "13/02/2024" (row 2) can only be day first, "02/13/2024" (row 3) only month first. Make the column\'s dates use one order.',
    );
  });

  it('an ambiguous column next to columns that disagree stays ambiguous', () => {
    expect(refusal([['13/02/2024', '02/13/2024', '03/04/2024']])).toContain(
      'Column "Won" has dates like "03/04/2024" (row 2) that read either day first or month first, and none of its dates has a part over 12 to tell which. The file\'s other columns disagree ("Lead" day first, "MQL" month first).',
    );
  });

  it('with an order given, a date that cannot be in it is skipped and reported like any bad date', () => {
    const r = derive([['13/02/2024', '', ''], ['2024-02-01', '2024-02-03', '']], { dateOrder: 'mdy' });
    expect(r.skipped.examples).toEqual([{ row: 2, reason: 'Lead: "13/02/2024" is not a date: month 13 (expected M/D/YYYY, month first)' }]);
  });
});

describe('other date forms', () => {
  it('reads Excel serials written as text and YYYY.MM.DD', () => {
    // 45292 = 2024-01-01; 2024.01.11 is 10 days later; 45302.5 = 2024-01-11 12:00 → 0.5 days after the MQL.
    const r = derive([['45292', '2024.01.11', '45302.5']]);
    expect(r.skipped.count).toBe(0);
    expect(r.overall.medianDays).toEqual({ lead: 10, mql: 0.5 });
  });

  it('skips and reports a row with a UTC offset out of range', () => {
    const r = derive([['2024-01-05 10:00 +08:99', '', ''], ['2024-01-05 10:00 -14:00', '', ''], ['2024-01-05', '', '']]);
    expect(r.rows).toBe(3);
    expect(r.skipped.count).toBe(2);
    expect(r.skipped.examples[0].reason).toBe('Lead: "2024-01-05 10:00 +08:99" is not a date: UTC offset +08:99 (expected −12:00 to +14:00, minutes 00–59)');
    expect(r.skipped.examples[1].row).toBe(3);
  });
});

describe('columns that measure nothing', () => {
  it('a stage column empty in every row is named in a warning and listed in emptyColumns', () => {
    const r = derive([
      ['2024-01-01', '', '2024-01-10'],
      ['2024-01-02', '', ''],
    ]);
    expect(r.emptyColumns).toEqual([{ stage: 'mql', column: 'MQL' }]);
    // What the rate would silently say: every lead that reached MQL (through won) "converted".
    expect(r.overall.rates.mql.rate).toBe(1);
    expect(r.warnings).toContain(
      'Column "MQL" (stage mql) has no date in any row read: lead → mql and mql → won cannot be measured (records reach mql only through later stages, so mql → won would read 100%); do not plan on them.',
    );
  });

  it('an empty won column: the rate into it would read 0%', () => {
    const r = derive([['2024-01-01', '2024-01-02', '']]);
    expect(r.emptyColumns).toEqual([{ stage: 'won', column: 'Won' }]);
    expect(r.warnings).toContain(
      'Column "Won" (stage won) has no date in any row read: mql → won cannot be measured (no record reaches won, so mql → won would read 0%); do not plan on it.',
    );
  });

  it('refuses an export with nothing to measure: header only, every row skipped, no dates at all', () => {
    expect(refusal([])).toBe('There is a header but no data rows: there is nothing to measure.');
    expect(refusal([['soon', '', ''], ['2024-02-30', '', '']])).toBe(
      'All 2 data rows were skipped for an unreadable date (the first: row 2, Lead: "soon" is not a date (expected YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS], M/D/YYYY [H:MM [AM/PM]], D/M/YYYY, YYYY/M/D, YYYY.MM.DD or an Excel date serial)): there is nothing to measure.',
    );
    const noDates = deriveHistory([['Lead', 'MQL', 'Won', 'Name'], ['', '', '', 'Ann']], THREE);
    expect(noDates).toEqual({ ok: false, message: 'None of the 1 data rows has a date in the stage columns: there is nothing to measure.' });
  });
});

describe('recognition: a stage in two columns, stages out of order', () => {
  it('warns when two columns look like one stage\'s date, naming both', () => {
    const r = recognizeColumns(['MQL Date', 'Became a Marketing Qualified Lead Date', 'Became a Lead Date', 'Create Date', 'Won Date', 'won date']);
    if (!r.ok) throw new Error(r.message);
    expect(r.mapping.stageColumns.mql).toBe('Became a Marketing Qualified Lead Date');
    expect(r.warnings).toEqual([
      'Stage "mql" has more than one date column: "Became a Marketing Qualified Lead Date" is read, "MQL Date" is not. If the dates differ, check which one is right and name it as the stage\'s column.',
      'Stage "won" has more than one date column: "Won Date" is read, "won date" is not. If the dates differ, check which one is right and name it as the stage\'s column.',
    ]);
  });

  it('HubSpot\'s Create Date next to Became a Lead Date is not a duplicate', () => {
    const r = recognizeColumns(['Create Date', 'Became a Lead Date', 'Became a Customer Date']);
    expect(r.ok && r.warnings).toEqual([]);
  });

  it('deriveHistory passes the warning on', () => {
    const r = deriveHistory([['MQL Date', 'MQL Date', 'Lead', 'Won'], ['2024-01-02', '2024-01-09', '2024-01-01', '']], { stageColumns: { lead: 'Lead', won: 'Won' } });
    if (!r.ok) throw new Error(r.message);
    expect(r.result.warnings[0]).toBe(
      'Stage "mql" has more than one date column: "MQL Date" is read, "MQL Date" is not. If the dates differ, check which one is right and name it as the stage\'s column.',
    );
  });

  it('refuses known stages listed out of funnel order', () => {
    expect(recognizeColumns(['Lead', 'Won'], { stages: ['lead', 'sql', 'mql', 'won'] })).toEqual({
      ok: false,
      message: 'stages: "sql" is listed before "mql", but a record reaches mql first. List the stages top to bottom, won last (lead, mql, sql, won).',
    });
    expect(recognizeColumns(['Lead', 'Won'], { stages: ['won', 'lead'], stageColumns: { lead: 'Lead', won: 'Won' } }).ok).toBe(false);
    // Ids of the plan's own sit anywhere.
    expect(recognizeColumns(['Lead', 'Demo', 'Won'], { stages: ['lead', 'demo', 'won'], stageColumns: { lead: 'Lead', demo: 'Demo', won: 'Won' } }).ok).toBe(true);
  });
});

describe('recognition: a named column that appears twice', () => {
  it('warns when the column a stage was mapped to appears twice, and not about other known names', () => {
    const r = recognizeColumns(['Created', 'Created', 'MQL Date', 'Became a Marketing Qualified Lead Date', 'Won Date'], { stageColumns: { lead: 'Created', mql: 'MQL Date' } });
    if (!r.ok) throw new Error(r.message);
    expect(r.warnings).toEqual([
      'Stage "lead" has more than one date column: "Created" is read, "Created" is not. If the dates differ, check which one is right and name it as the stage\'s column.',
    ]);
  });
});

describe('recognition: one column for two stages', () => {
  it('refuses two stages mapped to the same column', () => {
    expect(recognizeColumns(['Created', 'Won'], { stageColumns: { mql: 'created', lead: 'Created', won: 'Won' } })).toEqual({
      ok: false,
      message: 'Stages lead and mql are both mapped to the column "Created": each stage needs its own date column (one column for two stages would measure lead → mql as 100% in 0 days).',
    });
  });
});

describe('placeholder and future dates', () => {
  const ROWS = [
    ['2024-01-01', '2024-01-05', '2024-02-01'],
    ['2024-01-02', '2024-01-06', '9999-12-31'],
    ['2024-01-03', '1900-01-01', ''],
    ['2024-01-04', '', '9999-12-31'],
  ];

  it('reads 9999-12-31 and 1900-01-01 as blank (not reached), keeps asOf and durations real, and warns naming the column and the first row', () => {
    const r = derive(ROWS);
    expect(r.asOf).toBe('2024-02-01T00:00:00.000Z');
    expect(r.overall.reached).toEqual({ lead: 4, mql: 2, won: 1 });
    expect(r.overall.medianDays).toEqual({ lead: 4, mql: 27 });
    expect(r.warnings).toEqual(
      expect.arrayContaining([
        '1 date in "MQL" (stage mql) is a placeholder, not a real day (the first: "1900-01-01" (row 4)): a date on or before 1970-01-01 or after 2100-12-31 is read as blank, so the record did not reach mql',
        '2 dates in "Won" (stage won) are placeholders, not a real day (the first: "9999-12-31" (row 3)): a date on or before 1970-01-01 or after 2100-12-31 is read as blank, so the record did not reach won',
      ]),
    );
    expect(derive(ROWS, { lang: 'zh-CN' }).warnings).toEqual(expect.arrayContaining([expect.stringContaining('"Won"（阶段 won）中有 2 个日期是占位值')]));
    // Excel serial 1 (1900-01-01) and the epoch of a null timestamp are placeholders too.
    expect(derive([['2024-01-01', '', ''], ['1970-01-01', '', '2024-02-01'], ['2024-01-02', '', '2030-05-01']]).overall.reached).toEqual({ lead: 3, mql: 2, won: 2 });
  });

  it('warns about dates after today (given by the caller: core has no clock), or after the as-of date given', () => {
    const rows = [['2024-01-01', '2024-01-05', '2031-05-01'], ['2024-01-02', '2024-01-06', '']];
    expect(derive(rows).warnings.join('\n')).not.toContain('after today');
    expect(derive(rows, { today: '2026-12-01' }).warnings).toEqual(
      expect.arrayContaining(['"Won" has dates after today (2026-12-01), the latest "2031-05-01" (row 2): a date in the future is a typo or a placeholder; check the export']),
    );
    expect(derive(rows, { today: '2031-05-01' }).warnings.join('\n')).not.toContain('after today');
    expect(derive(rows, { asOf: '2024-01-05' }).warnings).toEqual(
      expect.arrayContaining([
        '"MQL" has dates after the as-of date (2024-01-05), the latest "2024-01-06" (row 3): a date in the future is a typo or a placeholder; check the export',
        expect.stringContaining('"Won" has dates after the as-of date (2024-01-05)'),
      ]),
    );
  });
});
