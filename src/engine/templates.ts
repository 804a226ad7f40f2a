/**
 * Blank standard templates as data (SPEC §2): the forms a unit fills in, described the way the summary
 * describes its output sheets (rows of PlanCells, merges, widths), so every writer can produce them:
 * - the Excel add-in: WorkbookHost.insertTemplates(blankTemplates()) adds them as new sheets;
 * - file mode and the generator of assets/samples/blank-*.xlsx: the exceljs writer in the task pane
 *   (src/taskpane/files.ts, `templatesWorkbook`).
 *
 * The forms are the national ones, in Chinese whatever the UI language (they are government forms, and the
 * reader recognises them by their Chinese labels):
 * 1. 项目支出绩效自评表 — 财预〔2020〕10号 附件2 layout: project fields, the budget block (年度资金总额 with the
 *    execution weight 10, 其中：当年财政拨款 / 上年结转资金 / 其他资金), 年度总体目标, the indicator block with every
 *    一级/二级 category of SPEC §2.6 and stub rows ("指标1：", which the reader skips until they are filled in),
 *    总分 100.
 * 2. 项目支出绩效目标表 — 财预〔2015〕88号 style: project fields, 项目属性 / 项目期, funds, 总体目标 (中期 | 年度), the
 *    indicator header and a "年度绩效指标" block.
 * 3. 抽查复核表 — the spot-check list: 序号 | 主管部门 | 项目名称 | 项目编码 | 自评得分 | 复核得分 | 复核等级 | 备注.
 *
 * A blank form read back by the engine is recognised as its template (a test checks it), and once filled in
 * it reads like any submitted form.
 */
import { a1 } from "./grid";
import { pagePlan, rowHeights } from "./summary/page";
import type { PlanCell, SheetPlan } from "./summary/plan";

/**
 * A formula the blank form computes (执行率, the funds row's 得分, 总分). Explicit and apart from the cells: a plan
 * string is never turned into a formula (plan.ts's contract), so only these become formulas. `formula` is in
 * Excel's English syntax without the leading "=" (exceljs `{ formula }`, Office.js `range.formulas` with "=").
 */
export interface TemplateFormula {
  /** 0-based row and column. */
  row: number;
  col: number;
  formula: string;
  fmt?: string;
}

/** A drop-down list on a range of cells (data validation of type list). */
export interface TemplateValidation {
  /** A1 range, e.g. "E15:E40". */
  range: string;
  list: string[];
  /** Shown when a value outside the list is typed. */
  error: string;
}

/**
 * A template is written like an output plan under its own (any) sheet name, plus the formulas and drop-down
 * lists of the form. The one declaration: the host port (engine/host.ts) and every writer use this type.
 */
export type TemplatePlan = Omit<SheetPlan, "name"> & {
  name: string;
  formulas?: TemplateFormula[];
  validations?: TemplateValidation[];
  /**
   * Review forms (issue 16): the sheet is protected (no password) so the prefilled cells stay as they were, and
   * only these A1 ranges are left unlocked for the reviewer to fill in.
   */
  protect?: { unlocked: string[] };
};

export type TemplateKey = "self-assessment" | "goal" | "spot-check";
export const TEMPLATE_KEYS: readonly TemplateKey[] = ["self-assessment", "goal", "spot-check"];

/** Sheet names of the blank templates (hosts make them unique: "项目支出绩效自评表 (2)"). */
export const TEMPLATE_SHEET_NAMES: Readonly<Record<TemplateKey, string>> = {
  "self-assessment": "项目支出绩效自评表",
  goal: "项目支出绩效目标表",
  "spot-check": "抽查复核表",
};

export interface TemplateOptions {
  /** Printed in the year row ("（2024年度）"); default a blank to fill in ("（    年度）"). */
  year?: number;
  /** Stub indicator rows per 二级 category (default 2). */
  rowsPerCategory?: number;
  /** Empty numbered rows of the spot-check list (default 10). */
  listRows?: number;
}

type Merge = SheetPlan["merges"][number];

/** A small builder: cells by (row, col), merges, then a dense PlanCell[][]. */
class Form {
  private readonly cells = new Map<string, PlanCell>();
  readonly merges: Merge[] = [];
  rows = 0;

  constructor(readonly width: number) {}

  put(r: number, c: number, v: string | number | null, style?: PlanCell["style"], extra: Partial<PlanCell> = {}): void {
    const cell: PlanCell = { v, border: true, ...extra };
    if (style) cell.style = style;
    this.cells.set(`${r},${c}`, cell);
    this.rows = Math.max(this.rows, r + 1);
  }

  /** A value in the top-left cell of a merged area; the other cells stay null (bordered). */
  merged(top: number, left: number, bottom: number, right: number, v: string | number | null, style?: PlanCell["style"], extra: Partial<PlanCell> = {}): void {
    this.put(top, left, v, style, extra);
    if (bottom > top || right > left) this.merges.push({ top, left, bottom, right });
    this.rows = Math.max(this.rows, bottom + 1);
  }

  build(borderFrom: number): PlanCell[][] {
    const out: PlanCell[][] = [];
    for (let r = 0; r < this.rows; r++) {
      const row: PlanCell[] = [];
      for (let c = 0; c < this.width; c++) {
        const cell = this.cells.get(`${r},${c}`);
        // Every cell of the form's body has a border, so the printed form shows its grid.
        row.push(cell ?? (r >= borderFrom ? { v: null, border: true } : { v: null }));
      }
      out.push(row);
    }
    return out;
  }
}

/** Rows to write on: at least `min` points from `from` on, `tall` rows (free text) taller. */
function formHeights(plan: Pick<SheetPlan, "rows" | "widths" | "merges">, from: number, min: number, tall: number[] = []): (number | null)[] {
  return rowHeights(plan).map((h, r) => (tall.includes(r) ? 60 : r >= from ? Math.max(h ?? 0, min) : h));
}

function yearRow(year: number | undefined): string {
  return year !== undefined ? `（${year}年度）` : "（　　　　年度）";
}

/** 一级 → its 二级 categories, in the order of the national template (SPEC §2.6). */
const CATEGORIES: { level1: string; level2: string[] }[] = [
  { level1: "产出指标", level2: ["数量指标", "质量指标", "时效指标", "成本指标"] },
  { level1: "效益指标", level2: ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"] },
  { level1: "满意度指标", level2: ["服务对象满意度指标"] },
];

/**
 * The head every project form shares: title, year row, 项目名称 across the width, then the department and
 * 实施单位 on one row (the unit's label in column `unitCol`). Returns the next free row.
 */
/**
 * The stub indicator rows from `row` on (column B 一级, C 二级, D "指标n：" names; `blanks` writes the row's empty
 * value cells): rowsPerCategory rows under each 二级 category, the category labels merged down their rows.
 * Returns the row after the block.
 */
function indicatorRows(f: Form, row: number, opts: TemplateOptions, blanks: (row: number) => void): number {
  const per = Math.max(1, opts.rowsPerCategory ?? 2);
  let r = row;
  for (const cat of CATEGORIES) {
    const top1 = r;
    for (const l2 of cat.level2) {
      const top2 = r;
      for (let i = 0; i < per; i++) {
        f.put(r, 3, `指标${i + 1}：`);
        blanks(r);
        r++;
      }
      f.merged(top2, 2, r - 1, 2, l2, "label", { wrap: true });
    }
    f.merged(top1, 1, r - 1, 1, cat.level1, "label", { wrap: true });
  }
  return r;
}

function formHead(f: Form, title: string, opts: TemplateOptions, departmentLabel: string, unitCol: number): number {
  const last = f.width - 1;
  f.merged(0, 0, 0, last, title, "title", { border: false });
  f.merged(1, 0, 1, last, yearRow(opts.year), "subtitle", { border: false });
  f.put(2, 0, "项目名称", "label");
  f.merged(2, 1, 2, last, null);
  f.put(3, 0, departmentLabel, "label");
  f.merged(3, 1, 3, unitCol - 1, null);
  f.put(3, unitCol, "实施单位", "label");
  f.merged(3, unitCol + 1, 3, last, null);
  return 4;
}

/**
 * 项目支出绩效自评表 (财预〔2020〕10号 附件2, with the 指标性质 column of the 四川 layout so the direction of each
 * target is chosen from a list, not guessed). Columns A–J. The form computes 执行率 and the funds row's 得分
 * from the amounts, and 总分 from the scores.
 */
export function selfAssessmentTemplate(opts: TemplateOptions = {}): TemplatePlan {
  const W = 10;
  const last = W - 1;
  const f = new Form(W);
  const bodyStart = 2;
  const formulas: TemplateFormula[] = [];
  let r = formHead(f, "项目支出绩效自评表", opts, "主管部门", 5);

  // Budget block: A "项目资金（万元）" over five rows; B:C the row labels; D–H the amounts; 得分 in I:J.
  const budgetTop = r;
  f.merged(budgetTop, 0, budgetTop + 4, 0, "项目资金\n（万元）", "label", { wrap: true });
  f.merged(r, 1, r, 2, null, "header");
  ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率"].forEach((l, i) => f.put(r, 3 + i, l, "header"));
  f.merged(r, 8, r, 9, "得分", "header");
  r++;
  const budgetRows: [string, string | number | null, string | null][] = [
    ["年度资金总额", 10, null],
    ["其中：当年财政拨款", "—", "—"],
    ["上年结转资金", "—", "—"],
    ["其他资金", "—", "—"],
  ];
  const totalRow = r;
  for (const [label, weight, score] of budgetRows) {
    f.merged(r, 1, r, 2, label, "label");
    for (let c = 3; c <= 5; c++) f.put(r, c, null, undefined, { fmt: "#,##0.00" });
    f.put(r, 6, weight);
    f.merged(r, 8, r, 9, score);
    f.put(r, 7, label === "年度资金总额" ? null : "—", undefined, { fmt: "0.00%" });
    r++;
  }
  // 执行率 = 全年执行数 / 全年预算数 (年初预算数 when 全年 is blank); 得分 = min(执行率, 1) × 分值.
  const [d, e, fCol, g, h] = [3, 4, 5, 6, 7].map((c) => a1(totalRow, c));
  formulas.push(
    { row: totalRow, col: 7, formula: `IF(N(${e})>0,${fCol}/${e},IF(N(${d})>0,${fCol}/${d},""))`, fmt: "0.00%" },
    { row: totalRow, col: 8, formula: `IF(${h}="","",ROUND(MIN(${h},1)*${g},2))`, fmt: "0.00" },
  );

  // 年度总体目标: 预期目标 | 实际完成情况, then the two texts.
  f.merged(r, 0, r + 1, 0, "年度\n总体\n目标", "label", { wrap: true });
  f.merged(r, 1, r, 4, "预期目标", "header");
  f.merged(r, 5, r, last, "实际完成情况", "header");
  r++;
  f.merged(r, 1, r, 4, null, undefined, { wrap: true });
  f.merged(r, 5, r, last, null, undefined, { wrap: true });
  const goalText = r;
  r++;

  // Indicator block.
  const headerRow = r;
  ["一级指标", "二级指标", "三级指标", "指标\n性质", "年度\n指标值", "实际\n完成值", "分值", "得分", "偏差原因分析\n及改进措施"].forEach((l, i) =>
    f.put(r, 1 + i, l, "header", { wrap: true }),
  );
  r++;
  const firstIndicator = r;
  r = indicatorRows(f, r, opts, (row) => {
    for (let c = 4; c <= last; c++) f.put(row, c, null, undefined, c === last ? { wrap: true } : {});
  });
  const lastIndicator = r - 1;
  f.merged(headerRow, 0, r - 1, 0, "绩\n效\n指\n标", "label", { wrap: true });
  f.merged(r, 0, r, 6, "总分", "label");
  f.put(r, 7, 100);
  f.put(r, 8, null, undefined, { fmt: "0.00" });
  f.put(r, 9, null);
  // 总分 = the funds row's 得分 + Σ indicator 得分.
  formulas.push({ row: r, col: 8, formula: `ROUND(N(${a1(totalRow, 8)})+SUM(${a1(firstIndicator, 8)}:${a1(lastIndicator, 8)}),2)`, fmt: "0.00" });
  r++;
  f.merged(r, 0, r, last, "填报人：　　　　　　联系电话：　　　　　　填报日期：", undefined, { border: false });

  const plan = {
    name: TEMPLATE_SHEET_NAMES["self-assessment"],
    rows: f.build(bodyStart),
    widths: [8, 11, 13, 22, 10, 11, 11, 7, 8, 22],
    merges: f.merges,
    freezeRows: 0,
  };
  return {
    ...plan,
    page: pagePlan("portrait", "zh"),
    rowHeights: formHeights(plan, 2, 20, [goalText]),
    formulas,
    validations: [
      {
        range: `${a1(firstIndicator, 4)}:${a1(lastIndicator, 4)}`,
        list: ["≥", "≤", "="],
        error: "指标性质请从下拉列表中选择：≥（越大越好）、≤（越小越好）、=（等于）。",
      },
    ],
  };
}

/** 项目支出绩效目标表 (财预〔2015〕88号 style) with a 年度 indicator block. Columns A–F. */
export function goalTemplate(opts: TemplateOptions = {}): TemplatePlan {
  const W = 6;
  const last = W - 1;
  const f = new Form(W);
  const bodyStart = 2;
  let r = formHead(f, "项目支出绩效目标申报表", opts, "主管部门及代码", 3);
  f.put(r, 0, "项目属性", "label");
  f.merged(r, 1, r, 2, null);
  f.put(r, 3, "项目期", "label");
  f.merged(r, 4, r, last, null);
  r++;
  // Funds: 年度资金总额 and its parts (万元).
  f.merged(r, 0, r + 2, 0, "项目资金\n（万元）", "label", { wrap: true });
  for (const label of ["年度资金总额：", "其中：财政拨款", "其他资金"]) {
    f.merged(r, 1, r, 2, label, "label");
    f.merged(r, 3, r, last, null, undefined, { fmt: "#,##0.00" });
    r++;
  }
  // 总体目标: 中期目标 | 年度目标, then the texts.
  f.merged(r, 0, r + 1, 0, "总体目标", "label");
  f.merged(r, 1, r, 2, "中期目标", "header");
  f.merged(r, 3, r, last, "年度目标", "header");
  r++;
  f.merged(r, 1, r, 2, null, undefined, { wrap: true });
  f.merged(r, 3, r, last, null, undefined, { wrap: true });
  const goalText = r;
  r++;
  // Indicators: header, then the 年度 block.
  const headerRow = r;
  ["一级指标", "二级指标", "三级指标", "指标值", "备注"].forEach((l, i) => f.put(r, 1 + i, l, "header"));
  r++;
  f.merged(r, 1, r, last, "年度绩效指标", "subtitle");
  r++;
  r = indicatorRows(f, r, opts, (row) => {
    f.put(row, 4, null);
    f.put(row, 5, null);
  });
  f.merged(headerRow, 0, r - 1, 0, "绩效指标", "label", { wrap: true });
  const plan = {
    name: TEMPLATE_SHEET_NAMES.goal,
    rows: f.build(bodyStart),
    widths: [12, 12, 16, 28, 16, 16],
    merges: f.merges,
    freezeRows: 0,
  };
  return { ...plan, page: pagePlan("portrait", "zh"), rowHeights: formHeights(plan, 2, 20, [goalText]) };
}

/** 抽查复核表: the spot-check list. Columns A–H. */
export function spotCheckTemplate(opts: TemplateOptions = {}): TemplatePlan {
  const labels = ["序号", "主管部门", "项目名称", "项目编码", "自评得分", "复核得分", "复核等级", "备注"];
  const W = labels.length;
  const f = new Form(W);
  const yearText = opts.year !== undefined ? `${opts.year}年度` : "　　　　年度";
  f.merged(0, 0, 0, W - 1, `${yearText}项目支出绩效自评抽查复核表`, "title", { border: false });
  labels.forEach((l, i) => f.put(1, i, l, "header"));
  const n = Math.max(1, opts.listRows ?? 10);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < W; c++) f.put(2 + i, c, null, undefined, c === 4 || c === 5 ? { fmt: "0.00" } : {});
  }
  const plan = {
    name: TEMPLATE_SHEET_NAMES["spot-check"],
    rows: f.build(1),
    widths: [6, 18, 30, 22, 10, 10, 10, 24],
    merges: f.merges,
    freezeRows: 2,
    filter: `A2:H${2 + n}`,
  };
  return {
    ...plan,
    page: pagePlan("landscape", "zh", { from: 1, to: 1 }),
    rowHeights: formHeights(plan, 2, 22),
    validations: [{ range: `G3:G${2 + n}`, list: ["优", "良", "中", "差"], error: "复核等级请从下拉列表中选择：优、良、中、差。" }],
  };
}

const BUILDERS: Record<TemplateKey, (opts: TemplateOptions) => TemplatePlan> = {
  "self-assessment": selfAssessmentTemplate,
  goal: goalTemplate,
  "spot-check": spotCheckTemplate,
};

/** One blank template. */
export function blankTemplate(key: TemplateKey, opts: TemplateOptions = {}): TemplatePlan {
  return BUILDERS[key](opts);
}

/** The blank standard templates (all of them, or the ones named), in the order of TEMPLATE_KEYS. */
export function blankTemplates(keys: readonly TemplateKey[] = TEMPLATE_KEYS, opts: TemplateOptions = {}): TemplatePlan[] {
  return TEMPLATE_KEYS.filter((k) => keys.includes(k)).map((k) => BUILDERS[k](opts));
}
