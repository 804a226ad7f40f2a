import { rule } from "../../../../src/engine/rules/category/unknown";
import { testRule } from "../../../helpers/rule-tester";
import { makeIndicator, makeProject } from "../../../helpers/factories";
import { completeSet, departmentForm, goalTable, selfAssessment } from "../../../helpers/indicator-sheets";

testRule(rule, {
  valid: [
    { name: "standard labels", project: makeProject({ indicators: completeSet() }) },
    {
      name: "regional wordings of known categories: 产出类指标 and 进度指标 (a 时效 indicator) are no unknown labels",
      readings: [
        goalTable({
          midterm: [["产出类指标", "进度指标", "完成时间", "2026年底前"]],
          annual: [["产出类指标", "进度指标", "完工时间", "当年11月底前"]],
        }),
      ],
    },
    {
      name: "labels with weights, line breaks, 效果指标 and 2021 cost categories read from a grid",
      readings: [
        selfAssessment({
          rows: [
            ["产出指标（50分）", "数量\n指标", "培训人数", "≥100人", "100人", 20, 20],
            ["成本指标", "经济成本指标", "人均成本", "≤500元", "480元", 10, 10],
            ["效果指标(30分)", "社会效益", "就业率", "≥60%", "65%", 30, 30],
            ["满意度指标", "服务对象满意度", "学员满意度", "≥90%", "92%", 10, 10],
          ],
        }),
      ],
    },
    {
      name: "no labels at all (keys only)",
      project: makeProject({ indicators: [makeIndicator({ level1: null, level2: null })] }),
    },
    {
      name: "department-level form has no category columns",
      readings: [departmentForm({ rows: [["孕产妇系统管理率", "%", "定量指标", "≥90%", "95%", 10, 10]] })],
    },
  ],
  invalid: [
    {
      name: "an unknown 一级 inherited by two rows is reported once, at the first",
      readings: [
        selfAssessment({
          rows: [
            ["业务类指标", "数量指标", "培训人数", "≥100人", "100人", 20, 20],
            [null, "质量指标", "合格率", "≥95%", "96%", 20, 20],
            ["效益指标", "社会效益指标", "就业率", "≥60%", "65%", 30, 30],
          ],
        }),
      ],
      hits: [{ cell: "D7", data: { level: 1, label: "业务类指标", name: "培训人数" } }],
    },
    {
      name: "an unknown 二级 under a known 一级",
      project: makeProject({
        indicators: [makeIndicator({ level1: "output", level1Label: "产出指标", level2: null, level2Label: "工作指标", name: "走访户数", cell: "E16" })],
      }),
      hits: [{ cell: "E16", data: { level: 2, levelZh: "二级", label: "工作指标" } }],
    },
    {
      name: "two distinct labels → two findings; a repeat of one is not reported again",
      project: makeProject({
        indicators: [
          makeIndicator({ level1: null, level1Label: "业务指标", level2: null, level2Label: "工作量指标", cell: "E16" }),
          makeIndicator({ level1: null, level1Label: "业务指标", level2: null, level2Label: "工作量指标", cell: "E17" }),
        ],
      }),
      hits: [
        { cell: "E16", data: { level: 1, label: "业务指标" } },
        { cell: "E16", data: { level: 2, label: "工作量指标" } },
      ],
    },
    {
      name: "goal table: same label in both blocks is one finding per project",
      readings: [
        goalTable({
          midterm: [["产出指标", "工作指标", "完成时间", "2026年底前"]],
          annual: [["产出指标", "工作指标", "完工时间", "当年11月底前"]],
        }),
      ],
      hits: [{ cell: "D7", data: { level: 2, label: "工作指标" } }],
    },
  ],
});
