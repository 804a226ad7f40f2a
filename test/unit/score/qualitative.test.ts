import { metDeadline, parseDatePoint, parseDeadline, qualitativeBand } from "../../../src/engine/score";
import { EMPTY, makeValue, qual } from "../../helpers/factories";

const band = (actual: string, target: string, year: number | null = 2023) =>
  qualitativeBand(qual(actual), qual(target), { year });

describe("qualitativeBand: wording", () => {
  test.each([
    // full
    ["达成年度指标", "有效改善", "full"],
    ["达成预期指标", "有效改善", "full"],
    ["有效改善", "有效改善", "full"], // same as the target
    ["有效 改善。", "有效改善", "full"], // same after normalisation
    ["完成", "按要求完成", "full"],
    ["已完成", "按要求完成", "full"],
    ["全部完成", "按要求完成", "full"],
    ["达标", "达标", "full"],
    ["合格", "合格", "full"],
    ["效果明显", "显著提升", "full"],
    ["显著提升", "有效提升", "full"],
    ["良好", "良好", "full"],
    ["制度健全", "健全", "full"],
    ["是", "是", "full"],
    ["是", "有", "full"],
    // partial, checked before the full words they contain
    ["部分达成年度指标并具有一定效果", "有效改善", "partial"],
    ["基本完成", "按要求完成", "partial"],
    ["基本达成", "有效改善", "partial"],
    ["基本达标", "达标", "partial"],
    ["部分完成", "全部完成", "partial"],
    ["具有一定效果", "效果明显", "partial"],
    ["部分未完成", "全部完成", "partial"],
    // unmet, checked before the positive words they contain
    ["未达成年度指标且效果较差", "有效改善", "unmet"],
    ["未完成", "按要求完成", "unmet"],
    ["效果较差", "效果明显", "unmet"],
    ["未达标", "达标", "unmet"],
    ["不合格", "合格", "unmet"],
    ["较差", "良好", "unmet"],
    ["否", "是", "unmet"],
    ["制度不健全", "健全", "unmet"],
    ["效果不明显", "效果明显", "unmet"],
    // nothing happened
    ["无", "无", "full"],
    ["未发生", "不发生", "full"],
    ["0起", "无", "full"],
    // unknown wording
    ["详见附件", "有效改善", null],
    ["正在推进", "有效改善", null],
  ])("%s vs %s → %s", (a, t, expected) => expect(band(a, t)).toBe(expected));

  test("no actual → null", () => {
    expect(qualitativeBand(EMPTY, qual("有效改善"))).toBeNull();
    expect(qualitativeBand(null, qual("有效改善"))).toBeNull();
    expect(qualitativeBand(makeValue("**"), qual("有效改善"))).toBeNull();
  });

  test("the reader's values work too", () => {
    expect(qualitativeBand(makeValue("部分达成年度指标并具有一定效果"), makeValue("有效改善"))).toBe("partial");
  });
});

describe("qualitativeBand: deadlines", () => {
  test.each([
    // example 01: "11月底前" met in mid-December: late → partial
    ["12月中旬", "11月底前", "partial"],
    ["11月底", "11月底前", "full"],
    ["11月28日完成", "11月底前", "full"],
    ["已于11月20日完成", "11月底前", "full"],
    ["12月1日", "11月底前", "partial"],
    ["2023-10-25", "11月底前", "full"],
    ["2023-12-05", "11月底前", "partial"],
    ["2023年10月25日", "2023年10月底前", "full"],
    ["2023年11月2日", "2023年10月底前", "partial"],
    ["2023-10-31", "2023年10月底前", "full"],
    ["11月", "当年11月底前", "full"],
    ["次年3月15日", "次年3月底前", "full"],
    ["次年4月10日", "次年3月底前", "partial"],
    ["2024-03-15", "次年3月底前", "full"], // project year 2023 → 次年 = 2024
    ["2024-04-01", "次年3月底前", "partial"],
    ["12月31日", "12月31日前", "full"],
    ["次年1月5日", "12月31日前", "partial"],
    ["12月中旬", "年底前", "full"],
    ["次年1月", "年底前", "partial"],
    ["12月20日", "12月中旬前", "full"],
    ["12月21日", "12月中旬前", "partial"],
    ["12月中旬", "12月15日前", "partial"], // 中旬 may end on the 20th: not provably on time
    ["5月20日", "6月前", "full"],
    ["6月10日", "6月前", "partial"],
    ["12月25日", "12月底之前完成", "full"],
    // words against a deadline
    ["按时完成", "11月底前", "full"],
    ["提前完成", "11月底前", "full"],
    ["未按时完成", "11月底前", "partial"],
    ["延期完成", "11月底前", "partial"],
    ["未完成", "11月底前", "unmet"],
    ["11月底前", "11月底前", "full"],
  ])("%s vs %s → %s", (a, t, expected) => expect(band(a, t)).toBe(expected));

  test("without a project year, relative deadlines take the actual's year", () => {
    expect(qualitativeBand(qual("2023-10-25"), qual("11月底前"))).toBe("full");
    expect(metDeadline("2023-12-25", "11月底前")).toBe(false);
  });

  test("parseDeadline accepts deadlines and rejects other text", () => {
    expect(parseDeadline("11月底前")).toEqual({ year: null, rel: 0, month: 11, day: 31 });
    expect(parseDeadline("2023年10月底前")).toEqual({ year: 2023, rel: 0, month: 10, day: 31 });
    expect(parseDeadline("次年3月底前")).toEqual({ year: null, rel: 1, month: 3, day: 31 });
    expect(parseDeadline("12月31日前")).toEqual({ year: null, rel: 0, month: 12, day: 31 });
    expect(parseDeadline("年底前")).toEqual({ year: null, rel: 0, month: 12, day: 31 });
    expect(parseDeadline("十一月底前")).toEqual({ year: null, rel: 0, month: 11, day: 31 });
    expect(parseDeadline("6月前")).toEqual({ year: null, rel: 0, month: 6, day: 0 });
    for (const t of ["有效改善", "≤3个月", "3个月内完成", "每月10日前发放", "≥95%", "13月底前"]) {
      expect(parseDeadline(t)).toBeNull();
    }
  });

  test("parseDatePoint reads actual dates", () => {
    expect(parseDatePoint("12月中旬")).toEqual({ year: null, rel: 0, month: 12, day: 20 });
    expect(parseDatePoint("2023-10-25")).toEqual({ year: 2023, rel: 0, month: 10, day: 25 });
    expect(parseDatePoint("2023-10-25 14:30")).toEqual({ year: 2023, rel: 0, month: 10, day: 25 });
    expect(parseDatePoint("2023/10/25")).toEqual({ year: 2023, rel: 0, month: 10, day: 25 });
    expect(parseDatePoint("次年3月15日")).toEqual({ year: null, rel: 1, month: 3, day: 15 });
    expect(parseDatePoint("完成")).toBeNull();
  });
});
