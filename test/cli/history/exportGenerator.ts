/** Generated HubSpot-style exports of any size for the split-reading tests: quoted notes with line breaks, UTF-8, blank lines, unreadable dates. */
import { seededRandom } from '../../support/hubspot';
import { HUBSPOT_HEADER } from './exportFixtures';

/** Reproducible filler. */
export const random = seededRandom;

const SOURCES = ['Web', 'Event', 'Müller GmbH', '线索来源', '', ' Web ', '(none)'];
const NOTES = ['', 'plain', '"a, b"', '"two\nlines"', '"say ""hi""\r\nand go"', 'Jürgen', '"\n\n"'];
const BAD = ['31/31/2024', 'soon', '2024-02-30'];

/** One data record (no line break): id, notes, source, five stage dates; now and then an unreadable date. */
export function record(id: number, rnd: () => number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  const dates: string[] = [];
  let t = Date.UTC(2023, 0, 1) + Math.floor(rnd() * 400) * 86_400_000;
  let alive = true;
  for (let k = 0; k < 5; k++) {
    if (!alive || (k > 0 && rnd() < 0.4)) {
      alive = false;
      dates.push('');
      continue;
    }
    t += Math.floor(rnd() * 20) * 86_400_000 + (rnd() < 0.3 ? 3_600_000 : 0);
    const iso = new Date(t).toISOString();
    dates.push(rnd() < 0.5 ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`);
  }
  if (rnd() < 0.03) dates[Math.floor(rnd() * 5)] = pick(BAD);
  return [String(id), pick(NOTES), pick(SOURCES), ...dates].join(',');
}

export interface ExportShape {
  readonly rows: number;
  readonly seed?: number;
  readonly newline?: string;
  readonly bom?: boolean;
  /** A line break before some records. */
  readonly blankLines?: boolean;
}

export function exportText({ rows, seed = 1, newline = '\r\n', bom = false, blankLines = true }: ExportShape): string {
  const rnd = random(seed);
  const lines = [HUBSPOT_HEADER];
  for (let i = 0; i < rows; i++) {
    if (blankLines && rnd() < 0.05) lines.push('');
    lines.push(record(i + 1, rnd));
  }
  return (bom ? '\uFEFF' : '') + lines.join(newline).replace(/\r?\n/g, newline) + newline;
}
