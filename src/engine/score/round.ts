/** Rounding used for every score (SPEC §4: scores are rounded to 2 decimals). */

/** From 2^52 on, doubles are whole numbers: there is nothing to round (and scaling could overflow). */
const NOTHING_TO_ROUND = 2 ** 52;

/**
 * Round half away from zero to `digits` decimals, immune to binary noise (14.475 → 14.48). A number that is
 * not finite, or whose magnitude is 2^52 or more, is returned as it is: scaling 1.8e306 by 100 would overflow
 * to Infinity, and such numbers have no decimals anyway.
 */
export function roundTo(x: number, digits: number): number {
  if (!Number.isFinite(x) || Math.abs(x) >= NOTHING_TO_ROUND) return x;
  const f = 10 ** digits;
  const abs = Math.abs(x) * f;
  if (!Number.isFinite(abs)) return x;
  // A whole number is its own rounding while the scaled value stays below 1e12 (where toPrecision(12) below
  // keeps every digit): most scores and weights (10, 20, 100), without the string round trip.
  if (digits >= 0 && abs < 1e12 && Number.isInteger(x)) return x === 0 ? 0 : x;
  // toPrecision(12) removes float noise such as 1447.4999999999998 before rounding; from 1e12 on (amounts of
  // ten billion and more, in cents) 12 digits would cut real ones, and 15 still leave the noise out.
  // Below 1e6 those 12 digits keep six decimals, so a value within 1e-6 of a whole number (the noise of
  // 2.4000000000000004 × 100, of 15 × 1136 / 1200 × 100) stays by that whole number and rounds to it: it
  // is taken as it is, without the string round trip (half of a check()'s calls).
  const whole = Math.round(abs);
  const scaled = abs < 1e6 && Math.abs(abs - whole) < 1e-6 ? whole : Number(abs.toPrecision(abs >= 1e12 ? 15 : 12));
  const r = (Math.sign(x) * Math.round(scaled)) / f;
  return r === 0 ? 0 : r; // no -0
}

/**
 * Math.round(x × 10^digits) / 10^digits — the plain rounding used for comparisons and message data — without
 * overflowing: a number that is not finite, or of magnitude 2^52 or more, is returned as it is.
 */
export function roundScaled(x: number, digits: number): number {
  if (!Number.isFinite(x) || Math.abs(x) >= NOTHING_TO_ROUND) return x;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/**
 * x when it is a finite number, else null. Every number the engine produces is finite or unknown: a sum of
 * amounts past ±1.8e308 or a ratio over a denormal (5e-324) cannot be represented, so it is not known.
 */
export function finite(x: number | null | undefined): number | null {
  return typeof x === "number" && Number.isFinite(x) ? x : null;
}

/** Round to 2 decimals (scores, weights). */
export function round2(x: number): number {
  return roundTo(x, 2);
}

/** Clamp a score into [0, weight] and round it. */
export function clampScore(x: number, weight: number): number {
  return round2(Math.min(Math.max(x, 0), weight));
}
