/** @jest-environment jsdom */
/**
 * 设置 → 抽查 in file mode (issue 16): the sample is drawn from the picked self-assessments and the 抽查名单 is
 * downloaded; the seed shown draws the same list again; the list reads back as a 抽查复核 list.
 */
import { act, fireEvent, screen } from "@testing-library/react";
import type { PaneController } from "../../src/taskpane/controller";
import { check } from "../../src/engine";
import { FLAWED, GOOD, selfAssessmentRows } from "./fixtures";
import { clickAndWait, renderPane, settle, untilIdle } from "./helpers";
import { sheetTexts, xlsxBytes } from "./xlsx-fixtures";
import { unzipSync } from "fflate";

let current: PaneController;

function file(name: string, bytes: Uint8Array): File {
  return new File([bytes as BlobPart], name, { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
}

beforeEach(() => window.localStorage.clear());

test("draw the sample and download the 抽查名单; the same seed gives the same list", async () => {
  const p = await renderPane();
  current = p.controller;
  expect(screen.queryByTestId("sample")).toBeNull();
  await settle(() => fireEvent.click(screen.getByRole("button", { name: "设置" })));
  expect(screen.getByTestId("sample").textContent).toContain("先检查或选择自评表");
  expect((screen.getByTestId("sample-draw") as HTMLButtonElement).disabled).toBe(true);

  const a = await xlsxBytes([{ name: "自评", rows: selfAssessmentRows(GOOD) }]);
  const b = await xlsxBytes([{ name: "自评", rows: selfAssessmentRows(FLAWED) }]);
  await act(async () => {
    fireEvent.change(screen.getByTestId("file-input"), { target: { files: [file("医保局.xlsx", a), file("水利局.xlsx", b)] } });
    await untilIdle(current);
  });
  // 自评质量 with each project's facts (the rubric's score).
  expect(screen.getAllByTestId("quality").map((e) => e.textContent)).toEqual(expect.arrayContaining([expect.stringMatching(/^自评质量 \d+$/)]));
  await settle(() => fireEvent.change(screen.getByTestId("sample-rate"), { target: { value: "50" } }));
  await settle(() => fireEvent.change(screen.getByTestId("sample-seed"), { target: { value: "7" } }));
  await clickAndWait(current, screen.getByTestId("sample-draw"));
  expect(p.downloads.map((d) => d.name)).toEqual(["抽查名单.xlsx"]);
  expect(screen.getByTestId("sample-result").textContent).toContain("随机种子 7");
  const sheets = await sheetTexts(p.downloads[0].bytes);
  expect([...sheets.keys()]).toEqual(["抽查名单", "抽样说明"]);

  // Every department at least once: both projects are on the list (two departments), whatever the rate.
  // Loaded here: the package reader needs TextDecoder, which renderPane's DOM polyfill provides.
  const { readingFromBytes } = await import("../../src/adapters/xlsx-file/read");
  const { reading } = await readingFromBytes(p.downloads[0].bytes, "抽查名单.xlsx", { sheetjs: () => import("@e965/xlsx") });
  const listed = check([reading]).reviews.map((r) => r.name).sort();
  expect(listed).toEqual([FLAWED.name, GOOD.name].sort());

  await clickAndWait(current, screen.getByTestId("sample-draw"));
  expect(await sheetTexts(p.downloads[1].bytes)).toEqual(sheets);

  // The review workbooks of the draw, as one zip: 项目编码&项目名称&日期.xlsx each, with their three sheets.
  await clickAndWait(current, screen.getByTestId("sample-forms"));
  expect(p.downloads[2].name).toBe("复核工作簿.zip");
  const zip = unzipSync(p.downloads[2].bytes);
  const names = Object.keys(zip).sort();
  expect(names).toHaveLength(2);
  for (const n of names) {
    expect(n).toMatch(/&\d{8}\.xlsx$/);
    expect([...(await sheetTexts(zip[n])).keys()]).toEqual(["实际绩效", "自评质量", "抽评发现的问题"]);
  }
});
