/** @jest-environment jsdom */
/**
 * The WPS add-in's ribbon.xml, checked offline against the CustomUI schema's structure (test/helpers/customui-check.ts),
 * and the entry page's callbacks it names: a 绩效评价 tab whose button opens the task pane (taskpane.html next to the
 * entry page) with Application.CreateTaskPane, once per WPS session.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { OPEN_PANE, openPane, PANE_ID_KEY, paneUrl, ribbon } from "../../src/wps/ribbon";
import { checkCustomUI, ribbonButtons } from "../helpers/customui-check";
import { createFakeWps } from "../helpers/fake-wps";

const ROOT = path.resolve(__dirname, "../..");
const RIBBON = fs.readFileSync(path.join(ROOT, "src/wps/ribbon.xml"), "utf8");
/** The callbacks window.ribbon defines, as ribbon.xml names them. */
const CALLBACKS = new Set(Object.keys(ribbon).map((k) => `ribbon.${k}`));

afterEach(() => {
  delete (globalThis as unknown as Record<string, unknown>).Application;
});

test("ribbon.xml is a valid CustomUI ribbon whose callbacks the entry page defines", () => {
  expect(checkCustomUI(RIBBON, { callbacks: CALLBACKS })).toEqual([]);
  expect(ribbonButtons(RIBBON)).toEqual([{ tab: "绩效评价", id: OPEN_PANE, label: "打开评价助手", onAction: "ribbon.OnAction" }]);
  // The loaded script registers window.ribbon, where WPS looks the callbacks up.
  expect((globalThis as unknown as { ribbon: unknown }).ribbon).toBe(ribbon);
  // Its image is one of the add-in's files.
  expect(fs.existsSync(path.join(ROOT, ribbon.GetImage({ Id: OPEN_PANE })))).toBe(true);
});

describe("broken ribbons are rejected for the right reason", () => {
  const cases: [string, (s: string) => string, string][] = [
    ["not CustomUI", () => "<ribbon/>", "[root]"],
    ["wrong namespace", (s) => s.replace("2006/01/customui", "2006/01/custom"), "[namespace]"],
    ["unclosed tag", (s) => s.replace("</group>", ""), "[xml]"],
    ["unknown element", (s) => s.replace("<button", "<knob"), "[element]"],
    ["group outside a tab", (s) => s.replace("<tabs>", "<tabs><group id=\"g0\" label=\"x\"/>"), "[element]"],
    ["tabs after contextualTabs", (s) => s.replace("<tabs>", "<contextualTabs/><tabs>"), "[order]"],
    ["unknown attribute", (s) => s.replace('size="large"', 'size="large" colour="red"'), "[attribute]"],
    ["no id", (s) => s.replace('id="bprOpenPane"', ""), "[id]"],
    ["id and idMso", (s) => s.replace('id="bprOpenPane"', 'id="bprOpenPane" idMso="Copy"'), "[id]"],
    ["id not a name", (s) => s.replace('id="bprGroup"', 'id="1 group"'), "[id]"],
    ["duplicate id", (s) => s.replace('id="bprGroup"', 'id="bprTab"'), "[id]"],
    ["label and getLabel", (s) => s.replace('label="打开评价助手"', 'label="打开评价助手" getLabel="ribbon.GetImage"'), "[exclusive]"],
    ["bad size", (s) => s.replace('size="large"', 'size="huge"'), "[value]"],
    ["bad boolean", (s) => s.replace('startFromScratch="false"', 'startFromScratch="no"'), "[value]"],
    ["empty label", (s) => s.replace('label="绩效评价"', 'label=""'), "[value]"],
    ["callback not defined", (s) => s.replace('onAction="ribbon.OnAction"', 'onAction="ribbon.OpenPane"'), "[callback]"],
  ];
  test.each(cases)("%s", (_name, breakIt, code) => {
    const problems = checkCustomUI(breakIt(RIBBON), { callbacks: CALLBACKS });
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.some((p) => p.startsWith(code))).toBe(true);
  });
});

describe("the button opens the task pane", () => {
  test("CreateTaskPane with taskpane.html next to the entry page, shown; a second click shows the same pane", () => {
    const app = createFakeWps([{ name: "Sheet1" }]);
    (globalThis as unknown as Record<string, unknown>).Application = app;
    expect(ribbon.OnAddinLoad({})).toBe(true);
    expect(ribbon.OnAction({ Id: OPEN_PANE })).toBe(true);
    expect(app.taskPanes).toEqual([{ ID: 1, url: paneUrl(), title: "预算绩效评价助手", Visible: true }]);
    expect(paneUrl("http://intranet.example/bpr/index.html")).toBe("http://intranet.example/bpr/taskpane.html");
    expect(paneUrl("file:///C:/Users/u/AppData/Roaming/kingsoft/wps/jsaddons/bpr_0.1.0/index.html")).toBe(
      "file:///C:/Users/u/AppData/Roaming/kingsoft/wps/jsaddons/bpr_0.1.0/taskpane.html",
    );
    expect(app.storage.get(PANE_ID_KEY)).toBe("1");
    app.taskPanes[0].Visible = false; // the user closed it
    ribbon.OnAction({ Id: OPEN_PANE });
    expect(app.taskPanes).toHaveLength(1);
    expect(app.taskPanes[0].Visible).toBe(true);
    expect(ribbon.OnAction({ Id: "something-else" })).toBe(false);
  });

  test("outside WPS nothing happens", () => {
    expect(openPane(null)).toBeNull();
    expect(ribbon.OnAction({ Id: OPEN_PANE })).toBe(false);
  });
});
