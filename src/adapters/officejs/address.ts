/**
 * Excel A1 addresses as Office.js returns them: "Sheet1!B4:J24", "'My Sheet'!A1:B2", "'It''s'!C3",
 * and RangeAreas lists "Sheet1!A1:B2, Sheet1!D4:E5". Pure functions, no Office.js.
 */
import { a1, parseA1 } from "../../engine/grid";

/** A rectangle, 0-based inclusive. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Cells with the same key grouped into rectangles: runs along rows, then identical runs stacked down. */
export function rectsBy<T>(rows: T[][], keyOf: (cell: T | undefined) => string | null): (Rect & { key: string })[] {
  const done: (Rect & { key: string })[] = [];
  let open = new Map<string, Rect & { key: string }>();
  for (let r = 0; r < rows.length; r++) {
    const next = new Map<string, Rect & { key: string }>();
    const row = rows[r];
    let c = 0;
    while (c < row.length) {
      const key = keyOf(row[c]);
      if (key === null) {
        c++;
        continue;
      }
      let end = c;
      while (end + 1 < row.length && keyOf(row[end + 1]) === key) end++;
      const sig = `${c}:${end}:${key}`;
      const prev = open.get(sig);
      if (prev) {
        prev.bottom = r;
        next.set(sig, prev);
        open.delete(sig);
      } else next.set(sig, { top: r, left: c, bottom: r, right: end, key });
      c = end + 1;
    }
    for (const rect of open.values()) done.push(rect);
    open = next;
  }
  for (const rect of open.values()) done.push(rect);
  return done;
}

/** "B2:D5" (or "B2" for one cell) from a 0-based rectangle. */
export function rectAddress(r: Rect): string {
  const start = a1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? start : `${start}:${a1(r.bottom, r.right)}`;
}

export interface SheetAddress extends Rect {
  /** The sheet name, unquoted; null when the address has no sheet part. */
  sheet: string | null;
}

/** Split at the last "!" that is outside single quotes: ["'a!b'", "A1:B2"]. */
function splitSheet(address: string): [string | null, string] {
  let inQuote = false;
  let bang = -1;
  for (let i = 0; i < address.length; i++) {
    const ch = address[i];
    if (ch === "'") inQuote = !inQuote; // '' inside quotes toggles twice: still inside
    else if (ch === "!" && !inQuote) bang = i;
  }
  if (bang < 0) return [null, address];
  return [address.slice(0, bang), address.slice(bang + 1)];
}

function unquoteSheet(s: string): string {
  const t = s.trim();
  if (t.length >= 2 && t.startsWith("'") && t.endsWith("'")) return t.slice(1, -1).replace(/''/g, "'");
  return t;
}

/** Parse one rectangular address; null when it is not one ("A:A" whole columns and "1:3" whole rows too). */
export function parseAddress(address: string): SheetAddress | null {
  const [sheetPart, ref] = splitSheet(address.trim());
  const parts = ref.trim().split(":");
  if (parts.length < 1 || parts.length > 2) return null;
  const a = parseA1(parts[0]);
  const b = parts.length === 2 ? parseA1(parts[1]) : a;
  if (!a || !b) return null;
  return {
    sheet: sheetPart === null ? null : unquoteSheet(sheetPart),
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/** Split a RangeAreas address list at commas (or semicolons) outside quotes. */
export function splitAddressList(list: string): string[] {
  const out: string[] = [];
  let inQuote = false;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const ch = list[i];
    if (ch === "'") inQuote = !inQuote;
    else if ((ch === "," || ch === ";") && !inQuote) {
      out.push(list.slice(start, i));
      start = i + 1;
    }
  }
  out.push(list.slice(start));
  return out.map((s) => s.trim()).filter((s) => s.length > 0);
}

/** Every rectangle of a RangeAreas address list (unparseable parts are skipped). */
export function parseAddressList(list: string): SheetAddress[] {
  const out: SheetAddress[] = [];
  for (const part of splitAddressList(list)) {
    const a = parseAddress(part);
    if (a) out.push(a);
  }
  return out;
}

/** A sheet name as it must appear in a formula or documentReference: always quoted, quotes doubled. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
