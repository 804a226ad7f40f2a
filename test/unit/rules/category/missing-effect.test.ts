import { rule } from "../../../../src/engine/rules/category/missing-effect";
import { testRule } from "../../../helpers/rule-tester";
import { makeIndicator, makeProject } from "../../../helpers/factories";
import { categorised, completeSet, departmentForm, goalTable, selfAssessment } from "../../../helpers/indicator-sheets";

const outputOnly = () => completeSet().filter((i) => i.level1 === "output");

testRule(rule, {
  valid: [
    { name: "complete set", project: makeProject({ indicators: completeSet() }) },
    {
      name: "效果指标 (another spelling of 效益) is read as effect",
      readings: [
        selfAssessment({
          rows: [
            ["产出指标", "数量指标", "培训人数", "≥100人", "100人", 50, 50],
            ["效果指标", "社会效益指标", "就业率", "≥60%", "65%", 30, 30],
            ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "92%", 10, 10],
          ],
        }),
      ],
    },
    {
      name: "一级 blank but 二级 可持续影响指标 implies effect",
      project: makeProject({
        indicators: [...outputOnly(), makeIndicator({ level1: null, level1Label: null, level2: "sustainability", level2Label: "可持续影响指标" })],
      }),
    },
    {
      name: "department-level form: not applicable",
      readings: [departmentForm({ rows: [["孕产妇系统管理率", "%", "定量指标", "≥90%", "95%", 10, 10]] })],
    },
  ],
  invalid: [
    {
      name: "output and satisfaction only",
      project: makeProject({ indicators: [...outputOnly(), categorised("satisfaction", "satisfaction", { name: "满意度", target: "≥90%", actual: "95%" })] }),
      hits: [{ cell: "E16" }],
    },
    {
      name: "goal table: each block is checked, the medium-term one lacks effect",
      readings: [
        goalTable({
          midterm: [["产出指标", "数量指标", "改造学校数", "≥36所"]],
          annual: [["产出指标", "数量指标", "改造学校数", "≥12所"], ["效益指标", "社会效益指标", "消除隐患校舍数", "≥20栋"]],
        }),
      ],
      hits: [{ cell: "D7", data: { block: "midterm", blockZh: "中期绩效指标中" } }],
    },
    {
      name: "goal table: both blocks lack effect → two findings",
      readings: [
        goalTable({
          midterm: [["产出指标", "数量指标", "改造学校数", "≥36所"]],
          annual: [["产出指标", "数量指标", "改造学校数", "≥12所"]],
        }),
      ],
      hits: [{ data: { block: "midterm" } }, { data: { block: "annual" } }],
    },
  ],
});
