/**
 * Print setup shared by the output sheets and the blank templates (issue 15): A4, one page wide, the table
 * header repeated on every page, the sheet's name in the page header and "第 N 页 共 M 页" in the footer, and
 * row heights for wrapped text (spreadsheet apps do not grow a row for wrapped text in merged cells, and
 * LibreOffice does not on load at all, so rows written with long text would overlap when printed).
 */
import type { PagePlan, PlanCell, SheetPlan } from "./plan";

export type PageLang = "zh" | "en";

/** Margins in inches: narrow sides, room for the header and footer lines. */
const MARGINS = { top: 0.75, bottom: 0.75, left: 0.5, right: 0.5, header: 0.3, footer: 0.3 };

export function pagePlan(
  orientation: PagePlan["orientation"],
  lang: PageLang,
  printTitleRows?: { from: number; to: number },
): PagePlan {
  const page: PagePlan = {
    paper: "A4",
    orientation,
    fitToWidth: true,
    margins: { ...MARGINS },
    headerCenter: "&A",
    footerCenter: lang === "en" ? "Page &P of &N" : "第 &P 页 共 &N 页",
  };
  if (printTitleRows) page.printTitleRows = printTitleRows;
  return page;
}

/** Display width in character cells: CJK and full-width characters take two (as in a column width). */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    w += c >= 0x1100 && (c <= 0x115f || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || c >= 0x20000) ? 2 : 1;
  }
  return w;
}

/** Lines a text takes in a column `width` characters wide (wrapping at the width, and at every line break). */
export function wrappedLines(text: string, width: number): number {
  const usable = Math.max(2, width - 2);
  return text.split("\n").reduce((n, line) => {
    // Latin text wraps at word boundaries (and "spotcheck/no-self-assessment" at its hyphens): allow for the ragged
    // right edge with a tenth more width.
    const latin = /[A-Za-z]{6}/.test(line) ? 1.1 : 1;
    return n + Math.max(1, Math.ceil((textWidth(line) * latin) / usable));
  }, 0);
}

/** Points per line of 11 pt text, and the row's padding. */
export const LINE_POINTS = 15.6;
const PADDING = 4;
/** Title rows (16 pt bold). */
export const TITLE_HEIGHT = 26;
/** Excel's largest row height. */
const MAX_HEIGHT = 409;

/**
 * Row heights for the rows that need one: a title row, or a row whose wrapped text takes more than one line in
 * its column (or its merged area on that row). Other rows are null (the host's default height).
 */
export function rowHeights(plan: Pick<SheetPlan, "rows" | "widths" | "merges">): (number | null)[] {
  const span = new Map<string, number>();
  for (const m of plan.merges) {
    if (m.top !== m.bottom) continue; // a tall merged area has room of its own
    let w = 0;
    for (let c = m.left; c <= m.right; c++) w += plan.widths[c] ?? 8.43;
    span.set(`${m.top},${m.left}`, w);
  }
  const tallMerged = new Set<string>();
  for (const m of plan.merges) if (m.bottom > m.top) tallMerged.add(`${m.top},${m.left}`);
  return plan.rows.map((row: PlanCell[], r) => {
    let lines = 1;
    let title = false;
    row.forEach((cell, c) => {
      if (cell.style === "title" && cell.v !== null) title = true;
      if (!cell.wrap || typeof cell.v !== "string" || tallMerged.has(`${r},${c}`)) return;
      const width = span.get(`${r},${c}`) ?? plan.widths[c] ?? 8.43;
      lines = Math.max(lines, wrappedLines(cell.v, width));
    });
    if (title) return TITLE_HEIGHT;
    if (lines <= 1) return null;
    return Math.min(MAX_HEIGHT, Math.round((lines * LINE_POINTS + PADDING) * 10) / 10);
  });
}

/** A plan with its print setup and row heights filled in. */
export function printable<T extends Pick<SheetPlan, "rows" | "widths" | "merges">>(plan: T, page: PagePlan): T & { page: PagePlan; rowHeights: (number | null)[] } {
  return { ...plan, page, rowHeights: rowHeights(plan) };
}
