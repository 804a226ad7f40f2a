/**
 * Is this page running inside WPS 表格? WPS gives every page of a WPS 加载项 (the ribbon's entry page and the task
 * panes it opens) a global `Application` object that follows the spreadsheet object model. Kept free of imports so
 * the pane's first paint can ask without loading the adapter.
 */
import type { WpsApplication } from "./api";

/** window.Application when this page runs inside WPS 表格 (an object with a workbook collection), else null. */
export function wpsApplication(scope: unknown = globalThis): WpsApplication | null {
  try {
    const app = (scope as { Application?: unknown } | null)?.Application as { Workbooks?: unknown; ActiveWorkbook?: unknown } | undefined;
    if (!app || (typeof app !== "object" && typeof app !== "function")) return null;
    return app.Workbooks !== undefined || app.ActiveWorkbook !== undefined ? (app as unknown as WpsApplication) : null;
  } catch (_e) {
    return null;
  }
}
