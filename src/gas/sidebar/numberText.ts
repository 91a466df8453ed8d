/**
 * How the form shows a plan's numbers as editable text. Text from the sheet is shown as it
 * was typed; numbers are written so that the core reads them back as exactly the same value;
 * anything else (a list where a number belongs) shows blank, and goes back untouched unless retyped.
 */

function grouped(value: number): string {
  const plain = String(Math.abs(value));
  if (/e/i.test(plain)) return String(value);
  const [whole, fraction] = plain.split('.');
  const withCommas = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${value < 0 ? '-' : ''}${withCommas}${fraction === undefined ? '' : `.${fraction}`}`;
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** 0.25 → "25%"; a share like 1/3 that "%" cannot carry exactly stays a plain decimal. */
export function percentText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (!isNumber(value)) return '';
  const percent = Number((value * 100).toPrecision(12));
  return percent / 100 === value ? `${percent}%` : String(value);
}

/** 10000000 → "10,000,000" (the core reads thousands separators). */
export function amountText(value: unknown): string {
  if (typeof value === 'string') return value;
  return isNumber(value) ? grouped(value) : '';
}

/**
 * A role's ramp as one line: each month's productivity as a percentage, the start month first;
 * an empty ramp (productive at once) as `none`; text from the sheet as typed; anything else blank.
 *
 * @example
 * rampText([0.25, 0.5, 0.75], 'none'); // → '25%, 50%, 75%'
 * rampText([], 'none');                // → 'none'
 */
export function rampText(value: unknown, none: string): string {
  if (typeof value === 'string') return value;
  if (!Array.isArray(value)) return '';
  return value.length === 0 ? none : value.map(percentText).join(', ');
}

/**
 * A rate range as one line, as the Inputs sheet writes it: both ends as percentages; text as typed; anything else blank.
 *
 * @example
 * rangeText([0.3, 0.5]);      // → '30%, 50%'
 * rangeText(['30%', '50%']);  // → '30%, 50%'
 * rangeText('30% – 50%');     // → '30% – 50%'
 */
export function rangeText(value: unknown): string {
  if (typeof value === 'string') return value;
  return Array.isArray(value) ? value.map(percentText).join(', ') : '';
}

export function plainText(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

const COUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const MONEY = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const ONE_DECIMAL = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export const formatCount = (n: number): string => COUNT.format(n);
export const formatMoney = (n: number, currency: string): string => `${currency} ${MONEY.format(n)}`;
/** People as expected values (attrition makes them fractional): one decimal, as the report shows them. */
export const formatFte = (n: number): string => ONE_DECIMAL.format(n);
/** 0.5053 → "50.5%": a share of trials or a confidence, to a tenth of a percent as `simulate` words it. */
export const formatPercent = (x: number): string => `${Number((x * 100).toFixed(1))}%`;
