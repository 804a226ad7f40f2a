/**
 * A lean reader of the OOXML spreadsheet package (.xlsx / .xlsm): the zip's parts inflated with fflate under the
 * file's budget (./zip), and the few XML parts the product needs scanned as text — the workbook (sheet names,
 * their parts, the 1904 date system), the shared strings, the styles' number formats and each worksheet's cells
 * and merged areas. Nothing else of the package is parsed (drawings, comments, themes, calc chain).
 *
 * It gives each cell the value exceljs 4.4 gave the product before (src/adapters/xlsx-file/grid.ts
 * normaliseCellValue over exceljs's cell model): cached formula results, rich text joined, dates (a number whose
 * format is a date format) as ISO text, errors as their text, `_xHHHH_` escapes in shared strings decoded, line
 * ends normalised as an XML parser does. test/adapters/xlsx-grid-differential.test.ts holds it to that.
 */
import type { CellValue, MergeArea } from "../../engine/grid";
import { isoDate } from "./grid";
import { emptyCells, type SheetCells } from "./cells";
import { LoadError, type ZipEntry } from "./load";
import { inflateEntry, type InflateBudget } from "./zip";

/** Per-file limits and the running counts against them. */
export interface ReadContext {
  file: string;
  budget: InflateBudget;
  /** Cells holding a value, in all sheets together. */
  maxCells: number;
  cells: number;
  /** Date.now() past which reading stops (Infinity: no limit). */
  deadline: number;
  timeLimitMs: number;
}

export function checkTime(ctx: ReadContext): void {
  if (ctx.deadline !== Infinity && Date.now() >= ctx.deadline) throw new LoadError("timeLimit", ctx.file, String(Math.round(ctx.timeLimitMs / 1000)));
}

// ------------------------------------------------------------------------------------------ XML text

const ENTITY: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** XML text as a parser gives it: line ends normalised, then entities and character references decoded. */
export function xmlText(s: string): string {
  if (s.indexOf("\r") >= 0) s = s.replace(/\r\n?/g, "\n");
  if (s.indexOf("&") < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (m, e: string) => {
    if (e.charCodeAt(0) === 35) {
      const code = e.charCodeAt(1) === 120 ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return ENTITY[e];
  });
}

/** Shared-string and rich-text run escapes (_x000D_), as exceljs decodes them (upper-case hex). */
function unescapeX(s: string): string {
  return s.indexOf("_x") >= 0 ? s.replace(/_x([0-9A-F]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))) : s;
}

function isSpace(ch: number): boolean {
  return ch === 32 || ch === 9 || ch === 10 || ch === 13;
}

/** The raw value of attribute `name` inside xml[from, to) (a tag's text), or null. */
function attr(xml: string, from: number, to: number, name: string): string | null {
  // Searched in the tag alone: a search in the whole part runs to the next occurrence anywhere (quadratic).
  const tag = xml.slice(from, to);
  let k = 0;
  for (;;) {
    k = tag.indexOf(name, k);
    if (k < 0) return null;
    const after = k + name.length;
    if (isSpace(tag.charCodeAt(k - 1)) && tag.charCodeAt(after) === 61) {
      const q = tag.charCodeAt(after + 1);
      if (q === 34 || q === 39) {
        const end = tag.indexOf(q === 34 ? '"' : "'", after + 2);
        return end < 0 ? null : tag.slice(after + 2, end);
      }
    }
    k = after;
  }
}

/** An attribute whose name ends in `:local` (r:id under any prefix). */
function prefixedAttr(xml: string, from: number, to: number, local: string): string | null {
  const m = new RegExp(`\\s[\\w.-]+:${local}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(xml.slice(from, to));
  return m ? (m[2] ?? m[3]) : null;
}

/** The namespace prefix ("x:" or "") of the document's root element `local`. */
function rootPrefix(xml: string, local: string): string {
  const m = new RegExp(`<([\\w.-]+:)?${local}[\\s>/]`).exec(xml);
  return m?.[1] ?? "";
}

/** Does the part end with its root element's end tag? (A part cut off or garbled in transfer does not.) */
function complete(xml: string, P: string, root: string): boolean {
  const end = `</${P}${root}>`;
  const at = xml.lastIndexOf(end);
  if (at >= 0) return xml.slice(at + end.length).trim() === "";
  // An empty part written as one self-closing root element.
  const open = xml.indexOf(`<${P}${root}`);
  return open >= 0 && xml.indexOf("<", open + 1) < 0 && xml.trimEnd().endsWith("/>");
}

function damaged(ctx: ReadContext, part: string): LoadError {
  return new LoadError("corrupt", ctx.file, `${part}: the XML is cut off or malformed`);
}

function isNameEnd(ch: number): boolean {
  return ch === 62 || ch === 47 || isSpace(ch);
}

/** Start of the next element `<P+name` (name complete), from `from`; -1 when none before `to`. */
function nextTag(xml: string, open: string, from: number, to: number): number {
  let k = from;
  for (;;) {
    k = xml.indexOf(open, k);
    if (k < 0 || k >= to) return -1;
    if (isNameEnd(xml.charCodeAt(k + open.length))) return k;
    k += open.length;
  }
}

/** Text content of the elements `<P+t>` inside xml[from, to), concatenated, skipping phonetic runs. */
function textRuns(xml: string, from: number, to: number, P: string): string {
  const open = `<${P}t`;
  const close = `</${P}t>`;
  const ph = `<${P}rPh`;
  const phEnd = `</${P}rPh>`;
  let out = "";
  let k = from;
  for (;;) {
    const t = nextTag(xml, open, k, to);
    if (t < 0) return out;
    const p = xml.indexOf(ph, k);
    if (p >= 0 && p < t) {
      const e = xml.indexOf(phEnd, p);
      if (e < 0) return out;
      k = e + phEnd.length;
      continue;
    }
    const gt = xml.indexOf(">", t);
    if (xml.charCodeAt(gt - 1) === 47) {
      k = gt + 1;
      continue;
    }
    const end = xml.indexOf(close, gt);
    if (end < 0 || end > to) return out;
    out += xml.slice(gt + 1, end);
    k = end + close.length;
  }
}

// ------------------------------------------------------------------------------------------ number formats

/** exceljs 4.4's built-in number formats (lib/xlsx/defaultnumformats.js, the entries with one code). */
const BUILTIN_FORMATS: Record<number, string> = {
  0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
  14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss",
  22: 'm/d/yy "h":mm', 37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00 ;(#,##0.00)", 40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
};

/** Does a number format show a date or time (exceljs's test: y m d h s b outside quotes and brackets)? */
export function isDateFormat(fmt: string | null): boolean {
  if (!fmt) return false;
  return /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

interface Styles {
  /** Number format of each cell style (index = the cell's s attribute); null for General / none. */
  format: (string | null)[];
  date: boolean[];
}

function parseStyles(xml: string | null): Styles {
  const styles: Styles = { format: [], date: [] };
  if (!xml) return styles;
  const P = rootPrefix(xml, "styleSheet");
  const custom = new Map<number, string>();
  const nf = `<${P}numFmt`;
  for (let k = nextTag(xml, nf, 0, xml.length); k >= 0; k = nextTag(xml, nf, k + 1, xml.length)) {
    const gt = xml.indexOf(">", k);
    const id = attr(xml, k, gt, "numFmtId");
    const code = attr(xml, k, gt, "formatCode");
    if (id !== null && code !== null) custom.set(parseInt(id, 10), xmlText(code));
  }
  const xfsAt = nextTag(xml, `<${P}cellXfs`, 0, xml.length);
  if (xfsAt < 0) return styles;
  const xfsEnd = xml.indexOf(`</${P}cellXfs>`, xfsAt);
  const to = xfsEnd < 0 ? xml.length : xfsEnd;
  const xf = `<${P}xf`;
  for (let k = nextTag(xml, xf, xfsAt, to); k >= 0; k = nextTag(xml, xf, k + 1, to)) {
    const gt = xml.indexOf(">", k);
    const id = parseInt(attr(xml, k, gt, "numFmtId") ?? "0", 10);
    // exceljs: a style with numFmtId 0 (or none) has no number format.
    const fmt = id ? (custom.get(id) ?? BUILTIN_FORMATS[id] ?? null) : null;
    styles.format.push(fmt === "General" ? null : fmt);
    styles.date.push(isDateFormat(fmt));
  }
  return styles;
}

// ------------------------------------------------------------------------------------------ shared strings

function parseSharedStrings(xml: string | null, ctx: ReadContext): string[] {
  const out: string[] = [];
  if (!xml) return out;
  const P = rootPrefix(xml, "sst");
  if (!complete(xml, P, "sst")) throw damaged(ctx, "sharedStrings.xml");
  const open = `<${P}si`;
  const close = `</${P}si>`;
  let k = nextTag(xml, open, 0, xml.length);
  while (k >= 0) {
    const gt = xml.indexOf(">", k);
    if (xml.charCodeAt(gt - 1) === 47) {
      out.push("");
      k = nextTag(xml, open, gt, xml.length);
      continue;
    }
    const end = xml.indexOf(close, gt);
    if (end < 0) break;
    const si = xml.slice(gt + 1, end);
    out.push(unescapeX(xmlText(textRuns(si, 0, si.length, P))));
    if ((out.length & 0xffff) === 0) checkTime(ctx);
    k = nextTag(xml, open, end, xml.length);
  }
  return out;
}

// ------------------------------------------------------------------------------------------ cells

/** "AB12" → [row, col] (0-based), or null. */
function parseRef(ref: string): [number, number] | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const ch = ref.charCodeAt(i);
    if (ch >= 65 && ch <= 90) col = col * 26 + ch - 64;
    else if (ch >= 97 && ch <= 122) col = col * 26 + ch - 96;
    else if (ch !== 36) break;
  }
  if (col === 0 || i === ref.length) return null;
  if (ref.charCodeAt(i) === 36) i++;
  const row = Number(ref.slice(i));
  if (!Number.isInteger(row) || row < 1) return null;
  return [row - 1, col - 1];
}

function parseRange(ref: string): MergeArea | null {
  const [a, b] = ref.split(":");
  const s = parseRef(a);
  const e = b === undefined ? s : parseRef(b);
  if (!s || !e) return null;
  return { top: Math.min(s[0], e[0]), left: Math.min(s[1], e[1]), bottom: Math.max(s[0], e[0]), right: Math.max(s[1], e[1]) };
}

function excelDate(serial: number, date1904: boolean): string {
  return isoDate(new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000)));
}

function number(text: string, date: boolean, date1904: boolean): CellValue {
  const n = parseFloat(text);
  if (!Number.isFinite(n)) return null;
  return date ? excelDate(n, date1904) : n;
}

/** One worksheet part → its cells (values normalised per the Grid contract) and merged areas. */
export function parseSheet(name: string, xml: string, sst: string[], styles: Styles, date1904: boolean, ctx: ReadContext): SheetCells {
  const sc = emptyCells(name);
  const P = rootPrefix(xml, "worksheet");
  if (!complete(xml, P, "worksheet")) throw damaged(ctx, `sheet "${name}"`);
  const dataAt = nextTag(xml, `<${P}sheetData`, 0, xml.length);
  const dataEnd = dataAt < 0 ? -1 : xml.indexOf(`</${P}sheetData>`, dataAt);
  if (dataAt >= 0 && dataEnd < 0 && xml.charCodeAt(xml.indexOf(">", dataAt) - 1) !== 47) throw damaged(ctx, `sheet "${name}"`);
  const rowOpen = `<${P}row`;
  const cOpen = `<${P}c`;
  const cClose = `</${P}c>`;
  const vOpen = `<${P}v`;
  const vClose = `</${P}v>`;
  const fOpen = `<${P}f`;
  const isOpen = `<${P}is`;
  const rOpen = `<${P}r`;
  let row = -1;
  let col = -1;
  let k = dataAt;
  const end = dataEnd;
  while (k >= 0 && end > 0) {
    k = xml.indexOf("<", k + 1);
    if (k < 0 || k >= end) break;
    if (xml.startsWith(rowOpen, k) && isNameEnd(xml.charCodeAt(k + rowOpen.length))) {
      const gt = xml.indexOf(">", k);
      const r = attr(xml, k, gt, "r");
      row = r !== null ? Number(r) - 1 : row + 1;
      col = -1;
      k = gt;
      continue;
    }
    if (!xml.startsWith(cOpen, k) || !isNameEnd(xml.charCodeAt(k + cOpen.length))) continue;
    const gt = xml.indexOf(">", k);
    if (gt < 0) break;
    const ref = attr(xml, k, gt, "r");
    const pos = ref !== null ? parseRef(ref) : null;
    if (pos) {
      col = pos[1];
      if (pos[0] !== row) row = pos[0];
    } else col++;
    if (xml.charCodeAt(gt - 1) === 47) {
      k = gt;
      continue; // <c r="B2" s="3"/>: a styled empty cell
    }
    const close = xml.indexOf(cClose, gt);
    if (close < 0) throw new LoadError("corrupt", ctx.file, `${name}: unterminated cell ${ref ?? ""}`);
    const t = attr(xml, k, gt, "t");
    const s = attr(xml, k, gt, "s");
    const style = s !== null ? parseInt(s, 10) : 0;
    // exceljs: style 0 is "no style".
    const fmt = style ? (styles.format[style] ?? null) : null;
    const date = style ? styles.date[style] === true : false;
    // The cell's content, searched on its own (a search in the whole part would run to the next formula).
    const body = xml.slice(gt + 1, close);
    let raw: string | undefined;
    const v = nextTag(body, vOpen, 0, body.length);
    if (v >= 0) {
      const vgt = body.indexOf(">", v);
      if (body.charCodeAt(vgt - 1) !== 47) {
        const ve = body.indexOf(vClose, vgt);
        raw = xmlText(body.slice(vgt + 1, ve < 0 ? body.length : ve));
      }
    }
    let formula = false;
    const f = body.length > 3 ? nextTag(body, fOpen, 0, body.length) : -1;
    if (f >= 0) {
      const fgt = body.indexOf(">", f);
      formula = attr(body, f, fgt, "t") !== null || (body.charCodeAt(fgt - 1) !== 47 && body.indexOf("<", fgt + 1) > fgt + 1);
    }
    if (t === "inlineStr") {
      const is = nextTag(body, isOpen, 0, body.length);
      if (is >= 0) {
        const runs = nextTag(body, rOpen, is, body.length) >= 0;
        const text = xmlText(textRuns(body, is, body.length, P));
        raw = runs ? unescapeX(text) : text;
      }
    }
    let value: CellValue = null;
    if (formula) {
      if (raw) {
        if (t === "str") value = raw;
        else if (t === "b") value = parseInt(raw, 10) !== 0;
        else if (t === "e") value = raw;
        else value = number(raw, date, date1904);
      }
    } else if (raw !== undefined) {
      switch (t) {
        case "s": {
          const str = sst[parseInt(raw, 10)];
          value = str === undefined ? null : str;
          break;
        }
        case "str":
        case "inlineStr":
        case "e":
          value = raw;
          break;
        case "b":
          value = parseInt(raw, 10) !== 0;
          break;
        case "d": {
          const d = new Date(raw.length <= 10 ? `${raw}T00:00:00Z` : /Z|[+-]\d\d:?\d\d$/.test(raw) ? raw : `${raw}Z`);
          value = isoDate(d) || null;
          break;
        }
        default:
          value = number(raw, date, date1904);
      }
    }
    k = close;
    if (value === null || value === "") continue;
    sc.rows.push(row);
    sc.cols.push(col);
    sc.values.push(value);
    sc.formats.push(fmt);
    if (++ctx.cells > ctx.maxCells) throw new LoadError("tooManyCells", ctx.file, ctx.maxCells.toLocaleString("en-US"));
    if ((ctx.cells & 0x3fff) === 0) checkTime(ctx);
  }
  // Merged areas, in document order; a second area with the same top-left replaces the first in its place.
  const mOpen = `<${P}mergeCell`;
  const byMaster = new Map<number, MergeArea>();
  for (let m = nextTag(xml, mOpen, Math.max(0, end), xml.length); m >= 0; m = nextTag(xml, mOpen, m + 1, xml.length)) {
    const gt = xml.indexOf(">", m);
    const ref = attr(xml, m, gt, "ref");
    const area = ref ? parseRange(ref) : null;
    if (area) byMaster.set(area.top * 16384 + area.left, area);
    if ((byMaster.size & 0x3fff) === 0) checkTime(ctx);
  }
  sc.merges = [...byMaster.values()];
  return sc;
}

// ------------------------------------------------------------------------------------------ package

const decoder = new TextDecoder("utf-8");

function resolveTarget(target: string, base = "xl/"): string {
  let t = target.trim().replace(/\\/g, "/");
  if (t.startsWith("/")) return t.slice(1);
  const parts = (base + t).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  t = out.join("/");
  return t;
}

interface Rel {
  target: string;
  type: string;
}

function parseRels(xml: string | null): Map<string, Rel> {
  const rels = new Map<string, Rel>();
  if (!xml) return rels;
  const P = rootPrefix(xml, "Relationships");
  const open = `<${P}Relationship`;
  for (let k = nextTag(xml, open, 0, xml.length); k >= 0; k = nextTag(xml, open, k + 1, xml.length)) {
    const gt = xml.indexOf(">", k);
    const id = attr(xml, k, gt, "Id");
    const target = attr(xml, k, gt, "Target");
    if (id !== null && target !== null) rels.set(id, { target: xmlText(target), type: attr(xml, k, gt, "Type") ?? "" });
  }
  return rels;
}

/** Every worksheet of an OOXML package, in the workbook's order (chart and dialog sheets are not worksheets). */
export function readOoxml(buf: Uint8Array, entries: ZipEntry[], ctx: ReadContext): SheetCells[] {
  const byName = new Map<string, ZipEntry>();
  for (const e of entries) byName.set(e.name.replace(/\\/g, "/").replace(/^\//, "").toLowerCase(), e);
  const part = (name: string): string | null => {
    const e = byName.get(name.toLowerCase());
    return e ? decoder.decode(inflateEntry(buf, e, ctx.budget)) : null;
  };
  const wbXml = part("xl/workbook.xml");
  if (!wbXml) throw new LoadError("noWorkbook", ctx.file);
  const rels = parseRels(part("xl/_rels/workbook.xml.rels"));
  const relOfType = (suffix: string): string | null => {
    for (const r of rels.values()) if (r.type.endsWith(suffix)) return resolveTarget(r.target);
    return null;
  };
  const styles = parseStyles(part(relOfType("/styles") ?? "xl/styles.xml"));
  const sst = parseSharedStrings(part(relOfType("/sharedStrings") ?? "xl/sharedStrings.xml"), ctx);
  const P = rootPrefix(wbXml, "workbook");
  if (!complete(wbXml, P, "workbook")) throw damaged(ctx, "workbook.xml");
  const prAt = nextTag(wbXml, `<${P}workbookPr`, 0, wbXml.length);
  const pr = prAt >= 0 ? attr(wbXml, prAt, wbXml.indexOf(">", prAt), "date1904") : null;
  const date1904 = pr === "1" || pr === "true";
  const sheets: SheetCells[] = [];
  const open = `<${P}sheet`;
  for (let k = nextTag(wbXml, open, 0, wbXml.length); k >= 0; k = nextTag(wbXml, open, k + 1, wbXml.length)) {
    const gt = wbXml.indexOf(">", k);
    const name = xmlText(attr(wbXml, k, gt, "name") ?? "");
    const rid = prefixedAttr(wbXml, k, gt + 1, "id");
    const rel = rid !== null ? rels.get(rid) : undefined;
    if (!rel || !/\/worksheet$/.test(rel.type)) continue;
    const target = resolveTarget(rel.target);
    const xml = part(target);
    if (xml === null) throw new LoadError("corrupt", ctx.file, `sheet "${name}" is listed in the workbook but ${target} is missing from the archive`);
    checkTime(ctx);
    sheets.push(parseSheet(name, xml, sst, styles, date1904, ctx));
  }
  if (sheets.length === 0) throw new LoadError("corrupt", ctx.file, "no worksheet could be read");
  return sheets;
}
