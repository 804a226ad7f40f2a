import { BUILTIN_PROFILES } from "../../../src/engine/profiles";
import { executionRate, scoreBudget } from "../../../src/engine/score";
import { makeBudget } from "../../helpers/factories";

const national = BUILTIN_PROFILES.national;
const hubei = BUILTIN_PROFILES.hubei;

describe("scoreBudget", () => {
  test("example 01: 248 → 231.6: rate 0.9339, score 9.34", () => {
    const b = scoreBudget(makeBudget({ initial: 260, adjusted: 248, executed: 231.6, statedWeight: 10 }), national);
    expect(b.rate).toBe(0.9339);
    expect(b.weight).toBe(10);
    expect(b.computedScore).toBe(9.34);
  });
  test("example 02: 1010 → 887.8: 8.79", () => {
    expect(scoreBudget(makeBudget({ initial: 960, adjusted: 1010, executed: 887.8 }), national).computedScore).toBe(8.79);
  });
  test("example 05: 6105 → 5714.3: rate 0.936, 9.36", () => {
    const b = scoreBudget(makeBudget({ initial: 5620, adjusted: 6105, executed: 5714.3 }), national);
    expect(b.rate).toBe(0.936);
    expect(b.computedScore).toBe(9.36);
  });
  test("execution over 100 %: the rate shows it, the score is capped at the weight", () => {
    const b = scoreBudget(makeBudget({ adjusted: 100, executed: 112 }), national);
    expect(b.rate).toBe(1.12);
    expect(b.computedScore).toBe(10);
  });
  test("falls back to the initial budget when the adjusted one is blank or 0", () => {
    expect(executionRate(makeBudget({ initial: 200, adjusted: null, executed: 150 }))).toBe(0.75);
    expect(executionRate(makeBudget({ initial: 200, adjusted: 0, executed: 150 }))).toBe(0.75);
  });
  test("falls back to the stated rate when amounts are missing", () => {
    const b = scoreBudget(makeBudget({ initial: null, adjusted: null, executed: null, statedRate: 0.8 }), national);
    expect(b.rate).toBe(0.8);
    expect(b.computedScore).toBe(8);
  });
  test("nothing known → null rate and score", () => {
    const b = scoreBudget(makeBudget({ initial: null, adjusted: null, executed: null }), national);
    expect(b.rate).toBeNull();
    expect(b.computedScore).toBeNull();
  });
  test("zero execution scores 0", () => {
    expect(scoreBudget(makeBudget({ adjusted: 50, executed: 0 }), national).computedScore).toBe(0);
  });
  test("weight: the sheet's, else the profile's", () => {
    expect(scoreBudget(makeBudget({ adjusted: 100, executed: 90, statedWeight: 20 }), national).computedScore).toBe(18);
    const fromProfile = scoreBudget(makeBudget({ adjusted: 100, executed: 90, statedWeight: null }), hubei);
    expect(fromProfile.weight).toBe(20);
    expect(fromProfile.computedScore).toBe(18);
    expect(scoreBudget(makeBudget({ adjusted: 100, executed: 90, statedWeight: null }), national).weight).toBe(10);
  });
  test("sub-row sums filled by the reader are used as they are", () => {
    const b = scoreBudget(makeBudget({ adjusted: 180, executed: 162, fromSubRows: true }), national);
    expect(b.computedScore).toBe(9);
    expect(b.fromSubRows).toBe(true);
  });
  test("returns a new object and keeps stated fields", () => {
    const input = makeBudget({ adjusted: 248, executed: 231.6, score: 9.34, statedRate: 0.9339 });
    const out = scoreBudget(input, national);
    expect(out).not.toBe(input);
    expect(input.computedScore).toBeNull();
    expect(out.score).toBe(9.34);
    expect(out.statedRate).toBe(0.9339);
  });
});
