/**
 * Every format a county receives reads like the .xlsx it was saved from: the same workbooks saved by LibreOffice
 * as .xls (BIFF8) and .ods, that .xls renamed .et (WPS 表格 saves .et as BIFF), and an .xlsb written by SheetJS,
 * all go through the one reader (src/adapters/xlsx-file/read.ts), chosen by the bytes, and give the same
 * reading — projects, indicators, budgets, dates, percentages, reviews — as the original .xlsx.
 */
import * as XLSX from "@e965/xlsx";
import { gridsFromBytes, readingFromBytes } from "../../src/adapters/xlsx-file/read";
import type { Grid } from "../../src/engine/grid";
import { readWorkbook, type WorkbookReading } from "../../src/engine/read";
import {
  buildDepartmentSheet,
  buildGoalSheet,
  buildNationalSheet,
  buildSichuanSheet,
  buildSpotCheckListSheet,
  buildTwoRowHeaderSheet,
  DEPARTMENT_SAMPLE,
  findSoffice,
  GOAL_SAMPLE,
  NATIONAL_DRAFT,
  NATIONAL_SAMPLE,
  roundTripWithLibreOffice,
  sheet,
  SICHUAN_SAMPLE,
  SPOT_CHECK_ROWS,
  TWO_ROW_SAMPLE,
  writeWorkbook,
} from "../helpers/workbooks";

const READ = { sheetjs: () => XLSX };

const soffice = findSoffice();
if (!soffice) console.warn("xlsx-grid-formats.test: soffice not found — the LibreOffice .xls/.ods cases are skipped");
const maybe = soffice ? describe : describe.skip;

/** LibreOffice writes numbers with 15 significant digits: compare at 12. */
function round<T>(x: T): T {
  if (typeof x === "number") return (Number.isFinite(x) ? Number(x.toPrecision(12)) : x) as T;
  if (Array.isArray(x)) return x.map(round) as T;
  if (x && typeof x === "object") return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, round(v)])) as T;
  return x;
}

/** What a user sees of a reading, the file's name aside (it stands in ids and locations). */
function gist(r: WorkbookReading) {
  const text = JSON.stringify({ sheets: r.sheets, projects: r.projects, reviews: r.reviews });
  return round(JSON.parse(text.split(r.file).join("<file>")) as unknown);
}

const files = new Map<string, Uint8Array>();

async function originals(): Promise<{ name: string; data: Buffer }[]> {
  return [
    {
      name: "national.xlsx",
      data: await writeWorkbook([
        sheet("社区养老", (ws) => buildNationalSheet(ws, NATIONAL_SAMPLE, { origin: { row: 1, col: 2 }, preambleCol: 1 })),
        sheet("饮水", (ws) => buildNationalSheet(ws, NATIONAL_DRAFT)),
        sheet("路灯", (ws) => buildTwoRowHeaderSheet(ws, TWO_ROW_SAMPLE)),
      ]),
    },
    {
      name: "sichuan.xlsx",
      data: await writeWorkbook([
        sheet("项目自评", (ws) => buildSichuanSheet(ws, SICHUAN_SAMPLE)),
        sheet("部门整体", (ws) => buildDepartmentSheet(ws, DEPARTMENT_SAMPLE)),
        sheet("目标表", (ws) => buildGoalSheet(ws, GOAL_SAMPLE, { blocks: "side-by-side" })),
        sheet("抽查复核汇总", (ws) => buildSpotCheckListSheet(ws, SPOT_CHECK_ROWS, { header: "grouped" })),
      ]),
    },
  ];
}

async function read(name: string): Promise<WorkbookReading & { format: string }> {
  const { reading, format } = await readingFromBytes(files.get(name)!, name, READ);
  return { ...reading, format };
}

maybe("LibreOffice .xls / .ods, a BIFF file named .et, an .xlsb: the same reading as the .xlsx", () => {
  beforeAll(async () => {
    const src = await originals();
    for (const f of src) files.set(f.name, new Uint8Array(f.data));
    for (const to of ["xls", "ods"] as const) {
      const out = roundTripWithLibreOffice(src, to);
      for (const f of src) {
        const data = out.get(f.name);
        if (!data) throw new Error(`LibreOffice did not write ${f.name} as .${to}`);
        files.set(f.name.replace(/xlsx$/, to), new Uint8Array(data));
      }
    }
    // WPS 表格's .et is BIFF8 in an OLE compound file: the .xls bytes under that name.
    for (const f of src) files.set(f.name.replace(/xlsx$/, "et"), files.get(f.name.replace(/xlsx$/, "xls"))!);
    // .xlsb: LibreOffice does not write it; SheetJS does.
    for (const f of src) {
      const wb = XLSX.read(f.data, { type: "buffer", cellNF: true, cellStyles: true });
      files.set(f.name.replace(/xlsx$/, "xlsb"), new Uint8Array(XLSX.write(wb, { type: "buffer", bookType: "xlsb" }) as Buffer));
    }
  }, 300_000);

  test.each(["xls", "et", "ods", "xlsb"])("national and 四川 workbooks as .%s read exactly as the .xlsx", async (ext) => {
    for (const stem of ["national", "sichuan"]) {
      const xlsx = await read(`${stem}.xlsx`);
      const other = await read(`${stem}.${ext}`);
      expect(other.format).toBe(ext === "et" ? "xls" : ext);
      expect(xlsx.format).toBe("xlsx");
      expect(gist(other)).toEqual(gist(xlsx));
    }
  });

  test("the values a reader must get right survive every format: dates, percentages, merged labels, formula results", async () => {
    for (const ext of ["xlsx", "xls", "et", "ods", "xlsb"]) {
      const r = await read(`national.${ext}`);
      const [a] = r.projects;
      expect([ext, a.name, a.department, a.location.cell, a.statedTotal, a.indicators.length]).toEqual([ext, "社区居家养老服务补贴项目", "区民政局", "B4", 94.54, 8]);
      expect(a.budget?.statedRate).toBeCloseTo(231.6 / 248, 10);
      expect([ext, a.indicators[3].actual?.raw]).toEqual([ext, "2023-12-26"]);
      expect([ext, a.indicators[2].actual]).toEqual([ext, { raw: "1.1%", kind: "number", op: null, value: 1.1, unit: "%" }]);
    }
  });

  test("the name does not decide: an .ods named .xlsx and an .xls named .ods read by their bytes", async () => {
    const asXlsx = await readingFromBytes(files.get("sichuan.ods")!, "sichuan.xlsx", READ);
    const asOds = await readingFromBytes(files.get("sichuan.xls")!, "sichuan.ods", READ);
    expect([asXlsx.format, asOds.format]).toEqual(["ods", "xls"]);
    expect(gist(asXlsx.reading)).toEqual(gist(await read("sichuan.xlsx")));
    expect(gist(asOds.reading)).toEqual(gist(await read("sichuan.xlsx")));
  });

  test("merged areas stay the original's areas (.ods: SheetJS 0.20.3 drops a few empty ones, none the reader needs)", async () => {
    const key = (g: Grid) => (g.merges ?? []).map((m) => `${m.top},${m.left},${m.bottom},${m.right}`).sort();
    const base = (await gridsFromBytes(files.get("national.xlsx")!, "n.xlsx", READ)).grids;
    for (const ext of ["xls", "ods", "xlsb"]) {
      const grids = (await gridsFromBytes(files.get(`national.${ext}`)!, `n.${ext}`, READ)).grids;
      if (ext === "ods") grids.forEach((g, i) => expect(base[i].merges).toEqual(expect.arrayContaining(g.merges ?? [])));
      else expect(grids.map(key)).toEqual(base.map(key));
      // The Grid contract: readWorkbook over these grids is what the CLI reads.
      expect(gist(readWorkbook({ file: "n.wb", grids }))).toEqual(gist(readWorkbook({ file: "n.wb", grids: base })));
    }
  });
});
