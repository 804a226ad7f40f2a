/**
 * The Office.js writer's print setup (issue 15): row heights always; pageLayout (A4, orientation, fit to one page
 * wide, margins in points, print title rows, header and footer) only where ExcelApi 1.9 is supported; a blank
 * template's formulas (from plan.formulas only) and drop-down lists (ExcelApi 1.8). Checked on a recording worksheet.
 */
import { printOps, type Target, type WriteConfig, writeOutputSheets } from "../../src/adapters/officejs/write";
import { createFakeExcel } from "../helpers/fake-excel";
import { templateSheet } from "./officejs/fixtures";
import { planSheets } from "../../src/engine/summary";
import { selfAssessmentTemplate, spotCheckTemplate } from "../../src/engine/templates";
import { demoReport } from "../unit/summary/factory";

interface Recorded {
  rowHeights: Map<number, number>;
  formulas: Map<string, { formulas: unknown; numberFormat?: unknown }>;
  validations: Map<string, { rule: unknown; errorAlert: unknown }>;
  layout: Record<string, unknown>;
  printTitles: string | null;
  headerFooter: Record<string, unknown>;
}

function recordingSheet(): { ws: Excel.Worksheet; rec: Recorded } {
  const rec: Recorded = { rowHeights: new Map(), formulas: new Map(), validations: new Map(), layout: {}, printTitles: null, headerFooter: {} };
  const cell = (row: number, col: number) => {
    const entry: { formulas: unknown; numberFormat?: unknown } = { formulas: null };
    return {
      format: {
        set rowHeight(h: number) {
          rec.rowHeights.set(row, h);
        },
      },
      set numberFormat(v: unknown) {
        entry.numberFormat = v;
      },
      set formulas(v: unknown) {
        entry.formulas = v;
        rec.formulas.set(`${row},${col}`, entry);
      },
    };
  };
  const layout = new Proxy(
    {
      setPrintTitleRows: (r: string) => {
        rec.printTitles = r;
      },
      headersFooters: { defaultForAllPages: new Proxy({}, { set: (_t, k, v) => ((rec.headerFooter[String(k)] = v), true) }) },
    } as Record<string, unknown>,
    {
      set: (_t, k, v) => ((rec.layout[String(k)] = v), true),
    },
  );
  const ws = {
    getRangeByIndexes: (row: number, col: number, rows = 1) => {
      const c = cell(row, col);
      // A range of `rows` rows: its row height applies to each of them.
      c.format = {
        set rowHeight(h: number) {
          for (let r = row; r < row + rows; r++) rec.rowHeights.set(r, h);
        },
      };
      return c;
    },
    getRange: (address: string) => {
      const v = { rule: null as unknown, errorAlert: null as unknown };
      rec.validations.set(address, v);
      return { dataValidation: v };
    },
    pageLayout: layout,
  } as unknown as Excel.Worksheet;
  return { ws, rec };
}

function run(plan: Target["plan"], cfg: Partial<WriteConfig>): Recorded {
  const { ws, rec } = recordingSheet();
  const t: Target = { plan, addName: plan.name, finalName: plan.name, ws };
  for (const op of printOps(t, { charts: true, hyperlinks: true, protectionCheck: true, ...cfg })) op.apply();
  return rec;
}

test("output sheets: A4 landscape, one page wide, margins in points, header row repeated, header and footer", () => {
  const plan = planSheets(demoReport().report, { lang: "zh", now: new Date(2024, 4, 31) }).find((p) => p.name === "问题清单")!;
  const rec = run(plan, { pageLayout: true });
  expect(rec.layout).toEqual(
    expect.objectContaining({
      paperSize: "A4",
      orientation: "Landscape",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      topMargin: 54,
      leftMargin: 36,
      headerMargin: 21.6,
    }),
  );
  expect(rec.printTitles).toBe("$3:$3");
  expect(rec.headerFooter).toEqual({ centerHeader: "&A", centerFooter: "第 &P 页 共 &N 页" });
  // Wrapped rows get their heights.
  const wanted = plan.rowHeights!.map((h, r) => [r, h] as const).filter(([, h]) => h !== null);
  expect(wanted.length).toBeGreaterThan(0);
  for (const [r, h] of wanted) expect(rec.rowHeights.get(r)).toBe(h);
});

test("without ExcelApi 1.9 the page layout is left to Excel; row heights are still set", () => {
  const plan = planSheets(demoReport().report, { lang: "zh", now: new Date(2024, 4, 31) }).find((p) => p.name === "评价报告")!;
  const rec = run(plan, { pageLayout: false });
  expect(rec.layout).toEqual({});
  expect(rec.printTitles).toBeNull();
  expect(rec.rowHeights.size).toBeGreaterThan(0);
});

test("blank 自评表: formulas from plan.formulas only, drop-down for 指标性质 where validation is supported", () => {
  const plan = selfAssessmentTemplate();
  const rec = run(plan, { pageLayout: true, validation: true });
  expect([...rec.formulas.keys()].sort()).toEqual(plan.formulas!.map((f) => `${f.row},${f.col}`).sort());
  for (const f of plan.formulas!) expect(rec.formulas.get(`${f.row},${f.col}`)).toEqual({ formulas: [[`=${f.formula}`]], numberFormat: [[f.fmt]] });
  const [v] = plan.validations!;
  expect(rec.validations.get(v.range)).toEqual({
    rule: { list: { inCellDropDown: true, source: "≥,≤,=" } },
    errorAlert: { showAlert: true, style: "Stop", title: "", message: v.error },
  });
  expect(rec.layout.orientation).toBe("Portrait");
  // No plan string became a formula: every formula cell is one the plan names.
  expect(rec.formulas.size).toBe(plan.formulas!.length);
});

test("blank 抽查复核表: 复核等级 优/良/中/差 as a list; none without ExcelApi 1.8", () => {
  const plan = spotCheckTemplate();
  expect(run(plan, { validation: true }).validations.get("G3:G12")).toEqual(expect.objectContaining({ rule: { list: { inCellDropDown: true, source: "优,良,中,差" } } }));
  expect(run(plan, { validation: false }).validations.size).toBe(0);
});

test("through writeOutputSheets into a workbook: every output sheet gets its page layout when ExcelApi 1.9 is there", async () => {
  const fake = createFakeExcel([templateSheet("自评表1", 1)]);
  const plans = planSheets(demoReport().report, { lang: "zh", now: new Date(2024, 4, 31) });
  await fake.run((ctx) => writeOutputSheets(ctx, plans, { charts: true, hyperlinks: true, protectionCheck: true, autoFilter: true, rangeAreas: true, pageLayout: true }));
  for (const p of plans) {
    const layout = fake.sheet(p.name).pageLayout;
    expect(layout).toEqual(expect.objectContaining({ paperSize: "A4", orientation: p.page!.orientation === "landscape" ? "Landscape" : "Portrait" }));
    expect(layout["header.centerFooter"]).toBe("第 &P 页 共 &N 页");
  }
  expect(fake.sheet("问题清单").pageLayout.printTitleRows).toBe("$3:$3");
});
