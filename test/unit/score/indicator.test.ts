import { BUILTIN_PROFILES, parseProfile } from "../../../src/engine/profiles";
import {
  bandOf,
  bandRange,
  inBand,
  isOverrun,
  isQualitative,
  isShortfall,
  overrunRatio,
  parseDeadline,
  scoreIndicator,
} from "../../../src/engine/score";
import type { Direction, Value } from "../../../src/engine/model";
import { EMPTY, makeIndicator, num, qual } from "../../helpers/factories";

const national = BUILTIN_PROFILES.national;
const linear = parseProfile({ reverse: "linear" }, "linear.json");
const hubei = BUILTIN_PROFILES.hubei;

function score(
  direction: Direction,
  target: Value | string,
  actual: Value | string | null,
  weight: number | null,
  profile = national,
  stated: number | null = null,
) {
  return scoreIndicator(makeIndicator({ direction, target, actual, weight, score: stated }), profile);
}

describe("higher is better", () => {
  test.each<[string, string, number | null]>([
    ["≥1200人", "1200人", 15],
    ["≥1200人", "1136人", 14.2], // example 01: 15 × 1136/1200
    ["≥40处", "38处", 14.25],
    ["≥95%", "97%", 15],
    ["≥100个", "0个", 0],
    ["≥100个", "250个", 15], // over-achievement never adds points
    [">100个", "100个", 15], // > is scored like ≥
    ["≥100个", "-5个", 0], // a negative actual scores 0, not below
  ])("%s, actual %s, weight 15 → %p", (t, a, expected) => {
    expect(score("higher", t, a, 15).computedScore).toBe(expected);
  });

  test("example 01 project 2: 38 of ≥40处 at weight 20 → 19", () => {
    expect(score("higher", "≥40处", "38处", 20).computedScore).toBe(19);
  });
  test("8.2 of ≥8.5万人 at weight 15 → 14.47 (rounded)", () => {
    expect(score("higher", "≥8.5万人", "8.2万人", 15).computedScore).toBe(14.47);
  });
  test("88% of ≥90% at weight 10 → 9.78", () => {
    expect(score("higher", "≥90%", "88%", 10).computedScore).toBe(9.78);
  });
  test("target 0: any actual ≥ 0 earns the weight", () => {
    expect(score("higher", "≥0个", "0个", 10).computedScore).toBe(10);
    expect(score("higher", "≥0个", "3个", 10).computedScore).toBe(10);
  });
  test("negative target with a shortfall cannot be computed", () => {
    expect(score("higher", num(">=", -5, "%"), num(null, -8, "%"), 10).computedScore).toBeNull();
    expect(score("higher", num(">=", -5, "%"), num(null, -3, "%"), 10).computedScore).toBe(10);
  });
});

describe("lower is better", () => {
  test.each<[string, string, number, number]>([
    // target, actual, ratio score, linear score (weight 10)
    ["≤60件", "60件", 10, 10],
    ["≤60件", "30件", 10, 10],
    ["≤60件", "75件", 8, 7.5], // example 02: 10 × 60/75 = 8; linear 10 × (1 − 15/60)
    ["≤2%", "1.1%", 10, 10],
    ["≤2%", "3%", 6.67, 5],
    ["≤60件", "119件", 5.04, 0.17],
    ["≤60件", "120件", 5, 0], // linear: 0 at B = 2A
    ["≤60件", "200件", 3, 0], // linear: 0 beyond 2A, never negative
    ["≤4.5万元", "42600元", 10, 10], // units reconciled
    ["≤4.5万元", "54000元", 8.33, 8],
  ])("%s, actual %s → ratio %p, linear %p", (t, a, r, l) => {
    expect(score("lower", t, a, 10).computedScore).toBe(r);
    expect(score("lower", t, a, 10, linear).computedScore).toBe(l);
  });

  test("target 0: actual 0 earns the weight, anything above earns 0 (both formulas)", () => {
    for (const p of [national, linear]) {
      expect(score("lower", "≤0起", "0起", 5, p).computedScore).toBe(5);
      expect(score("lower", "≤0起", "1起", 5, p).computedScore).toBe(0);
    }
  });
  test("'无' / '未发生' against a numeric ceiling reads as 0", () => {
    expect(score("lower", "≤0起", qual("无"), 5).computedScore).toBe(5);
    expect(score("lower", "≤5件", qual("未发生"), 5).computedScore).toBe(5);
  });
});

describe("equal", () => {
  test.each<[string, string, number]>([
    ["=100%", "100%", 10],
    ["=100%", "98%", 9.8], // otherwise as higher is better
    ["=100%", "105%", 10],
    ["=0", "0", 10], // A = 0: B ≤ 0 → w
    ["=0", "-1", 10],
    ["=0", "2", 0], // A = 0: B > 0 → 0
  ])("%s, actual %s → %p", (t, a, expected) => {
    expect(score("equal", t, a, 10).computedScore).toBe(expected);
  });
});

describe("direction comes from the row", () => {
  test("the reader's direction wins over the operator", () => {
    // A cost row the reader marked lower-is-better although written without ≤.
    expect(score("lower", "2000元/人·年", "2500元/人·年", 5).computedScore).toBe(4);
    expect(score("higher", "2000元/人·年", "2500元/人·年", 5).computedScore).toBe(5);
  });
  test("direction 'qualitative' with two numbers falls back to the operator", () => {
    expect(score("qualitative", "≤60件", "75件", 10).computedScore).toBe(8);
    expect(score("qualitative", "≥100个", "80个", 10).computedScore).toBe(8);
  });
});

describe("cannot compute → null", () => {
  test.each<[string, Value | string, Value | string | null, number | null]>([
    ["no weight", "≥100个", "80个", null],
    ["no actual", "≥100个", EMPTY, 10],
    ["actual missing entirely", "≥100个", null, 10],
    ["worded actual against a number", "≥95%", qual("完成"), 10],
    ["units that do not reconcile", "≥100人", "90户", 10],
    ["placeholder target", "≥**人次", "100人次", 10],
  ])("%s", (_l, t, a, w) => {
    expect(score("higher", t, a, w).computedScore).toBeNull();
  });
});

describe("overrun", () => {
  test.each<[Direction, string, string, boolean]>([
    ["higher", "≥100个", "130个", true], // exactly 1.3
    ["higher", "≥100个", "129.99个", false], // just below
    ["higher", "≥100个", "200个", true],
    ["higher", "≥1.2万人", "15600人", true], // 1.56 万人 / 1.2 = 1.3, across units
    ["equal", "=100%", "130%", true],
    ["lower", "≤2%", "1.1%", false], // lower-is-better never overruns (example 01 expects no finding)
    ["lower", "≤100件", "50件", false],
    ["higher", "≥0个", "5个", false], // no ratio against 0
  ])("%s %s → %s: %s", (d, t, a, expected) => {
    const ind = makeIndicator({ direction: d, target: t, actual: a, weight: 10 });
    expect(isOverrun(ind, national)).toBe(expected);
    expect(scoreIndicator(ind, national).overrun).toBe(expected);
  });

  test("over-achievement is flagged but adds no points", () => {
    expect(score("higher", "≥100个", "150个", 10)).toEqual({ computedScore: 10, band: null, overrun: true });
  });
  test("the ratio follows the profile", () => {
    const strict = parseProfile({ overrunRatio: 1.1 }, "strict.json");
    const ind = makeIndicator({ direction: "higher", target: "≥100个", actual: "112个" });
    expect(isOverrun(ind, national)).toBe(false);
    expect(isOverrun(ind, strict)).toBe(true);
  });
  test("overrunRatio", () => {
    expect(overrunRatio(makeIndicator({ target: "≥14000单", actual: "14520单" }))).toBeCloseTo(1.0371, 4);
    expect(overrunRatio(makeIndicator({ target: "有效改善", actual: "达成年度指标", direction: "qualitative" }))).toBeNull();
    expect(overrunRatio(makeIndicator({ target: "≥0个", actual: "3个" }))).toBeNull();
  });
});

describe("qualitative bands (national: full [0.8, 1], partial [0.6, 0.8), unmet [0, 0.6))", () => {
  const q = (actual: string, stated: number | null, weight: number | null = 15, profile = national) =>
    scoreIndicator(
      makeIndicator({ direction: "qualitative", target: "有效改善", actual, weight, score: stated }),
      profile,
    );

  test("bandRange", () => {
    expect(bandRange("full", 15, national)).toEqual({ low: 12, high: 15, includesHigh: true });
    expect(bandRange("partial", 15, national)).toEqual({ low: 9, high: 12, includesHigh: false });
    expect(bandRange("unmet", 15, national)).toEqual({ low: 0, high: 9, includesHigh: false });
    expect(bandRange("partial", 15, hubei)).toEqual({ low: 7.5, high: 12, includesHigh: false });
  });

  test.each<[string, number, boolean]>([
    ["partial", 8.99, false],
    ["partial", 9, true],
    ["partial", 11, true], // example 01: 11 of 15
    ["partial", 11.99, true],
    ["partial", 12, false], // the top of partial belongs to full
    ["partial", 12.01, false],
    ["full", 11.99, false],
    ["full", 12, true],
    ["full", 15, true], // full includes the weight
    ["full", 15.01, false],
    ["unmet", 0, true],
    ["unmet", 8.99, true],
    ["unmet", 9, false],
  ])("%s band, stated %p of 15 → inside: %s", (band, s, inside) => {
    expect(inBand(s, band as "full" | "partial" | "unmet", 15, national)).toBe(inside);
  });

  test.each<[string, number | null, number, string]>([
    ["部分达成年度指标并具有一定效果", 11, 11, "partial"], // inside: accepted
    ["部分达成年度指标并具有一定效果", 11.99, 11.99, "partial"],
    ["部分达成年度指标并具有一定效果", 12, 12, "partial"], // outside: band top (= 12 here too)
    ["部分达成年度指标并具有一定效果", 12.01, 12, "partial"], // outside: band top
    ["部分达成年度指标并具有一定效果", 15, 12, "partial"],
    ["部分达成年度指标并具有一定效果", 5, 12, "partial"],
    ["部分达成年度指标并具有一定效果", null, 12, "partial"], // no stated score: band top
    ["达成年度指标", 13, 13, "full"],
    ["达成年度指标", 11, 15, "full"],
    ["达成年度指标", null, 15, "full"],
    ["未达成年度指标且效果较差", 4, 4, "unmet"],
    ["未达成年度指标且效果较差", 10, 9, "unmet"],
    ["未达成年度指标且效果较差", null, 9, "unmet"],
  ])("%s, stated %p → %p (%s)", (actual, stated, computed, band) => {
    expect(q(actual, stated)).toEqual({ computedScore: computed, band, overrun: false });
  });

  test("unknown wording: no band, the stated score stands (clamped to the weight)", () => {
    expect(q("详见附件", 10)).toEqual({ computedScore: 10, band: null, overrun: false });
    expect(q("详见附件", 17)).toEqual({ computedScore: 15, band: null, overrun: false });
    expect(q("详见附件", null)).toEqual({ computedScore: null, band: null, overrun: false });
  });

  test("no weight: the band is still reported", () => {
    expect(q("达成年度指标", null, null)).toEqual({ computedScore: null, band: "full", overrun: false });
  });

  test("hubei bands 80/50/0", () => {
    expect(q("部分达成年度指标并具有一定效果", 8, 15, hubei).computedScore).toBe(8); // [7.5, 12)
    expect(q("部分达成年度指标并具有一定效果", 7.49, 15, hubei).computedScore).toBe(12);
    expect(q("未达成年度指标且效果较差", 7, 15, hubei).computedScore).toBe(7); // [0, 7.5)
    expect(q("未达成年度指标且效果较差", 8, 15, hubei).computedScore).toBe(7.5);
    expect(q("未达成年度指标且效果较差", 8, 15, national).computedScore).toBe(8); // [0, 9) nationally
  });

  test("deadline met late (example 01): stated 7 of 10 is inside partial [6, 8)", () => {
    const ind = makeIndicator({ target: "11月底前", actual: "12月中旬", weight: 10, score: 7, direction: "qualitative" });
    expect(scoreIndicator(ind, national, { year: 2023 })).toEqual({ computedScore: 7, band: "partial", overrun: false });
  });
  test("deadline met on time with no stated score → full weight", () => {
    const ind = makeIndicator({ target: "2023年10月底前", actual: "2023-10-25", weight: 10, direction: "qualitative" });
    expect(scoreIndicator(ind, national).computedScore).toBe(10);
  });
  test("a deadline is scored by date even when the reader called it higher-is-better", () => {
    const ind = makeIndicator({ target: "11月底前", actual: "12月中旬", weight: 10, score: 10, direction: "higher" });
    expect(scoreIndicator(ind, national, { year: 2023 })).toEqual({ computedScore: 8, band: "partial", overrun: false });
  });
});

describe("isShortfall", () => {
  test.each<[Direction, string, string, boolean]>([
    ["higher", "≥1200人", "1136人", true],
    ["higher", "≥1200人", "1200人", false],
    ["lower", "≤60件", "75件", true],
    ["lower", "≤60件", "60件", false],
    ["equal", "=0", "1", true],
    ["equal", "=0", "0", false],
    ["equal", "=100%", "98%", true],
    ["qualitative", "有效改善", "部分达成年度指标并具有一定效果", true],
    ["qualitative", "有效改善", "达成年度指标", false],
    ["qualitative", "11月底前", "12月中旬", true],
  ])("%s %s vs %s → %s", (d, t, a, expected) => {
    expect(isShortfall(makeIndicator({ direction: d, target: t, actual: a }), { year: 2023 })).toBe(expected);
  });

  test("undecidable rows fall back to score < weight", () => {
    expect(isShortfall(makeIndicator({ target: "≥95%", actual: qual("完成"), weight: 10, score: 8 }))).toBe(true);
    expect(isShortfall(makeIndicator({ target: "≥95%", actual: qual("完成"), weight: 10, score: 10 }))).toBe(false);
    expect(isShortfall(makeIndicator({ target: "≥95%", actual: qual("完成"), weight: 10 }))).toBe(false);
  });
});

describe("memoised answers (bandOf keeps bands by year and texts)", () => {
  test("rows sharing one target object, with different actuals or directions, each get their own answer", () => {
    const target = num(">=", 100, "个");
    const met = makeIndicator({ target, actual: "100个", weight: 10 });
    const short = makeIndicator({ target, actual: "80个", weight: 10 });
    const over = makeIndicator({ target, actual: "150个", weight: 10 });
    for (let round = 0; round < 2; round++) {
      expect(isShortfall(met)).toBe(false);
      expect(isShortfall(short)).toBe(true);
      expect(overrunRatio(over)).toBe(1.5);
      expect(overrunRatio(short)).toBe(0.8);
      expect(isOverrun({ ...over, direction: "lower" }, national)).toBe(false);
      expect(isOverrun(over, national)).toBe(true);
    }
  });

  test("the same texts under another year (relative deadlines) or another target are asked afresh", () => {
    const target = qual("11月底前");
    const actual = qual("2023年12月10日");
    for (let round = 0; round < 2; round++) {
      expect(bandOf(actual, target, { year: 2023 })).toBe("partial");
      expect(bandOf(actual, target, { year: 2024 })).toBe("full");
      expect(bandOf(actual, target)).toBe(bandOf(actual, target, { year: null }));
      expect(bandOf(qual("见附件说明"), qual("见附件说明"))).toBe("full"); // the actual repeats the target
      expect(bandOf(qual("见附件说明"), qual("见附表"))).toBe(null);
    }
  });

  test("a target whose kind carries no text counts as no target; an actual without text has no band", () => {
    expect(bandOf(qual("见附件说明"), { ...EMPTY, raw: "见附件说明" })).toBe(null);
    expect(bandOf(qual("见附件说明"), qual("见附件说明"))).toBe("full");
    expect(bandOf({ ...EMPTY, raw: "达成年度指标" }, qual("有效改善"))).toBe(null);
    expect(bandOf(qual("达成年度指标"), null)).toBe("full");
  });
});

describe("isQualitative: a number-looking target that is a deadline is scored by bands", () => {
  // The cheap character test in front of the deadline parser must never change its answer.
  const texts = [
    "12月底前", "12月", "6月前", "年底前", "年底", "次年3月底前", "2023年10月底前", "2023-10-31前", "2023/10前", "2023.10.31前",
    "２０２３－１０－３１前", "２０２３／１０前", "１２月底前", "年末", "底前", "≥95%", "100人", "95.5%", "3.5万元", "≤-2", "1/2",
    "≥1,000人次", "年内", "年度内完成", "全年", "月均100", "每月", "末位", "10-20", "2023", "100%完成",
  ];
  test.each(texts)("%s", (raw) => {
    const row = { direction: "higher" as Direction, target: { raw, kind: "number", op: null, value: 1, unit: null } as Value, actual: num(null, 1) };
    expect(isQualitative(row)).toBe(parseDeadline(raw) !== null);
  });
});
