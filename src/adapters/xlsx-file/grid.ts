/**
 * exceljs worksheet → engine Grid. Works in Node and in the browser (exceljs is passed in, so this file
 * does not import it and the task pane can load exceljs lazily).
 *
 * Normalises what exceljs 4.4 gives: merged cells (non-master cells repeat the master's value → null),
 * formulas ({formula, result} → result), rich text ({richText:[{text}]} → joined text), dates (UTC Date →
 * ISO text), errors ({error} → "#N/A"), hyperlinks ({text, hyperlink} → text).
 */
import type { Workbook, Worksheet, CellValue as XCellValue } from "exceljs";
import type { CellValue, Grid, MergeArea } from "../../engine/grid";

export function isoDate(d: Date): string {
  if (Number.isNaN(d.getTime())) return "";
  // Serial → Date conversion can land a millisecond before midnight: round to the minute first.
  const iso = new Date(Math.round(d.getTime() / 60_000) * 60_000).toISOString();
  const time = iso.slice(11, 16);
  return time === "00:00" ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}

/** One exceljs cell value → a plain Grid value. */
export function normaliseCellValue(v: XCellValue | undefined): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return isoDate(v);
  if (typeof v === "object") {
    const o = v as unknown as Record<string, unknown>;
    if ("richText" in o && Array.isArray(o.richText)) {
      return (o.richText as { text?: unknown }[]).map((r) => (typeof r.text === "string" ? r.text : "")).join("");
    }
    if ("error" in o && typeof o.error === "string") return o.error;
    if ("formula" in o || "sharedFormula" in o) {
      return "result" in o ? normaliseCellValue(o.result as XCellValue) : null;
    }
    if ("text" in o) return normaliseCellValue(o.text as XCellValue);
  }
  return null;
}

function sheetMerges(ws: Worksheet): MergeArea[] {
  const out: MergeArea[] = [];
  const internal = (ws as unknown as { _merges?: Record<string, { model?: MergeArea }> })._merges;
  if (internal) {
    for (const range of Object.values(internal)) {
      const m = range.model;
      if (m) out.push({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 });
    }
  }
  return out;
}

export interface GridOptions {
  /** Read at most this many rows of a sheet (huge ledgers are recognised from their top). */
  maxRows?: number;
}

/** One worksheet → Grid (values start at the used range's top-left). */
export function worksheetToGrid(ws: Worksheet, opts: GridOptions = {}): Grid {
  const merges = sheetMerges(ws);
  const cells: { r: number; c: number; v: CellValue; f: string | null }[] = [];
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  let totalRows = 0;
  const maxRows = opts.maxRows ?? Infinity;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    totalRows = rowNumber;
    if (rowNumber > maxRows) return;
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const v = normaliseCellValue(cell.value);
      if (v === null || v === "") return;
      const r = rowNumber - 1;
      const c = colNumber - 1;
      const fmt = typeof cell.numFmt === "string" && cell.numFmt !== "General" ? cell.numFmt : null;
      cells.push({ r, c, v, f: fmt });
      if (r < top) top = r;
      if (c < left) left = c;
      if (r > bottom) bottom = r;
      if (c > right) right = c;
    });
  });
  if (cells.length === 0) return { sheet: ws.name, top: 0, left: 0, values: [], merges };
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  for (let r = top; r <= bottom; r++) {
    values.push(new Array<CellValue>(right - left + 1).fill(null));
    formats.push(new Array<string | null>(right - left + 1).fill(null));
  }
  for (const x of cells) {
    values[x.r - top][x.c - left] = x.v;
    formats[x.r - top][x.c - left] = x.f;
  }
  // Merged areas: the value stands only in the top-left cell.
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        if (r === m.top && c === m.left) continue;
        const row = values[r - top];
        if (row && c - left >= 0 && c - left < row.length) row[c - left] = null;
      }
    }
  }
  const grid: Grid = { sheet: ws.name, top, left, values, numberFormats: formats, merges };
  if (totalRows > maxRows) grid.totalRows = totalRows;
  return grid;
}

/** Every worksheet of a workbook (chartsheets and hidden sheets included; the reader decides). */
export function workbookToGrids(wb: Workbook, opts: GridOptions = {}): Grid[] {
  return wb.worksheets.map((ws) => worksheetToGrid(ws, opts));
}
