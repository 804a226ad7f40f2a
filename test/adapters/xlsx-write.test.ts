import ExcelJS from "exceljs";
import { applySheetPlans, internalTarget, isProductSheet, MAX_CELL_TEXT, parseInternalTarget } from "../../src/adapters/xlsx-file/write";
import { planSheets } from "../../src/engine/summary";
import { OUTPUT_SHEETS, type SheetPlan } from "../../src/engine/summary/plan";
import { AT_NAME, FORMULA_NAME, PLUS_NAME, demoReport, finding, makeReport, project } from "../unit/summary/factory";
import { cellXml, hyperlinks, sheetParts, snapshot, unzipText } from "./xlsx-write-helpers";

const NOW = new Date(2024, 4, 31, 16, 5);
const USER_SHEETS = ["营养餐自评", "自评表2", "自评表3", "部门整体", "营养餐目标", "抽查复核表", "说明"];

/** A user's workbook: values, formulas, merges, styles, widths, heights, views, a link, a validation. */
function userWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const name of USER_SHEETS) {
    const ws = wb.addWorksheet(name);
    ws.getCell("A1").value = `项目支出绩效自评表（2023年度）${name}`;
    ws.mergeCells("A1:H1");
    ws.getCell("A1").font = { bold: true, size: 14, name: "宋体" };
    ws.getCell("A1").alignment = { horizontal: "center" };
    ws.getCell("A3").value = "项目名称";
    ws.getCell("B3").value = name;
    ws.mergeCells("B3:D3");
    ws.getCell("E6").value = 200;
    ws.getCell("F6").value = 190;
    ws.getCell("G6").value = { formula: "F6/E6", result: 0.95 };
    ws.getCell("G6").numFmt = "0.00%";
    ws.getCell("C8").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
    ws.getCell("C8").border = { top: { style: "thin" }, bottom: { style: "double", color: { argb: "FFFF0000" } } };
    ws.getCell("C8").value = new Date(Date.UTC(2023, 11, 31));
    ws.getCell("D10").value = "=这不是公式";
    ws.getCell("D11").value = { text: "财政部", hyperlink: "http://www.mof.gov.cn/" };
    ws.getCell("H30").value = { formula: "SUM(E6:F6)", result: 390 };
    ws.getCell("H31").value = { richText: [{ text: "加粗", font: { bold: true } }, { text: "普通" }] };
    ws.getCell("H32").value = true;
    ws.getCell("B12").dataValidation = { type: "list", allowBlank: true, formulae: ['"是,否"'] };
    ws.getColumn(2).width = 30;
    ws.getRow(1).height = 32;
    ws.views = [{ state: "frozen", xSplit: 1, ySplit: 2, topLeftCell: "B3", activeCell: "C5" }];
  }
  return wb;
}

async function roundTrip(wb: ExcelJS.Workbook): Promise<{ wb: ExcelJS.Workbook; buf: Buffer }> {
  const raw = await wb.xlsx.writeBuffer();
  const buf = Buffer.from(raw);
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(raw);
  return { wb: back, buf };
}

function names(wb: ExcelJS.Workbook): string[] {
  return wb.worksheets.map((w) => w.name);
}

function ws(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const s = wb.getWorksheet(name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

/** Column values of rows [from, to] (1-based). */
function column(sheet: ExcelJS.Worksheet, col: string, from: number, to: number): unknown[] {
  const out: unknown[] = [];
  for (let r = from; r <= to; r++) out.push(sheet.getCell(`${col}${r}`).value);
  return out;
}

const { report } = demoReport();
const plans = planSheets(report, { lang: "zh", now: NOW });

describe("applySheetPlans", () => {
  let written: { wb: ExcelJS.Workbook; buf: Buffer };
  let baseline: ExcelJS.Workbook;

  beforeAll(async () => {
    baseline = (await roundTrip(userWorkbook())).wb;
    const input = (await roundTrip(userWorkbook())).wb;
    applySheetPlans(input, plans);
    written = await roundTrip(input);
  });

  test("output sheets come after the user's sheets, in plan order", () => {
    expect(names(written.wb)).toEqual([...USER_SHEETS, ...OUTPUT_SHEETS]);
  });

  test("every cell, merge, width and view of the user's sheets is unchanged", () => {
    for (const name of USER_SHEETS) expect(snapshot(ws(written.wb, name))).toEqual(snapshot(ws(baseline, name)));
    const xmlBefore = unzipText(Buffer.from(written.buf));
    const parts = sheetParts(xmlBefore);
    // The user's formulas are still formulas in the file.
    expect(cellXml(parts.get("营养餐自评")!.xml, "G6")).toContain("<f>F6/E6</f>");
  });

  test("in memory, applying touches nothing of the user's sheets", async () => {
    const wb = (await roundTrip(userWorkbook())).wb;
    const before = USER_SHEETS.map((n) => snapshot(ws(wb, n)));
    applySheetPlans(wb, plans);
    expect(USER_SHEETS.map((n) => snapshot(ws(wb, n)))).toEqual(before);
  });

  test("running twice gives the same sheets, not a second copy", async () => {
    const again = (await roundTrip(written.wb)).wb;
    applySheetPlans(again, plans);
    applySheetPlans(again, plans);
    const twice = await roundTrip(again);
    expect(names(twice.wb)).toEqual([...USER_SHEETS, ...OUTPUT_SHEETS]);
    expect(names(twice.wb).some((n) => /\(\d+\)$/.test(n))).toBe(false);
    for (const name of OUTPUT_SHEETS) expect(snapshot(ws(twice.wb, name))).toEqual(snapshot(ws(written.wb, name)));
    for (const name of USER_SHEETS) expect(snapshot(ws(twice.wb, name))).toEqual(snapshot(ws(baseline, name)));
  });

  test("a previous run's 抽查复核 goes away when this run has no review data", async () => {
    const wb = (await roundTrip(written.wb)).wb;
    const plain = planSheets(makeReport({ projects: [project({ name: "甲", sheet: "营养餐自评" })] }), { lang: "zh", now: NOW });
    applySheetPlans(wb, plain);
    expect(names(wb)).toEqual([...USER_SHEETS, "评价汇总", "问题清单", "评价报告"]);
  });

  describe("评价汇总", () => {
    let s: ExcelJS.Worksheet;
    beforeAll(() => {
      s = ws(written.wb, "评价汇总");
    });

    test("title merged, header row, frozen header, widths, filter", () => {
      expect(s.getCell("A1").value).toBe("2023年度预算绩效评价汇总");
      expect(s.getCell("P1").isMerged).toBe(true);
      expect(s.getCell("P1").master.address).toBe("A1");
      expect(s.getCell("A1").font?.bold).toBe(true);
      expect(column(s, "A", 10, 10).concat(s.getRow(10).values as unknown[]).slice(2)).toEqual([
        "序号", "主管部门", "实施单位", "项目名称", "全年预算数", "全年执行数", "执行率", "自评得分",
        "核算得分", "等级", "复核得分", "差异", "复核等级", "错误", "警告", "所在工作表", "自评质量",
      ]);
      const header = s.getCell("D10");
      expect(header.font?.bold).toBe(true);
      expect((header.fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFDDEBF7");
      expect(header.border?.bottom?.style).toBe("thin");
      expect(s.views[0]).toEqual(expect.objectContaining({ state: "frozen", ySplit: 10 }));
      expect(s.getColumn(4).width).toBe(36);
      expect(s.getColumn(16).width).toBe(28);
      expect(s.autoFilter).toBe("A10:Q15");
    });

    test("the header block carries the run's statistics", () => {
      const pairs = new Map<string, unknown>();
      for (let r = 3; r <= 9; r++)
        for (const [l, v] of [["B", "C"], ["D", "E"], ["G", "H"]]) pairs.set(String(s.getCell(`${l}${r}`).value), s.getCell(`${v}${r}`).value);
      expect(pairs.get("工作簿数")).toBe(1);
      expect(pairs.get("自评表数（含部门整体）")).toBe(4);
      // Project money; the department form's 500 / 450 stands apart.
      expect(pairs.get("项目全年预算数（万元）")).toBe(600);
      expect(pairs.get("项目全年执行数（万元）")).toBe(540);
      expect(pairs.get("项目总体执行率")).toBe(0.9);
      expect(pairs.get("部门整体预算/执行（万元）")).toBe("500.00 / 450.00（90.00%）");
      expect(pairs.get("平均得分")).toBe(80.75);
      expect(pairs.get("错误")).toBe(4);
      expect(pairs.get("警告")).toBe(4);
      expect(["优", "良", "中", "差"].map((g) => pairs.get(g))).toEqual([1, 2, 0, 1]);
      expect(s.getCell("E3").numFmt).toBe("#,##0.00");
      expect(s.getCell("E5").numFmt).toBe("0.00%");
      expect(s.getCell("E6").numFmt).toBe("0.00");
    });

    test("one row per project with number formats", () => {
      expect(column(s, "D", 11, 15)).toEqual(["义务教育营养餐", FORMULA_NAME, AT_NAME, "县卫健委部门整体支出", "义务教育营养餐"]);
      expect(s.getCell("A16").value).toBeNull();
      expect(column(s, "E", 11, 11).concat(column(s, "F", 11, 11), column(s, "G", 11, 11), column(s, "H", 11, 11), column(s, "L", 11, 11))).toEqual([
        200, 190, 0.95, 95, -15,
      ]);
      expect(["E", "F", "G", "H", "I", "K", "L"].map((c) => s.getCell(`${c}11`).numFmt)).toEqual([
        "#,##0.00", "#,##0.00", "0.00%", "0.00", "0.00", "0.00", "+0.00;-0.00;0.00",
      ]);
      expect(s.getCell("J15").value).toBe("目标表");
      expect(s.getCell("H15").value).toBeNull();
    });

    test("所在工作表 links to the project's sheet and cell", () => {
      const expected = ["营养餐自评", "自评表2", "自评表3", "部门整体", "营养餐目标"];
      for (let i = 0; i < 5; i++) {
        const v = s.getCell(`P${11 + i}`).value as ExcelJS.CellHyperlinkValue;
        expect(v.text).toBe(expected[i]);
        expect(parseInternalTarget(v.hyperlink)).toEqual({ sheet: expected[i], cell: "A1" });
        expect(names(written.wb)).toContain(expected[i]);
      }
    });

    test("no chart part (exceljs cannot write charts); the grade table is there for one", () => {
      const files = unzipText(written.buf);
      expect([...files.keys()].some((k) => k.startsWith("xl/charts/"))).toBe(false);
      expect(column(s, "G", 4, 7)).toEqual(["优", "良", "中", "差"]);
    });
  });

  test("问题清单: one row per finding, cell links land on the finding's cell", () => {
    const s = ws(written.wb, "问题清单");
    expect(s.getRow(3).values).toEqual([undefined, "序号", "级别", "问题类型", "规则", "项目", "工作表", "单元格", "说明", "建议"]);
    expect(s.getCell("C4").value).toBe("指标值缺失");
    expect(s.getCell("D4").value).toBe("target/missing");
    expect(s.views[0]).toEqual(expect.objectContaining({ state: "frozen", ySplit: 3 }));
    expect(column(s, "B", 4, 12)).toEqual(["错误", "错误", "错误", "错误", "警告", "警告", "警告", "警告", "提示"]);
    expect(s.getCell("A13").value).toBeNull();
    const link = s.getCell("G4").value as ExcelJS.CellHyperlinkValue;
    expect(link.text).toBe("F17");
    expect(parseInternalTarget(link.hyperlink)).toEqual({ sheet: "自评表2", cell: "F17" });
    expect(s.getCell("H4").alignment?.wrapText).toBe(true);
    expect(s.getCell("B4").font?.color?.argb).toBe("FFC00000");
  });

  test("every output sheet prints on A4, one page wide, header row repeated, sheet name and page numbers", () => {
    const files = unzipText(written.buf);
    const parts = sheetParts(files);
    const book = files.get("xl/workbook.xml") ?? "";
    const orientation: Record<string, string> = { 评价汇总: "landscape", 问题清单: "landscape", 抽查复核: "landscape", 评价报告: "portrait" };
    for (const name of OUTPUT_SHEETS) {
      const xml = parts.get(name)!.xml;
      expect(xml).toMatch(/<pageSetUpPr[^>]*fitToPage="1"/);
      const setup = /<pageSetup\b[^>]*>/.exec(xml)![0];
      expect(setup).toContain('paperSize="9"');
      expect(setup).toContain(`orientation="${orientation[name]}"`);
      expect(setup).toContain('fitToWidth="1"');
      expect(setup).toContain('fitToHeight="0"');
      expect(xml).toContain("<oddHeader>&amp;C&amp;A</oddHeader>");
      expect(xml).toContain("<oddFooter>&amp;C第 &amp;P 页 共 &amp;N 页</oddFooter>");
    }
    expect(book).toMatch(/<definedName name="_xlnm.Print_Titles"[^>]*>&apos;问题清单&apos;!\$3:\$3<\/definedName>/);
    expect(book).toMatch(/<definedName name="_xlnm.Print_Titles"[^>]*>&apos;评价汇总&apos;!\$10:\$10<\/definedName>/);
    // A long paragraph of 评价报告 gets a row tall enough for its lines.
    const report = ws(written.wb, "评价报告");
    let tallest = 0;
    report.eachRow((row) => (tallest = Math.max(tallest, row.height ?? 0)));
    expect(tallest).toBeGreaterThan(40);
  });

  test("抽查复核: one row per reviewed project and unmatched entry, with flags", () => {
    const s = ws(written.wb, "抽查复核");
    expect(s.getRow(3).values).toEqual([undefined, "项目", "主管部门", "自评得分", "复核得分", "差异", "自评等级", "复核等级", "标记"]);
    expect(column(s, "H", 4, 6)).toEqual(["差异较大、等级变化", "差异较大、抽评为差", "无自评"]);
    expect(column(s, "E", 4, 6)).toEqual([-15, -15, -20]);
    expect(s.getCell("A7").value).toBeNull();
    const link = s.getCell("A6").value as ExcelJS.CellHyperlinkValue;
    expect(parseInternalTarget(link.hyperlink)).toEqual({ sheet: "抽查复核表", cell: "A7" });
  });

  test("评价报告: paragraphs in column A, merged across the page, wrapped", () => {
    const s = ws(written.wb, "评价报告");
    expect(s.getCell("A4").isMerged).toBe(true);
    const paragraphs: string[] = [];
    s.eachRow((row) => paragraphs.push(String(row.getCell(1).value)));
    expect(paragraphs[0]).toBe("2023年度预算绩效自评及抽查复核情况报告（初稿）");
    const all = paragraphs.join("\n");
    expect(all).toContain("项目总体预算执行率 90.00%");
    expect(all).toContain("平均得分 80.75 分");
    expect(all).toContain("自评与复核结果差异较大的项目 2 个");
    expect(all).toContain("按不低于 10% 的比例压减下年度预算安排规模");
    expect(s.getCell("A4").alignment?.wrapText).toBe(true);
  });

  test("formula-looking text is written as text, never as a formula", () => {
    const files = unzipText(written.buf);
    const parts = sheetParts(files);
    const looksLikeFormula = [FORMULA_NAME, PLUS_NAME, AT_NAME, "-2"];
    const seen = new Set<string>();
    for (const name of OUTPUT_SHEETS) {
      const sheet = ws(written.wb, name);
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.formula).toBeUndefined();
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          // A merged area's other cells show its top-left cell's value; the top-left cell is checked.
          if (cell.type === ExcelJS.ValueType.Merge) return;
          if (typeof cell.value === "string" && looksLikeFormula.includes(cell.value)) {
            seen.add(cell.value);
            expect(cell.type).toBe(ExcelJS.ValueType.String);
            const xml = cellXml(parts.get(name)!.xml, cell.address);
            expect(xml).toMatch(/\bt="s"/);
            expect(xml).not.toContain("<f>");
          }
        }),
      );
      // Not one formula element in any output sheet.
      expect(parts.get(name)!.xml).not.toMatch(/<f[\s>]/);
    }
    expect([...seen].sort()).toEqual([...looksLikeFormula].sort());
    expect(ws(written.wb, "评价汇总").getCell("D12").value).toBe(FORMULA_NAME);
    expect(ws(written.wb, "评价汇总").getCell("C12").value).toBe(PLUS_NAME);
    expect(ws(written.wb, "评价汇总").getCell("D13").value).toBe(AT_NAME);
  });

  test("internal links are written as one in-document relationship (no doubled location)", () => {
    const parts = sheetParts(unzipText(written.buf));
    const sheet = parts.get("评价汇总")!;
    const link = hyperlinks(sheet.xml).get("P11")!;
    expect(link.location).toBeUndefined();
    expect(sheet.rels.get(link["r:id"])).toBe("#'营养餐自评'!$A$1");
  });
});

describe("links", () => {
  test("target sheet missing from the workbook: text only", async () => {
    const elsewhere = project({ name: "乙", file: "other.xlsx", sheet: "别的表" });
    const r = makeReport({ projects: [elsewhere], findings: [finding({ rule: "target/missing", project: elsewhere, cell: "F9" })] });
    const wb = (await roundTrip(userWorkbook())).wb;
    applySheetPlans(wb, planSheets(r, { lang: "zh", now: NOW }));
    const back = (await roundTrip(wb)).wb;
    // One file in the run: the sheet name alone, and no link (the sheet is not in this workbook).
    expect(ws(back, "评价汇总").getCell("P11").value).toBe("别的表");
    expect(ws(back, "问题清单").getCell("G4").value).toBe("F9");
  });

  test("opts.file: links into another file's same-named sheet are not made", () => {
    const wb = userWorkbook();
    const a = project({ name: "甲", file: "a.xlsx", sheet: "自评表2" });
    const b = project({ name: "乙", file: "b.xlsx", sheet: "自评表3" });
    applySheetPlans(wb, planSheets(makeReport({ projects: [a, b] }), { lang: "zh", now: NOW }), { file: "a.xlsx" });
    const s = ws(wb, "评价汇总");
    expect((s.getCell("P11").value as ExcelJS.CellHyperlinkValue).hyperlink).toBe("#'自评表2'!$A$1");
    expect(s.getCell("P12").value).toBe("[b.xlsx]自评表3");
  });

  test("sheet names with quotes and spaces", () => {
    expect(internalTarget("O'Brien 表", "b12")).toBe("#'O''Brien 表'!$B$12");
    expect(parseInternalTarget("#'O''Brien 表'!$B$12")).toEqual({ sheet: "O'Brien 表", cell: "B12" });
    expect(parseInternalTarget("#Sheet1!C3")).toEqual({ sheet: "Sheet1", cell: "C3" });
    expect(internalTarget("x", "not a cell")).toBeNull();
  });
});

describe("a user's sheet that holds an output name", () => {
  /** A reviewer's own spot-check list named 抽查复核, and a 问题清单 with only a title. */
  function reviewerWorkbook(): ExcelJS.Workbook {
    const wb = userWorkbook();
    const list = wb.addWorksheet("抽查复核");
    list.getCell("A1").value = "2023年度项目支出绩效自评抽查复核表";
    list.mergeCells("A1:E1");
    list.getRow(2).values = ["序号", "项目名称", "主管部门", "自评得分", "复核得分"];
    list.getRow(3).values = [1, "义务教育营养餐", "县教育局", 95, { formula: "ROUND(80.004,2)", result: 80 }];
    list.getCell("E3").numFmt = "0.00";
    wb.addWorksheet("问题清单").getCell("A1").value = "本单位自查问题";
    return wb;
  }

  test("is kept unchanged; the output goes to the alternative name, run after run", async () => {
    const baseline = (await roundTrip(reviewerWorkbook())).wb;
    const wb = (await roundTrip(reviewerWorkbook())).wb;
    expect(isProductSheet(ws(wb, "抽查复核"))).toBe(false);
    applySheetPlans(wb, plans);
    const once = (await roundTrip(wb)).wb;
    const expected = [...USER_SHEETS, "抽查复核", "问题清单", "评价汇总", "问题清单（评价助手）", "抽查复核（评价助手）", "评价报告"];
    expect(names(once)).toEqual(expected);
    expect(isProductSheet(ws(once, "抽查复核（评价助手）"))).toBe(true);
    expect(ws(once, "抽查复核（评价助手）").getCell("H4").value).toBe("差异较大、等级变化");
    applySheetPlans(once, plans);
    const twice = (await roundTrip(once)).wb;
    expect(names(twice)).toEqual(expected);
    for (const name of [...USER_SHEETS, "抽查复核", "问题清单"]) expect(snapshot(ws(twice, name))).toEqual(snapshot(ws(baseline, name)));
    // Deciding ownership reads A2 without creating it.
    expect(ws(twice, "问题清单").findCell(2, 1)).toBeUndefined();
  });

  test("links to the user's 抽查复核 sheet still land on it", async () => {
    const wb = (await roundTrip(reviewerWorkbook())).wb;
    const r = makeReport({
      projects: [project({ name: "甲", sheet: "营养餐自评" })],
      reviews: [],
      findings: [finding({ rule: "spotcheck/no-self-assessment", severity: "error", project: "乙", sheet: "抽查复核", cell: "B4" })],
    });
    applySheetPlans(wb, planSheets(r, { lang: "zh", now: NOW }));
    const link = ws(wb, "问题清单（评价助手）").getCell("G4").value as ExcelJS.CellHyperlinkValue;
    expect(parseInternalTarget(link.hyperlink)).toEqual({ sheet: "抽查复核", cell: "B4" });
  });
});

describe("workbook view and guards", () => {
  test("the active sheet stays active; an old output sheet's place goes to the new 评价汇总", async () => {
    const wb = userWorkbook();
    wb.views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: 2, visibility: "visible" }];
    applySheetPlans(wb, plans);
    expect(wb.views[0].activeTab).toBe(2);
    wb.views[0].activeTab = USER_SHEETS.length + 1; // 问题清单
    applySheetPlans(wb, plans);
    expect(wb.worksheets[wb.views[0].activeTab].name).toBe("评价汇总");
    const back = (await roundTrip(wb)).wb;
    expect(back.worksheets[back.views[0].activeTab].name).toBe("评价汇总");
  });

  test("a plan for a sheet that is not an output sheet is refused before anything changes", () => {
    const wb = userWorkbook();
    const bad = [...plans, { ...plans[0], name: "营养餐自评" } as unknown as SheetPlan];
    expect(() => applySheetPlans(wb, bad)).toThrow(/Not an output sheet/);
    expect(() => applySheetPlans(wb, [plans[0], plans[0]])).toThrow(/twice/);
    expect(names(wb)).toEqual(USER_SHEETS);
  });

  test("over-long text is cut to Excel's cell limit", () => {
    const wb = new ExcelJS.Workbook();
    const long = "问".repeat(MAX_CELL_TEXT + 100);
    applySheetPlans(wb, [{ name: "评价报告", rows: [[{ v: long }]], widths: [100], merges: [], freezeRows: 0 }]);
    expect(String(ws(wb, "评价报告").getCell("A1").value).length).toBe(MAX_CELL_TEXT);
  });

  test("a fresh workbook gets the output sheets only", () => {
    const wb = new ExcelJS.Workbook();
    applySheetPlans(wb, plans);
    expect(names(wb)).toEqual([...OUTPUT_SHEETS]);
  });
});

describe("English labels", () => {
  test("sheet names stay Chinese so the next run recognises them", async () => {
    const wb = userWorkbook();
    applySheetPlans(wb, planSheets(demoReport({ lang: "en" }).report, { lang: "en", now: NOW }));
    const back = (await roundTrip(wb)).wb;
    expect(names(back)).toEqual([...USER_SHEETS, ...OUTPUT_SHEETS]);
    expect(ws(back, "评价汇总").getCell("D10").value).toBe("Project");
  });
});
