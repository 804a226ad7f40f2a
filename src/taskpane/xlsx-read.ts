/**
 * Reading picked workbooks: the part of ./xlsx that the engine worker needs too (it reads picked files off the
 * pane's thread). One reader for every format, chosen by the file's bytes (src/adapters/xlsx-file/read.ts):
 * .xlsx / .xlsm with the lean OOXML reader in this chunk, .xls / .et / .ods / .xlsb with SheetJS, which comes
 * through a dynamic import, in its own chunk, only when such a file is picked. exceljs is only for writing
 * (the reviewed copy reloads the picked bytes with it): it too comes in its own chunk, on first use.
 */
import "./zod-config";
import type { Workbook } from "exceljs";
import { loadWorkbook } from "../adapters/xlsx-file/load";
import { readingFromBytes, type ReadOptions } from "../adapters/xlsx-file/read";
import type { SheetJS } from "../adapters/xlsx-file/sheetjs-reader";
import type { Grid } from "../engine/grid";
import type { WorkbookReading } from "../engine/read";
import type { VocabularyExtension } from "../engine/read/vocabulary";

type ExcelJSModule = typeof import("exceljs");

let excelJs: Promise<ExcelJSModule> | null = null;

/** exceljs, loaded once, in its own chunk. */
export function loadExcelJS(): Promise<ExcelJSModule> {
  if (!excelJs) {
    excelJs = import(/* webpackChunkName: "exceljs" */ "exceljs").then((m) => (m as unknown as { default?: ExcelJSModule }).default ?? m);
    excelJs.catch(() => (excelJs = null));
  }
  return excelJs;
}

let sheetJs: Promise<SheetJS> | null = null;

/** SheetJS, loaded once, in its own chunk (only .xls / .et / .ods / .xlsb files need it). */
export function loadSheetJS(): Promise<SheetJS> {
  if (!sheetJs) {
    sheetJs = import(/* webpackChunkName: "sheetjs" */ "@e965/xlsx").then((m) => (m as unknown as { default?: SheetJS }).default?.read ? (m as unknown as { default: SheetJS }).default : m);
    sheetJs.catch(() => (sheetJs = null));
  }
  return sheetJs;
}

const READ: ReadOptions = { sheetjs: loadSheetJS };

/** A file the user picked (name as shown, bytes as read). */
export interface PickedFile {
  name: string;
  bytes: Uint8Array;
}

/** The picked bytes as an exceljs workbook (for writing the reviewed copy; .xlsx / .xlsm only). */
export async function loadPicked(file: PickedFile): Promise<Workbook> {
  const ExcelJS = await loadExcelJS();
  return loadWorkbook(ExcelJS, file.bytes, file.name);
}

/** Read one picked file into the engine's reading; throws LoadError (with a message key) when it cannot. */
export async function readPicked(file: PickedFile): Promise<WorkbookReading> {
  return (await readPickedFile(file)).reading;
}

/** readPicked, with the grids read (kept to show a finding's row: engine/cell-row.ts). */
export async function readPickedFile(file: PickedFile, vocabulary: VocabularyExtension | null = null): Promise<{ reading: WorkbookReading; grids: Grid[] }> {
  const { reading, grids } = await readingFromBytes(file.bytes, file.name, vocabulary ? { ...READ, vocabulary } : READ);
  return { reading, grids };
}
