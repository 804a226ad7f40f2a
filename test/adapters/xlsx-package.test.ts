/**
 * The OOXML package writer (src/adapters/xlsx-file/package): what a SheetPlan becomes in the user's package, on
 * small packages written by hand where exceljs would hide the detail (prefixed XML, a workbook without styles, a
 * previous copy marked only in A2), and the print setup every writer must apply (PagePlan, rowHeights), checked in
 * the XML and by LibreOffice printing the sheet to PDF.
 */
import { execFile } from "node:child_process";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { addOutputSheets, hyperlinkPath, MARK_NAME, resultsWorkbook, ZipPackage } from "../../src/adapters/xlsx-file/package";
import { planSheets } from "../../src/engine/summary";
import { hasOutputMark, type SheetPlan } from "../../src/engine/summary/plan";
import { demoReport, FORMULA_NAME } from "../unit/summary/factory";

const NOW = new Date(2024, 4, 31, 16, 5);
const td = new TextDecoder();

function parts(b: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(b)).map(([k, v]) => [k, td.decode(v)]));
}

/** A package written by hand: SpreadsheetML with the "x:" prefix (as the Open XML SDK writes it) and no styles part. */
function handPackage(opts: { a2?: string; sheetName?: string; prefix?: "x:" | "" } = {}): Uint8Array {
  const pkg = ZipPackage.empty();
  const x = opts.prefix ?? "x:";
  const ns = x ? "xmlns:x" : "xmlns";
  // The prefixed variant binds the relationships namespace to "rel" (exceljs reads only "r:id", so the plain one uses "r").
  const r = x ? "rel" : "r";
  const name = opts.sheetName ?? "数据";
  pkg.write(
    "[Content_Types].xml",
    '<?xml version="1.0" encoding="utf-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  );
  pkg.write("_rels/.rels", '<?xml version="1.0" encoding="utf-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="R1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/xl/workbook.xml"/></Relationships>');
  pkg.write(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="utf-8"?><${x}workbook ${ns}="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:${r}="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
      `<${x}sheets><${x}sheet name="${name}" sheetId="1" ${r}:id="R1"/></${x}sheets></${x}workbook>`,
  );
  pkg.write("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="utf-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="R1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/></Relationships>');
  const a2 = opts.a2 === undefined ? "" : `<${x}row r="2"><${x}c r="A2" t="inlineStr"><${x}is><${x}t>${opts.a2}</${x}t></${x}is></${x}c></${x}row>`;
  pkg.write(
    "xl/worksheets/sheet1.xml",
    `<?xml version="1.0" encoding="utf-8"?><${x}worksheet ${ns}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><${x}sheetData><${x}row r="1"><${x}c r="A1"><${x}v>1</${x}v></${x}c></${x}row>${a2}</${x}sheetData></${x}worksheet>`,
  );
  return pkg.toBytes();
}

function printablePlan(): SheetPlan {
  const rows = [[{ v: "标题", style: "title" as const }], [{ v: "预算绩效评价助手生成于 2024-05-31 16:05", style: "info" as const }], [{ v: "序号", style: "header" as const }, { v: "金额", style: "header" as const }]];
  for (let i = 1; i <= 120; i++) rows.push([{ v: i, border: true } as never, { v: i * 1.5, fmt: "#,##0.00", border: true } as never]);
  return {
    name: "问题清单",
    rows,
    widths: [8, 14],
    merges: [{ top: 0, left: 0, bottom: 0, right: 1 }],
    freezeRows: 3,
    rowHeights: [30, null, 24],
    page: {
      paper: "A4",
      orientation: "landscape",
      fitToWidth: true,
      printTitleRows: { from: 2, to: 2 },
      margins: { top: 0.8, bottom: 0.8, left: 0.5, right: 0.5, header: 0.3, footer: 0.3 },
      headerCenter: "&A",
      footerCenter: "第 &P 页 共 &N 页",
    },
  };
}

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "bpr-xpkg-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("addOutputSheets on a hand-written package", () => {
  it("follows the workbook's own XML prefix and adds a styles part when there is none", async () => {
    const res = addOutputSheets(handPackage(), planSheets(demoReport().report, { lang: "zh", now: NOW }));
    const p = parts(res.bytes);
    expect(p["xl/workbook.xml"]).toMatch(/<x:sheets><x:sheet name="数据" sheetId="1" rel:id="R1"\/><x:sheet name="评价汇总" sheetId="2" rel:id="rId\d+"\/>/);
    expect(p["xl/workbook.xml"]).toContain(`<x:definedName name="${MARK_NAME}" localSheetId="1" hidden="1">`);
    expect(p["xl/_rels/workbook.xml.rels"]).toContain('Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"');
    expect(p["[Content_Types].xml"]).toContain('PartName="/xl/styles.xml"');
    // The user's sheet part is the same text.
    expect(p["xl/worksheets/sheet1.xml"]).toBe(parts(handPackage())["xl/worksheets/sheet1.xml"]);
    // (exceljs cannot read prefixed SpreadsheetML at all; the unprefixed package below is read back by it.)
  });

  it("writes formula-looking text as inline text, never as a formula", () => {
    const res = addOutputSheets(handPackage(), planSheets(demoReport().report, { lang: "zh", now: NOW }));
    const p = parts(res.bytes);
    const ours = Object.entries(p).filter(([n]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n) && n !== "xl/worksheets/sheet1.xml");
    expect(ours.length).toBe(res.sheets.length);
    for (const [, x] of ours) expect(x).not.toMatch(/<f[ >]/);
    expect(ours.map(([, x]) => x).join("")).toContain(FORMULA_NAME.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;"));
  });

  it.each([
    ["预算绩效评价助手生成于 2024-05-31 16:05　评价规则：national　金额单位：万元", true],
    ["Generated by Budget Performance Review on 2024-05-31 16:05 · scoring profile: national", true],
    ["参照预算绩效评价助手格式整理", false],
    ["本表由预算绩效评价助手生成于 2024 年", false],
    ["预算绩效评价助手", false],
  ])("A2 %j of a sheet named 评价汇总 marks a previous copy: %s", (a2, ours) => {
    expect(hasOutputMark(a2)).toBe(ours);
    const res = addOutputSheets(handPackage({ a2, sheetName: "评价汇总" }), planSheets(demoReport().report, { lang: "zh", now: NOW }));
    expect(res.replaced).toEqual(ours ? ["评价汇总"] : []);
    expect(res.sheets[0]).toBe(ours ? "评价汇总" : "评价汇总（评价助手）");
  });

  it("applies the print setup and row heights (PagePlan), and LibreOffice prints it on A4 landscape", async () => {
    const res = addOutputSheets(handPackage({ prefix: "" }), [printablePlan()]);
    const p = parts(res.bytes);
    const sheet = Object.entries(p).find(([n, x]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n) && x.includes("序号"))![1];
    expect(sheet).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
    expect(sheet).toContain('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
    expect(sheet).toContain('<pageMargins left="0.5" right="0.5" top="0.8" bottom="0.8" header="0.3" footer="0.3"/>');
    expect(sheet).toContain("<oddFooter>&amp;C第 &amp;P 页 共 &amp;N 页</oddFooter>");
    expect(sheet).toContain('<row r="1" ht="30" customHeight="1">');
    expect(sheet).toContain('<row r="3" ht="24" customHeight="1">');
    expect(sheet).toContain('<pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/>');
    expect(p["xl/workbook.xml"]).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="1">'问题清单'!$3:$3</definedName>`);
    // Read back by exceljs: the page setup as Excel would show it.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(res.bytes) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("问题清单")!;
    expect([ws.pageSetup.orientation, ws.pageSetup.paperSize, ws.pageSetup.fitToWidth, ws.pageSetup.fitToHeight]).toEqual(["landscape", 9, 1, 0]);
    expect(ws.getRow(1).height).toBe(30);
    expect(ws.getCell("B5").numFmt).toBe("#,##0.00");
    // LibreOffice prints it: A4 landscape pages (842 × 595 pt), the header row repeated.
    const file = path.join(dir, "print.xlsx");
    await fs.writeFile(file, res.bytes);
    const ok = await new Promise<boolean>((resolve) =>
      execFile("soffice", ["-env:UserInstallation=file:///tmp/bpr-lo-profile-copy", "--headless", "--convert-to", "pdf", "--outdir", dir, file], { timeout: 180_000 }, (e) => resolve(!e)),
    );
    expect(ok).toBe(true);
    const pdf = path.join(dir, "print.pdf");
    if (process.env.BPR_KEEP_PDF) await fs.copyFile(pdf, process.env.BPR_KEEP_PDF);
    const info = await new Promise<string>((resolve) => execFile("pdfinfo", ["-f", "1", "-l", "99", pdf], (_e, out) => resolve(String(out))));
    // Page 1 is the user's sheet (its default setup); ours follow on A4 landscape, more than one page (123 rows).
    const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => (Number(m[1]) > Number(m[2]) ? "landscape" : "portrait"));
    expect(sizes[0]).toBe("portrait");
    expect(sizes.slice(1).length).toBeGreaterThanOrEqual(2);
    expect(sizes.slice(1).every((x) => x === "landscape")).toBe(true);
  }, 240_000);
});

describe("resultsWorkbook", () => {
  it("links out with paths relative to it, encoded as a URI (spaces, #, %)", () => {
    expect(hyperlinkPath("../报送/甲 单位/自评#1.xlsx")).toBe("../报送/甲%20单位/自评%231.xlsx");
    expect(hyperlinkPath("a\\b%c.xlsx")).toBe("a/b%25c.xlsx");
    const { report } = demoReport();
    const res = resultsWorkbook(planSheets(report, { lang: "zh", now: NOW }), { fileTarget: (f) => `../in/${f}` });
    const p = parts(res.bytes);
    const rels = Object.entries(p).filter(([n]) => n.startsWith("xl/worksheets/_rels/")).map(([, x]) => x).join("");
    expect(rels).toMatch(/Target="\.\.\/in\/[^"]+" TargetMode="External"/);
    const sheets = Object.entries(p).filter(([n]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).map(([, x]) => x).join("");
    expect(sheets).toMatch(/<hyperlink ref="\w+\d+" r:id="rId\d+" location="'[^']+'!\w+\d+"/);
  });
});

describe("ZipPackage", () => {
  it("copies kept entries as stored (no recompression) and reads what it wrote", () => {
    const src = handPackage();
    const pkg = ZipPackage.open(src);
    pkg.write("extra.txt", "新内容");
    const out = pkg.toBytes();
    // The first entries' stored bytes appear verbatim in the output.
    const head = src.subarray(0, 200);
    expect(Buffer.from(out.subarray(0, 200)).equals(Buffer.from(head))).toBe(true);
    const again = ZipPackage.open(out);
    expect(again.text("extra.txt")).toBe("新内容");
    expect(again.names()).toEqual([...pkg.names()]);
    expect(() => ZipPackage.open(src.subarray(0, src.length - 30))).toThrow();
  });
});
