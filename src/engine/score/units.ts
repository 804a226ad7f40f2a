/**
 * Unit reconciliation between a target and an actual (SPEC §3/§4).
 *
 * Conventions:
 * - Same unit after normalisation (full-width → half-width, spaces removed, "％"/"百分比" → "%",
 *   "·", "•", "・", "／" → "/") → compare as is.
 * - A decimal scale prefix on the same base unit is reconciled: 万元 vs 元, 万人 vs 人, 万平方米 vs 平方米,
 *   亿元 vs 万元, 千米/公里 vs 米, 千克/公斤 vs 克, 万元/人 vs 元/人. Both sides are expressed in the target's unit.
 * - One side has no unit: it is taken to be in the other side's unit ("≥1200人" vs "1136"), except for
 *   percentages: a bare number in [0, 1] against a percentage above 1 is a fraction (0.724 vs "≥70%" → 72.4).
 * - "‰" against "%" is reconciled (÷ 10).
 * - Anything else ("人" vs "户", "天" vs "小时", "%" vs "万元") cannot be reconciled → null.
 */
import type { Value } from "../model";
import { toHalfWidth } from "../read/normalise";

export interface Reconciled {
  /** Target in the target's unit. */
  a: number;
  /** Actual expressed in the target's unit. */
  b: number;
  /** The unit both are expressed in (null when neither side has one). */
  unit: string | null;
}

/** Full-width ASCII → half-width, drop whitespace, unify separators and percent spellings. */
export function normalizeUnit(unit: string | null | undefined): string | null {
  if (unit === null || unit === undefined) return null;
  const hit = normalized.get(unit);
  if (hit !== undefined) return hit;
  if (normalized.size >= 10_000) normalized.clear();
  const u = normalizeUncached(unit);
  normalized.set(unit, u);
  return u;
}

/**
 * normalizeUnit's answers by unit text: scoring and the rules reconcile the same few hundred units thousands of
 * times a run. Bounded (emptied at 10,000 entries).
 */
const normalized = new Map<string, string | null>();

function normalizeUncached(unit: string): string | null {
  let u = toHalfWidth(unit).replace(/\s+/g, "").toLowerCase();
  u = u.replace(/[·•・∙⋅.]/g, "/");
  u = u.replace(/^(百分比|百分率)$/, "%");
  return u === "" ? null : u;
}

/** Whole-unit aliases: the left spelling means scale × right. A Map: units are cell text ("constructor"). */
const ALIASES = new Map<string, { scale: number; base: string }>(
  Object.entries({
    "‰": { scale: 0.1, base: "%" },
    公里: { scale: 1000, base: "米" },
    km: { scale: 1000, base: "米" },
    m: { scale: 1, base: "米" },
    公斤: { scale: 1000, base: "克" },
    kg: { scale: 1000, base: "克" },
    g: { scale: 1, base: "克" },
    t: { scale: 1, base: "吨" },
    平方公里: { scale: 1e6, base: "平方米" },
    "km2": { scale: 1e6, base: "平方米" },
    "m2": { scale: 1, base: "平方米" },
    "㎡": { scale: 1, base: "平方米" },
    日: { scale: 1, base: "天" },
    月: { scale: 1, base: "个月" },
    h: { scale: 1, base: "小时" },
    min: { scale: 1, base: "分钟" },
  }),
);

/** Decimal prefixes, longest first. "百" alone is deliberately absent (百分比, 百户 are not scales). */
const PREFIXES: [string, number][] = [
  ["百万", 1e6],
  ["千万", 1e7],
  ["亿", 1e8],
  ["万", 1e4],
  ["千", 1e3],
];

/** A normalised unit → scale × base unit ("万元/人" → 1e4 × "元/人"). */
export function splitUnit(unit: string): { scale: number; base: string } {
  const alias = ALIASES.get(unit);
  if (alias) return alias;
  // Only the first component of a compound unit carries the prefix ("万元/人/年").
  const [head, ...rest] = unit.split("/");
  const tail = rest.length ? "/" + rest.join("/") : "";
  const headAlias = ALIASES.get(head);
  if (headAlias && tail) return { scale: headAlias.scale, base: headAlias.base + tail };
  for (const [p, scale] of PREFIXES) {
    if (head.startsWith(p) && head.length > p.length) {
      const rem = head.slice(p.length);
      const remAlias = ALIASES.get(rem);
      if (remAlias) return { scale: scale * remAlias.scale, base: remAlias.base + tail };
      return { scale, base: rem + tail };
    }
  }
  return { scale: 1, base: unit };
}

/**
 * Express target and actual in one unit. Null when either is not a number or the units cannot be
 * reconciled.
 */
export function reconcile(target: Value, actual: Value): Reconciled | null {
  if (target.kind !== "number" || actual.kind !== "number") return null;
  if (target.value === null || actual.value === null) return null;
  if (!Number.isFinite(target.value) || !Number.isFinite(actual.value)) return null;
  const ua = normalizeUnit(target.unit);
  const ub = normalizeUnit(actual.unit);
  let a = target.value;
  let b = actual.value;

  if (ua === ub) return { a, b, unit: ua };

  if (ua === null || ub === null) {
    // Percent against a bare fraction.
    if (ua === "%" && Math.abs(b) <= 1 && Math.abs(a) > 1) b = b * 100;
    else if (ub === "%" && Math.abs(a) <= 1 && Math.abs(b) > 1) a = a * 100;
    return { a, b, unit: ua ?? ub };
  }

  const sa = splitUnit(ua);
  const sb = splitUnit(ub);
  if (sa.base !== sb.base) return null;
  // Actual in the target's unit.
  b = (b * sb.scale) / sa.scale;
  // Remove float noise introduced by the scaling (8.2 × 1e4 / 1e4).
  b = Number(b.toPrecision(12));
  return { a, b, unit: ua };
}
