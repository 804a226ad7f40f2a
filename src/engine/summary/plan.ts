/**
 * Host-independent description of an output sheet. Adapters (exceljs, Office.js) turn a SheetPlan
 * into a real worksheet; the engine never touches a host.
 */

/** The product's own sheets: recognised on every run, replaced, never read as templates. */
export const OUTPUT_SHEETS = ["评价汇总", "问题清单", "抽查复核", "评价报告"] as const;
export type OutputSheetName = (typeof OUTPUT_SHEETS)[number];

export type CellStyle = "title" | "subtitle" | "header" | "label" | "error" | "warning" | "info" | "flag" | "text";

export interface PlanCell {
  /** A value; strings are always written as text (never as formulas). */
  v: string | number | null;
  /** Excel number format, e.g. "0.00", "0.00%", "#,##0.00". */
  fmt?: string;
  style?: CellStyle;
  /** Internal link to a cell of the workbook (sheet name and A1 address). */
  link?: { sheet: string; cell: string };
  wrap?: boolean;
}

export interface ChartPlan {
  type: "pie" | "column";
  title: string;
  /** Ranges on the same sheet, A1 notation (e.g. "A5:A8", "B5:B8"). */
  categories: string;
  values: string;
  /** Top-left cell where the chart is anchored. */
  anchor: string;
}

export interface SheetPlan {
  name: OutputSheetName;
  /** Rows of cells starting at A1. */
  rows: PlanCell[][];
  /** Column widths in characters. */
  widths: number[];
  /** Merged areas, 0-based inclusive, relative to A1. */
  merges: { top: number; left: number; bottom: number; right: number }[];
  /** Frozen rows at the top (the header). */
  freezeRows: number;
  chart?: ChartPlan;
}
