/**
 * exceljs adapter (src/adapters/xlsx-file/grid.ts): every cell kind normalised per the Grid contract
 * (src/engine/grid.ts), checked on workbooks written to .xlsx bytes and loaded back, as the product does.
 */
import type * as ExcelJS from "exceljs";
import { normaliseCellValue, worksheetToGrid } from "../../src/adapters/xlsx-file/grid";
import { Sheet } from "../../src/engine/grid";
import { date, errorValue, formula, link, loadWorkbook, pct, put, putMerged, rich, sheet, withFormat, writeWorkbook } from "../helpers/workbooks";

async function roundTrip(build: (ws: ExcelJS.Worksheet) => void, opts: { maxRows?: number } = {}) {
  const wb = await loadWorkbook(await writeWorkbook([sheet("S", build)]));
  return worksheetToGrid(wb.worksheets[0], opts);
}

describe("worksheetToGrid", () => {
  test("used range offset: values[0][0] is the top-left used cell", async () => {
    const grid = await roundTrip((ws) => {
      put(ws, 5, 3, "项目名称");
      put(ws, 5, 4, "某项目");
      put(ws, 8, 6, 12);
    });
    expect([grid.sheet, grid.top, grid.left]).toEqual(["S", 4, 2]);
    expect(grid.values).toEqual([
      ["项目名称", "某项目", null, null],
      [null, null, null, null],
      [null, null, null, null],
      [null, null, null, 12],
    ]);
    const s = new Sheet(grid);
    expect([s.get(4, 2), s.get(4, 3), s.get(7, 5), s.get(0, 0), s.bottom, s.right]).toEqual(["项目名称", "某项目", 12, null, 7, 5]);
  });

  test("merged areas: the value only in the top-left cell, merges in 0-based sheet coordinates", async () => {
    const grid = await roundTrip((ws) => {
      putMerged(ws, 2, 2, 4, 2, "绩\n效\n指\n标");
      putMerged(ws, 2, 3, 2, 6, "社区居家养老服务补贴项目");
      put(ws, 3, 3, "一级指标");
    });
    expect([grid.top, grid.left]).toEqual([1, 1]);
    expect(grid.values).toEqual([
      ["绩\n效\n指\n标", "社区居家养老服务补贴项目", null, null, null],
      [null, "一级指标", null, null, null],
      [null, null, null, null, null],
    ]);
    expect(grid.merges).toEqual(
      expect.arrayContaining([
        { top: 1, left: 1, bottom: 3, right: 1 },
        { top: 1, left: 2, bottom: 1, right: 5 },
      ]),
    );
    expect(grid.merges).toHaveLength(2);
  });

  test("formulas give their cached result, or null when the workbook was never calculated", async () => {
    const grid = await roundTrip((ws) => {
      put(ws, 1, 1, 248);
      put(ws, 1, 2, 231.6);
      put(ws, 1, 3, formula("B1/A1", 0.9339));
      put(ws, 1, 4, formula("A1-B1"));
      put(ws, 1, 5, formula('IF(A1>0,"有","无")', "有"));
      put(ws, 1, 6, formula("B1/0", errorValue("#DIV/0!")));
      put(ws, 1, 7, formula("TODAY()", date(2024, 3, 20)));
    });
    expect(grid.values[0]).toEqual([248, 231.6, 0.9339, null, "有", "#DIV/0!", "2024-03-20"]);
  });

  test("rich text joined (Chinese and Latin runs), hyperlinks as their text, errors as Excel text", async () => {
    const grid = await roundTrip((ws) => {
      put(ws, 1, 1, rich("PM", ["2.5", { vertAlign: "subscript" }], "年均浓度"));
      put(ws, 1, 2, rich("社区居家养老", ["服务补贴项目", { bold: true }]));
      put(ws, 1, 3, link("佐证材料", "https://example.invalid/a.pdf"));
      put(ws, 1, 4, errorValue("#DIV/0!"));
      put(ws, 1, 5, errorValue("#N/A"));
      put(ws, 1, 6, true);
      put(ws, 1, 7, "");
      put(ws, 1, 8, " ");
    });
    expect(grid.values[0]).toEqual(["PM2.5年均浓度", "社区居家养老服务补贴项目", "佐证材料", "#DIV/0!", "#N/A", true, null, " "]);
  });

  test("dates become ISO text, with the time when there is one", async () => {
    const grid = await roundTrip((ws) => {
      put(ws, 1, 1, date(2023, 12, 26));
      put(ws, 1, 2, withFormat(new Date(Date.UTC(2024, 2, 15, 14, 30)), "yyyy-mm-dd hh:mm"));
      put(ws, 1, 3, withFormat(date(2023, 10, 25), "yyyy\"年\"m\"月\"d\"日\""));
    });
    expect(grid.values[0]).toEqual(["2023-12-26", "2024-03-15 14:30", "2023-10-25"]);
  });

  test("number formats kept where set, General left out", async () => {
    const grid = await roundTrip((ws) => {
      put(ws, 1, 1, pct(0.9339));
      put(ws, 1, 2, withFormat(1586.4, "#,##0.00"));
      put(ws, 1, 3, 15);
      put(ws, 1, 4, withFormat(0.5, "0%"));
      put(ws, 1, 5, "文本");
    });
    expect(grid.numberFormats?.[0]).toEqual(["0.00%", "#,##0.00", null, "0%", null]);
    const s = new Sheet(grid);
    expect([s.isPercent(0, 0), s.isPercent(0, 1), s.isPercent(0, 2), s.isPercent(0, 3)]).toEqual([true, false, false, true]);
  });

  test("maxRows: only the leading rows, and totalRows says how many there are", async () => {
    const grid = await roundTrip(
      (ws) => {
        for (let r = 1; r <= 2000; r++) put(ws, r, 1, `第${r}行`);
      },
      { maxRows: 300 },
    );
    expect(grid.values).toHaveLength(300);
    expect(grid.values[299]).toEqual(["第300行"]);
    expect(grid.totalRows).toBe(2000);
    const whole = await roundTrip((ws) => put(ws, 1, 1, "x"), { maxRows: 300 });
    expect(whole.totalRows).toBeUndefined();
  });

  test("an empty sheet gives an empty grid", async () => {
    const grid = await roundTrip(() => undefined);
    expect(grid).toEqual({ sheet: "S", top: 0, left: 0, values: [], merges: [] });
  });
});

describe("normaliseCellValue", () => {
  const cases: [ExcelJS.CellValue, string | number | boolean | null][] = [
    [null, null],
    [undefined, null],
    [12.5, 12.5],
    [Number.POSITIVE_INFINITY, null],
    ["文本", "文本"],
    [false, false],
    [date(2023, 10, 25), "2023-10-25"],
    [new Date(Number.NaN), ""],
    // A serial converted a millisecond short of midnight is still that day.
    [new Date(Date.UTC(2023, 9, 25) - 1), "2023-10-25"],
    [new Date(Date.UTC(2023, 9, 25, 8, 59, 59, 700)), "2023-10-25 09:00"],
    [{ richText: [{ text: "A" }, { text: "中" }] }, "A中"],
    [{ error: "#REF!" }, "#REF!"],
    [{ formula: "1+1", result: 2 }, 2],
    [{ formula: "NOW()" }, null],
    [{ sharedFormula: "A1", result: 7 } as unknown as ExcelJS.CellValue, 7],
    [{ formula: "A1", result: { error: "#N/A" } }, "#N/A"],
    [{ text: "链接", hyperlink: "https://example.invalid" }, "链接"],
    [{ text: { richText: [{ text: "富" }, { text: "文本" }] }, hyperlink: "#Sheet1!A1" } as unknown as ExcelJS.CellValue, "富文本"],
  ];
  test.each(cases)("%j", (input, expected) => {
    expect(normaliseCellValue(input)).toEqual(expected);
  });
});
