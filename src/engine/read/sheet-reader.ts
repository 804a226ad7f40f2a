/**
 * A worksheet as the reader sees it: its labels (text cells short enough to be labels, with what each says per
 * the label index), header rows found for a header index (two-row headers joined), values beside and below
 * labels, and the notes of the reading map (what each row was taken as). Block readers work on this.
 */
import { type CellValue, type Grid, isBlank, Sheet } from "../grid";
import type { RowReading } from "../model";
import { type FieldName } from "./synonyms";
import { BUDGET_BIT, INDICATOR_BIT, type LabelIndex, type LabelInfo, LIST_BIT, type RoleIndex } from "./label-index";
import { cellText } from "./normalise";

/** Rows scanned to recognise a sheet: a template's headers sit near its top. Huge ledgers cost only this. */
export const RECOGNITION_ROWS = 300;
/** Labels are short; long texts are content. */
const MAX_LABEL_LENGTH = 40;
/** "项目名称：…    主管部门：…" cells may be longer; they are read for their inline label–value pairs. */
const MAX_INLINE_LENGTH = 160;

export interface Label {
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

export type RoleMap<K extends string> = Partial<Record<K, number>>;

/** A header: its first and last row (two-row headers), role → first column, and every role column in order. */
export interface Header<K extends string> {
  row: number;
  last: number;
  roles: RoleMap<K>;
  columns: { col: number; role: K }[];
}

export interface Segment {
  start: number;
  end: number;
}

const NO_LABELS: readonly Label[] = [];

export class SheetReader {
  readonly s: Sheet;
  /** Per row (index row − top): the row's labels in column order. */
  private readonly rowLabels: Label[][] = [];
  /**
   * Per scanned row (index row − top): how many of its cells are not blank, and which header indexes (a bit
   * each) name a role in one of its labels. headerAt answers "no header here" from these alone for the many
   * rows that are data (see quickNoHeader).
   */
  private readonly nonBlank: number[] = [];
  private readonly roleBits: number[] = [];
  /** headerAt results per header index and row, for rows whose labels (and the next row's) are all scanned. */
  private readonly headers = new Map<RoleIndex<string>, Map<number, Header<string> | null>>();
  private readonly fields = new Map<string, unknown>();
  private scannedTo: number;
  /** The reading map's row notes, in the order they were taken (runs of the same kind joined). */
  readonly notes: RowReading[] = [];

  constructor(
    readonly grid: Grid,
    readonly file: string,
    readonly ix: LabelIndex,
  ) {
    this.s = new Sheet(grid);
    this.scannedTo = this.s.top - 1;
    this.scan(Math.min(this.s.bottom, this.s.top + RECOGNITION_ROWS + 1));
  }

  /** Record what row r (0-based) was taken as; consecutive rows of one kind and note make one run. */
  note(r: number, kind: string, note?: string): void {
    const row = r + 1;
    const last = this.notes[this.notes.length - 1];
    if (last && last.kind === kind && last.note === note && last.to === row - 1) last.to = row;
    else this.notes.push(note === undefined ? { from: row, to: row, kind } : { from: row, to: row, kind, note });
  }

  /** The notes of rows start..end (0-based, inclusive). */
  notesIn(start: number, end: number): RowReading[] {
    return this.notes.filter((n) => n.from - 1 >= start && n.to - 1 <= end);
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
          const info = this.ix.info(text);
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
    l.info.any ??= this.ix.isAnyLabel(l.key);
    return l.info.any;
  }

  /** The text a header cell sits under: its own value, or the value of a merged area covering it from the same row. */
  parentText(r: number, c: number): string {
    const own = this.text(r, c);
    if (own) return own;
    const m = this.s.mergeCovering(r, c);
    return m && m.top === r ? this.text(m.top, m.left) : "";
  }

  /** Role of a second-row header cell: "自评"+"得分", "年度"+"指标值" when the pair names a role, else its own label. */
  private childRole<K extends string>(r: number, c: number, l: Label, index: RoleIndex<K>): K | undefined {
    const key = this.combinedKey(r, c, l);
    if (key !== null) {
      const combined = index.get(key);
      if (combined !== undefined) return combined;
    }
    return index.get(l.key);
  }

  /**
   * The key of a second-row label joined to the text it sits under (null when that is blank). The cell above is
   * always the same for a label (childRole is asked about the label at (r + 1, c)), so the key is kept on it.
   */
  private combinedKey(r: number, c: number, l: Label): string | null {
    if (l.combined !== undefined && l.row === r + 1 && l.col === c) return l.combined;
    const parent = this.parentText(r, c);
    const key = parent ? this.ix.joinedKey(parent, l.text) : null;
    if (l.row === r + 1 && l.col === c) l.combined = key;
    return key;
  }

  /** Row r+1 continues row r's header when every cell in it is a header label (alone or with the cell above). */
  private continuesHeader<K extends string>(r: number, index: RoleIndex<K>): boolean {
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

  private bitOf(index: RoleIndex<string>): number {
    return index === this.ix.indicator ? INDICATOR_BIT : index === this.ix.list ? LIST_BIT : index === this.ix.budget ? BUDGET_BIT : 0;
  }

  /**
   * True when row r can start no header for the index: none of its labels names a role of it, and the next
   * row cannot continue it (computeHeaderAt would find no column). Rows past the scanned ones are not known.
   */
  private quickNoHeader(r: number, index: RoleIndex<string>): boolean {
    if (r + 1 > this.scannedTo && r + 1 <= this.s.bottom) return false;
    const bit = this.bitOf(index);
    if (bit === 0 || (this.roleBits[r - this.s.top] ?? 0) & bit) return false;
    return r + 1 > this.s.bottom || !this.allLabels(r + 1);
  }

  /**
   * The header starting at row r for a header index. Two-row headers ("自评情况" over 分值 | 得分, or a label
   * split as "年度" / "指标值") are joined. Null when the row starts none.
   */
  headerAt<K extends string>(r: number, index: RoleIndex<K>): Header<K> | null {
    // The answer depends only on rows r and r + 1, so it is kept once both are scanned.
    if (r >= this.s.top && r <= this.scannedTo && this.quickNoHeader(r, index as RoleIndex<string>)) return null;
    let byRow = this.headers.get(index as RoleIndex<string>) as Map<number, Header<K> | null> | undefined;
    if (!byRow) {
      byRow = new Map();
      this.headers.set(index as RoleIndex<string>, byRow as Map<number, Header<string> | null>);
    }
    let h = byRow.get(r);
    if (h === undefined) {
      h = this.computeHeaderAt(r, index);
      if (r + 1 <= this.scannedTo) byRow.set(r, h);
    }
    return h;
  }

  /** The header at row r (see headerAt); null when it names no column role at all. */
  private computeHeaderAt<K extends string>(r: number, index: RoleIndex<K>): Header<K> | null {
    let columns: { col: number; role: K }[] = [];
    // Columns whose label is one of the role's own labels: when a role is named twice, such a column wins over a
    // family member (a margin label "年度预算数(万元)" left of 调整后预算数).
    const exact = new Set<number>();
    for (const l of this.labelsOfRow(r)) {
      const role = index.get(l.key);
      if (role !== undefined) {
        columns.push({ col: l.col, role });
        if (index.isExact(l.key)) exact.add(l.col);
      }
    }
    let last = r;
    if (this.continuesHeader(r, index)) {
      const colRole = new Map<number, K>();
      for (const x of columns) colRole.set(x.col, x.role);
      for (const l of this.labelsOfRow(r + 1)) {
        const role = this.childRole(r, l.col, l, index);
        if (role !== undefined) {
          colRole.set(l.col, role);
          const joined = this.combinedKey(r, l.col, l);
          if (index.isExact(l.key) || (joined !== null && index.isExact(joined))) exact.add(l.col);
        }
      }
      last = r + 1;
      columns = [];
      for (const [col, role] of colRole) columns.push({ col, role });
      columns.sort((x, y) => x.col - y.col);
    }
    if (columns.length === 0) return null;
    const roles: RoleMap<K> = {};
    for (const x of columns) {
      const at = roles[x.role];
      if (at === undefined || (!exact.has(at) && exact.has(x.col))) roles[x.role] = x.col;
    }
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
        if (t && !this.ix.isPreamble(t)) parts.push(t);
      }
    }
    return parts;
  }

  titleText(fromRow: number, toRow: number): string {
    return this.rowTexts(fromRow, toRow).join(" ");
  }

  /** The field a label names ("项目名称"), if any. */
  fieldOf(l: Label): FieldName | undefined {
    return l.info.field;
  }
}
