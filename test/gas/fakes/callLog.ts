/** Counts calls to the fake Google services, as a stand-in for round trips to Google. */
export class CallLog {
  readonly counts = new Map<string, number>();
  private failure: { name: string; after: number; thenAll: boolean } | undefined;
  private dead = false;

  /**
   * Makes the call `name` throw as Google's services do, after `after` more successful calls
   * of it; with thenAll, every later call fails too (a run killed by the time limit).
   */
  failOn(name: string, after: number, options: { thenAll?: boolean } = {}): void {
    this.failure = { name, after, thenAll: options.thenAll ?? false };
  }

  /** Lets calls succeed again. */
  recover(): void {
    this.failure = undefined;
    this.dead = false;
  }

  hit(name: string): void {
    if (this.dead) throw new Error('Exception: Exceeded maximum execution time');
    const failure = this.failure;
    if (failure?.name === name && failure.after-- <= 0) {
      this.failure = undefined;
      this.dead = failure.thenAll;
      throw new Error('Exception: Service Spreadsheets failed while accessing document with id 1FunnelPlannerTestDoc.');
    }
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }

  get total(): number {
    let sum = 0;
    for (const n of this.counts.values()) sum += n;
    return sum;
  }

  reset(): void {
    this.counts.clear();
  }
}
