/**
 * Task pane entry. One page, two modes:
 * - inside Excel (Office.onReady → host Excel): the add-in, working on the open workbook through the
 *   WorkbookHost of src/adapters/officejs;
 * - anywhere else (Office.onReady → host null, office.js missing, or Excel undefined): file mode, working on
 *   .xlsx files the user picks, in the browser.
 * The engine, the Office.js adapter and exceljs are loaded lazily (own chunks); the first paint is React,
 * Fluent UI and this pane.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { App, Loading } from "./App";
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

  const mode = await withFallback(detectHostMode(), ON_READY_FALLBACK_MS);
  const lang = initialLang({ stored, office: mode === "excel" ? officeDisplayLanguage() : null, browser: navigator.language });
  // The Office.js adapter only when there is an Excel to talk to (file mode never loads it).
  const host = mode === "excel" ? (await import(/* webpackChunkName: "officejs" */ "../adapters/officejs/excel-host")).createExcelHost() : null;
  const controller = new PaneController({
    mode,
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
