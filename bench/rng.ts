/** A small seeded PRNG (mulberry32) with the helpers the corpus generator needs. Same seed → same corpus. */
export class Rng {
  private s: number;

  constructor(seed: number) {
    this.s = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  /** Number in [lo, hi). */
  range(lo: number, hi: number): number {
    return lo + this.next() * (hi - lo);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }

  /** Pick by weights (same length as xs). */
  weighted<T>(xs: readonly T[], weights: readonly number[]): T {
    const total = weights.reduce((a, w) => a + w, 0);
    let x = this.next() * total;
    for (let i = 0; i < xs.length; i++) {
      x -= weights[i];
      if (x < 0) return xs[i];
    }
    return xs[xs.length - 1];
  }

  /** k distinct items, in a random order. */
  sample<T>(xs: readonly T[], k: number): T[] {
    const copy = xs.slice();
    this.shuffle(copy);
    return copy.slice(0, Math.min(k, copy.length));
  }

  shuffle<T>(xs: T[]): T[] {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [xs[i], xs[j]] = [xs[j], xs[i]];
    }
    return xs;
  }
}

/** `total` split into `k` positive integers (each ≥ min), roughly even with some spread. */
export function partition(rng: Rng, total: number, k: number, min = 2): number[] {
  if (k <= 0) return [];
  if (k * min > total) return Array.from({ length: k }, (_, i) => (i < total % k ? Math.ceil(total / k) : Math.floor(total / k)));
  const raw = Array.from({ length: k }, () => rng.range(0.6, 1.4));
  const sum = raw.reduce((a, x) => a + x, 0);
  const out = raw.map((x) => Math.max(min, Math.floor(((total - k * min) * x) / sum) + min));
  let diff = total - out.reduce((a, x) => a + x, 0);
  for (let i = 0; diff !== 0; i = (i + 1) % k) {
    if (diff > 0) {
      out[i]++;
      diff--;
    } else if (out[i] > min) {
      out[i]--;
      diff++;
    }
  }
  return out;
}
