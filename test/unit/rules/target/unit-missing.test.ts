import { rule, unitImpliedByName } from "../../../../src/engine/rules/target/unit-missing";
import { testRule } from "../../../helpers/rule-tester";
import { makeIndicator, makeProject, num } from "../../../helpers/factories";
import { departmentForm, selfAssessment } from "../../../helpers/indicator-sheets";

const p = (...inds: Parameters<typeof makeIndicator>[0][]) => makeProject({ indicators: inds.map((i) => makeIndicator(i)) });

testRule(rule, {
  valid: [
    { name: "units written", project: p({ target: "≥1200人" }, { target: "≤4.5万元" }, { target: "≥95%" }) },
    { name: "counts stated in the name: 人数, 个数, 次数, 数量, 人次", project: p({ name: "培训人数", target: 1200, actual: 1250 }, { name: "新建站点个数", target: "≥12", actual: 12 }, { name: "巡查次数", target: "≥24", actual: 30 }, { name: "补贴班线数量", target: 42, actual: 42 }, { name: "培训人次", target: "≥1500", actual: 1600 }) },
    { name: "rates and shares imply %: 合格率, 比例, 占比, 满意度", project: p({ name: "验收合格率", target: 100, actual: 100 }, { name: "资金支付比例", target: "≥90", actual: 95 }, { name: "本地采购占比", target: 30, actual: 35 }, { name: "群众满意度", target: "≥90", actual: 93 }) },
    { name: "年限, 等级, 评分, 比", project: p({ name: "工程设计使用年限", target: "≥15", actual: 15 }, { name: "考核评分", target: "≥90", actual: 92 }, { name: "投入产出比", target: "≥1.5", actual: 1.6 }) },
    { name: "unit in brackets at the end of the name", project: p({ name: "补助标准（元/人·月）", target: "≤300", actual: 300 }, { name: "道路长度(公里)", target: 12, actual: 12 }) },
    { name: "a zero target needs no unit", project: p({ name: "安全生产事故", target: 0, actual: 0 }) },
    { name: "the actual states the unit", project: p({ name: "受益人口", target: "≥1200", actual: "1250人" }) },
    { name: "qualitative and empty targets are not numbers", project: p({ target: "有效改善", actual: "达成年度指标" }, { target: null }) },
    {
      name: "四川 split layout: the 度量单位 column is merged into the value (example 02 style)",
      project: p({ name: "日常保洁面积", target: num(">=", 320, "万平方米"), actual: num(null, 326, "万平方米") }),
    },
    {
      name: "department form: 计量单位 column",
      readings: [departmentForm({ rows: [["家庭医生签约服务覆盖率", "%", "定量指标", "≥45", "43", 15, 14.33]] })],
    },
  ],
  invalid: [
    {
      name: "money with no unit: 元 or 万元?",
      project: p({ name: "人均补贴标准", target: "≤2000", actual: 2000, cell: "E16" }),
      hits: [{ cell: "F16", data: { name: "人均补贴标准", target: "≤2000", value: 2000 } }],
    },
    {
      name: "quantities that need a unit: 受益人口 (人 or 万人?), 垃圾清运量, 新建道路",
      project: p({ name: "受益人口", target: "≥8.5", actual: 8.6 }, { name: "垃圾清运量", target: 3600, actual: 3700 }, { name: "新建道路", target: "≥12", actual: 12 }),
      hits: [{ data: { name: "受益人口" } }, { data: { name: "垃圾清运量" } }, { data: { name: "新建道路" } }],
    },
    {
      name: "a bare number read from a grid",
      readings: [selfAssessment({ rows: [["产出指标", "成本指标", "每公里建设成本", "≤27", 26.9, 10, 10]] })],
      hits: [{ cell: "E7", data: { target: "≤27" } }],
    },
    {
      name: "department form with the 计量单位 cell left blank",
      readings: [departmentForm({ rows: [["公共卫生服务经费", null, "定量指标", "≤1200", "1150", 10, 10]] })],
      hits: [{ cell: "D6", data: { name: "公共卫生服务经费" } }],
    },
  ],
});

describe("unitImpliedByName", () => {
  test.each([
    ["培训人数", true],
    ["覆盖率", true],
    ["收费标准（元）", true],
    ["帮扶贫困户", true],
    ["满意度调查结果", true],
    ["受益人口", false],
    ["补助金额", false],
    ["建设工期", false],
  ])("%s → %p", (name, expected) => {
    expect(unitImpliedByName(name)).toBe(expected);
  });
});
