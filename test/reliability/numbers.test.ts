/**
 * Rounding at the edges of the doubles (reliability review: a cell holding 1.8e306 made check() throw, because
 * roundTo scaled it by 100 to Infinity). Numbers of magnitude 2^52 or more have no decimals: they come back as
 * they are; non-finite numbers too (the caller decides), and `finite` turns them into null.
 */
import { finite, round2, roundScaled, roundTo } from "../../src/engine/score";

describe("numbers past 2^52 and non-finite numbers (nothing to round, nothing to overflow)", () => {
  const HUGE = 1.797693134862316e306;
  test.each([HUGE, -HUGE, Number.MAX_VALUE, -Number.MAX_VALUE, 2 ** 52, 2 ** 53 + 2])("roundTo(%p) is the number itself", (x) => {
    expect(roundTo(x, 2)).toBe(x);
    expect(roundTo(x, 4)).toBe(x);
    expect(roundScaled(x, 6)).toBe(x);
  });
  test("non-finite numbers come back as they are (the caller decides)", () => {
    expect(roundTo(Infinity, 2)).toBe(Infinity);
    expect(Number.isNaN(roundTo(NaN, 2))).toBe(true);
  });
  test("denormals round to 0", () => {
    expect(round2(5e-324)).toBe(0);
    expect(Object.is(round2(-5e-324), 0)).toBe(true);
  });
  test("amounts of ten billion and more keep their cents (12 significant digits would cut them)", () => {
    expect(round2(12345678901.23)).toBe(12345678901.23);
    expect(round2(1234567890123.45)).toBe(1234567890123.45);
    expect(round2(99999999999.995)).toBe(100000000000);
  });
  test("roundScaled is Math.round(x × 10^k) / 10^k below 2^52", () => {
    for (const x of [0.125, -0.125, 14.475, 1.005, 123.456789, -0.5]) {
      expect(roundScaled(x, 2)).toBe(Math.round(x * 100) / 100);
      expect(roundScaled(x, 6)).toBe(Math.round(x * 1e6) / 1e6);
    }
  });
  test("finite", () => {
    expect(finite(1)).toBe(1);
    expect(finite(Infinity)).toBeNull();
    expect(finite(NaN)).toBeNull();
    expect(finite(null)).toBeNull();
  });
});
