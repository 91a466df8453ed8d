/**
 * Regenerates Funnel Planner's sheets without ever losing the user's data (design.md §6):
 * only sheets proven ours are replaced; one the user edited since it was generated is kept as
 * a backup copy; the new plan is written completely (into staging sheets) before any old sheet
 * changes, and every sheet about to change is copied first, so a failure at any step — staging
 * or the swap itself — restores the previous plan whole and removes what this run added.
 */
import { contentFingerprint, matchesFingerprint } from './contentFingerprint';
import { fingerprintBlocks, fingerprintSheet } from './fingerprint';
import { LayoutStamp, SheetLayout, ownerMarker, writeSheetExtras } from './sheetLayout';
import { SheetConflictError, SheetRefusal, UnverifiedOwnerError } from './sheetRefusal';
import type { ChartSwap, OwnerMarker, SheetRules, WorkbookPort } from './port';

export { SheetConflictError } from './sheetRefusal';

export interface ReplaceResult {
  /** Sheets written, in order. */
  readonly written: readonly string[];
  /** Backup copies kept of sheets the user had edited. */
  readonly backups: readonly string[];
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

/** The owner kind of the sheets a run writes the new plan into before the swap. */
export const STAGING_KIND = 'staging';
/** Names a run gives its staging sheets: "Funnel (new)", "Funnel (new) 2"… */
const STAGING_NAME = / \(new\)( \d+)?$/;

const EMPTY = fingerprintBlocks([]);

function freeName(port: WorkbookPort, wanted: string): string {
  const taken = new Set(port.listSheets());
  if (!taken.has(wanted)) return wanted;
  for (let i = 2; ; i++) if (!taken.has(`${wanted} ${i}`)) return `${wanted} ${i}`;
}

/** The staging marker records the fingerprint of what the run writes there, so a later cleanup can tell whether the user changed it. */
function stagingMarker(stamp: LayoutStamp, layout: SheetLayout): OwnerMarker {
  return { kind: STAGING_KIND, version: stamp.version, generatedOn: stamp.generatedOn, fingerprint: fingerprintBlocks(layout.blocks) };
}

/**
 * A run that was killed (Apps Script's time limit leaves no chance to clean up) can leave
 * staging sheets behind. Only those that carry our staging marker are touched (a user's own
 * "Funnel (new)" has none and stays): one that still holds what the run wrote (or nothing) is
 * deleted; one whose contents changed since (the user worked in it, or the run was killed
 * while writing it) is kept, renamed "Funnel (new, edited before …)", and returned as a backup.
 */
export function removeLeftoverStaging(port: WorkbookPort, now: string): string[] {
  const kept: string[] = [];
  for (const name of port.listSheets().filter((n) => STAGING_NAME.test(n))) {
    let marker: OwnerMarker | undefined;
    try {
      marker = port.getOwner(name);
    } catch (error) {
      if (error instanceof SheetRefusal) continue; // a damaged marker: not provably ours, leave it
      throw error;
    }
    if (marker?.kind !== STAGING_KIND || marker.byNameOnly) continue;
    const fingerprint = contentFingerprint(port, name);
    if (fingerprint === marker.fingerprint || fingerprint === EMPTY) {
      port.deleteSheet(name);
    } else {
      const backup = freeName(port, `${name.replace(STAGING_NAME, '')} (new, edited before ${now})`);
      port.renameSheet(name, backup);
      kept.push(backup);
    }
  }
  return kept;
}

interface Replacement {
  readonly layout: SheetLayout;
  /** The marker the sheet had, to put back if the run fails. */
  readonly marker: OwnerMarker;
  readonly edited: boolean;
  /** Our charts on the sheet as it was: they stay through the swap until the plan is complete. */
  readonly charts: NonNullable<SheetRules['charts']>;
  staging?: string;
  /** The copy taken before the swap: the user's backup when edited, else a snapshot deleted at the end. */
  copy?: string;
}

/** The marker of a sheet we are about to replace, or the reason we must not. */
function proveOwned(port: WorkbookPort, name: string, captured: string | undefined): Pick<Replacement, 'marker' | 'edited' | 'charts'> {
  const marker = port.getOwner(name); // a damaged marker throws CorruptOwnerMarkerError
  if (!marker || marker.kind === STAGING_KIND) throw new SheetConflictError(name);
  const { now, matches, contents } = matchesFingerprint(port, name, marker.fingerprint);
  // An empty sheet (one a killed run had cleared) holds nothing a backup would keep.
  const unchanged = matches || now === captured || now === EMPTY;
  if (marker.byNameOnly && !unchanged) throw new UnverifiedOwnerError(name);
  return { marker, edited: !unchanged, charts: contents.charts ?? [] };
}

export function replaceOwnedSheets(
  port: WorkbookPort,
  layouts: readonly SheetLayout[],
  stamp: LayoutStamp,
  options: ReplaceOptions,
): ReplaceResult {
  const leftovers = removeLeftoverStaging(port, options.now);
  // 1. Refuse before changing anything.
  const existing = new Set(port.listSheets());
  const fresh = layouts.filter((l) => !existing.has(l.name));
  const replaced: Replacement[] = layouts
    .filter((l) => existing.has(l.name))
    .map((layout) => ({ layout, ...proveOwned(port, layout.name, options.captured?.[layout.name]) }));

  const created: string[] = [];
  const swapped: Replacement[] = [];
  const charts: ChartSwap[] = [];
  const extras = (swap: ChartSwap | undefined) => {
    if (swap) charts.push(swap);
  };
  try {
    // 2. Every sheet the new plan needs exists before anything is written, so formulas
    //    between them resolve: missing ones under their real names, replacements in staging.
    for (const l of fresh) {
      port.addSheet(l.name);
      created.push(l.name);
    }
    for (const r of replaced) {
      r.staging = freeName(port, `${r.layout.name} (new)`);
      port.addSheet(r.staging);
      created.push(r.staging);
      port.setOwner(r.staging, stagingMarker(stamp, r.layout));
    }
    // 3. Write the whole new plan. Until this succeeds the old sheets are untouched.
    for (const l of fresh) {
      for (const block of l.blocks) port.writeBlock(l.name, block);
      extras(writeSheetExtras(port, l, stamp));
    }
    for (const r of replaced) for (const block of r.layout.blocks) port.writeBlock(r.staging!, block);
    // 4. Copy every sheet about to change: an edited one as the user's backup, the others as
    //    snapshots. Named for what they are, so a run killed right here leaves nothing unclear.
    for (const r of replaced) {
      r.copy = freeName(port, `${r.layout.name} (${r.edited ? 'edited, ' : ''}before ${options.now})`);
      port.duplicateSheet(r.layout.name, r.copy);
      created.push(r.copy);
    }
    // 5. Swap contents into the existing sheets (not the sheets themselves: the user's own
    //    formulas that point at Funnel or Summary keep pointing there), then their extras.
    //    The marker follows each copy at once, so a run killed between two sheets leaves
    //    each with the marker of what it holds (no needless backup next time).
    //    That marker digests the sheet as it then is (the new cells, no rules yet, the previous
    //    charts still there); once the extras are in, the layout's full one follows.
    for (const r of replaced) {
      swapped.push(r);
      port.copySheetContents(r.staging!, r.layout.name);
      port.setOwner(r.layout.name, { ...ownerMarker(r.layout, stamp, port), fingerprint: fingerprintSheet(r.layout.blocks, { charts: r.charts }) });
    }
    //    The new charts stand beside the old ones until the plan is complete.
    for (const r of replaced) extras(writeSheetExtras(port, r.layout, stamp, { owner: false }));
    for (const r of replaced) port.setOwner(r.layout.name, ownerMarker(r.layout, stamp, port));
    port.setNamedRanges(layouts.flatMap((l) => l.namedRanges));
  } catch (error) {
    for (const swap of [...charts].reverse()) bestEffort(() => swap.undo());
    restore(port, swapped, created);
    throw error;
  }

  // 6. The plan is complete. A failure tidying up does not undo it: an old chart left behind
  //    is still listed as ours and removed by the next run, a staging sheet left behind is
  //    removed by the next run, a snapshot left behind is a visible, named copy.
  for (const swap of charts) bestEffort(() => swap.commit());
  for (const r of replaced) {
    bestEffort(() => port.deleteSheet(r.staging!));
    if (!r.edited) bestEffort(() => port.deleteSheet(r.copy!));
  }
  bestEffort(() => port.orderSheets(layouts.map((l) => l.name)));
  return { written: layouts.map((l) => l.name), backups: [...leftovers, ...replaced.filter((r) => r.edited).map((r) => r.copy!)] };
}

function bestEffort(step: () => void): void {
  try {
    step();
  } catch {
    // Only tidying up: what is left is named for what it is (see the callers).
  }
}

/**
 * Puts every sheet the swap reached back as its copy holds it (contents, validations,
 * conditional formats, frozen panes and column widths), with its old marker, then
 * deletes what this run added. A copy whose restore failed is kept (it is then the only
 * whole copy of that sheet), so nothing the user had is lost even when restoring fails.
 */
function restore(port: WorkbookPort, swapped: readonly Replacement[], created: readonly string[]): void {
  const keep = new Set<string>();
  for (const r of [...swapped].reverse()) {
    try {
      port.copySheetContents(r.copy!, r.layout.name, { view: true });
      port.setOwner(r.layout.name, r.marker);
    } catch {
      keep.add(r.copy!);
    }
  }
  for (const name of [...created].reverse()) if (!keep.has(name)) bestEffort(() => port.deleteSheet(name));
}
