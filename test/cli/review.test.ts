/** bpr sample and bpr review-forms (issue 16): options, messages, the one-workbook layout, read back. */
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { check } from "../../src/engine";
import { main, readFileForCheck } from "../../src/cli/main";

const DEMO = path.join(__dirname, "..", "..", "assets", "samples", "demo.xlsx");

function io(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s), cwd }, out, err };
}

let dir: string;
let inputs: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "bpr-review-cli-"));
  inputs = path.join(dir, "自评");
  await fs.mkdir(inputs);
  await fs.copyFile(DEMO, path.join(inputs, "demo.xlsx"));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("usage", () => {
  test("--help names both commands", async () => {
    const r = io(dir);
    expect(await main(["--help"], r.io)).toBe(0);
    expect(r.out.join("\n")).toMatch(/bpr sample .*--rate/);
    expect(r.out.join("\n")).toMatch(/bpr review-forms .*--list/);
  });

  test.each([
    [["sample", "x"], "请用 --rate 指定抽样比例"],
    [["sample", "x", "--rate", "abc"], "选项 --rate 的取值无效：abc"],
    [["sample", "x", "--rate", "20%", "--strata", "unit"], "选项 --strata 的取值无效：unit"],
    [["sample", "x", "--rate", "20%", "--seed", "-1"], "选项 --seed 的取值无效：-1"],
    [["sample", "x", "--rate", "20%", "--out", "名单.csv"], "名单.csv"],
    [["sample", "--rate", "20%"], "请至少指定一个"],
    [["review-forms", "x", "--out-dir", "d"], "请用 --list 指定抽查名单"],
    [["review-forms", "x", "--list", "l.xlsx"], "请用 --out-dir 指定"],
    [["review-forms", "x", "--list", "l.xlsx", "--out-dir", "d", "--date", "2024-01-01"], "选项 --date 的取值无效"],
  ])("%j → exit 2: %s", async (args, message) => {
    const r = io(dir);
    expect(await main(args, r.io)).toBe(2);
    expect(r.err.join("\n")).toContain(message);
    expect(r.err.join("\n")).not.toMatch(/\n\s+at /);
  });

  test("a list that cannot be read is named", async () => {
    const r = io(dir);
    expect(await main(["review-forms", inputs, "--list", "没有这个文件.xlsx", "--out-dir", "d"], r.io)).toBe(2);
    expect(r.err.join("\n")).toContain("没有这个文件.xlsx");
  });
});

describe("sample → review forms (one workbook) → read back", () => {
  test("--must, no department minimum, --one-workbook", async () => {
    const list = path.join(dir, "抽查名单.xlsx");
    const s = io(dir);
    expect(await main(["sample", inputs, "--rate=20%", "--seed", "5", "--min-per-department", "0", "--must", "农村客运班线运营补贴", "--must", "不存在", "--out", list], s.io)).toBe(0);
    const text = s.out.join("\n");
    expect(text).toContain("随机种子 5：总体 5 个项目");
    expect(text).toContain("指定抽取的“不存在”未找到对应项目。");
    // Drawn again onto the same list: refused (review scores may be typed in), unless --overwrite.
    const redraw = io(dir);
    expect(await main(["sample", inputs, "--rate=20%", "--seed", "6", "--out", list], redraw.io)).toBe(2);
    expect(redraw.err.join("\n")).toContain("已存在，可能已填写复核得分，未覆盖");
    expect(await main(["sample", inputs, "--rate=20%", "--seed", "5", "--min-per-department", "0", "--must", "农村客运班线运营补贴", "--out", list, "--overwrite"], io(dir).io)).toBe(0);
    const listed = check([(await readFileForCheck(list, "抽查名单.xlsx")).reading]).reviews;
    expect(listed.map((r) => r.name)).toContain("农村客运班线运营补贴");
    // ⌈20% × 5⌉ = 1, all of it the largest grade's share; the --must project is taken as that share.
    expect(listed).toHaveLength(1);
    const forms = path.join(dir, "forms");
    const f = io(dir);
    expect(await main(["review-forms", inputs, "--list", list, "--out-dir", forms, "--one-workbook", "--date", "20240101"], f.io)).toBe(0);
    expect(await fs.readdir(forms)).toEqual(["抽评复核表&20240101.xlsx"]);
    const file = path.join(forms, "抽评复核表&20240101.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["实际绩效1", "自评质量", "抽评发现的问题"]);
    const ws = wb.getWorksheet("实际绩效1")!;
    expect(ws.getCell("B2").value).toBe("农村客运班线运营补贴");
    // Prefilled cells are locked, the review columns are not.
    expect(ws.getCell("C6").protection?.locked).not.toBe(false);
    expect(ws.getCell("I6").protection?.locked).toBe(false);
    // Fill 抽评得分 with 0 on every indicator: the review total is the execution score alone (差).
    for (let r = 6; r <= ws.rowCount; r++) if (ws.getCell(r, 3).value) ws.getCell(r, 9).value = 0;
    await wb.xlsx.writeFile(file);
    const report = check([(await readFileForCheck(path.join(inputs, "demo.xlsx"), "demo.xlsx")).reading, (await readFileForCheck(file, "抽评复核表&20240101.xlsx")).reading]);
    const p = report.projects.find((x) => x.name === "农村客运班线运营补贴" && x.template === "self-assessment")!;
    expect(p.review?.grade).toBe("差");
    expect(report.findings.filter((x) => x.projectId === p.id).map((x) => x.rule)).toEqual(expect.arrayContaining(["spotcheck/poor", "spotcheck/gap-severe", "spotcheck/grade-changed"]));
    expect(report.findings.filter((x) => x.file.startsWith("抽评复核表") && x.rule.startsWith("template/"))).toEqual([]);

    // Run again: the filled-in workbook is kept, unless --overwrite.
    const before = await fs.readFile(file);
    const again = io(dir);
    expect(await main(["review-forms", inputs, "--list", list, "--out-dir", forms, "--one-workbook", "--date", "20240101"], again.io)).toBe(0);
    expect(again.err.join("\n")).toContain("抽评复核表&20240101.xlsx 已存在，可能已填写复核内容，未覆盖");
    expect((await fs.readFile(file)).equals(before)).toBe(true);
    expect(await main(["review-forms", inputs, "--list", list, "--out-dir", forms, "--one-workbook", "--date", "20240101", "--overwrite"], io(dir).io)).toBe(0);
    expect((await fs.readFile(file)).equals(before)).toBe(false);
  });
});
