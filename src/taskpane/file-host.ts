/**
 * File mode's implementation of the host port (engine/host.ts), so the pane talks to one port whatever it runs in.
 *
 * There is no live workbook: the workbooks are files the user picks (read through the engine runner by the
 * controller), nothing can be selected (capabilities.select is false), and what a live host writes into the open
 * workbook becomes a download — the blank templates as one .xlsx, built by the engine runner (the worker). The
 * reviewed workbook is built from the picked files' bytes and the report, not from plans, so it stays the
 * controller's 下载评价结果; `writeSheets` here refuses. Settings live in this browser's localStorage.
 */
import {
  HostError,
  type HostCapabilities,
  type ReadOptions,
  type ReadResult,
  type TemplatePlan,
  type WorkbookHost,
  type WriteResult,
} from "../engine/host";
import type { SheetPlan } from "../engine/summary/plan";

export interface FileHostDeps {
  /** The templates workbook's bytes (the engine runner's `templates`). */
  buildTemplates: (plans: TemplatePlan[]) => Promise<Uint8Array>;
  /** Offer bytes as a download under a file name. */
  download: (bytes: Uint8Array, name: string) => void;
  /** The download's file name, in the pane's language ("绩效评价空白模板.xlsx"). */
  templatesName: () => string;
  /** Where settings are kept (null: not kept). */
  storage?: Pick<Storage, "getItem" | "setItem"> | null;
}

const NO_WORKBOOK = "文件模式没有打开的工作簿：请选择文件。";

export class FileHost implements WorkbookHost {
  constructor(private readonly deps: FileHostDeps) {}

  capabilities(): HostCapabilities {
    return {
      kind: "file",
      mergedAreas: true,
      charts: false,
      hyperlinks: true,
      select: false,
      settings: !!this.deps.storage,
      protectionCheck: false,
      autoFilter: true,
    };
  }

  async fileName(): Promise<string> {
    return "";
  }

  /** No open workbook: nothing to read (the picked files are read by the controller). */
  async readWorkbook(_opts: ReadOptions = {}): Promise<ReadResult> {
    return { fileName: "", grids: [], sheets: [], stats: { syncs: 0, maxBatchBytes: 0 } };
  }


  async writeSheets(_plans: SheetPlan[]): Promise<WriteResult> {
    throw new HostError("not-in-excel", NO_WORKBOOK);
  }

  /** The blank templates as one workbook, offered as a download. */
  async insertTemplates(plans: TemplatePlan[]): Promise<WriteResult> {
    const bytes = await this.deps.buildTemplates(plans);
    const name = this.deps.templatesName();
    this.deps.download(bytes, name);
    return { sheets: plans.map((p) => p.name), warnings: [], stats: { syncs: 0, maxBatchBytes: 0 }, download: name };
  }

  async select(sheet: string, cell: string): Promise<void> {
    throw new HostError("cannot-select", `文件模式无法定位单元格：${sheet}!${cell}`, sheet);
  }

  async loadSetting<T>(key: string): Promise<T | null> {
    try {
      const text = this.deps.storage?.getItem(key) ?? null;
      return text ? (JSON.parse(text) as T) : null;
    } catch (_e) {
      return null;
    }
  }

  async saveSetting(key: string, value: unknown): Promise<void> {
    try {
      this.deps.storage?.setItem(key, JSON.stringify(value));
    } catch (e) {
      throw new HostError("settings-failed", `设置未能保存：${(e as Error)?.message ?? String(e)}`, undefined, e);
    }
  }
}
