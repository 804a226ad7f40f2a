/**
 * The formats the lean OOXML reader does not parse — .xls (BIFF8/BIFF5, also what WPS saves as .et), .ods and
 * .xlsb — read with SheetJS 0.20.3 (`@e965/xlsx`, Apache-2.0) into the same SheetCells, so every format gives
 * the same Grid for the same content. SheetJS is passed in: the browser loads it lazily, in its own chunk, only
 * when such a file is picked.
 */
import type * as XLSX from "@e965/xlsx";
import type { CellValue, MergeArea } from "../../engine/grid";
import { emptyCells, type SheetCells } from "./cells";
import { isoDate } from "./grid";
import { LoadError } from "./load";
import { isDateFormat, type ReadContext } from "./xlsx-reader";

export type SheetJS = Pick<typeof XLSX, "read">;

/** Excel's error codes (BIFF) → their text. */
const ERRORS: Record<number, string> = {
  0x00: "#NULL!",
  0x07: "#DIV/0!",
  0x0f: "#VALUE!",
  0x17: "#REF!",
  0x1d: "#NAME?",
  0x24: "#NUM!",
  0x2a: "#N/A",
  0x2b: "#GETTING_DATA",
};

function excelDate(serial: number, date1904: boolean): string {
  return isoDate(new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000)));
}

function cellValue(cell: XLSX.CellObject, date: boolean, date1904: boolean): CellValue {
  const v = cell.v;
  switch (cell.t) {
    case "s":
      return typeof v === "string" ? v : v === undefined || v === null ? null : String(v);
    case "n":
      if (typeof v !== "number" || !Number.isFinite(v)) return null;
      return date ? excelDate(v, date1904) : v;
    case "b":
      return v === true;
    case "e":
      return typeof v === "number" ? (ERRORS[v] ?? `#ERR${v}`) : typeof cell.w === "string" ? cell.w : "#N/A";
    case "d":
      return v instanceof Date ? isoDate(v) : typeof v === "string" ? v : null;
    default:
      return null;
  }
}

/** A workbook's bytes → every worksheet's cells (chart sheets left out). */
export function readWithSheetJS(X: SheetJS, bytes: Uint8Array, ctx: ReadContext): SheetCells[] {
  let wb: XLSX.WorkBook;
  // SheetJS writes its doubts about a file to the console ("ODS number format may be incorrect"); the user
  // gets our messages instead.
  const { error, warn } = console;
  console.error = console.warn = () => undefined;
  try {
    wb = X.read(bytes, { type: "array", dense: true, cellNF: true, cellText: false, cellHTML: false, cellDates: false, bookVBA: false, sheetStubs: false, WTF: false });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/password|encrypt/i.test(msg)) throw new LoadError("encrypted", ctx.file);
    throw new LoadError("corrupt", ctx.file, msg.split("\n")[0].slice(0, 200));
  } finally {
    console.error = error;
    console.warn = warn;
  }
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const out: SheetCells[] = [];
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name] as (XLSX.WorkSheet & { "!data"?: (XLSX.CellObject | undefined)[][] }) | undefined;
    if (!ws) throw new LoadError("corrupt", ctx.file, `sheet "${name}" is listed in the workbook but could not be read`);
    const type = (ws as { "!type"?: string })["!type"];
    if (type === "chart" || type === "dialog" || type === "macro") continue;
    const sc = emptyCells(name);
    const data = ws["!data"] ?? [];
    for (let r = 0; r < data.length; r++) {
      const row = data[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        if (!cell) continue;
        const z = typeof cell.z === "string" && cell.z !== "General" ? cell.z : null;
        const v = cellValue(cell, cell.t === "n" && isDateFormat(z), date1904);
        if (v === null || v === "") continue;
        sc.rows.push(r);
        sc.cols.push(c);
        sc.values.push(v);
        sc.formats.push(z);
        if (++ctx.cells > ctx.maxCells) throw new LoadError("tooManyCells", ctx.file, ctx.maxCells.toLocaleString("en-US"));
      }
    }
    sc.merges = (ws["!merges"] ?? []).map((m): MergeArea => ({ top: m.s.r, left: m.s.c, bottom: m.e.r, right: m.e.c }));
    out.push(sc);
  }
  if (out.length === 0) throw new LoadError("corrupt", ctx.file, "no worksheet could be read");
  return out;
}
