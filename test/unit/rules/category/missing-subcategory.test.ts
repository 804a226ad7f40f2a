import { rule } from "../../../../src/engine/rules/category/missing-subcategory";
import { testRule } from "../../../helpers/rule-tester";
import { makeIndicator, makeProject } from "../../../helpers/factories";
import { categorised, completeSet, departmentForm, goalTable, selfAssessment } from "../../../helpers/indicator-sheets";

const without = (...keys: string[]) => completeSet().filter((i) => !keys.includes(i.level2 ?? ""));

testRule(rule, {
  valid: [
    { name: "数量/质量/时效/成本 all present", project: makeProject({ indicators: completeSet() }) },
    {
      name: "2021 framework: cost as 一级 成本指标 (经济成本指标) instead of under 产出",
      readings: [
        selfAssessment({
          rows: [
            ["产出指标", "数量指标", "培训人数", "≥100人", "100人", 10, 10],
            [null, "质量指标", "培训合格率", "≥95%", "96%", 10, 10],
            [null, "时效指标", "完成时间", "12月底前", "12月20日", 10, 10],
            ["成本指标", "经济成本指标", "人均培训成本", "≤500元", "480元", 20, 20],
            ["效益指标", "社会效益指标", "就业率", "≥60%", "65%", 30, 30],
            ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "92%", 10, 10],
          ],
        }),
      ],
    },
    {
      name: "mixed frameworks: 经济成本指标 as a 二级 under 产出指标",
      project: makeProject({ indicators: [...without("cost"), categorised("output", "economic-cost", { name: "人均成本", target: "≤500元" })] }),
    },
    {
      name: "二级 spelled 进度指标 counts as timeliness",
      project: makeProject({
        indicators: [...without("timeliness"), makeIndicator({ level1: "output", level1Label: "产出指标", level2: null, level2Label: "进度指标", target: "12月底前", actual: "12月10日" })],
      }),
    },
    {
      name: "no output indicators at all: category/missing-output's finding, not this one",
      project: makeProject({ indicators: completeSet().filter((i) => i.level1 !== "output") }),
    },
    {
      name: "an output row with an unrecognisable 二级 label: not judged (category/unknown reports it)",
      project: makeProject({
        indicators: [...without("timeliness", "cost"), makeIndicator({ level1: "output", level1Label: "产出指标", level2: null, level2Label: "工作指标" })],
      }),
    },
    {
      name: "output rows without any 二级 (no 二级 column): not judged",
      project: makeProject({ indicators: [makeIndicator({ level1: "output", level1Label: "产出指标", level2: null, level2Label: null })] }),
    },
    {
      name: "department-level form: not applicable",
      readings: [departmentForm({ rows: [["孕产妇系统管理率", "%", "定量指标", "≥90%", "95%", 10, 10]] })],
    },
  ],
  invalid: [
    {
      name: "no 时效指标: one finding at the first output indicator",
      project: makeProject({ indicators: without("timeliness") }),
      hits: [{ cell: "E16", data: { sub: "timeliness", subZh: "时效指标", name: "培训人数" } }],
    },
    {
      name: "no quality and no cost: one finding each, in 数量/质量/时效/成本 order",
      project: makeProject({ indicators: without("cost", "quality") }),
      hits: [{ data: { sub: "quality" } }, { data: { sub: "cost" } }],
    },
    {
      name: "only 数量指标 (湖南-style sheet read from a grid)",
      readings: [
        selfAssessment({
          noScoreColumns: true,
          rows: [
            ["产出指标", "数量指标", "补贴班线数量", "42条", "42条"],
            ["效益指标", "社会效益指标", "出行便利程度", "明显改善", "明显改善"],
            ["满意度指标", "服务对象满意度指标", "乘客满意度", "≥90%", "92%"],
          ],
        }),
      ],
      hits: [
        { cell: "D7", data: { sub: "quality" } },
        { cell: "D7", data: { sub: "timeliness" } },
        { cell: "D7", data: { sub: "cost" } },
      ],
    },
    {
      name: "goal table: the annual block lacks 时效, the medium-term block is complete",
      readings: [
        goalTable({
          midterm: [
            ["产出指标", "数量指标", "改造学校数", "≥36所"],
            [null, "质量指标", "验收合格率", "100%"],
            [null, "时效指标", "完成时间", "2026年底前"],
            [null, "成本指标", "单校平均改造成本", "≤67万元"],
          ],
          annual: [
            ["产出指标", "数量指标", "改造学校数", "≥12所"],
            [null, "质量指标", "验收合格率", "100%"],
            [null, "成本指标", "每平方米改造成本", "≤380元"],
          ],
        }),
      ],
      hits: [{ cell: "D12", data: { block: "annual", sub: "timeliness" } }],
    },
  ],
});
