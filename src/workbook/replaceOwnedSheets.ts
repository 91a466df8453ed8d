/**
 * Regenerates Funnel Planner's sheets without ever losing the user's data (design.md §6):
 * only sheets marked as ours are replaced; one the user edited since it was generated is
 * kept as a backup copy; the new plan is written completely (into staging sheets) before
 * any old sheet changes, so a failure part-way leaves the previous plan whole.
 */
import { contentFingerprint } from './contentFingerprint';
import { LayoutStamp, SheetLayout, writeLayout, writeSheetExtras } from './sheetLayout';
import type { WorkbookPort } from './port';

export interface ReplaceResult {
  /** Sheets written, in order. */
  readonly written: readonly string[];
  /** Backup copies kept of sheets the user had edited. */
  readonly backups: readonly string[];
}

/** A sheet with a name we need was not made by Funnel Planner: we refuse to touch it. */
export class SheetConflictError extends Error {
  constructor(readonly sheet: string) {
    super(`A sheet named "${sheet}" already exists and was not created by Funnel Planner. Rename it, then generate again.`);
    this.name = 'SheetConflictError';
  }
}

export interface ReplaceOptions {
  /** Local time for backup names, e.g. "2026-11-23 16:40" (the workbook layer has no clock). */
  readonly now: string;
  /**
   * Contents the caller has already captured, by sheet: when a sheet still has this
   * fingerprint, replacing it loses nothing, so no backup is kept (the sidebar form was
   * filled from the Inputs sheet and the user submitted it).
   */
  readonly captured?: Readonly<Record<string, string>>;
}

function freeName(port: WorkbookPort, wanted: string): string {
  const taken = new Set(port.listSheets());
  if (!taken.has(wanted)) return wanted;
  for (let i = 2; ; i++) if (!taken.has(`${wanted} ${i}`)) return `${wanted} ${i}`;
}

export function replaceOwnedSheets(
  port: WorkbookPort,
  layouts: readonly SheetLayout[],
  stamp: LayoutStamp,
  options: ReplaceOptions,
): ReplaceResult {
  const existing = new Set(port.listSheets());
  const conflict = layouts.find((l) => existing.has(l.name) && port.getOwner(l.name) === undefined);
  if (conflict) throw new SheetConflictError(conflict.name);

  // 1. Every sheet the new plan needs exists before anything is written, so formulas
  //    between them resolve: missing ones under their real names, replacements in staging.
  const fresh = layouts.filter((l) => !existing.has(l.name));
  const replaced = layouts
    .filter((l) => existing.has(l.name))
    .map((l) => ({ layout: l, staging: freeName(port, `${l.name} (new)`) }));
  const created: string[] = [];
  try {
    for (const l of fresh) {
      port.addSheet(l.name);
      created.push(l.name);
    }
    for (const r of replaced) {
      port.addSheet(r.staging);
      created.push(r.staging);
    }
    // 2. Write the whole new plan. Until this succeeds the old sheets are untouched.
    for (const l of fresh) writeLayout(port, l, stamp);
    for (const r of replaced) writeLayout(port, { ...r.layout, name: r.staging, namedRanges: [] }, stamp);
  } catch (error) {
    for (const name of created.reverse()) port.deleteSheet(name);
    throw error;
  }

  // 3. Swap contents into the existing sheets (not the sheets themselves: the user's own
  //    formulas that point at Funnel or Summary keep pointing there), backing up edited ones.
  const backups: string[] = [];
  for (const { layout, staging } of replaced) {
    const marker = port.getOwner(layout.name);
    const now = contentFingerprint(port, layout.name);
    if (now !== marker?.fingerprint && now !== options.captured?.[layout.name]) {
      const backup = freeName(port, `${layout.name} (edited, before ${options.now})`);
      port.duplicateSheet(layout.name, backup);
      backups.push(backup);
    }
    port.copySheetContents(staging, layout.name);
    writeSheetExtras(port, layout, stamp);
    port.deleteSheet(staging);
  }
  port.setNamedRanges(layouts.flatMap((l) => l.namedRanges));
  port.orderSheets(layouts.map((l) => l.name));
  return { written: layouts.map((l) => l.name), backups };
}
