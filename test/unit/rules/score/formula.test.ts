import { rule } from "../../../../src/engine/rules/score/formula";
import { getProfile } from "../../../../src/engine/profiles";
import type { IndicatorInit } from "../../../helpers/factories";
import { testRule } from "../../../helpers/rule-tester";
import { department, DEPARTMENT_ROWS, national, NATIONAL_ROWS, withRows } from "./fixtures";

/** Example 01's second project's 保障饮水安全人口: ≥8.5万人, 8.2万人, 15 × 8.2 / 8.5 = 14.47. */
const water = (init: IndicatorInit) =>
  national({ rows: withRows({ 6: { name: "保障饮水安全人口", level2: "social", target: "≥8.5万人", actual: "8.2万人", score: 14.47, ...init } }) });
/** Example 02's 城乡环境卫生投诉件数: ≤60件, 75件, 10 × 60 / 75 = 8. */
const complaints = (init: IndicatorInit) =>
  national({ rows: withRows({ 2: { name: "城乡环境卫生投诉件数", target: "≤60件", actual: "75件", score: 8, ...init } }) });
const dept = (i: number, init: IndicatorInit) => department({ rows: DEPARTMENT_ROWS.map((r, k) => (k === i ? { ...r, ...init } : r)) });

testRule(rule, {
  valid: [
    { name: "every quantitative score right (example 01)", project: national() },
    { name: "14.47 of 15 for 8.2 of ≥8.5万人", project: water({}) },
    { name: "tolerance: 14.48 is inside", project: water({ score: 14.48 }) },
    { name: "lower-is-better: 60 / 75 × 10 = 8", project: complaints({}) },
    { name: "units that do not reconcile: computed score unknown", project: water({ actual: "38处", score: 3 }) },
    { name: "a worded actual against a number: computed score unknown", project: water({ actual: "基本完成", score: 13 }) },
    { name: "qualitative rows are score/band's", project: national({ rows: withRows({ 5: { score: 3 } }) }) },
    { name: "a score above the weight is score/exceeds-weight's", project: water({ score: 16 }) },
    { name: "department-level form: 得分系数 × 指标权重 agrees (example 05)", project: department() },
    {
      name: "department-level form: a coefficient rounded for display (96 % × 15 vs 14.33)",
      project: dept(1, { coefficient: 0.96 }),
    },
    {
      name: "no score columns",
      project: national({ hasScoreColumns: false, rows: NATIONAL_ROWS.map((r) => ({ ...r, weight: null, score: null })) }),
    },
    { name: "goal tables", project: national({ template: "goal", rows: withRows({ 0: { score: 3 } }) }) },
    {
      name: "linear reverse profile: 10 × (1 − 15/60) = 7.5",
      project: complaints({ score: 7.5 }),
      options: { profile: { ...getProfile("national"), reverse: "linear" } },
    },
  ],
  invalid: [
    {
      name: "15 of 15 for 8.2 of ≥8.5万人",
      project: water({ score: 15 }),
      hits: [{ cell: "I22", data: { kind: "formula", score: 15, computed: 14.47, formula: "15×8.2÷8.5", name: "保障饮水安全人口" } }],
    },
    { name: "tolerance: 14.49 is outside", project: water({ score: 14.49 }), hits: [{ data: { computed: 14.47 } }] },
    {
      name: "lower-is-better scored full despite 75 of ≤60件",
      project: complaints({ score: 10 }),
      hits: [{ cell: "I18", data: { computed: 8, formula: "10×60÷75" } }],
    },
    {
      name: "a met target scored below full marks",
      project: national({ rows: withRows({ 1: { score: 9 } }) }),
      hits: [{ cell: "I17", data: { computed: 10, formula: "met" } }],
    },
    {
      name: "department-level form: both the formula and 得分系数 × 指标权重 disagree",
      project: dept(1, { score: 14.5 }),
      hits: [{ cell: "I10", data: { kind: "both", computed: 14.33, coefficientScore: 14.33 } }],
    },
    {
      name: "department-level form: a qualitative row whose score ≠ 得分系数 × 指标权重",
      project: dept(7, { coefficient: 0.8 }),
      hits: [{ cell: "I16", data: { kind: "coefficient", coefficient: 0.8, coefficientScore: 4, computed: null } }],
    },
    {
      name: "department-level form: the formula disagrees while the coefficient agrees",
      project: dept(8, { score: 15, coefficient: 1 }),
      hits: [{ cell: "I17", data: { kind: "formula", computed: 13.94 } }],
    },
    {
      name: "linear reverse profile: 8 is not 7.5",
      project: complaints({}),
      options: { profile: { ...getProfile("national"), reverse: "linear" } },
      hits: [{ data: { computed: 7.5 } }],
    },
  ],
});
