import type { Grade } from "../model";
import type { Profile } from "../profiles/schema";

/** Grade of a total (SPEC §4): ≥ 90 优, ≥ 80 良, ≥ 60 中, else 差 (thresholds from the profile). Null in, null out. */
export function gradeOf(score: number | null | undefined, profile: Profile): Grade | null {
  if (score === null || score === undefined || !Number.isFinite(score)) return null;
  const g = profile.grades;
  const eps = 1e-9;
  if (score >= g.优 - eps) return "优";
  if (score >= g.良 - eps) return "良";
  if (score >= g.中 - eps) return "中";
  return "差";
}
