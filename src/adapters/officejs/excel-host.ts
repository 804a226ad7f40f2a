/**
 * The Office.js implementation of WorkbookHost: the live workbook in Excel (desktop, web, Mac).
 *
 * Everything Office-specific comes in through `ExcelHostDeps` (defaults: Excel.run, Office.context.requirements,
 * Office.context.document.settings), so tests and the benchmark run it against test/helpers/fake-excel.ts.
 * Requirement sets are probed at run time; the manifest's minimum is ExcelApi 1.7:
 *   1.7   workbook/sheet protection check, hyperlinks, chart category axes, getRangeByIndexes
 *   1.9   AutoFilter on output tables (SheetPlan.filter), styling many cell blocks per command (getRanges)
 *   1.13  merged areas (getMergedAreasOrNullObject); without it Grid.merges is null (the engine inherits blanks)
 */
import { a1 } from "../../engine/grid";
import type { SheetPlan } from "../../engine/summary/plan";
import { parseAddress } from "./address";
import {
  HostError,
  type HostCapabilities,
  type ReadOptions,
  type ReadResult,
  type TemplatePlan,
  type WorkbookHost,
  type WriteResult,
} from "./host";
import { readWorkbook, type ReadConfig } from "./read";
import { insertTemplateSheets, mapWriteError, writeOutputSheets, type WriteConfig } from "./write";

/** Excel.run's shape: run a batch function with a fresh request context. */
export type Runner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface Requirements {
  isSetSupported(name: string, minVersion?: string): boolean;
}

/** The part of Office.context.document.settings the host uses. */
export type DocumentSettings = Pick<Office.Settings, "get" | "set" | "saveAsync">;

export interface ExcelHostDeps {
  run?: Runner;
  requirements?: Requirements;
  settings?: DocumentSettings;
  /** Target bytes of cell data per read sync (default 4 MB; Excel on the web refuses more than 5 MB). */
  payloadBudget?: number;
  /** First estimate of bytes per cell when sizing read blocks (default 48; refined from real syncs). */
  bytesPerCell?: number;
  /** Request bytes per write sync (default 4 MB). */
  batchBytes?: number;
}

const NOT_IN_EXCEL = "未在 Excel 中运行（Office.js 不可用）。";

function defaultRun(): Runner {
  return <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    if (typeof Excel === "undefined" || typeof Excel.run !== "function") {
      return Promise.reject(new HostError("not-in-excel", NOT_IN_EXCEL));
    }
    return Excel.run(batch);
  };
}

function defaultRequirements(): Requirements | null {
  if (typeof Office === "undefined") return null;
  return Office.context?.requirements ?? null;
}

function defaultSettings(): DocumentSettings | null {
  if (typeof Office === "undefined") return null;
  return Office.context?.document?.settings ?? null;
}

/** Read a document setting (null when absent or outside Office). */
export function loadSettings<T>(key: string, settings: DocumentSettings | null = defaultSettings()): T | null {
  if (!settings) return null;
  const v: unknown = settings.get(key);
  return v === undefined || v === null ? null : (v as T);
}

/** Store a document setting and persist it with the workbook (saveAsync). */
export function saveSettings(key: string, value: unknown, settings: DocumentSettings | null = defaultSettings()): Promise<void> {
  if (!settings) return Promise.reject(new HostError("not-in-excel", NOT_IN_EXCEL));
  settings.set(key, value);
  return new Promise<void>((resolve, reject) => {
    settings.saveAsync((result: Office.AsyncResult<void>) => {
      if (String(result.status) === "failed") {
        reject(new HostError("settings-failed", `设置未能保存：${result.error?.message ?? ""}`, undefined, result.error));
      } else resolve();
    });
  });
}

function readError(e: unknown): HostError {
  if (e instanceof HostError) return e;
  const message = (e as { message?: unknown } | null)?.message;
  return new HostError("read-failed", `读取工作簿失败：${typeof message === "string" ? message : String(e)}`, undefined, e);
}

function errorCode(e: unknown): string {
  const o = e as { code?: unknown } | null;
  return typeof o?.code === "string" ? o.code : "";
}

/** Activate `sheet` and select `cell` in one sync. */
export async function selectCell(context: Excel.RequestContext, sheet: string, cell: string): Promise<void> {
  const a = parseAddress(cell);
  if (!a || (a.sheet !== null && a.sheet !== sheet)) {
    throw new HostError("bad-address", `单元格地址无效：${cell}`, sheet);
  }
  const single = a.top === a.bottom && a.left === a.right;
  const ref = single ? a1(a.top, a.left) : `${a1(a.top, a.left)}:${a1(a.bottom, a.right)}`;
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.activate();
  ws.getRange(ref).select();
  try {
    await context.sync();
  } catch (e) {
    const code = errorCode(e);
    if (code === "ItemNotFound") throw new HostError("sheet-not-found", `找不到工作表“${sheet}”（可能已被重命名或删除）。`, sheet, e);
    if (code === "InvalidArgument") throw new HostError("bad-address", `单元格地址无效：${cell}`, sheet, e);
    throw new HostError("cannot-select", `无法定位到“${sheet}”!${ref}（工作表可能被隐藏）。`, sheet, e);
  }
}

/** The workbook's file name, one sync. */
export async function workbookName(context: Excel.RequestContext): Promise<string> {
  const workbook = context.workbook;
  workbook.load("name");
  await context.sync();
  return workbook.name;
}

export class ExcelHost implements WorkbookHost {
  private readonly run: Runner;
  private readonly requirements: Requirements | null;
  private readonly settings: DocumentSettings | null;

  constructor(private readonly deps: ExcelHostDeps = {}) {
    this.run = deps.run ?? defaultRun();
    this.requirements = deps.requirements ?? defaultRequirements();
    this.settings = deps.settings ?? defaultSettings();
  }

  private supports(version: string): boolean {
    try {
      return this.requirements?.isSetSupported("ExcelApi", version) ?? false;
    } catch (_e) {
      return false;
    }
  }

  capabilities(): HostCapabilities {
    const v17 = this.supports("1.7");
    return {
      kind: "excel",
      mergedAreas: this.supports("1.13"),
      charts: v17,
      hyperlinks: v17,
      select: true,
      settings: this.settings !== null,
      protectionCheck: v17,
      autoFilter: this.supports("1.9"),
    };
  }

  private readConfig(): ReadConfig {
    return { mergedAreas: this.supports("1.13"), payloadBudget: this.deps.payloadBudget, bytesPerCell: this.deps.bytesPerCell };
  }

  private writeConfig(): WriteConfig {
    const caps = this.capabilities();
    return {
      charts: caps.charts,
      hyperlinks: caps.hyperlinks,
      protectionCheck: caps.protectionCheck,
      autoFilter: caps.autoFilter,
      rangeAreas: this.supports("1.9"),
      pageLayout: this.supports("1.9"),
      validation: this.supports("1.8"),
      batchBytes: this.deps.batchBytes,
    };
  }

  async fileName(): Promise<string> {
    try {
      return await this.run((context) => workbookName(context));
    } catch (e) {
      throw readError(e);
    }
  }

  async readWorkbook(opts: ReadOptions = {}): Promise<ReadResult> {
    try {
      return await this.run((context) => readWorkbook(context, opts, this.readConfig()));
    } catch (e) {
      throw readError(e);
    }
  }


  async writeSheets(plans: SheetPlan[]): Promise<WriteResult> {
    try {
      return await this.run((context) => writeOutputSheets(context, plans, this.writeConfig()));
    } catch (e) {
      throw mapWriteError(e);
    }
  }

  async insertTemplates(plans: TemplatePlan[]): Promise<WriteResult> {
    try {
      return await this.run((context) => insertTemplateSheets(context, plans, this.writeConfig()));
    } catch (e) {
      throw mapWriteError(e);
    }
  }

  select(sheet: string, cell: string): Promise<void> {
    return this.run((context) => selectCell(context, sheet, cell));
  }

  async loadSetting<T>(key: string): Promise<T | null> {
    return loadSettings<T>(key, this.settings);
  }

  saveSetting(key: string, value: unknown): Promise<void> {
    return saveSettings(key, value, this.settings);
  }
}

export function createExcelHost(deps: ExcelHostDeps = {}): ExcelHost {
  return new ExcelHost(deps);
}
