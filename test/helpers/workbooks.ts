/**
 * Test workbooks written with exceljs the way real forms are filled in, and the helpers to read them back
 * through the product's own path (exceljs load → workbookToGrids → readWorkbook).
 *
 * Builders are data-driven: a project description → a worksheet. Reuse them in rule tests and benchmarks:
 *
 *   const buf = await writeWorkbook([sheet("自评表", (ws) => buildNationalSheet(ws, NATIONAL_SAMPLE, { origin: { row: 4, col: 2 } }))]);
 *   const reading = await readBuffer(buf, "自评.xlsx");
 *
 * Layouts live in ./layouts (one file per template family); realistic sample projects in ./layouts/samples.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as ExcelJS from "exceljs";
import { type GridOptions, workbookToGrids } from "../../src/adapters/xlsx-file/grid";
import type { Grid } from "../../src/engine/grid";
import { readWorkbook, type WorkbookReading } from "../../src/engine/read";
import type { BuildOptions, ProjectSpec } from "./layouts/self-assessment";
import {
  buildSelfAssessmentSheet,
  NATIONAL,
  NATIONAL_WITH_REVIEW,
  NO_SCORE,
  SICHUAN_2023,
  TWO_ROW_HEADER,
  WEIGHTS_FIRST,
} from "./layouts/self-assessment";

export * from "./layouts/cells";
export * from "./layouts/self-assessment";
export * from "./layouts/department";
export * from "./layouts/goal";
export * from "./layouts/spot-check";
export * from "./layouts/other";
export * from "./layouts/samples";
export * from "./layouts/expect";

/** 财预〔2020〕10号 layout. */
export const buildNationalSheet = (ws: ExcelJS.Worksheet, p: ProjectSpec, opts?: BuildOptions) =>
  buildSelfAssessmentSheet(ws, NATIONAL, p, opts);
/** 分值 before the values (四川中江). */
export const buildWeightsFirstSheet = (ws: ExcelJS.Worksheet, p: ProjectSpec, opts?: BuildOptions) =>
  buildSelfAssessmentSheet(ws, WEIGHTS_FIRST, p, opts);
/** 四川 2023 split columns. */
export const buildSichuanSheet = (ws: ExcelJS.Worksheet, p: ProjectSpec, opts?: BuildOptions) =>
  buildSelfAssessmentSheet(ws, SICHUAN_2023, p, opts);
/** 湖南 style, no score columns. */
export const buildNoScoreSheet = (ws: ExcelJS.Worksheet, p: ProjectSpec, opts?: BuildOptions) =>
  buildSelfAssessmentSheet(ws, NO_SCORE, p, opts);
/** Two-row indicator header (自评情况 over 分值/得分; 年度/指标值 split over rows). */
export const buildTwoRowHeaderSheet = (ws: ExcelJS.Worksheet, p: ProjectSpec, opts?: BuildOptions) =>
  buildSelfAssessmentSheet(ws, TWO_ROW_HEADER, p, opts);
/** National layout plus per-indicator review columns (抽评核实完成值 / 抽评得分 / 复核意见). */
export const buildNationalWithReviewSheet = (ws: ExcelJS.Worksheet, p: ProjectSpec, opts?: BuildOptions) =>
  buildSelfAssessmentSheet(ws, NATIONAL_WITH_REVIEW, p, opts);

export interface SheetSpec {
  name: string;
  build: (ws: ExcelJS.Worksheet) => unknown;
}

export function sheet(name: string, build: (ws: ExcelJS.Worksheet) => unknown): SheetSpec {
  return { name, build };
}

/** Build a workbook from sheet specs and return its .xlsx bytes. */
export async function writeWorkbook(sheets: SheetSpec[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "bpr tests";
  for (const s of sheets) s.build(wb.addWorksheet(s.name));
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}

export async function loadWorkbook(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  // exceljs' typings want its own Buffer interface; a Node Buffer is what it reads.
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb;
}

/** .xlsx bytes → engine grids, through the exceljs adapter. */
export async function gridsFromBuffer(buf: Buffer, opts: GridOptions = {}): Promise<Grid[]> {
  return workbookToGrids(await loadWorkbook(buf), opts);
}

/** .xlsx bytes → the reader's result, the way the CLI and file mode read a workbook. */
export async function readBuffer(buf: Buffer, fileName: string, opts: GridOptions = {}): Promise<WorkbookReading> {
  return readWorkbook({ file: fileName, grids: await gridsFromBuffer(buf, opts) });
}

/** Build and read in one step. */
export async function readSheets(sheets: SheetSpec[], fileName = "test.xlsx"): Promise<WorkbookReading> {
  return readBuffer(await writeWorkbook(sheets), fileName);
}

// ---------------------------------------------------------------------------------------------------------------
// LibreOffice round trip: re-save workbooks the way other software writes them.

let sofficePath: string | null | undefined;

/** Path of soffice, or null when LibreOffice is not installed. */
export function findSoffice(): string | null {
  if (sofficePath !== undefined) return sofficePath;
  sofficePath = null;
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    for (const name of ["soffice", "libreoffice"]) {
      const p = path.join(dir, name);
      try {
        fs.accessSync(p, fs.constants.X_OK);
        sofficePath = p;
        return p;
      } catch {
        /* not here */
      }
    }
  }
  return sofficePath;
}

/**
 * Re-save several workbooks with LibreOffice in ONE soffice call (it is slow to start). Returns the re-saved
 * bytes by file name. Uses a private LibreOffice profile so concurrent runs do not collide.
 */
export function roundTripWithLibreOffice(files: { name: string; data: Buffer }[], to: "xlsx" | "xls" | "ods" = "xlsx"): Map<string, Buffer> {
  const soffice = findSoffice();
  if (!soffice) throw new Error("soffice not found");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bpr-lo-"));
  try {
    const inDir = path.join(dir, "in");
    const outDir = path.join(dir, "out");
    fs.mkdirSync(inDir);
    fs.mkdirSync(outDir);
    const inputs = files.map((f) => {
      const p = path.join(inDir, f.name);
      fs.writeFileSync(p, f.data);
      return p;
    });
    execFileSync(
      soffice,
      [`-env:UserInstallation=file://${path.join(dir, "profile")}`, "--headless", "--convert-to", to, "--outdir", outDir, ...inputs],
      { stdio: "pipe", timeout: 180_000 },
    );
    const out = new Map<string, Buffer>();
    for (const f of files) {
      const p = path.join(outDir, f.name.replace(/\.[^.]+$/, `.${to}`));
      if (fs.existsSync(p)) out.set(f.name, fs.readFileSync(p));
    }
    return out;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
