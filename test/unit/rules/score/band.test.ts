import { rule } from "../../../../src/engine/rules/score/band";
import { getProfile } from "../../../../src/engine/profiles";
import { testRule } from "../../../helpers/rule-tester";
import { department, DEPARTMENT_ROWS, national, NATIONAL_ROWS, withRows } from "./fixtures";

/** Row 5 is 失能老人生活质量改善情况 (有效改善, weight 15) at E21 / I21. */
const qual = (actual: string, score: number | null, extra = {}) => national({ rows: withRows({ 5: { actual, score, ...extra } }) });

testRule(rule, {
  valid: [
    { name: "部分达成 scored 11 of 15, inside [9, 12) (example 01)", project: national() },
    { name: "部分达成 at the band's low end 9", project: qual("部分达成年度指标并具有一定效果", 9) },
    { name: "达成 scored 15", project: qual("达成年度指标", 15) },
    { name: "达成 at the full band's low end 12", project: qual("达成年度指标", 12) },
    { name: "未达成 scored 5 of 15, inside [0, 9)", project: qual("未达成年度指标且效果较差", 5) },
    { name: "wording that picks no band is not checked", project: qual("详见附件", 3) },
    { name: "no stated score", project: qual("部分达成年度指标并具有一定效果", null) },
    {
      name: "a deadline met late (11月底前 → 12月中旬) scored 7 of 10, inside [6, 8)",
      project: national({ rows: withRows({ 3: { name: "维修完成时间", level2: "timeliness", target: "11月底前", actual: "12月中旬", score: 7, reason: "雨季延误" } }) }),
    },
    { name: "quantitative rows are score/formula's", project: national({ rows: withRows({ 0: { score: 3 } }) }) },
    { name: "a score above the weight is score/exceeds-weight's", project: qual("部分达成年度指标并具有一定效果", 16) },
    {
      name: "hubei bands: 部分达成 [7.5, 12) accepts 8",
      project: qual("部分达成年度指标并具有一定效果", 8),
      options: { profile: getProfile("hubei") },
    },
    { name: "department-level 定性 row 健全 = 健全 at full marks (example 05)", project: department() },
    {
      name: "no score columns",
      project: national({ hasScoreColumns: false, rows: NATIONAL_ROWS.map((r) => ({ ...r, weight: null, score: null })) }),
    },
    { name: "goal tables", project: national({ template: "goal", rows: withRows({ 5: { score: 15 } }) }) },
  ],
  invalid: [
    {
      name: "部分达成 scored 15 of 15: band [9, 12)",
      project: qual("部分达成年度指标并具有一定效果", 15),
      hits: [{ cell: "I21", data: { band: "partial", low: 9, high: 12, weight: 15, score: 15, name: "失能老人生活质量改善情况" } }],
    },
    {
      name: "部分达成 at the band's excluded top 12",
      project: qual("部分达成年度指标并具有一定效果", 12),
      hits: [{ data: { band: "partial", high: 12 } }],
    },
    { name: "部分达成 just below the band: 8.98", project: qual("部分达成年度指标并具有一定效果", 8.98), hits: [{ data: { low: 9 } }] },
    { name: "达成 scored 10 of 15: band [12, 15]", project: qual("达成年度指标", 10), hits: [{ data: { band: "full", low: 12, high: 15 } }] },
    { name: "未完成 scored 10 of 15: band [0, 9)", project: qual("未完成", 10), hits: [{ data: { band: "unmet", low: 0, high: 9 } }] },
    {
      name: "a deadline met late scored full marks",
      project: national({ rows: withRows({ 3: { name: "维修完成时间", level2: "timeliness", target: "11月底前", actual: "12月中旬", score: 10 } }) }),
      hits: [{ cell: "I19", data: { band: "partial", low: 6, high: 8 } }],
    },
    {
      name: "hubei bands: 部分达成 [7.5, 12) rejects 7",
      project: qual("部分达成年度指标并具有一定效果", 7),
      options: { profile: getProfile("hubei") },
      hits: [{ data: { low: 7.5, high: 12 } }],
    },
    {
      name: "department-level 定性 row 不健全 scored 5 of 5",
      project: department({ rows: DEPARTMENT_ROWS.map((r, i) => (i === 7 ? { ...r, actual: "不健全" } : r)) }),
      hits: [{ cell: "I16", data: { band: "unmet", high: 3 } }],
    },
  ],
});

describe("score/band message", () => {
  it("shows the band range", () => {
    const d = { name: "失能老人生活质量改善情况", actual: "部分达成", bandZh: "部分达成", bandEn: "partly met", low: 9, high: 12, includesHigh: 0, weight: 15, score: 15 };
    expect(rule.message.zh(d)).toContain("[9, 12)");
    expect(rule.message.en(d)).toContain("[9, 12) of 15");
    expect(rule.message.zh({ ...d, low: 12, high: 15, includesHigh: 1 })).toContain("[12, 15]");
  });
});
