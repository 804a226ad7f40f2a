/** Rounding used for every score (SPEC §4: scores are rounded to 2 decimals). */

/** Round half away from zero to `digits` decimals, immune to binary noise (14.475 → 14.48). */
export function roundTo(x: number, digits: number): number {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** digits;
  // toPrecision(12) removes float noise such as 1447.4999999999998 before rounding.
  const scaled = Number((Math.abs(x) * f).toPrecision(12));
  const r = (Math.sign(x) * Math.round(scaled)) / f;
  return r === 0 ? 0 : r; // no -0
}

/** Round to 2 decimals (scores, weights). */
export function round2(x: number): number {
  return roundTo(x, 2);
}

/** Clamp a score into [0, weight] and round it. */
export function clampScore(x: number, weight: number): number {
  return round2(Math.min(Math.max(x, 0), weight));
}
