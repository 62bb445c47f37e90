/**
 * Seeded, splittable randomness. Every random draw in the project comes from an `Rng` built here;
 * nothing calls `Math.random`.
 *
 * Streams are keyed, not chained: `stream(seed, ...keys)` derives an independent generator from a
 * seed and any number of integer keys (a Monte Carlo run index, a purpose label) by hashing them
 * with the SplitMix64 finaliser (Steele, Lea & Flood 2014, "Fast splittable pseudorandom number
 * generators", OOPSLA). Run 17 therefore gets the same numbers whether it is computed first, last,
 * or on another thread. The stream itself is xoshiro128** (Blackman & Vigna 2018, "Scrambled linear
 * pseudorandom number generators"), 32-bit arithmetic only, so it stays fast without BigInt.
 */

const MASK64 = (1n << 64n) - 1n;
const GOLDEN_GAMMA = 0x9e3779b97f4a7c15n;

/** The SplitMix64 output function: a bijective 64-bit mixer. */
export function mix64(z: bigint): bigint {
  let x = z & MASK64;
  x = ((x ^ (x >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
  x = ((x ^ (x >> 27n)) * 0x94d049bb133111ebn) & MASK64;
  return x ^ (x >> 31n);
}

function toKey(k: number): bigint {
  if (!Number.isSafeInteger(k)) throw new RangeError(`random keys are safe integers, got ${k}`);
  return BigInt.asUintN(64, BigInt(k));
}

/** A stream of pseudorandom numbers. */
export interface Rng {
  /** Uniform unsigned 32-bit integer. */
  uint32(): number;
  /** Uniform in the open interval (0, 1): never exactly 0 or 1, so `log(next())` is safe. */
  next(): number;
  /** Standard normal (Box–Muller; the second value of each pair is kept for the next call). */
  normal(): number;
}

/** xoshiro128**: four 32-bit words of state, period 2^128 − 1. */
class Xoshiro128 implements Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spare = Number.NaN;

  constructor(words: readonly [number, number, number, number]) {
    [this.a, this.b, this.c, this.d] = words;
    if ((this.a | this.b | this.c | this.d) === 0) this.d = 1;
  }

  uint32(): number {
    const r = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return r;
  }

  next(): number {
    return (this.uint32() + 0.5) / 4294967296;
  }

  normal(): number {
    if (!Number.isNaN(this.spare)) {
      const s = this.spare;
      this.spare = Number.NaN;
      return s;
    }
    const r = Math.sqrt(-2 * Math.log(this.next()));
    const t = 2 * Math.PI * this.next();
    this.spare = r * Math.sin(t);
    return r * Math.cos(t);
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * An independent stream for `seed` and `keys` (run index, purpose…). The same arguments always
 * give the same stream; different keys give statistically independent streams.
 *
 * @example
 * const noise = stream(7, 42, 3); // seed 7, run 42, purpose 3
 * noise.next(); // same value on every machine and thread
 */
export function stream(seed: number, ...keys: number[]): Rng {
  let h = mix64(toKey(seed) + GOLDEN_GAMMA);
  for (const k of keys) h = mix64(h ^ mix64(toKey(k) + GOLDEN_GAMMA));
  const words: number[] = [];
  for (let i = 0; i < 2; i++) {
    h = (h + GOLDEN_GAMMA) & MASK64;
    const z = mix64(h);
    words.push(Number(z & 0xffffffffn) | 0, Number(z >> 32n) | 0);
  }
  return new Xoshiro128(words as [number, number, number, number]);
}

/**
 * A uniform whole number in [0, n).
 *
 * @example
 * randomInt(stream(1), 6); // 0…5
 */
export function randomInt(rng: Rng, n: number): number {
  return Math.min(n - 1, Math.floor(rng.next() * n));
}
