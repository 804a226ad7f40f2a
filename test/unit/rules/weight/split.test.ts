import { rule } from "../../../../src/engine/rules/weight/split";
import { getProfile } from "../../../../src/engine/profiles";
import { testRule } from "../../../helpers/rule-tester";
import { department, national, NATIONAL_ROWS, withRows } from "../score/fixtures";

/** 产出 55 / 效益 25 / 满意度 10 (example 02's split). */
const split552510 = withRows({ 0: { weight: 20, score: 18.93 }, 5: { weight: 10, score: 7 } });
/** 产出 70 / 效益 20 / 满意度 0: no satisfaction row, 20 moved from 效益 to 产出. */
const split7020 = withRows({ 0: { weight: 25 }, 1: { weight: 20 }, 5: { weight: 10 }, 6: { weight: 10 } }).slice(0, 7);
/** hubei: 执行 20, 产出 40, 效益 30 + 满意度 10. */
const hubeiRows = withRows({ 0: { weight: 10 }, 1: { weight: 5 } });

testRule(rule, {
  valid: [
    { name: "national 50 / 30 / 10 (example 01)", project: national() },
    { name: "sichuan: a free split never fires", project: national({ rows: split7020 }), options: { profile: getProfile("sichuan") } },
    {
      name: "hubei: 产出 40, 效益 30 + 满意度 10 = 40",
      project: national({ rows: hubeiRows, budgetInit: { statedWeight: 20 } }),
      options: { profile: getProfile("hubei") },
    },
    {
      name: "hubei: 效益 and 满意度 may share their 40 in any way (35 + 5)",
      project: national({ rows: withRows({ 0: { weight: 10 }, 1: { weight: 5 }, 6: { weight: 20 }, 7: { weight: 5 } }), budgetInit: { statedWeight: 20 } }),
      options: { profile: getProfile("hubei") },
    },
    { name: "department-level forms have no categories", project: department() },
    {
      name: "no score columns (weights derived from the profile)",
      project: national({ hasScoreColumns: false, rows: NATIONAL_ROWS.map((r) => ({ ...r, weight: null, score: null })) }),
    },
    { name: "goal tables", project: national({ template: "goal", rows: split7020 }) },
    {
      name: "an indicator with an unknown 一级 category: the split cannot be known",
      project: national({ rows: withRows({ 0: { weight: 20 }, 7: { level1: null, level1Label: "社会影响指标", level2: null } }) }),
    },
    { name: "an indicator without a weight: the split cannot be known", project: national({ rows: withRows({ 0: { weight: null }, 5: { weight: 20 } }) }) },
    {
      name: "成本指标 (2021 framework) counts with 产出",
      project: national({ rows: withRows({ 4: { level1: "cost", level1Label: "成本指标", level2: "economic-cost" } }) }),
    },
    {
      name: "tolerance: 产出 50.01",
      project: national({ rows: withRows({ 1: { weight: 10.01 } }) }),
    },
    {
      name: "the form declares one pool for all indicators (绩效指标(90分))",
      project: national({ rows: split552510, declaredWeights: [{ level1: null, label: "绩效指标(90分)", weight: 90, cell: "A15" }] }),
    },
  ],
  invalid: [
    {
      name: "a project code alone says nothing about the scheme: a 四川 code without a 绩效指标(90分) pool is checked",
      project: national({ code: "51110123T000001234567", rows: split552510 }),
      hits: [{ cell: "E16", data: { output: 55, effect: 25, satisfaction: 10 } }],
    },
    {
      name: "产出 55 / 效益 25 / 满意度 10 under national",
      project: national({ rows: split552510 }),
      hits: [{ cell: "E16", data: { output: 55, effect: 25, satisfaction: 10, expected_output: 50, differing: "output,effect" } }],
    },
    {
      name: "70 / 20 / 0: one finding listing the whole split",
      project: national({ rows: split7020 }),
      hits: [{ data: { output: 70, effect: 20, satisfaction: 0, differing: "output,effect,satisfaction", actualZh: "产出70分、效益20分、满意度0分", expectedZh: "产出50分、效益30分、满意度10分" } }],
    },
    {
      name: "tolerance: 产出 50.02",
      project: national({ rows: withRows({ 1: { weight: 10.02 } }) }),
      hits: [{ data: { output: 50.02 } }],
    },
    {
      name: "points at the declared label of the first differing category",
      project: national({
        rows: split552510,
        declaredWeights: [
          { level1: "output", label: "产出指标(55分)", weight: 55, cell: "B16" },
          { level1: "effect", label: "效益指标(25分)", weight: 25, cell: "B21" },
        ],
      }),
      hits: [{ cell: "B16" }],
    },
    {
      name: "hubei: a national 50 / 30 / 10 form",
      project: national(),
      options: { profile: getProfile("hubei") },
      hits: [{ data: { output: 50, effectAndSatisfaction: 40, expected_output: 40, expected_effectAndSatisfaction: 40, differing: "output" } }],
    },
    {
      name: "hubei: 效益 + 满意度 50 points at its first indicator",
      project: national({ rows: withRows({ 0: { weight: 5 }, 6: { weight: 25 } }) }),
      options: { profile: getProfile("hubei") },
      hits: [{ cell: "E21", data: { output: 40, effectAndSatisfaction: 50, differing: "effectAndSatisfaction", expectedZh: "产出40分、效益和满意度合计40分" } }],
    },
    {
      name: "the 四川 code exception is for the default national profile only",
      project: national({ code: "51110123T000001234567", rows: split552510 }),
      options: { profile: { ...getProfile("national"), name: "my-county" } },
      hits: [{ data: { output: 55 } }],
    },
    {
      name: "severity follows the profile",
      project: national({ rows: split552510 }),
      options: { profile: { ...getProfile("national"), severity: { "weight/split": "error" } } },
      hits: [{ severity: "error" }],
    },
  ],
});
