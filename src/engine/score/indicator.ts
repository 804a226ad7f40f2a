/**
 * Scoring one indicator (SPEC §4).
 *
 * Quantitative (target and actual both numbers, units reconciled — see units.ts), weight w, target A,
 * actual B, all in the target's unit:
 * - higher (≥, >): B ≥ A → w; else w × B/A. A = 0 → B ≥ 0 → w.
 * - lower (≤, <): B ≤ A → w; else w × A/B ("ratio", the default) or w × (1 − (B−A)/A) ("linear",
 *   0 at B ≥ 2A). A = 0 and B > 0 → 0.
 * - equal (=): A = 0 → (B ≤ 0 ? w : 0); otherwise as higher.
 * - negative numbers: a met target scores w; a shortfall whose ratio has no meaning (A < 0) cannot be
 *   computed (null); a negative actual against a positive target scores 0.
 * - over-achievement never adds points; the score is clamped to [0, w] and rounded to 2 decimals.
 * - overrun (B/A ≥ profile.overrunRatio, "needs a written reason") applies to higher and equal only.
 *   For lower-is-better, doing far better than a ceiling (投诉率 ≤2% → 1.1%) is not an overrun: example 01
 *   expects no finding on exactly that row.
 *
 * Qualitative (the target is words or a deadline): `qualitativeBand` picks full / partial / unmet.
 * - a stated score inside the band ([low×w, high×w), the full band includes w) is accepted as the
 *   computed score;
 * - a stated score outside the band, or no stated score: the computed score is the band's top, high×w.
 *   Convention: for partial and unmet the top is the band's supremum (0.8w, 0.6w), which itself belongs to
 *   the next band; rules compare stated scores with `bandRange`, not with the computed score.
 * - no band (wording we do not know): computed = the stated score (clamped to [0, w]) or null.
 *
 * An actual saying "nothing happened" ("无", "未发生") against a numeric target counts as 0.
 * Any other mix (a numeric target with a worded actual "完成", units that do not reconcile, no weight)
 * → computedScore null.
 */
import type { Direction, Indicator, Value } from "../model";
import { operatorDirection } from "../read/value";
import type { Profile } from "../profiles/schema";
import { clampScore, finite, round2 } from "./round";
import { reconcile, type Reconciled } from "./units";
import { isNothingWording, parseDeadline, qualitativeBand, type Band, type BandOptions } from "./qualitative";

export interface IndicatorScore {
  computedScore: number | null;
  band: Band | null;
  overrun: boolean;
}

export interface BandRange {
  /** Lowest score inside the band. */
  low: number;
  /** Top of the band: inside for "full" (= weight), the excluded supremum for "partial"/"unmet". */
  high: number;
  includesHigh: boolean;
}

/** Score range of a band for a weight, in points (rounded to 2 decimals). */
export function bandRange(band: Band, weight: number, profile: Profile): BandRange {
  const [lo, hi] = profile.qualitativeBands[band];
  return { low: round2(lo * weight), high: round2(hi * weight), includesHigh: band === "full" };
}

/** Whether a score lies in the band (tolerance: profile.scoreTolerance around the edges that are inside). */
export function inBand(score: number, band: Band, weight: number, profile: Profile): boolean {
  const r = bandRange(band, weight, profile);
  const tol = profile.scoreTolerance / 2;
  if (score < r.low - tol) return false;
  return r.includesHigh ? score <= r.high + tol : score < r.high - 1e-9;
}

/** The numeric direction for a row: the reader's direction, else the stated operator, else higher. */
export function numericDirection(ind: Pick<Indicator, "direction" | "target">): Exclude<Direction, "qualitative"> {
  if (ind.direction !== "qualitative") return ind.direction;
  return operatorDirection(ind.target.op) ?? "higher";
}

/**
 * Memo caches. Scoring and four rules classify the same indicators again and again (parseDeadline runs
 * normalizeText and several regexes per call): the answers depend on the text alone, so they are kept by
 * text. Bounded: a cache is emptied when it reaches its size, so a long-lived task pane cannot grow it.
 */
const CACHE_LIMIT = 20_000;
const deadlineTexts = new Map<string, boolean>();

function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

/**
 * Characters one of which every deadline holds: a date point (parsePointPrefix) starts with "YYYY-MM", "YYYY/MM"
 * or "YYYY.MM" (full-width separators are normalised to these), or holds 月, or is 年底 / 年末 / 年内 / 底 / 末.
 */
const DEADLINE_CHARS = /[-/.－／．月年底末]/;

/** Whether a target text is a deadline (`parseDeadline` is not null), memoised by text. */
function isDeadlineText(raw: string): boolean {
  if (!DEADLINE_CHARS.test(raw)) return false; // "≥95%", "100人": no date can start there
  const hit = deadlineTexts.get(raw);
  return hit !== undefined ? hit : remember(deadlineTexts, raw, parseDeadline(raw) !== null);
}

/**
 * `qualitativeBand`'s answers by year, actual text and target text (nested maps: a key built by concatenating
 * the three cost more than the lookup). `qualitativeBand` reads a value's text only when its kind is not
 * empty, placeholder or error: such a target is kept under the key null, and such an actual has no band.
 */
const bands = new Map<number | null, Map<string, Map<string | null, Band | null>>>();
let bandEntries = 0;

function hasText(v: Value): boolean {
  return v.kind !== "empty" && v.kind !== "placeholder" && v.kind !== "error";
}

/**
 * `qualitativeBand`, memoised: the band depends only on both values' text (and whether their kind carries
 * text) and on the year. Rules and scoring ask for the same indicators' bands several times per run.
 */
export function bandOf(actual: Value | null, target: Value | null, opts: BandOptions = {}): Band | null {
  if (!actual || !hasText(actual)) return null; // qualitativeBand: no actual text, no band
  const year = opts.year ?? null;
  const targetKey = target && hasText(target) ? target.raw : null;
  let byActual = bands.get(year);
  if (byActual === undefined) bands.set(year, (byActual = new Map()));
  let byTarget = byActual.get(actual.raw);
  if (byTarget === undefined) byActual.set(actual.raw, (byTarget = new Map()));
  const hit = byTarget.get(targetKey);
  if (hit !== undefined) return hit;
  const band = qualitativeBand(actual, target, opts);
  if (bandEntries >= CACHE_LIMIT) {
    bands.clear();
    bandEntries = 0;
    return band;
  }
  byTarget.set(targetKey, band);
  bandEntries++;
  return band;
}

type Row = Pick<Indicator, "direction" | "target" | "actual">;

/** True when the row is scored by bands: a worded or deadline target, or direction "qualitative" with non-numbers. */
export function isQualitative(ind: Row): boolean {
  if (ind.target.kind === "qualitative") return true;
  if (ind.direction === "qualitative" && !(ind.target.kind === "number" && ind.actual?.kind === "number")) return true;
  return isDeadlineText(ind.target.raw); // the memo lookup last: most rows are decided by the kinds above
}

/** Fraction of the weight earned by a quantitative row (0…1), null when it cannot be computed. */
export function quantitativeFraction(
  direction: Exclude<Direction, "qualitative">,
  a: number,
  b: number,
  reverse: Profile["reverse"],
): number | null {
  switch (direction) {
    case "higher":
      if (b >= a) return 1;
      if (a <= 0) return null; // shortfall against zero or a negative target: no meaningful ratio
      return Math.max(b / a, 0);
    case "equal":
      if (a === 0) return b <= 0 ? 1 : 0;
      return quantitativeFraction("higher", a, b, reverse);
    case "lower":
      if (b <= a) return 1;
      if (a === 0) return 0;
      if (a < 0) return null;
      if (reverse === "linear") return Math.max(1 - (b - a) / a, 0);
      return a / b;
  }
}

function reconciled(ind: Pick<Indicator, "target" | "actual">): Reconciled | null {
  if (!ind.actual) return null;
  // "无" / "未发生" against a numeric target (安全事故 ≤0起, 投诉 ≤5件) is a measured zero.
  if (isNothingWording(ind.actual) && ind.target.kind === "number") {
    return reconcile(ind.target, { ...ind.actual, kind: "number", value: 0, unit: ind.target.unit });
  }
  return reconcile(ind.target, ind.actual);
}

/** Actual ÷ target of reconciled values; null for a zero or negative target. */
function ratioOf(r: Reconciled | null): number | null {
  if (!r || r.a <= 0) return null;
  return finite(r.b / r.a); // past ±1.8e308 (a denormal target such as 5e-324): no ratio
}

/**
 * Actual ÷ target for quantitative rows (in the target's unit); null for qualitative rows, a zero or
 * negative target, or units that do not reconcile.
 */
export function overrunRatio(ind: Row): number | null {
  return isQualitative(ind) ? null : ratioOf(reconciled(ind));
}

/** `isOverrun` of a quantitative row, given its reconciled values. */
function overrunOf(ind: Row, r: Reconciled | null, profile: Profile): boolean {
  if (numericDirection(ind) === "lower") return false;
  const ratio = ratioOf(r);
  // Tiny epsilon so 1.3 × 100 = 130 counts despite binary noise.
  return ratio !== null && ratio >= profile.overrunRatio - 1e-9;
}

/** Overrun: higher/equal rows with actual ≥ overrunRatio × target. */
export function isOverrun(ind: Row, profile: Profile): boolean {
  return !isQualitative(ind) && overrunOf(ind, reconciled(ind), profile);
}

/**
 * Target not met. Quantitative: the comparison of §4 (higher: B < A; lower: B > A; equal with A = 0:
 * B > 0). Qualitative: band partial or unmet. When neither can be decided: stated (else computed) score
 * below the weight. False when nothing is known.
 */
export function isShortfall(
  ind: Pick<Indicator, "direction" | "target" | "actual" | "weight" | "score" | "computedScore">,
  opts: BandOptions = {},
): boolean {
  if (isQualitative(ind)) {
    const band = bandOf(ind.actual, ind.target, opts);
    if (band !== null) return band !== "full";
  } else {
    const r = reconciled(ind);
    if (r) {
      switch (numericDirection(ind)) {
        case "higher":
          return r.b < r.a;
        case "lower":
          return r.b > r.a;
        case "equal":
          return r.a === 0 ? r.b > 0 : r.b < r.a;
      }
    }
  }
  const s = ind.score ?? ind.computedScore;
  return s !== null && ind.weight !== null && s < ind.weight - 1e-9;
}

/** The fields scoring reads. */
export type ScorableIndicator = Pick<Indicator, "direction" | "target" | "actual" | "weight" | "score">;

/** Score one indicator row (a full Indicator, a review row, or any object with these fields). */
export function scoreIndicator(ind: ScorableIndicator, profile: Profile, opts: BandOptions = {}): IndicatorScore {
  const w = ind.weight;
  if (isQualitative(ind)) {
    const band = bandOf(ind.actual, ind.target, opts);
    if (w === null || w < 0) return { computedScore: null, band, overrun: false };
    if (band === null) {
      return { computedScore: ind.score === null ? null : clampScore(ind.score, w), band: null, overrun: false };
    }
    if (ind.score !== null && inBand(ind.score, band, w, profile)) {
      return { computedScore: clampScore(ind.score, w), band, overrun: false };
    }
    return { computedScore: clampScore(bandRange(band, w, profile).high, w), band, overrun: false };
  }

  const r = reconciled(ind);
  const overrun = overrunOf(ind, r, profile);
  if (w === null || w < 0) return { computedScore: null, band: null, overrun };
  if (!r) return { computedScore: null, band: null, overrun };
  const f = quantitativeFraction(numericDirection(ind), r.a, r.b, profile.reverse);
  if (f === null) return { computedScore: null, band: null, overrun };
  return { computedScore: clampScore(w * f, w), band: null, overrun };
}
