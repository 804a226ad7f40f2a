/** @jest-environment jsdom */
/**
 * A county's own labels in the pane: a profile JSON imported in 设置 may add labels to the reader's vocabulary
 * (`"vocabulary": {"columns": {"target": [...]}}`), as `bpr check --profile` does. What was read is read again with
 * them — picked files from the bytes the pane keeps, the open workbook through the host — and checked.
 */
import { act, fireEvent, screen } from "@testing-library/react";
import type { PaneController } from "../../src/taskpane/controller";
import { GOOD, grid, selfAssessmentRows } from "./fixtures";
import { renderPane, settle, untilIdle } from "./helpers";
import { MemoryHost } from "./memory-host";
import { xlsxBytes } from "./xlsx-fixtures";

/** The county's form: its target column is headed 考核标杆值, a wording no province uses. */
const COUNTY_LABEL = "考核标杆值";
function countyRows() {
  return selfAssessmentRows(GOOD).map((r) => r.map((c) => (c === "年度指标值" ? COUNTY_LABEL : c)));
}
const PROFILE = JSON.stringify({ extends: "national", vocabulary: { columns: { target: [COUNTY_LABEL] } } });

async function importProfile(controller: PaneController, text: string) {
  await settle(() => fireEvent.click(screen.getByRole("button", { name: "设置" })));
  await act(async () => {
    fireEvent.change(screen.getByTestId("profile-input"), { target: { files: [new File([text], "本县口径.json", { type: "application/json" })] } });
    await untilIdle(controller);
    for (let i = 0; i < 40 && controller.getState().settings.profile !== "custom" && !controller.getState().profileError; i++) await new Promise((r) => setTimeout(r, 5));
    await untilIdle(controller);
    for (let i = 0; i < 40 && controller.getState().report?.profile !== "本县口径"; i++) await new Promise((r) => setTimeout(r, 10));
    await untilIdle(controller);
  });
}

const rules = (c: PaneController) => c.getState().report!.findings.map((f) => f.rule);
/** The form could not be read for want of its target column: the sheet is unreadable, or its targets are missing. */
const unread = (c: PaneController) => rules(c).some((r) => r === "template/unreadable" || r === "target/missing");
const targets = (c: PaneController) => c.getState().report!.projects.flatMap((p) => p.indicators.map((i) => i.target.raw));

beforeEach(() => window.localStorage.clear());

test("file mode: the county's target column is unknown with the national profile, read once its profile names it", async () => {
  const { controller } = await renderPane();
  const bytes = await xlsxBytes([{ name: "自评表", rows: countyRows() }]);
  await act(async () => {
    fireEvent.change(screen.getByTestId("file-input"), { target: { files: [new File([bytes as BlobPart], "本县-自评.xlsx")] } });
    await untilIdle(controller);
  });
  expect(unread(controller)).toBe(true);
  expect(controller.getState().report!.findings.some((f) => f.rule === "template/unknown-column" && f.message.includes(COUNTY_LABEL))).toBe(true);

  await importProfile(controller, PROFILE);
  expect(controller.getState().report!.profile).toBe("本县口径");
  expect(unread(controller)).toBe(false);
  expect(rules(controller)).not.toContain("template/unknown-column");
  expect(targets(controller)).toEqual(GOOD.indicators.map((i) => i.target));
});

test("Excel: importing the profile reads the open workbook again with its labels", async () => {
  const host = new MemoryHost([grid("自评表", countyRows())]);
  const { controller } = await renderPane({ host });
  await settle(() => fireEvent.click(screen.getByRole("button", { name: "检查当前工作簿" })));
  expect(unread(controller)).toBe(true);
  const reads = host.reads.length;

  await importProfile(controller, PROFILE);
  expect(host.reads.length).toBe(reads + 1);
  expect(unread(controller)).toBe(false);
  expect(targets(controller)).toEqual(GOOD.indicators.map((i) => i.target));
});

test("switching back to a built-in profile forgets the county's labels", async () => {
  const host = new MemoryHost([grid("自评表", countyRows())]);
  const { controller } = await renderPane({ host });
  await settle(() => fireEvent.click(screen.getByRole("button", { name: "检查当前工作簿" })));
  await importProfile(controller, PROFILE);
  expect(unread(controller)).toBe(false);
  await act(async () => {
    await controller.setSettings({ profile: "national" });
    await untilIdle(controller);
    for (let i = 0; i < 40 && controller.getState().report?.profile !== "national"; i++) await new Promise((r) => setTimeout(r, 10));
    await untilIdle(controller);
  });
  expect(unread(controller)).toBe(true);
});
