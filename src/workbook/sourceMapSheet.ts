/**
 * The Source map sheet: how a spreadsheet says which plan source each CRM source of the
 * History sheet belongs to — Sheets' counterpart of a plan's `history.sourceMap` and
 * `history.unmappedSource`. A sheet of the user's (never owned, never rewritten): two columns
 * under a header row, CRM source | plan source (id or name, as on Inputs); a CRM source `*`
 * stands for every CRM source not listed. Derive rates adds it, listing the CRM sources it
 * could not place, when a History has some and the sheet does not exist yet.
 *
 *     CRM source      | Plan source
 *     Organic Search  | marketing
 *     Offline Sources | outbound
 *     *               | marketing
 */
import type { SourceMapping } from '../core/history/historyPolicy';
import { sameSourceName } from '../core/history/historyPolicy';
import { fill, LANGS, messages, type Messages } from '../core/i18n/catalogue';
import type { Lang } from '../core/stages';
import { cellAddress, quoteSheet } from './a1';
import { STYLE } from './formats';
import type { Block, CellValue } from './port';

export const SOURCE_MAP_SHEET = 'Source map';

/** The CRM source cell that stands for every CRM source not listed. */
export const ALL_OTHERS = '*';

function say(key: keyof Messages['sourceMap'], lang: Lang, params: Readonly<Record<string, string>> = {}): string {
  return fill(messages(lang).sourceMap[key], params);
}

const asText = (v: CellValue | undefined): string => (v === null || v === undefined ? '' : String(v).trim());
const HEADERS = new Set(LANGS.map((lang) => sameSourceName(messages(lang).sourceMap.crmSource)));

export type SourceMapReading = { ok: true; mapping: SourceMapping } | { ok: false; problems: string[] };

/**
 * Reads the Source map sheet's values (one getValues, by the caller). Rows above and at the
 * header ("CRM source" in column A) are skipped when there is one; rows with either cell blank
 * are skipped. A plan source is given by id or name; anything else names its cell.
 *
 * @example
 * readSourceMap([['CRM source', 'Plan source'], ['Organic Search', 'Marketing'], ['*', 'outbound']],
 *   [{ id: 'marketing', name: 'Marketing' }, { id: 'outbound' }], 'en')
 * // → { ok: true, mapping: { sourceMap: { 'Organic Search': 'marketing' }, unmappedSource: 'outbound' } }
 */
export function readSourceMap(
  values: readonly (readonly CellValue[])[],
  sources: readonly { readonly id: string; readonly name?: string }[],
  lang: Lang,
): SourceMapReading {
  const header = values.findIndex((row) => HEADERS.has(sameSourceName(asText(row[0]))));
  const sourceMap: Record<string, string> = {};
  const firstAt = new Map<string, string>();
  let unmappedSource: string | undefined;
  const problems: string[] = [];
  const ref = (r: number, c: number) => `${quoteSheet(SOURCE_MAP_SHEET)}!${cellAddress(r + 1, c + 1)}`;
  for (let r = header + 1; r < values.length; r++) {
    const crm = asText(values[r][0]);
    const plan = asText(values[r][1]);
    if (crm === '' || plan === '') continue;
    const target = sources.find((s) => sameSourceName(s.id) === sameSourceName(plan)) ?? sources.find((s) => s.name !== undefined && sameSourceName(s.name) === sameSourceName(plan));
    if (!target) {
      problems.push(say('unknown', lang, { cell: ref(r, 1), ids: sources.map((s) => s.id).join(', '), got: plan }));
      continue;
    }
    const key = sameSourceName(crm);
    const first = firstAt.get(key);
    if (first !== undefined) {
      problems.push(say('twice', lang, { cell: ref(r, 0), crm, first }));
      continue;
    }
    firstAt.set(key, ref(r, 0));
    if (crm === ALL_OTHERS) unmappedSource = target.id;
    else sourceMap[crm] = target.id;
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, mapping: { sourceMap, ...(unmappedSource !== undefined ? { unmappedSource } : {}) } };
}

/**
 * A new Source map sheet's cells: the header, the help text beside it, and one row per CRM
 * source still to be placed (its plan source left blank for the user).
 *
 * @example
 * sourceMapBlock(['Referral'], 'en').cells[1] // → [{ value: 'Referral' }, { value: null }]
 */
export function sourceMapBlock(crmSources: readonly string[], lang: Lang): Block {
  return {
    row: 1,
    col: 1,
    cells: [
      [{ value: say('crmSource', lang), style: STYLE.header }, { value: say('planSource', lang), style: STYLE.header }, { value: null }, { value: say('help', lang), style: STYLE.help }],
      ...crmSources.map((crm) => [{ value: crm }, { value: null }, { value: null }, { value: null }]),
    ],
  };
}
