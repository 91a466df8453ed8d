import { sheetClock } from '../../src/gas/gasContext';
import { wallClockIn, withWallClockDates } from '../../src/gas/wallClockDates';
import { formatDate, zonedInstant } from './fakes/fakeUtilities';

describe('wallClockIn', () => {
  it("reads an instant on the zone's wall clock; local midnight is a date", () => {
    const shanghai = wallClockIn('Asia/Shanghai', formatDate);
    expect(shanghai(new Date('2024-01-04T23:00:00Z'))).toBe('2024-01-05T07:00:00');
    expect(shanghai(new Date('2023-12-31T16:00:00Z'))).toBe('2024-01-01');
    expect(wallClockIn('Etc/UTC', formatDate)(new Date('2023-12-31T16:00:00Z'))).toBe('2023-12-31T16:00:00');
  });

  it('keeps the wall clock on both sides of a DST change', () => {
    const newYork = wallClockIn('America/New_York', formatDate);
    expect(newYork(zonedInstant('2024-03-09 20:00', 'America/New_York'))).toBe('2024-03-09T20:00:00');
    expect(newYork(zonedInstant('2024-03-10 08:00', 'America/New_York'))).toBe('2024-03-10T08:00:00');
    expect(newYork(zonedInstant('2024-11-03', 'America/New_York'))).toBe('2024-11-03');
  });

  it('converts only Dates in a block', () => {
    const rows = withWallClockDates([['Web', new Date('2024-01-04T23:00:00Z'), '2024-01-05', 3, '']], wallClockIn('Asia/Shanghai', formatDate));
    expect(rows).toEqual([['Web', '2024-01-05T07:00:00', '2024-01-05', 3, '']]);
  });
});

describe('sheetClock', () => {
  it("gives today and now in the spreadsheet's zone", () => {
    const clock = sheetClock('Asia/Shanghai', formatDate, new Date('2026-12-01T23:00:00Z'));
    expect([clock.today, clock.now]).toEqual(['2026-12-02', '2026-12-02 07:00']);
  });
});
