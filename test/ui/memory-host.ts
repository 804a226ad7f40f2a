/**
 * An in-memory WorkbookHost for the task pane tests: sheets are Grids built in the test; every call is
 * recorded (reads, selections, writes, inserted templates, settings) and failures can be injected.
 */
import { HostError, type HostCapabilities, type HostWarning, type ReadOptions, type ReadResult, type TemplatePlan, type WorkbookHost, type WriteResult } from "../../src/adapters/officejs/host";
import type { Grid } from "../../src/engine/grid";
import { OUTPUT_SHEETS, type SheetPlan } from "../../src/engine/summary/plan";

export interface MemoryHostOptions {
  fileName?: string;
  settings?: Record<string, unknown>;
  /** Make an operation fail with this HostError. */
  fail?: Partial<Record<"read" | "write" | "insert" | "select" | "saveSetting", HostError>>;
  /** Non-fatal problems the host reports with every read / write. */
  readWarnings?: HostWarning[];
  writeWarnings?: HostWarning[];
}

export class MemoryHost implements WorkbookHost {
  readonly fileName_: string;
  sheets: Grid[];
  readonly reads: ReadOptions[] = [];
  readonly selections: { sheet: string; cell: string }[] = [];
  readonly writes: SheetPlan[][] = [];
  readonly inserts: TemplatePlan[][] = [];
  readonly settings: Map<string, unknown>;
  fail: MemoryHostOptions["fail"];
  readonly readWarnings: HostWarning[];
  readonly writeWarnings: HostWarning[];

  constructor(grids: Grid[], opts: MemoryHostOptions = {}) {
    this.sheets = grids;
    this.fileName_ = opts.fileName ?? "部门自评.xlsx";
    this.settings = new Map(Object.entries(opts.settings ?? {}));
    this.fail = opts.fail ?? {};
    this.readWarnings = opts.readWarnings ?? [];
    this.writeWarnings = opts.writeWarnings ?? [];
  }

  capabilities(): HostCapabilities {
    return { kind: "excel", mergedAreas: true, charts: true, hyperlinks: true, select: true, settings: true, protectionCheck: true };
  }

  async fileName(): Promise<string> {
    return this.fileName_;
  }

  async readWorkbook(opts: ReadOptions = {}): Promise<ReadResult> {
    this.reads.push(opts);
    if (this.fail?.read) throw this.fail.read;
    const total = this.sheets.reduce((a, g) => a + g.values.length, 0);
    opts.onProgress?.(total, total);
    return {
      fileName: this.fileName_,
      grids: this.sheets.map((g) => ({ ...g, values: g.values.map((r) => [...r]) })),
      sheets: this.sheets.map((g) => ({ name: g.sheet, visibility: "Visible", used: null })),
      stats: { syncs: 3, maxBatchBytes: 0 },
      warnings: this.readWarnings,
    };
  }


  async writeSheets(plans: SheetPlan[]): Promise<WriteResult> {
    this.writes.push(plans);
    if (this.fail?.write) throw this.fail.write;
    const out = new Set<string>(OUTPUT_SHEETS);
    this.sheets = this.sheets.filter((g) => !out.has(g.sheet));
    for (const p of plans) this.sheets.push({ sheet: p.name, top: 0, left: 0, values: p.rows.map((r) => r.map((c) => c.v)), merges: [] });
    return { sheets: plans.map((p) => p.name), warnings: this.writeWarnings, stats: { syncs: 3, maxBatchBytes: 0 } };
  }

  async insertTemplates(plans: TemplatePlan[]): Promise<WriteResult> {
    this.inserts.push(plans);
    if (this.fail?.insert) throw this.fail.insert;
    const names: string[] = [];
    for (const p of plans) {
      let name = p.name;
      for (let i = 2; this.sheets.some((g) => g.sheet === name); i++) name = `${p.name} (${i})`;
      names.push(name);
      this.sheets.push({ sheet: name, top: 0, left: 0, values: p.rows.map((r) => r.map((c) => c.v)), merges: p.merges });
    }
    return { sheets: names, warnings: [], stats: { syncs: 2, maxBatchBytes: 0 } };
  }

  async select(sheet: string, cell: string): Promise<void> {
    if (this.fail?.select) throw this.fail.select;
    if (!this.sheets.some((g) => g.sheet === sheet)) throw new HostError("sheet-not-found", `找不到工作表“${sheet}”`, sheet);
    this.selections.push({ sheet, cell });
  }

  async loadSetting<T>(key: string): Promise<T | null> {
    return (this.settings.has(key) ? (JSON.parse(JSON.stringify(this.settings.get(key))) as T) : null);
  }

  async saveSetting(key: string, value: unknown): Promise<void> {
    if (this.fail?.saveSetting) throw this.fail.saveSetting;
    this.settings.set(key, JSON.parse(JSON.stringify(value)));
  }
}
