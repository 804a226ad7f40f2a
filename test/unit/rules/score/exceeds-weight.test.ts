import { rule } from "../../../../src/engine/rules/score/exceeds-weight";
import { testRule } from "../../../helpers/rule-tester";
import { department, DEPARTMENT_ROWS, national, NATIONAL_ROWS, withRows } from "./fixtures";

testRule(rule, {
  valid: [
    { name: "every score within its weight (example 01)", project: national() },
    { name: "scores equal to their weights, total 100", project: national({ rows: withRows({ 0: { score: 15 }, 5: { score: 15 } }), statedTotal: 100 }) },
    { name: "department-level form (example 05)", project: department() },
    {
      name: "no score columns",
      project: national({ hasScoreColumns: false, rows: NATIONAL_ROWS.map((r) => ({ ...r, weight: null, score: null })), statedTotal: null }),
    },
    { name: "goal tables", project: national({ template: "goal", rows: withRows({ 0: { score: 20, actual: null } }) }) },
    { name: "a score with no weight to compare with", project: national({ rows: withRows({ 0: { weight: null, score: 16 } }) }) },
    { name: "execution score 10 of 10 at a rate over 100 %", project: national({ budgetInit: { executed: 260, statedRate: 1.0484, score: 10 } }) },
  ],
  invalid: [
    {
      name: "an indicator scored 16 of 15",
      project: national({ rows: withRows({ 0: { score: 16 } }) }),
      hits: [{ cell: "I16", data: { kind: "indicator", name: "上门服务老年人数", score: 16, weight: 15 } }],
    },
    {
      name: "just above: 15.01 of 15",
      project: national({ rows: withRows({ 6: { score: 15.01 } }) }),
      hits: [{ cell: "I22", data: { score: 15.01 } }],
    },
    {
      name: "execution score 10.48 of 10 (rate over 100 % not capped)",
      project: national({ budgetInit: { executed: 260, statedRate: 1.0484, score: 10.48 } }),
      hits: [{ cell: "J9", data: { kind: "execution", score: 10.48, weight: 10 } }],
    },
    {
      name: "execution score above the profile's weight when none is stated",
      project: national({ budgetInit: { statedWeight: null, score: 12 } }),
      hits: [{ cell: "J9", data: { kind: "execution", weight: 10 } }],
    },
    {
      name: "stated total above 100",
      project: national({ statedTotal: 100.5 }),
      hits: [{ cell: "I24", data: { kind: "total", score: 100.5 } }],
    },
    {
      name: "department-level form: 指标得分 above 指标权重",
      project: department({ rows: DEPARTMENT_ROWS.map((r, i) => (i === 2 ? { ...r, score: 12 } : r)) }),
      hits: [{ cell: "I11", data: { kind: "indicator", score: 12, weight: 10 } }],
    },
    {
      name: "several at once, execution first",
      project: national({ rows: withRows({ 1: { score: 11 } }), budgetInit: { score: 11 }, statedTotal: 101 }),
      hits: [{ data: { kind: "execution" } }, { data: { kind: "indicator" } }, { data: { kind: "total" } }],
    },
  ],
});
