/**
 * 评价报告 as a document model: the one source of the report's text and tables, rendered by the 评价报告 sheet
 * (narrative.ts) and by the Word writer (adapters/docx). Every figure comes from the run (report.summary and
 * Facts), so the sheet and the .docx say the same thing.
 *
 * Consistency rules (issue 15):
 * - The grade that counts is the final grade (`finalGrade`: the review grade where a review exists). Both
 *   distributions are shown (自评 and 复核后), and every recommendation of 五、改进建议 follows the final grade:
 *   优 → 优先保障, 良 → 据实保障, 中 → 督促整改、视整改情况核减, 差 → 通报、压减不低于10%, 达不到主要目标的调整或暂停
 *   (张店区 办法 第二十六条、第三十一条). A reviewed project graded 差 with no self-assessment gets the cut too.
 * - 自评得分 is a stated 总分; a form that states none (or has no score columns) has a 核算得分 only, and the text
 *   says which count is which.
 * - Project money and 部门整体 money are reported apart.
 */
import type { Grade, Report } from "../model";
import { amount, list, ordinal, percent, score, share, signed, timestamp } from "./format";
import { type Facts, GRADES, type ReviewRow, projectBudget, projectGrade } from "./stats";
import { ruleTitle } from "../rules";
import type { Catalogue, Lang } from "./strings";

export type ReportBlock =
  | { kind: "title"; text: string }
  | { kind: "note"; text: string }
  /** 一、基本情况 */
  | { kind: "h1"; text: string }
  /** （一）… */
  | { kind: "h2"; text: string }
  | { kind: "para"; text: string }
  | {
      kind: "table";
      caption: string;
      headers: string[];
      rows: string[][];
      /** Right-aligned (numeric) columns. */
      numeric: boolean[];
      /** Relative column widths. */
      widths: number[];
    }
  | { kind: "chart"; caption: string; categories: string[]; series: { name: string; values: number[] }[] };

export interface ReportDoc {
  lang: Lang;
  title: string;
  blocks: ReportBlock[];
}

const MAX_NAMES = 10;
const MAX_EXAMPLES = 3;
/** Budget cut for projects graded 差 (张店区 办法 第三十一条: 不低于10%). */
export const POOR_CUT = 0.1;

const TOPICS: { key: "adviceGoals" | "adviceActuals" | "adviceScores" | "adviceBudget" | "adviceReview"; prefixes: string[] }[] = [
  { key: "adviceGoals", prefixes: ["category/", "target/", "goal/"] },
  { key: "adviceActuals", prefixes: ["actual/", "reason/"] },
  { key: "adviceScores", prefixes: ["weight/", "score/"] },
  { key: "adviceBudget", prefixes: ["budget/"] },
  { key: "adviceReview", prefixes: ["spotcheck/"] },
];

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}

/** One recommendation's subject: a project, or a reviewed entry with no self-assessment. */
interface Subject {
  name: string;
  department: string | null;
  budget: number | null;
  selfGrade: Grade | null;
  reviewGrade: Grade | null;
  final: Grade;
}

function subjects(facts: Facts): Record<Grade, Subject[]> {
  const out: Record<Grade, Subject[]> = { 优: [], 良: [], 中: [], 差: [] };
  for (const g of GRADES) {
    for (const p of facts.byFinalGradeProjects[g]) {
      out[g].push({
        name: p.name,
        department: p.department,
        budget: projectBudget(p),
        selfGrade: projectGrade(p),
        reviewGrade: p.review?.grade ?? null,
        final: g,
      });
    }
  }
  // A reviewed entry that matched no self-assessment still has a final grade: the review's.
  for (const r of facts.review.unmatched) {
    if (!r.reviewGrade) continue;
    out[r.reviewGrade].push({ name: r.name, department: r.department, budget: null, selfGrade: null, reviewGrade: r.reviewGrade, final: r.reviewGrade });
  }
  return out;
}

export function buildReportDoc(report: Report, facts: Facts, s: Catalogue, lang: Lang, now: Date): ReportDoc {
  const t = s.report;
  const sum = report.summary;
  const blocks: ReportBlock[] = [];
  const para = (text: string) => blocks.push({ kind: "para", text });
  const names = (xs: { name: string }[], max = MAX_NAMES) => list(unique(xs.map((x) => x.name)), max, lang);
  const gradeName = (g: Grade | null) => (g ? s.grade[g] : "—");

  const withReview = facts.review.rows.length > 0;
  const title = t.title(facts.year, withReview);
  blocks.push({ kind: "title", text: title });
  blocks.push({ kind: "note", text: t.note(timestamp(now)) });

  // 一、基本情况
  blocks.push({ kind: "h1", text: t.h1 });
  para(
    t.scope({
      files: sum.files,
      selfAssessment: facts.byTemplate.selfAssessment,
      department: facts.byTemplate.department,
      goal: facts.byTemplate.goal,
      departments: facts.departments,
      units: facts.units,
    }),
  );
  if (facts.assessed.length === 0) {
    para(t.noProjects);
  } else {
    if (facts.projectForms.length) {
      para(
        t.funds({
          projects: facts.projectForms.length,
          budget: amount(sum.budget.adjusted),
          executed: amount(sum.budget.executed),
          rate: percent(sum.budget.rate),
          full: facts.fullExecution,
          low: facts.lowExecution.length,
          threshold: percent(facts.lowExecutionRate).replace(/\.00%$/, "%"),
          lowList: list(
            facts.lowExecution.map((p) => `${p.name}${lang === "zh" ? `（${percent(p.budget?.rate)}）` : ` (${percent(p.budget?.rate)})`}`),
            MAX_NAMES,
            lang,
          ),
        }),
      );
    }
    const d = sum.departmentBudget;
    if (facts.departmentForms.length && d) {
      para(t.departmentFunds({ n: facts.departmentForms.length, budget: amount(d.adjusted), executed: amount(d.executed), rate: percent(d.rate), list: names(facts.departmentForms) }));
    }
  }

  // 二、自评结果
  blocks.push({ kind: "h1", text: t.h2 });
  const computedOnly = facts.scored.length - facts.scored.filter((x) => x.project.statedTotal !== null).length;
  if (facts.scored.length === 0 || !facts.best || !facts.worst) {
    para(t.noScores);
  } else {
    para(
      t.scores({
        scored: facts.scored.length,
        stated: facts.scored.length - computedOnly,
        computedOnly,
        mean: score(sum.meanScore),
        max: score(facts.best.score),
        maxName: facts.best.project.name,
        min: score(facts.worst.score),
        minName: facts.worst.project.name,
      }),
    );
  }
  const selfGraded = GRADES.reduce((a, g) => a + facts.byGradeProjects[g].length, 0);
  if (selfGraded > 0) {
    const g = Object.fromEntries(GRADES.map((x) => [x, { n: facts.byGradeProjects[x].length, share: share(facts.byGradeProjects[x].length, selfGraded) }])) as Parameters<
      typeof t.grades
    >[0];
    para(t.grades(g, names(facts.byGradeProjects.差)));
  }
  const selfUngraded = facts.assessed.filter((p) => projectGrade(p) === null);
  if (selfUngraded.length) para(t.ungraded(selfUngraded.length, names(selfUngraded)));
  if (facts.assessed.length > 0) {
    const m = facts.mismatched[0];
    para(
      m
        ? t.mismatch({ n: facts.mismatched.length, stated: facts.stated.length, comparable: facts.comparable, name: m.project.name, self: score(m.self), computed: score(m.computed) })
        : t.noMismatch(facts.stated.length, facts.comparable),
    );
  }

  // Grade distribution: self and after review, side by side (table and chart).
  const finalCounts = GRADES.map((g) => facts.byFinalGradeProjects[g].length);
  const selfCounts = GRADES.map((g) => facts.byGradeProjects[g].length);
  const finalGraded = finalCounts.reduce((a, x) => a + x, 0);
  if (facts.assessed.length > 0) {
    blocks.push({
      kind: "table",
      caption: t.gradeTableCaption(withReview),
      headers: t.gradeTableHeaders(withReview),
      rows: [
        ...GRADES.map((g, i) => [gradeName(g), String(selfCounts[i]), share(selfCounts[i], selfGraded), String(finalCounts[i]), share(finalCounts[i], finalGraded)]),
        [t.ungradedRow, String(selfUngraded.length), "", String(facts.ungraded.length), ""],
        [t.totalRow, String(facts.assessed.length), "", String(facts.assessed.length), ""],
      ],
      numeric: [false, true, true, true, true],
      widths: [2, 2, 2, 2, 2],
    });
    blocks.push({
      kind: "chart",
      caption: t.chartCaption(withReview),
      categories: GRADES.map(gradeName),
      series: [
        { name: t.seriesSelf, values: selfCounts },
        { name: t.seriesFinal, values: finalCounts },
      ],
    });
  }

  // 三、抽查复核情况
  blocks.push({ kind: "h1", text: t.h3 });
  const rv = facts.review;
  if (!withReview) {
    para(t.noReview);
  } else {
    para(
      t.reviewed({
        n: rv.rows.length,
        matched: rv.matched.length,
        meanReview: score(rv.meanReview),
        meanGap: score(rv.meanAbsGap),
        lower: rv.lower,
        unmatched: rv.unmatched.length,
        unmatchedList: names(rv.unmatched),
      }),
    );
    // A form without a stated 总分 is compared with its computed score: said so, never passed off as 自评得分.
    const selfText = (x: ReviewRow) => `${score(x.selfScore)}${x.project && x.project.statedTotal === null && x.selfScore !== null ? t.computedMark : ""}`;
    const gapItems = (xs: ReviewRow[]) =>
      list(
        xs.map((x) => t.gapItem(x.name, selfText(x), score(x.reviewScore), signed(x.gap))),
        MAX_NAMES,
        lang,
      );
    if (rv.flagged.gap.length) para(t.gapList(rv.flagged.gap.length, gapItems(rv.flagged.gap)));
    if (rv.flagged.grade.length) {
      const items = rv.flagged.grade.map((x) => t.gradeItem(x.name, gradeName(x.selfGrade), gradeName(x.reviewGrade)));
      para(t.gradeList(rv.flagged.grade.length, list(items, MAX_NAMES, lang)));
    }
    const poor = rv.rows.filter((r) => r.reviewGrade === "差");
    if (poor.length) para(t.poorList(poor.length, names(poor)));
    if (rv.matched.length && !rv.flagged.gap.length && !rv.flagged.grade.length && !poor.length) para(t.noFlags);
    para(t.finalGrades(Object.fromEntries(GRADES.map((g, i) => [g, finalCounts[i]])) as Record<Grade, number>, rv.matched.length));
    blocks.push({
      kind: "table",
      caption: t.gapTableCaption,
      headers: s.review.headers,
      rows: rv.rows.map((x) => [
        x.name,
        x.department ?? "",
        selfText(x),
        score(x.reviewScore),
        signed(x.gap),
        gradeName(x.selfGrade),
        gradeName(x.reviewGrade),
        x.flags.map((f) => s.flag[f]).join(s.flagSep),
      ]),
      numeric: [false, false, true, true, true, false, false, false],
      widths: [5, 3, 2, 2, 2, 2, 2, 3],
    });
  }

  // 四、发现的主要问题
  blocks.push({ kind: "h1", text: t.h4 });
  if (report.findings.length === 0) {
    para(t.noProblems);
  } else {
    para(t.problems({ total: report.findings.length, errors: sum.errors, warnings: sum.warnings, infos: sum.infos, projects: facts.projectsWithFindings }));
    facts.groups.forEach((g, i) =>
      para(
        t.group({
          marker: ordinal(i + 1, lang),
          title: ruleTitle(g.rule, lang),
          rule: g.rule,
          severity: s.severity[g.severity],
          count: g.findings.length,
          projects: g.projects,
          examples: examples(g.findings, s),
        }),
      ),
    );
    blocks.push({
      kind: "table",
      caption: t.problemTableCaption,
      headers: t.problemTableHeaders,
      rows: facts.groups.map((g) => [
        `${ruleTitle(g.rule, lang)}\n${g.rule}`,
        s.severity[g.severity],
        String(g.findings.length),
        String(g.projects),
        examples(g.findings, s),
      ]),
      numeric: [false, false, true, true, false],
      widths: [4, 1.5, 1.5, 1.5, 9],
    });
  }

  // 五、改进建议 — by final grade.
  blocks.push({ kind: "h1", text: t.h5 });
  let n = 0;
  const advice = (v: string) => para(`${ordinal(++n, lang)}${lang === "zh" ? "" : " "}${v}`);
  const by = subjects(facts);
  const changed = (xs: Subject[]) =>
    xs.filter((x) => x.reviewGrade && x.selfGrade && x.selfGrade !== x.reviewGrade).map((x) => t.gradeItem(x.name, gradeName(x.selfGrade), gradeName(x.reviewGrade)));
  const note = (xs: Subject[]) => {
    const c = changed(xs);
    return c.length ? t.byReview(list(c, MAX_NAMES, lang)) : "";
  };
  if (!withReview && facts.assessed.length) para(t.basisSelf);
  if (withReview) para(t.basisFinal);
  if (by.优.length) advice(t.keepExcellent(by.优.length, names(by.优, 5), note(by.优)));
  if (by.良.length) advice(t.keepGood(by.良.length, names(by.良, 5), note(by.良)));
  if (by.中.length) advice(t.rectify(by.中.length, names(by.中, 5), note(by.中)));
  if (by.差.length) advice(t.cut(by.差.length, names(by.差), note(by.差)));
  if (facts.ungraded.length) advice(t.adviceUngraded(facts.ungraded.length, names(facts.ungraded)));
  for (const topic of TOPICS) {
    const count = report.findings.filter((f) => f.severity !== "info" && topic.prefixes.some((p) => f.rule.startsWith(p))).length;
    if (count) advice(t[topic.key](count));
  }
  if (facts.projectsWithErrors) advice(t.adviceErrors(facts.projectsWithErrors));
  if (by.差.length) {
    blocks.push({
      kind: "table",
      caption: t.cutTableCaption,
      headers: t.cutTableHeaders,
      rows: by.差.map((x) => [
        x.name,
        x.department ?? "",
        amount(x.budget),
        x.budget === null ? "—" : amount(x.budget * POOR_CUT),
        gradeName(x.selfGrade),
        gradeName(x.reviewGrade),
        x.reviewGrade ? t.basisReview : t.basisSelfShort,
      ]),
      numeric: [false, false, true, true, false, false, false],
      widths: [5, 3, 2.5, 2.5, 1.5, 1.5, 2],
    });
  } else if (facts.assessed.length || withReview) {
    para(t.noPoor);
  }
  return { lang, title, blocks };
}

function examples(findings: Report["findings"], s: Catalogue): string {
  const picked: Report["findings"] = [];
  const seen = new Set<string>();
  for (const f of findings) {
    const k = f.projectId ?? f.project ?? `${f.file}!${f.sheet}`;
    if (seen.has(k)) continue;
    seen.add(k);
    picked.push(f);
    if (picked.length === MAX_EXAMPLES) break;
  }
  for (const f of findings) {
    if (picked.length >= MAX_EXAMPLES) break;
    if (!picked.includes(f)) picked.push(f);
  }
  return picked.map((f) => s.report.example(f.project ?? f.sheet ?? f.file, f.message)).join(s.report.exampleSep);
}

