import type { ProjectRule } from "../types";
import { num } from "../format";
import { EPS, absGap, reviewData, totalCell } from "./shared";

/**
 * Self-score and spot-check score differ by at least the severe threshold (profile.severeGap, default 20;
 * `--severe-gap` overrides). Replaces spotcheck/gap for that project.
 */
export const rule: ProjectRule = {
  id: "spotcheck/gap-severe",
  severity: "error",
  title: { zh: "自评与复核差异严重", en: "Severe gap between self and review scores" },
  scope: "project",
  docs: {
    zh:
      "自评得分与抽查复核得分相差达到严重阈值（默认20分，可用 --severe-gap 调整），属于“自评和抽评结果差异较大”，应予通报。" +
      "此时不再报告 spotcheck/gap。结果指向自评表的总分单元格，消息中注明复核表位置。",
    en:
      "The self-score and the spot-check score differ by at least the severe threshold (default 20 points, --severe-gap overrides): " +
      "a large difference to be reported (通报). Replaces spotcheck/gap for the project. Points at the form's 总分 cell and names the review's cell.",
  },
  message: {
    zh: (d) =>
      `自评得分${num(d.selfScore as number)}分，抽查复核得分${num(d.reviewScore as number)}分，相差${num(d.absGap as number)}分（≥${num(d.threshold as number)}分），差异严重。复核结果见${d.reviewRef}。`,
    en: (d) =>
      `Self-score ${num(d.selfScore as number)}, spot-check score ${num(d.reviewScore as number)}: a severe gap of ${num(d.absGap as number)} points (≥ ${num(d.threshold as number)}). Review at ${d.reviewRef}.`,
  },
  suggestion: {
    zh: () => "自评与抽评结果差异较大：予以通报，责令单位核实自评依据并按抽查复核结果重新评分。",
    en: () => "A large self/spot-check difference: report it (通报), have the unit verify its evidence and re-score according to the spot check.",
  },
  check(p, ctx) {
    const abs = absGap(p);
    if (abs === null || abs < ctx.profile.severeGap - EPS) return [];
    return [{ cell: totalCell(p), data: { ...reviewData(p), absGap: abs, threshold: ctx.profile.severeGap } }];
  },
};
