/**
 * Reader edge cases on small grids: category frameworks, unknown labels, subtotal rows, hosts that cannot
 * report merges, blank years, footers. (Realistic whole forms are in the other files of this folder.)
 */
import type { CellValue, Grid } from "../../../src/engine/grid";
import type { Project } from "../../../src/engine/model";
import { readSheet } from "../../../src/engine/read";
import {
  buildNationalSheet,
  buildNoScoreSheet,
  buildSichuanSheet,
  buildTwoRowHeaderSheet,
  buildWeightsFirstSheet,
  gridsFromBuffer,
  NATIONAL_DRAFT,
  NATIONAL_SAMPLE,
  NO_SCORE_SAMPLE,
  SICHUAN_SAMPLE,
  sheet,
  TWO_ROW_SAMPLE,
  WEIGHTS_FIRST_SAMPLE,
  writeWorkbook,
} from "../../helpers/workbooks";

function grid(values: CellValue[][], merges: Grid["merges"] = []): Grid {
  return { sheet: "S", top: 0, left: 0, values, merges };
}

const HEADER: CellValue[] = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"];

function form(rows: CellValue[][], title: CellValue = "项目支出绩效自评表（2023年度）"): Project {
  const r = readSheet(grid([[title], ["项目名称", "某项目"], ["主管部门", "某局", null, "实施单位", "某中心"], HEADER, ...rows]), "x.xlsx");
  expect(r.kind).toBe("self-assessment");
  return r.projects[0];
}

describe("categories", () => {
  test("2021 framework 成本指标 as 一级, and 经济成本指标 under 产出指标, are both accepted", () => {
    const p = form([
      ["产出指标", "数量指标", "服务人数", "≥100人", "120人", 20, 20],
      [null, "经济成本指标", "人均成本", "≤50元", "48元", 10, 10],
      ["成本指标", "经济成本指标", "项目总成本", "≤80万元", "79万元", 10, 10],
      [null, "社会成本指标", "征地拆迁影响户数", "≤5户", "3户", 5, 5],
      [null, "生态环境成本指标", "碳排放量", "≤10吨", "9吨", 5, 5],
      ["效果指标", "环境效益指标", "绿化覆盖率", "≥40%", "42%", 20, 20],
    ]);
    expect(p.indicators.map((i) => [i.level1, i.level2, i.direction])).toEqual([
      ["output", "quantity", "higher"],
      ["output", "economic-cost", "lower"],
      ["cost", "economic-cost", "lower"],
      ["cost", "social-cost", "lower"],
      ["cost", "ecological-cost", "lower"],
      ["effect", "ecological", "higher"],
    ]);
  });

  test("a label that maps to nothing is kept verbatim with a null key", () => {
    const p = form([
      ["管理指标", "制度建设", "制度健全性", "健全", "健全", 10, 10],
      ["产出", "数量", "服务人数", "≥100人", "120人", 20, 20],
    ]);
    expect(p.indicators.map((i) => [i.level1, i.level1Label, i.level2, i.level2Label])).toEqual([
      [null, "管理指标", null, "制度建设"],
      ["output", "产出", "quantity", "数量"],
    ]);
  });

  test("小计 rows declare their category's weight; 合计 in the first column ends the block", () => {
    const p = form([
      ["产出指标", "数量指标", "服务人数", "≥100人", "120人", 30, 30],
      [null, "质量指标", "合格率", "≥95%", "96%", 20, 20],
      [null, "小计", null, null, null, 50, 50],
      ["效益指标", "社会效益指标", "受益人数", "≥1000人", "1100人", 30, 30],
      [null, null, "小计", null, null, 30, 30],
      ["满意度指标", "服务对象满意度指标", "满意度", "≥90%", "92%", 10, 10],
      ["合计", null, null, null, null, 90, 90],
      ["指标说明", null, "不应读作指标", "≥1", "2", 1, 1],
    ]);
    expect(p.indicators.map((i) => i.name)).toEqual(["服务人数", "合格率", "受益人数", "满意度"]);
    expect(p.declaredWeights).toEqual([
      { level1: "output", label: "产出指标", weight: 50, cell: "F7" },
      { level1: "effect", label: "效益指标", weight: 30, cell: "F9" },
    ]);
    expect([p.statedTotal, p.statedTotalCell, p.statedTotalWeight]).toEqual([90, "G11", 90]);
  });

  test("a row with a target but no 三级 name is named after its 二级 label", () => {
    const p = form([["产出指标", "数量指标", null, "≥100人", "120人", 20, 20]]);
    expect(p.indicators.map((i) => [i.name, i.level2, i.cell])).toEqual([["数量指标", "quantity", "C5"]]);
  });
});

describe("header fields", () => {
  test("a blank year in the title gives null; 填报日期 in a preamble is not taken for it", () => {
    const r = readSheet(
      grid([["附件2"], ["填报日期：2024年3月20日"], [], ["项目支出绩效自评表"], ["（    年度）"], ["项目名称", "某项目"], HEADER, ["产出指标", "数量指标", "人数", "≥1人", "1人", 10, 10]]),
      "x.xlsx",
    );
    expect(r.projects[0].year).toBeNull();
    expect(r.projects[0].location.cell).toBe("A4");
  });

  test("\"2023年部门整体…\" style titles give the year", () => {
    const p = form([["产出指标", "数量指标", "人数", "≥1人", "1人", 10, 10]], "2023年项目支出绩效自评表");
    expect(p.year).toBe(2023);
  });

  test("label and value in one cell: \"项目名称：…\", \"主管部门：…\"", () => {
    const r = readSheet(
      grid([["项目支出绩效自评表（2023年度）"], ["项目名称：社区养老", null, "主管部门：[305]区民政局"], ["实施单位：区养老服务中心"], HEADER, ["产出指标", "数量指标", "人数", "≥1人", "1人", 10, 10]]),
      "x.xlsx",
    );
    const p = r.projects[0];
    expect([p.name, p.department, p.departmentCode, p.unit]).toEqual(["社区养老", "区民政局", "305", "区养老服务中心"]);
    expect(p.fieldCells).toEqual({ name: "A2", department: "C2", unit: "A3" });
  });
});

test("stacked forms named by \"项目名称：…\" cells are split into projects", () => {
  const one = (name: string, dept: string): CellValue[][] => [
    ["项目支出绩效自评表（2023年度）"],
    [`项目名称：${name}`, null, `主管部门：${dept}`],
    HEADER,
    ["产出指标", "数量指标", `${name}服务人数`, "≥100人", "120人", 20, 20],
    ["总分", null, null, null, null, 100, 95],
    [],
  ];
  const r = readSheet(grid([...one("甲项目", "甲局"), ...one("乙项目", "乙局")]), "x.xlsx");
  expect(r.projects.map((p) => [p.name, p.department, p.location.cell, p.indicators.map((i) => i.name), p.statedTotal])).toEqual([
    ["甲项目", "甲局", "A1", ["甲项目服务人数"], 95],
    ["乙项目", "乙局", "A7", ["乙项目服务人数"], 95],
  ]);
});

describe("hosts that cannot report merges (merges: null) read the same by blank inheritance", () => {
  test.each([
    ["national", (ws: Parameters<typeof buildNationalSheet>[0]) => buildNationalSheet(ws, NATIONAL_SAMPLE, { origin: { row: 1, col: 2 }, preambleCol: 1 })],
    ["draft", (ws: Parameters<typeof buildNationalSheet>[0]) => buildNationalSheet(ws, NATIONAL_DRAFT)],
    ["weights first", (ws: Parameters<typeof buildNationalSheet>[0]) => buildWeightsFirstSheet(ws, WEIGHTS_FIRST_SAMPLE)],
    ["四川", (ws: Parameters<typeof buildNationalSheet>[0]) => buildSichuanSheet(ws, SICHUAN_SAMPLE)],
    ["no score", (ws: Parameters<typeof buildNationalSheet>[0]) => buildNoScoreSheet(ws, NO_SCORE_SAMPLE)],
    ["two-row headers", (ws: Parameters<typeof buildNationalSheet>[0]) => buildTwoRowHeaderSheet(ws, TWO_ROW_SAMPLE)],
  ])("%s", async (_name, build) => {
    const [g] = await gridsFromBuffer(await writeWorkbook([sheet("S", build)]));
    expect(g.merges?.length).toBeGreaterThan(0);
    const withMerges = readSheet(g, "x.xlsx");
    const without = readSheet({ ...g, merges: null }, "x.xlsx");
    expect(without).toEqual(withMerges);
  });
});
