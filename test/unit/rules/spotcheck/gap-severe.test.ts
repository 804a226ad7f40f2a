import { rule } from "../../../../src/engine/rules/spotcheck/gap-severe";
import { testRule } from "../../../helpers/rule-tester";
import { makeProject } from "../../../helpers/factories";
import { makeReview } from "../../../helpers/review-factory";

const NAME = "公共文化场馆免费开放";
const self = (statedTotal: number) => makeProject({ name: NAME, statedTotal, statedTotalCell: "I30" });
const review = (score: number) => makeReview({ name: NAME, score, location: { file: "r.xlsx", sheet: "抽查复核汇总", cell: "C5" } });

testRule(rule, {
  valid: [
    { name: "gap just below 20", project: self(90), reviews: [review(70.01)] },
    { name: "gap of 10 is spotcheck/gap", project: self(90), reviews: [review(80)] },
    { name: "--severe-gap 30 raises the threshold", project: self(90), reviews: [review(65)], options: { severeGap: 30 } },
    { name: "no review", project: self(90) },
  ],
  invalid: [
    {
      name: "gap of exactly 20 points",
      project: self(90),
      reviews: [review(70)],
      hits: [{ cell: "I30", project: NAME, data: { selfScore: 90, reviewScore: 70, gap: -20, absGap: 20, threshold: 20, reviewRef: "[r.xlsx]抽查复核汇总!C5" } }],
    },
    { name: "98 vs 58", project: self(98), reviews: [review(58)], hits: [{ data: { absGap: 40 } }] },
    { name: "upward severe gap", project: self(60), reviews: [review(85)], hits: [{ data: { gap: 25 } }] },
    { name: "--severe-gap 15", project: self(90), reviews: [review(75)], options: { severeGap: 15 }, hits: [{ data: { absGap: 15, threshold: 15 } }] },
    {
      name: "--gap does not move the severe threshold",
      project: self(90),
      reviews: [review(68)],
      options: { gap: 25 },
      hits: [{ data: { absGap: 22, threshold: 20 } }],
    },
  ],
});
