/**
 * Qualitative indicators (SPEC §4): the actual's wording, or a deadline met or missed, picks a band.
 *
 * Order of decisions in `qualitativeBand(actual, target)`:
 * 1. no actual text (empty, placeholder, error) → null;
 * 2. the target is a deadline ("11月底前", "次年3月底前", "12月31日前", "年底前") and the actual is a date
 *    ("12月中旬", "2023年10月25日", "2023-10-25", "11月底") → on time: full, late: partial (example 01:
 *    "11月底前" → "12月中旬" is stated 7 of 10, inside the partial band). Late wording without a date
 *    ("未按时完成", "延期完成", "滞后") against a deadline is also partial;
 * 3. the actual repeats the target's text → full;
 * 4. "部分未完成" / "部分没有…" → partial;
 * 5. negations ("未达成", "未完成", "不合格", "效果较差", "否", …) → unmet — checked before the positive
 *    words, which they contain;
 * 6. partial wording ("部分达成…具有一定效果", "基本完成", "一定效果", "有所") → partial — checked before
 *    the full wording, which it contains;
 * 7. full wording ("达成年度指标", "完成", "达标", "合格", "效果明显", "显著", "良好", "健全", "是", …) → full;
 * 8. a "nothing happened" target ("无", "不发生", "零") met by "无" / "未发生" / "0" → full;
 * 9. anything else → null (no band: no band check).
 */
import type { Value } from "../model";
import { toHalfWidth, trimEndChars } from "../read/normalise";

export type Band = "full" | "partial" | "unmet";

export interface BandOptions {
  /** The project's year ("（2023年度）"), to place relative deadlines ("11月底前", "次年3月") in time. */
  year?: number | null;
}

/** Full-width → half-width, drop whitespace and trailing punctuation. */
export function normalizeText(s: string): string {
  const t = toHalfWidth(s).replace(/\s+/g, "");
  return trimEndChars(t, "。．.，,;；!！"); // a loop: /[…]+$/ took 10 s on 20,000 commas inside a cell
}

// ---------------------------------------------------------------------------------------------
// Deadlines
// ---------------------------------------------------------------------------------------------

/** A point in time as written: year (absolute or relative to the project year), month, day. */
export interface DatePoint {
  /** Absolute year when written ("2023年", "2023-10-25"). */
  year: number | null;
  /** Relative year: 0 当年 (or nothing written), 1 次年/明年/下年. Ignored when `year` is set. */
  rel: number;
  month: number;
  /** Day of month; 0 means "before the month starts" ("6月前"); 31 stands for the month's end. */
  day: number;
}

const CN_DIGITS = new Map<string, number>([..."一二三四五六七八九十"].map((d, i) => [d, i + 1]));

/** "11", "十一", "十二", "三" → number. */
function monthNumber(s: string): number | null {
  if (/^\d{1,2}$/.test(s)) return Number(s);
  if (s === "十") return 10;
  if (/^十[一二]$/.test(s)) return 10 + (CN_DIGITS.get(s[1]) as number);
  if (s.length === 1 && CN_DIGITS.has(s)) return CN_DIGITS.get(s) as number;
  return null;
}

const YEAR_RE = "(?:(\\d{4})年|(当年|本年|今年|年度内|次年|明年|下年|下一年|来年))?";
const MONTH_RE = "(\\d{1,2}|十[一二]?|[一二三四五六七八九])月(?:份)?";
const DAY_RE = "(底|末尾|末|中旬|上旬|下旬|初|中|(\\d{1,2})[日号])?";

function relYear(word: string | undefined): number {
  return word && /次年|明年|下年|下一年|来年/.test(word) ? 1 : 0;
}

function dayOf(word: string | undefined, digits: string | undefined): number {
  if (digits) return Number(digits);
  switch (word) {
    case "上旬":
    case "初":
      return 10;
    case "中":
      return 15;
    case "中旬":
      return 20;
    case undefined:
    case "底":
    case "末":
    case "末尾":
    case "下旬":
      return 31;
    default:
      return 31;
  }
}

/** Parse "2023年10月25日", "次年3月底", "12月中旬", "2023-10-25", "2023/10/25", "年底" at the start of s. */
function parsePointPrefix(s: string): { point: DatePoint; rest: string } | null {
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]?\d{1,2}:\d{2}(?::\d{2})?)?/.exec(s);
  if (m) {
    const month = Number(m[2]);
    const day = Number(m[3]);
    if (month < 1 || month > 12 || day < 1 || day > 31) return null;
    return { point: { year: Number(m[1]), rel: 0, month, day }, rest: s.slice(m[0].length) };
  }
  m = /^(\d{4})[-/.](\d{1,2})(?![\d])/.exec(s);
  if (m) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return null;
    return { point: { year: Number(m[1]), rel: 0, month, day: 31 }, rest: s.slice(m[0].length) };
  }
  m = new RegExp(`^${YEAR_RE}${MONTH_RE}${DAY_RE}`).exec(s);
  if (m) {
    const month = monthNumber(m[3]);
    if (month === null || month < 1 || month > 12) return null;
    const day = dayOf(m[4], m[5]);
    if (day < 1 || day > 31) return null;
    return {
      point: { year: m[1] ? Number(m[1]) : null, rel: relYear(m[2]), month, day },
      rest: s.slice(m[0].length),
    };
  }
  m = /^(?:(\d{4})年|(当年|本年|今年|次年|明年|下年|来年))?(年底|年末|年内|年度内|底|末)/.exec(s);
  if (m && (m[1] || m[2] || /^年/.test(m[3]))) {
    return { point: { year: m[1] ? Number(m[1]) : null, rel: relYear(m[2]), month: 12, day: 31 }, rest: s.slice(m[0].length) };
  }
  return null;
}

const LEAD_RE = /^(?:已于|已在|已经|于|在|截至|截止|截止到|截止至|到|至|预计)/;
const BEFORE_RE = /^(?:之前|以前|前|以内|之内|内|为止|止)/;

/**
 * A deadline target: a date point followed by 前/之前/以前/内 and at most a few words
 * ("11月底前", "12月31日前完成", "次年3月底前", "年底前", "2023年10月底前"). "N月前" (no day) means
 * before month N starts. Null when the text is not a deadline.
 */
export function parseDeadline(text: string): DatePoint | null {
  let s = normalizeText(text).replace(LEAD_RE, "");
  const p = parsePointPrefix(s);
  if (!p) return null;
  s = p.rest;
  const before = BEFORE_RE.exec(s);
  const point = { ...p.point };
  if (before) {
    s = s.slice(before[0].length);
    // "6月前": no day written → before the month starts.
    if (/^前|^之前|^以前/.test(before[0]) && noDayWritten(text)) point.day = 0;
  } else if (!/^完成|^全部完成|^前完成|^$/.test(s)) {
    return null;
  }
  // A few trailing words are fine ("完成", "全部发放到位"); digits mean it is something else.
  if (s.length > 10 || /\d/.test(s)) return null;
  return point;
}

/** True when a month is written with no day word: "6月前" (not "6月底前", "6月30日前"). */
function noDayWritten(text: string): boolean {
  const s = normalizeText(text);
  return /月(?:份)?(?:之前|以前|前)/.test(s) && !/(底|末|旬|初|中|[日号])(?:之前|以前|前)/.test(s);
}

/** An actual date: "12月中旬", "2023年10月25日", "次年3月15日", "11月底", "2023-10-25", "已于11月20日完成". */
export function parseDatePoint(text: string): DatePoint | null {
  const s = normalizeText(text).replace(LEAD_RE, "");
  const p = parsePointPrefix(s);
  if (!p) return null;
  const rest = p.rest.replace(BEFORE_RE, "");
  if (rest.length > 10 || /\d/.test(rest)) return null;
  return p.point;
}

/** Ordinal for comparison; relative years are placed on `base`. */
function ordinal(p: DatePoint, base: number): number {
  const year = p.year ?? base + p.rel;
  return year * 10000 + p.month * 100 + p.day;
}

/** On time (true), late (false), or null when either side is not a date. */
export function metDeadline(actual: string, target: string, opts: BandOptions = {}): boolean | null {
  const t = parseDeadline(target);
  const a = parseDatePoint(actual);
  if (!t || !a) return null;
  const base = opts.year ?? t.year ?? a.year ?? 2000;
  return ordinal(a, base) <= ordinal(t, base);
}

// ---------------------------------------------------------------------------------------------
// Wording
// ---------------------------------------------------------------------------------------------

const LATE_WORDS = /未按时|未按期|未如期|未及时|延期|延迟|推迟|滞后|逾期|超期/;
const PARTIAL_NEGATED = /部分(?:未|没有|尚未)/;
const UNMET_WORDS =
  /未达成|未达到|未完成|未实现|未达标|未开工|未见成效|未按时|未按期|未及时|未通过|未建立|未落实|未到位|尚未|没有达到|没有完成|没有实现|不合格|不达标|不到位|不及时|不健全|不完善|不明显|不规范|不符合|不满意|无效果|无成效|效果较差|效果差|较差/;
const UNMET_WHOLE = /^(?:否|差|未完成|不合格|不达标)$/;
const PARTIAL_WORDS =
  /部分达成|部分完成|部分实现|部分达到|部分达标|基本完成|基本达成|基本达标|基本达到|基本实现|基本合格|基本健全|基本满意|一定效果|一定成效|有所/;
const FULL_WORDS =
  /达成年度指标|达成预期指标|达成|达到|已完成|全部完成|完成|达标|合格|效果明显|显著|明显|良好|健全|有效|实现|按时|按期|如期|及时|提前|优秀|通过|到位|符合/;
const FULL_WHOLE = /^(?:是|有|满意|优|好)$/;
const NOTHING_TARGET = /^(?:无|零|0|不发生|未发生|杜绝|无发生|没有|0起|0件|0次)/;
const NOTHING_ACTUAL = /^(?:无|零|0|未发生|没有发生|没有|无发生|0起|0件|0次)$/;

/** An actual saying "nothing happened" ("无", "未发生", "零"): reads as 0 against a numeric target. */
export function isNothingWording(v: Value | null | undefined): boolean {
  return !!v && v.kind === "qualitative" && NOTHING_ACTUAL.test(normalizeText(v.raw));
}

function textOf(v: Value | null | undefined): string | null {
  if (!v) return null;
  if (v.kind === "empty" || v.kind === "placeholder" || v.kind === "error") return null;
  const s = normalizeText(v.raw);
  return s === "" ? null : s;
}

/** Band of a qualitative actual against its target; null when the wording says nothing we know. */
export function qualitativeBand(actual: Value | null, target: Value | null, opts: BandOptions = {}): Band | null {
  const a = textOf(actual);
  if (a === null) return null;
  const t = textOf(target);

  if (t !== null) {
    const deadline = parseDeadline(t);
    if (deadline) {
      const met = metDeadline(a, t, opts);
      if (met !== null) return met ? "full" : "partial";
      if (LATE_WORDS.test(a)) return "partial";
    }
    if (a === t) return "full";
  }
  if (PARTIAL_NEGATED.test(a)) return "partial";
  if (UNMET_WHOLE.test(a) || UNMET_WORDS.test(a)) return "unmet";
  if (PARTIAL_WORDS.test(a)) return "partial";
  if (FULL_WHOLE.test(a) || FULL_WORDS.test(a)) return "full";
  if (t !== null && NOTHING_TARGET.test(t) && NOTHING_ACTUAL.test(a)) return "full";
  return null;
}
