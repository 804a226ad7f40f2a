/**
 * 评价报告: a draft report in the usual order, one paragraph per row in column A (wrapped, wide column):
 *   title · note · 一、基本情况 · 二、自评结果 · 三、抽查复核情况 · 四、发现的主要问题 · 五、改进建议
 * Every figure comes from the run (report.summary and Facts). The sheet has one column, as wide as a page,
 * so the title needs no merge: it is centred in A1.
 *
 * 四 groups findings by rule: errors before warnings before info, larger groups first, with up to three
 * examples from different projects. 五 follows the grades (优/良 keep and extend; 中 rectify; 差 rectify and cut
 * next year's budget by at least 10%, as the 张店区 measures say) and then the kinds of problem found.
 */
import type { Finding, Project, Report } from "../model";
import { Rows, styled } from "./cells";
import { amount, list, ordinal, percent, score, share, signed, timestamp } from "./format";
import type { CellStyle, SheetPlan } from "./plan";
import { type Facts, GRADES, type ReviewRow } from "./stats";
import { ruleTitle } from "../rules";
import { type Catalogue, type Lang } from "./strings";

const MAX_NAMES = 10;
const MAX_EXAMPLES = 3;

/** Advice topics by rule prefix (errors and warnings only). */
const TOPICS: { key: "adviceGoals" | "adviceActuals" | "adviceScores" | "adviceBudget" | "adviceReview"; prefixes: string[] }[] = [
  { key: "adviceGoals", prefixes: ["category/", "target/", "goal/"] },
  { key: "adviceActuals", prefixes: ["actual/", "reason/"] },
  { key: "adviceScores", prefixes: ["weight/", "score/"] },
  { key: "adviceBudget", prefixes: ["budget/"] },
  { key: "adviceReview", prefixes: ["spotcheck/"] },
];

function names(projects: { name: string }[]): string[] {
  return [...new Set(projects.map((p) => p.name))];
}

function examples(findings: Finding[], s: Catalogue): string {
  const picked: Finding[] = [];
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
  return picked
    .map((f) => s.report.example(f.project ?? f.sheet ?? f.file, f.message))
    .join(s.report.exampleSep);
}

export function planNarrative(report: Report, facts: Facts, s: Catalogue, lang: Lang, now: Date): SheetPlan {
  const t = s.report;
  const sum = report.summary;
  const rows = new Rows();
  const indent = lang === "zh" ? "\u3000\u3000" : "";
  const add = (style: CellStyle, v: string) => rows.push([styled(style, v, { wrap: true })]);
  const para = (v: string) => add("text", indent + v);
  const nameList = (xs: { name: string }[], max = MAX_NAMES) => list(names(xs), max, lang);

  const withReview = facts.review.rows.length > 0;
  add("title", t.title(facts.year, withReview));
  add("info", t.note(timestamp(now)));

  // 一、基本情况
  add("subtitle", t.h1);
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
    para(
      t.funds({
        projects: sum.projects,
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

  // 二、自评结果
  add("subtitle", t.h2);
  if (facts.scored.length === 0 || !facts.best || !facts.worst) {
    para(t.noScores);
  } else {
    para(
      t.scores({
        scored: facts.scored.length,
        mean: score(sum.meanScore),
        max: score(facts.best.score),
        maxName: facts.best.project.name,
        min: score(facts.worst.score),
        minName: facts.worst.project.name,
      }),
    );
  }
  const graded = GRADES.reduce((a, g) => a + sum.byGrade[g], 0);
  if (graded > 0) {
    const g = Object.fromEntries(GRADES.map((x) => [x, { n: sum.byGrade[x], share: share(sum.byGrade[x], graded) }])) as Parameters<
      typeof t.grades
    >[0];
    para(t.grades(g, nameList(facts.byGradeProjects.差)));
  }
  if (facts.assessed.length > 0) {
    const m = facts.mismatched[0];
    para(
      m
        ? t.mismatch({ n: facts.mismatched.length, comparable: facts.comparable, name: m.project.name, self: score(m.self), computed: score(m.computed) })
        : t.noMismatch(facts.comparable),
    );
  }

  // 三、抽查复核情况
  add("subtitle", t.h3);
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
        unmatchedList: nameList(rv.unmatched),
      }),
    );
    const gapItems = (xs: ReviewRow[]) =>
      list(
        xs.map((x) => t.gapItem(x.name, score(x.selfScore), score(x.reviewScore), signed(x.gap))),
        MAX_NAMES,
        lang,
      );
    if (rv.flagged.gap.length) para(t.gapList(rv.flagged.gap.length, gapItems(rv.flagged.gap)));
    if (rv.flagged.grade.length) {
      const items = rv.flagged.grade.map((x) =>
        t.gradeItem(x.name, x.selfGrade ? s.grade[x.selfGrade] : "—", x.reviewGrade ? s.grade[x.reviewGrade] : "—"),
      );
      para(t.gradeList(rv.flagged.grade.length, list(items, MAX_NAMES, lang)));
    }
    if (rv.flagged.poor.length) para(t.poorList(rv.flagged.poor.length, nameList(rv.flagged.poor)));
    if (rv.matched.length && !rv.flagged.gap.length && !rv.flagged.grade.length && !rv.flagged.poor.length) para(t.noFlags);
  }

  // 四、发现的主要问题
  add("subtitle", t.h4);
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
  }

  // 五、改进建议
  add("subtitle", t.h5);
  let n = 0;
  const advice = (v: string) => para(`${ordinal(++n, lang)}${lang === "zh" ? "" : " "}${v}`);
  const bg = facts.byGradeProjects;
  const good: Project[] = [...bg.优, ...bg.良];
  if (good.length) advice(t.keep(good.length, nameList(good, 5)));
  if (bg.中.length) advice(t.rectify(bg.中.length, nameList(bg.中, 5)));
  if (bg.差.length) advice(t.cut(bg.差.length, nameList(bg.差)));
  for (const topic of TOPICS) {
    const count = report.findings.filter(
      (f) => f.severity !== "info" && topic.prefixes.some((p) => f.rule.startsWith(p)),
    ).length;
    if (count) advice(t[topic.key](count));
  }
  if (facts.projectsWithErrors) advice(t.adviceErrors(facts.projectsWithErrors));
  if (facts.assessed.length && !bg.差.length) para(t.noPoor);

  return {
    name: "评价报告",
    rows: rows.build(1),
    widths: [100],
    merges: [],
    freezeRows: 0,
  };
}
