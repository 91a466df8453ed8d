/**
 * Utilities.formatDate as Apps Script has it: a Date is an instant, and the pattern
 * (Java SimpleDateFormat: yyyy MM dd HH mm ss, 'quoted' literals) is filled in from the wall
 * clock of the given time zone. Also the inverse, for tests that type a wall-clock time into
 * a cell the way Sheets stores it: the instant that shows that time in the zone.
 */

function fields(date: Date, timeZone: string): Record<string, string> {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { yyyy: get('year').padStart(4, '0'), MM: get('month'), dd: get('day'), HH: get('hour'), mm: get('minute'), ss: get('second') };
}

export function formatDate(date: Date, timeZone: string, format: string): string {
  // A Date from any realm: the bundle test runs the add-on in a vm with its own Date.
  if (Object.prototype.toString.call(date) !== '[object Date]' || Number.isNaN(date.getTime())) throw new Error('Exception: Invalid argument: date');
  const f = fields(date, timeZone);
  return format.replace(/'([^']*)'|yyyy|MM|dd|HH|mm|ss/g, (token, literal: string | undefined) => (literal !== undefined ? literal : f[token]));
}

export const fakeUtilities = { formatDate };

/** The instant whose wall clock in `timeZone` reads `wallClock` ("2024-01-05 07:00[:ss]"), as a date cell typed there holds. */
export function zonedInstant(wallClock: string, timeZone: string): Date {
  const [y, mo, d, h = 0, mi = 0, s = 0] = wallClock.split(/[-: T]/).map(Number);
  const target = Date.UTC(y, mo - 1, d, h, mi, s);
  let guess = target;
  // Two corrections settle on the zone's offset at that wall-clock time (either side of a DST change).
  for (let i = 0; i < 3; i++) {
    const shown = formatDate(new Date(guess), timeZone, "yyyy-MM-dd'T'HH:mm:ss");
    guess += target - Date.parse(`${shown}Z`);
  }
  const result = new Date(guess);
  if (formatDate(result, timeZone, 'yyyy-MM-dd HH:mm:ss') !== formatDate(new Date(target), 'UTC', 'yyyy-MM-dd HH:mm:ss')) {
    throw new Error(`${wallClock} does not exist in ${timeZone}`);
  }
  return result;
}
