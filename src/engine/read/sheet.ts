/**
 * Template recognition and parsing of one worksheet (SPEC §2). Sheets are recognised by their title and
 * header labels, never by fixed addresses. Layout variants live in synonyms.ts as data.
 */
import { a1, type CellValue, type Grid, isBlank, Sheet } from "../grid";
import type {
  Budget,
  BudgetLine,
  Grade,
  Indicator,
  Level1Key,
  Level2Key,
  Project,
  ReviewEntry,
  SheetKind,
  TemplateKind,
  Value,
} from "../model";
import { finite, roundScaled } from "../score/round";
import { hasOutputMark, isOutputName, OUTPUT_MARK_CELL } from "../summary/plan";
import { cellText, isNoValue, labelKey, splitLeadingCode, splitProjectCode, toHalfWidth } from "./normalise";
import {
  BLOCK_MARKERS,
  BUDGET_COLUMNS,
  BUDGET_SUB_ROWS,
  BUDGET_TOTAL_ROWS,
  CORE_YES,
  type BudgetColumn,
  FIELD_LABELS,
  type FieldName,
  FOOTER_PREFIXES,
  GRADE_WORDS,
  INDICATOR_COLUMNS,
  INDICATOR_POOL_LABEL,
  type IndicatorColumn,
  LEVEL1,
  LEVEL2,
  ownEntry,
  PLACEHOLDER_NAME,
  PREAMBLE_LINES,
  SIDE_BY_SIDE_BLOCKS,
  SPOTCHECK_COLUMNS,
  type SpotCheckColumn,
  STUB_NAME_PREFIX,
  SUBTOTAL_LABELS,
  synonymIndex,
  TITLE_WORDS,
  TOTAL_ROW_LABELS,
} from "./synonyms";
import { inferDirection, natureOf, type ParseOptions, parseSplitValue, parseValue } from "./value";

const FIELD_INDEX = synonymIndex(FIELD_LABELS as Record<FieldName, readonly string[]>);
const INDICATOR_INDEX = synonymIndex(INDICATOR_COLUMNS as Record<IndicatorColumn, readonly string[]>);
const BUDGET_INDEX = synonymIndex(BUDGET_COLUMNS as Record<BudgetColumn, readonly string[]>);
const SPOTCHECK_INDEX = synonymIndex(SPOTCHECK_COLUMNS as Record<SpotCheckColumn, readonly string[]>);
const TOTAL_ROWS = new Set(TOTAL_ROW_LABELS);
const BUDGET_TOTALS = new Set(BUDGET_TOTAL_ROWS);
const BUDGET_SUBS = new Set(BUDGET_SUB_ROWS);
const SUBTOTALS = new Set(SUBTOTAL_LABELS);
/** Footer prefixes as label keys ("说明:" → "说明"), and those that end a block wherever they stand (a colon). */
const FOOTER_KEYS = FOOTER_PREFIXES.map((p) => p.replace(":", ""));
const FOOTER_COLON_KEYS = FOOTER_PREFIXES.filter((p) => p.endsWith(":")).map((p) => p.replace(":", ""));

/** A bit per synonym index whose roles make headers (SheetReader's per-row summary). */
const INDEX_BIT = new Map<Map<string, string>, number>([
  [INDICATOR_INDEX, 1],
  [SPOTCHECK_INDEX, 2],
  [BUDGET_INDEX, 4],
]);

/**
 * What a label text says, wherever it stands: its key and bracketed numbers (labelKey), the INDEX_BIT bits of
 * the header indexes that give its key a role, the field its key names, and the "field：value" pairs written in
 * it. A county's forms repeat the same label texts thousands of times, so this is kept per text (bounded like
 * labelKey's cache); the reader makes one lookup per text cell.
 */
interface LabelInfo {
  key: string;
  numbers: readonly number[];
  bits: number;
  field: FieldName | undefined;
  /** isAnyLabelKey(key), worked out on first use. */
  any?: boolean;
  /** inlineFields(text) when the text holds a colon (else empty), worked out on first use. */
  inline?: readonly { field: FieldName; value: string }[];
}

const LABEL_INFO = new Map<string, LabelInfo>();

/** labelKey(upper + lower).key by the two texts (two-row headers and the rows probed for them repeat). */
const JOINED_KEYS = new Map<string, Map<string, string>>();
let joinedCount = 0;

function joinedKey(upper: string, lower: string): string {
  let byLower = JOINED_KEYS.get(upper);
  let key = byLower?.get(lower);
  if (key === undefined) {
    key = labelKey(upper + lower).key;
    if (joinedCount >= 20_000) {
      JOINED_KEYS.clear();
      joinedCount = 0;
      byLower = undefined;
    }
    if (!byLower) JOINED_KEYS.set(upper, (byLower = new Map()));
    byLower.set(lower, key);
    joinedCount++;
  }
  return key;
}

function labelInfo(text: string): LabelInfo {
  let info = LABEL_INFO.get(text);
  if (info === undefined) {
    const k = labelKey(text);
    let bits = 0;
    for (const [index, bit] of INDEX_BIT) if (index.has(k.key)) bits |= bit;
    info = { key: k.key, numbers: k.numbers, bits, field: FIELD_INDEX.get(k.key) };
    if (LABEL_INFO.size >= 20_000) LABEL_INFO.clear();
    LABEL_INFO.set(text, info);
  }
  return info;
}

/** The label holds "项目名称：…" with a value. */
function hasInlineName(l: Label): boolean {
  for (const f of inlineOf(l)) if (f.field === "name" && f.value !== "") return true;
  return false;
}

const NO_INLINE: readonly { field: FieldName; value: string }[] = [];

function inlineOf(l: Label): readonly { field: FieldName; value: string }[] {
  const info = l.info;
  if (info.inline === undefined) info.inline = /[:：]/.test(l.text) ? inlineFields(l.text) : NO_INLINE;
  return info.inline;
}

/** Rows scanned to recognise a sheet: a template's headers sit near its top. Huge ledgers cost only this. */
export const RECOGNITION_ROWS = 300;
/** Labels are short; long texts are content. */
const MAX_LABEL_LENGTH = 40;
/** "项目名称：…    主管部门：…" cells may be longer; they are read for their inline label–value pairs. */
const MAX_INLINE_LENGTH = 160;

export interface SheetReading {
  kind: SheetKind;
  projects: Project[];
  reviews: ReviewEntry[];
}

interface Label {
  row: number;
  col: number;
  key: string;
  numbers: readonly number[];
  text: string;
  /** What the label's text says whatever its place (shared by every cell holding that text). */
  info: LabelInfo;
  /** The key of the label joined to the text above it (see SheetReader.combinedKey), worked out on first use. */
  combined?: string | null;
}

type RoleMap<K extends string> = Partial<Record<K, number>>;

/** A header: its first and last row (two-row headers), role → first column, and every role column in order. */
interface Header<K extends string> {
  row: number;
  last: number;
  roles: RoleMap<K>;
  columns: { col: number; role: K }[];
}

function isAnyLabelKey(key: string): boolean {
  return (
    FIELD_INDEX.has(key) ||
    INDICATOR_INDEX.has(key) ||
    BUDGET_INDEX.has(key) ||
    TOTAL_ROWS.has(key) ||
    BUDGET_TOTALS.has(key) ||
    SPOTCHECK_INDEX.has(key)
  );
}

function isIndicatorHeader(roles: RoleMap<IndicatorColumn>): boolean {
  return (
    roles.name !== undefined &&
    (roles.target !== undefined || roles.actual !== undefined || roles.weight !== undefined || roles.reviewActual !== undefined)
  );
}

/** How many column roles a header names (a stray row of two labels names two; a form's header five or more). */
function roleCount(h: Header<string>): number {
  return Object.keys(h.roles).length;
}

/** A header row found near the top; `list`: a spot-check list's header (else an indicator header). */
type HeaderCandidate = Header<string> & { list?: boolean };

/** `h` is of the same kind and every column of it has the same role in `of` (h is `of`, or a block of its table). */
function sameTable(h: HeaderCandidate, of: HeaderCandidate): boolean {
  return !!h.list === !!of.list && h.columns.every((x) => of.columns.some((y) => y.col === x.col && y.role === x.role));
}

/**
 * The header among candidate header rows (in row order). The richest candidate (the most column roles; the first
 * of equals) is the table's header; an earlier candidate is taken instead only when it is a block of that same
 * table: every one of its columns has the same role there, and it names at least two thirds as many roles. So a
 * stray row that names a couple of indicator roles above a form ("指标内容 | 复核核实完成值", even in the form's own
 * columns) is passed over, while a form of several blocks (中期 / 年度) still starts at its first block when a
 * later block adds a column.
 */
function chooseHeader<H extends HeaderCandidate>(candidates: H[]): H | null {
  let best: H | null = null;
  for (const h of candidates) if (best === null || roleCount(h) > roleCount(best)) best = h;
  if (best === null) return null;
  const richest = best;
  return candidates.find((h) => sameTable(h, richest) && 3 * roleCount(h) >= 2 * roleCount(richest)) ?? richest;
}

function isListHeader(roles: RoleMap<SpotCheckColumn>): boolean {
  return roles.name !== undefined && roles.score !== undefined;
}

/** Parse a number from a cell: numbers, or text like "1,200", "93.5%", "15分". */
export function parseNumber(v: CellValue): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v !== "string") return null;
  const t = toHalfWidth(v).replace(/\s+/g, "").replace(/,/g, "");
  const m = /^[-+]?\d+(\.\d+)?(%|分|万元|元)?$/.exec(t);
  if (!m) return null;
  const n = Number.parseFloat(t);
  if (!Number.isFinite(n)) return null;
  return m[2] === "%" ? n / 100 : n;
}

/**
 * "项目名称：某某项目    主管部门：区民政局" → the known field labels in a cell and the text after each.
 * A label is the longest run (2–12 characters) before a colon that is a field synonym.
 */
export function inlineFields(text: string): { field: FieldName; value: string }[] {
  const hits: { field: FieldName; start: number; colon: number }[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== ":" && text[i] !== "：") continue;
    for (let s = Math.max(from, i - 12); s <= i - 2; s++) {
      const f = FIELD_INDEX.get(labelKey(text.slice(s, i)).key);
      if (f !== undefined) {
        hits.push({ field: f, start: s, colon: i });
        break;
      }
    }
    from = i + 1;
  }
  return hits.map((h, k) => ({
    field: h.field,
    value: text.slice(h.colon + 1, k + 1 < hits.length ? hits[k + 1].start : text.length).trim(),
  }));
}

/** isPreamble's answers by text (title rows repeat across a county's forms); emptied at 20,000 texts. */
const PREAMBLE_TEXTS = new Map<string, boolean>();

function isPreamble(text: string): boolean {
  let hit = PREAMBLE_TEXTS.get(text);
  if (hit === undefined) {
    if (PREAMBLE_TEXTS.size >= 20_000) PREAMBLE_TEXTS.clear();
    const t = toHalfWidth(text).replace(/\s+/g, "");
    hit = PREAMBLE_LINES.some((re) => re.test(t));
    PREAMBLE_TEXTS.set(text, hit);
  }
  return hit;
}

const NO_LABELS: readonly Label[] = [];

class SheetReader {
  readonly s: Sheet;
  /** Per row (index row − top): the row's labels in column order. */
  private readonly rowLabels: Label[][] = [];
  /**
   * Per scanned row (index row − top): how many of its cells are not blank, and which synonym indexes (bit per
   * index, INDEX_BIT) name a role in one of its labels. headerAt answers "no header here" from these alone for
   * the many rows that are data (see quickNoHeader).
   */
  private readonly nonBlank: number[] = [];
  private readonly roleBits: number[] = [];
  /** headerAt results per synonym index and row, for rows whose labels (and the next row's) are all scanned. */
  private readonly headers = new Map<Map<string, string>, Map<number, Header<string> | null>>();
  private readonly fields = new Map<string, unknown>();
  private scannedTo: number;

  constructor(
    readonly grid: Grid,
    readonly file: string,
  ) {
    this.s = new Sheet(grid);
    this.scannedTo = this.s.top - 1;
    this.scan(Math.min(this.s.bottom, this.s.top + RECOGNITION_ROWS + 1));
  }

  /** Collect labels down to `toRow`. */
  scan(toRow: number): void {
    for (let r = this.scannedTo + 1; r <= toRow; r++) {
      const at = r - this.s.top;
      const row = this.grid.values[at];
      let nonBlank = 0;
      let bits = 0;
      if (row) {
        for (let i = 0; i < row.length; i++) {
          const v = row[i];
          if (typeof v !== "string") {
            if (v !== null && v !== undefined) nonBlank++;
            continue;
          }
          const text = v.trim();
          if (text === "") continue;
          nonBlank++;
          if (text.length > MAX_LABEL_LENGTH && !(text.length <= MAX_INLINE_LENGTH && /[:：]/.test(text.slice(0, 16)))) continue;
          const info = labelInfo(text);
          const label: Label = { row: r, col: this.s.left + i, key: info.key, numbers: info.numbers, text, info, combined: undefined };
          bits |= info.bits;
          (this.rowLabels[at] ??= []).push(label);
        }
      }
      this.nonBlank[at] = nonBlank;
      this.roleBits[at] = bits;
    }
    if (toRow > this.scannedTo) this.scannedTo = toRow;
  }

  scanAll(): void {
    this.scan(this.s.bottom);
  }

  text(r: number, c: number): string {
    return cellText(this.s.get(r, c));
  }

  label(r: number, c: number): Label | undefined {
    const row = this.rowLabels[r - this.s.top];
    if (row === undefined) return undefined;
    // A row holds a handful of labels, in column order.
    for (let i = 0; i < row.length; i++) {
      const l = row[i];
      if (l.col >= c) return l.col === c ? l : undefined;
    }
    return undefined;
  }

  /** A segment's fields, worked out once per segment (by its rows) once all of its rows are scanned. */
  fieldsOf<T>(seg: Segment, compute: (rd: SheetReader, seg: Segment) => T): T {
    const key = `${seg.start}:${seg.end}`;
    let v = this.fields.get(key) as T | undefined;
    if (v === undefined) {
      v = compute(this, seg);
      if (seg.end <= this.scannedTo) this.fields.set(key, v);
    }
    return v;
  }

  /** The labels of row r, in column order. */
  labelsOfRow(r: number): readonly Label[] {
    return this.rowLabels[r - this.s.top] ?? NO_LABELS;
  }

  isLabel(r: number, c: number): boolean {
    const l = this.label(r, c);
    if (!l) return false;
    l.info.any ??= isAnyLabelKey(l.key);
    return l.info.any;
  }

  /** The text a header cell sits under: its own value, or the value of a merged area covering it from the same row. */
  private parentText(r: number, c: number): string {
    const own = this.text(r, c);
    if (own) return own;
    const m = this.s.mergeCovering(r, c);
    return m && m.top === r ? this.text(m.top, m.left) : "";
  }

  /** Role of a second-row header cell: "自评"+"得分", "年度"+"指标值" when the pair is a synonym, else its own label. */
  private childRole<K extends string>(r: number, c: number, l: Label, index: Map<string, K>): K | undefined {
    const key = this.combinedKey(r, c, l);
    if (key !== null) {
      const combined = index.get(key);
      if (combined !== undefined) return combined;
    }
    return index.get(l.key);
  }

  /**
   * The key of a second-row label joined to the text it sits under (null when that is blank). The cell above is
   * always the same for a label (childRole is asked about the label at (r + 1, c)), so the key is kept on it:
   * each index (indicator, spot-check, budget) asks again.
   */
  private combinedKey(r: number, c: number, l: Label): string | null {
    if (l.combined !== undefined && l.row === r + 1 && l.col === c) return l.combined;
    const parent = this.parentText(r, c);
    const key = parent ? joinedKey(parent, l.text) : null;
    if (l.row === r + 1 && l.col === c) l.combined = key;
    return key;
  }

  /** Row r+1 continues row r's header when every cell in it is a header label (alone or with the cell above). */
  private continuesHeader<K extends string>(r: number, index: Map<string, K>): boolean {
    const next = r + 1;
    if (next > this.s.bottom) return false;
    // Every non-blank cell of the row must be a label: a row with a number or a long text in it is no header.
    if (next <= this.scannedTo && !this.allLabels(next)) return false;
    const row = this.grid.values[next - this.s.top];
    if (!row) return false;
    let n = 0;
    for (let i = 0; i < row.length; i++) {
      const v = row[i];
      if (isBlank(v)) continue;
      if (typeof v !== "string") return false;
      const l = this.label(next, this.s.left + i);
      // Its own key naming a role is enough to continue (childRole prefers the joined key, but either is a role).
      if (!l || (!index.has(l.key) && this.childRole(r, this.s.left + i, l, index) === undefined)) return false;
      n++;
    }
    return n > 0;
  }

  /** Every non-blank cell of (scanned) row r is a label, and there is at least one. */
  private allLabels(r: number): boolean {
    const at = r - this.s.top;
    const n = this.nonBlank[at];
    return n > 0 && (this.rowLabels[at]?.length ?? 0) === n;
  }

  /**
   * True when row r can start no header for the index: none of its labels names a role of it, and the next
   * row cannot continue it (computeHeaderAt would find no column). Rows past the scanned ones are not known.
   */
  private quickNoHeader(r: number, index: Map<string, string>): boolean {
    if (r + 1 > this.scannedTo && r + 1 <= this.s.bottom) return false;
    const bit = INDEX_BIT.get(index);
    if (bit === undefined || (this.roleBits[r - this.s.top] ?? 0) & bit) return false;
    return r + 1 > this.s.bottom || !this.allLabels(r + 1);
  }

  /**
   * The header starting at row r for a synonym index. Two-row headers ("自评情况" over 分值 | 得分, or a label
   * split as "年度" / "指标值") are joined. Null when the row plainly starts none (no
   * label of it names a role of the index and the next row cannot continue one: most rows probed are data).
   */
  headerAt<K extends string>(r: number, index: Map<string, K>): Header<K> | null {
    // Recognition, each form's header search, the indicator rows and the budget block probe the same rows
    // with the same index again: the answer depends only on rows r and r + 1, so it is kept once both are scanned.
    if (r >= this.s.top && r <= this.scannedTo && this.quickNoHeader(r, index as Map<string, string>)) return null;
    let byRow = this.headers.get(index) as Map<number, Header<K> | null> | undefined;
    if (!byRow) {
      byRow = new Map();
      this.headers.set(index, byRow as Map<number, Header<string> | null>);
    }
    let h = byRow.get(r);
    if (h === undefined) {
      h = this.computeHeaderAt(r, index);
      if (r + 1 <= this.scannedTo) byRow.set(r, h);
    }
    return h;
  }

  /** The header at row r (see headerAt); null when it names no column role at all. */
  private computeHeaderAt<K extends string>(r: number, index: Map<string, K>): Header<K> | null {
    // One row's labels come in column order, so its columns need no map and no sort (most rows probed are data
    // rows with no role at all); a second header row can replace roles and add columns in between.
    let columns: { col: number; role: K }[] = [];
    for (const l of this.labelsOfRow(r)) {
      const role = index.get(l.key);
      if (role !== undefined) columns.push({ col: l.col, role });
    }
    let last = r;
    if (this.continuesHeader(r, index)) {
      const colRole = new Map<number, K>();
      for (const x of columns) colRole.set(x.col, x.role);
      for (const l of this.labelsOfRow(r + 1)) {
        const role = this.childRole(r, l.col, l, index);
        if (role !== undefined) colRole.set(l.col, role);
      }
      last = r + 1;
      columns = [];
      for (const [col, role] of colRole) columns.push({ col, role });
      columns.sort((x, y) => x.col - y.col);
    }
    if (columns.length === 0) return null;
    const roles: RoleMap<K> = {};
    for (const x of columns) if (roles[x.role] === undefined) roles[x.role] = x.col;
    return { row: r, last, roles, columns };
  }

  /** The first value right of a label on the same row, stopping at another label. */
  valueRight(r: number, c: number, maxCol = this.s.right): { v: CellValue; col: number } | null {
    for (let x = c + 1; x <= maxCol; x++) {
      const v = this.s.get(r, x);
      if (isBlank(v)) continue;
      if (this.isLabel(r, x)) return null;
      return { v, col: x };
    }
    return null;
  }

  /** The value under a column-header label (goal texts), skipping blank rows inside the label's merge. */
  valueBelow(r: number, c: number, maxRow: number): { v: CellValue; row: number } | null {
    const merge = this.s.mergeAt(r, c);
    const start = (merge ? merge.bottom : r) + 1;
    for (let y = start; y <= Math.min(maxRow, start); y++) {
      const v = this.s.get(y, c);
      if (isBlank(v)) continue;
      if (this.isLabel(y, c)) return null;
      return { v, row: y };
    }
    return null;
  }

  /** Texts of the first columns of some rows, preamble lines left out. */
  rowTexts(fromRow: number, toRow: number): string[] {
    const parts: string[] = [];
    for (let r = fromRow; r <= toRow; r++) {
      for (let c = this.s.left; c <= Math.min(this.s.right, this.s.left + 12); c++) {
        const t = this.text(r, c);
        if (t && !isPreamble(t)) parts.push(t);
      }
    }
    return parts;
  }

  titleText(fromRow: number, toRow: number): string {
    return this.rowTexts(fromRow, toRow).join(" ");
  }
}

interface Segment {
  start: number;
  end: number;
}

interface FieldHit {
  value: string | null;
  /** The value cell's content (the inline text for "label：value"), for `fieldNumber`. */
  source: CellValue;
  labelRow: number;
  labelCol: number;
  labelCell: string;
  valueCell: string | null;
}

/** Read one worksheet into projects or review entries. */
export function readSheet(grid: Grid, file: string): SheetReading {
  // The product's own sheets carry its mark in A2; a user's sheet that happens to share a name is read.
  if (isOutputName(grid.sheet) && hasOutputMark(new Sheet(grid).get(OUTPUT_MARK_CELL.row, OUTPUT_MARK_CELL.col))) {
    return { kind: "output", projects: [], reviews: [] };
  }
  const rd = new SheetReader(grid, file);
  const scanEnd = Math.min(rd.s.bottom, rd.s.top + RECOGNITION_ROWS);

  // Indicator headers and spot-check list headers near the top decide the kind (chooseHeader picks among them).
  type Candidate = (Header<IndicatorColumn> & { list?: false }) | (Header<SpotCheckColumn> & { list: true });
  const candidates: Candidate[] = [];
  for (let r = rd.s.top; r <= scanEnd; r++) {
    const ir = rd.headerAt(r, INDICATOR_INDEX);
    if (ir !== null && isIndicatorHeader(ir.roles)) {
      candidates.push(ir);
      continue;
    }
    const sr = rd.headerAt(r, SPOTCHECK_INDEX);
    if (sr !== null && isListHeader(sr.roles)) candidates.push({ ...sr, list: true });
  }
  const chosen = chooseHeader<Candidate>(candidates);
  if (!chosen) return { kind: "unrecognized", projects: [], reviews: [] };
  const listHeader = chosen.list ? (chosen as Header<SpotCheckColumn>) : null;
  const indicatorHeader = chosen.list ? null : (chosen as Header<IndicatorColumn>);
  rd.scanAll();
  if (listHeader) return { kind: "spot-check-list", projects: [], reviews: readSpotCheckList(rd, listHeader) };
  const header = indicatorHeader!;

  const roles = header.roles;
  if ((roles.reviewScore !== undefined || roles.reviewActual !== undefined) && roles.actual === undefined && roles.score === undefined) {
    const review = readReviewDetail(rd, header);
    return { kind: "spot-check-detail", projects: [], reviews: review ? [review] : [] };
  }
  let template: TemplateKind;
  if (roles.actual === undefined && roles.score === undefined) template = "goal";
  else if (
    roles.level1 === undefined &&
    roles.level2 === undefined &&
    // The title is read only when it can decide (every text of every row above the header, otherwise).
    (TITLE_WORDS.department.test(rd.titleText(rd.s.top, header.row)) || roles.coefficient !== undefined || roles.core !== undefined)
  ) {
    template = "department-self-assessment";
  } else template = "self-assessment";

  const segments = findSegments(rd, template);
  const projects: Project[] = [];
  segments.forEach((seg, i) => {
    const p = readForm(rd, seg, template, i);
    if (p) projects.push(p);
  });
  return { kind: template, projects, reviews: [] };
}

/** Split a sheet holding several stacked forms at each 项目名称 label. */
function findSegments(rd: SheetReader, template: TemplateKind): Segment[] {
  const whole: Segment = { start: rd.s.top, end: rd.s.bottom };
  if (template === "department-self-assessment") return [whole];
  const nameRows: number[] = [];
  for (let r = rd.s.top; r <= rd.s.bottom; r++) {
    for (const l of rd.labelsOfRow(r)) {
      if (l.info.field === "name" ? rd.valueRight(l.row, l.col) !== null : hasInlineName(l)) {
        nameRows.push(r); // a 项目名称 label with a value beside it, or "项目名称：某某项目" in one cell
        break;
      }
    }
  }
  if (nameRows.length <= 1) return [whole];
  const segs: Segment[] = [];
  for (let i = 0; i < nameRows.length; i++) {
    // Title rows just above the next 项目名称 belong to the next form.
    const start = i === 0 ? rd.s.top : titleStart(rd, nameRows[i], nameRows[i - 1]);
    const end = i + 1 < nameRows.length ? titleStart(rd, nameRows[i + 1], nameRows[i]) - 1 : rd.s.bottom;
    segs.push({ start, end });
  }
  return segs;
}

/** The first row of a form's title block above its 项目名称 row (up to 6 rows of title, preamble or blank rows). */
function titleStart(rd: SheetReader, nameRow: number, prevNameRow: number): number {
  let start = nameRow;
  for (let r = nameRow - 1; r > prevNameRow && r >= nameRow - 6; r--) {
    const texts: string[] = [];
    for (let c = rd.s.left; c <= Math.min(rd.s.right, rd.s.left + 12); c++) {
      const t = rd.text(r, c);
      if (t) texts.push(t);
    }
    if (texts.length === 0) {
      start = r;
      continue;
    }
    const first = texts[0];
    const firstKey = labelKey(first).key;
    // The previous form's 总分 row or its signature lines ("填表人：…") end the search.
    if (TOTAL_ROWS.has(firstKey) || FOOTER_KEYS.some((p) => firstKey.startsWith(p))) break;
    if (isPreamble(first) || /(表|年度|附件|填报)/.test(texts.join(" "))) start = r;
    else break;
  }
  // Blank rows at the top of the block belong to neither form; leave them to the previous one.
  while (start < nameRow && rd.titleText(start, start) === "" && rd.text(start, rd.s.left) === "") {
    let blank = true;
    for (let c = rd.s.left; c <= rd.s.right && blank; c++) if (!isBlank(rd.s.get(start, c))) blank = false;
    if (!blank) break;
    start++;
  }
  return start;
}

/** Where a field is found in a segment: its first label, or the first cell naming it inline with a value. */
type FieldSource = { label: Label; inline: null } | { label: Label; inline: string };

/**
 * Every field of a segment, found in one pass over its labels (readForm asks for about twelve): for each
 * field, the first label that is the field's own label, or that holds "field：value" with a value — the
 * label read first, as a per-field walk over the labels would find it.
 */
function fieldSources(rd: SheetReader, seg: Segment): Map<FieldName, FieldSource> {
  const out = new Map<FieldName, FieldSource>();
  for (let r = seg.start; r <= seg.end; r++) {
    for (const l of rd.labelsOfRow(r)) {
      const own = l.info.field;
      if (own !== undefined && !out.has(own)) out.set(own, { label: l, inline: null });
      // "项目名称：某某项目", "项目名称：…    主管部门：…" in one cell.
      for (const f of inlineOf(l)) {
        if (f.field !== own && f.value !== "" && !out.has(f.field)) out.set(f.field, { label: l, inline: f.value });
      }
    }
  }
  return out;
}

function readField(rd: SheetReader, seg: Segment, field: FieldName, below = false): FieldHit | null {
  const src = rd.fieldsOf(seg, fieldSources).get(field);
  if (!src) return null;
  const l = src.label;
  const labelCell = a1(l.row, l.col);
  const hit = (value: string | null, source: CellValue, valueCell: string | null): FieldHit => ({
    value,
    source,
    labelRow: l.row,
    labelCol: l.col,
    labelCell,
    valueCell,
  });
  if (src.inline !== null) return hit(src.inline, src.inline, labelCell);
  const right = rd.valueRight(l.row, l.col);
  if (right) return hit(cellText(right.v), right.v, a1(l.row, right.col));
  if (below) {
    const b = rd.valueBelow(l.row, l.col, seg.end);
    if (b) return hit(cellText(b.v), b.v, a1(b.row, l.col));
  }
  return hit(null, null, null);
}

/** A field's value as a number (parseNumber of its cell), null when there is none. */
function fieldNumber(hit: FieldHit | null): number | null {
  return hit === null ? null : parseNumber(hit.source);
}

/**
 * The form's year: "（2023年度）" in the title block (preamble lines such as "填报日期：2024年3月20日" left
 * out), else "2023年" in a title cell ("2023年部门整体绩效自评表").
 */
function formYear(rd: SheetReader, seg: Segment, titleEnd: number): number | null {
  const texts = rd.rowTexts(seg.start, Math.max(seg.start, titleEnd)).map(toHalfWidth);
  for (const t of texts) {
    const m = /((?:19|20)\d{2})\s*年度/.exec(t);
    if (m) return Number(m[1]);
  }
  for (const t of texts) {
    if (!/表|^[(（]?\s*(?:19|20)\d{2}\s*年\s*[)）]?$/.test(t)) continue;
    const m = /((?:19|20)\d{2})\s*年/.exec(t);
    if (m) return Number(m[1]);
  }
  return null;
}

function readForm(rd: SheetReader, seg: Segment, template: TemplateKind, ordinal: number): Project | null {
  const name = readField(rd, seg, "name");
  const code = readField(rd, seg, "code");
  const dept = readField(rd, seg, "department");
  const unit = readField(rd, seg, "unit");
  const total = readField(rd, seg, "statedTotal");

  const header = findIndicatorHeader(rd, seg);
  const firstDataRow = header ? header.row : seg.end;
  const fieldRows = [name, dept].filter((x): x is FieldHit => x !== null).map((x) => x.labelRow);
  const titleEnd = fieldRows.length ? Math.min(...fieldRows) - 1 : firstDataRow;

  let projectName = name?.value ?? null;
  let projectCode = code?.value ?? null;
  if (projectName) {
    const split = splitProjectCode(projectName);
    if (split.code && !projectCode) projectCode = split.code;
    projectName = split.name;
  }
  let department = dept?.value ?? null;
  let departmentCode: string | null = null;
  if (department) {
    const split = splitLeadingCode(department);
    department = split.name;
    departmentCode = split.code;
  }
  if (template === "department-self-assessment" && !projectName) projectName = department;
  if (!projectName && !header) return null;

  const indicators: Indicator[] = [];
  const declaredWeights: Project["declaredWeights"] = [];
  let statedTotal = fieldNumber(total);
  let statedTotalCell = total?.valueCell ?? null;
  let statedTotalWeight: number | null = null;
  if (header) {
    const block = readIndicators(rd, seg, header, template);
    indicators.push(...block.indicators);
    declaredWeights.push(...block.declared);
    if (block.total) {
      if (block.total.score !== null) {
        statedTotal = block.total.score;
        statedTotalCell = block.total.scoreCell;
      }
      statedTotalWeight = block.total.weight;
    }
  }

  const budget = template === "goal" ? readGoalFunds(rd, seg) : readBudget(rd, seg, header?.row ?? seg.end);
  const midterm = template === "goal" ? readField(rd, seg, "midtermFunds") : null;
  const goalTarget = readField(rd, seg, "goalTarget", true);
  const goalActual = readField(rd, seg, "goalActual", true);
  const goalMidterm = readField(rd, seg, "goalMidterm", true);
  const hasScoreColumns = header ? header.roles.weight !== undefined || header.roles.score !== undefined : false;

  return {
    id: `${rd.file}!${rd.grid.sheet}!${ordinal + 1}`,
    name: projectName ?? "",
    code: projectCode,
    department,
    departmentCode,
    unit: unit?.value ?? null,
    template,
    year: formYear(rd, seg, titleEnd),
    location: { file: rd.file, sheet: rd.grid.sheet, cell: firstCell(rd, seg) },
    fieldCells: {
      name: name ? (name.valueCell ?? name.labelCell) : null,
      department: dept ? (dept.valueCell ?? dept.labelCell) : null,
      unit: unit ? (unit.valueCell ?? unit.labelCell) : null,
    },
    budget,
    midtermFunds: fieldNumber(midterm),
    goal: { target: goalTarget?.value ?? null, actual: goalActual?.value ?? null, midterm: goalMidterm?.value ?? null },
    indicators,
    declaredWeights,
    statedTotal,
    statedTotalCell,
    statedTotalWeight,
    conclusion: readField(rd, seg, "conclusion")?.value ?? null,
    problems: readField(rd, seg, "problems")?.value ?? null,
    measures: readField(rd, seg, "measures")?.value ?? null,
    hasScoreColumns,
    selfScore: null,
    computedScore: null,
    grade: null,
    computedGrade: null,
    review: null,
  };
}

/** The form's top-left cell: its title (or first label), preamble lines ("附件2", "填报单位：…") skipped. */
function firstCell(rd: SheetReader, seg: Segment): string | null {
  for (let r = seg.start; r <= seg.end; r++) {
    for (let c = rd.s.left; c <= rd.s.right; c++) {
      const v = rd.s.get(r, c);
      if (isBlank(v)) continue;
      if (typeof v === "string" && isPreamble(v)) continue;
      return a1(r, c);
    }
  }
  return null;
}

/**
 * A form's indicator header (see chooseHeader) among the header rows in the form's first RECOGNITION_ROWS rows;
 * past those, the first one further down.
 */
function findIndicatorHeader(rd: SheetReader, seg: Segment): Header<IndicatorColumn> | null {
  const candidates: Header<IndicatorColumn>[] = [];
  for (let r = seg.start; r <= seg.end && (candidates.length === 0 || r <= seg.start + RECOGNITION_ROWS); r++) {
    const h = rd.headerAt(r, INDICATOR_INDEX);
    if (h !== null && isIndicatorHeader(h.roles)) {
      candidates.push(h);
      if (r > seg.start + RECOGNITION_ROWS) break;
    }
  }
  return chooseHeader(candidates);
}

function level1Of(key: string): Level1Key | null {
  return ownEntry(LEVEL1, key) ?? ownEntry(LEVEL1, key.replace(/指标$/, "")) ?? null;
}
function level2Of(key: string): Level2Key | null {
  return ownEntry(LEVEL2, key) ?? ownEntry(LEVEL2, `${key}指标`) ?? null;
}

function cleanText(v: CellValue): string | null {
  if (isNoValue(v)) return null;
  const t = cellText(v);
  return t === "" ? null : t;
}

/**
 * t without the whitespace runs that hold a line break: /\s*\n\s*\/g in linear time (the regex scans a long run
 * of spaces from each of its characters; 32,000 spaces in a name cell took 3 s).
 */
export function joinLines(t: string): string {
  if (!t.includes("\n")) return t;
  const lines = t.split("\n");
  const last = lines.length - 1;
  return lines.map((l, i) => (i > 0 && i < last ? l.trim() : i > 0 ? l.trimStart() : i < last ? l.trimEnd() : l)).join("");
}

/** Indicator name as written, without line breaks and without a typed-over stub prefix ("指标1："). */
function cleanName(v: CellValue): string | null {
  const t = cleanText(v);
  if (t === null) return null;
  const flat = joinLines(t).trim();
  const rest = flat.replace(STUB_NAME_PREFIX, "");
  if (rest === flat) return flat;
  return rest === "" ? flat.replace(/[:：.、]\s*$/, "") : rest;
}

/** Characters every subtotal label holds: a text without them is no subtotal (most indicator cells). */
const SUBTOTAL_CHARS = [...SUBTOTAL_LABELS[0]].filter((ch) => SUBTOTAL_LABELS.every((l) => l.includes(ch)));

function isSubtotal(text: string | null): boolean {
  return text !== null && SUBTOTAL_CHARS.every((ch) => text.includes(ch)) && SUBTOTALS.has(labelKey(text).key);
}

interface IndicatorBlock {
  indicators: Indicator[];
  declared: Project["declaredWeights"];
  total: { score: number | null; scoreCell: string | null; weight: number | null } | null;
}

type Level1State = { key: Level1Key | null; label: string } | null;
type Level2State = { key: Level2Key | null; label: string } | null;

/**
 * Column groups of an indicator header. Usually one; goal tables of the 88号 original put the 中期 and 年度
 * blocks side by side (一级 | 二级 | 三级 | 指标值 | 二级 | 三级 | 指标值): a repeated 二级 or 三级 column starts a
 * new group, and later groups share the first group's 一级 column.
 */
function indicatorGroups(h: Header<IndicatorColumn>): RoleMap<IndicatorColumn>[] {
  const groups: RoleMap<IndicatorColumn>[] = [{}];
  for (const { col, role } of h.columns) {
    const g = groups[groups.length - 1];
    if (g[role] === undefined) g[role] = col;
    else if ((role === "name" || role === "level2") && g.name !== undefined) groups.push({ [role]: col });
  }
  return groups.filter((g) => g.name !== undefined);
}

function readIndicators(rd: SheetReader, seg: Segment, header: Header<IndicatorColumn>, template: TemplateKind): IndicatorBlock {
  let groups = indicatorGroups(header);
  let roles = groups[0];
  const collected: { group: number; indicator: Indicator }[] = [];
  const declared: Project["declaredWeights"] = [];
  let level1: Level1State = null;
  let level2s: Level2State[] = groups.map(() => null);
  let block: "annual" | "midterm" | null = template === "goal" ? "annual" : null;
  let blankRun = 0;
  let total: IndicatorBlock["total"] = null;
  let firstRoleCol = Math.min(...(Object.values(roles) as number[]));
  const blockOf = (g: number): "annual" | "midterm" | null =>
    groups.length > 1 && template === "goal" ? (SIDE_BY_SIDE_BLOCKS[g] ?? block) : block;
  // One pool for every indicator in the margin label ("绩效指标(90分)", 四川): a declaration of the whole.
  for (let r = header.row; r <= header.last; r++) {
    for (let c = rd.s.left; c < firstRoleCol; c++) {
      const l = rd.label(r, c);
      if (l && l.numbers.length && INDICATOR_POOL_LABEL.test(l.key)) {
        declared.push({ level1: null, label: l.text.replace(/\s+/g, ""), weight: l.numbers[0], cell: a1(r, c) });
      }
    }
  }

  for (let r = header.last + 1; r <= seg.end; r++) {
    // A repeated header (second block) remaps the columns.
    const again = rd.headerAt(r, INDICATOR_INDEX);
    if (again !== null && isIndicatorHeader(again.roles)) {
      groups = indicatorGroups(again);
      roles = groups[0];
      level2s = groups.map(() => null);
      firstRoleCol = Math.min(...(Object.values(roles) as number[]));
      r = again.last;
      continue;
    }
    // How many cells of the row are not empty, and the first of them.
    let filled = 0;
    let firstCol = -1;
    const values = rd.grid.values[r - rd.s.top];
    if (values) {
      for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (v === null || v === undefined || (typeof v === "string" && v.trim() === "")) continue;
        if (filled++ === 0) firstCol = rd.s.left + i;
      }
    }
    if (filled === 0) {
      blankRun++;
      if (blankRun >= 3 && collected.length > 0) break;
      continue;
    }
    blankRun = 0;
    const first = { col: firstCol, text: rd.text(r, firstCol) };
    const firstKey = (rd.label(r, first.col) ?? labelKey(first.text)).key;
    // Block markers ("中期绩效指标" / "年度绩效指标") on a row of their own.
    const marker = BLOCK_MARKERS.find((m) => m.re.test(firstKey));
    if (marker && filled === 1) {
      block = marker.block;
      level1 = null;
      level2s = groups.map(() => null);
      continue;
    }
    // Total row ends the block.
    if (TOTAL_ROWS.has(firstKey) && first.col <= (roles.name ?? firstRoleCol)) {
      const scoreCol = roles.score;
      const weightCol = roles.weight;
      let score = scoreCol !== undefined ? parseNumber(rd.s.get(r, scoreCol)) : null;
      let scoreCell = scoreCol !== undefined && score !== null ? a1(r, scoreCol) : null;
      if (score === null) {
        // "总分 | 100 | 94.5": the last number on the row that is not the weight column.
        for (let c = rd.s.right; c > firstCol; c--) {
          if (rd.text(r, c) === "") continue;
          const n = parseNumber(rd.s.get(r, c));
          if (n !== null && c !== weightCol) {
            score = n;
            scoreCell = a1(r, c);
            break;
          }
        }
      }
      total = { score, scoreCell, weight: weightCol !== undefined ? parseNumber(rd.s.get(r, weightCol)) : null };
      break;
    }
    if (first.col < (roles.level1 ?? roles.name ?? firstRoleCol) && FOOTER_KEYS.some((p) => firstKey.startsWith(p))) break;
    if (FOOTER_COLON_KEYS.some((p) => firstKey.startsWith(p))) break;
    const firstField = FIELD_INDEX.get(firstKey);
    if (firstField === "conclusion" || firstField === "problems" || firstField === "measures") break;

    // Categories, inherited downward (merged cells hold the label only in their top-left cell).
    let level1Here = false;
    let declaredHere = false;
    if (roles.level1 !== undefined) {
      const t = cleanText(rd.s.get(r, roles.level1));
      if (t && !isSubtotal(t)) {
        const k = labelKey(t);
        const key = level1Of(k.key);
        const label = t.replace(/\s+/g, "");
        level1 = { key, label };
        level1Here = true;
        level2s = groups.map(() => null);
        if (k.numbers.length) {
          declared.push({ level1: key, label, weight: k.numbers[0], cell: a1(r, roles.level1) });
          declaredHere = true;
        }
      }
    }
    groups.forEach((g, gi) => {
      const level2Text = g.level2 !== undefined ? cleanText(rd.s.get(r, g.level2)) : null;
      if (level2Text && !isSubtotal(level2Text)) level2s[gi] = { key: level2Of(labelKey(level2Text).key), label: level2Text.replace(/\s+/g, "") };
      if (g.name === undefined) return;
      const nameText = cleanName(rd.s.get(r, g.name));
      // A row with no 三级 name and no target or actual is a category row: a 一级/二级 label alone, or a
      // subtotal ("小计", or the 一级 row carrying its weight). Its weight declares the category's weight.
      const noValues = isNoValue(g.target !== undefined ? rd.s.get(r, g.target) : null) && isNoValue(g.actual !== undefined ? rd.s.get(r, g.actual) : null);
      if ((nameText === null && noValues) || isSubtotal(nameText) || isSubtotal(level2Text)) {
        const weight = g.weight !== undefined ? parseNumber(rd.s.get(r, g.weight)) : null;
        const wholeCategory = level1Here || (isSubtotal(nameText) && !level2Text) || (isSubtotal(level2Text) && nameText === null);
        if (gi === 0 && weight !== null && level1 && wholeCategory && !declaredHere && !declared.some((d) => d.label === level1!.label)) {
          declared.push({ level1: level1.key, label: level1.label, weight, cell: a1(r, g.weight!) });
        }
        return;
      }
      const rowRoles: RoleMap<IndicatorColumn> = gi === 0 ? g : { ...g, level1: roles.level1 };
      const ind = readIndicatorRow(rd, r, rowRoles, nameText, level1, level2s[gi], blockOf(gi), template);
      if (ind) collected.push({ group: gi, indicator: ind });
    });
  }
  // Side-by-side blocks: all of the first block, then the next (the sort is stable).
  if (collected.some((x) => x.group > 0)) collected.sort((a, b) => a.group - b.group);
  const indicators = collected.map((x) => x.indicator);
  return { indicators, declared, total };
}

function roleCell<K extends string>(s: Sheet, r: number, roles: RoleMap<K>, role: K): CellValue {
  const c = roles[role];
  return c === undefined ? null : s.get(r, c);
}

function rolePercent<K extends string>(s: Sheet, r: number, roles: RoleMap<K>, role: K): boolean {
  const c = roles[role];
  return c !== undefined && s.isPercent(r, c);
}

function roleAddress<K extends string>(r: number, roles: RoleMap<K>, role: K): string | null {
  const c = roles[role];
  return c === undefined ? null : a1(r, c);
}

const PERCENT_FORMAT: ParseOptions = Object.freeze({ percentFormat: true });
const PLAIN_FORMAT: ParseOptions = Object.freeze({ percentFormat: false });

/**
 * A value cell of an indicator row. `opCell` undefined: one cell holds operator, number and unit; otherwise the
 * 四川 split layout (operator cell, or null when the operator does not apply, and the unit cell).
 */
function parseRole(s: Sheet, r: number, roles: RoleMap<IndicatorColumn>, role: IndicatorColumn, opCell: CellValue | undefined, unitCell: CellValue): Value {
  const opts = rolePercent(s, r, roles, role) ? PERCENT_FORMAT : PLAIN_FORMAT;
  const v = roleCell(s, r, roles, role);
  return opCell === undefined ? parseValue(v, opts) : parseSplitValue(opCell, v, unitCell, opts);
}

function readIndicatorRow(
  rd: SheetReader,
  r: number,
  roles: RoleMap<IndicatorColumn>,
  nameText: string | null,
  level1: Level1State,
  level2: Level2State,
  block: "annual" | "midterm" | null,
  template: TemplateKind,
): Indicator | null {
  const s = rd.s;
  // Plain helpers, not closures: this runs for every indicator row of a county (~20,000 rows a run).
  const get = roleCell;
  const opCell = get(s, r, roles, "op");
  const nature = natureOf(opCell);
  const unitCell = get(s, r, roles, "unit");
  const split = roles.op !== undefined || roles.unit !== undefined;
  const parse = (role: IndicatorColumn, withOp: boolean): Value => parseRole(s, r, roles, role, split ? (withOp && !nature ? opCell : null) : undefined, unitCell);
  const cellOf = (role: IndicatorColumn): string | null => roleAddress(r, roles, role);

  let target = parse("target", true);
  let targetCell = cellOf("target");
  const adjusted = roles.adjustedTarget !== undefined ? parse("adjustedTarget", true) : null;
  if (adjusted && adjusted.kind !== "empty") {
    target = adjusted;
    targetCell = cellOf("adjustedTarget");
  }
  const hasActualColumn = roles.actual !== undefined;
  let actual = hasActualColumn ? parse("actual", false) : null;
  // A percent target with a bare fraction as actual (number formats unknown): 0.724 → 72.4 %.
  if (actual && target.unit === "%" && actual.kind === "number" && actual.unit === null && actual.value !== null && target.value !== null && target.value > 1 && Math.abs(actual.value) <= 1.5 && !rd.grid.numberFormats) {
    actual = { ...actual, value: Math.round(actual.value * 1e8) / 1e6, unit: "%" };
  }
  const weight = parseNumber(get(s, r, roles, "weight"));
  const score = parseNumber(get(s, r, roles, "score"));
  const reason = cleanText(get(s, r, roles, "reason"));
  const reviewScore = parseNumber(get(s, r, roles, "reviewScore"));
  const reviewActual = roles.reviewActual !== undefined ? parse("reviewActual", false) : null;
  const reviewNote = cleanText(get(s, r, roles, "reviewNote"));
  const coefficientRaw = get(s, r, roles, "coefficient");
  let coefficient = parseNumber(coefficientRaw);
  if (coefficient !== null && !rolePercent(s, r, roles, "coefficient") && typeof coefficientRaw === "number" && coefficient > 1.5) coefficient = coefficient / 100;
  const coreText = cleanText(get(s, r, roles, "core"));

  const hasValues =
    target.kind !== "empty" || (actual !== null && actual.kind !== "empty") || weight !== null || score !== null;
  let name = nameText;
  if (!name) {
    if (!hasValues) return null;
    name = level2?.label ?? level1?.label ?? "";
  } else if (PLACEHOLDER_NAME.test(name.replace(/\s+/g, "")) && !hasValues) {
    return null;
  }
  if (!name) return null;

  const l1 = level1?.key ?? null;
  const l2 = level2?.key ?? null;
  let direction = inferDirection(target, name, l1, l2);
  if (nature === "qualitative") direction = "qualitative";
  const nameCell = a1(r, roles.name!);
  const reviewed = reviewScore !== null || (reviewActual !== null && reviewActual.kind !== "empty") || reviewNote !== null;
  return {
    level1: l1,
    level1Label: level1?.label ?? null,
    level2: l2,
    level2Label: level2?.label ?? null,
    name,
    target,
    actual: template === "goal" ? null : actual,
    weight,
    score,
    computedScore: null,
    reason,
    cell: nameCell,
    cells: {
      name: nameCell,
      target: targetCell,
      actual: cellOf("actual"),
      weight: cellOf("weight"),
      score: cellOf("score"),
      reason: cellOf("reason"),
      reviewScore: cellOf("reviewScore"),
    },
    direction,
    weightSource: weight !== null ? "sheet" : null,
    block,
    coefficient,
    core: coreText === null ? null : CORE_YES.test(coreText),
    nature,
    // Review columns on a self-assessment sheet (抽评): null for rows the reviewer left blank.
    review: reviewed
      ? { actual: reviewActual, score: reviewScore, note: reviewNote, cell: cellOf("reviewScore") ?? cellOf("reviewActual") }
      : null,
  };
}

function emptyBudget(): Budget {
  return {
    initial: null,
    adjusted: null,
    executed: null,
    rate: null,
    statedRate: null,
    weight: null,
    statedWeight: null,
    score: null,
    computedScore: null,
    reason: null,
    fromSubRows: false,
    lines: [],
    cells: { total: null, initial: null, adjusted: null, executed: null, rate: null, weight: null, score: null, reason: null },
  };
}

function parseRate(v: CellValue, percentFormat: boolean): number | null {
  if (typeof v === "string") return parseNumber(v.includes("%") ? v : v) === null ? null : rateFromNumber(parseNumber(v)!, v.includes("%"));
  const n = parseNumber(v);
  if (n === null) return null;
  return rateFromNumber(n, percentFormat);
}

function rateFromNumber(n: number, isFraction: boolean): number {
  if (isFraction) return n;
  return Math.abs(n) > 1.5 ? n / 100 : n;
}

function budgetRowLabel(key: string): "total" | "sub" | null {
  const k = key.replace(/^其中[:：]?/, "");
  if (BUDGET_TOTALS.has(k) && !key.startsWith("其中")) return "total";
  if (key.startsWith("其中") || BUDGET_SUBS.has(k)) return "sub";
  return null;
}

/** A budget block's header names at least two of these. */
const BUDGET_HEADER_ROLES: readonly BudgetColumn[] = ["initial", "adjusted", "executed", "rate"];

function readBudget(rd: SheetReader, seg: Segment, limitRow: number): Budget | null {
  let header: Header<BudgetColumn> | null = null;
  for (let r = seg.start; r < limitRow && r <= seg.end; r++) {
    const h = rd.headerAt(r, BUDGET_INDEX);
    if (h === null) continue;
    let n = 0;
    for (const k of BUDGET_HEADER_ROLES) if (h.roles[k] !== undefined) n++;
    if (n >= 2) {
      header = h;
      break;
    }
  }
  if (!header) return null;
  const roles = header.roles;
  const roleCols = Object.values(roles) as number[];
  const firstRoleCol = Math.min(...roleCols);
  const b = emptyBudget();
  let blockWeight: number | null = null;
  for (let c = rd.s.left; c < firstRoleCol; c++) {
    const l = rd.label(header.row, c);
    if (l && l.numbers.length) blockWeight = l.numbers[0];
  }
  // The budget block label may sit on a row above the header too ("预算执行情况(10分)").
  const num = (r: number, role: BudgetColumn): number | null => (roles[role] === undefined ? null : parseNumber(rd.s.get(r, roles[role]!)));
  let totalRow: number | null = null;
  for (let r = header.last + 1; r <= Math.min(seg.end, limitRow - 1, header.last + 10); r++) {
    let labelText = "";
    let labelCol = -1;
    for (let c = firstRoleCol - 1; c >= rd.s.left; c--) {
      const t = rd.text(r, c);
      if (t !== "") {
        labelText = t;
        labelCol = c;
        break;
      }
    }
    const key = labelKey(labelText).key;
    const kind = labelText ? budgetRowLabel(key) : null;
    const amounts = (["initial", "adjusted", "executed"] as const).map((k) => num(r, k));
    const anyAmount = amounts.some((x) => x !== null);
    if (!kind) {
      if (!labelText && anyAmount && totalRow === null) {
        totalRow = r; // department form: the values row under the header has no label
        continue;
      }
      if (labelText) break;
      if (!anyAmount && totalRow !== null) break;
      continue;
    }
    if (kind === "total" && totalRow === null) totalRow = r;
    else if (kind === "sub") {
      const line: BudgetLine = {
        label: labelText.replace(/\s+/g, ""),
        initial: amounts[0],
        adjusted: amounts[1],
        executed: amounts[2],
        cell: a1(r, labelCol),
      };
      b.lines.push(line);
    }
  }
  if (totalRow !== null) {
    const r = totalRow;
    b.initial = num(r, "initial");
    b.adjusted = num(r, "adjusted");
    b.executed = num(r, "executed");
    const rateCol = roles.rate;
    b.statedRate = rateCol !== undefined ? parseRate(rd.s.get(r, rateCol), rd.s.isPercent(r, rateCol)) : null;
    b.statedWeight = num(r, "weight") ?? blockWeight;
    b.score = num(r, "score");
    b.reason = roles.reason !== undefined ? cleanText(rd.s.get(r, roles.reason)) : null;
    const cell = (role: BudgetColumn) => (roles[role] === undefined ? null : a1(r, roles[role]!));
    b.cells = {
      total: a1(r, firstRoleCol),
      initial: cell("initial"),
      adjusted: cell("adjusted"),
      executed: cell("executed"),
      rate: cell("rate"),
      weight: cell("weight"),
      score: cell("score"),
      reason: cell("reason"),
    };
  } else {
    b.cells.total = a1(header.row, firstRoleCol);
  }
  // A total row of zeros or blanks with amounts in the sub-rows: use the sub-rows' sum.
  const sum = (k: "initial" | "adjusted" | "executed"): number | null => {
    const xs = b.lines.map((l) => l[k]).filter((x): x is number => x !== null);
    // Amounts past ±1.8e308 in total cannot be added up: the sum is not known.
    return xs.length ? finite(roundScaled(xs.reduce((a, x) => a + x, 0), 6)) : null;
  };
  const totalEmpty = !b.adjusted && !b.executed && !b.initial;
  if (totalEmpty && b.lines.some((l) => l.adjusted || l.executed || l.initial)) {
    b.initial = sum("initial");
    b.adjusted = sum("adjusted");
    b.executed = sum("executed");
    b.fromSubRows = true;
  }
  b.weight = b.statedWeight;
  return b;
}

/** Goal tables: "年度资金总额： 800" with its "其中：财政拨款" / "其他资金" rows below in the same column. */
function readGoalFunds(rd: SheetReader, seg: Segment): Budget | null {
  const annual = readField(rd, seg, "annualFunds");
  const annualAmount = fieldNumber(annual);
  if (!annual || annualAmount === null) return readBudget(rd, seg, seg.end);
  const b = emptyBudget();
  b.adjusted = annualAmount;
  b.cells.total = annual.valueCell;
  b.cells.adjusted = annual.valueCell;
  for (let r = annual.labelRow + 1; r <= Math.min(seg.end, annual.labelRow + 6); r++) {
    const l = rd.label(r, annual.labelCol);
    if (!l || budgetRowLabel(l.key) !== "sub") break;
    const right = rd.valueRight(r, annual.labelCol);
    const amount = right ? parseNumber(right.v) : null;
    b.lines.push({ label: l.text.replace(/\s+/g, ""), initial: null, adjusted: amount, executed: null, cell: a1(r, annual.labelCol) });
  }
  return b;
}

const GRADES: Grade[] = ["优", "良", "中", "差"];

function readGrade(v: CellValue): Grade | null {
  const t = cellText(v).replace(/\s+/g, "");
  if (!t) return null;
  for (const g of GRADES) if (t === g || t.startsWith(g)) return g;
  for (const [re, g] of GRADE_WORDS) if (re.test(t)) return g;
  return null;
}

function readSpotCheckList(rd: SheetReader, header: Header<SpotCheckColumn>): ReviewEntry[] {
  const roles = header.roles;
  const out: ReviewEntry[] = [];
  let blank = 0;
  for (let r = header.last + 1; r <= rd.s.bottom; r++) {
    const nameText = roles.name !== undefined ? cleanText(rd.s.get(r, roles.name)) : null;
    if (!nameText) {
      if (++blank >= 5) break;
      continue;
    }
    blank = 0;
    if (TOTAL_ROWS.has(labelKey(nameText).key)) continue;
    const get = (role: SpotCheckColumn): CellValue => (roles[role] === undefined ? null : rd.s.get(r, roles[role]!));
    let name = nameText;
    let code = cleanText(get("code"));
    const split = splitProjectCode(name);
    if (split.code) {
      name = split.name;
      code = code ?? split.code;
    }
    const deptText = cleanText(get("department"));
    out.push({
      name,
      code,
      department: deptText ? splitLeadingCode(deptText).name : null,
      selfScore: parseNumber(get("selfScore")),
      score: parseNumber(get("score")),
      grade: readGrade(get("grade")),
      note: cleanText(get("note")),
      location: { file: rd.file, sheet: rd.grid.sheet, cell: a1(r, roles.name!) },
      indicators: [],
    });
  }
  return out;
}

/** "项目编码&项目名称&日期.xlsx" exported by review systems. */
export function projectFromFileName(file: string): { code: string | null; name: string } | null {
  const base = file.replace(/^.*[\\/]/, "").replace(/\.xlsx$/i, "");
  const parts = base.split(/[&＆]/);
  if (parts.length >= 2) {
    const code = /^[0-9A-Z]{6,}$/.test(parts[0].trim()) ? parts[0].trim() : null;
    return { code, name: (code ? parts[1] : parts[0]).trim() };
  }
  return null;
}

function readReviewDetail(rd: SheetReader, header: Header<IndicatorColumn>): ReviewEntry | null {
  const seg = { start: rd.s.top, end: rd.s.bottom };
  const nameField = readField(rd, seg, "name");
  const deptText = readField(rd, seg, "department")?.value ?? null;
  let name = nameField?.value ?? null;
  let code = readField(rd, seg, "code")?.value ?? null;
  if (name) {
    const split = splitProjectCode(name);
    name = split.name;
    code = code ?? split.code;
  } else {
    const fromFile = projectFromFileName(rd.file);
    if (fromFile) {
      name = fromFile.name;
      code = code ?? fromFile.code;
    }
  }
  if (!name) return null;
  const roles = header.roles;
  const indicators: ReviewEntry["indicators"] = [];
  let level1: Level1Key | null = null;
  let level2: Level2Key | null = null;
  for (let r = header.last + 1; r <= rd.s.bottom; r++) {
    const get = (role: IndicatorColumn): CellValue => (roles[role] === undefined ? null : rd.s.get(r, roles[role]!));
    const pct = (role: IndicatorColumn): boolean => roles[role] !== undefined && rd.s.isPercent(r, roles[role]!);
    const t1 = cleanText(get("level1"));
    if (t1) {
      if (TOTAL_ROWS.has(labelKey(t1).key)) break;
      level1 = level1Of(labelKey(t1).key);
      level2 = null;
    }
    const t2 = cleanText(get("level2"));
    if (t2) level2 = level2Of(labelKey(t2).key);
    const n = cleanName(get("name"));
    if (!n || isSubtotal(n)) continue;
    const opCell = get("op");
    const target = parseSplitValue(natureOf(opCell) ? null : opCell, get("target"), get("unit"), { percentFormat: pct("target") });
    const actual =
      roles.unit !== undefined
        ? parseSplitValue(null, get("reviewActual"), get("unit"), { percentFormat: pct("reviewActual") })
        : parseValue(get("reviewActual"), { percentFormat: pct("reviewActual") });
    indicators.push({
      level1,
      level2,
      name: n,
      target,
      weight: parseNumber(get("weight")),
      actual,
      score: parseNumber(get("reviewScore")),
      note: cleanText(get("note")) ?? cleanText(get("reviewNote")),
      cell: a1(r, roles.name!),
    });
  }
  return {
    name,
    code,
    department: deptText ? splitLeadingCode(deptText).name : null,
    selfScore: null,
    score: null,
    grade: null,
    note: null,
    location: { file: rd.file, sheet: rd.grid.sheet, cell: nameField?.labelCell ?? null },
    indicators,
  };
}
