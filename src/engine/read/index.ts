/** The reading half of the engine: Grid[] of one workbook → projects, review entries, sheet list. */
import type { Grid } from "../grid";
import type { Project, ReviewEntry, SheetInfo } from "../model";
import { labelIndexFor } from "./label-index";
import { readSheet } from "./sheet";
import type { VocabularyExtension } from "./vocabulary";
import type { QualityConfirmation, ReviewProblem } from "../quality/confirm";

export interface WorkbookInput {
  /** File name as the user knows it (for messages and locations). */
  file: string;
  grids: Grid[];
}

export interface WorkbookReading {
  file: string;
  sheets: SheetInfo[];
  projects: Project[];
  reviews: ReviewEntry[];
  /** Confirmed 自评质量 scores from review workbooks (issue 16); absent when there are none. */
  quality?: QualityConfirmation[];
  /** Problems the reviewer confirmed or added on review workbooks (issue 16); absent when there are none. */
  problems?: ReviewProblem[];
}

export interface ReadOptions {
  /** Labels a profile adds to the built-in vocabulary (profile JSON "vocabulary"). */
  vocabulary?: VocabularyExtension | null;
}

export function readWorkbook(input: WorkbookInput, opts: ReadOptions = {}): WorkbookReading {
  const ix = labelIndexFor(opts.vocabulary);
  const sheets: SheetInfo[] = [];
  const projects: Project[] = [];
  const reviews: ReviewEntry[] = [];
  const quality: QualityConfirmation[] = [];
  const problems: ReviewProblem[] = [];
  for (const grid of input.grids) {
    const r = readSheet(grid, input.file, ix);
    const info: SheetInfo = { file: input.file, sheet: grid.sheet, kind: r.kind, projects: r.projects.length };
    if (r.reading) info.reading = r.reading;
    if (r.unreadable) info.unreadable = true;
    sheets.push(info);
    projects.push(...r.projects);
    reviews.push(...r.reviews);
    if (r.quality?.length) quality.push(...r.quality);
    if (r.problems?.length) problems.push(...r.problems);
  }
  const out: WorkbookReading = { file: input.file, sheets, projects, reviews };
  if (quality.length) out.quality = quality;
  if (problems.length) out.problems = problems;
  return out;
}

export { readSheet } from "./sheet";
export { parseValue, parseSplitValue, inferDirection } from "./value";
export type { VocabularyExtension } from "./vocabulary";
