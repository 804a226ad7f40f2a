import { rule } from "../../../../src/engine/rules/reason/overrun";
import { findingsFor, testRule } from "../../../helpers/rule-tester";
import { makeIndicator, makeProject } from "../../../helpers/factories";
import { getProfile } from "../../../../src/engine/profiles";
import { departmentForm, goalTable, selfAssessment } from "../../../helpers/indicator-sheets";

const one = (init: Parameters<typeof makeIndicator>[0]) => makeProject({ indicators: [makeIndicator(init)] });
const lenient = { profile: { ...getProfile("national"), overrunRatio: 1.5 } };

testRule(rule, {
  valid: [
    { name: "129% of target", project: one({ target: "≥100个", actual: "129个" }) },
    { name: "overrun with a reason", project: one({ target: "≥100个", actual: "180个", reason: "上级追加任务" }) },
    { name: "lower-is-better far below its ceiling: 服务投诉率 ≤2%, 1.1% (example 01)", project: one({ name: "服务投诉率", target: "≤2%", actual: "1.1%" }) },
    { name: "lower-is-better rate with no operator: 预算调整率 10%, actual 5%", project: one({ name: "预算调整率", target: "10%", actual: "5%" }) },
    { name: "qualitative rows", project: one({ target: "有效改善", actual: "显著改善" }) },
    { name: "a zero target has no ratio", project: one({ name: "新增债务", target: "=0万元", actual: "0万元" }) },
    { name: "a copied comparison (≥400人) is actual/copies-target's finding", project: one({ target: "≥266人", actual: "≥400人" }) },
    { name: "a worded actual", project: one({ target: "≥100个", actual: "超额完成" }) },
    { name: "a larger overrunRatio in the profile", project: one({ target: "≥100个", actual: "140个" }), options: lenient },
    {
      name: "department-level form without a reason column",
      readings: [departmentForm({ rows: [["基本药物配备使用率", "%", "定量指标", "≥40%", "64%", 10, 10]] })],
    },
    { name: "goal tables have no actuals", readings: [goalTable({ annual: [["产出指标", "数量指标", "培训人数", "≥1200人"]] })] },
  ],
  invalid: [
    {
      name: "exactly 130% counts",
      project: one({ name: "新建站点", target: "≥100个", actual: "130个", cell: "E16" }),
      hits: [{ cell: "J16", data: { name: "新建站点", ratio: 1.3, ratioText: "130%", threshold: 1.3 } }],
    },
    {
      name: "far above: 2000 of ≥1200人",
      project: one({ name: "培训人数", target: "≥1200人", actual: "2000人" }),
      hits: [{ data: { ratio: 1.6667, target: "≥1200人", actual: "2000人" } }],
    },
    { name: "equal target (=10个) overrun", project: one({ target: "=10个", actual: "15个" }), hits: [{ data: { ratio: 1.5 } }] },
    { name: "percent target: 覆盖率 ≥50%, 70%", project: one({ name: "覆盖率", target: "≥50%", actual: "70%" }), hits: [{ data: { ratioText: "140%" } }] },
    { name: "units reconciled: ≥1万人, 15000人", project: one({ name: "受益人口", target: "≥1万人", actual: "15000人" }), hits: [{ data: { ratio: 1.5 } }] },
    { name: "“达到400人” is a measurement, not a copied comparison", project: one({ target: "≥266人", actual: "达到400人" }), hits: [{ data: { actual: "达到400人" } }] },
    { name: "no operator, higher-is-better by default", project: one({ name: "服务工单数", target: "14000单", actual: "20000单" }), hits: [{}] },
    { name: "the profile's ratio is used", project: one({ target: "≥100个", actual: "160个" }), options: lenient, hits: [{ data: { threshold: 1.5 } }] },
    {
      name: "湖南 style (no score columns) read from a grid",
      readings: [selfAssessment({ noScoreColumns: true, rows: [["产出指标", "数量指标", "补贴班线数量", "42条", "60条"]] })],
      hits: [{ cell: "G7" }],
    },
    {
      name: "self-assessment without a reason column: the actual cell",
      readings: [selfAssessment({ noReasonColumn: true, rows: [["产出指标", "数量指标", "培训人数", "≥1200人", "2000人", 10, 10]] })],
      hits: [{ cell: "F7", data: { reasonColumn: 0 } }],
    },
  ],
});

describe("reason/overrun message", () => {
  it("states the ratio", () => {
    const [f] = findingsFor(rule, { name: "x", project: one({ name: "培训人数", target: "≥1200人", actual: "2000人" }) });
    expect(f.message).toBe("“培训人数”实际完成2000人，为年度指标值≥1200人的166.67%（≥130%），但未说明超额完成原因。");
  });
});
