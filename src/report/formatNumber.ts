/** Number formatting for the terminal: thousands separators, currency, percentages. */
const INTEGER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const DECIMAL = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const ONE_DECIMAL = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const PERCENT = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 2 });

export const formatCount = (n: number): string => INTEGER.format(n);
export const formatDecimal = (n: number): string => DECIMAL.format(n);
/** People as expected values (attrition makes them fractional): always one decimal, 4.0 and 2.5. */
export const formatFte = (n: number): string => ONE_DECIMAL.format(n);
export const formatPercent = (n: number): string => PERCENT.format(n);
const CENTS = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** Whole amounts without decimals (USD 324,000); any other with both cent digits (USD 476,672.10, never 476,672.1). */
export const formatMoney = (n: number, currency: string): string =>
  `${currency} ${Number.isInteger(Math.round(n * 100) / 100) ? INTEGER.format(n) : CENTS.format(n)}`;
