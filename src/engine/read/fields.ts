/**
 * A form's key–value fields (项目名称, 主管部门 …, beside or below their label, or "label：value" in one cell),
 * the stacked forms of one sheet (segments, split at each 项目名称), the form's year and top-left cell.
 */
import { a1, type CellValue, isBlank } from "../grid";
import { parseNumber } from "./cells";
import { BUILTIN_INDEX, type LabelIndex } from "./label-index";
import { cellText, labelKey, toHalfWidth } from "./normalise";
import type { Label, Segment, SheetReader } from "./sheet-reader";
import type { FieldName } from "./synonyms";

export interface FieldHit {
  value: string | null;
  /** The value cell's content (the inline text for "label：value"), for `fieldNumber`. */
  source: CellValue;
  labelRow: number;
  labelCol: number;
  labelCell: string;
  valueCell: string | null;
}

/**
 * "项目名称：某某项目    主管部门：区民政局" → the known field labels in a cell and the text after each.
 * A label is the longest run (2–12 characters) before a colon that names a field.
 */
export function inlineFields(text: string, ix: LabelIndex = BUILTIN_INDEX): { field: FieldName; value: string }[] {
  const hits: { field: FieldName; start: number; colon: number }[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== ":" && text[i] !== "：") continue;
    for (let s = Math.max(from, i - 12); s <= i - 2; s++) {
      const f = ix.fields.get(labelKey(text.slice(s, i)).key);
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

const NO_INLINE: readonly { field: FieldName; value: string }[] = [];

function inlineOf(rd: SheetReader, l: Label): readonly { field: FieldName; value: string }[] {
  const info = l.info;
  if (info.inline === undefined) info.inline = /[:：]/.test(l.text) ? inlineFields(l.text, rd.ix) : NO_INLINE;
  return info.inline;
}

/** The label holds "项目名称：…" with a value. */
function hasInlineName(rd: SheetReader, l: Label): boolean {
  for (const f of inlineOf(rd, l)) if (f.field === "name" && f.value !== "") return true;
  return false;
}

/** Split a sheet holding several stacked forms at each 项目名称 label (a department form is one). */
export function findSegments(rd: SheetReader, department: boolean): Segment[] {
  const whole: Segment = { start: rd.s.top, end: rd.s.bottom };
  if (department) return [whole];
  const nameRows: number[] = [];
  for (let r = rd.s.top; r <= rd.s.bottom; r++) {
    for (const l of rd.labelsOfRow(r)) {
      if (l.info.field === "name" ? rd.valueRight(l.row, l.col) !== null : hasInlineName(rd, l)) {
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
    if (rd.ix.isTotalRow(firstKey) || rd.ix.isFooter(firstKey)) break;
    if (rd.ix.isPreamble(first) || /(表|年度|附件|填报)/.test(texts.join(" "))) start = r;
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

/** Every field of a segment, found in one pass over its labels: the first label naming it, or holding "field：value". */
/**
 * How well a label names its field when a form has several: the unit the form names as 实施单位 over a 预算单位 /
 * 单位名称 line above it; the most local 主管部门 (县级 / 区级 over 市级 / 省级).
 */
function fieldRank(field: FieldName, key: string): number {
  if (field === "unit") return /实施/.test(key) ? 2 : 1;
  if (field === "department") return /县|区|乡|镇/.test(key) ? 2 : /市|省/.test(key) ? 0 : 1;
  return 1;
}

function fieldSources(rd: SheetReader, seg: Segment): Map<FieldName, FieldSource> {
  const out = new Map<FieldName, FieldSource>();
  for (let r = seg.start; r <= seg.end; r++) {
    for (const l of rd.labelsOfRow(r)) {
      const own = l.info.field;
      if (own !== undefined) {
        const had = out.get(own);
        if (had === undefined) out.set(own, { label: l, inline: null });
        else if (fieldRank(own, l.key) > fieldRank(own, had.label.key) && rd.valueRight(l.row, l.col) !== null) out.set(own, { label: l, inline: null });
      }
      for (const f of inlineOf(rd, l)) {
        if (f.field === own || f.value === "") continue;
        const had = out.get(f.field);
        if (had === undefined) out.set(f.field, { label: l, inline: f.value });
      }
    }
  }
  return out;
}

export function readField(rd: SheetReader, seg: Segment, field: FieldName, below = false): FieldHit | null {
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
export function fieldNumber(hit: FieldHit | null): number | null {
  return hit === null ? null : parseNumber(hit.source);
}

/**
 * The form's year: "（2023年度）" in the title block (preamble lines such as "填报日期：2024年3月20日" left
 * out), else "2023年" in a title cell ("2023年部门整体绩效自评表").
 */
export function formYear(rd: SheetReader, seg: Segment, titleEnd: number): number | null {
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

/** The form's top-left cell: its title (or first label), preamble lines ("附件2", "填报单位：…") skipped. */
export function firstCell(rd: SheetReader, seg: Segment): string | null {
  for (let r = seg.start; r <= seg.end; r++) {
    for (let c = rd.s.left; c <= rd.s.right; c++) {
      const v = rd.s.get(r, c);
      if (isBlank(v)) continue;
      if (typeof v === "string" && rd.ix.isPreamble(v)) continue;
      return a1(r, c);
    }
  }
  return null;
}
