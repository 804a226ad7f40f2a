import { rule } from "../../../../src/engine/rules/weight/total";
import { getProfile } from "../../../../src/engine/profiles";
import { testRule } from "../../../helpers/rule-tester";
import { department, DEPARTMENT_ROWS, national, NATIONAL_ROWS, withRows } from "../score/fixtures";

const noWeights = NATIONAL_ROWS.map((r) => ({ ...r, weight: null, score: null }));

testRule(rule, {
  valid: [
    { name: "execution 10 + indicators 90 (example 01)", project: national() },
    { name: "department-level form: 执行率权重 10 + 指标权重 90 (example 05)", project: department() },
    {
      name: "weights derived from the profile on a form with no score columns (example 07)",
      project: national({ hasScoreColumns: false, rows: noWeights, statedTotal: null, statedTotalWeight: null, budgetInit: { statedWeight: null, score: null } }),
    },
    {
      name: "goal tables are not checked even when their weights add up to 110",
      project: national({ template: "goal", rows: withRows({ 0: { weight: 35, actual: null } }) }),
    },
    { name: "score columns but no weight written anywhere: nothing to add up", project: national({ rows: noWeights }) },
    {
      name: "tolerance: 100.01 is inside",
      project: national({ rows: withRows({ 1: { weight: 10.01, score: 10 } }) }),
    },
    {
      name: "execution weight 20 stated + indicators 80",
      project: national({
        budgetInit: { statedWeight: 20, score: 18.68 },
        rows: withRows({ 0: { weight: 10, score: 9.47 }, 1: { weight: 5, score: 5 } }),
      }),
    },
    {
      name: "no budget block: the profile's execution weight (hubei 20) + 80",
      project: national({ budget: null, rows: withRows({ 0: { weight: 10 }, 1: { weight: 5 } }) }),
      options: { profile: getProfile("hubei") },
    },
  ],
  invalid: [
    {
      name: "weights summing to 110 (indicators 100), total row says 100",
      project: national({ rows: withRows({ 0: { weight: 25 } }) }),
      hits: [{ cell: "H16", data: { total: 110, indicatorSum: 100, executionWeight: 10, statedTotalWeight: 100, missing: 0 } }],
    },
    {
      name: "tolerance: 100.02 is outside",
      project: national({ rows: withRows({ 1: { weight: 10.02 } }) }),
      hits: [{ data: { total: 100.02 } }],
    },
    {
      name: "below 100: 95",
      project: national({ rows: withRows({ 7: { weight: 5, score: 5 } }), statedTotalWeight: 95 }),
      hits: [{ data: { total: 95, indicatorSum: 85, statedTotalWeight: 95 } }],
    },
    {
      name: "an indicator without a weight counts as 0 and is named",
      project: national({ rows: withRows({ 1: { weight: null } }) }),
      hits: [{ cell: "H16", data: { total: 90, missing: 1 } }],
    },
    {
      name: "a stated execution weight of 20 with indicators 90",
      project: national({ budgetInit: { statedWeight: 20 } }),
      hits: [{ data: { total: 110, executionWeight: 20, indicatorSum: 90, expectedIndicators: 80 } }],
    },
    {
      name: "department-level forms are checked too",
      project: department({ rows: DEPARTMENT_ROWS.map((r, i) => (i === 0 ? { ...r, weight: 20 } : r)) }),
      hits: [{ cell: "H9", data: { total: 105 } }],
    },
    {
      name: "national 90 indicators under the hubei profile without a stated execution weight: 20 + 90",
      project: national({ budgetInit: { statedWeight: null, score: null } }),
      options: { profile: getProfile("hubei") },
      hits: [{ data: { total: 110, executionWeight: 20 } }],
    },
  ],
});

describe("weight/total message", () => {
  it("reads like the spec's example", () => {
    const d = { total: 110, indicatorSum: 100, executionWeight: 10, statedTotalWeight: 110, missing: 0 };
    expect(rule.message.zh(d)).toBe("指标分值合计110分（执行率10分+指标100分），应为100分。");
    expect(rule.message.zh({ ...d, statedTotalWeight: 100 })).toContain("总分行填写为100分");
  });
});
