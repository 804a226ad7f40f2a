/** @jest-environment jsdom */
/**
 * The task pane over the real Office.js adapter (ExcelHost) and the in-memory fake Excel of
 * test/helpers/fake-excel.ts: the whole path from the button to Excel's batched API and back.
 */
import { fireEvent, screen, within } from "@testing-library/react";
import { ExcelHost } from "../../src/adapters/officejs/excel-host";
import { OUTPUT_SHEETS } from "../../src/engine/summary/plan";
import { SETTINGS_KEY } from "../../src/taskpane/settings";
import { createFakeExcel, createFakeSettings } from "../helpers/fake-excel";
import { FLAWED, GOOD, standardSheets } from "./fixtures";
import { clickAndWait, renderPane, settle } from "./helpers";

function setup(options: { workbookProtected?: boolean } = {}) {
  const fake = createFakeExcel(
    standardSheets().map((s) => ({ name: s.name, rows: s.rows })),
    { name: "部门自评.xlsx", ...options },
  );
  const settings = createFakeSettings();
  const host = new ExcelHost({ run: fake.run, requirements: fake.requirements, settings });
  return { fake, settings, host };
}

test("check, select a finding's cell, write the summary: Excel gets the selection and the four sheets, user sheets untouched", async () => {
  const { fake, host } = setup();
  const before = standardSheets().map((s) => JSON.stringify(fake.snapshot(s.name)));
  const { controller } = await renderPane({ host });
  await clickAndWait(controller, screen.getByRole("button", { name: "检查当前工作簿" }));
  expect(screen.getByTestId("mode").textContent).toBe("Excel 工作簿：部门自评.xlsx");
  const flawed = screen.getAllByTestId("group").find((g) => g.textContent?.includes(FLAWED.name))!;
  const exceeds = within(flawed).getAllByTestId("finding").find((b) => b.getAttribute("data-rule") === "score/exceeds-weight")!;
  await clickAndWait(controller, exceeds);
  expect(fake.model.selection).toEqual({ sheet: "饮水工程", address: "H12" });
  expect(fake.model.active?.name).toBe("饮水工程");

  await clickAndWait(controller, screen.getByRole("button", { name: "写入评价汇总" }));
  expect(fake.model.sheets.map((s) => s.name)).toEqual([...standardSheets().map((s) => s.name), ...OUTPUT_SHEETS]);
  expect(standardSheets().map((s) => JSON.stringify(fake.snapshot(s.name)))).toEqual(before);
  expect(screen.getByTestId("notices").textContent).toContain("已写入");

  // Writing again replaces the output sheets instead of adding more.
  await clickAndWait(controller, screen.getByRole("button", { name: "写入评价汇总" }));
  expect(fake.model.sheets.filter((s) => s.name === "评价汇总")).toHaveLength(1);
});

test("settings go to the document settings (saveAsync)", async () => {
  const { host, settings } = setup();
  await renderPane({ host });
  await settle(() => fireEvent.click(screen.getByRole("button", { name: "设置" })));
  await settle(async () => {
    fireEvent.change(screen.getByLabelText("评分口径"), { target: { value: "hubei" } });
    await new Promise((r) => setTimeout(r, 20));
  });
  expect(settings.saved[SETTINGS_KEY]).toEqual({ profile: "hubei", custom: null, gap: 10, severeGap: 20 });
});

test("a protected workbook: templates are not inserted and the message says why", async () => {
  const { host, fake } = setup({ workbookProtected: true });
  const { controller } = await renderPane({ host });
  await clickAndWait(controller, screen.getByRole("button", { name: "插入空白模板" }));
  expect(screen.getByTestId("notices").textContent).toContain("工作簿结构受保护");
  expect(fake.model.sheets).toHaveLength(standardSheets().length);
});

test("blank templates land as sheets the next check recognises", async () => {
  const { host, fake } = setup();
  const { controller } = await renderPane({ host });
  await clickAndWait(controller, screen.getByRole("button", { name: "插入空白模板" }));
  expect(fake.model.sheets.slice(-3).map((s) => s.name)).toEqual(["项目支出绩效自评表", "项目支出绩效目标表", "抽查复核表"]);
  expect(fake.model.active?.name).toBe("项目支出绩效自评表");
  await clickAndWait(controller, screen.getByRole("button", { name: "检查当前工作簿" }));
  const report = controller.getState().report!;
  expect(report.sheets.filter((s) => s.sheet.startsWith("项目支出") || s.sheet === "抽查复核表").map((s) => s.kind)).toEqual([
    "self-assessment",
    "goal",
    "spot-check-list",
  ]);
  // A blank form is no submission: said once each, not a nameless project with every field missing.
  expect(report.findings.filter((f) => f.rule === "template/blank").map((f) => f.sheet).sort()).toEqual(["项目支出绩效目标表", "项目支出绩效自评表"].sort());
  expect([...new Set(report.projects.map((p) => p.name))].sort()).toEqual([FLAWED.name, GOOD.name].sort());
  expect(report.findings.filter((f) => f.sheet?.startsWith("项目支出") && f.severity === "error")).toEqual([]);
  // 写入评价汇总 writes no nameless row.
  await clickAndWait(controller, screen.getByRole("button", { name: "写入评价汇总" }));
  const overview = fake.model.sheets.find((s) => s.name === "评价汇总")!;
  expect(JSON.stringify(overview)).toContain(FLAWED.name);
  expect(report.projects.every((p) => p.name !== "")).toBe(true);
});
