/** Small formatting helpers for rule messages. */
export function num(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "—";
  return String(Math.round(x * 100) / 100);
}

export function pct(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "—";
  return `${Math.round(x * 10000) / 100}%`;
}

/** data values are string | number | null: read them back. */
export function str(x: string | number | null | undefined): string {
  return x === null || x === undefined ? "" : String(x);
}
