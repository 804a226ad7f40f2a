/**
 * The little XML this package editor needs: escaping, attribute reading, and finding elements by local name in
 * parts whose writers may or may not use a namespace prefix ("<sheets>" or "<x:sheets>"). Edits are made on the
 * text of a part, at the exact places that change; the rest of the part's text is kept as it was.
 */

/** Characters XML 1.0 does not allow (C0 controls other than tab and line breaks, lone surrogates, U+FFFE/F). */
// eslint-disable-next-line no-control-regex
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function esc(s: string): string {
  return s.replace(INVALID, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export function unesc(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-fA-F]+|#\d+);/g, (_m, e: string) => {
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    if (e === "amp") return "&";
    const code = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return String.fromCodePoint(code);
  });
}

/** Attributes of a start tag ("<sheet name=… r:id=…/>") by their qualified names, unescaped. */
export function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  // Skip the element name.
  const body = tag.replace(/^<\s*[\w:.-]+/, "");
  for (let m = re.exec(body); m; m = re.exec(body)) out[m[1]] = unesc(m[3] ?? m[4] ?? "");
  return out;
}

/** The namespace prefix ("x:" or "") the root element of a part is written with. */
export function rootPrefix(xml: string, local: string): string {
  const m = new RegExp(`<(\\w+:)?${local}[\\s>/]`).exec(xml);
  return m?.[1] ?? "";
}

/** The prefix bound to a namespace URI in a part (without the colon), or null. */
export function prefixOf(xml: string, uris: string[]): string | null {
  for (const uri of uris) {
    const m = new RegExp(`xmlns:(\\w+)\\s*=\\s*["']${uri.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}["']`).exec(xml);
    if (m) return m[1];
  }
  return null;
}

export interface Span {
  start: number;
  end: number;
  /** The whole element's text. */
  text: string;
  /** The start tag. */
  open: string;
  /** Where the content starts and ends (equal to end when the element is empty "<x/>"). */
  innerStart: number;
  innerEnd: number;
}

/** The first element `qname` at or after `from` (elements of that name are not nested in the parts edited). */
export function findElement(xml: string, qname: string, from = 0): Span | null {
  const re = new RegExp(`<${qname.replace(/[.:]/g, "\\$&")}(?=[\\s>/])[^>]*>`, "g");
  re.lastIndex = from;
  const m = re.exec(xml);
  if (!m) return null;
  const start = m.index;
  const open = m[0];
  if (open.endsWith("/>")) return { start, end: start + open.length, text: open, open, innerStart: start + open.length, innerEnd: start + open.length };
  const close = `</${qname}>`;
  const ci = xml.indexOf(close, start + open.length);
  if (ci < 0) return null;
  return { start, end: ci + close.length, text: xml.slice(start, ci + close.length), open, innerStart: start + open.length, innerEnd: ci };
}

/** Every element `qname` (not nested) in xml[from, to). */
export function findAll(xml: string, qname: string, from = 0, to = xml.length): Span[] {
  const out: Span[] = [];
  let at = from;
  for (;;) {
    const s = findElement(xml, qname, at);
    if (!s || s.start >= to) return out;
    out.push(s);
    at = s.end;
  }
}

/** Set (or add) one attribute on a start tag. */
export function setAttr(open: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (re.test(open)) return open.replace(re, `$1"${esc(value)}"`);
  return open.replace(/\s*(\/?>)$/, ` ${name}="${esc(value)}"$1`);
}

export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Column letters of a 0-based column index. */
export function colName(c: number): string {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
