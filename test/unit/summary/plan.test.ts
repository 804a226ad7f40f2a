import { parseA1 } from "../../../src/engine/grid";
import { planSheets } from "../../../src/engine/summary";
import {
  OUTPUT_SHEETS,
  type PlanCell,
  type SheetPlan,
  hasOutputMark,
  isFormulaLike,
  isOutputName,
  outputSheetName,
} from "../../../src/engine/summary/plan";
import { AT_NAME, FORMULA_NAME, PLUS_NAME, demoReport, finding, makeReport, project, reviewEntry, reviewed } from "./factory";

const NOW = new Date(2024, 4, 31, 16, 5);

function sheet(plans: SheetPlan[], name: string): SheetPlan {
  const s = plans.find((p) => p.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

function at(plan: SheetPlan, address: string): PlanCell {
  const p = parseA1(address)!;
  return plan.rows[p.row]?.[p.col] ?? { v: null };
}

function values(plan: SheetPlan, row: number): (string | number | null)[] {
  return plan.rows[row].map((c) => c.v);
}

function text(plan: SheetPlan): string {
  return plan.rows.map((r) => r.map((c) => (c.v === null ? "" : String(c.v))).join("\t")).join("\n");
}

const HEADERS_ZH = [
  "序号", "主管部门", "实施单位", "项目名称", "全年预算数", "全年执行数", "执行率", "自评得分",
  "核算得分", "等级", "复核得分", "差异", "复核等级", "错误", "警告", "所在工作表", "自评质量",
];

describe("planSheets", () => {
  const { report, p } = demoReport();
  const plans = planSheets(report, { lang: "zh", now: NOW });

  test("four sheets in OUTPUT_SHEETS order, Chinese names", () => {
    expect(plans.map((s) => s.name)).toEqual([...OUTPUT_SHEETS]);
  });

  test("no 抽查复核 sheet without review data", () => {
    const r = makeReport({ projects: [project({ selfScore: 91 })] });
    expect(planSheets(r, { lang: "zh", now: NOW }).map((s) => s.name)).toEqual(["评价汇总", "问题清单", "评价报告"]);
  });

  test("every sheet is rectangular and its merges, widths and freeze fit", () => {
    for (const s of plans) {
      const width = s.rows[0].length;
      for (const r of s.rows) expect(r.length).toBe(width);
      expect(s.widths.length).toBe(width);
      for (const m of s.merges) {
        expect(m.right).toBeLessThan(width);
        expect(m.bottom).toBeLessThan(s.rows.length);
        for (let r = m.top; r <= m.bottom; r++)
          for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) expect(s.rows[r][c].v).toBeNull();
      }
      expect(s.freezeRows).toBeLessThanOrEqual(s.rows.length);
    }
  });

  describe("评价汇总", () => {
    const o = sheet(plans, "评价汇总");
    const headerRow = o.freezeRows - 1;

    test("title merged across the table, header frozen", () => {
      expect(at(o, "A1").v).toBe("2023年度预算绩效评价汇总");
      expect(at(o, "A1").style).toBe("title");
      expect(o.merges).toContainEqual({ top: 0, left: 0, bottom: 0, right: 16 });
      expect(String(at(o, "A2").v)).toContain("2024-05-31 16:05");
      expect(values(o, headerRow)).toEqual(HEADERS_ZH);
      expect(o.rows[headerRow].every((c) => c.style === "header")).toBe(true);
      expect(o.filter).toBe(`A${headerRow + 1}:Q${headerRow + 1 + 5}`);
    });

    test("header block: scope, totals, mean, findings", () => {
      const labelled = new Map<string, PlanCell>();
      for (let r = 2; r < headerRow; r++)
        for (let c = 0; c < 6; c++) {
          const cell = o.rows[r][c];
          if (cell.style === "label" && typeof cell.v === "string") labelled.set(cell.v, o.rows[r][c + 1]);
        }
      expect(labelled.get("工作簿数")?.v).toBe(1);
      expect(labelled.get("自评表数（含部门整体）")?.v).toBe(4);
      expect(labelled.get("绩效目标表数")?.v).toBe(1);
      expect(labelled.get("已抽查复核")?.v).toBe(2);
      // Project money only: the 部门整体 form's 500 / 450 stands apart.
      expect(labelled.get("项目全年预算数（万元）")).toEqual(expect.objectContaining({ v: 600, fmt: "#,##0.00" }));
      expect(labelled.get("项目全年执行数（万元）")).toEqual(expect.objectContaining({ v: 540, fmt: "#,##0.00" }));
      expect(labelled.get("项目总体执行率")).toEqual(expect.objectContaining({ v: 0.9, fmt: "0.00%" }));
      expect(labelled.get("部门整体预算/执行（万元）")?.v).toBe("500.00 / 450.00（90.00%）");
      expect(labelled.get("平均得分")).toEqual(expect.objectContaining({ v: 80.75, fmt: "0.00" }));
      expect(labelled.get("错误")?.v).toBe(4);
      expect(labelled.get("警告")?.v).toBe(4);
      expect(labelled.get("提示")?.v).toBe(1);
    });

    test("grade table and the chart that reads it", () => {
      const chart = o.chart!;
      expect(chart.type).toBe("column");
      const cats = chart.categories.split(":").map((a) => parseA1(a)!);
      const vals = chart.values.split(":").map((a) => parseA1(a)!);
      const grades: unknown[] = [];
      const counts: unknown[] = [];
      for (let r = cats[0].row; r <= cats[1].row; r++) grades.push(o.rows[r][cats[0].col].v);
      for (let r = vals[0].row; r <= vals[1].row; r++) counts.push(o.rows[r][vals[0].col].v);
      expect(grades).toEqual(["优", "良", "中", "差"]);
      // The chart shows the final grades (营养餐 优 → 良 on review); the self grades stand beside them.
      expect(counts).toEqual([0, 3, 0, 1]);
      expect(o.rows[cats[0].row - 1][cats[0].col].v).toBe("等级");
      expect(o.rows[vals[0].row - 1][vals[0].col].v).toBe("复核后");
      expect(o.rows[vals[0].row - 1][vals[0].col - 1].v).toBe("自评");
      expect([3, 4, 5, 6].map((r) => o.rows[r][vals[0].col - 1].v)).toEqual([1, 2, 0, 1]);
      // The chart stays inside the frozen block, clear of the table.
      expect(parseA1(chart.to!)!.row).toBeLessThan(headerRow);
    });

    test("one row per project, goal tables last with blank scores", () => {
      const body = o.rows.slice(headerRow + 1);
      expect(body.map((r) => r[3].v)).toEqual(["义务教育营养餐", FORMULA_NAME, AT_NAME, "县卫健委部门整体支出", "义务教育营养餐"]);
      expect(body.map((r) => r[0].v)).toEqual([1, 2, 3, 4, 5]);
      const meal = body[0];
      expect(meal.map((c) => c.v)).toEqual([
        1, "县教育局", "县第一中学", "义务教育营养餐", 200, 190, 0.95, 95, 94.5, "优", 80, -15, "良", 0, 2, "营养餐自评",
        // 自评质量: none on a hand-made report (check() fills it in).
        null,
      ]);
      expect(meal.map((c) => c.fmt)).toEqual([
        "0", undefined, undefined, undefined, "#,##0.00", "#,##0.00", "0.00%", "0.00", "0.00", undefined, "0.00", "+0.00;-0.00;0.00",
        undefined, "0", "0", undefined, undefined,
      ]);
      expect(meal[15].link).toEqual({ sheet: "营养餐自评", cell: "A1", file: "教育局.xlsx" });
      const formula = body[1];
      expect(formula[2].v).toBe(PLUS_NAME);
      expect(formula[13]).toEqual(expect.objectContaining({ v: 1, style: "error" }));
      expect(body[2][9]).toEqual(expect.objectContaining({ v: "差", style: "flag" }));
      const goal = body[4];
      expect(goal[4].v).toBe(200);
      expect(goal.slice(5, 9).map((c) => c.v)).toEqual([null, null, null, null]);
      expect(goal[9]).toEqual(expect.objectContaining({ v: "目标表", style: "info" }));
      expect(goal.slice(10, 13).map((c) => c.v)).toEqual([null, null, null]);
      expect(goal[15].link?.sheet).toBe("营养餐目标");
      expect(p.goal.template).toBe("goal");
    });

    test("no projects: a message row instead of the table body", () => {
      const plan = planSheets(makeReport({ files: ["空.xlsx"] }), { lang: "zh", now: NOW })[0];
      expect(plan.rows.length).toBe(plan.freezeRows + 1);
      expect(String(plan.rows[plan.freezeRows][0].v)).toContain("未识别到");
      expect(plan.filter).toBeUndefined();
    });
  });

  describe("问题清单", () => {
    const f = sheet(plans, "问题清单");
    const body = f.rows.slice(f.freezeRows);

    test("header and one row per finding", () => {
      expect(values(f, f.freezeRows - 1)).toEqual(["序号", "级别", "问题类型", "规则", "项目", "工作表", "单元格", "说明", "建议"]);
      expect(body.length).toBe(report.findings.length);
      expect(body.map((r) => r[0].v)).toEqual(body.map((_, i) => i + 1));
    });

    test("errors first, then warnings, then info; grouped by project in report order", () => {
      expect(body.map((r) => `${r[1].v} ${r[3].v} ${r[4].v ?? ""}`)).toEqual([
        `错误 target/missing ${FORMULA_NAME}`,
        `错误 category/missing-output ${AT_NAME}`,
        `错误 spotcheck/poor ${AT_NAME}`,
        "错误 spotcheck/no-self-assessment 乡村道路养护",
        "警告 spotcheck/gap 义务教育营养餐",
        "警告 spotcheck/grade-changed 义务教育营养餐",
        `警告 budget/low-execution ${FORMULA_NAME}`,
        `警告 spotcheck/gap ${AT_NAME}`,
        "提示 template/unrecognized ",
      ]);
      expect(body.map((r) => r[1].style)).toEqual(["error", "error", "error", "error", "warning", "warning", "warning", "warning", "info"]);
    });

    test("the cell column links to the finding's sheet and cell", () => {
      const missing = body[0];
      expect(missing[2].v).toBe("指标值缺失");
      expect(missing[5].v).toBe("自评表2");
      expect(missing[6]).toEqual(expect.objectContaining({ v: "F17", link: { sheet: "自评表2", cell: "F17", file: "教育局.xlsx" } }));
      expect(missing[7].v).toBe("指标“培训人次”未填写年度指标值。");
      expect(missing[8].v).toBe("target/missing 的建议");
      // No cell: the project's form.
      expect(body[1][6]).toEqual(expect.objectContaining({ v: "A1", link: expect.objectContaining({ sheet: "自评表3", cell: "A1" }) }));
      // Sheet-level info finding.
      expect(body[8][6].link).toEqual({ sheet: "说明", cell: "A1", file: "教育局.xlsx" });
    });

    test("no findings: a message row", () => {
      const plan = sheet(planSheets(makeReport({ projects: [project()] }), { lang: "zh", now: NOW }), "问题清单");
      expect(plan.rows[plan.freezeRows][0].v).toBe("未发现问题。");
    });
  });

  describe("抽查复核", () => {
    const r = sheet(plans, "抽查复核");
    const body = r.rows.slice(r.freezeRows);

    test("reviewed projects, then review entries without a self-assessment", () => {
      expect(values(r, r.freezeRows - 1)).toEqual(["项目", "主管部门", "自评得分", "复核得分", "差异", "自评等级", "复核等级", "标记"]);
      expect(body.map((x) => x.map((c) => c.v))).toEqual([
        ["义务教育营养餐", "县教育局", 95, 80, -15, "优", "良", "差异较大、等级变化"],
        [AT_NAME, "县卫健委", 55, 40, -15, "差", "差", "差异较大、抽评为差"],
        ["乡村道路养护", "县交通局", 90, 70, -20, null, null, "无自评"],
      ]);
      expect(body[0][0].link).toEqual({ sheet: "营养餐自评", cell: "A1", file: "教育局.xlsx" });
      expect(body[2][0].link).toEqual({ sheet: "抽查复核表", cell: "A7", file: "教育局.xlsx" });
      expect(body[0][4].fmt).toBe("+0.00;-0.00;0.00");
      expect(body[0][7].style).toBe("flag");
      expect(String(at(r, "A2").v)).toContain("差异较大 2 个，等级变化 1 个，抽评为差 1 个，无自评 1 个");
    });

    test("flags come from the findings: a gap without a spotcheck finding is not flagged", () => {
      const q = reviewed(project({ name: "甲", selfScore: 95 }), 60);
      const plan = sheet(planSheets(makeReport({ projects: [q] }), { lang: "zh", now: NOW }), "抽查复核");
      expect(plan.rows[plan.freezeRows].map((c) => c.v)).toEqual(["甲", "县教育局", 95, 60, -35, "优", "中", null]);
      const severe = makeReport({ projects: [q], findings: [finding({ rule: "spotcheck/gap-severe", severity: "error", project: q })] });
      expect(sheet(planSheets(severe, { lang: "zh", now: NOW }), "抽查复核").rows[3][7].v).toBe("差异较大");
    });

    test("an entry with no self-assessment also takes the flags of the findings that name it", () => {
      const r = makeReport({
        projects: [project({ name: "甲" })],
        reviews: [reviewEntry({ name: "公共文化场馆免费开放", department: "区文旅局", selfScore: 98, score: 58, grade: "差" })],
        findings: [
          finding({ rule: "spotcheck/poor", severity: "error", project: "公共文化场馆免费开放", sheet: "抽查", cell: "C5" }),
          finding({ rule: "spotcheck/no-self-assessment", severity: "error", project: "公共文化场馆免费开放", sheet: "抽查", cell: "C5" }),
        ],
      });
      const plans2 = planSheets(r, { lang: "zh", now: NOW });
      const plan = sheet(plans2, "抽查复核");
      expect(plan.rows[3].map((c) => c.v)).toEqual(["公共文化场馆免费开放", "区文旅局", 98, 58, -40, null, "差", "抽评为差、无自评"]);
      expect(text(sheet(plans2, "评价报告"))).toContain("抽评结果为差的项目 1 个：公共文化场馆免费开放。");
    });
  });

  describe("评价报告", () => {
    const n = sheet(plans, "评价报告");
    const paragraphs = n.rows.map((r) => String(r[0].v));
    const all = paragraphs.join("\n");

    test("paragraphs merged across the page, wrapped, with room for their lines", () => {
      expect(n.widths.length).toBe(8);
      const para = n.rows.findIndex((r) => String(r[0].v).includes("本次共检查工作簿"));
      expect(n.merges).toContainEqual({ top: para, left: 0, bottom: para, right: 7 });
      expect(n.rows[para][0].wrap).toBe(true);
      expect(n.rowHeights?.[para]).toBeGreaterThan(20);
      expect(paragraphs[0]).toBe("2023年度预算绩效自评及抽查复核情况报告（初稿）");
      expect(n.rows[0][0].style).toBe("title");
    });

    test("sections in the usual order", () => {
      const heads = ["一、基本情况", "二、自评结果", "三、抽查复核情况", "四、发现的主要问题", "五、改进建议"];
      const idx = heads.map((h) => paragraphs.indexOf(h));
      expect(idx.every((i) => i > 0)).toBe(true);
      expect([...idx].sort((a, b) => a - b)).toEqual(idx);
      for (const i of idx) expect(n.rows[i][0].style).toBe("subtitle");
    });

    test("一、基本情况 and 二、自评结果 carry the run's figures", () => {
      expect(all).toContain("本次共检查工作簿 1 个，识别项目支出绩效自评表 3 张、部门整体支出绩效自评表 1 张、绩效目标表 1 张，涉及主管部门 2 个、实施单位 4 个。");
      expect(all).toContain("项目支出绩效自评表所列 3 个项目全年预算数合计 600.00 万元，全年执行数合计 540.00 万元，项目总体预算执行率 90.00%（不含部门整体支出）");
      expect(all).toContain("部门整体支出绩效自评表 1 张（县卫健委部门整体支出）另行统计：部门全年预算数合计 500.00 万元，全年执行数合计 450.00 万元，执行率 90.00%");
      expect(all).toContain(`执行率低于 90% 的项目 1 个（${FORMULA_NAME}（50.00%））`);
      expect(all).toContain("4 个自评表有得分，其中 4 个填报了自评总分（自评得分）；平均得分 80.75 分，最高 95.00 分（义务教育营养餐），最低 55.00 分（@SUM(A1)）");
      expect(all).toContain("按自评等级分：优 1 个（占 25.00%），良 2 个（占 50.00%），中 0 个（占 0.00%），差 1 个（占 25.00%），自评为差的项目：@SUM(A1)");
      expect(all).toContain("填报了自评总分的 4 个项目中，可按评分规则核算的 4 个，其中 1 个自评得分与核算得分不一致，差异最大的是义务教育营养餐（自评 95.00 分，核算 94.50 分）");
    });

    test("三、抽查复核情况: sampled, mean gap, flagged lists", () => {
      expect(all).toContain("共抽查复核 3 个项目，其中 2 个找到对应的自评表，复核平均得分 60.00 分，自评得分与复核得分平均相差 15.00 分");
      expect(all).toContain("另有 1 个复核项目未找到对应的自评表（乡村道路养护）");
      expect(all).toContain("自评与复核结果差异较大的项目 2 个：义务教育营养餐（自评 95.00 分，复核 80.00 分，差异 -15.00 分）、@SUM(A1)（自评 55.00 分，复核 40.00 分，差异 -15.00 分）。");
      expect(all).toContain("评价等级发生变化的项目 1 个：义务教育营养餐（优→良）。");
      expect(all).toContain("抽评结果为差的项目 1 个：@SUM(A1)。");
    });

    test("四、发现的主要问题: grouped by rule, errors first, with counts and examples", () => {
      expect(all).toContain("共发现问题 8 条，其中错误 4 条、警告 4 条，另有提示 1 条，涉及 3 个项目");
      const groups = paragraphs.slice(paragraphs.indexOf("四、发现的主要问题") + 2, paragraphs.indexOf("表3 发现的问题（按问题类型）"));
      expect(groups.map((g) => /（([^（），]+)，([a-z-]+\/[a-z-]+)）/.exec(g)?.slice(1, 3).join(" "))).toEqual([
        "错误 category/missing-output",
        "错误 spotcheck/no-self-assessment",
        "错误 spotcheck/poor",
        "错误 target/missing",
        "警告 spotcheck/gap",
        "警告 budget/low-execution",
        "警告 spotcheck/grade-changed",
        "提示 template/unrecognized",
      ]);
      expect(groups[0]).toMatch(/^\u3000\u3000（一）缺少产出指标/);
      expect(groups[7]).toBe("\u3000\u3000（八）未识别的工作表（提示，template/unrecognized）：1 条。例如：说明：工作表“说明”不是可识别的表样，已跳过。");
      const gap = groups.find((g) => g.includes("spotcheck/gap"))!;
      expect(gap).toContain("自评与复核差异较大（警告，spotcheck/gap）：2 条，涉及 2 个项目。例如：义务教育营养餐：自评 95 分，复核 80 分，相差 15 分；@SUM(A1)：自评 55 分，复核 40 分，相差 15 分。");
    });

    test("五、改进建议: per grade, 差 → budget cut of at least 10%", () => {
      const five = paragraphs.slice(paragraphs.indexOf("五、改进建议") + 1).join("\n");
      expect(five).toContain("对最终评价等级为良的 3 个项目（义务教育营养餐、=HYPERLINK(\"http://x\",\"y\")、县卫健委部门整体支出，其中经抽查复核调整等级的：义务教育营养餐（优→良）），以后年度预算据实保障");
      expect(five).not.toContain("最终评价等级为优");
      expect(five).toContain("对最终评价等级为差的 1 个项目（@SUM(A1)），予以通报批评并督促限期整改，按不低于 10% 的比例压减下年度预算安排规模");
      expect(five).not.toContain("评价等级为中的");
      expect(five).toContain("完善绩效目标设置：2 条问题");
      expect(five).toContain("对存在错误级问题的 2 个项目，请退回实施单位修改后重新报送。");
    });

    test("the low-execution line follows the profile's threshold, as budget/low-execution does", () => {
      const slow = project({ name: "乡村公路养护", selfScore: 86, budget: { adjusted: 100, executed: 85 } });
      const national = text(sheet(planSheets(makeReport({ projects: [slow] }), { lang: "zh", now: NOW }), "评价报告"));
      expect(national).toContain("执行率低于 90% 的项目 1 个（乡村公路养护（85.00%））");
      const lenient = { ...makeReport({ projects: [slow] }), thresholds: { lowExecutionRate: 0.8 } };
      const county = text(sheet(planSheets(lenient, { lang: "zh", now: NOW }), "评价报告"));
      expect(county).toContain("执行率低于 80% 的项目 0 个");
      expect(county).not.toContain("乡村公路养护（85.00%）");
    });

    test("without 差 or review data the report says so", () => {
      const r = makeReport({ projects: [project({ name: "甲", selfScore: 72 })] });
      const t = text(sheet(planSheets(r, { lang: "zh", now: NOW }), "评价报告"));
      expect(t).toContain("预算绩效自评情况报告（初稿）");
      expect(t).toContain("本次检查未包含抽查复核数据。");
      expect(t).toContain("对最终评价等级为中的 1 个项目（甲）");
      expect(t).toContain("本次无最终评价等级为差的项目。");
      expect(t).toContain("本次检查未发现问题。");
    });
  });

  test("formula-looking text stays a plain string in the plan", () => {
    const strings = plans.flatMap((s) => s.rows.flat()).filter((c) => typeof c.v === "string").map((c) => c.v as string);
    expect(strings).toContain(FORMULA_NAME);
    expect(strings).toContain(PLUS_NAME);
    expect(strings).toContain(AT_NAME);
    expect(strings).toContain("-2");
    expect(isFormulaLike(FORMULA_NAME) && isFormulaLike(PLUS_NAME) && isFormulaLike(AT_NAME) && isFormulaLike("-2")).toBe(true);
    expect(isFormulaLike("义务教育营养餐")).toBe(false);
  });
});

describe("planSheets in English", () => {
  const { report } = demoReport({ lang: "en" });
  const plans = planSheets(report, { lang: "en", now: NOW });

  test("sheet names stay Chinese; headers, labels and report text are English", () => {
    expect(plans.map((s) => s.name)).toEqual([...OUTPUT_SHEETS]);
    const o = plans[0];
    expect(values(o, o.freezeRows - 1)).toEqual([
      "No.", "Department", "Implementing unit", "Project", "Annual budget", "Executed", "Execution rate", "Self score",
      "Computed score", "Grade", "Review score", "Gap", "Review grade", "Errors", "Warnings", "Sheet", "Quality",
    ]);
    expect(o.rows[o.freezeRows + 4][9].v).toBe("Goal table");
    expect(plans[1].rows[3][1].v).toBe("Error");
    expect(plans[2].rows[3][7].v).toBe("Large gap; Grade changed");
    const report_ = text(plans[3]);
    expect(report_).toContain("1. Overview");
    expect(report_).toContain("annual budget of 600.00 (10k CNY), of which 540.00 was executed: a project execution rate of 90.00%");
    expect(report_).toContain("1 workbook was checked");
    expect(report_).toContain("cut next year's budget by at least 10%");
    expect(report_).not.toMatch(/[一二三四五]、/);
  });
});

describe("output mark and names", () => {
  test("every planned sheet carries the product's mark in A2, in both languages", () => {
    for (const lang of ["zh", "en"] as const) {
      const { report } = demoReport({ lang });
      for (const plan of planSheets(report, { lang, now: NOW })) expect(hasOutputMark(plan.rows[1][0].v)).toBe(true);
      for (const plan of planSheets(makeReport(), { lang, now: NOW })) expect(hasOutputMark(plan.rows[1][0].v)).toBe(true);
    }
    expect(hasOutputMark("项目名称")).toBe(false);
    expect(hasOutputMark(12)).toBe(false);
    // A user's A2 that merely mentions the product is the user's: the mark is a whole line the product writes.
    expect(hasOutputMark("参照预算绩效评价助手格式整理")).toBe(false);
    expect(hasOutputMark("本表由预算绩效评价助手生成于 2024 年")).toBe(false);
    expect(hasOutputMark("Budget Performance Review")).toBe(false);
  });

  test("output names and their alternatives", () => {
    for (const n of OUTPUT_SHEETS) expect(isOutputName(n)).toBe(true);
    expect(isOutputName("抽查复核（评价助手）")).toBe(true);
    expect(isOutputName("抽查复核（评价助手3）")).toBe(true);
    expect(isOutputName("抽查复核表")).toBe(false);
    expect(isOutputName("评价汇总 (2)")).toBe(false);
    const taken = new Set(["抽查复核", "抽查复核（评价助手）"]);
    expect(outputSheetName("评价汇总", (n) => taken.has(n))).toBe("评价汇总");
    expect(outputSheetName("抽查复核", (n) => taken.has(n))).toBe("抽查复核（评价助手2）");
  });
});

describe("several files", () => {
  test("locations name the file and the sheet as they are on disk, also for a combined copy", () => {
    const a = project({ name: "甲", file: "a.xlsx", sheet: "自评表" });
    const b = project({ name: "乙", file: "dir/b.xlsx", sheet: "b-自评表" });
    const plans = planSheets(makeReport({ projects: [a, b] }), { lang: "zh", now: NOW });
    const o = plans[0];
    // The label names the file and the sheet as they are on disk, not the combined copy's "b-自评表".
    expect(o.rows.slice(o.freezeRows).map((r) => r[15].v)).toEqual(["[a.xlsx]自评表", "[b.xlsx]自评表"]);
    expect(o.rows[o.freezeRows + 1][15].link?.sheet).toBe("b-自评表");
    expect(o.rows[o.freezeRows][15].link).toEqual({ sheet: "自评表", cell: "A1", file: "a.xlsx" });
  });
});
