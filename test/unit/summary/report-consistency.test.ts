/**
 * 评价报告 never contradicts itself (issue 15). A run with a downgrade (优 → 中), an upgrade (差 → 良), a project
 * 抽评为差, a form with no score columns (核算得分 only), a form with no score at all, a department form, a goal
 * table and a review entry graded 差 with no self-assessment. Every statement of the report is checked against
 * the data: the grade each recommendation names, the counts, the money, and the 压减 table.
 */
import { planSheets, reportDocument } from "../../../src/engine/summary";
import type { ReportBlock } from "../../../src/engine/summary/report-doc";
import { finalGrade } from "../../../src/engine/summary/stats";
import type { Grade, Project } from "../../../src/engine/model";
import { finding, makeReport, project, reviewEntry, reviewed } from "./factory";

const NOW = new Date(2024, 4, 31, 16, 5);

function scenario() {
  const downgraded = reviewed(project({ name: "农村饮水安全", selfScore: 95, budget: { adjusted: 300, executed: 290 } }), 70);
  const excellent = project({ name: "学生资助", selfScore: 92, budget: { adjusted: 120, executed: 120 } });
  const poorOnReview = reviewed(project({ name: "乡村道路养护", selfScore: 85, budget: { adjusted: 500, executed: 400 } }), 55);
  // 湖南 style: no score columns, so no stated total; only the computed one.
  const computedOnly = project({
    name: "社区养老服务",
    selfScore: 82,
    computedScore: 82,
    statedTotal: null,
    statedTotalCell: null,
    hasScoreColumns: false,
    budget: { adjusted: 80, executed: 80 },
  });
  const upgraded = reviewed(project({ name: "图书馆免费开放", selfScore: 50, budget: { adjusted: 60, executed: 30 } }), 86);
  const noScore = project({
    name: "防汛物资储备",
    selfScore: null,
    computedScore: null,
    statedTotal: null,
    grade: null,
    computedGrade: null,
    budget: { adjusted: 40, executed: 40 },
  });
  const department = project({
    name: "县水利局部门整体支出",
    template: "department-self-assessment",
    selfScore: 88,
    budget: { adjusted: 1000, executed: 950 },
  });
  const goal = project({ name: "农村饮水安全", template: "goal", budget: { adjusted: 300, executed: null } });
  const projects = [downgraded, excellent, poorOnReview, computedOnly, upgraded, noScore, department, goal];
  const reviews = [
    reviewEntry({ name: "农村饮水安全", score: 70 }),
    reviewEntry({ name: "乡村道路养护", score: 55, grade: "差" }),
    reviewEntry({ name: "图书馆免费开放", score: 86 }),
    reviewEntry({ name: "农机购置补贴", department: "县农业农村局", selfScore: 90, score: 50, grade: "差" }),
  ];
  const findings = [
    finding({ rule: "spotcheck/grade-changed", severity: "warning", project: downgraded }),
    finding({ rule: "spotcheck/gap-severe", severity: "error", project: downgraded }),
    finding({ rule: "spotcheck/poor", severity: "error", project: poorOnReview }),
    finding({ rule: "spotcheck/grade-changed", severity: "warning", project: poorOnReview }),
    finding({ rule: "spotcheck/grade-changed", severity: "warning", project: upgraded }),
    finding({ rule: "spotcheck/poor", severity: "error", project: "农机购置补贴" }),
    finding({ rule: "spotcheck/no-self-assessment", severity: "error", project: "农机购置补贴" }),
  ];
  const report = makeReport({ projects, reviews, findings });
  return { report, projects: { downgraded, excellent, poorOnReview, computedOnly, upgraded, noScore, department, goal } };
}

const { report, projects: P } = scenario();
const doc = reportDocument(report, { lang: "zh", now: NOW });
const paras = doc.blocks.filter((b): b is Extract<ReportBlock, { kind: "para" }> => b.kind === "para").map((b) => b.text);
const tables = doc.blocks.filter((b): b is Extract<ReportBlock, { kind: "table" }> => b.kind === "table");
const all = paras.join("\n");
const assessed = report.projects.filter((p) => p.template !== "goal");

/** The project names a recommendation lists: "对最终评价等级为X的 N 个项目（A、B，其中…）". */
function named(grade: Grade): string[] | null {
  const p = paras.find((x) => x.includes(`对最终评价等级为${grade}的`));
  if (!p) return null;
  const m = /个项目（(.*?)(?:，其中经抽查复核调整等级的：.*)?）[，,]/.exec(p);
  return m ? m[1].split("、") : [];
}

/** Projects and unmatched review entries whose final grade is `g`. */
function expectedFinal(g: Grade): string[] {
  const fromProjects = assessed.filter((p) => finalGrade(p) === g).map((p) => p.name);
  const fromEntries = g === "差" ? ["农机购置补贴"] : [];
  return [...fromProjects, ...fromEntries];
}

describe("recommendations follow the final (reviewed) grade", () => {
  test.each(["优", "良", "中", "差"] as Grade[])("every project named for %s has that final grade, and every such project is named", (g) => {
    const names = named(g);
    const expected = expectedFinal(g);
    if (expected.length === 0) expect(names).toBeNull();
    else expect(new Set(names)).toEqual(new Set(expected));
  });

  test("the downgraded project is not kept as 优: it is 中, with the review named", () => {
    expect(finalGrade(P.downgraded)).toBe("中");
    expect(named("优")).not.toContain("农村饮水安全");
    const rectify = paras.find((x) => x.includes("对最终评价等级为中的"))!;
    expect(rectify).toContain("农村饮水安全（优→中）");
    expect(rectify).toContain("视整改情况核减");
  });

  test("抽评为差 gets the cut, also without a self-assessment; the upgraded project does not", () => {
    const cut = paras.find((x) => x.includes("对最终评价等级为差的"))!;
    expect(cut).toContain("按不低于 10% 的比例压减下年度预算安排规模");
    expect(cut).toContain("调整或暂停该项目");
    expect(named("差")).toEqual(expect.arrayContaining(["乡村道路养护", "农机购置补贴"]));
    expect(named("差")).not.toContain("图书馆免费开放");
    expect(named("良")).toContain("图书馆免费开放");
    expect(all).not.toContain("本次无最终评价等级为差的项目");
    expect(all).not.toMatch(/无评价等级为差/);
  });

  test("the 压减 table lists exactly the final 差, with at least 10% of the budget", () => {
    const cut = tables.find((t) => t.caption.startsWith("表4"))!;
    expect(cut.rows.map((r) => r[0])).toEqual(expectedFinal("差"));
    const road = cut.rows.find((r) => r[0] === "乡村道路养护")!;
    expect(road.slice(2, 7)).toEqual(["500.00", "50.00", "良", "差", "抽查复核"]);
    // No self-assessment: no budget to cut from in this run.
    expect(cut.rows.find((r) => r[0] === "农机购置补贴")!.slice(2, 4)).toEqual(["—", "—"]);
  });

  test("the basis is said: final grade where reviewed", () => {
    expect(all).toContain("以下建议以最终评价等级（已复核的项目取复核等级）为依据。");
  });
});

describe("both distributions, and the counts agree with the data", () => {
  const grades: Grade[] = ["优", "良", "中", "差"];
  const self = (g: Grade) => assessed.filter((p) => (p.grade ?? p.computedGrade) === g).length;
  const fin = (g: Grade) => assessed.filter((p) => finalGrade(p) === g).length;

  test("table 1: 自评 and 复核后 counts, 未评定 and 合计", () => {
    const t = tables.find((x) => x.caption.startsWith("表1"))!;
    expect(t.headers).toEqual(["等级", "自评项目数", "自评占比", "复核后项目数", "复核后占比"]);
    for (const [i, g] of grades.entries()) expect([t.rows[i][1], t.rows[i][3]]).toEqual([String(self(g)), String(fin(g))]);
    expect(t.rows[4]).toEqual(["未评定", "1", "", "1", ""]);
    expect(t.rows[5]).toEqual(["合计", String(assessed.length), "", String(assessed.length), ""]);
    // self: 优 2 (饮水 95, 资助 92), 良 3 (道路 85, 养老 82, 部门 88), 中 0, 差 1 (图书馆 50)
    expect(grades.map(self)).toEqual([2, 3, 0, 1]);
    // final: 优 1 (资助), 良 3 (养老, 图书馆↑, 部门), 中 1 (饮水↓), 差 1 (道路)
    expect(grades.map(fin)).toEqual([1, 3, 1, 1]);
  });

  test("the sentences quote the same distributions", () => {
    expect(all).toContain("按自评等级分：优 2 个（占 33.33%），良 3 个（占 50.00%），中 0 个（占 0.00%），差 1 个（占 16.67%），自评为差的项目：图书馆免费开放。");
    expect(all).toContain("最终评价等级为：优 1 个，良 3 个，中 1 个，差 1 个。");
    expect(report.summary.byFinalGrade).toEqual({ 优: 1, 良: 3, 中: 1, 差: 1 });
    expect(report.summary.ungraded).toBe(1);
  });

  test("score counts say what they count and agree with each other", () => {
    const stated = assessed.filter((p) => p.statedTotal !== null).length;
    const scored = assessed.filter((p) => (p.selfScore ?? p.computedScore) !== null).length;
    expect([stated, scored]).toEqual([5, 6]);
    expect(all).toContain(`${scored} 个自评表有得分，其中 ${stated} 个填报了自评总分（自评得分），1 个未填报自评总分、以按评分规则计算的核算得分计`);
    expect(all).toContain(`填报了自评总分的 ${stated} 个项目中`);
    expect(all).toContain("另有 1 个自评表既未填报自评总分、也无法核算得分，未评定等级（防汛物资储备）。");
    expect(paras.some((x) => x.includes("对未评定等级的 1 个项目（防汛物资储备）"))).toBe(true);
  });
});

test("a reviewed form without a stated total is compared with its 核算得分, and says so", () => {
  const p = reviewed(project({ name: "社区养老服务", selfScore: 82, statedTotal: null, statedTotalCell: null, hasScoreColumns: false }), 60);
  const d = reportDocument(makeReport({ projects: [p], findings: [finding({ rule: "spotcheck/gap-severe", severity: "error", project: p })] }), { lang: "zh", now: NOW });
  const t2 = d.blocks.find((b) => b.kind === "table" && b.caption.startsWith("表2")) as Extract<ReportBlock, { kind: "table" }>;
  expect(t2.rows[0].slice(0, 5)).toEqual(["社区养老服务", "县教育局", "82.00（核算）", "60.00", "-22.00"]);
  const text = d.blocks.map((b) => ("text" in b ? b.text : "")).join("\n");
  expect(text).toContain("社区养老服务（自评 82.00（核算） 分，复核 60.00 分，差异 -22.00 分）");
});

describe("labels and money", () => {
  const plans = planSheets(report, { lang: "zh", now: NOW });
  const overview = plans[0];
  const header = overview.rows[overview.freezeRows - 1].map((c) => c.v);
  const body = overview.rows.slice(overview.freezeRows);
  const row = (name: string) => body.find((r) => r[3].v === name && r[9].v !== "目标表")!;

  test("a form without a stated total shows its score as 核算得分 only, never as 自评得分", () => {
    const self = header.indexOf("自评得分");
    const computed = header.indexOf("核算得分");
    expect(row("社区养老服务")[self].v).toBeNull();
    expect(row("社区养老服务")[computed].v).toBe(82);
    expect(row("学生资助")[self].v).toBe(92);
  });

  test("department money is reported apart from project money", () => {
    const projectForms = assessed.filter((p: Project) => p.template === "self-assessment");
    const budget = projectForms.reduce((a, p) => a + (p.budget?.adjusted ?? 0), 0);
    const executed = projectForms.reduce((a, p) => a + (p.budget?.executed ?? 0), 0);
    expect(report.summary.budget).toEqual({ adjusted: budget, executed, rate: executed / budget });
    expect(report.summary.departmentBudget).toEqual({ adjusted: 1000, executed: 950, rate: 0.95 });
    expect(all).toContain(`项目支出绩效自评表所列 6 个项目全年预算数合计 1,100.00 万元，全年执行数合计 960.00 万元`);
    expect(all).toContain("部门整体支出绩效自评表 1 张（县水利局部门整体支出）另行统计：部门全年预算数合计 1,000.00 万元");
  });

  test("summary counts per template kind", () => {
    expect(report.summary.byTemplate).toEqual({ "self-assessment": 6, "department-self-assessment": 1, goal: 1 });
    expect(report.summary.projects).toBe(7);
  });
});

describe("English", () => {
  const en = reportDocument(report, { lang: "en", now: NOW });
  const text = en.blocks.filter((b) => b.kind === "para").map((b) => (b as { text: string }).text).join("\n");
  test("plurals are right and the recommendations follow the final grade", () => {
    expect(text).toContain("1 workbook was checked");
    expect(text).toContain("1 department-level form is counted apart");
    expect(text).toMatch(/Commend the 1 project graded Excellent \(学生资助\)/);
    expect(text).toContain("农村饮水安全 (Excellent → Fair)");
    expect(text).not.toMatch(/\b1 [a-z]+s\b(?! of)/);
  });
});
