/** 部门整体 self-assessment (SPEC §2.2) and 88号 goal tables with 中期/年度 blocks (SPEC §2.3), field by field. */
import type { Project } from "../../../src/engine/model";
import {
  buildDepartmentSheet,
  buildGoalSheet,
  type BuiltGoal,
  DEPARTMENT_SAMPLE,
  GOAL_SAMPLE,
  indicator,
  num,
  qual,
  readSheets,
  sheet,
} from "../../helpers/workbooks";

describe("部门整体支出绩效自评表", () => {
  let p: Project;
  beforeAll(async () => {
    const reading = await readSheets([sheet("部门整体自评", (ws) => buildDepartmentSheet(ws, DEPARTMENT_SAMPLE))], "部门.xlsx");
    expect(reading.sheets.map((s) => [s.kind, s.projects])).toEqual([["department-self-assessment", 1]]);
    p = reading.projects[0];
  });

  test("the department names the project; [301] code split off; 自评总分 from the header row", () => {
    expect(p.id).toBe("部门.xlsx!部门整体自评!1");
    expect([p.name, p.code, p.department, p.departmentCode, p.unit, p.template, p.year]).toEqual([
      "某区卫生健康委员会",
      null,
      "某区卫生健康委员会",
      "301",
      null,
      "department-self-assessment",
      2023,
    ]);
    expect(p.location).toEqual({ file: "部门.xlsx", sheet: "部门整体自评", cell: "A1" });
    expect(p.fieldCells).toEqual({ name: null, department: "B2", unit: null });
    expect([p.statedTotal, p.statedTotalCell, p.statedTotalWeight, p.hasScoreColumns]).toEqual([97.63, "H2", null, true]);
    expect(p.declaredWeights).toEqual([]);
    expect(p.goal).toEqual({
      target: "完成基本公共卫生服务项目，65岁以上老年人健康管理率不低于70%。",
      actual: "健康管理率72.4%，家庭医生签约率达标。",
      midterm: null,
    });
  });

  test("budget: unlabelled values row under the header, percent-formatted rate formula", () => {
    expect(p.budget).toEqual({
      initial: 5620,
      adjusted: 6105,
      executed: 5714.3,
      rate: null,
      statedRate: 5714.3 / 6105,
      weight: 10,
      statedWeight: 10,
      score: 9.36,
      computedScore: null,
      reason: null,
      fromSubRows: false,
      lines: [],
      cells: { total: "B5", initial: "B5", adjusted: "C5", executed: "D5", rate: "E5", weight: "F5", score: "G5", reason: null },
    });
  });

  test("indicators: no categories, \"0.00%\" fractions, 得分系数, 调整指标值 over 年初指标值, 是否核心指标", () => {
    const cells = (r: number, target = "D") => ({ name: `A${r}`, target: `${target}${r}`, actual: `F${r}`, weight: `H${r}`, score: `I${r}`, reason: null, reviewScore: null });
    const q = { nature: "quantitative" as const };
    expect(p.indicators).toEqual([
      indicator({ ...q, name: "65岁以上老年人健康管理率", target: num("≥70%", 70, "%", ">="), actual: num("72.4%", 72.4, "%"), weight: 15, score: 15, coefficient: 1, core: true, cells: cells(9) }),
      indicator({ ...q, name: "家庭医生签约服务覆盖率", target: num("≥45%", 45, "%", ">="), actual: num("43%", 43, "%"), weight: 15, score: 14.33, coefficient: 0.9556, core: true, cells: cells(10) }),
      // 调整指标值 "≥92%" replaces 年初指标值; a bare 100 in 得分系数（%） is 100 %.
      indicator({ ...q, name: "孕产妇系统管理率", target: num("≥92%", 92, "%", ">="), actual: num("95%", 95, "%"), weight: 10, score: 10, coefficient: 1, core: true, cells: cells(11, "E") }),
      indicator({ ...q, name: "三公经费控制率", target: num("≤100%", 100, "%", "<="), actual: num("87%", 87, "%"), weight: 5, score: 5, coefficient: 1, core: false, direction: "lower", cells: cells(12) }),
      indicator({ name: "管理制度健全性", target: qual("健全"), actual: qual("健全"), weight: 5, score: 5, coefficient: 1, core: false, nature: "qualitative", direction: "qualitative", cells: cells(13) }),
      indicator({ ...q, name: "群众就医满意度", target: num("≥85%", 85, "%", ">="), actual: num("79%", 79, "%"), weight: 15, score: 13.94, coefficient: 0.9294, core: true, cells: cells(14) }),
    ]);
  });
});

describe("88号 goal table", () => {
  const read = async (blocks: "stacked" | "side-by-side") => {
    let built!: BuiltGoal;
    const reading = await readSheets([sheet("绩效目标申报表", (ws) => (built = buildGoalSheet(ws, GOAL_SAMPLE, { blocks })))], "目标.xlsx");
    expect(reading.sheets.map((s) => [s.kind, s.projects])).toEqual([["goal", 1]]);
    return { p: reading.projects[0], built };
  };

  const commonHeader = (p: Project) => {
    expect([p.name, p.code, p.department, p.departmentCode, p.unit, p.template, p.year]).toEqual([
      "中小学校舍安全维修改造",
      null,
      "县教育和体育局",
      "201",
      "县教育和体育局",
      "goal",
      2024,
    ]);
    expect(p.goal).toEqual({
      target: "目标1：完成12所学校校舍维修改造。",
      actual: null,
      midterm: "目标1：三年内完成全县36所中小学C级校舍加固改造。\n目标2：消除校舍安全隐患。",
    });
    expect(p.midtermFunds).toBe(2400);
    expect([p.statedTotal, p.hasScoreColumns, p.declaredWeights]).toEqual([null, false, []]);
  };

  const expectBlocks = (p: Project, built: BuiltGoal) => {
    const targets = p.indicators.map((i) => [i.block, i.level1, i.level2, i.name, i.target.raw, i.actual, i.weight]);
    expect(targets).toEqual([
      ["midterm", "output", "quantity", "改造学校数", "≥36所", null, null],
      ["midterm", "output", "quality", "验收合格率", "100%", null, null],
      ["midterm", "effect", "social", "C级校舍存量", "=0栋", null, null],
      ["midterm", "satisfaction", "satisfaction", "师生及家长满意度", "≥90%", null, null],
      ["annual", "output", "quantity", "改造学校数", "≥12所", null, null],
      ["annual", "output", "quality", "验收合格率", "100%", null, null],
      ["annual", "effect", "social", "消除安全隐患校舍数", "≥20栋", null, null],
      ["annual", "satisfaction", "satisfaction", "师生及家长满意度", "≥90%", null, null],
    ]);
    expect(p.indicators.map((i) => [i.cells.name, i.cells.target])).toEqual([...built.midterm, ...built.annual].map((c) => [c.name, c.target]));
    expect(p.indicators[2]).toMatchObject({ target: num("=0栋", 0, "栋", "="), direction: "equal" });
  };

  test("stacked blocks under 中期绩效指标 / 年度绩效指标 marker rows", async () => {
    const { p, built } = await read("stacked");
    commonHeader(p);
    expect(p.fieldCells).toEqual({ name: "B3", department: "B4", unit: "E4" });
    expect(p.budget).toEqual({
      initial: null,
      adjusted: 800,
      executed: null,
      rate: null,
      statedRate: null,
      weight: null,
      statedWeight: null,
      score: null,
      computedScore: null,
      reason: null,
      fromSubRows: false,
      lines: [
        { label: "其中：财政拨款", initial: null, adjusted: 750, executed: null, cell: "E7" },
        { label: "其他资金", initial: null, adjusted: 50, executed: null, cell: "E8" },
      ],
      cells: { total: "F6", initial: null, adjusted: "F6", executed: null, rate: null, weight: null, score: null, reason: null },
    });
    expectBlocks(p, built);
    expect(built.annualFundsCell).toBe("F6");
    expect(p.indicators[7]).toEqual(
      indicator({
        level1: "satisfaction",
        level1Label: "满意度指标",
        level2: "satisfaction",
        level2Label: "服务对象满意度指标",
        name: "师生及家长满意度",
        target: num("≥90%", 90, "%", ">="),
        block: "annual",
        cells: { name: "D21", target: "E21", actual: null, weight: null, score: null, reason: null, reviewScore: null },
      }),
    );
  });

  test("side-by-side blocks (88号 original): left columns 中期, right columns 年度, one shared 一级 column", async () => {
    const { p, built } = await read("side-by-side");
    commonHeader(p);
    expect(p.fieldCells).toEqual({ name: "B3", department: "B4", unit: "F4" });
    expect(p.budget?.adjusted).toBe(800);
    expect(p.budget?.cells.adjusted).toBe("G6");
    expect(p.budget?.lines.map((l) => [l.label, l.adjusted, l.cell])).toEqual([
      ["其中：财政拨款", 750, "F7"],
      ["其他资金", 50, "F8"],
    ]);
    expectBlocks(p, built);
    expect(p.indicators[4].cells).toEqual({ name: "G12", target: "H12", actual: null, weight: null, score: null, reason: null, reviewScore: null });
  });
});
