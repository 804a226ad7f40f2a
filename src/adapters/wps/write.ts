/**
 * Writing SheetPlans into the active WPS workbook: the same contract as the Office.js writer (plan.ts).
 *
 * - Strings are text, always: every string gets the quote prefix (toExcelInput), so "=1+2", "001", "50%" land as
 *   text; numbers as numbers with the plan's number format; a plan's whole table is ONE `Value2` assignment.
 * - The product's mark stands in A2 of every output sheet (the plans carry it). A sheet is replaced only when its
 *   name is an output name AND its A2 carries the mark; a user's sheet of the same name is kept, and the output
 *   goes to "名称（评价助手）" (outputSheetName).
 * - All or nothing: the new sheets are added at the end under temporary names and filled; if anything fails they
 *   are deleted and the previous output sheets are untouched. Only then are the previous output sheets deleted
 *   and the new ones renamed. A protected workbook structure, or a protected previous output sheet, is refused
 *   before anything changes.
 * - Looks as in Excel: styles by rectangles of equal look (CELL_STYLES), links to cells of this workbook, merges,
 *   column widths (characters, which is the unit of ColumnWidth), row heights, frozen header, AutoFilter, and the
 *   print setup (SheetPlan.page: A4, orientation, fit to width, print titles, margins, header/footer), best
 *   effort: a refused print setup is a warning. Charts are not drawn (their data table is written, as in file mode).
 * Alerts and screen updating are off while writing (WPS would ask before deleting a sheet) and restored after.
 */
import { HostError, type HostStats, type HostWarning, type TemplatePlan, type WriteResult } from "../../engine/host";
import {
  hasOutputMark,
  isOutputName,
  OUTPUT_MARK_CELL,
  outputSheetName,
  type OutputSheetName,
  type PagePlan,
  type PlanCell,
  type PlanLink,
  type SheetPlan,
} from "../../engine/summary/plan";
import { a1 } from "../../engine/grid";
import { parseAddress, quoteSheetName, rectsBy } from "../officejs/address";
import { toExcelInput } from "../officejs/values";
import { CELL_STYLES, MAX_CELL_TEXT, outputBase, styleRects, tempName, uniqueSheetName } from "../officejs/write";
import {
  colorNumber,
  type WpsApplication,
  type WpsRange,
  type WpsWorkbook,
  type WpsWorksheet,
  XL_CONTINUOUS,
  XL_H_ALIGN,
  XL_LANDSCAPE,
  XL_PAPER_A4,
  XL_PORTRAIT,
  XL_THIN,
  XL_UNDERLINE_SINGLE,
  XL_V_ALIGN,
  XL_BETWEEN,
  XL_VALID_ALERT_STOP,
  XL_VALIDATE_LIST,
} from "./api";
import { activeWorkbook, rectAddress, worksheetsOf } from "./read";

const LINK_COLOR = "#0563C1";
const BORDER_COLOR = "#BFBFBF";
/** Row height (points) of a row holding a title, like the other writers. */
const TITLE_ROW_HEIGHT = 26;
const POINTS_PER_INCH = 72;

const PROTECTED_MESSAGE = "工作簿结构受保护，无法添加或删除工作表。请在“审阅 → 保护工作簿”中撤销保护后重试。";



function errorMessage(e: unknown): string {
  const m = (e as { message?: unknown } | null)?.message;
  return typeof m === "string" ? m : String(e);
}

export function mapWpsWriteError(e: unknown): HostError {
  if (e instanceof HostError) return e;
  const message = errorMessage(e);
  if (/protect|保护/i.test(message)) return new HostError("protected", PROTECTED_MESSAGE, undefined, e);
  return new HostError("write-failed", `写入工作表失败：${message}`, undefined, e);
}

function cellValue(cell: PlanCell | undefined): string | number | boolean {
  const v = cell?.v ?? null;
  return toExcelInput(typeof v === "string" && v.length > MAX_CELL_TEXT ? `${v.slice(0, MAX_CELL_TEXT - 1)}…` : v);
}

/** Number formats go on numbers and on empty cells (so a blank template's cell formats what is typed in). */
function formatKey(cell: PlanCell | undefined): string | null {
  if (!cell?.fmt || typeof cell.v === "string") return null;
  return cell.fmt;
}

type Linkable = (link: PlanLink) => boolean;

function applyStyle(range: WpsRange, key: string): void {
  const [style, wrap, link, border] = key.split("|");
  const spec = style ? (CELL_STYLES[style as keyof typeof CELL_STYLES] ?? {}) : {};
  if (spec.bold) range.Font.Bold = true;
  if (spec.size) range.Font.Size = spec.size;
  if (spec.color) range.Font.Color = colorNumber(spec.color);
  if (spec.fill) range.Interior.Color = colorNumber(spec.fill);
  if (spec.align) range.HorizontalAlignment = XL_H_ALIGN[spec.align];
  if (spec.valign) range.VerticalAlignment = XL_V_ALIGN[spec.valign];
  else if (wrap === "1") range.VerticalAlignment = XL_V_ALIGN.Top;
  if (wrap === "1" || spec.wrap) range.WrapText = true;
  if (link === "1") {
    range.Font.Color = colorNumber(LINK_COLOR);
    range.Font.Underline = XL_UNDERLINE_SINGLE;
  }
  if (border === "1" || spec.border) {
    range.Borders.LineStyle = XL_CONTINUOUS;
    range.Borders.Weight = XL_THIN;
    range.Borders.Color = colorNumber(BORDER_COLOR);
  }
}

/** Print setup from the plan (A4, orientation, fit to width, print titles, margins, header/footer). */
function applyPage(ws: WpsWorksheet, page: PagePlan): void {
  const ps = ws.PageSetup;
  ps.PaperSize = XL_PAPER_A4;
  ps.Orientation = page.orientation === "landscape" ? XL_LANDSCAPE : XL_PORTRAIT;
  if (page.fitToWidth) {
    ps.Zoom = false;
    ps.FitToPagesWide = 1;
    ps.FitToPagesTall = false;
  }
  if (page.printTitleRows) ps.PrintTitleRows = `$${page.printTitleRows.from + 1}:$${page.printTitleRows.to + 1}`;
  const m = page.margins;
  if (m) {
    ps.TopMargin = m.top * POINTS_PER_INCH;
    ps.BottomMargin = m.bottom * POINTS_PER_INCH;
    ps.LeftMargin = m.left * POINTS_PER_INCH;
    ps.RightMargin = m.right * POINTS_PER_INCH;
    ps.HeaderMargin = m.header * POINTS_PER_INCH;
    ps.FooterMargin = m.footer * POINTS_PER_INCH;
  }
  if (page.headerCenter !== undefined) ps.CenterHeader = page.headerCenter;
  if (page.footerCenter !== undefined) ps.CenterFooter = page.footerCenter;
}

/** Fill one (new, empty) sheet from its plan; returns warnings (a refused print setup). */
export function writePlan(app: WpsApplication, ws: WpsWorksheet, plan: TemplatePlan, linkable: Linkable): HostWarning[] {
  const warnings: HostWarning[] = [];
  const width = plan.rows.reduce((m, row) => Math.max(m, row.length), 0);
  if (width > 0 && plan.rows.length > 0) {
    for (const r of rectsBy(plan.rows, formatKey)) ws.Range(rectAddress(r)).NumberFormat = r.key;
    const matrix = plan.rows.map((row) => {
      const out: (string | number | boolean)[] = [];
      for (let c = 0; c < width; c++) out.push(cellValue(row[c]));
      return out;
    });
    ws.Range(rectAddress({ top: 0, left: 0, bottom: plan.rows.length - 1, right: width - 1 })).Value2 = matrix;
  }
  for (const r of styleRects(plan.rows, linkable)) applyStyle(ws.Range(rectAddress(r)), r.key);

  const heights = new Map<number, number>();
  plan.rows.forEach((row, r) => {
    if (row.some((cell) => cell?.style === "title" && cell.v !== null)) heights.set(r, TITLE_ROW_HEIGHT);
  });
  (plan.rowHeights ?? []).forEach((h, r) => {
    if (typeof h === "number" && h > 0) heights.set(r, h);
  });
  for (const [r, h] of heights) ws.Range(`A${r + 1}`).RowHeight = h;

  plan.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!cell?.link || cell.v === null || !linkable(cell.link)) return;
      const target = cell.link;
      const text = typeof cell.v === "string" && cell.v !== "" && !/^[=+\-@']/.test(cell.v) ? cell.v : undefined;
      ws.Hyperlinks.Add(ws.Range(rectAddress({ top: r, left: c, bottom: r, right: c })), "", `${quoteSheetName(target.sheet)}!${target.cell}`, `${target.sheet}!${target.cell}`, text);
    }),
  );

  for (const m of plan.merges) {
    if (m.bottom < m.top || m.right < m.left || (m.bottom === m.top && m.right === m.left)) continue;
    ws.Range(rectAddress(m)).Merge();
  }

  let c = 0;
  while (c < plan.widths.length) {
    const w = plan.widths[c];
    let end = c;
    while (end + 1 < plan.widths.length && plan.widths[end + 1] === w) end++;
    if (typeof w === "number" && w > 0) ws.Range(rectAddress({ top: 0, left: c, bottom: 0, right: end })).ColumnWidth = w;
    c = end + 1;
  }

  if (plan.filter && parseAddress(plan.filter)) ws.Range(plan.filter).AutoFilter();

  // A blank template's own formulas (执行率, 得分, 总分) and drop-down lists: formulas only from plan.formulas,
  // never from cell text.
  for (const f of plan.formulas ?? []) {
    const cell = ws.Range(a1(f.row, f.col));
    if (f.fmt) cell.NumberFormat = f.fmt;
    cell.Formula = `=${f.formula}`;
  }
  for (const v of plan.validations ?? []) {
    if (!parseAddress(v.range)) continue;
    const dv = ws.Range(v.range).Validation;
    dv.Delete();
    dv.Add(XL_VALIDATE_LIST, XL_VALID_ALERT_STOP, XL_BETWEEN, v.list.join(","));
    dv.IgnoreBlank = true;
    dv.InCellDropdown = true;
    dv.ShowError = true;
    dv.ErrorMessage = v.error;
  }

  if (plan.freezeRows > 0) {
    // Freezing works on the window: the sheet must be the active one.
    ws.Activate();
    const win = app.ActiveWindow;
    if (win) {
      win.FreezePanes = false;
      win.SplitColumn = 0;
      win.SplitRow = plan.freezeRows;
      win.FreezePanes = true;
    }
  }

  if (plan.page) {
    try {
      applyPage(ws, plan.page);
    } catch (e) {
      warnings.push({ id: "page-setup-failed", sheet: ws.Name, reason: errorMessage(e) });
    }
  }
  return warnings;
}

/** Remove sheets this write added, after a failure: best effort, the original error is the one to report. */
function deleteQuietly(sheets: WpsWorksheet[]): void {
  for (const ws of sheets) {
    try {
      ws.Delete();
    } catch (_cleanup) {
      // Best effort.
    }
  }
}

function checkPlan(plan: TemplatePlan): void {
  for (const m of plan.merges) {
    if (m.top < 0 || m.left < 0) throw new HostError("invalid-plan", `“${plan.name}”的合并区域无效`, plan.name);
  }
}

function validatePlans(plans: SheetPlan[]): OutputSheetName[] {
  const seen = new Set<OutputSheetName>();
  return plans.map((p) => {
    const base = outputBase(p.name);
    if (base === null || seen.has(base)) throw new HostError("invalid-plan", `不是本工具的结果工作表或重复：${String(p.name)}`, String(p.name));
    seen.add(base);
    checkPlan(p);
    return base;
  });
}

/** Run `body` with alerts and screen updating off; both restored after. */
function quietly<T>(app: WpsApplication, body: () => T): T {
  const alerts = app.DisplayAlerts;
  const screen = app.ScreenUpdating;
  app.DisplayAlerts = false;
  app.ScreenUpdating = false;
  try {
    return body();
  } finally {
    app.DisplayAlerts = alerts;
    app.ScreenUpdating = screen;
  }
}

/** Add one sheet per plan at the end (under `addNames`) and fill it; on any failure delete what was added. */
function addFilled(app: WpsApplication, wb: WpsWorkbook, plans: TemplatePlan[], addNames: string[], linkable: Linkable): { sheets: WpsWorksheet[]; warnings: HostWarning[] } {
  const added: WpsWorksheet[] = [];
  const warnings: HostWarning[] = [];
  try {
    for (let i = 0; i < plans.length; i++) {
      const all = worksheetsOf(wb);
      const ws = wb.Worksheets.Add(undefined, all[all.length - 1]);
      added.push(ws);
      ws.Name = addNames[i];
      warnings.push(...writePlan(app, ws, plans[i], linkable));
    }
  } catch (e) {
    deleteQuietly(added);
    throw mapWpsWriteError(e);
  }
  return { sheets: added, warnings };
}

function linkableIn(names: string[], fileName: string): Linkable {
  const sheets = new Set(names.map((n) => n.toLowerCase()));
  return (l) => sheets.has(l.sheet.toLowerCase()) && (l.file === undefined || l.file === fileName) && parseAddress(l.cell) !== null;
}

function stats(): HostStats {
  return { syncs: 0, maxBatchBytes: 0 };
}

/**
 * Replace the product's output sheets with `plans` (see the module comment). Throws HostError: "invalid-plan",
 * "protected", "write-failed".
 */
export function writeOutputSheets(app: WpsApplication, plans: SheetPlan[]): WriteResult {
  const bases = validatePlans(plans);
  const wb = activeWorkbook(app);
  if (wb.ProtectStructure) throw new HostError("protected", PROTECTED_MESSAGE);
  const sheets = worksheetsOf(wb);
  const names = sheets.map((ws) => ws.Name);
  const active = wb.ActiveSheet?.Name ?? null;
  const owned = sheets.filter((ws, i) => isOutputName(names[i]) && hasOutputMark(ws.Range(OUTPUT_MARK_CELL.address).Value2));
  const locked = owned.find((ws) => ws.ProtectContents);
  if (locked) throw new HostError("protected", `结果工作表“${locked.Name}”受保护，无法替换。请撤销该工作表的保护后重试。`, locked.Name);
  const ownedNames = new Set(owned.map((ws) => ws.Name));
  const taken = new Set(names.map((n) => n.toLowerCase()));
  const temp = plans.map((_p, i) => tempName(i, taken));
  const linkable = linkableIn([...names.filter((n) => !ownedNames.has(n)), ...bases], wb.Name);

  return quietly(app, () => {
    const { sheets: added, warnings } = addFilled(app, wb, plans, temp, linkable);
    const kept = new Set(names.filter((n) => !ownedNames.has(n)).map((n) => n.toLowerCase()));
    const finals = bases.map((base) => {
      const name = outputSheetName(base, (n) => kept.has(n.toLowerCase()));
      kept.add(name.toLowerCase());
      return name;
    });
    try {
      for (const ws of owned) ws.Delete();
      added.forEach((ws, i) => {
        ws.Name = finals[i];
      });
    } catch (e) {
      deleteQuietly(added);
      throw mapWpsWriteError(e);
    }
    // The user was looking at the previous output: show the new one; otherwise their sheet stays in front.
    if (added.length > 0 && active !== null && ownedNames.has(active)) added[0].Activate();
    else if (active !== null) sheets[names.indexOf(active)]?.Activate();
    return { sheets: finals, warnings, stats: stats() };
  });
}

/** Add blank templates as new sheets at the end (unique names) and activate the first one. */
export function insertTemplateSheets(app: WpsApplication, plans: TemplatePlan[]): WriteResult {
  for (const p of plans) checkPlan(p);
  if (plans.length === 0) return { sheets: [], warnings: [], stats: stats() };
  const wb = activeWorkbook(app);
  if (wb.ProtectStructure) throw new HostError("protected", PROTECTED_MESSAGE);
  const names = worksheetsOf(wb).map((ws) => ws.Name);
  const taken = new Set(names.map((n) => n.toLowerCase()));
  const finals = plans.map((p) => uniqueSheetName(p.name, taken));
  const linkable = linkableIn([...names, ...finals], wb.Name);
  return quietly(app, () => {
    const { sheets: added, warnings } = addFilled(app, wb, plans, finals, linkable);
    added[0].Activate();
    return { sheets: finals, warnings, stats: stats() };
  });
}
