/** `rates` on messy CSV exports that used to give wrong numbers with exit 0 (issue 8 §6): what a user sees. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../runCli';

const dir = mkdtempSync(join(tmpdir(), 'fp-crm-'));
function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
const HEADER = 'Original Source,Became a Lead Date,Became a Customer Date';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\r\n') + '\r\n';
const json = (args: string[]) => {
  const r = runCli(['rates', ...args, '--stages', 'lead,won', '--json']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout);
};

describe('rates: text that is not UTF-8', () => {
  it('refuses a Latin-1 value in a data row, naming the line (blank lines count)', () => {
    const path = file('latin1.csv', Buffer.concat([Buffer.from(`${HEADER}\r\nWeb,2024-01-01,\r\n\r\nCaf`), Buffer.from([0xe9]), Buffer.from(',2024-01-02,\r\n')]));
    const r = runCli(['rates', path]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('latin1.csv is not UTF-8 text at line 4 (bytes 0xE9 0x2C 0x32 0x30)');
    expect(r.stderr).toContain('save it as "CSV UTF-8 (comma delimited)"');
  });

  it('refuses GBK text even in a column it does not read', () => {
    // "备注" (notes) in GBK on line 3, in a column no stage uses.
    const path = file('gbk-notes.csv', Buffer.concat([Buffer.from(`Notes,${HEADER}\nok,Web,2024-01-01,\n`), Buffer.from([0xb1, 0xb8, 0xd7, 0xa2]), Buffer.from(',Web,2024-01-02,\n')]));
    const r = runCli(['rates', path]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('gbk-notes.csv is not UTF-8 text at line 3 (bytes 0xB1 0xB8 0xD7 0xA2)');
  });

  it('refuses UTF-16 with or without a byte-order mark', () => {
    const withBom = runCli(['rates', file('utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv('Web,2024-01-01,'), 'utf16le')]))]);
    expect(withBom.status).toBe(2);
    expect(withBom.stderr).toContain('utf16.csv is UTF-16 text; save it as "CSV UTF-8 (comma delimited)"');
    const bare = runCli(['rates', file('utf16-bare.csv', Buffer.from(csv('Web,2024-01-01,'), 'utf16le'))]);
    expect(bare.status).toBe(2);
    expect(bare.stderr).toContain('utf16-bare.csv looks like UTF-16 text without a byte-order mark');
  });

  it('reads UTF-8 Chinese names as they are', () => {
    const j = json([file('zh.csv', csv('线下活动,2024-01-01,2024-01-11', '线下活动,2024-01-02,'))]);
    expect(Object.keys(j.bySource)).toEqual(['线下活动']);
    expect(j.overall.rates.lead).toBe(0.5);
  });
});

describe('rates: day-first dates', () => {
  it('reads a column day first when a date in it has a first part over 12, and the file\'s ambiguous columns with it', () => {
    // Day first: 5 Mar → 13 Mar = 8 days, 1 Feb → 4 Feb = 3 days: median 5.5 (month first, 01/02 → 04/02 would be 59 days).
    const j = json([file('dmy.csv', csv('Web,05/03/2024,13/03/2024', 'Web,02/03/2024,', 'Web,01/02/2024,04/02/2024'))]);
    expect(j.skipped.count).toBe(0);
    expect(j.overall.medianDays.lead).toBe(5.5);
    expect(j.overall.rates.lead).toBeCloseTo(2 / 3, 12);
    expect(j.asOf).toBe('2024-03-13T00:00:00.000Z');
  });

  it('exits 2 for a file whose a/b/yyyy dates fit both orders, naming the column and the flag; --date-order reads it', () => {
    const path = file('ambiguous.csv', csv('Web,05/03/2024,06/03/2024', 'Web,07/03/2024,'));
    const r = runCli(['rates', path]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Column "Became a Lead Date" has dates like "05/03/2024" (line 2) that read either day first or month first');
    expect(r.stderr).toContain('--date-order dmy (day first: 05/03/2024 is 5 March 2024) or --date-order mdy');
    expect(json([path, '--date-order', 'dmy']).overall.medianDays.lead).toBe(1);
    expect(json([path, '--date-order', 'mdy']).overall.medianDays.lead).toBe(31);
    expect(runCli(['rates', path, '--date-order', 'ymd']).status).toBe(2);
  });

  it('exits 2 for a column with dates of both orders', () => {
    const r = runCli(['rates', file('mixed.csv', csv('Web,13/02/2024,', 'Web,02/13/2024,2024-03-01'))]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Column "Became a Lead Date" mixes day-first and month-first dates: "13/02/2024" (line 2) can only be day first, "02/13/2024" (line 3) only month first');
  });
});

describe('rates: other messy exports', () => {
  it('reads Excel serials and YYYY.MM.DD written in a CSV', () => {
    // 45292 = 2024-01-01 → 2024.01.11: 10 days; 2024.02.01 → serial 45333 = 2024-02-11: 10 days.
    const j = json([file('serials.csv', csv('Web,45292,2024.01.11', 'Web,2024.02.01,45333'))]);
    expect(j.skipped.count).toBe(0);
    expect(j.overall.medianDays.lead).toBe(10);
  });

  it('counts ragged rows and names their lines', () => {
    const j = json([file('ragged.csv', csv('Web,2024-01-01,2024-01-05', 'Web,2024-01-02', 'Web,2024-01-03,', 'Acme, Inc,2024-01-04,2024-01-09'))]);
    // Line 3 is read with a blank won date; line 5's unquoted comma shifts its cells: "Inc" is no date.
    expect(j.warnings[0]).toBe(
      "2 rows have fewer or more cells than the header's 3 (lines 3, 5): read with missing cells blank and extra ones dropped. A value with an unquoted comma shifts the cells after it; check those lines.",
    );
    expect(j.skipped.examples).toEqual([{ line: 5, reason: expect.stringContaining('Became a Lead Date: "Inc" is not a date') }]);
  });

  it('warns when two columns are recognised as one stage\'s date', () => {
    const r = runCli(['rates', file('dup.csv', 'Lead Source,MQL Date,Became a Marketing Qualified Lead Date,Create Date,Won Date\nWeb,2024-01-02,2024-01-03,2024-01-01,\n'), '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).warnings[0]).toBe(
      'Stage "mql" has more than one date column: "Became a Marketing Qualified Lead Date" is read, "MQL Date" is not. If the dates differ, check which one is right and name it as the stage\'s column.',
    );
  });

  it('warns about a stage column empty in every row', () => {
    const r = runCli(['rates', file('empty-mql.csv', 'Lead Source,Create Date,MQL Date,Won Date\nWeb,2024-01-01,,2024-01-09\nWeb,2024-01-02,,\n')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Column "MQL Date" (stage mql) has no date in any row read: lead → mql and mql → sql cannot be measured');
  });

  it.each([
    ['a header only', csv(), 'header-only.csv: there is a header but no data rows: there is nothing to measure'],
    ['every row skipped', csv('Web,soon,', 'Web,2024-02-30,'), 'all 2 data rows were skipped for an unreadable date (the first: line 2, Became a Lead Date: "soon" is not a date'],
    ['no dates at all', csv('Web,,', 'Ads,,'), 'none of the 2 data rows has a date in the stage columns: there is nothing to measure'],
  ])('exits 2 when nothing can be measured: %s', (_name, content, message) => {
    const r = runCli(['rates', file(_name === 'a header only' ? 'header-only.csv' : `${_name.replace(/ /g, '-')}.csv`, content)]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
  });

  it('exits 2 for --stages out of funnel order', () => {
    const r = runCli(['rates', file('order.csv', csv('Web,2024-01-01,')), '--stages', 'won,lead']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('stages: "won" is listed before "lead", but a record reaches lead first. List the stages top to bottom, won last (lead, won).');
  });

  it('the README\'s --sql example runs as written', () => {
    const r = runCli(['rates', '--sql', 'bigquery', '--table', 'crm.contacts', '--map', 'lead=Created', '--map', 'won=Closed Won']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('`Closed Won`');
  });
});
