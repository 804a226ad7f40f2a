/** Real .xlsx bytes from fixture rows (exceljs), for the file-mode tests in jsdom and in Chromium. */
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
