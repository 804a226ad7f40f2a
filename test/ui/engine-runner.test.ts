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
 * - the controller drops a stale check: when a newer check started, an older one's late answer never replaces it.
 */
import { readWorkbook } from "../../src/engine/read";
import { check } from "../../src/engine";
import { getProfile } from "../../src/engine/profiles/builtin";
import { planSheets } from "../../src/engine/summary";
import type { Report } from "../../src/engine/model";
import type { WorkbookReading } from "../../src/engine/read";
import { errorMsg, PaneController } from "../../src/taskpane/controller";
import type { CheckSettings, EngineRequest, EngineResponse } from "../../src/taskpane/engine-protocol";
import { type CheckResult, type EngineRunner, FallbackRunner, MainRunner, selectRunner } from "../../src/taskpane/engine-runner";
import { createEngineService } from "../../src/taskpane/engine-service";
import { render } from "../../src/taskpane/lang";
import { hostSettingsStore } from "../../src/taskpane/settings";
import { WorkerRunner, type WorkerPort } from "../../src/taskpane/worker-runner";
import { FLAWED, GOOD, grid, REVIEW, selfAssessmentRows, spotCheckRows, standardSheets } from "./fixtures";
import { MemoryHost } from "./memory-host";
import { xlsxBytes } from "./xlsx-fixtures";

const SETTINGS: CheckSettings = { profile: "national", lang: "zh", gap: 10, severeGap: 20 };
const tick = () => new Promise((r) => setTimeout(r, 0));

/** A Worker stand-in: the real engine service, every message structured-cloned both ways, answers asynchronous. */
class ClonePort implements WorkerPort {
  onmessage: WorkerPort["onmessage"] = null;
  onerror: WorkerPort["onerror"] = null;
  onmessageerror: WorkerPort["onmessageerror"] = null;
  readonly sent: EngineRequest[] = [];
  terminated = false;
  /** When set, requests are swallowed (a worker that hangs until it dies). */
  hang = false;
  private serve = createEngineService((res: EngineResponse) => {
    const copy = structuredClone(res);
    setTimeout(() => this.onmessage?.({ data: copy }), 0);
  });
  postMessage(message: EngineRequest): void {
    const copy = structuredClone(message);
    this.sent.push(copy);
    if (!this.hang) setTimeout(() => this.serve(copy), 0);
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
    const wp = await worker.planSheets(report, "zh");
    const mp = await main.planSheets(report, "zh");
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
  planSheets = (report: Report, lang: "zh" | "en") => this.main.planSheets(report, lang);
  warm(): void {}
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
