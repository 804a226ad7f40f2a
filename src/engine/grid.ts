/**
 * The engine's view of a worksheet: plain values, no host objects.
 *
 * Adapters (Office.js, exceljs) build Grids; the engine never sees anything else.
 * Normalisation contract for adapters:
 * - merged areas: the value stands only in the top-left cell; every other cell of the area is null;
 * - formulas: the cached result (null when there is none);
 * - rich text: the concatenated text of its runs;
 * - dates: ISO text "YYYY-MM-DD" (or "YYYY-MM-DD HH:MM" when there is a time part);
 * - error values: their Excel text ("#DIV/0!", "#N/A", …);
 * - hyperlinks: their display text.
 */

export type CellValue = string | number | boolean | null;

/** A merged area in absolute 0-based sheet coordinates, inclusive. */
export interface MergeArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Grid {
  /** Worksheet name as the host shows it. */
  sheet: string;
  /** Sheet position (0-based) of values[0][0]; the used range rarely starts at A1. */
  top: number;
  left: number;
  /** Rows of cell values; rows may be ragged (missing cells are null). */
  values: CellValue[][];
  /** Number formats, same shape as values where known ("0.00%", "General", …). */
  numberFormats?: (string | null)[][];
  /** Merged areas; null when the host could not tell (the reader then relies on blank-inheritance). */
  merges: MergeArea[] | null;
  /** Total rows of the sheet's used range when values holds only a leading sample (huge sheets). */
  totalRows?: number;
  /**
   * Values the adapter left out because they lie far from the rest of the content (one stray value at
   * XFD1048576): how many, and the address of the first. The grid covers the content, not the address range.
   */
  trimmed?: { cells: number; first: string };
}

/** Column index (0-based) → letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** columnLetters of the first columns, built on first use (the reader names a cell for every value it reads). */
const LETTERS: string[] = [];

/** Absolute 0-based row/col → "B12". */
export function a1(row: number, col: number): string {
  let letters = col >= 0 && col < 1024 ? LETTERS[col] : undefined;
  if (letters === undefined) {
    letters = columnLetters(col);
    if (col >= 0 && col < 1024 && Number.isInteger(col)) LETTERS[col] = letters;
  }
  return letters + (row + 1);
}

/** "B12" → {row: 11, col: 1}; null when not an A1 address. */
export function parseA1(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** Accessor over a Grid in absolute sheet coordinates. */
export class Sheet {
  readonly name: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;

  constructor(readonly grid: Grid) {
    this.name = grid.sheet;
    this.top = grid.top;
    this.left = grid.left;
    this.bottom = grid.top + grid.values.length - 1;
    let width = 0;
    for (const row of grid.values) if (row.length > width) width = row.length;
    this.right = grid.left + width - 1;
  }

  get(row: number, col: number): CellValue {
    const r = this.grid.values[row - this.top];
    if (!r) return null;
    const v = r[col - this.left];
    return v === undefined ? null : v;
  }

  numberFormat(row: number, col: number): string | null {
    const f = this.grid.numberFormats?.[row - this.top]?.[col - this.left];
    return f ?? null;
  }

  /** True when the cell shows its number as a percentage. */
  isPercent(row: number, col: number): boolean {
    const f = this.numberFormat(row, col);
    return f !== null && /%/.test(f.replace(/"[^"]*"/g, ""));
  }

  /** The merged area whose top-left is (row, col), if any. */
  mergeAt(row: number, col: number): MergeArea | null {
    const merges = this.grid.merges;
    if (!merges) return null;
    const index = this.mergeIndex();
    if (!index) {
      for (const m of merges) if (m.top === row && m.left === col) return m;
      return null;
    }
    return index.first(row, (m) => m.top === row && m.left === col);
  }

  /** The merged area covering (row, col), if any (the first in the grid's order when areas overlap). */
  mergeCovering(row: number, col: number): MergeArea | null {
    const merges = this.grid.merges;
    if (!merges) return null;
    const index = this.mergeIndex();
    if (!index) {
      for (const m of merges) if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) return m;
      return null;
    }
    return index.first(row, (m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
  }

  /**
   * Merged areas by blocks of rows, built on first use: the reader asks for the merge at or over a cell for every
   * header probe, and a scan over every merge made that quadratic (100,000 merges). An area over a whole sheet
   * is one entry in a short list of tall areas, never expanded row by row.
   */
  private mergeIndex(): MergeIndex | null {
    if (this.index !== undefined) return this.index;
    const merges = this.grid.merges ?? [];
    // A form's few merges are scanned faster than an index is built.
    return (this.index = merges.length <= MERGE_SCAN_MAX ? null : new MergeIndex(merges));
  }

  private index: MergeIndex | null | undefined = undefined;
}

/** Up to this many merged areas, they are scanned instead of indexed. */
const MERGE_SCAN_MAX = 48;

/** Rows per block of the merge index. */
const BLOCK_SHIFT = 6;
/** Areas spanning more blocks than this are kept in the tall list. */
const TALL_BLOCKS = 64;

/** Merged areas (by their position in the grid's list) bucketed by blocks of rows. */
class MergeIndex {
  private readonly blocks = new Map<number, number[]>();
  private readonly tall: number[] = [];

  constructor(private readonly merges: MergeArea[]) {
    merges.forEach((m, i) => {
      // The top row at least, so mergeAt finds even an area whose bottom is above its top.
      const from = Math.floor(m.top) >> BLOCK_SHIFT;
      const to = Math.floor(Math.max(m.top, m.bottom)) >> BLOCK_SHIFT;
      if (!Number.isFinite(from) || !Number.isFinite(to) || to - from > TALL_BLOCKS) {
        this.tall.push(i);
        return;
      }
      for (let b = from; b <= to; b++) {
        const list = this.blocks.get(b);
        if (list) list.push(i);
        else this.blocks.set(b, [i]);
      }
    });
  }

  /** The first area (in the grid's order) in the row's block or the tall list that passes `test`. */
  first(row: number, test: (m: MergeArea) => boolean): MergeArea | null {
    let best = -1;
    const list = this.blocks.get(Math.floor(row) >> BLOCK_SHIFT);
    if (list) {
      for (const i of list) {
        if (test(this.merges[i])) {
          best = i;
          break;
        }
      }
    }
    for (const i of this.tall) {
      if (best >= 0 && i > best) break;
      if (test(this.merges[i])) {
        best = i;
        break;
      }
    }
    return best >= 0 ? this.merges[best] : null;
  }
}

export function isBlank(v: CellValue): boolean {
  return v === null || (typeof v === "string" && v.trim() === "");
}
