/**
 * Whole workbooks: several projects stacked on one sheet, templates mixed with non-template sheets, and huge
 * ledgers that must be recognised as unrecognized from their top rows only.
 */
import type { CellValue, Grid } from "../../../src/engine/grid";
import { readSheet, readWorkbook } from "../../../src/engine/read";
import { RECOGNITION_ROWS } from "../../../src/engine/read/sheet";
import {
  buildChartDataSheet,
  buildLedgerSheet,
  buildNationalSheet,
  buildReviewDetailSheet,
  buildSichuanSheet,
  buildSpotCheckListSheet,
  type BuiltForm,
  gridsFromBuffer,
  ledgerValues,
  NATIONAL_DRAFT,
  NATIONAL_SAMPLE,
  type ProjectSpec,
  readSheets,
  REVIEW_DETAIL_ROWS,
  REVIEWED_SAMPLE,
  sheet,
  SICHUAN_SAMPLE,
  SPOT_CHECK_ROWS,
  writeWorkbook,
} from "../../helpers/workbooks";

describe("several projects stacked on one sheet", () => {
  test("three forms with preambles and blank rows between: each read whole, addresses right", async () => {
    const built: BuiltForm[] = [];
    const forms: ProjectSpec[] = [NATIONAL_SAMPLE, { ...NATIONAL_DRAFT, preamble: ["附件2"] }, REVIEWED_SAMPLE];
    const reading = await readSheets(
      [
        sheet("汇总", (ws) => {
          let row = 1;
          for (const f of forms) {
            const b = buildNationalSheet(ws, f, { origin: { row, col: 2 }, preambleCol: 1 });
            built.push(b);
            row = b.lastRow + 3;
          }
        }),
      ],
      "汇编.xlsx",
    );
    expect(reading.sheets).toEqual([{ file: "汇编.xlsx", sheet: "汇总", kind: "self-assessment", projects: 3 }]);
    const [a, b, c] = reading.projects;
    expect(reading.projects.map((p) => [p.id, p.name, p.department, p.unit, p.year])).toEqual([
      ["汇编.xlsx!汇总!1", "社区居家养老服务补贴项目", "区民政局", "区养老服务中心", 2023],
      ["汇编.xlsx!汇总!2", "农村饮水安全工程维修养护", "某某镇人民政府", "某某镇农村供水站", 2023],
      ["汇编.xlsx!汇总!3", "公共文化场馆免费开放", "区文旅局", "区文化馆", 2023],
    ]);
    // Each form's location is its title, below any "附件2" line.
    expect(reading.projects.map((p) => p.location.cell)).toEqual(built.map((x) => x.titleCell));
    expect(reading.projects.map((p) => p.fieldCells.name)).toEqual(built.map((x) => x.nameCell));
    expect(a.indicators.map((i) => i.cell)).toEqual([0, 1, 2, 3, 4, 5, 6, 8].map((i) => built[0].cell(i, "name")));
    expect(b.indicators.map((i) => i.cell)).toEqual([0, 1, 2, 3, 4, 5].map((i) => built[1].cell(i, "name")));
    expect(c.indicators.map((i) => i.cell)).toEqual([0, 1, 2, 3].map((i) => built[2].cell(i, "name")));
    expect(b.budget?.fromSubRows).toBe(true);
    expect([b.budget?.adjusted, b.budget?.executed, b.budget?.cells.total]).toEqual([180, 162, built[1].budgetCell(0, "initial")]);
    expect(reading.projects.map((p) => [p.statedTotal, p.statedTotalCell])).toEqual([
      [94.54, `I${built[0].totalRow}`],
      [73.94, `I${built[1].totalRow}`],
      [100, `I${built[2].totalRow}`],
    ]);
    expect(c.goal.target).toBe("全年免费开放。");
  });

  test("stacked forms running past the recognition window are all read", async () => {
    const n = 20;
    const built: BuiltForm[] = [];
    const reading = await readSheets([
      sheet("全部项目", (ws) => {
        let row = 1;
        for (let i = 0; i < n; i++) {
          // One blank row between forms, a signature line right above it, an "附件" line above every title.
          const spec = { ...NATIONAL_DRAFT, preamble: ["附件"], name: `农村饮水安全工程维修养护（第${i + 1}批）`, footer: ["填表人：王某某    审核人：李某某"] };
          const b = buildNationalSheet(ws, spec, { origin: { row, col: 1 } });
          built.push(b);
          row = b.lastRow + 2;
        }
      }),
    ]);
    expect(built[n - 1].lastRow).toBeGreaterThan(RECOGNITION_ROWS);
    expect(reading.projects).toHaveLength(n);
    expect(reading.projects.map((p) => p.location.cell)).toEqual(built.map((b) => b.titleCell));
    expect(reading.projects.map((p) => p.name)).toEqual(Array.from({ length: n }, (_, i) => `农村饮水安全工程维修养护（第${i + 1}批）`));
    const last = reading.projects[n - 1];
    expect(last.indicators.map((i) => i.cell)).toEqual([0, 1, 2, 3, 4, 5].map((i) => built[n - 1].cell(i, "name")));
    expect(last.budget?.fromSubRows).toBe(true);
  });
});

describe("a workbook mixing templates with other sheets", () => {
  test("ledger, empty sheet, chart data and a cover are listed as unrecognized; output sheets as output", async () => {
    const reading = await readSheets(
      [
        sheet("封面", (ws) => {
          ws.getCell("C8").value = "2023年度项目支出绩效自评材料";
          ws.getCell("C10").value = "区民政局";
        }),
        sheet("社区养老", (ws) => buildNationalSheet(ws, NATIONAL_SAMPLE, { origin: { row: 1, col: 2 }, preambleCol: 1 })),
        sheet("资金台账", (ws) => buildLedgerSheet(ws)),
        sheet("Sheet3", () => undefined),
        sheet("图表数据", (ws) => buildChartDataSheet(ws)),
        sheet("项目自评", (ws) => buildSichuanSheet(ws, SICHUAN_SAMPLE)),
        sheet("抽查复核汇总", (ws) => buildSpotCheckListSheet(ws, SPOT_CHECK_ROWS)),
        sheet("实际绩效", (ws) => buildReviewDetailSheet(ws, REVIEW_DETAIL_ROWS, { titleRow: "项目名称：社区居家养老服务补贴项目" })),
        // A previous run's output: it carries the product's mark in A2 and is never read as a template.
        sheet("评价汇总", (ws) => {
          ws.getCell("A1").value = "2023年度预算绩效评价汇总";
          ws.getCell("A2").value = "预算绩效评价助手生成于 2024-04-01 09:00　评价规则：national　金额单位：万元";
          ws.getCell("A3").value = "项目名称";
          ws.getCell("B3").value = "复核得分";
          ws.getCell("A4").value = "社区居家养老服务补贴项目";
          ws.getCell("B4").value = 81.31;
        }),
      ],
      "混合.xlsx",
    );
    expect(reading.sheets.map((s) => [s.sheet, s.kind, s.projects])).toEqual([
      ["封面", "unrecognized", 0],
      ["社区养老", "self-assessment", 1],
      ["资金台账", "unrecognized", 0],
      ["Sheet3", "unrecognized", 0],
      ["图表数据", "unrecognized", 0],
      ["项目自评", "self-assessment", 1],
      ["抽查复核汇总", "spot-check-list", 0],
      ["实际绩效", "spot-check-detail", 0],
      ["评价汇总", "output", 0],
    ]);
    expect(reading.projects.map((p) => p.name)).toEqual(["社区居家养老服务补贴项目", "工资性支出"]);
    expect(reading.reviews.map((r) => [r.location.sheet, r.name])).toEqual([
      ["抽查复核汇总", "社区居家养老服务补贴项目"],
      ["抽查复核汇总", "农村饮水安全工程维修养护"],
      ["抽查复核汇总", "公共文化场馆免费开放"],
      ["实际绩效", "社区居家养老服务补贴项目"],
    ]);
  });

  test("an empty workbook sheet and an empty grid", () => {
    expect(readWorkbook({ file: "x.xlsx", grids: [{ sheet: "Sheet1", top: 0, left: 0, values: [], merges: [] }] }).sheets).toEqual([
      { file: "x.xlsx", sheet: "Sheet1", kind: "unrecognized", projects: 0 },
    ]);
    expect(readSheet({ sheet: "S", top: 5, left: 3, values: [[null, null], []], merges: null }, "x.xlsx").kind).toBe("unrecognized");
  });
});

describe("huge sheets", () => {
  /** A 150,000-row ledger whose rows below the recognition window count every cell read. */
  function instrumentedLedger(rows: number): { grid: Grid; deepReads: () => number } {
    let reads = 0;
    const plain = ledgerValues(rows);
    const limit = RECOGNITION_ROWS + 50;
    const values = plain.map((row, i) =>
      i < limit
        ? row
        : new Proxy(row, {
            get(target, prop, receiver) {
              if (typeof prop === "string" && /^\d+$/.test(prop)) reads++;
              return Reflect.get(target, prop, receiver);
            },
          }),
    ) as CellValue[][];
    return { grid: { sheet: "台账", top: 0, left: 0, values, merges: [] }, deepReads: () => reads };
  }

  test("a 150,000-row ledger is unrecognized, read only from its top rows, quickly", () => {
    const { grid, deepReads } = instrumentedLedger(150_000);
    const t0 = Date.now();
    const r = readSheet(grid, "台账.xlsx");
    const ms = Date.now() - t0;
    expect(r).toEqual({ kind: "unrecognized", projects: [], reviews: [] });
    expect(deepReads()).toBe(0);
    expect(ms).toBeLessThan(2000);
  });

  test("an adapter may pass only the leading rows and totalRows: same answer", () => {
    const values = ledgerValues(RECOGNITION_ROWS + 10) as CellValue[][];
    const grid: Grid = { sheet: "台账", top: 0, left: 0, values, merges: [], totalRows: 150_001 };
    expect(readSheet(grid, "台账.xlsx").kind).toBe("unrecognized");
  });

  test("a template header is found only within the recognition window", () => {
    const filler: CellValue[][] = Array.from({ length: RECOGNITION_ROWS + 5 }, (_, i) => [`说明第${i + 1}行`, null]);
    const header: CellValue[][] = [["三级指标", "年度指标值", "实际完成值", "分值", "得分"], ["上门服务老年人数", "≥1200人", "1136人", 15, 14.2]];
    expect(readSheet({ sheet: "S", top: 0, left: 0, values: [...filler, ...header], merges: [] }, "x.xlsx").kind).toBe("unrecognized");
    expect(readSheet({ sheet: "S", top: 0, left: 0, values: [...filler.slice(0, 20), ...header], merges: [] }, "x.xlsx").kind).toBe("self-assessment");
  });

  test("a spot-check list longer than the recognition window is read whole", async () => {
    const rows = Array.from({ length: 1200 }, (_, i) => ({ department: "区民政局", name: `项目${String(i + 1).padStart(4, "0")}`, selfScore: 90, score: 85, grade: "良" }));
    const grids = await gridsFromBuffer(await writeWorkbook([sheet("抽查复核名单", (ws) => buildSpotCheckListSheet(ws, rows))]));
    const reading = readWorkbook({ file: "list.xlsx", grids });
    expect(reading.reviews).toHaveLength(1200);
    expect(reading.reviews[1199]).toMatchObject({ name: "项目1200", score: 85, grade: "良", location: { cell: "C1202" } });
  });
});
