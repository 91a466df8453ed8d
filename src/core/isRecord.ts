/**
 * The one test for "a plain object with fields" on untrusted input (JSON, sheets, the sidebar).
 *
 * @example
 * isRecord({ share: 0.4 }); // → true
 * isRecord([0.4]);          // → false
 * isRecord(null);           // → false
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
