/**
 * The bundled demo workbook must stay what its generator builds, and must show what the demo promises:
 * every layout read, real findings, a spot-check comparison and a skipped instructions sheet.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { check } from "../../src/engine";
import { buildDemoWorkbook } from "../helpers/make-samples";
import { readBuffer } from "../helpers/workbooks";

const DEMO = path.resolve(__dirname, "../../assets/samples/demo.xlsx");

function strip(r: Awaited<ReturnType<typeof readBuffer>>) {
  return JSON.stringify({ sheets: r.sheets, projects: r.projects, reviews: r.reviews });
}

describe("assets/samples/demo.xlsx", () => {
  beforeAll(async () => {
    if (process.env.UPDATE_SAMPLES) await fs.writeFile(DEMO, await buildDemoWorkbook());
  });

  it("is what the generator builds", async () => {
    const committed = await readBuffer(await fs.readFile(DEMO), "demo.xlsx");
    const fresh = await readBuffer(await buildDemoWorkbook(), "demo.xlsx");
    expect(strip(committed)).toBe(strip(fresh));
  });

  it("reads every layout, finds real problems and compares the spot checks", async () => {
    const reading = await readBuffer(await fs.readFile(DEMO), "demo.xlsx");
    const report = check([reading]);
    const kinds = Object.fromEntries(reading.sheets.map((s) => [s.sheet, s.kind]));
    expect(kinds).toEqual({
      填报说明: "unrecognized",
      社区养老服务补贴: "self-assessment",
      农村饮水安全维修: "self-assessment",
      工资性支出: "self-assessment",
      农田灌溉渠系: "self-assessment",
      客运班线补贴: "self-assessment",
      养老服务目标表: "goal",
      抽查复核: "spot-check-list",
    });
    const names = report.projects.map((p) => p.name);
    expect(names).toEqual(
      expect.arrayContaining(["社区居家养老服务补贴项目", "农村饮水安全工程维修养护", "工资性支出", "某镇高标准农田灌溉渠系配套", "农村客运班线运营补贴"]),
    );
    const rules = new Set(report.findings.map((f) => f.rule));
    for (const r of ["template/unrecognized", "spotcheck/gap", "spotcheck/no-self-assessment", "spotcheck/poor", "goal/target-changed", "goal/indicator-dropped", "budget/total-mismatch", "target/placeholder", "score/all-full"]) {
      expect(rules).toContain(r);
    }
    const elderly = report.projects.find((p) => p.name === "社区居家养老服务补贴项目")!;
    expect(elderly.review).toMatchObject({ score: 81.31, grade: "良", gap: -13.23 });
    expect(report.summary.errors).toBeGreaterThan(0);
  });
});
