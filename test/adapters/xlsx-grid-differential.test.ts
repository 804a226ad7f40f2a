/**
 * Differential test: the new reader (src/adapters/xlsx-file/read.ts, the lean OOXML reader) gives the product's
 * Grid exactly as the exceljs 4.4 path did (exceljs load + worksheetToGrid, kept as the yardstick) — values,
 * where the grid starts, merged areas, which cells show percentages — over every kind of cell the tests write
 * (dates, percentages, rich text, formula results with and without a cache, errors, hyperlinks, merges), the
 * layouts, the odd-but-readable files, the same workbooks re-saved by LibreOffice, the bundled samples and the
 * bench corpus (300 generated county workbooks).
 */
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import * as XLSX from "@e965/xlsx";
import { worksheetToGrid } from "../../src/adapters/xlsx-file/grid";
import { gridsFromBytes } from "../../src/adapters/xlsx-file/read";
import { type Grid, Sheet } from "../../src/engine/grid";
import { generateCorpus } from "../../bench/corpus";
import { makeOddFiles } from "../helpers/bad-files";
import {
  buildDepartmentSheet,
  buildGoalSheet,
  buildNationalSheet,
  buildSichuanSheet,
  buildSpotCheckListSheet,
  buildTwoRowHeaderSheet,
  date,
  DEPARTMENT_SAMPLE,
  errorValue,
  findSoffice,
  formula,
  GOAL_SAMPLE,
  link,
  NATIONAL_DRAFT,
  NATIONAL_SAMPLE,
  pct,
  put,
  putMerged,
  rich,
  roundTripWithLibreOffice,
  sheet,
  SICHUAN_SAMPLE,
  SPOT_CHECK_ROWS,
  TWO_ROW_SAMPLE,
  withFormat,
  writeWorkbook,
} from "../helpers/workbooks";

const READ = { sheetjs: () => XLSX };

/** The Grid as the engine sees it: numberFormats only through Sheet.isPercent, where a value stands. */
function seen(g: Grid) {
  const s = new Sheet(g);
  const percent: string[] = [];
  g.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null && s.isPercent(g.top + r, g.left + c)) percent.push(`${r},${c}`);
    }),
  );
  return { sheet: g.sheet, top: g.top, left: g.left, values: g.values, merges: g.merges, totalRows: g.totalRows, percent, hasFormats: g.numberFormats !== undefined };
}

async function viaExcelJs(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => seen(worksheetToGrid(ws)));
}

async function viaReader(bytes: Uint8Array, name: string) {
  return (await gridsFromBytes(bytes, name, READ)).grids.map(seen);
}

async function expectSame(bytes: Uint8Array, name: string): Promise<void> {
  const [a, b] = [await viaExcelJs(bytes), await viaReader(bytes, name)];
  expect([name, b]).toEqual([name, a]);
}

async function cellKinds(): Promise<Buffer> {
  return writeWorkbook([
    sheet("单元格", (ws) => {
      put(ws, 2, 2, date(2023, 12, 26));
      put(ws, 2, 3, withFormat(new Date(Date.UTC(2024, 2, 15, 14, 30)), "yyyy-mm-dd hh:mm"));
      put(ws, 2, 4, withFormat(date(2023, 10, 25), 'yyyy"年"m"月"d"日"'));
      put(ws, 3, 2, pct(0.9339));
      put(ws, 3, 3, withFormat(1586.4, "#,##0.00"));
      put(ws, 3, 4, withFormat(0.5, "0%"));
      put(ws, 3, 5, withFormat(12, '0"%"'));
      put(ws, 4, 2, rich("PM", ["2.5", { vertAlign: "subscript" }], "年均浓度"));
      put(ws, 4, 3, link("佐证材料", "https://example.invalid/a.pdf"));
      put(ws, 4, 4, errorValue("#DIV/0!"));
      put(ws, 4, 5, errorValue("#N/A"));
      put(ws, 4, 6, true);
      put(ws, 4, 7, "");
      put(ws, 4, 8, " ");
      put(ws, 5, 2, 248);
      put(ws, 5, 3, 231.6);
      put(ws, 5, 4, formula("C5/B5", 0.9339));
      put(ws, 5, 5, formula("B5-C5"));
      put(ws, 5, 6, formula('IF(B5>0,"有","无")', "有"));
      put(ws, 5, 7, formula("C5/0", errorValue("#DIV/0!")));
      put(ws, 5, 8, formula("TODAY()", date(2024, 3, 20)));
      put(ws, 6, 2, "含 & < > \" ' 的文本\r\n第二行");
      put(ws, 6, 3, "_x000D_ 字面");
      putMerged(ws, 8, 2, 10, 2, "绩\n效\n指\n标");
      putMerged(ws, 8, 3, 8, 8, "社区居家养老服务补贴项目");
      putMerged(ws, 12, 2, 12, 20, "");
      putMerged(ws, 14, 2, 16, 3, 95);
      put(ws, 30, 12, -0.5);
      put(ws, 31, 13, 1e-9);
      put(ws, 32, 14, 123456789012345);
    }),
    sheet("空", () => undefined),
  ]);
}

async function layouts(): Promise<Buffer[]> {
  return [
    await writeWorkbook([
      sheet("社区养老", (ws) => buildNationalSheet(ws, NATIONAL_SAMPLE, { origin: { row: 1, col: 2 }, preambleCol: 1 })),
      sheet("饮水", (ws) => buildNationalSheet(ws, NATIONAL_DRAFT)),
      sheet("路灯", (ws) => buildTwoRowHeaderSheet(ws, TWO_ROW_SAMPLE)),
    ]),
    await writeWorkbook([
      sheet("项目自评", (ws) => buildSichuanSheet(ws, SICHUAN_SAMPLE)),
      sheet("部门整体", (ws) => buildDepartmentSheet(ws, DEPARTMENT_SAMPLE)),
      sheet("目标表", (ws) => buildGoalSheet(ws, GOAL_SAMPLE, { blocks: "side-by-side" })),
      sheet("抽查复核汇总", (ws) => buildSpotCheckListSheet(ws, SPOT_CHECK_ROWS, { header: "grouped" })),
    ]),
  ];
}

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "bpr-diff-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("the reader gives exceljs's Grid", () => {
  test("every cell kind: dates, percentages, rich text, hyperlinks, errors, formula results, merges, escapes", async () => {
    await expectSame(new Uint8Array(await cellKinds()), "cells.xlsx");
  });

  test("the layouts and the odd-but-readable files", async () => {
    for (const [i, b] of (await layouts()).entries()) await expectSame(new Uint8Array(b), `layout${i}.xlsx`);
    for (const f of await makeOddFiles(ExcelJS, path.join(dir, "odd"))) await expectSame(new Uint8Array(await fs.readFile(f.path)), f.name);
  }, 60_000);

  test("the bundled samples and blank templates", async () => {
    const assets = path.join(__dirname, "..", "..", "assets", "samples");
    for (const f of (await fs.readdir(assets)).filter((n) => n.endsWith(".xlsx"))) await expectSame(new Uint8Array(await fs.readFile(path.join(assets, f))), f);
  });

  (findSoffice() ? test : test.skip)(
    "the same workbooks re-saved by LibreOffice (its shared strings, styles, merges)",
    async () => {
      const files = [{ name: "cells.xlsx", data: await cellKinds() }, ...(await layouts()).map((data, i) => ({ name: `layout${i}.xlsx`, data }))];
      const resaved = roundTripWithLibreOffice(files);
      expect(resaved.size).toBe(files.length);
      for (const [name, data] of resaved) await expectSame(new Uint8Array(data), `lo-${name}`);
    },
    240_000,
  );

  test("the bench corpus: 300 county workbooks", async () => {
    const corpus = path.join(dir, "corpus");
    const m = await generateCorpus(corpus, 20231231);
    expect(m.files.length).toBe(300);
    for (const f of m.files) await expectSame(new Uint8Array(await fs.readFile(path.join(corpus, f))), f);
  }, 600_000);
});
