/**
 * The output sheets' cell formats, appended to the workbook's own styles part. Every existing entry (number
 * formats, fonts, fills, borders, cell formats, named styles, dxfs, colours) stays where it is with its index, so
 * every cell of the user's sheets keeps its look; new entries go after the last one of each list and the lists'
 * counts are updated. A cell format is added once per distinct look.
 */
import type { CellStyle, PlanCell } from "../../../engine/summary/plan";
import { esc, findElement, rootPrefix, setAttr } from "./xml";

interface Look {
  bold?: boolean;
  size?: number;
  color?: string;
  fill?: string;
  h?: "center";
  v?: "middle" | "top";
  wrap?: boolean;
  border?: boolean;
}

const LOOKS: Record<CellStyle, Look> = {
  title: { bold: true, size: 16, h: "center", v: "middle" },
  subtitle: { bold: true, size: 12 },
  header: { bold: true, fill: "FFDDEBF7", h: "center", v: "middle", wrap: true, border: true },
  label: { bold: true, fill: "FFF2F2F2" },
  error: { bold: true, color: "FFC00000" },
  warning: { color: "FF9C5700", fill: "FFFFEB9C" },
  info: { color: "FF595959" },
  flag: { color: "FF9C0006", fill: "FFFFC7CE" },
  text: {},
};

const LINK_COLOR = "FF0563C1";
const BORDER_COLOR = "FFBFBFBF";

/** Excel's built-in number formats the plans use (id → code). */
const BUILTIN: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10 };

export const STYLES_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

/** A styles part with nothing but the defaults Excel requires (for a workbook that has none: the results workbook). */
export function minimalStyles(): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    '<fonts count="1"><font><sz val="11"/><name val="等线"/><charset val="134"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    "</styleSheet>"
  );
}

function count(inner: string, local: string, p: string): number {
  return (inner.match(new RegExp(`<${p}${local}(?=[\\s>/])`, "g")) ?? []).length;
}

export class StyleBook {
  private readonly p: string;
  private readonly base: { fonts: number; fills: number; borders: number; xfs: number };
  private readonly fonts: string[] = [];
  private readonly fills: string[] = [];
  private readonly borders: string[] = [];
  private readonly xfs: string[] = [];
  private readonly numFmts: { id: number; code: string }[] = [];
  private readonly existingFmts = new Map<string, number>();
  private nextFmt: number;
  private readonly keys = new Map<string, number>();
  private readonly fontName: string;
  private readonly fontSize: number;
  private readonly charset: string;

  constructor(private readonly xml: string) {
    this.p = rootPrefix(xml, "styleSheet");
    const p = this.p;
    const inner = (local: string): string => {
      const s = findElement(xml, `${p}${local}`);
      return s ? xml.slice(s.innerStart, s.innerEnd) : "";
    };
    this.base = {
      fonts: count(inner("fonts"), "font", p),
      fills: count(inner("fills"), "fill", p),
      borders: count(inner("borders"), "border", p),
      xfs: count(inner("cellXfs"), "xf", p),
    };
    let max = 163;
    for (const m of inner("numFmts").matchAll(/numFmtId\s*=\s*"(\d+)"[^>]*formatCode\s*=\s*"([^"]*)"|formatCode\s*=\s*"([^"]*)"[^>]*numFmtId\s*=\s*"(\d+)"/g)) {
      const id = Number(m[1] ?? m[4]);
      const code = (m[2] ?? m[3]).replace(/&quot;/g, '"').replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">");
      if (!this.existingFmts.has(code)) this.existingFmts.set(code, id);
      max = Math.max(max, id);
    }
    this.nextFmt = max + 1;
    const first = /<(?:\w+:)?font(?=[\s>/])[\s\S]*?<\/(?:\w+:)?font>/.exec(inner("fonts"))?.[0] ?? "";
    this.fontName = /<(?:\w+:)?name\s+val="([^"]*)"/.exec(first)?.[1] ?? "Calibri";
    this.fontSize = Number(/<(?:\w+:)?sz\s+val="([\d.]+)"/.exec(first)?.[1] ?? 11) || 11;
    this.charset = /<(?:\w+:)?charset\s+val="(\d+)"/.exec(first)?.[1] ?? "";
  }

  private numFmt(code: string | undefined): number {
    if (!code || code === "General") return 0;
    if (BUILTIN[code] !== undefined) return BUILTIN[code];
    const have = this.existingFmts.get(code);
    if (have !== undefined) return have;
    const id = this.nextFmt++;
    this.numFmts.push({ id, code });
    this.existingFmts.set(code, id);
    return id;
  }

  /** The cell format index (s="…") for a plan cell. */
  xf(pc: PlanCell, link: boolean): number {
    const look: Look = { ...LOOKS[pc.style ?? "text"] };
    if (link) look.color = LINK_COLOR;
    if (pc.border) look.border = true;
    if (pc.wrap) {
      look.wrap = true;
      look.v = look.v ?? "top";
    }
    const fmt = typeof pc.v === "number" ? pc.fmt : undefined;
    const key = JSON.stringify([look, link, fmt]);
    const have = this.keys.get(key);
    if (have !== undefined) return have;
    const p = this.p;
    const fontXml =
      `<${p}font>${look.bold ? `<${p}b/>` : ""}${link ? `<${p}u/>` : ""}<${p}sz val="${look.size ?? this.fontSize}"/>` +
      `${look.color ? `<${p}color rgb="${look.color}"/>` : ""}<${p}name val="${this.fontName}"/>` +
      `${this.charset ? `<${p}charset val="${this.charset}"/>` : ""}</${p}font>`;
    const font = this.index(this.fonts, fontXml, this.base.fonts);
    const fill = look.fill
      ? this.index(this.fills, `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${look.fill}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`, this.base.fills)
      : 0;
    const side = (s: string) => `<${p}${s} style="thin"><${p}color rgb="${BORDER_COLOR}"/></${p}${s}>`;
    const border = look.border ? this.index(this.borders, `<${p}border>${side("left")}${side("right")}${side("top")}${side("bottom")}<${p}diagonal/></${p}border>`, this.base.borders) : 0;
    const numFmtId = this.numFmt(fmt);
    const align =
      look.h || look.v || look.wrap
        ? `<${p}alignment${look.h ? ` horizontal="${look.h}"` : ""}${look.v ? ` vertical="${look.v === "middle" ? "center" : look.v}"` : ""}${look.wrap ? ' wrapText="1"' : ""}/>`
        : "";
    const xf =
      `<${p}xf numFmtId="${numFmtId}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0"` +
      `${numFmtId ? ' applyNumberFormat="1"' : ""} applyFont="1"${fill ? ' applyFill="1"' : ""}${border ? ' applyBorder="1"' : ""}` +
      `${align ? ' applyAlignment="1">' + align + `</${p}xf>` : "/>"}`;
    const index = this.base.xfs + this.xfs.length;
    this.xfs.push(xf);
    this.keys.set(key, index);
    return index;
  }

  private index(list: string[], xml: string, base: number): number {
    const at = list.indexOf(xml);
    if (at >= 0) return base + at;
    list.push(xml);
    return base + list.length - 1;
  }

  /** The styles part with the new entries appended (the original text when nothing was added). */
  toXml(): string {
    let xml = this.xml;
    const p = this.p;
    const append = (local: string, items: string[], total: number): void => {
      if (!items.length) return;
      const s = findElement(xml, `${p}${local}`);
      if (!s) throw new Error(`styles part has no ${local}`);
      const open = setAttr(s.open.replace(/\/>$/, ">"), "count", String(total));
      const inner = s.open.endsWith("/>") ? "" : xml.slice(s.innerStart, s.innerEnd);
      xml = `${xml.slice(0, s.start)}${open}${inner}${items.join("")}</${p}${local}>${xml.slice(s.end)}`;
    };
    if (this.numFmts.length) {
      const items = this.numFmts.map((f) => `<${p}numFmt numFmtId="${f.id}" formatCode="${esc(f.code)}"/>`);
      const s = findElement(xml, `${p}numFmts`);
      if (s) {
        const was = (xml.slice(s.innerStart, s.innerEnd).match(new RegExp(`<${p}numFmt(?=[\\s>/])`, "g")) ?? []).length;
        append("numFmts", items, was + items.length);
      } else {
        const root = new RegExp(`<${p}styleSheet(?=[\\s>])[^>]*>`).exec(xml)!;
        const at = root.index + root[0].length;
        xml = `${xml.slice(0, at)}<${p}numFmts count="${items.length}">${items.join("")}</${p}numFmts>${xml.slice(at)}`;
      }
    }
    append("fonts", this.fonts, this.base.fonts + this.fonts.length);
    append("fills", this.fills, this.base.fills + this.fills.length);
    append("borders", this.borders, this.base.borders + this.borders.length);
    append("cellXfs", this.xfs, this.base.xfs + this.xfs.length);
    return xml;
  }

  get added(): boolean {
    return this.xfs.length > 0;
  }
}
