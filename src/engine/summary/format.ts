/** Number and list formatting for the summary sheets and the report text (zh / en). */
import type { Lang } from "./strings";

function fixed(x: number, digits: number): string {
  const f = 10 ** digits;
  const r = Math.round((Math.abs(x) * f + 1e-9)) / f;
  const [int, frac] = r.toFixed(digits).split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${x < 0 && r !== 0 ? "-" : ""}${grouped}${frac ? `.${frac}` : ""}`;
}

/**
 * Up to `digits` decimals, no trailing zeros, thousands grouped from 10,000 ("14.2", "9.78", "10", "12,345.5"): a
 * number as a finance officer reads it on screen (the pane, the CLI). The sheets use fixed decimals (amount, score).
 */
export function compact(x: number | null | undefined, digits = 2): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "—";
  const f = Math.round(x * 10 ** digits) / 10 ** digits;
  return f.toLocaleString("en-US", { maximumFractionDigits: digits, useGrouping: Math.abs(f) >= 10000 });
}

/** 1234.5 → "1,234.50" (amounts in 万元). */
export function amount(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? "—" : fixed(x, 2);
}

/** 86.345 → "86.35" (scores). */
export function score(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? "—" : fixed(x, 2);
}

/** Signed score difference: +3.50 / -12.00 / 0.00. */
export function signed(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "—";
  const s = fixed(x, 2);
  return x > 0 && s !== "0.00" ? `+${s}` : s;
}

/** 0.9523 → "95.23%". */
export function percent(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? "—" : `${fixed(x * 100, 2)}%`;
}

/** Share of a count in a total: "25.00%" (— when the total is 0). */
export function share(n: number, total: number): string {
  return total > 0 ? percent(n / total) : "—";
}

const DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五 (1–99; larger numbers stay Arabic). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? "" : DIGITS[tens]}十${ones ? DIGITS[ones] : ""}`;
}

/** Item marker for a numbered paragraph: "（一）" / "(1)". */
export function ordinal(n: number, lang: Lang): string {
  return lang === "zh" ? `（${chineseNumber(n)}）` : `(${n})`;
}

/**
 * A readable list of at most `max` items: "甲、乙、丙等 7 个" / "A, B, C and 4 more".
 * `unit` is the zh measure word for the total ("个", "条").
 */
export function list(items: string[], max: number, lang: Lang, unit = "个"): string {
  const shown = items.slice(0, max);
  if (lang === "zh") {
    const s = shown.join("、");
    return items.length > max ? `${s}等${items.length}${unit}` : s;
  }
  if (items.length > max) return `${shown.join(", ")} and ${items.length - max} more`;
  if (shown.length <= 1) return shown.join("");
  return `${shown.slice(0, -1).join(", ")} and ${shown[shown.length - 1]}`;
}

/** Local date and time "2024-05-31 16:05". */
export function timestamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** "C:\\a\\b.xlsx" or "dir/b.xlsx" → "b.xlsx". */
export function baseName(file: string): string {
  return file.replace(/^.*[\\/]/, "");
}
