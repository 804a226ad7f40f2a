/** Helpers shared by the spotcheck/* rules: where findings point and how review locations are named. */
import type { Location, Project, ReviewEntry } from "../../model";
import { finite, roundScaled } from "../../score/round";
import { num } from "../format";
import type { Data, Hit } from "../types";

/** Tolerance for threshold comparisons on 2-decimal scores. */
export const EPS = 1e-9;

/**
 * A cell reference a reviewer can follow: "抽查复核汇总!C3", prefixed with "[file]" (Excel's external
 * reference notation) when the cell is in another file than `fromFile`.
 */
export function cellRef(loc: { file: string; sheet: string; cell: string | null } | null | undefined, fromFile?: string): string {
  if (!loc) return "—";
  const sheet = /[\s!'[\]]/.test(loc.sheet) ? `'${loc.sheet.replace(/'/g, "''")}'` : loc.sheet;
  // The file by its name, as the reviewer has it: never the directory it was read from on the checking machine.
  const file = fromFile !== undefined && loc.file === fromFile ? "" : `[${loc.file.replace(/^.*[\\/]/, "")}]`;
  return `${file}${sheet}${loc.cell ? `!${loc.cell}` : ""}`;
}

/** Where a review row stands, as message data (reviewFile, reviewSheet, reviewCell, reviewRef). */
export function reviewPlace(loc: Location): Data {
  return { reviewFile: loc.file, reviewSheet: loc.sheet, reviewCell: loc.cell, reviewRef: cellRef(loc, loc.file) };
}

/** A finding on a review row that matched no self-assessment: it points at the row itself. */
export function reviewRowHit(entry: ReviewEntry, data: Data): Hit {
  const loc = entry.location;
  return { cell: loc.cell, file: loc.file, sheet: loc.sheet, project: null, projectName: entry.name, data };
}

/** The self-assessment cell project-level spot-check findings point at: 总分, else the form's top-left. */
export function totalCell(p: Project): string | null {
  return p.statedTotalCell ?? p.location.cell;
}

/** Message data describing a project's review (self and review scores, where the review is). */
export function reviewData(p: Project): Data {
  const r = p.review;
  const loc: Location | null = r?.location ?? null;
  return {
    selfScore: p.selfScore,
    selfGrade: p.grade,
    reviewScore: r?.score ?? null,
    reviewGrade: r?.grade ?? null,
    gap: r?.gap ?? null,
    reviewFile: loc?.file ?? null,
    reviewSheet: loc?.sheet ?? null,
    reviewCell: loc?.cell ?? null,
    reviewRef: cellRef(loc, p.location.file),
  };
}

/** "94.54分" style number for messages ("—" when unknown). */
export function pts(x: string | number | null | undefined): string {
  return typeof x === "number" ? num(x) : x === null || x === undefined || x === "" ? "—" : String(x);
}

/**
 * abs(review − self) of a reviewed project (2 decimals), or null when either score is unknown, or when the
 * difference of two scores near ±1.8e308 is past what a number holds.
 */
export function absGap(p: Project): number | null {
  const r = p.review;
  if (!r || r.score === null || p.selfScore === null) return null;
  const gap = r.gap ?? r.score - p.selfScore;
  return finite(roundScaled(Math.abs(gap), 2));
}
