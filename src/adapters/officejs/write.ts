/**
 * Writing SheetPlans into the open workbook.
 *
 *   sync 1  preflight: sheet names, sheet and workbook protection (nothing is changed yet)
 *   sync 2  one batch: add the new sheets at the end under temporary names, number formats, values (row
 *           blocks), styles, links, merges, column widths, frozen header; then delete the previous output
 *           sheets and rename the new ones to their final names
 *   sync 3  charts, when a plan has one and the host supports them (best effort: a refused chart is a warning)
 *
 * Only when the plans' data exceed one sync's request budget (4 MB by default) is the batch of sync 2 cut into
 * more syncs; the count never depends on the number of sheets or cells otherwise.
 *
 * All or nothing: the new sheets carry temporary names until the last operation, so if anything fails the
 * temporary sheets are deleted (two more syncs) and the previous output sheets are untouched. No other sheet
 * is read or written; hyperlinks only point into the workbook.
 */
import { OUTPUT_SHEETS, type CellStyle, type ChartPlan, type PlanCell, type SheetPlan } from "../../engine/summary/plan";
import { parseAddress, quoteSheetName } from "./address";
import { HostError, type HostStats, type TemplatePlan, type WriteResult } from "./host";
import { jsonBytes, toExcelInput } from "./values";

export interface WriteConfig {
  charts: boolean;
  hyperlinks: boolean;
  /** Check workbook protection before writing (ExcelApi 1.7). */
  protectionCheck: boolean;
  /** Request bytes per sync (default 4,000,000). */
  batchBytes?: number;
  /** Bytes of one values / numberFormat assignment (default 1,000,000). */
  blockBytes?: number;
}

export const DEFAULT_BATCH_BYTES = 4_000_000;
const DEFAULT_BLOCK_BYTES = 1_000_000;
/** Rough request cost of one queued command beyond its data. */
const OP_BYTES = 120;

const OUTPUT_NAMES = new Set<string>(OUTPUT_SHEETS);

interface StyleSpec {
  bold?: boolean;
  size?: number;
  color?: string;
  fill?: string;
  align?: "Center" | "Left" | "Right";
  valign?: "Top" | "Center" | "Bottom";
}

/** How each plan style looks in Excel (Excel's own "Bad" / "Neutral" colours for error / warning). */
export const CELL_STYLES: Record<CellStyle, StyleSpec> = {
  title: { bold: true, size: 14 },
  subtitle: { bold: true, size: 12 },
  header: { bold: true, fill: "#D9E1F2", align: "Center", valign: "Center" },
  label: { bold: true },
  error: { color: "#9C0006", fill: "#FFC7CE" },
  warning: { color: "#9C5700", fill: "#FFEB9C" },
  info: { color: "#1F4E78" },
  flag: { bold: true, color: "#C00000", fill: "#FCE4D6" },
  text: { valign: "Top" },
};
const LINK_COLOR = "#0563C1";

/** Characters → points, for Calibri/等线 11 (7 px per character + 5 px padding, 0.75 pt per px). */
export function widthToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** A command queued into the batch, with its estimated request size. */
interface Op {
  bytes: number;
  apply: () => void;
}

/** One sheet to write. */
interface Target {
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

function applyStyle(range: Excel.Range, spec: StyleSpec, wrap: boolean, link: boolean): void {
  if (spec.bold) range.format.font.bold = true;
  if (spec.size) range.format.font.size = spec.size;
  if (spec.color) range.format.font.color = spec.color;
  if (spec.fill) range.format.fill.color = spec.fill;
  if (spec.align) range.format.horizontalAlignment = spec.align;
  if (spec.valign) range.format.verticalAlignment = spec.valign;
  if (wrap) range.format.wrapText = true;
  if (link) {
    range.format.font.color = LINK_COLOR;
    range.format.font.underline = "Single";
  }
}

function styleKey(cell: PlanCell | undefined, hyperlinks: boolean): string | null {
  if (!cell) return null;
  const link = hyperlinks && !!cell.link;
  if (!cell.style && !cell.wrap && !link) return null;
  return `${cell.style ?? ""}|${cell.wrap ? 1 : 0}|${link ? 1 : 0}`;
}

interface StyledRect {
  top: number;
  left: number;
  bottom: number;
  right: number;
  key: string;
}

/** Cells with the same look grouped into rectangles: runs along rows, then identical runs stacked down. */
export function styleRects(rows: PlanCell[][], hyperlinks: boolean): StyledRect[] {
  const done: StyledRect[] = [];
  let open = new Map<string, StyledRect>();
  for (let r = 0; r < rows.length; r++) {
    const next = new Map<string, StyledRect>();
    const row = rows[r];
    let c = 0;
    while (c < row.length) {
      const key = styleKey(row[c], hyperlinks);
      if (key === null) {
        c++;
        continue;
      }
      let end = c;
      while (end + 1 < row.length && styleKey(row[end + 1], hyperlinks) === key) end++;
      const sig = `${c}:${end}:${key}`;
      const prev = open.get(sig);
      if (prev) {
        prev.bottom = r;
        next.set(sig, prev);
        open.delete(sig);
      } else next.set(sig, { top: r, left: c, bottom: r, right: end, key });
      c = end + 1;
    }
    for (const rect of open.values()) done.push(rect);
    open = next;
  }
  for (const rect of open.values()) done.push(rect);
  return done;
}

function cellInput(cell: PlanCell | undefined): string | number | boolean {
  return toExcelInput(cell?.v ?? null);
}

function cellFormat(cell: PlanCell | undefined): string {
  return cell?.fmt ?? "General";
}

/** Text for a hyperlink's display; omitted (the written value stays) when Excel could read it as input syntax. */
function linkText(cell: PlanCell): string | undefined {
  if (cell.v === null || cell.v === undefined) return undefined;
  const s = String(cell.v);
  return /^[=+\-@']/.test(s) || s === "" ? undefined : s;
}

/** The commands that write one plan into its (new) sheet. */
function sheetOps(t: Target, worksheets: Excel.WorksheetCollection, cfg: WriteConfig): Op[] {
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

  for (const rect of styleRects(plan.rows, cfg.hyperlinks)) {
    const [style, wrap, link] = rect.key.split("|");
    const spec = style ? (CELL_STYLES[style as CellStyle] ?? {}) : {};
    ops.push({
      bytes: OP_BYTES * 4,
      apply: () => {
        const range = sheetOf(t).getRangeByIndexes(rect.top, rect.left, rect.bottom - rect.top + 1, rect.right - rect.left + 1);
        applyStyle(range, spec, wrap === "1", link === "1");
      },
    });
  }

  if (cfg.hyperlinks) {
    plan.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (!cell?.link) return;
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
  names: string[];
  protectedSheets: Set<string>;
  workbookProtected: boolean;
}

/** Sheet names and protection, before anything changes. */
async function preflight(context: Excel.RequestContext, cfg: WriteConfig, stats: HostStats): Promise<Preflight> {
  const workbook = context.workbook;
  const worksheets = workbook.worksheets;
  worksheets.load("items/name,items/protection/protected");
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
  return { names, protectedSheets, workbookProtected: protection ? protection.protected : false };
}

/** Delete the named sheets if they exist (cleanup after a failed write). */
async function removeSheets(context: Excel.RequestContext, names: string[], stats: HostStats): Promise<void> {
  const worksheets = context.workbook.worksheets;
  const found = names.map((n) => worksheets.getItemOrNullObject(n));
  stats.syncs++;
  await context.sync();
  let any = false;
  for (const ws of found) {
    if (!ws.isNullObject) {
      ws.delete();
      any = true;
    }
  }
  if (!any) return;
  stats.syncs++;
  await context.sync();
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
  created.legend.position = "Right";
  created.setPosition(chart.anchor);
}

/** Charts in one extra sync, best effort: the host refusing one is reported, not thrown. */
async function addCharts(context: Excel.RequestContext, targets: Target[], cfg: WriteConfig, stats: HostStats): Promise<string[]> {
  const withChart = targets.filter((t) => t.plan.chart);
  if (withChart.length === 0) return [];
  if (!cfg.charts) return withChart.map((t) => `图表未绘制（当前 Excel 不支持）：${t.finalName}`);
  for (const t of withChart) queueChart(sheetOf(t), t.plan.chart as ChartPlan);
  try {
    stats.syncs++;
    await context.sync();
    return [];
  } catch (e) {
    return [`图表未能绘制：${errorText(e).message}`];
  }
}

function checkPlan(plan: TemplatePlan): void {
  for (const m of plan.merges) {
    if (m.top < 0 || m.left < 0) throw new HostError("invalid-plan", `“${plan.name}”的合并区域无效`, plan.name);
  }
  if (plan.chart && (!parseAddress(plan.chart.values) || !parseAddress(plan.chart.categories) || !parseAddress(plan.chart.anchor))) {
    throw new HostError("invalid-plan", `“${plan.name}”的图表区域无效`, plan.name);
  }
}

/** A temporary sheet name not in use. */
function tempName(i: number, taken: Set<string>): string {
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

/**
 * Replace the product's output sheets with `plans` (see the module comment). Throws HostError: "invalid-plan"
 * for a name that is not an output sheet (or twice), "protected", "write-failed".
 */
export async function writeOutputSheets(
  context: Excel.RequestContext,
  plans: SheetPlan[],
  cfg: WriteConfig,
): Promise<WriteResult> {
  const seen = new Set<string>();
  for (const p of plans) {
    if (!OUTPUT_NAMES.has(p.name) || seen.has(p.name)) {
      throw new HostError("invalid-plan", `不是本工具的结果工作表或重复：${p.name}`, p.name);
    }
    seen.add(p.name);
    checkPlan(p);
  }
  const stats: HostStats = { syncs: 0, maxBatchBytes: 0 };
  const pre = await preflight(context, cfg, stats);
  if (pre.workbookProtected) throw new HostError("protected", PROTECTED_MESSAGE);
  const previous = pre.names.filter((n) => OUTPUT_NAMES.has(n));
  for (const n of previous) {
    if (pre.protectedSheets.has(n)) {
      throw new HostError("protected", `结果工作表“${n}”受保护，无法替换。请撤销该工作表的保护后重试。`, n);
    }
  }
  const taken = new Set(pre.names.map((n) => n.toLowerCase()));
  const targets: Target[] = plans.map((plan, i) => ({ plan, addName: tempName(i, taken), finalName: plan.name, ws: null }));

  const worksheets = context.workbook.worksheets;
  const ops: Op[] = targets.flatMap((t) => sheetOps(t, worksheets, cfg));
  for (const name of previous) {
    ops.push({ bytes: OP_BYTES, apply: () => worksheets.getItem(name).delete() });
  }
  for (const t of targets) {
    ops.push({
      bytes: OP_BYTES,
      apply: () => {
        sheetOf(t).name = t.finalName;
      },
    });
  }
  await writeAllOrNothing(context, ops, targets.map((t) => t.addName), cfg, stats);
  const warnings = await addCharts(context, targets, cfg, stats);
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
  const ops: Op[] = targets.flatMap((t) => sheetOps(t, worksheets, cfg));
  ops.push({ bytes: OP_BYTES, apply: () => sheetOf(targets[0]).activate() });
  await writeAllOrNothing(context, ops, targets.map((t) => t.addName), cfg, stats);
  const warnings = await addCharts(context, targets, cfg, stats);
  return { sheets: targets.map((t) => t.finalName), warnings, stats };
}
