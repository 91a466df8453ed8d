/** Which header columns hold each stage's date and the source: known CRM names, then the user's overrides (the CLI's --map and --source-column). */
import { messages, type Messages } from '../i18n/catalogue';
import type { Lang } from '../i18n/lang';
import { DEFAULT_STAGES } from '../stages';
import { cleanHeader, findColumn, headerKey } from './headerMatch';
import type { HistoryMapping } from './historyTypes';
import { FUNNEL_ORDER, GENERIC_STAGE_COLUMNS, KNOWN_SOURCE_COLUMNS, KNOWN_STAGE_COLUMNS } from './knownColumns';

/** A stage whose date is in more than one column of the export: `columns[0]` is the one read. */
export interface AmbiguousStage {
  readonly stage: string;
  readonly columns: readonly string[];
}

export interface RecognizeOptions {
  /** Stage ids top to bottom, won last; default: lead, mql, (bql when the file has a BQL column), sql, opportunity, won. */
  readonly stages?: readonly string[];
  /** Stage id → column header, overriding recognition (`--map lead="Created"`). */
  readonly stageColumns?: Readonly<Record<string, string>>;
  /** Column header of the source, overriding recognition (`--source-column "Channel"`). */
  readonly sourceColumn?: string;
  /** The language of the messages (default English). */
  readonly lang?: Lang;
}

export type RecognizeResult =
  | {
      readonly ok: true;
      readonly mapping: HistoryMapping;
      readonly recognized: { stage: string; column: string }[];
      /** A stage recognised in more than one column (only the first is read), in plain words. */
      readonly warnings: string[];
      /**
       * The same as data: each stage recognised (not named by the caller) in more than one column,
       * the column read first. The history policy feeds no rate through such a stage until the
       * user names its column (HistoryResult.ambiguousColumns).
       */
      readonly ambiguous: AmbiguousStage[];
    }
  /**
   * `needsMapping`: recognition found too few stage columns, and the user must say which
   * column holds which stage; each front end says how (CLI: --map, Sheets: rename the column).
   * Core's message names no flag or menu.
   */
  | { readonly ok: false; readonly message: string; readonly needsMapping?: true };

/** Long HubSpot exports have hundreds of columns; a message lists this many. */
const MAX_LISTED = 60;

/**
 * Maps a CRM export's header to stages. Overrides win; every other stage in the list takes
 * the first known name (knownColumns.ts) the header has, skipping columns an override took.
 * A stage may have no column (it is then reached only through later stages), but the won
 * stage and at least one other must have one. Column names in the mapping are the header
 * cells as written (a leading BOM removed), so SQL can quote them as they are.
 *
 * @example
 * recognizeColumns(['Email', 'Original Source', 'Became a Lead Date', 'Became a Customer Date'])
 * // → { ok: true,
 * //     mapping: { stages: ['lead', 'mql', 'sql', 'opportunity', 'won'],
 * //                stageColumns: { lead: 'Became a Lead Date', won: 'Became a Customer Date' },
 * //                sourceColumn: 'Original Source' },
 * //     recognized: [{ stage: 'lead', column: 'Became a Lead Date' }, { stage: 'won', column: 'Became a Customer Date' }] }
 * recognizeColumns(['Email', 'Created'])
 * // → { ok: false, message: 'No stage date columns recognised among the file\'s columns: "Email", "Created". …' }
 */
export function recognizeColumns(header: readonly string[], options: RecognizeOptions = {}): RecognizeResult {
  const t = messages(options.lang ?? 'en').history;
  const listHeaders = (h: readonly string[]) => headerList(h, t);
  const overrides = options.stageColumns ?? {};
  const stagesResult = chooseStages(header, options.stages, Object.keys(overrides), t);
  if (typeof stagesResult === 'string') return { ok: false, message: stagesResult };
  const stages = stagesResult;

  const columnOf: Record<string, string> = {};
  const taken = new Set<number>();
  /** Stages whose column the caller named: only a column of the very same name is a second one. */
  const named: { stage: string; index: number }[] = [];
  for (const [key, column] of Object.entries(overrides)) {
    const stage = matchStage(stages, key);
    if (stage === undefined) {
      return { ok: false, message: t.unknownStage(key, stages.join(', ')) };
    }
    const index = findColumn(header, column);
    if (index < 0) {
      return {
        ok: false,
        message: t.columnMissing(stage, column, listHeaders(header)),
      };
    }
    const twice = named.find((n) => n.index === index);
    if (twice !== undefined) {
      const [upper, lower] = [twice.stage, stage].sort((a, b) => stages.indexOf(a) - stages.indexOf(b));
      return {
        ok: false,
        message: t.sharedColumn(upper, lower, cleanHeader(header[index])),
      };
    }
    columnOf[stage] = cleanHeader(header[index]);
    taken.add(index);
    named.push({ stage, index });
  }

  let sourceIndex = -1;
  if (options.sourceColumn !== undefined) {
    sourceIndex = findColumn(header, options.sourceColumn);
    if (sourceIndex < 0) {
      return {
        ok: false,
        message: t.sourceColumnMissing(options.sourceColumn, listHeaders(header)),
      };
    }
  }

  const recognizedBy: { stage: string; index: number }[] = [];
  for (const stage of stages) {
    if (columnOf[stage] !== undefined) continue;
    const index = firstKnown(header, KNOWN_STAGE_COLUMNS[stage] ?? [], taken);
    if (index >= 0) {
      columnOf[stage] = cleanHeader(header[index]);
      taken.add(index);
      recognizedBy.push({ stage, index });
    }
  }
  const warnings: string[] = [];
  const ambiguous: AmbiguousStage[] = [];
  const byName = named.map((n) => ({ ...n, byName: true }));
  for (const { stage, index, byName: isNamed } of [...byName, ...recognizedBy.map((r) => ({ ...r, byName: false }))]) {
    const chosen = headerKey(header[index]);
    const generic = new Set((GENERIC_STAGE_COLUMNS[stage] ?? []).map(headerKey));
    const known = new Set((KNOWN_STAGE_COLUMNS[stage] ?? []).map(headerKey));
    // Recognised: any other known name of the stage, except a record-creation date next to a lifecycle date.
    const second = (key: string) => key === chosen || (!isNamed && known.has(key) && (!generic.has(key) || generic.has(chosen)));
    const others = header
      .map((h, i) => ({ key: headerKey(h), i }))
      .filter(({ key, i }) => !taken.has(i) && second(key))
      .map(({ i }) => cleanHeader(header[i]));
    if (others.length > 0) {
      warnings.push(t.moreThanOne(stage, cleanHeader(header[index]), others.map((o) => JSON.stringify(o)).join(t.listSeparator), others.length === 1));
      // A column the user named is theirs; two columns of that very name stay a warning only.
      if (!isNamed) ambiguous.push({ stage, columns: [cleanHeader(header[index]), ...others] });
    }
  }
  if (sourceIndex < 0 && options.sourceColumn === undefined) {
    sourceIndex = firstKnown(header, KNOWN_SOURCE_COLUMNS, taken);
  }

  const recognized = stages.filter((s) => columnOf[s] !== undefined).map((stage) => ({ stage, column: columnOf[stage] }));
  const won = stages[stages.length - 1];
  if (recognized.length === 0) {
    return { ok: false, needsMapping: true, message: t.noStageColumns(listHeaders(header), stages.join(', ')) };
  }
  if (columnOf[won] === undefined) {
    return { ok: false, needsMapping: true, message: t.noWonColumn(won, describeRecognized(recognized), listHeaders(header)) };
  }
  if (recognized.length < 2) {
    return { ok: false, needsMapping: true, message: t.onlyWon(describeRecognized(recognized), listHeaders(header)) };
  }

  const mapping: HistoryMapping =
    sourceIndex >= 0
      ? { stages, stageColumns: columnOf, sourceColumn: cleanHeader(header[sourceIndex]) }
      : { stages, stageColumns: columnOf };
  return { ok: true, mapping, recognized, warnings, ambiguous };
}

/** The stage list: the caller's, or the plan default with bql added when the file (or an override) has a BQL column. */
function chooseStages(
  header: readonly string[],
  given: readonly string[] | undefined,
  overrideKeys: readonly string[],
  t: Messages['history'],
): readonly string[] | string {
  if (given !== undefined) {
    if (given.length < 2) return t.tooFewStages(given.length);
    const seen = new Set<string>();
    for (const s of given) {
      if (seen.has(s)) return t.stageTwice(s);
      seen.add(s);
    }
    const known = given.filter((s) => FUNNEL_ORDER.includes(s.toLowerCase()));
    for (let i = 1; i < known.length; i++) {
      const before = known[i - 1];
      const after = known[i];
      if (FUNNEL_ORDER.indexOf(after.toLowerCase()) < FUNNEL_ORDER.indexOf(before.toLowerCase())) {
        return t.stagesOrder(before, after, FUNNEL_ORDER.filter((s) => given.some((g) => g.toLowerCase() === s)).join(', '));
      }
    }
    return [...given];
  }
  const hasBql =
    overrideKeys.some((k) => k.trim().toLowerCase() === 'bql') || firstKnown(header, KNOWN_STAGE_COLUMNS.bql, new Set()) >= 0;
  if (!hasBql) return [...DEFAULT_STAGES];
  const stages = [...DEFAULT_STAGES];
  stages.splice(stages.indexOf('sql'), 0, 'bql');
  return stages;
}

function matchStage(stages: readonly string[], key: string): string | undefined {
  if (stages.includes(key)) return key;
  const k = key.trim().toLowerCase();
  return stages.find((s) => s.toLowerCase() === k);
}

function firstKnown(header: readonly string[], names: readonly string[], taken: ReadonlySet<number>): number {
  const keys = header.map(headerKey);
  for (const name of names) {
    const key = headerKey(name);
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === key && !taken.has(i)) return i;
    }
  }
  return -1;
}

function describeRecognized(recognized: readonly { stage: string; column: string }[]): string {
  return recognized.map((r) => `${r.stage} → "${r.column}"`).join(', ');
}

function headerList(header: readonly string[], t: Messages['history']): string {
  const shown = header.slice(0, MAX_LISTED).map((h) => JSON.stringify(cleanHeader(h)));
  const more = header.length > MAX_LISTED ? t.moreHeaders(header.length - MAX_LISTED) : '';
  return header.length === 0 ? t.noHeaders : shown.join(t.listSeparator) + more;
}
