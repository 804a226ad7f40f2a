/**
 * 评价报告 sheet: the report document (report-doc.ts) laid out on a page-wide sheet of eight columns. A paragraph
 * is one row merged across the columns (wrapped; its height set from its length so nothing overlaps when
 * printed); a table is a caption row, a header row and one row per line, its last column stretched to the
 * sheet's right edge. The grade chart is drawn on 评价汇总 (and as an image in the .docx), not here.
 */
import type { Report } from "../model";
import { Rows, styled, text } from "./cells";
import { pagePlan, printable } from "./page";
import type { CellStyle, SheetPlan } from "./plan";
import { type ReportDoc, buildReportDoc } from "./report-doc";
import type { Facts } from "./stats";
import type { Catalogue, Lang } from "./strings";

export const REPORT_COLS = 8;
/** Column widths (characters): about one portrait A4 page; the tables' columns span them in proportion. */
const WIDTHS = [16, 12, 10, 10, 9, 9, 9, 17];

/** How many sheet columns each table column spans: one each, the spare ones to the widest (in proportion). */
export function columnSpans(widths: number[], available: number): number[] {
  const spans = widths.map(() => 1);
  for (let extra = available - widths.length; extra > 0; extra--) {
    let best = 0;
    for (let i = 0; i < widths.length; i++) if (widths[i] / spans[i] >= widths[best] / spans[best]) best = i;
    spans[best]++;
  }
  return spans;
}

export function planNarrative(report: Report, facts: Facts, s: Catalogue, lang: Lang, now: Date): SheetPlan {
  return planReportSheet(buildReportDoc(report, facts, s, lang, now), lang);
}

export function planReportSheet(doc: ReportDoc, lang: Lang): SheetPlan {
  const rows = new Rows();
  const merges: SheetPlan["merges"] = [];
  const last = REPORT_COLS - 1;
  const indent = lang === "zh" ? "\u3000\u3000" : "";
  const line = (style: CellStyle, v: string) => {
    const r = rows.push([styled(style, v, { wrap: true })]);
    merges.push({ top: r, left: 0, bottom: r, right: last });
    return r;
  };
  for (const b of doc.blocks) {
    switch (b.kind) {
      case "title":
        line("title", b.text);
        break;
      case "note":
        line("info", b.text);
        break;
      case "h1":
      case "h2":
        line("subtitle", b.text);
        break;
      case "para":
        line("text", indent + b.text);
        break;
      case "table": {
        line("label", b.caption);
        const spans = columnSpans(b.widths, REPORT_COLS);
        const starts = spans.map((_, i) => spans.slice(0, i).reduce((a, x) => a + x, 0));
        const cols = (i: number) => ({ from: starts[i], to: Math.min(last, starts[i] + spans[i] - 1) });
        const put = (r: number, cells: string[], header: boolean) => {
          cells.forEach((v, i) => {
            const { from, to } = cols(i);
            const numeric = !header && b.numeric[i] && v !== "" && /^[+-]?[\d,.]+%?$/.test(v);
            const value = numeric && !v.endsWith("%") ? Number(v.replace(/,/g, "")) : v;
            rows.set(
              r,
              from,
              header
                ? styled("header", v, { wrap: true })
                : typeof value === "number" && Number.isFinite(value)
                  ? { v: value, fmt: /\./.test(v) ? (/^[+-]/.test(v) ? "+0.00;-0.00;0.00" : "#,##0.00") : "0", border: true }
                  : text(v, { border: true, wrap: true }),
            );
            for (let c = from + 1; c <= to; c++) rows.set(r, c, { v: null, border: true });
            if (to > from) merges.push({ top: r, left: from, bottom: r, right: to });
          });
        };
        const h = rows.length;
        put(h, b.headers, true);
        b.rows.forEach((cells, i) => put(h + 1 + i, cells, false));
        break;
      }
      case "chart":
        // The sheet shows the grade table; the chart is drawn on 评价汇总 (and as an image in the .docx).
        break;
    }
  }
  const plan = { rows: rows.build(REPORT_COLS), widths: WIDTHS, merges };
  return {
    name: "评价报告",
    ...printable(plan, pagePlan("portrait", lang)),
    freezeRows: 0,
  };
}
