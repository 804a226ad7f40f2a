/** @jest-environment jsdom */
/**
 * One host port for every host: the pane finds its host at start (WPS 表格's Application first, then Office.js,
 * else file mode), and the controller drives the WPS host (over the fake Application) exactly as it drives Excel —
 * check, jump to a finding's cell, write the summary, insert templates, settings with the workbook — while file
 * mode's FileHost turns 插入空白模板 into a download.
 */
import { WpsHost } from "../../src/adapters/wps/wps-host";
import { OUTPUT_MARKS, OUTPUT_SHEETS } from "../../src/engine/summary/plan";
import { PaneController } from "../../src/taskpane/controller";
import { FileHost } from "../../src/taskpane/file-host";
import { detectHost } from "../../src/taskpane/index";
import { hostSettingsStore, localSettingsStore } from "../../src/taskpane/settings";
import { createFakeWps } from "../helpers/fake-wps";
import { standardSheets } from "./fixtures";

const g = globalThis as unknown as Record<string, unknown>;

afterEach(() => {
  delete g.Office;
  delete g.Excel;
  delete g.Application;
});

test("detection: WPS's Application wins (checked first), then Office.js, else file mode", async () => {
  expect(await detectHost()).toBe("file");
  g.Office = { onReady: () => Promise.resolve({ host: "Excel", platform: "PC" }) };
  g.Excel = { run: () => Promise.resolve() };
  expect(await detectHost()).toBe("excel");
  g.Application = createFakeWps([]);
  expect(await detectHost()).toBe("wps");
  // Something else called Application (no workbook collection) is not WPS.
  delete g.Office;
  delete g.Excel;
  g.Application = { Name: "other" };
  expect(await detectHost()).toBe("file");
});

const engine = () => import("../../src/taskpane/engine-chunk");

test("the controller drives WPS through the port: check, select, write the summary, templates, settings", async () => {
  const app = createFakeWps(standardSheets().map((s) => ({ name: s.name, rows: s.rows })), { name: "部门自评.et" });
  const host = new WpsHost(app);
  const c = new PaneController({ host, lang: "zh", settingsStore: hostSettingsStore(host), loadEngine: engine, yieldToUi: () => Promise.resolve() });
  expect(c.getState()).toMatchObject({ mode: "excel", hostKind: "wps" });

  await c.checkWorkbook();
  const state = c.getState();
  expect(state.hostFile).toBe("部门自评.et");
  expect(state.report?.summary.projects).toBe(2);
  expect(app.book.counts.value2Reads).toBe(standardSheets().length);

  const finding = state.report!.findings.find((f) => f.rule === "score/exceeds-weight")!;
  await c.selectFinding("k", finding);
  expect(app.book.selection).toEqual({ sheet: "饮水工程", address: "H12" });
  expect(c.getState().notices).toEqual([]);

  await c.writeSummary();
  expect(app.sheetNames().slice(-4)).toEqual([...OUTPUT_SHEETS]);
  expect(String(app.sheet("评价汇总").value(1, 0))).toContain(OUTPUT_MARKS[0]);
  expect(c.getState().notices.map((n) => n.intent)).toEqual(["success"]);

  // Checking again does not read the output sheets as templates.
  await c.checkWorkbook();
  expect(c.getState().report?.summary.projects).toBe(2);

  await c.insertTemplates();
  expect(app.sheetNames().length).toBe(standardSheets().length + 4 + 3);
  expect(c.getState().notices[0].body.key).toBe("ui.notice.templates");

  await c.setSettings({ profile: "hubei" });
  expect(JSON.parse(String(app.book.properties.find((p) => p.Name === "bpr.settings")?.Value))).toMatchObject({ profile: "hubei" });
});

test("file mode: the FileHost offers the blank templates as a download through the same port", async () => {
  const downloads: string[] = [];
  const c = new PaneController({
    host: null,
    lang: "zh",
    settingsStore: localSettingsStore(null),
    loadEngine: engine,
    download: (_b, name) => downloads.push(name),
    yieldToUi: () => Promise.resolve(),
  });
  expect(c.getState()).toMatchObject({ mode: "file", hostKind: "file" });
  await c.insertTemplates();
  expect(downloads).toEqual(["绩效评价空白模板.xlsx"]);
  expect(c.getState().notices.map((n) => n.body.key)).toEqual(["ui.notice.downloaded"]);

  const built: string[][] = [];
  const host = new FileHost({ buildTemplates: async (plans) => (built.push(plans.map((p) => p.name)), new Uint8Array([1])), download: () => undefined, templatesName: () => "t.xlsx", storage: null });
  expect(host.capabilities()).toMatchObject({ kind: "file", select: false });
  expect((await host.insertTemplates([])).download).toBe("t.xlsx");
  await expect(host.writeSheets([])).rejects.toMatchObject({ code: "not-in-excel" });
  await expect(host.select("a", "A1")).rejects.toMatchObject({ code: "cannot-select" });
});
