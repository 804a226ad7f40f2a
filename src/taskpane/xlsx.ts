/**
 * .xlsx files in the browser (file mode, and "导入其他工作簿" in Excel): read with exceljs; the reviewed copy is the
 * picked file's own package plus the output sheets (adapters/xlsx-file/package, no exceljs); the blank templates. This module is itself loaded lazily — in the engine worker on the first download
 * (./engine-service), in the pane's thread where the engine runs there — and exceljs only through a dynamic
 * import, so neither reaches the task pane's first paint (webpack's InitialChunkGuard fails the build otherwise).
 * Nothing leaves the browser: bytes come from the file picker and go to a download link.
 */
import "./zod-config";
import { zipSync } from "fflate";
import { LoadError, sniffDetail } from "../adapters/xlsx-file/load";
import { addOutputSheets, onlyFile, resultsWorkbook } from "../adapters/xlsx-file/package";
import { templatePlansWorkbook } from "../adapters/xlsx-file/template-book";
import type { Report } from "../engine/model";
import { t } from "../i18n";
import { planSheets } from "../engine/summary";
import type { TemplatePlan } from "../engine/templates";
import { loadExcelJS, type PickedFile } from "./xlsx-read";

export { LoadError } from "../adapters/xlsx-file/load";
export { loadExcelJS, readPicked, readPickedFile, type PickedFile } from "./xlsx-read";

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

/** A workbook holding the blank templates (file mode's "下载空白模板", and assets/samples/blank-*.xlsx). */
export async function templatesWorkbook(plans: TemplatePlan[]): Promise<Uint8Array> {
  return templatePlansWorkbook(await loadExcelJS(), plans);
}

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
