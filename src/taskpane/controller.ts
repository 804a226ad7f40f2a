/**
 * The task pane's behaviour, without React: a small store (subscribe / getState, for useSyncExternalStore)
 * and the actions behind the buttons. Every host — Excel, WPS 表格, or file mode's FileHost — is reached only
 * through the host port (engine/host.ts); the engine and the writers are loaded lazily. "Excel" below means any
 * live workbook (Excel or WPS).
 *
 *   Excel:  检查当前工作簿  host.readWorkbook → readWorkbook → check (+ imported files' readings)
 *           写入评价汇总    the same check, then the planSheets job → host.writeSheets (one call)
 *           插入空白模板    blankTemplates → host.insertTemplates
 *           导入其他工作簿  the file read by the product's reader → included in the same check and summary
 *           a finding       host.select(sheet, cell) when it is in this workbook; else its file/sheet/cell shown
 *   File:   选择文件 / drop files (.xlsx .xls .et .ods .xlsb) → read → check; 下载评价结果 (one file: that workbook
 *           plus the output sheets; several: a zip of reviewed copies and the results workbook); 下载空白模板;
 *           抽查 (the sample list, the review workbooks).
 *
 * Readings are kept, so changing the language or the thresholds re-runs only check() (messages are rendered in
 * the report's language); changing the profile reads again first (its vocabulary may know other labels).
 *
 * The engine's heavy calls (reading, check, and the stateless jobs of ./engine-jobs: sheet plans, file mode's
 * downloads, 抽查) go through an EngineRunner (./engine-runner): a dedicated Web Worker where the browser has
 * one, so the pane keeps painting during a check or while a download is built; the pane's own thread where it
 * has none (jsdom), when the engine is injected (tests), or once the worker fails. Checks carry a sequence
 * number: a check's result is shown only if no newer check started.
 */
import type { CellRow } from "../engine/cell-row";
import type { HostError, HostKind, HostWarning, WorkbookHost } from "../engine/host";
import type { Finding, InputError, Report } from "../engine/model";
import type { WorkbookReading } from "../engine/read";
import type { ProfileRef } from "./check-profile";
import { cancelledError, type EngineRunner, type EngineWhere, isCancelled, MainRunner, selectRunner } from "./engine-runner";
import { FileHost } from "./file-host";
import { type Lang, type Msg, msg, render } from "./lang";
import { CUSTOM_PROFILE_MAX, DEFAULT_SETTINGS, normaliseSettings, type PaneSettings, type SettingsStore } from "./settings";
import { EMPTY_FILTER, type FindingFilter, type FindingTarget, fileStem, findingTarget, keepLocalLinks, uniqueFileName } from "./state";

/** "excel": a live workbook (Excel or WPS 表格: see PaneState.hostKind); "file": files the user picks. */
export type Mode = "excel" | "file";
export type Action = "check" | "write" | "templates" | "import" | "files" | "download";
export type Step = "loading" | "reading" | "checking" | "writing" | "building";

export interface Busy {
  action: Action;
  step: Step;
  detail: Msg | null;
  /** 0..1 when known. */
  progress: number | null;
  /** 取消 was pressed: the action stops at its next step. */
  cancelling?: boolean;
}

export interface Source {
  name: string;
  size: number;
  /** Projects found in it (null when it could not be read). */
  projects: number | null;
  error: Msg | null;
}

export type NoticeIntent = "error" | "warning" | "success" | "info";

export interface Notice {
  id: number;
  intent: NoticeIntent;
  title: Msg | null;
  body: Msg;
}

export interface Selection {
  key: string;
  target: FindingTarget;
  /** File mode: the cell's row as the form has it (null while it is fetched or when unknown). */
  row?: CellRow | null;
}

export interface PaneState {
  mode: Mode;
  /** Which host the pane runs in: Excel (Office.js), WPS 表格 (window.Application) or none (file mode). */
  hostKind: HostKind;
  lang: Lang;
  settings: PaneSettings;
  settingsWhere: SettingsStore["where"];
  busy: Busy | null;
  /** The open workbook's name (Excel), known after the first read. */
  hostFile: string | null;
  /** File mode: the picked files; Excel: the imported workbooks. */
  sources: Source[];
  report: Report | null;
  filter: FindingFilter;
  selected: Selection | null;
  notices: Notice[];
  checkedAt: Date | null;
  /** Where the shown report was computed: the engine worker, or the pane's own thread. */
  engineWhere: EngineWhere | null;
  /** The last profile file that could not be imported, with the CLI's words for why (both languages). */
  profileError: { file: string; zh: string; en: string } | null;
}

export type EngineModule = typeof import("./engine-chunk");
export type XlsxModule = typeof import("./xlsx");

/** What the controller reads a picked file through (File, or anything with a name and bytes). */
export interface FileLike {
  name: string;
  size?: number;
  arrayBuffer?: () => Promise<ArrayBuffer>;
}

export interface PaneDeps {
  /** Optional: follows from the host (a live workbook host → "excel"; none → "file"). */
  mode?: Mode;
  /** The live workbook (Excel, WPS); null in file mode, where the pane uses a FileHost (templates as a download). */
  host: WorkbookHost | null;
  lang: Lang;
  settingsStore: SettingsStore;
  /** Where the language choice is remembered (localStorage). */
  langStorage?: Pick<Storage, "setItem"> | null;
  /** Save bytes as a download (default: an <a download href="blob:…"> click); `type` is the file's MIME type. */
  download?: (bytes: Uint8Array, name: string, type?: string) => void;
  /** The engine in the pane's thread (tests inject one; then the worker is not used unless engineRunner is given). */
  loadEngine?: () => Promise<EngineModule>;
  loadXlsx?: () => Promise<XlsxModule>;
  /** Where the engine runs (default: the engine worker when there is a Worker, else the pane's thread). */
  engineRunner?: EngineRunner;
  /** Let the browser paint between steps (default: a macrotask). */
  yieldToUi?: () => Promise<void>;
  now?: () => Date;
}

const defaultLoadEngine = (): Promise<EngineModule> => import(/* webpackChunkName: "engine" */ "./engine-chunk");
const defaultLoadXlsx = (): Promise<XlsxModule> => import(/* webpackChunkName: "xlsx" */ "./xlsx");
/** The worker runner: a small chunk that starts the worker (its own chunk), fetched with the first prefetch. */
const defaultStartWorker = async (): Promise<EngineRunner> => (await import(/* webpackChunkName: "engine-start" */ "./start-worker")).startEngineWorker();

/** "2026-12-05" in the pane's time zone (download names). */
function dateStamp(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Browser download through a blob: link (allowed by the pane's CSP; nothing is sent anywhere). */
export function browserDownload(bytes: Uint8Array, name: string, mime?: string): void {
  const type =
    mime ??
    (/\.zip$/i.test(name)
      ? "application/zip"
      : /\.xlsm$/i.test(name)
        ? "application/vnd.ms-excel.sheet.macroEnabled.12"
        : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  const blob = new Blob([bytes as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.rel = "noopener";
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A picked file's bytes (File.arrayBuffer, or FileReader where that is missing). */
export async function fileBytes(file: FileLike): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === "function") return new Uint8Array(await file.arrayBuffer());
  if (typeof FileReader !== "undefined" && typeof Blob !== "undefined" && file instanceof Blob) {
    return new Promise<Uint8Array>((resolve, reject) => {
      const r = new FileReader();
      r.onload = () => resolve(new Uint8Array(r.result as ArrayBuffer));
      r.onerror = () => reject(r.error);
      r.readAsArrayBuffer(file);
    });
  }
  throw new Error(`cannot read ${file.name}`);
}

function isHostError(e: unknown): e is HostError {
  return e instanceof Error && e.name === "HostError" && typeof (e as { code?: unknown }).code === "string";
}

function isLoadError(e: unknown): e is Error & { code: string; file: string; reason: string } {
  return e instanceof Error && e.name === "LoadError" && typeof (e as { code?: unknown }).code === "string";
}

function firstLine(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m.split("\n")[0].slice(0, 300);
}

/** The message for an error, in message-catalogue terms. */
export function errorMsg(e: unknown): Msg {
  if (isLoadError(e)) return msg(`load.${e.code}` as Msg["key"], { reason: e.reason });
  if (isHostError(e)) {
    const sheet = e.sheet ?? "";
    const reason = e.message;
    switch (e.code) {
      case "protected":
        return sheet ? msg("ui.host.protectedSheet", { sheet }) : msg("ui.host.protected");
      case "sheet-not-found":
        return msg("ui.host.sheetNotFound", { sheet });
      case "bad-address":
      case "cannot-select":
        return msg("ui.host.cannotSelect", { sheet, reason });
      case "payload-too-large":
        return msg("ui.host.payloadTooLarge", { sheet });
      case "read-failed":
        return msg("ui.host.readFailed", { reason });
      case "write-failed":
      case "invalid-plan":
        return msg("ui.host.writeFailed", { reason });
      case "not-in-excel":
        return msg("ui.host.notInExcel");
      case "settings-failed":
        return msg("ui.host.settingsFailed", { reason });
    }
  }
  return msg("ui.notice.unexpected", { reason: firstLine(e) });
}

interface FileEntry {
  name: string;
  size: number;
  /** Kept in file mode (the download is built from them); dropped for imports in Excel. */
  bytes: Uint8Array | null;
  reading: WorkbookReading | null;
  error: Msg | null;
  code: string | null;
}

export class PaneController {
  private state: PaneState;
  private readonly listeners = new Set<() => void>();
  /** The one host port the pane talks to: Excel, WPS, or file mode's FileHost. */
  private readonly host: WorkbookHost;
  private readonly deps: PaneDeps;
  private hostReading: WorkbookReading | null = null;
  private files: FileEntry[] = [];
  private engine: EngineModule | null = null;
  private xlsx: XlsxModule | null = null;
  private engineRunner: EngineRunner | null = null;
  /** Sequence number of the latest check started; a check whose number is no longer the latest is dropped. */
  private checkSeq = 0;
  private noticeId = 0;
  private selectNotice = -1;
  /** currentKey() of the last check. */
  private checkedWith = "";
  /** 取消 was pressed during the running action. */
  private cancelRequested = false;
  /** Rejects (Cancelled) when 取消 is pressed: long awaits race it, so the pane is free at once. */
  private cancelGate: Promise<never> = new Promise<never>(() => undefined);
  private rejectCancel: ((e: Error) => void) | null = null;

  constructor(deps: PaneDeps) {
    this.deps = deps;
    const live = deps.host !== null && deps.mode !== "file" && deps.host.capabilities().kind !== "file";
    this.host =
      live && deps.host
        ? deps.host
        : new FileHost({
            buildTemplates: (plans) => this.runner().job("templates", plans),
            download: (bytes, name) => (this.deps.download ?? browserDownload)(bytes, name),
            templatesName: () => this.text(msg("ui.file.templates")),
          });
    this.state = {
      mode: live ? "excel" : "file",
      hostKind: this.host.capabilities().kind,
      lang: deps.lang,
      settings: { ...DEFAULT_SETTINGS },
      settingsWhere: deps.settingsStore.where,
      busy: null,
      hostFile: null,
      sources: [],
      report: null,
      filter: EMPTY_FILTER,
      selected: null,
      notices: [],
      checkedAt: null,
      engineWhere: null,
      profileError: null,
    };
  }

  // ------------------------------------------------------------------------------------------- store

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): PaneState => this.state;

  private set(patch: Partial<PaneState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  /** Render a message in the current language. */
  text(m: Msg): string {
    return render(this.state.lang, m);
  }

  // ------------------------------------------------------------------------------------------- helpers

  private async loadEngine(): Promise<EngineModule> {
    if (!this.engine) this.engine = await (this.deps.loadEngine ?? defaultLoadEngine)();
    return this.engine;
  }

  private async loadXlsx(): Promise<XlsxModule> {
    if (!this.xlsx) this.xlsx = await (this.deps.loadXlsx ?? defaultLoadXlsx)();
    return this.xlsx;
  }

  /** Where the engine runs: chosen once, on first use. */
  private runner(): EngineRunner {
    if (!this.engineRunner) {
      const main = new MainRunner(
        () => this.loadEngine(),
        () => this.loadXlsx(),
      );
      const workerHere = typeof Worker !== "undefined" && !this.deps.loadEngine;
      this.engineRunner =
        this.deps.engineRunner ??
        selectRunner({
          main,
          startWorker: workerHere ? defaultStartWorker : null,
          onFallback: (reason) => console.warn(`engine worker unavailable, checking in the pane's thread: ${reason}`),
        });
    }
    return this.engineRunner;
  }

  /** Start loading the engine early (after the first paint), so the first check does not wait for it. */
  prefetch(): void {
    this.runner().warm();
  }

  private yieldToUi(): Promise<void> {
    return this.deps.yieldToUi ? this.deps.yieldToUi() : new Promise((resolve) => setTimeout(resolve, 0));
  }

  private async step(action: Action, step: Step, detail: Msg | null = null, progress: number | null = null): Promise<void> {
    this.throwIfCancelled();
    this.set({ busy: { action, step, detail, progress } });
    await this.yieldToUi();
    this.throwIfCancelled();
  }

  /** `p`, or a Cancelled error as soon as 取消 is pressed (whatever `p` still does is ignored). */
  private cancellable<T>(p: Promise<T>): Promise<T> {
    return Promise.race([p, this.cancelGate]);
  }

  private throwIfCancelled(): void {
    if (this.cancelRequested) throw cancelledError();
  }

  /**
   * 取消: stop the running action. Work in the engine worker stops at once (the worker is restarted); in the
   * pane's thread the action stops at its next step. Files read so far stay; the findings shown are the last
   * complete check's.
   */
  cancel(): void {
    const busy = this.state.busy;
    if (!busy || busy.cancelling) return;
    this.cancelRequested = true;
    this.set({ busy: { ...busy, cancelling: true } });
    this.rejectCancel?.(cancelledError());
    this.engineRunner?.cancel();
  }

  private notify(intent: NoticeIntent, body: Msg, title: Msg | null = null): void {
    const notice: Notice = { id: ++this.noticeId, intent, title, body };
    this.set({ notices: [...this.state.notices, notice].slice(-8) });
  }

  dismissNotice(id: number): void {
    this.set({ notices: this.state.notices.filter((n) => n.id !== id) });
  }

  /** Run one user action: one at a time; notices of the previous action are cleared; errors become notices. */
  private async run(action: Action, body: () => Promise<void>): Promise<void> {
    if (this.state.busy) return;
    this.cancelRequested = false;
    this.cancelGate = new Promise<never>((_resolve, reject) => (this.rejectCancel = reject));
    this.cancelGate.catch(() => undefined);
    this.set({ notices: [], busy: { action, step: "loading", detail: null, progress: null } });
    try {
      await body();
    } catch (e) {
      if (isCancelled(e)) {
        this.notify("info", msg("ui.notice.cancelled"));
      } else {
        if (!isHostError(e) && !isLoadError(e)) console.error(e);
        this.notify("error", errorMsg(e));
      }
    } finally {
      this.cancelRequested = false;
      this.rejectCancel = null;
      this.cancelGate = new Promise<never>(() => undefined);
      this.set({ busy: null });
      // Language or settings changed while the action ran: bring the findings up to date.
      if (this.state.report && this.checkedWith !== this.currentKey()) void this.recheckQuietly();
    }
  }

  /** The language and settings a report depends on. */
  private currentKey(): string {
    return JSON.stringify([this.state.lang, this.state.settings]);
  }

  private sourcesView(): Source[] {
    return this.files.map((f) => ({ name: f.name, size: f.size, projects: f.reading ? f.reading.projects.length : null, error: f.error }));
  }

  /**
   * check() over everything read so far (the open workbook and the files); no reading. Returns the report now
   * shown, or null when there is nothing to check or a newer check started meanwhile (its result wins: this
   * one's is dropped).
   */
  private async recheck(): Promise<Report | null> {
    const seq = ++this.checkSeq;
    const readings: WorkbookReading[] = [];
    if (this.hostReading) readings.push(this.hostReading);
    for (const f of this.files) if (f.reading) readings.push(f.reading);
    const inputFiles = this.files.filter((f) => f.error).map((f) => ({ name: f.name, code: f.code, error: f.error! }));
    if (readings.length === 0 && inputFiles.length === 0) {
      this.set({ report: null, selected: null, sources: this.sourcesView(), checkedAt: null, engineWhere: null });
      return null;
    }
    const { settings, lang } = this.state;
    this.checkedWith = this.currentKey();
    let result: Awaited<ReturnType<EngineRunner["check"]>>;
    try {
      result = await this.cancellable(this.runner().check(readings, { profile: settings.profile, custom: settings.custom, lang, gap: settings.gap, severeGap: settings.severeGap }));
    } catch (e) {
      // A newer check started meanwhile: this one's failure is as stale as its result would be.
      if (seq !== this.checkSeq) return null;
      throw e;
    }
    if (seq !== this.checkSeq) return null;
    const { report, where } = result;
    const inputErrors: InputError[] = inputFiles.map((f) => ({ file: f.name, code: f.code ?? "unreadable", message: render(lang, f.error) }));
    const shown: Report = { ...report, inputErrors };
    this.set({
      report: shown,
      selected: null,
      sources: this.sourcesView(),
      checkedAt: (this.deps.now ?? (() => new Date()))(),
      engineWhere: where,
    });
    return shown;
  }

  /** A check outside an action (language or settings changed): its error becomes a notice. */
  private async recheckQuietly(): Promise<void> {
    try {
      await this.recheck();
    } catch (e) {
      if (!isHostError(e) && !isLoadError(e)) console.error(e);
      this.notify("error", errorMsg(e));
    }
  }

  /** The live workbook's host (Excel, WPS); file mode has none to read or write. */
  private requireHost(): WorkbookHost {
    if (this.state.mode !== "excel") throw Object.assign(new Error("not in Excel"), { name: "HostError", code: "not-in-excel" });
    return this.host;
  }

  /** Read the open workbook (progress by rows on big workbooks). */
  private async readHost(action: Action): Promise<void> {
    const host = this.requireHost();
    await this.step(action, "reading", msg("ui.step.reading"));
    const result = await this.cancellable(host.readWorkbook({
      onProgress: (read, total) => {
        if (total > 0) this.set({ busy: { action, step: "reading", detail: msg("ui.step.readingRows", { read, total }), progress: read / total } });
      },
    }));
    this.hostWarnings(result.warnings ?? []);
    this.hostReading = await this.runner().read({ file: result.fileName, grids: result.grids }, this.profileRef());
    this.set({ hostFile: result.fileName });
  }

  /** The profile whose vocabulary the reader uses (a county's own labels): the current settings'. */
  private profileRef(): ProfileRef {
    const s = this.state.settings;
    return { profile: s.profile, custom: s.custom };
  }

  /**
   * The profile changed, and with it the labels the reader knows: read again what was read (the picked files from
   * the bytes kept; the open workbook through the host), then check.
   */
  private async rereadQuietly(): Promise<void> {
    if (this.state.mode === "excel") {
      await this.checkWorkbook();
      return;
    }
    try {
      const runner = this.runner();
      for (const f of this.files) {
        if (!f.bytes) continue;
        try {
          f.reading = await runner.readFile({ name: f.name, bytes: f.bytes }, this.profileRef());
          f.error = null;
          f.code = null;
        } catch (e) {
          f.reading = null;
          f.error = errorMsg(e);
          f.code = isLoadError(e) ? e.code : "unreadable";
        }
      }
      await this.recheck();
    } catch (e) {
      if (!isHostError(e) && !isLoadError(e)) console.error(e);
      this.notify("error", errorMsg(e));
    }
  }

  /** A host's non-fatal problems, each worded from the catalogue in the user's language. */
  private hostWarnings(warnings: HostWarning[]): void {
    for (const w of warnings) {
      const { id, ...params } = w;
      this.notify("warning", msg("ui.notice.hostWarning", { text: msg(`ui.hostWarning.${id}`, params) }));
    }
  }

  private async checkAll(action: Action): Promise<Report | null> {
    const projects =
      (this.hostReading?.projects.length ?? 0) + this.files.reduce((a, f) => a + (f.reading ? f.reading.projects.length : 0), 0);
    await this.step(action, "checking", msg("ui.step.checking", { projects }));
    return this.recheck();
  }

  // ------------------------------------------------------------------------------------------- actions

  /** Load the saved settings (document settings in Excel, localStorage in file mode). */
  async init(): Promise<void> {
    try {
      const saved = await this.deps.settingsStore.load();
      if (saved) this.set({ settings: saved });
    } catch (e) {
      this.notify("warning", errorMsg(e));
    }
  }

  /** 检查当前工作簿 (Excel). */
  checkWorkbook(): Promise<void> {
    return this.run("check", async () => {
      await this.readHost("check");
      await this.checkAll("check");
    });
  }

  /** 写入评价汇总 (Excel): a fresh check, then the output sheets in one writeSheets call. */
  writeSummary(): Promise<void> {
    return this.run("write", async () => {
      const host = this.requireHost();
      await this.readHost("write");
      const report = await this.checkAll("write");
      if (!report) return;
      await this.step("write", "writing", msg("ui.step.writing"));
      const plans = keepLocalLinks(await this.runner().job("planSheets", report, this.state.lang), this.state.hostFile ?? "");
      const result = await host.writeSheets(plans);
      this.notify("success", msg("ui.notice.wrote", { sheets: result.sheets.map((s) => `“${s}”`).join("") }));
      this.hostWarnings(result.warnings);
    });
  }

  /** 插入空白模板 (a live workbook: new sheets) / 下载空白模板 (file mode's host: a workbook download). */
  insertTemplates(): Promise<void> {
    return this.run("templates", async () => {
      const engine = await this.loadEngine();
      const plans = engine.blankTemplates();
      const live = this.state.mode === "excel";
      await this.step("templates", live ? "writing" : "building", msg(live ? "ui.step.templates" : "ui.step.building"));
      const result = await this.host.insertTemplates(plans);
      if (result.download !== undefined) this.notify("success", msg("ui.notice.downloaded", { file: result.download }));
      else this.notify("success", msg("ui.notice.templates", { sheets: result.sheets.map((s) => `“${s}”`).join("") }));
      this.hostWarnings(result.warnings);
    });
  }

  /**
   * Add picked files: file mode checks them (with the files picked before); in Excel they are imported and
   * checked together with the open workbook. A file with the name of one already there replaces it.
   */
  addFiles(list: readonly FileLike[]): Promise<void> {
    const action: Action = this.state.mode === "excel" ? "import" : "files";
    return this.run(action, async () => {
      if (list.length === 0) return;
      const keep = this.state.mode === "file";
      let hostName: string | null = null;
      if (this.state.mode === "excel") hostName = this.state.hostFile ?? (await this.requireHost().fileName());
      await this.step(action, "loading", msg("ui.step.loadingExcel"));
      const runner = this.runner();
      await runner.prepareFiles();
      let i = 0;
      let left = 0;
      for (const file of list) {
        i++;
        const name = hostName ? uniqueFileName(file.name, [hostName]) : file.name;
        if (this.cancelRequested) {
          left = list.length - i + 1;
          break;
        }
        this.set({ busy: { action, step: "reading", detail: msg("ui.step.readingFile", { file: name, index: i, count: list.length }), progress: (i - 1) / list.length } });
        await this.yieldToUi();
        const entry: FileEntry = { name, size: file.size ?? 0, bytes: null, reading: null, error: null, code: null };
        try {
          const bytes = await fileBytes(file);
          entry.size = bytes.byteLength;
          entry.reading = await this.cancellable(runner.readFile({ name, bytes }, this.profileRef()));
          if (keep) entry.bytes = bytes;
        } catch (e) {
          if (isCancelled(e) || this.cancelRequested) {
            left = list.length - i + 1;
            break;
          }
          // Said once, in the sources list (its row names the file and why), not again in a banner.
          entry.error = errorMsg(e);
          entry.code = isLoadError(e) ? e.code : "unreadable";
        }
        const at = this.files.findIndex((f) => f.name.toLowerCase() === name.toLowerCase());
        if (at >= 0) this.files[at] = entry;
        else this.files.push(entry);
        this.set({ sources: this.sourcesView() });
      }
      if (left > 0) {
        // 取消 while reading: the files read so far are checked (that check can be cancelled again); the rest were
        // not added.
        this.cancelRequested = false;
        this.cancelGate = new Promise<never>((_resolve, reject) => (this.rejectCancel = reject));
        this.cancelGate.catch(() => undefined);
        const busy = this.state.busy;
        if (busy) this.set({ busy: { ...busy, cancelling: false } });
        this.notify("info", msg("ui.notice.cancelledFiles", { count: left }));
      }
      if (this.state.mode === "excel") await this.readHost(action);
      await this.checkAll(action);
    });
  }

  /** Remove one picked / imported file and check the rest again. */
  removeFile(name: string): Promise<void> {
    return this.run(this.state.mode === "excel" ? "import" : "files", async () => {
      this.files = this.files.filter((f) => f.name !== name);
      await this.recheck();
    });
  }

  clearFiles(): Promise<void> {
    return this.run(this.state.mode === "excel" ? "import" : "files", async () => {
      this.files = [];
      await this.recheck();
    });
  }

  /**
   * 下载评价结果 (file mode): one file → its reviewed copy; several → a zip of the reviewed copies plus the results
   * workbook (`copies`), or the results workbook alone (`results`).
   */
  downloadReviewed(kind: "copies" | "results" = "copies"): Promise<void> {
    return this.run("download", async () => {
      const report = this.state.report;
      const files = this.files.filter((f) => f.reading && f.bytes);
      if (!report || files.length === 0) {
        this.notify("warning", msg("ui.notice.nothingToDownload"));
        return;
      }
      await this.step("download", "building", msg("ui.step.building"));
      let bytes: Uint8Array;
      try {
        // The entries keep their bytes: a worker gets a copy, and the next download reads them again.
        bytes = await this.cancellable(this.runner().job(
          "reviewed",
          report,
          files.map((f) => ({ name: f.name, bytes: f.bytes! })),
          this.state.lang,
          files.length > 1 ? kind : undefined,
        ));
      } catch (e) {
        if (!isLoadError(e)) throw e;
        // A file that was read before cannot be reloaded: name it.
        this.notify("error", errorMsg(e), msg("ui.notice.fileError", { file: e.file }));
        return;
      }
      const name =
        files.length > 1
          ? this.text(msg(kind === "results" ? "ui.file.resultsAll" : "ui.file.resultsZipAll", { count: files.length, date: dateStamp((this.deps.now ?? (() => new Date()))()) }))
          : this.text(msg(/\.xlsm$/i.test(files[0].name) ? "ui.file.reviewedMacro" : "ui.file.reviewed", { stem: fileStem(files[0].name) }));
      (this.deps.download ?? browserDownload)(bytes, name);
      this.notify("success", msg("ui.notice.downloaded", { file: name }));
    });
  }

  /**
   * 评价报告（Word）: the last check's report as a .docx in the official-document layout (adapters/docx), in both
   * modes. The summary and docx modules are loaded on this first use only.
   */
  downloadReport(): Promise<void> {
    return this.run("download", async () => {
      const report = this.state.report;
      if (!report) {
        this.notify("warning", msg("ui.notice.nothingToDownload"));
        return;
      }
      await this.step("download", "building", msg("ui.step.buildingReport"));
      const [{ reportDocument }, { reportDocx, DOCX_MIME }] = await Promise.all([
        import(/* webpackChunkName: "report-docx" */ "../engine/summary"),
        import(/* webpackChunkName: "report-docx" */ "../adapters/docx/report"),
      ]);
      const bytes = await reportDocx(reportDocument(report, { lang: this.state.lang }));
      const name = this.text(msg("ui.file.report"));
      (this.deps.download ?? browserDownload)(bytes, name, DOCX_MIME);
      this.notify("success", msg("ui.notice.downloaded", { file: name }));
    });
  }

  /**
   * 抽查 (issue 16): draw the spot-check sample from the last check's projects and download the 抽查名单 (a 抽查复核
   * list with its seed and 抽样说明, engine/sample). Returns the draw so the pane can show its strata; null when
   * there is nothing to draw from. The sampling and writer modules are loaded on this first use only.
   */
  async downloadSampleList(opts: import("../engine/sample").SampleOptions): Promise<import("../engine/sample").SampleResult | null> {
    const report = this.state.report;
    if (!report) {
      this.notify("warning", msg("ui.notice.nothingToDownload"));
      return null;
    }
    let result: import("../engine/sample").SampleResult | null = null;
    await this.run("download", async () => {
      await this.step("download", "building", msg("ui.step.building"));
      const year = report.projects.find((p) => p.year !== null)?.year ?? null;
      const { sample: s, bytes } = await this.cancellable(this.runner().job("sampleList", report.projects, opts, year));
      if (!bytes) {
        this.notify("warning", msg("ui.sample.empty"));
        return;
      }
      const name = this.text(msg("ui.sample.file"));
      (this.deps.download ?? browserDownload)(bytes, name);
      this.notify("success", msg("ui.notice.downloaded", { file: name }));
      result = s;
    });
    return result;
  }

  /**
   * The review workbooks (issue 16) for the projects of a draw: one 项目编码&项目名称&日期.xlsx per project (实际绩效,
   * 自评质量, 抽评发现的问题), downloaded as one zip — what `bpr review-forms` writes into a folder.
   */
  downloadReviewForms(projectIds: readonly string[]): Promise<void> {
    return this.run("download", async () => {
      const report = this.state.report;
      const projects = report ? projectIds.map((id) => report.projects.find((p) => p.id === id)).filter((p): p is NonNullable<typeof p> => p !== undefined) : [];
      if (!report || projects.length === 0) {
        this.notify("warning", msg("ui.notice.nothingToDownload"));
        return;
      }
      await this.step("download", "building", msg("ui.step.building"));
      const d = (this.deps.now ?? (() => new Date()))();
      const date = `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, "0")}${String(d.getDate()).padStart(2, "0")}`;
      const items = projects.map((p) => ({ project: p, findings: report.findings.filter((f) => f.projectId === p.id) }));
      const zip = await this.cancellable(this.runner().job("reviewForms", items, date));
      const name = this.text(msg("ui.sample.formsFile"));
      (this.deps.download ?? browserDownload)(zip, name, "application/zip");
      this.notify("success", msg("ui.notice.downloaded", { file: name }));
    });
  }

  /** A finding was chosen: select its cell in Excel, or show where it is. */
  async selectFinding(key: string, finding: Finding): Promise<void> {
    const target = findingTarget(finding, this.state.mode === "excel" ? this.state.hostFile : null);
    // A failed selection's message goes when the next finding is chosen.
    const notices = this.state.notices.filter((n) => n.id !== this.selectNotice);
    this.set({ selected: { key, target, row: null }, notices });
    if (!target.selectable && this.state.mode === "file" && target.sheet && target.cell) {
      // File mode: show the cell's row as the form has it (from the grids kept when the file was read).
      try {
        const row = await this.runner().cellRow(target.file, target.sheet, target.cell);
        if (this.state.selected?.key === key) this.set({ selected: { key, target, row } });
      } catch (_e) {
        // The row is a help, not a must: the location is shown anyway.
      }
      return;
    }
    if (!target.selectable || !this.host.capabilities().select) return;
    try {
      await this.host.select(target.sheet!, target.cell!);
    } catch (e) {
      this.notify("error", errorMsg(e));
      this.selectNotice = this.noticeId;
    }
  }

  setFilter(filter: FindingFilter): void {
    this.set({ filter });
  }

  /**
   * A project chosen in the projects table: the findings show that project only (null: all again); in Excel its
   * sheet is selected at the project's title cell.
   */
  async openProject(key: string | null, where: { file: string; sheet: string | null; cell: string | null } | null = null): Promise<void> {
    this.set({ filter: { ...this.state.filter, project: key }, selected: null });
    if (!key || !where || this.state.mode !== "excel" || where.file !== this.state.hostFile || !where.sheet) return;
    if (!this.host.capabilities().select) return;
    try {
      await this.host.select(where.sheet, where.cell ?? "A1");
    } catch (e) {
      this.notify("error", errorMsg(e));
    }
  }

  /**
   * 导入评分配置: a county's own profile JSON, validated as `bpr check --profile FILE.json` validates it (the same
   * loader, the same words). A valid profile is chosen and saved with the settings; an invalid one is named with
   * every problem, and the settings stay as they were.
   */
  async importProfile(file: FileLike): Promise<boolean> {
    let text: string;
    try {
      const bytes = await fileBytes(file);
      if (bytes.byteLength > CUSTOM_PROFILE_MAX) throw new Error(`larger than ${CUSTOM_PROFILE_MAX / 1024} KB`);
      text = new TextDecoder("utf-8").decode(bytes);
    } catch (e) {
      const reason = firstLine(e);
      this.set({ profileError: { file: file.name, zh: `无法读取 ${file.name}：${reason}`, en: `Cannot read ${file.name}: ${reason}` } });
      return false;
    }
    const engine = await this.loadEngine();
    try {
      engine.loadProfile(text, file.name);
    } catch (e) {
      this.set({ profileError: { file: file.name, zh: engine.profileErrorText(e, "zh"), en: engine.profileErrorText(e, "en") } });
      return false;
    }
    this.set({ profileError: null });
    this.notify("success", msg("ui.settings.profileImported", { file: file.name }));
    await this.setSettings({ profile: "custom", custom: { source: file.name, text } });
    return true;
  }

  /** New settings (already validated by the form): saved, and the findings recomputed. */
  async setSettings(patch: Partial<PaneSettings>): Promise<void> {
    const before = this.state.settings;
    const settings = normaliseSettings({ ...before, ...patch });
    this.set({ settings });
    // Another profile may know other labels (its vocabulary): what was read is read again before the check.
    const reread = before.profile !== settings.profile || before.custom?.text !== settings.custom?.text;
    if (this.state.report && !this.state.busy) void (reread ? this.rereadQuietly() : this.recheckQuietly());
    try {
      await this.deps.settingsStore.save(settings);
    } catch (e) {
      this.notify("warning", errorMsg(e));
    }
  }

  setLang(lang: Lang): void {
    if (lang === this.state.lang) return;
    this.set({ lang });
    try {
      this.deps.langStorage?.setItem("bpr.lang", lang);
    } catch (_e) {
      // Storage refused (private mode): the choice lasts for this session.
    }
    // Findings are rendered in the report's language: check again from the readings (no re-reading).
    if (this.state.report && !this.state.busy) void this.recheckQuietly();
  }
}
