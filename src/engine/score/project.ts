/**
 * Scoring a whole project (SPEC §4). Pure: returns a new Project.
 *
 * - Goal tables (template "goal"): nothing is scored; every computed field is null.
 * - Forms with no score columns (`hasScoreColumns` false, 湖南 style): indicators without a weight get one
 *   derived from the profile (`deriveWeights`, weightSource "profile"); execution weight from the profile.
 * - Each indicator: `scoreIndicator`. Department forms (部门整体) use the same actual/target formula
 *   (得分系数 × 指标权重 is what the sheet states; the computed score is independent of it).
 * - computedScore = execution score + Σ indicator scores, where each part is its computed score, else
 *   its stated score. Null when a part with points cannot be known: no budget block, or an indicator
 *   with a weight and neither a computed nor a stated score. Indicators with no weight and no score add
 *   nothing.
 * - selfScore = stated 总分, else the computed total. grade = gradeOf(selfScore),
 *   computedGrade = gradeOf(computedScore).
 */
import type { Indicator, Level1Key, Project } from "../model";
import type { Profile } from "../profiles/schema";
import { scoreBudget } from "./budget";
import { gradeOf } from "./grade";
import { scoreIndicator } from "./indicator";
import { finite, round2 } from "./round";

type Group = "output" | "effect" | "satisfaction" | "effectAndSatisfaction";

/** Split `points` over n parts with 2 decimals; the last part takes the rounding remainder. */
export function splitEvenly(points: number, n: number): number[] {
  if (n <= 0) return [];
  const base = round2(points / n);
  const out = new Array<number>(n).fill(base);
  out[n - 1] = round2(points - base * (n - 1));
  return out;
}

function groupOf(level1: Level1Key | null, split: NonNullable<Profile["split"]>): Group | null {
  const combined = split.effectAndSatisfaction !== null && split.effectAndSatisfaction !== undefined;
  switch (level1) {
    case "output":
    case "cost": // 2021 framework 成本指标: counted with 产出, where the 2020 framework puts cost
      return "output";
    case "effect":
      return combined ? "effectAndSatisfaction" : "effect";
    case "satisfaction":
      return combined ? "effectAndSatisfaction" : "satisfaction";
    default:
      return null;
  }
}

function isFreeSplit(split: Profile["split"]): boolean {
  if (split === null) return true;
  return [split.output, split.effect, split.satisfaction, split.effectAndSatisfaction].every(
    (v) => v === null || v === undefined,
  );
}

/**
 * Weights for a form with no score columns, one per indicator, adding up to 100 − execution weight:
 * - the profile's first-level split, shared equally among the indicators of each category
 *   (成本指标 counts with 产出; hubei's 效益+满意度 40 is shared by both categories' indicators);
 * - categories whose split is null share what the fixed categories leave;
 * - a category with points but no indicator: the present categories are scaled up proportionally so the
 *   total stays 100 − execution weight;
 * - a free split (sichuan), an indicator with an unknown category, or a split that does not fit:
 *   the indicator total is shared equally by all indicators.
 */
export function deriveWeights(indicators: Pick<Indicator, "level1">[], profile: Profile): number[] {
  const n = indicators.length;
  const total = Math.max(100 - profile.executionWeight, 0);
  if (n === 0) return [];
  const even = () => splitEvenly(total, n);
  const split = profile.split;
  if (split === null || isFreeSplit(split)) return even();

  const groups = indicators.map((i) => groupOf(i.level1, split));
  if (groups.some((g) => g === null)) return even();

  const pointsOf = (g: Group): number | null => {
    const v = split[g];
    return v === undefined ? null : v;
  };
  const present = [...new Set(groups as Group[])];
  const fixed = present.filter((g) => pointsOf(g) !== null);
  const free = present.filter((g) => pointsOf(g) === null);
  const fixedSum = fixed.reduce((s, g) => s + (pointsOf(g) as number), 0);

  const groupPoints = new Map<Group, number>();
  if (free.length > 0) {
    const pool = total - fixedSum;
    if (pool < 0) return even();
    for (const g of fixed) groupPoints.set(g, pointsOf(g) as number);
  } else {
    if (fixedSum <= 0) return even();
    const scale = total / fixedSum;
    for (const g of fixed) groupPoints.set(g, (pointsOf(g) as number) * scale);
  }

  const weights = new Array<number>(n).fill(0);
  for (const g of fixed) {
    const idx = groups.flatMap((x, i) => (x === g ? [i] : []));
    const parts = splitEvenly(groupPoints.get(g) as number, idx.length);
    idx.forEach((i, k) => (weights[i] = parts[k]));
  }
  if (free.length > 0) {
    const idx = groups.flatMap((x, i) => (x !== null && free.includes(x) ? [i] : []));
    const parts = splitEvenly(total - fixedSum, idx.length);
    idx.forEach((i, k) => (weights[i] = parts[k]));
  }
  return weights;
}

/** Score a project: indicators, budget, totals and grades. Returns a new object. */
export function scoreProject(project: Project, profile: Profile): Project {
  if (project.template === "goal") {
    return {
      ...project,
      budget: project.budget ? { ...project.budget, computedScore: null } : null,
      indicators: project.indicators.map((i) => ({ ...i, computedScore: null })),
      selfScore: null,
      computedScore: null,
      grade: null,
      computedGrade: null,
    };
  }

  const derived = project.hasScoreColumns ? null : deriveWeights(project.indicators, profile);
  const opts = { year: project.year };
  const indicators: Indicator[] = project.indicators.map((ind, i) => {
    const withWeight: Indicator =
      derived && ind.weight === null ? { ...ind, weight: derived[i], weightSource: "profile" } : ind;
    const { computedScore } = scoreIndicator(withWeight, profile, opts);
    return { ...withWeight, computedScore };
  });
  const budget = project.budget ? scoreBudget(project.budget, profile) : null;

  let total: number | null = null;
  const execution = budget ? (budget.computedScore ?? budget.score) : null;
  if (execution !== null) {
    total = execution;
    for (const ind of indicators) {
      const part = ind.computedScore ?? ind.score;
      if (part === null) {
        if (ind.weight !== null && ind.weight > 0) {
          total = null;
          break;
        }
        continue;
      }
      total += part;
    }
  }
  // Parts of up to ±1.8e308 each can add up past what a number holds: then the total is not known.
  const computedScore = finite(total === null ? null : round2(total));
  const selfScore = project.statedTotal ?? computedScore;
  return {
    ...project,
    budget,
    indicators,
    selfScore,
    computedScore,
    grade: gradeOf(selfScore, profile),
    computedGrade: gradeOf(computedScore, profile),
  };
}

