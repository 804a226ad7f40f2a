import { rule } from "../../../../src/engine/rules/spotcheck/poor";
import { testRule } from "../../../helpers/rule-tester";
import { makeProject } from "../../../helpers/factories";
import { makeReview, makeReviewDetail } from "../../../helpers/review-factory";

const self = (name: string, statedTotal = 90) => makeProject({ id: `a.xlsx!${name}!1`, name, statedTotal, statedTotalCell: "I24" });
const loc = (cell: string) => ({ file: "06.xlsx", sheet: "抽查复核汇总", cell });

testRule(rule, {
  valid: [
    { name: "review 60 is 中", project: self("甲"), reviews: [makeReview({ name: "甲", score: 60, location: loc("C3") })] },
    { name: "review graded 中 even though the score is low", project: self("甲"), reviews: [makeReview({ name: "甲", score: 55, grade: "中" })] },
    { name: "unmatched review graded 良", reviews: [makeReview({ name: "乙", score: 85, grade: "良" })] },
    { name: "unmatched per-indicator sheet only (no score to grade)", reviews: [makeReviewDetail("乙", [{ name: "指标", score: 1 }])] },
    { name: "the self-assessment is 差 but the review is not", project: self("甲", 50), reviews: [makeReview({ name: "甲", score: 70 })] },
  ],
  invalid: [
    {
      name: "a reviewed project graded 差: points at its 总分",
      project: self("甲"),
      reviews: [makeReview({ name: "甲", score: 58, grade: "差", location: loc("C3") })],
      hits: [{ cell: "I24", project: "甲", sheet: "Sheet1", data: { reviewGrade: "差", reviewScore: 58, selfScore: 90, matched: "yes", reviewRef: "[06.xlsx]抽查复核汇总!C3" } }],
    },
    {
      name: "差 computed from a review score of 59.99",
      project: self("甲"),
      reviews: [makeReview({ name: "甲", score: 59.99 })],
      hits: [{ data: { reviewGrade: "差" } }],
    },
    {
      name: "a review row with no self-assessment (公共文化场馆免费开放): at the review row",
      project: self("甲"),
      reviews: [makeReview({ name: "公共文化场馆免费开放", department: "区文旅局", selfScore: 98, score: 58, grade: "差", location: loc("C5") })],
      hits: [{ cell: "C5", project: "公共文化场馆免费开放", sheet: "抽查复核汇总", data: { matched: "no", listedSelfScore: 98, reviewScore: 58, reviewRef: "抽查复核汇总!C5" } }],
    },
    {
      name: "an unmatched list row and its detail sheet give one finding",
      reviews: [
        makeReviewDetail("丙", [{ name: "指标", score: 1 }]),
        makeReview({ name: "丙", grade: "差", location: loc("C7") }),
      ],
      hits: [{ cell: "C7", project: "丙", data: { reviewScore: null } }],
    },
  ],
});
