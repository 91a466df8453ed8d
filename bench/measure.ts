/** Median and p95 wall time of a function over repeated runs, after a warm-up. */
export interface Timing {
  readonly runs: number;
  readonly medianMs: number;
  readonly p95Ms: number;
}

export function measure(fn: () => unknown, runs = 2000, warmup = 200): Timing {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { runs, medianMs: times[Math.floor(runs / 2)], p95Ms: times[Math.floor(runs * 0.95)] };
}

export function report(name: string, t: Timing): string {
  return `${name.padEnd(52)} median ${t.medianMs.toFixed(4)} ms   p95 ${t.p95Ms.toFixed(4)} ms   (${t.runs} runs)`;
}
