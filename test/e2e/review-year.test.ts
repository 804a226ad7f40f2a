/**
 * A reviewer's year, end to end over the benchmark's county corpus (bench/corpus.ts: 300 workbooks, ~1,000 projects):
 * bpr sample draws the 抽查名单 (reproducibly, stratified by self grade, every department represented), bpr
 * review-forms writes a review workbook per sampled project, this test fills them in with known review values as
 * a reviewer would (抽评核实完成值, 抽评得分), and bpr check reads everything back: per-indicator gaps, the project
 * gap, grade changes and 抽评为差 must be exactly the ones the known values give.
 */
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { generateCorpus } from "../../bench/corpus";
import { check } from "../../src/engine";
import type { Grade, Project, Report } from "../../src/engine/model";
import type { WorkbookReading } from "../../src/engine/read";
import { main, readFileForCheck } from "../../src/cli/main";
import { largestRemainder } from "../../src/engine/sample";

const SEED = 20231231;

function io(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s), cwd }, out, err };
}

async function readAll(files: string[]): Promise<WorkbookReading[]> {
  const out: WorkbookReading[] = [];
  for (const f of files) out.push((await readFileForCheck(f, path.basename(f))).reading);
  return out;
}

async function xlsxIn(dir: string): Promise<string[]> {
  return (await fs.readdir(dir)).filter((f) => f.endsWith(".xlsx")).sort().map((f) => path.join(dir, f));
}

const gradeOf = (s: number): Grade => (s >= 90 ? "优" : s >= 80 ? "良" : s >= 60 ? "中" : "差");
const round2 = (x: number) => Math.round(x * 100) / 100;

/** The review a test reviewer gives the k-th sampled project: a fraction of each indicator's weight. */
function factorFor(k: number): number {
  return [1, 0.85, 0.5][k % 3];
}

describe("a reviewer's year over the county corpus", () => {
  let dir: string;
  let corpus: string;
  let baseline: Report;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "bpr-review-year-"));
    corpus = path.join(dir, "corpus");
    await generateCorpus(corpus, SEED);
    baseline = check(await readAll(await xlsxIn(corpus)));
  }, 120_000);

  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  let listFile: string;
  let listReport: Report;

  test("bpr sample: stratified by self grade, every department represented, reproducible from the seed", async () => {
    listFile = path.join(dir, "抽查名单.xlsx");
    const run = io(dir);
    expect(await main(["sample", corpus, "--rate", "10%", "--seed", String(SEED), "--out", listFile], run.io)).toBe(0);
    expect(run.out.join("\n")).toContain(`随机种子 ${SEED}`);
    listReport = check(await readAll([listFile]));
    const rows = listReport.reviews;

    // The population: the corpus's project self-assessments.
    const forms = baseline.projects.filter((p) => p.template === "self-assessment");
    const n = Math.ceil(forms.length * 0.1);
    // Stratified: each grade's allocation is its largest-remainder share of n (department top-ups come on top).
    const grades: Grade[] = ["优", "良", "中", "差"];
    const sizes = grades.map((g) => forms.filter((p) => (p.grade ?? p.computedGrade) === g).length);
    const shares = largestRemainder(n, sizes);
    const note = listReport.sheets.find((s) => s.sheet === "抽样说明");
    expect(note?.kind).toBe("output");
    const byGrade = grades.map((g) => rows.filter((r) => {
      const p = forms.find((f) => f.name === r.name && f.unit === r.unit);
      return p && (p.grade ?? p.computedGrade) === g;
    }).length);
    grades.forEach((_g, i) => expect(byGrade[i]).toBeGreaterThanOrEqual(shares[i]));
    expect(rows.length).toBeGreaterThanOrEqual(n);
    // Every department is represented.
    const depts = new Set(forms.map((p) => p.department));
    expect(new Set(rows.map((r) => r.department))).toEqual(depts);
    // Nothing on the list is a problem to the reader.
    expect(listReport.findings.filter((f) => f.rule.startsWith("template/"))).toEqual([]);

    // The same seed draws the same list; another seed another.
    const again = path.join(dir, "again.xlsx");
    expect(await main(["sample", corpus, "--rate", "10%", "--seed", String(SEED), "--out", again], io(dir).io)).toBe(0);
    const other = path.join(dir, "other.xlsx");
    expect(await main(["sample", corpus, "--rate", "10%", "--seed", String(SEED + 1), "--out", other], io(dir).io)).toBe(0);
    const names = async (f: string) => check(await readAll([f])).reviews.map((r) => `${r.code ?? ""}|${r.name}|${r.unit ?? ""}`);
    expect(await names(again)).toEqual(rows.map((r) => `${r.code ?? ""}|${r.name}|${r.unit ?? ""}`));
    expect(await names(other)).not.toEqual(await names(again));
  }, 120_000);

  test("bpr review-forms, filled with known values, read back and compared", async () => {
    const formsDir = path.join(dir, "forms");
    const run = io(dir);
    expect(await main(["review-forms", corpus, "--list", listFile, "--out-dir", formsDir, "--date", "20240320"], run.io)).toBe(0);
    const files = await xlsxIn(formsDir);
    expect(files.length).toBe(listReport.reviews.length);
    for (const f of files) expect(path.basename(f)).toMatch(/&20240320\.xlsx$/);

    // Fill each workbook's 实际绩效 as a reviewer: 抽评得分 = factor × 指标权重, 抽评核实完成值 a text.
    const filled = new Map<string, number>(); // title name|unit → factor
    for (let k = 0; k < files.length; k++) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(files[k]);
      const ws = wb.getWorksheet("实际绩效")!;
      expect(ws.getCell("B2").value).toBeTruthy();
      const factor = factorFor(k);
      filled.set(`${String(ws.getCell("B2").value)}|${String(ws.getCell("H3").value)}`, factor);
      let header = 0;
      ws.eachRow((row, r) => {
        if (row.getCell(1).value === "一级指标") header = r;
      });
      for (let r = header + 1; r <= ws.rowCount; r++) {
        const w = Number(ws.getCell(r, 7).value);
        if (!ws.getCell(r, 3).value || !Number.isFinite(w)) continue;
        ws.getCell(r, 8).value = "经核实";
        ws.getCell(r, 9).value = round2(w * factor);
      }
      // The reviewer confirms (or corrects) the prefilled 自评质量 on the half-mark projects.
      if (factor === 0.5) {
        const q = wb.getWorksheet("自评质量")!;
        expect(q.getCell("I3").value).toBe("复核确认得分");
        q.getCell("I4").value = 60;
        q.getCell("K4").value = "照搬模板，未实质自检";
        // … and writes down a problem of its own on 抽评发现的问题's first empty row.
        const pr = wb.getWorksheet("抽评发现的问题")!;
        let blank = 0;
        pr.eachRow((row, r) => {
          if (!blank && r > 3 && !row.getCell(3).value && !row.getCell(5).value) blank = r;
        });
        pr.getCell(blank, 5).value = "效益指标无佐证材料";
      }
      await wb.xlsx.writeFile(files[k]);
    }

    // The self-assessments (the corpus's own, earlier spot-check results left out: this year's review is ours).
    const selfAssessments = (await xlsxIn(corpus)).filter((f) => !path.basename(f).includes("抽查复核"));
    const report = check(await readAll([...selfAssessments, ...files, listFile]));
    // The review workbooks' own sheets raise nothing.
    const fromForms = report.findings.filter((f) => f.file.endsWith("&20240320.xlsx") || f.file === path.basename(listFile));
    expect(fromForms.filter((f) => f.rule.startsWith("template/"))).toEqual([]);
    expect(report.findings.filter((f) => f.rule === "spotcheck/no-self-assessment")).toEqual([]);

    const reviewed = report.projects.filter((p) => p.review !== null && p.review.score !== null);
    expect(reviewed.length).toBe(files.length);
    let changed = 0;
    let poor = 0;
    for (const p of reviewed) {
      const factor = filled.get(`${p.name}|${p.unit}`);
      expect(factor).toBeDefined();
      const exec = p.budget?.computedScore ?? p.budget?.score ?? 0;
      const sum = p.indicators.reduce((a, i) => a + round2((i.weight ?? 0) * factor!), 0);
      const expected = round2(exec + sum);
      expect(p.review!.score).toBeCloseTo(expected, 2);
      expect(p.review!.gap).toBeCloseTo(round2(expected - p.selfScore!), 2);
      expect(p.review!.grade).toBe(gradeOf(expected));
      const rules = new Set(report.findings.filter((f) => f.projectId === p.id).map((f) => f.rule));
      const self = p.grade ?? p.computedGrade;
      expect(rules.has("spotcheck/grade-changed")).toBe(self !== gradeOf(expected));
      expect(rules.has("spotcheck/poor")).toBe(gradeOf(expected) === "差");
      const abs = Math.abs(expected - p.selfScore!);
      expect(rules.has("spotcheck/gap") || rules.has("spotcheck/gap-severe")).toBe(abs >= 10 - 1e-9);
      // Half marks on every indicator the self-assessment scored higher: per-indicator gaps.
      if (factor === 0.5) expect(rules.has("spotcheck/indicator-gap")).toBe(p.indicators.some((i) => (i.score ?? i.computedScore ?? 0) - round2((i.weight ?? 0) * 0.5) >= 0.3 * (i.weight ?? 0) - 1e-9));
      // The confirmed 自评质量 is read back from the 自评质量 sheet; elsewhere only the rubric's score.
      expect(p.quality?.confirmed ?? null).toBe(factor === 0.5 ? 60 : null);
      if (factor === 0.5) expect(p.quality?.confirmedNote).toBe("照搬模板，未实质自检");
      if (self !== gradeOf(expected)) changed++;
      if (gradeOf(expected) === "差") poor++;
    }
    // The problems the reviewer wrote are findings of their projects.
    const added = report.findings.filter((f) => f.rule === "spotcheck/review-problem");
    expect(added).toHaveLength([...filled.values()].filter((f) => f === 0.5).length);
    expect(added.every((f) => f.projectId !== null && f.message.includes("效益指标无佐证材料"))).toBe(true);
    expect(changed).toBeGreaterThan(0);
    expect(poor).toBeGreaterThan(0);
    // 自评质量 is in the report and in 评价汇总's last column.
    expect(reviewed.every((p: Project) => typeof p.quality?.score === "number")).toBe(true);
  }, 180_000);
});
