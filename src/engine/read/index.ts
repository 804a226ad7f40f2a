/** The reading half of the engine: Grid[] of one workbook → projects, review entries, sheet list. */
import type { Grid } from "../grid";
import type { Project, ReviewEntry, SheetInfo } from "../model";
import { readSheet } from "./sheet";

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
}

export function readWorkbook(input: WorkbookInput): WorkbookReading {
  const sheets: SheetInfo[] = [];
  const projects: Project[] = [];
  const reviews: ReviewEntry[] = [];
  for (const grid of input.grids) {
    const r = readSheet(grid, input.file);
    sheets.push({ file: input.file, sheet: grid.sheet, kind: r.kind, projects: r.projects.length });
    projects.push(...r.projects);
    reviews.push(...r.reviews);
  }
  return { file: input.file, sheets, projects, reviews };
}

export { readSheet } from "./sheet";
export { parseValue, parseSplitValue, inferDirection } from "./value";
