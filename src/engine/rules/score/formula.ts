import type { Indicator, Project } from "../../model";
import type { Profile } from "../../profiles/schema";
import { isQualitative, numericDirection, reconcile, roundTo } from "../../score";
import { num, pct, str } from "../format";
import { differs, EPS, scoreRulesApply, sheetWeighted } from "./common";
import type { Hit, ProjectRule } from "../types";

/** How the computed score comes about, for the message ("15×8.2÷8.5"); null when not a plain ratio. */
function formulaText(i: Indicator & { weight: number }, profile: Profile, computed: number): string | null {
  if (computed >= i.weight - EPS) return "met";
  if (!i.actual) return null;
  const r = reconcile(i.target, i.actual);
  if (!r || r.a <= 0 || r.b < 0) return null;
  const w = num(i.weight);
  const a = num(r.a);
  const b = num(r.b);
  switch (numericDirection(i)) {
    case "higher":
    case "equal":
      return `${w}×${b}÷${a}`;
    case "lower":
      return profile.reverse === "linear" ? `${w}×(1−(${b}−${a})÷${a})` : `${w}×${a}÷${b}`;
  }
}

/**
 * Department-level forms state 得分 = 得分系数 × 指标权重. The coefficient is a displayed, rounded ratio:
 * the score agrees with it when coefficient × weight is within the tolerance, or when score ÷ weight
 * rounds to the coefficient at the coefficient's own precision (96 % × 15 vs 14.33: 95.53 % → 96 %).
 */
function agreesWithCoefficient(score: number, coefficient: number, weight: number, tolerance: number): boolean {
  if (!differs(score, coefficient * weight, tolerance)) return true;
  if (weight <= 0) return false;
  const percent = roundTo(coefficient * 100, 6);
  const decimals = Math.min((String(percent).split(".")[1] ?? "").length, 4);
  return roundTo((score / weight) * 100, decimals) === percent;
}

function formulaHit(p: Project, i: Indicator & { weight: number; score: number }, profile: Profile): Hit | null {
  const tol = profile.scoreTolerance;
  const computed = !isQualitative(i) ? i.computedScore : null;
  const formulaWrong = computed !== null && differs(i.score, computed, tol);
  const coefficientWrong =
    p.template === "department-self-assessment" &&
    i.coefficient !== null &&
    !agreesWithCoefficient(i.score, i.coefficient, i.weight, tol);
  if (!formulaWrong && !coefficientWrong) return null;
  const formula = formulaWrong && computed !== null ? formulaText(i, profile, computed) : null;
  return {
    cell: i.cells.score ?? i.cell,
    data: {
      kind: formulaWrong && coefficientWrong ? "both" : formulaWrong ? "formula" : "coefficient",
      name: i.name,
      score: i.score,
      weight: i.weight,
      computed: formulaWrong ? computed : null,
      formula,
      target: i.target.raw,
      actual: i.actual?.raw ?? "",
      coefficient: coefficientWrong ? i.coefficient : null,
      coefficientScore: coefficientWrong && i.coefficient !== null ? roundTo(i.coefficient * i.weight, 2) : null,
    },
  };
}

const computedZh = (d: Record<string, string | number | null>) =>
  d.formula === "met"
    ? `实际完成值${str(d.actual)}已达到目标值${str(d.target)}，应得满分${num(d.computed as number)}分`
    : `按目标值${str(d.target)}、实际完成值${str(d.actual)}计算应为${d.formula ? `${str(d.formula)}＝` : ""}${num(d.computed as number)}分`;
const computedEn = (d: Record<string, string | number | null>) =>
  d.formula === "met"
    ? `the actual ${str(d.actual)} meets the target ${str(d.target)}, so it earns the full ${num(d.computed as number)}`
    : `target ${str(d.target)} and actual ${str(d.actual)} give ${d.formula ? `${str(d.formula)} = ` : ""}${num(d.computed as number)}`;
const coefficientZh = (d: Record<string, string | number | null>) =>
  `得分系数${pct(d.coefficient as number)}×指标权重${num(d.weight as number)}分＝${num(d.coefficientScore as number)}分`;
const coefficientEn = (d: Record<string, string | number | null>) =>
  `coefficient ${pct(d.coefficient as number)} × weight ${num(d.weight as number)} = ${num(d.coefficientScore as number)}`;

/**
 * A quantitative indicator's stated score differs from the computed one (SPEC §4, §5 score/formula):
 * higher-is-better w × B/A, lower-is-better w × A/B (or the profile's linear formula), capped at w;
 * tolerance profile.scoreTolerance (0.01). The computed score is scoring's (`scoreIndicator`); this rule
 * does not re-derive it.
 *
 * - Forms with score columns (self-assessments and department-level forms); not goal tables.
 * - Silent when the computed score cannot be determined (units that do not reconcile, a worded actual
 *   against a number, no weight), for qualitative rows (score/band checks those), and when the score
 *   exceeds the weight (score/exceeds-weight).
 * - Department-level forms: the stated 指标得分 must also equal 得分系数 × 指标权重 (any row with a
 *   coefficient, qualitative included); a coefficient rounded for display is accepted when the score
 *   rounds to it. One finding per row, naming whichever of the two disagrees.
 */
export const rule: ProjectRule = {
  id: "score/formula",
  severity: "warning",
  title: { zh: "定量指标得分与计算结果不符", en: "Quantitative score differs from the formula" },
  scope: "project",
  docs: {
    zh: "定量指标的自评得分应与按公式计算的得分一致（正向指标：分值×实际值÷目标值；反向指标：分值×目标值÷实际值；达到目标得满分；容差0.01）。部门整体自评表的指标得分还应等于得分系数×指标权重。无法计算时（单位无法换算、定性指标无法分档）不检查。",
    en: "A quantitative indicator's stated score must match the formula (higher-is-better: weight × actual ÷ target; lower-is-better: weight × target ÷ actual; met targets earn the full weight; tolerance 0.01). On department-level forms the score must also equal coefficient × weight. Not checked when the score cannot be computed (units that do not reconcile, qualitative rows without a band).",
  },
  message: {
    zh: (d) => {
      const head = `指标“${str(d.name)}”填报得分${num(d.score as number)}分，`;
      if (d.kind === "coefficient") return `${head}与${coefficientZh(d)}不一致。`;
      if (d.kind === "both") return `${head}${computedZh(d)}，且与${coefficientZh(d)}不一致。`;
      return `${head}${computedZh(d)}。`;
    },
    en: (d) => {
      const head = `Indicator "${str(d.name)}" is scored ${num(d.score as number)}, but `;
      if (d.kind === "coefficient") return `${head}${coefficientEn(d)}.`;
      if (d.kind === "both") return `${head}${computedEn(d)}, and ${coefficientEn(d)} does not match either.`;
      return `${head}${computedEn(d)}.`;
    },
  },
  suggestion: {
    zh: (d) =>
      d.kind === "coefficient"
        ? "核对得分系数与指标得分，使指标得分＝得分系数×指标权重。"
        : `核对目标值、实际完成值和计算公式，将得分更正为${num(d.computed as number)}分；如有特殊计分口径请注明。`,
    en: (d) =>
      d.kind === "coefficient"
        ? "Make the score equal coefficient × weight, or correct the coefficient."
        : `Check the target, the actual and the formula; correct the score to ${num(d.computed as number)}, or explain a different scoring rule.`,
  },
  check(p, ctx) {
    if (!scoreRulesApply(p)) return [];
    const hits: Hit[] = [];
    for (const i of sheetWeighted(p)) {
      if (i.score === null || i.score > i.weight + EPS) continue;
      const hit = formulaHit(p, i as Indicator & { weight: number; score: number }, ctx.profile);
      if (hit) hits.push(hit);
    }
    return hits;
  },
};
