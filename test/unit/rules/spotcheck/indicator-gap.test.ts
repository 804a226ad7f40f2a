import { rule } from "../../../../src/engine/rules/spotcheck/indicator-gap";
import { testRule } from "../../../helpers/rule-tester";
import { makeIndicator, makeProject, type IndicatorInit } from "../../../helpers/factories";
import { makeReviewDetail } from "../../../helpers/review-factory";
import type { Indicator } from "../../../../src/engine/model";
import { getProfile } from "../../../../src/engine/profiles";

const NAME = "社区居家养老服务补贴项目";
const ind = (name: string, weight: number, score: number | null, extra: IndicatorInit = {}) =>
  makeIndicator({ name, weight, score, cell: "E18", cells: { name: "E18", target: "F18", actual: "G18", weight: "H18", score: "I18", reason: "J18", reviewScore: null }, ...extra });
const self = (...indicators: Indicator[]) => makeProject({ name: NAME, indicators });
const detail = (rows: { name: string; score: number; weight?: number }[]) =>
  makeReviewDetail(NAME, rows, { location: { file: "06.xlsx", sheet: "实际绩效", cell: "A1" } });
/** Review column on the self-assessment itself (K). */
const onForm = (name: string, weight: number, score: number, review: number) =>
  ind(name, weight, score, {
    cells: { name: "E19", target: "F19", actual: "G19", weight: "H19", score: "I19", reason: "J19", reviewScore: "K19" },
    cell: "E19",
    review: { actual: null, score: review, note: null, cell: "K19" },
  });

testRule(rule, {
  valid: [
    { name: "drop just below 30% of the weight", project: self(ind("服务投诉率", 10, 10)), reviews: [detail([{ name: "服务投诉率", score: 7.01 }])] },
    { name: "small drops (example 06: 14.2 → 13.5)", project: self(ind("上门服务老年人数", 15, 14.2)), reviews: [detail([{ name: "上门服务老年人数", score: 13.5, weight: 15 }])] },
    { name: "review above the self score", project: self(ind("服务工单数", 10, 6)), reviews: [detail([{ name: "服务工单数", score: 10 }])] },
    { name: "no review for the indicator", project: self(ind("服务工单数", 10, 10)), reviews: [detail([{ name: "另一个指标", score: 0 }])] },
    { name: "review column on the form with a small drop", project: self(onForm("服务工单数", 10, 10, 8)) },
    { name: "a larger ratio in the profile", project: self(ind("服务投诉率", 10, 10)), reviews: [detail([{ name: "服务投诉率", score: 6 }])], options: { profile: { ...getProfile("national"), indicatorGapRatio: 0.5 } } },
  ],
  invalid: [
    {
      name: "a drop of exactly 30% of the weight, from a detail sheet: at the score cell",
      project: self(ind("服务投诉率", 10, 10)),
      reviews: [detail([{ name: "服务投诉率", score: 7 }])],
      hits: [{ cell: "I18", project: NAME, sheet: "Sheet1", data: { indicator: "服务投诉率", selfScore: 10, reviewScore: 7, weight: 10, drop: 3, ratio: 0.3, reviewSheet: "实际绩效", reviewCell: "C3", reviewRef: "[06.xlsx]实际绩效!C3" } }],
    },
    {
      name: "exactly 30% of a weight of 15 (15 → 10.5)",
      project: self(ind("居家养老服务网络覆盖率", 15, 15)),
      reviews: [detail([{ name: "居家养老服务网络覆盖率", score: 10.5, weight: 15 }])],
      hits: [{ data: { drop: 4.5 } }],
    },
    {
      name: "example 06: 失能老人生活质量改善情况 11 → 5",
      project: self(ind("失能老人生活质量改善情况", 15, 11, { target: "有效改善", actual: "部分达成年度指标并具有一定效果", level1: "effect", level2: "social" })),
      reviews: [detail([{ name: "失能老人生活质量改善情况", score: 5, weight: 15 }])],
      hits: [{ data: { selfScore: 11, reviewScore: 5, drop: 6 } }],
    },
    {
      name: "review column on the self-assessment: at the review cell",
      project: self(onForm("服务工单数", 10, 10, 5)),
      hits: [{ cell: "K19", sheet: "Sheet1", data: { reviewSheet: "Sheet1", reviewCell: "K19", reviewRef: "Sheet1!K19" } }],
    },
    {
      name: "no stated score: the computed score is the self score",
      project: self(ind("服务工单数", 10, null, { target: "≥100个", actual: "100个" })),
      reviews: [detail([{ name: "服务工单数", score: 6 }])],
      hits: [{ data: { selfScore: 10, reviewScore: 6 } }],
    },
  ],
});
