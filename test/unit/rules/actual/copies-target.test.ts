import { rule } from "../../../../src/engine/rules/actual/copies-target";
import { testRule } from "../../../helpers/rule-tester";
import { makeIndicator, makeProject } from "../../../helpers/factories";
import { goalTable, selfAssessment } from "../../../helpers/indicator-sheets";

testRule(rule, {
  valid: [
    { name: "measured values", project: makeProject({ indicators: [makeIndicator({ target: "≥266米", actual: "270米" }), makeIndicator({ target: "≤2%", actual: "1.1%" })] }) },
    { name: "“达到100%” reports a measurement", project: makeProject({ indicators: [makeIndicator({ name: "验收合格率", target: "≥95%", actual: "达到100%" })] }) },
    { name: "“=100%” against a different target is a measurement", project: makeProject({ indicators: [makeIndicator({ name: "及时率", target: "≥95%", actual: "=100%" })] }) },
    { name: "same number as the target without an operator", project: makeProject({ indicators: [makeIndicator({ target: "≥1200人", actual: "1200人" })] }) },
    { name: "goal tables have no actual", readings: [goalTable({ annual: [["产出指标", "数量指标", "新建渠道长度", "≥266米"]] })] },
  ],
  invalid: [
    {
      name: "“≥266米” as the actual",
      project: makeProject({ indicators: [makeIndicator({ name: "新建渠道长度", target: "≥266米", actual: "≥266米", cell: "E16" })] }),
      hits: [{ cell: "G16", data: { name: "新建渠道长度", actual: "≥266米", op: "≥", same: 1, value: 266, unit: "米" } }],
    },
    {
      name: "an operator on a different number, and suffix words (95%以上, 不低于)",
      project: makeProject({
        indicators: [
          makeIndicator({ name: "合格率", target: "≥90%", actual: "≥96%", cell: "E16" }),
          makeIndicator({ name: "覆盖率", target: "≥90%", actual: "95%以上", cell: "E17" }),
          makeIndicator({ name: "服务人数", target: "≥1200人", actual: "不低于1200人", cell: "E18" }),
        ],
      }),
      hits: [{ cell: "G16", data: { same: 0 } }, { cell: "G17", data: { op: "≥" } }, { cell: "G18", data: { same: 0 } }],
    },
    {
      name: "a ceiling copied: ≤2% on a lower-is-better rate",
      project: makeProject({ indicators: [makeIndicator({ name: "服务投诉率", target: "≤2%", actual: "≤2%" })] }),
      hits: [{ data: { op: "≤", same: 1 } }],
    },
    {
      name: "“=100%” repeating “=100%”",
      project: makeProject({ indicators: [makeIndicator({ name: "垃圾清运及时率", target: "=100%", actual: "=100%" })] }),
      hits: [{ data: { op: "=", same: 1 } }],
    },
    {
      name: "read from a grid",
      readings: [selfAssessment({ rows: [["产出指标", "数量指标", "新建渠道长度", "≥266米", "≥266米", 10, 10]] })],
      hits: [{ cell: "F7" }],
    },
  ],
});
