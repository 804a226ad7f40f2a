/** Compact builders for expected model objects in reader tests (every field still compared with toEqual). */
import type { Indicator, IndicatorCells, Operator, Value } from "../../../src/engine/model";

export function val(raw: string, kind: Value["kind"], op: Operator | null = null, value: number | null = null, unit: string | null = null): Value {
  return { raw, kind, op, value, unit };
}
export const num = (raw: string, value: number, unit: string | null = null, op: Operator | null = null): Value =>
  val(raw, "number", op, value, unit);
export const qual = (raw: string): Value => val(raw, "qualitative");
export const empty = (): Value => val("", "empty");
export const stub = (raw: string): Value => val(raw, "placeholder");

/** Cells of an indicator row: column letters per role, the row number appended. */
export function rowCells(row: number, cols: Partial<Record<keyof IndicatorCells, string>>): IndicatorCells {
  const at = (c: string | undefined) => (c === undefined ? null : `${c}${row}`);
  return {
    name: `${cols.name}${row}`,
    target: at(cols.target),
    actual: at(cols.actual),
    weight: at(cols.weight),
    score: at(cols.score),
    reason: at(cols.reason),
    reviewScore: at(cols.reviewScore),
  };
}

type Required_ = Pick<Indicator, "name" | "target" | "cells">;

/** A full Indicator with the reader's defaults for the fields a test does not mention. */
export function indicator(p: Partial<Indicator> & Required_): Indicator {
  return {
    level1: null,
    level1Label: null,
    level2: null,
    level2Label: null,
    actual: null,
    weight: null,
    score: null,
    computedScore: null,
    reason: null,
    cell: p.cells.name,
    direction: "higher",
    weightSource: p.weight !== undefined && p.weight !== null ? "sheet" : null,
    block: null,
    coefficient: null,
    core: null,
    nature: null,
    review: null,
    ...p,
  };
}
