import { rule } from "../../../../src/engine/rules/weight/declared-sum";
import type { Grid } from "../../../../src/engine/grid";
import type { Project } from "../../../../src/engine/model";
import { readWorkbook } from "../../../../src/engine/read";
import type { IndicatorInit } from "../../../helpers/factories";
import { testRule } from "../../../helpers/rule-tester";
import { national, NATIONAL_ROWS } from "../score/fixtures";

/** Example 03's labels: "产出指标(50分)" at A16, "效益指标(30分)" at A21, "满意度指标(10分)" at A23. */
const LABEL = { output: "产出指标(50分)", effect: "效益指标(30分)", satisfaction: "满意度指标(10分)" } as const;
const labelled = (rows: IndicatorInit[]) =>
  rows.map((r) => ({ ...r, level1Label: r.level1 ? LABEL[r.level1 as keyof typeof LABEL] : null }));
const DECLARED: Project["declaredWeights"] = [
  { level1: "output", label: "产出指标(50分)", weight: 50, cell: "A16" },
  { level1: "effect", label: "效益指标(30分)", weight: 30, cell: "A21" },
  { level1: "satisfaction", label: "满意度指标(10分)", weight: 10, cell: "A23" },
];
const declared = (rows: IndicatorInit[] = NATIONAL_ROWS, extra: Partial<Project> = {}) =>
  national({ rows: labelled(rows), declaredWeights: DECLARED, ...extra });
/** A national form whose 产出 category closes with a 小计 row carrying its weight (50) below its rows. */
function subtotalGrid(outputWeights: [number, number]): Grid {
  const v: (string | number | null)[][] = [
    ["项目支出绩效自评表（2023年度）", null, null, null, null, null, null, null],
    ["项目名称", "测试项目", null, null, null, null, null, null],
    ["主管部门", "区水利局", null, null, "实施单位", "区供水站", null, null],
    ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [null, "年度资金总额", 100, 100, 100, 10, 1, 10],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
    [null, "产出指标", "数量指标", "维修处数", "≥10处", "10处", outputWeights[0], outputWeights[0]],
    [null, null, "质量指标", "验收合格率", "≥95%", "96%", outputWeights[1], outputWeights[1]],
    [null, null, "小计", null, null, null, 50, outputWeights[0] + outputWeights[1]],
    [null, "效益指标", "社会效益指标", "受益人口", "≥100人", "100人", 30, 30],
    [null, "满意度指标", "满意度指标", "群众满意度", "≥90%", "92%", 10, 10],
    ["总分", null, null, null, null, null, 100, 90 + outputWeights[0] + outputWeights[1] - 40],
  ];
  return { sheet: "自评表", top: 0, left: 0, values: v, merges: [] };
}
const readSubtotal = (w: [number, number]) => [readWorkbook({ file: "subtotal.xlsx", grids: [subtotalGrid(w)] })];

const change = (changes: Record<number, IndicatorInit>) => NATIONAL_ROWS.map((r, i) => ({ ...r, ...(changes[i] ?? {}) }));

testRule(rule, {
  valid: [
    { name: "declared 50 / 30 / 10 and rows adding up to them (example 03)", project: declared() },
    { name: "no declared weights", project: national() },
    {
      name: "no score columns: weights are the profile's",
      project: declared(NATIONAL_ROWS.map((r) => ({ ...r, weight: null, score: null })), { hasScoreColumns: false }),
    },
    { name: "goal tables", project: declared(change({ 0: { weight: 20, actual: null } }), { template: "goal" }) },
    {
      name: "a declared label with no weights written under it",
      project: declared(change({ 7: { weight: null, score: null } })),
    },
    { name: "tolerance: 50.01", project: declared(change({ 1: { weight: 10.01 } })) },
    {
      name: "rows matched by 一级 key when the label is not known",
      project: national({ declaredWeights: DECLARED, rows: NATIONAL_ROWS.map((r) => ({ ...r, level1Label: null })) }),
    },
    { name: "a 小计 row below its rows declares 50 and they add up (read from a grid)", readings: readSubtotal([30, 20]) },
    {
      name: "the same label declared twice: rows cannot be attributed",
      project: declared(change({ 0: { weight: 20 } }), { declaredWeights: [...DECLARED, { level1: "output", label: "产出指标(50分)", weight: 50, cell: "A30" }] }),
    },
  ],
  invalid: [
    {
      name: "产出 rows add up to 45 under 产出指标(50分)",
      project: declared(change({ 0: { weight: 10, score: 9.47 } })),
      hits: [{ cell: "A16", data: { label: "产出指标(50分)", declared: 50, sum: 45, count: 5, missing: 0 } }],
    },
    {
      name: "tolerance: 50.02",
      project: declared(change({ 1: { weight: 10.02 } })),
      hits: [{ cell: "A16", data: { sum: 50.02 } }],
    },
    {
      name: "two categories off: one finding each",
      project: declared(change({ 0: { weight: 20 }, 6: { weight: 10 } })),
      hits: [
        { cell: "A16", data: { sum: 55 } },
        { cell: "A21", data: { sum: 25, declared: 30 } },
      ],
    },
    {
      name: "a row without a weight counts as 0 and is named",
      project: declared(change({ 6: { weight: null } })),
      hits: [{ cell: "A21", data: { sum: 15, missing: 1, count: 2 } }],
    },
    {
      name: "绩效指标(90分) declares the pool of all indicators",
      project: national({ declaredWeights: [{ level1: null, label: "绩效指标(90分)", weight: 90, cell: "A15" }], rows: change({ 0: { weight: 10 } }) }),
      hits: [{ cell: "A15", data: { declared: 90, sum: 85, count: 8 } }],
    },
    {
      name: "department-level forms with declared points are checked",
      project: declared(change({ 7: { weight: 12 } }), { template: "department-self-assessment" }),
      hits: [{ cell: "A23", data: { declared: 10, sum: 12 } }],
    },
    {
      name: "a 小计 row below its rows declares 50, the rows add up to 45 (read from a grid)",
      readings: readSubtotal([30, 15]),
      hits: [{ cell: "G9", project: "测试项目", data: { label: "产出指标", declared: 50, sum: 45, count: 2 } }],
    },
  ],
});
