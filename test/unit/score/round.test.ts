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
