/** Reading one cell: numbers, rates, clean texts and indicator names. No vocabulary here. */
import type { CellValue } from "../grid";
import { cellText, isNoValue, toHalfWidth } from "./normalise";
import { STUB_NAME_PREFIX } from "./synonyms";

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

/** A rate cell as a fraction: "93.5%", 0.935, or 93.5 (a number above 1.5 is a percentage). */
export function parseRate(v: CellValue, percentFormat: boolean): number | null {
  const n = parseNumber(v);
  if (n === null) return null;
  if (typeof v === "string") return rateFromNumber(n, v.includes("%"));
  return rateFromNumber(n, percentFormat);
}

function rateFromNumber(n: number, isFraction: boolean): number {
  if (isFraction) return n;
  return Math.abs(n) > 1.5 ? n / 100 : n;
}

/** The cell's text, null when it means "no value" ("—", "/", blank). */
export function cleanText(v: CellValue): string | null {
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
export function cleanName(v: CellValue): string | null {
  const t = cleanText(v);
  if (t === null) return null;
  const flat = joinLines(t).trim();
  const rest = flat.replace(STUB_NAME_PREFIX, "");
  if (rest === flat) return flat;
  // "指标1:/": the slot is marked not applicable.
  if (rest !== "" && isNoValue(rest)) return null;
  return rest === "" ? flat.replace(/[:：.、]\s*$/, "") : rest;
}

/** Math.round(x × 10^digits) / 10^digits, null when x is not finite (sums of amounts past ±1.8e308). */
export function roundAmount(x: number, digits = 6): number | null {
  if (!Number.isFinite(x)) return null;
  if (Math.abs(x) >= 2 ** 52) return x;
  const f = 10 ** digits;
  const r = Math.round(x * f) / f;
  return Number.isFinite(r) ? r : null;
}
