/**
 * The custom functions' logic: =FUNNEL_REVERSE, =FUNNEL_FORWARD, =FUNNEL_RATES and =FUNNEL_BONUS. Custom functions
 * cannot show dialogs, so every problem comes back as readable text in the cell
 * ("#FUNNEL: share: expected a share from 0 to 1 …, got 1.4"), never a thrown stack.
 */
import { FieldError, formatFieldError } from '../core/fieldError';
import { messages } from '../core/i18n/catalogue';
import { Fraction, fraction, fractionToNumber, multiply } from '../core/fraction';
import { forwardSource } from '../core/forwardFunnel';
import { reverseSource } from '../core/reverseFunnel';
import { DEFAULT_STAGES, Lang, stageLabel } from '../core/stages';
import { countSizeProblem } from '../core/funnel/overflow';
import { readExact } from '../core/input/readExact';
import { deriveHistory } from '../core/history/deriveHistory';
import type { DateOrder } from '../core/history/parseHistoryDate';
import { historyRatesTable } from '../core/history/ratesTable';
import { curveValue } from '../core/bonus/curve';
import { readCurve } from '../core/bonus/readBonus';
import type { Curve } from '../core/bonus/bonusTypes';

type Table = (string | number)[][];

/** Stage ids for `rateCount` rates: the default funnel for 4, with bql for 5, else numbered stages. */
function stagesFor(rateCount: number): string[] {
  if (rateCount === DEFAULT_STAGES.length - 1) return [...DEFAULT_STAGES];
  if (rateCount === 5) return ['lead', 'mql', 'bql', 'sql', 'opportunity', 'won'];
  return [...Array.from({ length: rateCount }, (_, i) => `Stage ${i + 1}`), 'won'];
}

/** A stage's label: numbered stages ("Stage 2") in the user's words, the others as core/stages labels them. */
function labelOf(stage: string, lang: Lang): string {
  const numbered = /^Stage (\d+)$/.exec(stage);
  return numbered ? messages(lang).customFunctions.stageN(Number(numbered[1])) : stageLabel(stage, lang);
}

/** A range (row or column), a single value, or nothing: the non-blank cells in reading order. */
function flatten(value: unknown): unknown[] {
  const cells = Array.isArray(value) ? (value as unknown[]).flat(2) : [value];
  let end = cells.length;
  while (end > 0 && (cells[end - 1] === '' || cells[end - 1] === null || cells[end - 1] === undefined)) end--;
  return cells.slice(0, end);
}

function errorCell(errors: readonly FieldError[], lang: Lang): Table {
  return [[`#FUNNEL: ${errors.map((e) => formatFieldError(e, lang)).join('; ')}`]];
}

function readRates(rates: unknown, errors: FieldError[]): Fraction[] {
  const cells = flatten(rates);
  if (cells.length === 0) {
    errors.push({ path: 'rates', code: 'emptyList', value: rates });
    return [];
  }
  return cells.map((cell, i) => readExact(cell, `rates[${i + 1}]`, 'rate', errors)?.exact ?? fraction(BigInt(1)));
}

/** Guards the custom function boundary: whatever happens inside, the cell shows text. */
function safely(run: () => Table): Table {
  try {
    return run();
  } catch (error) {
    return [[`#FUNNEL: ${error instanceof Error ? error.message : String(error)}`]];
  }
}

/** Labels and messages follow `lang`: the spreadsheet's locale in Sheets. */
export function funnelReverse(revenue: unknown, share: unknown, dealSize: unknown, rates: unknown, lang: Lang = 'en'): Table {
  return safely(() => {
    const errors: FieldError[] = [];
    const target = readExact(revenue, 'revenue', 'positive', errors);
    const part = readExact(share, 'share', 'share', errors);
    const deal = readExact(dealSize, 'dealSize', 'positive', errors);
    const rateList = readRates(rates, errors);
    if (errors.length > 0 || !target || !part || !deal) return errorCell(errors, lang);
    const stages = stagesFor(rateList.length);
    const { counts } = reverseSource(target.exact, stages, {
      share: part.exact,
      avgDealSize: deal.exact,
      entryStage: stages[0],
      rate: (stage) => rateList[stages.indexOf(stage)],
    });
    const broken = counts.findIndex((c) => countSizeProblem(c) !== undefined);
    if (broken >= 0) {
      const code = countSizeProblem(counts[broken])!;
      // Labelled here: a numbered stage ("Stage 2") is this function's own, and core labels only known ids.
      const count = { stage: labelOf(stages[broken], lang), value: String(counts[broken]), total: false };
      return errorCell([{ path: 'rates', code, value: rates, detail: `the ${stageLabel(stages[broken])} count (${counts[broken]})`, count }], lang);
    }
    return stages.map((stage, k) => [labelOf(stage, lang), Number(counts[k])]);
  });
}

export function funnelForward(volume: unknown, dealSize: unknown, rates: unknown, lang: Lang = 'en'): Table {
  return safely(() => {
    const errors: FieldError[] = [];
    const start = readExact(volume, 'volume', 'nonNegative', errors);
    const deal = readExact(dealSize, 'dealSize', 'positive', errors);
    const rateList = readRates(rates, errors);
    if (errors.length > 0 || !start || !deal) return errorCell(errors, lang);
    const stages = stagesFor(rateList.length);
    const expected = forwardSource(start.exact, stages, stages[0], (stage) => rateList[stages.indexOf(stage)]);
    const revenue = multiply(expected[stages.length - 1], deal.exact);
    return [...stages.map((stage, k) => [labelOf(stage, lang), fractionToNumber(expected[k])]), [messages(lang).customFunctions.revenue, fractionToNumber(revenue)]];
  });
}

/** =FUNNEL_RATES(range): the rates table of a pasted CRM export, header row included. */
/** The optional date_order argument: blank, "dmy" or "mdy" (any case). */
function readDateOrder(value: unknown): DateOrder | undefined | { bad: string } {
  if (value === undefined || value === null || value === '') return undefined;
  const text = String(value).trim().toLowerCase();
  return text === 'dmy' || text === 'mdy' ? text : { bad: String(value) };
}

export function funnelRates(range: unknown, dateOrder: unknown = undefined, lang: Lang = 'en'): Table {
  return safely(() => {
    const text = messages(lang).customFunctions;
    const order = readDateOrder(dateOrder);
    if (typeof order === 'object') return [[`#FUNNEL: ${text.dateOrderBad(order.bad)}`]];
    const rows = Array.isArray(range) ? (range as unknown[][]) : [[range]];
    const derived = deriveHistory(rows, order ? { dateOrder: order, lang } : { lang });
    if (!derived.ok) return [[`#FUNNEL: ${derived.message}${derived.needsDateOrder ? ` ${text.dateOrderHint}` : ''}${derived.needsMapping ? ` ${text.mapHint}` : ''}`]];
    return historyRatesTable(derived.result, lang);
  });
}

const blankCell = (cell: unknown): boolean => cell === '' || cell === null || cell === undefined;

/** A curve's error paths as the range's cells: "curve[2][1]" is row 3, column 2 of the range (rows and columns from 1), blank rows counted. */
function rangePath(path: string, rows: readonly number[]): string {
  return path.replace(/^curve\[(\d+)\](?:\[(\d)\])?/, (_m, i: string, j: string | undefined) => `curve[${rows[Number(i)] + 1}]${j === undefined ? '' : `[${Number(j) + 1}]`}`);
}

/** The `curve` range as core reads a curve: one [attainment, multiplier] point a row, blank rows left out; `stepped` blank is false. */
function readSheetCurve(curve: unknown, stepped: unknown, errors: FieldError[]): Curve | undefined {
  const rows = Array.isArray(curve) ? (curve as unknown[]).map((r) => (Array.isArray(r) ? (r as unknown[]) : [r])) : [[curve]];
  const kept = rows.map((r, i) => ({ r, i })).filter(({ r }) => !r.every(blankCell));
  const found: FieldError[] = [];
  const read = readCurve(
    kept.map(({ r }) => r),
    'curve',
    found,
  );
  for (const e of found) errors.push({ ...e, path: rangePath(e.path, kept.map(({ i }) => i)) });
  if (!blankCell(stepped) && typeof stepped !== 'boolean') errors.push({ path: 'stepped', code: 'notBoolean', value: stepped });
  return read && { points: read.points, stepped: stepped === true };
}

/**
 * =FUNNEL_BONUS(attainment, curve, [stepped]): the payout curve's multiplier at an attainment,
 * as the plan's bonus pays it (core/bonus/curve.ts): 0 below the first point, linear between
 * points, the last point's multiplier beyond it; stepped, the highest point at or below. A range
 * of attainments gives a range of multipliers (a blank cell stays blank).
 *
 * @example
 * funnelBonus(1.25, [[0.5, 0.5], [1, 1], [1.5, 2]]);        // → 1.5 (on the accelerator)
 * funnelBonus('49%', [[0.5, 0.5], [1, 1], [1.5, 2]]);       // → 0 (below the threshold)
 * funnelBonus(1.25, [[0.5, 0.5], [1, 1], [1.5, 2]], true);  // → 1
 */
export function funnelBonus(attainment: unknown, curve: unknown, stepped: unknown = undefined, lang: Lang = 'en'): number | string | (number | string)[][] {
  const problem = (errors: readonly FieldError[]): string => {
    const shape = errors.some((e) => /^curve(\[\d+\])?$/.test(e.path) && ['notArray', 'emptyList', 'curvePoint', 'required'].includes(e.code));
    return `#FUNNEL: ${errors.map((e) => formatFieldError(e, lang)).join('; ')}${shape ? ` ${messages(lang).bonusView.curveHint}` : ''}`;
  };
  try {
    const errors: FieldError[] = [];
    const read = readSheetCurve(curve, stepped, errors);
    if (errors.length > 0 || !read) return problem(errors);
    const at = (cell: unknown): number | string => {
      const found: FieldError[] = [];
      const a = readExact(cell, 'attainment', 'nonNegative', found);
      return a ? curveValue(read, a.value) : problem(found);
    };
    if (!Array.isArray(attainment)) return at(attainment);
    return (attainment as unknown[]).map((row) => (Array.isArray(row) ? (row as unknown[]) : [row]).map((cell) => (blankCell(cell) ? '' : at(cell))));
  } catch (error) {
    return `#FUNNEL: ${error instanceof Error ? error.message : String(error)}`;
  }
}
