/**
 * The reviewer's confirmation of 自评质量, read back from the review workbook's 自评质量 sheet (a companion sheet the
 * product wrote, recognised by its name and mark): per project row, 复核确认得分 and 复核意见 where the reviewer filled
 * them in. check() attaches them to the projects (quality.confirmed) by the spot-check matching.
 */
import { a1, type Grid, Sheet } from "../grid";
import type { Location } from "../model";
import { cleanText, parseNumber } from "../read/cells";
import { cellText } from "../read/normalise";

export interface QualityConfirmation {
  name: string;
  code: string | null;
  unit: string | null;
  score: number;
  note: string | null;
  location: Location;
}

const LABELS = { name: "项目名称", code: "项目编码", unit: "实施单位", confirmed: "复核确认得分", note: "复核意见" } as const;

/**
 * The header row of one of our companion sheets within its first rows: the column of each label found (the
 * labels are the product's own, written by sample/plans.ts), when every `required` one is there.
 */
function headerColumns<K extends string>(s: Sheet, labels: Record<K, string>, required: readonly K[]): { row: number; cols: Partial<Record<K, number>> } | null {
  for (let r = s.top; r <= Math.min(s.bottom, s.top + 10); r++) {
    const cols: Partial<Record<K, number>> = {};
    for (let c = s.left; c <= s.right; c++) {
      const t = cellText(s.get(r, c)).replace(/\s+/g, "");
      for (const [k, label] of Object.entries(labels) as [K, string][]) if (t === label) cols[k] = c;
    }
    if (required.every((k) => cols[k] !== undefined)) return { row: r, cols };
  }
  return null;
}

/** The confirmed rows of a 自评质量 sheet (rows whose 复核确认得分 is empty are the rubric's score, unconfirmed). */
export function readQualitySheet(grid: Grid, file: string): QualityConfirmation[] {
  const s = new Sheet(grid);
  const h = headerColumns<keyof typeof LABELS>(s, LABELS, ["name", "confirmed"]);
  if (!h) return [];
  const { cols } = h;
  const nameCol = cols.name!;
  const scoreCol = cols.confirmed!;
  const out: QualityConfirmation[] = [];
  for (let row = h.row + 1; row <= s.bottom; row++) {
    const name = cleanText(s.get(row, nameCol));
    if (!name) break;
    const score = parseNumber(s.get(row, scoreCol));
    if (score === null) continue;
    const get = (k: keyof typeof LABELS) => (cols[k] === undefined ? null : cleanText(s.get(row, cols[k]!)));
    out.push({ name, code: get("code"), unit: get("unit"), score, note: get("note"), location: { file, sheet: grid.sheet, cell: a1(row, scoreCol) } });
  }
  return out;
}

/** A problem the reviewer recorded on a review workbook's 抽评发现的问题 sheet (confirmed, or added). */
export interface ReviewProblem {
  name: string;
  description: string;
  /** "confirmed": a prefilled finding marked 是; "added": a row the reviewer wrote. */
  kind: "confirmed" | "added";
  note: string | null;
  location: Location;
}

const PROBLEM_LABELS = { name: "项目名称", level: "级别", description: "问题描述", confirm: "复核确认（是/否）", note: "复核意见" } as const;

/**
 * The reviewer's problems from a 抽评发现的问题 sheet: prefilled findings marked 是 (复核确认), and rows the reviewer
 * added (no 级别, a 问题描述). Rows marked 否, and prefilled rows left unconfirmed, are not the reviewer's.
 */
export function readProblemsSheet(grid: Grid, file: string): ReviewProblem[] {
  const s = new Sheet(grid);
  const h = headerColumns<keyof typeof PROBLEM_LABELS>(s, PROBLEM_LABELS, ["name", "description"]);
  if (!h) return [];
  const { cols } = h;
  const descriptionCol = cols.description!;
  const get = (row: number, k: keyof typeof PROBLEM_LABELS) => (cols[k] === undefined ? null : cleanText(s.get(row, cols[k]!)));
  const out: ReviewProblem[] = [];
  for (let row = h.row + 1; row <= s.bottom; row++) {
    const name = get(row, "name");
    const description = get(row, "description");
    if (!name || !description) continue;
    const confirm = (get(row, "confirm") ?? "").replace(/\s+/g, "");
    const prefilled = get(row, "level") !== null;
    if (confirm.startsWith("否")) continue;
    if (prefilled && !confirm.startsWith("是")) continue;
    out.push({ name, description, kind: prefilled ? "confirmed" : "added", note: get(row, "note"), location: { file, sheet: grid.sheet, cell: a1(row, descriptionCol) } });
  }
  return out;
}
