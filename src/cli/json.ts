/**
 * The JSON document of `bpr check --format json`, written piece by piece: the same text as
 * `JSON.stringify(value, null, 2) + "\n"`, but no string holds more than one element of a top-level array
 * (a project, a finding) plus a buffer of about 64 KB. A county's report is ~14 MB of JSON, ~28 MB as a V8
 * two-byte string, copied again by `${s}\n` and encoded into a Buffer: memory that grew with the number of
 * files. Here it does not.
 */

/** Flush to `write` once this many characters are buffered. */
const CHUNK = 1 << 16;

/**
 * A property's value as JSON.stringify(value, null, 2) writes it inside the top-level object (indented by two),
 * or undefined when the property is left out. Stringifying a one-property wrapper indents it for us.
 */
function propertyText(x: unknown): string | undefined {
  const s = JSON.stringify({ k: x }, null, 2);
  // '{\n  "k": ' … '\n}'; "{}" when x is undefined, a function or a symbol.
  return s === "{}" ? undefined : s.slice(9, -2);
}

/** An array element as written inside a top-level array property (indented by four; "null" for undefined). */
function elementText(list: unknown[], i: number): string {
  // '{\n  "k": [\n    ' … '\n  ]\n}'
  return JSON.stringify({ k: [list[i]] }, null, 2).slice(15, -6);
}

/**
 * Write `JSON.stringify(value, null, 2) + "\n"` through `write`. A plain object at the top level has its array
 * properties written one element at a time; anything else is stringified whole.
 */
export function writeJson(value: unknown, write: (s: string) => void): void {
  let buf = "";
  const out = (s: string) => {
    buf += s;
    if (buf.length >= CHUNK) {
      write(buf);
      buf = "";
    }
  };
  const plain =
    value !== null &&
    typeof value === "object" &&
    !Array.isArray(value) &&
    typeof (value as { toJSON?: unknown }).toJSON !== "function" &&
    Object.getPrototypeOf(value) === Object.prototype;
  if (!plain) {
    const s = JSON.stringify(value, null, 2) as string | undefined;
    // JSON.stringify(undefined) is undefined: `${s}\n` printed "undefined".
    write(`${s}\n`);
    return;
  }
  let first = true;
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key];
    const text = Array.isArray(v) ? null : propertyText(v);
    if (!Array.isArray(v) && text === undefined) continue; // undefined, functions, symbols: left out
    out(`${first ? "{\n" : ",\n"}  ${JSON.stringify(key)}: `);
    first = false;
    if (text !== null && text !== undefined) {
      out(text);
      continue;
    }
    const list = v as unknown[];
    if (list.length === 0) {
      out("[]");
      continue;
    }
    for (let i = 0; i < list.length; i++) {
      // In arrays, what JSON cannot hold (undefined, functions) is written as null.
      out(`${i === 0 ? "[\n    " : ",\n    "}${elementText(list, i)}`);
    }
    out("\n  ]");
  }
  out(first ? "{}\n" : "\n}\n");
  if (buf) write(buf);
}
