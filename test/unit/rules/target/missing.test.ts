import { rule } from "../../../../src/engine/rules/target/missing";
import { testRule } from "../../../helpers/rule-tester";
import { makeIndicator, makeProject } from "../../../helpers/factories";
import { departmentForm, goalTable, selfAssessment } from "../../../helpers/indicator-sheets";

testRule(rule, {
  valid: [
    { name: "numeric and qualitative targets", project: makeProject({ indicators: [makeIndicator({ target: "≥1200人" }), makeIndicator({ target: "有效改善", actual: "达成年度指标" })] }) },
    { name: "a placeholder is target/placeholder's finding", project: makeProject({ indicators: [makeIndicator({ target: "≥**人次" })] }) },
    {
      name: "template stub rows (指标1, no values) are not indicators",
      readings: [selfAssessment({ rows: [["产出指标", "数量指标", "培训人数", "≥100人", "100人", 10, 10], [null, null, "指标1", null, null]] })],
    },
  ],
  invalid: [
    {
      name: "blank target points at the target cell",
      project: makeProject({ indicators: [makeIndicator({ name: "培训人数", target: null, actual: "100人", cell: "E16" })] }),
      hits: [{ cell: "F16", data: { name: "培训人数" } }],
    },
    {
      name: "“—” and “/” mean no value",
      project: makeProject({ indicators: [makeIndicator({ target: "—", cell: "E16" }), makeIndicator({ target: "/", cell: "E17" })] }),
      hits: [{ cell: "F16" }, { cell: "F17" }],
    },
    {
      name: "a named row with nothing else filled (read from a grid)",
      readings: [selfAssessment({ rows: [["产出指标", "数量指标", "培训人数", "≥100人", "100人", 10, 10], [null, "质量指标", "培训合格率", null, null]] })],
      hits: [{ cell: "E8", data: { name: "培训合格率" } }],
    },
    {
      name: "goal table row without 指标值",
      readings: [goalTable({ annual: [["产出指标", "数量指标", "改造学校数", null], [null, "质量指标", "验收合格率", "100%"]] })],
      hits: [{ cell: "E7", data: { name: "改造学校数" } }],
    },
    {
      name: "department form: neither 年初 nor 调整 指标值",
      readings: [departmentForm({ rows: [["孕产妇系统管理率", "%", "定量指标", null, "95%", 10, 10]] })],
      hits: [{ cell: "D6", data: { name: "孕产妇系统管理率" } }],
    },
  ],
});
