import { clampScore, round2, roundTo } from "../../../src/engine/score";

describe("round2", () => {
  test.each([
    [14.4705882, 14.47],
    [14.475, 14.48], // binary 14.474999… must still round half up
    [1.005, 1.01],
    [9.3387, 9.34],
    [13.941176, 13.94],
    [14.333333, 14.33],
    [0.125, 0.13],
    [-0.125, -0.13],
    [-0.001, 0],
    [100, 100],
  ])("%p → %p", (x, r) => expect(round2(x)).toBe(r));

  test("no negative zero", () => expect(Object.is(round2(-0.001), 0)).toBe(true));
  test("roundTo 4 decimals", () => expect(roundTo(231.6 / 248, 4)).toBe(0.9339));
  test("clampScore keeps a score within [0, weight]", () => {
    expect(clampScore(15.2, 15)).toBe(15);
    expect(clampScore(-3, 15)).toBe(0);
    expect(clampScore(11.999, 15)).toBe(12);
  });
});

describe("roundTo: the shortcut for values next to a whole number gives what the 12-digit rounding gives", () => {
  /** roundTo as it was written before the shortcut: always through toPrecision. */
  function reference(x: number, digits: number): number {
    if (!Number.isFinite(x) || Math.abs(x) >= 2 ** 52) return x;
    const f = 10 ** digits;
    const abs = Math.abs(x) * f;
    if (!Number.isFinite(abs)) return x;
    if (digits >= 0 && abs < 1e12 && Number.isInteger(x)) return x === 0 ? 0 : x;
    const scaled = Number(abs.toPrecision(abs >= 1e12 ? 15 : 12));
    const r = (Math.sign(x) * Math.round(scaled)) / f;
    return r === 0 ? 0 : r;
  }

  test("weights × band fractions, ratio scores, noisy and exact halves, both signs, 0–6 decimals", () => {
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const xs: number[] = [];
    for (const w of [1, 2, 2.5, 3, 4.5, 5, 6, 7, 7.5, 8, 9, 10, 12, 15, 20, 30, 50]) {
      for (const fraction of [0.5, 0.6, 0.8, 0.3, 0.7, 1 / 3]) xs.push(w * fraction, -w * fraction);
      for (let k = 0; k < 200; k++) xs.push((w * Math.floor(random() * 5000)) / Math.floor(1 + random() * 5000));
    }
    for (let k = 0; k < 3000; k++) {
      const cents = Math.floor(random() * 1e8);
      xs.push(cents / 100, cents / 1000, (cents + 0.5) / 100, cents / 100 + 1e-9, cents / 100 - 1e-9, cents / 100 + 4e-7);
      xs.push(random() * 10 ** Math.floor(random() * 14), -random() * 1000);
    }
    xs.push(1447.4999999999998 / 100, 14.475, 1.005, 0.125, -0.125, 0.4999995e-2, 9999.9949999, 1e-7, 5e-7, -5e-7);
    for (const digits of [0, 1, 2, 4, 6]) {
      for (const x of xs) {
        if (!Object.is(roundTo(x, digits), reference(x, digits))) throw new Error(`roundTo(${x}, ${digits})`);
      }
    }
    expect(xs.length).toBeGreaterThan(20000);
  });
});
