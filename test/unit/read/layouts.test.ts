/**
 * Self-assessment layout variants of SPEC §2.1, each read field by field: 分值 first (四川中江), 四川 2023 split
 * columns, no score columns (湖南), a two-row header with 一级 subtotal rows, per-indicator review columns.
 */
import type { Project } from "../../../src/engine/model";
import {
  buildNationalWithReviewSheet,
  buildNoScoreSheet,
  buildSichuanSheet,
  buildTwoRowHeaderSheet,
  buildWeightsFirstSheet,
  date,
  empty,
  indicator,
  NO_SCORE_SAMPLE,
  num,
  qual,
  readSheets,
  REVIEWED_SAMPLE,
  rowCells,
  sheet,
  SICHUAN_SAMPLE,
  TWO_ROW_SAMPLE,
  WEIGHTS_FIRST_SAMPLE,
} from "../../helpers/workbooks";

async function readOne(build: Parameters<typeof sheet>[1], name = "自评表"): Promise<Project> {
  const reading = await readSheets([sheet(name, build)], `${name}.xlsx`);
  expect(reading.sheets.map((s) => [s.kind, s.projects])).toEqual([["self-assessment", 1]]);
  return reading.projects[0];
}

describe("分值 before the values, \"(50分)\" in the 一级 labels (四川中江)", () => {
  let p: Project;
  beforeAll(async () => {
    p = await readOne((ws) => buildWeightsFirstSheet(ws, WEIGHTS_FIRST_SAMPLE));
  });

  test("header: year inside the title, 项目负责人及电话 row ignored", () => {
    expect([p.name, p.code, p.department, p.departmentCode, p.unit, p.year]).toEqual([
      "某镇高标准农田灌溉渠系配套",
      null,
      "某县农业农村局",
      null,
      "某镇人民政府",
      2023,
    ]);
    expect(p.fieldCells).toEqual({ name: "B2", department: "B3", unit: "F3" });
    expect(p.location.cell).toBe("A1");
  });

  test("budget without 年初预算数: (A)/(B) suffixes stripped, rate 1", () => {
    expect(p.budget).toEqual({
      initial: null,
      adjusted: 86,
      executed: 86,
      rate: null,
      statedRate: 1,
      weight: 10,
      statedWeight: 10,
      score: 10,
      computedScore: null,
      reason: null,
      fromSubRows: false,
      lines: [
        { label: "其中：本年财政拨款", initial: null, adjusted: 86, executed: 86, cell: "A7" },
        { label: "其他资金", initial: null, adjusted: 0, executed: 0, cell: "A8" },
      ],
      cells: { total: "C6", initial: null, adjusted: "C6", executed: "D6", rate: "F6", weight: "E6", score: "G6", reason: "H6" },
    });
    expect(p.goal).toEqual({ target: "新建灌溉渠系3.2公里，改善灌溉面积1500亩。", actual: "建成渠系3.2公里，改善灌溉面积1520亩。", midterm: null });
  });

  test("declared weights from full-width, line-broken and plain brackets", () => {
    expect(p.declaredWeights).toEqual([
      { level1: "output", label: "产出指标（50分）", weight: 50, cell: "A12" },
      { level1: "effect", label: "效益指标(30分)", weight: 30, cell: "A16" },
      { level1: "satisfaction", label: "满意度指标(10分)", weight: 10, cell: "A19" },
    ]);
    expect([p.statedTotal, p.statedTotalCell, p.statedTotalWeight, p.hasScoreColumns]).toEqual([100, "G20", 100, true]);
  });

  test("indicators: weight column left of the values", () => {
    const cols = { name: "C", target: "E", actual: "F", weight: "D", score: "G", reason: "H" } as const;
    const out = { level1: "output" as const, level1Label: "产出指标（50分）" };
    const eff = { level1: "effect" as const, level1Label: "效益指标(30分)" };
    expect(p.indicators).toEqual([
      indicator({ ...out, level2: "quantity", level2Label: "数量指标", name: "新建灌溉渠系长度", target: num("≥3.2公里", 3.2, "公里", ">="), actual: num("3.2公里", 3.2, "公里"), weight: 15, score: 15, cells: rowCells(12, cols) }),
      indicator({ ...out, level2: "quality", level2Label: "质量指标", name: "工程验收合格率", target: num("100%", 100, "%"), actual: num("100%", 100, "%"), weight: 15, score: 15, cells: rowCells(13, cols) }),
      indicator({ ...out, level2: "timeliness", level2Label: "时效指标", name: "工程完工时间", target: qual("2023年10月底前"), actual: qual("2023-10-25"), weight: 10, score: 10, direction: "qualitative", cells: rowCells(14, cols) }),
      indicator({ ...out, level2: "cost", level2Label: "成本指标", name: "每公里建设成本", target: num("≤27万元", 27, "万元", "<="), actual: num("26.9万元", 26.9, "万元"), weight: 10, score: 10, direction: "lower", cells: rowCells(15, cols) }),
      indicator({ ...eff, level2: "economic", level2Label: "经济效益指标", name: "受益农户亩均增收", target: num("150元以上", 150, "元", ">="), actual: num("165元", 165, "元"), weight: 10, score: 10, cells: rowCells(16, cols) }),
      indicator({ ...eff, level2: "social", level2Label: "社会效益指标", name: "受益脱贫人口数", target: num("≥300人", 300, "人", ">="), actual: num("312人", 312, "人"), weight: 10, score: 10, cells: rowCells(17, cols) }),
      indicator({ ...eff, level2: "sustainability", level2Label: "可持续影响指标", name: "工程设计使用年限", target: num("≥15年", 15, "年", ">="), actual: num("15年", 15, "年"), weight: 10, score: 10, cells: rowCells(18, cols) }),
      indicator({ level1: "satisfaction", level1Label: "满意度指标(10分)", level2: "satisfaction", level2Label: "服务对象满意度指标", name: "受益群众满意度", target: num("≥90%", 90, "%", ">="), actual: num("95%", 95, "%"), weight: 10, score: 10, cells: rowCells(19, cols) }),
    ]);
  });
});

describe("四川 2023: 指标性质 / 指标值 / 度量单位 in their own columns", () => {
  let p: Project;
  beforeAll(async () => {
    p = await readOne((ws) => buildSichuanSheet(ws, SICHUAN_SAMPLE), "项目自评");
  });

  test("code-prefixed 项目名称 → code + name; 实施单位（盖章）", () => {
    expect([p.name, p.code, p.department, p.departmentCode, p.unit, p.year]).toEqual([
      "工资性支出",
      "51000021R000000019951",
      "某县财政局",
      null,
      "某县财政局机关",
      2023,
    ]);
    expect(p.fieldCells).toEqual({ name: "B3", department: "B4", unit: "G4" });
  });

  test("budget block with 原因, thousands separators, a rate formula shown as percent", () => {
    expect(p.budget).toEqual({
      initial: 1586.4,
      adjusted: 1620,
      executed: 1598.76,
      rate: null,
      statedRate: 1598.76 / 1620,
      weight: 10,
      statedWeight: 10,
      score: 9.87,
      computedScore: null,
      reason: "年末绩效奖金跨年发放",
      fromSubRows: false,
      lines: [
        { label: "其中：财政资金", initial: 1586.4, adjusted: 1620, executed: 1598.76, cell: "B7" },
        { label: "财政专户管理资金", initial: 0, adjusted: 0, executed: 0, cell: "B8" },
        { label: "单位资金", initial: 0, adjusted: 0, executed: 0, cell: "B9" },
        { label: "其他资金", initial: 0, adjusted: 0, executed: 0, cell: "B10" },
      ],
      cells: { total: "E6", initial: "E6", adjusted: "F6", executed: "G6", rate: "H6", weight: "I6", score: "J6", reason: "K6" },
    });
  });

  test("closing rows, 合计 row, goal texts", () => {
    expect([p.conclusion, p.problems, p.measures]).toEqual(["项目自评得分99.87分，等级为优。", "年末绩效奖金跨年发放。", "加快年末资金支付进度。"]);
    expect([p.statedTotal, p.statedTotalCell, p.statedTotalWeight]).toEqual([99.87, "J21", 100]);
    expect(p.goal).toEqual({ target: "保障126名在职人员工资按时足额发放。", actual: "按月足额发放126名在职人员工资。", midterm: null });
    // The margin label "绩效指标(90分)" declares one pool for every indicator.
    expect(p.declaredWeights).toEqual([{ level1: null, label: "绩效指标(90分)", weight: 90, cell: "A13" }]);
  });

  test("operator, number and unit joined; ＞＝ and >= are ≥; 百分比 is %; 定性 marks a qualitative row", () => {
    const cols = { name: "D", target: "F", actual: "H", weight: "I", score: "J", reason: "K" } as const;
    const out = { level1: "output" as const, level1Label: "产出指标" };
    const eff = { level1: "effect" as const, level1Label: "效益指标" };
    expect(p.indicators).toEqual([
      indicator({ ...out, level2: "quantity", level2Label: "数量指标", name: "保障在职人数", target: num("≥126人", 126, "人", ">="), actual: num("126人", 126, "人"), weight: 20, score: 20, cells: rowCells(14, cols) }),
      indicator({ ...out, level2: "quality", level2Label: "质量指标", name: "工资发放准确率", target: num("=100%", 100, "%", "="), actual: num("100%", 100, "%"), weight: 15, score: 15, direction: "equal", cells: rowCells(15, cols) }),
      indicator({ ...out, level2: "timeliness", level2Label: "时效指标", name: "工资按月发放及时率", target: num("≥100百分比", 100, "%", ">="), actual: num("100百分比", 100, "%"), weight: 10, score: 10, cells: rowCells(16, cols) }),
      indicator({ ...out, level2: "cost", level2Label: "成本指标", name: "人均工资性支出", target: num("≤9.8万元", 9.8, "万元", "<="), actual: num("9.75万元", 9.75, "万元"), weight: 10, score: 10, direction: "lower", cells: rowCells(17, cols) }),
      indicator({ ...eff, level2: "social", level2Label: "社会效益指标", name: "保障单位正常运转", target: qual("有效保障"), actual: qual("有效保障"), weight: 10, score: 10, direction: "qualitative", nature: "qualitative", cells: rowCells(18, cols) }),
      // A percent-formatted 0.97 with "%" in the unit column.
      indicator({ ...eff, level2: "sustainability", level2Label: "可持续影响指标", name: "人员队伍稳定性", target: num("≥95%", 95, "%", ">="), actual: num("97%", 97, "%"), weight: 15, score: 15, cells: rowCells(19, cols) }),
      indicator({ level1: "satisfaction", level1Label: "满意度指标", level2: "satisfaction", level2Label: "服务对象满意度指标", name: "在职职工满意度", target: num("≥90%", 90, "%", ">="), actual: num("92%", 92, "%"), weight: 10, score: 10, cells: rowCells(20, cols) }),
    ]);
  });
});

describe("no score columns (湖南): 专项资金名称, 县级主管部门", () => {
  let p: Project;
  beforeAll(async () => {
    p = await readOne((ws) => buildNoScoreSheet(ws, NO_SCORE_SAMPLE), "专项资金自评");
  });

  test("header and budget (执行率 only)", () => {
    expect([p.name, p.department, p.departmentCode, p.unit, p.year, p.hasScoreColumns]).toEqual([
      "农村客运班线运营补贴",
      "某县交通运输局",
      "219",
      "县道路运输服务中心",
      2023,
      false,
    ]);
    expect(p.fieldCells).toEqual({ name: "B3", department: "B4", unit: "E4" });
    expect(p.budget).toEqual({
      initial: null,
      adjusted: 120,
      executed: 118.8,
      rate: null,
      statedRate: 0.99,
      weight: null,
      statedWeight: null,
      score: null,
      computedScore: null,
      reason: null,
      fromSubRows: false,
      lines: [],
      cells: { total: "E6", initial: null, adjusted: "E6", executed: "F6", rate: "G6", weight: null, score: null, reason: null },
    });
    expect([p.statedTotal, p.statedTotalCell, p.statedTotalWeight]).toEqual([null, null, null]);
    expect(p.goal).toEqual({ target: "保障42条农村客运班线正常运营。", actual: "42条班线全年正常运营。", midterm: null });
  });

  test("二级 written once without merges is inherited by the rows below", () => {
    const cols = { name: "D", target: "E", actual: "F", reason: "G" } as const;
    expect(p.indicators.map((i) => [i.level1, i.level2, i.name, i.weight, i.score, i.weightSource])).toEqual([
      ["output", "quantity", "补贴班线数量", null, null, null],
      ["output", "quality", "班线正常运营率", null, null, null],
      ["output", "timeliness", "补贴拨付时间", null, null, null],
      ["output", "cost", "单条班线年补贴", null, null, null],
      ["effect", "social", "农村居民出行便利程度", null, null, null],
      ["effect", "social", "班线覆盖行政村数", null, null, null],
      ["effect", "sustainability", "班线运营稳定性", null, null, null],
      ["satisfaction", "satisfaction", "乘客满意度", null, null, null],
    ]);
    expect(p.indicators[0]).toEqual(
      indicator({ level1: "output", level1Label: "产出指标", level2: "quantity", level2Label: "数量指标", name: "补贴班线数量", target: num("42条", 42, "条"), actual: num("42条", 42, "条"), cells: rowCells(10, cols) }),
    );
    expect(p.indicators[2].actual).toEqual(qual("2024-03-15"));
    expect(p.indicators[7]).toEqual(
      indicator({
        level1: "satisfaction",
        level1Label: "满意度指标",
        level2: "satisfaction",
        level2Label: "服务对象满意度指标",
        name: "乘客满意度",
        target: num("≥90%", 90, "%", ">="),
        actual: num("88%", 88, "%"),
        reason: "部分车辆老旧，已纳入更新计划",
        cells: rowCells(17, cols),
      }),
    );
  });
});

describe("two-row headers and 一级 subtotal rows", () => {
  let p: Project;
  beforeAll(async () => {
    p = await readOne((ws) => buildTwoRowHeaderSheet(ws, TWO_ROW_SAMPLE));
  });

  test("budget labels split as \"全年\" / \"预算数\" over two header rows", () => {
    expect(p.budget).toEqual({
      initial: 300,
      adjusted: 300,
      executed: 285,
      rate: null,
      statedRate: 0.95,
      weight: 10,
      statedWeight: 10,
      score: 9.5,
      computedScore: null,
      reason: null,
      fromSubRows: false,
      lines: [],
      cells: { total: "D7", initial: "D7", adjusted: "E7", executed: "F7", rate: "H7", weight: "G7", score: "I7", reason: null },
    });
  });

  test("\"年度\"/\"指标值\" split over rows and 自评情况 over 分值/得分 map to their roles", () => {
    const cols = { name: "D", target: "E", actual: "F", weight: "G", score: "H", reason: "I" } as const;
    expect(p.indicators[0].cells).toEqual(rowCells(13, cols));
    expect(p.hasScoreColumns).toBe(true);
    expect([p.statedTotal, p.statedTotalCell, p.statedTotalWeight]).toEqual([96.5, "H20", 100]);
    expect(p.goal.target).toBe("维护城区路灯1.2万盏，亮灯率98%以上。");
  });

  test("a 一级 row with only a weight is a subtotal: a declared weight, not an indicator", () => {
    expect(p.indicators.map((i) => [i.level1, i.level2, i.name, i.weight, i.score, i.cell])).toEqual([
      ["output", "quantity", "维护路灯数量", 20, 20, "D13"],
      ["output", "quality", "亮灯率", 20, 20, "D14"],
      ["output", "cost", "单灯年维护成本", 10, 8, "D15"],
      ["effect", "social", "夜间交通事故发生率", 30, 30, "D17"],
      ["satisfaction", "satisfaction", "市民满意度", 10, 9, "D19"],
    ]);
    expect(p.declaredWeights).toEqual([
      { level1: "output", label: "产出指标", weight: 50, cell: "G12" },
      { level1: "effect", label: "效益指标", weight: 30, cell: "G16" },
      { level1: "satisfaction", label: "满意度指标", weight: 10, cell: "G18" },
    ]);
    expect(p.indicators[3].direction).toBe("lower");
  });
});

describe("per-indicator review columns on a self-assessment sheet", () => {
  let p: Project;
  beforeAll(async () => {
    p = await readOne((ws) => buildNationalWithReviewSheet(ws, REVIEWED_SAMPLE), "抽评");
  });

  test("抽评核实完成值 / 抽评得分 / 复核意见 → Indicator.review; untouched rows → null", () => {
    expect(p.indicators.map((i) => i.review)).toEqual([
      { actual: num("280天", 280, "天"), score: 28, note: "闭馆维修26天", cell: "K10" },
      { actual: num("18场", 18, "场"), score: 15, note: null, cell: "K11" },
      { actual: empty(), score: 30, note: null, cell: "K12" },
      null,
    ]);
    expect(p.indicators.map((i) => i.cells.reviewScore)).toEqual(["K10", "K11", "K12", "K13"]);
    // The self-assessment itself reads as usual.
    expect(p.indicators.map((i) => [i.name, i.actual?.value, i.weight, i.score])).toEqual([
      ["开放天数", 306, 30, 30],
      ["讲座场次", 24, 20, 20],
      ["年接待人次", 5.2, 30, 30],
      ["群众满意度", 95, 10, 10],
    ]);
    expect(p.template).toBe("self-assessment");
  });
});

test("date helper writes a midnight-UTC Date (what exceljs reads back)", () => {
  expect(date(2023, 10, 25).toISOString()).toBe("2023-10-25T00:00:00.000Z");
});
