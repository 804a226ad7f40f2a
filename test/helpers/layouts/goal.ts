/** 项目支出绩效目标申报表 builder (财预〔2015〕88号 style, SPEC §2.3). */
import type * as ExcelJS from "exceljs";
import { addr, type CellInput, type Origin, put, putMerged } from "./cells";

export interface GoalIndicatorSpec {
  level1?: CellInput;
  level2?: CellInput;
  name?: CellInput;
  target?: CellInput;
  note?: CellInput;
}

export interface FundsSpec {
  total: CellInput;
  fiscal?: CellInput;
  other?: CellInput;
}

export interface GoalSpec {
  title?: CellInput;
  year?: number;
  name: CellInput;
  department?: CellInput;
  unit?: CellInput;
  attribute?: CellInput;
  period?: CellInput;
  funds: { midterm?: FundsSpec; annual: FundsSpec };
  goal: { midterm?: CellInput; midtermLabel?: string; annual?: CellInput };
  midterm?: GoalIndicatorSpec[];
  annual: GoalIndicatorSpec[];
}

export interface GoalBuildOptions {
  origin?: Origin;
  /**
   * stacked: one header, "中期绩效指标" / "年度绩效指标" marker rows before each block (many provinces);
   * side-by-side: 88号 original, 一级 | 二级 | 三级 | 指标值 (中期) | 二级 | 三级 | 指标值 (年度) on the same rows.
   */
  blocks?: "stacked" | "side-by-side";
}

export interface BuiltGoal {
  nameCell: string;
  departmentCell: string;
  unitCell: string;
  midtermFundsCell: string | null;
  annualFundsCell: string;
  headerRow: number;
  /** Name/target cells per block, in order. */
  midterm: { name: string; target: string }[];
  annual: { name: string; target: string }[];
}

export function buildGoalSheet(ws: ExcelJS.Worksheet, g: GoalSpec, opts: GoalBuildOptions = {}): BuiltGoal {
  const o = opts.origin ?? { row: 1, col: 1 };
  const sideBySide = opts.blocks === "side-by-side";
  const c0 = o.col;
  const W = sideBySide ? 8 : 6;
  const cEnd = c0 + W - 1;
  const half = c0 + Math.floor(W / 2);
  let r = o.row;
  putMerged(ws, r++, c0, r - 1, cEnd, g.title ?? "项目支出绩效目标申报表");
  if (g.year !== undefined) putMerged(ws, r++, c0, r - 1, cEnd, `（${g.year}年度）`);
  put(ws, r, c0, "项目名称");
  putMerged(ws, r, c0 + 1, r, cEnd, g.name);
  const nameCell = addr(r, c0 + 1);
  r++;
  put(ws, r, c0, "主管部门及代码");
  putMerged(ws, r, c0 + 1, r, half - 1, g.department ?? null);
  put(ws, r, half, "实施单位");
  putMerged(ws, r, half + 1, r, cEnd, g.unit ?? null);
  const departmentCell = addr(r, c0 + 1);
  const unitCell = addr(r, half + 1);
  r++;
  put(ws, r, c0, "项目属性");
  putMerged(ws, r, c0 + 1, r, half - 1, g.attribute ?? null);
  put(ws, r, half, "项目期");
  putMerged(ws, r, half + 1, r, cEnd, g.period ?? null);
  r++;
  // Funds: 中期资金总额： value | 年度资金总额： value, then 其中 rows.
  const fundRows = 3;
  putMerged(ws, r, c0, r + fundRows - 1, c0, "项目资金\n（万元）");
  const writeFunds = (col: number, f: FundsSpec, totalLabel: string): string => {
    put(ws, r, col, totalLabel);
    put(ws, r, col + 1, f.total);
    put(ws, r + 1, col, "其中：财政拨款");
    put(ws, r + 1, col + 1, f.fiscal);
    put(ws, r + 2, col, "其他资金");
    put(ws, r + 2, col + 1, f.other);
    return addr(r, col + 1);
  };
  const midtermFundsCell = g.funds.midterm ? writeFunds(c0 + 1, g.funds.midterm, "中期资金总额：") : null;
  const annualFundsCell = writeFunds(half + 1, g.funds.annual, "年度资金总额：");
  r += fundRows;
  // 总体目标.
  putMerged(ws, r, c0, r + 1, c0, "总体目标");
  putMerged(ws, r, c0 + 1, r, half, g.goal.midtermLabel ?? "中期目标（2024年－2026年）");
  putMerged(ws, r, half + 1, r, cEnd, "年度目标");
  putMerged(ws, r + 1, c0 + 1, r + 1, half, g.goal.midterm ?? null);
  putMerged(ws, r + 1, half + 1, r + 1, cEnd, g.goal.annual ?? null);
  r += 2;

  const headerRow = r;
  const midterm: BuiltGoal["midterm"] = [];
  const annual: BuiltGoal["annual"] = [];
  if (!sideBySide) {
    put(ws, r, c0, "绩效指标");
    ["一级指标", "二级指标", "三级指标", "指标值", "备注"].forEach((l, i) => put(ws, r, c0 + 1 + i, l));
    r++;
    const block = (label: string, list: GoalIndicatorSpec[], out: { name: string; target: string }[]) => {
      putMerged(ws, r, c0, r, cEnd, label);
      r++;
      const start = r;
      writeGoalRows(ws, list, r, c0 + 1, c0 + 2, c0 + 3, c0 + 4, c0 + 5);
      list.forEach((_, i) => out.push({ name: addr(start + i, c0 + 3), target: addr(start + i, c0 + 4) }));
      r += list.length;
    };
    if (g.midterm) block("中期绩效指标", g.midterm, midterm);
    block("年度绩效指标", g.annual, annual);
  } else {
    put(ws, r, c0, "绩效指标");
    ["一级指标", "二级指标", "三级指标", "指标值", "二级指标", "三级指标", "指标值"].forEach((l, i) => put(ws, r, c0 + 1 + i, l));
    r++;
    const mid = g.midterm ?? [];
    const n = Math.max(mid.length, g.annual.length);
    // 一级 is shared: take it from the annual rows (the form has one 一级 column).
    for (let i = 0; i < n; i++) {
      const a = g.annual[i];
      const m = mid[i];
      if (a?.level1 !== undefined) put(ws, r + i, c0 + 1, a.level1);
      if (m) {
        put(ws, r + i, c0 + 2, m.level2);
        put(ws, r + i, c0 + 3, m.name);
        put(ws, r + i, c0 + 4, m.target);
        midterm.push({ name: addr(r + i, c0 + 3), target: addr(r + i, c0 + 4) });
      }
      if (a) {
        put(ws, r + i, c0 + 5, a.level2);
        put(ws, r + i, c0 + 6, a.name);
        put(ws, r + i, c0 + 7, a.target);
        annual.push({ name: addr(r + i, c0 + 6), target: addr(r + i, c0 + 7) });
      }
    }
    putMerged(ws, headerRow, c0, headerRow + n, c0, "绩效指标");
    r += n;
  }
  return { nameCell, departmentCell, unitCell, midtermFundsCell, annualFundsCell, headerRow, midterm, annual };
}

function writeGoalRows(
  ws: ExcelJS.Worksheet,
  list: GoalIndicatorSpec[],
  start: number,
  c1: number,
  c2: number,
  cName: number,
  cTarget: number,
  cNote: number,
): void {
  list.forEach((ind, i) => {
    put(ws, start + i, c1, ind.level1);
    put(ws, start + i, c2, ind.level2);
    put(ws, start + i, cName, ind.name);
    put(ws, start + i, cTarget, ind.target);
    put(ws, start + i, cNote, ind.note);
  });
}
