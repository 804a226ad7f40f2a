/**
 * What the review workflow writes, as plans every writer can produce (the blank templates' TemplatePlan):
 * - the 抽查名单: a 抽查复核 list the reader reads back (序号 | 主管部门 | 实施单位 | 项目名称 | 项目编码 | 全年预算数 |
 *   自评得分 | 自评等级 | 抽样层 | 抽取方式 | 复核得分 | 复核等级 | 备注) and its 抽样说明 (seed, rule, strata);
 * - one review workbook per sampled project (or one workbook with a 实际绩效 sheet per project): 实际绩效 in the
 *   provincial layout (一级 | 二级 | 三级 | 指标性质 | 指标值 | 计量单位 | 指标权重 | 抽评核实完成值 | 抽评得分 | 备注),
 *   prefilled and locked but for the three review columns, with the self-reported actual and score beside it for
 *   reference; 自评质量 prefilled from the rubric for the reviewer to confirm; 抽评发现的问题 prefilled with the
 *   form's findings. Companion sheets carry the product's mark in A2 (the reader skips them).
 * The forms are government forms: Chinese whatever the UI language.
 */
import { a1 } from "../grid";
import type { Finding, Project } from "../model";
import { OUTPUT_MARKS } from "../output-sheets";
import { projectBudget, projectGrade, projectScore } from "../facts";
import { qualityOf, RUBRIC } from "../quality";
import { ruleTitle } from "../rules";
import { pagePlan } from "../summary/page";
import type { PlanCell } from "../summary/plan";
import type { TemplatePlan } from "../templates";
import type { PickReason, SampleResult, Strata } from "./index";

const MARK = OUTPUT_MARKS[0];
const OP_TEXT: Record<string, string> = { ">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "=" };
const REASON_TEXT: Record<PickReason, string> = { must: "指定抽取", above: "大额必抽", drawn: "随机抽取", department: "部门补抽" };
const STRATA_TEXT: Record<Strata, string> = { grade: "按自评等级分层", department: "按主管部门分层", amount: "按预算金额分层" };

const cell = (v: string | number | null, extra: Partial<PlanCell> = {}): PlanCell => ({ v, border: true, ...extra });
const head = (v: string): PlanCell => ({ v, style: "header", border: true, wrap: true });
const blank = (): PlanCell => ({ v: null });

function titleRows(title: string, width: number, note: string): { rows: PlanCell[][]; merges: TemplatePlan["merges"] } {
  const r0 = [{ v: title, style: "title" } as PlanCell, ...Array.from({ length: width - 1 }, blank)];
  const r1 = [{ v: note, style: "subtitle" } as PlanCell, ...Array.from({ length: width - 1 }, blank)];
  return { rows: [r0, r1], merges: [{ top: 0, left: 0, bottom: 0, right: width - 1 }, { top: 1, left: 0, bottom: 1, right: width - 1 }] };
}

export const SAMPLE_LIST_SHEET = "抽查名单";
export const SAMPLE_NOTE_SHEET = "抽样说明";
export const LIST_HEADERS = ["序号", "主管部门", "实施单位", "项目名称", "项目编码", "全年预算数（万元）", "自评得分", "自评等级", "抽样层", "抽取方式", "复核得分", "复核等级", "备注"];

/** The 抽查名单 (a 抽查复核 list to fill in and read back) and its 抽样说明. */
export function sampleListPlans(s: SampleResult, opts: { year?: number | null } = {}): TemplatePlan[] {
  const W = LIST_HEADERS.length;
  const year = opts.year ? `${opts.year}年度` : "";
  const rows: PlanCell[][] = [];
  rows.push([{ v: `${year}项目支出绩效自评抽查复核名单`, style: "title" }, ...Array.from({ length: W - 1 }, blank)]);
  rows.push(LIST_HEADERS.map(head));
  s.picks.forEach((pick, i) => {
    const p = pick.project;
    rows.push([
      cell(i + 1),
      cell(p.department),
      cell(p.unit),
      cell(p.name),
      cell(p.code),
      cell(projectBudget(p), { fmt: "#,##0.00" }),
      cell(projectScore(p), { fmt: "0.00" }),
      cell(projectGrade(p)),
      cell(pick.stratum),
      cell(REASON_TEXT[pick.reason]),
      cell(null, { fmt: "0.00" }),
      cell(null),
      cell(null),
    ]);
  });
  const last = rows.length;
  const list: TemplatePlan = {
    name: SAMPLE_LIST_SHEET,
    rows,
    widths: [6, 18, 22, 30, 22, 12, 9, 8, 12, 10, 9, 9, 24],
    merges: [{ top: 0, left: 0, bottom: 0, right: W - 1 }],
    freezeRows: 2,
    filter: `A2:${a1(last - 1, W - 1)}`,
    page: pagePlan("landscape", "zh", { from: 1, to: 1 }),
    validations: s.picks.length ? [{ range: `L3:L${last}`, list: ["优", "良", "中", "差"], error: "复核等级请从下拉列表中选择：优、良、中、差。" }] : [],
  };

  const t = titleRows("抽样说明", 6, `${MARK}生成。按下列随机种子和规则可重现本次抽样。`);
  const nr = t.rows;
  const kv = (k: string, v: string | number) => nr.push([cell(k, { style: "label" }), cell(v), ...Array.from({ length: 4 }, blank)]);
  kv("随机种子", s.seed);
  kv("抽样比例", `${Math.round(s.rate * 10000) / 100}%`);
  kv("分层方式", STRATA_TEXT[s.strata]);
  kv("每个主管部门至少抽取", s.minPerDepartment);
  kv("大额必抽（万元及以上）", s.allAbove ?? "—");
  kv("总体项目数", s.population);
  kv("重复报送（只计一次）", s.duplicates);
  kv("主管部门数", s.departments);
  kv("应抽项目数 ⌈比例×总体⌉", s.target);
  kv("实抽项目数", s.picks.length);
  if (s.unmatched.length) kv("指定抽取但未找到", s.unmatched.join("、"));
  const ruleRow = nr.length;
  nr.push([
    cell(
      "抽样规则：各层按项目数比例分配样本量（最大余额法）；指定抽取和大额必抽的项目先入样并计入所在层；" +
        "其余按全年预算数为权重不放回抽取（预算越大入样概率越高）；样本中项目数不足要求的主管部门从本部门补抽。",
      { wrap: true },
    ),
    ...Array.from({ length: 5 }, blank),
  ]);
  nr.push(["层", "项目数", "预算合计（万元）", "分配样本量", "实抽", "抽样比例"].map(head));
  for (const c of s.counts) {
    nr.push([cell(c.stratum), cell(c.population), cell(c.budget, { fmt: "#,##0.00" }), cell(c.allocated), cell(c.sampled), cell(c.population ? c.sampled / c.population : null, { fmt: "0.0%" })]);
  }
  const note: TemplatePlan = {
    name: SAMPLE_NOTE_SHEET,
    rows: nr,
    widths: [26, 18, 16, 12, 10, 10],
    merges: [...t.merges, { top: ruleRow, left: 0, bottom: ruleRow, right: 5 }],
    rowHeights: nr.map((_, r) => (r === ruleRow ? 64 : null)),
    freezeRows: 0,
    page: pagePlan("portrait", "zh"),
  };
  return [list, note];
}

/** 项目编码&项目名称&日期.xlsx, as the provincial systems name review workbooks (unsafe characters replaced). */
export function reviewFileName(p: Pick<Project, "code" | "name">, date: string): string {
  const safe = (s: string) => s.replace(/[\\/:*?"<>|&＆\r\n\t]/g, "_").trim();
  return `${[p.code ? safe(p.code) : null, safe(p.name).slice(0, 80), date].filter((x) => x).join("&")}.xlsx`;
}

export const REVIEW_HEADERS = ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "计量单位", "指标权重", "抽评核实完成值", "抽评得分", "备注", "自评情况（供参考）"];

/** The 实际绩效 sheet of one project. */
export function actualPerformancePlan(p: Project, sheetName = "实际绩效"): TemplatePlan {
  const W = REVIEW_HEADERS.length;
  const rows: PlanCell[][] = [];
  const merges: TemplatePlan["merges"] = [{ top: 0, left: 0, bottom: 0, right: W - 1 }];
  rows.push([{ v: "项目支出绩效抽评表（实际绩效）", style: "title" }, ...Array.from({ length: W - 1 }, blank)]);
  rows.push([cell("项目名称", { style: "label" }), cell(p.name), blank(), blank(), blank(), blank(), cell("项目编码", { style: "label" }), cell(p.code), blank(), blank(), blank()]);
  rows.push([cell("主管部门", { style: "label" }), cell(p.department), blank(), blank(), blank(), blank(), cell("实施单位", { style: "label" }), cell(p.unit), blank(), blank(), blank()]);
  merges.push({ top: 1, left: 1, bottom: 1, right: 5 }, { top: 1, left: 7, bottom: 1, right: W - 1 }, { top: 2, left: 1, bottom: 2, right: 5 }, { top: 2, left: 7, bottom: 2, right: W - 1 });
  const score = projectScore(p);
  const grade = projectGrade(p);
  const exec = p.budget?.computedScore ?? p.budget?.score ?? null;
  rows.push([
    cell(`自评总分：${score ?? "—"}分（${grade ?? "未评定"}）；预算执行得分：${exec ?? "—"}分（抽评得分合计加预算执行得分即为抽评总分）。`, { wrap: true }),
    ...Array.from({ length: W - 1 }, blank),
  ]);
  merges.push({ top: 3, left: 0, bottom: 3, right: W - 1 });
  const headerRow = rows.length;
  rows.push(REVIEW_HEADERS.map(head));
  for (const i of p.indicators) {
    const t = i.target;
    const numeric = t.kind === "number" && t.value !== null;
    const own = i.score ?? i.computedScore;
    rows.push([
      cell(i.level1Label),
      cell(i.level2Label),
      cell(i.name),
      cell(numeric ? (t.op ? OP_TEXT[t.op] : i.direction === "lower" ? "≤" : "≥") : null),
      cell(numeric ? t.value : t.raw || null),
      cell(numeric ? t.unit : null),
      cell(i.weight, { fmt: "0.00" }),
      cell(null),
      cell(null, { fmt: "0.00" }),
      cell(null, { wrap: true }),
      cell(`完成值：${i.actual?.raw || "—"}；自评得分：${own ?? "—"}`, { wrap: true }),
    ]);
  }
  const first = headerRow + 2;
  const lastRow = rows.length;
  return {
    name: sheetName,
    rows,
    widths: [10, 14, 26, 8, 12, 10, 9, 16, 9, 24, 28],
    merges,
    freezeRows: headerRow + 1,
    page: pagePlan("landscape", "zh", { from: headerRow, to: headerRow }),
    protect: { unlocked: lastRow >= first ? [`H${first}:J${lastRow}`] : [] },
  };
}

export const QUALITY_SHEET = "自评质量";
export const PROBLEMS_SHEET = "抽评发现的问题";

export interface ReviewItem {
  project: Project;
  /** The project's own findings (check()'s, projectId = project.id). */
  findings: Finding[];
}

/** 自评质量: the rubric's score per project, prefilled for the reviewer to confirm, and the rubric itself. */
export function qualityPlan(items: readonly ReviewItem[]): TemplatePlan {
  const headers = ["项目名称", "项目编码", "实施单位", ...RUBRIC.dimensions.map((d) => `${d.title.zh}（${d.points}分）`), "自评质量得分", "复核确认得分", "主要扣分", "复核意见"];
  const W = headers.length;
  const t = titleRows("自评质量", W, `${MARK}按评分标准预填，请复核人员确认或修改“复核确认得分”。`);
  const rows = t.rows;
  rows.push(headers.map(head));
  const first = rows.length + 1;
  for (const it of items) {
    const q = qualityOf(it.findings);
    const lost = q.deductions.map((d) => `${RUBRIC.criteria[d.criterion].title.zh}（${d.findings}处，扣${d.points}分）`).join("；");
    rows.push([cell(it.project.name), cell(it.project.code), cell(it.project.unit), ...q.dimensions.map((d) => cell(d.score)), cell(q.score), cell(null), cell(lost || "无", { wrap: true }), cell(null, { wrap: true })]);
  }
  const last = rows.length;
  rows.push(Array.from({ length: W }, blank));
  rows.push([{ v: "评分标准", style: "subtitle" }, ...Array.from({ length: W - 1 }, blank)]);
  rows.push(["维度", "分值", "扣分项", "每处扣分", "最多扣分", "对应检查规则"].map(head).concat(Array.from({ length: W - 6 }, blank)));
  for (const c of RUBRIC.criteria) {
    const d = RUBRIC.dimensions.find((x) => x.key === c.dimension)!;
    rows.push([cell(d.title.zh), cell(d.points), cell(c.title.zh), cell(c.deduction), cell(c.cap), cell(c.rules.join("、"), { wrap: true }), ...Array.from({ length: W - 6 }, blank)]);
  }
  const sc = 3 + RUBRIC.dimensions.length + 1; // 复核确认得分's column
  return {
    name: QUALITY_SHEET,
    rows,
    widths: [28, 20, 22, 12, 12, 12, 12, 12, 12, 40, 24],
    merges: t.merges,
    freezeRows: 0,
    page: pagePlan("landscape", "zh"),
    protect: { unlocked: last >= first ? [`${a1(first - 1, sc)}:${a1(last - 1, sc)}`, `${a1(first - 1, W - 1)}:${a1(last - 1, W - 1)}`] : [] },
  };
}

/** 抽评发现的问题: the forms' errors and warnings, prefilled for the reviewer to confirm, and blank rows for more. */
export function problemsPlan(items: readonly ReviewItem[], blankRows = 10): TemplatePlan {
  const headers = ["序号", "项目名称", "级别", "问题类型", "问题描述", "位置", "复核确认（是/否）", "复核意见"];
  const W = headers.length;
  const t = titleRows("抽评发现的问题", W, `${MARK}按自评表检查结果预填，请复核确认；抽评中发现的其他问题续填在下方空行。`);
  const rows = t.rows;
  rows.push(headers.map(head));
  const first = rows.length + 1;
  let n = 0;
  for (const it of items) {
    for (const f of it.findings) {
      if (f.severity === "info") continue;
      rows.push([cell(++n), cell(it.project.name), cell(f.severity === "error" ? "错误" : "警告"), cell(ruleTitle(f.rule, "zh")), cell(f.message, { wrap: true }), cell([f.sheet, f.cell].filter((x) => x).join("!") || null), cell(null), cell(null, { wrap: true })]);
    }
  }
  for (let i = 0; i < blankRows; i++) rows.push([cell(++n), cell(items.length === 1 ? items[0].project.name : null), cell(null), cell(null), cell(null, { wrap: true }), cell(null), cell(null), cell(null, { wrap: true })]);
  const last = rows.length;
  return {
    name: PROBLEMS_SHEET,
    rows,
    widths: [6, 26, 8, 18, 50, 16, 12, 26],
    merges: t.merges,
    freezeRows: 3,
    page: pagePlan("landscape", "zh", { from: 2, to: 2 }),
    validations: [{ range: `G${first}:G${last}`, list: ["是", "否"], error: "请选择“是”或“否”。" }],
    protect: { unlocked: [`B${last - blankRows + 1}:F${last}`, `G${first}:H${last}`] },
  };
}

export interface ReviewWorkbookPlan {
  fileName: string;
  sheets: TemplatePlan[];
  projects: Project[];
}

/**
 * The review workbooks for the sampled projects: one per project named 项目编码&项目名称&日期.xlsx, or with
 * `oneWorkbook` one workbook (`${oneWorkbook}`) holding a 实际绩效 sheet per project ("实际绩效1" …) and one
 * 自评质量 / 抽评发现的问题 over all of them.
 */
export function reviewWorkbookPlans(items: readonly ReviewItem[], opts: { date: string; oneWorkbook?: string | null }): ReviewWorkbookPlan[] {
  if (opts.oneWorkbook) {
    return [
      {
        fileName: opts.oneWorkbook,
        sheets: [...items.map((it, i) => actualPerformancePlan(it.project, `实际绩效${i + 1}`)), qualityPlan(items), problemsPlan(items)],
        projects: items.map((it) => it.project),
      },
    ];
  }
  const taken = new Set<string>();
  return items.map((it) => {
    let fileName = reviewFileName(it.project, opts.date);
    for (let k = 2; taken.has(fileName.toLowerCase()); k++) fileName = reviewFileName({ ...it.project, name: `${it.project.name}(${k})` }, opts.date);
    taken.add(fileName.toLowerCase());
    return { fileName, sheets: [actualPerformancePlan(it.project), qualityPlan([it]), problemsPlan([it])], projects: [it.project] };
  });
}
