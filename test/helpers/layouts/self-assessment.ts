/**
 * 项目支出绩效自评表 builders (SPEC §2.1): one data-driven writer for every layout variant. A layout says
 * which labels and column roles the form has; a project says what is filled in. The writer records
 * where it put everything (BuiltForm) so tests can check the reader's cell addresses.
 */
import type * as ExcelJS from "exceljs";
import { addr, type CellInput, type Origin, put, putMerged } from "./cells";

export type IndicatorRole =
  | "level1"
  | "level2"
  | "name"
  | "op"
  | "target"
  | "unit"
  | "actual"
  | "weight"
  | "score"
  | "reason"
  | "reviewActual"
  | "reviewScore"
  | "reviewNote"
  | "note";

export type BudgetRole = "initial" | "adjusted" | "executed" | "weight" | "rate" | "score" | "reason";

/** One header column: its role and its label (a [top, bottom] pair writes the label split over two rows). */
export interface Column<R extends string> {
  role: R;
  label: string | [string, string];
}

/** How 一级/二级 labels are written over the rows they cover. */
export type LevelStyle =
  | "merge" // written once and merged vertically (the usual form)
  | "repeat" // written on every row
  | "first"; // written once, no merge (the reader must inherit blanks)

export interface SelfAssessmentLayout {
  title: string;
  /** "（2023年度）" row under the title; null: no year row. */
  yearRow: ((year: number | string) => string) | null;
  nameLabel: string;
  departmentLabel: string;
  unitLabel: string;
  /** Left margin column label over the budget block ("项目资金\n（万元）"); null puts it in the header row's label area. */
  budgetLabel: string;
  budgetLabelColumn: boolean;
  budgetColumns: Column<BudgetRole>[];
  goal: { label: string; target: string; actual: string } | null;
  /** Left margin label over the indicator block ("绩\n效\n指\n标"); null: no margin column. */
  indicatorMargin: string | null;
  indicatorColumns: Column<IndicatorRole>[];
  /** Two-row indicator header: a group label merged over some columns ("自评情况" over 分值/得分). */
  headerGroups?: { label: string; from: IndicatorRole; to: IndicatorRole }[];
  totalLabel: string | null;
  level1Style: LevelStyle;
  level2Style: LevelStyle;
}

export interface IndicatorSpec {
  /** Label as written; omitted: the row continues the previous 一级 area. */
  level1?: CellInput;
  level2?: CellInput;
  name?: CellInput;
  target?: CellInput;
  actual?: CellInput;
  weight?: CellInput;
  score?: CellInput;
  reason?: CellInput;
  op?: CellInput;
  unit?: CellInput;
  reviewActual?: CellInput;
  reviewScore?: CellInput;
  reviewNote?: CellInput;
  note?: CellInput;
}

export interface BudgetRowSpec {
  label: CellInput;
  initial?: CellInput;
  adjusted?: CellInput;
  executed?: CellInput;
  weight?: CellInput;
  rate?: CellInput;
  score?: CellInput;
  reason?: CellInput;
}

export interface ProjectSpec {
  /** Lines above the form ("附件2", "填报单位（盖章）：…"). */
  preamble?: CellInput[];
  title?: CellInput;
  year?: number | string;
  name: CellInput;
  department?: CellInput;
  unit?: CellInput;
  /** Extra key–value rows after 主管部门 ("项目负责人及电话" → "（略）"). */
  extraRows?: { label: CellInput; value: CellInput }[];
  /** First row is the total (年度资金总额 / 总额), then the sub-rows. */
  budget?: BudgetRowSpec[];
  goal?: { target?: CellInput; actual?: CellInput };
  indicators: IndicatorSpec[];
  total?: { weight?: CellInput; score?: CellInput };
  /** Closing text rows (四川): 评价结论 / 存在问题 / 改进措施. */
  closing?: { label: CellInput; text: CellInput }[];
  footer?: CellInput[];
}

export interface BuildOptions {
  /** Where the form (its preamble, if any) starts; 1-based. Default A1. */
  origin?: Origin;
  /** Column of the preamble lines (default: the form's column). */
  preambleCol?: number;
}

/** Where the builder wrote things (1-based rows/cols), for address assertions. */
export interface BuiltForm {
  firstRow: number;
  lastRow: number;
  titleCell: string | null;
  nameCell: string;
  departmentCell: string;
  unitCell: string;
  budget: { headerRow: number; rows: number[]; cols: Partial<Record<BudgetRole, number>>; labelCol: number } | null;
  goalValueRow: number | null;
  indicators: { headerRow: number; cols: Partial<Record<IndicatorRole, number>>; rows: number[] };
  totalRow: number | null;
  /** "E16" style address of an indicator row's cell for a role. */
  cell(indicator: number, role: IndicatorRole): string;
  budgetCell(row: number, role: BudgetRole): string;
}

function widthOf(layout: SelfAssessmentLayout): number {
  return (layout.indicatorMargin !== null ? 1 : 0) + layout.indicatorColumns.length;
}

/** Write one self-assessment form onto a worksheet. */
export function buildSelfAssessmentSheet(
  ws: ExcelJS.Worksheet,
  layout: SelfAssessmentLayout,
  p: ProjectSpec,
  opts: BuildOptions = {},
): BuiltForm {
  const origin = opts.origin ?? { row: 1, col: 1 };
  const c0 = origin.col;
  const W = widthOf(layout);
  const cEnd = c0 + W - 1;
  const mid = c0 + Math.floor(W / 2);
  let r = origin.row;
  const firstRow = r;

  for (const line of p.preamble ?? []) put(ws, r++, opts.preambleCol ?? c0, line);
  if (p.preamble?.length) r++; // a blank row before the title

  let titleCell: string | null = null;
  const title = p.title ?? layout.title;
  if (title !== null) {
    putMerged(ws, r, c0, r, cEnd, title);
    titleCell = addr(r, c0);
    r++;
  }
  if (layout.yearRow && p.year !== undefined) {
    putMerged(ws, r, c0, r, cEnd, layout.yearRow(p.year));
    r++;
  }

  // 项目名称 | value over the rest of the row.
  put(ws, r, c0, layout.nameLabel);
  putMerged(ws, r, c0 + 1, r, cEnd, p.name);
  const nameCell = addr(r, c0 + 1);
  r++;
  // 主管部门 | value | 实施单位 | value.
  put(ws, r, c0, layout.departmentLabel);
  putMerged(ws, r, c0 + 1, r, mid - 1, p.department ?? null);
  put(ws, r, mid, layout.unitLabel);
  putMerged(ws, r, mid + 1, r, cEnd, p.unit ?? null);
  const departmentCell = addr(r, c0 + 1);
  const unitCell = addr(r, mid + 1);
  r++;
  for (const x of p.extraRows ?? []) {
    put(ws, r, c0, x.label);
    putMerged(ws, r, c0 + 1, r, cEnd, x.value);
    r++;
  }

  // Budget block.
  let budget: BuiltForm["budget"] = null;
  if (p.budget && p.budget.length) {
    const nCols = layout.budgetColumns.length;
    const firstCol = cEnd - nCols + 1;
    const labelCol = layout.budgetLabelColumn ? c0 + 1 : c0;
    const headerRow = r;
    // A [top, bottom] label splits the budget header over two rows; the other labels are merged over both.
    const split = layout.budgetColumns.some((c) => Array.isArray(c.label));
    const headerRows = split ? 2 : 1;
    const lastRow = r + headerRows - 1 + p.budget.length;
    if (layout.budgetLabelColumn) putMerged(ws, headerRow, c0, lastRow, c0, layout.budgetLabel);
    else putMerged(ws, headerRow, labelCol, headerRow + headerRows - 1, firstCol - 1, layout.budgetLabel);
    if (layout.budgetLabelColumn && (firstCol - 1 > labelCol || split)) ws.mergeCells(headerRow, labelCol, headerRow + headerRows - 1, firstCol - 1);
    const cols: Partial<Record<BudgetRole, number>> = {};
    layout.budgetColumns.forEach((col, i) => {
      cols[col.role] = firstCol + i;
      if (Array.isArray(col.label)) {
        put(ws, headerRow, firstCol + i, col.label[0]);
        put(ws, headerRow + 1, firstCol + i, col.label[1]);
      } else putMerged(ws, headerRow, firstCol + i, headerRow + headerRows - 1, firstCol + i, col.label);
    });
    const rows: number[] = [];
    p.budget.forEach((b, i) => {
      const row = headerRow + headerRows + i;
      rows.push(row);
      putMerged(ws, row, labelCol, row, firstCol - 1, b.label);
      for (const role of Object.keys(cols) as BudgetRole[]) put(ws, row, cols[role]!, b[role]);
    });
    budget = { headerRow, rows, cols, labelCol };
    r = lastRow + 1;
  }

  // 年度总体目标: label | 预期目标 | 实际完成情况, then the texts.
  let goalValueRow: number | null = null;
  if (layout.goal && p.goal) {
    putMerged(ws, r, c0, r + 1, c0, layout.goal.label);
    putMerged(ws, r, c0 + 1, r, mid - 1, layout.goal.target);
    putMerged(ws, r, mid, r, cEnd, layout.goal.actual);
    putMerged(ws, r + 1, c0 + 1, r + 1, mid - 1, p.goal.target ?? null);
    putMerged(ws, r + 1, mid, r + 1, cEnd, p.goal.actual ?? null);
    goalValueRow = r + 1;
    r += 2;
  }

  // Indicator header (one or two rows).
  const headerRow = r;
  const twoRows = !!layout.headerGroups?.length || layout.indicatorColumns.some((c) => Array.isArray(c.label));
  const firstIndCol = layout.indicatorMargin !== null ? c0 + 1 : c0;
  const cols: Partial<Record<IndicatorRole, number>> = {};
  layout.indicatorColumns.forEach((col, i) => (cols[col.role] = firstIndCol + i));
  const grouped = new Set<IndicatorRole>();
  for (const g of layout.headerGroups ?? []) {
    putMerged(ws, headerRow, cols[g.from]!, headerRow, cols[g.to]!, g.label);
    for (const col of layout.indicatorColumns) if (cols[col.role]! >= cols[g.from]! && cols[col.role]! <= cols[g.to]!) grouped.add(col.role);
  }
  for (const col of layout.indicatorColumns) {
    const c = cols[col.role]!;
    if (Array.isArray(col.label)) {
      put(ws, headerRow, c, col.label[0]);
      put(ws, headerRow + 1, c, col.label[1]);
    } else if (grouped.has(col.role)) put(ws, headerRow + 1, c, col.label);
    else if (twoRows) putMerged(ws, headerRow, c, headerRow + 1, c, col.label);
    else put(ws, headerRow, c, col.label);
  }
  let row = headerRow + (twoRows ? 2 : 1);
  const rows: number[] = [];
  for (let i = 0; i < p.indicators.length; i++) rows.push(row + i);
  writeIndicatorRows(ws, p.indicators, rows, cols, layout.level1Style, layout.level2Style);
  row += p.indicators.length;
  let totalRow: number | null = null;
  if (layout.totalLabel !== null && p.total) {
    totalRow = row;
    const stop = Math.min(...[cols.weight, cols.score].filter((x): x is number => x !== undefined), cEnd + 1) - 1;
    putMerged(ws, row, c0, row, Math.max(c0, stop), layout.totalLabel);
    if (cols.weight !== undefined) put(ws, row, cols.weight, p.total.weight);
    if (cols.score !== undefined) put(ws, row, cols.score, p.total.score);
    row++;
  }
  if (layout.indicatorMargin !== null) {
    const marginEnd = (totalRow ?? row) - 1;
    putMerged(ws, headerRow, c0, Math.max(headerRow, marginEnd), c0, layout.indicatorMargin);
  }
  for (const x of p.closing ?? []) {
    put(ws, row, c0, x.label);
    putMerged(ws, row, c0 + 1, row, cEnd, x.text);
    row++;
  }
  for (const f of p.footer ?? []) put(ws, row++, c0, f);

  const indicatorCols = cols;
  const budgetInfo = budget;
  return {
    firstRow,
    lastRow: row - 1,
    titleCell,
    nameCell,
    departmentCell,
    unitCell,
    budget,
    goalValueRow,
    indicators: { headerRow, cols, rows },
    totalRow,
    cell: (i, role) => addr(rows[i], indicatorCols[role]!),
    budgetCell: (i, role) => addr(budgetInfo!.rows[i], budgetInfo!.cols[role]!),
  };
}

/**
 * Indicator rows with their 一级/二级 areas: a label starts an area that runs until the next label;
 * "merge" merges it vertically, "repeat" writes it on every row, "first" writes it once.
 */
export function writeIndicatorRows(
  ws: ExcelJS.Worksheet,
  indicators: IndicatorSpec[],
  rows: number[],
  cols: Partial<Record<IndicatorRole, number>>,
  level1Style: LevelStyle,
  level2Style: LevelStyle,
): void {
  const areas = (key: "level1" | "level2"): { start: number; end: number; value: CellInput }[] => {
    const out: { start: number; end: number; value: CellInput }[] = [];
    indicators.forEach((ind, i) => {
      // A new 一级 area also ends the 二级 area.
      const startsHere = ind[key] !== undefined || (key === "level2" && ind.level1 !== undefined);
      if (startsHere) out.push({ start: i, end: i, value: ind[key] ?? null });
      else if (out.length) out[out.length - 1].end = i;
    });
    return out;
  };
  for (const [key, style] of [
    ["level1", level1Style],
    ["level2", level2Style],
  ] as const) {
    const col = cols[key];
    if (col === undefined) continue;
    for (const a of areas(key)) {
      if (style === "merge") putMerged(ws, rows[a.start], col, rows[a.end], col, a.value);
      else if (style === "first") put(ws, rows[a.start], col, a.value);
      else for (let i = a.start; i <= a.end; i++) put(ws, rows[i], col, a.value);
    }
  }
  indicators.forEach((ind, i) => {
    for (const role of Object.keys(cols) as IndicatorRole[]) {
      if (role === "level1" || role === "level2") continue;
      put(ws, rows[i], cols[role]!, ind[role]);
    }
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Layout presets (SPEC §2.1).

/** 财预〔2020〕10号 附件2 as filled in practice: labels with line breaks, a left "绩效指标" margin. */
export const NATIONAL: SelfAssessmentLayout = {
  title: "项目支出绩效自评表",
  yearRow: (y) => `（${y}年度）`,
  nameLabel: "项目名称",
  departmentLabel: "主管部门",
  unitLabel: "实施单位",
  budgetLabel: "项目资金\n（万元）",
  budgetLabelColumn: true,
  budgetColumns: [
    { role: "initial", label: "年初预算数" },
    { role: "adjusted", label: "全年预算数" },
    { role: "executed", label: "全年执行数" },
    { role: "weight", label: "分值" },
    { role: "rate", label: "执行率" },
    { role: "score", label: "得分" },
  ],
  goal: { label: "年度\n总体\n目标", target: "预期目标", actual: "实际完成情况" },
  indicatorMargin: "绩\n效\n指\n标",
  indicatorColumns: [
    { role: "level1", label: "一级指标" },
    { role: "level2", label: "二级指标" },
    { role: "name", label: "三级指标" },
    { role: "target", label: "年度\n指标值" },
    { role: "actual", label: "实际\n完成值" },
    { role: "weight", label: "分值" },
    { role: "score", label: "得分" },
    { role: "reason", label: "偏差原因分析\n及改进措施" },
  ],
  totalLabel: "总分",
  level1Style: "merge",
  level2Style: "merge",
};

/** 四川中江 style: 分值 before the values, "(50分)" in the 一级 labels, no margin column. */
export const WEIGHTS_FIRST: SelfAssessmentLayout = {
  title: "衔接资金项目绩效目标自评表",
  yearRow: null,
  nameLabel: "项目名称",
  departmentLabel: "主管部门",
  unitLabel: "实施单位",
  budgetLabel: "资金情况(万元)",
  budgetLabelColumn: false,
  budgetColumns: [
    { role: "adjusted", label: "全年预算数(A)" },
    { role: "executed", label: "全年执行数(B)" },
    { role: "weight", label: "分值" },
    { role: "rate", label: "执行率(B/A)" },
    { role: "score", label: "得分" },
    { role: "reason", label: "偏差原因" },
  ],
  goal: { label: "年度总体目标", target: "年初设定目标", actual: "年度总体目标完成情况综述" },
  indicatorMargin: null,
  indicatorColumns: [
    { role: "level1", label: "一级指标" },
    { role: "level2", label: "二级指标" },
    { role: "name", label: "三级指标" },
    { role: "weight", label: "分值" },
    { role: "target", label: "年度指标值" },
    { role: "actual", label: "全年实际值" },
    { role: "score", label: "得分" },
    { role: "reason", label: "未完成原因及拟采取的改进措施" },
  ],
  totalLabel: "总分",
  level1Style: "merge",
  level2Style: "repeat",
};

/** 四川 2023: 指标性质 / 指标值 / 度量单位 columns, budget block with 原因, closing rows. */
export const SICHUAN_2023: SelfAssessmentLayout = {
  title: "部门预算项目支出绩效自评表",
  yearRow: (y) => `(${y}年度)`,
  nameLabel: "项目名称",
  departmentLabel: "主管部门",
  unitLabel: "实施单位（盖章）",
  budgetLabel: "预算执行情况(10分)",
  budgetLabelColumn: true,
  budgetColumns: [
    { role: "initial", label: "年初预算" },
    { role: "adjusted", label: "调整后预算数" },
    { role: "executed", label: "预算执行数" },
    { role: "rate", label: "预算执行率" },
    { role: "weight", label: "权重" },
    { role: "score", label: "得分" },
    { role: "reason", label: "原因" },
  ],
  goal: { label: "年度总体目标", target: "项目年度目标", actual: "年度目标完成情况" },
  indicatorMargin: "绩效指标(90分)",
  indicatorColumns: [
    { role: "level1", label: "一级指标" },
    { role: "level2", label: "二级指标" },
    { role: "name", label: "三级指标" },
    { role: "op", label: "指标性质" },
    { role: "target", label: "指标值" },
    { role: "unit", label: "度量单位" },
    { role: "actual", label: "完成值" },
    { role: "weight", label: "权重" },
    { role: "score", label: "得分" },
    { role: "reason", label: "未完成原因分析" },
  ],
  totalLabel: "合计",
  level1Style: "repeat",
  level2Style: "repeat",
};

/** 湖南 style: no 分值/得分 columns; 专项资金名称, 县级主管部门. */
export const NO_SCORE: SelfAssessmentLayout = {
  title: "县级专项资金绩效目标自评表",
  yearRow: (y) => `（${y}年度）`,
  nameLabel: "专项资金名称",
  departmentLabel: "县级主管部门",
  unitLabel: "实施单位",
  budgetLabel: "项目资金（万元）",
  budgetLabelColumn: false,
  budgetColumns: [
    { role: "adjusted", label: "全年预算数（A）" },
    { role: "executed", label: "全年执行数（B）" },
    { role: "rate", label: "执行率（B/A）" },
  ],
  goal: { label: "年度总体目标", target: "年初设定目标", actual: "全年实际完成情况" },
  indicatorMargin: "绩效指标",
  indicatorColumns: [
    { role: "level1", label: "一级指标" },
    { role: "level2", label: "二级指标" },
    { role: "name", label: "三级指标" },
    { role: "target", label: "年度指标值" },
    { role: "actual", label: "全年完成值" },
    { role: "reason", label: "未完成原因和改进措施" },
  ],
  totalLabel: null,
  level1Style: "merge",
  level2Style: "first",
};

/**
 * Two-row headers: budget labels split as "全年" / "预算数"; indicator header with 自评情况 over 分值/得分 and
 * "年度" / "指标值" split over two rows.
 */
export const TWO_ROW_HEADER: SelfAssessmentLayout = {
  ...NATIONAL,
  budgetColumns: [
    { role: "initial", label: ["年初", "预算数"] },
    { role: "adjusted", label: ["全年", "预算数"] },
    { role: "executed", label: ["全年", "执行数"] },
    { role: "weight", label: "分值" },
    { role: "rate", label: "执行率" },
    { role: "score", label: "得分" },
  ],
  indicatorColumns: [
    { role: "level1", label: "一级指标" },
    { role: "level2", label: "二级指标" },
    { role: "name", label: "三级指标" },
    { role: "target", label: ["年度", "指标值"] },
    { role: "actual", label: ["实际", "完成值"] },
    { role: "weight", label: "分值" },
    { role: "score", label: "得分" },
    { role: "reason", label: "偏差原因分析及改进措施" },
  ],
  headerGroups: [{ label: "自评情况", from: "weight", to: "score" }],
};

/** National layout with per-indicator review columns added by the finance bureau (抽评). */
export const NATIONAL_WITH_REVIEW: SelfAssessmentLayout = {
  ...NATIONAL,
  indicatorColumns: [
    ...NATIONAL.indicatorColumns,
    { role: "reviewActual", label: "抽评核实完成值" },
    { role: "reviewScore", label: "抽评得分" },
    { role: "reviewNote", label: "复核意见" },
  ],
};
