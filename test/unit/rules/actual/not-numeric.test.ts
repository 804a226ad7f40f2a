import { rule } from "../../../../src/engine/rules/actual/not-numeric";
import { testRule } from "../../../helpers/rule-tester";
import { makeIndicator, makeProject } from "../../../helpers/factories";
import { departmentForm, goalTable, selfAssessment } from "../../../helpers/indicator-sheets";

testRule(rule, {
  valid: [
    { name: "numeric actual", project: makeProject({ indicators: [makeIndicator({ target: "≥1200人", actual: "1136人" })] }) },
    { name: "qualitative target, worded actual", project: makeProject({ indicators: [makeIndicator({ target: "有效改善", actual: "完成" })] }) },
    { name: "a reason is given", project: makeProject({ indicators: [makeIndicator({ target: "≥95%", actual: "达标", reason: "抽检未出具比例，按达标计" })] }) },
    { name: "words with a number in them", project: makeProject({ indicators: [makeIndicator({ target: "≥1200人次", actual: "共培训1136人次，超计划" })] }) },
    {
      name: "“无” / “未发生安全事故” against a ceiling or a zero target",
      project: makeProject({
        indicators: [
          makeIndicator({ name: "安全事故发生次数", target: "0次", actual: "未发生安全事故" }),
          makeIndicator({ name: "投诉件数", target: "≤5件", actual: "无" }),
          makeIndicator({ name: "服务投诉率", target: "≤2%", actual: "无投诉" }),
        ],
      }),
    },
    { name: "a row marked 定性 in the sheet", project: makeProject({ indicators: [makeIndicator({ target: "≥90%", actual: "满意", nature: "qualitative", direction: "qualitative" })] }) },
    { name: "goal tables have no actual", readings: [goalTable({ annual: [["产出指标", "数量指标", "培训人数", "≥1200人"]] })] },
  ],
  invalid: [
    {
      name: "“完成” against ≥1200人",
      project: makeProject({ indicators: [makeIndicator({ name: "培训人数", target: "≥1200人", actual: "完成", cell: "E16" })] }),
      hits: [{ cell: "G16", data: { name: "培训人数", actual: "完成", target: "≥1200人", example: "1200人" } }],
    },
    {
      name: "“已完成”, “达标”, “满意”",
      project: makeProject({
        indicators: [
          makeIndicator({ name: "新建站点", target: "≥12个", actual: "已完成" }),
          makeIndicator({ name: "水质检测合格率", target: "≥95%", actual: "达标" }),
          makeIndicator({ name: "群众满意度", target: "≥90%", actual: "满意" }),
        ],
      }),
      hits: [{ data: { actual: "已完成" } }, { data: { actual: "达标" } }, { data: { actual: "满意" } }],
    },
    {
      name: "a reason cell that only says “无” is no reason",
      project: makeProject({ indicators: [makeIndicator({ target: "≥95%", actual: "良好", reason: "无" })] }),
      hits: [{}],
    },
    {
      name: "湖南-style sheet read from a grid",
      readings: [selfAssessment({ noScoreColumns: true, rows: [["产出指标", "数量指标", "补贴班线数量", "42条", "全部完成"]] })],
      hits: [{ cell: "F7" }],
    },
    {
      name: "department form",
      readings: [departmentForm({ rows: [["孕产妇系统管理率", "%", "定量指标", "≥90%", "完成", 10, 10]] })],
      hits: [{ cell: "F6" }],
    },
  ],
});
