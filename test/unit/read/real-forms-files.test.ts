/**
 * Corpus forms written by a real spreadsheet program (test/fixtures/real-forms/files, made by LibreOffice with
 * make-files.ts): the LibreOffice .xlsx goes through the product's own path (exceljs → workbookToGrids →
 * readWorkbook), the .xls through SheetJS into grids (the product reads no .xls yet: issue 14), and each must read
 * as its form's expectation says. What LibreOffice changes on the way (merges, number cells, shared strings, empty
 * rows) must not change the reading.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as XLSX from "@e965/xlsx";
import type { CellValue, Grid } from "../../../src/engine/grid";
import { readWorkbook, type WorkbookReading } from "../../../src/engine/read";
import { REAL_FORMS } from "../../fixtures/real-forms";
import { FILE_FORMS } from "../../fixtures/real-forms/files/list";
import { projectDifferences } from "../../helpers/real-forms";
import { gridsFromBuffer } from "../../helpers/workbooks";

const DIR = path.join(__dirname, "../../fixtures/real-forms/files");

/** A .xls (BIFF8) workbook → grids: cell values and merged areas, the way the engine wants them. */
function xlsGrids(buf: Buffer): Grid[] {
  const wb = XLSX.read(buf, { type: "buffer" });
  return wb.SheetNames.map((name) => {
    const ws = wb.Sheets[name];
    const range = XLSX.utils.decode_range(ws["!ref"] ?? "A1:A1");
    const values: CellValue[][] = [];
    for (let r = range.s.r; r <= range.e.r; r++) {
      const row: CellValue[] = [];
      for (let c = range.s.c; c <= range.e.c; c++) {
        const cell = ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
        const v = cell?.v;
        row.push(typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : null);
      }
      values.push(row);
    }
    const merges = (ws["!merges"] ?? []).map((m) => ({ top: m.s.r, left: m.s.c, bottom: m.e.r, right: m.e.c }));
    return { sheet: name, top: range.s.r, left: range.s.c, values, merges };
  });
}

describe.each(FILE_FORMS.map((f) => [f.id, f] as const))("%s written by LibreOffice", (id, files) => {
  const form = REAL_FORMS.find((f) => f.id === id);
  if (!form) throw new Error(`FILE_FORMS names ${id}, which is not in the corpus`);

  test(`${files.xlsx}: read through exceljs as the form's expectation says`, async () => {
    const grids = await gridsFromBuffer(fs.readFileSync(path.join(DIR, files.xlsx)));
    const reading: WorkbookReading = readWorkbook({ file: files.xlsx, grids });
    expect(reading.sheets.map((s) => ({ kind: s.kind, projects: s.projects }))).toEqual(form.expect.sheets);
    expect(projectDifferences(form.expect, reading)).toEqual([]);
  });

  test(`${files.xls}: read through SheetJS as the form's expectation says`, () => {
    const reading = readWorkbook({ file: files.xls, grids: xlsGrids(fs.readFileSync(path.join(DIR, files.xls))) });
    expect(reading.sheets.map((s) => ({ kind: s.kind, projects: s.projects }))).toEqual(form.expect.sheets);
    expect(projectDifferences(form.expect, reading)).toEqual([]);
  });
});
