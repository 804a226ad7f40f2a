import { rule } from "../../../../src/engine/rules/target/cost-direction";
import { testRule } from "../../../helpers/rule-tester";
import { makeProject } from "../../../helpers/factories";
import { categorised, goalTable, selfAssessment } from "../../../helpers/indicator-sheets";

testRule(rule, {
  valid: [
    { name: "cost capped with ≤", project: makeProject({ indicators: [categorised("output", "cost", { name: "单处维修平均成本", target: "≤4.5万元", actual: "4.26万元" })] }) },
    { name: "cost with no operator (read as ≤)", project: makeProject({ indicators: [categorised("output", "cost", { name: "人均补贴标准", target: "2000元/人·年", actual: "2000元/人·年" })] }) },
    { name: "≥ on a quantity indicator is normal", project: makeProject({ indicators: [categorised("output", "quantity", { name: "培训人数", target: "≥1200人" })] }) },
    { name: "a saving measured with ≥: 成本节约率", project: makeProject({ indicators: [categorised("output", "cost", { name: "成本节约率", target: "≥5%", actual: "6%" })] }) },
    { name: "qualitative 社会成本 target", project: makeProject({ indicators: [categorised("cost", "social-cost", { name: "对周边居民影响", target: "影响较小", actual: "影响较小" })] }) },
  ],
  invalid: [
    {
      name: "成本指标 under 产出 with ≥",
      project: makeProject({ indicators: [categorised("output", "cost", { name: "人均补助标准", target: "≥2000元/人", actual: "2100元/人", cell: "E19" })] }),
      hits: [{ cell: "F19", data: { name: "人均补助标准", op: "≥", target: "≥2000元/人" } }],
    },
    {
      name: "2021 framework: 一级 成本指标 / 经济成本指标 with 不低于 (read from a grid)",
      readings: [selfAssessment({ rows: [["成本指标", "经济成本指标", "项目总成本", "不低于300万元", "310万元", 10, 10]] })],
      hits: [{ cell: "E7", data: { op: "≥" } }],
    },
    {
      name: "> and 以上 count too",
      project: makeProject({
        indicators: [
          categorised("output", "cost", { name: "设备采购成本", target: ">50万元", actual: "55万元" }),
          categorised("cost", "economic-cost", { name: "运维费用", target: "20万元以上", actual: "22万元" }),
        ],
      }),
      hits: [{ data: { op: ">" } }, { data: { op: "≥" } }],
    },
    {
      name: "goal table: the target is set wrong at the source",
      readings: [goalTable({ annual: [["产出指标", "成本指标", "每平方米改造成本", "≥380元"]] })],
      hits: [{ cell: "E7" }],
    },
  ],
});
