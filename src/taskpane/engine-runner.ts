/**
 * Where the task pane's engine runs. The controller asks an EngineRunner to read grids, read picked .xlsx
 * files, check, plan the summary sheets, and build file mode's downloads (the reviewed workbook, the blank
 * templates); the answers are the same plain data (or .xlsx bytes) wherever it ran.
 *
 * - MainRunner: in the pane's own thread, through the lazily loaded engine chunk (./engine-chunk) and ./xlsx —
 *   what the pane always did; used where there is no Worker (jsdom), when a test injects the engine, and as the
 *   fallback.
 * - WorkerRunner (./worker-runner): in a dedicated Web Worker (./engine-worker), so the pane keeps painting and
 *   answering input during a check.
 * - FallbackRunner: the worker first; when it cannot start, fails to load, or dies (a WorkerFailure), that call
 *   and every later one run in the pane's thread. A request that cannot be sent (its data cannot be cloned) runs
 *   in the pane's thread for that call only; the worker stays in use. Errors of the engine itself (an
 *   unreadable file, a bug) are not failures of the worker: they are answered as they would be in the pane's
 *   thread.
 */
import type { Grid } from "../engine/grid";
import type { Report } from "../engine/model";
import type { WorkbookInput, WorkbookReading } from "../engine/read";
import type { ProfileRef } from "./check-profile";
import { type JobArgs, type JobName, type JobResult, runJob } from "./engine-jobs";
import type { CheckSettings } from "./engine-protocol";
import type { PickedFile } from "./xlsx-read";
import type { CellRow } from "../engine/cell-row";

export type EngineWhere = "worker" | "main";

export interface CheckResult {
  report: Report;
  /** Where this check ran. */
  where: EngineWhere;
}

export interface EngineRunner {
  /** Grids read into a reading; `profile`: whose vocabulary extension the reader uses (absent: the built-in one). */
  read(input: WorkbookInput, profile?: ProfileRef): Promise<WorkbookReading>;
  /** A picked .xlsx file; throws a LoadError-named error when it cannot be read. */
  readFile(file: PickedFile, profile?: ProfileRef): Promise<WorkbookReading>;
  /** Load what reading files needs (exceljs) ahead of the first file. */
  prepareFiles(): Promise<void>;
  check(readings: WorkbookReading[], settings: CheckSettings): Promise<CheckResult>;
  /**
   * One of the stateless jobs of ./engine-jobs (sheet plans, the reviewed workbook, the blank templates…), the
   * same wherever it runs. Arguments are copied to a worker: the pane keeps its own (a picked file's bytes).
   */
  job<K extends JobName>(name: K, ...args: JobArgs<K>): Promise<JobResult<K>>;
  /** Start loading (the engine chunk, or the worker) so the first check does not wait for it. */
  warm(): void;
  /** A picked file's cell in its row (engine/cell-row.ts), from the grids kept since the file was read; null when unknown. */
  cellRow(file: string, sheet: string, cell: string): Promise<CellRow | null>;
  /**
   * Stop what runs now (the user pressed 取消): the worker is stopped and started afresh, and every open request
   * fails with a Cancelled error. In the pane's thread nothing can be interrupted; the controller stops between
   * steps.
   */
  cancel(): void;
}

/** The error of a request stopped by cancel(). */
export function cancelledError(): Error {
  const e = new Error("cancelled");
  e.name = "Cancelled";
  return e;
}

export function isCancelled(e: unknown): boolean {
  return e instanceof Error && e.name === "Cancelled";
}

/**
 * The worker could not do the job for reasons of its own (did not start, failed to load, died), or — when
 * `callOnly` — this one request could not be sent to it (its data cannot be cloned): the worker itself is fine.
 */
export class WorkerFailure extends Error {
  constructor(
    message: string,
    readonly callOnly: boolean = false,
  ) {
    super(message);
    this.name = "WorkerFailure";
  }
}

export function isWorkerFailure(e: unknown): e is WorkerFailure {
  return e instanceof Error && e.name === "WorkerFailure";
}

type EngineModule = typeof import("./engine-chunk");
type XlsxModule = typeof import("./xlsx");

/** The engine in the pane's thread, exactly as the pane ran it before the worker. */
export class MainRunner implements EngineRunner {
  /** Picked files' grids by file name (a finding's row). */
  private readonly grids = new Map<string, Grid[]>();

  constructor(
    private readonly loadEngine: () => Promise<EngineModule>,
    private readonly loadXlsx: () => Promise<XlsxModule>,
  ) {}

  async read(input: WorkbookInput, profile?: ProfileRef): Promise<WorkbookReading> {
    const engine = await this.loadEngine();
    return engine.readWorkbook(input, { vocabulary: engine.vocabularyFor(profile) });
  }

  async readFile(file: PickedFile, profile?: ProfileRef): Promise<WorkbookReading> {
    const xlsx = await this.loadXlsx();
    if (typeof xlsx.readPickedFile !== "function") return xlsx.readPicked(file);
    const vocabulary = profile ? (await this.loadEngine()).vocabularyFor(profile) : null;
    const { reading, grids } = await xlsx.readPickedFile(file, vocabulary);
    this.grids.set(file.name, grids);
    return reading;
  }

  async cellRow(file: string, sheet: string, cell: string): Promise<CellRow | null> {
    const grids = this.grids.get(file);
    return grids ? (await this.loadEngine()).cellRow(grids, sheet, cell) : null;
  }

  cancel(): void {
    // Work in the pane's thread cannot be interrupted: the controller stops between steps.
  }

  async prepareFiles(): Promise<void> {
    await Promise.all([this.loadXlsx(), this.loadEngine()]);
  }

  async check(readings: WorkbookReading[], s: CheckSettings): Promise<CheckResult> {
    const engine = await this.loadEngine();
    // Readings no longer checked take their grids with them.
    const files = new Set(readings.map((r) => r.file));
    for (const name of [...this.grids.keys()]) if (!files.has(name)) this.grids.delete(name);
    const report = engine.check(readings, { profile: engine.profileFor(s), lang: s.lang, gap: s.gap, severeGap: s.severeGap });
    return { report, where: "main" };
  }

  job<K extends JobName>(name: K, ...args: JobArgs<K>): Promise<JobResult<K>> {
    return runJob({ engine: this.loadEngine, writer: this.loadXlsx }, name, args);
  }

  warm(): void {
    this.loadEngine().catch(() => undefined);
  }
}

/**
 * The worker while it works, the pane's thread once it does not. `start` makes the worker runner (it may throw
 * or reject: no Worker, a blocked or missing script); it is called once, on first use.
 */
export class FallbackRunner implements EngineRunner {
  private worker: Promise<EngineRunner> | null = null;
  private failed = false;

  constructor(
    private readonly start: () => Promise<EngineRunner>,
    private readonly main: EngineRunner,
    private readonly onFallback: (reason: string) => void = () => undefined,
  ) {}

  /** True once the worker has failed and everything runs in the pane's thread. */
  get fellBack(): boolean {
    return this.failed;
  }

  private startWorker(): Promise<EngineRunner> {
    if (!this.worker) {
      this.worker = (async () => {
        try {
          return await this.start();
        } catch (e) {
          throw isWorkerFailure(e) ? e : new WorkerFailure(e instanceof Error ? e.message : String(e));
        }
      })();
    }
    return this.worker;
  }

  private async attempt<T>(job: (r: EngineRunner) => Promise<T>): Promise<T> {
    if (!this.failed) {
      try {
        return await job(await this.startWorker());
      } catch (e) {
        if (!isWorkerFailure(e)) throw e;
        // This request could not be sent; the worker stays for the next ones.
        if (e.callOnly) return job(this.main);
        if (!this.failed) {
          this.failed = true;
          this.onFallback(e.message);
        }
      }
    }
    return job(this.main);
  }

  read(input: WorkbookInput, profile?: ProfileRef): Promise<WorkbookReading> {
    return this.attempt((r) => r.read(input, profile));
  }

  readFile(file: PickedFile, profile?: ProfileRef): Promise<WorkbookReading> {
    return this.attempt((r) => r.readFile(file, profile));
  }

  prepareFiles(): Promise<void> {
    return this.attempt((r) => r.prepareFiles());
  }

  check(readings: WorkbookReading[], settings: CheckSettings): Promise<CheckResult> {
    return this.attempt((r) => r.check(readings, settings));
  }

  job<K extends JobName>(name: K, ...args: JobArgs<K>): Promise<JobResult<K>> {
    return this.attempt((r) => r.job(name, ...args));
  }

  cellRow(file: string, sheet: string, cell: string): Promise<CellRow | null> {
    return this.attempt((r) => r.cellRow(file, sheet, cell));
  }

  cancel(): void {
    if (this.failed || !this.worker) return this.main.cancel();
    void this.worker.then(
      (r) => r.cancel(),
      () => undefined,
    );
  }

  warm(): void {
    if (this.failed) {
      this.main.warm();
      return;
    }
    this.startWorker().then(
      (r) => r.warm(),
      () => undefined,
    );
  }
}

export interface RunnerChoice {
  /** The in-thread runner (always there). */
  main: EngineRunner;
  /** Makes the worker runner; null when there is no Worker here (jsdom) or the engine was injected in-thread. */
  startWorker: (() => Promise<EngineRunner>) | null;
  onFallback?: (reason: string) => void;
}

/** The worker (falling back to the pane's thread) when one can be started, else the pane's thread. */
export function selectRunner(choice: RunnerChoice): EngineRunner {
  return choice.startWorker ? new FallbackRunner(choice.startWorker, choice.main, choice.onFallback) : choice.main;
}
