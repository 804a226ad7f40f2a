/**
 * The engine: Grid[] → Report. Pure TypeScript; never sees Office.js, exceljs or the DOM.
 *
 *   readWorkbook (read/)  →  scoreProject (score/)  →  attachReviews (match.ts)  →  rules  →  Report
 */
import type { WorkbookReading } from "./read";
import type { Finding, Grade, Project, Report, ReviewEntry, Summary } from "./model";
import { duplicateIds, isAssessed, isBlankForm, projectGrade, projectScore } from "./facts";
import { attachReviews, projectNameKey, reviewMatcher } from "./match";
import type { QualityConfirmation, ReviewProblem } from "./quality/confirm";
import { qualityByProject } from "./quality";
import { getProfile } from "./profiles/builtin";
import type { Profile } from "./profiles/schema";
import { RULES } from "./rules";
import { runRules } from "./rules/run";
import type { Lang, Rule } from "./rules/types";
import { scoreProject } from "./score/project";
import { finite, round2 } from "./score/round";

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
  // A blank, unfilled form is no submission: it is not a project (nor a row of 评价汇总), and template/blank says
  // once that it is empty instead of every rule reporting what it lacks.
  const read = readings.flatMap((r) => r.projects);
  const blankForms = read.filter(isBlankForm);
  const scored = read.filter((p) => !isBlankForm(p)).map((p) => scoreProject(p, profile));
  const reviews = readings.flatMap((r) => r.reviews);
  const sheets = readings.flatMap((r) => r.sheets);
  const { projects, matches } = attachReviews(scored, reviews, profile);
  const problems = matchProblems(projects, readings.flatMap((r) => r.problems ?? []), reviews);
  const findings = runRules(opts.rules ?? RULES, { projects, reviews, sheets, reviewMatches: matches, problems, blankForms }, { profile, lang });
  // 自评质量 from the findings (a new object only for the projects that get one).
  const quality = qualityByProject(projects, findings);
  for (let i = 0; i < projects.length; i++) {
    const q = quality.get(projects[i].id);
    if (!q) continue;
    const dim = (k: string) => q.dimensions.find((d) => d.key === k)?.score ?? 0;
    projects[i] = { ...projects[i], quality: { score: q.score, completeness: dim("completeness"), accuracy: dim("accuracy"), reasoning: dim("reasoning"), targets: dim("targets") } };
  }
  attachConfirmedQuality(projects, readings.flatMap((r) => r.quality ?? []));
  // Not validated against the zod model here: the engine built every object itself, and Report.parse would
  // copy the whole report again on every run (5–15 % of a check). Tests validate check()'s output
  // (test/unit/report-shape.test.ts); inputErrors is the one field the schema would default.
  return {
    schemaVersion: 1,
    profile: profile.name,
    thresholds: { lowExecutionRate: profile.lowExecutionRate },
    lang,
    projects,
    reviews,
    sheets,
    findings,
    summary: summarise(readings.length, projects, findings),
    inputErrors: [],
  };
}

/** Each problem from a review workbook with the project it names (matched like a review row), or null. */
function matchProblems(projects: Project[], problems: ReviewProblem[], reviews: ReviewEntry[]): { problem: ReviewProblem; projectId: string | null }[] {
  if (problems.length === 0) return [];
  const match = reviewMatcher(projects);
  return problems.map((problem) => {
    // The workbook's own 实际绩效 sheet names the project fully (code, department, unit).
    const own = reviews.find((r) => r.location.file === problem.location.file && projectNameKey(r.name) === projectNameKey(problem.name));
    const entry = {
      name: problem.name,
      code: own?.code ?? null,
      department: own?.department ?? null,
      unit: own?.unit ?? null,
      selfScore: null,
      score: null,
      grade: null,
      note: null,
      location: problem.location,
      indicators: [],
    };
    return { problem, projectId: match(entry)?.id ?? null };
  });
}

/** The reviewer's confirmed 自评质量 (review workbooks' 自评质量 sheets) onto the projects, matched like reviews. */
function attachConfirmedQuality(projects: Project[], confirmations: QualityConfirmation[]): void {
  if (confirmations.length === 0) return;
  const match = reviewMatcher(projects);
  for (const c of confirmations) {
    const entry = { name: c.name, code: c.code, department: null, unit: c.unit, selfScore: null, score: null, grade: null, note: null, location: c.location, indicators: [] };
    const p = match(entry);
    if (!p) continue;
    const i = projects.indexOf(p);
    if (i < 0 || !p.quality) continue;
    projects[i] = { ...p, quality: { ...p.quality, confirmed: c.score, confirmedNote: c.note } };
  }
}

/**
 * A run's total of amounts. Each amount is a finite number, but hundreds of them near ±1.8e308 (a typo, an
 * amount typed into the wrong unit) can add up past what a number holds: the summary's totals cannot be null
 * (the report's schema), so such a total stays at the largest number of its sign, and `exact` is false.
 */
function amountTotal(xs: number[]): { value: number; exact: boolean } {
  let s = 0;
  for (const x of xs) s += x;
  if (Number.isFinite(s)) return { value: s, exact: true };
  return { value: s < 0 ? -Number.MAX_VALUE : Number.MAX_VALUE, exact: false };
}

/** The mean of finite scores, without overflowing on the way (null when there are none). */
function mean(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const direct = finite(xs.reduce((a, x) => a + x, 0) / xs.length);
  return direct ?? finite(xs.reduce((a, x) => a + x / xs.length, 0));
}

export function summarise(files: number, projects: Project[], findings: Finding[]): Summary {
  const byGrade: Record<Grade, number> = { 优: 0, 良: 0, 中: 0, 差: 0 };
  const byFinalGrade: Record<Grade, number> = { 优: 0, 良: 0, 中: 0, 差: 0 };
  const byTemplate = { "self-assessment": 0, "department-self-assessment": 0, goal: 0 };
  let ungraded = 0;
  // Project money and department (部门整体) money are totalled apart: a department form's budget is the whole
  // department's, which already contains its projects.
  const money = { project: { adjusted: [] as number[], executed: [] as number[] }, department: { adjusted: [] as number[], executed: [] as number[] } };
  const scores: number[] = [];
  // A project submitted twice is counted once (its later copy is listed and reported by project/duplicate).
  const dup = duplicateIds(findings);
  for (const p of projects) {
    byTemplate[p.template]++;
    if (!isAssessed(p) || dup.has(p.id)) continue;
    const g = projectGrade(p);
    if (g) byGrade[g]++;
    const fg = p.review?.grade ?? g;
    if (fg) byFinalGrade[fg]++;
    else ungraded++;
    const s = projectScore(p);
    if (s !== null) scores.push(s);
    const m = p.template === "department-self-assessment" ? money.department : money.project;
    m.adjusted.push(p.budget?.adjusted ?? p.budget?.initial ?? 0);
    m.executed.push(p.budget?.executed ?? 0);
  }
  const totals = (m: { adjusted: number[]; executed: number[] }) => {
    const adjusted = amountTotal(m.adjusted);
    const executed = amountTotal(m.executed);
    return {
      adjusted: round2(adjusted.value),
      executed: round2(executed.value),
      rate: adjusted.exact && executed.exact && adjusted.value > 0 ? finite(executed.value / adjusted.value) : null,
    };
  };
  const meanScore = mean(scores);
  return {
    files,
    projects: projects.filter((p) => isAssessed(p) && !dup.has(p.id)).length,
    byGrade,
    errors: findings.filter((f) => f.severity === "error").length,
    warnings: findings.filter((f) => f.severity === "warning").length,
    infos: findings.filter((f) => f.severity === "info").length,
    budget: totals(money.project),
    meanScore: meanScore === null ? null : round2(meanScore),
    reviewed: projects.filter((p) => p.review !== null && !dup.has(p.id)).length,
    byTemplate,
    byFinalGrade,
    ungraded,
    departmentBudget: totals(money.department),
  };
}

export { readWorkbook, type WorkbookInput, type WorkbookReading } from "./read";
export type { Grid } from "./grid";
export { getProfile } from "./profiles/builtin";
