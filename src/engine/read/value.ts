/**
 * Parsing of targets and actuals (SPEC §3): optional operator, number, unit — or qualitative text,
 * a placeholder, an error value, or nothing.
 */
import type { CellValue } from "../grid";
import type { Direction, Level1Key, Level2Key, Operator, Value } from "../model";
import { cellText, isNoValue, toHalfWidth } from "./normalise";

const ERROR_VALUES = /^#(DIV\/0!|N\/A|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/i;

/** Template stubs that are not values: "**", "XX", "≥**人次", "__", "××". */
const PLACEHOLDER = /\*{2,}|[Xx×]{2,}|_{2,}|＿{2,}|[○□△]{2,}|…{1,}|\.{3,}|^[Xx]$/;

/** Units that, after an operator and with no number ("≥人次"), mark a template stub. Extend as files show more. */
export const STUB_UNITS = new Set([
  "人", "人次", "万人", "万人次", "户", "家", "个", "项", "次", "场", "件", "处", "所", "座", "栋", "套", "台", "辆", "条",
  "份", "篇", "册", "批", "期", "班", "元", "万元", "亿元", "元/人", "天", "日", "月", "年", "小时", "分钟", "公里", "千米",
  "米", "亩", "万亩", "公顷", "平方米", "万平方米", "立方米", "吨", "万吨", "株", "棵", "头", "只", "盏", "分",
]);

/** Stub marks that fill a template cell without being a value. */
const STUB_MARKS = /^\s*([*＊]{2,}|[_＿]{2,})\s*$/;

const OP_SYMBOLS: [RegExp, Operator][] = [
  // Full-width and compatibility forms too (＝ ﹦ ≧ ≦ ＞ ﹥ ＜ ﹤ ⩾ ⩽): toHalfWidth leaves the small forms.
  [/^(>=|≥|≧|⩾|=>|﹥=|﹥﹦)/, ">="],
  [/^(<=|≤|≦|⩽|=<|﹤=|﹤﹦)/, "<="],
  [/^(>|＞|﹥)/, ">"],
  [/^(<|＜|﹤)/, "<"],
  [/^(==|=|＝|﹦)/, "="],
];

const OP_PREFIX_WORDS: [RegExp, Operator][] = [
  [/^(不低于|不少于|不小于|大于等于|大于或等于|至少|最少|达到)/, ">="],
  [/^(不超过|不高于|不多于|不大于|小于等于|小于或等于|控制在|最多|至多)/, "<="],
  [/^(大于|高于|超过|多于)/, ">"],
  [/^(小于|低于|少于)/, "<"],
  [/^(等于)/, "="],
];

/** Direction words of an operator column (指标性质: 正向/反向 in some 四川 forms). */
const OP_COLUMN_WORDS: [RegExp, Operator][] = [
  [/^正向/, ">="],
  [/^反向/, "<="],
];

const OP_SUFFIX_WORDS: [RegExp, Operator][] = [
  [/(以上|及以上|或以上|不低于|以上\(含\)|\(含\)以上)$/, ">="],
  [/(以内|以下|及以下|或以下|之内|不超过|以内\(含\))$/, "<="],
];

/** Words before a number that carry no meaning for scoring ("约1200人", "累计完成1136人"). */
const FILLER_PREFIX = /^(约|共|累计|合计|实际|全年|年度|完成|实现|达|计|总计|已完成|共计)+/;

/** Text that is a date or deadline, not a quantity. */
const DATE_LIKE = /(\d{1,4}年\d{1,2}月|\d{1,2}月(底|末|初|中|上旬|中旬|下旬|\d{1,2}[日号])|年底|月底|年末|季度|前完成|之前|以前|\d{4}-\d{1,2}-\d{1,2})/;

/** Units written as words that mean percent. */
const PERCENT_WORDS = /^(百分比|百分之|％|%)$/;

function emptyValue(): Value {
  return { raw: "", kind: "empty", op: null, value: null, unit: null };
}

function normaliseUnit(u: string): string | null {
  const t = u.trim().replace(/^[(（]|[)）]$/g, "");
  if (t === "") return null;
  if (PERCENT_WORDS.test(t)) return "%";
  return t;
}

export interface ParseOptions {
  /** The cell shows numbers as percentages (0.724 → 72.4 %). */
  percentFormat?: boolean;
}

/** Parse one cell as a target/actual value. */
export function parseValue(v: CellValue, opts: ParseOptions = {}): Value {
  // "**" and "__" are template stubs (placeholders); a single "*", "—" or "/" means "no value".
  if (typeof v === "string" && STUB_MARKS.test(v)) return { raw: v.trim(), kind: "placeholder", op: null, value: null, unit: null };
  if (v === null || isNoValue(v)) return emptyValue();
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return { raw: String(v), kind: "error", op: null, value: null, unit: null };
    if (opts.percentFormat) {
      const pct = roundFloat(v * 100);
      // Past ~1.8e306 the percentage is not a representable number: the cell's text, like "1e400" typed as text.
      if (!Number.isFinite(pct)) return { raw: `${shiftExponent(v, 2)}%`, kind: "qualitative", op: null, value: null, unit: null };
      return { raw: `${pct}%`, kind: "number", op: null, value: pct, unit: "%" };
    }
    return { raw: String(v), kind: "number", op: null, value: v, unit: null };
  }
  if (typeof v === "boolean") return { raw: v ? "是" : "否", kind: "qualitative", op: null, value: null, unit: null };
  const raw = v.trim();
  return parsedText(raw);
}

/**
 * parseText's answers by text: a county's forms repeat the same targets and actuals ("100%", "≥95%", "达成年度
 * 指标") thousands of times. Each caller gets its own copy (Values are plain objects the reader may spread).
 * Bounded: emptied at 20,000 texts.
 */
const PARSED = new Map<string, Value>();

function parsedText(raw: string): Value {
  let v = PARSED.get(raw);
  if (v === undefined) {
    if (PARSED.size >= 20_000) PARSED.clear();
    v = parseText(raw);
    PARSED.set(raw, v);
  }
  return { ...v };
}

/** Remove float noise below 1e-10 (0.724 × 100 = 72.39999999999999 → 72.4); large numbers have none to remove. */
function roundFloat(x: number): number {
  if (!Number.isFinite(x) || Math.abs(x) >= 2 ** 52) return x;
  return Math.round(x * 1e10) / 1e10;
}

/** x × 10^n written out without overflowing ("1.797693134862316e+308" for 1.797693134862316e306, n = 2). */
function shiftExponent(x: number, n: number): string {
  const [mantissa, exp] = x.toExponential().split("e");
  return `${mantissa}e${Number(exp) + n >= 0 ? "+" : ""}${Number(exp) + n}`;
}

function parseText(raw: string): Value {
  if (ERROR_VALUES.test(raw)) return { raw, kind: "error", op: null, value: null, unit: null };
  let s = toHalfWidth(raw).replace(/\s+/g, "").replace(/[（]/g, "(").replace(/[）]/g, ")");
  if (PLACEHOLDER.test(s)) return { raw, kind: "placeholder", op: null, value: null, unit: null };
  if (s === "") return emptyValue();
  let op: Operator | null = null;
  for (const [re, o] of OP_SYMBOLS) {
    const m = re.exec(s);
    if (m) {
      op = o;
      s = s.slice(m[0].length);
      break;
    }
  }
  if (!op) {
    for (const [re, o] of OP_PREFIX_WORDS) {
      const m = re.exec(s);
      if (m && /^\d|^[.]\d/.test(s.slice(m[0].length))) {
        op = o;
        s = s.slice(m[0].length);
        break;
      }
    }
  }
  // "±3%以内": a deviation kept within a bound is at most that bound.
  if (!op && (s.startsWith("±") || s.startsWith("+-"))) {
    op = "<=";
    s = s.slice(s.startsWith("±") ? 1 : 2);
  }
  if (!op) s = s.replace(FILLER_PREFIX, "");
  for (const [re, o] of OP_SUFFIX_WORDS) {
    const m = re.exec(s);
    if (m) {
      if (!op) op = o;
      s = s.slice(0, s.length - m[0].length);
      break;
    }
  }
  if (DATE_LIKE.test(s)) return { raw, kind: "qualitative", op: null, value: null, unit: null };
  const num = /^([-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[-+]?\d+(?:\.\d+)?|[-+]?\.\d+)(.*)$/.exec(s);
  if (!num) {
    // An operator with no number, alone or with only a unit ("≥", "≥人次", "≤%"), is a stub; words are qualitative.
    // A unit alone ("公里", "万亩"): the number of a template was never filled in.
    if ((op && /^[^\u4e00-\u9fa5]*$/.test(s)) || STUB_UNITS.has(s)) return { raw, kind: "placeholder", op: null, value: null, unit: null };
    return { raw, kind: "qualitative", op: null, value: null, unit: null };
  }
  const value = Number(num[1].replace(/,/g, ""));
  let rest = num[2];
  // A suffix operator after the unit: "90%以上" was handled above; "1200人以上" too.
  let unit: string | null = null;
  if (rest !== "") {
    if (/^[%％‰]/.test(rest)) {
      unit = rest[0] === "‰" ? "‰" : "%";
      rest = rest.slice(1);
      if (rest !== "") return { raw, kind: "qualitative", op: null, value: null, unit: null };
    } else {
      // A unit is short, has no digits, and is not a sentence.
      if (rest.length > 10 || /\d/.test(rest.replace(/[²³]/g, "")) || /[，,。；;、]/.test(rest)) {
        return { raw, kind: "qualitative", op: null, value: null, unit: null };
      }
      if (/(完成|达到|实现|提高|提升|降低|减少|增加|改善|之前|以前|前$)/.test(rest)) {
        return { raw, kind: "qualitative", op: null, value: null, unit: null };
      }
      unit = normaliseUnit(rest);
    }
  }
  if (!Number.isFinite(value)) return { raw, kind: "qualitative", op: null, value: null, unit: null };
  return { raw, kind: "number", op, value, unit };
}

/** operatorCellOp's answers by text: operator cells hold a handful of texts ("≥", "≤", "", "大于等于"). */
const OPERATOR_CELL_OPS = new Map<string, Operator | null>();

/** The operator an operator cell's (normalised) text names, or null. */
function operatorCellOp(opText: string): Operator | null {
  let op = OPERATOR_CELL_OPS.get(opText);
  if (op === undefined) {
    // First match wins: ">=" must not fall through to ">", "大于等于" not to "大于".
    op =
      OP_SYMBOLS.find(([re]) => re.test(opText))?.[1] ??
      OP_PREFIX_WORDS.find(([re]) => re.test(opText))?.[1] ??
      OP_COLUMN_WORDS.find(([re]) => re.test(opText))?.[1] ??
      null;
    if (OPERATOR_CELL_OPS.size >= 2_000) OPERATOR_CELL_OPS.clear();
    OPERATOR_CELL_OPS.set(opText, op);
  }
  return op;
}

/**
 * 四川 layout: operator, number and unit in three cells. The unit cell may say "%" while the number cell
 * holds 95 (or 0.95 in a percent-formatted cell).
 */
export function parseSplitValue(opCell: CellValue, numberCell: CellValue, unitCell: CellValue, opts: ParseOptions = {}): Value {
  const base = parseValue(numberCell, opts);
  const opText = toHalfWidth(cellText(opCell)).replace(/\s+/g, "");
  const unitText = isNoValue(unitCell) ? "" : cellText(unitCell);
  const op: Operator | null = base.op ?? operatorCellOp(opText);
  if (base.kind !== "number") {
    // A qualitative value written in the number column keeps its text.
    return base;
  }
  const unit = base.unit ?? normaliseUnit(unitText);
  const opShown = op && !base.op ? (op === ">=" ? "≥" : op === "<=" ? "≤" : op) : "";
  const raw = `${opShown}${base.raw}${base.unit ? "" : unitText}`;
  return { raw, kind: "number", op, value: base.value, unit };
}

/** Is the operator cell of a split layout a 定性/定量 marker instead of an operator? */
export function natureOf(opCell: CellValue): "quantitative" | "qualitative" | null {
  const t = cellText(opCell);
  if (/定性/.test(t)) return "qualitative";
  if (/定量/.test(t)) return "quantitative";
  return null;
}

/** Names that measure something to keep low (SPEC §3). Extend as files show more. */
export const LOWER_IS_BETTER_WORDS = [
  "控制率",
  "调整率",
  "结余率",
  "结转",
  "发生率",
  "差错率",
  "错误率",
  "投诉",
  "事故",
  "超支",
  "变质",
  "损失",
  "违规",
  "违纪",
  "死亡率",
  "不合格",
  "故障率",
  "返工",
  "流失率",
  "空置率",
  "闲置率",
  "超标",
  "逾期",
  "拖欠",
  "亏损",
  "能耗",
  "排放量",
  "误差",
  "返贫",
  "发病率",
  "患病率",
  "辍学率",
  "案发",
  "上访",
  "信访",
  "成本",
  "单价",
];

/** Names ending like these are higher-is-better even when they contain a "lower" word ("投诉处理率"). */
const HIGHER_ENDINGS = /(处理|办结|回复|答复|解决|整改|查处|结案|及时|合格|完成|覆盖|达标|满意|执行|到位|知晓|参与|使用|利用|下降|降低|减少)率$|满意度$|(下降|降低|减少|节约|节省)/;

/** The direction an operator states (≥ > higher, ≤ < lower, = equal); null for no operator. */
export function operatorDirection(op: Operator | null): Exclude<Direction, "qualitative"> | null {
  switch (op) {
    case ">=":
    case ">":
      return "higher";
    case "<=":
    case "<":
      return "lower";
    case "=":
      return "equal";
    default:
      return null;
  }
}

/**
 * Scoring direction: the stated operator wins; else cost indicators and names that measure something to
 * keep low are lower-is-better; other numbers are higher-is-better; words are qualitative.
 */
export function inferDirection(
  target: Value,
  name: string,
  level1: Level1Key | null,
  level2: Level2Key | null,
): Direction {
  if (target.kind !== "number") return "qualitative";
  const stated = operatorDirection(target.op);
  if (stated !== null) return stated;
  if (level1 === "cost" || level2 === "cost" || level2 === "economic-cost" || level2 === "social-cost" || level2 === "ecological-cost") {
    return "lower";
  }
  const n = toHalfWidth(name).replace(/\s+/g, "");
  if (HIGHER_ENDINGS.test(n)) return "higher";
  if (LOWER_IS_BETTER_WORDS.some((w) => n.includes(w))) return "lower";
  return "higher";
}
