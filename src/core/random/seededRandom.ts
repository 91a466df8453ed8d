/**
 * A seeded pseudo-random generator for the confidence simulation (design.md §11): the same
 * seed gives the same draws in Apps Script, Node and the browser, so a plan's P10/P50/P90
 * can be reproduced and tested. xoshiro128** (Blackman & Vigna, public domain): 32-bit
 * arithmetic only, which JavaScript does exactly with Math.imul and `>>> 0`, period 2^128 − 1.
 * Seeds are spread into the 128-bit state by splitmix32, as the authors recommend, so
 * neighbouring seeds (1, 2, 3…) give unrelated streams.
 */

export interface RandomSource {
  /** The next 32 random bits as an integer in [0, 2^32). */
  nextUint32(): number;
  /** A double uniform in [0, 1) with 53 random bits. */
  nextFloat(): number;
  /** An integer uniform in [0, n), without modulo bias. */
  nextInt(n: number): number;
}

export const RANDOM_ERRORS = {
  seed: 'seededRandom: a seed is a whole number from 0 to 4294967295 or a non-empty text',
  bound: 'nextInt: the bound must be a whole number from 1 to 4294967296',
} as const;

/** splitmix32's output for its k-th state, seed + k · 0x9e3779b9 (k from 1): a pure function, so seeding allocates nothing. */
function splitmix32(seed: number, k: number): number {
  let z = (seed + Math.imul(k, 0x9e3779b9)) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}

/** FNV-1a over UTF-16 code units: a text seed ("FY2027 plan") becomes a 32-bit one. */
function seedFromText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

const rotl = (x: number, k: number) => ((x << k) | (x >>> (32 - k))) >>> 0;

/**
 * A generator whose draws depend only on `seed`.
 *
 * @example
 * const rng = seededRandom(42);
 * rng.nextUint32(); // always the same first value for seed 42 (see the reference vectors in the tests)
 * rng.nextFloat();  // in [0, 1)
 * rng.nextInt(6);   // a die roll 0…5
 */
export function seededRandom(seed: number | string): RandomSource {
  let numeric: number;
  if (typeof seed === 'string') {
    if (seed === '') throw new RangeError(RANDOM_ERRORS.seed);
    numeric = seedFromText(seed);
  } else {
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new RangeError(`${RANDOM_ERRORS.seed}, got ${seed}`);
    numeric = seed;
  }
  return new Xoshiro128(numeric);
}

/**
 * A generator whose state can be set again from a seed, without a new object: the simulation
 * gives every stage of every trial its own stream, hundreds of thousands of them a run.
 *
 * @example
 * const rng = reseedableRandom();
 * rng.reseed(42);
 * rng.nextUint32(); // → seededRandom(42).nextUint32()
 */
export function reseedableRandom(): RandomSource & { reseed(seed: number): void } {
  return new Xoshiro128(0);
}

class Xoshiro128 implements RandomSource {
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;

  constructor(seed: number) {
    this.reseed(seed);
  }

  reseed(seed: number): void {
    const base = seed >>> 0;
    this.s0 = splitmix32(base, 1);
    this.s1 = splitmix32(base, 2);
    this.s2 = splitmix32(base, 3);
    this.s3 = splitmix32(base, 4);
    // An all-zero state would only ever give zeros; splitmix32 cannot produce four zeros in a row, but be explicit.
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (this.s1 << 9) >>> 0;
    this.s2 = (this.s2 ^ this.s0) >>> 0;
    this.s3 = (this.s3 ^ this.s1) >>> 0;
    this.s1 = (this.s1 ^ this.s2) >>> 0;
    this.s0 = (this.s0 ^ this.s3) >>> 0;
    this.s2 = (this.s2 ^ t) >>> 0;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  nextFloat(): number {
    // 27 + 26 bits, as in the reference double conversion: (a·2^26 + b) / 2^53.
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  nextInt(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > 0x100000000) throw new RangeError(`${RANDOM_ERRORS.bound}, got ${n}`);
    // Rejection sampling: drop the top partial block of 2^32 so every value is equally likely.
    const limit = 0x100000000 - (0x100000000 % n);
    for (;;) {
      const x = this.nextUint32();
      if (x < limit) return x % n;
    }
  }
}
