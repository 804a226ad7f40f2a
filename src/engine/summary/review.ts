/**
 * 抽查复核: one row per reviewed project (report order), then one per review entry that matched no
 * self-assessment. Written only when there is such a row.
 *
 * 标记 comes from the findings (spotcheck/gap and gap-severe → 差异较大, grade-changed → 等级变化,
 * poor → 抽评为差), so the gap thresholds are the profile's and the rules'; an unmatched entry is 无自评 (plus
 * the flags of findings that name it, e.g. 抽评为差).
 * 自评得分 is the score compared (stated 总分, else computed), so 差异 = 复核得分 − 自评得分 holds on every row.
 */
import { FMT, Rows, link, num, styled, text } from "./cells";
import type { SheetPlan } from "./plan";
import type { Facts } from "./stats";
import type { Catalogue } from "./strings";
import { pagePlan, printable } from "./page";

const COLS = 8;
const HEADER_ROW = 2;
const WIDTHS = [36, 24, 10, 10, 10, 10, 10, 30];

export function planReview(facts: Facts, s: Catalogue): SheetPlan | null {
  const rowsData = facts.review.rows;
  if (rowsData.length === 0) return null;
  const r = s.review;
  const rows = new Rows();
  const counts = {
    gap: facts.review.flagged.gap.length,
    grade: facts.review.flagged.grade.length,
    poor: facts.review.flagged.poor.length,
    noSelf: facts.review.flagged.noSelf.length,
  };
  rows.set(0, 0, styled("title", r.title));
  rows.set(1, 0, styled("text", r.meta(rowsData.length, counts)));
  r.headers.forEach((h, c) => rows.set(HEADER_ROW, c, styled("header", h)));
  rowsData.forEach((x, i) => {
    const b = { border: true } as const;
    const flags = x.flags.map((f) => s.flag[f]).join(s.flagSep);
    const cells = [
      text(x.name, { border: true, wrap: true, link: link(x.location.file, x.location.sheet, x.location.cell) }),
      text(x.department, b),
      num(x.selfScore, FMT.score, b),
      num(x.reviewScore, FMT.score, b),
      num(x.gap, FMT.gap, b),
      text(x.selfGrade ? s.grade[x.selfGrade] : null, b),
      text(x.reviewGrade ? s.grade[x.reviewGrade] : null, { border: true, style: x.reviewGrade === "差" ? "flag" : undefined }),
      text(flags || null, { border: true, style: flags ? "flag" : undefined }),
    ];
    cells.forEach((c, col) => rows.set(HEADER_ROW + 1 + i, col, c));
  });
  const plan = {
    rows: rows.build(COLS),
    widths: WIDTHS,
    merges: [
      { top: 0, left: 0, bottom: 0, right: COLS - 1 },
      { top: 1, left: 0, bottom: 1, right: COLS - 1 },
    ],
  };
  return {
    name: "抽查复核",
    ...printable(plan, pagePlan("landscape", s.lang, { from: HEADER_ROW, to: HEADER_ROW })),
    freezeRows: HEADER_ROW + 1,
    filter: `A${HEADER_ROW + 1}:H${HEADER_ROW + 1 + rowsData.length}`,
  };
}
