/**
 * The review workflow's companion sheets (issue 16: 抽样说明, 自评质量, 抽评发现的问题) as the product writes them
 * (engine/sample/plans.ts) are skipped by the reader — no template/* finding — and the reviewer's 复核确认得分 on
 * 自评质量 is read back; a user's own sheet of the same name (no mark in A2) is read like any sheet.
 */
import { check } from "../../../src/engine";
import type { Grid } from "../../../src/engine/grid";
import { readWorkbook } from "../../../src/engine/read";
import { drawSample } from "../../../src/engine/sample";
import { problemsPlan, qualityPlan, sampleListPlans } from "../../../src/engine/sample/plans";
import type { TemplatePlan } from "../../../src/engine/templates";
import { makeIndicator, makeProject } from "../../helpers/factories";

const gridOf = (plan: TemplatePlan): Grid => ({ sheet: plan.name, top: 0, left: 0, values: plan.rows.map((r) => r.map((c) => c.v)), merges: plan.merges });

const project = makeProject({ id: "a!1", name: "社区居家养老服务补贴", code: "341302230000001", indicators: [makeIndicator({ name: "服务人次", target: "", actual: "" })] });

describe("companion sheets", () => {
  const item = { project, findings: check([{ file: "a.xlsx", sheets: [], projects: [project], reviews: [] }]).findings };
  const note = sampleListPlans(drawSample([project], { rate: 1, seed: 1 }))[1];

  test.each([
    ["抽样说明", note],
    ["自评质量", qualityPlan([item])],
    ["抽评发现的问题", problemsPlan([item])],
  ])("%s is the product's: skipped, nothing reported", (name, plan) => {
    expect(plan.name).toBe(name);
    const reading = readWorkbook({ file: "复核.xlsx", grids: [gridOf(plan)] });
    expect(reading.sheets.map((s) => s.kind)).toEqual(["output"]);
    expect(check([reading]).findings).toEqual([]);
  });

  test("自评质量: the reviewer's 复核确认得分 and 复核意见 are read back onto the project", () => {
    const plan = qualityPlan([item]);
    const values = plan.rows.map((r) => r.map((c) => c.v));
    const header = values.findIndex((r) => r.includes("复核确认得分"));
    values[header + 1][values[header].indexOf("复核确认得分")] = 70;
    values[header + 1][values[header].indexOf("复核意见")] = "指标值未填写";
    const confirmed = readWorkbook({ file: "复核.xlsx", grids: [{ ...gridOf(plan), values }] });
    expect(confirmed.quality).toEqual([expect.objectContaining({ name: project.name, code: project.code, score: 70, note: "指标值未填写" })]);
    const r = check([{ file: "a.xlsx", sheets: [], projects: [project], reviews: [] }, confirmed]);
    expect(r.projects[0].quality).toMatchObject({ confirmed: 70, confirmedNote: "指标值未填写" });
    expect(r.projects[0].quality!.score).toBeLessThan(100);
  });

  test("unconfirmed rows leave the rubric's score alone", () => {
    const reading = readWorkbook({ file: "复核.xlsx", grids: [gridOf(qualityPlan([item]))] });
    expect(reading.quality).toBeUndefined();
  });

  test("a user's own sheet named 自评质量 (no mark) is read like any sheet", () => {
    const plan = qualityPlan([item]);
    const values = plan.rows.map((r) => r.map((c) => c.v));
    values[1][0] = "本表由单位自行填写";
    const reading = readWorkbook({ file: "复核.xlsx", grids: [{ ...gridOf(plan), values }] });
    expect(reading.sheets[0].kind).not.toBe("output");
    expect(reading.quality).toBeUndefined();
  });
});
