/**
 * Formula pieces shared by layouts. The engine rounds up exactly with fractions; a
 * spreadsheet has only doubles, where 57/0.57 = 100.00000000000001. `ceilExactFormula`
 * treats a quotient within 1e-12 (relative, at most 1e-6) of a whole number as that number and rounds
 * anything else up, so 57/0.57 gives 100 while 4,300,000/20,476.19 = 210.0000049 gives 211.
 * A true fraction that small would need inputs with 12+ significant digits. The tolerance
 * is written as a decimal because HyperFormula cannot parse 1E-12.
 */
export function ceilExactFormula(quotient: string): string {
  const q = `(${quotient})`;
  // Capped at 1e-6 absolute: from ~1e6 up a relative 1e-12 would swallow true fractions
  // (236,622,820.0000087 must still round up), while a double's error stays below 1e-7 up to 1e9.
  return `IF(ABS(${q}-ROUND(${q},0))<=MIN(0.000000000001*ABS(${q}),0.000001),ROUND(${q},0),CEILING(${q},1))`;
}

/** A string literal inside a formula. */
export function formulaString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}
