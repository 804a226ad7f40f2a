/**
 * Where the pane's engine runs (src/taskpane/engine-runner.ts, worker-runner.ts, engine-service.ts):
 *
 * - the worker path, with the worker's own service behind a port that structured-clones every message both ways
 *   (as postMessage does), gives the same readings, report and sheet plans as the engine in the pane's thread;
 *   readings stay in the worker and checks name them; a forgotten reading is sent again;
 * - engine errors cross as clear errors (a LoadError keeps its name and code; no stack), and are not taken for
 *   a failed worker; a worker that cannot start, fails to load or dies sends that call and every later one to
 *   the pane's thread;
 * - runner selection: no Worker (jsdom, Node) or an injected engine → the pane's thread;
 * - the controller drops a stale check: when a newer check started, an older one's late answer never replaces it;
 * - file mode's downloads built in the worker (the reviewed workbook, the blank templates) are the workbooks the
 *   pane's thread builds: byte for byte under the same clock, cell for cell (values, formats, styles, merges,
 *   widths, views) under the real one; the bytes come back in a transfer list and the picked files' bytes stay
 *   on the pane's side; a file that cannot be reloaded and an exceljs failure come back as clear errors; the
 *   fallback covers the new requests.
 */
import { readWorkbook } from "../../src/engine/read";
import { check } from "../../src/engine";
import { getProfile } from "../../src/engine/profiles/builtin";
import { planSheets } from "../../src/engine/summary";
import { blankTemplates, type TemplatePlan } from "../../src/engine/templates";
import type { Report } from "../../src/engine/model";
import type { WorkbookReading } from "../../src/engine/read";
import { errorMsg, PaneController } from "../../src/taskpane/controller";
import type { CheckSettings, EngineRequest, EngineResponse } from "../../src/taskpane/engine-protocol";
import { type CheckResult, type EngineRunner, FallbackRunner, MainRunner, selectRunner } from "../../src/taskpane/engine-runner";
import { createEngineService } from "../../src/taskpane/engine-service";
import { render } from "../../src/taskpane/lang";
import { hostSettingsStore } from "../../src/taskpane/settings";
import { WorkerRunner, type WorkerPort } from "../../src/taskpane/worker-runner";
import type { PickedFile } from "../../src/taskpane/xlsx-read";
import { FLAWED, GOOD, grid, REVIEW, selfAssessmentRows, spotCheckRows, standardSheets } from "./fixtures";
import { MemoryHost } from "./memory-host";
import { sheetTexts, workbookShape, xlsxBytes } from "./xlsx-fixtures";
import { unzipSync } from "fflate";

const SETTINGS: CheckSettings = { profile: "national", lang: "zh", gap: 10, severeGap: 20 };
const tick = () => new Promise((r) => setTimeout(r, 0));

/** A Worker stand-in: the real engine service, every message structured-cloned both ways, answers asynchronous. */
class ClonePort implements WorkerPort {
  onmessage: WorkerPort["onmessage"] = null;
  onerror: WorkerPort["onerror"] = null;
  onmessageerror: WorkerPort["onmessageerror"] = null;
  readonly sent: EngineRequest[] = [];
  terminated = false;
  /** Transfer lists given with each request (postMessage's second argument). */
  readonly sentTransfers: unknown[] = [];
  /** Every answer's transfer list, and the worker's own views of what it transferred (detached once sent). */
  readonly answers: { id: number; transfer: ArrayBuffer[]; value: unknown }[] = [];
  /** When set, requests are swallowed (a worker that hangs until it dies). */
  hang = false;
  /** A picked file by this name hangs the reader (its request is never answered). */
  hangFile: string | null = null;
  private serve = createEngineService((res: EngineResponse, transfer: ArrayBuffer[]) => {
    const copy = structuredClone(res, { transfer });
    this.answers.push({ id: res.id, transfer, value: res.ok ? res.value : null });
    setTimeout(() => this.onmessage?.({ data: copy }), 0);
  });
  postMessage(message: EngineRequest, ...rest: unknown[]): void {
    const copy = structuredClone(message);
    this.sent.push(copy);
    this.sentTransfers.push(rest[0]);
    if (this.hang || (copy.op === "readFile" && copy.name === this.hangFile)) return;
    setTimeout(() => this.serve(copy), 0);
  }
  terminate(): void {
    this.terminated = true;
  }
  /** The worker's script failed to load / the worker died. */
  die(message = "failed to load"): void {
    this.onerror?.({ message, preventDefault: () => undefined });
  }
}

function inThread(): MainRunner {
  return new MainRunner(
    () => import("../../src/taskpane/engine-chunk"),
    () => import("../../src/taskpane/xlsx"),
  );
}

const sheets = () => standardSheets().map((s) => grid(s.name, s.rows));

describe("the worker path gives what the pane's thread gives", () => {
  test("readings, report (findings, order, scores) and sheet plans are equal", async () => {
    const port = new ClonePort();
    const worker = new WorkerRunner(port);
    const main = inThread();
    const input = { file: "部门自评.xlsx", grids: sheets() };

    const wr = await worker.read(input);
    const mr = await main.read(input);
    expect(wr).toEqual(mr);
    expect(wr).toEqual(readWorkbook({ file: "部门自评.xlsx", grids: sheets() }));

    for (const settings of [SETTINGS, { profile: "hubei", lang: "en", gap: 5, severeGap: 8 } as CheckSettings]) {
      const w = await worker.check([wr], settings);
      const m = await main.check([mr], settings);
      expect(w.where).toBe("worker");
      expect(m.where).toBe("main");
      expect(w.report).toEqual(m.report);
      expect(JSON.stringify(w.report)).toBe(JSON.stringify(m.report));
      expect(w.report.findings.map((f) => f.rule)).toEqual(m.report.findings.map((f) => f.rule));
      const direct = check([readWorkbook(input)], { profile: getProfile(settings.profile), lang: settings.lang, gap: settings.gap, severeGap: settings.severeGap });
      expect(w.report).toEqual(direct);
    }

    const report = (await main.check([mr], SETTINGS)).report;
    const wp = await worker.job("planSheets", report, "zh");
    const mp = await main.job("planSheets", report, "zh");
    // Stamped with the time of planning: compare without the time stamps' minutes.
    const strip = (p: unknown) => JSON.stringify(p).replace(/\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?/g, "T");
    expect(strip(wp)).toBe(strip(mp));
    expect(strip(wp)).toBe(strip(planSheets(report, { lang: "zh" })));
  });

  test("readings stay in the worker: a check names them, and a forgotten one is sent again", async () => {
    const port = new ClonePort();
    const worker = new WorkerRunner(port);
    const a = await worker.read({ file: "a.xlsx", grids: [grid("自评", selfAssessmentRows(GOOD))] });
    const b = await worker.read({ file: "b.xlsx", grids: [grid("自评", selfAssessmentRows(FLAWED)), grid("复核", spotCheckRows(REVIEW))] });
    const both = await worker.check([a, b], SETTINGS);
    const sentCheck = port.sent.filter((m) => m.op === "check");
    expect(sentCheck).toHaveLength(1);
    expect((sentCheck[0] as Extract<EngineRequest, { op: "check" }>).readings.every((r) => "ref" in r)).toBe(true);

    // A check of a alone: the worker forgets b. The next check of both sends b itself.
    await worker.check([a], SETTINGS);
    const again = await worker.check([a, b], SETTINGS);
    expect(again.report).toEqual(both.report);
    const last = port.sent.filter((m) => m.op === "check").at(-1) as Extract<EngineRequest, { op: "check" }>;
    expect(last.readings.every((r) => "reading" in r)).toBe(true);

    // A reading made in the pane's thread is sent as it is.
    const local = readWorkbook({ file: "c.xlsx", grids: [grid("自评", selfAssessmentRows(GOOD))] });
    const withLocal = await worker.check([local], SETTINGS);
    expect(withLocal.report).toEqual(check([local], { profile: getProfile("national"), lang: "zh", gap: 10, severeGap: 20 }));
  });

  test("a picked .xlsx file is read in the worker as in the pane's thread", async () => {
    const bytes = await xlsxBytes(standardSheets());
    const worker = new WorkerRunner(new ClonePort());
    await worker.prepareFiles();
    const w = await worker.readFile({ name: "水利局.xlsx", bytes });
    const m = await inThread().readFile({ name: "水利局.xlsx", bytes });
    expect(w).toEqual(m);
    expect(w.projects).toHaveLength(2);
  });
});

describe("errors and fallback", () => {
  test("an unreadable file is a LoadError on this side too (clear message, no stack), not a failed worker", async () => {
    const port = new ClonePort();
    const runner = new FallbackRunner(async () => new WorkerRunner(port), inThread());
    const err = await runner.readFile({ name: "旧.xls", bytes: new TextEncoder().encode("a,b,c\n1,2,3\n") }).then(
      () => null,
      (e: unknown) => e as Error,
    );
    if (!err) throw new Error("expected a LoadError");
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe("LoadError");
    expect((err as unknown as { code: string }).code).toBe("csv");
    expect(render("zh", errorMsg(err))).toBe(render("zh", errorMsg(await inThread().readFile({ name: "旧.xls", bytes: new TextEncoder().encode("a,b,c\n1,2,3\n") }).catch((e: unknown) => e))));
    expect(runner.fellBack).toBe(false);
  });

  test("a bug inside the worker comes back as its first line", async () => {
    const port = new ClonePort();
    const worker = new WorkerRunner(port);
    const err = await worker.check([{ file: "x", sheets: [], projects: [null as never], reviews: [] }], SETTINGS).then(
      () => null,
      (e: unknown) => e as Error,
    );
    if (!err) throw new Error("expected an error");
    expect(err).toBeInstanceOf(Error);
    expect(err.message).not.toContain("\n");
    expect(render("en", errorMsg(err))).toMatch(/^.+/);
    expect(render("en", errorMsg(err))).not.toMatch(/\bat .+:\d+:\d+/);
  });

  test("a worker whose script fails to load: the call and every later one run in the pane's thread", async () => {
    const port = new ClonePort();
    port.hang = true;
    const fellBack: string[] = [];
    const runner = new FallbackRunner(async () => new WorkerRunner(port), inThread(), (r) => fellBack.push(r));
    const pending = runner.read({ file: "部门自评.xlsx", grids: sheets() });
    await tick();
    port.die("404");
    const reading = await pending;
    expect(reading).toEqual(readWorkbook({ file: "部门自评.xlsx", grids: sheets() }));
    expect(port.terminated).toBe(true);
    expect(fellBack).toEqual(["engine worker error: 404"]);
    const sentBefore = port.sent.length;
    const result = await runner.check([reading], SETTINGS);
    expect(result.where).toBe("main");
    expect(port.sent.length).toBe(sentBefore);
    expect(runner.fellBack).toBe(true);
  });

  test("a worker that cannot be started (no Worker, CSP, a missing chunk): the pane's thread", async () => {
    const runner = new FallbackRunner(async () => {
      throw new Error("SecurityError: blocked by worker-src");
    }, inThread());
    const reading = await runner.read({ file: "部门自评.xlsx", grids: sheets() });
    expect((await runner.check([reading], SETTINGS)).where).toBe("main");
    expect(runner.fellBack).toBe(true);
  });

  test("a worker that dies during a check: that check is run again in the pane's thread", async () => {
    const port = new ClonePort();
    const runner = new FallbackRunner(async () => new WorkerRunner(port), inThread());
    const reading = await runner.read({ file: "部门自评.xlsx", grids: sheets() });
    port.hang = true;
    const pending = runner.check([reading], SETTINGS);
    await tick();
    port.die();
    const result = await pending;
    expect(result.where).toBe("main");
    expect(result.report).toEqual((await inThread().check([reading], SETTINGS)).report);
  });

  test("a message that cannot be cloned goes to the pane's thread; the worker stays", async () => {
    const port = new ClonePort();
    const runner = new FallbackRunner(async () => new WorkerRunner(port), inThread());
    const reading = readWorkbook({ file: "部门自评.xlsx", grids: sheets() });
    const odd = { ...reading, extra: () => 1 } as unknown as WorkbookReading;
    const result = await runner.check([odd], SETTINGS);
    expect(result.where).toBe("main");
  });
});

describe("runner selection", () => {
  test("no Worker here → the pane's thread; a worker when one can be started", () => {
    const main = inThread();
    expect(selectRunner({ main, startWorker: null })).toBe(main);
    expect(selectRunner({ main, startWorker: async () => new WorkerRunner(new ClonePort()) })).toBeInstanceOf(FallbackRunner);
  });

  test("the controller without Worker (Node, jsdom) checks in the pane's thread and says so", async () => {
    expect(typeof (globalThis as { Worker?: unknown }).Worker).toBe("undefined");
    const host = new MemoryHost(sheets());
    const c = new PaneController({ mode: "excel", host, lang: "zh", settingsStore: hostSettingsStore(host), yieldToUi: () => Promise.resolve() });
    await c.checkWorkbook();
    expect(c.getState().engineWhere).toBe("main");
    expect(c.getState().report?.summary.projects).toBe(2);
  });

  test("with a Worker but an injected engine, the injected engine is used in the pane's thread", async () => {
    const g = globalThis as { Worker?: unknown };
    g.Worker = class {
      constructor() {
        throw new Error("must not be started");
      }
    };
    try {
      let loads = 0;
      const host = new MemoryHost(sheets());
      const c = new PaneController({
        mode: "excel",
        host,
        lang: "zh",
        settingsStore: hostSettingsStore(host),
        yieldToUi: () => Promise.resolve(),
        loadEngine: async () => {
          loads++;
          return import("../../src/taskpane/engine-chunk");
        },
      });
      await c.checkWorkbook();
      expect(loads).toBeGreaterThan(0);
      expect(c.getState().engineWhere).toBe("main");
    } finally {
      delete g.Worker;
    }
  });

  test("an injected worker runner is used: the controller records that the check ran in the worker", async () => {
    const host = new MemoryHost(sheets());
    const runner = new FallbackRunner(async () => new WorkerRunner(new ClonePort()), inThread());
    const c = new PaneController({ mode: "excel", host, lang: "zh", settingsStore: hostSettingsStore(host), yieldToUi: () => Promise.resolve(), engineRunner: runner });
    await c.checkWorkbook();
    expect(c.getState().engineWhere).toBe("worker");
    const inPane = new PaneController({ mode: "excel", host: new MemoryHost(sheets()), lang: "zh", settingsStore: hostSettingsStore(host), yieldToUi: () => Promise.resolve() });
    await inPane.checkWorkbook();
    expect(c.getState().report).toEqual(inPane.getState().report);
    // Writing the summary plans the sheets in the worker: the same four sheets.
    await c.writeSummary();
    await inPane.writeSummary();
    expect(host.writes.at(-1)!.map((p) => p.name)).toEqual(["评价汇总", "问题清单", "抽查复核", "评价报告"]);
  });
});

/** A runner whose checks answer only when the test says so (real reading and checking underneath). */
class ControlledRunner implements EngineRunner {
  readonly checks: { settings: CheckSettings; answer: () => void; fail: (e: Error) => void }[] = [];
  private readonly main = inThread();
  read = (input: Parameters<EngineRunner["read"]>[0]) => this.main.read(input);
  readFile = (file: Parameters<EngineRunner["readFile"]>[0]) => this.main.readFile(file);
  prepareFiles = () => this.main.prepareFiles();
  job: EngineRunner["job"] = (name, ...args) => this.main.job(name, ...args);
  cellRow = (file: string, sheet: string, cell: string) => this.main.cellRow(file, sheet, cell);
  warm(): void {}
  cancel(): void {}
  check(readings: WorkbookReading[], settings: CheckSettings): Promise<CheckResult> {
    return new Promise<CheckResult>((resolve, reject) => {
      this.checks.push({
        settings,
        answer: () => void this.main.check(readings, settings).then((r) => resolve({ ...r, where: "worker" })),
        fail: reject,
      });
    });
  }
}

async function until(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !cond(); i++) await tick();
  expect(cond()).toBe(true);
}

describe("a stale check never replaces a newer one", () => {
  function pane() {
    const host = new MemoryHost(sheets());
    const runner = new ControlledRunner();
    const c = new PaneController({ mode: "excel", host, lang: "zh", settingsStore: hostSettingsStore(host), yieldToUi: () => Promise.resolve(), engineRunner: runner });
    return { c, runner };
  }

  test("language, then profile changed while checks run; the older answer comes last and is dropped", async () => {
    const { c, runner } = pane();
    const first = c.checkWorkbook();
    await until(() => runner.checks.length === 1);
    runner.checks[0].answer();
    await first;
    expect(c.getState().report?.lang).toBe("zh");

    c.setLang("en"); // check #2
    await until(() => runner.checks.length === 2);
    void c.setSettings({ profile: "hubei" }); // check #3
    await until(() => runner.checks.length === 3);
    expect(runner.checks[1].settings).toMatchObject({ lang: "en", profile: "national" });
    expect(runner.checks[2].settings).toMatchObject({ lang: "en", profile: "hubei" });

    runner.checks[2].answer();
    await until(() => c.getState().report?.profile === "hubei");
    runner.checks[1].answer();
    for (let i = 0; i < 20; i++) await tick();
    expect(c.getState().report?.profile).toBe("hubei");
    expect(c.getState().report?.lang).toBe("en");
    expect(c.getState().engineWhere).toBe("worker");
  });

  test("a new check started while an older one runs: the older one's late answer is dropped", async () => {
    const { c, runner } = pane();
    const first = c.checkWorkbook();
    await until(() => runner.checks.length === 1);
    runner.checks[0].answer();
    await first;

    c.setLang("en"); // a check in the background (#2), still running when the user checks again
    await until(() => runner.checks.length === 2);
    c.setLang("zh");
    await until(() => runner.checks.length === 3);
    const again = c.checkWorkbook(); // #4
    await until(() => runner.checks.length === 4);
    runner.checks[3].answer();
    await again;
    const shown = c.getState().report;
    expect(shown?.lang).toBe("zh");
    runner.checks[1].answer(); // English, late
    runner.checks[2].fail(new Error("late failure"));
    for (let i = 0; i < 20; i++) await tick();
    expect(c.getState().report).toBe(shown);
    expect(c.getState().report?.lang).toBe("zh");
    // The stale check's failure is dropped with it: no notice.
    expect(c.getState().notices).toEqual([]);
  });
});

// ------------------------------------------------------------------------------------------- downloads

/** Freeze the clock (Date only: timers stay real) for `body`, so both builds stamp the same time. */
async function atFixedTime<T>(body: () => Promise<T>): Promise<T> {
  jest.useFakeTimers({
    now: new Date("2026-03-15T09:30:00Z"),
    doNotFake: [
      "hrtime",
      "nextTick",
      "performance",
      "queueMicrotask",
      "requestAnimationFrame",
      "cancelAnimationFrame",
      "requestIdleCallback",
      "cancelIdleCallback",
      "setImmediate",
      "clearImmediate",
      "setInterval",
      "clearInterval",
      "setTimeout",
      "clearTimeout",
    ],
  });
  try {
    return await body();
  } finally {
    jest.useRealTimers();
  }
}

/** Picked files as the pane holds them, and the report of their check. */
async function picked(): Promise<{ one: PickedFile[]; several: PickedFile[]; reportOne: Report; reportSeveral: Report }> {
  const main = inThread();
  const one: PickedFile[] = [{ name: "水利局-2023自评.xlsx", bytes: await xlsxBytes(standardSheets()) }];
  const several: PickedFile[] = [
    { name: "医保局.xlsx", bytes: await xlsxBytes([{ name: "自评", rows: selfAssessmentRows(GOOD) }]) },
    { name: "水利局.xlsx", bytes: await xlsxBytes([{ name: "自评", rows: selfAssessmentRows(FLAWED) }]) },
    { name: "抽查结果.xlsx", bytes: await xlsxBytes([{ name: "复核", rows: spotCheckRows(REVIEW) }]) },
  ];
  const reportOf = async (files: PickedFile[]) => (await main.check(await Promise.all(files.map((f) => main.readFile(f))), SETTINGS)).report;
  return { one, several, reportOne: await reportOf(one), reportSeveral: await reportOf(several) };
}

const copyOf = (files: PickedFile[]) => files.map((f) => ({ name: f.name, bytes: new Uint8Array(f.bytes) }));

describe("file mode's downloads are built in the worker as in the pane's thread", () => {
  test("the reviewed workbook (one file, several files, English) and the templates: byte for byte under the same clock", async () => {
    const { one, several, reportOne, reportSeveral } = await picked();
    const plans = blankTemplates();
    const port = new ClonePort();
    const worker = new WorkerRunner(port);
    const main = inThread();
    await atFixedTime(async () => {
      for (const [report, files, lang] of [
        [reportOne, one, "zh"],
        [reportSeveral, several, "zh"],
        [reportSeveral, several, "en"],
      ] as const) {
        const w = await worker.job("reviewed", report, files, lang);
        const m = await main.job("reviewed", report, files, lang);
        expect(w).toBeInstanceOf(Uint8Array);
        expect(w.byteLength).toBeGreaterThan(1000);
        expect(Buffer.from(w).equals(Buffer.from(m))).toBe(true);
      }
      const wt = await worker.job("templates", plans);
      const mt = await main.job("templates", plans);
      expect(Buffer.from(wt).equals(Buffer.from(mt))).toBe(true);
    });
    expect(port.sent.map((m) => (m.op === "job" ? m.name : m.op))).toEqual(["reviewed", "reviewed", "reviewed", "templates"]);
  });

  test("under the real clock: every sheet's values, formats, styles and merges are equal", async () => {
    const { one, several, reportOne, reportSeveral } = await picked();
    const worker = new WorkerRunner(new ClonePort());
    const main = inThread();
    for (const [report, files] of [
      [reportOne, one],
      [reportSeveral, several],
    ] as const) {
      // Several files: the results workbook alone (the zip of copies is compared byte for byte above).
      const kind = files.length > 1 ? "results" : undefined;
      const w = await workbookShape(await worker.job("reviewed", report, files, "zh", kind), true);
      const m = await workbookShape(await main.job("reviewed", report, files, "zh", kind), true);
      expect(w).toEqual(m);
      // The comparison sees what differs: the same files reviewed in English are another workbook.
      expect(await workbookShape(await main.job("reviewed", report, files, "en", kind), true)).not.toEqual(m);
    }
    const names = ((await workbookShape(await worker.job("reviewed", reportSeveral, several, "zh", "results"), true)) as { sheets: { name: string }[] }).sheets.map((s) => s.name);
    expect(names).toEqual(["评价汇总", "问题清单", "抽查复核", "评价报告"]);
    const plans = blankTemplates();
    const wt = (await workbookShape(await worker.job("templates", plans), false)) as { sheets: { merges: string[]; cells: unknown[] }[] };
    expect(wt).toEqual(await workbookShape(await main.job("templates", plans), false));
    expect(wt.sheets.map((s) => s.merges.length > 0 && s.cells.length > 0)).toEqual([true, true, true]);
  });

  test("the bytes come back transferred; the picked files' bytes are copied to the worker and stay with the pane", async () => {
    const { several, reportSeveral } = await picked();
    const kept = copyOf(several);
    const port = new ClonePort();
    const worker = new WorkerRunner(port);
    const first = await worker.job("reviewed", reportSeveral, several, "zh");
    // The request went without a transfer list: the pane's bytes are still there, unchanged.
    expect(port.sentTransfers).toEqual([undefined]);
    several.forEach((f, i) => expect(Buffer.from(f.bytes).equals(Buffer.from(kept[i].bytes))).toBe(true));
    // The answer moved its buffer: one transfer, the whole workbook; the worker's own view is detached.
    const answer = port.answers.at(-1)!;
    expect(answer.transfer).toHaveLength(1);
    expect(answer.transfer[0].byteLength).toBe(0);
    expect((answer.value as Uint8Array).byteLength).toBe(0);
    expect(first.byteOffset).toBe(0);
    expect(first.buffer.byteLength).toBe(first.byteLength);
    // A second download from the same bytes: the same workbook.
    const second = await worker.job("reviewed", reportSeveral, several, "zh");
    expect(await workbookShape(second, true)).toEqual(await workbookShape(first, true));
    // Templates are transferred too.
    await worker.job("templates", blankTemplates());
    expect(port.answers.at(-1)!.transfer).toHaveLength(1);
  });

  test("a file that cannot be reloaded comes back as its LoadError (file and code, no stack), not a failed worker", async () => {
    const { one, reportOne } = await picked();
    const broken: PickedFile[] = [{ name: one[0].name, bytes: one[0].bytes.slice(0, 2000) }];
    const runner = new FallbackRunner(async () => new WorkerRunner(new ClonePort()), inThread());
    const err = await runner.job("reviewed", reportOne, broken, "zh").then(
      () => null,
      (e: unknown) => e as Error & { code?: string; file?: string },
    );
    if (!err) throw new Error("expected a LoadError");
    const local = await inThread()
      .job("reviewed", reportOne, broken, "zh")
      .then(
        () => null,
        (e: unknown) => e as Error & { code?: string; file?: string },
      );
    if (!local) throw new Error("expected a LoadError in the pane's thread too");
    expect(err.name).toBe("LoadError");
    expect([err.code, err.file]).toEqual([local.code, local.file]);
    expect(err.file).toBe("水利局-2023自评.xlsx");
    expect(render("zh", errorMsg(err))).toBe(render("zh", errorMsg(local)));
    expect(runner.fellBack).toBe(false);
  });

  test("an exceljs failure comes back as its first line, rendered as the pane's thread renders it", async () => {
    const bad: TemplatePlan[] = [{ ...blankTemplates()[0], name: "名称/带斜杠" }];
    const runner = new FallbackRunner(async () => new WorkerRunner(new ClonePort()), inThread());
    const err = await runner.job("templates", bad).then(
      () => null,
      (e: unknown) => e as Error,
    );
    const local = await inThread()
      .job("templates", bad)
      .then(
        () => null,
        (e: unknown) => e as Error,
      );
    if (!err || !local) throw new Error("expected exceljs to refuse the sheet name");
    expect(err.message).not.toContain("\n");
    expect(render("en", errorMsg(err))).toBe(render("en", errorMsg(local)));
    expect(render("en", errorMsg(err))).not.toMatch(/\bat .+:\d+:\d+/);
    expect(runner.fellBack).toBe(false);
  });
});

describe("fallback for the downloads", () => {
  test("a worker that dies while building: the download is built again in the pane's thread, and so is the next", async () => {
    const { several, reportSeveral } = await picked();
    const port = new ClonePort();
    const runner = new FallbackRunner(async () => new WorkerRunner(port), inThread());
    port.hang = true;
    const pending = runner.job("reviewed", reportSeveral, several, "zh");
    await tick();
    port.die("out of memory");
    const bytes = await pending;
    expect(runner.fellBack).toBe(true);
    expect(await workbookShape(bytes, true)).toEqual(await workbookShape(await inThread().job("reviewed", reportSeveral, several, "zh"), true));
    const sentBefore = port.sent.length;
    const templates = await runner.job("templates", blankTemplates());
    expect(port.sent.length).toBe(sentBefore);
    expect(await workbookShape(templates, false)).toEqual(await workbookShape(await inThread().job("templates", blankTemplates()), false));
  });

  test("a worker that cannot be started: the templates are built in the pane's thread", async () => {
    const runner = new FallbackRunner(async () => {
      throw new Error("SecurityError: blocked by worker-src");
    }, inThread());
    const bytes = await runner.job("templates", blankTemplates());
    expect(runner.fellBack).toBe(true);
    expect(((await workbookShape(bytes, false)) as { sheets: { name: string }[] }).sheets.map((s) => s.name)).toEqual(blankTemplates().map((p) => p.name));
  });

  test("a download whose data cannot be cloned is built in the pane's thread; the worker builds the next one", async () => {
    const { one, reportOne } = await picked();
    const port = new ClonePort();
    const fellBack: string[] = [];
    const runner = new FallbackRunner(async () => new WorkerRunner(port), inThread(), (r) => fellBack.push(r));
    const odd = { ...reportOne, extra: () => 1 } as unknown as Report;
    const bytes = await runner.job("reviewed", odd, one, "zh");
    expect(port.sent.filter((m) => m.op === "job" && m.name === "reviewed")).toEqual([]);
    expect(await workbookShape(bytes, true)).toEqual(await workbookShape(await inThread().job("reviewed", reportOne, one, "zh"), true));
    expect(runner.fellBack).toBe(false);
    expect(fellBack).toEqual([]);
    await runner.job("reviewed", reportOne, one, "zh");
    expect(port.sent.filter((m) => m.op === "job" && m.name === "reviewed")).toHaveLength(1);
  });
});

describe("the controller's downloads go through the runner", () => {
  /** A picked file whose bytes the test can spoil after reading (the pane keeps the same buffer). */
  function spoilable(name: string, bytes: Uint8Array) {
    const buffer = bytes.slice().buffer;
    return { file: { name, size: bytes.byteLength, arrayBuffer: async () => buffer }, spoil: () => new Uint8Array(buffer).fill(0, 0, 4000) };
  }

  function filePane(engineRunner?: EngineRunner) {
    const downloads: { name: string; bytes: Uint8Array }[] = [];
    const store = { where: "browser" as const, load: async () => null, save: async () => undefined };
    const c = new PaneController({
      mode: "file",
      host: null,
      lang: "zh",
      settingsStore: store,
      yieldToUi: () => Promise.resolve(),
      download: (bytes, name) => downloads.push({ name, bytes }),
      engineRunner,
    });
    return { c, downloads };
  }

  test("下载评价结果 and 下载空白模板 are built by the worker, equal to the pane's thread's, and can be repeated", async () => {
    const bytes = await xlsxBytes(standardSheets());
    const port = new ClonePort();
    const inWorker = filePane(new FallbackRunner(async () => new WorkerRunner(port), inThread()));
    const inPane = filePane();
    for (const p of [inWorker, inPane]) {
      await p.c.addFiles([{ name: "水利局-2023自评.xlsx", size: bytes.byteLength, arrayBuffer: async () => bytes.slice().buffer }]);
      await p.c.downloadReviewed();
      await p.c.downloadReviewed();
      await p.c.insertTemplates();
      expect(p.c.getState().notices.map((n) => n.intent)).toEqual(["success"]);
    }
    expect(port.sent.map((m) => (m.op === "job" ? m.name : m.op))).toEqual(["prepareFiles", "readFile", "check", "reviewed", "reviewed", "templates"]);
    expect(inWorker.downloads.map((d) => d.name)).toEqual(["评价结果-水利局-2023自评.xlsx", "评价结果-水利局-2023自评.xlsx", "绩效评价空白模板.xlsx"]);
    expect(inWorker.downloads.map((d) => d.name)).toEqual(inPane.downloads.map((d) => d.name));
    for (let i = 0; i < 3; i++) {
      expect(await workbookShape(inWorker.downloads[i].bytes, true)).toEqual(await workbookShape(inPane.downloads[i].bytes, true));
    }
  });

  test("a picked file that cannot be reloaded: an error notice naming it, with the load message and no stack", async () => {
    const bytes = await xlsxBytes(standardSheets());
    const notices: string[][] = [];
    for (const runner of [new FallbackRunner(async () => new WorkerRunner(new ClonePort()), inThread()), undefined]) {
      const { file, spoil } = spoilable("水利局.xlsx", bytes);
      const p = filePane(runner);
      await p.c.addFiles([file]);
      expect(p.c.getState().report?.summary.projects).toBe(2);
      spoil();
      await p.c.downloadReviewed();
      expect(p.downloads).toEqual([]);
      const shown = p.c.getState().notices.map((n) => [n.intent, n.title ? p.c.text(n.title) : "", p.c.text(n.body)]);
      expect(shown).toHaveLength(1);
      expect(shown[0][0]).toBe("error");
      expect(shown[0][1]).toBe("无法读取 水利局.xlsx");
      expect(shown[0][2]).not.toMatch(/\bat .+:\d+:\d+|\n/);
      // The load message (what is wrong with the file), not "something unexpected".
      const spoilt = await inThread()
        .readFile({ name: "水利局.xlsx", bytes: bytes.slice().fill(0, 0, 4000) })
        .catch((e: unknown) => e);
      expect((spoilt as Error).name).toBe("LoadError");
      expect(shown[0][2]).toBe(p.c.text(errorMsg(spoilt)));
      notices.push(shown[0]);
    }
    // The worker and the pane's thread say the same.
    expect(notices[0]).toEqual(notices[1]);
  });
});

describe("a file that hangs the reader, 取消, a finding's row", () => {
  /** Timers the test fires itself (no waiting, no timing). */
  function manualTimers() {
    const due: { fn: () => void; cleared: boolean }[] = [];
    return {
      due,
      setTimer: (fn: () => void) => {
        const h = { fn, cleared: false };
        due.push(h);
        return h;
      },
      clearTimer: (h: unknown) => void ((h as { cleared: boolean }).cleared = true),
      fire: () => due.filter((h) => !h.cleared).forEach((h) => h.fn()),
    };
  }

  test("the hanging file fails with timeLimit naming it; a fresh worker reads the next files", async () => {
    const ports: ClonePort[] = [];
    const newPort = () => {
      const p = new ClonePort();
      p.hangFile = "卡住.xlsx";
      ports.push(p);
      return p;
    };
    const timers = manualTimers();
    const worker = new WorkerRunner(newPort(), { restart: newPort, setTimer: timers.setTimer, clearTimer: timers.clearTimer });
    const good = { name: "好.xlsx", bytes: await xlsxBytes([{ name: "自评", rows: selfAssessmentRows(GOOD) }]) };
    const first = await worker.readFile(good);
    const stuck = worker.readFile({ name: "卡住.xlsx", bytes: good.bytes });
    await tick();
    timers.fire();
    const e = await stuck.then(
      () => null,
      (x: unknown) => x as Error & { code?: string; file?: string },
    );
    expect(e).toMatchObject({ name: "LoadError", code: "timeLimit", file: "卡住.xlsx" });
    // The limit is worded in the user's language: 60 秒 / 60 s.
    expect(render("zh", errorMsg(e!))).toContain("超过 60 秒的时间上限");
    expect(render("en", errorMsg(e!))).toContain("the limit of 60 s");
    expect(ports).toHaveLength(2);
    expect(ports[0].terminated).toBe(true);
    const next = await worker.readFile({ name: "下一个.xlsx", bytes: good.bytes });
    expect(next.projects.map((p) => p.name)).toEqual([GOOD.name]);
    // The first reading lived in the stopped worker: the check sends it again, and both are checked.
    const { report } = await worker.check([first, next], SETTINGS);
    expect(report.summary.files).toBe(2);
  });

  test("cancel() stops the worker: open requests fail as Cancelled, the next ones go to a fresh worker", async () => {
    const ports: ClonePort[] = [];
    const newPort = () => {
      const p = new ClonePort();
      ports.push(p);
      return p;
    };
    const worker = new WorkerRunner(newPort(), { restart: newPort });
    ports[0].hang = true;
    const open = worker.read({ file: "a.xlsx", grids: sheets() });
    worker.cancel();
    await expect(open).rejects.toMatchObject({ name: "Cancelled" });
    expect(ports[0].terminated).toBe(true);
    const again = await worker.read({ file: "a.xlsx", grids: sheets() });
    expect(again.projects.length).toBeGreaterThan(0);
  });

  test("a finding's row comes from the grids the worker kept, as in the pane's thread", async () => {
    const worker = new WorkerRunner(new ClonePort());
    const main = inThread();
    const file = { name: "水利局.xlsx", bytes: await xlsxBytes([{ name: "自评", rows: selfAssessmentRows(FLAWED) }]) };
    const wr = await worker.readFile(file);
    await main.readFile(file);
    const { report } = await worker.check([wr], SETTINGS);
    const f = report.findings.find((x) => x.rule === "score/exceeds-weight")!;
    const row = await worker.cellRow(f.file, f.sheet!, f.cell!);
    expect(row).toEqual(await main.cellRow(f.file, f.sheet!, f.cell!));
    expect(row!.cells.find((c) => c.target)!.address).toBe(f.cell);
    expect(row!.cells.some((c) => c.label !== "")).toBe(true);
    expect(await worker.cellRow("other.xlsx", "自评", "A1")).toBeNull();
  });

  test("an imported profile's text is checked with the CLI's loader, in the worker as in the pane's thread", async () => {
    const worker = new WorkerRunner(new ClonePort());
    const main = inThread();
    const input = { file: "部门自评.xlsx", grids: sheets() };
    const custom = { source: "县级口径.json", text: JSON.stringify({ extends: "national", severity: { "spotcheck/gap-severe": "warning" } }) };
    const settings: CheckSettings = { ...SETTINGS, profile: "custom", custom };
    const w = await worker.check([await worker.read(input)], settings);
    const m = await main.check([await main.read(input)], settings);
    expect(w.report).toEqual(m.report);
    expect(w.report.profile).toBe("县级口径");
    expect(w.report.findings.find((f) => f.rule === "spotcheck/gap-severe")!.severity).toBe("warning");
  });
});

describe("抽查 jobs run in the worker as in the pane's thread", () => {
  test("the 抽查名单 (the same draw from the same seed) and the review workbooks' zip", async () => {
    const { reportSeveral } = await picked();
    const port = new ClonePort();
    const worker = new WorkerRunner(port);
    const main = inThread();
    const opts = { rate: 0.5, seed: 20231231, minPerDepartment: 1 };
    const w = await worker.job("sampleList", reportSeveral.projects, opts, 2023);
    const m = await main.job("sampleList", reportSeveral.projects, opts, 2023);
    expect(w.sample.picks.map((p) => p.project.name)).toEqual(m.sample.picks.map((p) => p.project.name));
    expect(w.sample.picks.length).toBeGreaterThan(0);
    expect(await sheetTexts(w.bytes!)).toEqual(await sheetTexts(m.bytes!));

    const items = w.sample.picks.map((p) => ({ project: p.project, findings: reportSeveral.findings.filter((f) => f.projectId === p.project.id) }));
    const wz = unzipSync(await worker.job("reviewForms", items, "20240320"));
    const mz = unzipSync(await main.job("reviewForms", items, "20240320"));
    expect(Object.keys(wz).sort()).toEqual(Object.keys(mz).sort());
    expect(Object.keys(wz).every((n) => /&20240320\.xlsx$/.test(n))).toBe(true);
    for (const n of Object.keys(wz)) expect(await sheetTexts(wz[n])).toEqual(await sheetTexts(mz[n]));
    expect(port.sent.filter((x) => x.op === "job").map((x) => (x.op === "job" ? x.name : ""))).toEqual(["sampleList", "reviewForms"]);
    // Nothing to draw from: no workbook, in both places.
    expect((await worker.job("sampleList", [], opts, 2023)).bytes).toBeNull();
  });
});
