/** How the bonus's numbers read in explanations and findings, alike in the CLI, the sheet, the report and the sidebar. */

const group = (whole: number): string => String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * Minor units as an amount: whole amounts without decimals, any other with all of the
 * currency's decimals; exact (no float division).
 *
 * @example
 * minorText(31_860_000, 2); // → '318,600'
 * minorText(3_982_550, 2);  // → '39,825.50'
 * minorText(-150, 2);       // → '-1.50'
 */
export function minorText(minor: number, digits: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const scale = 10 ** digits;
  const whole = Math.floor(abs / scale);
  const fraction = abs - whole * scale;
  return `${sign}${group(whole)}${fraction === 0 || digits === 0 ? '' : `.${String(fraction).padStart(digits, '0')}`}`;
}

/**
 * Up to `decimals` decimals, trailing zeros dropped.
 *
 * @example
 * shortNumber(1.1812); // → '1.18'
 * shortNumber(0.9);    // → '0.9'
 * shortNumber(2);      // → '2'
 */
export function shortNumber(x: number, decimals = 2): string {
  return String(Number(x.toFixed(decimals)));
}

/**
 * An attainment as a percentage, up to one decimal.
 *
 * @example
 * percentText(1.1);   // → '110%'
 * percentText(0.955); // → '95.5%'
 */
export const percentText = (x: number): string => `${shortNumber(x * 100, 1)}%`;
