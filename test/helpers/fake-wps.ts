/**
 * An in-memory fake of the parts of WPS 表格's `window.Application` the WPS adapter uses (the subsets declared in
 * src/adapters/wps/api.ts, picked from et-jsapi-declare), with the spreadsheet object model's semantics as the
 * declarations and the Excel object model they follow describe them:
 * - calls are synchronous; Worksheets.Item is 1-based (or by name, throwing when missing); Worksheets.Add(Before,
 *   After) adds "SheetN" and activates it; a worksheet's Name setter refuses a duplicate (case-insensitive), an
 *   illegal character or more than 31 characters; Delete asks the user (recorded as an alert) unless
 *   Application.DisplayAlerts is false, refuses the last visible sheet, and fails when the structure is protected;
 * - Range(address): Value2 reads a scalar for one cell and rows × columns arrays otherwise (numbers, strings,
 *   booleans; empty cells undefined; dates as serial numbers); Value2 = … parses strings like typed input ("=…"
 *   becomes a formula, "0012" → 12, "50%" → 0.5, "TRUE" → true) unless they start with the quote prefix "'"
 *   (kept as text, prefix dropped) or the cell is formatted "@"; NumberFormat reads one format or null when the
 *   cells differ (or "" with `mixedFormat: ""`); the default format is WPS's "G/通用格式"; MergeCells reads
 *   true / false / null (mixed); MergeArea is the merged area of the range's first cell (or the cell);
 *   Merge() keeps the top-left value; Select() fails unless the sheet is the active one; Activate() fails on a
 *   hidden sheet; a protected sheet (ProtectContents) refuses every change;
 * - UsedRange: the bounding box of values and merged areas (A1 on an empty sheet);
 * - styles (Font, Interior, Borders, alignment, wrap), row heights, column widths, hyperlinks, AutoFilter, page
 *   setup and frozen panes are recorded per sheet for assertions;
 * - Workbook.CustomDocumentProperties (Count, Item, Add), Application.PluginStorage, CreateTaskPane.
 * Counted: every Value2 / NumberFormat / MergeCells / MergeArea read (the adapter must never read cell by cell).
 * - Formula = "=…" stores a formula (read back by Formula); Validation.Add / Delete record drop-down lists.
 * Not modelled: formulas are not evaluated, no events, no undo, no charts.
 */
import type {
  WpsApplication,
  WpsBorders,
  WpsDocumentProperties,
  WpsDocumentProperty,
  WpsFont,
  WpsHyperlinks,
  WpsInterior,
  WpsPageSetup,
  WpsPluginStorage,
  WpsRange,
  WpsSheets,
  WpsTaskPane,
  WpsValidation,
  WpsWindow,
  WpsWorkbook,
  WpsWorksheet,
} from "../../src/adapters/wps/api";
import { a1, parseA1 } from "../../src/engine/grid";

type Prim = string | number | boolean;

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface FakeWpsSheetInit {
  name: string;
  rows?: (Prim | null | undefined)[][];
  top?: number;
  left?: number;
  /** Number formats, same shape as rows (null = General). */
  formats?: (string | null)[][];
  merges?: string[];
  /** XlSheetVisibility: -1 visible (default), 0 hidden, 2 very hidden. */
  visible?: number;
  protected?: boolean;
}

export interface FakeWpsOptions {
  name?: string;
  protectStructure?: boolean;
  /** What NumberFormat answers for a range whose cells differ (default null, as the object model documents). */
  mixedFormat?: null | "";
  /** CustomDocumentProperties.Add fails (a read-only workbook). */
  propertiesFail?: boolean;
  /** Make a change fail: return an error message to throw, or null. */
  failWhen?: (op: { kind: string; sheet: string }) => string | null;
  /** No workbook open. */
  noWorkbook?: boolean;
}

export interface FakeCell {
  v: Prim | null;
  f?: string;
  fmt?: string;
}

export interface StyleRecord {
  range: string;
  prop: string;
  value: unknown;
}

/** A data validation as added through Range.Validation (the object model's Add(Type, AlertStyle, Operator, Formula1)). */
export interface ValidationRecord {
  range: string;
  type: number;
  alertStyle: number | undefined;
  operator: number | undefined;
  formula1: string | undefined;
  inCellDropdown: boolean;
  ignoreBlank: boolean;
  showError: boolean;
  errorMessage: string;
}

export interface FakeWpsCounts {
  value2Reads: number;
  value2Writes: number;
  formatReads: number;
  mergeReads: number;
}

const GENERAL = "G/通用格式";

export class FakeError extends Error {}

function key(r: number, c: number): string {
  return `${r},${c}`;
}

export function parseRef(ref: string): Rect | null {
  const parts = ref.replace(/\$/g, "").split(":");
  if (parts.length > 2) return null;
  const a = parseA1(parts[0]);
  const b = parts.length === 2 ? parseA1(parts[1]) : a;
  if (!a || !b) return null;
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

function refOf(r: Rect): string {
  return r.top === r.bottom && r.left === r.right ? a1(r.top, r.left) : `${a1(r.top, r.left)}:${a1(r.bottom, r.right)}`;
}

function overlap(a: Rect, b: Rect): number {
  const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) + 1;
  const w = Math.min(a.right, b.right) - Math.max(a.left, b.left) + 1;
  return h > 0 && w > 0 ? h * w : 0;
}

/** Typed input: what a cell holds after `Value2 = v`. */
function parseInput(v: unknown, fmt: string | undefined): FakeCell {
  if (v === null || v === undefined || v === "") return { v: null };
  if (typeof v === "number" || typeof v === "boolean") return { v };
  const s = String(v);
  if (s.startsWith("'")) return { v: s.slice(1) };
  if (fmt === "@") return { v: s };
  if (/^\s*[=+\-@]/.test(s) && !/^\s*[+-]?\d+(\.\d+)?\s*$/.test(s)) return { v: "#FORMULA", f: s };
  if (/^\s*[+-]?\d+(\.\d+)?\s*$/.test(s)) return { v: Number(s) };
  if (/^\s*[+-]?\d+(\.\d+)?%\s*$/.test(s)) return { v: Number(s.replace("%", "")) / 100 };
  if (/^(TRUE|FALSE)$/i.test(s)) return { v: /^TRUE$/i.test(s) };
  return { v: s };
}

export class FakeSheet {
  name: string;
  visible: number;
  protectContents: boolean;
  cells = new Map<string, FakeCell>();
  merges: Rect[] = [];
  styles: StyleRecord[] = [];
  rowHeights = new Map<number, number>();
  columnWidths = new Map<number, number>();
  links: { cell: string; address: string; subAddress?: string; screenTip?: string; text?: string }[] = [];
  autoFilter: string | null = null;
  validations: ValidationRecord[] = [];
  page: Record<string, unknown> = {};
  frozenRows = 0;
  deleted = false;

  constructor(
    readonly book: FakeBook,
    init: FakeWpsSheetInit,
  ) {
    this.name = init.name;
    this.visible = init.visible ?? -1;
    this.protectContents = init.protected ?? false;
    const top = init.top ?? 0;
    const left = init.left ?? 0;
    (init.rows ?? []).forEach((row, r) =>
      row.forEach((v, c) => {
        const fmt = init.formats?.[r]?.[c] ?? undefined;
        if ((v === null || v === undefined || v === "") && !fmt) return;
        this.cells.set(key(top + r, left + c), { v: v === undefined || v === "" ? null : v, fmt: fmt ?? undefined });
      }),
    );
    for (const m of init.merges ?? []) this.merges.push(parseRef(m)!);
  }

  cell(r: number, c: number): FakeCell | undefined {
    return this.cells.get(key(r, c));
  }

  value(r: number, c: number): Prim | null {
    return this.cell(r, c)?.v ?? null;
  }

  format(r: number, c: number): string {
    return this.cell(r, c)?.fmt ?? GENERAL;
  }

  /** Values of the used range as rows (for assertions). */
  rows(): (Prim | null)[][] {
    const u = this.used();
    const out: (Prim | null)[][] = [];
    for (let r = 0; r <= u.bottom; r++) {
      const row: (Prim | null)[] = [];
      for (let c = 0; c <= u.right; c++) row.push(this.value(r, c));
      out.push(row);
    }
    return out;
  }

  used(): Rect {
    let u: Rect | null = null;
    const grow = (r: Rect) => {
      u = u ? { top: Math.min(u.top, r.top), left: Math.min(u.left, r.left), bottom: Math.max(u.bottom, r.bottom), right: Math.max(u.right, r.right) } : { ...r };
    };
    for (const [k, cell] of this.cells) {
      if (cell.v === null && !cell.f) continue;
      const [r, c] = k.split(",").map(Number);
      grow({ top: r, left: c, bottom: r, right: c });
    }
    for (const m of this.merges) grow(m);
    return u ?? { top: 0, left: 0, bottom: 0, right: 0 };
  }

  /** The last recorded value of a style property that covers (r, c). */
  styleAt(r: number, c: number, prop: string): unknown {
    let found: unknown = undefined;
    for (const s of this.styles) {
      const rect = parseRef(s.range);
      if (s.prop === prop && rect && r >= rect.top && r <= rect.bottom && c >= rect.left && c <= rect.right) found = s.value;
    }
    return found;
  }

  change(kind: string): void {
    if (this.deleted) throw new FakeError(`the sheet ${this.name} was deleted`);
    if (this.protectContents) throw new FakeError("The cell you are trying to change is protected (sheet protected)");
    const fail = this.book.options.failWhen?.({ kind, sheet: this.name }) ?? null;
    if (fail) throw new FakeError(fail);
  }
}

class FakeValidation implements WpsValidation {
  constructor(
    private readonly sheet: FakeSheet,
    private readonly range: string,
  ) {}

  private get record(): ValidationRecord {
    const r = this.sheet.validations.find((v) => v.range === this.range);
    if (!r) throw new FakeError("no validation on this range (call Add first)");
    return r;
  }

  Add(Type: number, AlertStyle?: unknown, Operator?: unknown, Formula1?: unknown): void {
    this.sheet.change("validation");
    if (this.sheet.validations.some((v) => v.range === this.range)) throw new FakeError("the range already has a validation (Delete it first)");
    this.sheet.validations.push({
      range: this.range,
      type: Type,
      alertStyle: AlertStyle as number | undefined,
      operator: Operator as number | undefined,
      formula1: Formula1 as string | undefined,
      inCellDropdown: true,
      ignoreBlank: true,
      showError: true,
      errorMessage: "",
    });
  }

  Delete(): void {
    this.sheet.change("validation");
    this.sheet.validations = this.sheet.validations.filter((v) => v.range !== this.range);
  }

  get InCellDropdown(): boolean {
    return this.record.inCellDropdown;
  }
  set InCellDropdown(v: boolean) {
    this.record.inCellDropdown = v;
  }
  get IgnoreBlank(): boolean {
    return this.record.ignoreBlank;
  }
  set IgnoreBlank(v: boolean) {
    this.record.ignoreBlank = v;
  }
  get ShowError(): boolean {
    return this.record.showError;
  }
  set ShowError(v: boolean) {
    this.record.showError = v;
  }
  get ErrorMessage(): string {
    return this.record.errorMessage;
  }
  set ErrorMessage(v: string) {
    this.record.errorMessage = v;
  }
}

class FakeRange implements WpsRange {
  constructor(
    readonly sheet: FakeSheet,
    readonly rect: Rect,
  ) {}

  private get counts(): FakeWpsCounts {
    return this.sheet.book.counts;
  }

  get address(): string {
    return refOf(this.rect);
  }

  get Value2(): string | unknown[] {
    this.counts.value2Reads++;
    const { top, left, bottom, right } = this.rect;
    const at = (r: number, c: number) => {
      const v = this.sheet.value(r, c);
      return v === null ? undefined : v;
    };
    if (top === bottom && left === right) return at(top, left) as string;
    const rows: unknown[][] = [];
    for (let r = top; r <= bottom; r++) {
      const row: unknown[] = [];
      for (let c = left; c <= right; c++) row.push(at(r, c));
      rows.push(row);
    }
    return rows;
  }

  set Value2(v: string | unknown[]) {
    this.sheet.change("value");
    this.counts.value2Writes++;
    const { top, left, bottom, right } = this.rect;
    for (let r = top; r <= bottom; r++) {
      for (let c = left; c <= right; c++) {
        const input = Array.isArray(v) ? (Array.isArray(v[r - top]) ? (v[r - top] as unknown[])[c - left] : v[r - top]) : v;
        const old = this.sheet.cell(r, c);
        const parsed = parseInput(input, old?.fmt);
        this.sheet.cells.set(key(r, c), { ...parsed, fmt: old?.fmt });
      }
    }
  }

  /** The first cell's formula ("=…"), or its value as text (the object model's Formula of a constant). */
  get Formula(): string {
    const c = this.sheet.cell(this.rect.top, this.rect.left);
    return c?.f ?? (c?.v === null || c?.v === undefined ? "" : String(c.v));
  }

  /** Formula = "=…" on every cell of the range (not evaluated: the value reads "#FORMULA"). */
  set Formula(f: string) {
    this.sheet.change("formula");
    for (let r = this.rect.top; r <= this.rect.bottom; r++) {
      for (let c = this.rect.left; c <= this.rect.right; c++) {
        const old = this.sheet.cell(r, c);
        this.sheet.cells.set(key(r, c), { ...parseInput(f, undefined), fmt: old?.fmt });
      }
    }
  }

  /** The range's validation: Add records one (replacing any on the same range), Delete removes it. */
  get Validation(): FakeValidation {
    return new FakeValidation(this.sheet, this.address);
  }

  get NumberFormat(): string {
    this.counts.formatReads++;
    let first: string | null = null;
    for (let r = this.rect.top; r <= this.rect.bottom; r++) {
      for (let c = this.rect.left; c <= this.rect.right; c++) {
        const f = this.sheet.format(r, c);
        if (first === null) first = f;
        else if (f !== first) return this.sheet.book.options.mixedFormat as unknown as string;
      }
    }
    return first ?? GENERAL;
  }

  set NumberFormat(f: string) {
    this.sheet.change("format");
    for (let r = this.rect.top; r <= this.rect.bottom; r++) {
      for (let c = this.rect.left; c <= this.rect.right; c++) {
        const old = this.sheet.cell(r, c);
        this.sheet.cells.set(key(r, c), { ...(old ?? { v: null }), fmt: f });
      }
    }
  }

  get MergeCells(): boolean {
    this.counts.mergeReads++;
    const area = (this.rect.bottom - this.rect.top + 1) * (this.rect.right - this.rect.left + 1);
    let merged = 0;
    for (const m of this.sheet.merges) merged += overlap(m, this.rect);
    if (merged === 0) return false;
    return merged === area ? true : (null as unknown as boolean);
  }

  set MergeCells(v: boolean) {
    if (v) this.Merge();
  }

  get MergeArea(): WpsRange {
    this.counts.mergeReads++;
    const { top, left } = this.rect;
    const m = this.sheet.merges.find((x) => top >= x.top && top <= x.bottom && left >= x.left && left <= x.right);
    return new FakeRange(this.sheet, m ?? { top, left, bottom: top, right: left });
  }

  get Row(): number {
    return this.rect.top + 1;
  }

  get Column(): number {
    return this.rect.left + 1;
  }

  get Rows(): { Count: number } {
    return { Count: this.rect.bottom - this.rect.top + 1 };
  }

  get Columns(): { Count: number } {
    return { Count: this.rect.right - this.rect.left + 1 };
  }

  Select(): boolean {
    const book = this.sheet.book;
    if (book.active !== this.sheet) throw new FakeError("Select method of Range class failed (the sheet is not active)");
    book.selection = { sheet: this.sheet.name, address: this.address };
    return true;
  }

  Merge(): void {
    this.sheet.change("merge");
    this.sheet.merges = this.sheet.merges.filter((m) => overlap(m, this.rect) === 0);
    this.sheet.merges.push({ ...this.rect });
    for (let r = this.rect.top; r <= this.rect.bottom; r++) {
      for (let c = this.rect.left; c <= this.rect.right; c++) {
        if (r === this.rect.top && c === this.rect.left) continue;
        const old = this.sheet.cell(r, c);
        if (old) this.sheet.cells.set(key(r, c), { ...old, v: null, f: undefined });
      }
    }
  }

  private record(prop: string, value: unknown): void {
    this.sheet.change("style");
    this.sheet.styles.push({ range: this.address, prop, value });
  }

  private recorder<T extends object>(prefix: string): T {
    return new Proxy({} as T, {
      set: (_t, p, value) => {
        this.record(`${prefix}.${String(p)}`, value);
        return true;
      },
      get: () => undefined,
    });
  }

  get Font(): WpsFont {
    return this.recorder<WpsFont>("Font");
  }

  get Interior(): WpsInterior {
    return this.recorder<WpsInterior>("Interior");
  }

  get Borders(): WpsBorders {
    return this.recorder<WpsBorders>("Borders");
  }

  set WrapText(v: boolean) {
    this.record("WrapText", v);
  }

  get WrapText(): boolean {
    return this.sheet.styleAt(this.rect.top, this.rect.left, "WrapText") === true;
  }

  set HorizontalAlignment(v: number | boolean) {
    this.record("HorizontalAlignment", v);
  }

  get HorizontalAlignment(): number | boolean {
    return this.sheet.styleAt(this.rect.top, this.rect.left, "HorizontalAlignment") as number;
  }

  set VerticalAlignment(v: number | boolean) {
    this.record("VerticalAlignment", v);
  }

  get VerticalAlignment(): number | boolean {
    return this.sheet.styleAt(this.rect.top, this.rect.left, "VerticalAlignment") as number;
  }

  set ColumnWidth(w: number) {
    this.sheet.change("width");
    for (let c = this.rect.left; c <= this.rect.right; c++) this.sheet.columnWidths.set(c, w);
  }

  get ColumnWidth(): number {
    return this.sheet.columnWidths.get(this.rect.left) ?? 8.38;
  }

  set RowHeight(h: number) {
    this.sheet.change("height");
    for (let r = this.rect.top; r <= this.rect.bottom; r++) this.sheet.rowHeights.set(r, h);
  }

  get RowHeight(): number {
    return this.sheet.rowHeights.get(this.rect.top) ?? 13.5;
  }

  AutoFilter(): unknown {
    this.sheet.change("filter");
    this.sheet.autoFilter = this.address;
    return true;
  }
}

class FakeWorksheet implements WpsWorksheet {
  constructor(readonly model: FakeSheet) {}

  get Name(): string {
    return this.model.name;
  }

  set Name(name: string) {
    const book = this.model.book;
    if (name.length === 0 || name.length > 31 || /[\\/?*[\]:]/.test(name)) throw new FakeError(`invalid sheet name: ${name}`);
    if (book.sheets.some((s) => s !== this.model && s.name.toLowerCase() === name.toLowerCase())) throw new FakeError(`a sheet named ${name} already exists`);
    this.model.name = name;
  }

  get Visible(): number {
    return this.model.visible;
  }

  set Visible(v: number) {
    this.model.visible = v;
  }

  get ProtectContents(): boolean {
    return this.model.protectContents;
  }

  Activate(): void {
    if (this.model.visible !== -1) throw new FakeError("Activate method of Worksheet class failed (hidden sheet)");
    this.model.book.active = this.model;
  }

  Delete(): void {
    const book = this.model.book;
    if (book.protectStructure) throw new FakeError("Workbook is protected and cannot be changed");
    if (book.app.DisplayAlerts) book.alerts.push(`delete ${this.model.name}?`);
    if (book.sheets.filter((s) => s.visible === -1 && s !== this.model).length === 0) throw new FakeError("A workbook must contain at least one visible worksheet");
    book.sheets = book.sheets.filter((s) => s !== this.model);
    this.model.deleted = true;
    if (book.active === this.model) book.active = book.sheets.find((s) => s.visible === -1) ?? null;
  }

  get UsedRange(): WpsRange {
    return new FakeRange(this.model, this.model.used());
  }

  Range(Cell1: string): WpsRange {
    const rect = parseRef(Cell1);
    if (!rect) throw new FakeError(`bad range address: ${Cell1}`);
    return new FakeRange(this.model, rect);
  }

  get Hyperlinks(): WpsHyperlinks {
    const model = this.model;
    return {
      Add(Anchor: WpsRange, Address: string, SubAddress?: string, ScreenTip?: string, TextToDisplay?: string) {
        model.change("link");
        const at = (Anchor as FakeRange).rect;
        model.links.push({ cell: refOf(at), address: Address, subAddress: SubAddress, screenTip: ScreenTip, text: TextToDisplay });
        return {};
      },
    };
  }

  get PageSetup(): WpsPageSetup {
    const model = this.model;
    return new Proxy({} as WpsPageSetup, {
      set: (_t, p, value) => {
        model.change("page");
        model.page[String(p)] = value;
        return true;
      },
      get: (_t, p) => model.page[String(p)],
    });
  }
}

export class FakeBook {
  sheets: FakeSheet[];
  active: FakeSheet | null;
  selection: { sheet: string; address: string } | null = null;
  alerts: string[] = [];
  properties: { Name: string; Value: unknown }[] = [];
  counts: FakeWpsCounts = { value2Reads: 0, value2Writes: 0, formatReads: 0, mergeReads: 0 };
  protectStructure: boolean;
  private added = 0;

  constructor(
    readonly app: FakeApplication,
    readonly name: string,
    inits: FakeWpsSheetInit[],
    readonly options: FakeWpsOptions,
  ) {
    this.sheets = inits.map((i) => new FakeSheet(this, i));
    this.active = this.sheets.find((s) => s.visible === -1) ?? null;
    this.protectStructure = options.protectStructure ?? false;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  add(before?: WpsWorksheet, after?: WpsWorksheet): FakeSheet {
    if (this.protectStructure) throw new FakeError("Workbook is protected and cannot be changed");
    const fail = this.options.failWhen?.({ kind: "add", sheet: "" }) ?? null;
    if (fail) throw new FakeError(fail);
    let name = "";
    do name = `Sheet${++this.added + this.sheets.length}`;
    while (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase()));
    const sheet = new FakeSheet(this, { name });
    let at = this.active ? this.sheets.indexOf(this.active) : 0;
    if (after) at = this.sheets.indexOf((after as FakeWorksheet).model) + 1;
    else if (before) at = this.sheets.indexOf((before as FakeWorksheet).model);
    this.sheets.splice(at, 0, sheet);
    this.active = sheet;
    return sheet;
  }
}

class FakeWorkbook implements WpsWorkbook {
  constructor(readonly book: FakeBook) {}

  get Name(): string {
    return this.book.name;
  }

  get ProtectStructure(): boolean {
    return this.book.protectStructure;
  }

  get Worksheets(): WpsSheets {
    const book = this.book;
    return {
      get Count() {
        return book.sheets.length;
      },
      Item(index: number | string): WpsWorksheet {
        const s = typeof index === "number" ? book.sheets[index - 1] : book.sheet(index);
        if (!s) throw new FakeError(`subscript out of range: ${index}`);
        return new FakeWorksheet(s);
      },
      Add(Before?: WpsWorksheet, After?: WpsWorksheet): WpsWorksheet {
        return new FakeWorksheet(book.add(Before, After));
      },
    };
  }

  get ActiveSheet(): WpsWorksheet {
    return (this.book.active ? new FakeWorksheet(this.book.active) : null) as WpsWorksheet;
  }

  get CustomDocumentProperties(): WpsDocumentProperties {
    const book = this.book;
    const item = (p: { Name: string; Value: unknown }): WpsDocumentProperty => ({
      get Name() {
        return p.Name;
      },
      get Value() {
        return p.Value;
      },
      set Value(v: unknown) {
        if (book.options.propertiesFail) throw new FakeError("the document is read-only");
        p.Value = v;
      },
    });
    return {
      get Count() {
        return book.properties.length;
      },
      Item(index: number | string) {
        const p = typeof index === "number" ? book.properties[index - 1] : book.properties.find((x) => x.Name === index);
        if (!p) throw new FakeError(`no such property: ${index}`);
        return item(p);
      },
      Add(Name: string, _link: boolean, Type: number, Value: unknown) {
        if (book.options.propertiesFail) throw new FakeError("the document is read-only");
        if (Type !== 4) throw new FakeError(`unexpected property type ${Type}`);
        if (book.properties.some((x) => x.Name === Name)) throw new FakeError(`property ${Name} exists`);
        const p = { Name, Value };
        book.properties.push(p);
        return item(p);
      },
    };
  }
}

export class FakeApplication implements WpsApplication {
  DisplayAlerts = true;
  ScreenUpdating = true;
  readonly book: FakeBook;
  readonly storage = new Map<string, string>();
  readonly taskPanes: { ID: number; url: string; title?: string; Visible: boolean }[] = [];
  private noWorkbook: boolean;

  constructor(sheets: FakeWpsSheetInit[], readonly options: FakeWpsOptions = {}) {
    this.book = new FakeBook(this, options.name ?? "工作簿1.xlsx", sheets, options);
    this.noWorkbook = options.noWorkbook ?? false;
  }

  /** Present in WPS's Application (the detection looks for it). */
  get Workbooks(): { Count: number } {
    return { Count: this.noWorkbook ? 0 : 1 };
  }

  get ActiveWorkbook(): WpsWorkbook | null {
    return this.noWorkbook ? null : new FakeWorkbook(this.book);
  }

  get ActiveWindow(): WpsWindow | null {
    const book = this.book;
    let split = 0;
    return {
      get FreezePanes() {
        return (book.active?.frozenRows ?? 0) > 0;
      },
      set FreezePanes(v: boolean) {
        if (book.active) book.active.frozenRows = v ? split : 0;
      },
      get SplitRow() {
        return split;
      },
      set SplitRow(n: number) {
        split = n;
      },
      SplitColumn: 0,
    };
  }

  get PluginStorage(): WpsPluginStorage {
    const storage = this.storage;
    return {
      getItem: (k: string) => storage.get(k) ?? "",
      setItem: (k: string, v: number | boolean | string) => {
        storage.set(k, String(v));
      },
    };
  }

  CreateTaskPane(url: string, title?: string): WpsTaskPane {
    const pane = { ID: this.taskPanes.length + 1, url, title, Visible: false };
    this.taskPanes.push(pane);
    return pane;
  }

  GetTaskPane(id: number): WpsTaskPane {
    const pane = this.taskPanes.find((p) => p.ID === id);
    if (!pane) throw new FakeError(`no task pane ${id}`);
    return pane;
  }

  /** Sheet names in order. */
  sheetNames(): string[] {
    return this.book.sheets.map((s) => s.name);
  }

  sheet(name: string): FakeSheet {
    const s = this.book.sheet(name);
    if (!s) throw new Error(`no sheet ${name}; sheets: ${this.sheetNames().join(", ")}`);
    return s;
  }
}

export function createFakeWps(sheets: FakeWpsSheetInit[], options: FakeWpsOptions = {}): FakeApplication {
  return new FakeApplication(sheets, options);
}
