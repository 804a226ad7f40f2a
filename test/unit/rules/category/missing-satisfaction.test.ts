import { rule } from "../../../../src/engine/rules/category/missing-satisfaction";
import { testRule } from "../../../helpers/rule-tester";
import { makeProject } from "../../../helpers/factories";
import { categorised, completeSet, departmentForm, goalTable, selfAssessment } from "../../../helpers/indicator-sheets";

const withoutSatisfaction = () => completeSet().filter((i) => i.level1 !== "satisfaction");

testRule(rule, {
  valid: [
    { name: "complete set", project: makeProject({ indicators: completeSet() }) },
    {
      name: "88号 style: 服务对象满意度指标 as a 二级 under 效益指标",
      readings: [
        selfAssessment({
          rows: [
            ["产出指标", "数量指标", "培训人数", "≥100人", "100人", 50, 50],
            ["效益指标", "社会效益指标", "就业率", "≥60%", "65%", 30, 30],
            [null, "服务对象满意度指标", "学员满意度", "≥90%", "92%", 10, 10],
          ],
        }),
      ],
    },
    {
      name: "department-level form: not applicable",
      readings: [departmentForm({ rows: [["群众就医满意度", "%", "定量指标", "≥85%", "79%", 15, 13.94]] })],
    },
    {
      name: "goal table with satisfaction in both blocks",
      readings: [
        goalTable({
          midterm: [["产出指标", "数量指标", "改造学校数", "≥36所"], ["满意度指标", "服务对象满意度指标", "师生满意度", "≥90%"]],
          annual: [["产出指标", "数量指标", "改造学校数", "≥12所"], ["满意度指标", "服务对象满意度指标", "师生满意度", "≥90%"]],
        }),
      ],
    },
  ],
  invalid: [
    {
      name: "no satisfaction indicator",
      project: makeProject({ indicators: withoutSatisfaction() }),
      hits: [{ cell: "E16", data: { block: null } }],
    },
    {
      name: "a satisfaction-sounding name under 社会效益 does not count (the category decides)",
      project: makeProject({
        indicators: [...withoutSatisfaction(), categorised("effect", "social", { name: "群众满意程度", target: "≥90%", actual: "95%" })],
      }),
      hits: [{ cell: "E16" }],
    },
    {
      name: "goal table: only the annual block lacks satisfaction",
      readings: [
        goalTable({
          midterm: [["产出指标", "数量指标", "改造学校数", "≥36所"], ["满意度指标", "服务对象满意度指标", "师生满意度", "≥90%"]],
          annual: [["产出指标", "数量指标", "改造学校数", "≥12所"], ["效益指标", "社会效益指标", "消除隐患校舍数", "≥20栋"]],
        }),
      ],
      hits: [{ cell: "D10", data: { block: "annual" } }],
    },
  ],
});
