import type { ProjectRule } from "../types";
import { num } from "../format";
import { EPS, absGap, reviewData, totalCell } from "./shared";

/**
 * Self-score and spot-check score differ by at least the gap threshold (profile.gap, default 10 points;
 * `--gap` overrides) but less than the severe threshold: a gap of severeGap or more is reported by
 * spotcheck/gap-severe instead, so a project carries one gap finding.
 */
export const rule: ProjectRule = {
  id: "spotcheck/gap",
  severity: "warning",
  title: { zh: "自评与复核差异较大", en: "Large gap between self and review scores" },
  scope: "project",
  docs: {
    zh:
      "自评得分与抽查复核得分相差达到差异阈值（默认10分，可用 --gap 调整）。自评得分取自评表所填总分，未填时取核算总分；" +
      "差异为复核得分减自评得分。差异达到严重阈值（默认20分）时改报 spotcheck/gap-severe，不重复报告。结果指向自评表的总分单元格，消息中注明复核表位置。",
    en:
      "The self-score and the spot-check score differ by at least the gap threshold (default 10 points, --gap overrides). " +
      "The self-score is the stated 总分, else the computed total; the gap is review − self. A gap at or above the severe " +
      "threshold (default 20) is reported as spotcheck/gap-severe instead, never both. Points at the form's 总分 cell and names the review's cell.",
  },
  message: {
    zh: (d) =>
      `自评得分${num(d.selfScore as number)}分，抽查复核得分${num(d.reviewScore as number)}分，相差${num(d.absGap as number)}分（≥${num(d.threshold as number)}分）。复核结果见${d.reviewRef}。`,
    en: (d) =>
      `Self-score ${num(d.selfScore as number)}, spot-check score ${num(d.reviewScore as number)}: a gap of ${num(d.absGap as number)} points (≥ ${num(d.threshold as number)}). Review at ${d.reviewRef}.`,
  },
  suggestion: {
    zh: () => "核实自评依据和佐证材料，按抽查复核结果调整自评得分，并在复核意见中说明差异原因。",
    en: () => "Check the evidence behind the self-assessment, adjust the self-score to the spot-check result, and explain the difference in the review notes.",
  },
  check(p, ctx) {
    const abs = absGap(p);
    if (abs === null) return [];
    if (abs < ctx.profile.gap - EPS) return [];
    if (abs >= ctx.profile.severeGap - EPS) return [];
    return [{ cell: totalCell(p), data: { ...reviewData(p), absGap: abs, threshold: ctx.profile.gap } }];
  },
};
