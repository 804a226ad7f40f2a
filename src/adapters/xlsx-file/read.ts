/**
 * One reader for every workbook a county receives, chosen by the file's bytes, not its name:
 *
 *   .xlsx / .xlsm   the lean OOXML reader (./xlsx-reader: fflate + a text scan of the parts it needs)
 *   .xls / .et      SheetJS (BIFF8 / BIFF5 in an OLE compound file; WPS 表格 saves .et as BIFF)
 *   .ods / .xlsb    SheetJS, after every part of the archive was inflated once under the budget and CRC-checked
 *
 * and a LoadError with a message key for everything else (PDF, Word, CSV, image, damaged archive…). Per-file
 * limits — inflated bytes (counted as they come out of the decompressor), cells holding a value, time — end the
 * file with a message naming the limit; the caller goes on with the next file.
 *
 * readingFromBytes is the contract the CLI, file mode and 导入其他工作簿 share: (bytes, shown name) → the
 * engine's WorkbookReading, plus the format detected and what was left out. It reads only the bytes it is given,
 * so the bytes that were checked are the bytes a caller may copy.
 */
import type { Grid } from "../../engine/grid";
import { readSheet, readWorkbook, type VocabularyExtension, type WorkbookReading } from "../../engine/read";
import { BUILTIN_INDEX, type LabelIndex, labelIndexFor } from "../../engine/read/label-index";
import { RECOGNITION_ROWS } from "../../engine/read/sheet";
import { cellsToGrid, type SheetCells } from "./cells";
import { detectFormat, type FileFormat, LoadError, type ZipEntry } from "./load";
import { readWithSheetJS, type SheetJS } from "./sheetjs-reader";
import { readOoxml, type ReadContext } from "./xlsx-reader";
import { inflateEntry, ZipBudget, ZipDamage } from "./zip";

export interface ReadLimits {
  /** Bytes inflated from the archive, all parts together (counted on what comes out, not on the headers). */
  maxInflatedBytes: number;
  /** Cells that hold a value, all sheets together. */
  maxCells: number;
  /** Wall time for one file, checked between parts and every few thousand cells. */
  timeLimitMs: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxInflatedBytes: 512 * 1024 * 1024,
  maxCells: 5_000_000,
  timeLimitMs: 120_000,
};

export interface ReadOptions {
  limits?: Partial<ReadLimits>;
  /** Labels a profile adds to the reader's vocabulary (recognition and reading both use them). */
  vocabulary?: VocabularyExtension | null;
  /** SheetJS, loaded on first need (only .xls / .et / .ods / .xlsb files need it). */
  sheetjs: () => SheetJS | Promise<SheetJS>;
}

export interface BookCells {
  format: FileFormat;
  sheets: SheetCells[];
}

function sizeText(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  return bytes >= 1024 ** 2 ? `${Math.round(bytes / 1024 ** 2)} MB` : `${Math.round(bytes / 1024)} KB`;
}

/** Every worksheet's cells, from any supported format; throws LoadError. */
export async function readCells(bytes: Uint8Array, shown: string, opts: ReadOptions): Promise<BookCells> {
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const detected = detectFormat(bytes);
  if ("code" in detected) throw new LoadError(detected.code, shown, detected.reason ?? "");
  const ctx: ReadContext = {
    file: shown,
    budget: { left: limits.maxInflatedBytes, used: 0 },
    maxCells: limits.maxCells,
    cells: 0,
    deadline: Number.isFinite(limits.timeLimitMs) ? Date.now() + limits.timeLimitMs : Infinity,
    timeLimitMs: limits.timeLimitMs,
  };
  try {
    const { format, entries } = detected;
    if (format === "xlsx" || format === "xlsm") return { format, sheets: readOoxml(bytes, entries!, ctx) };
    if (entries) inflateAll(bytes, entries, ctx);
    const X = await opts.sheetjs();
    return { format, sheets: readWithSheetJS(X, bytes, ctx) };
  } catch (e) {
    if (e instanceof ZipBudget) throw new LoadError("inflateLimit", shown, sizeText(limits.maxInflatedBytes));
    if (e instanceof ZipDamage) throw new LoadError("corrupt", shown, damageText(e));
    throw e;
  }
}

function damageText(e: ZipDamage): string {
  switch (e.why) {
    case "crc":
      return `${e.part}: CRC mismatch`;
    case "size":
      return `${e.part}: size differs from the archive's directory`;
    case "method":
      return `${e.part}: unknown compression method`;
    case "local":
      return `${e.part}: entry header missing or cut off`;
    default:
      return `${e.part}: compressed data damaged`;
  }
}

/** Inflate every part once (budget and CRC) before SheetJS, which inflates without either. */
function inflateAll(bytes: Uint8Array, entries: ZipEntry[], ctx: ReadContext): void {
  for (const e of entries) {
    if (e.name.endsWith("/")) continue;
    inflateEntry(bytes, e, ctx.budget);
  }
}

/**
 * A sheet's Grid for checking. The reader decides what a sheet is from the RECOGNITION_ROWS rows below its first
 * used row (and the row after them, for two-row headers), so a Grid of those rows is built first: a sheet that is
 * no template (a 100,000-row ledger) or one of the product's own output sheets keeps that short Grid, and only a
 * recognised sheet is built in full. (No fixed cap: stacked forms can run past 25,000 rows.)
 */
export function gridForCheck(sc: SheetCells, shown: string, ix: LabelIndex = BUILTIN_INDEX): Grid {
  const reach = RECOGNITION_ROWS + 2; // rows from the first used row that readSheet looks at before deciding
  let short = cellsToGrid(sc, { maxRows: reach });
  // Nothing in the first rows (no totalRows then): where the sheet starts is not known yet.
  if (short.values.length === 0) return cellsToGrid(sc);
  if (short.totalRows === undefined) return short; // the whole sheet already
  if (short.top > 0) {
    short = cellsToGrid(sc, { maxRows: short.top + reach }); // maxRows counts from row 1
    if (short.totalRows === undefined) return short;
  }
  const kind = readSheet(short, shown, ix).kind;
  return kind === "unrecognized" || kind === "output" ? short : cellsToGrid(sc);
}

/** What reading left out of a sheet (values far outside the form). */
export interface ReadNotice {
  sheet: string;
  cells: number;
  first: string;
}

export interface BytesReading {
  reading: WorkbookReading;
  format: FileFormat;
  notices: ReadNotice[];
  /** The grids that were read (file mode keeps them to show a finding's row: engine/cell-row.ts). */
  grids: Grid[];
}

/** (bytes, shown name) → the engine's reading of the workbook, its format, and what was left out. */
export async function readingFromBytes(bytes: Uint8Array, shown: string, opts: ReadOptions): Promise<BytesReading> {
  const book = await readCells(bytes, shown, opts);
  const ix = labelIndexFor(opts.vocabulary);
  const grids = book.sheets.map((sc) => gridForCheck(sc, shown, ix));
  const notices: ReadNotice[] = [];
  for (const g of grids) if (g.trimmed) notices.push({ sheet: g.sheet, cells: g.trimmed.cells, first: g.trimmed.first });
  return { reading: readWorkbook({ file: shown, grids }, { vocabulary: opts.vocabulary }), format: book.format, notices, grids };
}

/** Every sheet as a full Grid (no recognition shortcut): what file mode and the tests compare. */
export async function gridsFromBytes(bytes: Uint8Array, shown: string, opts: ReadOptions): Promise<{ format: FileFormat; grids: Grid[] }> {
  const book = await readCells(bytes, shown, opts);
  return { format: book.format, grids: book.sheets.map((sc) => cellsToGrid(sc)) };
}
