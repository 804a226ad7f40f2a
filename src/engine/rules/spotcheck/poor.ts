import type { Hit, RunRule } from "../types";
import { unmatchedReviews } from "../../match";
import { pts, reviewData, reviewPlace, reviewRowHit, totalCell } from "./shared";

/**
 * The spot-check grade is 差: for reviewed projects (pointing at the self-assessment's 总分 cell) and for
 * review rows with no self-assessment (pointing at the review row, alongside spotcheck/no-self-assessment).
 */
export const rule: RunRule = {
  id: "spotcheck/poor",
  severity: "error",
  title: { zh: "抽评结果为差", en: "Reviewed as Poor" },
  scope: "run",
  docs: {
    zh:
      "抽查复核结果为“差”（复核表所填等级；未填等级时按复核得分和方案的等级线计算，默认低于60分）。按规定予以通报，并与下年度预算安排挂钩。" +
      "已找到自评表的项目指向其总分单元格；未找到自评表的项目指向复核表中该行（同时报告 spotcheck/no-self-assessment）。",
    en:
      "The spot-check result is 差 (the grade on the list, else computed from the review score with the profile's thresholds; below 60 by default). " +
      "To be reported and tied to next year's budget. Points at the self-assessment's 总分 cell, or at the review row when no self-assessment was found (which also fires spotcheck/no-self-assessment).",
  },
  message: {
    zh: (d) =>
      `抽查复核结果为“差”（复核得分${pts(d.reviewScore)}分）。` +
      (d.matched === "yes" ? `自评得分${pts(d.selfScore)}分。` : `未找到该项目的自评表${typeof d.listedSelfScore === "number" ? `（复核表所列自评得分${pts(d.listedSelfScore)}分）` : ""}。`) +
      `复核结果见${d.reviewRef}。`,
    en: (d) =>
      `The spot-check result is 差 (poor; review score ${pts(d.reviewScore)}).` +
      (d.matched === "yes"
        ? ` Self-score ${pts(d.selfScore)}.`
        : ` No self-assessment was found${typeof d.listedSelfScore === "number" ? ` (self-score ${pts(d.listedSelfScore)} as listed on the review sheet)` : ""}.`) +
      ` Review at ${d.reviewRef}.`,
  },
  suggestion: {
    zh: () => "抽评结果为差：予以通报，责令整改；按绩效结果应用规定核减下年度预算（一般不低于10%）或调整、取消项目。",
    en: () => "A poor spot-check result: report it, require rectification, and cut next year's budget (usually by at least 10%) or adjust or cancel the project.",
  },
  check(run, ctx) {
    const hits: Hit[] = [];
    for (const p of run.projects) {
      if (p.template === "goal" || p.review?.grade !== "差") continue;
      hits.push({ cell: totalCell(p), project: p, data: { ...reviewData(p), matched: "yes" } });
    }
    for (const u of unmatchedReviews(run.reviews, run.reviewMatches, run.projects, ctx.profile)) {
      if (u.grade !== "差") continue;
      hits.push(
        reviewRowHit(u.entry, {
          selfScore: null,
          listedSelfScore: u.entry.selfScore,
          reviewScore: u.score,
          reviewGrade: u.grade,
          ...reviewPlace(u.entry.location),
          matched: "no",
        }),
      );
    }
    return hits;
  },
};
