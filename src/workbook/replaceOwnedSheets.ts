/**
 * Regenerates Funnel Planner's sheets without ever losing the user's data (design.md §6):
 * only sheets marked as ours are replaced; one the user edited since it was generated is
 * kept as a backup copy; the new sheets are written completely before the old ones go, so
 * a failure part-way leaves the previous plan whole.
 */
import { contentFingerprint } from './contentFingerprint';
import { LayoutStamp, SheetLayout, writeLayout } from './sheetLayout';
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

  // 1. Move our old sheets aside. Formulas between old sheets follow the renames.
  const olds = layouts
    .filter((l) => existing.has(l.name))
    .map((l) => {
      const marker = port.getOwner(l.name);
      const now = contentFingerprint(port, l.name);
      const edited = now !== marker?.fingerprint && now !== options.captured?.[l.name];
      const aside = freeName(port, `${l.name} (old)`);
      port.renameSheet(l.name, aside);
      return { name: l.name, aside, edited };
    });

  // 2. Write the new sheets under their real names, so their formulas point at each other.
  const created: string[] = [];
  try {
    for (const layout of layouts) {
      port.addSheet(layout.name);
      created.push(layout.name);
      writeLayout(port, layout, stamp);
    }
    port.setNamedRanges(layouts.flatMap((l) => l.namedRanges));
  } catch (error) {
    for (const name of created.reverse()) port.deleteSheet(name);
    for (const old of olds) port.renameSheet(old.aside, old.name);
    throw error;
  }

  // 3. Only now let the old ones go: edited ones stay as backups.
  const backups: string[] = [];
  for (const old of olds) {
    if (old.edited) {
      const backup = freeName(port, `${old.name} (edited, before ${options.now})`);
      port.renameSheet(old.aside, backup);
      backups.push(backup);
    } else {
      port.deleteSheet(old.aside);
    }
  }
  port.orderSheets(layouts.map((l) => l.name));
  return { written: layouts.map((l) => l.name), backups };
}
