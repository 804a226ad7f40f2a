import { readWorkbook } from "../../src/adapters/officejs/read";
import { readSheet } from "../../src/engine/read";
import { OUTPUT_MARKS } from "../../src/engine/summary/plan";
import { createFakeExcel, type FakeSheetInit } from "../helpers/fake-excel";
import { expectedTemplateValues, ledgerSheet, templateSheet } from "./officejs/fixtures";

const FIVE_MB = 5 * 1024 * 1024;
const MARK = `${OUTPUT_MARKS[0]}生成于 2024-03-01 09:00`;

function templates(n: number): FakeSheetInit[] {
  return Array.from({ length: n }, (_, i) => templateSheet(`自评表${i + 1}`, i + 1));
}

async function read(sheets: FakeSheetInit[], opts: Parameters<typeof readWorkbook>[1] = {}, apiVersion = "1.13", bytesPerCell?: number) {
  const fake = createFakeExcel(sheets, { apiVersion, name: "县教育局2023自评.xlsx" });
  const result = await fake.run((context) =>
    readWorkbook(context, opts, { mergedAreas: fake.requirements.isSetSupported("ExcelApi", "1.13"), bytesPerCell }),
  );
  return { fake, result };
}

describe("reading: round trips do not grow with the number of sheets", () => {
  it("1, 10 and 100 template sheets take the same number of syncs (≤ 3)", async () => {
    const counts: number[] = [];
    for (const n of [1, 10, 100]) {
      const { fake, result } = await read(templates(n));
      expect(result.grids).toHaveLength(n);
      expect(result.stats.syncs).toBe(fake.stats.syncs);
      counts.push(fake.stats.syncs);
    }
    expect(counts[0]).toBeLessThanOrEqual(3);
    expect(new Set(counts).size).toBe(1);
  });

  it("without merged-area support it is still the same count", async () => {
    const counts: number[] = [];
    for (const n of [1, 100]) counts.push((await read(templates(n), {}, "1.7")).fake.stats.syncs);
    expect(counts).toEqual([counts[0], counts[0]]);
    expect(counts[0]).toBeLessThanOrEqual(3);
  });
});

describe("reading: grids follow the normalisation contract", () => {
  it("values, position, merges, dates as ISO text, percent formats kept", async () => {
    const { result } = await read([templateSheet("自评表", 7)]);
    expect(result.fileName).toBe("县教育局2023自评.xlsx");
    const g = result.grids[0];
    expect(g.sheet).toBe("自评表");
    expect([g.top, g.left]).toEqual([1, 1]);
    expect(g.values).toEqual(expectedTemplateValues(7));
    expect(g.merges).toEqual(
      expect.arrayContaining([
        { top: 1, left: 1, bottom: 1, right: 9 },
        { top: 9, left: 1, bottom: 17, right: 1 },
        { top: 10, left: 2, bottom: 14, right: 2 },
      ]),
    );
    expect(g.merges).toHaveLength(6);
    // Percent formats stay visible to the engine; General is null; formats only where there are values.
    expect(g.numberFormats?.[5][6]).toBe("0.00%");
    expect(g.numberFormats?.[7][6]).toBe("0.00%");
    expect(g.numberFormats?.[5][2]).toBeNull();
    expect(g.numberFormats?.[18][1]).toBe('yyyy"年"m"月"d"日"');
    expect(g.numberFormats?.[0][5]).toBeNull();
    expect(g.totalRows).toBeUndefined();
    expect(result.sheets).toEqual([{ name: "自评表", visibility: "Visible", used: { top: 1, left: 1, rows: 19, columns: 9 } }]);
  });

  it("merges are null when ExcelApi 1.13 is not supported (and the API is never called)", async () => {
    const { result, fake } = await read([templateSheet("自评表")], {}, "1.12");
    expect(result.grids[0].merges).toBeNull();
    expect(result.grids[0].values).toEqual(expectedTemplateValues(1));
    expect(fake.stats.syncs).toBeLessThanOrEqual(3);
  });

  it("more than 512 merged areas on a sheet: one more sync, merges null everywhere, a warning", async () => {
    const merged: FakeSheetInit = {
      name: "台账",
      rows: Array.from({ length: 600 }, (_, i) => [`行${i}`, null, i]),
      merges: Array.from({ length: 600 }, (_, i) => `A${i + 1}:B${i + 1}`),
    };
    const { fake, result } = await read([templateSheet("自评表"), merged]);
    expect(result.grids.map((g) => g.merges)).toEqual([null, null]);
    expect(result.grids[0].values).toEqual(expectedTemplateValues(1));
    expect(result.grids[1].values[599]).toEqual(["行599", null, 599]);
    expect(result.warnings).toEqual([{ id: "merges-unread" }]);
    expect(fake.stats.syncs).toBe(4);
    const normal = await read([templateSheet("自评表")]);
    expect(normal.result.warnings).toEqual([]);
  });

  it("quoted sheet names, empty sheets, hidden sheets and output sheets", async () => {
    const { result } = await read([
      { name: "It's 2023", rows: [["a", 1]], top: 4, left: 3 },
      { name: "空白", rows: [] },
      { name: "隐藏", rows: [["x"]], visibility: "Hidden" },
      { name: "评价汇总", rows: [["old output"], [MARK], ["序号", "项目"]] },
    ]);
    const [quoted, empty, hidden, output] = result.grids;
    expect(quoted).toMatchObject({ sheet: "It's 2023", top: 4, left: 3, values: [["a", 1]] });
    expect(empty).toMatchObject({ sheet: "空白", top: 0, left: 0, values: [], merges: [] });
    expect(hidden.values).toEqual([["x"]]);
    // The product's own sheet: A2 alone (its mark), so the engine lists it as output without reading its cells.
    expect(output).toEqual({ sheet: "评价汇总", top: 1, left: 0, values: [[MARK]], merges: [] });
    expect(readSheet(output, "f.xlsx").kind).toBe("output");
    expect(result.sheets.map((s) => s.visibility)).toEqual(["Visible", "Visible", "Hidden", "Visible"]);
  });

  it("a user's sheet that only shares an output sheet's name (no mark in A2) is read in full", async () => {
    const list = [["项目名称", "主管部门", "复核得分", "复核等级"], ["社区居家养老服务补贴项目", "区民政局", 81.31, "良"]];
    const { fake, result } = await read([
      templateSheet("自评表1", 1),
      { name: "抽查复核", rows: list },
      { name: "抽查复核（评价助手）", rows: [["抽查复核"], [MARK], ["项目", "主管部门"]] },
      { name: "评价汇总 (2)", rows: [["复制的旧结果"], [MARK]] },
    ]);
    expect(result.grids.map((g) => g.sheet)).toEqual(["自评表1", "抽查复核", "抽查复核（评价助手）", "评价汇总 (2)"]);
    expect(result.grids[1].values).toEqual(list);
    expect(readSheet(result.grids[1], "f.xlsx").kind).toBe("spot-check-list");
    expect(result.grids[2].values).toEqual([[MARK]]);
    expect(result.grids[3].values).toEqual([["复制的旧结果"], [MARK]]); // not an output name: read (the reader skips it by its mark)
    expect(fake.stats.syncs).toBe(3);
  });

  it("a workbook of output sheets alone, and the fallback without merged areas, still find the marks", async () => {
    const own = { name: "问题清单", rows: [["问题清单"], [MARK]] };
    const { result } = await read([own]);
    expect(result.grids).toEqual([{ sheet: "问题清单", top: 1, left: 0, values: [[MARK]], merges: [] }]);
    const merges = Array.from({ length: 600 }, (_, i) => `A${i * 2 + 1}:B${i * 2 + 1}`);
    const many = await read([{ name: "台账", rows: [["x"]], merges }, own, { name: "评价报告", rows: [["单位自己的报告"]] }]);
    expect(many.result.warnings).toEqual([{ id: "merges-unread" }]);
    expect(many.result.grids[1].values).toEqual([[MARK]]);
    expect(many.result.grids[2].values).toEqual([["单位自己的报告"]]);
  });

  it("includeHidden: false and readOutputSheets: true", async () => {
    const { result } = await read(
      [
        { name: "隐藏", rows: [["x"]], visibility: "VeryHidden" },
        { name: "评价汇总", rows: [["old output"]] },
      ],
      { includeHidden: false, readOutputSheets: true },
    );
    expect(result.grids.map((g) => g.sheet)).toEqual(["评价汇总"]);
    expect(result.grids[0].values).toEqual([["old output"]]);
  });

  it("maxRows reads a leading sample and reports totalRows like the exceljs adapter", async () => {
    const { result } = await read([ledgerSheet("台账", 500)], { maxRows: 50 });
    const g = result.grids[0];
    expect(g.values).toHaveLength(50);
    expect(g.totalRows).toBe(501);
    expect(g.values[1][2]).toBe("项目1");
  });
});

describe("reading: large sheets are read in row blocks under the payload limit", () => {
  jest.setTimeout(120000);

  it("a 100,000-row sheet: blocks, every sync ≤ 5 MB, all rows exact", async () => {
    const progress: number[] = [];
    const { fake, result } = await read([ledgerSheet("台账", 100000)], { onProgress: (done) => progress.push(done) });
    const g = result.grids[0];
    expect(g.values).toHaveLength(100001);
    expect(g.values[0][0]).toBe("序号");
    expect(g.values[100000]).toEqual([100000, "5100002099999", "项目100000", "县教育局", 149, 129, 0.9, 99, "优", null]);
    expect(g.values[50000][9]).toBeNull();
    expect(g.numberFormats?.[1][6]).toBe("0.00%");
    expect(fake.stats.maxPayloadBytes).toBeLessThanOrEqual(FIVE_MB);
    expect(fake.stats.syncs).toBeGreaterThan(3); // blocks, not one giant load
    expect(progress[progress.length - 1]).toBe(100001);
    console.log(
      `100k-row sheet: ${fake.stats.syncs} syncs, max payload ${(fake.stats.maxPayloadBytes / 1e6).toFixed(2)} MB, total ${(fake.stats.totalResponseBytes / 1e6).toFixed(1)} MB`,
    );
  });

  it("syncs grow with data, not with sheets: a big sheet plus 60 templates costs at most one more sync", async () => {
    const alone = await read([ledgerSheet("台账", 30000)]);
    const mixed = await read([ledgerSheet("台账", 30000), ...templates(60)]);
    expect(mixed.fake.stats.syncs - alone.fake.stats.syncs).toBeLessThanOrEqual(1);
    expect(mixed.fake.stats.maxPayloadBytes).toBeLessThanOrEqual(FIVE_MB);
    expect(mixed.result.grids[1].values).toEqual(expectedTemplateValues(1));
  });

  it("when the host rejects a block as too large, it retries with smaller blocks", async () => {
    const wide: FakeSheetInit = {
      name: "长文本",
      rows: Array.from({ length: 4000 }, (_, i) => Array.from({ length: 10 }, (_, j) => `${"很长的说明文字".repeat(30)}${i}-${j}`)),
    };
    // A far too optimistic estimate: 2 bytes per cell → the first block is ~25 MB and is refused.
    const { fake, result } = await read([wide], {}, "1.13", 2);
    expect(result.grids[0].values).toHaveLength(4000);
    expect(result.grids[0].values[3999][9]).toMatch(/3999-9$/);
    expect(fake.stats.perSync.some((s) => s.responseBytes > FIVE_MB)).toBe(true); // the refused one
    expect(result.stats.maxBatchBytes).toBeLessThanOrEqual(FIVE_MB);
  });
});

describe("measurement helpers for the benchmark", () => {
  it("report syncs and max payload of a check", async () => {
    const { measureOfficeRead, measureOfficeWrite } = await import("./officejs/measure");
    const m = await measureOfficeRead(templates(10));
    expect(m.syncs).toBe(3);
    expect(m.maxPayloadMB).toBeGreaterThan(0);
    expect(m.grids).toHaveLength(10);
    const { summaryPlan } = await import("./officejs/plans");
    const w = await measureOfficeWrite([summaryPlan()]);
    expect(w.syncs).toBe(3);
    expect(w.result.sheets).toEqual(["评价汇总"]);
  });
});
