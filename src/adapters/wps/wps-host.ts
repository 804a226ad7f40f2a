/**
 * The WPS 表格 implementation of the host port (engine/host.ts): the active workbook in WPS Office (Windows and
 * the domestic Linux desktops), through the global `window.Application` a WPS 加载项's pages get.
 *
 * Everything WPS-specific comes in as `app` (default: window.Application), so tests and the browser tests run
 * it against test/helpers/fake-wps.ts. WPS calls are synchronous; the port's promises resolve after them.
 * Settings are saved with the workbook as a custom document property (they travel with the file like Excel's
 * document settings); where the workbook refuses one, in the add-in's PluginStorage (this WPS session only).
 */
import { a1 } from "../../engine/grid";
import {
  HostError,
  type HostCapabilities,
  type ReadOptions,
  type ReadResult,
  type TemplatePlan,
  type WorkbookHost,
  type WriteResult,
} from "../../engine/host";
import type { SheetPlan } from "../../engine/summary/plan";
import { parseAddress } from "../officejs/address";
import { MSO_PROPERTY_TYPE_STRING, type WpsApplication, type WpsDocumentProperty, XL_SHEET_VISIBLE } from "./api";
import { wpsApplication } from "./detect";
import { activeWorkbook, readWorkbook, type WpsReadCounts, worksheetsOf } from "./read";
import { insertTemplateSheets, mapWpsWriteError, writeOutputSheets } from "./write";

/** Office's limit on a custom document property's text. */
const PROPERTY_TEXT_MAX = 255;

function readError(e: unknown): HostError {
  if (e instanceof HostError) return e;
  const message = (e as { message?: unknown } | null)?.message;
  return new HostError("read-failed", `读取工作簿失败：${typeof message === "string" ? message : String(e)}`, undefined, e);
}

export class WpsHost implements WorkbookHost {
  /** Calls of the last read (tests, benchmark). */
  lastRead: WpsReadCounts = { valueReads: 0, formatReads: 0, mergeReads: 0 };

  constructor(private readonly app: WpsApplication) {}

  capabilities(): HostCapabilities {
    return {
      kind: "wps",
      mergedAreas: true,
      charts: false,
      hyperlinks: true,
      select: true,
      settings: true,
      protectionCheck: true,
      autoFilter: true,
    };
  }

  async fileName(): Promise<string> {
    try {
      return activeWorkbook(this.app).Name;
    } catch (e) {
      throw readError(e);
    }
  }

  async readWorkbook(opts: ReadOptions = {}): Promise<ReadResult> {
    try {
      this.lastRead = { valueReads: 0, formatReads: 0, mergeReads: 0 };
      return readWorkbook(this.app, opts, this.lastRead);
    } catch (e) {
      throw readError(e);
    }
  }


  async writeSheets(plans: SheetPlan[]): Promise<WriteResult> {
    try {
      return writeOutputSheets(this.app, plans);
    } catch (e) {
      throw mapWpsWriteError(e);
    }
  }

  async insertTemplates(plans: TemplatePlan[]): Promise<WriteResult> {
    try {
      return insertTemplateSheets(this.app, plans);
    } catch (e) {
      throw mapWpsWriteError(e);
    }
  }

  async select(sheet: string, cell: string): Promise<void> {
    const a = parseAddress(cell);
    if (!a || (a.sheet !== null && a.sheet !== sheet)) throw new HostError("bad-address", `单元格地址无效：${cell}`, sheet);
    const ref = a.top === a.bottom && a.left === a.right ? a1(a.top, a.left) : `${a1(a.top, a.left)}:${a1(a.bottom, a.right)}`;
    let ws;
    try {
      ws = worksheetsOf(activeWorkbook(this.app)).find((w) => w.Name === sheet);
    } catch (e) {
      throw readError(e);
    }
    if (!ws) throw new HostError("sheet-not-found", `找不到工作表“${sheet}”（可能已被重命名或删除）。`, sheet);
    if (ws.Visible !== XL_SHEET_VISIBLE && ws.Visible !== (true as unknown)) {
      throw new HostError("cannot-select", `无法定位到“${sheet}”!${ref}（工作表被隐藏）。`, sheet);
    }
    try {
      ws.Activate();
      ws.Range(ref).Select();
    } catch (e) {
      throw new HostError("cannot-select", `无法定位到“${sheet}”!${ref}：${(e as Error)?.message ?? String(e)}`, sheet, e);
    }
  }

  /** The custom document property named `key`, if the workbook has one. */
  private property(key: string): WpsDocumentProperty | null {
    const props = activeWorkbook(this.app).CustomDocumentProperties;
    for (let i = 1; i <= props.Count; i++) {
      const p = props.Item(i);
      if (p.Name === key) return p;
    }
    return null;
  }

  async loadSetting<T>(key: string): Promise<T | null> {
    let text: unknown = null;
    try {
      text = this.property(key)?.Value ?? null;
    } catch (_e) {
      text = null;
    }
    if (text === null || text === "") {
      try {
        text = this.app.PluginStorage?.getItem(key) ?? null;
      } catch (_e) {
        text = null;
      }
    }
    if (typeof text !== "string" || text === "") return null;
    try {
      return JSON.parse(text) as T;
    } catch (_e) {
      return null;
    }
  }

  async saveSetting(key: string, value: unknown): Promise<void> {
    const text = JSON.stringify(value);
    if (text.length > PROPERTY_TEXT_MAX) throw new HostError("settings-failed", `设置过长（${text.length} 个字符），未能保存。`);
    try {
      const existing = this.property(key);
      if (existing) existing.Value = text;
      else activeWorkbook(this.app).CustomDocumentProperties.Add(key, false, MSO_PROPERTY_TYPE_STRING, text);
      return;
    } catch (e) {
      // The workbook refused (e.g. read-only): keep it for this WPS session in the add-in's storage.
      const storage = this.app.PluginStorage;
      if (!storage) throw new HostError("settings-failed", `设置未能保存：${(e as Error)?.message ?? String(e)}`, undefined, e);
      storage.setItem(key, text);
    }
  }
}

export { wpsApplication };

export function createWpsHost(app: WpsApplication | null = wpsApplication()): WpsHost {
  if (!app) throw new HostError("not-in-excel", "未在 WPS 表格中运行（window.Application 不可用）。");
  return new WpsHost(app);
}
