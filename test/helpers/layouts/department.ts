/** 部门整体支出绩效自评表 builder (SPEC §2.2). */
import type * as ExcelJS from "exceljs";
import { addr, type CellInput, type Origin, put, putMerged } from "./cells";

export interface DepartmentIndicatorSpec {
  name: CellInput;
  unit?: CellInput;
  nature?: CellInput;
  target?: CellInput;
  adjustedTarget?: CellInput;
  actual?: CellInput;
  coefficient?: CellInput;
  weight?: CellInput;
  score?: CellInput;
  core?: CellInput;
}

export interface DepartmentSpec {
  title?: CellInput;
  department: CellInput;
  financeOffice?: CellInput;
  statedTotal?: CellInput;
  budget: {
    initial?: CellInput;
    adjusted?: CellInput;
    executed?: CellInput;
    rate?: CellInput;
    weight?: CellInput;
    score?: CellInput;
  };
  goal?: { initial?: CellInput; adjusted?: CellInput; actual?: CellInput };
  indicators: DepartmentIndicatorSpec[];
  footer?: CellInput[];
}

export type DepartmentRole = keyof DepartmentIndicatorSpec;

export const DEPARTMENT_COLUMNS: { role: DepartmentRole; label: string }[] = [
  { role: "name", label: "指标名称" },
  { role: "unit", label: "计量单位" },
  { role: "nature", label: "指标性质" },
  { role: "target", label: "年初指标值" },
  { role: "adjustedTarget", label: "调整指标值" },
  { role: "actual", label: "全年完成值" },
  { role: "coefficient", label: "得分系数（%）" },
  { role: "weight", label: "指标权重（分）" },
  { role: "score", label: "指标得分（分）" },
  { role: "core", label: "是否核心指标" },
];

export interface BuiltDepartment {
  titleCell: string;
  departmentCell: string;
  statedTotalCell: string;
  budgetRow: number;
  budgetCols: Record<"initial" | "adjusted" | "executed" | "rate" | "weight" | "score", number>;
  headerRow: number;
  rows: number[];
  cell(indicator: number, role: DepartmentRole): string;
}

export function buildDepartmentSheet(ws: ExcelJS.Worksheet, d: DepartmentSpec, opts: { origin?: Origin } = {}): BuiltDepartment {
  const o = opts.origin ?? { row: 1, col: 1 };
  const c0 = o.col;
  const W = DEPARTMENT_COLUMNS.length;
  const cEnd = c0 + W - 1;
  let r = o.row;
  putMerged(ws, r, c0, r, cEnd, d.title ?? "2023年度部门整体绩效自评表");
  const titleCell = addr(r, c0);
  r++;
  put(ws, r, c0, "主管部门");
  putMerged(ws, r, c0 + 1, r, c0 + 2, d.department);
  put(ws, r, c0 + 3, "财政处室");
  putMerged(ws, r, c0 + 4, r, c0 + 5, d.financeOffice ?? null);
  put(ws, r, c0 + 6, "自评总分（分）");
  put(ws, r, c0 + 7, d.statedTotal);
  const departmentCell = addr(r, c0 + 1);
  const statedTotalCell = addr(r, c0 + 7);
  r++;
  put(ws, r, c0, "部门联系人");
  put(ws, r, c0 + 1, "（略）");
  put(ws, r, c0 + 3, "联系电话");
  put(ws, r, c0 + 4, "（略）");
  r++;
  putMerged(ws, r, c0, r + 1, c0, "部门预算执行情况（万元）");
  const budgetLabels = ["年初预算数", "全年（调整）预算数", "全年执行数", "执行率（%）", "执行率权重", "执行率得分（分）"];
  const roles = ["initial", "adjusted", "executed", "rate", "weight", "score"] as const;
  const budgetCols = {} as BuiltDepartment["budgetCols"];
  roles.forEach((role, i) => {
    budgetCols[role] = c0 + 1 + i;
    put(ws, r, c0 + 1 + i, budgetLabels[i]);
    put(ws, r + 1, c0 + 1 + i, d.budget[role]);
  });
  const budgetRow = r + 1;
  r += 2;
  if (d.goal) {
    putMerged(ws, r, c0, r + 1, c0, "当年绩效目标");
    putMerged(ws, r, c0 + 1, r, c0 + 3, "年初绩效目标");
    putMerged(ws, r, c0 + 4, r, c0 + 5, "全年（调整）绩效目标");
    putMerged(ws, r, c0 + 6, r, cEnd, "全年目标实际完成情况");
    putMerged(ws, r + 1, c0 + 1, r + 1, c0 + 3, d.goal.initial ?? null);
    putMerged(ws, r + 1, c0 + 4, r + 1, c0 + 5, d.goal.adjusted ?? null);
    putMerged(ws, r + 1, c0 + 6, r + 1, cEnd, d.goal.actual ?? null);
    r += 2;
  }
  const headerRow = r;
  const cols = {} as Record<DepartmentRole, number>;
  DEPARTMENT_COLUMNS.forEach((c, i) => {
    cols[c.role] = c0 + i;
    put(ws, r, c0 + i, c.label);
  });
  r++;
  const rows: number[] = [];
  for (const ind of d.indicators) {
    rows.push(r);
    for (const c of DEPARTMENT_COLUMNS) put(ws, r, cols[c.role], ind[c.role]);
    r++;
  }
  for (const f of d.footer ?? []) put(ws, r++, c0, f);
  return {
    titleCell,
    departmentCell,
    statedTotalCell,
    budgetRow,
    budgetCols,
    headerRow,
    rows,
    cell: (i, role) => addr(rows[i], cols[role]),
  };
}
