/** Real .xlsx bytes from fixture rows (exceljs), for the file-mode tests in jsdom and in Chromium; reading them back. */
import * as ExcelJS from "exceljs";
import type { Rows } from "./fixtures";

export async function xlsxBytes(sheets: { name: string; rows: Rows }[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "bpr ui tests";
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null) ws.getCell(r + 1, c + 1).value = v;
      }),
    );
  }
  const out = await wb.xlsx.writeBuffer();
  return new Uint8Array(out as ArrayBuffer);
}

/** Every sheet's values as text rows (for before/after comparisons of user sheets). */
export async function sheetTexts(bytes: Uint8Array): Promise<Map<string, string[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const out = new Map<string, string[][]>();
  for (const ws of wb.worksheets) {
    const rows: string[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, c) => (cells[c - 1] = cell.value === null || cell.value === undefined ? "" : cell.text));
      rows[n - 1] = Array.from(cells, (x) => x ?? "");
    });
    out.set(ws.name, Array.from(rows, (x) => x ?? []));
  }
  return out;
}

/** Time stamps on the output sheets (minutes; ISO times in dates): left out when the clock runs between builds. */
const STAMP = /\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?Z?)?/g;

/**
 * What a user sees of a workbook, reopened with exceljs: the sheets in order, and for each every cell's value,
 * type, number format and style, the merges, column widths, row heights, views and filter; the workbook's
 * views and defined names.
 */
export async function workbookShape(bytes: Uint8Array, stripStamps: boolean): Promise<unknown> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const shape = {
    creator: wb.creator,
    views: wb.views,
    definedNames: wb.definedNames.model,
    sheets: wb.worksheets.map((ws) => {
      const cells: unknown[] = [];
      const heights: unknown[] = [];
      ws.eachRow({ includeEmpty: true }, (row, n) => {
        heights.push([n, row.height ?? null]);
        row.eachCell({ includeEmpty: true }, (cell) => cells.push([cell.address, cell.type, cell.value ?? null, cell.numFmt ?? null, cell.style]));
      });
      return {
        name: ws.name,
        state: ws.state,
        merges: (ws.model as unknown as { merges?: string[] }).merges ?? [],
        widths: (ws.columns ?? []).map((c) => c.width ?? null),
        heights,
        views: ws.views,
        autoFilter: ws.autoFilter ?? null,
        cells,
      };
    }),
  };
  const text = JSON.stringify(shape);
  return JSON.parse(stripStamps ? text.replace(STAMP, "T") : text);
}
