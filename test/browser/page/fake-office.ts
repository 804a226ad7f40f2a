/**
 * Injected before the task pane loads (page.addInitScript): an Office host that says "Excel", with the
 * in-memory fake Excel of test/helpers/fake-excel.ts behind window.Excel.run, requirement sets and document
 * settings. The workbook holds the standard test sheets. The test reads what happened from window.__fake.
 */
import { createFakeExcel, createFakeSettings } from "../../helpers/fake-excel";
import { standardSheets } from "../../ui/fixtures";

interface FakeOptions {
  displayLanguage?: string;
  fileName?: string;
}

const w = window as unknown as Record<string, unknown>;
const opts = (w.__bprFakeOptions ?? {}) as FakeOptions;
const fake = createFakeExcel(
  standardSheets().map((s) => ({ name: s.name, rows: s.rows })),
  { name: opts.fileName ?? "部门自评.xlsx" },
);
const settings = createFakeSettings();

w.__fake = {
  sheetNames: () => fake.model.sheets.map((s) => s.name),
  selection: () => fake.model.selection,
  activeSheet: () => fake.model.active?.name ?? null,
  settings: () => JSON.parse(JSON.stringify(settings.saved)),
  syncs: () => fake.stats.syncs,
  cell: (sheet: string, row: number, col: number) => {
    const snap = fake.snapshot(sheet) as { values?: unknown[][] };
    return snap.values?.[row]?.[col] ?? null;
  },
};
w.Excel = { run: fake.run };
const info = { host: "Excel", platform: "OfficeOnline" };
w.Office = {
  HostType: { Excel: "Excel" },
  PlatformType: { OfficeOnline: "OfficeOnline" },
  onReady: (callback?: (i: typeof info) => void) => {
    callback?.(info);
    return Promise.resolve(info);
  },
  context: {
    displayLanguage: opts.displayLanguage ?? "zh-CN",
    requirements: fake.requirements,
    document: { settings },
  },
};
