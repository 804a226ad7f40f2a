/**
 * The task pane's view logic as plain functions over the engine's Report (no React, no Office): grouping
 * findings by project then severity, filtering, the numbers of the result header, where a finding is.
 * Unit-tested in test/ui/state.test.ts.
 */
import type { Finding, Grade, Project, Report, Severity } from "../engine/model";
import type { SheetPlan } from "../engine/summary/plan";
import { toHalfWidth } from "../engine/read/normalise";

export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];
export const GRADES: readonly Grade[] = ["优", "良", "中", "差"];

export interface FindingFilter {
  /** Severities shown. */
  severities: Record<Severity, boolean>;
  /** Free text: matches message, suggestion, rule, project, file, sheet, cell (case-insensitive, spaces = AND). */
  query: string;
  /** One project chosen in the projects table (a FindingGroup key), or null for all. */
  project?: string | null;
}

export const ALL_SEVERITIES: Readonly<Record<Severity, boolean>> = Object.freeze({ error: true, warning: true, info: true });
export const EMPTY_FILTER: Readonly<FindingFilter> = Object.freeze({ severities: ALL_SEVERITIES, query: "", project: null });

export function isFilterActive(f: FindingFilter): boolean {
  return f.query.trim() !== "" || SEVERITIES.some((s) => !f.severities[s]) || (f.project ?? null) !== null;
}

export type Counts = Record<Severity, number>;

export function emptyCounts(): Counts {
  return { error: 0, warning: 0, info: 0 };
}

export function countFindings(findings: readonly Finding[]): Counts {
  const c = emptyCounts();
  for (const f of findings) c[f.severity]++;
  return c;
}

/** A stable key for a finding within one report (its index keeps duplicates apart). */
export function findingKey(f: Finding, index: number): string {
  return `${index}|${f.rule}|${f.file}|${f.sheet ?? ""}|${f.cell ?? ""}`;
}

function fold(s: string): string {
  // Full-width ASCII → half-width, so "Ｆ１６" finds "F16".
  return toHalfWidth(s).toLowerCase();
}

/** The filter's search words (folded). */
export function queryWords(query: string): string[] {
  return fold(query)
    .split(/[\s\u3000]+/)
    .filter((w) => w !== "");
}

/** Does a finding pass the filter? `extra` is searched too (the project's department and unit). */
export function matchesFilter(f: Finding, filter: FindingFilter, extra = ""): boolean {
  if (!filter.severities[f.severity]) return false;
  const words = queryWords(filter.query);
  if (words.length === 0) return true;
  const cellRef = f.sheet && f.cell ? `${f.sheet}!${f.cell}` : "";
  const hay = fold([f.message, f.suggestion, f.rule, f.project ?? "", f.file, f.sheet ?? "", f.cell ?? "", cellRef, extra].join("\n"));
  return words.every((w) => hay.includes(w));
}

export interface ShownFinding {
  key: string;
  finding: Finding;
}

export interface SeverityGroup {
  severity: Severity;
  findings: ShownFinding[];
}

export interface FindingGroup {
  /** projectId, or "name:<project>" / "file:<file>" for findings without a project record. */
  key: string;
  kind: "project" | "other";
  /** Project name; the file name for file-level findings. */
  title: string;
  project: Project | null;
  file: string;
  sheet: string | null;
  /** All findings of the group (unfiltered), by severity. */
  counts: Counts;
  /** Filtered findings, errors first, then warnings, then info (empty severities left out). */
  bySeverity: SeverityGroup[];
  /** Number of filtered findings. */
  shown: number;
}

/**
 * Findings grouped by project — groups with errors first, then with warnings, then info, then none, each rank in
 * the report's order (which follows files and sheets), then by severity with errors first. Goal tables and
 * projects without findings are kept (they carry scores) unless a filter is active and nothing in them matches.
 * Findings with no project record (a reviewed project with no self-assessment, sheet-level notes) are grouped by
 * project name, else by file; they rank like projects ("errors first" holds across every group: a reviewed
 * project whose only errors are 抽评为差 comes before warning-only projects), and within a rank after them.
 * `filter.project` keeps that one group only.
 */
export function groupFindings(report: Report, filter: FindingFilter = EMPTY_FILTER): FindingGroup[] {
  const groups = new Map<string, FindingGroup & { all: ShownFinding[] }>();
  const order: string[] = [];
  const add = (key: string, g: Omit<FindingGroup, "counts" | "bySeverity" | "shown">) => {
    if (!groups.has(key)) {
      groups.set(key, { ...g, counts: emptyCounts(), bySeverity: [], shown: 0, all: [] });
      order.push(key);
    }
    return groups.get(key)!;
  };
  const byId = new Map<string, Project>();
  for (const p of report.projects) {
    byId.set(p.id, p);
    add(p.id, { key: p.id, kind: "project", title: p.name, project: p, file: p.location.file, sheet: p.location.sheet });
  }
  const others: { key: string; f: ShownFinding }[] = [];
  report.findings.forEach((f, i) => {
    const shown = { key: findingKey(f, i), finding: f };
    if (f.projectId && byId.has(f.projectId)) {
      const g = groups.get(f.projectId)!;
      g.all.push(shown);
    } else {
      others.push({ key: f.project ? `name:${f.file}\u0000${f.project}` : `file:${f.file}`, f: shown });
    }
  });
  for (const o of others) {
    const f = o.f.finding;
    const g = add(o.key, { key: o.key, kind: "other", title: f.project ?? f.file, project: null, file: f.file, sheet: f.sheet });
    g.all.push(o.f);
  }
  // Severities and words narrow the groups; the chosen project is applied at the end (it is kept even when it has
  // no findings: its scores are what the user asked to see).
  const active = isFilterActive({ ...filter, project: null });
  const words = queryWords(filter.query);
  const out: FindingGroup[] = [];
  for (const key of order) {
    const { all, ...g } = groups.get(key)!;
    const extra = g.project ? [g.project.department ?? "", g.project.unit ?? "", g.project.code ?? ""].join("\n") : "";
    for (const s of all) g.counts[s.finding.severity]++;
    const matching = all.filter((s) => matchesFilter(s.finding, filter, extra));
    for (const sev of SEVERITIES) {
      const list = matching.filter((s) => s.finding.severity === sev);
      if (list.length) g.bySeverity.push({ severity: sev, findings: list });
    }
    g.shown = matching.length;
    if (active && g.shown === 0) {
      // Keep a project whose own name matches the search when no severity is hidden.
      const nameHit =
        words.length > 0 &&
        SEVERITIES.every((s) => filter.severities[s]) &&
        words.every((w) => fold([g.title, g.file, g.sheet ?? "", extra].join("\n")).includes(w));
      if (!nameHit) continue;
    }
    out.push(g);
  }
  // What needs fixing comes first; a stable sort keeps the workbook order within each rank.
  const rank = (g: FindingGroup) => (g.counts.error ? 0 : g.counts.warning ? 1 : g.counts.info ? 2 : 3);
  return out
    .map((g, i) => ({ g, i }))
    .sort((a, b) => rank(a.g) - rank(b.g) || (a.g.kind === b.g.kind ? 0 : a.g.kind === "project" ? -1 : 1) || a.i - b.i)
    .map((x) => x.g)
    .filter((g) => (filter.project ?? null) === null || g.key === filter.project);
}

/** Filtered findings in display order (for "showing n of m"). */
export function shownCount(groups: readonly FindingGroup[]): number {
  return groups.reduce((a, g) => a + g.shown, 0);
}

export interface HeaderNumbers {
  files: number;
  projects: number;
  errors: number;
  warnings: number;
  infos: number;
  grades: Record<Grade, number>;
  meanScore: number | null;
  reviewed: number;
  budget: { adjusted: number; executed: number; rate: number | null };
  /** Sheets that are no template (listed so the user knows they were skipped). */
  skippedSheets: { file: string; sheet: string }[];
  /** Sheets recognised as a template, a spot-check list or review detail. */
  templateSheets: number;
}

export function headerNumbers(report: Report): HeaderNumbers {
  const s = report.summary;
  return {
    files: s.files,
    projects: s.projects,
    errors: s.errors,
    warnings: s.warnings,
    infos: s.infos,
    grades: { ...s.byGrade },
    meanScore: s.meanScore,
    reviewed: s.reviewed,
    budget: s.budget,
    skippedSheets: report.sheets.filter((x) => x.kind === "unrecognized").map((x) => ({ file: x.file, sheet: x.sheet })),
    templateSheets: report.sheets.filter((x) => x.kind !== "unrecognized" && x.kind !== "output").length,
  };
}

/** True when the check found nothing to check: no template, spot-check list or review sheet (a blank form counts: template/blank says what to do). */
export function foundNoTemplates(report: Report): boolean {
  return report.projects.length === 0 && report.reviews.length === 0 && !report.findings.some((f) => f.rule === "template/blank");
}

export interface ProjectFacts {
  template: Project["template"];
  /** Stated 总分 (null when the form has none). */
  stated: number | null;
  computed: number | null;
  /** Grade of the self-score (stated, else computed). */
  grade: Grade | null;
  computedGrade: Grade | null;
  review: { score: number | null; grade: Grade | null; gap: number | null } | null;
  department: string | null;
  unit: string | null;
}

export function projectFacts(p: Project): ProjectFacts {
  return {
    template: p.template,
    stated: p.statedTotal,
    computed: p.computedScore,
    grade: p.grade ?? p.computedGrade,
    computedGrade: p.computedGrade,
    review: p.review ? { score: p.review.score, grade: p.review.grade, gap: p.review.gap } : null,
    department: p.department,
    unit: p.unit,
  };
}

/** Where a finding points, and whether the host can select it (it is in the open workbook). */
export interface FindingTarget {
  file: string;
  sheet: string | null;
  cell: string | null;
  /** True when the finding is in the workbook the host shows and has a sheet and cell to select. */
  selectable: boolean;
  /** True when the finding comes from another file than the open workbook (imported, or file mode). */
  external: boolean;
}

/**
 * `hostFile`: the open workbook's name in Excel (null in file mode: nothing can be selected there).
 */
export function findingTarget(f: Finding, hostFile: string | null): FindingTarget {
  const inHost = hostFile !== null && f.file === hostFile;
  return {
    file: f.file,
    sheet: f.sheet,
    cell: f.cell,
    selectable: inHost && f.sheet !== null && f.cell !== null,
    external: hostFile !== null && !inHost,
  };
}

/**
 * Output plans for the open workbook when other files were checked with it: links to sheets of other files
 * become plain text (those sheets are not in this workbook).
 */
export function keepLocalLinks(plans: SheetPlan[], file: string): SheetPlan[] {
  return plans.map((plan) => {
    if (!plan.rows.some((row) => row.some((c) => c?.link?.file !== undefined && c.link.file !== file))) return plan;
    return {
      ...plan,
      rows: plan.rows.map((row) =>
        row.map((c) => {
          if (!c?.link || c.link.file === undefined || c.link.file === file) return c;
          const { link: _link, ...rest } = c;
          return rest;
        }),
      ),
    };
  });
}

/** "某单位/自评.xlsx" → "自评". */
export function fileStem(name: string): string {
  return name.replace(/^.*[\\/]/, "").replace(/\.[^.]+$/, "") || name;
}

/** A name not in `taken` (case-insensitive): "自评.xlsx" → "自评 (2).xlsx". */
export function uniqueFileName(name: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  if (!used.has(name.toLowerCase())) return name;
  const m = /^(.*?)(\.[^.]+)?$/.exec(name)!;
  for (let i = 2; ; i++) {
    const candidate = `${m[1]} (${i})${m[2] ?? ""}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/** One row of the projects table: a project (or a reviewed project with no self-assessment) and its counts. */
export interface ProjectRow {
  /** The FindingGroup key (selects the project's findings). */
  key: string;
  name: string;
  department: string | null;
  unit: string | null;
  template: Project["template"] | null;
  /** Stated 总分 (null when the form has none). */
  stated: number | null;
  computed: number | null;
  grade: Grade | null;
  review: number | null;
  reviewGrade: Grade | null;
  /** Review score − self-score. */
  gap: number | null;
  errors: number;
  warnings: number;
  infos: number;
  file: string;
  sheet: string | null;
  /** Where selecting the project goes (its title cell), when known. */
  cell: string | null;
  /** Position in the errors-first order (the default sort). */
  order: number;
}

export type ProjectSortKey = "order" | "name" | "department" | "stated" | "computed" | "grade" | "review" | "gap" | "errors" | "warnings";
export interface ProjectSort {
  key: ProjectSortKey;
  dir: "asc" | "desc";
}
export const DEFAULT_PROJECT_SORT: Readonly<ProjectSort> = Object.freeze({ key: "order", dir: "asc" });

/**
 * The projects table's rows: the groups the findings' filter keeps (severities and words; not the chosen project,
 * which the table shows as selected), projects and reviewed projects with no self-assessment, in errors-first
 * order. File-level groups (sheet notes) are no project and are left out.
 */
export function projectRows(report: Report, filter: FindingFilter = EMPTY_FILTER): ProjectRow[] {
  const groups = groupFindings(report, { ...filter, project: null });
  const out: ProjectRow[] = [];
  for (const g of groups) {
    if (g.kind === "other" && !g.key.startsWith("name:")) continue;
    const p = g.project;
    const review = p?.review ?? null;
    const entry = p ? null : report.reviews.find((r) => r.name === g.title && r.location.file === g.file) ?? null;
    out.push({
      key: g.key,
      name: g.title,
      department: p?.department ?? entry?.department ?? null,
      unit: p?.unit ?? null,
      template: p?.template ?? null,
      stated: p?.statedTotal ?? null,
      computed: p?.computedScore ?? null,
      grade: p ? (p.grade ?? p.computedGrade) : null,
      review: review?.score ?? entry?.score ?? null,
      reviewGrade: review?.grade ?? entry?.grade ?? null,
      gap: review?.gap ?? null,
      errors: g.counts.error,
      warnings: g.counts.warning,
      infos: g.counts.info,
      file: g.file,
      sheet: p ? p.location.sheet : (entry?.location.sheet ?? g.sheet),
      cell: p ? (p.fieldCells.name ?? p.location.cell) : (entry?.location.cell ?? null),
      order: out.length,
    });
  }
  return out;
}

const GRADE_RANK: Record<Grade, number> = { 优: 0, 良: 1, 中: 2, 差: 3 };

/** The rows in the chosen order; blanks (no score, no department) always last; ties keep the errors-first order. */
export function sortProjectRows(rows: readonly ProjectRow[], sort: ProjectSort = DEFAULT_PROJECT_SORT): ProjectRow[] {
  const collator = new Intl.Collator("zh-CN");
  const value = (r: ProjectRow): number | string | null => {
    switch (sort.key) {
      case "order":
        return r.order;
      case "name":
        return r.name;
      case "department":
        return r.department;
      case "grade":
        return r.grade === null ? null : GRADE_RANK[r.grade];
      case "stated":
        return r.stated ?? r.computed;
      default:
        return r[sort.key];
    }
  };
  const sign = sort.dir === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === null || vb === null) return va === vb ? a.order - b.order : va === null ? 1 : -1;
    const c = typeof va === "string" ? collator.compare(va, String(vb)) : va - (vb as number);
    return c * sign || a.order - b.order;
  });
}
