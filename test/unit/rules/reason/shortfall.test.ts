import { rule } from "../../../../src/engine/rules/reason/shortfall";
import { findingsFor, testRule } from "../../../helpers/rule-tester";
import { makeIndicator, makeProject } from "../../../helpers/factories";
import { categorised, departmentForm, goalTable, selfAssessment } from "../../../helpers/indicator-sheets";

const one = (init: Parameters<typeof makeIndicator>[0]) => makeProject({ indicators: [makeIndicator(init)] });

/** Example 01, second project: 保障饮水安全人口 ≥8.5万人 → 8.2万人, 14.47 of 15, no reason. */
const water = () =>
  one({ name: "保障饮水安全人口", level1: "effect", level2: "social", target: "≥8.5万人", actual: "8.2万人", weight: 15, score: 14.47, cell: "E20" });

testRule(rule, {
  valid: [
    { name: "target met", project: one({ target: "≥1200人", actual: "1250人", weight: 15, score: 15 }) },
    {
      name: "shortfall with a reason (example 01: 上门服务老年人数 1136 of ≥1200)",
      project: one({ name: "上门服务老年人数", target: "≥1200人", actual: "1136人", weight: 15, score: 14.2, reason: "部分老人入院或去世，服务对象减少" }),
    },
    {
      name: "qualitative 部分达成 band, no reason (example 01: 失能老人生活质量改善情况 11 of 15)",
      project: one({ name: "失能老人生活质量改善情况", level1: "effect", level2: "social", target: "有效改善", actual: "部分达成年度指标并具有一定效果", weight: 15, score: 11 }),
    },
    {
      name: "deadline met late is the partial band (11月底前 → 12月中旬), even without a reason",
      project: one({ name: "维修完成时间", level2: "timeliness", target: "11月底前", actual: "12月中旬", weight: 10, score: 7 }),
    },
    {
      name: "lower-is-better rate with no operator: 预算调整率 10%, actual 8.6%",
      project: one({ name: "预算调整率", target: "10%", actual: "8.6%", weight: 5, score: 5 }),
    },
    {
      name: "cost indicator without operator below its ceiling",
      project: makeProject({ indicators: [categorised("output", "cost", { name: "人均补贴标准", target: "2000元/人·年", actual: "1980元/人·年", weight: 5, score: 5 })] }),
    },
    { name: "a ceiling kept: 服务投诉率 ≤2%, 1.1%", project: one({ name: "服务投诉率", target: "≤2%", actual: "1.1%", weight: 10, score: 10 }) },
    { name: "over-achievement", project: one({ target: "≥100个", actual: "180个", weight: 10, score: 10 }) },
    {
      name: "target met but a stated score below the weight is score/formula's finding",
      project: one({ target: "≥100个", actual: "100个", weight: 10, score: 8 }),
    },
    { name: "a worded actual is actual/not-numeric's finding", project: one({ target: "≥95%", actual: "完成", weight: 10, score: 8 }) },
    { name: "an actual with an operator (≥90%) is actual/copies-target's finding", project: one({ target: "≥95%", actual: "≥90%", weight: 10, score: 9.47 }) },
    { name: "a blank actual is actual/missing's finding", project: one({ target: "≥95%", actual: "", weight: 10, score: 0 }) },
    {
      name: "湖南 style (no score columns): 乘客满意度 88% of ≥90% with a reason (example 07)",
      readings: [
        selfAssessment({ noScoreColumns: true, rows: [["满意度指标", "服务对象满意度指标", "乘客满意度", "≥90%", "88%", null, null, "部分车辆老旧，已纳入更新计划"]] }),
      ],
    },
    {
      name: "department-level form without a reason column (example 05: 43% of ≥45%)",
      readings: [departmentForm({ rows: [["家庭医生签约服务覆盖率", "%", "定量指标", "≥45%", "43%", 15, 14.33]] })],
    },
    { name: "goal tables have no actuals", readings: [goalTable({ annual: [["产出指标", "数量指标", "培训人数", "≥1200人"]] })] },
  ],
  invalid: [
    {
      name: "example 01: 保障饮水安全人口 8.2 of ≥8.5万人, no reason → at the reason cell",
      project: water(),
      hits: [{ cell: "J20", data: { name: "保障饮水安全人口", kind: "higher", target: "≥8.5万人", actual: "8.2万人", weight: 15, score: 14.47 } }],
    },
    {
      name: "a reason cell saying only “无”",
      project: one({ target: "≥95%", actual: "90%", weight: 10, score: 9.47, reason: "无" }),
      hits: [{}],
    },
    {
      name: "qualitative, lowest band (未完成)",
      project: one({ name: "制度建设", target: "建立健全", actual: "未完成", weight: 10, score: 4, cell: "E18" }),
      hits: [{ cell: "J18", data: { kind: "qualitative", actual: "未完成" } }],
    },
    {
      name: "qualitative wording we cannot place, stated score in the unmet range",
      project: one({ name: "宣传效果", target: "广泛知晓", actual: "知晓面不广", weight: 10, score: 4 }),
      hits: [{ data: { kind: "qualitative" } }],
    },
    {
      name: "lower-is-better without operator: 预算调整率 10%, actual 12%",
      project: one({ name: "预算调整率", target: "10%", actual: "12%", weight: 5, score: 4.17 }),
      hits: [{ data: { kind: "lower" } }],
    },
    {
      name: "四川 ceiling exceeded with no reason: 投诉件数 ≤60件, 75件",
      project: one({ name: "城乡环境卫生投诉件数", target: "≤60件", actual: "75件", weight: 10, score: 8 }),
      hits: [{ data: { kind: "lower", score: 8 } }],
    },
    {
      name: "units reconciled: 82000人 against ≥8.5万人",
      project: one({ name: "受益人口", target: "≥8.5万人", actual: "82000人", weight: 10 }),
      hits: [{ data: { score: null } }],
    },
    {
      name: "units that do not reconcile: the stated score below the weight decides",
      project: one({ name: "受益对象", target: "≥100户", actual: "95人", weight: 10, score: 8 }),
      hits: [{}],
    },
    {
      name: "湖南 style (no score columns) without a reason",
      readings: [selfAssessment({ noScoreColumns: true, rows: [["满意度指标", "服务对象满意度指标", "乘客满意度", "≥90%", "88%"]] })],
      hits: [{ cell: "G7", data: { score: null, reasonColumn: 1 } }],
    },
    {
      name: "self-assessment without a reason column: points at the actual cell",
      readings: [selfAssessment({ noReasonColumn: true, rows: [["产出指标", "数量指标", "培训人数", "≥1200人", "1100人", 10, 9.17]] })],
      hits: [{ cell: "F7", data: { reasonColumn: 0 } }],
    },
  ],
});

describe("reason/shortfall message", () => {
  it("names the indicator and the numbers (example 01)", () => {
    const [zh] = findingsFor(rule, { name: "water", project: water() }, "zh");
    expect(zh.message).toBe("“保障饮水安全人口”实际完成8.2万人，未达到年度指标值≥8.5万人（得分14.47，分值15），但未填写偏差原因。");
    const [en] = findingsFor(rule, { name: "water", project: water() }, "en");
    expect(en.message).toBe('"保障饮水安全人口": actual 8.2万人 falls short of the target ≥8.5万人 (score 14.47 of 15), but no reason is given.');
  });
});
