import { rule } from "../../../../src/engine/rules/category/missing-output";
import { testRule } from "../../../helpers/rule-tester";
import { makeIndicator, makeProject } from "../../../helpers/factories";
import { categorised, completeSet, departmentForm, goalTable, selfAssessment } from "../../../helpers/indicator-sheets";

const effectAndSatisfaction = () => [
  categorised("effect", "social", { name: "就业率", target: "≥60%", actual: "65%", cell: "E20" }),
  categorised("satisfaction", "satisfaction", { name: "学员满意度", target: "≥90%", actual: "92%", cell: "E21" }),
];

testRule(rule, {
  valid: [
    { name: "complete 2020-framework set", project: makeProject({ indicators: completeSet() }) },
    {
      name: "一级 spelled oddly but 二级 数量指标 says it is output (category/unknown reports the label)",
      project: makeProject({
        indicators: [
          makeIndicator({ level1: null, level1Label: "产出类指标", level2: "quantity", level2Label: "数量指标", cell: "E16" }),
          ...effectAndSatisfaction(),
        ],
      }),
    },
    {
      name: "2021 framework: 产出 and 成本 as separate 一级",
      readings: [
        selfAssessment({
          rows: [
            ["产出指标", "数量指标", "培训人数", "≥100人", "100人", 20, 20],
            ["成本指标", "经济成本指标", "人均培训成本", "≤500元", "480元", 10, 10],
            ["效益指标", "社会效益指标", "就业率", "≥60%", "65%", 30, 30],
            ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "92%", 30, 30],
          ],
        }),
      ],
    },
    {
      name: "goal table: both blocks have output indicators",
      readings: [
        goalTable({
          midterm: [["产出指标", "数量指标", "改造学校数", "≥36所"], ["效益指标", "社会效益指标", "C级校舍存量", "=0栋"]],
          annual: [["产出指标", "数量指标", "改造学校数", "≥12所"], ["效益指标", "社会效益指标", "消除隐患校舍数", "≥20栋"]],
        }),
      ],
    },
    {
      name: "department-level form has no categories: not applicable",
      readings: [departmentForm({ rows: [["家庭医生签约服务覆盖率", "%", "定量指标", "≥45%", "43%", 15, 14.33]] })],
    },
    {
      name: "a form whose rows carry no category at all (no 一级/二级 columns) is not judged",
      project: makeProject({ indicators: [makeIndicator({ level1: null, level2: null }), makeIndicator({ level1: null, level2: null })] }),
    },
  ],
  invalid: [
    {
      name: "only effect and satisfaction: points at the first indicator",
      project: makeProject({ indicators: effectAndSatisfaction() }),
      hits: [{ cell: "E20", data: { block: null, indicators: 2 } }],
    },
    {
      name: "2021 framework: a 一级 成本指标 does not replace 产出",
      readings: [
        selfAssessment({
          rows: [
            ["成本指标", "经济成本指标", "人均培训成本", "≤500元", "480元", 40, 40],
            ["效益指标", "社会效益指标", "就业率", "≥60%", "65%", 30, 30],
            ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "92%", 20, 20],
          ],
        }),
      ],
      hits: [{ cell: "D7", sheet: "自评表" }],
    },
    {
      name: "goal table: the annual block lacks output, the medium-term block has it",
      readings: [
        goalTable({
          midterm: [["产出指标", "数量指标", "改造学校数", "≥36所"], ["效益指标", "社会效益指标", "C级校舍存量", "=0栋"]],
          annual: [["效益指标", "社会效益指标", "消除隐患校舍数", "≥20栋"], ["满意度指标", "服务对象满意度指标", "满意度", "≥90%"]],
        }),
      ],
      hits: [{ cell: "D10", data: { block: "annual", blockZh: "年度绩效指标中" } }],
    },
    {
      name: "no indicator rows at all: points at the form",
      project: makeProject({ indicators: [] }),
      hits: [{ cell: "B4", data: { indicators: 0 } }],
    },
    {
      name: "two projects: only the one without output is reported",
      projects: [
        makeProject({ id: "t!S!1", name: "甲项目", indicators: completeSet() }),
        makeProject({ id: "t!S!2", name: "乙项目", indicators: effectAndSatisfaction() }),
      ],
      hits: [{ project: "乙项目" }],
    },
  ],
});
