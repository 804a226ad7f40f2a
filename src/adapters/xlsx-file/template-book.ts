/**
 * Workbooks made of template plans (engine/templates.ts TemplatePlan): the review workflow's 抽查名单 and review
 * workbooks (issue 16), in Node (bpr sample / bpr review-forms) and in the browser (file mode). exceljs is passed in
 * by the caller, who loads it lazily. Cell values are written as values (text or numbers, never formulas; formulas only
 * from plan.formulas); a plan with `protect` is protected without a password and leaves only its ranges unlocked.
 */
import type { Border, Borders, Fill, Workbook, Worksheet } from "exceljs";
import type { CellStyle } from "../../engine/summary/plan";
import type { TemplatePlan } from "../../engine/templates";
import { applyPrintSetup, applyTemplateExtras } from "./write";

type ExcelJSModule = typeof import("exceljs");

const THIN: Partial<Border> = { style: "thin", color: { argb: "FF808080" } };
const BORDER: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
const LABEL_FILL: Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } };
/** Cells left for the reviewer: a light yellow, as the provincial systems mark the cells to fill in. */
const INPUT_FILL: Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF9DB" } };

function style(ws: Worksheet, r: number, c: number, s: CellStyle | undefined, border: boolean, wrap: boolean): void {
  const cell = ws.getCell(r + 1, c + 1);
  if (s === "title") cell.font = { bold: true, size: 16 };
  else if (s === "subtitle") cell.font = { bold: false, size: 10, color: { argb: "FF595959" } };
  else if (s === "header" || s === "label") cell.font = { bold: true };
  if (s === "header") cell.fill = HEADER_FILL;
  if (s === "label") cell.fill = LABEL_FILL;
  if (border) cell.border = BORDER;
  const centred = s === "title" || s === "header" || s === "label";
  if (centred || wrap) cell.alignment = { horizontal: centred ? "center" : undefined, vertical: "middle", wrapText: wrap || s === "header" };
}

/** "H6:J20" → every cell of the range (1-based row, col). */
function cellsOf(range: string): [number, number][] {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(range);
  if (!m) return [];
  const col = (s: string) => [...s].reduce((a, ch) => a * 26 + ch.charCodeAt(0) - 64, 0);
  const [c1, r1] = [col(m[1]), Number(m[2])];
  const [c2, r2] = m[3] ? [col(m[3]), Number(m[4])] : [c1, r1];
  const out: [number, number][] = [];
  for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) out.push([r, c]);
  return out;
}

export async function writeTemplatePlan(wb: Workbook, plan: TemplatePlan): Promise<Worksheet> {
  const ws = wb.addWorksheet(plan.name);
  plan.widths.forEach((w, i) => {
    if (w > 0) ws.getColumn(i + 1).width = w;
  });
  plan.rows.forEach((row, r) =>
    row.forEach((pc, c) => {
      if (pc.v === null && !pc.style && !pc.border) return;
      const cell = ws.getCell(r + 1, c + 1);
      if (pc.v !== null) cell.value = typeof pc.v === "number" && !Number.isFinite(pc.v) ? null : pc.v;
      if (pc.fmt) cell.numFmt = pc.fmt;
      style(ws, r, c, pc.style, pc.border === true, pc.wrap === true);
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
  applyTemplateExtras(ws, plan);
  applyPrintSetup(ws, plan);
  if (plan.protect) {
    for (const range of plan.protect.unlocked) {
      for (const [r, c] of cellsOf(range)) {
        const cell = ws.getCell(r, c);
        cell.protection = { locked: false };
        cell.fill = INPUT_FILL;
      }
    }
    await ws.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, autoFilter: true, sort: false });
  }
  return ws;
}

/** A workbook of template plans, as .xlsx bytes. */
export async function templatePlansWorkbook(ExcelJS: ExcelJSModule, plans: readonly TemplatePlan[], creator = "预算绩效评价助手"): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = creator;
  for (const p of plans) await writeTemplatePlan(wb, p);
  const out = await wb.xlsx.writeBuffer();
  return out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
}
