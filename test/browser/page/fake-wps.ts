/**
 * Injected before a WPS page loads (page.addInitScript): WPS 表格's global `Application`, the in-memory fake of
 * test/helpers/fake-wps.ts, holding the standard test sheets (or, with window.__bprFakeWpsOptions.projects = n, a
 * county-sized workbook of n self-assessments). The test reads what happened from window.__fake.
 */
import { createFakeWps } from "../../helpers/fake-wps";
import { FLAWED, GOOD, selfAssessmentRows, standardSheets } from "../../ui/fixtures";

interface FakeOptions {
  fileName?: string;
  projects?: number;
}

const w = window as unknown as Record<string, unknown>;
const opts = (w.__bprFakeWpsOptions ?? {}) as FakeOptions;
const sheets = opts.projects
  ? Array.from({ length: opts.projects }, (_, i) => {
      const base = i % 3 === 0 ? FLAWED : GOOD;
      return { name: `自评${i + 1}`, rows: selfAssessmentRows({ ...base, name: `${base.name}${i + 1}` }) };
    })
  : standardSheets();
const app = createFakeWps(
  sheets.map((s) => ({ name: s.name, rows: s.rows })),
  { name: opts.fileName ?? "部门自评.xlsx" },
);

w.__fake = {
  sheetNames: () => app.sheetNames(),
  selection: () => app.book.selection,
  activeSheet: () => app.book.active?.name ?? null,
  properties: () => JSON.parse(JSON.stringify(app.book.properties)),
  counts: () => ({ ...app.book.counts }),
  alerts: () => [...app.book.alerts],
  taskPanes: () => JSON.parse(JSON.stringify(app.taskPanes)),
  cell: (sheet: string, row: number, col: number) => app.sheet(sheet).value(row, col),
};
w.Application = app;
