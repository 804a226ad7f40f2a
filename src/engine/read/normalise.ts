/**
 * Text normalisation for matching labels (SPEC §2): full-width → half-width, no spaces or line breaks,
 * bracketed suffixes ("（万元）", "(A)", "(50分)") stripped, with any number inside kept as data.
 */
import type { CellValue } from "../grid";

/** Characters toHalfWidth converts. */
const FULL_WIDTH = /[\uff01-\uff5e\u3000]/;

/** Full-width ASCII → half-width, ideographic space → space; keeps ≥ ≤ and CJK as they are. */
export function toHalfWidth(s: string): string {
  if (!FULL_WIDTH.test(s)) return s; // most texts have nothing to convert
  let out = "";
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += " ";
    else out += ch;
  }
  return out;
}

/** Cell value → trimmed display text ("" for null). Numbers use their plain JS form. */
export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v.trim();
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

/** Placeholder-for-nothing marks: "—", "/", "*", "－", "-", "——", "无" is NOT one (it is text). */
const NO_VALUE = /^[\s—–\-－/／*＊―_]*$/;
/** The characters NO_VALUE allows besides whitespace. */
const NO_VALUE_CHARS = new Set([..."—–-－/／*＊―_"]);

/** True when a cell means "no value" (blank, "—", "/", "*", "－"). */
export function isNoValue(v: CellValue): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v !== "string") return false;
  // Most texts are words: their first character settles it without the regex.
  // (String.prototype.trim removes exactly what \s matches.)
  if (v.length > 0 && !NO_VALUE_CHARS.has(v[0]) && v[0].trim() !== "") return false;
  return NO_VALUE.test(v);
}

export interface LabelKey {
  /** Normalised label text: half-width, no whitespace, bracketed suffixes and trailing colons removed. */
  key: string;
  /** Numbers found inside stripped brackets: "产出指标(50分)" → [50]. */
  numbers: number[];
  /** The bracket contents that were stripped. */
  brackets: string[];
}

const BRACKETS = /[([【［〔]([^()[\]【】［］〔〕]*)[)\]】］〕]/g;

/*
 * Cells hold up to 32,767 characters. A regex that can start at every character of a long run and scan the
 * rest of the run before failing — /[:：]+$/ on 30,000 colons followed by anything, /\s*\n\s*\/g on 30,000
 * spaces — takes quadratic time (seconds per cell). Text from cells is trimmed with loops instead.
 */

/** s without its trailing characters from `chars`: what /[chars]+$/ removes, in linear time. */
export function trimEndChars(s: string, chars: string): string {
  let end = s.length;
  while (end > 0 && chars.includes(s[end - 1])) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** s without its leading characters from `chars`: what /^[chars]+/ removes. */
export function trimStartChars(s: string, chars: string): string {
  let start = 0;
  while (start < s.length && chars.includes(s[start])) start++;
  return start === 0 ? s : s.slice(start);
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= "0" && c <= "9";

/**
 * The number of the first "<number>分" in s — /(\d+(?:\.\d+)?)\s*分/.exec(s)?.[1] — in linear time: from each 分
 * back over spaces, digits and at most one ".digits" part. (The regex retries at every digit of a long digit
 * run not followed by 分.)
 */
export function pointsBeforeFen(s: string): string | null {
  for (let i = s.indexOf("分"); i >= 0; i = s.indexOf("分", i + 1)) {
    let end = i;
    while (end > 0 && /\s/.test(s[end - 1])) end--;
    let start = end;
    while (start > 0 && isDigit(s[start - 1])) start--;
    if (start === end) continue;
    if (s[start - 1] === "." && isDigit(s[start - 2])) {
      start--;
      while (start > 0 && isDigit(s[start - 1])) start--;
    }
    return s.slice(start, end);
  }
  return null;
}

/**
 * The reader asks for the key of the same label texts many times (every header candidate row, every second-row
 * pairing): results are remembered per text in a bounded cache. Cached results are shared, so they are frozen.
 */
const LABEL_KEYS = new Map<string, LabelKey>();
const LABEL_KEYS_MAX = 20000;

/** Normalise a label for synonym lookup. */
export function labelKey(v: CellValue): LabelKey {
  if (typeof v !== "string") return { key: "", numbers: [], brackets: [] };
  let k = LABEL_KEYS.get(v);
  if (k === undefined) {
    if (LABEL_KEYS.size >= LABEL_KEYS_MAX) LABEL_KEYS.clear();
    k = computeLabelKey(v);
    Object.freeze(k.numbers);
    Object.freeze(k.brackets);
    Object.freeze(k);
    LABEL_KEYS.set(v, k);
  }
  return k;
}

function computeLabelKey(v: string): LabelKey {
  let s = toHalfWidth(v).replace(/[（]/g, "(").replace(/[）]/g, ")").replace(/\s+/g, "");
  const numbers: number[] = [];
  const brackets: string[] = [];
  s = s.replace(BRACKETS, (_m, inner: string) => {
    brackets.push(inner);
    const n = pointsBeforeFen(inner);
    if (n !== null && Number.isFinite(Number(n))) numbers.push(Number(n)); // "(99…9分)" past 1.8e308 is no number
    return "";
  });
  s = trimStartChars(trimEndChars(s, ":："), "*※");
  // A label written wholly in brackets ("【项目名称】") is its inner text.
  if (s === "" && brackets.length === 1) s = trimEndChars(brackets[0], ":：");
  return { key: s, numbers, brackets };
}

/** Normalised comparison text for names (projects, departments, indicators). */
export function nameKey(s: string | null | undefined): string {
  if (!s) return "";
  return toHalfWidth(s)
    .replace(/[（]/g, "(")
    .replace(/[）]/g, ")")
    .replace(/\s+/g, "")
    .replace(/[“”"'‘’]/g, "")
    .toLowerCase();
}

/**
 * Department key for matching: "219-某某镇人民政府", "[201]县教育和体育局", "201 县教育局" → the name only.
 */
export function departmentKey(s: string | null | undefined): string {
  return nameKey(splitLeadingCode(s ?? "").name);
}

/** "[201]县教育和体育局" / "201-县教育局" / "201 县教育局" → {code: "201", name: "县教育和体育局"}. */
export function splitLeadingCode(s: string): { code: string | null; name: string } {
  const t = toHalfWidth(s).trim();
  let m = /^[[【(]\s*([0-9A-Za-z]+)\s*[\]】)]\s*(.+)$/.exec(t);
  if (m) return { code: m[1], name: m[2].trim() };
  // A bare leading code has at least 3 characters ("201-", "219 "): "1、" list numbers and "12.5万元" are no codes.
  m = /^([0-9][0-9A-Za-z]{2,})\s*(?:[-—_、\s]|\.(?!\d))\s*(.+)$/.exec(t);
  if (m) return { code: m[1], name: m[2].trim() };
  return { code: null, name: s.trim() };
}

/**
 * Project names may carry a project code: "51000021R000000019951-工资性支出" → code + name.
 * A code is at least 6 characters of digits and capital letters, with at least 4 digits.
 */
export function splitProjectCode(s: string): { code: string | null; name: string } {
  const t = toHalfWidth(s).trim();
  const m = /^([0-9A-Z]{6,})\s*[-—_、:\s]\s*(.+)$/.exec(t);
  if (m && /\d{4,}/.test(m[1])) return { code: m[1], name: m[2].trim() };
  const b = /^[[【(]\s*([0-9A-Z]{6,})\s*[\]】)]\s*(.+)$/.exec(t);
  if (b && /\d{4,}/.test(b[1])) return { code: b[1], name: b[2].trim() };
  return { code: null, name: s.trim() };
}
