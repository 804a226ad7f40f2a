/** @jest-environment jsdom */
/**
 * The task pane in Excel mode over an in-memory WorkbookHost: a full check, grouped findings, selecting cells,
 * writing the summary (one writeSheets call, four plans), inserting templates, settings, language, text safety,
 * empty and error states.
 */
import { fireEvent, screen, within } from "@testing-library/react";
import { HostError } from "../../src/adapters/officejs/host";
import { OUTPUT_SHEETS } from "../../src/engine/summary/plan";
import { SETTINGS_KEY } from "../../src/taskpane/settings";
import { FLAWED, GOOD, grid, selfAssessmentRows, standardSheets, XSS } from "./fixtures";
import { renderPane, settle } from "./helpers";
import { MemoryHost } from "./memory-host";

/** The finding group of a project, by its title. */
function groupOf(title: string): HTMLElement {
  const g = screen.getAllByTestId("group").find((el) => within(el).queryByTestId("group-title")?.textContent === title);
  if (!g) throw new Error(`no group titled ${title}`);
  return g;
}

function standardHost(opts = {}): MemoryHost {
  return new MemoryHost(standardSheets().map((s) => grid(s.name, s.rows)), opts);
}

async function checked(host = standardHost()) {
  const pane = await renderPane({ host });
  await settle(() => fireEvent.click(screen.getByRole("button", { name: "检查当前工作簿" })));
  return pane;
}

function groupTitles(): string[] {
  return screen.getAllByTestId("group-title").map((e) => e.textContent ?? "");
}

beforeEach(() => window.localStorage.clear());

describe("checking the open workbook", () => {
  test("the empty state says what to press", async () => {
    await renderPane({ host: standardHost() });
    expect(screen.getByTestId("empty").textContent).toContain("点击“检查当前工作簿”");
    expect(screen.queryByTestId("summary")).toBeNull();
  });

  test("reads through the host once and shows the result header", async () => {
    const { host } = await checked();
    expect(host!.reads).toHaveLength(1);
    expect(screen.getByTestId("mode").textContent).toBe("Excel 工作簿：部门自评.xlsx");
    const summary = screen.getByTestId("summary");
    expect(within(summary).getByTestId("summary-projects").textContent).toContain("2");
    expect(within(summary).getByTestId("summary-errors").textContent).toContain("2");
    expect(within(summary).getByTestId("summary-warnings").textContent).toContain("3");
    expect(within(summary).getByTestId("summary-infos").textContent).toContain("2");
    expect(within(summary).getByTestId("summary-grades").textContent).toMatch(/优\s*2.*良\s*0.*中\s*0.*差\s*0/);
    expect(within(summary).getByTestId("summary-mean").textContent).toContain("97.7");
    expect(screen.getByRole("button", { name: "重新检查当前工作簿" })).toBeTruthy();
  });

  test("findings are grouped by project, projects with errors first, errors first within a project", async () => {
    await checked();
    expect(groupTitles()).toEqual([FLAWED.name, GOOD.name, "其他问题：部门自评.xlsx"]);
    const flawed = groupOf(FLAWED.name);
    const severities = within(flawed)
      .getAllByTestId("finding")
      .map((b) => b.getAttribute("data-severity"));
    expect(severities).toEqual(["error", "error", "warning", "warning", "warning"]);
    expect(within(flawed).getAllByRole("heading", { level: 4 }).map((h) => h.textContent)).toEqual(["错误 2", "警告 3"]);
    // The project's scores: stated 95.6, computed 93.6, grade 优, review 72 (中) with gap −23.6.
    expect(flawed.textContent).toContain("自评 95.6");
    expect(flawed.textContent).toContain("核算 93.6");
    expect(within(flawed).getByTestId("review").textContent).toContain("复核 72 (中)");
    expect(within(flawed).getByTestId("gap").textContent).toBe("−23.6");
    // Each finding carries its suggestion.
    const exceeds = within(flawed).getAllByTestId("finding").find((b) => b.getAttribute("data-rule") === "score/exceeds-weight")!;
    expect(exceeds.closest("[data-testid=finding-card]")!.textContent).toContain("建议：得分最高为分值10分");
  });

  test("clicking a finding selects its cell through the host; Enter and Space work from the keyboard", async () => {
    const { host } = await checked();
    const flawed = groupOf(FLAWED.name);
    const exceeds = within(flawed).getAllByTestId("finding").find((b) => b.getAttribute("data-rule") === "score/exceeds-weight")!;
    await settle(() => fireEvent.click(exceeds));
    expect(host!.selections).toEqual([{ sheet: "饮水工程", cell: "H12" }]);
    expect(exceeds.getAttribute("aria-pressed")).toBe("true");
    expect(screen.getByTestId("located").textContent).toBe("已定位到 工作表 饮水工程 · 单元格 H12");

    // A native <button>: focusable, and Enter / Space activate it (the browser test presses the keys).
    const low = within(flawed).getAllByTestId("finding").find((b) => b.getAttribute("data-rule") === "budget/low-execution")!;
    expect(low.tagName).toBe("BUTTON");
    low.focus();
    expect(document.activeElement).toBe(low);
    await settle(() => fireEvent.click(low));
    expect(host!.selections[1]).toEqual({ sheet: "饮水工程", cell: "H6" });
  });

  test("a sheet renamed since the check: the selection error says to check again", async () => {
    const host = standardHost();
    await checked(host);
    host.sheets = host.sheets.filter((g) => g.sheet !== "饮水工程");
    const finding = within(groupOf(FLAWED.name)).getAllByTestId("finding")[0];
    await settle(() => fireEvent.click(finding));
    expect(screen.getByTestId("notices").textContent).toContain("找不到工作表“饮水工程”");
    expect(screen.getByTestId("notices").textContent).toContain("请重新检查当前工作簿");
  });

  test("cell text with HTML is shown as text and never becomes markup", async () => {
    const { view } = await checked();
    const shortfall = screen.getAllByTestId("finding").find((b) => b.getAttribute("data-rule") === "reason/shortfall")!;
    expect(shortfall.textContent).toContain(XSS);
    expect(view.container.querySelector("img")).toBeNull();
    expect(view.container.innerHTML).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });

  test("filters: severity toggles and text search", async () => {
    await checked();
    expect(screen.getByTestId("shown").textContent).toBe("显示 7/7 条问题");
    await settle(() => fireEvent.click(screen.getByTestId("toggle-warning")));
    await settle(() => fireEvent.click(screen.getByTestId("toggle-info")));
    expect(screen.getByTestId("shown").textContent).toBe("显示 2/7 条问题");
    expect(screen.getAllByTestId("finding").every((b) => b.getAttribute("data-severity") === "error")).toBe(true);
    expect(groupTitles()).toEqual([FLAWED.name]);
    await settle(() => fireEvent.click(screen.getByRole("button", { name: "清除筛选" })));
    const search = screen.getByRole("searchbox", { name: "搜索问题、项目、工作表或单元格" });
    await settle(() => fireEvent.change(search, { target: { value: "H12" } }));
    expect(screen.getAllByTestId("finding").map((b) => b.getAttribute("data-rule"))).toEqual(["score/exceeds-weight"]);
    await settle(() => fireEvent.change(search, { target: { value: "不存在的词" } }));
    expect(screen.getByText("没有符合筛选条件的问题。")).toBeTruthy();
  });

  test("groups collapse and expand with aria-expanded", async () => {
    await checked();
    const header = within(groupOf(FLAWED.name)).getAllByRole("button")[0];
    expect(header.getAttribute("aria-expanded")).toBe("true");
    await settle(() => fireEvent.click(header));
    expect(header.getAttribute("aria-expanded")).toBe("false");
    expect(within(groupOf(FLAWED.name)).queryAllByTestId("finding")).toHaveLength(0);
  });
});

describe("writing into the workbook", () => {
  test("写入评价汇总 re-reads, checks and calls writeSheets exactly once with the four output plans", async () => {
    const { host } = await checked();
    await settle(() => fireEvent.click(screen.getByRole("button", { name: "写入评价汇总" })));
    expect(host!.reads).toHaveLength(2);
    expect(host!.writes).toHaveLength(1);
    expect(host!.writes[0].map((p) => p.name)).toEqual([...OUTPUT_SHEETS]);
    expect(screen.getByTestId("notices").textContent).toContain("已写入“评价汇总”“问题清单”“抽查复核”“评价报告”工作表。");
    // The summary lists both projects; the 问题清单 has one row per finding.
    const overview = host!.writes[0][0].rows.map((r) => r.map((c) => c.v).join("|")).join("\n");
    expect(overview).toContain(GOOD.name);
    expect(overview).toContain(FLAWED.name);
  });

  test("a protected workbook: nothing written, the message says how to unprotect", async () => {
    const host = standardHost({ fail: { write: new HostError("protected", "受保护") } });
    await checked(host);
    await settle(() => fireEvent.click(screen.getByRole("button", { name: "写入评价汇总" })));
    const notice = screen.getByTestId("notices");
    expect(notice.textContent).toContain("工作簿结构受保护");
    expect(notice.textContent).toContain("撤销保护后重试");
    expect(notice.querySelector("[data-intent=error]")).toBeTruthy();
  });

  test("a protected output sheet is named", async () => {
    const host = standardHost({ fail: { write: new HostError("protected", "受保护", "评价汇总") } });
    await checked(host);
    await settle(() => fireEvent.click(screen.getByRole("button", { name: "写入评价汇总" })));
    expect(screen.getByTestId("notices").textContent).toContain("工作表“评价汇总”受保护");
  });

  test("插入空白模板 inserts the three standard templates in one call", async () => {
    const { host } = await renderPane({ host: standardHost() });
    await settle(() => fireEvent.click(screen.getByRole("button", { name: "插入空白模板" })));
    expect(host!.inserts).toHaveLength(1);
    expect(host!.inserts[0].map((p) => p.name)).toEqual(["项目支出绩效自评表", "项目支出绩效目标表", "抽查复核表"]);
    expect(screen.getByTestId("notices").textContent).toContain("已插入空白模板“项目支出绩效自评表”“项目支出绩效目标表”“抽查复核表”");
  });
});

describe("empty and error states", () => {
  test("a workbook with no template suggests inserting the blank templates", async () => {
    const host = new MemoryHost([grid("Sheet1", [["随便写的内容"], [1, 2, 3]])]);
    await checked(host);
    const empty = screen.getByTestId("empty");
    expect(empty.textContent).toContain("未找到可检查的表格");
    expect(empty.textContent).toContain("插入空白模板");
    await settle(() => fireEvent.click(within(empty).getByRole("button", { name: "插入空白模板" })));
    expect(host.inserts).toHaveLength(1);
    // After inserting, a check says once per form that it is blank: no project, no error, nothing to write.
    await settle(() => fireEvent.click(screen.getByRole("button", { name: "重新检查当前工作簿" })));
    expect(screen.queryByTestId("empty")).toBeNull();
    expect(screen.getAllByTestId("finding").map((b) => b.getAttribute("data-rule")).sort()).toEqual(["template/blank", "template/blank", "template/unrecognized"]);
    expect(screen.getByTestId("summary-projects").textContent).toContain("0");
    expect(screen.getByTestId("summary-errors").textContent).toContain("0");
    expect(screen.getByText(/工作表“项目支出绩效自评表”是尚未填写的空白项目支出绩效自评表/)).toBeTruthy();
  });

  test("a read failure is shown, and the pane stays usable", async () => {
    const host = standardHost({ fail: { read: new HostError("read-failed", "读取工作簿失败：网络中断") } });
    await checked(host);
    expect(screen.getByTestId("notices").textContent).toContain("读取工作簿失败");
    expect(screen.getByRole("button", { name: "检查当前工作簿" }).hasAttribute("disabled")).toBe(false);
    host.fail = {};
    await settle(() => fireEvent.click(screen.getByRole("button", { name: "检查当前工作簿" })));
    expect(screen.queryByTestId("notices")).toBeNull();
    expect(screen.getByTestId("summary")).toBeTruthy();
  });

  test("all clear", async () => {
    // GOOD with one indicator honestly below target (and its reason): nothing to report.
    const indicators = GOOD.indicators.map((i) =>
      i.name === "救助对象满意度" ? { ...i, actual: "88%", score: 9.78, reason: "问卷样本偏少，下年度扩大调查范围" } : i,
    );
    const host = new MemoryHost([grid("医疗救助", selfAssessmentRows({ ...GOOD, indicators, total: 99.58 }))]);
    await checked(host);
    expect(screen.getByTestId("summary-errors").textContent).toContain("0");
    expect(screen.getByTestId("all-clear").textContent).toContain("检查通过");
    expect(screen.getByTestId("all-clear").textContent).toContain("1 个项目均未发现问题。");
    expect(screen.getByTestId("group").textContent).toContain("未发现问题");
  });
});

describe("settings", () => {
  test("saved in the document settings and reloaded by a new pane", async () => {
    const host = standardHost();
    await checked(host);
    await settle(() => fireEvent.click(screen.getByRole("button", { name: "设置" })));
    expect(screen.getByRole("button", { name: "设置" }).getAttribute("aria-expanded")).toBe("true");
    const gap = screen.getByLabelText("差异较大阈值（分）");
    const severe = screen.getByLabelText("差异严重阈值（分）");
    await settle(() => fireEvent.change(severe, { target: { value: "30" } }));
    await settle(() => fireEvent.change(gap, { target: { value: "5" } }));
    await settle(() => fireEvent.change(screen.getByLabelText("评分口径"), { target: { value: "hubei" } }));
    expect(host.settings.get(SETTINGS_KEY)).toEqual({ profile: "hubei", custom: null, gap: 5, severeGap: 30 });
    // The findings follow the new thresholds at once: 23.6 is now a gap (≥5) but not severe (<30).
    const rules = screen.getAllByTestId("finding").map((b) => b.getAttribute("data-rule"));
    expect(rules).toContain("spotcheck/gap");
    expect(rules).not.toContain("spotcheck/gap-severe");

    // A new pane on the same workbook starts with them.
    document.body.innerHTML = "";
    await renderPane({ host });
    await settle(() => fireEvent.click(screen.getByRole("button", { name: "设置" })));
    expect((screen.getByLabelText("差异较大阈值（分）") as HTMLInputElement).value).toBe("5");
    expect((screen.getByLabelText("差异严重阈值（分）") as HTMLInputElement).value).toBe("30");
    expect((screen.getByLabelText("评分口径") as HTMLSelectElement).value).toBe("hubei");
  });

  test("an invalid threshold is explained and not saved", async () => {
    const host = standardHost();
    await renderPane({ host });
    await settle(() => fireEvent.click(screen.getByRole("button", { name: "设置" })));
    await settle(() => fireEvent.change(screen.getByLabelText("差异严重阈值（分）"), { target: { value: "5" } }));
    // The CLI's words for --gap 10 --severe-gap 5 (engine/thresholds.ts).
    expect(screen.getByText("差异严重阈值（5 分）不能小于差异较大阈值（10 分）。")).toBeTruthy();
    expect(host.settings.has(SETTINGS_KEY)).toBe(false);
  });
});

describe("language", () => {
  test("switches to English and back; findings are re-rendered without reading again", async () => {
    const { host } = await checked();
    await settle(() => fireEvent.click(screen.getByRole("button", { name: /Switch to English/ })));
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Budget Performance Review");
    expect(screen.getByRole("button", { name: "Check this workbook again" })).toBeTruthy();
    const exceeds = screen.getAllByTestId("finding").find((b) => b.getAttribute("data-rule") === "score/exceeds-weight")!;
    expect(exceeds.textContent).not.toMatch(/[得分超过]/);
    expect(exceeds.textContent).toMatch(/Errors?|weight/i);
    expect(host!.reads).toHaveLength(1);
    expect(window.localStorage.getItem("bpr.lang")).toBe("en");
    await settle(() => fireEvent.click(screen.getByRole("button", { name: /切换为中文/ })));
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("预算绩效评价助手");
  });

  test("starts in English when told so", async () => {
    await renderPane({ host: standardHost(), lang: "en" });
    expect(screen.getByRole("button", { name: "Check this workbook" })).toBeTruthy();
    expect(screen.getByTestId("empty").textContent).toContain("Choose Check this workbook");
  });
});
