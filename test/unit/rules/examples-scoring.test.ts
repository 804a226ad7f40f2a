/**
 * The weight / score / budget rules and the scoring on the shared example workbooks
 * (copied into test/fixtures/examples, README.md there): exactly the findings of these rules the README implies,
 * and the computed scores and grades it states.
 */
import ExcelJS from "exceljs";
import { examplePath } from "../../helpers/examples";
import { workbookToGrids } from "../../../src/adapters/xlsx-file/grid";
import { check, getProfile, readWorkbook, type WorkbookReading } from "../../../src/engine";
import type { Project } from "../../../src/engine/model";
import { RULES as ALL_RULES } from "../../../src/engine/rules";

/** The registered rules of these families (the registry is the one list of rules). */
const RULES = ALL_RULES.filter((r) => /^(weight|score|budget)\//.test(r.id));

const FILES = {
  "01": "01-national-two-projects.xlsx",
  "02": "02-sichuan-split-columns.xlsx",
  "03": "03-weights-before-values.xlsx",
  "05": "05-department-level.xlsx",
  "07": "07-no-score-columns.xlsx",
} as const;

async function read(file: string): Promise<WorkbookReading> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(examplePath(file));
  return readWorkbook({ file, grids: workbookToGrids(wb) });
}

const findings = (r: WorkbookReading) => check([r], { rules: RULES }).findings.map((f) => `${f.rule} ${f.project} ${f.cell}: ${f.message}`);
const scored = (r: WorkbookReading) => check([r], { rules: [] }).projects;
const byName = (ps: Project[], name: string) => {
  const p = ps.find((x) => x.name === name);
  if (!p) throw new Error(`no project ${name} in ${ps.map((x) => x.name).join(", ")}`);
  return p;
};
const indicator = (p: Project, name: string) => {
  const i = p.indicators.find((x) => x.name === name);
  if (!i) throw new Error(`no indicator ${name}`);
  return i;
};

describe("weight / score / budget rules on the example workbooks", () => {
  const readings: Record<keyof typeof FILES, WorkbookReading> = {} as never;
  beforeAll(async () => {
    for (const [k, f] of Object.entries(FILES)) readings[k as keyof typeof FILES] = await read(f);
  });

  it("01: two national projects, no findings, 94.54 and 94.25", () => {
    expect(findings(readings["01"])).toEqual([]);
    const ps = scored(readings["01"]);
    const care = byName(ps, "社区居家养老服务补贴项目");
    expect(care.budget).toMatchObject({ adjusted: 248, executed: 231.6, rate: 0.9339, computedScore: 9.34 });
    expect(care.indicators).toHaveLength(8);
    expect(indicator(care, "失能老人生活质量改善情况").computedScore).toBe(11);
    expect(care).toMatchObject({ statedTotal: 94.54, computedScore: 94.54, grade: "优", computedGrade: "优" });
    const water = byName(ps, "农村饮水安全工程维修养护");
    expect(water.budget).toMatchObject({ adjusted: 180, executed: 162, rate: 0.9, computedScore: 9 });
    expect(water.indicators).toHaveLength(7);
    expect(indicator(water, "保障饮水安全人口").computedScore).toBe(14.47);
    expect(indicator(water, "维修完成时间").computedScore).toBe(7);
    expect(water).toMatchObject({ statedTotal: 94.25, computedScore: 94.25, grade: "优" });
  });

  it("02: 四川 form, 87.9 % with a reason, no findings, 96.79", () => {
    expect(findings(readings["02"])).toEqual([]);
    const [p] = scored(readings["02"]);
    expect(p).toMatchObject({ code: "51110123T000001234567", name: "城乡环卫一体化保洁服务" });
    expect(p.budget).toMatchObject({ rate: 0.879, computedScore: 8.79 });
    expect(p.indicators).toHaveLength(7);
    expect(indicator(p, "城乡环境卫生投诉件数").computedScore).toBe(8);
    expect(p).toMatchObject({ computedScore: 96.79, selfScore: 96.79, grade: "优" });
    // Its split is 产出 55 / 效益 25 / 满意度 10 ("绩效指标(90分)", shared freely): weight/split leaves 四川
    // projects (code 51…) alone under the default profile, and never fires under the sichuan profile.
    expect(check([readings["02"]], { rules: RULES, profile: getProfile("sichuan") }).findings).toEqual([]);
  });

  it("03: weights before values, declared 50 / 30 / 10, score/all-full once, 100", () => {
    const report = check([readings["03"]], { rules: RULES });
    expect(report.findings.map((f) => [f.rule, f.severity, f.project])).toEqual([["score/all-full", "info", "某镇高标准农田灌溉渠系配套"]]);
    const [p] = report.projects;
    expect(p.declaredWeights.map((d) => d.weight)).toEqual([50, 30, 10]);
    expect(p.budget).toMatchObject({ rate: 1, computedScore: 10 });
    expect(p.indicators).toHaveLength(8);
    expect(p).toMatchObject({ computedScore: 100, selfScore: 100, grade: "优" });
  });

  it("05: department-level form, no findings, 14.33 and 13.94, 97.63", () => {
    expect(findings(readings["05"])).toEqual([]);
    const [p] = scored(readings["05"]);
    expect(p.template).toBe("department-self-assessment");
    expect(p.budget).toMatchObject({ rate: 0.936, computedScore: 9.36 });
    expect(p.indicators).toHaveLength(9);
    expect(indicator(p, "家庭医生签约服务覆盖率").computedScore).toBe(14.33);
    expect(indicator(p, "群众就医满意度").computedScore).toBe(13.94);
    expect(indicator(p, "三公经费控制率").direction).toBe("lower");
    expect(indicator(p, "预算调整率").direction).toBe("lower");
    expect(p).toMatchObject({ statedTotal: 97.63, computedScore: 97.63, grade: "优", computedGrade: "优" });
  });

  it("07: no score columns, no weight/* or score/* findings, 99 %", () => {
    expect(findings(readings["07"])).toEqual([]);
    const [p] = scored(readings["07"]);
    expect(p.hasScoreColumns).toBe(false);
    expect(p.budget?.rate).toBe(0.99);
    expect(p.indicators).toHaveLength(7);
    expect(p.indicators.every((i) => i.weightSource === "profile")).toBe(true);
  });

  it("all five checked together: only 03's score/all-full", () => {
    const report = check(Object.values(readings), { rules: RULES });
    expect(report.findings.map((f) => `${f.rule} ${f.file}`)).toEqual(["score/all-full 03-weights-before-values.xlsx"]);
    expect(report.summary.byGrade).toEqual({ 优: 6, 良: 0, 中: 0, 差: 0 });
  });

  it("all five in English too", () => {
    const report = check(Object.values(readings), { rules: RULES, lang: "en" });
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0].message).toMatch(/All 8 indicators/);
  });
});
