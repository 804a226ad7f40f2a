import { num } from "../format";
import { differs, scoreRulesApply, sheetWeighted, sum2 } from "./common";
import type { ProjectRule } from "../types";

const TOLERANCE = 0.01;

/**
 * Stated 总分 ≠ stated execution score + Σ stated indicator scores (SPEC §5 score/total-mismatch).
 *
 * - Forms with score columns (self-assessments and department-level forms); not goal tables.
 * - Only when every part is stated: the 总分, the execution score, and a score on every indicator that
 *   has a weight (indicators with neither weight nor score add nothing). A missing part is not a
 *   mismatch: the computed total covers it.
 * - Tolerance 0.01. Points at the stated total.
 */
export const rule: ProjectRule = {
  id: "score/total-mismatch",
  severity: "error",
  title: { zh: "总分与各项得分合计不符", en: "Total differs from the sum of scores" },
  scope: "project",
  docs: {
    zh: "自评总分应等于执行率得分与各指标得分之和（容差0.01）；仅在各项得分均已填写时检查。",
    en: "The stated total must equal the execution score plus the indicator scores (tolerance 0.01); checked only when every part is stated.",
  },
  message: {
    zh: (d) =>
      `自评总分填报${num(d.stated as number)}分，而执行率得分${num(d.execution as number)}分与${num(d.count as number)}项指标得分${num(d.indicators as number)}分合计为${num(d.sum as number)}分，相差${num(Math.abs(d.diff as number))}分。`,
    en: (d) =>
      `The stated total is ${num(d.stated as number)}, but the execution score ${num(d.execution as number)} plus the ${num(d.count as number)} indicator scores ${num(d.indicators as number)} add up to ${num(d.sum as number)} (${num(Math.abs(d.diff as number))} apart).`,
  },
  suggestion: {
    // When the weights themselves do not add up to 100 (weight/total fires on the same form), correcting the total to
    // the sum of scores would carry the wrong weights into it: one piece of advice, weights first.
    zh: (d) =>
      typeof d.weightTotal === "number"
        ? `各项分值合计为${num(d.weightTotal)}分，不是100分（见“分值合计不为 100”问题）：先调整各项分值使其合计为100分，再按调整后的分值重新计算各项得分，总分填写各项得分之和。`
        : `核对各项得分，将总分更正为${num(d.sum as number)}分（或更正有误的分项得分）。`,
    en: (d) =>
      typeof d.weightTotal === "number"
        ? `The weights add up to ${num(d.weightTotal)}, not 100 (see "Weights do not add up to 100"): first correct the weights so that they add up to 100, then score each indicator against its corrected weight and state the sum of the scores as the total.`
        : `Check the scores and correct the total to ${num(d.sum as number)} (or the wrong part).`,
  },
  check(p, ctx) {
    if (!scoreRulesApply(p)) return [];
    const stated = p.statedTotal;
    const execution = p.budget?.score ?? null;
    if (stated === null || execution === null) return [];
    const parts = p.indicators.filter((i) => i.weightSource !== "profile" && (i.score !== null || (i.weight !== null && i.weight > 0)));
    if (parts.length === 0 || parts.some((i) => i.score === null)) return [];
    const indicators = sum2(parts.map((i) => i.score as number));
    const total = indicators === null ? null : sum2([execution, indicators]);
    if (total !== null && !differs(stated, total, TOLERANCE)) return [];
    // The weights in force, added as weight/total adds them (execution weight + the sheet's indicator weights).
    const weighted = sheetWeighted(p);
    const executionWeight = p.budget?.weight ?? p.budget?.statedWeight ?? ctx.profile.executionWeight;
    const weights = weighted.length ? sum2([executionWeight, ...weighted.map((i) => i.weight)]) : null;
    const weightTotal = weights !== null && differs(weights, 100, TOLERANCE) ? weights : null;
    return [
      {
        cell: p.statedTotalCell,
        data: { stated, sum: total, execution, indicators, count: parts.length, diff: total === null ? null : sum2([stated, -total]), weightTotal },
      },
    ];
  },
};
