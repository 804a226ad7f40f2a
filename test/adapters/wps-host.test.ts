/**
 * The WPS 表格 adapter against the in-memory fake Application (test/helpers/fake-wps.ts, which implements the
 * subsets of et-jsapi-declare the adapter is typed against): reading in one pass (one Value2 per sheet, formats
 * and merged areas without per-cell calls), the same Grids as the Office.js reader, dates, writing the output
 * sheets with the plan contract (text stays text, the mark in A2, a user's same-named sheet kept, all or
 * nothing), protection, templates, selection and settings.
 */
import { readWorkbook as readOffice } from "../../src/adapters/officejs/read";
import * as fc from "fast-check";
import { mergedAreas } from "../../src/adapters/wps/read";
import { createWpsHost, WpsHost, wpsApplication } from "../../src/adapters/wps/wps-host";
import { readWorkbook as readGridsOf } from "../../src/engine/read";
import { HostError } from "../../src/engine/host";
import { a1, Sheet } from "../../src/engine/grid";
import { check } from "../../src/engine";
import { planSheets } from "../../src/engine/summary";
import { blankTemplates } from "../../src/engine/templates";
import { XL_VALID_ALERT_STOP, XL_VALIDATE_LIST } from "../../src/adapters/wps/api";
import { OUTPUT_MARKS, OUTPUT_SHEETS, type SheetPlan } from "../../src/engine/summary/plan";
import { createFakeExcel, type FakeCellInput, type FakeSheetInit } from "../helpers/fake-excel";
import { createFakeWps, type FakeWpsSheetInit } from "../helpers/fake-wps";
import { expectedTemplateValues, ledgerSheet, templateSheet } from "./officejs/fixtures";
import { standardSheets } from "../ui/fixtures";

/** What WPS's Value2 gives for an error cell (VT_ERROR as a number). */
const ERROR_CODES: Record<string, number> = { "#DIV/0!": -2146826281, "#N/A": -2146826246 };

/** The Office.js fixture as WPS holds it: cached values (errors as codes), formats per cell. */
function toWps(init: FakeSheetInit): FakeWpsSheetInit {
  const rows = (init.rows ?? []).map((row) =>
    row.map((cell: FakeCellInput) => {
      if (cell && typeof cell === "object") {
        const v = cell.v ?? null;
        return typeof v === "string" && v in ERROR_CODES ? ERROR_CODES[v] : v;
      }
      return cell ?? null;
    }),
  );
  const formats = (init.rows ?? []).map((row, r) =>
    row.map((cell, c) => (cell && typeof cell === "object" ? (cell.fmt ?? null) : (init.columnFormats?.[c] ?? init.formats?.[r]?.[c] ?? null))),
  );
  return { name: init.name, top: init.top, left: init.left, rows, formats, merges: (init.merges ?? []).map(String) };
}

function host(sheets: FakeWpsSheetInit[], options: Parameters<typeof createFakeWps>[1] = {}) {
  const app = createFakeWps(sheets, { name: "县教育局2023自评.xlsx", ...options });
  return { app, host: new WpsHost(app) };
}

describe("reading the active workbook", () => {
  it("one Value2 per sheet; values, position, merged areas and dates follow the Grid contract", async () => {
    const { app, host: h } = host([toWps(templateSheet("自评表", 7)), toWps(templateSheet("自评表2", 8))]);
    const result = await h.readWorkbook();
    expect(result.fileName).toBe("县教育局2023自评.xlsx");
    const g = result.grids[0];
    expect([g.sheet, g.top, g.left]).toEqual(["自评表", 1, 1]);
    // Same values as the Office.js reader gets from Excel: merged cells blank, the error as its text, the date as ISO.
    expect(g.values).toEqual(expectedTemplateValues(7));
    expect(g.values[result.grids[0].values.length - 1][1]).toBe("2024-01-15");
    expect(g.merges).toEqual(
      [
        { top: 1, left: 1, bottom: 1, right: 9 },
        { top: 2, left: 1, bottom: 2, right: 9 },
        { top: 3, left: 2, bottom: 3, right: 9 },
        { top: 5, left: 1, bottom: 8, right: 1 },
        { top: 9, left: 1, bottom: 17, right: 1 },
        { top: 10, left: 2, bottom: 14, right: 2 },
      ],
    );
    expect(g.numberFormats?.[5][6]).toBe("0.00%");
    expect(g.numberFormats?.[5][2]).toBeNull(); // G/通用格式 is General
    // One pass: one Value2 read per sheet, never per cell.
    expect(app.book.counts.value2Reads).toBe(2);
    expect(result.sheets.map((s) => [s.name, s.visibility, s.used])).toEqual([
      ["自评表", "Visible", { top: 1, left: 1, rows: 19, columns: 9 }],
      ["自评表2", "Visible", { top: 1, left: 1, rows: 19, columns: 9 }],
    ]);
  });

  it("gives the engine the same grids as the Office.js reader on the same workbook", async () => {
    const sheets = [templateSheet("自评表", 3), ledgerSheet("台账", 300)];
    const excel = createFakeExcel(sheets, { name: "县教育局2023自评.xlsx" });
    const office = await excel.run((context) => readOffice(context, {}, { mergedAreas: true }));
    const { app, host: h } = host(sheets.map(toWps));
    const wps = await h.readWorkbook();
    for (let i = 0; i < sheets.length; i++) {
      expect(wps.grids[i].values).toEqual(office.grids[i].values);
      expect([...(wps.grids[i].merges ?? [])].sort((a, b) => a.top - b.top || a.left - b.left)).toEqual(
        [...(office.grids[i].merges ?? [])].sort((a, b) => a.top - b.top || a.left - b.left),
      );
    }
    expect(readGridsOf({ file: "x.xlsx", grids: wps.grids }).projects).toEqual(readGridsOf({ file: "x.xlsx", grids: office.grids }).projects);
    expect(app.book.counts.value2Reads).toBe(2);
  });

  it("the calls for formats and merged areas grow with blocks and merged areas, not with cells", async () => {
    /** The form followed by `n` rows of figures (four numeric columns, two formats, nothing merged). */
    const calls = async (n: number) => {
      const form = toWps(templateSheet("自评表", 1));
      const extra = Array.from({ length: n }, (_, i) => ["明细", i + 1, 100 + i, 90 + i, 0.9]);
      const rows = [...(form.rows ?? []), ...extra];
      const formats = [...(form.formats ?? []), ...extra.map(() => [null, null, "#,##0.00", "#,##0.00", "0.00%"])];
      const { app, host: h } = host([{ ...form, rows, formats }]);
      const g = (await h.readWorkbook()).grids[0];
      if (n > 0) expect(g.numberFormats?.[g.values.length - 1][4]).toBe("0.00%");
      expect(g.merges).toHaveLength(6);
      return { value2: app.book.counts.value2Reads, formats: h.lastRead.formatReads, merges: h.lastRead.mergeReads, cells: g.values.length * g.values[0].length };
    };
    const small = await calls(0);
    const big = await calls(3000);
    console.log(`WPS read calls: ${small.cells} cells → formats ${small.formats}, merges ${small.merges}; ${big.cells} cells → formats ${big.formats}, merges ${big.merges}`);
    expect([small.value2, big.value2]).toEqual([1, 1]);
    expect(big.cells).toBeGreaterThan(100 * small.cells);
    // 27,000 more cells: a few more halvings (log of the size), never a call per cell or per row.
    expect(big.formats - small.formats).toBeLessThan(10);
    expect(big.merges - small.merges).toBeLessThan(40);
    expect(big.formats + big.merges).toBeLessThan(small.cells);
    // Even on the small form, far fewer calls than cells.
    expect(small.formats + small.merges).toBeLessThan(small.cells / 3);
  });

  it("finds exactly the merged areas, wherever they are (random sheets)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 14 }),
        fc.integer({ min: 1, max: 9 }),
        fc.array(fc.tuple(fc.nat(13), fc.nat(8), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 4 })), { maxLength: 12 }),
        (rows, columns, candidates) => {
          // Non-overlapping areas of at least two cells inside the sheet, placed in order.
          const merges: { top: number; left: number; bottom: number; right: number }[] = [];
          for (const [t, l, h, w] of candidates) {
            const m = { top: t % rows, left: l % columns, bottom: Math.min(rows - 1, (t % rows) + h - 1), right: Math.min(columns - 1, (l % columns) + w - 1) };
            if (m.bottom === m.top && m.right === m.left) continue;
            if (merges.some((x) => x.top <= m.bottom && x.bottom >= m.top && x.left <= m.right && x.right >= m.left)) continue;
            merges.push(m);
          }
          const values = Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => `${r},${c}`));
          const app = createFakeWps([{ name: "s", rows: values, top: 2, left: 1, merges: merges.map((m) => `${a1(m.top + 2, m.left + 1)}:${a1(m.bottom + 2, m.right + 1)}`) }]);
          const counts = { valueReads: 0, formatReads: 0, mergeReads: 0 };
          const found = mergedAreas(app.book.app.ActiveWorkbook!.Worksheets.Item(1), { top: 2, left: 1, bottom: rows + 1, right: columns }, counts);
          const expected = merges.map((m) => ({ top: m.top + 2, left: m.left + 1, bottom: m.bottom + 2, right: m.right + 1 })).sort((a, b) => a.top - b.top || a.left - b.left);
          expect(found).toEqual(expected);
          if (merges.length === 0) expect(counts.mergeReads).toBe(1);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("reads formats correctly when WPS answers \"\" instead of null for a mixed range", async () => {
    const { host: h } = host([toWps(templateSheet("自评表", 1))], { mixedFormat: "" });
    const g = (await h.readWorkbook()).grids[0];
    expect(g.values).toEqual(expectedTemplateValues(1));
  });

  it("empty, hidden and output sheets; maxRows; progress", async () => {
    const { app, host: h } = host([
      { name: "空表" },
      { name: "隐藏", rows: [["x", 1]], visible: 0 },
      { name: "评价汇总", rows: [["评价汇总"], [`${OUTPUT_MARKS[0]}生成于 2024-03-01 09:00`], ["大量数据"]] },
      { name: "抽查复核", rows: [["抽查复核（用户自己的表）"], ["不是本工具生成"]] },
      toWps(ledgerSheet("台账", 50)),
    ]);
    const progress: [number, number][] = [];
    const r = await h.readWorkbook({ maxRows: 11, onProgress: (a, b) => progress.push([a, b]) });
    const byName = new Map(r.grids.map((g) => [g.sheet, g]));
    expect(byName.get("空表")?.values).toEqual([]);
    expect(r.sheets.find((s) => s.name === "隐藏")?.visibility).toBe("Hidden");
    // The product's own sheet: A2 alone, never read in full; the user's same-named sheet is read.
    expect(byName.get("评价汇总")).toMatchObject({ top: 1, left: 0, values: [[`${OUTPUT_MARKS[0]}生成于 2024-03-01 09:00`]] });
    expect(byName.get("抽查复核")?.values[0][0]).toBe("抽查复核（用户自己的表）");
    expect(byName.get("台账")?.values).toHaveLength(11);
    expect(byName.get("台账")?.totalRows).toBe(51);
    expect(progress[progress.length - 1][0]).toBe(progress[progress.length - 1][1]);
    expect((await h.readWorkbook({ includeHidden: false })).grids.map((g) => g.sheet)).not.toContain("隐藏");
    // Value2 reads: one per sheet read in full (3 + the hidden one), plus the A2 of the two output-named sheets.
    expect(app.book.counts.value2Reads).toBeLessThanOrEqual(2 * 6);
  });

  it("no workbook open → a read-failed HostError with a clear message", async () => {
    const { host: h } = host([], { noWorkbook: true });
    await expect(h.readWorkbook()).rejects.toMatchObject({ name: "HostError", code: "read-failed", message: expect.stringContaining("没有打开的工作簿") });
  });
});

function plans(): SheetPlan[] {
  const grids = standardSheets().map((s) => ({ sheet: s.name, top: 0, left: 0, values: s.rows, merges: null }));
  const report = check([readGridsOf({ file: "县教育局2023自评.xlsx", grids })]);
  return planSheets(report, { lang: "zh" });
}

describe("writing the output sheets", () => {
  it("adds the four sheets at the end: text stays text, numbers numbers, mark in A2, links, merges, page setup", async () => {
    const { app, host: h } = host(standardSheets().map((s) => ({ name: s.name, rows: s.rows })));
    const ps = plans();
    // A finding's text that looks like a formula or a number must land as text.
    ps[0].rows.push([{ v: "=HYPERLINK(\"http://x\")" }, { v: "001" }, { v: "50%" }, { v: 12.5, fmt: "0.00" }]);
    const before = app.sheetNames();
    const result = await h.writeSheets(ps);
    expect(result.sheets).toEqual([...OUTPUT_SHEETS]);
    expect(app.sheetNames()).toEqual([...before, ...OUTPUT_SHEETS]);
    const overview = app.sheet("评价汇总");
    expect(String(overview.value(1, 0))).toContain(OUTPUT_MARKS[0]);
    const last = ps[0].rows.length - 1;
    expect([overview.value(last, 0), overview.value(last, 1), overview.value(last, 2), overview.value(last, 3)]).toEqual(["=HYPERLINK(\"http://x\")", "001", "50%", 12.5]);
    expect(overview.cell(last, 0)?.f).toBeUndefined();
    expect(overview.format(last, 3)).toBe("0.00");
    // Written in one Value2 per sheet.
    expect(app.book.counts.value2Writes).toBe(4);
    // Looks: title row height, merges, frozen header, widths, links into the workbook.
    for (const plan of ps) {
      const sheet = app.sheet(plan.name);
      expect(sheet.merges.length).toBe(plan.merges.filter((m) => m.bottom > m.top || m.right > m.left).length);
      expect(sheet.frozenRows).toBe(plan.freezeRows);
      expect(sheet.columnWidths.get(0)).toBe(plan.widths[0]);
      if (plan.page) {
        expect(sheet.page).toMatchObject({ PaperSize: 9, Orientation: plan.page.orientation === "landscape" ? 2 : 1 });
        if (plan.page.fitToWidth) expect(sheet.page).toMatchObject({ Zoom: false, FitToPagesWide: 1, FitToPagesTall: false });
        if (plan.page.printTitleRows) expect(sheet.page.PrintTitleRows).toBe(`$${plan.page.printTitleRows.from + 1}:$${plan.page.printTitleRows.to + 1}`);
      }
    }
    const issues = app.sheet("问题清单");
    expect(issues.links.length).toBeGreaterThan(0);
    expect(issues.links.every((l) => /^'?(医疗救助|饮水工程|复核结果|说明)'?!\$?[A-Z]+\$?\d+/.test(l.subAddress ?? ""))).toBe(true);
    expect(issues.styleAt(issues.links[0] ? Number(/\d+/.exec(issues.links[0].cell)![0]) - 1 : 0, 0, "Font.Underline") ?? 2).toBe(2);
    // No confirmation dialog, and the application's switches restored.
    expect(app.book.alerts).toEqual([]);
    expect([app.DisplayAlerts, app.ScreenUpdating]).toEqual([true, true]);
    // The user's sheet stays in front.
    expect(app.book.active?.name).toBe("医疗救助");
  });

  it("replaces its previous output sheets and keeps a user's sheet of the same name", async () => {
    const { app, host: h } = host([...standardSheets().map((s) => ({ name: s.name, rows: s.rows })), { name: "抽查复核", rows: [["我的抽查复核"], ["手工整理"]] }]);
    await h.writeSheets(plans());
    expect(app.sheetNames().slice(-4)).toEqual(["评价汇总", "问题清单", "抽查复核（评价助手）", "评价报告"]);
    app.book.active = app.sheet("评价汇总");
    await h.writeSheets(plans());
    expect(app.sheetNames().filter((n) => n.startsWith("评价汇总"))).toEqual(["评价汇总"]);
    expect(app.sheetNames().slice(-4)).toEqual(["评价汇总", "问题清单", "抽查复核（评价助手）", "评价报告"]);
    expect(app.sheet("抽查复核").rows()).toEqual([["我的抽查复核"], ["手工整理"]]);
    // The previous output was in front: the new one is.
    expect(app.book.active?.name).toBe("评价汇总");
    expect(app.book.alerts).toEqual([]);
  });

  it("all or nothing: a failure while writing leaves the workbook as it was", async () => {
    let n = 0;
    const { app, host: h } = host(standardSheets().map((s) => ({ name: s.name, rows: s.rows })), {
      failWhen: (op) => (op.kind === "merge" && ++n > 3 ? "disk full" : null),
    });
    await h.writeSheets(plans()).catch(() => undefined);
    n = -1_000_000;
    await h.writeSheets(plans());
    const first = app.sheetNames();
    n = 0;
    await expect(h.writeSheets(plans())).rejects.toMatchObject({ name: "HostError", code: "write-failed", message: expect.stringContaining("disk full") });
    expect(app.sheetNames()).toEqual(first);
    expect(String(app.sheet("评价汇总").value(1, 0))).toContain(OUTPUT_MARKS[0]);
  });

  it("a protected workbook structure or a protected previous output sheet is refused before anything changes", async () => {
    const locked = host(standardSheets().map((s) => ({ name: s.name, rows: s.rows })), { protectStructure: true });
    const err = await locked.host.writeSheets(plans()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect(err).toMatchObject({ code: "protected" });
    expect(locked.app.sheetNames()).toHaveLength(4);
    await expect(locked.host.insertTemplates(blankTemplates())).rejects.toMatchObject({ code: "protected" });

    const { app, host: h } = host([...standardSheets().map((s) => ({ name: s.name, rows: s.rows })), { name: "评价汇总", rows: [["评价汇总"], [`${OUTPUT_MARKS[0]}生成于 2024-03-01 09:00`]], protected: true }]);
    await expect(h.writeSheets(plans())).rejects.toMatchObject({ code: "protected", sheet: "评价汇总" });
    expect(app.sheetNames()).toHaveLength(5);
  });

  it("refuses plans that are not output sheets", async () => {
    const { host: h } = host([{ name: "A", rows: [["x"]] }]);
    const bad = { ...plans()[0], name: "随便" } as unknown as SheetPlan;
    await expect(h.writeSheets([bad])).rejects.toMatchObject({ code: "invalid-plan" });
  });
});

describe("templates, selection, settings, detection", () => {
  it("inserts the blank templates at the end under unique names and shows the first", async () => {
    const templates = blankTemplates();
    const { app, host: h } = host([{ name: templates[0].name, rows: [["已有"]] }]);
    const result = await h.insertTemplates(templates);
    expect(result.sheets[0]).toBe(`${templates[0].name} (2)`);
    expect(app.sheetNames()).toEqual([templates[0].name, ...result.sheets]);
    expect(app.book.active?.name).toBe(result.sheets[0]);
    // Read back through the same adapter: every value where the plan put it, every merged area.
    const read = await h.readWorkbook();
    templates.forEach((plan, i) => {
      const g = read.grids[i + 1];
      expect(g.sheet).toBe(result.sheets[i]);
      const sheet = new Sheet(g);
      // A formula cell reads as the fake's unevaluated "#FORMULA" (WPS would show its result).
      const formula = new Set((plan.formulas ?? []).map((f) => `${f.row},${f.col}`));
      plan.rows.forEach((row, r) => row.forEach((cell, c) => expect([r, c, sheet.get(r, c)]).toEqual([r, c, formula.has(`${r},${c}`) ? "#FORMULA" : (cell.v ?? null)])));
      expect(g.merges).toEqual([...plan.merges].sort((a, b) => a.top - b.top || a.left - b.left));
    });
    const kinds = readGridsOf({ file: "t.xlsx", grids: read.grids.slice(1) }).sheets.map((s) => s.kind);
    expect(kinds).not.toContain("unrecognized");
  });

  it("a blank template keeps its form: the plan's formulas as formulas (never its cell text), its drop-down lists", async () => {
    const templates = blankTemplates();
    const { app, host: h } = host([{ name: "已有", rows: [["x"]] }]);
    const result = await h.insertTemplates(templates);
    let formulas = 0;
    let lists = 0;
    templates.forEach((plan, i) => {
      const sheet = app.sheet(result.sheets[i]);
      for (const f of plan.formulas ?? []) {
        formulas++;
        const cell = sheet.cell(f.row, f.col);
        expect([f.row, f.col, cell?.f]).toEqual([f.row, f.col, `=${f.formula}`]);
        if (f.fmt) expect(cell?.fmt).toBe(f.fmt);
      }
      expect(sheet.validations.map((v) => [v.range, v.type, v.alertStyle, v.formula1, v.inCellDropdown, v.showError, v.errorMessage])).toEqual(
        (plan.validations ?? []).map((v) => [v.range, XL_VALIDATE_LIST, XL_VALID_ALERT_STOP, v.list.join(","), true, true, v.error]),
      );
      lists += plan.validations?.length ?? 0;
      // Text that merely looks like a formula stays text: only the plan's formulas are formulas.
      const planned = new Set((plan.formulas ?? []).map((f) => `${f.row},${f.col}`));
      for (const [k, cell] of sheet.cells) if (cell.f) expect([k, planned.has(k)]).toEqual([k, true]);
    });
    expect(formulas).toBeGreaterThan(0);
    expect(lists).toBeGreaterThan(0);
  });

  it("selects a finding's cell: activates its sheet; missing and hidden sheets are clear errors", async () => {
    const { app, host: h } = host([{ name: "医疗救助", rows: [["a"]] }, { name: "饮水工程", rows: [["b"]] }, { name: "隐藏", rows: [["c"]], visible: 0 }]);
    await h.select("饮水工程", "H12");
    expect(app.book.selection).toEqual({ sheet: "饮水工程", address: "H12" });
    expect(app.book.active?.name).toBe("饮水工程");
    await h.select("医疗救助", "B3:D5");
    expect(app.book.selection).toEqual({ sheet: "医疗救助", address: "B3:D5" });
    await expect(h.select("不存在", "A1")).rejects.toMatchObject({ code: "sheet-not-found", sheet: "不存在" });
    await expect(h.select("隐藏", "A1")).rejects.toMatchObject({ code: "cannot-select" });
    await expect(h.select("医疗救助", "not a cell")).rejects.toMatchObject({ code: "bad-address" });
  });

  it("settings travel with the workbook as a custom document property; a read-only workbook falls back to PluginStorage", async () => {
    const { app, host: h } = host([{ name: "A", rows: [["x"]] }]);
    expect(await h.loadSetting("bpr.settings")).toBeNull();
    await h.saveSetting("bpr.settings", { profile: "hubei", gap: 8, severeGap: 15 });
    await h.saveSetting("bpr.settings", { profile: "sichuan", gap: 8, severeGap: 15 });
    expect(app.book.properties).toEqual([{ Name: "bpr.settings", Value: JSON.stringify({ profile: "sichuan", gap: 8, severeGap: 15 }) }]);
    expect(await h.loadSetting("bpr.settings")).toEqual({ profile: "sichuan", gap: 8, severeGap: 15 });

    const ro = host([{ name: "A", rows: [["x"]] }], { propertiesFail: true });
    await ro.host.saveSetting("bpr.settings", { profile: "hubei" });
    expect(ro.app.storage.get("bpr.settings")).toBe(JSON.stringify({ profile: "hubei" }));
    expect(await ro.host.loadSetting("bpr.settings")).toEqual({ profile: "hubei" });
    await expect(h.saveSetting("k", { text: "x".repeat(300) })).rejects.toMatchObject({ code: "settings-failed" });
  });

  it("detects WPS's Application and nothing else", () => {
    expect(wpsApplication({})).toBeNull();
    expect(wpsApplication({ Application: { Name: "Excel-like but no workbooks" } })).toBeNull();
    const app = createFakeWps([]);
    expect(wpsApplication({ Application: app })).toBe(app);
    expect(() => createWpsHost(null)).toThrow(HostError);
    expect(new WpsHost(app).capabilities().kind).toBe("wps");
  });
});
