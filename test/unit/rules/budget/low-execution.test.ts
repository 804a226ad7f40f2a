import { rule } from "../../../../src/engine/rules/budget/low-execution";
import { getProfile } from "../../../../src/engine/profiles";
import { testRule } from "../../../helpers/rule-tester";
import { department, national } from "../score/fixtures";

/** Budget 248; executed chosen for the rate. */
const at = (executed: number, extra = {}, project = {}) =>
  national({ budgetInit: { executed, statedRate: null, score: null, ...extra }, ...project });

testRule(rule, {
  valid: [
    { name: "93.39 % (example 01)", project: national() },
    { name: "exactly 90 %", project: at(223.2) },
    { name: "over 100 %", project: at(260) },
    {
      name: "87.9 % with a reason in the budget block's 原因 column (example 02)",
      project: national({
        budgetInit: { initial: 960, adjusted: 1010, executed: 887.8, statedRate: 0.879, score: 8.79, reason: "12月服务费跨年支付" },
      }),
    },
    {
      name: "no reason column, 存在问题 explains the execution (四川 closing rows)",
      project: at(200, {}, { problems: "部分服务费跨年支付，执行率偏低。" }),
    },
    { name: "改进措施 about execution", project: at(200, {}, { measures: "加快资金拨付进度，按月结算。" }) },
    { name: "no rate known", project: at(200, { executed: null }) },
    { name: "no budget block", project: national({ budget: null }) },
    { name: "goal tables", project: at(100, {}, { template: "goal" }) },
    { name: "a lower threshold in the profile (80 %)", project: at(210), options: { profile: { ...getProfile("national"), lowExecutionRate: 0.8 } } },
  ],
  invalid: [
    { name: "80.65 % and no reason", project: at(200), hits: [{ cell: "I9", data: { rate: 0.8065, threshold: 0.9 } }] },
    { name: "just below: 89.99 %", project: at(223.18), hits: [{ data: { rate: 0.8999 } }] },
    { name: "a reason cell saying 无", project: at(200, { reason: "无" }), hits: [{ data: { rate: 0.8065 } }] },
    {
      name: "存在问题 about something else",
      project: at(200, {}, { problems: "夏季投诉偏多。" }),
      hits: [{}],
    },
    {
      name: "stated rate only (no amounts)",
      project: at(200, { executed: null, statedRate: 0.7 }),
      hits: [{ data: { rate: 0.7 } }],
    },
    {
      name: "a higher threshold in the profile (95 %)",
      project: national(),
      options: { profile: { ...getProfile("national"), lowExecutionRate: 0.95 } },
      hits: [{ data: { rate: 0.9339, threshold: 0.95 } }],
    },
    {
      name: "department-level form",
      project: department({ budgetInit: { executed: 5000, statedRate: 0.819, score: 8.19 } }),
      hits: [{ cell: "E5" }],
    },
  ],
});
