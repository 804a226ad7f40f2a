import { rule } from "../../../../src/engine/rules/spotcheck/grade-changed";
import { testRule } from "../../../helpers/rule-tester";
import { makeProject } from "../../../helpers/factories";
import { makeReview } from "../../../helpers/review-factory";
import { getProfile } from "../../../../src/engine/profiles";

const NAME = "农村饮水安全工程维修养护";
const self = (statedTotal: number) => makeProject({ name: NAME, statedTotal, statedTotalCell: "I23" });
const review = (score: number | null, grade: "优" | "良" | "中" | "差" | null = null) =>
  makeReview({ name: NAME, score, grade, location: { file: "r.xlsx", sheet: "抽查复核汇总", cell: "C4" } });

testRule(rule, {
  valid: [
    { name: "same grade (94.25 vs 90.5, both 优)", project: self(94.25), reviews: [review(90.5, "优")] },
    { name: "exactly 90 on both sides of the gap is still 优", project: self(99), reviews: [review(90)] },
    { name: "80 is 良 like 89.99", project: self(89.99), reviews: [review(80)] },
    { name: "60 is 中 like 79.99", project: self(79.99), reviews: [review(60)] },
    { name: "no review grade and no score", project: self(95), reviews: [review(null)] },
    { name: "no review", project: self(95) },
  ],
  invalid: [
    {
      name: "优 → 良 (example 06), at the 总分 cell",
      project: self(94.54),
      reviews: [review(81.31, "良")],
      hits: [{ cell: "I23", project: NAME, data: { selfGrade: "优", reviewGrade: "良", direction: "down", selfScore: 94.54, reviewScore: 81.31, reviewCell: "C4" } }],
    },
    { name: "90 vs 89.99: 优 → 良 computed from the review score", project: self(90), reviews: [review(89.99)], hits: [{ data: { selfGrade: "优", reviewGrade: "良" } }] },
    { name: "80 vs 79.99: 良 → 中", project: self(80), reviews: [review(79.99)], hits: [{ data: { selfGrade: "良", reviewGrade: "中" } }] },
    { name: "60 vs 59.99: 中 → 差", project: self(60), reviews: [review(59.99)], hits: [{ data: { reviewGrade: "差" } }] },
    { name: "the list's grade wins over its score", project: self(95), reviews: [review(92, "良")], hits: [{ data: { reviewGrade: "良", reviewScore: 92 } }] },
    { name: "a grade with no score", project: self(95), reviews: [review(null, "中")], hits: [{ data: { reviewGrade: "中", reviewScore: null } }] },
    { name: "upgraded", project: self(85), reviews: [review(91)], hits: [{ data: { selfGrade: "良", reviewGrade: "优", direction: "up" } }] },
    {
      name: "grade lines follow the profile",
      project: self(86),
      reviews: [review(84)],
      options: { profile: { ...getProfile("national"), grades: { 优: 85, 良: 75, 中: 60 } } },
      hits: [{ data: { selfGrade: "优", reviewGrade: "良" } }],
    },
  ],
});
