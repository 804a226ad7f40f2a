/**
 * `bpr` end to end, in-process: what a finance officer sees on the terminal, the JSON contract of SPEC §7,
 * exit codes, folders, --out (never touching the input, never leaving a partial file), profiles, language.
 */
import { createHash } from "node:crypto";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { main } from "../../src/cli/main";
import { Report } from "../../src/engine/model";
import { buildDemoWorkbook } from "../helpers/make-samples";
import {
  buildGoalSheet,
  buildNationalSheet,
  buildSpotCheckListSheet,
  GOAL_SAMPLE,
  NATIONAL_SAMPLE,
  sheet,
  writeWorkbook,
  type ProjectSpec,
} from "../helpers/workbooks";

interface Run {
  code: number;
  out: string;
  err: string;
}

let dir: string;

async function bpr(...argv: string[]): Promise<Run> {
  let out = "";
  let err = "";
  const code = await main(argv, { stdout: (s) => (out += `${s}\n`), stderr: (s) => (err += `${s}\n`), cwd: dir });
  return { code, out, err };
}

const sha = async (f: string) => createHash("sha256").update(await fs.readFile(path.join(dir, f))).digest("hex");

/** A clean national project (no findings), then variants with faults. */
const CLEAN: ProjectSpec = {
  year: 2023,
  name: "城区道路路灯维护",
  department: "区城市管理局",
  unit: "区路灯管理所",
  budget: [{ label: "年度资金总额", initial: 300, adjusted: 300, executed: 300, weight: 10, rate: 1, score: 10 }],
  goal: { target: "维护城区路灯1.2万盏。", actual: "维护路灯1.21万盏。" },
  indicators: [
    { level1: "产出指标", level2: "数量指标", name: "维护路灯数量", target: "≥1.2万盏", actual: "1.21万盏", weight: 20, score: 20 },
    { level2: "质量指标", name: "亮灯率", target: "≥98%", actual: "98.6%", weight: 10, score: 10 },
    { level2: "时效指标", name: "故障修复及时率", target: "≥95%", actual: "97%", weight: 10, score: 10 },
    { level2: "成本指标", name: "单灯年维护成本", target: "≤250元", actual: "262元", weight: 10, score: 9.54, reason: "更换老旧灯具" },
    { level1: "效益指标", level2: "社会效益指标", name: "夜间交通事故发生率", target: "≤0.5%", actual: "0.3%", weight: 30, score: 30 },
    { level1: "满意度指标", level2: "服务对象满意度指标", name: "市民满意度", target: "≥90%", actual: "89%", weight: 10, score: 9.89, reason: "部分背街小巷亮灯不足" },
  ],
  total: { weight: 100, score: 99.43 },
};

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "bpr-cli-"));
  await fs.writeFile(path.join(dir, "demo.xlsx"), await buildDemoWorkbook());
  await fs.writeFile(path.join(dir, "clean.xlsx"), await writeWorkbook([sheet("路灯维护", (ws) => buildNationalSheet(ws, CLEAN))]));
  await fs.mkdir(path.join(dir, "submitted", "民政局"), { recursive: true });
  await fs.writeFile(path.join(dir, "submitted", "民政局", "养老 补贴.xlsx"), await writeWorkbook([sheet("自评表", (ws) => buildNationalSheet(ws, NATIONAL_SAMPLE))]));
  await fs.writeFile(path.join(dir, "submitted", "路灯.xlsx"), await fs.readFile(path.join(dir, "clean.xlsx")));
  await fs.writeFile(path.join(dir, "submitted", "~$路灯.xlsx"), "lock");
  await fs.writeFile(path.join(dir, "submitted", "说明.docx"), "not checked");
  await fs.writeFile(
    path.join(dir, "review.xlsx"),
    await writeWorkbook([
      sheet("复核", (ws) =>
        buildSpotCheckListSheet(ws, [{ department: "区城市管理局", name: "城区道路路灯维护", selfScore: 99.43, score: 76, grade: "中" }]),
      ),
    ]),
  );
});

afterAll(async () => {
  if (!process.env.KEEP) await fs.rm(dir, { recursive: true, force: true });
});

describe("bpr check --format table", () => {
  it("prints every project of the demo workbook, its findings, the spot checks and the skipped sheet; exit 1 on errors", async () => {
    const r = await bpr("check", "demo.xlsx");
    expect(r.code).toBe(1);
    for (const name of ["社区居家养老服务补贴项目", "农村饮水安全工程维修养护", "工资性支出", "某镇高标准农田灌溉渠系配套", "农村客运班线运营补贴"]) {
      expect(r.out).toContain(name);
    }
    expect(r.out).toContain("[错误]");
    expect(r.out).toContain("抽查复核 81.31 分（差异 -13.23，复核等级 良）");
    expect(r.out).toMatch(/已跳过（非模板）：demo\.xlsx·填报说明/);
    expect(r.out).toMatch(/共检查 1 个文件：项目支出绩效自评表 \d+ 张、绩效目标表 1 张；自评等级 优 \d+、良 \d+、中 \d+、差 \d+；复核后等级 优 \d+/);
    // Projects with errors come first.
    const firstBlock = r.out.split("\n\n")[0];
    expect(firstBlock).toContain("[错误]");
  });

  it("exit 0 and 未发现问题 for a clean workbook", async () => {
    const r = await bpr("check", "clean.xlsx");
    expect(r.err).toBe("");
    expect(r.out).toContain("城区道路路灯维护（区城市管理局 / 区路灯管理所）");
    expect(r.out).toContain("自评得分 99.43　核算得分 99.43　等级 优");
    expect(r.out).toContain("未发现问题。");
    expect(r.code).toBe(0);
  });

  it("speaks English with --lang en", async () => {
    const r = await bpr("check", "clean.xlsx", "--lang", "en");
    expect(r.out).toContain("Self-score 99.43   computed 99.43   grade 优");
    expect(r.out).toContain("No findings.");
    expect(r.out).toContain("Checked 1 workbook: 1 project self-assessment; self grades 优 1, 良 0, 中 0, 差 0; 0 errors, 0 warnings, 0 notes.");
  });

  it("a goal table alone is counted as what it is, not as 0 projects", async () => {
    await fs.writeFile(path.join(dir, "goal.xlsx"), await writeWorkbook([sheet("目标表", (ws) => buildGoalSheet(ws, GOAL_SAMPLE))]));
    const r = await bpr("check", "goal.xlsx");
    expect(r.out).toContain("绩效目标表");
    expect(r.out).toMatch(/共检查 1 个文件：项目支出绩效自评表 0 张、绩效目标表 1 张；错误 \d+ 条/);
    expect(r.out).not.toMatch(/0 个项目/);
    const j = await bpr("check", "goal.xlsx", "--format", "json");
    const summary = JSON.parse(j.out).summary;
    expect(summary.byTemplate).toEqual({ "self-assessment": 0, "department-self-assessment": 0, goal: 1 });
    expect(summary.projects).toBe(0);
  });
});

describe("--report", () => {
  it("writes 评价报告 as a Word document next to the table output, leaving the inputs untouched", async () => {
    const before = await sha("demo.xlsx");
    const r = await bpr("check", "demo.xlsx", "--report", "评价报告.docx");
    expect(r.code).toBe(1);
    expect(r.err).toContain("已写入评价报告：");
    const bytes = await fs.readFile(path.join(dir, "评价报告.docx"));
    expect(bytes.subarray(0, 2).toString()).toBe("PK");
    const { unzipSync, strFromU8 } = await import("fflate");
    const xml = strFromU8(unzipSync(new Uint8Array(bytes))["word/document.xml"]);
    expect(xml).toContain("2023年度预算绩效自评及抽查复核情况报告（初稿）");
    expect(xml).toContain("五、改进建议");
    expect(await sha("demo.xlsx")).toBe(before);
    expect((await fs.readdir(dir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("refuses an input file as the report's path", async () => {
    const r = await bpr("check", "clean.xlsx", "--report", "clean.xlsx");
    expect(r.code).toBe(2);
    expect(r.err).toContain("--report 不能与输入文件相同");
  });
});

describe("bpr check --format json", () => {
  it("prints one document in the SPEC §7 shape, valid against the zod model", async () => {
    const r = await bpr("check", "demo.xlsx", "--format", "json");
    const doc = JSON.parse(r.out);
    expect(() => Report.parse(doc)).not.toThrow();
    expect(doc.schemaVersion).toBe(1);
    const p = doc.projects.find((x: { name: string }) => x.name === "社区居家养老服务补贴项目");
    expect(p).toMatchObject({
      template: "self-assessment",
      location: { file: "demo.xlsx", sheet: "社区养老服务补贴" },
      selfScore: 94.54,
      grade: "优",
      review: { score: 81.31, grade: "良", gap: -13.23 },
    });
    expect(p.budget.rate).toBeCloseTo(0.9339, 4); // rates are fractions
    expect(typeof p.indicators[0].weight).toBe("number");
    expect(p.indicators[0]).toMatchObject({ level1: "output", level2: "quantity", name: "上门服务老年人数", target: { op: ">=", value: 1200, unit: "人" } });
    for (const f of doc.findings) expect(Object.keys(f)).toEqual(expect.arrayContaining(["rule", "severity", "message", "file", "sheet", "cell", "project"]));
    expect(doc.summary).toMatchObject({ files: 1, errors: expect.any(Number), warnings: expect.any(Number) });
    expect(doc.summary.byGrade).toEqual({ 优: expect.any(Number), 良: expect.any(Number), 中: expect.any(Number), 差: expect.any(Number) });
  });

  it("--gap and --severe-gap move the spot-check thresholds", async () => {
    const plain = JSON.parse((await bpr("check", "clean.xlsx", "review.xlsx", "--format", "json")).out);
    expect(plain.findings.map((f: { rule: string }) => f.rule)).toContain("spotcheck/gap-severe"); // 99.43 → 76: 23.43
    const relaxed = JSON.parse((await bpr("check", "clean.xlsx", "review.xlsx", "--format", "json", "--gap", "25", "--severe-gap", "30")).out);
    expect(relaxed.findings.map((f: { rule: string }) => f.rule)).not.toContain("spotcheck/gap-severe");
    expect(relaxed.findings.map((f: { rule: string }) => f.rule)).not.toContain("spotcheck/gap");
  });

  it("a severe gap below the gap is refused with the pane's message (engine/thresholds.ts)", async () => {
    const r = await bpr("check", "clean.xlsx", "--gap", "25", "--severe-gap", "15");
    expect(r.code).toBe(2);
    expect(r.err.trim()).toBe("差异严重阈值（15 分）不能小于差异较大阈值（25 分）。");
    // --gap alone above the profile's severe gap (20) is refused too.
    const alone = await bpr("check", "clean.xlsx", "--gap", "25", "--lang", "en");
    expect(alone.code).toBe(2);
    expect(alone.err.trim()).toBe("The severe-gap threshold (20 points) must not be below the gap threshold (25 points).");
  });

  it("a misspelt rule id in a profile is named", async () => {
    await fs.writeFile(path.join(dir, "typo.json"), JSON.stringify({ severity: { "score/allfull": "off" } }));
    const r = await bpr("check", "demo.xlsx", "--profile", "typo.json");
    expect(r.code).toBe(2);
    expect(r.err).toContain("severity.score/allfull：没有这个规则编号（是否应为“score/all-full”？）");
  });

  it("a blank template is said once to be empty and is no row of 评价汇总", async () => {
    const { blankTemplates } = await import("../../src/engine/templates");
    const { templatesWorkbook } = await import("../../src/taskpane/xlsx");
    await fs.writeFile(path.join(dir, "blank.xlsx"), await templatesWorkbook(blankTemplates()));
    const r = JSON.parse((await bpr("check", "blank.xlsx", "--format", "json")).out);
    expect(r.projects).toEqual([]);
    expect(r.summary.projects).toBe(0);
    expect(r.findings.map((f: { rule: string }) => f.rule)).toEqual(["template/blank", "template/blank"]);
  });

  it("a user profile file changes severities; a broken one is a clear usage error", async () => {
    await fs.writeFile(path.join(dir, "county.json"), JSON.stringify({ extends: "national", severity: { "score/all-full": "off", "spotcheck/grade-changed": "error" } }));
    const r = JSON.parse((await bpr("check", "demo.xlsx", "--format", "json", "--profile", "county.json")).out);
    expect(r.profile).toBe("county");
    expect(r.findings.some((f: { rule: string }) => f.rule === "score/all-full")).toBe(false);
    expect(r.findings.find((f: { rule: string }) => f.rule === "spotcheck/grade-changed").severity).toBe("error");
    await fs.writeFile(path.join(dir, "bad.json"), JSON.stringify({ executionWeight: "ten" }));
    const bad = await bpr("check", "demo.xlsx", "--profile", "bad.json");
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("bad.json");
    expect(bad.err).toContain("executionWeight");
    expect(bad.err).not.toMatch(/\n\s+at /);
  });
});

describe("inputs", () => {
  it("searches folders recursively for .xlsx, skipping Excel lock files and other files", async () => {
    const r = JSON.parse((await bpr("check", "submitted", "--format", "json")).out);
    expect(r.summary.files).toBe(2);
    expect(r.projects.map((p: { location: { file: string } }) => p.location.file).sort()).toEqual([
      path.join("submitted", "民政局", "养老 补贴.xlsx"),
      path.join("submitted", "路灯.xlsx"),
    ]);
  });

  it("a missing or unreadable file exits 2, names the file and the reason, and the others are still checked", async () => {
    await fs.writeFile(path.join(dir, "renamed.xlsx"), "项目名称,得分\n路灯,90\n");
    const r = await bpr("check", "clean.xlsx", "missing.xlsx", "renamed.xlsx");
    expect(r.code).toBe(2);
    expect(r.err).toContain("无法读取 missing.xlsx：找不到该文件。");
    expect(r.err).toContain("无法读取 renamed.xlsx：这是文本（CSV）文件，不是 Excel 工作簿。");
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(r.out).toContain("城区道路路灯维护");
  });

  it("usage errors exit 2 with the usage text", async () => {
    for (const argv of [["check"], ["check", "clean.xlsx", "--format", "xml"], ["check", "clean.xlsx", "--gap"], ["check", "clean.xlsx", "--bogus"], ["frobnicate"]]) {
      const r = await bpr(...argv);
      expect(r.code).toBe(2);
      expect(r.err).toContain("用法：bpr check");
    }
  });

  it("bpr schema prints the JSON Schema of the report", async () => {
    const r = await bpr("schema");
    const schema = JSON.parse(r.out);
    expect(r.code).toBe(0);
    expect(schema.properties.projects.type).toBe("array");
    expect(schema.required).toEqual(expect.arrayContaining(["schemaVersion", "projects", "findings", "summary"]));
  });
});

describe("--out", () => {
  it("writes a reviewed copy with the output sheets after the user's; the input is byte-identical", async () => {
    const before = await sha("demo.xlsx");
    const r = await bpr("check", "demo.xlsx", "--out", "reviewed.xlsx");
    expect(r.err).toContain("已写入评价结果");
    expect(await sha("demo.xlsx")).toBe(before);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, "reviewed.xlsx"));
    const names = wb.worksheets.map((w) => w.name);
    expect(names.slice(0, 8)).toEqual(["填报说明", "社区养老服务补贴", "农村饮水安全维修", "工资性支出", "农田灌溉渠系", "客运班线补贴", "养老服务目标表", "抽查复核"]);
    // The user's own sheet named 抽查复核 is kept; ours goes beside it.
    expect(names.slice(8)).toEqual(["评价汇总", "问题清单", "抽查复核（评价助手）", "评价报告"]);
    expect(await fs.readdir(dir)).not.toEqual(expect.arrayContaining([expect.stringMatching(/\.tmp$/)]));
  });

  it("checking the reviewed copy again replaces the output sheets instead of adding more", async () => {
    await bpr("check", "reviewed.xlsx", "--out", "reviewed2.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, "reviewed2.xlsx"));
    expect(wb.worksheets.map((w) => w.name).slice(8)).toEqual(["评价汇总", "问题清单", "抽查复核（评价助手）", "评价报告"]);
  });

  it("several inputs give a results workbook whose links open each source file at the cell (issue 13)", async () => {
    const r = await bpr("check", "clean.xlsx", "review.xlsx", "--out", "combined.xlsx");
    expect(r.code).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, "combined.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["评价汇总", "问题清单", "抽查复核", "评价报告"]);
    // External hyperlinks: the source file by its path relative to the results workbook, and the cell on it.
    const zip = unzipSync(new Uint8Array(await fs.readFile(path.join(dir, "combined.xlsx"))));
    const xml = (re: RegExp) => Object.keys(zip).filter((n) => re.test(n)).map((n) => new TextDecoder().decode(zip[n])).join("");
    expect(xml(/^xl\/worksheets\/_rels\//)).toContain('Target="clean.xlsx" TargetMode="External"');
    expect(xml(/^xl\/worksheets\/sheet\d+\.xml$/)).toMatch(/<hyperlink ref="\w+\d+" r:id="rId\d+" location="'路灯维护'!\w+\d+"/);
  });

  it("refuses to overwrite an input, and a failed write leaves no file and exits 2", async () => {
    const same = await bpr("check", "clean.xlsx", "--out", "clean.xlsx");
    expect(same.code).toBe(2);
    expect(same.err).toContain("--out 不能与输入文件相同");
    const failed = await bpr("check", "clean.xlsx", "--out", path.join("no-such-dir", "x.xlsx"));
    expect(failed.code).toBe(2);
    expect(failed.err).toContain("写入 no-such-dir");
    expect(failed.err).toContain("未生成不完整的文件");
    await expect(fs.stat(path.join(dir, "no-such-dir"))).rejects.toThrow();
  });
});

describe("bpr --version", () => {
  it("prints the version of package.json", async () => {
    const pkg = JSON.parse(await fs.readFile(path.join(__dirname, "../../package.json"), "utf8")) as { version: string };
    const r = await bpr("--version");
    expect(r.code).toBe(0);
    expect(r.out.trim()).toBe(pkg.version);
  });
});
