import { check } from "../../../src/engine";
import { qualityOf, RUBRIC } from "../../../src/engine/quality";
import { RULES } from "../../../src/engine/rules";
import { makeIndicator, makeProject } from "../../helpers/factories";

const f = (rule: string, n = 1) => Array.from({ length: n }, () => ({ rule }));

describe("the 自评质量 rubric (data)", () => {
  it("has dimensions worth 100 points in all", () => {
    expect(RUBRIC.dimensions.reduce((a, d) => a + d.points, 0)).toBe(100);
  });
  it("names only registered rules, each in one criterion, with caps no smaller than a deduction", () => {
    const ids = new Set(RULES.map((r) => r.id));
    const seen: string[] = [];
    for (const c of RUBRIC.criteria) {
      for (const r of c.rules) {
        expect(ids.has(r)).toBe(true);
        seen.push(r);
      }
      expect(c.cap).toBeGreaterThanOrEqual(c.deduction);
      expect(RUBRIC.dimensions.some((d) => d.key === c.dimension)).toBe(true);
      expect(c.title.zh).toMatch(/[\u4e00-\u9fa5]/);
      expect(c.title.en).toMatch(/^[A-Z]/);
    }
    expect(new Set(seen).size).toBe(seen.length);
  });
});

describe("qualityOf: findings → score", () => {
  it.each([
    ["no findings", [], 100, { completeness: 30, accuracy: 30, reasoning: 20, targets: 20 }],
    ["one missing target", f("target/missing"), 97, { completeness: 27 }],
    ["six missing actuals: capped at 15", f("actual/missing", 6), 85, { completeness: 15 }],
    ["missing output and effect", [...f("category/missing-output"), ...f("category/missing-effect")], 80, { completeness: 10 }],
    ["the dimension never goes below 0", [...f("category/missing-output", 2), ...f("target/missing", 5), ...f("template/missing-field", 2)], 70, { completeness: 0 }],
    ["all full marks", f("score/all-full"), 92, { reasoning: 12 }],
    ["all full marks and the unit all at 100: one criterion, capped", [...f("score/all-full"), ...f("unit/all-full-score")], 92, { reasoning: 12 }],
    ["total wrong and two formula slips", [...f("score/total-mismatch"), ...f("score/formula", 2)], 84, { accuracy: 14 }],
    ["placeholders and bare percentages", [...f("target/placeholder"), ...f("target/bare-percentage")], 92, { targets: 12 }],
    ["info findings of no criterion do not count", [...f("template/unknown-column"), ...f("category/unknown")], 100, {}],
  ])("%s", (_name, findings, score, dims) => {
    const q = qualityOf(findings);
    expect(q.score).toBe(score);
    const byKey = Object.fromEntries(q.dimensions.map((d) => [d.key, d.score]));
    expect(byKey).toMatchObject(dims);
  });
});

describe("check() fills in 自评质量", () => {
  it("per self-assessment, from its own findings", () => {
    const good = makeProject({ id: "a!1", name: "甲", indicators: [makeIndicator({ name: "培训人次", target: "≥100人次", actual: "100人次" })] });
    const bad = makeProject({ id: "a!2", name: "乙", indicators: [makeIndicator({ name: "培训人次", target: "", actual: "" })] });
    const r = check([{ file: "a.xlsx", sheets: [], projects: [good, bad], reviews: [] }]);
    const q = Object.fromEntries(r.projects.map((p) => [p.name, p.quality?.score]));
    expect(q["乙"]).toBeLessThan(q["甲"]!);
    const own = r.findings.filter((x) => x.projectId === "a!2");
    expect(q["乙"]).toBe(qualityOf(own).score);
  });
});
