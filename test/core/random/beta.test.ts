/**
 * Normal, gamma and beta draws against their distributions, tolerances from the distributions:
 * sample means within 4 standard errors, sample variances within 4 standard errors of their own.
 */
import { beta, gamma, standardNormal } from '../../../src/core/random/beta';
import { seededRandom } from '../../../src/core/random/seededRandom';

const N = 40_000;

function sample(draw: () => number): { mean: number; variance: number; m4: number } {
  const xs = Array.from({ length: N }, draw);
  const mean = xs.reduce((a, b) => a + b, 0) / N;
  const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (N - 1);
  const m4 = xs.reduce((a, x) => a + (x - mean) ** 4, 0) / N;
  return { mean, variance, m4 };
}

/** Mean and variance within 4 standard errors, the variance's error from the sample's own fourth moment. */
function expectMoments(s: { mean: number; variance: number; m4: number }, mean: number, variance: number): void {
  expect(Math.abs(s.mean - mean)).toBeLessThan(4 * Math.sqrt(variance / N));
  expect(Math.abs(s.variance - variance)).toBeLessThan(4 * Math.sqrt((s.m4 - variance * variance) / N));
}

describe('continuous draws', () => {
  it('standard normal: mean 0, variance 1', () => {
    const rng = seededRandom(11);
    expectMoments(sample(() => standardNormal(rng)), 0, 1);
  });

  it.each([0.2, 0.5, 1, 2.5, 31, 1001])('gamma(%d): mean and variance the shape', (shape) => {
    const rng = seededRandom(Math.round(shape * 70));
    expectMoments(sample(() => gamma(rng, shape)), shape, shape);
  });

  it.each([[1, 1], [3, 9], [401, 601], [1, 2001]])('beta(%d, %d): mean a/(a+b), variance ab/((a+b)²(a+b+1))', (a, b) => {
    const rng = seededRandom(a + b);
    expectMoments(sample(() => beta(rng, a, b)), a / (a + b), (a * b) / ((a + b) ** 2 * (a + b + 1)));
  });

  it('refuses a shape it cannot draw, and reproduces by seed', () => {
    expect(() => gamma(seededRandom(1), 0)).toThrow(RangeError);
    expect(() => gamma(seededRandom(1), -1)).toThrow(RangeError);
    expect(() => gamma(seededRandom(1), Number.POSITIVE_INFINITY)).toThrow(RangeError);
    const draw = () => {
      const rng = seededRandom('plan');
      return [beta(rng, 3, 4), beta(rng, 40, 60)];
    };
    expect(draw()).toEqual(draw());
  });
});
