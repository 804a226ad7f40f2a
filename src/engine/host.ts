/**
 * The host port: what the task pane and the engine's callers need from "the workbook", in the engine's terms
 * (Grids in, SheetPlans out). Every host implements it:
 *   - Excel through Office.js        src/adapters/officejs/excel-host.ts
 *   - WPS 表格 through window.Application   src/adapters/wps/wps-host.ts
 *   - file mode (picked files; templates become a download)   src/taskpane/file-host.ts
 * The pane talks to this port, never to a host. Nothing here imports Office.js, WPS, exceljs or the DOM: only
 * types, plus the one error class the UI needs at run time to tell a host failure from a bug (`instanceof HostError`).
 */
import type { Grid } from "./grid";
import type { SheetPlan } from "./summary/plan";
import type { TemplatePlan } from "./templates";

export type { TemplatePlan };

/** What this host can do; the UI hides or degrades features that are false. */
export type HostKind = "excel" | "wps" | "file";

export interface HostCapabilities {
  /**
   * "excel": the live workbook through Office.js; "wps": the live workbook in WPS 表格 (window.Application);
   * "file": no live workbook — the user picks files, and what a live host would write becomes a download.
   */
  kind: HostKind;
  /** Merged areas are reported in Grid.merges (Excel: ExcelApi 1.13). When false, Grid.merges is null. */
  mergedAreas: boolean;
  /** Output plans' charts are drawn (Excel: ExcelApi 1.7 for category axes). */
  charts: boolean;
  /** Internal links in output sheets (Excel: ExcelApi 1.7 `range.hyperlink`). */
  hyperlinks: boolean;
  /** `select()` can jump to a cell (false in file mode). */
  select: boolean;
  /** Document settings persist with the workbook (Excel: Office.context.document.settings). */
  settings: boolean;
  /** The workbook's protection can be detected before writing (ExcelApi 1.7). */
  protectionCheck: boolean;
  /** Output tables get an AutoFilter (SheetPlan.filter; Excel: ExcelApi 1.9). Absent means false. */
  autoFilter?: boolean;
}

export interface ReadOptions {
  /**
   * Read at most the rows up to this absolute row number (1-based, like the exceljs adapter's `maxRows`);
   * a longer sheet's Grid then carries `totalRows`.
   */
  maxRows?: number;
  /** Include hidden and very hidden sheets (default true: the engine decides what a sheet is). */
  includeHidden?: boolean;
  /**
   * Read the product's own output sheets (评价汇总 …) too. Default false: a sheet that is the product's (an
   * output name and the product's mark in A2, hasOutputMark, output-sheets.ts) is returned as a Grid holding A2 alone,
   * so the engine still lists it (as output), but its cells cost no payload. A user's sheet that merely has
   * such a name (no mark) is always read in full.
   */
  readOutputSheets?: boolean;
  /** Called after each round trip with rows read so far and the total (for a progress bar on huge workbooks). */
  onProgress?: (rowsRead: number, rowsTotal: number) => void;
}

export type SheetVisibility = "Visible" | "Hidden" | "VeryHidden";

export interface SheetListing {
  name: string;
  visibility: SheetVisibility;
  /** The used range (values only), 0-based; null for an empty sheet. */
  used: { top: number; left: number; rows: number; columns: number } | null;
}

/** Round trips and data volume of one host operation (also what the benchmark reports). */
export interface HostStats {
  /** context.sync() calls made (Office); 0 for file hosts. */
  syncs: number;
  /** Largest estimated response (reads) or request (writes) of one sync, in bytes of JSON. */
  maxBatchBytes: number;
}

export interface ReadResult {
  /** The workbook's file name ("项目自评.xlsx"), for finding locations. */
  fileName: string;
  grids: Grid[];
  sheets: SheetListing[];
  stats: HostStats;
  /** Non-fatal problems (e.g. merged areas could not be read); the grids are still usable. Absent means none. */
  warnings?: HostWarning[];
}

/**
 * A non-fatal problem of a host, as data: the UI words it from the message catalogue (`ui.hostWarning.<id>`), so it
 * reads in the user's language. `reason` is the host's own text (Office / WPS error message), shown as it is.
 */
export type HostWarning =
  /** Merged areas could not be read (over 512 areas on one sheet): blank cells inherit the label above. */
  | { id: "merges-unread" }
  /** This Excel cannot draw charts (ExcelApi below 1.1 charts); the table is written. */
  | { id: "chart-unsupported"; sheet: string }
  | { id: "chart-failed"; reason: string }
  | { id: "page-setup-failed"; sheet: string; reason: string };

export interface WriteResult {
  /** Sheet names written, in order (templates may be renamed "名称 (2)" to stay unique; an output sheet goes to
   * "名称（评价助手）" when a user's sheet holds its name). */
  sheets: string[];
  /** Non-fatal problems (e.g. a chart the host refused); the sheets were still written. */
  warnings: HostWarning[];
  stats: HostStats;
  /** File mode: the name of the workbook offered as a download instead of sheets written into a live workbook. */
  download?: string;
}

export interface WorkbookHost {
  capabilities(): HostCapabilities;
  /** The workbook's file name. */
  fileName(): Promise<string>;
  /** Every sheet as a Grid, plus the file name and sheet listing, in a constant number of round trips. */
  readWorkbook(opts?: ReadOptions): Promise<ReadResult>;
  /**
   * Replace the product's output sheets (评价汇总, 问题清单, 抽查复核, 评价报告) with these plans. Previous output
   * sheets (an output name and the product's mark in A2) are removed; a user's sheet of the same name is kept
   * and the output goes to "名称（评价助手）"; no other sheet or cell is changed. All or nothing: on failure no new sheet remains and
   * the previous output sheets are still there. Throws HostError ("protected", "write-failed", "invalid-plan").
   */
  writeSheets(plans: SheetPlan[]): Promise<WriteResult>;
  /** Add blank templates as new sheets at the end (names made unique); nothing existing is touched. */
  insertTemplates(plans: TemplatePlan[]): Promise<WriteResult>;
  /** Activate `sheet` and select `cell` ("B12" or "B12:D14"). Throws HostError "sheet-not-found". */
  select(sheet: string, cell: string): Promise<void>;
  /** A value saved with the workbook (task pane profile, gap thresholds); null when absent. */
  loadSetting<T>(key: string): Promise<T | null>;
  saveSetting(key: string, value: unknown): Promise<void>;
}

export type HostErrorCode =
  /** The workbook structure or an output sheet is protected. */
  | "protected"
  | "sheet-not-found"
  | "bad-address"
  /** Selecting failed for another reason (e.g. the sheet is hidden). */
  | "cannot-select"
  /** A plan names a sheet that is not one of the product's output sheets, or names it twice. */
  | "invalid-plan"
  /** Even one row of a sheet exceeds the host's payload limit. */
  | "payload-too-large"
  | "read-failed"
  | "write-failed"
  /** No live workbook host is available (file mode, or Office / WPS not ready). */
  | "not-in-excel"
  | "settings-failed";

/**
 * A failure the UI shows to the user. `message` is Chinese (the default UI language); the UI may translate by
 * `code` (and `sheet`) through its own message catalogue. `cause` keeps the host's original error.
 */
export class HostError extends Error {
  override readonly name = "HostError";
  constructor(
    readonly code: HostErrorCode,
    message: string,
    readonly sheet?: string,
    readonly cause?: unknown,
  ) {
    super(message);
  }
}

export function isHostError(e: unknown): e is HostError {
  return e instanceof HostError;
}
