/**
 * The binomial sampler against the distribution it draws from, with tolerances derived from it
 * (not tuned): for small means (inversion) and large ones (BTPE), the sample mean within 4
 * standard errors of np, the sample variance within 4 of its own standard error around
 * np(1 − p), and the probabilities of single counts against the exact pmf by a chi-square test.
 * A fixed seed reproduces.
 */
import { binomial } from '../../../src/core/random/binomial';
import { seededRandom } from '../../../src/core/random/seededRandom';

const DRAWS = 40_000;

function moments(n: number, p: number, seed: number): { mean: number; variance: number } {
  const rng = seededRandom(seed);
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < DRAWS; i++) {
    const x = binomial(rng, n, p);
    s += x;
    s2 += x * x;
  }
  const mean = s / DRAWS;
  return { mean, variance: (s2 - DRAWS * mean * mean) / (DRAWS - 1) };
}

describe('binomial draws', () => {
  // Both algorithms, both sides of p = 0.5, and n from 1 to a billion.
  it.each([
    [1, 0.5], [12, 0.3], [100, 0.25], [60, 0.5], [80, 0.95],
    [3200, 0.4], [1668, 0.4], [12_800, 0.25], [1_000_000, 0.01], [100_000, 0.7], [1_000_000_000, 0.25],
  ])('n = %d, p = %d: mean and variance are the binomial\'s', (n, p) => {
    const { mean, variance } = moments(n, p, n + Math.round(p * 1000));
    const sigma2 = n * p * (1 - p);
    expect(Math.abs(mean - n * p)).toBeLessThan(4 * Math.sqrt(sigma2 / DRAWS));
    // Var of the sample variance = (μ4 − σ⁴(N − 3)/(N − 1))/N, with μ4 = 3σ⁴ + σ²(1 − 6p(1 − p)) for the binomial.
    const mu4 = 3 * sigma2 * sigma2 + sigma2 * (1 - 6 * p * (1 - p));
    expect(Math.abs(variance - sigma2)).toBeLessThan(4 * Math.sqrt((mu4 - (sigma2 * sigma2 * (DRAWS - 3)) / (DRAWS - 1)) / DRAWS));
  });

  it.each([[20, 0.3], [400, 0.2]])('n = %d, p = %d: counts fit the pmf (chi-square)', (n, p) => {
    const rng = seededRandom(99);
    const seen = new Map<number, number>();
    for (let i = 0; i < DRAWS; i++) {
      const x = binomial(rng, n, p);
      seen.set(x, (seen.get(x) ?? 0) + 1);
    }
    // Exact pmf by recursion; cells with an expected count under 20 are pooled into the tails.
    const pmf: number[] = [Math.pow(1 - p, n)];
    for (let k = 1; k <= n; k++) pmf.push((pmf[k - 1] * (n - k + 1) * p) / (k * (1 - p)));
    let chi = 0;
    let cells = 0;
    let pooledExpected = 0;
    let pooledSeen = 0;
    for (let k = 0; k <= n; k++) {
      const expected = pmf[k] * DRAWS;
      if (expected < 20) {
        pooledExpected += expected;
        pooledSeen += seen.get(k) ?? 0;
        continue;
      }
      chi += ((seen.get(k) ?? 0) - expected) ** 2 / expected;
      cells++;
    }
    chi += (pooledSeen - pooledExpected) ** 2 / pooledExpected;
    cells++;
    // df = cells − 1; the 99.9th percentile of chi-square is below df + 4.5·sqrt(2·df) + 10 for these df.
    const df = cells - 1;
    expect(chi).toBeLessThan(df + 4.5 * Math.sqrt(2 * df) + 10);
  });

  it('is exact at the edges and refuses what is not a binomial', () => {
    const rng = seededRandom(1);
    expect(binomial(rng, 0, 0.4)).toBe(0);
    expect(binomial(rng, 3200, 0)).toBe(0);
    expect(binomial(rng, 3200, 1)).toBe(3200);
    expect(() => binomial(rng, 2.5, 0.4)).toThrow(RangeError);
    expect(() => binomial(rng, 10, 1.2)).toThrow(RangeError);
    expect(() => binomial(rng, 10, Number.NaN)).toThrow(RangeError);
  });

  it('stays in 0..n and reproduces with the same seed', () => {
    const draw = (seed: number) => {
      const rng = seededRandom(seed);
      return Array.from({ length: 200 }, (_, i) => binomial(rng, 50 + i * 97, ((i % 19) + 1) / 20));
    };
    const a = draw(2027);
    expect(draw(2027)).toEqual(a);
    expect(draw(2028)).not.toEqual(a);
    a.forEach((x, i) => expect(x >= 0 && x <= 50 + i * 97 && Number.isInteger(x)).toBe(true));
  });
});
