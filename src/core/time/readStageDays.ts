/**
 * A source's `stageDays`: median days from each stage to the next, keyed by the from-stage
 * like its conversion rates. They give the sales-cycle lag when no CRM export does (design.md §7).
 */
import { FieldError, fieldError } from '../fieldError';
import type { Fraction } from '../fraction';
import { readExact } from '../input/readExact';
import { isRecord } from '../isRecord';

/**
 * Reads `stageDays` of a source: each key a stage above won from the source's entry stage
 * down, each value days ≥ 0. Undefined (no lag) when absent.
 *
 * @example
 * const errors: FieldError[] = [];
 * readStageDays({ sql: 14, opportunity: '60' }, 'sources[1].stageDays', ['lead', 'sql', 'opportunity', 'won'], errors);
 * // → { sql: 14, opportunity: 60 } (as fractions)
 * readStageDays({ won: 3 }, 'sources[1].stageDays', ['lead', 'sql', 'opportunity', 'won'], errors);
 * // errors gets { path: 'sources[1].stageDays.won', code: 'unknownRateStage', … }
 */
export function readStageDays(
  raw: unknown,
  path: string,
  stages: readonly string[] | undefined,
  errors: FieldError[],
): Record<string, Fraction> | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!isRecord(raw)) {
    errors.push(fieldError(path, 'notObject', raw));
    return undefined;
  }
  const converting = stages ? stages.slice(0, -1) : [];
  const days: Record<string, Fraction> = {};
  for (const [stage, value] of Object.entries(raw)) {
    if (stages && !converting.includes(stage)) {
      errors.push(fieldError(`${path}.${stage}`, 'unknownRateStage', stage, converting.join(', ')));
      continue;
    }
    const d = readExact(value, `${path}.${stage}`, 'nonNegative', errors);
    if (d) days[stage] = d.exact;
  }
  return days;
}
