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
export const formatMoney = (n: number, currency: string): string => `${currency} ${DECIMAL.format(n)}`;
