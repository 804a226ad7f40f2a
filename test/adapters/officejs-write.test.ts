import { HostError } from "../../src/adapters/officejs/host";
import { insertTemplateSheets, widthToPoints, writeOutputSheets, type WriteConfig } from "../../src/adapters/officejs/write";
import { OUTPUT_MARKS, type SheetPlan } from "../../src/engine/summary/plan";
import { createFakeExcel, type FakeExcelOptions, type FakeSheetInit } from "../helpers/fake-excel";
import { templateSheet } from "./officejs/fixtures";
import { blankTemplate, issuesPlan, longIssuesPlan, summaryPlan, TRICKY_TEXT } from "./officejs/plans";

/** A previous run's output sheet: its title, and the product's mark in A2 (what makes it ours). */
function previous(name: string, title: string, extra: Omit<FakeSheetInit, "name" | "rows"> = {}): FakeSheetInit {
  return { name, rows: [[title], [`${OUTPUT_MARKS[0]}生成于 2024-03-01 09:00`]], ...extra };
}

const CFG: WriteConfig = { charts: true, hyperlinks: true, protectionCheck: true, autoFilter: true, rangeAreas: true };
const FIVE_MB = 5 * 1024 * 1024;

function workbook(extra: FakeSheetInit[] = [], opts: FakeExcelOptions = {}) {
  return createFakeExcel(
    [
      templateSheet("自评表1", 1),
      previous("评价汇总", "上次的汇总"),
      templateSheet("自评表2", 2),
      previous("抽查复核", "上次的复核"),
      ...extra,
    ],
    opts,
  );
}

const USER_SHEETS = ["自评表1", "自评表2"];

function snapshots(fake: ReturnType<typeof createFakeExcel>, names = USER_SHEETS) {
  return names.map((n) => fake.snapshot(n));
}

async function expectHostError(p: Promise<unknown>, code: string): Promise<HostError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(HostError);
  expect((e as HostError).code).toBe(code);
  return e as HostError;
}

describe("writing output sheets", () => {
  it("writes everything in one batch: preflight + one write sync + one to replace and rename (and draw the chart)", async () => {
    const fake = workbook();
    const result = await fake.run((ctx) => writeOutputSheets(ctx, [summaryPlan(), issuesPlan()], CFG));
    expect(fake.stats.syncs).toBe(3);
    expect(result.stats.syncs).toBe(3);
    expect(result.sheets).toEqual(["评价汇总", "问题清单"]);
    expect(result.warnings).toEqual([]);

    // The same three without a chart, and into a workbook with no previous output (the count is constant).
    const noChart = workbook();
    await noChart.run((ctx) => writeOutputSheets(ctx, [{ ...summaryPlan(), chart: undefined }, issuesPlan()], CFG));
    expect(noChart.stats.syncs).toBe(3);
    const fresh = createFakeExcel([templateSheet("自评表1", 1)]);
    await fresh.run((ctx) => writeOutputSheets(ctx, [summaryPlan(), issuesPlan()], CFG));
    expect(fresh.stats.syncs).toBe(3);
  });

  it("replaces the previous output sheets, adds the new ones at the end, leaves no temporary sheet", async () => {
    const fake = workbook();
    await fake.run((ctx) => writeOutputSheets(ctx, [summaryPlan(), issuesPlan()], CFG));
    expect(fake.model.sheets.map((s) => s.name)).toEqual(["自评表1", "自评表2", "评价汇总", "问题清单"]);
    expect(fake.sheet("评价汇总").get(0, 0)).toBe("评价汇总");
    expect(fake.sheet("评价汇总").get(7, 2)).toBe("=危险的项目名");
  });

  it("does not touch any user cell (snapshots before and after are equal), nor the active sheet", async () => {
    const fake = workbook();
    fake.model.active = fake.sheet("自评表2");
    const before = snapshots(fake);
    await fake.run((ctx) => writeOutputSheets(ctx, [summaryPlan(), issuesPlan()], CFG));
    expect(snapshots(fake)).toEqual(before);
    expect(fake.model.active?.name).toBe("自评表2");
  });

  it("keeps text that looks like a formula, number, date or boolean as text", async () => {
    const fake = workbook();
    await fake.run((ctx) => writeOutputSheets(ctx, [issuesPlan()], CFG));
    const s = fake.sheet("问题清单");
    const written = TRICKY_TEXT.map((_, i) => s.get(i + 1, 3));
    expect(written).toEqual(TRICKY_TEXT);
    expect(s.formulas.size).toBe(0);
    // Control: the fake really parses input like Excel — the same strings written raw would not survive.
    const raw = createFakeExcel([{ name: "S" }]);
    await raw.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRangeByIndexes(0, 0, 1, TRICKY_TEXT.length).values = [TRICKY_TEXT];
      await ctx.sync();
    });
    const rawSheet = raw.sheet("S");
    expect(rawSheet.formulas.size).toBeGreaterThanOrEqual(4);
    expect(rawSheet.get(0, 6)).toBe(12);
    expect(rawSheet.get(0, 9)).toBe(true);
  });

  it("number formats, styles, links, merges, widths, frozen header and the chart", async () => {
    const fake = workbook();
    await fake.run((ctx) => writeOutputSheets(ctx, [summaryPlan()], CFG));
    const s = fake.sheet("评价汇总");
    const key = (r: number, c: number) => r * 20000 + c;
    expect(s.get(7, 3)).toBe(1234.5);
    expect(s.format(7, 3)).toBe("#,##0.00");
    expect(s.format(7, 4)).toBe("0.00%");
    expect(s.format(7, 1)).toBe("General");
    const border = { "borders.EdgeTop.style": "Continuous", "borders.EdgeBottom.weight": "Thin", "borders.EdgeLeft.color": "#BFBFBF" };
    expect(s.styles.get(key(6, 0))).toMatchObject({ "font.bold": true, "fill.color": "#DDEBF7", wrapText: true, ...border });
    expect(s.styles.get(key(6, 7))).toMatchObject({ "font.bold": true });
    expect(s.styles.get(key(9, 6))).toMatchObject({ "font.color": "#C00000", "font.bold": true, ...border });
    expect(s.styles.get(key(8, 6))).toMatchObject(border);
    expect(s.styles.get(key(8, 6))).not.toHaveProperty("font.bold");
    expect(s.styles.get(key(0, 0))).toMatchObject({ "font.size": 16, rowHeight: 26 });
    expect(s.styles.get(key(2, 0))).toMatchObject({ "font.bold": true, "fill.color": "#F2F2F2" });
    expect(s.styles.get(key(3, 1))).toBeUndefined();
    expect(s.autoFilter).toBe("A7:H10");
    expect(s.links.get(key(7, 7))).toEqual({ documentReference: "'自评表1'!B2", screenTip: "自评表1!B2", textToDisplay: "自评表1" });
    expect(s.get(7, 7)).toBe("自评表1");
    expect(s.styles.get(key(7, 7))).toMatchObject({ "font.color": "#0563C1", "font.underline": "Single" });
    expect(s.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 7 }]);
    expect(s.columnWidths.get(2)).toBe(widthToPoints(30));
    expect(s.frozenRows).toBe(7);
    expect(s.charts).toEqual([
      {
        type: "Pie",
        source: "B3:B6",
        seriesBy: "Columns",
        title: "等级分布",
        "series0.categories": "A3:A6",
        "series0.name": "项目数",
        legend: "Right",
        position: "J2:P16",
      },
    ]);
  });

  it("a long report is cut into syncs by request size, each under 5 MB", async () => {
    const fake = workbook();
    const result = await fake.run((ctx) => writeOutputSheets(ctx, [longIssuesPlan(20000)], CFG));
    expect(fake.stats.maxRequestBytes).toBeLessThanOrEqual(FIVE_MB);
    expect(result.stats.syncs).toBe(fake.stats.syncs);
    expect(fake.sheet("问题清单").get(20000, 0)).toBe(20000);
    expect(fake.sheet("问题清单").links.size).toBe(20000);
    expect(fake.model.sheets.map((s) => s.name)).toEqual(["自评表1", "自评表2", "问题清单"]);
    console.log(`20,000 findings: ${fake.stats.syncs} syncs, ${fake.stats.commands} commands, max request ${(fake.stats.maxRequestBytes / 1e6).toFixed(2)} MB`);
  });

  it("styling through RangeAreas (ExcelApi 1.9) and per rectangle give the same cells", async () => {
    const withAreas = workbook();
    await withAreas.run((ctx) => writeOutputSheets(ctx, [longIssuesPlan(300), summaryPlan(20)], CFG));
    const perRect = workbook([], { apiVersion: "1.8" });
    await perRect.run((ctx) => writeOutputSheets(ctx, [longIssuesPlan(300), summaryPlan(20)], { ...CFG, rangeAreas: false, autoFilter: false }));
    const styles = (fake: ReturnType<typeof createFakeExcel>, name: string) => [...fake.sheet(name).styles.entries()].sort((a, b) => a[0] - b[0]);
    for (const name of ["问题清单", "评价汇总"]) expect(styles(perRect, name)).toEqual(styles(withAreas, name));
    expect(withAreas.stats.commands).toBeLessThan(perRect.stats.commands);
  });

  it("works when the workbook holds only previous output sheets (never deletes the last sheet first)", async () => {
    const fake = createFakeExcel([previous("评价汇总", "old")]);
    await fake.run((ctx) => writeOutputSheets(ctx, [summaryPlan()], CFG));
    expect(fake.model.sheets.map((s) => s.name)).toEqual(["评价汇总"]);
    expect(fake.sheet("评价汇总").get(0, 0)).toBe("评价汇总");
  });
});

describe("writing: refusals and failures leave the workbook as it was", () => {
  it("a protected workbook: typed error before anything changes", async () => {
    const fake = workbook([], { workbookProtected: true });
    const names = fake.model.sheets.map((s) => s.name);
    const before = snapshots(fake, names);
    const e = await expectHostError(fake.run((ctx) => writeOutputSheets(ctx, [summaryPlan()], CFG)), "protected");
    expect(e.message).toMatch(/保护/);
    expect(fake.model.sheets.map((s) => s.name)).toEqual(names);
    expect(snapshots(fake, names)).toEqual(before);
    expect(fake.stats.syncs).toBe(1);
  });

  it("a protected previous output sheet: typed error naming it", async () => {
    const fake = createFakeExcel([templateSheet("自评表1"), previous("评价汇总", "old", { protected: true })]);
    const e = await expectHostError(fake.run((ctx) => writeOutputSheets(ctx, [summaryPlan()], CFG)), "protected");
    expect(e.sheet).toBe("评价汇总");
    expect(fake.sheet("评价汇总").get(0, 0)).toBe("old");
    expect(fake.model.sheets.map((s) => s.name)).toEqual(["自评表1", "评价汇总"]);
    expect(fake.stats.commands).toBeLessThan(20); // refused before anything was written
  });

  it("a protected sheet of the user's named like an output sheet is no obstacle: it is kept", async () => {
    const fake = createFakeExcel([templateSheet("自评表1"), { name: "评价汇总", rows: [["单位自己的汇总"]], protected: true }]);
    const result = await fake.run((ctx) => writeOutputSheets(ctx, [summaryPlan()], CFG));
    expect(result.sheets).toEqual(["评价汇总（评价助手）"]);
    expect(fake.sheet("评价汇总").get(0, 0)).toBe("单位自己的汇总");
  });

  it("a failure in the middle of the batch: added sheets are removed, previous outputs untouched", async () => {
    const fake = workbook([], { failWhen: (cmd) => (cmd.kind === "range.hyperlink" ? "GeneralException" : null) });
    const names = fake.model.sheets.map((s) => s.name);
    const before = snapshots(fake, names);
    const e = await expectHostError(fake.run((ctx) => writeOutputSheets(ctx, [issuesPlan(), summaryPlan()], CFG)), "write-failed");
    expect((e.cause as { code?: string }).code).toBe("GeneralException");
    expect(fake.model.sheets.map((s) => s.name)).toEqual(names);
    expect(snapshots(fake, names)).toEqual(before);
  });

  it("an access-denied failure during the batch maps to 'protected'", async () => {
    const fake = workbook([], { failWhen: (cmd) => (cmd.kind === "worksheets.add" ? "AccessDenied" : null) });
    await expectHostError(fake.run((ctx) => writeOutputSheets(ctx, [summaryPlan()], CFG)), "protected");
    expect(fake.model.sheets.map((s) => s.name)).toEqual(["自评表1", "评价汇总", "自评表2", "抽查复核"]);
  });

  it("a failure while replacing and renaming (sync 3) removes the new sheets and reports it", async () => {
    const fake = workbook([], { failWhen: (cmd) => (cmd.kind === "worksheet.rename" ? "GeneralException" : null) });
    await expectHostError(fake.run((ctx) => writeOutputSheets(ctx, [summaryPlan()], CFG)), "write-failed");
    expect(fake.model.sheets.some((s) => s.name.startsWith("~bpr"))).toBe(false);
    expect(fake.model.sheets.map((s) => s.name).slice(0, 2)).toEqual(["自评表1", "自评表2"]);
  });

  it("a chart the host refuses is a warning; the sheets are written", async () => {
    const fake = workbook([], { charts: false });
    const result = await fake.run((ctx) => writeOutputSheets(ctx, [summaryPlan()], CFG));
    expect(result.warnings).toEqual([{ id: "chart-failed", reason: expect.any(String) }]);
    expect(fake.sheet("评价汇总").get(0, 0)).toBe("评价汇总");
    const skipped = workbook();
    const r2 = await skipped.run((ctx) => writeOutputSheets(ctx, [summaryPlan()], { ...CFG, charts: false }));
    expect(r2.warnings).toEqual([{ id: "chart-unsupported", sheet: "评价汇总" }]);
    expect(skipped.stats.syncs).toBe(3);
    expect(fake.model.sheets.map((s) => s.name)).toEqual(["自评表1", "自评表2", "评价汇总"]);
  });

  it("refuses plans for sheets that are not output sheets, before any sync", async () => {
    const fake = workbook();
    const bad = { ...summaryPlan(), name: "自评表1" } as unknown as SheetPlan;
    const alternative = { ...summaryPlan(), name: "评价汇总（评价助手）" } as unknown as SheetPlan;
    await expectHostError(fake.run((ctx) => writeOutputSheets(ctx, [bad], CFG)), "invalid-plan");
    await expectHostError(fake.run((ctx) => writeOutputSheets(ctx, [summaryPlan(), summaryPlan()], CFG)), "invalid-plan");
    await expectHostError(fake.run((ctx) => writeOutputSheets(ctx, [summaryPlan(), alternative], CFG)), "invalid-plan");
    expect(fake.stats.syncs).toBe(0);
  });

  it("links only to sheets of this workbook: a missing sheet or another file gets the text alone", async () => {
    const fake = workbook();
    const plan = summaryPlan();
    plan.rows[7][7] = { v: "自评表1", link: { sheet: "自评表1", cell: "B2", file: "workbook.xlsx" } };
    plan.rows[8][7] = { v: "别的表", link: { sheet: "不存在", cell: "B2" } };
    plan.rows[9][7] = { v: "外部", link: { sheet: "自评表1", cell: "B2", file: "另一个文件.xlsx" } };
    plan.rows[9][6] = { v: "问题", link: { sheet: "问题清单", cell: "A1" } };
    await fake.run((ctx) => writeOutputSheets(ctx, [plan, issuesPlan()], CFG));
    const s = fake.sheet("评价汇总");
    const key = (r: number, c: number) => r * 20000 + c;
    expect(s.links.get(key(7, 7))?.documentReference).toBe("'自评表1'!B2");
    expect(s.links.has(key(8, 7))).toBe(false);
    expect(s.get(8, 7)).toBe("别的表");
    expect(s.styles.get(key(8, 7))).toBeUndefined();
    expect(s.links.has(key(9, 7))).toBe(false);
    expect(s.links.get(key(9, 6))?.documentReference).toBe("'问题清单'!A1"); // a planned sheet
  });

  it("if the user was on a previous output sheet, the new first output sheet is activated", async () => {
    const fake = workbook();
    fake.model.active = fake.sheet("抽查复核");
    await fake.run((ctx) => writeOutputSheets(ctx, [summaryPlan(), issuesPlan()], CFG));
    expect(fake.model.active?.name).toBe("评价汇总");
  });

  it("without AutoFilter support (ExcelApi < 1.9) the filter is skipped", async () => {
    const fake = workbook([], { apiVersion: "1.8" });
    await fake.run((ctx) => writeOutputSheets(ctx, [summaryPlan()], { ...CFG, autoFilter: false }));
    expect(fake.sheet("评价汇总").autoFilter).toBeNull();
  });

  it("without hyperlink support, link cells are plain text", async () => {
    const fake = workbook();
    await fake.run((ctx) => writeOutputSheets(ctx, [summaryPlan()], { ...CFG, hyperlinks: false }));
    expect(fake.sheet("评价汇总").links.size).toBe(0);
    expect(fake.sheet("评价汇总").get(7, 7)).toBe("自评表1");
  });
});

describe("ownership: only sheets with the product's mark in A2 are replaced", () => {
  /** Real plans carry the mark in A2 (planSheets); the small test plans get it here. */
  const ours = <P extends SheetPlan>(plan: P): P => {
    const rows = plan.rows.map((r) => [...r]);
    rows[1] = [{ v: `${OUTPUT_MARKS[0]}生成于 2024-03-01 09:00` }, ...(rows[1] ?? []).slice(1)];
    return { ...plan, rows };
  };
  const USERS_LIST: FakeSheetInit = {
    name: "抽查复核",
    rows: [["项目名称", "主管部门", "复核得分", "复核等级"], ["社区居家养老服务补贴项目", "区民政局", 81.31, "良"], [{ v: "=C2/100", f: "=C2/100" }]],
    merges: ["A4:B4"],
  };

  it("keeps a user's sheet named 抽查复核 byte for byte, writes ours beside it, and a second write replaces only ours", async () => {
    const fake = createFakeExcel([templateSheet("自评表1", 1), USERS_LIST]);
    fake.model.active = fake.sheet("抽查复核");
    const before = fake.snapshot("抽查复核");
    const plans = [ours(summaryPlan()), ours(issuesPlan()), ours({ ...issuesPlan(), name: "抽查复核" as const })];
    const first = await fake.run((ctx) => writeOutputSheets(ctx, plans, CFG));
    expect(first.sheets).toEqual(["评价汇总", "问题清单", "抽查复核（评价助手）"]);
    expect(fake.model.sheets.map((s) => s.name)).toEqual(["自评表1", "抽查复核", "评价汇总", "问题清单", "抽查复核（评价助手）"]);
    expect(fake.snapshot("抽查复核")).toEqual(before);
    expect(fake.model.active?.name).toBe("抽查复核"); // the user's sheet was active: it stays so
    const syncs = fake.stats.syncs;

    const second = await fake.run((ctx) => writeOutputSheets(ctx, plans, CFG));
    expect(second.sheets).toEqual(first.sheets);
    expect(fake.model.sheets.map((s) => s.name)).toEqual(["自评表1", "抽查复核", "评价汇总", "问题清单", "抽查复核（评价助手）"]);
    expect(fake.snapshot("抽查复核")).toEqual(before);
    expect(fake.stats.syncs - syncs).toBe(syncs); // the same number of syncs, first write or not
    expect(second.stats.syncs).toBe(3);
  });

  it("a run that no longer plans 抽查复核 removes our previous one, never the user's", async () => {
    const fake = createFakeExcel([templateSheet("自评表1", 1), USERS_LIST, previous("抽查复核（评价助手）", "上次的复核")]);
    await fake.run((ctx) => writeOutputSheets(ctx, [summaryPlan()], CFG));
    expect(fake.model.sheets.map((s) => s.name)).toEqual(["自评表1", "抽查复核", "评价汇总"]);
  });

  it("an unmarked 评价汇总 and a marked copy under another name are both the user's", async () => {
    const fake = createFakeExcel([
      templateSheet("自评表1", 1),
      { name: "评价汇总", rows: [["单位自己的汇总"], ["预算绩效评价"]] },
      previous("评价汇总 (2)", "复制的旧结果"),
      { name: "评价汇总（评价助手）", rows: [["也是用户的"]] },
    ]);
    const before = ["评价汇总", "评价汇总 (2)", "评价汇总（评价助手）"].map((n) => fake.snapshot(n));
    const result = await fake.run((ctx) => writeOutputSheets(ctx, [summaryPlan()], CFG));
    expect(result.sheets).toEqual(["评价汇总（评价助手2）"]);
    expect(["评价汇总", "评价汇总 (2)", "评价汇总（评价助手）"].map((n) => fake.snapshot(n))).toEqual(before);
  });

  it("a plan may name the alternative itself; the next run replaces that sheet", async () => {
    const fake = createFakeExcel([templateSheet("自评表1", 1), { name: "问题清单", rows: [["x"]] }]);
    const plan = ours({ ...issuesPlan(), name: "问题清单（评价助手）" } as unknown as SheetPlan);
    const result = await fake.run((ctx) => writeOutputSheets(ctx, [plan], CFG));
    expect(result.sheets).toEqual(["问题清单（评价助手）"]);
    expect(fake.sheet("问题清单").get(0, 0)).toBe("x");
    const again = await fake.run((ctx) => writeOutputSheets(ctx, [ours(issuesPlan())], CFG));
    expect(again.sheets).toEqual(["问题清单（评价助手）"]);
    expect(fake.model.sheets.map((s) => s.name)).toEqual(["自评表1", "问题清单", "问题清单（评价助手）"]);
  });

  it("links to the user's sheet of that name are still written (the sheet stays)", async () => {
    const fake = createFakeExcel([templateSheet("自评表1", 1), USERS_LIST]);
    const plan = summaryPlan();
    plan.rows[8][7] = { v: "复核表", link: { sheet: "抽查复核", cell: "A2" } };
    await fake.run((ctx) => writeOutputSheets(ctx, [plan], CFG));
    expect(fake.sheet("评价汇总").links.get(8 * 20000 + 7)?.documentReference).toBe("'抽查复核'!A2");
  });
});

describe("inserting blank templates", () => {
  it("adds them at the end with unique names, activates the first, changes nothing else", async () => {
    const fake = createFakeExcel([templateSheet("项目支出绩效自评表"), templateSheet("其他")]);
    const before = snapshots(fake, ["项目支出绩效自评表", "其他"]);
    const result = await fake.run((ctx) => insertTemplateSheets(ctx, [blankTemplate(), blankTemplate()], CFG));
    expect(result.sheets).toEqual(["项目支出绩效自评表 (2)", "项目支出绩效自评表 (3)"]);
    expect(fake.model.sheets.map((s) => s.name)).toEqual(["项目支出绩效自评表", "其他", "项目支出绩效自评表 (2)", "项目支出绩效自评表 (3)"]);
    expect(fake.model.active?.name).toBe("项目支出绩效自评表 (2)");
    expect(fake.sheet("项目支出绩效自评表 (2)").get(4, 8)).toBe("偏差原因分析及改进措施");
    expect(snapshots(fake, ["项目支出绩效自评表", "其他"])).toEqual(before);
    expect(fake.stats.syncs).toBe(2);
  });

  it("a protected workbook: typed error", async () => {
    const fake = createFakeExcel([templateSheet("其他")], { workbookProtected: true });
    await expectHostError(fake.run((ctx) => insertTemplateSheets(ctx, [blankTemplate()], CFG)), "protected");
    expect(fake.model.sheets).toHaveLength(1);
  });
});
