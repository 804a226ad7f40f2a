import type { ProjectRule } from "../types";
import { reviewData, pts, totalCell } from "./shared";

const ORDER = { 优: 3, 良: 2, 中: 1, 差: 0 } as const;

/** The self-assessment's grade differs from the spot-check grade. */
export const rule: ProjectRule = {
  id: "spotcheck/grade-changed",
  severity: "warning",
  title: { zh: "复核后等级变化", en: "Grade changed on review" },
  scope: "project",
  docs: {
    zh:
      "自评等级与抽查复核等级不同。自评等级按自评得分（所填总分，未填时取核算总分）和方案的等级线确定；复核等级取复核表所填等级，" +
      "未填时按复核得分计算。结果指向自评表的总分单元格。",
    en:
      "The self-assessment's grade differs from the spot-check grade. The self grade comes from the self-score (stated 总分, else computed) " +
      "and the profile's grade thresholds; the review grade is the one on the spot-check list, else computed from the review score. Points at the 总分 cell.",
  },
  message: {
    zh: (d) =>
      `自评等级为“${d.selfGrade}”（${pts(d.selfScore)}分），抽查复核等级为“${d.reviewGrade}”（${pts(d.reviewScore)}分），等级${d.direction === "down" ? "下调" : "上调"}。复核结果见${d.reviewRef}。`,
    en: (d) =>
      `Self-assessed grade ${d.selfGrade} (${pts(d.selfScore)}) but the spot check gives ${d.reviewGrade} (${pts(d.reviewScore)}): ${d.direction === "down" ? "downgraded" : "upgraded"}. Review at ${d.reviewRef}.`,
  },
  suggestion: {
    zh: () => "按抽查复核结果调整评价等级，并核实自评评分依据；结果应用（预算安排）以复核等级为准。",
    en: () => "Adjust the grade to the spot-check result and verify the scoring evidence; use the reviewed grade when applying results to the budget.",
  },
  check(p) {
    const self = p.grade;
    const review = p.review?.grade ?? null;
    if (!self || !review || self === review) return [];
    return [{ cell: totalCell(p), data: { ...reviewData(p), direction: ORDER[review] < ORDER[self] ? "down" : "up" } }];
  },
};
