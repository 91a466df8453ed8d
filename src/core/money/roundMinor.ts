/**
 * A double amount of minor units (cents) to a whole number as a spreadsheet would: read at 15
 * significant digits first (a spreadsheet keeps 15), then rounded half up (half away from zero),
 * so 1.005 × 100 = 100.49999999999999 rounds to 101, not 100 (design.md §3). Above 1e15 minor
 * units a double has no fraction to keep. The Headcount and Bonus sheets write the same rule as
 * ROUND(ROUND(x, 14 − INT(LOG10(|x|))), 0).
 *
 * @example
 * roundMinor(1.005 * 100); // → 101
 * roundMinor(-2.5);        // → -3
 */
export function roundMinor(x: number): number {
  const read = Math.abs(x) < 1e15 && x !== 0 ? Number(x.toPrecision(15)) : x;
  return Math.sign(read) * Math.round(Math.abs(read));
}
