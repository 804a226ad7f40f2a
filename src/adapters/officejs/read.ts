/**
 * Reading the open workbook into Grids with a constant number of round trips.
 *
 *   sync 1  workbook name, every worksheet's name and visibility (one collection load)
 *   sync 2  every sheet's used range (values only): address, rowCount, columnCount — cheap, no cell data —
 *           and, where ExcelApi 1.13 is supported, every sheet's merged areas (one address list per sheet);
 *           for a sheet named like an output sheet (plan.ts isOutputName), its A2 too: the product's own
 *           sheets carry the product's mark there (hasOutputMark), a user's sheet of the same name does not.
 *           Excel refuses merged areas for a range with more than 512 of them, which fails the whole batch:
 *           then sync 2 is repeated without merged areas (all Grids get merges null) and a warning is returned.
 *   sync 3… cell data (values + numberFormat) of all sheets, packed into as few syncs as the payload budget
 *           allows: small sheets whole, large sheets in row blocks, blocks of different sheets in the same sync
 *
 * The product's own output sheets (name and mark) are not read unless `readOutputSheets`: their Grid holds A2
 * alone (the mark, so the engine recognises and skips them). A user's sheet that only shares the name (a
 * reviewer's spot-check list called 抽查复核) is read like any other sheet.
 *
 * A workbook of 1, 10 or 100 template sheets takes 3 syncs. Only the total amount of cell data adds syncs
 * (about one per `payloadBudget` bytes, 4 MB by default, below the 5 MB limit of Excel on the web), never the
 * number of sheets. The bytes-per-cell estimate starts conservative and follows what each sync really
 * returned; a sync the host still rejects as too large is retried with smaller blocks.
 *
 * Every function takes the request context or proxies so tests can pass fakes; nothing here calls Excel.run.
 */
import type { CellValue, Grid, MergeArea } from "../../engine/grid";
import { hasOutputMark, isOutputName, OUTPUT_MARK_CELL } from "../../engine/summary/plan";
import { parseAddress, parseAddressList } from "./address";
import { HostError, type HostStats, type HostWarning, type ReadOptions, type ReadResult, type SheetListing, type SheetVisibility } from "./host";
import { jsonBytes, normaliseFormat, normaliseOfficeValue } from "./values";

export interface ReadConfig {
  /** Read merged areas (ExcelApi 1.13). When false every Grid's merges is null. */
  mergedAreas: boolean;
  /** Target bytes of cell data per sync (default 4,000,000). */
  payloadBudget?: number;
  /** First estimate of JSON bytes per cell for values + numberFormat (default 48). */
  bytesPerCell?: number;
}

export const DEFAULT_PAYLOAD_BUDGET = 4_000_000;
export const DEFAULT_BYTES_PER_CELL = 48;
const MIN_BYTES_PER_CELL = 6;
/** Safety margin over the density observed in earlier syncs. */
const DENSITY_MARGIN = 1.25;

/** The used range's position and size, from its address. */
export interface Extent {
  top: number;
  left: number;
  rows: number;
  columns: number;
}

/** Queue the loads of one sheet's used range (and merged areas) for sync 2. */
export function queueSheetRead(
  ws: Excel.Worksheet,
  withMerges: boolean,
): { used: Excel.Range; merged: Excel.RangeAreas | null } {
  const used = ws.getUsedRangeOrNullObject(true);
  used.load("address,rowCount,columnCount");
  let merged: Excel.RangeAreas | null = null;
  if (withMerges) {
    // The whole sheet, not the used range: a merge may reach past the last value.
    merged = ws.getRange().getMergedAreasOrNullObject();
    merged.load("address");
  }
  return { used, merged };
}

function isCount(n: unknown): n is number {
  return typeof n === "number" && Number.isInteger(n) && n >= 0;
}

/** After the sync: the used range's extent, or null for an empty sheet. */
export function usedExtent(used: Excel.Range): Extent | null {
  if (used.isNullObject) return null;
  const address = used.address;
  const rows = used.rowCount;
  const columns = used.columnCount;
  const a = typeof address === "string" ? parseAddress(address) : null;
  if (!a || !isCount(rows) || !isCount(columns)) {
    throw new HostError("read-failed", `无法解析已用区域：${String(address)}`);
  }
  if (rows === 0 || columns === 0) return null;
  return { top: a.top, left: a.left, rows, columns };
}

/** After the sync: the sheet's merged areas (absolute, 0-based). */
export function mergedRects(merged: Excel.RangeAreas): MergeArea[] {
  if (merged.isNullObject) return [];
  const address = merged.address;
  if (typeof address !== "string") throw new HostError("read-failed", "无法读取合并单元格地址");
  return parseAddressList(address)
    .filter((a) => a.bottom > a.top || a.right > a.left)
    .map(({ top, left, bottom, right }) => ({ top, left, bottom, right }));
}

/** Queue one block of rows (relative to the used range) for a data sync. */
export function queueBlock(
  ws: Excel.Worksheet,
  extent: Extent,
  firstRow: number,
  rowCount: number,
  used: Excel.Range,
): Excel.Range {
  let block: Excel.Range;
  if (firstRow === 0 && rowCount === extent.rows) block = used;
  else block = ws.getRangeByIndexes(extent.top + firstRow, extent.left, rowCount, extent.columns);
  block.load("values,numberFormat");
  return block;
}

/** After the sync: a block's values and formats as plain arrays (checked, so a missed load cannot pass). */
export function blockData(block: Excel.Range): { values: unknown[][]; formats: unknown[][] } {
  const values: unknown = block.values;
  const formats: unknown = block.numberFormat;
  if (!Array.isArray(values) || !Array.isArray(formats)) {
    throw new HostError("read-failed", "单元格数据未能读取（values/numberFormat 未加载）");
  }
  return { values: values as unknown[][], formats: formats as unknown[][] };
}

/** Cells of one block → Grid rows (values normalised, General formats → null, formats only where values are). */
export function convertRows(
  values: unknown[][],
  formats: unknown[][],
  columns: number,
): { rows: CellValue[][]; fmts: (string | null)[][] } {
  const rows: CellValue[][] = [];
  const fmts: (string | null)[][] = [];
  for (let r = 0; r < values.length; r++) {
    const vr = values[r] ?? [];
    const fr = formats[r];
    const row = new Array<CellValue>(columns).fill(null);
    const frow = new Array<string | null>(columns).fill(null);
    for (let c = 0; c < columns; c++) {
      // numberFormat may come back as one value for the whole range when all cells share it.
      const f = Array.isArray(fr) ? fr[c] : fr;
      const fmt = normaliseFormat(f);
      const v = normaliseOfficeValue(vr[c], fmt);
      if (v === null) continue;
      row[c] = v;
      frow[c] = fmt;
    }
    rows.push(row);
    fmts.push(frow);
  }
  return { rows, fmts };
}

/** Merged areas: every cell but the top-left is null (Office already leaves them empty; this makes it sure). */
export function blankMergedCells(grid: Grid): void {
  if (!grid.merges) return;
  for (const m of grid.merges) {
    for (let r = Math.max(m.top, grid.top); r <= m.bottom; r++) {
      const row = grid.values[r - grid.top];
      if (!row) break;
      for (let c = Math.max(m.left, grid.left); c <= m.right; c++) {
        if (r === m.top && c === m.left) continue;
        const i = c - grid.left;
        if (i < row.length) row[i] = null;
      }
    }
  }
}

/** A sheet being read. */
interface SheetJob {
  name: string;
  visibility: SheetVisibility;
  ws: Excel.Worksheet;
  used: Excel.Range;
  merged: Excel.RangeAreas | null;
  /** A2, loaded in sync 2 when the name is an output name (is the sheet the product's?). */
  mark: Excel.Range | null;
  extent: Extent | null;
  merges: MergeArea[] | null;
  /** Rows of the used range to read (≤ extent.rows when maxRows cuts it). */
  rowsToRead: number;
  nextRow: number;
  values: CellValue[][];
  formats: (string | null)[][];
}

interface Unit {
  job: SheetJob;
  firstRow: number;
  rowCount: number;
  range: Excel.Range;
}

interface RoundState {
  jobs: SheetJob[];
  budget: number;
  bytesPerCell: number;
  stats: HostStats;
  rowsTotal: number;
  rowsRead: number;
  onProgress?: (rowsRead: number, rowsTotal: number) => void;
}

/** Queue the next blocks, filling one sync's budget; at least one row of one sheet. */
function queueRound(state: RoundState): Unit[] {
  const units: Unit[] = [];
  let left = state.budget;
  for (const job of state.jobs) {
    if (!job.extent || job.nextRow >= job.rowsToRead) continue;
    const rowBytes = job.extent.columns * state.bytesPerCell;
    const fit = Math.floor(left / rowBytes);
    if (fit < 1 && units.length > 0) break;
    const n = Math.min(job.rowsToRead - job.nextRow, Math.max(1, fit));
    units.push({ job, firstRow: job.nextRow, rowCount: n, range: queueBlock(job.ws, job.extent, job.nextRow, n, job.used) });
    left -= n * rowBytes;
    if (left <= 0) break;
  }
  return units;
}

function isPayloadError(e: unknown): boolean {
  const o = e as { code?: unknown; message?: unknown } | null;
  const code = typeof o?.code === "string" ? o.code : "";
  const message = typeof o?.message === "string" ? o.message : "";
  return /PayloadSizeLimitExceeded|PayloadTooLarge/i.test(code) || /payload/i.test(message);
}

/** Read all queued blocks: one sync per round; rounds depend on data volume only. */
async function readRounds(context: Excel.RequestContext, state: RoundState): Promise<void> {
  const units = queueRound(state);
  if (units.length === 0) return;
  try {
    await context.sync();
    state.stats.syncs++;
  } catch (e) {
    state.stats.syncs++;
    if (!isPayloadError(e)) throw e;
    const single = units.length === 1 && units[0].rowCount === 1;
    if (single) {
      throw new HostError("payload-too-large", `工作表“${units[0].job.name}”的一行数据超过了 Excel 的传输上限`, units[0].job.name, e);
    }
    // The host disagreed with our estimate: much smaller blocks, same rows again (the next successful sync
    // measures the real density, so over-shooting here costs at most one small round).
    state.bytesPerCell *= 4;
    return readRounds(context, state);
  }
  let bytes = 0;
  let density = 0;
  for (const u of units) {
    const { values, formats } = blockData(u.range);
    const unitBytes = jsonBytes(values) + jsonBytes(formats);
    bytes += unitBytes;
    const cells = u.rowCount * (u.job.extent?.columns ?? 1);
    density = Math.max(density, unitBytes / Math.max(1, cells));
    const { rows, fmts } = convertRows(values, formats, u.job.extent?.columns ?? 0);
    for (let i = 0; i < rows.length; i++) {
      u.job.values.push(rows[i]);
      u.job.formats.push(fmts[i]);
    }
    u.job.nextRow = u.firstRow + u.rowCount;
    state.rowsRead += u.rowCount;
  }
  state.stats.maxBatchBytes = Math.max(state.stats.maxBatchBytes, bytes);
  state.bytesPerCell = Math.max(MIN_BYTES_PER_CELL, density * DENSITY_MARGIN);
  state.onProgress?.(state.rowsRead, state.rowsTotal);
  return readRounds(context, state);
}

/** The Grid of a finished job. */
function gridOf(job: SheetJob, maxRows: number | undefined): Grid {
  const ext = job.extent;
  if (!ext) return { sheet: job.name, top: 0, left: 0, values: [], numberFormats: [], merges: job.merges };
  const grid: Grid = {
    sheet: job.name,
    top: ext.top,
    left: ext.left,
    values: job.values,
    numberFormats: job.formats,
    merges: job.merges,
  };
  if (maxRows !== undefined && job.rowsToRead < ext.rows) grid.totalRows = ext.top + ext.rows;
  blankMergedCells(grid);
  return grid;
}

/** Queue the load of A2 (sync 2) of a sheet named like an output sheet. */
function queueMark(ws: Excel.Worksheet): Excel.Range {
  const cell = ws.getRange(OUTPUT_MARK_CELL.address);
  cell.load("values");
  return cell;
}

/** After the sync: A2's value when it carries the product's mark, else null. */
function markOf(cell: Excel.Range | null): string | null {
  if (!cell) return null;
  const values: unknown = cell.values;
  const v = Array.isArray(values) && Array.isArray(values[0]) ? (values[0] as unknown[])[0] : null;
  return typeof v === "string" && hasOutputMark(v) ? v : null;
}

/** Read every worksheet of the workbook (see the module comment for the round trips). */
export async function readWorkbook(
  context: Excel.RequestContext,
  opts: ReadOptions = {},
  config: ReadConfig,
): Promise<ReadResult> {
  const stats: HostStats = { syncs: 0, maxBatchBytes: 0 };
  const includeHidden = opts.includeHidden ?? true;
  const readOutput = opts.readOutputSheets ?? false;

  // Sync 1: names.
  const workbook = context.workbook;
  workbook.load("name");
  const worksheets = workbook.worksheets;
  worksheets.load("items/name,items/visibility");
  await context.sync();
  stats.syncs++;
  const fileName = workbook.name;

  // Sync 2: used-range extents and merged areas of every sheet, in one batch.
  let jobs: SheetJob[] = [];
  const listing: SheetListing[] = [];
  const placeholders = new Map<string, Grid>();
  for (const ws of worksheets.items) {
    const name = ws.name;
    const visibility = ws.visibility as SheetVisibility;
    listing.push({ name, visibility, used: null });
    if (!includeHidden && visibility !== "Visible") continue;
    const { used, merged } = queueSheetRead(ws, config.mergedAreas);
    const mark = !readOutput && isOutputName(name) ? queueMark(ws) : null;
    jobs.push({ name, visibility, ws, used, merged, mark, extent: null, merges: null, rowsToRead: 0, nextRow: 0, values: [], formats: [] });
  }
  const warnings: HostWarning[] = [];
  if (jobs.length > 0) {
    try {
      await context.sync();
      stats.syncs++;
    } catch (e) {
      stats.syncs++;
      if (!config.mergedAreas) throw e;
      // getMergedAreasOrNullObject fails for a range with more than 512 merged areas, and one failing load fails
      // the whole batch. Read the extents again without merged areas: every Grid gets merges null, and the
      // engine falls back to inheriting blank labels (one extra sync, only in this case).
      for (const job of jobs) {
        const again = queueSheetRead(job.ws, false);
        job.used = again.used;
        job.merged = null;
        if (job.mark) job.mark = queueMark(job.ws);
      }
      await context.sync();
      stats.syncs++;
      warnings.push({ id: "merges-unread" });
    }
  }
  let rowsTotal = 0;
  const listed = new Map(listing.map((l) => [l.name, l]));
  for (const job of jobs) {
    const mark = markOf(job.mark);
    if (mark !== null) {
      // The product's own sheet: A2 alone, so the engine lists it as output; its cells cost no payload.
      placeholders.set(job.name, { sheet: job.name, top: OUTPUT_MARK_CELL.row, left: OUTPUT_MARK_CELL.col, values: [[mark]], merges: [] });
      const entry = listed.get(job.name);
      const extent = usedExtent(job.used);
      if (entry && extent) entry.used = { top: extent.top, left: extent.left, rows: extent.rows, columns: extent.columns };
    }
  }
  jobs = jobs.filter((job) => !placeholders.has(job.name));
  for (const job of jobs) {
    job.extent = usedExtent(job.used);
    job.merges = job.merged ? mergedRects(job.merged) : null;
    if (job.extent) {
      const limit = opts.maxRows === undefined ? job.extent.rows : Math.max(0, opts.maxRows - job.extent.top);
      job.rowsToRead = Math.min(job.extent.rows, limit);
      rowsTotal += job.rowsToRead;
      const entry = listed.get(job.name);
      if (entry) entry.used = { top: job.extent.top, left: job.extent.left, rows: job.extent.rows, columns: job.extent.columns };
    }
  }

  // Sync 3…: cell data, packed by payload.
  await readRounds(context, {
    jobs,
    budget: config.payloadBudget ?? DEFAULT_PAYLOAD_BUDGET,
    bytesPerCell: config.bytesPerCell ?? DEFAULT_BYTES_PER_CELL,
    stats,
    rowsTotal,
    rowsRead: 0,
    onProgress: opts.onProgress,
  });

  const byName = new Map(jobs.map((j) => [j.name, j]));
  const grids: Grid[] = [];
  for (const l of listing) {
    const job = byName.get(l.name);
    if (job) grids.push(gridOf(job, opts.maxRows));
    else {
      const p = placeholders.get(l.name);
      if (p) grids.push(p);
    }
  }
  return { fileName, grids, sheets: listing, stats, warnings };
}

