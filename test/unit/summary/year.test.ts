import { planSheets } from "../../../src/engine/summary";
import { makeReport, project } from "./factory";

describe("the year in the titles", () => {
  it("is the self-assessments' year even when a next-year goal table is checked with them", () => {
    const report = makeReport({
      projects: [
        project({ name: "城区道路路灯维护", year: 2023 }),
        project({ name: "社区养老", year: 2023 }),
        project({ name: "中小学校舍安全维修改造", template: "goal", year: 2024, budget: null }),
        project({ name: "校舍二期", template: "goal", year: 2024, budget: null }),
        project({ name: "校舍三期", template: "goal", year: 2024, budget: null }),
      ],
    });
    const plans = planSheets(report, { lang: "zh", now: new Date(2024, 4, 31) });
    expect(plans.find((p) => p.name === "评价汇总")!.rows[0][0].v).toBe("2023年度预算绩效评价汇总");
    expect(String(plans.find((p) => p.name === "评价报告")!.rows[0][0].v)).toMatch(/^2023年度/);
  });
});
