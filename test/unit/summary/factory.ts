/**
 * Report factory for the summary and writer tests: complete Report objects validated with Report.parse,
 * built without the reader, scorer or rules (the summary only reads a Report).
 *
 *   project({ name, selfScore: 85, budget: { adjusted: 100, executed: 90 } })
 *   finding({ rule: "target/missing", severity: "error", project: p, cell: "E17" })
 *   makeReport({ projects, findings, reviews })      → summary computed by engine/index.ts summarise
 *   demoReport()                                      → the scenario most tests use (see below)
 */
import { summarise } from "../../../src/engine";
import { makeBudget } from "../../helpers/factories";
import { blankReview } from "../../helpers/review-factory";
import { BUILTIN_PROFILES } from "../../../src/engine/profiles/builtin";
import { gradeOf as gradeFor } from "../../../src/engine/score/grade";
import { type Budget, type Finding, type Grade, type Project, Report, type ReviewEntry, type Severity } from "../../../src/engine/model";

type BudgetInit = Partial<Budget> & { adjusted?: number | null; executed?: number | null };

export function budget(init: BudgetInit = {}): Budget {
  const adjusted = init.adjusted === undefined ? 100 : init.adjusted;
  const executed = init.executed === undefined ? 100 : init.executed;
  return makeBudget({
    initial: adjusted,
    adjusted,
    executed,
    rate: adjusted && executed !== null ? executed / adjusted : null,
    weight: 10,
    cells: { total: "C6", initial: "E6", adjusted: "F6", executed: "G6", rate: "I6", weight: "H6", score: "J6", reason: null },
    ...init,
  });
}

/** The national grade of a score (the engine's own gradeOf). */
function gradeOf(score: number | null): Grade | null {
  return gradeFor(score, BUILTIN_PROFILES.national);
}

let seq = 0;

export type ProjectInit = Partial<Omit<Project, "budget">> & { budget?: BudgetInit | null; file?: string; sheet?: string };

/** A scored self-assessment (grade derived from selfScore unless given). */
export function project(init: ProjectInit = {}): Project {
  seq++;
  const file = init.file ?? init.location?.file ?? "教育局.xlsx";
  const sheet = init.sheet ?? init.location?.sheet ?? `自评表${seq}`;
  const { budget: b, file: _f, sheet: _s, ...rest } = init;
  const selfScore = init.selfScore === undefined ? 90 : init.selfScore;
  const computedScore = init.computedScore === undefined ? selfScore : init.computedScore;
  const template = init.template ?? "self-assessment";
  const p = {
    id: `${file}!${sheet}!1`,
    name: `项目${seq}`,
    code: null,
    department: "县教育局",
    departmentCode: null,
    unit: "县第一中学",
    template,
    year: 2023,
    location: { file, sheet, cell: "A1" },
    fieldCells: { name: "B3", department: "B4", unit: "F4" },
    budget: b === null ? null : budget(b),
    midtermFunds: null,
    goal: { target: null, actual: null, midterm: null },
    indicators: [],
    declaredWeights: [],
    statedTotal: template === "goal" ? null : selfScore,
    statedTotalCell: template === "goal" ? null : "H30",
    statedTotalWeight: template === "goal" ? null : 100,
    conclusion: null,
    problems: null,
    measures: null,
    hasScoreColumns: template !== "goal",
    selfScore: template === "goal" ? null : selfScore,
    computedScore: template === "goal" ? null : computedScore,
    grade: template === "goal" ? null : gradeOf(selfScore),
    computedGrade: template === "goal" ? null : gradeOf(computedScore),
    review: null,
    ...rest,
  };
  return p as Project;
}

/** Attach a review to a project (gap = review − self). */
export function reviewed(p: Project, score: number, grade: Grade | null = gradeOf(score), sheet = "抽查复核表"): Project {
  return {
    ...p,
    review: {
      score,
      grade,
      gap: p.selfScore === null ? null : Math.round((score - p.selfScore) * 100) / 100,
      note: null,
      location: { file: p.location.file, sheet, cell: "B5" },
    },
  };
}

export function reviewEntry(init: Partial<ReviewEntry> & { name: string }): ReviewEntry {
  return blankReview(init.name, { file: "教育局.xlsx", sheet: "抽查复核表", cell: "A5" }, init);
}

export type FindingInit = Partial<Omit<Finding, "project">> & { rule: string; severity?: Severity; project?: Project | string | null };

export function finding(init: FindingInit): Finding {
  const p = typeof init.project === "object" ? init.project : null;
  const { project: _p, ...rest } = init;
  return {
    severity: "warning",
    message: `${init.rule} 的说明`,
    suggestion: `${init.rule} 的建议`,
    file: p?.location.file ?? "教育局.xlsx",
    sheet: p?.location.sheet ?? null,
    cell: null,
    project: p ? p.name : typeof init.project === "string" ? init.project : null,
    projectId: p ? p.id : null,
    data: {},
    ...rest,
  };
}

export interface ReportInit {
  projects?: Project[];
  reviews?: ReviewEntry[];
  findings?: Finding[];
  files?: string[];
  lang?: "zh" | "en";
  profile?: string;
}

/** A Report with its summary computed by engine/index.ts `summarise`. */
export function makeReport(init: ReportInit = {}): Report {
  const projects = init.projects ?? [];
  const findings = init.findings ?? [];
  const files = init.files ?? [...new Set(projects.map((p) => p.location.file))];
  const sheets = projects.map((p) => ({
    file: p.location.file,
    sheet: p.location.sheet,
    kind: p.template,
    projects: 1,
  }));
  return Report.parse({
    schemaVersion: 1,
    profile: init.profile ?? "national",
    lang: init.lang ?? "zh",
    projects,
    reviews: init.reviews ?? [],
    sheets: [...sheets, ...files.filter((f) => !sheets.some((s) => s.file === f)).map((file) => ({ file, sheet: "Sheet1", kind: "unrecognized", projects: 0 }))],
    findings,
    summary: summarise(Math.max(files.length, 1), projects, findings),
  });
}

export const FORMULA_NAME = '=HYPERLINK("http://x","y")';
export const PLUS_NAME = "+1";
export const AT_NAME = "@SUM(A1)";

/**
 * The demo scenario (one workbook 教育局.xlsx):
 *   营养餐   self 95 (优), computed 94.5, budget 200/190, reviewed 80 (良): gap −15 → spotcheck/gap + grade-changed
 *   =HYPERLINK(…) (unit "+1")   self 85 (良), budget 100/50, findings target/missing (error E17), budget/low-execution
 *   @SUM(A1) (卫健委, unit "-2")  self 55 (差), budget 300/300, reviewed 40 (差): spotcheck/gap + poor, category/missing-output
 *   部门整体   department form, self 88 (良), budget 500/450
 *   营养餐 goal table, 年度资金 200
 *   review entry 乡村道路养护 (no self-assessment) → spotcheck/no-self-assessment
 *   template/unrecognized info on sheet 说明
 * Totals: 4 assessed projects, budget 1,100 / executed 990 (90%), mean 80.75, 优1 良2 中0 差1.
 */
export function demoReport(opts: { lang?: "zh" | "en" } = {}): { report: Report; p: Record<string, Project> } {
  const meal = reviewed(
    project({ name: "义务教育营养餐", sheet: "营养餐自评", selfScore: 95, computedScore: 94.5, budget: { adjusted: 200, executed: 190 } }),
    80,
  );
  const formula = project({ name: FORMULA_NAME, unit: PLUS_NAME, sheet: "自评表2", selfScore: 85, budget: { adjusted: 100, executed: 50 } });
  const at = reviewed(
    project({ name: AT_NAME, department: "县卫健委", unit: "-2", sheet: "自评表3", selfScore: 55, budget: { adjusted: 300, executed: 300 } }),
    40,
  );
  const dept = project({
    name: "县卫健委部门整体支出",
    department: "县卫健委",
    unit: "县卫健委",
    template: "department-self-assessment",
    sheet: "部门整体",
    selfScore: 88,
    budget: { adjusted: 500, executed: 450 },
  });
  const goal = project({ name: "义务教育营养餐", template: "goal", sheet: "营养餐目标", budget: { adjusted: 200, executed: null } });
  const findings = [
    finding({ rule: "template/unrecognized", severity: "info", sheet: "说明", cell: null, message: "工作表“说明”不是可识别的表样，已跳过。" }),
    finding({ rule: "spotcheck/gap", severity: "warning", project: meal, cell: "H30", message: "自评 95 分，复核 80 分，相差 15 分。" }),
    finding({ rule: "spotcheck/grade-changed", severity: "warning", project: meal, cell: "H30", message: "复核后等级由优变为良。" }),
    finding({ rule: "budget/low-execution", severity: "warning", project: formula, cell: "I6", message: "执行率 50% 低于 90%，未说明原因。" }),
    finding({ rule: "target/missing", severity: "error", project: formula, cell: "F17", message: "指标“培训人次”未填写年度指标值。" }),
    finding({ rule: "category/missing-output", severity: "error", project: at, cell: null, message: "没有产出指标。" }),
    finding({ rule: "spotcheck/gap", severity: "warning", project: at, cell: "H30", message: "自评 55 分，复核 40 分，相差 15 分。" }),
    finding({ rule: "spotcheck/poor", severity: "error", project: at, cell: "H30", message: "抽评结果为差。" }),
    finding({
      rule: "spotcheck/no-self-assessment",
      severity: "error",
      project: "乡村道路养护",
      sheet: "抽查复核表",
      cell: "A7",
      message: "复核项目“乡村道路养护”未找到自评表。",
    }),
  ];
  const reviews = [
    reviewEntry({ name: "义务教育营养餐", score: 80, location: { file: "教育局.xlsx", sheet: "抽查复核表", cell: "A5" } }),
    reviewEntry({ name: AT_NAME, department: "县卫健委", score: 40, location: { file: "教育局.xlsx", sheet: "抽查复核表", cell: "A6" } }),
    reviewEntry({ name: "乡村道路养护", department: "县交通局", selfScore: 90, score: 70, location: { file: "教育局.xlsx", sheet: "抽查复核表", cell: "A7" } }),
  ];
  const report = makeReport({ projects: [meal, formula, at, dept, goal], reviews, findings, lang: opts.lang });
  return { report, p: { meal, formula, at, dept, goal } };
}
