/**
 * A finding's cell in its row, as the form has it: the row's cells (a vertically merged label such as 一级指标
 * shows on every row it spans) and, above them, the labels of the nearest header row. File mode shows this under
 * a chosen finding, so the user sees the problem without opening the file (in Excel the cell itself is selected).
 */
import { a1, type CellValue, columnLetters, type Grid, parseA1 } from "./grid";

export interface RowCell {
  /** "F16". */
  address: string;
  /** Column letters ("F"). */
  column: string;
  /** The header row's label above this cell ("" when none). */
  label: string;
  text: string;
  /** The finding's own cell. */
  target: boolean;
}

export interface CellRow {
  sheet: string;
  /** 1-based row number. */
  row: number;
  cells: RowCell[];
}

/** Cells shown at most (the target's neighbours first). */
const MAX_CELLS = 12;
const MAX_TEXT = 60;

function text(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  const s = typeof v === "number" ? String(Math.round(v * 1e6) / 1e6) : String(v);
  const one = s.replace(/\s+/g, " ").trim();
  return one.length > MAX_TEXT ? `${one.slice(0, MAX_TEXT - 1)}…` : one;
}

function valueAt(g: Grid, row: number, col: number): CellValue {
  const r = g.values[row - g.top];
  const v = r ? r[col - g.left] : null;
  if (v !== null && v !== undefined) return v;
  // A merged area shows its top-left value on every row it covers (a horizontal merge only once, at its start).
  for (const m of g.merges ?? []) {
    if (row >= m.top && row <= m.bottom && col === m.left && row !== m.top) return g.values[m.top - g.top]?.[m.left - g.left] ?? null;
  }
  return null;
}

/** A header row: three or more text cells and no numbers. */
function isHeaderRow(g: Grid, row: number, right: number): boolean {
  let texts = 0;
  for (let c = g.left; c <= right; c++) {
    const v = g.values[row - g.top]?.[c - g.left];
    if (typeof v === "number") return false;
    if (typeof v === "string" && v.trim() !== "") texts++;
  }
  return texts >= 3;
}

/** The row of `cell` on `sheet` among `grids`, or null when the sheet or the cell is not there. */
export function cellRow(grids: readonly Grid[], sheet: string, cell: string): CellRow | null {
  const g = grids.find((x) => x.sheet === sheet);
  const at = parseA1(cell);
  if (!g || !at) return null;
  const width = g.values.reduce((w, r) => Math.max(w, r.length), 0);
  const right = g.left + width - 1;
  if (at.row < g.top || at.row >= g.top + g.values.length) return null;
  let header = -1;
  for (let r = at.row - 1; r >= g.top && r >= at.row - 40; r--) {
    if (isHeaderRow(g, r, right)) {
      header = r;
      break;
    }
  }
  const cells: RowCell[] = [];
  for (let c = g.left; c <= Math.max(right, at.col); c++) {
    const value = text(valueAt(g, at.row, c));
    const target = c === at.col;
    if (!value && !target) continue;
    cells.push({ address: a1(at.row, c), column: columnLetters(c), label: header >= 0 ? text(valueAt(g, header, c)) : "", text: value, target });
  }
  // Long rows: keep the target and its nearest neighbours.
  const t = cells.findIndex((x) => x.target);
  const start = Math.max(0, Math.min(t - Math.floor(MAX_CELLS / 2), cells.length - MAX_CELLS));
  return { sheet: g.sheet, row: at.row + 1, cells: cells.slice(start, start + MAX_CELLS) };
}
