/**
 * The domain model (zod). Everything the engine produces is one of these shapes; the JSON that
 * `bpr check --format json` prints is `Report` (SPEC §7), and `bpr schema` prints its JSON Schema.
 *
 * Field names here are a public contract: never rename them.
 */
import { z } from "zod";

export const Severity = z.enum(["error", "warning", "info"]);
export type Severity = z.infer<typeof Severity>;

export const Level1Key = z.enum(["output", "effect", "satisfaction", "cost"]);
export type Level1Key = z.infer<typeof Level1Key>;

export const Level2Key = z.enum([
  "quantity",
  "quality",
  "timeliness",
  "cost",
  "economic",
  "social",
  "ecological",
  "cultural",
  "sustainability",
  "satisfaction",
  "economic-cost",
  "social-cost",
  "ecological-cost",
]);
export type Level2Key = z.infer<typeof Level2Key>;

/** The 一级 category a 二级 category belongs to (a 二级 label standing in the 一级 column is still its category). */
export const LEVEL2_PARENT: Readonly<Record<Level2Key, Level1Key>> = {
  quantity: "output",
  quality: "output",
  timeliness: "output",
  cost: "output",
  economic: "effect",
  social: "effect",
  ecological: "effect",
  cultural: "effect",
  sustainability: "effect",
  satisfaction: "satisfaction",
  "economic-cost": "cost",
  "social-cost": "cost",
  "ecological-cost": "cost",
};

export const Operator = z.enum([">=", "<=", ">", "<", "="]);
export type Operator = z.infer<typeof Operator>;

export const Grade = z.enum(["优", "良", "中", "差"]);
export type Grade = z.infer<typeof Grade>;

/** A parsed target or actual value (SPEC §3). */
export const Value = z.object({
  /** The text as the cell shows it (operator/number/unit cells joined for split layouts). */
  raw: z.string(),
  /**
   * empty: no value ("", "—", "/", "*", "－");
   * number: a quantity with optional operator and unit;
   * qualitative: words ("效果明显", "12月底之前完成");
   * placeholder: a template stub that is not a value ("**", "XX", "≥**人次", "__");
   * error: an Excel error value ("#DIV/0!").
   */
  kind: z.enum(["empty", "number", "qualitative", "placeholder", "error"]),
  /** The operator as stated (null when none was written). */
  op: Operator.nullable(),
  value: z.number().nullable(),
  unit: z.string().nullable(),
});
export type Value = z.infer<typeof Value>;

/** Which cells an indicator row came from (A1 addresses on the indicator's sheet). */
export const IndicatorCells = z.object({
  name: z.string(),
  target: z.string().nullable(),
  actual: z.string().nullable(),
  weight: z.string().nullable(),
  score: z.string().nullable(),
  reason: z.string().nullable(),
  reviewScore: z.string().nullable(),
});
export type IndicatorCells = z.infer<typeof IndicatorCells>;

export const IndicatorReview = z.object({
  actual: Value.nullable(),
  score: z.number().nullable(),
  note: z.string().nullable(),
  cell: z.string().nullable(),
});
export type IndicatorReview = z.infer<typeof IndicatorReview>;

export const Direction = z.enum(["higher", "lower", "equal", "qualitative"]);
export type Direction = z.infer<typeof Direction>;

export const Indicator = z.object({
  level1: Level1Key.nullable(),
  level1Label: z.string().nullable(),
  level2: Level2Key.nullable(),
  level2Label: z.string().nullable(),
  name: z.string(),
  target: Value,
  /** null on goal tables (no actual column). */
  actual: Value.nullable(),
  weight: z.number().nullable(),
  score: z.number().nullable(),
  /** Filled by scoring; null when it cannot be computed. */
  computedScore: z.number().nullable(),
  reason: z.string().nullable(),
  /** A1 address of the indicator's name cell. */
  cell: z.string(),
  cells: IndicatorCells,
  /** Scoring direction: the stated operator, else inferred from the name and category (SPEC §3). */
  direction: Direction,
  /** Where the weight came from: the sheet, or the profile's split (forms with no score columns). */
  weightSource: z.enum(["sheet", "profile"]).nullable(),
  /** Goal tables with 中期 and 年度 blocks: which block. */
  block: z.enum(["annual", "midterm"]).nullable(),
  /** Department-level forms: 得分系数 (fraction) and 是否核心指标. */
  coefficient: z.number().nullable(),
  core: z.boolean().nullable(),
  /** 定量/定性 when the sheet says so. */
  nature: z.enum(["quantitative", "qualitative"]).nullable(),
  review: IndicatorReview.nullable(),
});
export type Indicator = z.infer<typeof Indicator>;

export const BudgetLine = z.object({
  label: z.string(),
  initial: z.number().nullable(),
  adjusted: z.number().nullable(),
  executed: z.number().nullable(),
  cell: z.string(),
});
export type BudgetLine = z.infer<typeof BudgetLine>;

export const Budget = z.object({
  initial: z.number().nullable(),
  adjusted: z.number().nullable(),
  executed: z.number().nullable(),
  /** Execution rate used for scoring (executed / adjusted, fraction); falls back to the stated rate. */
  rate: z.number().nullable(),
  statedRate: z.number().nullable(),
  /** Execution weight in force: stated on the sheet, else the profile's. */
  weight: z.number().nullable(),
  statedWeight: z.number().nullable(),
  /** Stated execution score. */
  score: z.number().nullable(),
  computedScore: z.number().nullable(),
  reason: z.string().nullable(),
  /** True when the total row was blank/zero and the sub-rows' sum was used. */
  fromSubRows: z.boolean(),
  lines: z.array(BudgetLine),
  cells: z.object({
    total: z.string().nullable(),
    initial: z.string().nullable(),
    adjusted: z.string().nullable(),
    executed: z.string().nullable(),
    rate: z.string().nullable(),
    weight: z.string().nullable(),
    score: z.string().nullable(),
    reason: z.string().nullable(),
  }),
});
export type Budget = z.infer<typeof Budget>;

export const Location = z.object({
  file: z.string(),
  sheet: z.string(),
  /** Top-left cell of the form (its title or first label). */
  cell: z.string().nullable(),
});
export type Location = z.infer<typeof Location>;

export const ProjectReview = z.object({
  score: z.number().nullable(),
  grade: Grade.nullable(),
  /** review score − self-score */
  gap: z.number().nullable(),
  note: z.string().nullable(),
  location: Location.nullable(),
});
export type ProjectReview = z.infer<typeof ProjectReview>;

/**
 * The reading map (issue 12): what the reader took from a sheet, so a user can trust it or tell what it got wrong.
 * `header`: each header cell of the table read and the role it was taken for (null: no role, reported by
 * template/unknown-column); `rows`: runs of rows and what they were taken as (indicator, budget-total,
 * budget-line, category, subtotal, total, placeholder, footer, list-row, review-row …) with why when skipped;
 * `missing`: roles the form needed but did not have (a self-assessment with no target column); `found`: on a
 * sheet that looks like a template but could not be read, what was there.
 */
export const ColumnReading = z.object({
  column: z.string(),
  cell: z.string(),
  text: z.string(),
  role: z.string().nullable(),
  /** Where the role came from: the header's words, or the cells below it (a column of category names). */
  by: z.enum(["header", "content"]).optional(),
});
export type ColumnReading = z.infer<typeof ColumnReading>;

export const RowReading = z.object({
  /** 1-based sheet rows, both included. */
  from: z.number(),
  to: z.number(),
  kind: z.string(),
  note: z.string().optional(),
});
export type RowReading = z.infer<typeof RowReading>;

export const ReadingMap = z.object({
  header: z.array(ColumnReading),
  budgetHeader: z.array(ColumnReading),
  rows: z.array(RowReading),
  missing: z.array(z.string()),
  found: z.array(z.string()),
});
export type ReadingMap = z.infer<typeof ReadingMap>;

export const TemplateKind = z.enum(["self-assessment", "department-self-assessment", "goal"]);
export type TemplateKind = z.infer<typeof TemplateKind>;

export const Project = z.object({
  /** Unique within a run: "file!sheet!n". */
  id: z.string(),
  name: z.string(),
  code: z.string().nullable(),
  department: z.string().nullable(),
  departmentCode: z.string().nullable(),
  unit: z.string().nullable(),
  template: TemplateKind,
  year: z.number().nullable(),
  location: Location,
  /** A1 addresses of the label cells for 项目名称 / 主管部门 / 实施单位 (null when the label is absent). */
  fieldCells: z.object({ name: z.string().nullable(), department: z.string().nullable(), unit: z.string().nullable() }),
  budget: Budget.nullable(),
  /** Goal tables: 中期资金总额 when present. */
  midtermFunds: z.number().nullable(),
  goal: z.object({ target: z.string().nullable(), actual: z.string().nullable(), midterm: z.string().nullable() }),
  indicators: z.array(Indicator),
  /** "产出指标(50分)" → { output: {weight: 50, cell} } */
  declaredWeights: z.array(z.object({ level1: Level1Key.nullable(), label: z.string(), weight: z.number(), cell: z.string() })),
  /** Stated 总分 / 自评总分 and its weight column value (usually 100). */
  statedTotal: z.number().nullable(),
  statedTotalCell: z.string().nullable(),
  statedTotalWeight: z.number().nullable(),
  /** Closing text rows (四川): 评价结论 / 存在问题 / 改进措施. */
  conclusion: z.string().nullable(),
  problems: z.string().nullable(),
  measures: z.string().nullable(),
  /** Whether the form has score columns at all (湖南 style has none). */
  hasScoreColumns: z.boolean(),
  /** Filled by scoring. */
  selfScore: z.number().nullable(),
  computedScore: z.number().nullable(),
  grade: Grade.nullable(),
  computedGrade: Grade.nullable(),
  /** Filled by the spot-check comparison. */
  review: ProjectReview.nullable(),
  /** The reading map of the form (optional: projects built by hand have none). */
  reading: ReadingMap.optional(),
  /** "department": a 部门整体 form (its project is the department; no 项目名称 / 实施单位 to demand). */
  scope: z.enum(["project", "department"]).optional(),
  /**
   * 自评质量 (issue 16): the self-assessment's quality score out of 100 from the rubric (engine/quality/rubric.ts)
   * and its findings, with each dimension's score. Filled by check(); absent on goal tables and hand-built projects.
   */
  quality: z
    .object({
      score: z.number(),
      completeness: z.number(),
      accuracy: z.number(),
      reasoning: z.number(),
      targets: z.number(),
      /** The reviewer's 复核确认得分 from a review workbook's 自评质量 sheet, when filled in. */
      confirmed: z.number().nullable().optional(),
      confirmedNote: z.string().nullable().optional(),
    })
    .optional(),
});
export type Project = z.infer<typeof Project>;

/** One row of a spot-check list, or one per-indicator review sheet ("实际绩效"). */
export const ReviewEntry = z.object({
  name: z.string(),
  code: z.string().nullable(),
  department: z.string().nullable(),
  /** 实施单位 when the list or review sheet names it (issue 16): tells same-named projects of one department apart. */
  unit: z.string().nullable().optional(),
  selfScore: z.number().nullable(),
  score: z.number().nullable(),
  grade: Grade.nullable(),
  note: z.string().nullable(),
  location: Location,
  /** Per-indicator review rows (review sheet "实际绩效"), else empty. */
  indicators: z.array(
    z.object({
      level1: Level1Key.nullable(),
      level2: Level2Key.nullable(),
      name: z.string(),
      target: Value,
      weight: z.number().nullable(),
      actual: Value,
      score: z.number().nullable(),
      note: z.string().nullable(),
      cell: z.string(),
    }),
  ),
});
export type ReviewEntry = z.infer<typeof ReviewEntry>;

export const SheetKind = z.enum([
  "self-assessment",
  "department-self-assessment",
  "goal",
  "spot-check-list",
  "spot-check-detail",
  "output",
  "unrecognized",
]);
export type SheetKind = z.infer<typeof SheetKind>;

export const SheetInfo = z.object({
  file: z.string(),
  sheet: z.string(),
  kind: SheetKind,
  projects: z.number(),
  /** The reading map of a list, a review sheet or an unreadable sheet (forms: each project's own). */
  reading: ReadingMap.optional(),
  /** The sheet looks like a template (指标 words, scores, budget labels) but could not be read (template/unreadable). */
  unreadable: z.boolean().optional(),
});
export type SheetInfo = z.infer<typeof SheetInfo>;

export const Finding = z.object({
  rule: z.string(),
  severity: Severity,
  message: z.string(),
  suggestion: z.string(),
  file: z.string(),
  sheet: z.string().nullable(),
  cell: z.string().nullable(),
  /** Project name (null for sheet- or run-level findings). */
  project: z.string().nullable(),
  projectId: z.string().nullable(),
  /** Message parameters, so a host can re-render the message in another language. */
  data: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
});
export type Finding = z.infer<typeof Finding>;

export const Summary = z.object({
  files: z.number(),
  projects: z.number(),
  byGrade: z.object({ 优: z.number(), 良: z.number(), 中: z.number(), 差: z.number() }),
  errors: z.number(),
  warnings: z.number(),
  infos: z.number(),
  budget: z.object({ adjusted: z.number(), executed: z.number(), rate: z.number().nullable() }),
  meanScore: z.number().nullable(),
  reviewed: z.number(),
  /**
   * Added in the second round (issue 15); optional so older reports still parse. `projects` counts the assessed
   * forms (project and department self-assessments); `byTemplate` names what each count is.
   */
  byTemplate: z
    .object({ "self-assessment": z.number(), "department-self-assessment": z.number(), goal: z.number() })
    .optional(),
  /** Grades after the spot check: the review grade where a review exists, else the self grade (结果应用). */
  byFinalGrade: z.object({ 优: z.number(), 良: z.number(), 中: z.number(), 差: z.number() }).optional(),
  /** Assessed forms with no grade at all (no score could be stated or computed). */
  ungraded: z.number().optional(),
  /**
   * `budget` covers project self-assessments only; 部门整体 (department-level) forms are totalled here, apart, so
   * department money is never added into project totals or the project execution rate.
   */
  departmentBudget: z.object({ adjusted: z.number(), executed: z.number(), rate: z.number().nullable() }).optional(),
});
export type Summary = z.infer<typeof Summary>;

/** A file that could not be read (named, with the reason in the user's language). */
export const InputError = z.object({ file: z.string(), code: z.string(), message: z.string() });
export type InputError = z.infer<typeof InputError>;

export const Report = z.object({
  schemaVersion: z.literal(1),
  profile: z.string(),
  /**
   * The profile thresholds the written outputs use (the report names projects with low execution): carried with
   * the report so a summary planned from it agrees with its findings, whichever host plans it.
   */
  thresholds: z.object({ lowExecutionRate: z.number() }).optional(),
  lang: z.enum(["zh", "en"]),
  projects: z.array(Project),
  reviews: z.array(ReviewEntry),
  sheets: z.array(SheetInfo),
  findings: z.array(Finding),
  summary: Summary,
  /** Files that could not be read; the others were still checked. */
  inputErrors: z.array(InputError).default([]),
});
export type Report = z.infer<typeof Report>;

/** JSON Schema of the report, generated from the zod model (`bpr schema`). */
export function reportJsonSchema(): unknown {
  return z.toJSONSchema(Report, { target: "draft-2020-12" });
}
