/**
 * One workbook, two hosts: assets/samples/demo.xlsx read by the exceljs adapter (file mode, CLI) and, as Excel
 * would present it, by the Office.js adapter. The engine must receive the same Grids, hence the same projects.
 */
import ExcelJS from "exceljs";
import path from "node:path";
import { readWorkbook as readOffice } from "../../src/adapters/officejs/read";
import { workbookToGrids } from "../../src/adapters/xlsx-file/grid";
import type { Grid } from "../../src/engine/grid";
import { readWorkbook as readEngine } from "../../src/engine/read";
import { createFakeExcel } from "../helpers/fake-excel";
import { workbookView } from "./officejs/from-exceljs";

const DEMO = path.join(__dirname, "../../assets/samples/demo.xlsx");

function comparable(g: Grid) {
  const sort = (m: Grid["merges"]) => (m ? [...m].sort((a, b) => a.top - b.top || a.left - b.left) : m);
  return { ...g, merges: sort(g.merges) };
}

describe("Office.js and exceljs adapters agree", () => {
  it("the demo workbook gives the same grids and the same reading", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(DEMO);
    const fromFile = workbookToGrids(wb);

    const fake = createFakeExcel(workbookView(wb), { name: "demo.xlsx" });
    const fromExcel = await fake.run((ctx) => readOffice(ctx, { readOutputSheets: true }, { mergedAreas: true }));

    expect(fromExcel.grids.map(comparable)).toEqual(fromFile.map(comparable));
    // The file exercises the conversions: dates (serials in Excel), percent formats, merges.
    const cells = fromExcel.grids.flatMap((g) => g.values.flat());
    expect(cells.some((v) => typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v))).toBe(true);
    expect(fromExcel.grids.some((g) => g.numberFormats?.flat().some((f) => f?.includes("%")))).toBe(true);
    expect(fromExcel.grids.some((g) => (g.merges?.length ?? 0) > 10)).toBe(true);
    expect(fake.stats.syncs).toBe(3);

    const a = readEngine({ file: "demo.xlsx", grids: fromFile });
    const b = readEngine({ file: fromExcel.fileName, grids: fromExcel.grids });
    expect(b).toEqual(a);
    expect(b.projects.length).toBeGreaterThan(0);
  });
});
