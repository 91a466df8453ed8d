/**
 * What the form sends back for what it showed. A field whose text is still the text it was
 * shown with sends the plan's own value (a number stays a number, a malformed value stays for
 * the validator to name), so submitting an untouched form returns the plan input it was given;
 * an edited field sends its text, for the core to read as it reads the sheet. Pure: no DOM.
 */
import { isRecord } from '../../core/isRecord';

/**
 * One field: the plan's value while the text is as shown, else the typed text (as `read` makes
 * it into what the plan holds: a range's two ends); an optional field left blank sends nothing
 * (undefined: the key goes away).
 *
 * @example
 * fieldValue(0.25, '25%', '25%', false); // → 0.25
 * fieldValue(0.25, '25%', '30%', false); // → '30%'
 * fieldValue(14, '14', '', true);        // → undefined
 * fieldValue(undefined, '', '', false);  // → undefined (never there, still not)
 * fieldValue(undefined, '', '30%, 50%', true, rangeParts); // → ['30%', '50%']
 */
export function fieldValue(original: unknown, shown: string, typed: string, optional: boolean, read: (text: string) => unknown = (text) => text): unknown {
  if (typed === shown) return original;
  if (optional && typed.trim() === '') return undefined;
  return read(typed);
}

/** Sets `key`, or removes it for undefined, so an absent field stays absent rather than becoming a key with no value. */
export function put(target: Record<string, unknown>, key: string, value: unknown): void {
  if (value === undefined) delete target[key];
  else target[key] = value;
}

/**
 * A keyed group of fields (a source's rates or stage days, by from-stage). Untouched, it is
 * the plan's own value, whatever it was. Touched, every key the plan had comes back (edited
 * or as it was, including stages no longer shown), then the shown stages it did not have;
 * a required stage never filled in sends "" so the validator names its field.
 *
 * @param typed the texts typed so far, by stage (only stages whose field was edited)
 * @param read what an edited text becomes in the plan (fieldValue)
 * @example
 * keyedValue({ lead: 0.25, sql: 0.5 }, ['lead', 'mql'], shownText, new Map([['mql', '40%']]), true);
 * // → { lead: 0.25, sql: 0.5, mql: '40%' }
 * keyedValue(undefined, ['sql'], shownText, new Map([['sql', '']]), false); // → undefined
 */
export function keyedValue(
  original: unknown,
  shownStages: readonly string[],
  shown: (stage: string) => string,
  typed: ReadonlyMap<string, string>,
  required: boolean,
  read?: (text: string) => unknown,
): unknown {
  if ([...typed].every(([stage, text]) => text === shown(stage))) return original;
  const before = isRecord(original) ? original : {};
  const out: Record<string, unknown> = {};
  for (const stage of [...Object.keys(before), ...shownStages.filter((s) => !(s in before))]) {
    const text = typed.get(stage) ?? shown(stage);
    const value = fieldValue(before[stage], shown(stage), text, !required, read);
    if (value !== undefined) out[stage] = value;
    else if (required && shownStages.includes(stage)) out[stage] = '';
  }
  return Object.keys(out).length === 0 && !isRecord(original) ? undefined : out;
}

/** How the form offers `timing.seasonality`: even (absent or "even"), from a CRM export ("history"), or twelve weights. */
export type SeasonalityMode = 'even' | 'history' | 'custom';

/**
 * @example
 * seasonalityMode(undefined);    // → 'even'
 * seasonalityMode(' History ');  // → 'history'
 * seasonalityMode([1, 1, 2]);    // → 'custom' (the validator says twelve)
 */
export function seasonalityMode(value: unknown): SeasonalityMode {
  if (value === undefined || value === null || (typeof value === 'string' && ['', 'even'].includes(value.trim().toLowerCase()))) return 'even';
  if (typeof value === 'string' && value.trim().toLowerCase() === 'history') return 'history';
  return 'custom';
}

/**
 * `timing.holidays` as one line of text, the way the Inputs sheet writes it.
 *
 * @example
 * holidaysText(['2027-01-01', '2027-12-25']); // → '2027-01-01, 2027-12-25'
 */
export function holidaysText(value: unknown): string {
  if (Array.isArray(value)) return value.map((h) => (typeof h === 'string' ? h : String(h))).join(', ');
  return typeof value === 'string' ? value : '';
}

/**
 * Typed holidays as the plan's list (commas, semicolons or spaces between dates), as the Inputs reader splits them; blank is none.
 *
 * @example
 * holidaysList('2027-01-01; 2027-12-25 '); // → ['2027-01-01', '2027-12-25']
 * holidaysList('  ');                      // → undefined
 */
export function holidaysList(text: string): string[] | undefined {
  const list = text.split(/[,;\s]+/).filter((h) => h !== '');
  return list.length > 0 ? list : undefined;
}

/**
 * A typed ramp as the plan's list, one entry per month of tenure as text for core's number reader
 * (which names a bad one by its index, `….ramp[k]`). Commas, semicolons (full-width too) or spaces
 * separate entries, as the Inputs sheet splits its lists, though "25 %" stays one entry. Blank is
 * none (undefined: the role's default ramp, or productive at once for a role of its own); one of
 * `noneWords` alone (any case) is the empty ramp, productive at once. "100%" is a one-month ramp at
 * full output, not the same: core counts a ramp's months before a hire covers demand.
 *
 * @example
 * rampList('25%, 50%; 75%', ['none']);  // → ['25%', '50%', '75%']
 * rampList('0.2 0.6', ['none']);        // → ['0.2', '0.6']
 * rampList(' None ', ['none', '无']);    // → []
 * rampList('  ', ['none']);             // → undefined
 */
export function rampList(text: string, noneWords: readonly string[]): string[] | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const word = trimmed.normalize('NFKC').toLowerCase();
  if (noneWords.some((w) => w.normalize('NFKC').toLowerCase() === word)) return [];
  return trimmed.split(/[,;，、；]|\s+(?![\s%％])/).map((part) => part.trim()).filter((part) => part !== '');
}

/**
 * An id for a channel added in the form: the source's id and the first number no channel of the plan uses.
 *
 * @example
 * newChannelId('marketing', ['marketing-1', 'events']); // → 'marketing-2'
 */
export function newChannelId(sourceId: string, taken: readonly string[]): string {
  let n = 1;
  while (taken.includes(`${sourceId}-${n}`)) n += 1;
  return `${sourceId}-${n}`;
}
