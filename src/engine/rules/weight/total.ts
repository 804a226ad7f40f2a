import { num, str } from "../format";
import { differs, scoreRulesApply, sheetWeighted, sum2 } from "../score/common";
import type { ProjectRule } from "../types";


/**
 * Indicator weights + execution weight ≠ 100 (SPEC §5 weight/total).
 *
 * - Applies to self-assessments and department-level forms with score columns; not to goal tables or
 *   forms with no score columns (their weights are the profile's, not the user's).
 * - The execution weight is the one in force: stated in the budget block, else the profile's.
 * - Indicators with no weight count as 0 and are named in the message; when no indicator has a weight
 *   at all there is nothing to add up and the rule stays silent.
 * - The 总分 row's stated weight (usually 100) is quoted as a hint when it disagrees with the rows.
 * - Tolerance profile.scoreTolerance (0.01). Points at the first indicator's weight cell.
 */
export const rule: ProjectRule = {
  id: "weight/total",
  severity: "error",
  title: { zh: "分值合计不为 100", en: "Weights do not add up to 100" },
  scope: "project",
  docs: {
    zh: "预算执行率分值与各项绩效指标分值之和应为100分（容差0.01）。总分行填写的分值仅作提示。无分值列的表（分值按评分标准推算）和目标表不检查。",
    en: "The execution weight plus all indicator weights must add up to 100 (tolerance 0.01). The 总分 row's weight is quoted as a hint. Forms without score columns (weights derived from the profile) and goal tables are not checked.",
  },
  message: {
    zh: (d) =>
      `指标分值合计${num(d.total as number)}分（执行率${num(d.executionWeight as number)}分+指标${num(d.indicatorSum as number)}分），应为100分。` +
      (d.statedTotalWeight !== null && d.statedTotalWeight !== undefined && d.statedTotalWeight !== d.total
        ? `总分行填写为${num(d.statedTotalWeight as number)}分，与各行合计不符。`
        : "") +
      (Number(d.missing) > 0 ? `另有${str(d.missing)}项指标未填写分值。` : ""),
    en: (d) =>
      `Weights add up to ${num(d.total as number)} (execution ${num(d.executionWeight as number)} + indicators ${num(d.indicatorSum as number)}); they must add up to 100.` +
      (d.statedTotalWeight !== null && d.statedTotalWeight !== undefined && d.statedTotalWeight !== d.total
        ? ` The total row states ${num(d.statedTotalWeight as number)}, which the rows do not match.`
        : "") +
      (Number(d.missing) > 0 ? ` ${str(d.missing)} indicator(s) have no weight.` : ""),
  },
  suggestion: {
    zh: (d) => `调整各指标分值，使绩效指标分值合计为${num(d.expectedIndicators as number)}分（100分减去执行率${num(d.executionWeight as number)}分）。`,
    en: (d) => `Adjust the indicator weights so that they add up to ${num(d.expectedIndicators as number)} (100 minus the execution weight ${num(d.executionWeight as number)}).`,
  },
  check(p, ctx) {
    if (!scoreRulesApply(p)) return [];
    const weighted = sheetWeighted(p);
    if (weighted.length === 0) return [];
    const executionWeight = p.budget?.weight ?? p.budget?.statedWeight ?? ctx.profile.executionWeight;
    const indicatorSum = sum2(weighted.map((i) => i.weight));
    const total = indicatorSum === null ? null : sum2([executionWeight, indicatorSum]);
    if (total !== null && !differs(total, 100, ctx.profile.scoreTolerance)) return [];
    const missing = p.indicators.filter((i) => i.weight === null && i.weightSource !== "profile").length;
    return [
      {
        cell: weighted[0].cells.weight ?? weighted[0].cell,
        data: {
          total,
          indicatorSum,
          executionWeight,
          expected: 100,
          expectedIndicators: sum2([100, -executionWeight]),
          statedTotalWeight: p.statedTotalWeight,
          missing,
          indicators: weighted.length,
        },
      },
    ];
  },
};
