import { num, pct } from "../format";
import { differs, EPS } from "../score/common";
import type { ProjectRule } from "../types";


/**
 * The stated execution score ≠ min(rate, 1) × execution weight (SPEC §4, §5 budget/score-mismatch),
 * tolerance profile.scoreTolerance (0.01). The computed score is scoring's (`scoreBudget`): the rate from the amounts, else the
 * stated rate; the weight stated in the block, else the profile's.
 *
 * - Silent when either score is missing, and when the stated score exceeds the weight
 *   (score/exceeds-weight reports that). Goal tables have no execution score.
 * - Points at the stated execution score.
 */
export const rule: ProjectRule = {
  id: "budget/score-mismatch",
  severity: "warning",
  title: { zh: "预算执行得分计算错误", en: "Wrong execution score" },
  scope: "project",
  docs: {
    zh: "预算执行率得分应等于执行率（超过100%按100%计）×执行率分值，容差0.01。",
    en: "The execution score must equal min(rate, 100 %) × execution weight, tolerance 0.01.",
  },
  message: {
    zh: (d) =>
      `预算执行率得分填报${num(d.stated as number)}分，按执行率${pct(d.rate as number)}×分值${num(d.weight as number)}分计算应为${num(d.computed as number)}分。`,
    en: (d) =>
      `The execution score is ${num(d.stated as number)}, but rate ${pct(d.rate as number)} × weight ${num(d.weight as number)} gives ${num(d.computed as number)}.`,
  },
  suggestion: {
    zh: (d) => `将预算执行率得分更正为${num(d.computed as number)}分（执行率超过100%的按100%计）。`,
    en: (d) => `Correct the execution score to ${num(d.computed as number)} (a rate above 100 % counts as 100 %).`,
  },
  check(p, ctx) {
    const b = p.budget;
    if (!b || p.template === "goal" || b.score === null || b.computedScore === null || b.rate === null) return [];
    if (b.weight !== null && b.score > b.weight + EPS) return [];
    if (!differs(b.score, b.computedScore, ctx.profile.scoreTolerance)) return [];
    return [
      {
        cell: b.cells.score ?? b.cells.total,
        data: { stated: b.score, computed: b.computedScore, rate: b.rate, weight: b.weight },
      },
    ];
  },
};
