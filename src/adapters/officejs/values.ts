/**
 * Cell values between Office.js and the engine's Grid. Pure functions, no Office.js.
 *
 * Reading: Office.js `range.values` are already plain (numbers, strings, booleans; "" for empty cells; errors
 * as their text "#DIV/0!"; formulas as their cached result). Dates arrive as serial numbers, so the cell's
 * `numberFormat` decides whether a number is a date, which is then written as ISO text per the Grid contract.
 *
 * Writing: see `toExcelInput` — every string is written with Excel's quote prefix so it stays text.
 */
import type { CellValue } from "../../engine/grid";

/** Strip the parts of a number format that are not format codes: literals, escapes, padding, colours, locales. */
function formatCodes(section: string): string {
  return section
    .replace(/"[^"]*"/g, "") // "年" literals
    .replace(/\\./g, "") // \d escaped characters
    .replace(/_./g, "") // _) padding
    .replace(/\*./g, ""); // *- fill
}

/**
 * s without its "[…]" parts: what .replace(/\[[^\]]*\]/g, "") does, in linear time (the regex scans to the end
 * from every "[" of a long format that never closes one).
 */
export function dropBracketed(s: string): string {
  let out = "";
  let from = 0;
  for (let open = s.indexOf("["); open >= 0; open = s.indexOf("[", from)) {
    const close = s.indexOf("]", open + 1);
    if (close < 0) break;
    out += s.slice(from, open);
    from = close + 1;
  }
  return out + s.slice(from);
}

const cache = new Map<string, boolean>();

/**
 * True when a number format shows a date (or date and time): yyyy-mm-dd, m/d/yyyy, yyyy"年"m"月"d"日",
 * [$-804]yyyy年m月, d-mmm-yy, mmm-yy … False for General, text, numbers, percents, scientific, time-only
 * formats (h:mm, mm:ss) and elapsed durations ([h]:mm).
 */
export function isDateFormat(format: string | null | undefined): boolean {
  if (!format) return false;
  const hit = cache.get(format);
  if (hit !== undefined) return hit;
  let result = false;
  const f = format.trim();
  if (f !== "" && f.toLowerCase() !== "general" && f !== "@") {
    // The first section formats positive numbers, which is what dates are.
    let s = formatCodes(f.split(";")[0]);
    if (!/\[(h+|m+|s+)\]/i.test(s)) {
      s = dropBracketed(s); // [Red], [$-804], [DBNum1], [<=100]
      s = s.replace(/AM\/PM|A\/P|上午\/下午/gi, "");
      if (/[yd年日]/i.test(s) || /月/.test(s)) result = true;
      else if (/m/i.test(s) && !/[hs时分秒]/i.test(s)) result = true; // "mmm-yy" month; "h:mm" minutes
    }
  }
  if (cache.size > 500) cache.clear();
  cache.set(format, result);
  return result;
}

/** Last serial Excel shows as a date (9999-12-31). */
const MAX_SERIAL = 2958465;
const DAY_MS = 86400000;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/**
 * Excel serial (1900 date system) → "YYYY-MM-DD", or "YYYY-MM-DD HH:MM" when there is a time of day.
 * Excel counts 1900 as a leap year: serial 60 is the nonexistent 1900-02-29 (shown as such by Excel), and
 * serials 1–59 are one day later than a plain day count from 1899-12-30 would give. Returns null for serials
 * Excel does not show as dates (< 1, > 9999-12-31, not finite).
 */
export function serialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= MAX_SERIAL + 1) return null;
  let days = Math.floor(serial);
  let seconds = Math.round((serial - days) * 86400);
  if (seconds >= 86400) {
    days += 1;
    seconds = 0;
  }
  let date: string;
  if (days === 60) date = "1900-02-29";
  else {
    const base = days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
    date = new Date(base + days * DAY_MS).toISOString().slice(0, 10);
  }
  const minutes = Math.floor(seconds / 60);
  if (minutes === 0) return date;
  return `${date} ${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** One Office.js value (+ its number format) → a Grid value. */
export function normaliseOfficeValue(v: unknown, format: string | null | undefined): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return null;
    if (isDateFormat(format)) return serialToIso(v) ?? v;
    return v;
  }
  if (typeof v === "string") return v === "" ? null : v;
  if (typeof v === "boolean") return v;
  // Entities / rich values (newer Excel) are not expected from `values`; keep their text if any.
  return String(v);
}

/** Number format as the Grid keeps it: null for General. */
export function normaliseFormat(f: unknown): string | null {
  if (typeof f !== "string" || f === "" || f.toLowerCase() === "general") return null;
  return f;
}

/**
 * A plan value → what to assign to `range.values` so Excel stores exactly that value.
 *
 * `range.values` behaves like typing into the cell: "=1+2", "+5", "-x", "@SUM(…)" become formulas, "0012"
 * becomes 12, "1/2" and "2024年1月" become dates, "TRUE" a boolean, "50%" 0.5, and a leading apostrophe is
 * consumed. Every string therefore gets Excel's quote prefix, an apostrophe: Excel stores the rest verbatim as
 * text, does not show the apostrophe in the cell (only in the formula bar), and `values` reads back the string
 * without it. A string that itself starts with "'" keeps it (the first apostrophe is the prefix).
 *
 * Why not numberFormat "@": a Text-formatted cell also keeps formulas as text, but it stays "@" for later
 * edits, and long text (> 255 characters, e.g. the 评价报告 paragraphs) in a Text-formatted cell displays as
 * "####" in some Excel versions. The apostrophe works per value, whatever the cell's format.
 */
export function toExcelInput(v: string | number | boolean | null | undefined): string | number | boolean {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? v : "";
  if (typeof v === "boolean") return v;
  return v === "" ? "" : `'${v}`;
}

/** UTF-8 byte length of a string (what a JSON payload of it costs on the wire). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4; // surrogate pair
      i++;
    } else n += 3;
  }
  return n;
}

/** Bytes of the JSON for a value (as Office.js would send it). */
export function jsonBytes(v: unknown): number {
  return utf8Length(JSON.stringify(v) ?? "");
}
