/**
 * The spot-check thresholds (spotcheck/gap, spotcheck/gap-severe), validated once for every face: the CLI's
 * --gap / --severe-gap (over the profile's values) and the pane's settings use this one function and show its
 * one catalogue message (src/i18n: thresholds.*).
 */

export interface ThresholdProblem {
  /** Which threshold is wrong. */
  field: "gap" | "severeGap";
  key: "thresholds.range" | "thresholds.severeBelowGap";
  params: Record<string, string | number>;
}

/** Thresholds are points between 0 and 100. */
export const THRESHOLD_MAX = 100;

function parse(v: unknown): number | null {
  const n = typeof v === "string" ? (v.trim() === "" ? NaN : Number(v)) : v;
  return typeof n === "number" && Number.isFinite(n) ? n : null;
}

/**
 * What is wrong with a pair of thresholds (numbers, or text typed in a field), or null when both can be used:
 * each a number of points in [0, 100], and the severe one not below the other (`--gap 25 --severe-gap 15`
 * is refused everywhere, with the same message).
 */
export function thresholdProblem(gap: unknown, severeGap: unknown): ThresholdProblem | null {
  const g = parse(gap);
  const s = parse(severeGap);
  if (g === null || g < 0 || g > THRESHOLD_MAX) return { field: "gap", key: "thresholds.range", params: { value: String(gap ?? ""), max: THRESHOLD_MAX } };
  if (s === null || s < 0 || s > THRESHOLD_MAX) return { field: "severeGap", key: "thresholds.range", params: { value: String(severeGap ?? ""), max: THRESHOLD_MAX } };
  if (s < g) return { field: "severeGap", key: "thresholds.severeBelowGap", params: { gap: g, severeGap: s } };
  return null;
}
