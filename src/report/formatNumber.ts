/** Number formatting for the terminal: thousands separators, currency, percentages. */
const INTEGER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const DECIMAL = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const PERCENT = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 2 });

export const formatCount = (n: number): string => INTEGER.format(n);
export const formatDecimal = (n: number): string => DECIMAL.format(n);
export const formatPercent = (n: number): string => PERCENT.format(n);
export const formatMoney = (n: number, currency: string): string => `${currency} ${DECIMAL.format(n)}`;
