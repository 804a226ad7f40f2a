import { num, str } from "../format";
import { EPS, scoreRulesApply, sheetWeighted } from "./common";
import type { Hit, ProjectRule } from "../types";

/**
 * A stated score above its weight (SPEC §5 score/exceeds-weight): an indicator's 得分 above its 分值,
 * the execution score above the execution weight, or the stated 总分 above 100.
 *
 * - Forms with score columns (self-assessments and department-level forms); not goal tables.
 * - Only stated scores are compared (computed scores never exceed their weights). The execution weight
 *   is the stated one, else the profile's.
 * - Any excess counts (2-decimal numbers; no tolerance beyond float noise).
 * - score/band, score/formula and budget/score-mismatch stay silent on a score this rule reports.
 */
export const rule: ProjectRule = {
  id: "score/exceeds-weight",
  severity: "error",
  title: { zh: "得分超过分值", en: "Score above its weight" },
  scope: "project",
  docs: {
    zh: "得分不能超过分值：三级指标得分不超过其分值，执行率得分不超过执行率分值，自评总分不超过100分。",
    en: "A score may not exceed its weight: an indicator's score its weight, the execution score the execution weight, the total 100.",
  },
  message: {
    zh: (d) =>
      d.kind === "total"
        ? `自评总分${num(d.score as number)}分，超过满分100分。`
        : d.kind === "execution"
          ? `预算执行率得分${num(d.score as number)}分，超过其分值${num(d.weight as number)}分。`
          : `指标“${str(d.name)}”得分${num(d.score as number)}分，超过其分值${num(d.weight as number)}分。`,
    en: (d) =>
      d.kind === "total"
        ? `The total score ${num(d.score as number)} is above the maximum of 100.`
        : d.kind === "execution"
          ? `The budget execution score ${num(d.score as number)} is above its weight ${num(d.weight as number)}.`
          : `Indicator "${str(d.name)}" scores ${num(d.score as number)}, above its weight ${num(d.weight as number)}.`,
  },
  suggestion: {
    zh: (d) =>
      d.kind === "total"
        ? "核对各项得分及总分，总分最高为100分。"
        : `得分最高为分值${num(d.weight as number)}分（超额完成不加分），请据实更正。`,
    en: (d) =>
      d.kind === "total"
        ? "Check the scores and the total; the total is at most 100."
        : `The score is at most the weight ${num(d.weight as number)} (over-achievement earns no extra points); correct it.`,
  },
  check(p) {
    if (!scoreRulesApply(p)) return [];
    const hits: Hit[] = [];
    const b = p.budget;
    if (b && b.score !== null && b.weight !== null && b.score > b.weight + EPS) {
      hits.push({ cell: b.cells.score ?? b.cells.total, data: { kind: "execution", name: null, score: b.score, weight: b.weight } });
    }
    for (const i of sheetWeighted(p)) {
      if (i.score !== null && i.score > i.weight + EPS) {
        hits.push({ cell: i.cells.score ?? i.cell, data: { kind: "indicator", name: i.name, score: i.score, weight: i.weight } });
      }
    }
    if (p.statedTotal !== null && p.statedTotal > 100 + EPS) {
      hits.push({ cell: p.statedTotalCell, data: { kind: "total", name: null, score: p.statedTotal, weight: 100 } });
    }
    return hits;
  },
};
