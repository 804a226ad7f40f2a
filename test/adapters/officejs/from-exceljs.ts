/**
 * What Excel would show for a workbook that exceljs loaded: each worksheet as a fake-excel sheet, the way
 * Office.js hands cells over (dates as serial numbers with their date format, formulas as their cached result,
 * rich text as plain text, errors as their text, hyperlinks as their display text, merged areas).
 * Lets a test read the same file through both adapters and compare.
 */
import type { CellValue as XCellValue, Workbook, Worksheet } from "exceljs";
import type { FakeCellInput, FakeSheetInit } from "../../helpers/fake-excel";

type Prim = string | number | boolean;

/** UTC Date → Excel serial (1900 system, with the phantom 1900-02-29). */
export function dateToSerial(d: Date): number {
  const days = (d.getTime() - Date.UTC(1899, 11, 30)) / 86400000;
  return days < 61 ? days - 1 : days;
}

function shown(v: XCellValue | undefined): Prim | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return dateToSerial(v);
  const o = v as unknown as Record<string, unknown>;
  if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((r) => r.text ?? "").join("");
  if (typeof o.error === "string") return o.error;
  if ("formula" in o || "sharedFormula" in o) return "result" in o ? shown(o.result as XCellValue) : null;
  if ("text" in o) return shown(o.text as XCellValue);
  return null;
}

function isDate(v: XCellValue | undefined): boolean {
  if (v instanceof Date) return true;
  const o = v as unknown as Record<string, unknown> | null;
  return !!o && typeof o === "object" && o.result instanceof Date;
}

export function excelView(ws: Worksheet): FakeSheetInit {
  const rows: FakeCellInput[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const line: FakeCellInput[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const v = shown(cell.value);
      let fmt = typeof cell.numFmt === "string" ? cell.numFmt : undefined;
      if (isDate(cell.value) && !fmt) fmt = "yyyy-mm-dd"; // Excel shows a date only under a date format
      line[c - 1] = { v, fmt };
    });
    rows[r - 1] = line;
  });
  const merges = Object.values((ws as unknown as { _merges: Record<string, { model: { top: number; left: number; bottom: number; right: number } }> })._merges).map(
    ({ model }) => ({ top: model.top - 1, left: model.left - 1, bottom: model.bottom - 1, right: model.right - 1 }),
  );
  const visibility = ws.state === "hidden" ? "Hidden" : ws.state === "veryHidden" ? "VeryHidden" : "Visible";
  return { name: ws.name, rows, merges, visibility };
}

export function workbookView(wb: Workbook): FakeSheetInit[] {
  return wb.worksheets.map(excelView);
}
