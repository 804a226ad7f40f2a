/**
 * 评价汇总: title, a header block (scope, totals, grade counts, findings) and one row per project.
 *
 * Layout (rows 1-based):
 *   1  title (merged A:P)          2  generated / profile / unit line (merged A:P)
 *   3–9 header block: labels in B and D, values in C and E (project money; 部门整体 money apart in D8:E8); the
 *       grade table 等级 | 自评 | 复核后 in G3:I9 (G4:H7 = 优 良 中 差, the chart's data; 未评定; 合计); the chart
 *       sits over K3:P9
 *   10 table header (frozen with everything above), 11… one row per project
 *
 * Rows: self-assessments and department forms first, in report order, then goal tables. Goal tables are
 * listed so every form read is visible (with their findings and a link), but they carry no execution or
 * scores: 全年执行数, 执行率 and every score column stay blank, 等级 reads "目标表", and 全年预算数 shows the
 * planned 年度资金总额. The header block's totals come from report.summary, which counts assessed
 * projects only, so goal-table funds are never added to the totals.
 */
import type { Project, Report } from "../model";
import { FMT, Rows, link, num, sheetLabel, styled, text } from "./cells";
import { amount, percent, timestamp } from "./format";
import { pagePlan, printable } from "./page";
import type { SheetPlan } from "./plan";
import { type Facts, GRADES, isAssessed, projectBudget, projectGrade, statedScore } from "./stats";
import type { Catalogue } from "./strings";

const COLS = 17;
export const OVERVIEW_HEADER_ROW = 9; // 0-based: row 10
const WIDTHS = [6, 22, 24, 36, 14, 14, 10, 10, 10, 8, 10, 10, 10, 8, 8, 28, 10];

export function planOverview(report: Report, facts: Facts, s: Catalogue, now: Date): SheetPlan {
  const o = s.overview;
  const sum = report.summary;
  const rows = new Rows();
  const multiFile = facts.files.length > 1;

  rows.set(0, 0, styled("title", o.title(facts.year)));
  rows.set(1, 0, styled("text", o.meta(timestamp(now), report.profile)));

  // Header block.
  const label = (r: number, c: number, v: string) => rows.set(r, c, styled("label", v, { border: true }));
  const value = (r: number, c: number, v: number | null, fmt: string) => rows.set(r, c, num(v, fmt, { border: true }));
  label(2, 1, o.files);
  value(2, 2, sum.files, FMT.count);
  label(3, 1, o.projects);
  value(3, 2, sum.projects, FMT.count);
  label(4, 1, o.goals);
  value(4, 2, facts.goals.length, FMT.count);
  label(5, 1, o.reviewed);
  value(5, 2, sum.reviewed, FMT.count);
  label(6, 1, o.errors);
  rows.set(6, 2, num(sum.errors, FMT.count, { border: true, style: sum.errors ? "error" : undefined }));
  label(7, 1, o.warnings);
  rows.set(7, 2, num(sum.warnings, FMT.count, { border: true, style: sum.warnings ? "warning" : undefined }));

  label(2, 3, o.budget);
  value(2, 4, sum.budget.adjusted, FMT.amount);
  label(3, 3, o.executed);
  value(3, 4, sum.budget.executed, FMT.amount);
  label(4, 3, o.rate);
  value(4, 4, sum.budget.rate, FMT.rate);
  label(5, 3, o.mean);
  value(5, 4, sum.meanScore, FMT.score);
  label(6, 3, o.infos);
  value(6, 4, sum.infos, FMT.count);
  // 部门整体 money apart from the projects' (a department's budget contains its projects').
  const dept = sum.departmentBudget;
  if (facts.departmentForms.length && dept) {
    label(7, 3, o.departmentBudget);
    rows.set(7, 4, text(o.departmentBudgetValue(amount(dept.adjusted), amount(dept.executed), percent(dept.rate)), { border: true }));
  }

  // Grade table (the chart's data): 等级 | 自评 | 复核后 (the final grade: the review's where there is one).
  rows.set(2, 6, styled("header", o.gradeHeader));
  rows.set(2, 7, styled("header", o.countHeader));
  rows.set(2, 8, styled("header", o.finalHeader));
  const selfUngraded = facts.assessed.filter((p) => projectGrade(p) === null).length;
  GRADES.forEach((g, i) => {
    rows.set(3 + i, 6, text(s.grade[g], { border: true, style: "label" }));
    rows.set(3 + i, 7, num(facts.byGradeProjects[g].length, FMT.count, { border: true }));
    rows.set(3 + i, 8, num(facts.byFinalGradeProjects[g].length, FMT.count, { border: true }));
  });
  rows.set(7, 6, text(o.ungraded, { border: true, style: "label" }));
  rows.set(7, 7, num(selfUngraded, FMT.count, { border: true }));
  rows.set(7, 8, num(facts.ungraded.length, FMT.count, { border: true }));
  rows.set(8, 6, text(o.total, { border: true, style: "label" }));
  rows.set(8, 7, num(facts.assessed.length, FMT.count, { border: true }));
  rows.set(8, 8, num(facts.assessed.length, FMT.count, { border: true }));

  // Table.
  o.headers.forEach((h, c) => rows.set(OVERVIEW_HEADER_ROW, c, styled("header", h)));
  const ordered: Project[] = [...facts.assessed, ...facts.duplicates, ...facts.goals];
  const b = { border: true } as const;
  ordered.forEach((p, i) => {
    const r = OVERVIEW_HEADER_ROW + 1 + i;
    const counts = facts.findingsByProject.get(p.id) ?? { error: 0, warning: 0, info: 0 };
    const assessed = isAssessed(p);
    const grade = assessed ? projectGrade(p) : null;
    const review = assessed ? p.review : null;
    const cells = [
      num(i + 1, FMT.count, b),
      text(p.department, b),
      text(p.unit, b),
      text(p.name, b),
      num(projectBudget(p), FMT.amount, b),
      num(assessed ? p.budget?.executed : null, FMT.amount, b),
      num(assessed ? p.budget?.rate : null, FMT.rate, b),
      // 自评得分 is a stated 总分 only; a form that states none has its computed total under 核算得分.
      num(assessed ? statedScore(p) : null, FMT.score, b),
      num(assessed ? p.computedScore : null, FMT.score, b),
      assessed
        ? text(grade ? s.grade[grade] : null, { border: true, style: grade === "差" ? "flag" : undefined })
        : text(s.goalRow, { border: true, style: "info" }),
      num(review?.score, FMT.score, b),
      num(review?.gap, FMT.gap, b),
      text(review?.grade ? s.grade[review.grade] : null, { border: true, style: review?.grade === "差" ? "flag" : undefined }),
      num(counts.error, FMT.count, { border: true, style: counts.error ? "error" : undefined }),
      num(counts.warning, FMT.count, { border: true, style: counts.warning ? "warning" : undefined }),
      text(sheetLabel(p.location.file, p.location.sheet, multiFile), {
        border: true,
        link: link(p.location.file, p.location.sheet, p.location.cell),
      }),
      // 自评质量 (issue 16): the rubric's score out of 100, last so the columns before it keep their places.
      // The reviewer's confirmed score where a review workbook gives one.
      num(assessed ? (p.quality?.confirmed ?? p.quality?.score ?? null) : null, FMT.count, b),
    ];
    cells.forEach((c, col) => rows.set(r, col, c));
  });

  const merges = [
    { top: 0, left: 0, bottom: 0, right: COLS - 1 },
    { top: 1, left: 0, bottom: 1, right: COLS - 1 },
  ];
  let last = OVERVIEW_HEADER_ROW + ordered.length;
  if (ordered.length === 0) {
    last = OVERVIEW_HEADER_ROW + 1;
    rows.set(last, 0, styled("info", o.empty));
    merges.push({ top: last, left: 0, bottom: last, right: COLS - 1 });
  }

  const plan = { rows: rows.build(COLS), widths: WIDTHS, merges };
  return {
    name: "评价汇总",
    ...printable(plan, pagePlan("landscape", s.lang, { from: OVERVIEW_HEADER_ROW, to: OVERVIEW_HEADER_ROW })),
    freezeRows: OVERVIEW_HEADER_ROW + 1,
    filter: ordered.length ? `A${OVERVIEW_HEADER_ROW + 1}:Q${last + 1}` : undefined,
    chart: {
      type: "column",
      title: o.chartTitle,
      categories: "G4:G7",
      values: facts.review.rows.length ? "I4:I7" : "H4:H7",
      seriesName: facts.review.rows.length ? o.finalHeader : o.countHeader,
      anchor: "K3",
      to: "P9",
    },
  };
}
