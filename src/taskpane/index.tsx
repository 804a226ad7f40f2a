/**
 * Task pane entry. One page, three hosts behind one host port (engine/host.ts):
 * - inside WPS 表格 (a global `Application` with the spreadsheet object model, given to a WPS 加载项's pages): the
 *   WPS add-in, working on the active workbook through src/adapters/wps — checked first, synchronously;
 * - inside Excel (Office.onReady → host Excel): the add-in, working on the open workbook through
 *   src/adapters/officejs;
 * - anywhere else (Office.onReady → host null, office.js missing, or Excel undefined): file mode, working on
 *   .xlsx files the user picks, in the browser.
 * The engine, the host adapters and exceljs are loaded lazily (own chunks); the first paint is React, Fluent UI
 * and this pane.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { App, Loading } from "./App";
import type { HostKind, WorkbookHost } from "../engine/host";
import { wpsApplication } from "../adapters/wps/detect";
import { PaneController, type Mode } from "./controller";
import { initialLang, LANG_STORAGE_KEY } from "./lang";
import { browserStorage, hostSettingsStore, localSettingsStore } from "./settings";

export type HostMode = "loading" | Mode;

/** If Office.onReady has not settled by then (office.js missing a file it needs), start in file mode. */
const ON_READY_FALLBACK_MS = 10_000;

/** "excel" when running as an Excel add-in with the Excel API present, "file" otherwise. */
export async function detectHostMode(): Promise<Mode> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return "file";
  const info = await Office.onReady();
  const excel = typeof Excel !== "undefined" && typeof Excel.run === "function";
  return info && String(info.host) === "Excel" && excel ? "excel" : "file";
}

/** The host this page runs in: WPS 表格 (window.Application), Excel (Office.js), or none (file mode). */
export async function detectHost(scope: unknown = globalThis): Promise<HostKind> {
  if (wpsApplication(scope)) return "wps";
  return withFallback(detectHostMode(), ON_READY_FALLBACK_MS);
}

/** The host adapter for a live workbook (its own chunk); null in file mode. */
async function createHost(kind: HostKind): Promise<WorkbookHost | null> {
  if (kind === "wps") return (await import(/* webpackChunkName: "wps" */ "../adapters/wps/wps-host")).createWpsHost();
  if (kind === "excel") return (await import(/* webpackChunkName: "officejs" */ "../adapters/officejs/excel-host")).createExcelHost();
  return null;
}

function withFallback(p: Promise<Mode>, ms: number): Promise<Mode> {
  return new Promise<Mode>((resolve) => {
    const timer = setTimeout(() => resolve("file"), ms);
    p.then(
      (m) => {
        clearTimeout(timer);
        resolve(m);
      },
      () => {
        clearTimeout(timer);
        resolve("file");
      },
    );
  });
}

function officeDisplayLanguage(): string | null {
  try {
    return typeof Office !== "undefined" ? (Office.context?.displayLanguage ?? null) : null;
  } catch (_e) {
    return null;
  }
}

async function boot(container: HTMLElement): Promise<void> {
  const root = createRoot(container);
  const storage = browserStorage();
  let stored: string | null = null;
  try {
    stored = storage?.getItem(LANG_STORAGE_KEY) ?? null;
  } catch (_e) {
    stored = null;
  }
  const early = initialLang({ stored, browser: typeof navigator !== "undefined" ? navigator.language : null });
  root.render(<Loading text={early === "en" ? "Loading…" : "正在加载…"} />);

  const kind = await detectHost();
  const lang = initialLang({ stored, office: kind === "excel" ? officeDisplayLanguage() : null, browser: navigator.language });
  // A host adapter only when there is a live workbook to talk to (file mode loads neither).
  const host = await createHost(kind);
  const controller = new PaneController({
    host,
    lang,
    settingsStore: host ? hostSettingsStore(host) : localSettingsStore(storage),
    langStorage: storage,
  });
  root.render(<App controller={controller} />);
  await controller.init();
  // The engine chunk, once the pane is on screen (exceljs waits until a file is picked).
  setTimeout(() => controller.prefetch(), 0);
}

const container = typeof document !== "undefined" ? document.getElementById("container") : null;
if (container) void boot(container);
