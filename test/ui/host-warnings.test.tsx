/** @jest-environment jsdom */
/**
 * A host's non-fatal problems (merged areas it could not read, a chart it refused, print settings it did not
 * apply) reach the user as notices worded in the pane's language from the catalogue — read warnings included.
 */
import { fireEvent, screen } from "@testing-library/react";
import { grid, standardSheets } from "./fixtures";
import { renderPane, settle } from "./helpers";
import { MemoryHost, type MemoryHostOptions } from "./memory-host";

const host = (opts: MemoryHostOptions) => new MemoryHost(standardSheets().map((s) => grid(s.name, s.rows)), opts);

beforeEach(() => window.localStorage.clear());

const cases: { name: string; lang: "zh" | "en"; opts: MemoryHostOptions; button: string; says: RegExp; never: RegExp }[] = [
  {
    name: "merged areas not read (Chinese)",
    lang: "zh",
    opts: { readWarnings: [{ id: "merges-unread" }] },
    button: "检查当前工作簿",
    says: /注意：未能读取合并单元格.*512/,
    never: /Merged cells/,
  },
  {
    name: "merged areas not read (English)",
    lang: "en",
    opts: { readWarnings: [{ id: "merges-unread" }] },
    button: "Check this workbook",
    says: /Note: Merged cells could not be read.*512/,
    never: /[合并单元格]/,
  },
  {
    name: "a refused chart names the sheet",
    lang: "en",
    opts: { writeWarnings: [{ id: "chart-unsupported", sheet: "评价汇总" }] },
    button: "Write summary sheets",
    says: /The chart was not drawn .*: 评价汇总/,
    never: /图表未绘制/,
  },
  {
    name: "print settings not applied name the sheet and the host's reason",
    lang: "zh",
    opts: { writeWarnings: [{ id: "page-setup-failed", sheet: "问题清单", reason: "PageSetup busy" }] },
    button: "写入评价汇总",
    says: /“问题清单”的打印设置未能应用：PageSetup busy/,
    never: /print settings/,
  },
];

test.each(cases)("$name", async ({ lang, opts, button, says, never }) => {
  await renderPane({ host: host(opts), lang });
  await settle(() => fireEvent.click(screen.getByRole("button", { name: button })));
  const text = screen.getByTestId("notices").textContent ?? "";
  expect(text).toMatch(says);
  expect(text).not.toMatch(never);
});

test("no warning, no notice", async () => {
  await renderPane({ host: host({}) });
  await settle(() => fireEvent.click(screen.getByRole("button", { name: "检查当前工作簿" })));
  expect(screen.queryByTestId("notices")).toBeNull();
});
