/**
 * Nothing lost through the task pane writer (issue 8 §4): every fixture is put into the in-memory fake
 * Excel (test/helpers/fake-excel.ts), checked, and the output sheets written with writeOutputSheets; every
 * user sheet must come out identical (values, formulas, formats, merges — the fake's snapshot), a second
 * write replaces the output sheets instead of adding more, and a failed write leaves the workbook as it was.
 */
import { promises as fs } from "node:fs";
import { EXAMPLES_DIR } from "../helpers/examples";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { readWorkbook as readOffice } from "../../src/adapters/officejs/read";
import { writeOutputSheets, type WriteConfig } from "../../src/adapters/officejs/write";
import { workbookToGrids } from "../../src/adapters/xlsx-file/grid";
import { check } from "../../src/engine";
import { readWorkbook } from "../../src/engine/read";
import { planSheets } from "../../src/engine/summary";
import { OUTPUT_SHEETS } from "../../src/engine/summary/plan";
import { createFakeExcel, type FakeCellInput, type FakeSheetInit } from "../helpers/fake-excel";
import { makeOddFiles, nationalForm, writeForms } from "../helpers/bad-files";

const CFG: WriteConfig = { charts: true, hyperlinks: true, protectionCheck: true, autoFilter: true, rangeAreas: true };
const isOutputLike = (name: string): boolean => OUTPUT_SHEETS.some((o) => name === o || name.startsWith(`${o}（`));

/** An exceljs workbook as the fake's sheets: values, formulas (with their cached results), formats, merges. */
function toFake(wb: ExcelJS.Workbook): FakeSheetInit[] {
  return wb.worksheets.map((ws) => {
    const rows: FakeCellInput[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const line: FakeCellInput[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (cell.isMerged && cell.master.address !== cell.address) return;
        const v = cell.value as unknown;
        const fmt = typeof cell.numFmt === "string" && cell.numFmt !== "General" ? cell.numFmt : undefined;
        let out: FakeCellInput;
        if (v && typeof v === "object" && ("formula" in v || "sharedFormula" in v)) {
          const res = (v as { result?: unknown }).result;
          out = { v: typeof res === "number" || typeof res === "string" || typeof res === "boolean" ? res : null, f: `=${cell.formula}`, fmt };
        } else if (v && typeof v === "object" && "richText" in v) out = { v: cell.text, fmt };
        else if (v instanceof Date) out = { v: v.toISOString().slice(0, 10), fmt };
        else if (v && typeof v === "object") out = { v: cell.text, fmt };
        else out = fmt ? { v: v as string | number | boolean, fmt } : (v as string | number | boolean);
        line[c - 1] = out;
      });
      rows[r - 1] = line;
    });
    const merges = [...((ws.model as unknown as { merges?: string[] }).merges ?? [])];
    return { name: ws.name, rows, merges };
  });
}

let dir: string;
let fixtures: { name: string; wb: ExcelJS.Workbook; file: string }[];

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "bpr-pane-"));
  const odd = await makeOddFiles(ExcelJS, path.join(dir, "fx"));
  const files = odd.map((o) => ({ name: o.kind, file: o.path }));
  const national = path.join(dir, "fx", "national.xlsx");
  await writeForms(ExcelJS, national, [nationalForm()]);
  files.push({ name: "national form", file: national });
  {
    for (const f of (await fs.readdir(EXAMPLES_DIR)).filter((x) => x.endsWith(".xlsx")).sort()) files.push({ name: `example ${f}`, file: path.join(EXAMPLES_DIR, f) });
  }
  fixtures = [];
  for (const f of files) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(f.file);
    fixtures.push({ name: f.name, wb, file: path.basename(f.file) });
  }
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function plansFor(wb: ExcelJS.Workbook, file: string) {
  const report = check([readWorkbook({ file, grids: workbookToGrids(wb) })]);
  return planSheets(report, { lang: "zh" });
}

describe("task pane writer (fake Excel)", () => {
  it("leaves every user sheet of every fixture unchanged, and replaces its own sheets on a second run", async () => {
    for (const f of fixtures) {
      const sheets = toFake(f.wb);
      const fake = createFakeExcel(sheets);
      const names = sheets.map((s) => s.name);
      const before = names.map((n) => fake.snapshot(n));
      const plans = plansFor(f.wb, f.file);
      await fake.run((ctx) => writeOutputSheets(ctx, plans, CFG));
      expect([f.name, names.map((n) => fake.snapshot(n))]).toEqual([f.name, before]);
      const after1 = fake.model.sheets.map((s) => s.name);
      expect([f.name, after1.slice(0, names.length)]).toEqual([f.name, names]);
      expect([f.name, after1.slice(names.length).every(isOutputLike)]).toEqual([f.name, true]);
      await fake.run((ctx) => writeOutputSheets(ctx, plans, CFG));
      expect([f.name, fake.model.sheets.map((s) => s.name)]).toEqual([f.name, after1]);
      expect([f.name, names.map((n) => fake.snapshot(n))]).toEqual([f.name, before]);
    }
  });

  it("leaves the workbook as it was when the write fails (workbook protected)", async () => {
    const f = fixtures.find((x) => x.name === "national form")!;
    const sheets = toFake(f.wb);
    const fake = createFakeExcel(sheets, { workbookProtected: true });
    const before = fake.model.sheets.map((s) => [s.name, fake.snapshot(s.name)]);
    await expect(fake.run((ctx) => writeOutputSheets(ctx, plansFor(f.wb, f.file), CFG))).rejects.toMatchObject({ code: "protected" });
    expect(fake.model.sheets.map((s) => [s.name, fake.snapshot(s.name)])).toEqual(before);
  });

  /**
   * Formerly a data-loss bug: writeOutputSheets deleted every sheet whose name is in OUTPUT_SHEETS, so a
   * reviewer's own list named 抽查复核 (SPEC §2.4 spot-check lists are titled so) or a unit's own 评价汇总 was
   * deleted when the summary was written, and the Office.js reader returned such sheets as empty placeholders.
   * Both now decide ownership like the exceljs writer: an output name AND the product's mark (OUTPUT_MARKS) in A2.
   */
  it("keeps a user's own sheet named like an output sheet (抽查复核 / 评价汇总 without the product's mark)", async () => {
    const f = fixtures.find((x) => x.name === "national form")!;
    const own: FakeSheetInit = { name: "抽查复核", rows: [["项目名称", "主管部门", "复核得分", "复核等级"], ["社区居家养老服务补贴项目", "区民政局", 81.31, "良"]] };
    const unitSummary: FakeSheetInit = { name: "评价汇总", rows: [["2023年度单位自评汇总"], ["（单位自制）"], ["项目", "得分"], ["养老", 92]] };
    const fake = createFakeExcel([...toFake(f.wb), own, unitSummary]);
    const before = [fake.snapshot("抽查复核"), fake.snapshot("评价汇总")];
    const names = fake.model.sheets.map((s) => s.name);

    // The add-in's own path: read through Office.js, check, plan, write.
    const readAndWrite = async () => {
      const read = await fake.run((ctx) => readOffice(ctx, {}, { mergedAreas: true }));
      const reading = readWorkbook({ file: read.fileName, grids: read.grids });
      const report = check([reading]);
      const written = await fake.run((ctx) => writeOutputSheets(ctx, planSheets(report, { lang: "zh" }), CFG));
      return { read, reading, report, written };
    };
    const first = await readAndWrite();
    // The user's list is read as a spot-check list and joins the check (review score of the national project).
    expect(first.reading.sheets.find((s) => s.sheet === "抽查复核")?.kind).toBe("spot-check-list");
    expect(first.report.projects.find((p) => p.name === "社区居家养老服务补贴项目")?.review?.score).toBe(81.31);
    expect(first.written.sheets).toEqual(expect.arrayContaining(["评价汇总（评价助手）", "抽查复核（评价助手）"]));
    expect(fake.model.sheets.map((s) => s.name).slice(0, names.length)).toEqual(names);
    expect([fake.snapshot("抽查复核"), fake.snapshot("评价汇总")]).toEqual(before);

    // A second run: reads ours as output (skipped), replaces only ours, same sheets, same round trips.
    const after1 = fake.model.sheets.map((s) => s.name);
    const second = await readAndWrite();
    for (const n of first.written.sheets) expect([n, second.reading.sheets.find((s) => s.sheet === n)?.kind]).toEqual([n, "output"]);
    expect(second.written.sheets).toEqual(first.written.sheets);
    expect(fake.model.sheets.map((s) => s.name)).toEqual(after1);
    expect([fake.snapshot("抽查复核"), fake.snapshot("评价汇总")]).toEqual(before);
    expect(second.written.stats.syncs).toBe(first.written.stats.syncs);
    expect(second.read.stats.syncs).toBe(first.read.stats.syncs);
  });
});
