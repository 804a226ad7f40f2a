import { rule } from "../../../../src/engine/rules/budget/score-mismatch";
import { testRule } from "../../../helpers/rule-tester";
import { department, national } from "../score/fixtures";

const score = (s: number | null, extra = {}) => national({ budgetInit: { score: s, ...extra } });

testRule(rule, {
  valid: [
    { name: "9.34 = 93.39 % × 10 (example 01)", project: score(9.34) },
    { name: "tolerance: 9.35 is inside", project: score(9.35) },
    { name: "rate over 100 % counts as 100 %: 10", project: score(10, { executed: 260.4, statedRate: 1.05 }) },
    { name: "no stated score", project: score(null) },
    { name: "a score above the weight is score/exceeds-weight's", project: score(10.5, { executed: 260.4, statedRate: 1.05 }) },
    { name: "execution weight 20: 18.68", project: score(18.68, { statedWeight: 20 }) },
    { name: "department-level form (example 05)", project: department() },
    { name: "goal tables", project: national({ template: "goal", budgetInit: { score: 3 } }) },
  ],
  invalid: [
    { name: "9.5 instead of 9.34", project: score(9.5), hits: [{ cell: "J9", data: { stated: 9.5, computed: 9.34, weight: 10 } }] },
    { name: "tolerance: 9.36 is outside", project: score(9.36), hits: [{ data: { computed: 9.34 } }] },
    { name: "rate over 100 %: 9.5 instead of 10", project: score(9.5, { executed: 260.4, statedRate: 1.05 }), hits: [{ data: { computed: 10 } }] },
    { name: "execution weight 20: 9.34 is the 10-point score", project: score(9.34, { statedWeight: 20 }), hits: [{ data: { computed: 18.68, weight: 20 } }] },
    {
      name: "amounts missing: checked against the stated rate",
      project: score(9, { executed: null, statedRate: 0.85 }),
      hits: [{ data: { computed: 8.5, rate: 0.85 } }],
    },
    { name: "department-level form", project: department({ budgetInit: { score: 10 } }), hits: [{ cell: "G5", data: { computed: 9.36 } }] },
  ],
});
