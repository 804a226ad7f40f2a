import { rule } from "../../../../src/engine/rules/target/placeholder";
import { testRule } from "../../../helpers/rule-tester";
import { makeIndicator, makeProject } from "../../../helpers/factories";
import { goalTable, selfAssessment } from "../../../helpers/indicator-sheets";

testRule(rule, {
  valid: [
    { name: "real targets", project: makeProject({ indicators: [makeIndicator({ target: "≥1200人次" }), makeIndicator({ target: "12月底前", actual: "12月10日" })] }) },
    { name: "a blank target is target/missing's finding", project: makeProject({ indicators: [makeIndicator({ target: null })] }) },
    { name: "a placeholder actual is not a placeholder target", project: makeProject({ indicators: [makeIndicator({ target: "≥100人", actual: "**" })] }) },
  ],
  invalid: [
    {
      name: "≥**人次",
      project: makeProject({ indicators: [makeIndicator({ name: "培训人次", target: "≥**人次", actual: "1300人次", cell: "E16" })] }),
      hits: [{ cell: "F16", data: { name: "培训人次", target: "≥**人次" } }],
    },
    {
      name: "**, XX and __ stubs",
      project: makeProject({
        indicators: [makeIndicator({ target: "**", cell: "E16" }), makeIndicator({ target: "XX%", cell: "E17" }), makeIndicator({ target: "__个", cell: "E18" })],
      }),
      hits: [{ cell: "F16", data: { target: "**" } }, { cell: "F17", data: { target: "XX%" } }, { cell: "F18" }],
    },
    {
      name: "goal table straight from the template",
      readings: [goalTable({ annual: [["产出指标", "数量指标", "培训人次", "≥**人次"], ["效益指标", "社会效益指标", "就业率", "≥XX%"]] })],
      hits: [{ cell: "E7" }, { cell: "E8" }],
    },
    {
      name: "self-assessment read from a grid",
      readings: [selfAssessment({ rows: [["产出指标", "数量指标", "培训人次", "≥**人次", "1300人次", 10, 10]] })],
      hits: [{ cell: "E7", sheet: "自评表" }],
    },
  ],
});
