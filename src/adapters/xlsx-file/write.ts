/**
 * SheetPlan[] → worksheets of an exceljs Workbook (Node and browser). exceljs is never imported here at
 * run time: the caller passes the Workbook it loaded (the task pane loads exceljs lazily).
 *
 * `applySheetPlans` only changes the Workbook object, and only the product's own sheets:
 * - a sheet is the product's when its name is an output name (OUTPUT_SHEETS or the "（评价助手）"
 *   alternative) and its A2 carries the product's mark (hasOutputMark, output-sheets.ts). Those are removed (the
 *   previous run's output, including a 抽查复核 sheet this run no longer produces); then the planned sheets
 *   are added after all of the user's sheets;
 * - a user's sheet that happens to hold an output name (a reviewer's own "抽查复核" list) is kept as it is,
 *   and the output goes to the alternative name ("抽查复核（评价助手）");
 * - no cell, style, merge, width or view of any other sheet is written; the only thing read is A2 of a
 *   sheet with an output name. The workbook's active tab is kept on the sheet it was on; if that was an old
 *   output sheet, the new first output sheet is selected instead.
 *
 * Strings are written as plain string values: exceljs stores them as shared strings (type String), never as
 * formulas, so "=HYPERLINK(…)", "+1" or "@SUM(A1)" stay text. Only `{ formula }` values make formulas, and
 * this writer never creates one.
 *
 * Internal links are written as `{ text, hyperlink: "#'Sheet'!$B$12" }` (absolute reference). exceljs 4.4
 * writes a hyperlink whose target looks like "Sheet!B12" with both a relationship and a `location`, which
 * Excel reads but LibreOffice, WPS and Google Sheets turn into "#…##…" and cannot follow (exceljs#1676,
 * #3027). With an absolute reference exceljs writes only the relationship "#'Sheet'!$B$12", the form
 * openpyxl also writes, which the spreadsheet apps follow. A link is written only when its target sheet
 * exists in the workbook (or is one of the planned sheets); otherwise the cell gets the text alone.
 *
 * Charts: exceljs cannot write charts. The chart's data table (等级 | 项目数 on 评价汇总) is written; the chart
 * itself is drawn only by the Office.js writer.
 */
import type { Alignment, Borders, Cell, Fill, Font, Workbook, Worksheet, WorksheetView } from "exceljs";
import { parseA1 } from "../../engine/grid";
import {
  type CellStyle,
  OUTPUT_MARK_CELL,
  OUTPUT_SHEETS,
  type PlanCell,
  type PlanLink,
  type SheetPlan,
  hasOutputMark,
  isOutputName,
  outputSheetName,
} from "../../engine/summary/plan";

/** Excel's limit on the characters of one cell. */
export const MAX_CELL_TEXT = 32767;

export interface ApplyOptions {
  /**
   * The file this workbook was read from. When given, links whose PlanLink.file names another file are
   * written as text (a run over several files where only one workbook is written).
   */
  file?: string;
}

const THIN = { style: "thin" as const, color: { argb: "FFBFBFBF" } };
const BORDER: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function solid(argb: string): Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb } };
}

interface Look {
  font?: Partial<Font>;
  fill?: Fill;
  alignment?: Partial<Alignment>;
  border?: boolean;
}

const LOOKS: Record<CellStyle, Look> = {
  title: { font: { bold: true, size: 16 }, alignment: { horizontal: "center", vertical: "middle" } },
  subtitle: { font: { bold: true, size: 12 } },
  header: {
    font: { bold: true },
    fill: solid("FFDDEBF7"),
    alignment: { horizontal: "center", vertical: "middle", wrapText: true },
    border: true,
  },
  label: { font: { bold: true }, fill: solid("FFF2F2F2") },
  error: { font: { color: { argb: "FFC00000" }, bold: true } },
  warning: { font: { color: { argb: "FF9C5700" } }, fill: solid("FFFFEB9C") },
  info: { font: { color: { argb: "FF595959" } } },
  flag: { font: { color: { argb: "FF9C0006" } }, fill: solid("FFFFC7CE") },
  text: {},
};

const LINK_FONT: Partial<Font> = { color: { argb: "FF0563C1" }, underline: true };

/** "Sheet 1" → "'Sheet 1'" (quotes doubled inside). */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** The hyperlink target this writer uses for an internal link, or null when the address is not A1. */
export function internalTarget(sheet: string, cell: string): string | null {
  const p = parseA1(cell.replace(/\$/g, ""));
  if (!p) return null;
  let col = "";
  for (let n = p.col + 1; n > 0; n = Math.floor((n - 1) / 26)) col = String.fromCharCode(65 + ((n - 1) % 26)) + col;
  return `#${quoteSheet(sheet)}!$${col}$${p.row + 1}`;
}

/** Parse a target written by `internalTarget` (or "#Sheet!A1") back into sheet and cell. */
export function parseInternalTarget(target: string): { sheet: string; cell: string } | null {
  const m = /^#(?:'((?:[^']|'')+)'|([^!']+))!\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(target);
  if (!m) return null;
  return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], cell: `${m[3].toUpperCase()}${m[4]}` };
}

function clampText(s: string): string {
  return s.length > MAX_CELL_TEXT ? `${s.slice(0, MAX_CELL_TEXT - 1)}…` : s;
}

/** Text of a cell value as the grid adapter would see it (strings and rich text; else null). */
function valueText(v: unknown): string | null {
  if (typeof v === "string") return v;
  if (v && typeof v === "object" && Array.isArray((v as { richText?: unknown }).richText)) {
    return ((v as { richText: { text?: unknown }[] }).richText).map((r) => (typeof r.text === "string" ? r.text : "")).join("");
  }
  return null;
}

/**
 * The product's own sheet: an output name and, in A2, exactly a line the product writes there (package/index.ts
 * hasOutputMark: a user's A2 that merely mentions the product's name is not the mark). Read without creating the cell.
 */
export function isProductSheet(ws: Worksheet): boolean {
  if (!isOutputName(ws.name)) return false;
  const cell = ws.findCell(OUTPUT_MARK_CELL.row + 1, OUTPUT_MARK_CELL.col + 1);
  return cell !== undefined && hasOutputMark(valueText(cell.value));
}

function validate(plans: SheetPlan[]): void {
  const seen = new Set<string>();
  for (const p of plans) {
    if (!(OUTPUT_SHEETS as readonly string[]).includes(p.name)) throw new Error(`Not an output sheet: ${p.name}`);
    if (seen.has(p.name)) throw new Error(`Output sheet planned twice: ${p.name}`);
    seen.add(p.name);
  }
}

function writeCell(cell: Cell, pc: PlanCell, linkable: (l: PlanLink) => boolean): void {
  const look = pc.style ? LOOKS[pc.style] : {};
  const v = pc.v;
  const target = v !== null && pc.link && linkable(pc.link) ? internalTarget(pc.link.sheet, pc.link.cell) : null;
  if (v === null) {
    // Styled empty cells (borders of an empty table cell) still get their look.
  } else if (target) {
    cell.value = { text: clampText(String(v)), hyperlink: target };
  } else if (typeof v === "number") {
    cell.value = Number.isFinite(v) ? v : null;
  } else {
    cell.value = clampText(v);
  }
  if (pc.fmt && typeof v === "number") cell.numFmt = pc.fmt;
  const font = target ? { ...look.font, ...LINK_FONT } : look.font;
  if (font) cell.font = font;
  if (look.fill) cell.fill = look.fill;
  if (look.border || pc.border) cell.border = BORDER;
  const alignment: Partial<Alignment> = { ...look.alignment };
  if (pc.wrap) {
    alignment.wrapText = true;
    alignment.vertical = alignment.vertical ?? "top";
  }
  // Table cells line up at the top of a row made tall by a neighbour's wrapped text.
  if (pc.border && !alignment.vertical) alignment.vertical = "top";
  if (Object.keys(alignment).length) cell.alignment = alignment;
}

function writeSheet(ws: Worksheet, plan: SheetPlan, linkable: (l: PlanLink) => boolean): void {
  plan.widths.forEach((w, i) => {
    if (w > 0) ws.getColumn(i + 1).width = w;
  });
  plan.rows.forEach((cells, r) => {
    cells.forEach((pc, c) => {
      if (pc.v === null && !pc.style && !pc.border) return;
      writeCell(ws.getCell(r + 1, c + 1), pc, linkable);
    });
    if (cells.some((pc) => pc.style === "title" && pc.v !== null)) ws.getRow(r + 1).height = 26;
  });
  for (const m of plan.merges) {
    if (m.bottom === m.top && m.right === m.left) continue;
    ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  }
  if (plan.freezeRows > 0) {
    ws.views = [{ state: "frozen", xSplit: 0, ySplit: plan.freezeRows, topLeftCell: `A${plan.freezeRows + 1}`, activeCell: `A${plan.freezeRows + 1}` }];
  }
  if (plan.filter) ws.autoFilter = plan.filter;
  applyPrintSetup(ws, plan);
}

/** A blank template's own formulas and drop-down lists (engine/templates.ts), on an exceljs worksheet. */
export function applyTemplateExtras(
  ws: Worksheet,
  plan: { formulas?: { row: number; col: number; formula: string; fmt?: string }[]; validations?: { range: string; list: string[]; error: string }[] },
): void {
  for (const f of plan.formulas ?? []) {
    const cell = ws.getCell(f.row + 1, f.col + 1);
    cell.value = { formula: f.formula } as Cell["value"];
    if (f.fmt) cell.numFmt = f.fmt;
  }
  for (const v of plan.validations ?? []) {
    // exceljs's typings omit the collection; it exists on every worksheet (lib/doc/data-validations.js).
    const dv = (ws as unknown as { dataValidations: { add(range: string, validation: object): void } }).dataValidations;
    dv.add(v.range, {
      type: "list",
      allowBlank: true,
      formulae: [`"${v.list.join(",")}"`],
      showErrorMessage: true,
      errorStyle: "stop",
      errorTitle: "",
      error: v.error,
    });
  }
}

/** OOXML paper size code of A4. */
const PAPER_A4 = 9;

/**
 * A plan's print setup (PagePlan) and row heights on an exceljs worksheet: A4, orientation, one page wide (pages
 * tall free: fitToHeight 0), margins, repeated header rows (the _xlnm.Print_Titles defined name), header and
 * footer text, and the heights of rows holding wrapped text. Used for output sheets and blank templates alike.
 */
export function applyPrintSetup(ws: Worksheet, plan: Pick<SheetPlan, "page" | "rowHeights">): void {
  plan.rowHeights?.forEach((h, r) => {
    if (typeof h === "number" && h > 0) ws.getRow(r + 1).height = h;
  });
  const page = plan.page;
  if (!page) return;
  const setup: Partial<Worksheet["pageSetup"]> = {
    paperSize: PAPER_A4,
    orientation: page.orientation,
  };
  if (page.fitToWidth) Object.assign(setup, { fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
  if (page.margins) setup.margins = { ...page.margins };
  if (page.printTitleRows) setup.printTitlesRow = `${page.printTitleRows.from + 1}:${page.printTitleRows.to + 1}`;
  ws.pageSetup = { ...ws.pageSetup, ...setup } as Worksheet["pageSetup"];
  if (page.headerCenter || page.footerCenter) {
    ws.headerFooter = {
      ...ws.headerFooter,
      ...(page.headerCenter ? { oddHeader: `&C${page.headerCenter}` } : {}),
      ...(page.footerCenter ? { oddFooter: `&C${page.footerCenter}` } : {}),
    };
  }
}

/**
 * Replace the product's output sheets in `wb` with `plans` (see the file comment). Pure on the Workbook
 * object: nothing is read from or written to disk, and no other sheet is touched.
 */
export function applySheetPlans(wb: Workbook, plans: SheetPlan[], opts: ApplyOptions = {}): void {
  validate(plans);

  const before = wb.worksheets;
  const view = wb.views?.[0];
  const activeIndex = view && typeof view.activeTab === "number" ? view.activeTab : 0;
  const active = before[activeIndex];
  const activeWasOutput = active !== undefined && isProductSheet(active);

  for (const ws of before) if (isProductSheet(ws)) wb.removeWorksheet(ws.id);

  const kept = new Set(wb.worksheets.map((w) => w.name.toLowerCase()));
  const names = plans.map((p) => {
    const name = outputSheetName(p.name, (n) => kept.has(n.toLowerCase()));
    kept.add(name.toLowerCase());
    return name;
  });
  const sheets = new Set(wb.worksheets.map((w) => w.name));
  const linkable = (l: PlanLink) => sheets.has(l.sheet) && (opts.file === undefined || l.file === undefined || l.file === opts.file);

  const added: Worksheet[] = [];
  plans.forEach((plan, i) => {
    const ws = wb.addWorksheet(names[i]);
    writeSheet(ws, plan, linkable);
    added.push(ws);
  });

  if (view) {
    const after = wb.worksheets;
    let index = active && !activeWasOutput ? after.indexOf(active) : -1;
    if (index < 0 && activeWasOutput && added.length) {
      index = after.indexOf(added[0]);
      // exceljs writes sheetView@tabSelected from the view model (its typings omit the field).
      const v = added[0].views[0] ?? {};
      added[0].views = [{ ...v, tabSelected: true } as unknown as WorksheetView];
    }
    view.activeTab = index >= 0 ? index : 0;
    if (typeof view.firstSheet === "number" && view.firstSheet >= after.length) view.firstSheet = 0;
  }
}
