/**
 * The built task pane (dist/, `webpack --mode production`) in Debian's Chromium, served from 127.0.0.1:
 *
 * 1. File mode (taskpane.html opened outside Office): pick real .xlsx workbooks built here with exceljs, see the
 *    projects, findings and the spot-check gap, use it from the keyboard, download the reviewed workbook and read
 *    it back with exceljs. Nothing leaves 127.0.0.1, cell text with HTML stays text (no dialog, no request),
 *    no CSP violation, exceljs is not loaded before a file is picked, no horizontal scroll at 320 px.
 * 2. Add-in mode against a fake `Excel` injected before the page loads (test/browser/page/fake-office.ts over
 *    test/helpers/fake-excel.ts): check, click a finding → the fake records the selection, write the summary →
 *    the fake has the four sheets, insert the blank templates; English when Office's display language is English.
 *
 * 3. The engine worker: the checks above run in it (the result header says where a report was computed); a big
 *    generated workbook is checked while the page keeps painting (a requestAnimationFrame counter advances
 *    during the check), and the same workbook in a page without Worker gives the same findings in the pane's
 *    thread (the fallback). File mode's downloads (下载评价结果, 下载空白模板) are built by worker requests, the
 *    writing code fetched only when a download is asked for; without Worker they are built in the pane's
 *    thread with the same content.
 *
 * Screenshots at 320 and 400 px go to test-artifacts/ (not committed). BPR_WRITE_SCREENSHOT=1 also refreshes
 * assets/screenshots/taskpane.png for the README.
 * Skipped with a warning when /usr/bin/chromium is absent, unless CI is set.
 */
import AxeBuilder from "@axe-core/playwright";
import { unzipSync } from "fflate";
import * as fs from "node:fs";
import * as path from "node:path";
import type { Page } from "playwright-core";
import { OUTPUT_SHEETS } from "../../src/engine/summary/plan";
import { FLAWED, GOOD, REVIEW, selfAssessmentRows, spotCheckRows, standardSheets, XSS } from "../ui/fixtures";
import { sheetTexts, workbookShape, xlsxBytes } from "../ui/xlsx-fixtures";
import { bundle } from "./support/bundle";
import { ensureDist, ROOT, DIST } from "./support/build";
import { type Browser, describeWithChromium, launch } from "./support/chromium";
import { serve, type StaticServer } from "./support/server";

const ARTIFACTS = path.join(ROOT, "test-artifacts");
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

let server: StaticServer;
let browser: Browser;

/** What a page did: every request, dialogs, CSP violations, console errors. */
interface Watch {
  requests: string[];
  dialogs: string[];
  consoleErrors: string[];
}

async function open(
  options: { inject?: string; officeStub?: boolean; width?: number; noWorker?: boolean; trace?: boolean; blockWorker?: boolean } = {},
): Promise<{ page: Page; watch: Watch }> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: options.width ?? 400, height: 900 });
  const watch: Watch = { requests: [], dialogs: [], consoleErrors: [] };
  page.on("request", (r) => watch.requests.push(r.url()));
  page.on("dialog", (d) => {
    watch.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on("console", (m) => {
    if (m.type() === "error") watch.consoleErrors.push(m.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  if (options.noWorker) await page.addInitScript(() => delete (window as unknown as { Worker?: unknown }).Worker);
  if (options.trace) await page.addInitScript(traceEngine);
  // The engine worker's script cannot be loaded (a proxy or an old deployment without it).
  if (options.blockWorker) await page.route(/\/engine-worker\.[0-9a-f]{8}\.js$/, (route) => route.fulfill({ status: 404, body: "not found" }));
  if (options.inject) await page.addInitScript({ content: options.inject });
  if (options.officeStub) {
    // Inside "Excel" the host provides Office; the local office.js would replace the injected one.
    await page.route("**/office-js/office.js", (route) => route.fulfill({ contentType: "text/javascript", body: "/* Office is provided by the test host */" }));
  }
  await page.goto(`${server.origin}/taskpane.html`);
  return { page, watch };
}

/** Every request stayed on the test server (data: and blob: URLs never leave the page). */
function offOrigin(watch: Watch): string[] {
  return watch.requests.filter((u) => !u.startsWith(`${server.origin}/`) && !u.startsWith("data:") && !u.startsWith("blob:"));
}

/**
 * CSP violations other than office.js's telemetry frame: outside Office, office.js tries to open an iframe to
 * Microsoft's telemetry service, which the pane's CSP (frame-src → default-src 'self') blocks — the block is the
 * point, so it is not counted. Anything else (eval, a foreign script, a foreign connect) is.
 */
async function cspViolations(page: Page): Promise<string[]> {
  const all = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
  return all.filter((v) => !/^frame-src https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com/.test(v));
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** WCAG contrast of every finding's text against its background (the lowest ratio found). */
async function lowestContrast(page: Page, selector: string): Promise<{ ratio: number; text: string }> {
  return page.evaluate((sel) => {
    const parse = (c: string): number[] | null => {
      const m = /rgba?\(([^)]+)\)/.exec(c);
      if (!m) return null;
      const p = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
      return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
    };
    const lum = (rgb: number[]) => {
      const f = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(rgb[0]) + 0.7152 * f(rgb[1]) + 0.0722 * f(rgb[2]);
    };
    const background = (el: Element | null): number[] => {
      for (let e = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c && c[3] > 0.5) return c;
      }
      return [255, 255, 255, 1];
    };
    let worst = { ratio: 21, text: "" };
    for (const el of Array.from(document.querySelectorAll(sel))) {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const parent = n.parentElement;
        if (!parent || !n.textContent?.trim() || parent.closest("[hidden]")) continue;
        const fg = parse(getComputedStyle(parent).color);
        if (!fg) continue;
        const a = lum(fg);
        const b = lum(background(parent));
        const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        if (ratio < worst.ratio) worst = { ratio, text: n.textContent.trim().slice(0, 40) };
      }
    }
    return worst;
  }, selector);
}

async function shot(page: Page, name: string, width: number): Promise<string> {
  await page.setViewportSize({ width, height: 900 });
  await page.waitForTimeout(150);
  const file = path.join(ARTIFACTS, `${name}-${width}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Wait until `read()` gives `expected` (deep equality), then assert it. */
async function eventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let value = await read();
  while (JSON.stringify(value) !== JSON.stringify(expected) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 50));
    value = await read();
  }
  expect(value).toEqual(expected);
}

function fakeCall<T>(page: Page, fn: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(
    ([f, a]) => (window as unknown as { __fake: Record<string, (...x: unknown[]) => unknown> }).__fake[f as string](...(a as unknown[])) as T,
    [fn, args] as const,
  );
}

/** Where the shown report was computed ("worker" or "main"), from the result header. */
function engineWhere(page: Page): Promise<string | null> {
  return page.getByTestId("summary").getAttribute("data-engine");
}

interface EngineTrace {
  /** Frames painted so far (requestAnimationFrame callbacks). */
  frames: number;
  /** Requests posted to the engine worker, with the frame count when posted and when answered. */
  requests: { op: string; id: number; postedAt: number; answeredAt: number | null }[];
}

/**
 * Injected before the page loads: a frame counter (every requestAnimationFrame callback; none come while the
 * page's thread is blocked) and a watch on the engine worker's messages (Worker wrapped: each request's op and
 * the frame counts when it was posted and answered; a job by its name).
 */
function traceEngine(): void {
  const w = window as unknown as { __trace: EngineTrace; Worker?: typeof Worker };
  const trace: EngineTrace = { frames: 0, requests: [] };
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
      // A job request (engine-jobs.ts) is traced by the job's name: "reviewed", "templates"…
      const m = message as { op?: string; id?: number; name?: string };
      trace.requests.push({ op: String(m.op === "job" ? m.name : m.op), id: Number(m.id), postedAt: trace.frames, answeredAt: null });
      (Base.prototype.postMessage as (...a: unknown[]) => void).call(this, message, ...rest);
    }
  };
}

function engineTrace(page: Page): Promise<EngineTrace> {
  return page.evaluate(() => (window as unknown as { __trace: EngineTrace }).__trace);
}

/** Console errors other than office.js's blocked telemetry frame (see cspViolations). */
function realConsoleErrors(watch: Watch): string[] {
  return watch.consoleErrors.filter((e) => !e.includes("telemetryservice.firstpartyapps.oaspapps.com"));
}

/** Everything the pane shows of a report: the summary, the groups and every finding. */
async function shownReport(page: Page): Promise<unknown> {
  return page.evaluate(() => ({
    summary: document.querySelector("[data-testid=summary] dl")?.textContent,
    grades: document.querySelector("[data-testid=summary-grades]")?.textContent,
    groups: Array.from(document.querySelectorAll("[data-testid=group-title]")).map((e) => e.textContent),
    findings: Array.from(document.querySelectorAll("[data-testid=finding]")).map((e) => `${e.getAttribute("data-rule")}|${e.getAttribute("data-severity")}|${e.textContent}`),
  }));
}

/** A county-sized workbook: `n` self-assessments (every third flawed), one sheet each. */
async function bigWorkbook(n: number): Promise<Uint8Array> {
  const sheets = [];
  for (let i = 0; i < n; i++) {
    const base = i % 3 === 0 ? FLAWED : GOOD;
    sheets.push({ name: `自评${i + 1}`, rows: selfAssessmentRows({ ...base, name: `${base.name}${i + 1}` }) });
  }
  return xlsxBytes(sheets);
}

/**
 * With BPR_WRITE_SCREENSHOT=1, a README picture in assets/screenshots/ (outside the assets/*.png that webpack
 * copies into dist/): of the page's viewport, or of one element.
 */
async function readmeShot(target: Page | ReturnType<Page["locator"]>, name: string): Promise<void> {
  if (process.env.BPR_WRITE_SCREENSHOT !== "1") return;
  fs.mkdirSync(path.join(ROOT, "assets/screenshots"), { recursive: true });
  await target.screenshot({ path: path.join(ROOT, "assets/screenshots", name) });
}

/** axe-core's WCAG 2.1 A/AA scan of the pane: the violations, as "rule: target" lines. */
async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")} ${n.html.slice(0, 160)}`));
}

/** The action buttons whose label wraps (a CJK label broken inside a word): taller than one line of text. */
async function brokenButtonLabels(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll("section[aria-label] button"))
      .filter((b) => b.getBoundingClientRect().height > 2 * parseFloat(getComputedStyle(b).lineHeight || "20"))
      .map((b) => b.textContent ?? ""),
  );
}

function findingByRule(page: Page, rule: string) {
  return page.locator(`[data-testid=finding][data-rule="${rule}"]`);
}

describeWithChromium("task pane in Chromium", () => {
  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    // The browser first: in CI a missing Chromium fails at once, before a build.
    browser = await launch();
    const built = await ensureDist();
    console.log(`browser tests: ${built}`);
    server = await serve(DIST);
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test("file mode: pick workbooks, see grouped findings and the spot-check gap, download a reviewed workbook", async () => {
    const { page, watch } = await open({ trace: true });
    await page.waitForSelector("main[data-host-mode=file]", { timeout: 30_000 });
    await page.getByRole("button", { name: "选择文件" }).waitFor();
    expect(await page.getByTestId("mode").textContent()).toContain("文件模式");
    // First paint: neither exceljs nor the engine's .xlsx code.
    expect(watch.requests.filter((u) => /exceljs|xlsx\./.test(u))).toEqual([]);

    const combined = await xlsxBytes(standardSheets());
    await page.setInputFiles("[data-testid=file-input]", [{ name: "水利局-2023自评.xlsx", mimeType: XLSX, buffer: Buffer.from(combined) }]);
    await page.waitForSelector("[data-testid=group]", { timeout: 60_000 });
    // The file was read by our own reader, in the engine worker (fetched after the first paint): one readFile
    // request, answered; exceljs (now only for writing a reviewed copy) is not fetched to read.
    const reads = (await engineTrace(page)).requests.filter((r) => r.op === "readFile");
    expect(reads).toHaveLength(1);
    expect(reads[0].answeredAt).not.toBeNull();
    expect(watch.requests.some((u) => /\/engine-worker\.[0-9a-f]{8}\.js$/.test(u))).toBe(true);
    expect(watch.requests.filter((u) => /exceljs/.test(u))).toEqual([]);
    expect(await page.getByTestId("summary-projects").textContent()).toContain("2");

    // Projects, grouped, errors first, and the spot-check gap.
    expect(await page.getByTestId("group-title").allTextContents()).toEqual([FLAWED.name, GOOD.name, "其他问题：水利局-2023自评.xlsx"]);
    const flawed = page.getByTestId("group").nth(0);
    expect(await flawed.locator("[data-testid=finding]").evaluateAll((els) => els.map((e) => e.getAttribute("data-severity")))).toEqual([
      "error",
      "error",
      "warning",
      "warning",
      "warning",
    ]);
    expect(await flawed.getByTestId("gap").textContent()).toBe("−23.6");
    expect(await flawed.getByTestId("review").textContent()).toContain("复核 72 (中)");
    expect(await findingByRule(page, "spotcheck/gap-severe").textContent()).toContain("相差23.6分");
    expect(await page.getByTestId("summary-errors").textContent()).toContain("2");
    expect(await page.getByTestId("summary-projects").textContent()).toContain("2");
    // Read and checked in the engine worker.
    expect(await engineWhere(page)).toBe("worker");

    // Cell text with HTML is text: no <img> element, no dialog, no request for "x".
    const shortfall = findingByRule(page, "reason/shortfall");
    expect(await shortfall.textContent()).toContain(XSS);
    expect(await page.locator("main img").count()).toBe(0);

    // A click shows the sheet and cell.
    await findingByRule(page, "score/exceeds-weight").click();
    expect(await page.getByTestId("located-text").textContent()).toBe("位置：工作表 饮水工程 · 单元格 H12");
    // File mode shows the cell's row as the form has it: the labels over it, the cell outlined.
    expect(await page.getByTestId("cell-row").textContent()).toContain("水质达标率");
    expect(await page.locator("[data-testid=cell-row] [data-target]").textContent()).toBe("12");
    await shot(page, "file-mode-row", 400);
    await readmeShot(page.getByTestId("located").locator("xpath=.."), "taskpane-row.png");

    // Keyboard only: Tab to a finding, visible focus, Enter shows its place; Space on the next one.
    await page.getByRole("searchbox").focus();
    let onFinding = false;
    for (let i = 0; i < 40 && !onFinding; i++) {
      await page.keyboard.press("Tab");
      onFinding = await page.evaluate(() => document.activeElement?.getAttribute("data-testid") === "finding");
    }
    expect(onFinding).toBe(true);
    const outline = await page.evaluate(() => {
      const s = getComputedStyle(document.activeElement as Element);
      return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
    });
    expect(outline.style).not.toBe("none");
    expect(outline.width).toBeGreaterThan(0);
    await page.keyboard.press("Enter");
    const firstRule = await page.evaluate(() => document.activeElement?.getAttribute("data-rule"));
    expect(await page.locator("[data-testid=finding][aria-pressed=true]").getAttribute("data-rule")).toBe(firstRule);
    // On to the next finding (group headers in between are buttons too).
    let secondRule: string | null | undefined = null;
    for (let i = 0; i < 10 && !secondRule; i++) {
      await page.keyboard.press("Tab");
      secondRule = await page.evaluate(() => document.activeElement?.getAttribute("data-rule"));
    }
    expect(secondRule).toBeTruthy();
    expect(secondRule).not.toBe(firstRule);
    await page.keyboard.press(" ");
    expect(await page.locator("[data-testid=finding][aria-pressed=true]").getAttribute("data-rule")).toBe(secondRule);
    expect(await page.getByTestId("located").count()).toBe(1);

    // Filter.
    await page.getByTestId("toggle-warning").click();
    await page.getByTestId("toggle-info").click();
    expect(await page.getByTestId("shown").textContent()).toBe("显示 2/7 条问题");
    await page.getByRole("button", { name: "清除筛选" }).click();

    // Contrast of the findings' text (WCAG AA 4.5:1).
    const contrast = await lowestContrast(page, "[data-testid=finding], [data-testid=summary], [data-testid=located]");
    expect(contrast.ratio).toBeGreaterThanOrEqual(4.5);

    // Severity toggles read as on (brand tint, check mark) and off (plain): never grey for on.
    await page.getByTestId("toggle-info").click();
    await page.mouse.move(0, 0);
    // Read once the toggles' colour transition has finished (two reads 100 ms apart agree).
    const coloursNow = () =>
      page.evaluate(() => ["error", "info"].map((s) => getComputedStyle(document.querySelector(`[data-testid=toggle-${s}]`)!).backgroundColor));
    let toggleColours = await coloursNow();
    for (let i = 0; i < 30; i++) {
      await page.waitForTimeout(100);
      const next = await coloursNow();
      if (next.join() === toggleColours.join()) break;
      toggleColours = next;
    }
    expect(toggleColours[0]).not.toBe(toggleColours[1]);
    expect(toggleColours[0]).not.toMatch(/rgb\((\d+), \1, \1\)/); // not a grey
    await page.getByTestId("toggle-info").click();

    // No accessibility violations (axe-core), in this state and with a finding chosen.
    expect(await axeViolations(page)).toEqual([]);

    // 320 px: no horizontal scroll, the buttons' labels whole. Screenshots at 320, 400 and 1280.
    await shot(page, "file-mode", 1280);
    await shot(page, "file-mode", 400);
    await shot(page, "file-mode", 320);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await brokenButtonLabels(page)).toEqual([]);
    await page.setViewportSize({ width: 400, height: 900 });

    // Download the reviewed workbook and read it back. The writing code is fetched for the download, not before.
    expect(watch.requests.filter((u) => /xlsx-write\.[0-9a-f]{8}\.js$/.test(u))).toEqual([]);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "下载评价结果" }).click()]);
    expect(download.suggestedFilename()).toBe("评价结果-水利局-2023自评.xlsx");
    // Built by the engine worker: one request, answered.
    const built = (await engineTrace(page)).requests.filter((r) => r.op === "reviewed");
    expect(built).toHaveLength(1);
    expect(built[0].answeredAt).not.toBeNull();
    expect(watch.requests.filter((u) => /xlsx-write\.[0-9a-f]{8}\.js$/.test(u))).toHaveLength(1);
    const saved = path.join(ARTIFACTS, download.suggestedFilename());
    await download.saveAs(saved);
    const reviewed = new Uint8Array(fs.readFileSync(saved));
    const before = await sheetTexts(combined);
    const after = await sheetTexts(reviewed);
    expect([...after.keys()]).toEqual([...before.keys(), ...OUTPUT_SHEETS]);
    for (const [name, rows] of before) expect(after.get(name)).toEqual(rows);
    const overview = (await sheetTexts(reviewed)).get("评价汇总")!.map((r) => r.join("|")).join("\n");
    expect(overview).toContain(FLAWED.name);
    expect(overview).toContain(GOOD.name);
    const spot = (await sheetTexts(reviewed)).get("抽查复核")!.map((r) => r.join("|")).join("\n");
    expect(spot).toContain("72");

    expect(offOrigin(watch)).toEqual([]);
    expect(watch.requests.some((u) => /\/x$/.test(u))).toBe(false);
    expect(watch.dialogs).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    await page.close();
  });

  test("file mode: several workbooks download as a zip of reviewed copies and the results workbook, or the results workbook alone; an unreadable file is named", async () => {
    const { page, watch } = await open({ width: 320 });
    await page.getByRole("button", { name: "选择文件" }).waitFor({ timeout: 30_000 });
    const a = await xlsxBytes([{ name: "自评", rows: selfAssessmentRows(GOOD) }]);
    const b = await xlsxBytes([{ name: "自评", rows: selfAssessmentRows(FLAWED) }]);
    const r = await xlsxBytes([{ name: "复核", rows: spotCheckRows(REVIEW) }]);
    const ole = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    await page.setInputFiles("[data-testid=file-input]", [
      { name: "医保局.xlsx", mimeType: XLSX, buffer: Buffer.from(a) },
      { name: "水利局.xlsx", mimeType: XLSX, buffer: Buffer.from(b) },
      { name: "抽查结果.xlsx", mimeType: XLSX, buffer: Buffer.from(r) },
      { name: "旧格式.xls", mimeType: "application/vnd.ms-excel", buffer: ole },
    ]);
    await page.waitForSelector("[data-testid=group]", { timeout: 60_000 });
    await page.waitForSelector("main[aria-busy=false]");
    // An unreadable file is said once, in the sources list, not in a banner besides.
    expect(await page.locator("[data-testid=source][data-failed=true]").textContent()).toContain("旧格式.xls无法读取");
    expect(await page.getByTestId("notices").count()).toBe(0);
    expect(await findingByRule(page, "score/exceeds-weight").locator("xpath=..").textContent()).toContain("文件 水利局.xlsx · 工作表 自评 · 单元格 H12");
    expect(await page.getByTestId("gap").textContent()).toBe("−23.6");
    await shot(page, "file-mode-several", 320);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "下载评价结果" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^评价结果-3个文件-\d{4}-\d{2}-\d{2}\.zip$/);
    const saved = path.join(ARTIFACTS, "several-" + download.suggestedFilename());
    await download.saveAs(saved);
    const zip = unzipSync(new Uint8Array(fs.readFileSync(saved)));
    expect(Object.keys(zip).sort()).toEqual(["医保局.xlsx", "抽查结果.xlsx", "水利局.xlsx", "评价结果.xlsx"].sort());
    expect([...(await sheetTexts(zip["医保局.xlsx"])).keys()]).toEqual(["自评", "评价汇总", "问题清单", "评价报告"]);
    expect([...(await sheetTexts(zip["评价结果.xlsx"])).keys()]).toEqual([...OUTPUT_SHEETS]);
    // The one control beside the button: the results workbook alone.
    await page.getByLabel("打包下载各文件的评价副本（zip，含评价结果工作簿）").click();
    const [alone] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "下载评价结果" }).click()]);
    expect(alone.suggestedFilename()).toMatch(/^评价结果-3个文件-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(offOrigin(watch)).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    await page.close();
  });

  test("file mode's downloads are built by the engine worker; without Worker, in the pane's thread with the same content", async () => {
    const files = [
      { name: "医保局.xlsx", mimeType: XLSX, buffer: Buffer.from(await xlsxBytes([{ name: "自评", rows: selfAssessmentRows(GOOD) }])) },
      { name: "水利局.xlsx", mimeType: XLSX, buffer: Buffer.from(await xlsxBytes([{ name: "自评", rows: selfAssessmentRows(FLAWED) }])) },
      { name: "抽查结果.xlsx", mimeType: XLSX, buffer: Buffer.from(await xlsxBytes([{ name: "复核", rows: spotCheckRows(REVIEW) }])) },
    ];
    /** Pick the files, then download the reviewed workbook twice (the picked bytes stay usable) and the templates. */
    const downloads = async (page: Page): Promise<{ name: string; bytes: Uint8Array }[]> => {
      await page.getByRole("button", { name: "选择文件" }).waitFor({ timeout: 30_000 });
      await page.setInputFiles("[data-testid=file-input]", files);
      await page.waitForSelector("[data-testid=group]", { timeout: 60_000 });
      await page.waitForSelector("main[aria-busy=false]");
      const out: { name: string; bytes: Uint8Array }[] = [];
      for (const button of ["下载评价结果", "下载评价结果", "下载空白模板"]) {
        const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: button }).click()]);
        await page.waitForSelector("main[aria-busy=false]");
        const saved = path.join(ARTIFACTS, `engine-${out.length}-${download.suggestedFilename()}`);
        await download.saveAs(saved);
        out.push({ name: download.suggestedFilename(), bytes: new Uint8Array(fs.readFileSync(saved)) });
      }
      expect(await page.getByTestId("notices").textContent()).toContain("已生成");
      return out;
    };

    const { page, watch } = await open({ trace: true });
    const inWorker = await downloads(page);
    expect(await engineWhere(page)).toBe("worker");
    const trace = await engineTrace(page);
    expect(trace.requests.map((r) => r.op)).toEqual(["prepareFiles", "readFile", "readFile", "readFile", "check", "reviewed", "reviewed", "templates"]);
    expect(trace.requests.every((r) => r.answeredAt !== null)).toBe(true);
    // The writing code was fetched once, by the worker, and not by the pane's thread (its own xlsx chunk).
    expect(watch.requests.filter((u) => /xlsx-write\.[0-9a-f]{8}\.js$/.test(u))).toHaveLength(1);
    expect(watch.requests.filter((u) => /\/xlsx\.[0-9a-f]{8}\.js$/.test(u))).toEqual([]);
    expect(realConsoleErrors(watch)).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    await page.close();

    const fallback = await open({ noWorker: true });
    const inPane = await downloads(fallback.page);
    expect(await engineWhere(fallback.page)).toBe("main");
    expect(fallback.watch.requests.filter((u) => /xlsx-write\.[0-9a-f]{8}\.js$/.test(u))).toEqual([]);
    expect(realConsoleErrors(fallback.watch)).toEqual([]);
    await fallback.page.close();

    expect(inWorker.map((d) => d.name.replace(/-\d{4}-\d{2}-\d{2}/, ""))).toEqual(["评价结果-3个文件.zip", "评价结果-3个文件.zip", "绩效评价空白模板.xlsx"]);
    expect(inPane.map((d) => d.name)).toEqual(inWorker.map((d) => d.name));
    const sheets = [...(await sheetTexts(unzipSync(inWorker[0].bytes)["评价结果.xlsx"])).keys()];
    expect(sheets).toEqual([...OUTPUT_SHEETS]);
    for (let i = 0; i < 2; i++) {
      const w = unzipSync(inWorker[i].bytes);
      const m = unzipSync(inPane[i].bytes);
      expect(Object.keys(w).sort()).toEqual(Object.keys(m).sort());
      for (const name of Object.keys(w)) expect([name, await workbookShape(w[name], true)]).toEqual([name, await workbookShape(m[name], true)]);
    }
    expect(await workbookShape(inWorker[2].bytes, true)).toEqual(await workbookShape(inPane[2].bytes, true));
  });

  test("add-in mode against a fake Excel: check, select a finding's cell, write the summary, insert templates", async () => {
    const inject = bundle(path.join(__dirname, "page/fake-office.ts"));
    const { page, watch } = await open({ inject, officeStub: true });
    await page.waitForSelector("main[data-host-mode=excel]", { timeout: 30_000 });
    await page.getByRole("button", { name: "检查当前工作簿" }).click();
    await page.waitForSelector("[data-testid=group]", { timeout: 60_000 });
    expect(await page.getByTestId("mode").textContent()).toBe("Excel 工作簿：部门自评.xlsx");
    expect(await page.getByTestId("group-title").allTextContents()).toEqual([FLAWED.name, GOOD.name, "其他问题：部门自评.xlsx"]);
    expect(await page.getByTestId("gap").textContent()).toBe("−23.6");
    expect(await engineWhere(page)).toBe("worker");
    // First paint in Excel loads no exceljs either.
    expect(watch.requests.filter((u) => /exceljs/.test(u))).toEqual([]);

    // Click → Excel selects the cell.
    await findingByRule(page, "score/exceeds-weight").click();
    await eventually(() => fakeCall(page, "selection"), { sheet: "饮水工程", address: "H12" });
    expect(await page.getByTestId("located-text").textContent()).toBe("已定位到 工作表 饮水工程 · 单元格 H12");
    // Keyboard: Enter on another finding selects its cell.
    await findingByRule(page, "budget/low-execution").focus();
    await page.keyboard.press("Enter");
    await eventually(() => fakeCall(page, "selection"), { sheet: "饮水工程", address: "H6" });

    // 项目一览: a click on a project narrows the findings to it and selects its sheet in Excel.
    await page.getByRole("button", { name: GOOD.name, exact: true }).click();
    await eventually(() => fakeCall<{ sheet: string }>(page, "selection").then((s) => s.sheet), "医疗救助");
    expect(await page.getByTestId("group-title").allTextContents()).toEqual([GOOD.name]);
    await page.getByRole("button", { name: "显示全部项目" }).click();
    expect(await axeViolations(page)).toEqual([]);

    await shot(page, "addin-mode", 1280);
    await shot(page, "addin-mode", 400);
    await shot(page, "addin-mode", 320);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await brokenButtonLabels(page)).toEqual([]);
    if (process.env.BPR_WRITE_SCREENSHOT === "1") {
      // The README's picture (assets/screenshots/, outside the assets/*.png that webpack copies into dist/).
      await findingByRule(page, "score/exceeds-weight").click();
      await page.setViewportSize({ width: 400, height: 1150 });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.waitForTimeout(150);
      fs.mkdirSync(path.join(ROOT, "assets/screenshots"), { recursive: true });
      await page.screenshot({ path: path.join(ROOT, "assets/screenshots/taskpane.png"), fullPage: false });
      await page.setViewportSize({ width: 400, height: 900 });
    }

    // Write the summary: the four output sheets appear after the user's sheets.
    await page.getByRole("button", { name: "写入评价汇总" }).click();
    await page.waitForSelector("[data-testid=notices] >> text=已写入");
    const names = await fakeCall<string[]>(page, "sheetNames");
    expect(names).toEqual([...standardSheets().map((s) => s.name), ...OUTPUT_SHEETS]);

    // Blank templates.
    await page.getByRole("button", { name: "插入空白模板" }).click();
    await page.waitForSelector("[data-testid=notices] >> text=已插入空白模板");
    const after = await fakeCall<string[]>(page, "sheetNames");
    expect(after.slice(-3)).toEqual(["项目支出绩效自评表", "项目支出绩效目标表", "抽查复核表"]);
    expect(await fakeCall(page, "activeSheet")).toBe("项目支出绩效自评表");
    // Checked again: each blank form is said once to be empty; no nameless project, no extra errors.
    await page.getByRole("button", { name: "重新检查当前工作簿" }).click();
    await page.waitForSelector("[data-testid=finding][data-rule='template/blank']");
    await page.waitForSelector("main[aria-busy=false]");
    expect(await findingByRule(page, "template/blank").count()).toBe(2);
    expect(await page.getByTestId("summary-projects").textContent()).toContain("2");
    expect(await page.getByTestId("summary-errors").textContent()).toContain("2");

    // Settings go to the document settings.
    await page.getByRole("button", { name: "设置" }).click();
    await page.getByLabel("评分口径").selectOption("sichuan");
    await eventually(async () => (await fakeCall<Record<string, unknown>>(page, "settings"))["bpr.settings"], { profile: "sichuan", custom: null, gap: 10, severeGap: 20 });
    // A county's profile JSON: a misspelt rule id is refused in the CLI's words; a valid one is used.
    await page.setInputFiles("[data-testid=profile-input]", [{ name: "county.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify({ severity: { "score/allfull": "off" } })) }]);
    expect(await page.getByTestId("profile-error").textContent()).toContain("severity.score/allfull：没有这个规则编号（是否应为“score/all-full”？）");
    await page.setInputFiles("[data-testid=profile-input]", [{ name: "县级口径.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify({ extends: "national", severity: { "spotcheck/gap-severe": "warning" } })) }]);
    await eventually(() => page.getByLabel("评分口径").inputValue(), "custom");
    expect(await page.getByTestId("profile-error").count()).toBe(0);
    // Thresholds: the CLI's message for --gap 25 --severe-gap 15.
    await page.getByLabel("差异较大阈值（分）").fill("25");
    await page.getByLabel("差异严重阈值（分）").fill("15");
    expect(await page.getByTestId("settings").textContent()).toContain("差异严重阈值（15 分）不能小于差异较大阈值（25 分）。");
    await shot(page, "addin-settings", 320);
    expect(await axeViolations(page)).toEqual([]);

    expect(offOrigin(watch)).toEqual([]);
    expect(watch.dialogs).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    await page.close();
  });

  test("a county's submissions: 30 files fold away, a file that hangs the reader is named and the others are checked, 取消 stops a long read", async () => {
    const hang = `window.bprFileTimeoutMs = 2500;
      (() => {
        const Base = window.Worker;
        window.Worker = class extends Base {
          postMessage(m, ...rest) {
            if (m && m.op === "readFile" && m.name === "卡住.xlsx") return; // the reader never answers
            super.postMessage(m, ...rest);
          }
        };
      })();`;
    const { page, watch } = await open({ inject: hang });
    await page.getByRole("button", { name: "选择文件" }).waitFor({ timeout: 30_000 });
    const depts = ["医保局", "水利局", "民政局", "教育局", "卫健委", "农业农村局"];
    const files = [];
    for (let i = 0; i < 29; i++) {
      const base = i % 4 === 0 ? FLAWED : GOOD;
      const rows = selfAssessmentRows({ ...base, name: `${base.name}${i + 1}`, department: `县${depts[i % depts.length]}` });
      files.push({ name: `${depts[i % depts.length]}-${i + 1}.xlsx`, mimeType: XLSX, buffer: Buffer.from(await xlsxBytes([{ name: "自评", rows }])) });
      if (i === 10) files.push({ name: "卡住.xlsx", mimeType: XLSX, buffer: files[0].buffer });
    }
    await page.setInputFiles("[data-testid=file-input]", files);
    await page.waitForSelector("[data-testid=progress]", { timeout: 30_000 });
    // The progress names the file being read.
    expect(await page.getByTestId("progress").textContent()).toMatch(/正在读取 .+\.xlsx（\d+\/30）/);
    await page.waitForSelector("[data-testid=projects]", { timeout: 120_000 });
    await page.waitForSelector("main[aria-busy=false]", { timeout: 120_000 });
    // The hanging file was given up and named; the 29 others were read by a fresh worker and checked.
    const failed = page.locator("[data-testid=source][data-failed=true]");
    expect(await failed.count()).toBe(1);
    expect(await failed.textContent()).toContain("卡住.xlsx");
    expect(await failed.textContent()).toContain("时间上限");
    expect(await page.getByTestId("summary-projects").textContent()).toContain("29");
    expect(await page.getByTestId("sources-toggle").getAttribute("aria-expanded")).toBe("false");
    // The results start near the top: the folded list does not push them down.
    const top = await page.getByTestId("summary").evaluate((e) => e.getBoundingClientRect().top + window.scrollY);
    expect(top).toBeLessThan(900);
    // 项目一览: errors first; a click narrows the findings; sorting by department.
    expect(await page.getByTestId("project-row").count()).toBe(29);
    const errors = (await page.getByTestId("row-errors").allTextContents()).map(Number);
    expect(errors.slice(0, 8).every((n) => n > 0)).toBe(true);
    expect(errors.slice(8).every((n) => n === 0)).toBe(true);
    // At 400 px the department column gives way; sorting by it is the 排序 choice above the table.
    expect(await page.getByTestId("sort-department").isVisible()).toBe(false);
    await page.getByTestId("sort-select").selectOption("department");
    const departments = await page.getByTestId("row-department-under").allTextContents();
    expect(departments).toEqual([...departments].sort((x, y) => x.localeCompare(y, "zh-CN")));
    await page.getByTestId("project-name").first().click();
    expect(await page.getByTestId("group").count()).toBe(1);
    expect(await page.getByTestId("project-filter").count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "显示全部项目" }).click();
    // The top of the pane as a finance officer sees it (viewport, not the whole page).
    await page.setViewportSize({ width: 400, height: 1000 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(150);
    await page.screenshot({ path: path.join(ARTIFACTS, "county-top-400.png"), fullPage: false });
    await readmeShot(page, "taskpane-county.png");
    await shot(page, "county", 1280);
    await shot(page, "county", 400);
    await shot(page, "county", 320);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    // At 320 px the projects table fits without a sideways scroll of its own (no review in this county: the
    // review columns are left out; department and computed score give way, the department under the name).
    const region = page.getByTestId("projects").locator("[role=region]");
    expect(await region.evaluate((e) => e.scrollWidth - e.clientWidth)).toBeLessThanOrEqual(1);
    expect(await page.getByTestId("row-department-under").first().isVisible()).toBe(true);
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await page.getByTestId("row-department-under").first().isVisible()).toBe(false);
    expect(await page.getByTestId("sort-department").isVisible()).toBe(true);
    expect(await page.getByTestId("sort-select").isVisible()).toBe(false);

    // 取消 during a read that hangs: the pane is free at once, the file is not added.
    await page.setInputFiles("[data-testid=file-input]", [{ name: "卡住.xlsx", mimeType: XLSX, buffer: files[0].buffer }]);
    await page.getByTestId("cancel").click();
    await page.waitForSelector("main[aria-busy=false]", { timeout: 10_000 });
    expect(await page.getByTestId("notices").textContent()).toContain("已取消");
    expect(await page.getByTestId("summary-projects").textContent()).toContain("29");
    expect(offOrigin(watch)).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    await page.close();
  }, 240_000);

  test("a big workbook is checked in the engine worker while the page keeps painting; without Worker, the same result", async () => {
    const bytes = Buffer.from(await bigWorkbook(600));
    const pick = async (page: Page) => {
      await page.getByRole("button", { name: "选择文件" }).waitFor({ timeout: 30_000 });
      await page.setInputFiles("[data-testid=file-input]", [{ name: "全县自评.xlsx", mimeType: XLSX, buffer: bytes }]);
      await page.waitForSelector("main[aria-busy=true]", { timeout: 30_000 });
      await page.waitForSelector("[data-testid=summary]", { timeout: 120_000 });
      await page.waitForSelector("main[aria-busy=false]", { timeout: 120_000 });
    };

    const { page, watch } = await open({ trace: true });
    await pick(page);
    expect(await engineWhere(page)).toBe("worker");
    expect(await page.getByTestId("summary-projects").textContent()).toContain("600");
    const trace = await engineTrace(page);
    // The file was read and checked by the worker: one readFile, then one check, both answered.
    expect(trace.requests.map((r) => r.op)).toEqual(["prepareFiles", "readFile", "check"]);
    const checkReq = trace.requests.find((r) => r.op === "check")!;
    const readReq = trace.requests.find((r) => r.op === "readFile")!;
    console.log(`big workbook in the worker: frames while reading ${readReq.answeredAt! - readReq.postedAt}, while checking ${checkReq.answeredAt! - checkReq.postedAt}`);
    // The frame counter advanced while the worker was checking (and while it read the file): the page kept painting.
    expect(checkReq.answeredAt).not.toBeNull();
    expect(checkReq.answeredAt!).toBeGreaterThan(checkReq.postedAt);
    expect(readReq.answeredAt!).toBeGreaterThan(readReq.postedAt);
    const inWorker = await shownReport(page);
    expect(offOrigin(watch)).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    expect(realConsoleErrors(watch)).toEqual([]);
    await page.close();

    // The same workbook where there is no Worker: checked in the pane's thread, with the same findings.
    const fallback = await open({ noWorker: true });
    expect(await fallback.page.evaluate(() => typeof (window as unknown as { Worker?: unknown }).Worker)).toBe("undefined");
    await pick(fallback.page);
    expect(await engineWhere(fallback.page)).toBe("main");
    expect(await shownReport(fallback.page)).toEqual(inWorker);
    expect(realConsoleErrors(fallback.watch)).toEqual([]);
    await fallback.page.close();
  });

  test("add-in mode when the engine worker's script cannot be loaded: checked in the pane's thread", async () => {
    const inject = bundle(path.join(__dirname, "page/fake-office.ts"));
    const { page, watch } = await open({ inject, officeStub: true, blockWorker: true });
    await page.getByRole("button", { name: "检查当前工作簿" }).click();
    await page.waitForSelector("[data-testid=group]", { timeout: 60_000 });
    expect(await engineWhere(page)).toBe("main");
    expect(watch.requests.some((u) => /engine-worker\.[0-9a-f]{8}\.js$/.test(u))).toBe(true);
    expect(await page.getByTestId("group-title").allTextContents()).toEqual([FLAWED.name, GOOD.name, "其他问题：部门自评.xlsx"]);
    expect(await page.getByTestId("gap").textContent()).toBe("−23.6");
    expect(await page.getByTestId("notices").count()).toBe(0);
    // Writing the summary works too (planned in the pane's thread).
    await page.getByRole("button", { name: "写入评价汇总" }).click();
    await page.waitForSelector("[data-testid=notices] >> text=已写入");
    expect((await fakeCall<string[]>(page, "sheetNames")).slice(-4)).toEqual([...OUTPUT_SHEETS]);
    await page.close();
  });

  test("add-in mode in English when Office's display language is English", async () => {
    const inject = `window.__bprFakeOptions = { displayLanguage: "en-US" };\n${bundle(path.join(__dirname, "page/fake-office.ts"))}`;
    const { page } = await open({ inject, officeStub: true });
    await page.getByRole("button", { name: "Check this workbook" }).click();
    await page.waitForSelector("[data-testid=group]", { timeout: 60_000 });
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Budget Performance Review");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
    expect(await findingByRule(page, "score/exceeds-weight").textContent()).not.toMatch(/超过/);
    await shot(page, "addin-mode-en", 320);
    await page.close();
  });
});
