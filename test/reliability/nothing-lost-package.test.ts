/**
 * Issue 13: the reviewed copy is the user's own package plus our parts. Fixtures (test/fixtures/rich.xlsx and
 * rich.xlsm, made by test/fixtures/make-rich.ts) hold cross-sheet formulas, a defined name, comments, a drop-down
 * list, an image, a chart, a pivot table, custom XML, a number above 1e8 in a date format, a value in a covered
 * merged cell, and (xlsm) a VBA project. Through `bpr check --out`:
 * - every original part except the four edited ones is byte-for-byte the same (inflated, and as stored);
 *   workbook.xml, its rels and [Content_Types].xml keep every original element; styles.xml keeps every original
 *   entry at its index (only appended to);
 * - LibreOffice opens the copy, and recalculated, every original sheet gives the same values as the original;
 * - exceljs opens it; our sheets read back with their values, links and the grade chart;
 * - an .xlsm stays an .xlsm (and `--out x.xlsx` for it is refused);
 * - a second run replaces our sheets by their exact mark; a user's sheet whose A2 merely names the product stays;
 * - several inputs give a results workbook whose links open each source file (relative paths); --out-dir writes
 *   each input's own copy;
 * - usage errors: `--out=`, `--out` naming a folder, `--out r.csv`, `--out-dir` naming a file; nothing written.
 */
import { execFile } from "node:child_process";
import { existsSync, promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { ZipPackage } from "../../src/adapters/xlsx-file/package";
import { addForm, nationalForm } from "../helpers/bad-files";
import { bpr, expectNoStack } from "./cli-run";

const FIXTURES = path.join(__dirname, "..", "fixtures");
const EDITED = new Set(["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "xl/styles.xml"]);

let dir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "bpr-pkg-"));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function parts(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

function text(b: Uint8Array): string {
  return new TextDecoder().decode(b);
}

/** The stored (compressed) bytes of each entry: local header name on, through its data. */
function stored(bytes: Uint8Array): Map<string, string> {
  const out = new Map<string, string>();
  const pkg = ZipPackage.open(bytes);
  for (const n of pkg.names()) out.set(n, Buffer.from(pkg.read(n)!).toString("base64"));
  return out;
}

function soffice(args: string[], cwd: string): Promise<boolean> {
  return new Promise((resolve) => execFile("soffice", ["-env:UserInstallation=file:///tmp/bpr-lo-profile-copy", ...args], { cwd, timeout: 180_000 }, (err) => resolve(!err)));
}

/** Each sheet of a workbook as CSV after LibreOffice loads (and recalculates) it. */
async function csvSheets(file: string): Promise<Record<string, string>> {
  const out = await fs.mkdtemp(path.join(dir, "csv-"));
  const ok = await soffice(["--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", out, file], out);
  expect([file, ok]).toEqual([file, true]);
  const stem = path.basename(file).replace(/\.[^.]+$/, "");
  const res: Record<string, string> = {};
  for (const f of await fs.readdir(out)) if (f.startsWith(`${stem}-`)) res[f.slice(stem.length + 1, -4)] = await fs.readFile(path.join(out, f), "utf8");
  return res;
}

function sheetNamesOf(workbookXml: string): string[] {
  return [...workbookXml.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
}

async function copyOf(fixture: string, outName: string): Promise<{ original: Uint8Array; copy: Uint8Array; stderr: string; code: number }> {
  const src = path.join(FIXTURES, fixture);
  const out = path.join(dir, outName);
  const r = await bpr(["check", src, "--out", out, "--lang", "zh"], dir);
  expectNoStack(r);
  return { original: new Uint8Array(await fs.readFile(src)), copy: new Uint8Array(await fs.readFile(out)), stderr: r.stderr, code: r.code };
}

describe.each([
  ["rich.xlsx", "rich-reviewed.xlsx"],
  ["rich.xlsm", "rich-reviewed.xlsm"],
])("the reviewed copy of %s", (fixture, outName) => {
  let original: Uint8Array;
  let copy: Uint8Array;
  beforeAll(async () => {
    const r = await copyOf(fixture, outName);
    ({ original, copy } = r);
    expect([r.code === 0 || r.code === 1, r.stderr]).toEqual([true, expect.stringContaining("已写入评价结果")]);
  }, 120_000);

  it("keeps every other part byte for byte, inflated and as stored", () => {
    const a = parts(original);
    const b = parts(copy);
    const sa = stored(original);
    for (const name of Object.keys(a)) {
      expect([name, name in b]).toEqual([name, true]);
      if (EDITED.has(name)) continue;
      expect([name, Buffer.from(b[name]).equals(Buffer.from(a[name]))]).toEqual([name, true]);
      expect([name, stored(copy).get(name) === sa.get(name)]).toEqual([name, true]);
    }
    // The things finance workbooks are made of are all still there.
    for (const p of ["xl/pivotTables/pivotTable1.xml", "xl/pivotCache/pivotCacheDefinition1.xml", "xl/pivotCache/pivotCacheRecords1.xml", "xl/charts/chart9.xml", "customXml/item1.xml"]) {
      expect([p, p in b]).toEqual([p, true]);
    }
    expect(Object.keys(b).some((n) => /^xl\/media\/.+\.png$/.test(n))).toBe(true);
    expect(Object.keys(b).some((n) => /^xl\/comments\d*\.xml$/.test(n))).toBe(true);
    if (fixture.endsWith(".xlsm")) expect(Buffer.from(b["xl/vbaProject.bin"]).equals(Buffer.from(a["xl/vbaProject.bin"]))).toBe(true);
  });

  it("edits workbook.xml, its rels, the content types and styles only by adding", () => {
    const a = parts(original);
    const b = parts(copy);
    const wa = text(a["xl/workbook.xml"]);
    const wb = text(b["xl/workbook.xml"]);
    for (const el of wa.match(/<sheet [^>]*\/>|<definedName [^>]*>[^<]*<\/definedName>|<pivotCache [^>]*\/>/g) ?? []) expect([el, wb.includes(el)]).toEqual([el, true]);
    expect(sheetNamesOf(wb).slice(0, sheetNamesOf(wa).length)).toEqual(sheetNamesOf(wa));
    expect(sheetNamesOf(wb).slice(sheetNamesOf(wa).length)).toEqual(expect.arrayContaining(["评价汇总", "问题清单", "评价报告"]));
    for (const f of ["xl/_rels/workbook.xml.rels", "[Content_Types].xml"]) {
      for (const el of text(a[f]).match(/<(Relationship|Override|Default) [^>]*\/>/g) ?? []) expect([f, el, text(b[f]).includes(el)]).toEqual([f, el, true]);
    }
    if (fixture.endsWith(".xlsm")) expect(text(b["[Content_Types].xml"])).toContain("application/vnd.ms-excel.sheet.macroEnabled.main+xml");
    // styles: each list keeps its original entries first, at their indexes.
    const sa = text(a["xl/styles.xml"]);
    const sb = text(b["xl/styles.xml"]);
    for (const list of ["fonts", "fills", "borders", "cellXfs", "cellStyleXfs", "cellStyles", "dxfs"]) {
      const inner = (s: string) => new RegExp(`<${list}[^>]*>([\\s\\S]*?)</${list}>`).exec(s)?.[1] ?? "";
      expect([list, inner(sb).startsWith(inner(sa))]).toEqual([list, true]);
    }
  });

  it("opens in LibreOffice, and recalculated every original sheet gives the same values", async () => {
    const src = path.join(dir, `orig-${fixture}`);
    await fs.writeFile(src, original);
    const before = await csvSheets(src);
    const after = await csvSheets(path.join(dir, outName));
    expect(Object.keys(before).length).toBeGreaterThanOrEqual(3);
    for (const [sheet, csv] of Object.entries(before)) expect([sheet, after[sheet]]).toEqual([sheet, csv]);
    // Cross-sheet formulas, a number above 1e8 in a date format, a value in a covered merged cell.
    expect(after["汇总"]).toContain("合计,430.5");
    expect(after["汇总"]).toContain("按名称,430.5");
    expect(after["明细"]).toContain("123456789");
    expect(after["明细"]).toContain("合并区,42");
    // Our sheets are there too, with their text.
    expect(after["评价汇总"]).toContain("社区居家养老服务补贴项目");
  }, 300_000);

  it("opens in exceljs with our sheets' values, links and the grade chart", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(copy) as unknown as ArrayBuffer);
    const summary = wb.getWorksheet("评价汇总")!;
    expect(String(summary.getCell("A2").value)).toMatch(/^预算绩效评价助手生成于 /);
    const b = parts(copy);
    const wbXml = text(b["xl/workbook.xml"]);
    expect(wbXml).toMatch(/<definedName name="_BPR_OutputSheet" localSheetId="\d+" hidden="1">/);
    // A finding's link points at the form's cell (an internal location the spreadsheet apps follow).
    const sheetParts = Object.keys(b).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).map((n) => text(b[n]));
    expect(sheetParts.some((x) => /<hyperlink ref="[A-Z]+\d+" location="'自评表'!\w+\d+"/.test(x))).toBe(true);
    const chart = Object.keys(b).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n) && n !== "xl/charts/chart9.xml");
    expect(chart.length).toBe(1);
    expect(text(b[chart[0]])).toContain("<c:barChart>");
    expect(text(b[chart[0]])).toContain("'评价汇总'!$H$4:$H$7");
  });
});

describe("the mark and the extension", () => {
  it("an .xlsm input with --out x.xlsx is refused (exit 2), nothing written", async () => {
    const out = path.join(dir, "macro-as.xlsx");
    const r = await bpr(["check", path.join(FIXTURES, "rich.xlsm"), "--out", out, "--lang", "zh"], dir);
    expectNoStack(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("含有宏（.xlsm）");
    expect(existsSync(out)).toBe(false);
  });

  it("a second run replaces our sheets (exact mark); a user's sheet whose A2 merely names the product stays", async () => {
    const wb = new ExcelJS.Workbook();
    addForm(wb, nationalForm());
    const own = wb.addWorksheet("评价汇总");
    own.getCell("A1").value = "本单位汇总";
    own.getCell("A2").value = "参照预算绩效评价助手格式整理";
    own.getCell("A3").value = "办公楼维修";
    const input = path.join(dir, "own-summary.xlsx");
    await wb.xlsx.writeFile(input);
    const first = path.join(dir, "own-1.xlsx");
    const second = path.join(dir, "own-2.xlsx");
    expect([0, 1]).toContain((await bpr(["check", input, "--out", first], dir)).code);
    expect([0, 1]).toContain((await bpr(["check", first, "--out", second], dir)).code);
    const n1 = sheetNamesOf(text(parts(new Uint8Array(await fs.readFile(first)))["xl/workbook.xml"]));
    const n2 = sheetNamesOf(text(parts(new Uint8Array(await fs.readFile(second)))["xl/workbook.xml"]));
    expect(n1).toEqual(["自评表", "评价汇总", "评价汇总（评价助手）", "问题清单", "评价报告"]);
    expect(n2).toEqual(n1);
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(second);
    expect(copy.getWorksheet("评价汇总")!.getCell("A3").value).toBe("办公楼维修");
  });
});

describe("several inputs: a results workbook linking out, and --out-dir copies", () => {
  let inputs: string[];
  beforeAll(async () => {
    const sub = path.join(dir, "报送", "甲 单位");
    await fs.mkdir(sub, { recursive: true });
    inputs = [path.join(sub, "自评#1.xlsx"), path.join(dir, "报送", "乙.xlsx")];
    for (const [i, f] of inputs.entries()) {
      const wb = new ExcelJS.Workbook();
      addForm(wb, nationalForm({ name: `项目${i + 1}` }));
      await wb.xlsx.writeFile(f);
    }
  });

  it("writes the output sheets alone, each link opening the source file at the cell (relative path)", async () => {
    const out = path.join(dir, "结果", "评价结果.xlsx");
    await fs.mkdir(path.dirname(out), { recursive: true });
    const r = await bpr(["check", path.join(dir, "报送"), "--out", out, "--lang", "zh"], dir);
    expectNoStack(r);
    expect(r.stderr).toContain("已写入评价结果工作簿");
    const b = parts(new Uint8Array(await fs.readFile(out)));
    expect(sheetNamesOf(text(b["xl/workbook.xml"]))).toEqual(["评价汇总", "问题清单", "评价报告"]);
    const rels = Object.keys(b).filter((n) => /^xl\/worksheets\/_rels\//.test(n)).map((n) => text(b[n])).join("");
    expect(rels).toContain('Target="../报送/甲%20单位/自评%231.xlsx" TargetMode="External"');
    expect(rels).toContain('Target="../报送/乙.xlsx" TargetMode="External"');
    // exceljs and LibreOffice open it.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["评价汇总", "问题清单", "评价报告"]);
    const csv = await csvSheets(out);
    expect(csv["评价汇总"]).toContain("项目2");
  }, 120_000);

  it("--out-dir writes each input's own reviewed copy, with its own projects", async () => {
    const outDir = path.join(dir, "copies");
    const r = await bpr(["check", ...inputs, "--out-dir", outDir, "--lang", "zh"], dir);
    expectNoStack(r);
    expect((await fs.readdir(outDir)).sort()).toEqual(["乙.xlsx", "自评#1.xlsx"]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(outDir, "乙.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["自评表", "评价汇总", "问题清单", "评价报告"]);
    const texts: string[] = [];
    wb.getWorksheet("评价汇总")!.eachRow((row) => row.eachCell((c) => texts.push(String(c.text))));
    expect(texts).toContain("项目2");
    expect(texts).not.toContain("项目1");
  });
});

describe("usage errors (exit 2, nothing written, nothing read)", () => {
  let input: string;
  beforeAll(async () => {
    input = path.join(dir, "usage", "form.xlsx");
    await fs.mkdir(path.dirname(input), { recursive: true });
    const wb = new ExcelJS.Workbook();
    addForm(wb, nationalForm());
    await wb.xlsx.writeFile(input);
  });

  it.each([
    [["--out="], "--out 需要一个文件名"],
    [["--out", "r.csv"], "--out 必须是 .xlsx"],
    [["--out", "usage"], "--out 指向的是文件夹"],
    [["--out-dir", "usage/form.xlsx"], "--out-dir 指向的是一个文件"],
    [["--out-dir="], "--out-dir 缺少取值"],
  ])("%j", async (args, message) => {
    const before = (await fs.readdir(path.join(dir, "usage"))).sort();
    const r = await bpr(["check", input, ...args, "--lang", "zh"], dir);
    expectNoStack(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe("");
    expect((await fs.readdir(path.join(dir, "usage"))).sort()).toEqual(before);
  });

  it("a write failure is told in the user's words, without errno text or a temporary path", async () => {
    const r = await bpr(["check", input, "--out", path.join(dir, "usage", "missing", "x.xlsx"), "--lang", "zh"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/写入 .*x\.xlsx 失败：所在文件夹不存在（未生成不完整的文件）/);
    expect(r.stderr).not.toMatch(/ENOENT|no such file|\.tmp/);
  });
});

describe("an interrupted write leaves no temporary file", () => {
  it.each([
    ["SIGTERM", 143],
    ["SIGINT", 130],
  ] as const)("%s while the copy is being written: the temporary file is removed before exiting %d", async (signal, code) => {
    const { pendingTemps, setExitForTests, writeAtomic } = await import("../../src/cli/output");
    const folder = await fs.mkdtemp(path.join(dir, "sig-"));
    const target = path.join(folder, "copy.xlsx");
    const exits: { code: number; tempLeft: boolean }[] = [];
    let tmp = "";
    const was = setExitForTests((c) => exits.push({ code: c, tempLeft: existsSync(tmp) }));
    const stderr = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      const writing = writeAtomic(target, new Uint8Array(64 * 1024 * 1024), "zh").catch(() => "failed");
      tmp = pendingTemps()[0];
      expect(path.dirname(tmp)).toBe(folder);
      while (!existsSync(tmp)) await new Promise((r) => setImmediate(r));
      process.emit(signal, signal);
      expect(exits).toEqual([{ code, tempLeft: false }]);
      expect(stderr).toHaveBeenCalledWith(expect.stringContaining("已中断，未留下临时文件"));
      await writing;
      // (A real process has exited by now; here the write goes on and finds its file gone.)
      expect((await fs.readdir(folder)).filter((n) => n.endsWith(".tmp"))).toEqual([]);
    } finally {
      setExitForTests(was);
      stderr.mockRestore();
    }
  });
});

describe("an input that is no OOXML package (.xls, .et, .ods): never converted", () => {
  it("--out gives a results workbook linking to it, and says so; --out-dir writes no copy of it", async () => {
    const { readFileForCheck } = await import("../../src/cli/main");
    const { writeOutputs } = await import("../../src/cli/output");
    const { check } = await import("../../src/engine");
    const src = path.join(FIXTURES, "rich.xlsx");
    const { reading } = await readFileForCheck(src, "报送/rich.xls");
    const report = check([reading], { lang: "zh" });
    // The bytes of a legacy .xls (an OLE compound file): the formats' readers read it; no package to add sheets to.
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const folder = await fs.mkdtemp(path.join(dir, "xls-"));
    const input = { abs: path.join(folder, "报送", "rich.xls"), shown: "报送/rich.xls", bytes: ole };
    const res = await writeOutputs(report, [input], { out: "结果.xlsx", outDir: "copies" }, folder, "zh");
    expect(res.failed).toBe(false);
    expect(res.messages.join("\n")).toContain("报送/rich.xls 不是 .xlsx/.xlsm 格式，无法在原文件上添加工作表；已改为写出评价结果工作簿");
    expect(res.messages.join("\n")).toContain("不生成评价副本（未做任何格式转换）");
    expect(await fs.readdir(path.join(folder, "copies"))).toEqual([]);
    const b = parts(new Uint8Array(await fs.readFile(path.join(folder, "结果.xlsx"))));
    expect(sheetNamesOf(text(b["xl/workbook.xml"]))).toEqual(["评价汇总", "问题清单", "评价报告"]);
    const rels = Object.keys(b).filter((n) => n.startsWith("xl/worksheets/_rels/")).map((n) => text(b[n])).join("");
    expect(rels).toContain('Target="报送/rich.xls" TargetMode="External"');
  });
});
