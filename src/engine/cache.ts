/**
 * One small bounded cache for the engine's look-ups by text (a county's forms repeat the same labels thousands
 * of times). A cache is emptied when it reaches its bound, which keeps memory flat over any number of files;
 * `resetCaches()` empties every cache (tests that must not see an earlier test's answers).
 *
 * Key a cache by everything that determines the answer: the reader's label caches live in a LabelIndex, which
 * is built for one vocabulary (the built-in one, or the built-in one extended by a profile), so a label read
 * under a county's vocabulary is never answered from the national one.
 */

const ALL: BoundedCache<unknown, unknown>[] = [];

export class BoundedCache<K, V> {
  private readonly map = new Map<K, V>();

  /** `registered` false: a cache owned by an object that is itself kept in a registered cache (dropped with it). */
  constructor(
    readonly max = 20_000,
    registered = true,
  ) {
    if (registered) ALL.push(this as BoundedCache<unknown, unknown>);
  }

  get(key: K): V | undefined {
    return this.map.get(key);
  }

  set(key: K, value: V): V {
    if (this.map.size >= this.max) this.map.clear();
    this.map.set(key, value);
    return value;
  }

  /** The cached value, else compute(key) (remembered). */
  getOr(key: K, compute: (key: K) => V): V {
    let v = this.map.get(key);
    if (v === undefined && !this.map.has(key)) v = this.set(key, compute(key));
    return v as V;
  }

  get size(): number {
    return this.map.size;
  }

  clear(): void {
    this.map.clear();
  }
}

/** Empty every BoundedCache (tests). */
export function resetCaches(): void {
  for (const c of ALL) c.clear();
}
