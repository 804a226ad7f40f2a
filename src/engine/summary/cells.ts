/** Small builders for PlanCells and sheet locations shared by the summary sheets. */
import { a1, parseA1 } from "../grid";
import { baseName } from "./format";
import type { CellStyle, PlanCell, PlanLink } from "./plan";

export const FMT = {
  /** 万元 */
  amount: "#,##0.00",
  rate: "0.00%",
  score: "0.00",
  /** review − self, signed */
  gap: "+0.00;-0.00;0.00",
  count: "0",
} as const;

export const EMPTY: PlanCell = { v: null };

const NO_EXTRA: Omit<PlanCell, "v"> = {};

/**
 * A cell with its options copied in one fixed key order (v, fmt, border, style, wrap, link — the order every
 * caller writes them in); an option that is undefined is left out. Not `{ v, ...extra }`: an object spread
 * costs about half a microsecond per cell, and a county's summary sheets hold some 30,000 cells.
 */
function cell(v: string | number | null, fmt: string | undefined, extra: Omit<PlanCell, "v" | "fmt">): PlanCell {
  const c: PlanCell = fmt === undefined ? { v } : { v, fmt };
  if (extra.border !== undefined) c.border = extra.border;
  if (extra.style !== undefined) c.style = extra.style;
  if (extra.wrap !== undefined) c.wrap = extra.wrap;
  if (extra.link !== undefined) c.link = extra.link;
  return c;
}

export function text(v: string | null | undefined, extra: Omit<PlanCell, "v"> = NO_EXTRA): PlanCell {
  return cell(v === undefined || v === null || v === "" ? null : v, extra.fmt, extra);
}

export function num(v: number | null | undefined, fmt: string, extra: Omit<PlanCell, "v" | "fmt"> = NO_EXTRA): PlanCell {
  return v === null || v === undefined || !Number.isFinite(v) ? cell(null, undefined, extra) : cell(v, fmt, extra);
}

/** A row builder: cells placed by column, gaps filled with empty cells. */
export class Rows {
  readonly rows: PlanCell[][] = [];

  set(row: number, col: number, cell: PlanCell): void {
    while (this.rows.length <= row) this.rows.push([]);
    const r = this.rows[row];
    while (r.length < col) r.push(EMPTY);
    r[col] = cell;
  }

  push(cells: PlanCell[]): number {
    this.rows.push(cells);
    return this.rows.length - 1;
  }

  get length(): number {
    return this.rows.length;
  }

  /** Rows padded to `width` cells so every row has the same shape. */
  build(width: number): PlanCell[][] {
    return this.rows.map((r) => {
      const out = r.map((c) => c ?? EMPTY);
      while (out.length < width) out.push(EMPTY);
      return out;
    });
  }
}

/**
 * A file's base name and the prefix of sheets copied from it ("dir/a.xlsx" → "a.xlsx", "a-"), remembered by path: every finding and project
 * row of the summary sheets names its file, and a run has a few hundred files at most. Bounded.
 */
const FILE_NAMES = new Map<string, { name: string; copiedSheetPrefix: string }>();

function fileName(file: string): { name: string; copiedSheetPrefix: string } {
  let n = FILE_NAMES.get(file);
  if (n === undefined) {
    if (FILE_NAMES.size >= 10_000) FILE_NAMES.clear();
    const name = baseName(file);
    n = { name, copiedSheetPrefix: `${name.replace(/\.[^.]+$/, "")}-` };
    FILE_NAMES.set(file, n);
  }
  return n;
}

/**
 * A location as the user has it on disk: the sheet's name, prefixed with "[file name]" when the run spans several
 * files (the file's base name, never the directory it was read from). A combined workbook names copied sheets
 * "<file stem>-<sheet>": that tool-made prefix is taken off again, so the label names the sheet of the user's file.
 */
export function sheetLabel(file: string, sheet: string, multiFile: boolean): string {
  if (!multiFile || !file) return sheet;
  const { name, copiedSheetPrefix } = fileName(file);
  const own = sheet.startsWith(copiedSheetPrefix) && sheet.length > copiedSheetPrefix.length ? sheet.slice(copiedSheetPrefix.length) : sheet;
  return `[${name}]${own}`;
}

/** The top-left A1 address of a cell or range ("B12", "B12:C13" → "B12"), or null. */
export function topLeft(cell: string | null | undefined): string | null {
  if (!cell) return null;
  if (/^[A-Z]{1,3}[1-9]\d{0,6}$/.test(cell)) return cell;
  const first = cell.split(":")[0].replace(/\$/g, "").trim();
  const p = parseA1(first);
  return p ? a1(p.row, p.col) : null;
}

export function link(file: string, sheet: string, cell: string | null | undefined): PlanLink {
  return { sheet, cell: topLeft(cell) ?? "A1", file };
}

export function styled(style: CellStyle, v: string | number | null, extra: Omit<PlanCell, "v" | "style"> = {}): PlanCell {
  return { v, style, ...extra };
}

/** `baseName(file)`, remembered by path (see fileName). */
export function fileBaseName(file: string): string {
  return fileName(file).name;
}
