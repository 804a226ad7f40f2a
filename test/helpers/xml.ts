/**
 * A small XML parser for tests (manifest checks): elements, attributes, text, comments, CDATA, processing
 * instructions, the predefined and numeric entities. Qualified names are kept as written ("bt:Image").
 * It rejects what would make a manifest unreadable: unclosed or mismatched tags, duplicate attributes, unquoted
 * attribute values, text or a second element outside the root, unknown entities. No DTDs.
 */

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Concatenated direct text content (CDATA included), untrimmed. */
  text: string;
  /** 1-based line of the start tag. */
  line: number;
}

export class XmlError extends Error {
  constructor(message: string, readonly line: number) {
    super(`${message} (line ${line})`);
  }
}

const NAME = /[A-Za-z_][\w.:-]*/y;
const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decodeEntities(raw: string, line: number): string {
  return raw.replace(/&([^;\s&]*);?/g, (whole, ref: string) => {
    if (!whole.endsWith(";")) throw new XmlError(`unterminated entity "${whole}"`, line);
    if (ref in ENTITIES) return ENTITIES[ref];
    const numeric = /^#x([0-9a-fA-F]+)$/.exec(ref) ?? /^#([0-9]+)$/.exec(ref);
    if (numeric) return String.fromCodePoint(parseInt(numeric[1], ref[1] === "x" ? 16 : 10));
    throw new XmlError(`unknown entity "&${ref};"`, line);
  });
}

export function parseXml(source: string): XmlElement {
  let pos = 0;
  let line = 1;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;

  const advance = (to: number) => {
    for (let i = pos; i < to; i++) if (source.charCodeAt(i) === 10) line++;
    pos = to;
  };
  const expectEnd = (marker: string, what: string): number => {
    const end = source.indexOf(marker, pos);
    if (end < 0) throw new XmlError(`unterminated ${what}`, line);
    return end;
  };
  const readName = (): string => {
    NAME.lastIndex = pos;
    const m = NAME.exec(source);
    if (!m) throw new XmlError(`expected a name at "${source.slice(pos, pos + 10)}"`, line);
    advance(pos + m[0].length);
    return m[0];
  };
  const skipSpace = () => {
    let i = pos;
    while (i < source.length && /\s/.test(source[i])) i++;
    advance(i);
  };

  if (source.charCodeAt(0) === 0xfeff) pos = 1;
  while (pos < source.length) {
    if (source.startsWith("<!--", pos)) {
      const end = expectEnd("-->", "comment");
      advance(end + 3);
    } else if (source.startsWith("<?", pos)) {
      const end = expectEnd("?>", "processing instruction");
      advance(end + 2);
    } else if (source.startsWith("<![CDATA[", pos)) {
      if (!stack.length) throw new XmlError("CDATA outside the root element", line);
      const end = expectEnd("]]>", "CDATA section");
      stack[stack.length - 1].text += source.slice(pos + 9, end);
      advance(end + 3);
    } else if (source.startsWith("<!", pos)) {
      throw new XmlError("DOCTYPE and other declarations are not supported", line);
    } else if (source.startsWith("</", pos)) {
      advance(pos + 2);
      const name = readName();
      skipSpace();
      if (source[pos] !== ">") throw new XmlError(`malformed end tag </${name}`, line);
      advance(pos + 1);
      const open = stack.pop();
      if (!open) throw new XmlError(`unexpected end tag </${name}>`, line);
      if (open.name !== name) throw new XmlError(`end tag </${name}> does not match <${open.name}> opened on line ${open.line}`, line);
    } else if (source[pos] === "<") {
      const startLine = line;
      advance(pos + 1);
      const element: XmlElement = { name: readName(), attrs: {}, children: [], text: "", line: startLine };
      for (;;) {
        const before = pos;
        skipSpace();
        if (source.startsWith("/>", pos) || source[pos] === ">") break;
        if (pos === before) throw new XmlError(`expected whitespace before an attribute in <${element.name}>`, line);
        const attr = readName();
        skipSpace();
        if (source[pos] !== "=") throw new XmlError(`attribute ${attr} in <${element.name}> has no value`, line);
        advance(pos + 1);
        skipSpace();
        const quote = source[pos];
        if (quote !== '"' && quote !== "'") throw new XmlError(`attribute ${attr} in <${element.name}> is not quoted`, line);
        const end = source.indexOf(quote, pos + 1);
        if (end < 0) throw new XmlError(`unterminated attribute ${attr}`, line);
        const raw = source.slice(pos + 1, end);
        if (raw.includes("<")) throw new XmlError(`"<" in attribute ${attr}`, line);
        if (attr in element.attrs) throw new XmlError(`duplicate attribute ${attr} in <${element.name}>`, line);
        element.attrs[attr] = decodeEntities(raw, line);
        advance(end + 1);
      }
      const selfClosing = source.startsWith("/>", pos);
      advance(pos + (selfClosing ? 2 : 1));
      if (stack.length) stack[stack.length - 1].children.push(element);
      else if (root) throw new XmlError(`second root element <${element.name}>`, startLine);
      else root = element;
      if (!selfClosing) stack.push(element);
    } else {
      const next = source.indexOf("<", pos);
      const end = next < 0 ? source.length : next;
      const raw = source.slice(pos, end);
      if (stack.length) stack[stack.length - 1].text += decodeEntities(raw, line);
      else if (raw.trim()) throw new XmlError(`text outside the root element: "${raw.trim().slice(0, 20)}"`, line);
      advance(end);
    }
  }
  if (stack.length) throw new XmlError(`unclosed element <${stack[stack.length - 1].name}>`, stack[stack.length - 1].line);
  if (!root) throw new XmlError("no root element", line);
  return root;
}

/** Direct children with the given qualified name. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name);
}

/** First direct child with the given name, if any. */
export function child(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c) => c.name === name);
}

/** The element and all its descendants, document order. */
export function descendants(element: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    out.push(e);
    e.children.forEach(walk);
  };
  walk(element);
  return out;
}
