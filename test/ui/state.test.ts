/**
 * The pane's view logic without React: grouping (project order, errors first, findings without a project),
 * filtering, header numbers, finding targets, links kept local, file names; language and settings helpers.
 */
import { check } from "../../src/engine";
import type { Finding, Report } from "../../src/engine/model";
import { readWorkbook } from "../../src/engine/read";
import type { SheetPlan } from "../../src/engine/summary/plan";
import { formatGap, formatNumber, formatPercent, initialLang, langFromLocale, msg, render } from "../../src/taskpane/lang";
import { DEFAULT_SETTINGS, localSettingsStore, normaliseSettings } from "../../src/taskpane/settings";
import {
  EMPTY_FILTER,
  fileStem,
  findingTarget,
  foundNoTemplates,
  groupFindings,
  headerNumbers,
  isFilterActive,
  keepLocalLinks,
  matchesFilter,
  projectFacts,
  shownCount,
  uniqueFileName,
} from "../../src/taskpane/state";
import { FLAWED, GOOD, grid, standardSheets } from "./fixtures";

function standardReport(lang: "zh" | "en" = "zh"): Report {
  return check([readWorkbook({ file: "a.xlsx", grids: standardSheets().map((s) => grid(s.name, s.rows)) })], { lang });
}

function finding(over: Partial<Finding>): Finding {
  return {
    rule: "x/y",
    severity: "warning",
    message: "m",
    suggestion: "s",
    file: "a.xlsx",
    sheet: "S",
    cell: "A1",
    project: null,
    projectId: null,
    data: {},
    ...over,
  };
}

describe("groupFindings", () => {
  const report = standardReport();

  test("projects with errors first (then report order), then findings without a project; errors before warnings before info", () => {
    const groups = groupFindings(report);
    expect(groups.map((g) => [g.kind, g.title])).toEqual([
      ["project", FLAWED.name],
      ["project", GOOD.name],
      ["other", "a.xlsx"],
    ]);
    const flawed = groups[0];
    expect(flawed.bySeverity.map((s) => s.severity)).toEqual(["error", "warning"]);
    expect(flawed.counts).toEqual({ error: 2, warning: 3, info: 0 });
    expect(flawed.shown).toBe(5);
    expect(shownCount(groups)).toBe(report.findings.length);
  });

  test("a severity filter hides findings and empty groups; counts stay unfiltered", () => {
    const groups = groupFindings(report, { severities: { error: true, warning: false, info: false }, query: "" });
    expect(groups.map((g) => g.title)).toEqual([FLAWED.name]);
    expect(groups[0].bySeverity.map((s) => s.severity)).toEqual(["error"]);
    expect(groups[0].counts.warning).toBe(3);
  });

  test("search: words are ANDed, full-width letters fold, sheet!cell and the project's department match", () => {
    const q = (query: string) => groupFindings(report, { ...EMPTY_FILTER, query });
    expect(shownCount(q("饮水工程!H12"))).toBe(1);
    expect(shownCount(q("ｈ１２"))).toBe(1);
    expect(shownCount(q("score/exceeds-weight 水质"))).toBe(1);
    expect(shownCount(q("水利局"))).toBe(5);
    expect(q("nothing-like-this")).toEqual([]);
    // A project whose name matches stays visible even without a matching finding.
    expect(q("医疗救助").map((g) => g.title)).toContain(GOOD.name);
  });

  test("findings whose project has no record are grouped by project name, sheet-level ones by file", () => {
    const r: Report = {
      ...report,
      findings: [
        finding({ project: "未自评的项目", rule: "spotcheck/no-self-assessment", severity: "error" }),
        finding({ file: "b.xlsx", sheet: "说明", cell: null, rule: "template/unrecognized", severity: "info" }),
        finding({ project: "未自评的项目", severity: "warning" }),
      ],
    };
    const others = groupFindings(r).filter((g) => g.kind === "other");
    expect(others.map((g) => [g.title, g.shown])).toEqual([
      ["未自评的项目", 2],
      ["b.xlsx", 1],
    ]);
    expect(others[0].bySeverity.map((s) => s.severity)).toEqual(["error", "warning"]);
  });

  test("matchesFilter and isFilterActive", () => {
    const f = finding({ message: "得分12分，超过其分值10分" });
    expect(matchesFilter(f, EMPTY_FILTER)).toBe(true);
    expect(matchesFilter(f, { ...EMPTY_FILTER, query: "超过 分值" })).toBe(true);
    expect(matchesFilter(f, { ...EMPTY_FILTER, query: "超过 总分" })).toBe(false);
    expect(matchesFilter(f, { severities: { error: true, warning: false, info: true }, query: "" })).toBe(false);
    expect(isFilterActive(EMPTY_FILTER)).toBe(false);
    expect(isFilterActive({ ...EMPTY_FILTER, query: " " })).toBe(false);
    expect(isFilterActive({ ...EMPTY_FILTER, query: "x" })).toBe(true);
  });
});

describe("header numbers and project facts", () => {
  test("from the report's summary", () => {
    const n = headerNumbers(standardReport());
    expect(n).toMatchObject({ files: 1, projects: 2, errors: 2, warnings: 3, infos: 2, reviewed: 1, meanScore: 97.7 });
    expect(n.grades).toEqual({ 优: 2, 良: 0, 中: 0, 差: 0 });
    expect(n.skippedSheets).toEqual([{ file: "a.xlsx", sheet: "说明" }]);
    expect(n.templateSheets).toBe(3);
    expect(n.budget.adjusted).toBe(700);
  });

  test("stated, computed, grade and review gap", () => {
    const p = standardReport().projects.find((x) => x.name === FLAWED.name)!;
    expect(projectFacts(p)).toMatchObject({ stated: 95.6, computed: 93.6, grade: "优", review: { score: 72, grade: "中", gap: -23.6 } });
  });

  test("no template at all", () => {
    const r = check([readWorkbook({ file: "x.xlsx", grids: [grid("Sheet1", [["abc"]])] })]);
    expect(foundNoTemplates(r)).toBe(true);
    expect(foundNoTemplates(standardReport())).toBe(false);
  });
});

describe("finding targets", () => {
  test("selectable only in the open workbook, with a sheet and a cell", () => {
    expect(findingTarget(finding({}), "a.xlsx")).toMatchObject({ selectable: true, external: false });
    expect(findingTarget(finding({ cell: null }), "a.xlsx")).toMatchObject({ selectable: false, external: false });
    expect(findingTarget(finding({ file: "b.xlsx" }), "a.xlsx")).toMatchObject({ selectable: false, external: true });
    // File mode: nothing is selectable, nothing is "external".
    expect(findingTarget(finding({}), null)).toMatchObject({ selectable: false, external: false });
  });

  test("keepLocalLinks drops links into other files only", () => {
    const plan: SheetPlan = {
      name: "问题清单",
      rows: [
        [
          { v: "A1", link: { sheet: "S", cell: "A1", file: "a.xlsx" } },
          { v: "B2", link: { sheet: "S", cell: "B2", file: "b.xlsx" } },
          { v: "C3", link: { sheet: "S", cell: "C3" } },
        ],
      ],
      widths: [],
      merges: [],
      freezeRows: 0,
    };
    const [out] = keepLocalLinks([plan], "a.xlsx");
    expect(out.rows[0].map((c) => c.link?.cell ?? null)).toEqual(["A1", null, "C3"]);
    expect(out.rows[0][1].v).toBe("B2");
    const untouched = { ...plan, rows: [[plan.rows[0][0]]] };
    expect(keepLocalLinks([untouched], "a.xlsx")[0]).toBe(untouched);
  });

  test("file names", () => {
    expect(fileStem("某单位/2023 自评.xlsx")).toBe("2023 自评");
    expect(uniqueFileName("自评.xlsx", ["汇总.xlsx"])).toBe("自评.xlsx");
    expect(uniqueFileName("自评.xlsx", ["自评.XLSX", "自评 (2).xlsx"])).toBe("自评 (3).xlsx");
  });
});

describe("language", () => {
  test("Chinese first; English for English Office or browser; the user's choice wins", () => {
    expect(initialLang({})).toBe("zh");
    expect(initialLang({ office: "en-US" })).toBe("en");
    expect(initialLang({ office: "zh-CN", browser: "en-GB" })).toBe("zh");
    expect(initialLang({ browser: "en" })).toBe("en");
    expect(initialLang({ office: "fr-FR", browser: "fr" })).toBe("zh");
    expect(initialLang({ stored: "en", office: "zh-CN" })).toBe("en");
    expect(langFromLocale("ZH-tw")).toBe("zh");
  });

  test("messages render in either language, nested messages too", () => {
    const m = msg("ui.notice.fileError", { file: "a.xlsx" });
    expect(render("zh", m)).toBe("无法读取 a.xlsx");
    expect(render("en", m)).toBe("Cannot read a.xlsx");
    const nested = msg("ui.finding.at", { place: msg("ui.finding.cell", { cell: "F16" }) });
    expect(render("zh", nested)).toBe("位置：单元格 F16");
  });

  test("number formats", () => {
    expect(formatNumber(93.6)).toBe("93.6");
    expect(formatNumber(12345.678)).toBe("12,345.68");
    expect(formatNumber(null)).toBe("—");
    expect(formatGap(-23.6)).toBe("−23.6");
    expect(formatGap(4)).toBe("+4");
    expect(formatPercent(0.7612)).toBe("76.1%");
  });
});

describe("settings", () => {
  test("normalise: unknown profile, bad numbers, severe below gap → defaults", () => {
    expect(normaliseSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(normaliseSettings({ profile: "hubei", gap: "5", severeGap: 15 })).toEqual({ profile: "hubei", custom: null, gap: 5, severeGap: 15 });
    expect(normaliseSettings({ profile: "beijing", gap: -1, severeGap: 500 })).toEqual(DEFAULT_SETTINGS);
    expect(normaliseSettings({ gap: 15, severeGap: 12 })).toEqual({ profile: "national", custom: null, gap: 15, severeGap: 20 });
  });

  test("localStorage store: round trip; broken JSON and a missing storage are survived", async () => {
    const data = new Map<string, string>();
    const storage = { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
    const store = localSettingsStore(storage);
    expect(store.where).toBe("browser");
    expect(await store.load()).toBeNull();
    await store.save({ profile: "sichuan", custom: null, gap: 8, severeGap: 16 });
    expect(await store.load()).toEqual({ profile: "sichuan", custom: null, gap: 8, severeGap: 16 });
    data.set("bpr.settings", "{not json");
    expect(await store.load()).toBeNull();
    const none = localSettingsStore(null);
    expect(none.where).toBe("none");
    await none.save(DEFAULT_SETTINGS);
    expect(await none.load()).toBeNull();
  });
});
