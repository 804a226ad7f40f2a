/**
 * Host-independent description of an output sheet. Adapters (exceljs, Office.js) turn a SheetPlan
 * into a real worksheet; the engine never touches a host.
 *
 * Contract for every writer (SPEC §6):
 * - **Strings are text, always.** A PlanCell string is user or report text and must land in the cell as a
 *   text value, even when it looks like a formula ("=HYPERLINK(…)", "+1", "-2", "@SUM(A1)"), a number
 *   ("001", "50%") or a date ("1/2"). Writers never build formulas from plan strings.
 *   - exceljs: assign the string as `cell.value` (exceljs stores it as a shared string, type String;
 *     only `{ formula }` objects become formulas). Link cells use `{ text, hyperlink }`, also text.
 *   - Office.js: `range.values` parses what it is given like typed input ("=…" becomes a formula, "50%" a
 *     number, "1/2" a date). Give every string Excel's quote prefix (a leading apostrophe, which Excel
 *     stores as the cell's quotePrefix and does not show); not the "@" format, which shows long text as
 *     "####" in some Excel versions (see adapters/officejs/values.ts). `isFormulaLike` names the cases a
 *     test must cover.
 * - Numbers are written as numbers with `fmt` as the number format; null leaves the cell empty.
 * - `link` is an internal hyperlink to a cell of the same workbook. Write it only when the target sheet
 *   exists in the workbook being written (a run over several files may name sheets that live elsewhere);
 *   otherwise write the text alone.
 * - Merged areas: the value stands in the top-left cell; the other cells of the area are null in `rows`.
 * - Charts: drawn where the host can (Office.js). exceljs cannot write charts: the chart's data table is
 *   still written, so the user can insert a chart over it in one click.
 */

export {
  ALTERNATE_SUFFIX,
  hasOutputMark,
  isOutputName,
  OUTPUT_MARK_CELL,
  OUTPUT_MARKS,
  OUTPUT_SHEETS,
  type OutputSheetName,
} from "../output-sheets";
import { ALTERNATE_SUFFIX, type OutputSheetName } from "../output-sheets";

/**
 * The name to write an output sheet under: the planned name, else "名称（评价助手）", "名称（评价助手2）", …
 * `taken(name)` says whether a (kept) sheet already has that name (compare case-insensitively).
 */
export function outputSheetName(base: OutputSheetName, taken: (name: string) => boolean): string {
  if (!taken(base)) return base;
  for (let i = 1; ; i++) {
    const name = `${base}${ALTERNATE_SUFFIX}${i === 1 ? "" : i}）`;
    if (!taken(name)) return name;
  }
}

export type CellStyle = "title" | "subtitle" | "header" | "label" | "error" | "warning" | "info" | "flag" | "text";

/** Internal link target: a sheet of the workbook and an A1 address on it. */
export interface PlanLink {
  sheet: string;
  cell: string;
  /** The file the sheet was read from (runs over several workbooks); informational for writers. */
  file?: string;
}

export interface PlanCell {
  /** A value; strings are always written as text (never as formulas). */
  v: string | number | null;
  /** Excel number format, e.g. "0.00", "0.00%", "#,##0.00". */
  fmt?: string;
  style?: CellStyle;
  /** Internal link to a cell of the workbook (sheet name and A1 address). */
  link?: PlanLink;
  wrap?: boolean;
  /** Thin border on all sides (table body cells; header cells always have one). */
  border?: boolean;
}

export interface ChartPlan {
  type: "pie" | "column";
  title: string;
  /** Ranges on the same sheet, A1 notation (e.g. "A5:A8", "B5:B8"). */
  categories: string;
  values: string;
  /** Top-left cell where the chart is anchored. */
  anchor: string;
  /** Bottom-right cell of the chart's area (Office.js `setPosition(anchor, to)`); hosts may size freely when absent. */
  to?: string;
  /** Series name (the values column's header). */
  seriesName?: string;
}

/**
 * How a sheet prints (issue 15). Every writer (exceljs / OOXML package, Office.js, WPS) applies it where the host
 * can; a writer that cannot apply a field leaves the host's default. Rows are 0-based, relative to A1.
 */
export interface PagePlan {
  paper: "A4";
  orientation: "portrait" | "landscape";
  /** Fit all columns on one page wide; pages tall are free. */
  fitToWidth: boolean;
  /** Rows repeated at the top of every printed page (the table header), inclusive. */
  printTitleRows?: { from: number; to: number };
  /** Margins in inches. */
  margins?: { top: number; bottom: number; left: number; right: number; header: number; footer: number };
  /** Excel header/footer text with its codes (&A sheet name, &P page, &N pages), e.g. "第 &P 页 共 &N 页". */
  headerCenter?: string;
  footerCenter?: string;
}

export interface SheetPlan {
  name: OutputSheetName;
  /** Print setup; absent = the host's default. */
  page?: PagePlan;
  /** Row heights in points for rows that need one (wrapped text), by row index; absent/null = host default. */
  rowHeights?: (number | null)[];
  /** Rows of cells starting at A1. */
  rows: PlanCell[][];
  /** Column widths in characters. */
  widths: number[];
  /** Merged areas, 0-based inclusive, relative to A1. */
  merges: { top: number; left: number; bottom: number; right: number }[];
  /** Frozen rows at the top (the header). */
  freezeRows: number;
  chart?: ChartPlan;
  /** Range (A1 notation) that gets an AutoFilter: the table's header row and body. */
  filter?: string;
}

/** True for text that a spreadsheet would take as a formula if typed: starts with = + - @ (after spaces). */
export function isFormulaLike(s: string): boolean {
  return /^\s*[=+\-@]/.test(s);
}
