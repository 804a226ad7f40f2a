import { rule } from "../../../../src/engine/rules/score/all-full";
import { testRule } from "../../../helpers/rule-tester";
import { department, DEPARTMENT_ROWS, national, NATIONAL_ROWS } from "./fixtures";

const full = NATIONAL_ROWS.map((r) => ({ ...r, actual: r.name === "上门服务老年人数" ? "1200人" : r.name === "失能老人生活质量改善情况" ? "达成年度指标" : r.actual, score: r.weight }));

testRule(rule, {
  valid: [
    { name: "two indicators below full marks (example 01)", project: national() },
    { name: "one indicator missing its score: cannot say all", project: national({ rows: full.map((r, i) => (i === 3 ? { ...r, score: null } : r)) }) },
    { name: "one indicator 0.02 below full marks", project: national({ rows: full.map((r, i) => (i === 3 ? { ...r, score: 9.98 } : r)) }) },
    {
      name: "no score columns (example 07): nothing stated",
      project: national({ hasScoreColumns: false, rows: NATIONAL_ROWS.map((r) => ({ ...r, weight: null, score: null })) }),
    },
    { name: "no indicators", project: national({ rows: [] }) },
    { name: "goal tables", project: national({ template: "goal", rows: full }) },
    { name: "department-level form with two rows below full marks (example 05)", project: department() },
  ],
  invalid: [
    {
      name: "every indicator at full marks (example 03): once, at the total",
      project: national({ rows: full, statedTotal: 99.34 }),
      hits: [{ cell: "I24", severity: "info", data: { count: 8, sum: 90 } }],
    },
    {
      name: "the execution score does not matter",
      project: national({ rows: full, budgetInit: { executed: 200, statedRate: 0.8065, score: 8.06 }, statedTotal: 98.06 }),
      hits: [{ data: { count: 8 } }],
    },
    {
      name: "tolerance: 14.99 of 15 counts as full",
      project: national({ rows: full.map((r, i) => (i === 0 ? { ...r, score: 14.99 } : r)), statedTotal: null, statedTotalCell: null }),
      hits: [{ cell: "I16" }],
    },
    {
      name: "department-level form",
      project: department({ rows: DEPARTMENT_ROWS.map((r) => ({ ...r, score: r.weight, coefficient: 1 })) }),
      hits: [{ cell: "H2", data: { count: 9 } }],
    },
    {
      name: "rows with neither weight nor score are ignored",
      project: national({ rows: [...full, { level1: "effect", name: "备注", target: "", actual: "", weight: null, score: null }] }),
      hits: [{ data: { count: 8 } }],
    },
  ],
});
