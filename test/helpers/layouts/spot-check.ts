/** 抽查复核 builders (SPEC §2.4): a spot-check list, and a per-indicator review sheet ("实际绩效"). */
import type * as ExcelJS from "exceljs";
import { addr, type CellInput, type Origin, put, putMerged } from "./cells";

export interface SpotCheckRowSpec {
  department?: CellInput;
  name: CellInput;
  code?: CellInput;
  selfScore?: CellInput;
  selfGrade?: CellInput;
  score?: CellInput;
  grade?: CellInput;
  note?: CellInput;
}

export interface SpotCheckListOptions {
  origin?: Origin;
  title?: CellInput;
  /**
   * flat: 序号 | 主管部门 | 项目名称 | 项目编码 | 自评得分 | 复核得分 | 复核等级 | 主要问题;
   * grouped: two header rows, 自评 over 得分/等级 and 复核 over 得分/等级.
   */
  header?: "flat" | "grouped";
  /** Labels for the review score/grade columns in the flat header (default 复核得分 / 复核等级). */
  scoreLabel?: string;
  gradeLabel?: string;
}

export interface BuiltSpotCheckList {
  headerRow: number;
  rows: number[];
  nameCol: number;
  nameCell(i: number): string;
}

export function buildSpotCheckListSheet(
  ws: ExcelJS.Worksheet,
  rows: SpotCheckRowSpec[],
  opts: SpotCheckListOptions = {},
): BuiltSpotCheckList {
  const o = opts.origin ?? { row: 1, col: 1 };
  const c0 = o.col;
  let r = o.row;
  const grouped = opts.header === "grouped";
  const W = grouped ? 9 : 8;
  putMerged(ws, r, c0, r, c0 + W - 1, opts.title ?? "2023年度区级项目支出绩效自评抽查复核结果");
  r++;
  const headerRow = r;
  let roles: (keyof SpotCheckRowSpec | "seq")[];
  if (!grouped) {
    roles = ["seq", "department", "name", "code", "selfScore", "score", "grade", "note"];
    const labels = ["序号", "主管部门", "项目名称", "项目编码", "自评得分", opts.scoreLabel ?? "复核得分", opts.gradeLabel ?? "复核等级", "主要问题"];
    labels.forEach((l, i) => put(ws, r, c0 + i, l));
    r++;
  } else {
    roles = ["seq", "department", "name", "code", "selfScore", "selfGrade", "score", "grade", "note"];
    const single: [number, string][] = [
      [0, "序号"],
      [1, "主管部门"],
      [2, "项目名称"],
      [3, "项目编码"],
      [8, "备注"],
    ];
    for (const [i, l] of single) putMerged(ws, r, c0 + i, r + 1, c0 + i, l);
    putMerged(ws, r, c0 + 4, r, c0 + 5, "自评");
    putMerged(ws, r, c0 + 6, r, c0 + 7, "复核");
    put(ws, r + 1, c0 + 4, "得分");
    put(ws, r + 1, c0 + 5, "等级");
    put(ws, r + 1, c0 + 6, "得分");
    put(ws, r + 1, c0 + 7, "等级");
    r += 2;
  }
  const out: number[] = [];
  rows.forEach((row, i) => {
    out.push(r);
    roles.forEach((role, j) => put(ws, r, c0 + j, role === "seq" ? i + 1 : row[role]));
    r++;
  });
  const nameCol = c0 + 2;
  return { headerRow, rows: out, nameCol, nameCell: (i) => addr(out[i], nameCol) };
}

export interface ReviewIndicatorSpec {
  level1?: CellInput;
  level2?: CellInput;
  name: CellInput;
  op?: CellInput;
  target?: CellInput;
  unit?: CellInput;
  weight?: CellInput;
  reviewActual?: CellInput;
  reviewScore?: CellInput;
  note?: CellInput;
}

export interface ReviewDetailOptions {
  origin?: Origin;
  /** Title row naming the project ("项目名称：…"); omit when the file name names it. */
  titleRow?: CellInput;
}

export interface BuiltReviewDetail {
  titleCell: string | null;
  headerRow: number;
  rows: number[];
  cell(i: number, role: keyof ReviewIndicatorSpec): string;
}

export const REVIEW_DETAIL_COLUMNS: { role: keyof ReviewIndicatorSpec; label: string }[] = [
  { role: "level1", label: "一级指标" },
  { role: "level2", label: "二级指标" },
  { role: "name", label: "三级指标" },
  { role: "op", label: "指标性质" },
  { role: "target", label: "指标值" },
  { role: "unit", label: "计量单位" },
  { role: "weight", label: "指标权重" },
  { role: "reviewActual", label: "抽评核实完成值" },
  { role: "reviewScore", label: "抽评得分" },
  { role: "note", label: "备注" },
];

export function buildReviewDetailSheet(
  ws: ExcelJS.Worksheet,
  rows: ReviewIndicatorSpec[],
  opts: ReviewDetailOptions = {},
): BuiltReviewDetail {
  const o = opts.origin ?? { row: 1, col: 1 };
  const c0 = o.col;
  const W = REVIEW_DETAIL_COLUMNS.length;
  let r = o.row;
  let titleCell: string | null = null;
  if (opts.titleRow !== undefined) {
    putMerged(ws, r, c0, r, c0 + W - 1, opts.titleRow);
    titleCell = addr(r, c0);
    r++;
  }
  const headerRow = r;
  const cols = {} as Record<keyof ReviewIndicatorSpec, number>;
  REVIEW_DETAIL_COLUMNS.forEach((c, i) => {
    cols[c.role] = c0 + i;
    put(ws, r, c0 + i, c.label);
  });
  r++;
  const out: number[] = [];
  for (const row of rows) {
    out.push(r);
    for (const c of REVIEW_DETAIL_COLUMNS) put(ws, r, cols[c.role], row[c.role]);
    r++;
  }
  return { titleCell, headerRow, rows: out, cell: (i, role) => addr(out[i], cols[role]) };
}
