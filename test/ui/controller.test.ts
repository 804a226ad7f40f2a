/**
 * The pane's controller without React: one action at a time, language or settings changed during an action,
 * file sources replaced by name and removed, the download's name and content source, error messages.
 */
import { HostError } from "../../src/adapters/officejs/host";
import { readWorkbook } from "../../src/engine/read";
import { LoadError } from "../../src/adapters/xlsx-file/load";
import { errorMsg, PaneController, type XlsxModule } from "../../src/taskpane/controller";
import { render } from "../../src/taskpane/lang";
import { hostSettingsStore, localSettingsStore } from "../../src/taskpane/settings";
import { FLAWED, GOOD, grid, selfAssessmentRows, standardSheets } from "./fixtures";
import { MemoryHost } from "./memory-host";
import { unzipSync } from "fflate";

/** A host whose reads wait until released. */
class SlowHost extends MemoryHost {
  private release: (() => void) | null = null;
  gate(): void {
    this.release = null;
  }
  open(): void {
    this.release?.();
  }
  override async readWorkbook(...args: Parameters<MemoryHost["readWorkbook"]>) {
    await new Promise<void>((r) => (this.release = r));
    return super.readWorkbook(...args);
  }
}

const tick = () => new Promise((r) => setTimeout(r, 0));

function excel(host: MemoryHost) {
  return new PaneController({ mode: "excel", host, lang: "zh", settingsStore: hostSettingsStore(host), yieldToUi: () => Promise.resolve() });
}

/** File mode with a fake .xlsx reader: the "bytes" are the name of a fixture. */
function fileMode(downloads: { name: string }[] = []) {
  const sheets: Record<string, () => ReturnType<typeof grid>[]> = {
    good: () => [grid("自评", selfAssessmentRows(GOOD))],
    flawed: () => [grid("自评", selfAssessmentRows(FLAWED))],
  };
  const xlsx = {
    readPicked: async (f: { name: string; bytes: Uint8Array }) => {
      const key = new TextDecoder().decode(f.bytes);
      if (!sheets[key]) throw new LoadError("csv", f.name);
      return readWorkbook({ file: f.name, grids: sheets[key]() });
    },
    reviewedWorkbook: async (_r: unknown, files: { name: string }[]) => new TextEncoder().encode(files.map((f) => f.name).join("+")),
    templatesWorkbook: async () => new Uint8Array([1]),
  } as unknown as XlsxModule;
  return new PaneController({
    mode: "file",
    host: null,
    lang: "zh",
    settingsStore: localSettingsStore(null),
    loadXlsx: async () => xlsx,
    download: (_b, name) => downloads.push({ name }),
    yieldToUi: () => Promise.resolve(),
  });
}

const named = (name: string, content: string) => ({ name, arrayBuffer: async () => new TextEncoder().encode(content).buffer as ArrayBuffer });

test("one action at a time: a second click while checking is ignored", async () => {
  const host = new SlowHost(standardSheets().map((s) => grid(s.name, s.rows)));
  const c = excel(host);
  const first = c.checkWorkbook();
  await tick();
  const second = c.checkWorkbook();
  await tick();
  host.open();
  await Promise.all([first, second]);
  expect(host.reads).toHaveLength(1);
  expect(c.getState().busy).toBeNull();
  expect(c.getState().report?.summary.projects).toBe(2);
});

test("the language switched during a check: the findings end up in the new language", async () => {
  const host = new SlowHost(standardSheets().map((s) => grid(s.name, s.rows)));
  const c = excel(host);
  const first = c.checkWorkbook(); // the first check loads the engine
  await tick();
  host.open();
  await first;
  host.gate();
  const run = c.checkWorkbook();
  await tick();
  c.setLang("en");
  host.open();
  await run;
  expect(c.getState().report?.lang).toBe("en");
});

test("the threshold changed during a check: the findings follow it", async () => {
  const host = new SlowHost(standardSheets().map((s) => grid(s.name, s.rows)));
  const c = excel(host);
  const first = c.checkWorkbook();
  await tick();
  host.open();
  await first;
  host.gate();
  const run = c.checkWorkbook();
  await tick();
  await c.setSettings({ gap: 5, severeGap: 30 });
  host.open();
  await run;
  const rules = c.getState().report!.findings.map((f) => f.rule);
  expect(rules).toContain("spotcheck/gap");
  expect(rules).not.toContain("spotcheck/gap-severe");
});

test("file mode: a file with a name already there replaces it; removing the last file clears the result", async () => {
  const downloads: { name: string }[] = [];
  const c = fileMode(downloads);
  await c.addFiles([named("单位.xlsx", "good")]);
  expect(c.getState().report?.projects.map((p) => p.name)).toEqual([GOOD.name]);
  await c.addFiles([named("单位.xlsx", "flawed"), named("坏文件.xlsx", "???")]);
  expect(c.getState().sources.map((s) => [s.name, s.projects])).toEqual([
    ["单位.xlsx", 1],
    ["坏文件.xlsx", null],
  ]);
  expect(c.getState().report?.projects.map((p) => p.name)).toEqual([FLAWED.name]);
  expect(c.getState().report?.inputErrors.map((e) => e.file)).toEqual(["坏文件.xlsx"]);
  await c.downloadReviewed();
  expect(downloads).toEqual([{ name: "评价结果-单位.xlsx" }]);
  await c.removeFile("单位.xlsx");
  await c.removeFile("坏文件.xlsx");
  expect(c.getState().report).toBeNull();
  await c.downloadReviewed();
  expect(c.getState().notices.map((n) => render("zh", n.body))).toEqual(["没有可下载的结果：请先选择至少一个可以读取的 .xlsx 文件。"]);
});

test("English download names", async () => {
  const downloads: { name: string }[] = [];
  const c = fileMode(downloads);
  c.setLang("en");
  await c.addFiles([named("unit.xlsx", "good")]);
  await c.downloadReviewed();
  await c.insertTemplates();
  expect(downloads.map((d) => d.name)).toEqual(["reviewed-unit.xlsx", "blank-templates.xlsx"]);
});

test("error messages: load errors by code, host errors by code, anything else as unexpected", () => {
  expect(render("zh", errorMsg(new LoadError("legacyXls", "a.xls")))).toContain("旧版 .xls");
  expect(render("en", errorMsg(new LoadError("encrypted", "a.xlsx")))).toContain("encrypted");
  expect(render("zh", errorMsg(new HostError("sheet-not-found", "x", "自评")))).toContain("找不到工作表“自评”");
  expect(render("zh", errorMsg(new HostError("protected", "x")))).toContain("工作簿结构受保护");
  expect(render("en", errorMsg(new HostError("write-failed", "disk full")))).toBe("Writing failed; the workbook was not changed: disk full");
  expect(render("zh", errorMsg(new Error("boom\nstack")))).toContain("出现意外错误：boom。");
});

test("评价报告（Word）: the checked report downloads as a .docx in either language; nothing before a check", async () => {
  const got: { name: string; type?: string; bytes: Uint8Array }[] = [];
  const c = new PaneController({
    mode: "file",
    host: null,
    lang: "zh",
    settingsStore: localSettingsStore(null),
    loadXlsx: async () =>
      ({
        readPicked: async (f: { name: string }) => readWorkbook({ file: f.name, grids: [grid("自评", selfAssessmentRows(FLAWED))] }),
      }) as unknown as XlsxModule,
    download: (bytes, name, type) => got.push({ bytes, name, type }),
  });
  await c.downloadReport();
  expect(got).toEqual([]);
  await c.addFiles([named("单位.xlsx", "flawed")]);
  await c.downloadReport();
  c.setLang("en");
  await c.downloadReport();
  expect(got.map((d) => [d.name, d.type])).toEqual([
    ["评价报告.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    ["evaluation-report.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
  ]);
  const xml = new TextDecoder().decode(unzipSync(got[0].bytes)["word/document.xml"]);
  expect(xml).toContain(FLAWED.name);
  expect(xml).toContain("五、改进建议");
});
