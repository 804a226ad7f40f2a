import type { Hit, RunRule } from "../types";
import { indicatorReviewSource } from "../../match";
import { finite, roundScaled } from "../../score/round";
import { num, pct } from "../format";
import { EPS, cellRef } from "./shared";

/**
 * A per-indicator review score below the self score by at least profile.indicatorGapRatio (30%) of the
 * indicator's weight. Self score: the stated 得分, else the computed one. Points at the review cell when
 * the review column is on the self-assessment itself, else at the indicator's score cell, naming the
 * review sheet.
 */
export const rule: RunRule = {
  id: "spotcheck/indicator-gap",
  severity: "warning",
  title: { zh: "指标复核得分明显低于自评", en: "Indicator review score well below self score" },
  scope: "run",
  docs: {
    zh:
      "单项指标的抽查复核得分比自评得分低，且差额达到该指标分值的30%（方案参数 indicatorGapRatio）及以上。自评得分取所填得分，未填时取核算得分。" +
      "复核得分在自评表的复核列时指向该复核单元格，来自单独的复核表（如“实际绩效”）时指向自评表的得分单元格并注明复核表位置。",
    en:
      "An indicator's spot-check score is below its self score by at least 30% of its weight (profile indicatorGapRatio). The self score is the stated one, else the computed one. " +
      "Points at the review cell when the review column is on the self-assessment, else at the indicator's score cell and names the review sheet.",
  },
  message: {
    zh: (d) =>
      `指标“${d.indicator}”自评得分${num(d.selfScore as number)}分，抽查复核得分${num(d.reviewScore as number)}分（${d.reviewRef}），` +
      `低${num(d.drop as number)}分，达到该指标分值${num(d.weight as number)}分的${pct(d.dropRatio as number)}（≥${pct(d.ratio as number)}）。` +
      (d.note ? `复核说明：${d.note}。` : ""),
    en: (d) =>
      `Indicator "${d.indicator}": self score ${num(d.selfScore as number)}, spot-check score ${num(d.reviewScore as number)} (${d.reviewRef}), ` +
      `${num(d.drop as number)} points lower, ${pct(d.dropRatio as number)} of its weight ${num(d.weight as number)} (≥ ${pct(d.ratio as number)}).` +
      (d.note ? ` Review note: ${d.note}.` : ""),
  },
  suggestion: {
    zh: () => "核实该指标的实际完成值和佐证材料，按抽查核实的完成值重新计算得分。",
    en: () => "Verify the indicator's actual value and evidence, and re-score it with the value the spot check verified.",
  },
  check(run, ctx) {
    const hits: Hit[] = [];
    const ratio = ctx.profile.indicatorGapRatio;
    for (const p of run.projects) {
      if (p.template === "goal") continue;
      for (const ind of p.indicators) {
        const review = ind.review?.score ?? null;
        const self = ind.score ?? ind.computedScore;
        const w = ind.weight;
        if (review === null || self === null || w === null || w <= 0) continue;
        // null: two scores near ±1.8e308 whose difference is no number; nothing to compare.
        const drop = finite(roundScaled(self - review, 2));
        if (drop === null || drop <= 0 || drop < ratio * w - EPS) continue;
        const src = indicatorReviewSource(p, ind, run.reviews, run.reviewMatches);
        const onForm = src?.onForm ?? true;
        const cell = onForm ? (ind.cells.reviewScore ?? ind.review?.cell ?? ind.cell) : (ind.cells.score ?? ind.cell);
        hits.push({
          cell,
          project: p,
          data: {
            indicator: ind.name,
            selfScore: self,
            reviewScore: review,
            weight: w,
            drop,
            dropRatio: finite(drop / w),
            ratio,
            note: ind.review?.note ?? null,
            reviewFile: src?.file ?? null,
            reviewSheet: src?.sheet ?? null,
            reviewCell: src?.cell ?? null,
            reviewRef: src ? cellRef(src, p.location.file) : "—",
          },
        });
      }
    }
    return hits;
  },
};
