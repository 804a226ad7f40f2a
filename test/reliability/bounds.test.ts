/**
 * Bounded by content, not by address: a stray value at XFD1048576, a merged area over a whole sheet and
 * 100,000 merged areas read as small grids with their merges kept as ranges; the per-file limits (inflated
 * bytes, filled cells, time) end one file with a message naming the file and the limit while `bpr check` goes
 * on with the others. (Time is measured by `npm run bench`, never here.)
 */
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import * as XLSX from "@e965/xlsx";
import { gridsFromBytes, readCells, readingFromBytes } from "../../src/adapters/xlsx-file/read";
import { LoadError } from "../../src/adapters/xlsx-file/load";
import { type MergeArea, Sheet } from "../../src/engine/grid";
import { t } from "../../src/i18n";
import { formRowsXml, minimalXlsx, NATIONAL_PROJECT, nationalForm, validXlsxBytes, writeForms } from "../helpers/bad-files";
import { bpr, expectNoStack } from "./cli-run";

const READ = { sheetjs: () => XLSX };

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "bpr-bounds-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function strayForm(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const form = nationalForm();
  const ws = wb.addWorksheet(form.sheet);
  form.values.forEach((row, r) => row.forEach((v, c) => v !== null && (ws.getCell(r + 1, c + 1).value = v)));
  for (const m of form.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  ws.getCell("XFD1048576").value = "误输入";
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("a grid covers the content, not the address range", () => {
  test("one stray value at XFD1048576: the form reads as without it, the stray cell is reported", async () => {
    const bytes = await strayForm();
    expect(bytes.length).toBeLessThan(20_000);
    const { grids } = await gridsFromBytes(bytes, "stray.xlsx", READ);
    expect(grids[0].values.length).toBeLessThan(40);
    expect(Math.max(...grids[0].values.map((r) => r.length))).toBeLessThan(20);
    expect(grids[0].trimmed).toEqual({ cells: 1, first: "XFD1048576" });
    const { reading, notices } = await readingFromBytes(bytes, "stray.xlsx", READ);
    expect(reading.projects.map((p) => [p.name, p.indicators.length])).toEqual([[NATIONAL_PROJECT, 7]]);
    expect(notices).toEqual([{ sheet: "自评表", cells: 1, first: "XFD1048576" }]);
  });

  test("bpr check names the ignored cell and checks the form", async () => {
    await fs.writeFile(path.join(dir, "stray.xlsx"), await strayForm());
    for (const lang of ["zh", "en"] as const) {
      const r = await bpr(["check", "stray.xlsx", "--format", "json", "--lang", lang], dir);
      expectNoStack(r);
      expect(r.stderr.trim().split("\n")).toEqual([t(lang, "cli.strayCells", { file: "stray.xlsx", sheet: "自评表", cells: 1, cell: "XFD1048576" })]);
      expect((JSON.parse(r.stdout) as { projects: { name: string }[] }).projects.map((p) => p.name)).toEqual([NATIONAL_PROJECT]);
    }
  });

  test("a merged area over a whole sheet stays one range and the grid holds the form", async () => {
    const form = nationalForm();
    const body = `<sheetData>${formRowsXml(form, 3)}<row r="1"><c r="A1" t="inlineStr"><is><t>整张表合并</t></is></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:XFD2"/></mergeCells>`;
    // Rows in document order: the merged title row first.
    const xml = body.replace(/<sheetData>(.*)(<row r="1">.*?<\/row>)<\/sheetData>/, "<sheetData>$2$1</sheetData>");
    const whole = minimalXlsx(`<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>整张表合并</t></is></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>`);
    const g = (await gridsFromBytes(whole, "whole.xlsx", READ)).grids[0];
    expect(g.values).toEqual([["整张表合并"]]);
    expect(g.merges).toEqual([{ top: 0, left: 0, bottom: 1048575, right: 16383 }]);
    const s = new Sheet(g);
    expect([s.mergeCovering(1048575, 16383), s.mergeAt(0, 0)]).toEqual([g.merges![0], g.merges![0]]);
    // A title merged across all 16,384 columns above a real form: the form is read.
    const titled = (await readingFromBytes(minimalXlsx(xml), "titled.xlsx", READ)).reading;
    expect(titled.projects.map((p) => p.name)).toEqual([NATIONAL_PROJECT]);
  });

  test("100,000 merged areas: kept as ranges, every lookup answers as a scan of the list would", async () => {
    const n = 100_000;
    let rows = "";
    let merges = "";
    for (let r = 1; r <= n; r++) {
      rows += `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>行${r}</t></is></c><c r="C${r}"><v>${r}</v></c></row>`;
      merges += `<mergeCell ref="A${r}:B${r}"/>`;
    }
    const bytes = minimalXlsx(`<sheetData>${rows}</sheetData><mergeCells count="${n}">${merges}</mergeCells>`);
    const g = (await gridsFromBytes(bytes, "merges.xlsx", READ)).grids[0];
    expect(g.merges).toHaveLength(n);
    expect(g.values).toHaveLength(n);
    const s = new Sheet(g);
    const scan = (r: number, c: number): MergeArea | null => g.merges!.find((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right) ?? null;
    for (const [r, c] of [
      [0, 0],
      [0, 1],
      [0, 2],
      [50_000, 1],
      [99_999, 0],
      [99_999, 2],
      [100_000, 0],
    ]) {
      expect([r, c, s.mergeCovering(r, c)]).toEqual([r, c, scan(r, c)]);
      expect([r, c, s.mergeAt(r, c)]).toEqual([r, c, g.merges!.find((m) => m.top === r && m.left === c) ?? null]);
    }
    const reading = (await readingFromBytes(bytes, "merges.xlsx", READ)).reading;
    expect(reading.sheets.map((x) => x.kind)).toEqual(["unrecognized"]);
  }, 120_000);
});

describe("per-file limits name the file and the limit", () => {
  const codeOf = async (p: Promise<unknown>) => {
    const e = await p.then(
      () => null,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(LoadError);
    return [(e as LoadError).code, (e as LoadError).file, (e as LoadError).reason];
  };

  test("inflated bytes (counted as they come out), filled cells, time", async () => {
    const valid = await validXlsxBytes(ExcelJS);
    expect(await codeOf(readCells(valid, "大.xlsx", { ...READ, limits: { maxInflatedBytes: 50_000 } }))).toEqual(["inflateLimit", "大.xlsx", "49 KB"]);
    expect(await codeOf(readCells(valid, "多.xlsx", { ...READ, limits: { maxCells: 500 } }))).toEqual(["tooManyCells", "多.xlsx", "500"]);
    expect(await codeOf(readCells(valid, "慢.xlsx", { ...READ, limits: { timeLimitMs: 0 } }))).toEqual(["timeLimit", "慢.xlsx", "0"]);
    expect(t("zh", "load.tooManyCells", { reason: "500" })).toContain("500");
    expect(t("en", "load.inflateLimit", { reason: "49 KB" })).toContain("49 KB");
  });

  test("the same limits hold for the formats SheetJS reads", async () => {
    const valid = await validXlsxBytes(ExcelJS);
    const ods = new Uint8Array(XLSX.write(XLSX.read(valid), { type: "buffer", bookType: "ods" }) as Buffer);
    expect((await codeOf(readCells(ods, "表.ods", { ...READ, limits: { maxInflatedBytes: 20_000 } })))[0]).toBe("inflateLimit");
    expect((await codeOf(readCells(ods, "表.ods", { ...READ, limits: { maxCells: 500 } })))[0]).toBe("tooManyCells");
  });

  test("a file over 2 GB is too large, not missing, and the other files are still checked", async () => {
    const big = path.join(dir, "big", "巨大.xlsx");
    await fs.mkdir(path.dirname(big), { recursive: true });
    await fs.writeFile(big, "");
    await fs.truncate(big, Math.round(2.2 * 1024 ** 3)); // sparse: no disk is used
    await writeForms(ExcelJS, path.join(dir, "big", "正常.xlsx"), [nationalForm()]);
    const r = await bpr(["check", "big", "--format", "json", "--lang", "zh"], dir);
    expectNoStack(r);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout) as { projects: { name: string }[]; inputErrors: { file: string; code: string; message: string }[] };
    expect(report.projects.map((p) => p.name)).toEqual([NATIONAL_PROJECT]);
    expect(report.inputErrors).toEqual([{ file: path.join("big", "巨大.xlsx"), code: "fileTooLarge", message: t("zh", "load.fileTooLarge", { reason: "2.2 GB" }) }]);
  });
});
