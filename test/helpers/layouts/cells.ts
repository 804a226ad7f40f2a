/**
 * Cell-level helpers shared by the layout builders: what a real form's cell can hold (rich text, formulas
 * with cached results, errors, dates, percent formats) and how it is written with exceljs.
 */
import type * as ExcelJS from "exceljs";
import { a1 } from "../../../src/engine/grid";

/** A value with a number format ("0.00%", "#,##0.00", "yyyy-mm-dd"). */
export interface Formatted {
  $fmt: true;
  value: ExcelJS.CellValue;
  numFmt: string;
}

/** Anything a builder accepts for one cell. `undefined` leaves the cell untouched. */
export type CellInput = ExcelJS.CellValue | Formatted;

export function isFormatted(v: unknown): v is Formatted {
  return typeof v === "object" && v !== null && (v as Formatted).$fmt === true;
}

/** A number shown as a percentage (the cell holds the fraction: 0.9339 shows "93.39%"). */
export function pct(fraction: number | ExcelJS.CellValue, numFmt = "0.00%"): Formatted {
  return { $fmt: true, value: fraction, numFmt };
}

export function withFormat(value: ExcelJS.CellValue, numFmt: string): Formatted {
  return { $fmt: true, value, numFmt };
}

/** Rich text: runs given as plain strings or [text, font]. */
export function rich(...runs: (string | [string, Partial<ExcelJS.Font>])[]): ExcelJS.CellRichTextValue {
  return {
    richText: runs.map((r) => (typeof r === "string" ? { text: r } : { text: r[0], font: r[1] })),
  };
}

/** A formula with its cached result (omit the result for a workbook that was never recalculated). */
export function formula(f: string, result?: ExcelJS.CellFormulaValue["result"]): ExcelJS.CellFormulaValue {
  return result === undefined ? { formula: f } : { formula: f, result };
}

export function errorValue(error: ExcelJS.CellErrorValue["error"]): ExcelJS.CellErrorValue {
  return { error };
}

export function link(text: string, hyperlink: string): ExcelJS.CellHyperlinkValue {
  return { text, hyperlink };
}

/** A Date at midnight UTC (how exceljs represents a date cell). */
export function date(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m - 1, d));
}

/** Write one cell (1-based row/col). */
export function put(ws: ExcelJS.Worksheet, row: number, col: number, input: CellInput): void {
  if (input === undefined) return;
  const cell = ws.getCell(row, col);
  if (isFormatted(input)) {
    cell.value = input.value;
    cell.numFmt = input.numFmt;
    return;
  }
  cell.value = input;
  if (input instanceof Date) cell.numFmt = "yyyy-mm-dd";
}

/** Write a value into the top-left cell and merge the area (1-based, inclusive). Single cells are not merged. */
export function putMerged(
  ws: ExcelJS.Worksheet,
  top: number,
  left: number,
  bottom: number,
  right: number,
  input: CellInput,
): void {
  put(ws, top, left, input);
  if (bottom > top || right > left) ws.mergeCells(top, left, bottom, right);
}

/** 1-based row/col → "B12". */
export function addr(row: number, col: number): string {
  return a1(row - 1, col - 1);
}

/** Where a form starts on its sheet (1-based). */
export interface Origin {
  row: number;
  col: number;
}
