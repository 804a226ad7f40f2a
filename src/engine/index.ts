/**
 * The engine: Grid[] → Report. Pure TypeScript; never sees Office.js, exceljs or the DOM.
 *
 *   readWorkbook (read/)  →  scoreProject (score/)  →  attachReviews (match.ts)  →  rules  →  Report
 */
import type { WorkbookReading } from "./read";
import { type Finding, type Grade, type Project, Report, type Summary } from "./model";
import { attachReviews } from "./match";
import { getProfile } from "./profiles";
import type { Profile } from "./profiles/schema";
import { RULES } from "./rules";
import { runRules } from "./rules/run";
import type { Lang, Rule } from "./rules/types";
import { scoreProject } from "./score/project";
import { round2 } from "./score/round";

export interface CheckOptions {
  profile?: Profile;
  lang?: Lang;
  /** Spot-check thresholds in points (override the profile's). */
  gap?: number;
  severeGap?: number;
  /** Run only these rules (tests); default: the whole registry. */
  rules?: readonly Rule[];
}

/** Check everything read in one run (one or many workbooks). */
export function check(readings: WorkbookReading[], opts: CheckOptions = {}): Report {
  const base = opts.profile ?? getProfile("national");
  const profile: Profile = {
    ...base,
    gap: opts.gap ?? base.gap,
    severeGap: opts.severeGap ?? base.severeGap,
  };
  const lang: Lang = opts.lang ?? "zh";
  const scored = readings.flatMap((r) => r.projects).map((p) => scoreProject(p, profile));
  const reviews = readings.flatMap((r) => r.reviews);
  const sheets = readings.flatMap((r) => r.sheets);
  const { projects, matches } = attachReviews(scored, reviews, profile);
  const findings = runRules(opts.rules ?? RULES, { projects, reviews, sheets, reviewMatches: matches }, { profile, lang });
  return Report.parse({
    schemaVersion: 1,
    profile: profile.name,
    lang,
    projects,
    reviews,
    sheets,
    findings,
    summary: summarise(readings.length, projects, findings),
  });
}

export function summarise(files: number, projects: Project[], findings: Finding[]): Summary {
  const byGrade: Record<Grade, number> = { 优: 0, 良: 0, 中: 0, 差: 0 };
  let adjusted = 0;
  let executed = 0;
  const scores: number[] = [];
  for (const p of projects) {
    if (p.template === "goal") continue;
    const g = p.grade ?? p.computedGrade;
    if (g) byGrade[g]++;
    const s = p.selfScore ?? p.computedScore;
    if (s !== null) scores.push(s);
    if (p.template === "self-assessment" || p.template === "department-self-assessment") {
      adjusted += p.budget?.adjusted ?? p.budget?.initial ?? 0;
      executed += p.budget?.executed ?? 0;
    }
  }
  return {
    files,
    projects: projects.filter((p) => p.template !== "goal").length,
    byGrade,
    errors: findings.filter((f) => f.severity === "error").length,
    warnings: findings.filter((f) => f.severity === "warning").length,
    infos: findings.filter((f) => f.severity === "info").length,
    budget: { adjusted: round2(adjusted), executed: round2(executed), rate: adjusted > 0 ? executed / adjusted : null },
    meanScore: scores.length ? round2(scores.reduce((a, x) => a + x, 0) / scores.length) : null,
    reviewed: projects.filter((p) => p.review !== null).length,
  };
}

export { readWorkbook, type WorkbookInput, type WorkbookReading } from "./read";
export type { Grid } from "./grid";
export { getProfile } from "./profiles";
