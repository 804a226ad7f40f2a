/**
 * 财预〔2020〕10号 national self-assessment (SPEC §2.1), written the way real forms are filled in: the form at
 * B4 under "附件2" and a 填报单位 line, merged labels with line breaks, rich text, formulas with cached results,
 * full-width digits, "—" and "/" for nothing, a #DIV/0! rate, a Date actual, stub rows.
 */
import type { Project } from "../../../src/engine/model";
import {
  buildNationalSheet,
  type BuiltForm,
  empty,
  indicator,
  NATIONAL_DRAFT,
  NATIONAL_SAMPLE,
  num,
  qual,
  readSheets,
  rowCells,
  sheet,
  stub,
} from "../../helpers/workbooks";

const FILE = "2023年度项目支出绩效自评.xlsx";
const COLS = { name: "E", target: "F", actual: "G", weight: "H", score: "I", reason: "J" } as const;

let project: Project;
let built: BuiltForm;

beforeAll(async () => {
  const reading = await readSheets(
    [sheet("社区养老", (ws) => (built = buildNationalSheet(ws, NATIONAL_SAMPLE, { origin: { row: 1, col: 2 }, preambleCol: 1 })))],
    FILE,
  );
  expect(reading.sheets).toEqual([{ file: FILE, sheet: "社区养老", kind: "self-assessment", projects: 1 }]);
  expect(reading.reviews).toEqual([]);
  project = reading.projects[0];
});

describe("national layout, form at B4 under a preamble", () => {
  test("header fields: rich-text name, department code split off, unit, year from the title block", () => {
    expect(project.id).toBe(`${FILE}!社区养老!1`);
    expect(project.name).toBe("社区居家养老服务补贴项目");
    expect(project.code).toBeNull();
    expect(project.department).toBe("区民政局");
    expect(project.departmentCode).toBe("305");
    expect(project.unit).toBe("区养老服务中心");
    expect(project.template).toBe("self-assessment");
    // "填报日期：2024年3月20日" in the preamble is not the form's year.
    expect(project.year).toBe(2023);
    // The title, not the "附件2" preamble line.
    expect(project.location).toEqual({ file: FILE, sheet: "社区养老", cell: "B4" });
    expect(project.fieldCells).toEqual({ name: "C6", department: "C7", unit: "G7" });
    expect(built.nameCell).toBe("C6");
  });

  test("budget: total row with formula results, sub-rows with —, / and #DIV/0!", () => {
    expect(project.budget).toEqual({
      initial: 260,
      adjusted: 248,
      executed: 231.6,
      rate: null,
      statedRate: 231.6 / 248,
      weight: 10,
      statedWeight: 10,
      score: 9.34,
      computedScore: null,
      reason: null,
      fromSubRows: false,
      lines: [
        { label: "其中：当年财政拨款", initial: 260, adjusted: 248, executed: 231.6, cell: "C10" },
        { label: "上年结转资金", initial: null, adjusted: 0, executed: 0, cell: "C11" },
        { label: "其他资金", initial: null, adjusted: null, executed: null, cell: "C12" },
      ],
      cells: { total: "E9", initial: "E9", adjusted: "F9", executed: "G9", rate: "I9", weight: "H9", score: "J9", reason: null },
    });
    expect(built.budgetCell(0, "rate")).toBe("I9");
  });

  test("goal texts, stated total from the 总分 row formula, no closing rows", () => {
    expect(project.goal).toEqual({
      target: "为辖区失能、半失能老年人提供居家上门服务不少于1200人，服务满意度不低于90%。",
      actual: "全年为1136名老年人提供上门服务，满意度93%。",
      midterm: null,
    });
    expect(project.midtermFunds).toBeNull();
    expect(project.statedTotal).toBe(94.54);
    expect(project.statedTotalCell).toBe("I26");
    expect(project.statedTotalWeight).toBe(100);
    expect(project.declaredWeights).toEqual([]);
    expect(project.hasScoreColumns).toBe(true);
    expect([project.conclusion, project.problems, project.measures]).toEqual([null, null, null]);
    expect([project.selfScore, project.computedScore, project.grade, project.computedGrade, project.review]).toEqual([null, null, null, null, null]);
  });

  test("every indicator field by field (stub rows dropped, merged 一级/二级 inherited)", () => {
    const output = { level1: "output" as const, level1Label: "产出指标" };
    const effect = { level1: "effect" as const, level1Label: "效益指标" };
    expect(project.indicators).toEqual([
      indicator({
        ...output,
        level2: "quantity",
        level2Label: "数量指标",
        name: "上门服务老年人数",
        target: num("≥１２００人", 1200, "人", ">="),
        actual: num("1,136人", 1136, "人"),
        weight: 15,
        score: 14.2,
        reason: "部分老人入院或去世，服务对象减少；下年度按实际名单测算",
        cells: rowCells(16, COLS),
      }),
      indicator({
        ...output,
        level2: "quantity",
        level2Label: "数量指标",
        name: "服务工单数",
        target: num("≥14000单", 14000, "单", ">="),
        actual: num("14520", 14520),
        weight: 10,
        score: 10,
        cells: rowCells(17, COLS),
      }),
      indicator({
        ...output,
        level2: "quality",
        level2Label: "质量指标",
        name: "服务投诉率",
        target: num("＜＝2％", 2, "%", "<="),
        // 0.011 shown with "0.0%".
        actual: num("1.1%", 1.1, "%"),
        weight: 10,
        score: 10,
        direction: "lower",
        cells: rowCells(18, COLS),
      }),
      indicator({
        ...output,
        level2: "timeliness",
        level2Label: "时效指标",
        name: "补贴发放完成时间",
        target: qual("2023年12月底前"),
        // A Date cell arrives as ISO text.
        actual: qual("2023-12-26"),
        weight: 10,
        score: 10,
        direction: "qualitative",
        cells: rowCells(19, COLS),
      }),
      indicator({
        ...output,
        level2: "cost",
        level2Label: "成本指标",
        name: "人均补贴标准",
        target: num("≤2000元/人·年", 2000, "元/人·年", "<="),
        actual: num("2000元/人·年", 2000, "元/人·年"),
        weight: 5,
        score: 5,
        direction: "lower",
        cells: rowCells(20, COLS),
      }),
      indicator({
        ...effect,
        level2: "social",
        level2Label: "社会效益指标",
        name: "失能老人生活质量改善情况",
        target: qual("有效改善"),
        actual: qual("部分达成年度指标并具有一定效果"),
        weight: 15,
        score: 11,
        // "—" means no reason.
        reason: null,
        direction: "qualitative",
        cells: rowCells(21, COLS),
      }),
      indicator({
        ...effect,
        level2: "sustainability",
        level2Label: "可持续影响指标",
        name: "居家养老服务网络覆盖率",
        target: num("95%以上", 95, "%", ">="),
        actual: num("96%", 96, "%"),
        weight: 15,
        score: 15,
        cells: rowCells(22, COLS),
      }),
      // Row 23 is "生态效益指标" with no 三级 name and no values: not an indicator.
      indicator({
        level1: "satisfaction",
        level1Label: "满意度指标",
        level2: "satisfaction",
        level2Label: "服务对象满意度指标",
        name: "服务对象满意度",
        target: num("不低于90%", 90, "%", ">="),
        actual: num("93%", 93, "%"),
        weight: 10,
        score: 10,
        cells: rowCells(24, COLS),
      }),
      // Row 25 is an "指标1" stub with nothing filled in.
    ]);
    // The builder's record agrees with the reader's addresses.
    const rowsRead = project.indicators.map((i) => i.cell);
    expect(rowsRead).toEqual([0, 1, 2, 3, 4, 5, 6, 8].map((i) => built.cell(i, "name")));
  });
});

describe("national draft: zero total row, typed-over stubs, placeholders", () => {
  let draft: Project;
  beforeAll(async () => {
    const reading = await readSheets([sheet("饮水", (ws) => buildNationalSheet(ws, NATIONAL_DRAFT))], "draft.xlsx");
    draft = reading.projects[0];
  });

  test("header: name at A1 layout, '219-' department code", () => {
    expect(draft.name).toBe("农村饮水安全工程维修养护");
    expect(draft.department).toBe("某某镇人民政府");
    expect(draft.departmentCode).toBe("219");
    expect(draft.unit).toBe("某某镇农村供水站");
    expect(draft.year).toBe(2023);
    expect(draft.location.cell).toBe("A1");
  });

  test("a total row of zeros with amounts in the sub-rows → the sub-rows' sum, fromSubRows", () => {
    expect(draft.budget).toEqual({
      initial: 180,
      adjusted: 180,
      executed: 162,
      rate: null,
      statedRate: null,
      weight: 10,
      statedWeight: 10,
      score: null,
      computedScore: null,
      reason: null,
      fromSubRows: true,
      lines: [
        { label: "其中：当年财政拨款", initial: 150, adjusted: 150, executed: 135, cell: "B7" },
        { label: "上年结转资金", initial: 30, adjusted: 30, executed: 27, cell: "B8" },
        { label: "其他资金", initial: null, adjusted: null, executed: null, cell: "B9" },
      ],
      cells: { total: "D6", initial: "D6", adjusted: "E6", executed: "F6", rate: "H6", weight: "G6", score: "I6", reason: null },
    });
  });

  test("stub prefixes typed over are dropped; placeholder targets read as placeholders", () => {
    const cols = { name: "D", target: "E", actual: "F", weight: "G", score: "H", reason: "I" } as const;
    expect(draft.indicators.map((i) => [i.name, i.target, i.actual, i.weight, i.score, i.cell])).toEqual([
      ["维修养护供水工程数", num("≥40处", 40, "处", ">="), num("38处", 38, "处"), 20, 19, "D13"],
      // "指标2：" left as the template had it, but with a placeholder target: still a row to report.
      ["指标2", stub("≥**人次"), empty(), 10, null, "D14"],
      ["水质检测合格率", stub("XX%"), num("97%", 97, "%"), 10, 10, "D15"],
      ["维修完成时间", qual("11月底前"), qual("12月中旬"), 10, 7, "D16"],
      ["保障饮水安全人口", num("≥8.5万人", 8.5, "万人", ">="), num("8.2万人", 8.2, "万人"), 30, 28.94, "D17"],
      ["受益群众满意度", stub("__"), num("88%", 88, "%"), 10, null, "D18"],
    ]);
    expect(draft.indicators[0].cells).toEqual(rowCells(13, cols));
    expect(draft.indicators.map((i) => i.direction)).toEqual(["higher", "qualitative", "qualitative", "qualitative", "higher", "qualitative"]);
    expect(draft.statedTotal).toBe(73.94);
    expect(draft.statedTotalCell).toBe("H19");
  });
});
