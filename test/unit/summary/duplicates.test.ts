/** A project submitted twice is counted once (issue 16): the summary and the written counts leave the later copy out; 评价汇总 still lists it. */
import { check } from "../../../src/engine";
import { planSheets } from "../../../src/engine/summary";
import { makeIndicator, makeProject } from "../../helpers/factories";

const form = (file: string, name: string) =>
  makeProject({ id: `${file}!S!1`, name, location: { file, sheet: "S", cell: "A1" }, statedTotal: 95, indicators: [makeIndicator({ name: "服务人次", target: "≥100人次", actual: "100人次", weight: 90, score: 85 })] });

test("the later copy is listed, reported once, and counted once", () => {
  const report = check([
    { file: "a.xlsx", sheets: [], projects: [form("a.xlsx", "养老补贴")], reviews: [] },
    { file: "b.xlsx", sheets: [], projects: [form("b.xlsx", "养老补贴"), { ...form("b.xlsx", "助餐服务"), id: "b.xlsx!S!2" }], reviews: [] },
  ]);
  expect(report.findings.filter((f) => f.rule === "project/duplicate").map((f) => f.projectId)).toEqual(["b.xlsx!S!1"]);
  expect(report.summary.projects).toBe(2);
  expect(Object.values(report.summary.byGrade).reduce((a, n) => a + n, 0)).toBe(2);
  const overview = planSheets(report, { lang: "zh" })[0];
  const names = overview.rows.slice(overview.freezeRows).map((r) => r[3].v);
  expect(names.filter((n) => n === "养老补贴")).toHaveLength(2);
  expect(names).toContain("助餐服务");
});
