/**
 * The Word report (src/adapters/docx/report.ts), read back from its XML: the GB/T 9704 page and type, the report's
 * text in order, real tables with repeated header rows, the native grade chart with the run's figures, and page
 * numbers. When LibreOffice Writer is installed, the .docx is also printed to PDF and its pages checked; without
 * Writer (only Calc is installed on some machines) that part is skipped with a note.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { reportDocx } from "../../src/adapters/docx/report";
import { reportDocument } from "../../src/engine/summary";
import { demoReport } from "../unit/summary/factory";
import { findSoffice } from "../helpers/workbooks";

const NOW = new Date(2024, 4, 31, 16, 5);
const { report } = demoReport();
const doc = reportDocument(report, { lang: "zh", now: NOW });
let files: Record<string, string>;
let bytes: Uint8Array;

beforeAll(async () => {
  bytes = await reportDocx(doc);
  const zip = unzipSync(bytes);
  files = Object.fromEntries(Object.entries(zip).filter(([k]) => /\.(xml|rels)$/.test(k)).map(([k, v]) => [k, strFromU8(v)]));
});

/** Paragraph texts of document.xml, in order (runs joined). */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join("")).filter(Boolean);
}

function unescape(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

describe("评价报告.docx", () => {
  test("A4 with the official document's margins", () => {
    const xml = files["word/document.xml"];
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const m = /<w:pgMar ([^>]*)\/>/.exec(xml)![1];
    const attr = (n: string) => Number(new RegExp(`w:${n}="(\\d+)"`).exec(m)![1]);
    // 37 / 35 / 28 / 26 mm in twips (±1)
    expect(Math.abs(attr("top") - 2098)).toBeLessThanOrEqual(1);
    expect(Math.abs(attr("bottom") - 1985)).toBeLessThanOrEqual(1);
    expect(Math.abs(attr("left") - 1588)).toBeLessThanOrEqual(1);
    expect(Math.abs(attr("right") - 1474)).toBeLessThanOrEqual(1);
  });

  test("title in 小标宋 二号, headings 一、 in 黑体 and body in 仿宋 三号 at a fixed 29 pt", () => {
    const xml = files["word/document.xml"];
    const paras = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]);
    const withText = (t: string) => paras.find((p) => p.includes(t))!;
    const title = withText(doc.title);
    expect(title).toContain('w:eastAsia="方正小标宋简体"');
    expect(title).toContain('<w:sz w:val="44"/>');
    expect(title).toContain('<w:jc w:val="center"/>');
    const h1 = withText("一、基本情况");
    expect(h1).toContain('w:eastAsia="黑体"');
    expect(h1).toContain('<w:sz w:val="32"/>');
    const body = withText("本次共检查工作簿");
    expect(body).toContain('w:eastAsia="仿宋_GB2312"');
    expect(body).toContain('<w:sz w:val="32"/>');
    expect(body).toMatch(/<w:spacing [^>]*w:line="580"[^>]*w:lineRule="exact"/);
    expect(body).toMatch(/<w:ind [^>]*w:firstLine="640"/);
    // A （一） item: its marker in 楷体.
    const item = paras.find((p) => /（一）<\/w:t>/.test(p))!;
    expect(item).toContain('w:eastAsia="楷体_GB2312"');
  });

  test("the text is the report's, in order", () => {
    const got = paragraphs(files["word/document.xml"]).map(unescape);
    const expected = doc.blocks.filter((b) => b.kind === "para" || b.kind === "h1" || b.kind === "title").map((b) => (b as { text: string }).text);
    let at = 0;
    for (const t of expected) {
      const i = got.indexOf(t, at);
      expect({ t, found: i >= 0 }).toEqual({ t, found: true });
      at = i + 1;
    }
  });

  test("the report's tables are Word tables with a repeated header row", () => {
    const xml = files["word/document.xml"];
    const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    const planned = doc.blocks.filter((b) => b.kind === "table");
    expect(tables).toHaveLength(planned.length);
    expect(planned.map((b) => (b as { caption: string }).caption)).toEqual([
      "表1 评价等级分布（自评与复核后）",
      "表2 抽查复核情况（差异 = 复核得分 − 自评得分；未填报自评总分的以核算得分比较）",
      "表3 发现的问题（按问题类型）",
      "表4 建议压减下年度预算的项目（最终评价等级为差，压减比例不低于 10%）",
    ]);
    for (const t of tables) expect(t).toContain("<w:tblHeader/>");
    const grade = paragraphs(tables[0]);
    expect(grade.slice(0, 5)).toEqual(["等级", "自评项目数", "自评占比", "复核后项目数", "复核后占比"]);
    expect(grade.slice(5, 10)).toEqual(["优", "1", "25.00%", "0", "0.00%"]);
    const cut = paragraphs(tables[3]).map(unescape);
    expect(cut).toEqual(expect.arrayContaining(["@SUM(A1)", "300.00", "30.00"]));
  });

  test("the grade chart is a native chart with both distributions", () => {
    const chart = files["word/charts/chart1.xml"];
    expect(chart).toContain("<c:barChart>");
    const values = [...chart.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => m[1]);
    for (const g of ["优", "良", "中", "差", "自评", "复核后"]) expect(values).toContain(g);
    expect(files["word/_rels/document.xml.rels"]).toContain("charts/chart1.xml");
  });

  test("page numbers — N — at the foot, odd pages right and even pages left", () => {
    expect(files["word/settings.xml"]).toContain("<w:evenAndOddHeaders/>");
    const footers = Object.keys(files).filter((k) => /^word\/footer\d+\.xml$/.test(k)).map((k) => files[k]);
    expect(footers).toHaveLength(2);
    for (const f of footers) {
      expect(f).toMatch(/PAGE/);
      expect(paragraphs(f).join("").replace(/\s+/g, " ")).toBe("— —");
    }
    expect(footers.map((f) => /<w:jc w:val="(\w+)"\/>/.exec(f)![1]).sort()).toEqual(["left", "right"]);
  });
});

/** LibreOffice can print a .docx only with its Writer module. */
function writerInstalled(): boolean {
  const soffice = findSoffice();
  if (!soffice) return false;
  const program = path.dirname(fs.realpathSync(soffice));
  return fs.existsSync(path.join(program, "libswlo.so")) || fs.existsSync(path.join(program, "swlo.dll"));
}

const writer = writerInstalled();
if (!writer) console.warn("docx-report.test: LibreOffice Writer not installed — the .docx → PDF page check is skipped");
(writer || process.env.CI ? describe : describe.skip)("评价报告.docx printed by LibreOffice", () => {
  test("A4 pages, the title on page 1 and page numbers on every page", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bpr-docx-"));
    try {
      const file = path.join(dir, "评价报告.docx");
      fs.writeFileSync(file, bytes);
      execFileSync(findSoffice()!, [`-env:UserInstallation=file://${path.join(dir, "profile")}`, "--headless", "--convert-to", "pdf", "--outdir", dir, file], { stdio: "pipe", timeout: 180_000 });
      const pdf = path.join(dir, "评价报告.pdf");
      const info = execFileSync("pdfinfo", [pdf]).toString();
      expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
      const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
      expect(pages).toBeGreaterThanOrEqual(2);
      const text = execFileSync("pdftotext", ["-layout", pdf, "-"]).toString().split("\f");
      expect(text[0]).toContain("预算绩效自评及抽查复核情况报告");
      for (let i = 0; i < pages; i++) expect(text[i]).toMatch(new RegExp(`—\\s*${i + 1}\\s*—`));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
