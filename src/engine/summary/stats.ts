/**
 * Figures the summary sheets and the report share, computed once from a Report.
 *
 * Definitions (the same as `summarise` in engine/index.ts, so the sheets and the JSON agree):
 * - assessed projects: self-assessments and department forms (goal tables are listed, never scored);
 * - a project's score is its self-score (stated 总分, else computed) and its grade `grade ?? computedGrade`;
 * - header totals (files, projects, budget, grades, mean, errors/warnings) are taken from `report.summary`.
 *
 * Spot-check flags come from the findings (rules spotcheck/gap, gap-severe, grade-changed, poor), so the
 * thresholds live in one place (the profile and the rules); a profile that turns a rule off turns its flag
 * off. A review entry that no project matches (engine/match.ts, the pipeline's own matcher) is flagged 无自评,
 * plus the flags of the findings that name it (no project id; matched by normalised name, e.g. spotcheck/poor).
 */
import { duplicateIds, isAssessed, projectGrade, projectScore } from "../facts";
import { reviewMatcher } from "../match";
import { PROFILE_DEFAULTS } from "../profiles/defaults";
import { nameKey } from "../read/normalise";
import type { Finding, Grade, Project, ReviewEntry, Severity } from "../model";

export const GRADES: readonly Grade[] = ["优", "良", "中", "差"];
export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

export type Flag = "gap" | "grade" | "poor" | "noSelf";
export const FLAGS: readonly Flag[] = ["gap", "grade", "poor", "noSelf"];

/** Which finding rule sets which spot-check flag. */
export const FLAG_RULES: Record<string, Flag> = {
  "spotcheck/gap": "gap",
  "spotcheck/gap-severe": "gap",
  "spotcheck/grade-changed": "grade",
  "spotcheck/poor": "poor",
  "spotcheck/no-self-assessment": "noSelf",
};

export { isAssessed, projectBudget, projectGrade, projectScore } from "../facts";

/**
 * The grade that counts for 结果应用: the spot check's grade where a review exists, else the self grade
 * (stated 总分's grade, else the computed one). Every recommendation of the report follows it.
 */
export function finalGrade(p: Project): Grade | null {
  return p.review?.grade ?? projectGrade(p);
}

/** A stated 总分 (自评得分) as the form has it; null when the form states none (then only 核算得分 exists). */
export function statedScore(p: Project): number | null {
  return p.template === "goal" ? null : p.statedTotal;
}


export interface ReviewRow {
  /** The matched project, or null for a review entry with no self-assessment. */
  project: Project | null;
  entry: ReviewEntry | null;
  name: string;
  department: string | null;
  selfScore: number | null;
  reviewScore: number | null;
  /** review − self */
  gap: number | null;
  selfGrade: Grade | null;
  reviewGrade: Grade | null;
  flags: Flag[];
  /** Where the row's link goes: the project's form, or the review row. */
  location: { file: string; sheet: string; cell: string | null };
}

export interface RuleGroup {
  rule: string;
  severity: Severity;
  findings: Finding[];
  /** Distinct projects concerned (by id, else by name). */
  projects: number;
}

export interface Facts {
  files: string[];
  projects: Project[];
  assessed: Project[];
  /** Later copies of projects submitted twice: listed in 评价汇总, counted once (not in `assessed`). */
  duplicates: Project[];
  goals: Project[];
  byTemplate: { selfAssessment: number; department: number; goal: number };
  departments: number;
  units: number;
  year: number | null;
  fullExecution: number;
  lowExecution: Project[];
  /** The profile's rate below which execution is low (0.9 by default). */
  lowExecutionRate: number;
  scored: { project: Project; score: number }[];
  best: { project: Project; score: number } | null;
  worst: { project: Project; score: number } | null;
  /** Self grades (stated 总分, else computed). */
  byGradeProjects: Record<Grade, Project[]>;
  /** Final grades (review grade where a review exists): the basis of every recommendation. */
  byFinalGradeProjects: Record<Grade, Project[]>;
  /** Assessed forms with neither a self grade nor a review grade. */
  ungraded: Project[];
  /** Assessed forms that state a 总分 (自评得分); the others are scored by the rules only (核算得分). */
  stated: Project[];
  /** Project self-assessments (not 部门整体 forms): their money is the project total. */
  projectForms: Project[];
  departmentForms: Project[];
  /** Stated and computed totals differ by 0.01 or more; largest difference first. */
  mismatched: { project: Project; self: number; computed: number }[];
  comparable: number;
  review: {
    rows: ReviewRow[];
    matched: ReviewRow[];
    unmatched: ReviewRow[];
    meanReview: number | null;
    meanAbsGap: number | null;
    lower: number;
    flagged: Record<Flag, ReviewRow[]>;
  };
  groups: RuleGroup[];
  /** Projects with at least one error finding. */
  projectsWithErrors: number;
  projectsWithFindings: number;
  findingsByProject: Map<string, { error: number; warning: number; info: number }>;
}

function key(s: string | null | undefined): string {
  return (s ?? "").replace(/\s+/g, "");
}

function mean(xs: number[]): number | null {
  return xs.length ? xs.reduce((a, x) => a + x, 0) / xs.length : null;
}

function mostCommon(xs: number[]): number | null {
  const counts = new Map<number, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  let best: number | null = null;
  let n = 0;
  for (const [x, c] of counts) if (c > n || (c === n && best !== null && x > best)) [best, n] = [x, c];
  return best;
}

function reviewRows(projects: Project[], reviews: ReviewEntry[], findings: Finding[]): ReviewRow[] {
  const flagsById = new Map<string, Set<Flag>>();
  // Findings about a review entry with no self-assessment carry no project id: keyed by name.
  const flagsByName = new Map<string, Set<Flag>>();
  for (const f of findings) {
    const flag = FLAG_RULES[f.rule];
    if (!flag) continue;
    const map = f.projectId ? flagsById : flagsByName;
    const k = f.projectId ?? `name:${nameKey(f.project)}`;
    if (!f.projectId && !f.project) continue;
    const set = map.get(k) ?? new Set<Flag>();
    set.add(flag);
    map.set(k, set);
  }
  const ordered = (set: Set<Flag> | undefined): Flag[] => FLAGS.filter((x) => set?.has(x));
  const rows: ReviewRow[] = [];
  for (const p of projects) {
    if (!p.review) continue;
    rows.push({
      project: p,
      entry: null,
      name: p.name,
      department: p.department,
      selfScore: p.selfScore,
      reviewScore: p.review.score,
      gap: p.review.gap,
      selfGrade: projectGrade(p),
      reviewGrade: p.review.grade,
      flags: ordered(flagsById.get(p.id)),
      location: p.location,
    });
  }
  const matchReview = reviewMatcher(projects);
  for (const e of reviews) {
    if (matchReview(e)) continue;
    const gap = e.score !== null && e.selfScore !== null ? Math.round((e.score - e.selfScore) * 100) / 100 : null;
    rows.push({
      project: null,
      entry: e,
      name: e.name,
      department: e.department,
      selfScore: e.selfScore,
      reviewScore: e.score,
      gap,
      selfGrade: null,
      reviewGrade: e.grade,
      flags: ordered(new Set<Flag>([...(flagsByName.get(`name:${nameKey(e.name)}`) ?? []), "noSelf"])),
      location: e.location,
    });
  }
  return rows;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function ruleGroups(findings: Finding[]): RuleGroup[] {
  const groups = new Map<string, RuleGroup>();
  for (const f of findings) {
    const k = `${f.severity}\u0000${f.rule}`;
    const g = groups.get(k) ?? { rule: f.rule, severity: f.severity, findings: [], projects: 0 };
    g.findings.push(f);
    groups.set(k, g);
  }
  for (const g of groups.values()) {
    g.projects = new Set(g.findings.filter((f) => f.projectId || f.project).map((f) => f.projectId ?? `name:${f.project}`)).size;
  }
  return [...groups.values()].sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      b.findings.length - a.findings.length ||
      a.rule.localeCompare(b.rule),
  );
}

export function collectFacts(report: {
  projects: Project[];
  reviews: ReviewEntry[];
  findings: Finding[];
  sheets: { file: string }[];
  thresholds?: { lowExecutionRate: number };
}): Facts {
  // Projects below the profile's rate are named in 一、基本情况, as budget/low-execution names them.
  const lowExecutionRate = report.thresholds?.lowExecutionRate ?? PROFILE_DEFAULTS.lowExecutionRate;
  const { projects, findings } = report;
  // A project submitted twice counts once: its later copy is listed (duplicates) but not counted (issue 16).
  const dup = duplicateIds(findings);
  const assessed = projects.filter((p) => isAssessed(p) && !dup.has(p.id));
  const duplicates = projects.filter((p) => isAssessed(p) && dup.has(p.id));
  const goals = projects.filter((p) => !isAssessed(p));
  const files = [...new Set([...report.sheets.map((s) => s.file), ...projects.map((p) => p.location.file)])];

  const departments = new Set(projects.map((p) => key(p.department)).filter(Boolean)).size;
  const units = new Set(projects.map((p) => key(p.unit)).filter(Boolean)).size;
  // The year under evaluation is the self-assessments' (goal tables are often next year's).
  const yearsOf = (ps: Project[]) => ps.map((p) => p.year).filter((y): y is number => y !== null);
  const year = mostCommon(yearsOf(assessed).length ? yearsOf(assessed) : yearsOf(projects));

  let fullExecution = 0;
  const lowExecution: Project[] = [];
  const projectForms = assessed.filter((p) => p.template === "self-assessment");
  const departmentForms = assessed.filter((p) => p.template === "department-self-assessment");
  for (const p of projectForms) {
    const rate = p.budget?.rate;
    if (rate === null || rate === undefined) continue;
    if (rate >= 1 - 1e-9) fullExecution++;
    if (rate < lowExecutionRate - 1e-9) lowExecution.push(p);
  }

  const scored = assessed
    .map((project) => ({ project, score: projectScore(project) }))
    .filter((x): x is { project: Project; score: number } => x.score !== null);
  let best: Facts["best"] = null;
  let worst: Facts["worst"] = null;
  for (const s of scored) {
    if (!best || s.score > best.score) best = s;
    if (!worst || s.score < worst.score) worst = s;
  }

  const byGradeProjects: Record<Grade, Project[]> = { 优: [], 良: [], 中: [], 差: [] };
  const byFinalGradeProjects: Record<Grade, Project[]> = { 优: [], 良: [], 中: [], 差: [] };
  const ungraded: Project[] = [];
  for (const p of assessed) {
    const g = projectGrade(p);
    if (g) byGradeProjects[g].push(p);
    const fg = finalGrade(p);
    if (fg) byFinalGradeProjects[fg].push(p);
    else ungraded.push(p);
  }

  let comparable = 0;
  const mismatched: Facts["mismatched"] = [];
  for (const p of assessed) {
    if (p.statedTotal === null || p.computedScore === null) continue;
    comparable++;
    if (Math.abs(p.statedTotal - p.computedScore) >= 0.01 - 1e-9) {
      mismatched.push({ project: p, self: p.statedTotal, computed: p.computedScore });
    }
  }
  mismatched.sort((a, b) => Math.abs(b.self - b.computed) - Math.abs(a.self - a.computed));

  const rows = reviewRows(projects, report.reviews, findings);
  const matched = rows.filter((r) => r.project);
  const gaps = matched.map((r) => r.gap).filter((g): g is number => g !== null);
  const flagged: Record<Flag, ReviewRow[]> = { gap: [], grade: [], poor: [], noSelf: [] };
  for (const r of rows) for (const f of r.flags) flagged[f].push(r);

  const findingsByProject = new Map<string, { error: number; warning: number; info: number }>();
  for (const f of findings) {
    if (!f.projectId) continue;
    const c = findingsByProject.get(f.projectId) ?? { error: 0, warning: 0, info: 0 };
    c[f.severity]++;
    findingsByProject.set(f.projectId, c);
  }
  let projectsWithErrors = 0;
  let projectsWithFindings = 0;
  for (const c of findingsByProject.values()) {
    if (c.error > 0) projectsWithErrors++;
    if (c.error + c.warning > 0) projectsWithFindings++;
  }

  return {
    files,
    projects,
    assessed,
    duplicates,
    goals,
    byTemplate: {
      selfAssessment: projects.filter((p) => p.template === "self-assessment").length,
      department: projects.filter((p) => p.template === "department-self-assessment").length,
      goal: goals.length,
    },
    departments,
    units,
    year,
    fullExecution,
    lowExecution,
    lowExecutionRate,
    scored,
    best,
    worst,
    byGradeProjects,
    byFinalGradeProjects,
    ungraded,
    stated: assessed.filter((p) => statedScore(p) !== null),
    projectForms,
    departmentForms,
    mismatched,
    comparable,
    review: {
      rows,
      matched,
      unmatched: rows.filter((r) => !r.project),
      meanReview: mean(matched.map((r) => r.reviewScore).filter((s): s is number => s !== null)),
      meanAbsGap: mean(gaps.map(Math.abs)),
      lower: gaps.filter((g) => g < 0).length,
      flagged,
    },
    groups: ruleGroups(findings),
    projectsWithErrors,
    projectsWithFindings,
    findingsByProject,
  };
}
