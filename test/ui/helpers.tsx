/** Rendering the task pane in jsdom around a controller with an in-memory host (or file mode). */
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from "node:util";
import * as React from "react";
import { act, fireEvent, render, type RenderResult } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { PaneController, type PaneDeps } from "../../src/taskpane/controller";
import type { Lang } from "../../src/taskpane/lang";
import type { WorkbookHost } from "../../src/adapters/officejs/host";
import { hostSettingsStore, localSettingsStore } from "../../src/taskpane/settings";
import type { MemoryHost } from "./memory-host";

/** jsdom lacks a few browser APIs Fluent UI touches. */
export function polyfillDom(): void {
  const g = globalThis as unknown as Record<string, unknown>;
  // Browsers have these; jest's jsdom environment does not expose Node's (exceljs and the sniffer use them).
  if (!g.TextDecoder) g.TextDecoder = NodeTextDecoder;
  if (!g.TextEncoder) g.TextEncoder = NodeTextEncoder;
  if (!g.setImmediate) g.setImmediate = (fn: (...a: unknown[]) => void, ...args: unknown[]) => setTimeout(fn, 0, ...args);
  if (!g.ResizeObserver) {
    g.ResizeObserver = class {
      observe() {}
      unobserve() {}
      disconnect() {}
    };
  }
  if (typeof window !== "undefined" && !window.matchMedia) {
    window.matchMedia = ((query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    })) as unknown as typeof window.matchMedia;
  }
  if (typeof Element !== "undefined" && !(Element.prototype as unknown as { animate?: unknown }).animate) {
    (Element.prototype as unknown as { animate: unknown }).animate = function () {
      const anim = {
        finished: Promise.resolve(),
        cancel() {},
        finish() {},
        pause() {},
        play() {},
        persist() {},
        commitStyles() {},
        onfinish: null as null | (() => void),
        currentTime: 0,
        playState: "finished",
        addEventListener(_t: string, cb: () => void) {
          setTimeout(cb, 0);
        },
        removeEventListener() {},
      };
      setTimeout(() => anim.onfinish?.(), 0);
      return anim;
    };
  }
}

export interface Pane<H extends WorkbookHost = MemoryHost> {
  controller: PaneController;
  host: H | null;
  view: RenderResult;
  downloads: { name: string; bytes: Uint8Array }[];
}

export interface SetupOptions<H extends WorkbookHost = MemoryHost> extends Partial<Omit<PaneDeps, "host">> {
  host?: H | null;
  lang?: Lang;
  storage?: Storage;
}

/** A pane in Excel mode over `host`, or in file mode when host is null. */
export async function renderPane<H extends WorkbookHost = MemoryHost>(opts: SetupOptions<H> = {}): Promise<Pane<H>> {
  polyfillDom();
  const host = opts.host ?? null;
  const downloads: Pane<H>["downloads"] = [];
  const controller = new PaneController({
    mode: host ? "excel" : "file",
    lang: opts.lang ?? "zh",
    settingsStore: opts.settingsStore ?? (host ? hostSettingsStore(host) : localSettingsStore(opts.storage ?? window.localStorage)),
    langStorage: opts.storage ?? window.localStorage,
    download: opts.download ?? ((bytes, name) => downloads.push({ name, bytes })),
    yieldToUi: () => Promise.resolve(),
    ...opts,
    host,
  });
  let view!: RenderResult;
  await act(async () => {
    view = render(<App controller={controller} />);
    await controller.init();
  });
  return { controller, host, view, downloads };
}

/** Run an action and let React settle. */
export async function settle(fn: () => unknown | Promise<unknown>): Promise<void> {
  await act(async () => {
    await fn();
  });
}

/** Resolves when the controller has no action running (after an action a click started). */
export function untilIdle(controller: PaneController, timeoutMs = 50_000): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      if (controller.getState().busy === null) return resolve();
      if (Date.now() - started > timeoutMs) return reject(new Error("pane still busy"));
      setTimeout(tick, 10);
    };
    // Let the click's handler start its action first.
    setTimeout(tick, 0);
  });
}

/** Click and wait until the action it started has finished. */
export async function clickAndWait(controller: PaneController, element: Element): Promise<void> {
  await act(async () => {
    fireEvent.click(element);
    await untilIdle(controller);
  });
}
