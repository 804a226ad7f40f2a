/**
 * .xlsx files in the browser (file mode, and "导入其他工作簿" in Excel): read with exceljs, write a reviewed copy,
 * write the blank templates. This module is itself loaded lazily — in the engine worker on the first download
 * (./engine-service), in the pane's thread where the engine runs there — and exceljs only through a dynamic
 * import, so neither reaches the task pane's first paint (webpack's InitialChunkGuard fails the build otherwise).
 * Nothing leaves the browser: bytes come from the file picker and go to a download link.
 */
import "./zod-config";
import type { Border, Borders, Fill, Workbook, Worksheet } from "exceljs";
import { appendWorkbook, renameLocations, type SheetRename } from "../adapters/xlsx-file/combine";
import { applyPrintSetup, applySheetPlans, applyTemplateExtras } from "../adapters/xlsx-file/write";
import type { Report } from "../engine/model";
import { planSheets } from "../engine/summary";
import type { CellStyle } from "../engine/summary/plan";
import type { TemplatePlan } from "../engine/templates";
import { loadExcelJS, loadPicked as load, type PickedFile } from "./xlsx-read";

export { LoadError } from "../adapters/xlsx-file/load";
export { loadExcelJS, readPicked, type PickedFile } from "./xlsx-read";

async function bytesOf(wb: Workbook): Promise<Uint8Array> {
  const out = await wb.xlsx.writeBuffer();
  return out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
}

/**
 * The reviewed workbook, as the command line writes it: one file → that workbook with the output sheets
 * added (its own sheets unchanged); several → every file's sheets in one workbook ("文件名-工作表"), with
 * the report's locations renamed so the links land on the copies, plus the output sheets.
 */
export async function reviewedWorkbook(report: Report, files: PickedFile[], lang: "zh" | "en"): Promise<Uint8Array> {
  if (files.length === 0) throw new Error("no readable file");
  if (files.length === 1) {
    const wb = await load(files[0]);
    applySheetPlans(wb, planSheets(report, { lang }), { file: files[0].name });
    return bytesOf(wb);
  }
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  wb.creator = "预算绩效评价助手";
  const renames: SheetRename[] = [];
  for (const f of files) renames.push(...appendWorkbook(wb, await load(f), f.name, true));
  const renamed = renameLocations(report, renames);
  applySheetPlans(wb, planSheets(renamed, { lang }));
  return bytesOf(wb);
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
