import type { CellValue } from "../../../../src/engine/grid";
import { readWorkbook } from "../../../../src/engine/read";
import { rule } from "../../../../src/engine/rules/template/unreadable";
import { rule as targetMissing } from "../../../../src/engine/rules/target/missing";
import { findingsFor, testRule } from "../../../helpers/rule-tester";

const grid = (sheet: string, values: CellValue[][]) => ({ sheet, top: 0, left: 0, values, merges: [] });
const read = (sheet: string, values: CellValue[][]) => [readWorkbook({ file: "县交通局.xlsx", grids: [grid(sheet, values)] })];

const FIELDS: CellValue[][] = [
  ["项目支出绩效自评表（2024年度）"],
  ["项目名称", "农村公路养护", null, "主管部门", "县交通运输局"],
  ["实施单位", "县公路事务中心", null, null, null],
];
const ROWS: CellValue[][] = [
  ["产出指标", "数量指标", "养护里程", "≥120公里", "126公里", 20, 20],
  [null, "质量指标", "路况优良率", "≥85%", "88%", 20, 20],
  ["效益指标", "社会效益指标", "群众出行条件", "明显改善", "明显改善", 30, 30],
  ["满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%", "92%", 20, 20],
];

/** A form whose target column header is a word no vocabulary has: every row would miss its target. */
const noTargetColumn = read("自评表", [...FIELDS, ["一级指标", "二级指标", "三级指标", "考核标准", "实际完成值", "分值", "得分"], ...ROWS]);

testRule(rule, {
  valid: [
    { name: "a form read whole", readings: read("自评表", [...FIELDS, ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"], ...ROWS]) },
    { name: "instructions with no table are no template", readings: read("填报说明", [["填报说明"], ["一、本表由项目实施单位填写。"], ["二、金额单位为万元。"]]) },
  ],
  invalid: [
    {
      name: "a form with no target column: one finding naming what is missing, not one per row",
      readings: noTargetColumn,
      hits: [{ cell: "A4", data: { kind: "form", missingZh: "年度指标值（目标值）列", count: 4 } }],
    },
    {
      name: "categories and indicator words but no indicator header: says what was found and what is missing",
      readings: read("绩效表", [
        ["项目绩效情况"],
        ["产出指标", "数量指标", "养护里程", "≥120公里"],
        ["效益指标", "社会效益指标", "群众出行条件", "明显改善"],
        ["满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%"],
      ]),
      hits: [{ cell: null, sheet: "绩效表", project: null, data: { kind: "sheet", missingZh: "三级指标（指标名称）列、年度指标值（目标值）列" } }],
    },
  ],
});

test("target/missing stays silent on a form with no target column (template/unreadable says it once)", () => {
  expect(findingsFor(targetMissing, { name: "no target column", readings: noTargetColumn })).toEqual([]);
});
