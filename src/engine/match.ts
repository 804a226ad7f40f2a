/**
 * Spot-check matching (SPEC §2.4): review rows and per-indicator review sheets → projects, by project
 * code when both have one, else by normalised name (+ department when names clash).
 */
import type { Indicator, Project, ProjectReview, ReviewEntry } from "./model";
import type { Profile } from "./profiles/schema";
import { departmentKey, nameKey } from "./read/normalise";
import { gradeOf } from "./score/grade";
import { round2 } from "./score/round";

/** The project a review entry belongs to (only self-assessments are reviewed), or null. */
export function matchReview(review: ReviewEntry, projects: Project[]): Project | null {
  const candidates = projects.filter((p) => p.template !== "goal");
  if (review.code) {
    const byCode = candidates.filter((p) => p.code && nameKey(p.code) === nameKey(review.code));
    if (byCode.length === 1) return byCode[0];
  }
  const key = nameKey(review.name);
  let byName = candidates.filter((p) => nameKey(p.name) === key);
  if (review.code && byName.length > 1) byName = byName.filter((p) => !p.code || nameKey(p.code) === nameKey(review.code));
  if (byName.length > 1 && review.department) {
    const dk = departmentKey(review.department);
    const byDept = byName.filter((p) => departmentKey(p.department) === dk);
    if (byDept.length >= 1) byName = byDept;
  }
  return byName[0] ?? null;
}

export interface ReviewAttachment {
  projects: Project[];
  /** For each review entry (same order), the id of its project or null. */
  matches: (string | null)[];
}

/** Attach review scores, grades, gaps and per-indicator reviews to the projects (new objects). */
export function attachReviews(projects: Project[], reviews: ReviewEntry[], profile: Profile): ReviewAttachment {
  const matches = reviews.map((r) => matchReview(r, projects)?.id ?? null);
  const byProject = new Map<string, ReviewEntry[]>();
  reviews.forEach((r, i) => {
    const id = matches[i];
    if (!id) return;
    const list = byProject.get(id) ?? [];
    list.push(r);
    byProject.set(id, list);
  });
  const out = projects.map((p) => {
    const entries = byProject.get(p.id);
    if (!entries) return p;
    const list = entries.find((e) => e.score !== null || e.grade !== null) ?? null;
    const details = entries.filter((e) => e.indicators.length > 0);
    const indicators: Indicator[] = p.indicators.map((ind) => {
      if (ind.review && ind.review.score !== null) return ind;
      const key = nameKey(ind.name);
      for (const d of details) {
        const row = d.indicators.find((x) => nameKey(x.name) === key);
        if (row) return { ...ind, review: { actual: row.actual, score: row.score, note: row.note, cell: row.cell } };
      }
      return ind;
    });
    let score = list?.score ?? null;
    if (score === null && details.length > 0) {
      // Only per-indicator review scores: add the execution score, which a review of indicators keeps.
      const parts = details[0].indicators.map((x) => x.score);
      if (parts.every((x) => x !== null)) {
        const execution = p.budget?.computedScore ?? p.budget?.score ?? 0;
        score = round2(execution + parts.reduce((a: number, x) => a + (x as number), 0));
      }
    }
    const review: ProjectReview = {
      score,
      grade: list?.grade ?? gradeOf(score, profile),
      gap: score !== null && p.selfScore !== null ? round2(score - p.selfScore) : null,
      note: list?.note ?? null,
      location: (list ?? entries[0]).location,
    };
    return { ...p, indicators, review };
  });
  return { projects: out, matches };
}
