/**
 * Fields an input object may have. A field the plan does not know is most often a typo
 * (`avgDealsize`, `entrystage`, `handofStage`) whose value would otherwise be ignored while the
 * plan silently used a default: it is an error naming the field and the one it probably meant.
 */
import { FieldError, fieldError } from './fieldError';

/** Top-level fields of a plan input; `$schema` lets an editor check the file against a JSON Schema. */
export const PLAN_FIELDS: readonly string[] = ['$schema', 'name', 'revenueTarget', 'currency', 'stages', 'handoffStage', 'sources', 'timing', 'history', 'headcount', 'bonus', 'benchmarks'];

/** Fields of one entry of `sources`. */
export const SOURCE_FIELDS: readonly string[] = ['id', 'name', 'kind', 'share', 'avgDealSize', 'entryStage', 'conversionRates', 'conversionRanges', 'dealSizeCv', 'stageDays', 'lag', 'channels'];

const fold = (key: string) => key.toLowerCase().replace(/[\s_-]/g, '');

/**
 * Edits (insert, delete, substitute, swap two neighbours) turning a into b: optimal string alignment.
 *
 * @example
 * editDistance('handofStage', 'handoffStage'); // → 1 (one f inserted)
 * editDistance('ab', 'ba');                    // → 1 (one swap)
 * editDistance('kitten', 'sitting');           // → 3
 */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/**
 * The known field a key probably meant: the same letters in another case or spacing
 * (`avgDealsize`, `entry_stage`), else the nearest within a few edits (a third of the key's
 * length, at least 1: `handofStage`), else the one field that contains it or is contained in
 * it (`dealSize` → avgDealSize, `rates` → conversionRates). Undefined when nothing is close.
 *
 * @example
 * probableField('avgDealsize', SOURCE_FIELDS); // → 'avgDealSize'
 * probableField('entry_stage', SOURCE_FIELDS); // → 'entryStage'
 * probableField('dealSize', SOURCE_FIELDS);    // → 'avgDealSize' (contained in it)
 * probableField('colour', SOURCE_FIELDS);      // → undefined
 */
export function probableField(key: string, known: readonly string[]): string | undefined {
  const folded = fold(key);
  if (folded === '') return undefined;
  const same = known.find((k) => fold(k) === folded);
  if (same !== undefined) return same;
  // A key inside a field's name is that field — of several, the one it ends (a camelCase name's
  // last word is what it is: avgDealSize is a deal size, dealSizeCv a CV; `dealSize` is fewer edits from the latter).
  const containing = folded.length >= 4 ? known.filter((k) => fold(k).includes(folded)) : [];
  const ending = containing.filter((k) => fold(k).endsWith(folded));
  if (containing.length === 1) return containing[0];
  if (ending.length === 1) return ending[0];
  const limit = Math.max(1, Math.floor(folded.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const distance = editDistance(folded, fold(k));
    if (distance < bestDistance) {
      best = k;
      bestDistance = distance;
    }
  }
  if (best !== undefined && bestDistance <= limit) return best;
  if (folded.length < 4) return undefined;
  const inside = known.filter((k) => folded.includes(fold(k)));
  return inside.length === 1 ? inside[0] : undefined;
}

/**
 * `prefix.key`, or `prefix["odd key"]` for a key that is not a plain name (`""`, `avg deal size`).
 *
 * @example
 * fieldPath('sources[0]', 'share');         // → 'sources[0].share'
 * fieldPath('sources[0]', 'avg deal size'); // → 'sources[0]["avg deal size"]'
 * fieldPath('', 'name');                    // → 'name'
 */
export function fieldPath(prefix: string, key: string): string {
  if (/^[$A-Za-z_][\w$]*$/.test(key)) return prefix === '' ? key : `${prefix}.${key}`;
  return `${prefix}[${JSON.stringify(key)}]`;
}

/**
 * Reports every own key of `record` that is not in `known`, at {@link fieldPath}(prefix, key):
 * "did you mean …?" when {@link probableField} finds one, else the list of fields expected there.
 *
 * @example
 * const errors: FieldError[] = [];
 * checkKnownFields({ id: 'm', shares: 1 }, SOURCE_FIELDS, 'sources[0]', errors);
 * // errors → [{ path: 'sources[0].shares', code: 'misspelledField', value: 1, detail: 'share' }]
 */
export function checkKnownFields(record: Record<string, unknown>, known: readonly string[], prefix: string, errors: FieldError[]): void {
  for (const key of Object.keys(record)) {
    if (known.includes(key)) continue;
    const meant = probableField(key, known);
    const path = fieldPath(prefix, key);
    errors.push(
      meant === undefined ? fieldError(path, 'unknownField', record[key], known.join(', ')) : fieldError(path, 'misspelledField', record[key], meant),
    );
  }
}
