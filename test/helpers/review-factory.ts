/**
 * Spot-check test data: review list rows and per-indicator review sheets ("实际绩效"), schema-valid.
 *
 *   makeReview({ name: "社区居家养老服务补贴项目", score: 81.31, grade: "良" })       a list row
 *   makeReviewDetail("社区居家养老服务补贴项目", [{ name: "服务投诉率", score: 5.71 }])  a detail sheet
 */
import { ReviewEntry } from "../../src/engine/model";
import { makeValue } from "./factories";

let row = 3;

/** A review entry with a name and a place and nothing else; `init` overrides any field. */
export function blankReview(name: string, location: ReviewEntry["location"], init: Partial<ReviewEntry> = {}): ReviewEntry {
  return { name, code: null, department: null, selfScore: null, score: null, grade: null, note: null, location, indicators: [], ...init };
}

/** A spot-check list row (file review.xlsx, sheet 抽查复核汇总, cell C<n>). */
export function makeReview(init: Partial<ReviewEntry> = {}): ReviewEntry {
  return ReviewEntry.parse(blankReview("测试项目", { file: "review.xlsx", sheet: "抽查复核汇总", cell: `C${row++}` }, init));
}

export interface DetailRow {
  name: string;
  score: number | null;
  weight?: number | null;
  level1?: ReviewEntry["indicators"][number]["level1"];
  level2?: ReviewEntry["indicators"][number]["level2"];
  actual?: string;
  target?: string;
  note?: string | null;
}

/** A per-indicator review sheet for one project (sheet 实际绩效, rows from C3). */
export function makeReviewDetail(name: string, rows: DetailRow[], init: Partial<ReviewEntry> = {}): ReviewEntry {
  const indicators = rows.map((r, i) => ({
    level1: r.level1 ?? "output",
    level2: r.level2 ?? "quantity",
    name: r.name,
    target: makeValue(r.target ?? "≥100个"),
    weight: r.weight ?? 10,
    actual: makeValue(r.actual ?? "100个"),
    score: r.score,
    note: r.note ?? null,
    cell: `C${3 + i}`,
  }));
  return ReviewEntry.parse(blankReview(name, { file: "review.xlsx", sheet: "实际绩效", cell: "A1" }, { indicators, ...init }));
}
