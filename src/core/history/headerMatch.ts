/** Matching a header cell to a column name the way people mean it: case, spacing, full-width forms and a BOM do not matter. */

/**
 * The comparison key of a header name: NFKC (full-width `ＭＱＬ` → `MQL`), a leading UTF-8 BOM
 * removed, lower case, and no whitespace at all, so `Lead Source`, ` lead  source ` and
 * Salesforce's API name `LeadSource` meet.
 *
 * @example
 * headerKey('\uFEFFBecame a Lead Date ') // → 'becamealeaddate'
 * headerKey('成为 ＭＱＬ 时间')           // → '成为mql时间'
 */
export function headerKey(name: string): string {
  return name.normalize('NFKC').replace(/^\uFEFF/, '').replace(/\s+/g, '').toLowerCase();
}

/**
 * The index of `name` in `header`: an exact match first (so two columns that differ only in
 * case stay apart), then the first cell with the same {@link headerKey}; −1 when absent.
 *
 * @example
 * findColumn(['Email', 'CREATE DATE'], 'Create Date') // → 1
 */
export function findColumn(header: readonly string[], name: string): number {
  const exact = header.indexOf(name);
  if (exact >= 0) return exact;
  const key = headerKey(name);
  if (key === '') return -1;
  for (let i = 0; i < header.length; i++) {
    if (headerKey(header[i]) === key) return i;
  }
  return -1;
}

/**
 * The header cell as the file wrote it, without a leading BOM: the name mappings and messages use.
 *
 * @example
 * cleanHeader('\uFEFFRecord ID') // → 'Record ID'
 */
export function cleanHeader(name: string): string {
  return name.charCodeAt(0) === 0xfeff ? name.slice(1) : name;
}
