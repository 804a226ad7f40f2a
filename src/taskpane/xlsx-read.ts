/**
 * Reading picked .xlsx files with exceljs: the part of ./xlsx that the engine worker needs too (it reads picked
 * files off the pane's thread). exceljs comes through a dynamic import, in its own chunk, loaded on first use.
 */
import "./zod-config";
import type { Workbook } from "exceljs";
import { workbookToGrids } from "../adapters/xlsx-file/grid";
import { loadWorkbook } from "../adapters/xlsx-file/load";
import { readWorkbook, type WorkbookReading } from "../engine/read";

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

/** A file the user picked (name as shown, bytes as read). */
export interface PickedFile {
  name: string;
  bytes: Uint8Array;
}

export async function loadPicked(file: PickedFile): Promise<Workbook> {
  const ExcelJS = await loadExcelJS();
  return loadWorkbook(ExcelJS, file.bytes, file.name);
}

/** Read one picked file into the engine's reading; throws LoadError (with a message key) when it cannot. */
export async function readPicked(file: PickedFile): Promise<WorkbookReading> {
  const wb = await loadPicked(file);
  return readWorkbook({ file: file.name, grids: workbookToGrids(wb) });
}
