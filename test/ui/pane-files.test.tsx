/** @jest-environment jsdom */
/**
 * File mode (a plain browser) and "导入其他工作簿" in Excel, in jsdom with real .xlsx files (exceljs): picking
 * several files, findings naming their file, the location line, the reviewed download, unreadable files,
 * settings in localStorage.
 */
import { act, fireEvent, screen, within } from "@testing-library/react";
import type { PaneController } from "../../src/taskpane/controller";
import { OUTPUT_SHEETS } from "../../src/engine/summary/plan";
import { SETTINGS_KEY } from "../../src/taskpane/settings";
import { FLAWED, GOOD, grid, REVIEW, selfAssessmentRows, spotCheckRows, standardSheets } from "./fixtures";
import { clickAndWait, renderPane, settle, untilIdle } from "./helpers";
import { MemoryHost } from "./memory-host";
import { unzipSync } from "fflate";
import { sheetTexts, xlsxBytes } from "./xlsx-fixtures";

/** The finding group of a project, by its title. */
function groupOf(title: string): HTMLElement {
  const g = screen.getAllByTestId("group").find((el) => within(el).queryByTestId("group-title")?.textContent === title);
  if (!g) throw new Error(`no group titled ${title}`);
  return g;
}

function file(name: string, bytes: Uint8Array): File {
  return new File([bytes as BlobPart], name, { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
}

let current: PaneController;

async function pane(opts: Parameters<typeof renderPane>[0] = {}) {
  const p = await renderPane(opts);
  current = p.controller;
  return p;
}

async function pick(files: File[]): Promise<void> {
  const input = screen.getByTestId("file-input") as HTMLInputElement;
  await act(async () => {
    fireEvent.change(input, { target: { files } });
    await untilIdle(current);
  });
}

async function press(name: string, within_: HTMLElement = document.body): Promise<void> {
  await clickAndWait(current, within(within_).getByRole("button", { name }));
}

beforeEach(() => window.localStorage.clear());

describe("file mode", () => {
  test("before any file: the drop zone and what to do", async () => {
    await pane();
    expect(screen.getByTestId("mode").textContent).toContain("文件模式");
    expect(screen.getByTestId("drop-zone").textContent).toContain("将一个或多个表格文件（.xlsx、.xls、.et、.ods、.xlsb）拖放到此处");
    expect(screen.getByRole("button", { name: "选择文件" })).toBeTruthy();
    expect((screen.getByRole("button", { name: "下载评价结果" }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId("empty").textContent).toContain("选择或拖入");
    expect(screen.queryByRole("button", { name: "检查当前工作簿" })).toBeNull();
  });

  test("one workbook: findings grouped, a click shows the sheet and cell, the download adds only the output sheets", async () => {
    const bytes = await xlsxBytes(standardSheets());
    const { downloads } = await pane();
    await pick([file("水利局-2023自评.xlsx", bytes)]);
    expect(screen.getByTestId("sources").textContent).toContain("水利局-2023自评.xlsx");
    expect(screen.getByTestId("sources").textContent).toContain("2 个项目");
    expect(screen.getAllByTestId("group-title").map((e) => e.textContent)).toEqual([FLAWED.name, GOOD.name, "其他问题：水利局-2023自评.xlsx"]);
    const exceeds = screen.getAllByTestId("finding").find((b) => b.getAttribute("data-rule") === "score/exceeds-weight")!;
    await settle(() => fireEvent.click(exceeds));
    expect(screen.getByTestId("located-text").textContent).toBe("位置：工作表 饮水工程 · 单元格 H12");
    // The cell's row as the form has it: the header's labels over the row, the finding's cell marked.
    const row = screen.getByTestId("cell-row");
    expect(row.textContent).toContain("第 12 行（工作表 饮水工程）");
    expect(row.textContent).toContain("三级指标");
    expect(row.textContent).toContain("水质达标率");
    expect(row.querySelector("[data-target]")!.textContent).toBe("12");

    await press("下载评价结果");
    expect(downloads.map((d) => d.name)).toEqual(["评价结果-水利局-2023自评.xlsx"]);
    const before = await sheetTexts(bytes);
    const after = await sheetTexts(downloads[0].bytes);
    expect([...after.keys()]).toEqual([...before.keys(), ...OUTPUT_SHEETS]);
    for (const [name, rows] of before) expect(after.get(name)).toEqual(rows);
    expect(screen.getByTestId("notices").textContent).toContain("已生成 评价结果-水利局-2023自评.xlsx");
  });

  test("several workbooks: each finding names its file; the download is a zip of the reviewed copies and the results workbook, or the results workbook alone", async () => {
    const a = await xlsxBytes([{ name: "自评", rows: selfAssessmentRows(GOOD) }]);
    const b = await xlsxBytes([{ name: "自评", rows: selfAssessmentRows(FLAWED) }]);
    const review = await xlsxBytes([{ name: "复核", rows: spotCheckRows(REVIEW) }]);
    const { downloads } = await pane();
    await pick([file("医保局.xlsx", a), file("水利局.xlsx", b), file("抽查结果.xlsx", review)]);
    const flawed = screen.getAllByTestId("group").find((g) => g.textContent?.includes(FLAWED.name))!;
    expect(flawed.textContent).toContain("水利局.xlsx · 自评");
    expect(within(flawed).getByTestId("gap").textContent).toBe("−23.6");
    const exceeds = within(flawed).getAllByTestId("finding").find((x) => x.getAttribute("data-rule") === "score/exceeds-weight")!;
    expect(exceeds.closest("[data-testid=finding-card]")!.textContent).toContain("文件 水利局.xlsx · 工作表 自评 · 单元格 H12");
    await press("下载评价结果");
    // Named for the batch, not after one of its files.
    expect(downloads[0].name).toMatch(/^评价结果-3个文件-\d{4}-\d{2}-\d{2}\.zip$/);
    const zip = unzipSync(downloads[0].bytes);
    expect(Object.keys(zip).sort()).toEqual(["医保局.xlsx", "抽查结果.xlsx", "水利局.xlsx", "评价结果.xlsx"].sort());
    // 水利局's project was spot-checked (抽查结果.xlsx): its own copy has the 抽查复核 sheet too.
    expect([...(await sheetTexts(zip["水利局.xlsx"])).keys()]).toEqual(["自评", ...OUTPUT_SHEETS]);
    expect([...(await sheetTexts(zip["评价结果.xlsx"])).keys()]).toEqual([...OUTPUT_SHEETS]);
    // The one added control: the results workbook alone.
    await settle(() => fireEvent.click(screen.getByLabelText("打包下载各文件的评价副本（zip，含评价结果工作簿）")));
    await press("下载评价结果");
    expect(downloads[1].name).toMatch(/^评价结果-3个文件-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect([...(await sheetTexts(downloads[1].bytes)).keys()]).toEqual([...OUTPUT_SHEETS]);
  });

  test("files dropped onto the pane are checked like picked ones", async () => {
    const { view } = await pane();
    const main = view.container.querySelector("main")!;
    const files = [file("医保局.xlsx", await xlsxBytes([{ name: "自评", rows: selfAssessmentRows(GOOD) }]))];
    const dataTransfer = { files, types: ["Files"], dropEffect: "none" };
    await settle(() => fireEvent.dragOver(main, { dataTransfer }));
    expect(screen.getByTestId("drop-zone").className).not.toBe("");
    await act(async () => {
      fireEvent.drop(main, { dataTransfer });
      await untilIdle(current);
    });
    expect(screen.getAllByTestId("group-title").map((e) => e.textContent)).toEqual([GOOD.name]);
  });

  test("an unreadable file is named with the reason; the others are still checked", async () => {
    const good = await xlsxBytes([{ name: "自评", rows: selfAssessmentRows(GOOD) }]);
    const xls = new Uint8Array(1024);
    xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await pane();
    await pick([file("旧版.xls", xls), file("乱码.xlsx", new TextEncoder().encode("项目名称,金额\n养老,1")), file("医保局.xlsx", good)]);
    // Said once: in the sources list (which names the file and why), not again in a banner.
    expect(screen.queryByTestId("notices")).toBeNull();
    const failed = screen.getAllByTestId("source").filter((li) => li.getAttribute("data-failed") === "true");
    expect(failed.map((li) => li.textContent)).toEqual([expect.stringContaining("旧版.xls无法读取"), expect.stringContaining("CSV")]);
    expect(failed[1].textContent).toContain("乱码.xlsx");
    expect(screen.getByTestId("sources-section").textContent).toContain("1 个可读取，2 个无法读取");
    expect(screen.getAllByTestId("group-title").map((e) => e.textContent)).toContain(GOOD.name);
    // Removing the bad files leaves the good one.
    await press("移除 旧版.xls");
    expect(screen.getByTestId("sources").textContent).not.toContain("旧版.xls");
  });

  test("every format a county receives: .xls, .et, .ods and .xlsb are read by their bytes; a PDF is called a PDF", async () => {
    const XLSX = await import("@e965/xlsx");
    const as = async (rows: Parameters<typeof selfAssessmentRows>[0], bookType: "xls" | "ods" | "xlsb"): Promise<Uint8Array> =>
      new Uint8Array(XLSX.write(XLSX.read(await xlsxBytes([{ name: "自评", rows: selfAssessmentRows(rows) }])), { type: "array", bookType }) as ArrayBuffer);
    await pane();
    expect((screen.getByTestId("file-input") as HTMLInputElement).accept.split(",").filter((x) => x.startsWith("."))).toEqual([".xlsx", ".xlsm", ".xls", ".et", ".ods", ".xlsb"]);
    const xls = await as(GOOD, "xls");
    await pick([
      file("医保局.xls", xls),
      file("医保局-WPS.et", xls),
      file("水利局.ods", await as(FLAWED, "ods")),
      file("抽查.xlsb", await as(GOOD, "xlsb")),
      file("扫描件.xls", new TextEncoder().encode("%PDF-1.7\n1 0 obj\n<< >>\nendobj\n")),
    ]);
    // Five files: the list starts folded, showing only the file that cannot be read.
    expect(screen.getByTestId("sources-toggle").getAttribute("aria-expanded")).toBe("false");
    expect(screen.getByTestId("sources-section").textContent).toContain("4 个可读取，1 个无法读取");
    expect(screen.getByTestId("sources").textContent).toBe("扫描件.xls无法读取：这是 PDF 文件，不是电子表格。请提交 Excel 或 WPS 表格文件（.xlsx、.xls、.et 等）。");
    await settle(() => fireEvent.click(screen.getByTestId("sources-toggle")));
    const sources = screen.getByTestId("sources").textContent!;
    for (const name of ["医保局.xls", "医保局-WPS.et", "水利局.ods", "抽查.xlsb", "扫描件.xls"]) expect(sources).toContain(name);
    expect(screen.getAllByTestId("group-title").map((e) => e.textContent)).toEqual(expect.arrayContaining([GOOD.name, FLAWED.name]));
    expect(screen.queryByTestId("notices")).toBeNull();
  });

  test("files without any template suggest the blank templates, which download as one workbook", async () => {
    const other = await xlsxBytes([{ name: "Sheet1", rows: [["会议纪要"], ["无关内容"]] }]);
    const { downloads } = await pane();
    await pick([file("纪要.xlsx", other)]);
    expect(screen.getByTestId("empty").textContent).toContain("下载空白模板");
    await press("下载空白模板", screen.getByTestId("empty"));
    expect(downloads[0].name).toBe("绩效评价空白模板.xlsx");
    expect([...(await sheetTexts(downloads[0].bytes)).keys()]).toEqual(["项目支出绩效自评表", "项目支出绩效目标表", "抽查复核表"]);
  });

  test("settings are kept in localStorage", async () => {
    await pane();
    await settle(() => fireEvent.click(screen.getByRole("button", { name: "设置" })));
    expect(screen.getByTestId("settings").textContent).toContain("设置保存在本浏览器中。");
    await settle(() => fireEvent.change(screen.getByLabelText("评分口径"), { target: { value: "sichuan" } }));
    expect(JSON.parse(window.localStorage.getItem(SETTINGS_KEY)!)).toEqual({ profile: "sichuan", custom: null, gap: 10, severeGap: 20 });
    document.body.innerHTML = "";
    await pane();
    await settle(() => fireEvent.click(screen.getByRole("button", { name: "设置" })));
    expect((screen.getByLabelText("评分口径") as HTMLSelectElement).value).toBe("sichuan");
  });
});

describe("导入其他工作簿 in Excel", () => {
  test("imported projects join the check; their findings name the file and are not selected in this workbook", async () => {
    const host = new MemoryHost([grid("医疗救助", selfAssessmentRows(GOOD))], { fileName: "汇总.xlsx" });
    await pane({ host });
    const submitted = await xlsxBytes([{ name: "饮水工程", rows: selfAssessmentRows(FLAWED) }, { name: "复核", rows: spotCheckRows(REVIEW) }]);
    await pick([file("水利局.xlsx", submitted)]);
    expect(host.reads).toHaveLength(1);
    expect(screen.getByTestId("sources").textContent).toContain("水利局.xlsx");
    expect(screen.getAllByTestId("group-title").map((e) => e.textContent)).toEqual([FLAWED.name, GOOD.name]);
    const flawed = groupOf(FLAWED.name);
    expect(flawed.textContent).toContain("水利局.xlsx · 饮水工程");
    const exceeds = within(flawed).getAllByTestId("finding").find((x) => x.getAttribute("data-rule") === "score/exceeds-weight")!;
    await settle(() => fireEvent.click(exceeds));
    expect(host.selections).toEqual([]);
    expect(screen.getByTestId("located-text").textContent).toBe("该问题位于导入的文件中，请在该文件中修改：文件 水利局.xlsx · 工作表 饮水工程 · 单元格 H12");

    // A finding of this workbook is still selected in Excel.
    const own = within(groupOf(GOOD.name)).getAllByTestId("finding")[0];
    await settle(() => fireEvent.click(own));
    expect(host.selections).toHaveLength(1);

    // The summary written into this workbook includes the imported projects; links only point into it.
    await press("写入评价汇总");
    expect(host.writes).toHaveLength(1);
    const plans = host.writes[0];
    expect(plans.map((p) => p.name)).toEqual([...OUTPUT_SHEETS]);
    const text = plans[0].rows.map((r) => r.map((c) => c.v).join("|")).join("\n");
    expect(text).toContain(FLAWED.name);
    for (const p of plans) for (const row of p.rows) for (const c of row) if (c.link?.file) expect(c.link.file).toBe("汇总.xlsx");
  });

  test("an import with the workbook's own name is kept apart", async () => {
    const host = new MemoryHost([grid("医疗救助", selfAssessmentRows(GOOD))], { fileName: "自评.xlsx" });
    await pane({ host });
    await pick([file("自评.xlsx", await xlsxBytes([{ name: "饮水工程", rows: selfAssessmentRows(FLAWED) }]))]);
    expect(screen.getByTestId("sources").textContent).toContain("自评 (2).xlsx");
  });
});
