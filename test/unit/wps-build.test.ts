/**
 * The WPS build's webpack configuration (`npm run build:wps` = `webpack --mode production --env wps`), without
 * running it: the task pane and the add-in's entry page, no Office.js, the same strict CSP plus `file:` (an offline
 * add-in's pages may be file: URLs), ribbon.xml and the icons copied, output in dist-wps/online. The build itself is
 * run and its output checked by test/browser/wps.test.ts.
 */
import * as path from "path";

interface Page {
  userOptions: { filename: string; chunks: string[]; templateParameters: { officeJsSrc: string | null; csp: string } };
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const configFactory = require("../../webpack.config.js") as (env: object, options: object) => Promise<Record<string, unknown> & { plugins: object[] }>;

test("--env wps: taskpane.html and index.html, no Office.js, strict CSP with file:, output in dist-wps/online", async () => {
  const config = await configFactory({ WEBPACK_BUILD: true, wps: true }, { mode: "production" });
  expect(Object.keys(config.entry as object).sort()).toEqual(["ribbon", "taskpane"]);
  expect((config.output as { path: string }).path).toBe(path.resolve(__dirname, "../../dist-wps/online"));
  const pages = config.plugins.filter((p) => p.constructor.name === "HtmlWebpackPlugin") as unknown as Page[];
  expect(pages.map((p) => [p.userOptions.filename, p.userOptions.chunks])).toEqual([
    ["taskpane.html", ["taskpane"]],
    ["index.html", ["ribbon"]],
  ]);
  for (const page of pages) {
    const { officeJsSrc, csp } = page.userOptions.templateParameters;
    expect(officeJsSrc).toBeNull();
    expect(csp).toMatch(/(^|; )script-src 'self' file:(;|$)/);
    expect(csp).toMatch(/(^|; )connect-src 'self' file:(;|$)/);
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toMatch(/https?:/);
  }
  const copy = config.plugins.find((p) => p.constructor.name === "CopyPlugin") as unknown as { patterns: { from: string; to: string }[] };
  expect(copy.patterns).toEqual(expect.arrayContaining([expect.objectContaining({ from: "src/wps/ribbon.xml", to: "ribbon.xml" })]));
  expect(config.plugins.some((p) => p.constructor.name === "WpsPackagePlugin")).toBe(true);
});

test("the default build is unchanged by the WPS option's existence: Office.js and the two Office pages", async () => {
  const config = await configFactory({ WEBPACK_BUILD: true }, { mode: "production" });
  const pages = config.plugins.filter((p) => p.constructor.name === "HtmlWebpackPlugin") as unknown as Page[];
  expect(pages.map((p) => p.userOptions.filename)).toEqual(["taskpane.html", "commands.html"]);
  expect(pages.every((p) => p.userOptions.templateParameters.officeJsSrc === "office-js/office.js")).toBe(true);
});
