/** Small formatting helpers for rule messages. */
import { roundScaled } from "../score/round";

export function num(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "—";
  return String(roundScaled(x, 2));
}

export function pct(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "—";
  const p = roundScaled(x * 10000, 0) / 100;
  return Number.isFinite(p) ? `${p}%` : "—";
}

/** data values are string | number | null: read them back. */
export function str(x: string | number | null | undefined): string {
  return x === null || x === undefined ? "" : String(x);
}
