import { rule } from "../../../../src/engine/rules/score/total-mismatch";
import { findingsFor, testRule } from "../../../helpers/rule-tester";
import { rule as weightTotal } from "../../../../src/engine/rules/weight/total";
import { department, national, NATIONAL_ROWS, withRows } from "./fixtures";

testRule(rule, {
  valid: [
    { name: "94.54 = 9.34 + 85.2 (example 01)", project: national() },
    { name: "department-level form: 97.63 (example 05)", project: department() },
    { name: "tolerance: 0.01 apart is inside", project: national({ statedTotal: 94.55 }) },
    { name: "an indicator without a stated score: not all parts are stated", project: national({ rows: withRows({ 1: { score: null } }), statedTotal: 80 }) },
    { name: "no stated execution score", project: national({ budgetInit: { score: null }, statedTotal: 80 }) },
    { name: "no budget block", project: national({ budget: null, statedTotal: 80 }) },
    { name: "no stated total", project: national({ statedTotal: null }) },
    {
      name: "rows with neither weight nor score add nothing",
      project: national({ rows: [...NATIONAL_ROWS, { level1: "effect", name: "备注行", target: "", actual: "", weight: null, score: null }] }),
    },
    {
      name: "no score columns",
      project: national({ hasScoreColumns: false, rows: NATIONAL_ROWS.map((r) => ({ ...r, weight: null, score: null })), statedTotal: 80 }),
    },
    { name: "goal tables", project: national({ template: "goal", statedTotal: 80 }) },
  ],
  invalid: [
    {
      name: "stated 95 against 94.54",
      project: national({ statedTotal: 95 }),
      hits: [{ cell: "I24", data: { stated: 95, sum: 94.54, execution: 9.34, indicators: 85.2, count: 8, diff: 0.46 } }],
    },
    { name: "tolerance: 0.02 apart is outside", project: national({ statedTotal: 94.56 }), hits: [{ data: { diff: 0.02 } }] },
    {
      name: "stated total left at 100 while an indicator lost points",
      project: national({ rows: withRows({ 0: { score: 15 }, 5: { score: 15 } }), statedTotal: 100 }),
      hits: [{ data: { sum: 99.34 } }],
    },
    {
      name: "weights add up to 110: the advice is to fix the weights first (as weight/total says), not to total 110",
      project: national({ rows: withRows({ 0: { weight: 25, score: 24.2 } }), statedTotal: 100 }),
      hits: [{ data: { sum: 104.54, weightTotal: 110 } }],
    },
    {
      name: "department-level form",
      project: department({ statedTotal: 98.63 }),
      hits: [{ cell: "H2", data: { sum: 97.63, diff: 1 } }],
    },
  ],
});

describe("score/total-mismatch and weight/total on the same form give one piece of advice", () => {
  test("weights adding up to 110: both say to bring the weights to 100, neither to total 110", () => {
    const project = national({ rows: withRows({ 0: { weight: 25, score: 24.2 } }), statedTotal: 100 });
    const [total] = findingsFor(rule, { name: "110", project });
    const [weights] = findingsFor(weightTotal, { name: "110", project });
    expect(weights.suggestion).toContain("合计为90分");
    expect(total.suggestion).toContain("先调整各项分值使其合计为100分");
    expect(total.suggestion).not.toMatch(/总分更正为/);
    expect(total.suggestion).not.toContain("110分（");
  });
});
