/** @jest-environment jsdom */
/**
 * The pane at a county's scale (issue 18): the projects table and the findings filtering each other, errors
 * first across every group, the folding sources list, 取消, importing a county's profile JSON with the CLI's
 * validation, and the pane's accessible names (html lang, the search's clear button, a finding's name).
 */
import { act, cleanup, fireEvent, screen, within } from "@testing-library/react";
import { profileErrorText } from "../../src/engine/profiles/builtin";
import { loadProfile } from "../../src/engine/profiles";
import type { PaneController } from "../../src/taskpane/controller";
import { cancelledError, type EngineRunner, MainRunner } from "../../src/taskpane/engine-runner";
import { SETTINGS_KEY } from "../../src/taskpane/settings";
import { FLAWED, GOOD, grid, selfAssessmentRows, spotCheckRows } from "./fixtures";
import { renderPane, settle, untilIdle } from "./helpers";
import { MemoryHost } from "./memory-host";
import { xlsxBytes } from "./xlsx-fixtures";

/** GOOD with one shortfall and no reason: warnings only. */
const WARNED = {
  ...GOOD,
  name: "城乡低保资金",
  department: "县民政局",
  indicators: GOOD.indicators.map((i) => (i.name === "救助对象满意度" ? { ...i, actual: "88%", score: 9.78 } : i)),
  total: 99.58,
};

/** A county workbook: a warning-only project first, then a clean one, a flawed one, and a spot check whose
 * only 差 project has no self-assessment (its two errors come from the spot check alone). */
function countyHost(): MemoryHost {
  return new MemoryHost(
    [
      grid("低保", selfAssessmentRows(WARNED)),
      grid("医疗救助", selfAssessmentRows(GOOD)),
      grid("饮水工程", selfAssessmentRows(FLAWED)),
      grid("复核结果", spotCheckRows([{ department: "县交通局", name: "乡村道路养护", selfScore: 90, score: 52, grade: "差" }])),
    ],
    { fileName: "全县.xlsx" },
  );
}

async function checked(host = countyHost()) {
  const pane = await renderPane({ host });
  await settle(() => fireEvent.click(screen.getByRole("button", { name: "检查当前工作簿" })));
  return pane;
}

const rowNames = () => screen.getAllByTestId("project-name").map((b) => b.textContent);
const rowErrors = () => screen.getAllByTestId("row-errors").map((c) => Number(c.textContent));

beforeEach(() => window.localStorage.clear());

describe("项目一览", () => {
  test("one row per project, errors first (a spot-check-only 差 project too), before warning-only and clean projects", async () => {
    await checked();
    expect(rowNames()).toEqual([FLAWED.name, "乡村道路养护", WARNED.name, GOOD.name]);
    expect(rowErrors()[1]).toBe(2);
    // The findings list keeps the same order.
    expect(screen.getAllByTestId("group-title").map((e) => e.textContent).slice(0, 3)).toEqual([FLAWED.name, "乡村道路养护", WARNED.name]);
    const flawed = screen.getAllByTestId("project-row")[0];
    expect(within(flawed).getByTestId("row-gap").textContent).toBe("—");
    expect(flawed.textContent).toContain("县水利局");
    expect(flawed.textContent).toContain("95.6");
  });

  test("the review columns (复核得分, 差异) appear only when a project has a review; the department is also given under the name for narrow panes", async () => {
    await checked(new MemoryHost([grid("医疗救助", selfAssessmentRows(GOOD)), grid("饮水工程", selfAssessmentRows(FLAWED))]));
    const heads = () => within(screen.getByTestId("projects")).getAllByRole("columnheader");
    expect(screen.queryByTestId("sort-review")).toBeNull();
    expect(screen.queryByTestId("sort-gap")).toBeNull();
    expect(screen.queryAllByTestId("row-gap")).toEqual([]);
    expect(heads().length).toBe(7);
    expect(screen.getAllByTestId("row-department-under").map((e) => e.textContent)).toEqual(expect.arrayContaining(["县水利局"]));
    cleanup();
    await checked();
    expect(screen.getByTestId("sort-review")).toBeTruthy();
    expect(screen.getByTestId("sort-gap")).toBeTruthy();
    expect(screen.getAllByTestId("row-gap")).toHaveLength(4);
    // The 排序 choice (what a narrow pane shows instead of the hidden headers) sorts like the headers do.
    const before = rowNames();
    await settle(() => fireEvent.change(screen.getByTestId("sort-select"), { target: { value: "department" } }));
    expect(screen.getByTestId("sort-department").closest("th")!.getAttribute("aria-sort")).toBe("ascending");
    const byHeader = rowNames();
    expect(byHeader).not.toEqual(before);
    await settle(() => fireEvent.change(screen.getByTestId("sort-select"), { target: { value: "order" } }));
    expect(rowNames()).toEqual(before);
  });

  test("sortable by any column: a header click sorts, a second reverses, a third goes back to errors first", async () => {
    await checked();
    const header = (key: string) => screen.getByTestId(`sort-${key}`);
    await settle(() => fireEvent.click(header("computed")));
    expect(header("computed").closest("th")!.getAttribute("aria-sort")).toBe("ascending");
    const asc = rowNames();
    expect(asc.at(-1)).toBe("乡村道路养护"); // no score: always last
    await settle(() => fireEvent.click(header("computed")));
    expect(header("computed").closest("th")!.getAttribute("aria-sort")).toBe("descending");
    expect(rowNames().slice(0, 3)).toEqual([...asc.slice(0, 3)].reverse());
    await settle(() => fireEvent.click(header("computed")));
    expect(rowNames()).toEqual([FLAWED.name, "乡村道路养护", WARNED.name, GOOD.name]);
    await settle(() => fireEvent.click(header("name")));
    expect(header("name").closest("th")!.getAttribute("aria-sort")).toBe("ascending");
  });

  test("a click on a project shows its findings only and selects its sheet; the findings' filter narrows the table", async () => {
    const { host } = await checked();
    await settle(() => fireEvent.click(screen.getByRole("button", { name: FLAWED.name })));
    expect(screen.getAllByTestId("group-title").map((e) => e.textContent)).toEqual([FLAWED.name]);
    expect(screen.getByTestId("project-filter").textContent).toContain(`项目：${FLAWED.name}`);
    expect(host!.selections.at(-1)).toMatchObject({ sheet: "饮水工程" });
    // The table still lists every project, the chosen one pressed.
    expect(rowNames()).toHaveLength(4);
    expect(screen.getByRole("button", { name: FLAWED.name }).getAttribute("aria-pressed")).toBe("true");
    await settle(() => fireEvent.click(screen.getByRole("button", { name: "显示全部项目" })));
    expect(screen.getAllByTestId("group-title").length).toBeGreaterThan(1);

    // Errors only: the table keeps the projects with errors; a search narrows it further.
    await settle(() => fireEvent.click(screen.getByTestId("toggle-warning")));
    await settle(() => fireEvent.click(screen.getByTestId("toggle-info")));
    expect(rowNames()).toEqual([FLAWED.name, "乡村道路养护"]);
    await settle(() => fireEvent.change(screen.getByTestId("search").querySelector("input") ?? screen.getByTestId("search"), { target: { value: "交通" } }));
    expect(rowNames()).toEqual(["乡村道路养护"]);
    expect(screen.getByText("显示 1/4 个项目", { exact: false })).toBeTruthy();
  });
});

describe("accessible names and language", () => {
  test("each finding is named by its message; the search's clear button is named in Chinese; html lang follows the language", async () => {
    await checked();
    const exceeds = screen.getAllByTestId("finding").find((b) => b.getAttribute("data-rule") === "score/exceeds-weight")!;
    // The button holds the message only; the place and the hint describe it.
    const name = exceeds.textContent!;
    expect(screen.getByRole("button", { name })).toBe(exceeds);
    expect(name).toContain("得分");
    expect(document.getElementById(exceeds.getAttribute("aria-describedby")!.split(" ")[0])!.textContent).toContain("单元格 H12");
    expect(name).not.toContain("建议");
    expect(name).not.toContain("score/exceeds-weight");
    await settle(() => fireEvent.change(screen.getByRole("searchbox"), { target: { value: "水质" } }));
    expect(screen.getByRole("button", { name: "清除搜索内容" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "clear" })).toBeNull();
    expect(document.documentElement.lang).toBe("zh-CN");
    await settle(() => fireEvent.click(screen.getByRole("button", { name: /Switch to English/ })));
    expect(document.documentElement.lang).toBe("en");
    expect(screen.getByRole("button", { name: "Clear the search" })).toBeTruthy();
  });

  test("severity toggles show on with a check mark and off without (not grey for on)", async () => {
    await checked();
    const on = screen.getByTestId("toggle-error");
    expect(on.getAttribute("aria-pressed")).toBe("true");
    expect(on.querySelector("svg")).not.toBeNull();
    await settle(() => fireEvent.click(on));
    expect(screen.getByTestId("toggle-error").getAttribute("aria-pressed")).toBe("false");
    expect(screen.getByTestId("toggle-error").querySelector("svg")).toBeNull();
  });
});

describe("评分配置 (a county's own profile)", () => {
  function jsonFile(name: string, text: string): File {
    return new File([text], name, { type: "application/json" });
  }

  async function importProfile(controller: PaneController, file: File) {
    await settle(() => fireEvent.click(screen.getByRole("button", { name: "设置" })));
    await act(async () => {
      fireEvent.change(screen.getByTestId("profile-input"), { target: { files: [file] } });
      await untilIdle(controller);
      for (let i = 0; i < 20 && controller.getState().settings.profile !== "custom" && !controller.getState().profileError; i++) await new Promise((r) => setTimeout(r, 5));
      await untilIdle(controller);
    });
  }

  test("a valid JSON profile is chosen, saved with the workbook and used by the check", async () => {
    const { host, controller } = await checked();
    const text = JSON.stringify({ extends: "national", severity: { "spotcheck/poor": "warning" } });
    await importProfile(controller, jsonFile("县级口径.json", text));
    expect((screen.getByLabelText("评分口径") as HTMLSelectElement).value).toBe("custom");
    expect(screen.getByRole("option", { name: "本地区配置：县级口径.json" })).toBeTruthy();
    expect(host!.settings.get(SETTINGS_KEY)).toMatchObject({ profile: "custom", custom: { source: "县级口径.json", text } });
    expect(controller.getState().report!.profile).toBe("县级口径");
    expect(controller.getState().report!.findings.find((f) => f.rule === "spotcheck/poor")!.severity).toBe("warning");
  });

  test("a misspelt rule id is refused and named in the CLI's words; the settings stay as they were", async () => {
    const { host, controller } = await checked();
    const text = JSON.stringify({ severity: { "score/allfull": "off" } });
    await importProfile(controller, jsonFile("county.json", text));
    const shown = screen.getByTestId("profile-error").textContent!;
    const cli = (() => {
      try {
        loadProfile(text, "county.json");
        return "";
      } catch (e) {
        return profileErrorText(e, "zh");
      }
    })();
    expect(cli).toContain("severity.score/allfull：没有这个规则编号（是否应为“score/all-full”？）");
    expect(shown).toContain(cli);
    expect(controller.getState().settings.profile).toBe("national");
    expect(host!.settings.has(SETTINGS_KEY)).toBe(false);
  });
});

describe("取消 and the sources list", () => {
  /** The engine in the pane's thread, except that reading "卡住.xlsx" never ends until cancel(). */
  function hangingRunner(): EngineRunner {
    const main = new MainRunner(
      () => import("../../src/taskpane/engine-chunk"),
      () => import("../../src/taskpane/xlsx"),
    );
    let stop: ((e: Error) => void) | null = null;
    return {
      read: (i) => main.read(i),
      readFile: (f) => (f.name === "卡住.xlsx" ? new Promise((_resolve, reject) => (stop = reject)) : main.readFile(f)),
      prepareFiles: () => main.prepareFiles(),
      check: (r, s) => main.check(r, s),
      job: (name, ...args) => main.job(name, ...args),
      cellRow: (f, s, c) => main.cellRow(f, s, c),
      warm: () => undefined,
      cancel: () => stop?.(cancelledError()),
    };
  }

  test("取消 while a file hangs: the files read so far are checked, the rest named as not read", async () => {
    const { controller } = await renderPane({ engineRunner: hangingRunner() });
    const good = await xlsxBytes([{ name: "自评", rows: selfAssessmentRows(GOOD) }]);
    const file = (name: string) => new File([good as BlobPart], name);
    let done!: Promise<void>;
    await act(async () => {
      done = controller.addFiles([file("医保局.xlsx"), file("卡住.xlsx"), file("民政局.xlsx")]);
      for (let i = 0; i < 200 && !(controller.getState().busy?.detail?.params?.file === "卡住.xlsx"); i++) await new Promise((r) => setTimeout(r, 5));
    });
    // The progress names the file being read, and offers 取消.
    expect(screen.getByTestId("progress").textContent).toContain("正在读取 卡住.xlsx（2/3）");
    await act(async () => {
      fireEvent.click(screen.getByTestId("cancel"));
      await done;
    });
    expect(screen.getByTestId("notices").textContent).toContain("已取消：其余 2 个文件未读取");
    expect(screen.getAllByTestId("source").map((s) => s.textContent)).toEqual([expect.stringContaining("医保局.xlsx")]);
    expect(screen.getAllByTestId("group-title").map((e) => e.textContent)).toEqual([GOOD.name]);
    expect(controller.getState().busy).toBeNull();
  });

  test("a long list folds: the results are not pushed down; the heading says how many cannot be read", async () => {
    const { controller } = await renderPane();
    const good = await xlsxBytes([{ name: "自评", rows: selfAssessmentRows(GOOD) }]);
    const files = Array.from({ length: 12 }, (_, i) => new File([good as BlobPart], `单位${i + 1}.xlsx`));
    files.push(new File([new Uint8Array(0)], "空文件.xlsx"));
    await act(async () => {
      await controller.addFiles(files);
    });
    expect(screen.getByTestId("sources-toggle").getAttribute("aria-expanded")).toBe("false");
    expect(screen.getByTestId("sources-section").textContent).toContain("12 个可读取，1 个无法读取");
    expect(screen.getAllByTestId("source")).toHaveLength(1);
    await settle(() => fireEvent.click(screen.getByTestId("sources-toggle")));
    expect(screen.getAllByTestId("source")).toHaveLength(13);
  });
});
