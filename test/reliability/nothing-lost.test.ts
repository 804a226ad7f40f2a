/**
 * Nothing lost (issue 8 §4), at the command line: every fixture run through `bpr check --out` leaves its
 * input byte-identical; the reviewed copy keeps every original cell's value and formula (and merges);
 * a second run on the reviewed copy replaces the output sheets instead of adding more; a failed write
 * leaves no file behind and exits 2; --out naming an input is refused. Nothing injected: text that looks
 * like a formula comes out as text, and the output sheets hold no formula at all.
 *
 * Fixtures: generated workbooks (national form, formulas without cached values, shared formulas, odd sheet
 * names, a Chinese file name, a user sheet named like an output sheet), the same form re-saved by
 * LibreOffice when it is installed, and the shared example workbooks when they are present.
 */
import { createHash } from "node:crypto";
import { EXAMPLES_DIR } from "../helpers/examples";
import { execFile } from "node:child_process";
import { existsSync, promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { OUTPUT_SHEETS } from "../../src/engine/summary/plan";
import { addForm, makeOddFiles, NATIONAL_PROJECT, nationalForm, readZip, writeForms } from "../helpers/bad-files";
import { bpr, expectNoStack } from "./cli-run";

const USER_OUTPUT_NAMED = "user sheet named 评价汇总";
/** An output sheet's name, or its alternative beside a user's sheet of that name ("评价汇总（评价助手）"). */
const isOutputLike = (name: string): boolean => OUTPUT_SHEETS.some((o) => name === o || name.startsWith(`${o}（`));

async function sha256(file: string): Promise<string> {
  return createHash("sha256").update(await fs.readFile(file)).digest("hex");
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Every non-empty cell of a sheet: address → value (formulas as {formula|sharedFormula, result}). */
function cells(ws: ExcelJS.Worksheet): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.isMerged && cell.master.address !== cell.address) return; // exceljs repeats the master's value
      out[cell.address] = JSON.parse(JSON.stringify(cell.value));
    }),
  );
  return out;
}

function merges(ws: ExcelJS.Worksheet): string[] {
  return [...((ws.model as unknown as { merges?: string[] }).merges ?? [])].sort();
}

/** The original sheets must be in the copy unchanged (value, formula, merges), in their order, before the output sheets. */
function expectSheetsKept(original: ExcelJS.Workbook, copy: ExcelJS.Workbook, label: string): void {
  const kept = copy.worksheets;
  const originalNames = original.worksheets.map((w) => w.name);
  expect([label, copy.worksheets.map((w) => w.name).slice(0, originalNames.length)]).toEqual([label, originalNames]);
  for (const ws of original.worksheets) {
    const other = kept.find((w) => w.name === ws.name)!;
    expect([label, ws.name, cells(other)]).toEqual([label, ws.name, cells(ws)]);
    expect([label, ws.name, merges(other)]).toEqual([label, ws.name, merges(ws)]);
  }
}


let dir: string;
let fixtures: { name: string; path: string }[];

function soffice(args: string[]): Promise<boolean> {
  return new Promise((resolve) => execFile("soffice", args, { timeout: 120_000 }, (err) => resolve(!err)));
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "bpr-lost-"));
  const gen = path.join(dir, "fixtures");
  const odd = await makeOddFiles(ExcelJS, gen);
  fixtures = odd.map((o) => ({ name: o.kind, path: o.path }));
  {
    const p = path.join(gen, "national.xlsx");
    await writeForms(ExcelJS, p, [nationalForm()]);
    fixtures.push({ name: "national form", path: p });
  }
  {
    // Shared formulas (one master, clones below it) and formulas with cached values, as Excel writes them.
    const wb = new ExcelJS.Workbook();
    addForm(wb, nationalForm());
    const ws = wb.addWorksheet("计算");
    for (let r = 1; r <= 10; r++) ws.getCell(r, 1).value = r * 1.5;
    ws.getCell("B1").value = { formula: "A1*2", result: 3, shareType: "shared", ref: "B1:B10" } as ExcelJS.CellValue;
    for (let r = 2; r <= 10; r++) ws.getCell(r, 2).value = { sharedFormula: "B1", result: r * 3 } as ExcelJS.CellValue;
    ws.getCell("C1").value = { formula: "SUM(A1:A10)", result: 82.5 };
    ws.getCell("D1").value = { formula: "自评表!H20", result: 99.34 };
    ws.getCell("E1").value = "=这不是公式";
    const p = path.join(gen, "shared-formulas.xlsx");
    await wb.xlsx.writeFile(p);
    fixtures.push({ name: "shared formulas", path: p });
  }
  {
    for (const f of (await fs.readdir(EXAMPLES_DIR)).filter((x) => x.endsWith(".xlsx")).sort()) {
      fixtures.push({ name: `example ${f}`, path: path.join(EXAMPLES_DIR, f) });
    }
  }
  // LibreOffice (as WPS users' colleagues may have) re-saves with its own XML; skipped when not installed.
  const lo = path.join(dir, "lo");
  await fs.mkdir(lo, { recursive: true });
  const src = odd.find((o) => o.kind.startsWith("formulas"))!.path;
  if (await soffice(["--headless", "--convert-to", "xlsx", "--outdir", lo, src])) {
    const p = path.join(lo, path.basename(src));
    if (existsSync(p)) fixtures.push({ name: "re-saved by LibreOffice", path: p });
  }
}, 180_000);

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("bpr check --out", () => {
  it("leaves every input byte-identical and keeps every original cell in the copy", async () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(8);
    const out = path.join(dir, "out");
    await fs.mkdir(out, { recursive: true });
    for (const [i, f] of fixtures.entries()) {
      const before = await sha256(f.path);
      const target = path.join(out, `reviewed-${i}.xlsx`);
      const r = await bpr(["check", f.path, "--out", target, "--lang", "zh"], dir);
      expectNoStack(r);
      expect([f.name, r.code === 0 || r.code === 1, r.stderr]).toEqual([f.name, true, expect.stringContaining("已写入评价结果")]);
      expect([f.name, await sha256(f.path)]).toEqual([f.name, before]);
      const original = await load(f.path);
      const copy = await load(target);
      expectSheetsKept(original, copy, f.name);
      // The output sheets are added, and hold no formula (text that looks like one stays text).
      for (const ws of copy.worksheets.filter((w) => isOutputLike(w.name) && !original.getWorksheet(w.name))) {
        ws.eachRow((row) => row.eachCell((cell) => expect([f.name, ws.name, cell.address, cell.formula]).toEqual([f.name, ws.name, cell.address, undefined])));
      }
      const added = copy.worksheets.map((w) => w.name).filter((n) => !original.getWorksheet(n));
      expect([f.name, added.every(isOutputLike), added.length >= 3]).toEqual([f.name, true, true]);
    }
  }, 300_000);

  /** A unit's own sheet called 评价汇总 (no product mark in A2) stays; the output goes beside it. */
  it("keeps a user's own sheet that happens to be named like an output sheet", async () => {
    const f = fixtures.find((x) => x.name === USER_OUTPUT_NAMED)!;
    const target = path.join(dir, "user-sheet-reviewed.xlsx");
    const r = await bpr(["check", f.path, "--out", target], dir);
    expectNoStack(r);
    const copy = await load(target);
    const texts = copy.worksheets.flatMap((ws) => Object.values(cells(ws)).filter((v): v is string => typeof v === "string"));
    expect(texts).toContain("本单位自行整理的汇总");
    expect(texts).toContain("办公楼维修");
  });

  it("replaces its own sheets on a second run over the reviewed copy (no duplicates, originals intact)", async () => {
    const f = fixtures.find((x) => x.name === "national form")!;
    const first = path.join(dir, "second-run-1.xlsx");
    const second = path.join(dir, "second-run-2.xlsx");
    const r1 = await bpr(["check", f.path, "--out", first, "--format", "json"], dir);
    const r2 = await bpr(["check", first, "--out", second, "--format", "json"], dir);
    expectNoStack(r2);
    expect(r2.code).toBe(r1.code);
    const a = await load(first);
    const b = await load(second);
    expect(b.worksheets.map((w) => w.name)).toEqual(a.worksheets.map((w) => w.name));
    expect(new Set(b.worksheets.map((w) => w.name)).size).toBe(b.worksheets.length);
    expectSheetsKept(await load(f.path), b, "second run");
    // The output sheets of the first run are not read as projects on the second.
    const p1 = (JSON.parse(r1.stdout) as { projects: { name: string }[] }).projects.map((p) => p.name);
    const p2 = (JSON.parse(r2.stdout) as { projects: { name: string }[] }).projects.map((p) => p.name);
    expect(p2).toEqual(p1);
    // And a third run in place of the second (same --out) replaces the file whole.
    const r3 = await bpr(["check", first, "--out", second], dir);
    expect(r3.code).toBe(r1.code);
    expect((await load(second)).worksheets.map((w) => w.name)).toEqual(a.worksheets.map((w) => w.name));
  });

  it("combines several inputs into one copy and keeps every sheet of each", async () => {
    const picks = fixtures.filter((x) => ["national form", "shared formulas", "formulas without cached values"].includes(x.name));
    const target = path.join(dir, "combined.xlsx");
    const hashes = await Promise.all(picks.map((p) => sha256(p.path)));
    const r = await bpr(["check", ...picks.map((p) => p.path), "--out", target], dir);
    expectNoStack(r);
    expect(await Promise.all(picks.map((p) => sha256(p.path)))).toEqual(hashes);
    const copy = await load(target);
    const copied = copy.worksheets.filter((w) => !isOutputLike(w.name));
    const originals = (await Promise.all(picks.map((p) => load(p.path)))).flatMap((wb) => wb.worksheets);
    expect(copied.length).toBe(originals.length);
    originals.forEach((ws, i) => {
      // Formulas that name another sheet may be rewritten to the renamed sheet; values must match.
      const strip = (c: Record<string, unknown>) =>
        Object.fromEntries(Object.entries(c).map(([k, v]) => [k, v && typeof v === "object" && "result" in v ? (v as { result: unknown }).result : v]));
      expect([ws.name, strip(cells(copied[i]))]).toEqual([ws.name, strip(cells(ws))]);
    });
  });

  it("writes formula-looking project text as text", async () => {
    const p = path.join(dir, "injection.xlsx");
    const names = ["=HYPERLINK(\"http://example.com\",\"点我\")", "+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0"];
    await writeForms(ExcelJS, p, names.map((name, i) => nationalForm({ name, sheet: `表${i + 1}` })));
    const target = path.join(dir, "injection-reviewed.xlsx");
    const r = await bpr(["check", p, "--out", target, "--format", "json"], dir);
    expectNoStack(r);
    const copy = await load(target);
    const summary = copy.getWorksheet("评价汇总")!;
    const texts: string[] = [];
    summary.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.formula).toBeUndefined();
        if (typeof cell.value === "string") texts.push(cell.value);
        else if (cell.value && typeof cell.value === "object" && "text" in cell.value) texts.push(String((cell.value as { text: unknown }).text));
      }),
    );
    for (const name of names) expect(texts.some((t) => t.includes(name))).toBe(true);
    // The input has no formula, so no worksheet part of the copy may carry an <f> element.
    const parts = readZip(await fs.readFile(target)).filter((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name));
    expect(parts.length).toBe(names.length + 3);
    for (const part of parts) expect([part.name, /<f[ >]/.test(part.data.toString("utf8"))]).toEqual([part.name, false]);
  });
});

describe("failed writes leave nothing behind and exit 2", () => {
  let input: string;
  beforeAll(async () => {
    input = path.join(dir, "fail", "自评.xlsx");
    await fs.mkdir(path.dirname(input), { recursive: true });
    await writeForms(ExcelJS, input, [nationalForm()]);
  });

  async function listing(d: string): Promise<string[]> {
    return (await fs.readdir(d)).sort();
  }

  it("out dir missing", async () => {
    const before = await listing(path.join(dir, "fail"));
    const r = await bpr(["check", input, "--out", path.join(dir, "fail", "no-such-dir", "x.xlsx"), "--lang", "zh"], dir);
    expectNoStack(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^写入 .*x\.xlsx 失败：.*（未生成不完整的文件）$/m);
    expect(await listing(path.join(dir, "fail"))).toEqual(before);
    // The check itself still ran and was printed.
    expect(r.stdout).toContain(NATIONAL_PROJECT);
  });

  it("out path is a directory", async () => {
    const outDir = path.join(dir, "fail", "a-directory.xlsx");
    await fs.mkdir(outDir, { recursive: true });
    const before = await listing(path.join(dir, "fail"));
    const r = await bpr(["check", input, "--out", outDir, "--lang", "en"], dir);
    expectNoStack(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Writing .*a-directory\.xlsx failed: .*\(no partial file was left\)$/m);
    expect(await listing(path.join(dir, "fail"))).toEqual(before);
    expect(await listing(outDir)).toEqual([]);
  });

  it("out path equal to an input is refused, however it is spelled; the input is untouched", async () => {
    const before = await sha256(input);
    const spellings = [input, path.relative(dir, input), `./${path.relative(dir, input)}`, path.join(dir, "fail", "..", "fail", "自评.xlsx")];
    for (const out of spellings) {
      const r = await bpr(["check", input, "--out", out, "--lang", "zh"], dir);
      expectNoStack(r);
      expect([out, r.code]).toEqual([out, 2]);
      expect(r.stderr).toContain("--out 不能与输入文件相同");
    }
    // Found through a folder as well.
    const r = await bpr(["check", path.join(dir, "fail"), "--out", input], dir);
    expect(r.code).toBe(2);
    expect(await sha256(input)).toBe(before);
  });

  it("out path is a hard link to an input (as a case-insensitive spelling would be): refused", async () => {
    const link = path.join(dir, "fail-hardlink.xlsx");
    await fs.link(input, link).catch(() => undefined);
    if (!existsSync(link)) return; // no hard links here
    const before = await sha256(input);
    const r = await bpr(["check", input, "--out", link, "--lang", "zh"], dir);
    expectNoStack(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--out 不能与输入文件相同");
    expect(await sha256(input)).toBe(before);
    await fs.rm(link, { force: true });
  });

  it("out path is a symlink to an input: the input is untouched", async () => {
    const link = path.join(dir, "fail-link.xlsx");
    await fs.symlink(input, link).catch(() => undefined);
    if (!existsSync(link)) return; // no symlinks here
    const before = await sha256(input);
    const r = await bpr(["check", input, "--out", link], dir);
    expectNoStack(r);
    expect(await sha256(input)).toBe(before);
    await fs.rm(link, { force: true });
  });
});
