import { rule } from "../../../../src/engine/rules/budget/rate-mismatch";
import { getProfile } from "../../../../src/engine/profiles";
import { testRule } from "../../../helpers/rule-tester";
import { department, national } from "../score/fixtures";

/** 231.6 / 248 = 93.39 %. */
const rate = (statedRate: number | null, extra = {}) => national({ budgetInit: { statedRate, ...extra } });

testRule(rule, {
  valid: [
    { name: "93.39 % stated for 231.6 / 248 (example 01)", project: rate(0.9339) },
    { name: "rounded to one decimal: 93.4 %", project: rate(0.934) },
    { name: "tolerance: 0.41 points apart is inside (93.8 %)", project: rate(0.938) },
    { name: "tolerance: 0.49 points apart is inside (92.9 %)", project: rate(0.929) },
    { name: "no stated rate", project: rate(null) },
    { name: "no amounts: nothing to compute", project: rate(0.5, { executed: null }) },
    { name: "rate over 100 % stated as it is (105 %)", project: rate(1.05, { executed: 260.4 }) },
    { name: "rate over 100 % stated as the capped 100 %", project: rate(1, { executed: 260.4 }) },
    { name: "falls back to 年初预算数 when 全年预算数 is blank", project: rate(0.8908, { adjusted: null }) },
    { name: "department-level form (example 05)", project: department() },
    { name: "goal tables have no execution", project: national({ template: "goal", budgetInit: { statedRate: 0.5 } }) },
  ],
  invalid: [
    {
      name: "94 % stated for 93.39 %: 0.61 points apart",
      project: rate(0.94),
      hits: [{ cell: "I9", data: { stated: 0.94, executed: 231.6, budget: 248, base: "adjusted", diffPoints: 0.61 } }],
    },
    { name: "90 % stated for 93.39 %", project: rate(0.9), hits: [{ data: { diffPoints: 3.39 } }] },
    { name: "rate over 100 %: 120 % stated for 105 %", project: rate(1.2, { executed: 260.4 }), hits: [{ data: { computed: 1.05 } }] },
    { name: "100 % stated when 93.39 % was executed", project: rate(1), hits: [{ data: { stated: 1 } }] },
    {
      name: "against 年初预算数 when 全年预算数 is blank",
      project: rate(0.9339, { adjusted: null }),
      hits: [{ data: { base: "initial", budget: 260 } }],
    },
    {
      name: "a tighter profile tolerance (0.1 points)",
      project: rate(0.938),
      options: { profile: { ...getProfile("national"), rateTolerance: 0.001 } },
      hits: [{ data: { diffPoints: 0.41 } }],
    },
    {
      name: "department-level form",
      project: department({ budgetInit: { statedRate: 0.963 } }),
      hits: [{ cell: "E5", data: { diffPoints: 2.7 } }],
    },
  ],
});
