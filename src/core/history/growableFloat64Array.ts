/** An append-only list of doubles in a typed array: 8 bytes a value, no boxing, for a million durations. */

/**
 * Grows by half again when full (not doubling), so a million values never hold more than
 * about 1.5× their bytes. Read `values()` after the last push.
 *
 * @example
 * const a = new GrowableFloat64Array();
 * a.push(2.5); a.push(1);
 * a.length        // → 2
 * a.values()      // → Float64Array [2.5, 1] (a view, not a copy)
 */
export class GrowableFloat64Array {
  private data: Float64Array;
  length = 0;

  constructor(initialCapacity = 8) {
    this.data = new Float64Array(Math.max(1, initialCapacity));
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(Math.ceil(this.data.length * 1.5) + 8);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  /** The values pushed so far, as a view over the storage (sorting it sorts the list). */
  values(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}
