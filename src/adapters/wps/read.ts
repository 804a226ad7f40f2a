/**
 * Reading the active WPS workbook into Grids, in one pass over the sheets.
 *
 * Per sheet: its name and visibility, its used range's position and size, and its cell values as ONE
 * `Value2` read of the used range (never a call per cell). Then, only where needed:
 * - number formats, to tell dates and percentages from plain numbers (`Value2` gives dates as serial numbers):
 *   asked only for blocks of numeric cells, one call per block; a block whose cells do not share one format
 *   (`NumberFormat` is null for a mixed range) is halved until each part does, so the calls grow with the
 *   number of blocks and format changes among numbers, not with cells. Dates become ISO text here, once.
 * - merged areas: `MergeCells` of the used range is false when nothing is merged (one call for most sheets); a
 *   mixed range is halved, a fully merged one gives its top-left cell's `MergeArea`, and the parts of an area
 *   already found are not asked again — so the calls grow with the number of merged areas (times the log of the
 *   sheet's size), never with cells (a filled 项目支出绩效自评表 of 171 cells and 6 merged areas: 43 calls).
 * The product's own output sheets (an output name and the mark in A2) are not read: their Grid holds A2 alone,
 * as the Office.js reader does.
 */
import { a1, type CellValue, type Grid, type MergeArea } from "../../engine/grid";
import { HostError, type ReadOptions, type ReadResult, type SheetListing, type SheetVisibility } from "../../engine/host";
import { hasOutputMark, isOutputName, OUTPUT_MARK_CELL } from "../../engine/summary/plan";
import { type Rect, rectAddress, rectsBy } from "../officejs/address";

export { rectAddress };
import { isDateFormat, serialToIso } from "../officejs/values";
import { type WpsApplication, type WpsRange, type WpsWorkbook, type WpsWorksheet, XL_SHEET_HIDDEN, XL_SHEET_VISIBLE } from "./api";

/** Calls made by one read (what the tests and the benchmark look at). */
export interface WpsReadCounts {
  /** `Value2` reads of a whole used range (one per sheet read). */
  valueReads: number;
  /** `NumberFormat` reads (per column with numbers, more where formats change). */
  formatReads: number;
  /** `MergeCells` / `MergeArea` reads. */
  mergeReads: number;
}


/**
 * Error values as the spreadsheet object model returns them through Value2 (a VARIANT of type VT_ERROR: the
 * HRESULT 0x800A0000 + the xlErr code, which arrives as a negative number). Never a plausible budget figure.
 */
const ERROR_VALUES = new Map<number, string>([
  [-2146826288, "#NULL!"],
  [-2146826281, "#DIV/0!"],
  [-2146826273, "#VALUE!"],
  [-2146826265, "#REF!"],
  [-2146826259, "#NAME?"],
  [-2146826252, "#NUM!"],
  [-2146826246, "#N/A"],
]);

/** WPS's Chinese UI names the General format "G/通用格式". */
export function normaliseWpsFormat(f: unknown): string | null {
  if (typeof f !== "string") return null;
  const t = f.trim();
  if (t === "" || t.toLowerCase() === "general" || t === "G/通用格式") return null;
  return f;
}

/** One raw Value2 cell → a Grid value (dates need the format: see `applyFormats`). */
export function normaliseWpsValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return null;
    return ERROR_VALUES.get(v) ?? v;
  }
  if (typeof v === "string") return v === "" ? null : v;
  if (typeof v === "boolean") return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  return String(v);
}

/** Value2 of a range: a 2-D array for several cells, a scalar for one. */
function asRows(raw: unknown, rows: number, columns: number): unknown[][] {
  if (rows === 1 && columns === 1 && !Array.isArray(raw)) return [[raw]];
  if (!Array.isArray(raw)) throw new HostError("read-failed", "单元格数据未能读取（Value2 不是二维数组）");
  return raw.map((row) => (Array.isArray(row) ? row : [row]));
}

function visibilityOf(v: unknown): SheetVisibility {
  if (v === XL_SHEET_VISIBLE || v === true) return "Visible";
  if (v === XL_SHEET_HIDDEN || v === false) return "Hidden";
  return "VeryHidden";
}

function count(n: unknown): number {
  return typeof n === "number" && Number.isInteger(n) && n >= 0 ? n : 0;
}

/**
 * Number formats of the numeric cells of `values` (rows × columns at sheet position top/left). Numeric cells are
 * grouped into rectangles (runs along rows, identical runs stacked down) and each rectangle's format is asked once;
 * a rectangle whose cells do not share a format (`NumberFormat` is null for a mixed range) is halved — columns
 * first, since formats usually follow columns — until each part does. So the calls grow with the number of blocks
 * of numbers and of format changes among them, not with cells. Returns formats in the Grid's shape (null elsewhere).
 */
export function numberFormats(
  ws: WpsWorksheet,
  values: CellValue[][],
  top: number,
  left: number,
  counts: WpsReadCounts,
): (string | null)[][] {
  const formats: (string | null)[][] = values.map((row) => new Array<string | null>(row.length).fill(null));
  const work: Rect[] = numberBlocks(values);
  while (work.length > 0) {
    const r = work.pop()!;
    counts.formatReads++;
    const f: unknown = ws.Range(rectAddress({ top: top + r.top, left: left + r.left, bottom: top + r.bottom, right: left + r.right })).NumberFormat;
    const single = r.top === r.bottom && r.left === r.right;
    // A mixed range answers null (some builds may answer ""): halve it; one cell's "" is General.
    if (typeof f === "string" && (f !== "" || single)) {
      const fmt = normaliseWpsFormat(f);
      for (let i = r.top; i <= r.bottom; i++) for (let c = r.left; c <= r.right; c++) formats[i][c] = fmt;
    } else if (r.right > r.left) {
      const mid = (r.left + r.right) >> 1;
      work.push({ ...r, left: mid + 1 }, { ...r, right: mid });
    } else if (r.bottom > r.top) {
      const mid = (r.top + r.bottom) >> 1;
      work.push({ ...r, top: mid + 1 }, { ...r, bottom: mid });
    }
  }
  return formats;
}

/** Rectangles (relative) covering exactly the numeric cells: runs along rows, identical runs stacked down. */
function numberBlocks(values: CellValue[][]): Rect[] {
  return rectsBy(values, (v) => (typeof v === "number" ? "n" : null));
}

/** Numbers shown as dates become ISO text (the Grid contract); the format is kept for the engine. */
export function applyDates(values: CellValue[][], formats: (string | null)[][]): void {
  for (let r = 0; r < values.length; r++) {
    const row = values[r];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v === "number" && isDateFormat(formats[r][c])) row[c] = serialToIso(v) ?? v;
    }
  }
}

/**
 * The merged areas that touch `area` (absolute, 0-based): `MergeCells` answers false (nothing merged), true
 * (every cell is in a merged area) or null (mixed). Mixed parts are halved; a fully merged part gives its top-left
 * cell's MergeArea, which is recorded and cut away.
 */
export function mergedAreas(ws: WpsWorksheet, area: Rect, counts: WpsReadCounts): MergeArea[] {
  const found = new Map<string, MergeArea>();
  const work: Rect[] = [area];
  while (work.length > 0) {
    const r = work.pop()!;
    if (r.top > r.bottom || r.left > r.right) continue;
    // A part of an area already found is known: look only at the rest (no call; a tall label is found once).
    const known = overlapping(found.values(), r);
    if (known) {
      work.push(...without(r, known));
      continue;
    }
    counts.mergeReads++;
    const mc: unknown = ws.Range(rectAddress(r)).MergeCells;
    if (mc === false) continue;
    const single = r.top === r.bottom && r.left === r.right;
    if (mc === true || single) {
      counts.mergeReads++;
      const m = ws.Range(a1(r.top, r.left)).MergeArea;
      const top = count(m.Row) - 1;
      const left = count(m.Column) - 1;
      const bottom = top + Math.max(1, count(m.Rows.Count)) - 1;
      const right = left + Math.max(1, count(m.Columns.Count)) - 1;
      if (top < 0 || left < 0 || top > r.top || left > r.left) {
        // Not an area holding this cell: treat the cell alone and go on.
        work.push({ top: r.top, left: r.left + 1, bottom: r.top, right: r.right }, { top: r.top + 1, left: r.left, bottom: r.bottom, right: r.right });
        continue;
      }
      if (bottom > top || right > left) found.set(`${top},${left}`, { top, left, bottom, right });
      const coveredBottom = Math.min(r.bottom, bottom);
      const coveredRight = Math.min(r.right, right);
      // What is left of r: right of the area (its rows), and below it (all columns).
      work.push({ top: r.top, left: coveredRight + 1, bottom: coveredBottom, right: r.right });
      work.push({ top: coveredBottom + 1, left: r.left, bottom: r.bottom, right: r.right });
      continue;
    }
    // Mixed: halve along the longer side.
    if (r.bottom - r.top >= r.right - r.left) {
      const mid = (r.top + r.bottom) >> 1;
      work.push({ ...r, top: mid + 1 }, { ...r, bottom: mid });
    } else {
      const mid = (r.left + r.right) >> 1;
      work.push({ ...r, left: mid + 1 }, { ...r, right: mid });
    }
  }
  return [...found.values()].sort((a, b) => a.top - b.top || a.left - b.left);
}

function overlapping(areas: Iterable<Rect>, r: Rect): Rect | null {
  for (const m of areas) if (m.top <= r.bottom && m.bottom >= r.top && m.left <= r.right && m.right >= r.left) return m;
  return null;
}

/** r minus m (which overlaps it): up to four rectangles, last popped first (top, left, right, bottom). */
function without(r: Rect, m: Rect): Rect[] {
  const top = Math.max(r.top, m.top);
  const bottom = Math.min(r.bottom, m.bottom);
  const parts: Rect[] = [];
  if (m.bottom < r.bottom) parts.push({ top: m.bottom + 1, left: r.left, bottom: r.bottom, right: r.right });
  if (m.right < r.right) parts.push({ top, left: m.right + 1, bottom, right: r.right });
  if (m.left > r.left) parts.push({ top, left: r.left, bottom, right: m.left - 1 });
  if (m.top > r.top) parts.push({ top: r.top, left: r.left, bottom: m.top - 1, right: r.right });
  return parts;
}

/** Merged areas: every cell but the top-left is null (the Grid contract). */
function blankMerged(values: CellValue[][], top: number, left: number, merges: MergeArea[]): void {
  for (const m of merges) {
    for (let r = Math.max(m.top, top); r <= m.bottom; r++) {
      const row = values[r - top];
      if (!row) break;
      for (let c = Math.max(m.left, left); c <= m.right; c++) {
        if (r === m.top && c === m.left) continue;
        const i = c - left;
        if (i >= 0 && i < row.length) row[i] = null;
      }
    }
  }
}

/** The active workbook, or a HostError when WPS has none open. */
export function activeWorkbook(app: WpsApplication): WpsWorkbook {
  const wb = app.ActiveWorkbook;
  if (!wb) throw new HostError("read-failed", "WPS 表格中没有打开的工作簿。");
  return wb;
}

/** Every worksheet of the workbook, in order (1-based Item). */
export function worksheetsOf(wb: WpsWorkbook): WpsWorksheet[] {
  const sheets = wb.Worksheets;
  const out: WpsWorksheet[] = [];
  for (let i = 1; i <= sheets.Count; i++) out.push(sheets.Item(i));
  return out;
}

/** Read every worksheet of the active workbook (see the module comment). */
export function readWorkbook(app: WpsApplication, opts: ReadOptions = {}, counts: WpsReadCounts = { valueReads: 0, formatReads: 0, mergeReads: 0 }): ReadResult {
  const wb = activeWorkbook(app);
  const includeHidden = opts.includeHidden ?? true;
  const readOutput = opts.readOutputSheets ?? false;
  const fileName = wb.Name;
  const grids: Grid[] = [];
  const listing: SheetListing[] = [];

  // First the plan: what each sheet is and how many rows will be read (for the progress total).
  interface Job {
    ws: WpsWorksheet;
    used: WpsRange;
    entry: SheetListing;
    ext: { top: number; left: number; rows: number; columns: number };
    /** A grid decided without reading cells (empty sheet, the product's own sheet); null = read it. */
    grid: Grid | null;
    rowsToRead: number;
  }
  const jobs: Job[] = [];
  let rowsTotal = 0;
  for (const ws of worksheetsOf(wb)) {
    const name = ws.Name;
    const entry: SheetListing = { name, visibility: visibilityOf(ws.Visible), used: null };
    listing.push(entry);
    if (!includeHidden && entry.visibility !== "Visible") continue;
    const used = ws.UsedRange;
    const ext = { top: count(used.Row) - 1, left: count(used.Column) - 1, rows: count(used.Rows.Count), columns: count(used.Columns.Count) };
    const job: Job = { ws, used, entry, ext, grid: null, rowsToRead: 0 };
    jobs.push(job);
    if (ext.top < 0 || ext.left < 0 || ext.rows === 0 || ext.columns === 0) {
      job.grid = { sheet: name, top: 0, left: 0, values: [], numberFormats: [], merges: [] };
      continue;
    }
    if (!readOutput && isOutputName(name)) {
      const mark: unknown = ws.Range(OUTPUT_MARK_CELL.address).Value2;
      if (hasOutputMark(mark)) {
        entry.used = { ...ext };
        job.grid = { sheet: name, top: OUTPUT_MARK_CELL.row, left: OUTPUT_MARK_CELL.col, values: [[mark as string]], merges: [] };
        continue;
      }
    }
    job.rowsToRead = opts.maxRows === undefined ? ext.rows : Math.max(0, Math.min(ext.rows, opts.maxRows - ext.top));
    rowsTotal += job.rowsToRead;
  }

  let rowsRead = 0;
  for (const job of jobs) {
    if (job.grid) {
      grids.push(job.grid);
      continue;
    }
    const { ws, ext, entry, rowsToRead } = job;
    const name = entry.name;
    let values: CellValue[][] = [];
    if (rowsToRead > 0) {
      const range = rowsToRead === ext.rows ? job.used : ws.Range(rectAddress({ top: ext.top, left: ext.left, bottom: ext.top + rowsToRead - 1, right: ext.left + ext.columns - 1 }));
      counts.valueReads++;
      const raw = asRows(range.Value2, rowsToRead, ext.columns);
      values = raw.map((row) => {
        const out = new Array<CellValue>(ext.columns).fill(null);
        for (let c = 0; c < ext.columns; c++) out[c] = normaliseWpsValue(row[c]);
        return out;
      });
    }
    rowsRead += rowsToRead;
    // An empty sheet: WPS reports A1 as its used range.
    if (ext.rows === 1 && ext.columns === 1 && values.every((row) => row.every((v) => v === null))) {
      grids.push({ sheet: name, top: 0, left: 0, values: [], numberFormats: [], merges: [] });
      opts.onProgress?.(rowsRead, rowsTotal);
      continue;
    }
    entry.used = { ...ext };
    const formats = numberFormats(ws, values, ext.top, ext.left, counts);
    applyDates(values, formats);
    const merges = mergedAreas(ws, { top: ext.top, left: ext.left, bottom: ext.top + Math.max(rowsToRead, 1) - 1, right: ext.left + ext.columns - 1 }, counts);
    blankMerged(values, ext.top, ext.left, merges);
    const grid: Grid = { sheet: name, top: ext.top, left: ext.left, values, numberFormats: formats, merges };
    if (rowsToRead < ext.rows) grid.totalRows = ext.top + ext.rows;
    grids.push(grid);
    opts.onProgress?.(rowsRead, rowsTotal);
  }
  return { fileName, grids, sheets: listing, stats: { syncs: 0, maxBatchBytes: 0 }, warnings: [] };
}
