/**
 * The WPS 表格 add-in as `npm run build:wps` builds it (dist-wps/), in Debian's Chromium, with WPS's global
 * `Application` replaced by the in-memory fake (test/browser/page/fake-wps.ts over test/helpers/fake-wps.ts),
 * injected before the page loads — as WPS gives it to every page of an add-in:
 *
 * 1. the task pane served like the online add-in: it finds WPS (not Office, not file mode), checks the workbook
 *    in the engine worker, jumps to a finding's cell, writes the summary, inserts the blank templates; nothing
 *    leaves the server, no CSP violation, office.js never requested (settings in the workbook: test/ui/hosts.test.ts);
 * 2. the add-in's entry page: window.ribbon.OnAction opens taskpane.html with Application.CreateTaskPane;
 * 3. the offline folder opened from file:// (how an installed add-in's pages may be loaded): it still checks;
 * 4. a county-sized workbook: read in one pass (one Value2 per sheet), checked in the worker while the page paints;
 * 5. the publish files: jsplugins.xml / publish.xml name the online folder, the offline .zip holds the add-in folder,
 *    its publish.xml and install scripts.
 * Screenshots go to test-artifacts/wps-*.png. Skipped with a warning when /usr/bin/chromium is absent, unless CI.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { unzipSync } from "fflate";
import type { Page } from "playwright-core";
import { OUTPUT_MARKS, OUTPUT_SHEETS } from "../../src/engine/summary/plan";
import { parseXml } from "../helpers/xml";
import { FLAWED, GOOD, standardSheets } from "../ui/fixtures";
import { bundle } from "./support/bundle";
import { ROOT } from "./support/build";
import { ensureWpsDist, WPS_DIST, WPS_ONLINE } from "./support/build-wps";
import { type Browser, describeWithChromium, launch } from "./support/chromium";
import { serve, type StaticServer } from "./support/server";

const ARTIFACTS = path.join(ROOT, "test-artifacts");

let server: StaticServer;
let browser: Browser;
let fakeWps: string;

interface Watch {
  requests: string[];
  consoleErrors: string[];
  dialogs: string[];
}

/** Frames painted (requestAnimationFrame) and the engine worker's requests with the frame counts around them. */
function traceFrames(): void {
  const w = window as unknown as { __trace: { frames: number; requests: { op: string; id: number; postedAt: number; answeredAt: number | null }[] }; Worker?: typeof Worker };
  const trace = { frames: 0, requests: [] as { op: string; id: number; postedAt: number; answeredAt: number | null }[] };
  w.__trace = trace;
  const loop = (): void => {
    trace.frames++;
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  const Base = w.Worker;
  if (!Base) return;
  w.Worker = class extends Base {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      this.addEventListener("message", (e: MessageEvent<{ id?: number }>) => {
        const r = trace.requests.find((x) => x.id === e.data?.id);
        if (r) r.answeredAt = trace.frames;
      });
    }
    override postMessage(message: unknown, ...rest: unknown[]): void {
      const m = message as { op?: string; id?: number };
      trace.requests.push({ op: String(m.op), id: Number(m.id), postedAt: trace.frames, answeredAt: null });
      (Base.prototype.postMessage as (...a: unknown[]) => void).call(this, message, ...rest);
    }
  };
}

async function open(url: string, options: { fakeOptions?: Record<string, unknown>; width?: number; trace?: boolean } = {}): Promise<{ page: Page; watch: Watch }> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: options.width ?? 400, height: 900 });
  const watch: Watch = { requests: [], consoleErrors: [], dialogs: [] };
  page.on("request", (r) => watch.requests.push(r.url()));
  page.on("console", (m) => {
    if (m.type() === "error") watch.consoleErrors.push(m.text());
  });
  page.on("dialog", (d) => {
    watch.dialogs.push(d.message());
    void d.dismiss();
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  if (options.trace) await page.addInitScript(traceFrames);
  await page.addInitScript({ content: `window.__bprFakeWpsOptions = ${JSON.stringify(options.fakeOptions ?? {})};\n${fakeWps}` });
  await page.goto(url);
  return { page, watch };
}

function fake<T>(page: Page, fn: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(
    ([f, a]) => (window as unknown as { __fake: Record<string, (...x: unknown[]) => unknown> }).__fake[f as string](...(a as unknown[])) as T,
    [fn, args] as const,
  );
}

function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

async function shot(page: Page, name: string, width: number): Promise<string> {
  await page.setViewportSize({ width, height: 900 });
  await page.waitForTimeout(150);
  const file = path.join(ARTIFACTS, `${name}-${width}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

describeWithChromium("WPS 表格 add-in in Chromium (fake Application)", () => {
  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    browser = await launch();
    console.log(`WPS browser tests: ${await ensureWpsDist()}`);
    fakeWps = bundle(path.join(__dirname, "page/fake-wps.ts"));
    server = await serve(WPS_ONLINE);
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test("task pane: check, jump to a finding's cell, write the summary, insert templates", async () => {
    const { page, watch } = await open(`${server.origin}/taskpane.html`);
    await page.waitForSelector("main[data-host=wps][data-host-mode=excel]", { timeout: 30_000 });
    await page.getByRole("button", { name: "检查当前工作簿" }).click();
    await page.waitForSelector("[data-testid=group]", { timeout: 60_000 });
    await page.waitForSelector("main[aria-busy=false]");
    expect(await page.getByTestId("mode").textContent()).toBe("WPS 表格：部门自评.xlsx");
    expect(await page.getByTestId("group-title").allTextContents()).toEqual([FLAWED.name, GOOD.name, "其他问题：部门自评.xlsx"]);
    expect(await page.getByTestId("gap").textContent()).toBe("−23.6");
    // Read in one pass (one Value2 per sheet) and checked in the engine worker.
    expect((await fake<{ value2Reads: number }>(page, "counts")).value2Reads).toBe(standardSheets().length);
    expect(await page.getByTestId("summary").getAttribute("data-engine")).toBe("worker");

    // Jump to a finding's cell.
    await page.locator('[data-testid=finding][data-rule="score/exceeds-weight"]').click();
    await page.waitForFunction(() => (window as unknown as { __fake: { selection(): unknown } }).__fake.selection() !== null);
    expect(await fake(page, "selection")).toEqual({ sheet: "饮水工程", address: "H12" });
    expect(await fake(page, "activeSheet")).toBe("饮水工程");
    await shot(page, "wps-mode", 400);
    await shot(page, "wps-mode", 320);
    await page.setViewportSize({ width: 400, height: 900 });

    // Write the summary: the four output sheets, marked, after the user's sheets; no confirmation dialog.
    await page.getByRole("button", { name: "写入评价汇总" }).click();
    await page.waitForSelector("[data-testid=notices] >> text=已写入", { timeout: 60_000 });
    const names = await fake<string[]>(page, "sheetNames");
    expect(names).toEqual([...standardSheets().map((s) => s.name), ...OUTPUT_SHEETS]);
    expect(String(await fake(page, "cell", "评价汇总", 1, 0))).toContain(OUTPUT_MARKS[0]);
    expect(await fake(page, "alerts")).toEqual([]);
    await shot(page, "wps-written", 400);

    // Insert the blank templates: three new sheets at the end, the first shown.
    await page.getByRole("button", { name: "插入空白模板" }).click();
    await page.waitForSelector("[data-testid=notices] >> text=已插入", { timeout: 60_000 });
    const after = await fake<string[]>(page, "sheetNames");
    expect(after.slice(0, names.length)).toEqual(names);
    expect(after).toHaveLength(names.length + 3);
    expect(await fake(page, "activeSheet")).toBe(after[names.length]);

    // Nothing left the server; office.js was never requested; no CSP violation, no console error.
    expect(watch.requests.filter((u) => !u.startsWith(`${server.origin}/`) && !u.startsWith("data:") && !u.startsWith("blob:"))).toEqual([]);
    expect(watch.requests.filter((u) => /office\.js|officejs\./.test(u))).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.dialogs).toEqual([]);
    await page.close();
  });

  test("entry page: the ribbon's button opens taskpane.html with CreateTaskPane; ribbon.xml is served next to it", async () => {
    const { page, watch } = await open(`${server.origin}/index.html`);
    await page.waitForFunction(() => typeof (window as unknown as { ribbon?: unknown }).ribbon === "object");
    expect(await page.evaluate(() => (window as unknown as { ribbon: { OnAddinLoad(x: unknown): boolean } }).ribbon.OnAddinLoad({}))).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { ribbon: { OnAction(c: { Id: string }): boolean } }).ribbon.OnAction({ Id: "bprOpenPane" }))).toBe(true);
    expect(await fake(page, "taskPanes")).toEqual([{ ID: 1, url: `${server.origin}/taskpane.html`, title: "预算绩效评价助手", Visible: true }]);
    const ribbonXml = await page.evaluate(async () => (await fetch("ribbon.xml")).text());
    expect(ribbonXml).toBe(fs.readFileSync(path.join(ROOT, "src/wps/ribbon.xml"), "utf8"));
    const icon = await page.evaluate(async () => (await fetch((window as unknown as { ribbon: { GetImage(c: { Id: string }): string } }).ribbon.GetImage({ Id: "bprOpenPane" }))).status);
    expect(icon).toBe(200);
    expect(await cspViolations(page)).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });

  test("offline folder opened from file://: the pane still finds WPS and checks the workbook", async () => {
    const folder = fs.readdirSync(path.join(WPS_DIST, "offline")).find((n) => /^bpr_/.test(n))!;
    const { page, watch } = await open(`file://${path.join(WPS_DIST, "offline", folder, "taskpane.html")}`);
    await page.getByRole("button", { name: "检查当前工作簿" }).click({ timeout: 30_000 });
    await page.waitForSelector("[data-testid=group]", { timeout: 60_000 });
    expect(await page.getByTestId("group-title").allTextContents()).toEqual([FLAWED.name, GOOD.name, "其他问题：部门自评.xlsx"]);
    const where = await page.getByTestId("summary").getAttribute("data-engine");
    console.log(`offline (file://) pane: engine ran in the ${where === "worker" ? "worker" : "pane's thread (no worker from file://)"}`);
    expect(await cspViolations(page)).toEqual([]);
    expect(watch.requests.filter((u) => !u.startsWith("file://") && !u.startsWith("data:") && !u.startsWith("blob:"))).toEqual([]);
    await page.close();
  });

  test("a county workbook: one Value2 per sheet, checked in the worker while the page keeps painting", async () => {
    const projects = 300;
    const { page } = await open(`${server.origin}/taskpane.html`, { fakeOptions: { projects }, trace: true });
    await page.getByRole("button", { name: "检查当前工作簿" }).click({ timeout: 30_000 });
    await page.waitForSelector("[data-testid=summary]", { timeout: 120_000 });
    await page.waitForSelector("main[aria-busy=false]", { timeout: 120_000 });
    expect(await page.getByTestId("summary-projects").textContent()).toContain(String(projects));
    expect((await fake<{ value2Reads: number }>(page, "counts")).value2Reads).toBe(projects);
    const trace = await page.evaluate(() => (window as unknown as { __trace: { requests: { op: string; postedAt: number; answeredAt: number | null }[] } }).__trace);
    const checkReq = trace.requests.find((r) => r.op === "check")!;
    const readReq = trace.requests.find((r) => r.op === "read")!;
    console.log(`WPS county workbook (${projects} sheets): frames while the worker read ${readReq.answeredAt! - readReq.postedAt}, while it checked ${checkReq.answeredAt! - checkReq.postedAt}`);
    expect(checkReq.answeredAt!).toBeGreaterThan(checkReq.postedAt);
    await page.close();
  });

  test("publish files: jsplugins.xml / publish.xml name the online folder; the offline .zip holds the add-in folder and its installer", () => {
    for (const file of ["jsplugins.xml", "publish.xml"]) {
      const root = parseXml(fs.readFileSync(path.join(WPS_DIST, file), "utf8"));
      expect(root.name).toBe("jsplugins");
      expect(root.children).toHaveLength(1);
      expect(root.children[0]).toMatchObject({ name: "jspluginonline", attrs: { name: "bpr", type: "et" } });
      expect(root.children[0].attrs.url).toMatch(/^https?:\/\/.+\/$/);
    }
    for (const file of ["ribbon.xml", "index.html", "taskpane.html"]) expect(fs.existsSync(path.join(WPS_ONLINE, file))).toBe(true);
    const version = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version as string;
    const zip = unzipSync(new Uint8Array(fs.readFileSync(path.join(WPS_DIST, `bpr-wps-offline-${version}.zip`))));
    const top = `bpr-wps-offline-${version}/`;
    for (const name of ["publish.xml", "install.bat", "install.sh", `bpr_${version}/ribbon.xml`, `bpr_${version}/index.html`, `bpr_${version}/taskpane.html`]) {
      expect(Object.keys(zip)).toContain(top + name);
    }
    expect(Object.keys(zip).some((n) => n.endsWith(".map"))).toBe(false);
    const offline = parseXml(new TextDecoder().decode(zip[`${top}publish.xml`]));
    expect(offline.children[0]).toMatchObject({ name: "jsplugin", attrs: { name: "bpr", type: "et", url: `bpr_${version}`, version } });
    expect(new TextDecoder().decode(zip[`${top}bpr_${version}/ribbon.xml`])).toBe(fs.readFileSync(path.join(ROOT, "src/wps/ribbon.xml"), "utf8"));
  });
});
