/**
 * Printing (issue 15): the output sheets of a realistic run (the demo workbook submitted by four departments) and the
 * blank templates are printed to PDF by LibreOffice, and the pages are checked: A4 in each sheet's orientation,
 * one page wide, the table header repeated on every page of 问题清单, the title whole on the first page of
 * 评价汇总, a header with the sheet's name and "第 N 页 共 M 页" at the foot of every page, no two lines of text
 * overlapping (row heights for wrapped text), and each blank template on one page.
 *
 * One soffice call prints everything (it is slow to start). Skipped with a note when LibreOffice is not installed.
 * `BPR_SCREENSHOTS=1 npx jest test/adapters/print.test.ts` also writes the README's screenshots
 * (assets/screenshots/print-*.png, from pdftoppm).
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { applySheetPlans } from "../../src/adapters/xlsx-file/write";
import { readFileForCheck } from "../../src/cli/main";
import { check } from "../../src/engine";
import { planSheets } from "../../src/engine/summary";
import { blankTemplate, type TemplateKey } from "../../src/engine/templates";
import { templatesWorkbook } from "../../src/taskpane/xlsx";
import { findSoffice } from "../helpers/workbooks";

const soffice = findSoffice();
if (!soffice) console.warn("print.test: soffice not found — printing to PDF is not checked");
const maybe = soffice || process.env.CI ? describe : describe.skip;

const DEMO = path.join(__dirname, "../../assets/samples/demo.xlsx");
const DEPARTMENTS = ["区民政局.xlsx", "区水利局.xlsx", "区财政局.xlsx", "区交通局.xlsx"];

interface Line {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}
interface Page {
  width: number;
  height: number;
  lines: Line[];
  text: string;
}

function pagesOf(pdf: string): Page[] {
  const xml = execFileSync("pdftotext", ["-bbox-layout", pdf, "-"], { maxBuffer: 64 << 20 }).toString();
  return [...xml.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((m) => {
    const lines = [...m[3].matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)].map((l) => ({
      xMin: Number(l[1]),
      yMin: Number(l[2]),
      xMax: Number(l[3]),
      yMax: Number(l[4]),
      text: [...l[5].matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => w[1]).join(""),
    }));
    return { width: Number(m[1]), height: Number(m[2]), lines, text: lines.map((l) => l.text).join("\n") };
  });
}

/**
 * Lines whose boxes overlap by more than a quarter of a line's height (and a point across): text printed over text.
 * (Consecutive lines of one wrapped cell touch: their glyph boxes are a little taller than the line spacing.)
 */
function overlaps(page: Page): [string, string][] {
  const out: [string, string][] = [];
  const ls = page.lines;
  for (let i = 0; i < ls.length; i++)
    for (let j = i + 1; j < ls.length; j++) {
      const a = ls[i];
      const b = ls[j];
      const x = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
      const y = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
      if (x > 1 && y > 0.25 * Math.min(a.yMax - a.yMin, b.yMax - b.yMin)) out.push([a.text, b.text]);
    }
  return out;
}

const printed = new Map<string, Page[]>();
let dir = "";

maybe("printed to PDF by LibreOffice", () => {
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "bpr-print-"));
    // The demo workbook as four departments' submissions: enough findings for several pages.
    const readings = await Promise.all(
      DEPARTMENTS.map(async (name) => {
        const { reading: r } = await readFileForCheck(DEMO, name);
        return { ...r, file: name, projects: r.projects.map((p) => ({ ...p, id: `${name}!${p.id}`, location: { ...p.location, file: name } })) };
      }),
    );
    const report = check(readings);
    const wb = new ExcelJS.Workbook();
    applySheetPlans(wb, planSheets(report, { lang: "zh", now: new Date(2024, 4, 31, 16, 5) }));
    const files: string[] = [];
    const write = (name: string, data: Uint8Array | ArrayBuffer) => {
      const p = path.join(dir, name);
      fs.writeFileSync(p, Buffer.from(data as ArrayBuffer));
      files.push(p);
    };
    for (const ws of [...wb.worksheets]) {
      // One file per output sheet, so each prints (and is numbered) on its own.
      const keep = ws.name;
      const copy = new ExcelJS.Workbook();
      await copy.xlsx.load((await wb.xlsx.writeBuffer()) as ExcelJS.Buffer);
      for (const other of [...copy.worksheets]) if (other.name !== keep) copy.removeWorksheet(other.id);
      write(`${keep}.xlsx`, (await copy.xlsx.writeBuffer()) as ArrayBuffer);
    }
    for (const key of ["self-assessment", "goal", "spot-check"] as TemplateKey[]) {
      write(`blank-${key}.xlsx`, await templatesWorkbook([blankTemplate(key)]));
    }
    execFileSync(soffice!, [`-env:UserInstallation=file://${path.join(dir, "profile")}`, "--headless", "--convert-to", "pdf", "--outdir", dir, ...files], {
      stdio: "pipe",
      timeout: 300_000,
    });
    for (const f of files) {
      const pdf = f.replace(/\.xlsx$/, ".pdf");
      if (fs.existsSync(pdf)) printed.set(path.basename(f, ".xlsx"), pagesOf(pdf));
    }
    if (process.env.BPR_SCREENSHOTS === "1") {
      const out = path.join(__dirname, "../../assets/screenshots");
      const shots: [string, string, number][] = [
        ["评价汇总", "print-summary", 1],
        ["问题清单", "print-findings", 2],
        ["评价报告", "print-report", 1],
        ["blank-self-assessment", "print-blank-self-assessment", 1],
      ];
      for (const [sheet, name, page] of shots) {
        execFileSync("pdftoppm", ["-png", "-r", "60", "-f", String(page), "-l", String(page), "-singlefile", path.join(dir, `${sheet}.pdf`), path.join(out, name)]);
      }
    }
  }, 400_000);

  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const A4 = { portrait: [595, 842], landscape: [842, 595] } as const;
  const ORIENTATION: Record<string, "portrait" | "landscape"> = {
    评价汇总: "landscape",
    问题清单: "landscape",
    抽查复核: "landscape",
    评价报告: "portrait",
    "blank-self-assessment": "portrait",
    "blank-goal": "portrait",
    "blank-spot-check": "landscape",
  };

  test("every sheet and template was printed", () => {
    expect([...printed.keys()].sort()).toEqual(Object.keys(ORIENTATION).sort());
  });

  test.each(Object.keys(ORIENTATION))("%s: A4 in its orientation, sheet name at the top and 第 N 页 共 M 页 at the foot", (name) => {
    const pages = printed.get(name)!;
    expect(pages.length).toBeGreaterThan(0);
    pages.forEach((p, i) => {
      const [w, h] = A4[ORIENTATION[name]];
      expect([Math.round(p.width), Math.round(p.height)]).toEqual([w, h]);
      const sorted = [...p.lines].sort((a, b) => a.yMin - b.yMin);
      const sheetName = name.startsWith("blank-") ? null : name;
      if (sheetName) expect(sorted[0].text).toBe(sheetName);
      expect(sorted[sorted.length - 1].text).toBe(`第${i + 1}页共${pages.length}页`);
      // One page wide: nothing printed past the right margin.
      for (const l of p.lines) expect(l.xMax).toBeLessThan(p.width - 20);
    });
  });

  test.each(["blank-self-assessment", "blank-goal", "blank-spot-check"])("%s fits on one page", (name) => {
    expect(printed.get(name)!.length).toBe(1);
  });

  test("评价汇总: the title whole on the first page, the table header on every page", () => {
    const pages = printed.get("评价汇总")!;
    expect(pages[0].lines.some((l) => l.text === "2023年度预算绩效评价汇总")).toBe(true);
    for (const p of pages) expect(p.text).toContain("所在工作表");
  });

  test("问题清单: several pages, each repeating the header with 问题类型 beside 规则", () => {
    const pages = printed.get("问题清单")!;
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const p of pages) {
      const type = p.lines.find((l) => l.text === "问题类型");
      const rule = p.lines.find((l) => l.text === "规则");
      expect(type).toBeDefined();
      expect(rule).toBeDefined();
      // Side by side in the header row, 问题类型 left of 规则.
      expect(Math.abs(type!.yMin - rule!.yMin)).toBeLessThan(8);
      expect(type!.xMax).toBeLessThan(rule!.xMin);
    }
    // Locations as the user has them: file name and sheet, never a directory.
    const all = pages.map((p) => p.text).join("\n");
    expect(all).toContain("[区水利局.xlsx]");
    expect(all).not.toMatch(/\/(tmp|work|home)\//);
  });

  test.each(["问题清单", "评价报告", "评价汇总", "抽查复核"])("%s: no line of text printed over another", (name) => {
    for (const p of printed.get(name)!) {
      expect(overlaps(p)).toEqual([]);
    }
  });

  test("评价报告: the sections in order and the recommendations on the pages", () => {
    const all = printed.get("评价报告")!.map((p) => p.text).join("\n");
    const at = ["一、基本情况", "二、自评结果", "三、抽查复核情况", "四、发现的主要问题", "五、改进建议"].map((h) => all.indexOf(h));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(all).toContain("表1评价等级分布（自评与复核后）");
  });
});
