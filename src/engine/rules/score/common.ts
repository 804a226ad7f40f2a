/**
 * Shared by the weight / score / budget rules (not a rule itself).
 *
 * Which forms the weight and score rules look at: self-assessments and department-level
 * self-assessments that have score columns. Goal tables have nothing to score; forms with no score
 * columns (湖南 style) carry weights the engine derived from the profile (weightSource "profile"),
 * which the user never wrote, so there is nothing of theirs to check.
 */
import type { Indicator, Level1Key, Project } from "../../model";
import { finite, roundScaled } from "../../score/round";

/** Float noise guard for comparisons of stated 2-decimal numbers. */
export const EPS = 1e-6;

/** |a − b| beyond a tolerance, immune to binary noise (0.01 vs 0.010000000002). */
export function differs(a: number, b: number, tolerance: number): boolean {
  return roundScaled(Math.abs(a - b), 6) > tolerance + 1e-9;
}

/** Weight and score rules apply: a scored self-assessment form with score columns. */
export function scoreRulesApply(p: Project): boolean {
  return p.hasScoreColumns && (p.template === "self-assessment" || p.template === "department-self-assessment");
}

/** Indicators whose weight the user wrote on the sheet. */
export function sheetWeighted(p: Project): (Indicator & { weight: number })[] {
  return p.indicators.filter((i): i is Indicator & { weight: number } => i.weight !== null && i.weightSource !== "profile");
}

/**
 * Sum rounded to 2 decimals (weights and scores are 2-decimal numbers); null when the numbers (each up to
 * ±1.8e308) add up past what a number holds. A rule comparing such a sum reports the difference without it.
 */
export function sum2(xs: number[]): number | null {
  return finite(roundScaled(xs.reduce((a, x) => a + x, 0), 2));
}

export const LEVEL1_ZH: Record<Level1Key, string> = { output: "产出", effect: "效益", satisfaction: "满意度", cost: "成本" };
export const LEVEL1_EN: Record<Level1Key, string> = { output: "output", effect: "effect", satisfaction: "satisfaction", cost: "cost" };
