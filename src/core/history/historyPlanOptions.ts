/**
 * The `history` section of a plan input: how a CRM export's sources map onto the plan's
 * sources when the plan takes its rates from history (`plan --rates-from EXPORT`); how the
 * map is then used is historyPolicy.ts (map, else a plan source's id or name, else unmappedSource).
 *
 *     "history": {
 *       "sourceMap": { "Organic Search": "marketing", "Offline Sources": "outbound" },
 *       "unmappedSource": "marketing",
 *       "stageColumns": { "lead": "Created" },
 *       "sourceColumn": "Original Source",
 *       "matureRates": true
 *     }
 */
import { FieldError, fieldError } from '../fieldError';
import { isRecord } from '../isRecord';
import { checkKnownFields } from '../knownFields';

/** The fields of the `history` section; any other is refused ("did you mean …?"). */
export const HISTORY_FIELDS: readonly string[] = ['sourceMap', 'unmappedSource', 'stageColumns', 'sourceColumn', 'matureRates'];

export interface HistoryPlanOptions {
  /** CRM source (case and spaces ignored) → plan source id; checked first, before ids and names. */
  readonly sourceMap: Readonly<Record<string, string>>;
  /** Plan source id for CRM sources neither sourceMap nor a plan source's id or name places; without it such a source is an error. */
  readonly unmappedSource?: string;
  readonly stageColumns?: Readonly<Record<string, string>>;
  readonly sourceColumn?: string;
  /** Plan on mature rates (default) or on every record. */
  readonly matureRates: boolean;
}


function stringMap(value: unknown, path: string, errors: FieldError[]): Record<string, string> | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) {
    errors.push(fieldError(path, 'notObject', value));
    return undefined;
  }
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(value)) {
    if (typeof v !== 'string' || v.trim() === '') errors.push(fieldError(`${path}.${key}`, 'notString', v));
    else out[key] = v.trim();
  }
  return out;
}

/**
 * Reads `input.history` (absent → defaults), checking that every mapped id is one of the plan's sources.
 *
 * @example
 * readHistoryPlanOptions({ sourceMap: { 'Organic Search': 'marketing' } }, ['marketing', 'outbound']);
 * // → { ok: true, options: { sourceMap: { 'Organic Search': 'marketing' }, matureRates: true } }
 * readHistoryPlanOptions({ unmappedSource: 'partners' }, ['marketing']);
 * // → { ok: false, errors: [{ path: 'history.unmappedSource', code: 'unknownSource', value: 'partners', detail: 'marketing' }] }
 */
export function readHistoryPlanOptions(
  raw: unknown,
  sourceIds: readonly string[],
): { ok: true; options: HistoryPlanOptions } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const section = raw === undefined || raw === null ? {} : raw;
  if (!isRecord(section)) return { ok: false, errors: [fieldError('history', 'notObject', raw)] };
  checkKnownFields(section, HISTORY_FIELDS, 'history', errors);
  const sourceMap = stringMap(section.sourceMap, 'history.sourceMap', errors) ?? {};
  for (const [crm, id] of Object.entries(sourceMap)) {
    if (!sourceIds.includes(id)) errors.push(fieldError(`history.sourceMap.${crm}`, 'unknownSource', id, sourceIds.join(', ')));
  }
  let unmappedSource: string | undefined;
  if (section.unmappedSource !== undefined && section.unmappedSource !== null) {
    if (typeof section.unmappedSource !== 'string' || !sourceIds.includes(section.unmappedSource.trim())) {
      errors.push(fieldError('history.unmappedSource', 'unknownSource', section.unmappedSource, sourceIds.join(', ')));
    } else {
      unmappedSource = section.unmappedSource.trim();
    }
  }
  const stageColumns = stringMap(section.stageColumns, 'history.stageColumns', errors);
  let sourceColumn: string | undefined;
  if (section.sourceColumn !== undefined && section.sourceColumn !== null) {
    if (typeof section.sourceColumn !== 'string') errors.push(fieldError('history.sourceColumn', 'notString', section.sourceColumn));
    else sourceColumn = section.sourceColumn;
  }
  const matureRates = section.matureRates === undefined ? true : section.matureRates;
  if (typeof matureRates !== 'boolean') errors.push(fieldError('history.matureRates', 'notBoolean', section.matureRates));
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    options: {
      sourceMap,
      ...(unmappedSource !== undefined ? { unmappedSource } : {}),
      ...(stageColumns ? { stageColumns } : {}),
      ...(sourceColumn !== undefined ? { sourceColumn } : {}),
      matureRates: matureRates === true,
    },
  };
}
