/**
 * A sheet's cells as a reader found them (sparse, in document order) → the engine's Grid, bounded by content:
 *
 * - merged areas stay ranges: a non-master cell inside one is dropped (exceljs gave it the master's value, which
 *   the Grid contract turns to null), and an area whose master holds a value widens the grid over the area as
 *   exceljs's filled-in cells did — unless that would make the grid far larger than its content (a merge over a
 *   whole sheet): then the area stays in `merges` and the grid covers only cells that hold something;
 * - the grid is dense only over the area that holds the content. A few values far away from the rest (one stray
 *   value at XFD1048576) are left out and reported in `grid.trimmed`, so a 10 KB file never allocates a grid of
 *   17 billion cells.
 *
 * Both readers (the OOXML one in ./xlsx-reader and SheetJS in ./sheetjs-reader) produce SheetCells, so every
 * format gives the same Grid for the same content.
 */
import { a1, type CellValue, type Grid, type MergeArea } from "../../engine/grid";

export interface SheetCells {
  name: string;
  /** Parallel arrays, one entry per cell that holds a value (0-based sheet coordinates). */
  rows: number[];
  cols: number[];
  values: CellValue[];
  formats: (string | null)[];
  merges: MergeArea[];
}

export function emptyCells(name: string): SheetCells {
  return { name, rows: [], cols: [], values: [], formats: [], merges: [] };
}

export interface GridOptions {
  /** Read at most this many rows of a sheet (huge ledgers are recognised from their top). */
  maxRows?: number;
}

/** The largest grid (rows × columns) built densely before the content decides its extent. */
export const DENSE_CELLS = 1 << 21;
/** Empty rows / columns that separate a stray value from the form (past them it is left out). */
const ROW_GAP = 1000;
const COL_GAP = 100;

/** Merged areas found from a cell, bucketed by blocks of rows (a merge over a whole sheet is 16,384 entries). */
class MergeIndex {
  private readonly blocks = new Map<number, MergeArea[]>();
  constructor(merges: MergeArea[]) {
    for (const m of merges) {
      for (let b = m.top >>> 6, end = Math.max(m.top, m.bottom) >>> 6; b <= end; b++) {
        const list = this.blocks.get(b);
        if (list) list.push(m);
        else this.blocks.set(b, [m]);
      }
    }
  }
  covering(r: number, c: number): MergeArea | null {
    const list = this.blocks.get(r >>> 6);
    if (list) for (const m of list) if (r >= m.top && r <= m.bottom && c >= m.left && c <= m.right) return m;
    return null;
  }
}

const key = (r: number, c: number): number => r * 16384 + c;

/** SheetCells → Grid (values start at the content's top-left). */
export function cellsToGrid(sc: SheetCells, opts: GridOptions = {}): Grid {
  const merges = sc.merges;
  const maxRow = opts.maxRows ?? Infinity; // rows with number > maxRows (1-based) are not read
  const n = sc.rows.length;
  // Which cells survive: not inside a merged area unless its master.
  let keep: Uint8Array | null = null;
  let masterValue: Map<number, CellValue> | null = null;
  if (merges.length) {
    const index = new MergeIndex(merges);
    keep = new Uint8Array(n);
    masterValue = new Map();
    for (let i = 0; i < n; i++) {
      const r = sc.rows[i];
      const c = sc.cols[i];
      const m = index.covering(r, c);
      if (!m || (m.top === r && m.left === c)) keep[i] = 1;
      if (m && m.top === r && m.left === c) masterValue.set(key(r, c), sc.values[i]);
    }
  }
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  let count = 0;
  let totalRows = 0;
  for (let i = 0; i < n; i++) {
    if (keep && !keep[i]) continue;
    const r = sc.rows[i];
    if (r + 1 > totalRows) totalRows = r + 1;
    if (r + 1 > maxRow) continue;
    const c = sc.cols[i];
    count++;
    if (r < top) top = r;
    if (r > bottom) bottom = r;
    if (c < left) left = c;
    if (c > right) right = c;
  }
  // Areas whose master holds a value widen the grid as exceljs's filled-in cells did.
  let wTop = top;
  let wLeft = left;
  let wBottom = bottom;
  let wRight = right;
  if (masterValue) {
    for (const m of merges) {
      if (!masterValue.has(key(m.top, m.left)) || m.top + 1 > maxRow) continue;
      const b = Math.min(m.bottom, maxRow - 1);
      if (b + 1 > totalRows) totalRows = b + 1;
      if (m.top < wTop) wTop = m.top;
      if (m.left < wLeft) wLeft = m.left;
      if (b > wBottom) wBottom = b;
      if (m.right > wRight) wRight = m.right;
    }
  }
  if (count === 0 && wBottom < 0) return { sheet: sc.name, top: 0, left: 0, values: [], merges };
  const area = (t: number, l: number, b: number, r: number): number => (b - t + 1) * (r - l + 1);
  const limit = Math.max(DENSE_CELLS, 4 * count);
  if (area(wTop, wLeft, wBottom, wRight) > limit) {
    // The merged areas would make the grid far larger than its content: they stay ranges only.
    if (area(top, left, bottom, right) > limit) {
      ({ top, left, bottom, right } = contentBox(sc, keep, maxRow));
      // Values spread thinly over a huge area even inside one block: the block's top rows only.
      if (area(top, left, bottom, right) > limit) bottom = top + Math.max(0, Math.floor(limit / (right - left + 1)) - 1);
    }
  } else {
    top = wTop;
    left = wLeft;
    bottom = wBottom;
    right = wRight;
  }
  const width = right - left + 1;
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  for (let r = top; r <= bottom; r++) {
    values.push(new Array<CellValue>(width).fill(null));
    formats.push(new Array<string | null>(width).fill(null));
  }
  let ignored = 0;
  let first = "";
  for (let i = 0; i < n; i++) {
    if (keep && !keep[i]) continue;
    const r = sc.rows[i];
    const c = sc.cols[i];
    if (r < top || r > bottom || c < left || c > right) {
      if (r + 1 <= maxRow && ignored++ === 0) first = a1(r, c);
      continue;
    }
    values[r - top][c - left] = sc.values[i];
    formats[r - top][c - left] = sc.formats[i];
  }
  const grid: Grid = { sheet: sc.name, top, left, values, numberFormats: formats, merges };
  if (totalRows > maxRow) grid.totalRows = totalRows;
  if (ignored > 0) grid.trimmed = { cells: ignored, first };
  return grid;
}

/**
 * The block of rows and then of columns that holds most of the content, split where ROW_GAP empty rows or
 * COL_GAP empty columns separate values.
 */
function contentBox(sc: SheetCells, keep: Uint8Array | null, maxRow: number): { top: number; left: number; bottom: number; right: number } {
  const idx: number[] = [];
  for (let i = 0; i < sc.rows.length; i++) if ((!keep || keep[i]) && sc.rows[i] + 1 <= maxRow) idx.push(i);
  const best = (list: number[], coord: number[], gap: number): number[] => {
    const sorted = list.slice().sort((a, b) => coord[a] - coord[b]);
    let bestStart = 0;
    let bestLen = 0;
    let start = 0;
    for (let k = 1; k <= sorted.length; k++) {
      if (k === sorted.length || coord[sorted[k]] - coord[sorted[k - 1]] > gap) {
        if (k - start > bestLen) {
          bestLen = k - start;
          bestStart = start;
        }
        start = k;
      }
    }
    return sorted.slice(bestStart, bestStart + bestLen);
  };
  const inRows = best(idx, sc.rows, ROW_GAP);
  const kept = best(inRows, sc.cols, COL_GAP);
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const i of kept) {
    top = Math.min(top, sc.rows[i]);
    bottom = Math.max(bottom, sc.rows[i]);
    left = Math.min(left, sc.cols[i]);
    right = Math.max(right, sc.cols[i]);
  }
  return { top, left, bottom, right };
}
