/**
 * Writing SheetPlans into the open workbook.
 *
 *   sync 1  preflight: sheet names, the active sheet, sheet and workbook protection (nothing is changed yet)
 *   sync 2  one batch: A2 of every existing sheet whose name is an output name (is it the product's?), then the
 *           new sheets added at the end under temporary names: number formats, values (row blocks), styles,
 *           links, merges, column widths, frozen header
 *   sync 3  delete the previous output sheets (only those carrying the product's mark in A2), rename the new
 *           sheets to their final names, reactivate; then the charts, when a plan has one and the host supports
 *           them (best effort: a refused chart is a warning)
 *
 * Only when the plans' data exceed one sync's request budget (4 MB by default) is the batch of sync 2 cut into
 * more syncs; the count never depends on the number of sheets or cells otherwise.
 *
 * Ownership (hasOutputMark, output-sheets.ts, the same rule as the exceljs writer and the reader): a sheet is the product's
 * only when its name is an output name (isOutputName: "抽查复核", "抽查复核（评价助手）", …) AND its A2 carries the
 * product's mark. Only those are replaced. A user's own sheet that happens to be called "抽查复核" or "评价汇总" is
 * kept byte for byte, and the new output goes to `outputSheetName`'s alternative ("抽查复核（评价助手）"). The
 * mark is known only after a sync, and Office.js cannot address a sheet before knowing it exists, so it is read
 * in the write batch (sync 2) and the deletions and renames wait for sync 3, which the charts share. (Only when
 * such a sheet is protected is its A2 read before anything is written, one more sync, so that the refusal
 * still comes before any change.)
 *
 * All or nothing: the new sheets carry temporary names until sync 3, so if anything fails the temporary sheets
 * are deleted (two more syncs) and the previous output sheets are untouched. No other sheet is read (beyond A2
 * of a sheet named like an output sheet) or written; hyperlinks only point into the workbook.
 *
 * Looks match the exceljs writer (adapters/xlsx-file/write.ts): same fills, fonts, borders, link colour, title
 * row height; number formats go on numeric (and empty) cells; a link is written only when its target sheet
 * exists in this workbook (or is one of the planned sheets) and, when the link names a file, that file is this
 * workbook; otherwise the cell gets the text alone. If the active sheet was a previous output sheet, the new
 * first output sheet is activated (as the exceljs writer does); otherwise the active sheet is left alone.
 *
 * Text: every string goes through `toExcelInput` (values.ts), which adds Excel's quote prefix so strings that
 * start with = + - @ (or look like numbers, dates, booleans) land as text, never as formulas.
 */
import {
  hasOutputMark,
  isOutputName,
  OUTPUT_MARK_CELL,
  OUTPUT_SHEETS,
  outputSheetName,
  type CellStyle,
  type ChartPlan,
  type OutputSheetName,
  type PlanCell,
  type PlanLink,
  type SheetPlan,
} from "../../engine/summary/plan";
import { parseAddress, quoteSheetName, type Rect, rectAddress, rectsBy } from "./address";
import { HostError, type HostStats, type HostWarning, type TemplatePlan, type WriteResult } from "./host";
import { jsonBytes, toExcelInput } from "./values";

export interface WriteConfig {
  charts: boolean;
  hyperlinks: boolean;
  /** Check workbook protection before writing (ExcelApi 1.7). */
  protectionCheck: boolean;
  /** Apply SheetPlan.filter as an AutoFilter (ExcelApi 1.9). */
  autoFilter?: boolean;
  /**
   * Style many rectangles with one command set through `worksheet.getRanges("A1:B2, D4:D9")` (ExcelApi 1.9).
   * Without it every rectangle gets its own commands (still one sync, more commands).
   */
  rangeAreas?: boolean;
  /**
   * Print setup through `worksheet.pageLayout` (ExcelApi 1.9): A4, orientation, fit to one page wide, margins,
   * print titles, header and footer. Without it the sheets print with Excel's defaults (row heights still apply).
   */
  pageLayout?: boolean;
  /** Drop-down lists of blank templates through `range.dataValidation` (ExcelApi 1.8). */
  validation?: boolean;
  /** Request bytes per sync (default 4,000,000). */
  batchBytes?: number;
  /** Bytes of one values / numberFormat assignment (default 1,000,000). */
  blockBytes?: number;
}

export const DEFAULT_BATCH_BYTES = 4_000_000;
const DEFAULT_BLOCK_BYTES = 1_000_000;
/** Rough request cost of one queued command beyond its data. */
const OP_BYTES = 120;

interface StyleSpec {
  bold?: boolean;
  size?: number;
  color?: string;
  fill?: string;
  align?: "Center" | "Left" | "Right";
  valign?: "Top" | "Center" | "Bottom";
  wrap?: boolean;
  border?: boolean;
}

/** How each plan style looks in Excel: the same looks as the exceljs writer (adapters/xlsx-file/write.ts). */
export const CELL_STYLES: Record<CellStyle, StyleSpec> = {
  title: { bold: true, size: 16, align: "Center", valign: "Center" },
  subtitle: { bold: true, size: 12 },
  header: { bold: true, fill: "#DDEBF7", align: "Center", valign: "Center", wrap: true, border: true },
  label: { bold: true, fill: "#F2F2F2" },
  error: { bold: true, color: "#C00000" },
  warning: { color: "#9C5700", fill: "#FFEB9C" },
  info: { color: "#595959" },
  flag: { color: "#9C0006", fill: "#FFC7CE" },
  text: {},
};
const LINK_COLOR = "#0563C1";
const BORDER_COLOR = "#BFBFBF";
/** Row height (points) of a row holding a title, like the exceljs writer. */
const TITLE_ROW_HEIGHT = 26;
/** Excel's limit on the characters of one cell. */
export const MAX_CELL_TEXT = 32767;

/** Characters → points, for Calibri/等线 11 (7 px per character + 5 px padding, 0.75 pt per px). */
export function widthToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** A command queued into the batch, with its estimated request size. */
export interface Op {
  bytes: number;
  apply: () => void;
}

/** One sheet to write. */
export interface Target {
  plan: TemplatePlan;
  /** Name the sheet is added under (temporary for output sheets). */
  addName: string;
  finalName: string;
  ws: Excel.Worksheet | null;
}

function sheetOf(t: Target): Excel.Worksheet {
  if (!t.ws) throw new HostError("write-failed", `工作表“${t.finalName}”尚未创建`);
  return t.ws;
}

type Edge = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical";

/** Apply one look to a rectangle (`rows`/`columns`: its size, for the inside borders). */
function applyStyle(range: { format: Excel.RangeFormat }, spec: StyleSpec, wrap: boolean, link: boolean, border: boolean, rows: number, columns: number): void {
  if (spec.bold) range.format.font.bold = true;
  if (spec.size) range.format.font.size = spec.size;
  if (spec.color) range.format.font.color = spec.color;
  if (spec.fill) range.format.fill.color = spec.fill;
  if (spec.align) range.format.horizontalAlignment = spec.align;
  if (spec.valign) range.format.verticalAlignment = spec.valign;
  else if (wrap) range.format.verticalAlignment = "Top";
  if (wrap || spec.wrap) range.format.wrapText = true;
  if (link) {
    range.format.font.color = LINK_COLOR;
    range.format.font.underline = "Single";
  }
  if (border || spec.border) {
    const edges: Edge[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];
    if (rows > 1) edges.push("InsideHorizontal");
    if (columns > 1) edges.push("InsideVertical");
    for (const edge of edges) {
      range.format.borders.getItem(edge).style = "Continuous";
      range.format.borders.getItem(edge).weight = "Thin";
      range.format.borders.getItem(edge).color = BORDER_COLOR;
    }
  }
}

/** Which links are written: target sheet present (or planned), and the link's file (if any) is this workbook. */
export type Linkable = (link: PlanLink) => boolean;

function styleKey(cell: PlanCell | undefined, linkable: Linkable | null): string | null {
  if (!cell) return null;
  const link = !!cell.link && cell.v !== null && linkable !== null && linkable(cell.link);
  if (!cell.style && !cell.wrap && !link && !cell.border) return null;
  return `${cell.style ?? ""}|${cell.wrap ? 1 : 0}|${link ? 1 : 0}|${cell.border ? 1 : 0}`;
}

type StyledRect = Rect & { key: string };

const AREAS_PER_COMMAND = 50;


/** Cells with the same look grouped into rectangles. */
export function styleRects(rows: PlanCell[][], linkable: Linkable | null): StyledRect[] {
  return rectsBy(rows, (cell) => styleKey(cell, linkable));
}

function cellInput(cell: PlanCell | undefined): string | number | boolean {
  const v = cell?.v ?? null;
  return toExcelInput(typeof v === "string" && v.length > MAX_CELL_TEXT ? `${v.slice(0, MAX_CELL_TEXT - 1)}…` : v);
}

/** Number formats go on numbers (and on empty cells, so a blank template's cell formats what is typed in). */
function cellFormat(cell: PlanCell | undefined): string {
  if (!cell?.fmt || typeof cell.v === "string") return "General";
  return cell.fmt;
}

/**
 * Text for a hyperlink's display: the cell's string. Omitted (the value written before stays) for numbers, which
 * must stay numbers, and for strings Excel might read as input syntax.
 */
function linkText(cell: PlanCell): string | undefined {
  if (typeof cell.v !== "string" || cell.v === "") return undefined;
  return /^[=+\-@']/.test(cell.v) ? undefined : cell.v;
}

/** The commands that write one plan into its (new) sheet. */
function sheetOps(t: Target, worksheets: Excel.WorksheetCollection, cfg: WriteConfig, linkable: Linkable | null): Op[] {
  const ops: Op[] = [];
  const plan = t.plan;
  ops.push({
    bytes: OP_BYTES,
    apply: () => {
      t.ws = worksheets.add(t.addName);
    },
  });
  const width = plan.rows.reduce((m, row) => Math.max(m, row.length), 0);
  const blockBytes = cfg.blockBytes ?? DEFAULT_BLOCK_BYTES;
  if (width > 0) {
    let r0 = 0;
    while (r0 < plan.rows.length) {
      let r1 = r0;
      let bytes = 0;
      const values: (string | number | boolean)[][] = [];
      const formats: string[][] = [];
      let anyFormat = false;
      while (r1 < plan.rows.length && (r1 === r0 || bytes < blockBytes)) {
        const row = plan.rows[r1];
        const vr: (string | number | boolean)[] = [];
        const fr: string[] = [];
        for (let c = 0; c < width; c++) {
          vr.push(cellInput(row[c]));
          const f = cellFormat(row[c]);
          if (f !== "General") anyFormat = true;
          fr.push(f);
        }
        values.push(vr);
        formats.push(fr);
        bytes += jsonBytes(vr) + jsonBytes(fr);
        r1++;
      }
      const top = r0;
      const count = r1 - r0;
      // Formats first, so numbers arrive into formatted cells.
      if (anyFormat) {
        ops.push({
          bytes: jsonBytes(formats) + OP_BYTES,
          apply: () => {
            sheetOf(t).getRangeByIndexes(top, 0, count, width).numberFormat = formats;
          },
        });
      }
      ops.push({
        bytes: jsonBytes(values) + OP_BYTES,
        apply: () => {
          sheetOf(t).getRangeByIndexes(top, 0, count, width).values = values;
        },
      });
      r0 = r1;
    }
  }

  // Styles: rectangles of equal look; with RangeAreas, up to AREAS_PER_COMMAND rectangles share one command set.
  const groups = new Map<string, StyledRect[]>();
  for (const rect of styleRects(plan.rows, linkable)) {
    const rows = rect.bottom - rect.top + 1;
    const columns = rect.right - rect.left + 1;
    const group = cfg.rangeAreas ? `${rect.key}|${rows > 1 ? 1 : 0}|${columns > 1 ? 1 : 0}` : `${rect.top},${rect.left}`;
    const list = groups.get(group);
    if (list) list.push(rect);
    else groups.set(group, [rect]);
  }
  for (const rects of groups.values()) {
    const [style, wrap, link, border] = rects[0].key.split("|");
    const spec = style ? (CELL_STYLES[style as CellStyle] ?? {}) : {};
    const rows = Math.max(...rects.map((r) => r.bottom - r.top + 1));
    const columns = Math.max(...rects.map((r) => r.right - r.left + 1));
    for (let i = 0; i < rects.length; i += AREAS_PER_COMMAND) {
      const chunk = rects.slice(i, i + AREAS_PER_COMMAND);
      const address = chunk.map(rectAddress).join(",");
      ops.push({
        bytes: OP_BYTES * 6 + address.length,
        apply: () => {
          const ws = sheetOf(t);
          if (chunk.length === 1) {
            const r = chunk[0];
            applyStyle(ws.getRangeByIndexes(r.top, r.left, r.bottom - r.top + 1, r.right - r.left + 1), spec, wrap === "1", link === "1", border === "1", rows, columns);
          } else applyStyle(ws.getRanges(address), spec, wrap === "1", link === "1", border === "1", rows, columns);
        },
      });
    }
  }

  plan.rows.forEach((row, r) => {
    if (!row.some((cell) => cell?.style === "title" && cell.v !== null)) return;
    ops.push({
      bytes: OP_BYTES,
      apply: () => {
        sheetOf(t).getRangeByIndexes(r, 0, 1, 1).format.rowHeight = TITLE_ROW_HEIGHT;
      },
    });
  });

  if (linkable) {
    plan.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (!cell?.link || cell.v === null || !linkable(cell.link)) return;
        const target = cell.link;
        const hyperlink: Excel.RangeHyperlink = {
          documentReference: `${quoteSheetName(target.sheet)}!${target.cell}`,
          screenTip: `${target.sheet}!${target.cell}`,
        };
        const text = linkText(cell);
        if (text !== undefined) hyperlink.textToDisplay = text;
        ops.push({
          bytes: jsonBytes(hyperlink) + OP_BYTES,
          apply: () => {
            sheetOf(t).getRangeByIndexes(r, c, 1, 1).hyperlink = hyperlink;
          },
        });
      }),
    );
  }

  for (const m of plan.merges) {
    if (m.bottom < m.top || m.right < m.left || (m.bottom === m.top && m.right === m.left)) continue;
    ops.push({
      bytes: OP_BYTES,
      apply: () => {
        sheetOf(t).getRangeByIndexes(m.top, m.left, m.bottom - m.top + 1, m.right - m.left + 1).merge(false);
      },
    });
  }

  let c = 0;
  while (c < plan.widths.length) {
    const w = plan.widths[c];
    let end = c;
    while (end + 1 < plan.widths.length && plan.widths[end + 1] === w) end++;
    if (typeof w === "number" && w > 0) {
      const left = c;
      const count = end - c + 1;
      ops.push({
        bytes: OP_BYTES,
        apply: () => {
          sheetOf(t).getRangeByIndexes(0, left, 1, count).format.columnWidth = widthToPoints(w);
        },
      });
    }
    c = end + 1;
  }

  if (plan.freezeRows > 0) {
    ops.push({
      bytes: OP_BYTES,
      apply: () => {
        sheetOf(t).freezePanes.freezeRows(plan.freezeRows);
      },
    });
  }

  ops.push(...printOps(t, cfg));

  const filter = plan.filter;
  if (filter && cfg.autoFilter && parseAddress(filter)) {
    ops.push({
      bytes: OP_BYTES,
      apply: () => {
        const ws = sheetOf(t);
        ws.autoFilter.apply(ws.getRange(filter));
      },
    });
  }
  return ops;
}

const INCH = 72;
/** Inches → points, to 0.01 pt. */
const points = (inches: number) => Math.round(inches * INCH * 100) / 100;

/**
 * Row heights for wrapped text (any ExcelApi), then the print setup (pageLayout, ExcelApi 1.9) and, on blank
 * templates, the form's formulas and drop-down lists (ExcelApi 1.8). Formulas come only from `plan.formulas`,
 * never from cell strings.
 */
export function printOps(t: Target, cfg: WriteConfig): Op[] {
  const ops: Op[] = [];
  const plan = t.plan;
  // Runs of rows with the same height share one command (a long 问题清单 has thousands of wrapped rows).
  const heights = plan.rowHeights ?? [];
  for (let r = 0; r < heights.length; ) {
    const h = heights[r];
    let end = r;
    while (end + 1 < heights.length && heights[end + 1] === h) end++;
    if (typeof h === "number" && h > 0) {
      const top = r;
      const count = end - r + 1;
      ops.push({
        bytes: OP_BYTES,
        apply: () => {
          sheetOf(t).getRangeByIndexes(top, 0, count, 1).format.rowHeight = h;
        },
      });
    }
    r = end + 1;
  }
  for (const f of plan.formulas ?? []) {
    ops.push({
      bytes: OP_BYTES + f.formula.length,
      apply: () => {
        const cell = sheetOf(t).getRangeByIndexes(f.row, f.col, 1, 1);
        if (f.fmt) cell.numberFormat = [[f.fmt]];
        cell.formulas = [[`=${f.formula}`]];
      },
    });
  }
  if (cfg.validation) {
    for (const v of plan.validations ?? []) {
      ops.push({
        bytes: OP_BYTES * 2,
        apply: () => {
          const dv = sheetOf(t).getRange(v.range).dataValidation;
          dv.rule = { list: { inCellDropDown: true, source: v.list.join(",") } };
          dv.errorAlert = { showAlert: true, style: "Stop", title: "", message: v.error };
        },
      });
    }
  }
  const page = plan.page;
  if (page && cfg.pageLayout) {
    ops.push({
      bytes: OP_BYTES * 8,
      apply: () => {
        const layout = sheetOf(t).pageLayout;
        layout.paperSize = "A4" as Excel.PaperType;
        layout.orientation = (page.orientation === "landscape" ? "Landscape" : "Portrait") as Excel.PageOrientation;
        if (page.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
        const m = page.margins;
        if (m) {
          layout.topMargin = points(m.top);
          layout.bottomMargin = points(m.bottom);
          layout.leftMargin = points(m.left);
          layout.rightMargin = points(m.right);
          layout.headerMargin = points(m.header);
          layout.footerMargin = points(m.footer);
        }
        if (page.printTitleRows) layout.setPrintTitleRows(`$${page.printTitleRows.from + 1}:$${page.printTitleRows.to + 1}`);
        const hf = layout.headersFooters.defaultForAllPages;
        if (page.headerCenter) hf.centerHeader = page.headerCenter;
        if (page.footerCenter) hf.centerFooter = page.footerCenter;
      },
    });
  }
  return ops;
}

/** Run the ops, one sync per `budget` bytes of requests (one sync for any ordinary report). */
async function runOps(context: Excel.RequestContext, ops: Op[], start: number, budget: number, stats: HostStats): Promise<void> {
  if (start >= ops.length) return;
  let i = start;
  let bytes = 0;
  do {
    ops[i].apply();
    bytes += ops[i].bytes;
    i++;
  } while (i < ops.length && bytes + ops[i].bytes <= budget);
  stats.maxBatchBytes = Math.max(stats.maxBatchBytes, bytes);
  stats.syncs++;
  await context.sync();
  return runOps(context, ops, i, budget, stats);
}

interface Preflight {
  fileName: string;
  names: string[];
  active: string;
  protectedSheets: Set<string>;
  workbookProtected: boolean;
}

/** Sheet names, the active sheet and protection, before anything changes. */
async function preflight(context: Excel.RequestContext, cfg: WriteConfig, stats: HostStats): Promise<Preflight> {
  const workbook = context.workbook;
  workbook.load("name");
  const worksheets = workbook.worksheets;
  worksheets.load("items/name,items/protection/protected");
  const active = worksheets.getActiveWorksheet();
  active.load("name");
  const protection = cfg.protectionCheck ? workbook.protection : null;
  if (protection) protection.load("protected");
  stats.syncs++;
  await context.sync();
  const names: string[] = [];
  const protectedSheets = new Set<string>();
  for (const ws of worksheets.items) {
    names.push(ws.name);
    if (ws.protection.protected) protectedSheets.add(ws.name);
  }
  return {
    fileName: workbook.name,
    names,
    active: active.name,
    protectedSheets,
    workbookProtected: protection ? protection.protected : false,
  };
}

/** Links to sheets that will exist after the write, in this workbook; null when links are not written. */
function linkableIn(pre: Preflight, removed: Set<string>, planned: string[], cfg: WriteConfig): Linkable | null {
  if (!cfg.hyperlinks) return null;
  const sheets = new Set([...pre.names.filter((n) => !removed.has(n)), ...planned].map((n) => n.toLowerCase()));
  return (l) => sheets.has(l.sheet.toLowerCase()) && (l.file === undefined || l.file === pre.fileName) && parseAddress(l.cell) !== null;
}

/** Delete the named sheets if they exist (cleanup after a failed write); how many there were. */
async function removeSheets(context: Excel.RequestContext, names: string[], stats: HostStats): Promise<number> {
  const worksheets = context.workbook.worksheets;
  const found = names.map((n) => worksheets.getItemOrNullObject(n));
  stats.syncs++;
  await context.sync();
  let count = 0;
  for (const ws of found) {
    if (!ws.isNullObject) {
      ws.delete();
      count++;
    }
  }
  if (count === 0) return 0;
  stats.syncs++;
  await context.sync();
  return count;
}

const PROTECTED_MESSAGE = "工作簿结构受保护，无法添加或删除工作表。请在“审阅 → 保护工作簿”中撤销保护后重试。";

function errorText(e: unknown): { code: string; message: string } {
  const o = e as { code?: unknown; message?: unknown } | null;
  return {
    code: typeof o?.code === "string" ? o.code : "",
    message: typeof o?.message === "string" ? o.message : String(e),
  };
}

export function mapWriteError(e: unknown): HostError {
  if (e instanceof HostError) return e;
  const { code, message } = errorText(e);
  if (code === "AccessDenied" || /protect|保护/i.test(message)) return new HostError("protected", PROTECTED_MESSAGE, undefined, e);
  return new HostError("write-failed", `写入工作表失败：${message}`, undefined, e);
}

/** Run the main batch; on failure remove the sheets it added, then throw a HostError. */
async function writeAllOrNothing(
  context: Excel.RequestContext,
  ops: Op[],
  added: string[],
  cfg: WriteConfig,
  stats: HostStats,
): Promise<void> {
  try {
    await runOps(context, ops, 0, cfg.batchBytes ?? DEFAULT_BATCH_BYTES, stats);
  } catch (e) {
    try {
      await removeSheets(context, added, stats);
    } catch (_cleanup) {
      // Best effort: the original error is the one to report.
    }
    throw mapWriteError(e);
  }
}

function queueChart(ws: Excel.Worksheet, chart: ChartPlan): void {
  const categories = ws.getRange(chart.categories);
  const values = ws.getRange(chart.values);
  const created = ws.charts.add(chart.type === "pie" ? "Pie" : "ColumnClustered", values, "Columns");
  created.title.text = chart.title;
  created.series.getItemAt(0).setXAxisValues(categories);
  if (chart.seriesName) created.series.getItemAt(0).name = chart.seriesName;
  created.legend.position = "Right";
  if (chart.to) created.setPosition(chart.anchor, chart.to);
  else created.setPosition(chart.anchor);
}

/** Charts in one extra sync, best effort: the host refusing one is reported, not thrown. */
async function addCharts(context: Excel.RequestContext, targets: Target[], cfg: WriteConfig, stats: HostStats): Promise<HostWarning[]> {
  const withChart = targets.filter((t) => t.plan.chart);
  if (withChart.length === 0) return [];
  if (!cfg.charts) return withChart.map((t): HostWarning => ({ id: "chart-unsupported", sheet: t.finalName }));
  for (const t of withChart) queueChart(sheetOf(t), t.plan.chart as ChartPlan);
  try {
    stats.syncs++;
    await context.sync();
    return [];
  } catch (e) {
    return [{ id: "chart-failed", reason: errorText(e).message }];
  }
}

function checkPlan(plan: TemplatePlan): void {
  for (const m of plan.merges) {
    if (m.top < 0 || m.left < 0) throw new HostError("invalid-plan", `“${plan.name}”的合并区域无效`, plan.name);
  }
  const ch = plan.chart;
  if (ch && (!parseAddress(ch.values) || !parseAddress(ch.categories) || !parseAddress(ch.anchor) || (ch.to !== undefined && !parseAddress(ch.to)))) {
    throw new HostError("invalid-plan", `“${plan.name}”的图表区域无效`, plan.name);
  }
}

/** A temporary sheet name not in use. */
export function tempName(i: number, taken: Set<string>): string {
  let n = i + 1;
  let name = `~bpr-new-${n}`;
  while (taken.has(name.toLowerCase())) name = `~bpr-new-${(n += 100)}`;
  taken.add(name.toLowerCase());
  return name;
}

const ILLEGAL = /[\\/?*[\]:]/g;

/** A legal sheet name (≤ 31 characters) not in use: "名称", "名称 (2)", … */
export function uniqueSheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(ILLEGAL, "_").replace(/^'+|'+$/g, "").trim().slice(0, 31) || "Sheet";
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) {
    const suffix = ` (${i})`;
    name = base.slice(0, 31 - suffix.length) + suffix;
  }
  taken.add(name.toLowerCase());
  return name;
}

/** The output sheet a (planned or existing) name stands for: "抽查复核（评价助手2）" → "抽查复核"; null if none. */
export function outputBase(name: string): OutputSheetName | null {
  if (typeof name !== "string" || !isOutputName(name)) return null;
  const n = name.trim();
  return OUTPUT_SHEETS.find((base) => n.startsWith(base)) ?? null;
}

/** Plans name output sheets (the planned name or its "（评价助手）" alternative), each once: their base names. */
function validatePlans(plans: SheetPlan[]): OutputSheetName[] {
  const seen = new Set<OutputSheetName>();
  return plans.map((p) => {
    const base = outputBase(p.name);
    if (base === null || seen.has(base)) {
      throw new HostError("invalid-plan", `不是本工具的结果工作表或重复：${String(p.name)}`, String(p.name));
    }
    seen.add(base);
    checkPlan(p);
    return base;
  });
}

/** Queue the load of A2 of each named (existing) sheet. */
function queueMarks(worksheets: Excel.WorksheetCollection, names: string[], into: Map<string, Excel.Range>): void {
  for (const n of names) {
    const cell = worksheets.getItem(n).getRange(OUTPUT_MARK_CELL.address);
    cell.load("values");
    into.set(n, cell);
  }
}

/** After the sync: does the loaded A2 carry the product's mark? Anything unreadable counts as the user's. */
function marked(cell: Excel.Range | undefined): boolean {
  if (!cell) return false;
  try {
    const values: unknown = cell.values;
    return Array.isArray(values) && Array.isArray(values[0]) && hasOutputMark((values[0] as unknown[])[0]);
  } catch (_e) {
    return false;
  }
}

function protectedOutput(name: string): HostError {
  return new HostError("protected", `结果工作表“${name}”受保护，无法替换。请撤销该工作表的保护后重试。`, name);
}

/**
 * Replace the product's output sheets with `plans` (see the module comment). Throws HostError: "invalid-plan"
 * for a name that is not an output sheet (or twice), "protected", "write-failed".
 */
export async function writeOutputSheets(
  context: Excel.RequestContext,
  plans: SheetPlan[],
  cfg: WriteConfig,
): Promise<WriteResult> {
  const bases = validatePlans(plans);
  const stats: HostStats = { syncs: 0, maxBatchBytes: 0 };
  const pre = await preflight(context, cfg, stats);
  if (pre.workbookProtected) throw new HostError("protected", PROTECTED_MESSAGE);
  const worksheets = context.workbook.worksheets;

  // Sheets named like output sheets: the product's only when A2 carries its mark.
  const candidates = pre.names.filter((n) => isOutputName(n));
  const marks = new Map<string, Excel.Range>();
  const locked = candidates.filter((n) => pre.protectedSheets.has(n));
  if (locked.length > 0) {
    // A protected sheet of ours cannot be replaced: find out before anything changes (only in this case).
    queueMarks(worksheets, locked, marks);
    stats.syncs++;
    await context.sync();
    const ours = locked.find((n) => marked(marks.get(n)));
    if (ours !== undefined) throw protectedOutput(ours);
  }

  const taken = new Set(pre.names.map((n) => n.toLowerCase()));
  const targets: Target[] = plans.map((plan, i) => ({ plan, addName: tempName(i, taken), finalName: bases[i], ws: null }));
  // Links: to sheets of this workbook that stay (a sheet of ours is never a finding's location) or are planned.
  const linkable = linkableIn(pre, new Set(), bases, cfg);
  const unread = candidates.filter((n) => !marks.has(n));
  const ops: Op[] = [];
  if (unread.length > 0) ops.push({ bytes: OP_BYTES * unread.length, apply: () => queueMarks(worksheets, unread, marks) });
  for (const t of targets) ops.push(...sheetOps(t, worksheets, cfg, linkable));
  const added = targets.map((t) => t.addName);
  await writeAllOrNothing(context, ops, added, cfg, stats);

  // Sync 3: replace ours (and only ours), give the new sheets their names, then the charts.
  const owned = new Set(candidates.filter((n) => marked(marks.get(n))));
  const kept = new Set(pre.names.filter((n) => !owned.has(n)).map((n) => n.toLowerCase()));
  for (const [i, t] of targets.entries()) {
    t.finalName = outputSheetName(bases[i], (n) => kept.has(n.toLowerCase()));
    kept.add(t.finalName.toLowerCase());
  }
  for (const name of owned) worksheets.getItem(name).delete();
  for (const t of targets) sheetOf(t).name = t.finalName;
  if (targets.length > 0 && owned.has(pre.active)) {
    // The user was looking at the previous output: show the new one instead of whatever Excel picks.
    sheetOf(targets[0]).activate();
  }
  const warnings: HostWarning[] = [];
  const withChart = targets.filter((t) => t.plan.chart);
  if (withChart.length > 0 && !cfg.charts) {
    warnings.push(...withChart.map((t): HostWarning => ({ id: "chart-unsupported", sheet: t.finalName })));
  }
  const charted = cfg.charts ? withChart : [];
  for (const t of charted) queueChart(sheetOf(t), t.plan.chart as ChartPlan);
  try {
    stats.syncs++;
    await context.sync();
  } catch (e) {
    // The batch stops at the failing command; the ones before it stay applied. When every new sheet has its
    // final name, the structure is done and only a chart (queued last) was refused: a warning, as before.
    let left = added.length;
    try {
      left = await removeSheets(context, added, stats);
    } catch (_cleanup) {
      // Best effort: the original error is the one to report.
    }
    if (charted.length === 0 || left > 0) throw mapWriteError(e);
    warnings.push({ id: "chart-failed", reason: errorText(e).message });
  }
  return { sheets: targets.map((t) => t.finalName), warnings, stats };
}

/** Add blank templates as new sheets at the end (unique names) and activate the first one. */
export async function insertTemplateSheets(
  context: Excel.RequestContext,
  plans: TemplatePlan[],
  cfg: WriteConfig,
): Promise<WriteResult> {
  for (const p of plans) checkPlan(p);
  const stats: HostStats = { syncs: 0, maxBatchBytes: 0 };
  if (plans.length === 0) return { sheets: [], warnings: [], stats };
  const pre = await preflight(context, cfg, stats);
  if (pre.workbookProtected) throw new HostError("protected", PROTECTED_MESSAGE);
  const taken = new Set(pre.names.map((n) => n.toLowerCase()));
  const targets: Target[] = plans.map((plan) => {
    const name = uniqueSheetName(plan.name, taken);
    return { plan, addName: name, finalName: name, ws: null };
  });
  const worksheets = context.workbook.worksheets;
  const linkable = linkableIn(pre, new Set(), targets.map((t) => t.finalName), cfg);
  const ops: Op[] = targets.flatMap((t) => sheetOps(t, worksheets, cfg, linkable));
  ops.push({ bytes: OP_BYTES, apply: () => sheetOf(targets[0]).activate() });
  await writeAllOrNothing(context, ops, targets.map((t) => t.addName), cfg, stats);
  const warnings = await addCharts(context, targets, cfg, stats);
  return { sheets: targets.map((t) => t.finalName), warnings, stats };
}
