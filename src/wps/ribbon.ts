/**
 * The WPS 加载项's ribbon callbacks (ribbon.xml names them "ribbon.OnAddinLoad", "ribbon.OnAction",
 * "ribbon.GetImage"): loaded by index.html, the add-in's hidden entry page. The 绩效评价 tab's button opens the
 * task pane — the same taskpane.html as the Excel add-in and file mode — with Application.CreateTaskPane, and shows
 * it again (instead of opening a second one) when it was opened before in this WPS session.
 */
import type { WpsApplication, WpsTaskPane } from "../adapters/wps/api";
import { wpsApplication } from "../adapters/wps/detect";

export const OPEN_PANE = "bprOpenPane";
/** PluginStorage key of the task pane's id (shared by the add-in's pages for this WPS session). */
export const PANE_ID_KEY = "bpr.taskpane.id";
export const PANE_TITLE = "预算绩效评价助手";

/** The task pane page, next to this entry page (online: on the intranet server; offline: in the add-in folder). */
export function paneUrl(base: string = document.location.href): string {
  return new URL("taskpane.html", base).href;
}

function existingPane(app: WpsApplication): WpsTaskPane | null {
  const id = Number(app.PluginStorage?.getItem(PANE_ID_KEY));
  if (!Number.isInteger(id) || id <= 0 || !app.GetTaskPane) return null;
  try {
    return app.GetTaskPane(id) ?? null;
  } catch (_e) {
    return null;
  }
}

/** Show the task pane, creating it the first time. Returns it (null outside WPS). */
export function openPane(app: WpsApplication | null = wpsApplication()): WpsTaskPane | null {
  if (!app?.CreateTaskPane) return null;
  let pane = existingPane(app);
  if (!pane) {
    pane = app.CreateTaskPane(paneUrl(), PANE_TITLE);
    app.PluginStorage?.setItem(PANE_ID_KEY, pane.ID);
  }
  pane.Visible = true;
  return pane;
}

export const ribbon = {
  /** Called once when WPS loads the add-in. */
  OnAddinLoad(_ribbonUI: unknown): boolean {
    return true;
  },
  OnAction(control: { Id?: string } | null): boolean {
    if (control?.Id === OPEN_PANE) return openPane() !== null;
    return false;
  },
  GetImage(control: { Id?: string } | null): string {
    return control?.Id === OPEN_PANE ? "assets/icon-64.png" : "assets/icon-32.png";
  },
};

(globalThis as unknown as { ribbon: typeof ribbon }).ribbon = ribbon;
