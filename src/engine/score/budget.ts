/**
 * Budget execution score (SPEC §4): rate = executed / adjusted budget (全年预算数), falling back to the
 * initial budget (年初预算数), then to the stated rate; score = min(rate, 1) × weight, weight = the stated
 * execution weight, else the profile's. Rates are fractions (0.9339). When the total row was blank the
 * reader has already filled adjusted/executed from the sub-rows (`fromSubRows`): they are used as they are.
 */
import type { Budget } from "../model";
import type { Profile } from "../profiles/schema";
import { finite, round2, roundTo } from "./round";

/**
 * executed ÷ adjusted (else ÷ initial), else the stated rate; null when nothing is known. Unrounded. A
 * quotient that is not a finite number (a denormal budget such as 5e-324) is no rate: the stated one is used.
 */
export function executionRate(budget: Pick<Budget, "initial" | "adjusted" | "executed" | "statedRate">): number | null {
  const { executed, adjusted, initial } = budget;
  if (executed !== null && Number.isFinite(executed)) {
    const base = adjusted !== null && adjusted > 0 ? adjusted : initial !== null && initial > 0 ? initial : null;
    const rate = base === null ? null : finite(executed / base);
    if (rate !== null) return rate;
  }
  return finite(budget.statedRate);
}

/** Returns a new Budget with rate (4 decimals), weight and computedScore filled. */
export function scoreBudget(budget: Budget, profile: Profile): Budget {
  const rate = executionRate(budget);
  const weight = budget.statedWeight ?? profile.executionWeight;
  const computedScore = rate === null ? null : round2(Math.min(Math.max(rate, 0), 1) * weight);
  return { ...budget, rate: rate === null ? null : roundTo(rate, 4), weight, computedScore };
}
