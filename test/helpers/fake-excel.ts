/**
 * An in-memory fake of the parts of the Excel JavaScript API the Office.js adapter uses, with Office.js's
 * batching semantics, so adapter tests and the benchmark can count round trips and payload bytes.
 *
 * Modelled:
 * - proxies queue commands; nothing happens until `context.sync()`, which runs them in order; a failing command
 *   stops the batch (earlier commands stay applied, like Excel) and rejects the sync with {code, message};
 * - `load()` then `sync()` before reading: reading a property that was not loaded and synced throws
 *   (PropertyNotLoaded), like Office.js; `isNullObject` is readable after the sync that follows an *OrNullObject;
 * - workbook.worksheets (items, getItem, getItemOrNullObject, add, getActiveWorksheet), workbook.name,
 *   workbook.protection, worksheet name/visibility/protection/activate/delete/rename/freezePanes/charts,
 *   getUsedRangeOrNullObject(valuesOnly), getRange(address?), getRangeByIndexes, range address/rowCount/
 *   columnCount/values/numberFormat/hyperlink/format (any property)/merge/select, getMergedAreasOrNullObject (ExcelApi 1.13);
 * - `range.values = …` parses input like Excel does when typing: "=…" (and "+x", "-x", "@x" that are not
 *   numbers) become formulas, "0012" → 12, "50%" → 0.5, "TRUE" → true, ISO dates → serials; a leading
 *   apostrophe keeps the rest as text (quote prefix); a cell formatted "@" keeps input as text;
 * - payload: every sync's request bytes (JSON of written data + a fixed cost per command) and response bytes
 *   (JSON of loaded data); a sync whose response or request exceeds `payloadLimit` (5 MB, Excel on the web)
 *   fails with ResponsePayloadSizeLimitExceeded / RequestPayloadSizeLimitExceeded;
 * - requirement sets: `requirements.isSetSupported("ExcelApi", v)` answers from `apiVersion`, and APIs above it
 *   fail at sync with ApiNotFound.
 *
 * Not modelled: formulas are not evaluated (a formula cell's value is the text "#FORMULA" unless the fixture
 * gives a cached value), styles are stored as plain key/value pairs, no events, no undo.
 */
import { utf8Length } from "../../src/adapters/officejs/values";
import { a1, parseA1 } from "../../src/engine/grid";

type Prim = string | number | boolean;

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export type FakeCellInput = Prim | null | undefined | { v?: Prim | null; f?: string; fmt?: string };

export interface FakeSheetInit {
  name: string;
  /** Cells placed from (top, left), default A1. */
  rows?: FakeCellInput[][];
  top?: number;
  left?: number;
  /** Number formats, same shape as rows (null = General). */
  formats?: (string | null)[][];
  /** Number format per column (relative to `left`), for big generated sheets. */
  columnFormats?: (string | null)[];
  /** Merged areas: "A1:C1" or rectangles (absolute, 0-based). */
  merges?: (string | Rect)[];
  visibility?: "Visible" | "Hidden" | "VeryHidden";
  protected?: boolean;
}

export interface FakeExcelOptions {
  /** Highest ExcelApi set supported (default "1.13"). */
  apiVersion?: string;
  /** Max bytes of one sync's request or response (default 5 MB). */
  payloadLimit?: number;
  workbookProtected?: boolean;
  /** Workbook file name (default "workbook.xlsx"). */
  name?: string;
  /** Charts supported (default true). */
  charts?: boolean;
  /** Make a command fail at sync: return an error code to throw, or null. */
  failWhen?: (cmd: { kind: string; sheet?: string }) => string | null;
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  commands: number;
}

export interface FakeStats {
  syncs: number;
  /** max over syncs of max(request, response) bytes. */
  maxPayloadBytes: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  totalResponseBytes: number;
  commands: number;
  perSync: SyncRecord[];
}

export class FakeOfficeError extends Error {
  override readonly name = "RichApi.Error";
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;
const KEY_STRIDE = 20000;
const key = (r: number, c: number): number => r * KEY_STRIDE + c;

/** "B2:C4" (no sheet part) → Rect. */
export function parseRef(ref: string): Rect | null {
  const bang = ref.lastIndexOf("!");
  const parts = (bang >= 0 ? ref.slice(bang + 1) : ref).split(":");
  const a = parseA1(parts[0]);
  const b = parts.length > 1 ? parseA1(parts[1]) : a;
  if (!a || !b || parts.length > 2) return null;
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

function refOf(r: Rect): string {
  const tl = a1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? tl : `${tl}:${a1(r.bottom, r.right)}`;
}

function quoteName(name: string): string {
  return /^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function jsonBytes(v: unknown): number {
  return utf8Length(JSON.stringify(v) ?? "null");
}

function versionAtLeast(have: string, want: string): boolean {
  const [h1, h2] = have.split(".").map(Number);
  const [w1, w2] = want.split(".").map(Number);
  return h1 > w1 || (h1 === w1 && (h2 ?? 0) >= (w2 ?? 0));
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** Excel serial of a UTC calendar date (1900 system, with its leap-year bug). */
function serialOf(y: number, m: number, d: number): number {
  const ms = Date.UTC(y, m - 1, d);
  const days = Math.round((ms - Date.UTC(1899, 11, 30)) / 86400000);
  return days < 61 ? days - 1 : days;
}

// ---------------------------------------------------------------------------------------------------------------
// The model

export class SheetModel {
  values: (Prim | null)[][] = [];
  formulas = new Map<number, string>();
  formats = new Map<number, string>();
  columnFormats = new Map<number, string>();
  quotePrefix = new Set<number>();
  styles = new Map<number, Record<string, unknown>>();
  links = new Map<number, Excel.RangeHyperlink>();
  merges: Rect[] = [];
  columnWidths = new Map<number, number>();
  frozenRows = 0;
  autoFilter: string | null = null;
  charts: Record<string, unknown>[] = [];
  /** worksheet.pageLayout as set (ExcelApi 1.9): paperSize, orientation, zoom, margins, printTitleRows, header.*. */
  pageLayout: Record<string, unknown> = {};
  /** range.dataValidation by range (ExcelApi 1.8): the rule and error alert set. */
  validations = new Map<string, Record<string, unknown>>();
  deleted = false;

  constructor(
    public name: string,
    public visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible",
    public isProtected = false,
  ) {}

  get(r: number, c: number): Prim | null {
    return this.values[r]?.[c] ?? null;
  }

  setRaw(r: number, c: number, v: Prim | null): void {
    if (v === null || v === "") {
      const row = this.values[r];
      if (row && c < row.length) row[c] = null;
      return;
    }
    let row = this.values[r];
    if (!row) {
      row = [];
      this.values[r] = row;
    }
    row[c] = v;
  }

  format(r: number, c: number): string {
    return this.formats.get(key(r, c)) ?? this.columnFormats.get(c) ?? "General";
  }

  /** Bounding box of cells with a value (getUsedRange(valuesOnly = true)). */
  usedRect(): Rect | null {
    let top = -1;
    let bottom = -1;
    let left = Infinity;
    let right = -1;
    for (let r = 0; r < this.values.length; r++) {
      const row = this.values[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (v === null || v === undefined || v === "") continue;
        if (top < 0) top = r;
        bottom = r;
        if (c < left) left = c;
        if (c > right) right = c;
      }
    }
    return top < 0 ? null : { top, left, bottom, right };
  }

  /** Everything about the sheet, for before/after comparisons. */
  snapshot(): unknown {
    const sorted = <T>(m: Map<number, T>) => [...m.entries()].sort((a, b) => a[0] - b[0]);
    return JSON.parse(
      JSON.stringify({
        name: this.name,
        visibility: this.visibility,
        isProtected: this.isProtected,
        values: this.values.map((row) => (row ? [...row].map((v) => v ?? null) : null)),
        formulas: sorted(this.formulas),
        formats: sorted(this.formats),
        columnFormats: sorted(this.columnFormats),
        quotePrefix: [...this.quotePrefix].sort((a, b) => a - b),
        styles: sorted(this.styles),
        links: sorted(this.links),
        merges: this.merges,
        columnWidths: sorted(this.columnWidths),
        frozenRows: this.frozenRows,
        autoFilter: this.autoFilter,
        charts: this.charts,
      }),
    );
  }
}

export class WorkbookModel {
  sheets: SheetModel[] = [];
  active: SheetModel | null = null;
  selection: { sheet: string; address: string } | null = null;
  constructor(
    public name: string,
    public isProtected: boolean,
  ) {}

  find(name: string): SheetModel | null {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower) ?? null;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Context, commands, proxies

interface Command {
  kind: string;
  sheet?: () => string | undefined;
  requestBytes: number;
  run: () => void;
}

class FakeContext {
  private queue: Command[] = [];
  private staged: (() => void)[] = [];
  private responseBytes = 0;
  readonly workbook: FakeWorkbook;

  constructor(
    readonly model: WorkbookModel,
    readonly opts: Required<Pick<FakeExcelOptions, "apiVersion" | "payloadLimit" | "charts">> & FakeExcelOptions,
    readonly stats: FakeStats,
  ) {
    this.workbook = new FakeWorkbook(this);
  }

  enqueue(cmd: Command): void {
    this.queue.push(cmd);
  }

  /** A load's data: counted in the response and applied only when the whole sync succeeds. */
  respond(bytes: number, commit: () => void): void {
    this.responseBytes += bytes;
    this.staged.push(commit);
  }

  requireApi(version: string, what: string): void {
    if (!versionAtLeast(this.opts.apiVersion, version)) {
      throw new FakeOfficeError("ApiNotFound", `${what} needs ExcelApi ${version}`);
    }
  }

  async sync(): Promise<void> {
    const queue = this.queue;
    this.queue = [];
    this.staged = [];
    this.responseBytes = 0;
    const requestBytes = queue.reduce((n, c) => n + c.requestBytes, 0);
    this.stats.syncs++;
    this.stats.commands += queue.length;
    const record: SyncRecord = { requestBytes, responseBytes: 0, commands: queue.length };
    this.stats.perSync.push(record);
    this.stats.maxRequestBytes = Math.max(this.stats.maxRequestBytes, requestBytes);
    this.stats.maxPayloadBytes = Math.max(this.stats.maxPayloadBytes, requestBytes);
    await Promise.resolve();
    if (requestBytes > this.opts.payloadLimit) {
      throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", `The request payload size (${requestBytes}) has exceeded the limit.`);
    }
    for (const cmd of queue) {
      const injected = this.opts.failWhen?.({ kind: cmd.kind, sheet: cmd.sheet?.() });
      if (injected) throw new FakeOfficeError(injected, `Injected failure in ${cmd.kind}`);
      cmd.run();
    }
    record.responseBytes = this.responseBytes;
    this.stats.totalResponseBytes += this.responseBytes;
    this.stats.maxResponseBytes = Math.max(this.stats.maxResponseBytes, this.responseBytes);
    this.stats.maxPayloadBytes = Math.max(this.stats.maxPayloadBytes, this.responseBytes);
    if (this.responseBytes > this.opts.payloadLimit) {
      throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", `The response payload size (${this.responseBytes}) has exceeded the limit.`);
    }
    for (const commit of this.staged) commit();
    this.staged = [];
  }
}

function parseLoad(arg: unknown): string[] {
  if (arg === undefined) return ["*"];
  if (typeof arg === "string") return arg.split(",").map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(arg)) return arg.flatMap((a) => parseLoad(a));
  if (arg && typeof arg === "object" && "select" in arg) return parseLoad((arg as { select: unknown }).select);
  throw new Error(`fake-excel: unsupported load argument ${JSON.stringify(arg)}`);
}

/** Base of every proxy: loaded properties and the null-object flag. */
abstract class FakeProxy {
  protected loaded = new Map<string, unknown>();
  protected nullState: boolean | undefined;

  constructor(readonly ctx: FakeContext) {}

  protected abstract props(): string[];
  protected abstract snapshot(prop: string): unknown;
  /** A navigation property's proxy, for "protection/protected" style loads. */
  protected child(_name: string): FakeProxy | null {
    return null;
  }
  /** Resolve now (at sync); throws for a missing object that is not an *OrNullObject. */
  protected abstract exists(): boolean;

  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop)) {
      throw new FakeOfficeError("PropertyNotLoaded", `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
    }
    return this.loaded.get(prop) as T;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) {
      throw new FakeOfficeError("PropertyNotLoaded", "isNullObject is not available before context.sync()");
    }
    return this.nullState;
  }

  /** Queue the load; the data is taken when the command runs at sync. */
  load(arg?: unknown): this {
    const props = parseLoad(arg);
    this.ctx.enqueue({
      kind: "load",
      requestBytes: 40 + jsonBytes(props),
      run: () => this.runLoad(props),
    });
    return this;
  }

  runLoad(props: string[]): void {
    const present = this.exists();
    if (!present) {
      this.ctx.respond(20, () => {
        this.nullState = true;
      });
      return;
    }
    const data = new Map<string, unknown>();
    const nested: [FakeProxy, string][] = [];
    for (const p of props.flatMap((x) => (x === "*" ? this.props() : [x]))) {
      const slash = p.indexOf("/");
      if (slash >= 0) {
        const child = this.child(p.slice(0, slash));
        if (!child) throw new Error(`fake-excel: no navigation property ${p}`);
        nested.push([child, p.slice(slash + 1)]);
        continue;
      }
      if (!this.props().includes(p)) throw new FakeOfficeError("PropertyNotFound", `Unknown property '${p}'`);
      data.set(p, this.snapshot(p));
    }
    let bytes = 10;
    for (const [k, v] of data) bytes += utf8Length(k) + 3 + jsonBytes(v);
    this.ctx.respond(bytes, () => {
      this.nullState = false;
      for (const [k, v] of data) this.loaded.set(k, v);
    });
    for (const [child, p] of nested) child.runLoad([p]);
  }
}

class FakeWorkbookProtection extends FakeProxy {
  protected props() {
    return ["protected"];
  }
  protected snapshot() {
    this.ctx.requireApi("1.7", "workbook.protection");
    return this.ctx.model.isProtected;
  }
  protected exists() {
    return true;
  }
  get protected(): boolean {
    return this.read("protected");
  }
}

class FakeWorkbook extends FakeProxy {
  readonly worksheets: FakeWorksheetCollection;
  readonly protection: FakeWorkbookProtection;
  constructor(ctx: FakeContext) {
    super(ctx);
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.protection = new FakeWorkbookProtection(ctx);
  }
  protected props() {
    return ["name"];
  }
  protected snapshot() {
    return this.ctx.model.name;
  }
  protected exists() {
    return true;
  }
  protected override child(name: string): FakeProxy | null {
    return name === "protection" ? this.protection : null;
  }
  get name(): string {
    return this.read("name");
  }
}

class FakeWorksheetCollection extends FakeProxy {
  private itemsLoaded: FakeWorksheet[] | undefined;

  protected props() {
    return ["items"];
  }
  protected snapshot() {
    return null;
  }
  protected exists() {
    return true;
  }
  override runLoad(props: string[]): void {
    const sheets = this.ctx.model.sheets.filter((s) => !s.deleted);
    const items = sheets.map((s) => new FakeWorksheet(this.ctx, () => s, false));
    const itemProps = props.map((p) => (p.startsWith("items/") ? p.slice(6) : p === "items" || p === "*" ? "*" : p));
    this.ctx.respond(10, () => {
      this.itemsLoaded = items;
    });
    for (const ws of items) ws.runLoad(itemProps);
  }
  get items(): FakeWorksheet[] {
    if (!this.itemsLoaded) throw new FakeOfficeError("PropertyNotLoaded", "worksheets.items is not loaded");
    return this.itemsLoaded;
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.model.find(name), false, name);
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    const ws = new FakeWorksheet(this.ctx, () => this.ctx.model.find(name), true, name);
    ws.queueResolve();
    return ws;
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.model.active, false);
  }
  add(name: string): FakeWorksheet {
    let created: SheetModel | null = null;
    this.ctx.enqueue({
      kind: "worksheets.add",
      sheet: () => name,
      requestBytes: 80 + jsonBytes(name),
      run: () => {
        const model = this.ctx.model;
        if (model.isProtected) throw new FakeOfficeError("AccessDenied", "The workbook is protected.");
        if (/[\\/?*[\]:]/.test(name) || name.length > 31 || name.trim() === "") throw new FakeOfficeError("InvalidArgument", `Bad sheet name ${name}`);
        if (model.find(name)) throw new FakeOfficeError("ItemAlreadyExists", `A sheet named ${name} exists.`);
        created = new SheetModel(name);
        model.sheets.push(created);
      },
    });
    return new FakeWorksheet(this.ctx, () => created, false, name);
  }
}

class FakeWorksheetProtection extends FakeProxy {
  constructor(
    ctx: FakeContext,
    private readonly ws: FakeWorksheet,
  ) {
    super(ctx);
  }
  protected props() {
    return ["protected"];
  }
  protected snapshot() {
    return this.ws.model().isProtected;
  }
  protected exists() {
    return true;
  }
  get protected(): boolean {
    return this.read("protected");
  }
}

export class FakeWorksheet extends FakeProxy {
  private resolved: SheetModel | null | undefined;
  readonly protection: FakeWorksheetProtection;
  readonly freezePanes: { freezeRows: (n: number) => void };
  readonly charts: { add: (type: string, source: FakeRange, seriesBy?: string) => FakeChart };
  readonly autoFilter: { apply: (range: FakeRange) => void };
  /** pageLayout as a recorder (ExcelApi 1.9): properties, setPrintTitleRows, headersFooters.defaultForAllPages.*. */
  readonly pageLayout: Record<string, unknown>;

  constructor(
    ctx: FakeContext,
    private readonly resolver: () => SheetModel | null,
    private readonly orNull: boolean,
    private readonly label = "",
  ) {
    super(ctx);
    this.protection = new FakeWorksheetProtection(ctx, this);
    this.freezePanes = {
      freezeRows: (n: number) =>
        this.command("freezePanes.freezeRows", 60, () => {
          this.model().frozenRows = n;
        }),
    };
    this.autoFilter = {
      apply: (range: FakeRange) =>
        this.command("autoFilter.apply", 80, () => {
          ctx.requireApi("1.9", "autoFilter");
          this.model().autoFilter = refOf(range.rect());
        }),
    };
    const record = (name: string, value: unknown) =>
      this.command(`pageLayout.${name}`, 60 + jsonBytes(value), () => {
        ctx.requireApi("1.9", "pageLayout");
        this.model().pageLayout[name] = value;
      });
    const headerFooter = new Proxy({} as Record<string, unknown>, {
      set: (_t, prop, value: unknown) => (record(`header.${String(prop)}`, value), true),
    });
    this.pageLayout = new Proxy({} as Record<string, unknown>, {
      get: (_t, prop) =>
        prop === "setPrintTitleRows"
          ? (rows: string) => record("printTitleRows", rows)
          : prop === "headersFooters"
            ? { defaultForAllPages: headerFooter }
            : undefined,
      set: (_t, prop, value: unknown) => (record(String(prop), value), true),
    });
    this.charts = {
      add: (type: string, source: FakeRange, seriesBy?: string) => {
        const chart: Record<string, unknown> = { type, source: "", seriesBy: seriesBy ?? "Auto" };
        this.command("charts.add", 120, () => {
          if (!ctx.opts.charts) throw new FakeOfficeError("UnsupportedFeature", "Charts are not supported");
          chart.source = refOf(source.rect());
          this.model().charts.push(chart);
        });
        return new FakeChart(ctx, chart);
      },
    };
  }

  /** The sheet, resolved once (at the first command that needs it). */
  model(): SheetModel {
    if (this.resolved === undefined) this.resolved = this.resolver();
    if (!this.resolved || this.resolved.deleted) {
      throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist (sheet '${this.label}').`);
    }
    return this.resolved;
  }

  queueResolve(): void {
    this.ctx.enqueue({
      kind: "resolve",
      requestBytes: 60,
      run: () => {
        if (this.resolved === undefined) this.resolved = this.resolver();
        const isNull = !this.resolved || this.resolved.deleted;
        this.ctx.respond(16, () => {
          this.nullState = isNull;
        });
      },
    });
  }

  sheetName(): string | undefined {
    try {
      return this.model().name;
    } catch {
      return this.label;
    }
  }

  command(kind: string, bytes: number, run: () => void): void {
    this.ctx.enqueue({ kind, sheet: () => this.sheetName(), requestBytes: bytes, run });
  }

  protected props() {
    return ["name", "visibility", "position"];
  }
  protected snapshot(prop: string) {
    const m = this.model();
    if (prop === "name") return m.name;
    if (prop === "visibility") return m.visibility;
    return this.ctx.model.sheets.filter((s) => !s.deleted).indexOf(m);
  }
  protected exists() {
    if (!this.orNull) {
      this.model();
      return true;
    }
    if (this.resolved === undefined) this.resolved = this.resolver();
    return !!this.resolved && !this.resolved.deleted;
  }
  protected override child(name: string): FakeProxy | null {
    return name === "protection" ? this.protection : null;
  }

  get name(): string {
    return this.read("name");
  }
  set name(value: string) {
    this.command("worksheet.rename", 60 + jsonBytes(value), () => {
      const m = this.model();
      if (this.ctx.model.isProtected) throw new FakeOfficeError("AccessDenied", "The workbook is protected.");
      const other = this.ctx.model.find(value);
      if (other && other !== m) throw new FakeOfficeError("ItemAlreadyExists", `A sheet named ${value} exists.`);
      m.name = value;
    });
  }
  get visibility(): string {
    return this.read("visibility");
  }

  activate(): void {
    this.command("worksheet.activate", 60, () => {
      const m = this.model();
      if (m.visibility !== "Visible") throw new FakeOfficeError("InvalidOperation", "Cannot activate a hidden sheet.");
      this.ctx.model.active = m;
    });
  }

  delete(): void {
    this.command("worksheet.delete", 60, () => {
      const m = this.model();
      const wb = this.ctx.model;
      if (wb.isProtected) throw new FakeOfficeError("AccessDenied", "The workbook is protected.");
      if (wb.sheets.filter((s) => s.visibility === "Visible" && s !== m).length === 0) {
        throw new FakeOfficeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      }
      m.deleted = true;
      wb.sheets = wb.sheets.filter((s) => s !== m);
      if (wb.active === m) wb.active = wb.sheets.find((s) => s.visibility === "Visible") ?? null;
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    if (valuesOnly !== true) throw new Error("fake-excel: only getUsedRangeOrNullObject(true) is modelled");
    const range = new FakeRange(this.ctx, this, () => this.model().usedRect(), true);
    range.queueResolve();
    return range;
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, this, () => {
      if (address === undefined) return { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 };
      const r = parseRef(address);
      if (!r) throw new FakeOfficeError("InvalidArgument", `Bad address ${address}`);
      return r;
    });
  }

  /** RangeAreas from "A1:B2, D4" (ExcelApi 1.9); the fake supports its `format` only. */
  getRanges(address: string): FakeRange {
    const parts = address.split(/[,;]/).map((p) => p.trim()).filter(Boolean);
    const rects = parts.map((p) => parseRef(p));
    const range = new FakeRange(this.ctx, this, () => {
      this.ctx.requireApi("1.9", "getRanges");
      if (rects.some((r) => r === null)) throw new FakeOfficeError("InvalidArgument", `Bad address ${address}`);
      const rs = rects as Rect[];
      return { top: Math.min(...rs.map((r) => r.top)), left: Math.min(...rs.map((r) => r.left)), bottom: Math.max(...rs.map((r) => r.bottom)), right: Math.max(...rs.map((r) => r.right)) };
    });
    range.areas = rects.filter((r): r is Rect => r !== null);
    return range;
  }

  getRangeByIndexes(row: number, col: number, rowCount: number, colCount: number): FakeRange {
    return new FakeRange(this.ctx, this, () => {
      if (row < 0 || col < 0 || rowCount < 1 || colCount < 1 || row + rowCount > MAX_ROWS || col + colCount > MAX_COLS) {
        throw new FakeOfficeError("InvalidArgument", "Bad range indexes");
      }
      return { top: row, left: col, bottom: row + rowCount - 1, right: col + colCount - 1 };
    });
  }
}

class FakeChart {
  readonly title: { text: string };
  readonly legend: { position: string };
  readonly series: { getItemAt: (i: number) => { setXAxisValues: (r: FakeRange) => void; name: string } };
  constructor(
    private readonly ctx: FakeContext,
    private readonly chart: Record<string, unknown>,
  ) {
    const cmd = (kind: string, run: () => void) => ctx.enqueue({ kind, requestBytes: 80, run });
    this.title = {
      set text(v: string) {
        cmd("chart.title", () => {
          chart.title = v;
        });
      },
      get text(): string {
        throw new FakeOfficeError("PropertyNotLoaded", "chart.title.text");
      },
    };
    this.legend = {
      set position(v: string) {
        cmd("chart.legend", () => {
          chart.legend = v;
        });
      },
      get position(): string {
        throw new FakeOfficeError("PropertyNotLoaded", "chart.legend.position");
      },
    };
    this.series = {
      getItemAt: (i: number) => ({
        setXAxisValues: (r: FakeRange) =>
          cmd("series.setXAxisValues", () => {
            this.ctx.requireApi("1.7", "setXAxisValues");
            chart[`series${i}.categories`] = refOf(r.rect());
          }),
        set name(v: string) {
          cmd("series.name", () => {
            chart[`series${i}.name`] = v;
          });
        },
        get name(): string {
          throw new FakeOfficeError("PropertyNotLoaded", "series.name");
        },
      }),
    };
  }
  setPosition(start: string, end?: string): void {
    this.ctx.enqueue({
      kind: "chart.setPosition",
      requestBytes: 80,
      run: () => {
        this.chart.position = end === undefined ? start : `${start}:${end}`;
      },
    });
  }
}

/** Excel's input parsing for one typed value. */
function parseInput(v: Prim, textFormatted: boolean): { value: Prim | null; formula?: string; quote?: boolean; fmt?: string } {
  if (typeof v !== "string") return { value: v };
  if (v === "") return { value: null };
  if (v.startsWith("'")) return { value: v.slice(1) === "" ? null : v.slice(1), quote: true };
  if (textFormatted) return { value: v };
  const num = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?%?$/;
  const t = v.trim();
  if (t !== "" && /\d/.test(t) && num.test(t)) {
    const pct = t.endsWith("%");
    const n = Number(t.replace(/,/g, "").replace(/%$/, ""));
    if (Number.isFinite(n)) return pct ? { value: n / 100, fmt: "0%" } : { value: n };
  }
  if (v.startsWith("=") || /^[+\-@]/.test(v)) return { value: "#FORMULA", formula: v.startsWith("=") ? v : `=${v}` };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === "true" };
  const iso = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(t) ?? /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(t);
  if (iso) return { value: serialOf(Number(iso[1]), Number(iso[2]), Number(iso[3])), fmt: "yyyy-mm-dd" };
  return { value: v };
}

export class FakeRange extends FakeProxy {
  private resolvedRect: Rect | null | undefined;
  /** Set for RangeAreas (getRanges): format commands apply to each area. */
  areas: Rect[] | null = null;
  readonly format: Record<string, unknown>;

  constructor(
    ctx: FakeContext,
    readonly ws: FakeWorksheet,
    private readonly resolver: () => Rect | null,
    private readonly orNull = false,
  ) {
    super(ctx);
    this.format = this.formatProxy([]);
  }

  rect(): Rect {
    if (this.resolvedRect === undefined) this.resolvedRect = this.resolver();
    if (!this.resolvedRect) throw new FakeOfficeError("ItemNotFound", "The range is a null object.");
    return this.resolvedRect;
  }

  queueResolve(): void {
    this.ctx.enqueue({
      kind: "resolve",
      requestBytes: 60,
      run: () => {
        this.ws.model();
        if (this.resolvedRect === undefined) this.resolvedRect = this.resolver();
        const isNull = this.resolvedRect === null;
        this.ctx.respond(16, () => {
          this.nullState = isNull;
        });
      },
    });
  }

  private command(kind: string, bytes: number, run: () => void): void {
    this.ctx.enqueue({ kind, sheet: () => this.ws.sheetName(), requestBytes: bytes, run });
  }

  private writable(): SheetModel {
    const m = this.ws.model();
    if (m.isProtected) throw new FakeOfficeError("AccessDenied", `The sheet '${m.name}' is protected.`);
    return m;
  }

  /**
   * range.format.* as a recorder: any property path can be set ("font.bold", "fill.color", "columnWidth");
   * collection getters are calls ("borders.getItem('EdgeTop').style" is recorded as "borders.EdgeTop.style").
   */
  private formatProxy(path: string[]): Record<string, unknown> {
    const target = function () {} as unknown as Record<string, unknown>;
    return new Proxy(target, {
      get: (_t, prop) => (typeof prop === "string" ? this.formatProxy([...path, prop]) : undefined),
      apply: (_t, _this, args: unknown[]) => this.formatProxy([...path.slice(0, -1), String(args[0])]),
      set: (_t, prop, value: unknown) => {
        const name = [...path, String(prop)].join(".");
        this.command(`format.${name}`, 60 + jsonBytes(value), () => {
          const m = this.writable();
          const bounds = this.rect();
          for (const r of this.areas ?? [bounds]) {
            if (name === "columnWidth") {
              for (let c = r.left; c <= r.right; c++) m.columnWidths.set(c, value as number);
              continue;
            }
            for (let row = r.top; row <= r.bottom; row++) {
              for (let c = r.left; c <= r.right; c++) {
                const k = key(row, c);
                const s = m.styles.get(k) ?? {};
                s[name] = value;
                m.styles.set(k, s);
              }
            }
          }
        });
        return true;
      },
    });
  }

  protected props() {
    return ["address", "rowCount", "columnCount", "values", "numberFormat", "rowIndex", "columnIndex", "cellCount"];
  }
  protected exists() {
    this.ws.model();
    if (this.resolvedRect === undefined) this.resolvedRect = this.resolver();
    if (this.resolvedRect === null && !this.orNull) throw new FakeOfficeError("ItemNotFound", "Range not found");
    return this.resolvedRect !== null;
  }
  protected snapshot(prop: string): unknown {
    const m = this.ws.model();
    const r = this.rect();
    switch (prop) {
      case "address":
        return `${quoteName(m.name)}!${refOf(r)}`;
      case "rowCount":
        return r.bottom - r.top + 1;
      case "columnCount":
        return r.right - r.left + 1;
      case "rowIndex":
        return r.top;
      case "columnIndex":
        return r.left;
      case "cellCount":
        return (r.bottom - r.top + 1) * (r.right - r.left + 1);
      case "values": {
        const out: Prim[][] = [];
        for (let row = r.top; row <= r.bottom; row++) {
          const line: Prim[] = [];
          for (let c = r.left; c <= r.right; c++) line.push(m.get(row, c) ?? "");
          out.push(line);
        }
        return out;
      }
      case "numberFormat": {
        const out: string[][] = [];
        for (let row = r.top; row <= r.bottom; row++) {
          const line: string[] = [];
          for (let c = r.left; c <= r.right; c++) line.push(m.format(row, c));
          out.push(line);
        }
        return out;
      }
    }
    throw new Error(`fake-excel: ${prop}`);
  }

  get address(): string {
    return this.read("address");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }

  get values(): Prim[][] {
    return this.read("values");
  }
  /** range.formulas: each cell keeps its formula (not evaluated: its value reads "#FORMULA"). */
  set formulas(input: string[][]) {
    this.command("range.formulas", 60 + jsonBytes(input), () => {
      const m = this.writable();
      const r = this.rect();
      for (let row = r.top; row <= r.bottom; row++)
        for (let c = r.left; c <= r.right; c++) {
          const f = input[row - r.top]?.[c - r.left];
          if (typeof f !== "string" || !f.startsWith("=")) throw new FakeOfficeError("InvalidArgument", "range.formulas needs formulas");
          m.formulas.set(key(row, c), f.slice(1));
          m.setRaw(row, c, "#FORMULA");
        }
    });
  }

  /** range.dataValidation (ExcelApi 1.8): rule and errorAlert recorded by range. */
  get dataValidation(): Record<string, unknown> {
    const set = (prop: string, value: unknown) =>
      this.command(`dataValidation.${prop}`, 60 + jsonBytes(value), () => {
        this.ctx.requireApi("1.8", "dataValidation");
        const m = this.writable();
        const k = refOf(this.rect());
        m.validations.set(k, { ...(m.validations.get(k) ?? {}), [prop]: value });
      });
    return new Proxy({} as Record<string, unknown>, { set: (_t, prop, value: unknown) => (set(String(prop), value), true) });
  }

  set values(input: Prim[][]) {
    this.command("range.values", 60 + jsonBytes(input), () => {
      const m = this.writable();
      const r = this.rect();
      const rows = r.bottom - r.top + 1;
      const cols = r.right - r.left + 1;
      if (!Array.isArray(input) || input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== cols)) {
        throw new FakeOfficeError("InvalidArgument", `values must be ${rows}x${cols}`);
      }
      for (let i = 0; i < rows; i++) {
        for (let j = 0; j < cols; j++) {
          const row = r.top + i;
          const c = r.left + j;
          const k = key(row, c);
          const parsed = parseInput(input[i][j], m.format(row, c) === "@");
          m.setRaw(row, c, parsed.value);
          if (parsed.formula) m.formulas.set(k, parsed.formula);
          else m.formulas.delete(k);
          if (parsed.quote) m.quotePrefix.add(k);
          else m.quotePrefix.delete(k);
          if (parsed.fmt && m.format(row, c) === "General") m.formats.set(k, parsed.fmt);
        }
      }
    });
  }

  get numberFormat(): string[][] {
    return this.read("numberFormat");
  }
  set numberFormat(input: string[][]) {
    this.command("range.numberFormat", 60 + jsonBytes(input), () => {
      const m = this.writable();
      const r = this.rect();
      const rows = r.bottom - r.top + 1;
      const cols = r.right - r.left + 1;
      if (!Array.isArray(input) || input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== cols)) {
        throw new FakeOfficeError("InvalidArgument", `numberFormat must be ${rows}x${cols}`);
      }
      for (let i = 0; i < rows; i++) {
        for (let j = 0; j < cols; j++) {
          const f = input[i][j];
          if (f === "General") m.formats.delete(key(r.top + i, r.left + j));
          else m.formats.set(key(r.top + i, r.left + j), f);
        }
      }
    });
  }

  set hyperlink(link: Excel.RangeHyperlink) {
    this.command("range.hyperlink", 60 + jsonBytes(link), () => {
      this.ctx.requireApi("1.7", "range.hyperlink");
      const m = this.writable();
      const r = this.rect();
      for (let row = r.top; row <= r.bottom; row++) {
        for (let c = r.left; c <= r.right; c++) m.links.set(key(row, c), { ...link });
      }
      if (link.textToDisplay !== undefined) {
        m.setRaw(r.top, r.left, link.textToDisplay);
        m.formulas.delete(key(r.top, r.left));
      }
    });
  }
  get hyperlink(): Excel.RangeHyperlink {
    return this.read("hyperlink");
  }

  merge(across = false): void {
    this.command("range.merge", 60, () => {
      const m = this.writable();
      const r = this.rect();
      const areas: Rect[] = across
        ? Array.from({ length: r.bottom - r.top + 1 }, (_, i) => ({ top: r.top + i, bottom: r.top + i, left: r.left, right: r.right }))
        : [r];
      for (const a of areas) {
        if (m.merges.some((x) => overlaps(x, a))) throw new FakeOfficeError("MergedRangeConflict", "Overlapping merge");
        m.merges.push({ ...a });
        for (let row = a.top; row <= a.bottom; row++) {
          for (let c = a.left; c <= a.right; c++) if (row !== a.top || c !== a.left) m.setRaw(row, c, null);
        }
      }
    });
  }

  select(): void {
    this.command("range.select", 60, () => {
      const m = this.ws.model();
      const r = this.rect();
      if (m.visibility !== "Visible") throw new FakeOfficeError("InvalidOperation", "Cannot select on a hidden sheet.");
      this.ctx.model.active = m;
      this.ctx.model.selection = { sheet: m.name, address: refOf(r) };
    });
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    const areas = new FakeRangeAreas(this.ctx, this);
    areas.queueResolve();
    return areas;
  }
}

class FakeRangeAreas extends FakeProxy {
  private areas: Rect[] | undefined;
  constructor(
    ctx: FakeContext,
    private readonly range: FakeRange,
  ) {
    super(ctx);
  }
  private compute(): Rect[] {
    if (this.areas === undefined) {
      this.ctx.requireApi("1.13", "getMergedAreasOrNullObject");
      const r = this.range.rect();
      const areas = this.range.ws.model().merges.filter((m) => overlaps(m, r));
      // Documented limit: "if the merged areas count in this range is more than 512, this method will fail".
      if (areas.length > 512) throw new FakeOfficeError("GeneralException", "Too many merged areas.");
      this.areas = areas;
    }
    return this.areas;
  }
  queueResolve(): void {
    this.ctx.enqueue({
      kind: "resolve",
      requestBytes: 60,
      run: () => {
        const isNull = this.compute().length === 0;
        this.ctx.respond(16, () => {
          this.nullState = isNull;
        });
      },
    });
  }
  protected props() {
    return ["address", "areaCount", "cellCount"];
  }
  protected exists() {
    return this.compute().length > 0;
  }
  protected snapshot(prop: string): unknown {
    const areas = this.compute();
    const name = quoteName(this.range.ws.model().name);
    if (prop === "address") return areas.map((a) => `${name}!${refOf(a)}`).join(", ");
    if (prop === "areaCount") return areas.length;
    return areas.reduce((n, a) => n + (a.bottom - a.top + 1) * (a.right - a.left + 1), 0);
  }
  get address(): string {
    return this.read("address");
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Construction

function cellParts(input: FakeCellInput): { v: Prim | null; f?: string; fmt?: string } {
  if (input === null || input === undefined) return { v: null };
  if (typeof input === "object") return { v: input.v ?? null, f: input.f, fmt: input.fmt };
  return { v: input };
}

function buildSheet(init: FakeSheetInit): SheetModel {
  const s = new SheetModel(init.name, init.visibility ?? "Visible", init.protected ?? false);
  const top = init.top ?? 0;
  const left = init.left ?? 0;
  const rows = init.rows ?? [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (!row) continue;
    const line: (Prim | null)[] = [];
    for (let j = 0; j < row.length; j++) {
      const { v, f, fmt } = cellParts(row[j]);
      line[left + j] = v === "" ? null : v;
      const k = key(top + i, left + j);
      if (f) s.formulas.set(k, f);
      const ff = fmt ?? init.formats?.[i]?.[j];
      if (ff && ff !== "General") s.formats.set(k, ff);
    }
    s.values[top + i] = line;
  }
  init.columnFormats?.forEach((f, j) => {
    if (f && f !== "General") s.columnFormats.set(left + j, f);
  });
  for (const m of init.merges ?? []) {
    const r = typeof m === "string" ? parseRef(m) : m;
    if (!r) throw new Error(`fake-excel: bad merge ${String(m)}`);
    s.merges.push(r);
    for (let row = r.top; row <= r.bottom; row++) {
      for (let c = r.left; c <= r.right; c++) if (row !== r.top || c !== r.left) s.setRaw(row, c, null);
    }
  }
  return s;
}

export interface FakeExcel {
  /** A request context (Excel.run creates one per run; this one is for calling adapter functions directly). */
  context: Excel.RequestContext;
  /** Excel.run over the fake: a fresh context per call, same workbook and stats. */
  run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
  requirements: { isSetSupported(name: string, minVersion?: string): boolean };
  stats: FakeStats;
  model: WorkbookModel;
  resetStats(): void;
  sheet(name: string): SheetModel;
  /** Snapshot of one sheet (values, formats, styles, merges, …) for before/after comparisons. */
  snapshot(name: string): unknown;
}

function emptyStats(): FakeStats {
  return { syncs: 0, maxPayloadBytes: 0, maxRequestBytes: 0, maxResponseBytes: 0, totalResponseBytes: 0, commands: 0, perSync: [] };
}

/** A fake Excel with these sheets (in order); see the module comment for what it models. */
export function createFakeExcel(sheets: FakeSheetInit[], options: FakeExcelOptions = {}): FakeExcel {
  const opts = { apiVersion: "1.13", payloadLimit: 5 * 1024 * 1024, charts: true, ...options };
  const model = new WorkbookModel(options.name ?? "workbook.xlsx", options.workbookProtected ?? false);
  for (const init of sheets) model.sheets.push(buildSheet(init));
  model.active = model.sheets.find((s) => s.visibility === "Visible") ?? null;
  const stats = emptyStats();
  const newContext = () => new FakeContext(model, opts, stats) as unknown as Excel.RequestContext;
  const fake: FakeExcel = {
    context: newContext(),
    run: (batch) => batch(newContext()),
    requirements: {
      isSetSupported: (name: string, minVersion?: string) => name === "ExcelApi" && versionAtLeast(opts.apiVersion, minVersion ?? "1.1"),
    },
    stats,
    model,
    resetStats: () => Object.assign(stats, emptyStats()),
    sheet: (name: string) => {
      const s = model.find(name);
      if (!s) throw new Error(`fake-excel: no sheet ${name}`);
      return s;
    },
    snapshot: (name: string) => fake.sheet(name).snapshot(),
  };
  return fake;
}

/** Office.context.document.settings over a plain object. */
export function createFakeSettings(initial: Record<string, unknown> = {}, failSave = false) {
  const live: Record<string, unknown> = { ...initial };
  const saved: Record<string, unknown> = { ...initial };
  let saves = 0;
  return {
    get: (name: string): unknown => live[name],
    set: (name: string, value: unknown): void => {
      live[name] = JSON.parse(JSON.stringify(value));
    },
    saveAsync: (a?: unknown, b?: unknown): void => {
      const cb = (typeof a === "function" ? a : b) as ((r: { status: string; error?: { message: string } }) => void) | undefined;
      saves++;
      setTimeout(() => {
        if (failSave) cb?.({ status: "failed", error: { message: "disk full" } });
        else {
          Object.assign(saved, JSON.parse(JSON.stringify(live)));
          cb?.({ status: "succeeded" });
        }
      }, 0);
    },
    saved,
    saveCount: () => saves,
  };
}
