/**
 * .xlsx files in the browser (file mode, and "导入其他工作簿" in Excel): read with exceljs; the reviewed copy is the
 * picked file's own package plus the output sheets (adapters/xlsx-file/package, no exceljs); the blank templates. This module is itself loaded lazily — in the engine worker on the first download
 * (./engine-service), in the pane's thread where the engine runs there — and exceljs only through a dynamic
 * import, so neither reaches the task pane's first paint (webpack's InitialChunkGuard fails the build otherwise).
 * Nothing leaves the browser: bytes come from the file picker and go to a download link.
 */
import "./zod-config";
import type { Border, Borders, Fill, Workbook, Worksheet } from "exceljs";
import { zipSync } from "fflate";
import { LoadError, sniffDetail } from "../adapters/xlsx-file/load";
import { addOutputSheets, onlyFile, resultsWorkbook } from "../adapters/xlsx-file/package";
import { applyPrintSetup, applyTemplateExtras } from "../adapters/xlsx-file/write";
import type { Report } from "../engine/model";
import { t } from "../i18n";
import { planSheets } from "../engine/summary";
import type { CellStyle } from "../engine/summary/plan";
import type { TemplatePlan } from "../engine/templates";
import { loadExcelJS, type PickedFile } from "./xlsx-read";

export { LoadError } from "../adapters/xlsx-file/load";
export { loadExcelJS, readPicked, readPickedFile, type PickedFile } from "./xlsx-read";

async function bytesOf(wb: Workbook): Promise<Uint8Array> {
  const out = await wb.xlsx.writeBuffer();
  return out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
}

/** What file mode's 下载评价结果 gives for several files: a zip of the reviewed copies plus the results workbook, or the results workbook alone. */
export type ReviewedKind = "copies" | "results";


/** Formats that are read but are no OOXML package (.xls/.et, .ods, .xlsb): their copy cannot be edited, only linked to. */
const OTHER_FORMATS = new Set(["legacyXls", "ole", "ods", "xlsb", "xml2003", "csv", "html"]);

/** true: an OOXML package to add sheets to; false: another readable format; a damaged file throws its LoadError. */
function isPackage(f: PickedFile): boolean {
  const kind = sniffDetail(f.bytes);
  if (kind === null) return true;
  if (OTHER_FORMATS.has(kind.code)) return false;
  throw new LoadError(kind.code, f.name, kind.reason ?? "");
}

function resultsOf(report: Report, files: PickedFile[], lang: "zh" | "en"): Uint8Array {
  // Links open each picked file by its name, beside the results workbook (in the zip, or the folder the user keeps them in).
  const names = new Set(files.map((f) => f.name));
  return resultsWorkbook(planSheets(report, { lang }), { fileTarget: (file) => (names.has(file) ? file.replace(/^.*[\\/]/, "") : null) }).bytes;
}

/**
 * The reviewed download, built from the bytes that were picked and checked (issue 13):
 * - one file: that workbook's own package with the output sheets (and the grade chart) added — every other part of
 *   the file kept byte for byte, an .xlsm stays macro-enabled; a file that is not .xlsx/.xlsm (.xls, .ods, …) cannot
 *   be edited as such and gives the results workbook instead (never a converted copy);
 * - several: `copies` — a zip of each file's reviewed copy (its own projects and findings) plus the results workbook;
 *   `results` — the results workbook alone. Its links open the files by name, beside it.
 */
export async function reviewedWorkbook(report: Report, files: PickedFile[], lang: "zh" | "en", kind: ReviewedKind = "copies"): Promise<Uint8Array> {
  if (files.length === 0) throw new Error("no readable file");
  if (files.length === 1) {
    const f = files[0];
    if (!isPackage(f)) return resultsOf(report, files, lang);
    return addOutputSheets(f.bytes, planSheets(report, { lang }), { file: f.name }).bytes;
  }
  const results = resultsOf(report, files, lang);
  if (kind === "results") return results;
  const entries: Record<string, Uint8Array> = {};
  const taken = new Set<string>([t(lang, "ui.file.results").toLowerCase()]);
  for (const f of files) {
    if (!isPackage(f)) continue; // not an OOXML package: only the results workbook speaks for it
    let name = f.name.replace(/^.*[\\/]/, "");
    for (let i = 2; taken.has(name.toLowerCase()); i++) name = f.name.replace(/^.*[\\/]/, "").replace(/(\.[^.]*)?$/, `(${i})$1`);
    taken.add(name.toLowerCase());
    entries[name] = addOutputSheets(f.bytes, planSheets(onlyFile(report, f.name), { lang }), { file: f.name }).bytes;
  }
  entries[t(lang, "ui.file.results")] = results;
  // The workbooks are zips already: stored, not compressed again.
  return zipSync(Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, [v, { level: 0 }]])));
}

const THIN: Partial<Border> = { style: "thin", color: { argb: "FF808080" } };
const BORDER: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
const LABEL_FILL: Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } };

function styleCell(ws: Worksheet, r: number, c: number, style: CellStyle | undefined, border: boolean, wrap: boolean): void {
  const cell = ws.getCell(r + 1, c + 1);
  if (style === "title") cell.font = { bold: true, size: 16 };
  else if (style === "subtitle") cell.font = { bold: true, size: 12 };
  else if (style === "header" || style === "label") cell.font = { bold: true };
  if (style === "header") cell.fill = HEADER_FILL;
  if (style === "label") cell.fill = LABEL_FILL;
  if (border) cell.border = BORDER;
  const centred = style === "title" || style === "subtitle" || style === "header" || style === "label";
  if (centred || wrap) cell.alignment = { horizontal: centred ? "center" : undefined, vertical: "middle", wrapText: wrap || style === "header" };
}

/** Write one template plan onto a new worksheet (cell values as text or numbers; formulas only from plan.formulas). */
export function writeTemplate(wb: Workbook, plan: TemplatePlan): Worksheet {
  const ws = wb.addWorksheet(plan.name);
  plan.widths.forEach((w, i) => {
    if (w > 0) ws.getColumn(i + 1).width = w;
  });
  plan.rows.forEach((row, r) =>
    row.forEach((pc, c) => {
      if (pc.v !== null) ws.getCell(r + 1, c + 1).value = pc.v;
      if (pc.fmt) ws.getCell(r + 1, c + 1).numFmt = pc.fmt;
      styleCell(ws, r, c, pc.style, pc.border === true, pc.wrap === true);
    }),
  );
  for (const m of plan.merges) {
    if (m.bottom > m.top || m.right > m.left) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  }
  plan.rows.forEach((row, r) => {
    if (row.some((pc) => pc.style === "title" && pc.v !== null)) ws.getRow(r + 1).height = 28;
  });
  if (plan.freezeRows > 0) ws.views = [{ state: "frozen", xSplit: 0, ySplit: plan.freezeRows }];
  if (plan.filter) ws.autoFilter = plan.filter;
  // The form's formulas (执行率, 得分, 总分) and drop-down lists, A4 print setup and row heights.
  applyTemplateExtras(ws, plan);
  applyPrintSetup(ws, plan);
  return ws;
}

/** A workbook holding the blank templates (file mode's "下载空白模板", and assets/samples/blank-*.xlsx). */
export async function templatesWorkbook(plans: TemplatePlan[]): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  wb.creator = "预算绩效评价助手";
  for (const p of plans) writeTemplate(wb, p);
  return bytesOf(wb);
}

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
