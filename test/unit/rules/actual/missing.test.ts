import { rule } from "../../../../src/engine/rules/actual/missing";
import { testRule } from "../../../helpers/rule-tester";
import { makeIndicator, makeProject } from "../../../helpers/factories";
import { departmentForm, goalTable, selfAssessment } from "../../../helpers/indicator-sheets";

testRule(rule, {
  valid: [
    { name: "actuals filled", project: makeProject({ indicators: [makeIndicator({ target: "≥1200人", actual: "1136人" }), makeIndicator({ target: "有效改善", actual: "部分达成" })] }) },
    { name: "“无” is an answer (nothing happened)", project: makeProject({ indicators: [makeIndicator({ name: "安全事故", target: "0起", actual: "无" })] }) },
    { name: "no target either: target/missing's finding", project: makeProject({ indicators: [makeIndicator({ target: null, actual: null })] }) },
    {
      name: "goal tables have no actuals",
      readings: [goalTable({ annual: [["产出指标", "数量指标", "改造学校数", "≥12所"]] })],
    },
    {
      name: "a form with no actual column at all is not blamed row by row",
      project: makeProject({ indicators: [makeIndicator({ target: "≥1200人", actual: null })] }),
    },
  ],
  invalid: [
    {
      name: "blank actual points at the actual cell",
      project: makeProject({ indicators: [makeIndicator({ name: "培训人数", target: "≥1200人", actual: "", cell: "E16" })] }),
      hits: [{ cell: "G16", data: { name: "培训人数", target: "≥1200人", placeholder: 0 } }],
    },
    {
      name: "“—” and a placeholder actual",
      project: makeProject({
        indicators: [makeIndicator({ target: "≥95%", actual: "—", cell: "E16" }), makeIndicator({ target: "≥1200人次", actual: "**人次", cell: "E17" })],
      }),
      hits: [{ cell: "G16", data: { placeholder: 0 } }, { cell: "G17", data: { placeholder: 1, actual: "**人次" } }],
    },
    {
      name: "qualitative target, blank actual (read from a grid)",
      readings: [selfAssessment({ rows: [["效益指标", "社会效益指标", "生活质量改善情况", "有效改善", null, 15, 0]] })],
      hits: [{ cell: "F7" }],
    },
    {
      name: "department form",
      readings: [departmentForm({ rows: [["孕产妇系统管理率", "%", "定量指标", "≥90%", null, 10, 0]] })],
      hits: [{ cell: "F6", data: { name: "孕产妇系统管理率" } }],
    },
  ],
});
