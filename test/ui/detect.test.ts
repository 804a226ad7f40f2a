/** @jest-environment jsdom */
/** Mode detection: Excel only when Office.onReady says Excel and the Excel API is there; file mode otherwise. */
import { detectHostMode } from "../../src/taskpane/index";

const g = globalThis as unknown as Record<string, unknown>;

afterEach(() => {
  delete g.Office;
  delete g.Excel;
});

test("no office.js at all → file mode", async () => {
  expect(await detectHostMode()).toBe("file");
});

test("office.js outside Office (host null) → file mode", async () => {
  g.Office = { onReady: () => Promise.resolve({ host: null, platform: null }) };
  expect(await detectHostMode()).toBe("file");
});

test("Excel host → add-in mode", async () => {
  g.Office = { onReady: () => Promise.resolve({ host: "Excel", platform: "PC" }) };
  g.Excel = { run: () => Promise.resolve() };
  expect(await detectHostMode()).toBe("excel");
});

test("Excel host but no Excel API (e.g. Word, or an old host) → file mode", async () => {
  g.Office = { onReady: () => Promise.resolve({ host: "Excel", platform: "PC" }) };
  expect(await detectHostMode()).toBe("file");
  g.Office = { onReady: () => Promise.resolve({ host: "Word", platform: "PC" }) };
  g.Excel = { run: () => Promise.resolve() };
  expect(await detectHostMode()).toBe("file");
});
