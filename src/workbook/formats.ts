/** Number formats a finance user expects, valid in both Google Sheets and Excel. */
export const COUNT_FORMAT = '#,##0';
export const PERCENT_FORMAT = '0.0%';
/** Stage days: the export's medians are rounded to a tenth of a day. */
export const DAYS_FORMAT = '0.0';
/** Plain text: a lag cell's "1, 2, 3, 4" must not turn into a number as the user types it. */
export const TEXT_FORMAT = '@';

const SYMBOLS: Readonly<Record<string, string>> = { USD: '$', CNY: '¥', RMB: '¥', JPY: '¥', EUR: '€', GBP: '£', '$': '$', '¥': '¥', '€': '€', '£': '£' };

/** `"$"#,##0`, `"¥"#,##0.00`, or `#,##0 "SGD"` for codes without a symbol. */
export function moneyFormat(currency: string, cents = false): string {
  const digits = cents ? '#,##0.00' : '#,##0';
  const symbol = SYMBOLS[currency.toUpperCase()];
  const quoted = (s: string) => `"${s.replace(/"/g, '')}"`;
  return symbol ? `${quoted(symbol)}${digits}` : `${digits} ${quoted(currency)}`;
}

export const STYLE = {
  title: { bold: true, fontSize: 14 },
  help: { italic: true, color: '#5f6368' },
  generated: { italic: true, color: '#80868b', fontSize: 9 },
  section: { bold: true, background: '#e8eaed' },
  header: { bold: true, background: '#e8eaed', align: 'center' },
  input: { background: '#fff8e1' },
  label: {},
  total: { bold: true },
  muted: { color: '#9aa0a6', italic: true },
  headline: { bold: true, fontSize: 12, background: '#e6f4ea' },
} as const;
