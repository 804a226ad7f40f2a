import { rule } from "../../../../src/engine/rules/spotcheck/gap";
import { testRule } from "../../../helpers/rule-tester";
import { makeProject } from "../../../helpers/factories";
import { makeReview } from "../../../helpers/review-factory";
import { getProfile } from "../../../../src/engine/profiles";

const NAME = "社区居家养老服务补贴项目";
const self = (statedTotal: number | null, extra = {}) => makeProject({ name: NAME, statedTotal, statedTotalCell: statedTotal === null ? null : "I24", ...extra });
const review = (score: number | null, extra = {}) => makeReview({ name: NAME, score, location: { file: "06.xlsx", sheet: "抽查复核汇总", cell: "F3" }, ...extra });

testRule(rule, {
  valid: [
    { name: "gap just below 10", project: self(90), reviews: [review(80.01)] },
    { name: "upward gap just below 10", project: self(80), reviews: [review(89.99)] },
    { name: "a gap of exactly 20 is spotcheck/gap-severe, not this rule", project: self(90), reviews: [review(70)] },
    { name: "a larger severe gap", project: self(98), reviews: [review(58)] },
    { name: "no review at all", project: self(90) },
    { name: "review with a grade but no score", project: self(90), reviews: [review(null, { grade: "良" })] },
    { name: "--gap 15 raises the threshold", project: self(90), reviews: [review(76)], options: { gap: 15 } },
    { name: "a review row for another project", project: self(90), reviews: [makeReview({ name: "农村饮水安全工程维修养护", score: 50 })] },
  ],
  invalid: [
    {
      name: "gap of exactly 10 points at the 总分 cell, review cell in the data",
      project: self(90),
      reviews: [review(80)],
      hits: [{ cell: "I24", project: NAME, sheet: "Sheet1", data: { selfScore: 90, reviewScore: 80, gap: -10, absGap: 10, threshold: 10, reviewSheet: "抽查复核汇总", reviewCell: "F3", reviewRef: "[06.xlsx]抽查复核汇总!F3" } }],
    },
    {
      name: "example 06: 94.54 vs 81.31",
      project: self(94.54),
      reviews: [review(81.31)],
      hits: [{ cell: "I24", data: { gap: -13.23, absGap: 13.23 } }],
    },
    {
      name: "upward gap counts too (review − self > 0)",
      project: self(70),
      reviews: [review(80)],
      hits: [{ data: { gap: 10, absGap: 10 } }],
    },
    {
      name: "just below the severe threshold",
      project: self(90),
      reviews: [review(70.01)],
      hits: [{ data: { absGap: 19.99 } }],
    },
    {
      name: "self-score is the computed total when no 总分 is stated (points at the form)",
      project: self(null),
      reviews: [review(0)],
      options: { severeGap: 50 },
      hits: [{ cell: "B4", data: { selfScore: 10, absGap: 10, threshold: 10 } }],
    },
    {
      name: "--gap 5 lowers the threshold",
      project: self(90),
      reviews: [review(85)],
      options: { gap: 5 },
      hits: [{ data: { absGap: 5, threshold: 5 } }],
    },
    {
      name: "--severe-gap 30 keeps a 25-point gap here",
      project: self(90),
      reviews: [review(65)],
      options: { severeGap: 30 },
      hits: [{ data: { absGap: 25 } }],
    },
    {
      name: "the profile's thresholds apply when no option is given",
      project: self(90),
      reviews: [review(84)],
      options: { profile: { ...getProfile("national"), gap: 6 } },
      hits: [{ data: { threshold: 6 } }],
    },
  ],
});
