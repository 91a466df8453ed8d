/**
 * Why a regenerate refuses to touch a sheet it needs: it is not ours, its owner marker is
 * damaged, or the marker names it only by name and its contents no longer prove it is ours.
 * Each names the sheet; the add-on shows it in the user's language (gasText) by `reason`.
 */
export type RefusalReason = 'notOurs' | 'markerCorrupt' | 'markerUnverified';

export class SheetRefusal extends Error {
  constructor(
    readonly reason: RefusalReason,
    readonly sheet: string,
    message: string,
  ) {
    super(message);
    this.name = 'SheetRefusal';
  }
}

/** A sheet with a name we need was not made by Funnel Planner: we refuse to touch it. */
export class SheetConflictError extends SheetRefusal {
  constructor(sheet: string) {
    super('notOurs', sheet, `A sheet named "${sheet}" already exists and was not created by Funnel Planner. Rename it, then generate again.`);
    this.name = 'SheetConflictError';
  }
}

/** The sheet carries an owner marker we cannot read (not JSON, or missing its fields). */
export class CorruptOwnerMarkerError extends SheetRefusal {
  constructor(sheet: string) {
    super(
      'markerCorrupt',
      sheet,
      `The Funnel Planner marker of sheet "${sheet}" is damaged and cannot be read, so Funnel Planner cannot tell whether it made that sheet and leaves it alone. Rename the sheet (or delete it if it is an old plan), then generate again.`,
    );
    this.name = 'CorruptOwnerMarkerError';
  }
}

/** Only an owner table row names the sheet, and the sheet changed since: it may be the user's own. */
export class UnverifiedOwnerError extends SheetRefusal {
  constructor(sheet: string) {
    super(
      'markerUnverified',
      sheet,
      `Sheet "${sheet}" is listed as Funnel Planner's in the owner table of an uploaded workbook, but it has changed since that workbook was written, so it may be a sheet of your own. Funnel Planner leaves it alone: rename it (or delete it if it is an old plan), then generate again.`,
    );
    this.name = 'UnverifiedOwnerError';
  }
}
