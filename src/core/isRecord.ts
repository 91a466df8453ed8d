/** The one test for "a plain object with fields" on untrusted input (JSON, sheets, the sidebar). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
