import { rule } from "../../../../src/engine/rules/budget/total-mismatch";
import type { Grid } from "../../../../src/engine/grid";
import type { BudgetLine } from "../../../../src/engine/model";
import { getProfile } from "../../../../src/engine/profiles";
import { readWorkbook } from "../../../../src/engine/read";
import { testRule } from "../../../helpers/rule-tester";
import { national } from "../score/fixtures";

/** Example 01's second project: 180 = 150 + 30 (+ blank 其他资金). */
const line = (label: string, initial: number | null, adjusted: number | null, executed: number | null, row: number): BudgetLine => ({
  label,
  initial,
  adjusted,
  executed,
  cell: `C${row}`,
});
const budget = (total: [number | null, number | null, number | null], lines: BudgetLine[], extra = {}) =>
  national({
    budgetInit: { initial: total[0], adjusted: total[1], executed: total[2], statedRate: null, score: null, lines, ...extra },
  });
const WATER = [line("其中：当年财政拨款", 150, 150, 135, 10), line("上年结转资金", 30, 30, 27, 11), line("其他资金", null, null, null, 12)];

/** A national form whose 年度资金总额 row is 0 while the sub-rows carry the amounts (read from a grid). */
function zeroTotalGrid(): Grid {
  const v: (string | number | null)[][] = [
    ["项目支出绩效自评表（2023年度）", null, null, null, null, null, null, null],
    ["项目名称", "测试项目", null, null, null, null, null, null],
    ["主管部门", "区水利局", null, null, "实施单位", "区供水站", null, null],
    ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [null, "年度资金总额", 0, 0, 0, 10, null, null],
    [null, "其中：当年财政拨款", 150, 150, 135, null, null, null],
    [null, "上年结转资金", 30, 30, 27, null, null, null],
    [null, "其他资金", null, null, null, null, null, null],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
    [null, "产出指标", "数量指标", "维修养护供水工程数", "≥40处", "38处", 90, 85.5],
    ["总分", null, null, null, null, null, 100, 94.5],
  ];
  return { sheet: "自评表", top: 0, left: 0, values: v, merges: [] };
}

testRule(rule, {
  valid: [
    { name: "150 + 30 + blank = 180 in every column (example 01)", project: budget([180, 180, 162], WATER) },
    {
      name: "sub-rows all blank: nothing to add up",
      project: budget([180, 180, 162], [line("其中：当年财政拨款", null, null, null, 10), line("其他资金", null, null, null, 11)]),
    },
    { name: "no sub-rows", project: budget([180, 180, 162], []) },
    {
      name: "a single 其中 row names a part, not the whole (150 of 180)",
      project: budget([180, 180, 162], [line("其中：财政拨款", 150, 150, 135, 10)]),
    },
    {
      name: "zeros in the other sub-rows (四川 style, example 02)",
      project: budget([960, 1010, 887.8], [line("其中：财政资金", 960, 1010, 887.8, 11), line("财政专户管理资金", 0, 0, 0, 12), line("单位资金", 0, 0, 0, 13), line("其他资金", 0, 0, 0, 14)]),
    },
    { name: "tolerance: 0.01 apart", project: budget([180.01, 180, 162], WATER) },
    { name: "a column the sub-rows leave blank (年初 blank below)", project: budget([180, 180, 162], [line("其中：当年财政拨款", null, 150, 135, 10), line("上年结转资金", null, 30, 27, 11)]) },
  ],
  invalid: [
    {
      name: "all sub-rows filled, 170 ≠ 180",
      project: budget([180, 180, 162], [line("其中：当年财政拨款", 150, 150, 135, 10), line("上年结转资金", 20, 20, 27, 11), line("其他资金", 0, 0, 0, 12)]),
      hits: [{ cell: "E9", data: { kind: "mismatch", columns: "initial,adjusted", adjustedTotal: 180, adjustedSum: 170 } }],
    },
    {
      name: "a partly filled breakdown below the total names the blank rows",
      project: budget([180, 180, 162], [line("其中：当年财政拨款", 150, 150, 135, 10), line("上年结转资金", null, null, null, 11), line("其他资金", null, null, null, 12)]),
      hits: [{ cell: "E9", data: { columns: "initial,adjusted,executed", executedSum: 135 } }],
    },
    {
      name: "sub-rows above the total (even a single 其中 row)",
      project: budget([180, 180, 162], [line("其中：财政拨款", 190, 190, 170, 10)]),
      hits: [{ data: { columns: "initial,adjusted,executed", adjustedSum: 190 } }],
    },
    { name: "tolerance: 0.02 apart", project: budget([180.02, 180, 162], WATER), hits: [{ data: { columns: "initial" } }] },
    {
      name: "a blank total cell with amounts below it",
      project: budget([null, 180, 162], WATER),
      hits: [{ data: { columns: "initial", initialTotal: null, initialSum: 180 } }],
    },
    {
      name: "fallback: total row 0/blank, amounts in the sub-rows (fromSubRows)",
      project: budget([180, 180, 162], WATER, { fromSubRows: true }),
      hits: [{ cell: "E9", data: { kind: "fromSubRows", adjusted: 180, executed: 162 } }],
    },
    {
      name: "fallback read from a grid: a total row of zeros, 150 + 30 below",
      readings: [readWorkbook({ file: "zero.xlsx", grids: [zeroTotalGrid()] })],
      hits: [{ cell: "C5", project: "测试项目", data: { kind: "fromSubRows", initial: 180, adjusted: 180, executed: 162 } }],
    },
  ],
});

describe("budget/total-mismatch message", () => {
  it("names the blank sub-rows", () => {
    const p = budget([180, 180, 162], [line("其中：当年财政拨款", 150, 150, 135, 10), line("上年结转资金", null, null, null, 11), line("其他资金", null, null, null, 12)]);
    const [hit] = rule.check(p, { profile: getProfile("national"), lang: "zh" });
    expect(rule.message.zh(hit.data!)).toContain("全年预算数：总额180，其中各项合计150（上年结转资金、其他资金未填写）");
  });
});
