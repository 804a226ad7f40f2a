import { normalizeUnit, reconcile, splitUnit } from "../../../src/engine/score";
import { makeValue, num, qual } from "../../helpers/factories";

describe("normalizeUnit", () => {
  test.each([
    ["％", "%"],
    ["百分比", "%"],
    [" 万 元 ", "万元"],
    ["元/人·年", "元/人/年"],
    ["元／人•年", "元/人/年"],
    ["ＫＭ", "km"],
    ["", null],
    [null, null],
  ])("%p → %p", (u, n) => expect(normalizeUnit(u)).toBe(n));
});

describe("splitUnit", () => {
  test.each([
    ["万元", 1e4, "元"],
    ["亿元", 1e8, "元"],
    ["万人", 1e4, "人"],
    ["万人次", 1e4, "人次"],
    ["万平方米", 1e4, "平方米"],
    ["公里", 1000, "米"],
    ["千米", 1000, "米"],
    ["万元/人", 1e4, "元/人"],
    ["人", 1, "人"],
    ["%", 1, "%"],
    ["‰", 0.1, "%"],
  ])("%p = %p × %p", (u, scale, base) => expect(splitUnit(u)).toEqual({ scale, base }));
});

describe("reconcile", () => {
  test.each<[string, string | number, string | number, { a: number; b: number } | null]>([
    ["same unit", "≥1200人", "1136人", { a: 1200, b: 1136 }],
    ["万元 vs 元", "≤4.5万元", "42600元", { a: 4.5, b: 4.26 }],
    ["元 vs 万元", "≤45000元", "4.26万元", { a: 45000, b: 42600 }],
    ["万人 vs 人", "≥8.5万人", "82000人", { a: 8.5, b: 8.2 }],
    ["公里 vs 米", "≥2公里", "1800米", { a: 2, b: 1.8 }],
    ["actual without unit", "≥40处", 38, { a: 40, b: 38 }],
    ["target without unit", 40, "38处", { a: 40, b: 38 }],
    ["fraction vs percent", "≥70%", 0.724, { a: 70, b: 72.4 }],
    ["percent vs fraction target", 0.95, "96%", { a: 95, b: 96 }],
    ["1 as a fraction of 100%", "100%", 1, { a: 100, b: 100 }],
    ["small percent stays", "≤1%", 0.5, { a: 1, b: 0.5 }],
    ["‰ vs %", "≤0.5%", "3‰", { a: 0.5, b: 0.3 }],
    ["人 vs 户", "≥100人", "90户", null],
    ["天 vs 小时", "≤3天", "48小时", null],
    ["% vs 万元", "≥90%", "95万元", null],
  ])("%s", (_label, t, a, expected) => {
    const r = reconcile(makeValue(t), makeValue(a));
    if (expected === null) expect(r).toBeNull();
    else {
      expect(r).not.toBeNull();
      expect(r!.a).toBeCloseTo(expected.a, 10);
      expect(r!.b).toBeCloseTo(expected.b, 10);
    }
  });

  test("non-numbers do not reconcile", () => {
    expect(reconcile(num(">=", 1, "个"), qual("完成"))).toBeNull();
    expect(reconcile(qual("有效"), num(null, 1, "个"))).toBeNull();
  });

  test("scaled values lose their float noise", () => {
    expect(reconcile(num(">=", 8.5, "万人"), num(null, 82000, "人"))!.b).toBe(8.2);
  });
});
