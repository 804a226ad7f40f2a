/**
 * The engine in a Web Worker (./engine-worker), behind the EngineRunner interface. Requests carry ids; each
 * answer settles its own request, in whatever order answers come. When the worker reports an error event (its
 * script failed to load, or it died) or an answer cannot be read, every open request — and every later one —
 * fails with a WorkerFailure, and the FallbackRunner takes them to the pane's thread. A request that cannot be
 * sent (postMessage throws: its data cannot be cloned) fails alone, with a call-only WorkerFailure.
 *
 * Requests are sent without a transfer list: what they carry is copied, so the pane keeps its own (the picked
 * files' bytes stay usable for the next download). The worker transfers a built workbook's bytes back.
 *
 * A picked file that keeps the reader busy longer than `fileTimeoutMs` (a file that hangs it) is given up: the
 * worker is stopped and a fresh one started (`restart`), the file fails with a LoadError "timeLimit" naming it,
 * and the next files are read by the new worker. cancel() stops the worker the same way (the user pressed 取消).
 * A fresh worker holds no readings: the next check sends them (missing-reading).
 */
import type { Report } from "../engine/model";
import type { WorkbookInput, WorkbookReading } from "../engine/read";
import {
  type CheckSettings,
  type EngineRequest,
  type EngineResponse,
  type EngineResult,
  fromWireError,
  MISSING_READING,
  type ReadingArg,
  type ReadingResult,
} from "./engine-protocol";
import type { CellRow } from "../engine/cell-row";
import type { ProfileRef } from "./check-profile";
import type { JobArgs, JobName, JobResult } from "./engine-jobs";
import { cancelledError, type CheckResult, type EngineRunner, WorkerFailure } from "./engine-runner";
import type { PickedFile } from "./xlsx-read";

/** What the runner needs of a Worker (a fake in tests). */
export interface WorkerPort {
  postMessage(message: EngineRequest): void;
  terminate(): void;
  onmessage: ((e: { data: EngineResponse }) => void) | null;
  onerror: ((e: { message?: string; preventDefault?: () => void }) => void) | null;
  onmessageerror: ((e: unknown) => void) | null;
}

type Body<R> = R extends unknown ? Omit<R, "id"> : never;

interface Pending {
  resolve: (v: EngineResult) => void;
  reject: (e: Error) => void;
}

/** Names of errors that mean the worker's own code could not be loaded (then it is the worker that failed). */
const LOAD_FAILURES = new Set(["ChunkLoadError", "NetworkError"]);

export interface WorkerRunnerOptions {
  /** Starts a fresh worker after one was stopped (a hanging file, 取消); without it, stopping is a WorkerFailure. */
  restart?: () => WorkerPort;
  /** How long one picked file may take to read (default 60 s). */
  fileTimeoutMs?: number;
  /** Timers (tests pass fakes). */
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export const FILE_TIMEOUT_MS = 60_000;

export class WorkerRunner implements EngineRunner {
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();
  private failure: WorkerFailure | null = null;
  /** Readings that came from the worker, and the number it keeps each under (a fresh worker: a fresh map). */
  private refs = new WeakMap<WorkbookReading, number>();
  private port: WorkerPort;

  constructor(
    port: WorkerPort,
    private readonly options: WorkerRunnerOptions = {},
  ) {
    this.port = port;
    this.attach(port);
  }

  private attach(port: WorkerPort): void {
    port.onmessage = (e) => {
      if (port === this.port) this.receive(e.data);
    };
    port.onerror = (e) => {
      e.preventDefault?.();
      if (port === this.port) this.fail(`engine worker error${e.message ? `: ${e.message}` : ""}`);
    };
    port.onmessageerror = () => {
      if (port === this.port) this.fail("engine worker message could not be read");
    };
  }

  /**
   * Stop the worker and start a fresh one: the request `id` fails with `own`, every other open request with a
   * Cancelled error. Without a way to restart, the worker has failed (the FallbackRunner takes over).
   */
  private restart(id: number | null, own: Error): void {
    const open = [...this.pending.entries()];
    this.pending.clear();
    try {
      this.port.terminate();
    } catch (_e) {
      // Already gone.
    }
    if (this.options.restart) {
      this.port = this.options.restart();
      this.attach(this.port);
      this.refs = new WeakMap();
    } else {
      this.failure = new WorkerFailure("engine worker stopped");
    }
    for (const [pid, p] of open) p.reject(pid === id ? own : cancelledError());
  }

  cancel(): void {
    if (this.failure || this.pending.size === 0) return;
    this.restart(null, cancelledError());
  }

  private receive(res: EngineResponse): void {
    const p = this.pending.get(res?.id);
    if (!p) return;
    this.pending.delete(res.id);
    if (res.ok) p.resolve(res.value);
    else if (LOAD_FAILURES.has(res.error.name)) p.reject(new WorkerFailure(`${res.error.name}: ${res.error.message}`));
    else p.reject(fromWireError(res.error));
  }

  private fail(reason: string): void {
    if (this.failure) return;
    this.failure = new WorkerFailure(reason);
    for (const p of this.pending.values()) p.reject(this.failure);
    this.pending.clear();
    try {
      this.port.terminate();
    } catch (_e) {
      // Already gone.
    }
  }

  private call(body: Body<EngineRequest>): Promise<EngineResult> {
    if (this.failure) return Promise.reject(this.failure);
    const id = ++this.nextId;
    return new Promise<EngineResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      try {
        this.port.postMessage({ ...body, id } as EngineRequest);
      } catch (e) {
        // Could not be cloned or sent: this request goes to the pane's thread; the worker itself is fine.
        this.pending.delete(id);
        reject(new WorkerFailure(e instanceof Error ? e.message : String(e), true));
      }
    });
  }

  private kept(result: EngineResult): WorkbookReading {
    const r = result as ReadingResult;
    this.refs.set(r.reading, r.ref);
    return r.reading;
  }

  async read(input: WorkbookInput, profile?: ProfileRef): Promise<WorkbookReading> {
    return this.kept(await this.call({ op: "read", file: input.file, grids: input.grids, profile }));
  }

  async readFile(file: PickedFile, profile?: ProfileRef): Promise<WorkbookReading> {
    const ms = this.options.fileTimeoutMs ?? FILE_TIMEOUT_MS;
    const setTimer = this.options.setTimer ?? ((fn: () => void, t: number) => setTimeout(fn, t));
    const clearTimer = this.options.clearTimer ?? ((h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>));
    const id = this.nextId + 1;
    const answer = this.call({ op: "readFile", name: file.name, bytes: file.bytes, profile });
    const timer = setTimer(() => {
      if (!this.pending.has(id)) return;
      const seconds = Math.round(ms / 1000);
      const e = Object.assign(new Error(`reading ${file.name} took longer than ${seconds} s`), {
        name: "LoadError",
        code: "timeLimit",
        file: file.name,
        reason: String(seconds),
      });
      this.restart(id, e);
    }, ms);
    try {
      return this.kept(await answer);
    } finally {
      clearTimer(timer);
    }
  }

  async cellRow(file: string, sheet: string, cell: string): Promise<CellRow | null> {
    return (await this.call({ op: "cellRow", file, sheet, cell })) as CellRow | null;
  }

  async prepareFiles(): Promise<void> {
    await this.call({ op: "prepareFiles" });
  }

  async check(readings: WorkbookReading[], settings: CheckSettings): Promise<CheckResult> {
    const args: ReadingArg[] = readings.map((reading) => {
      const ref = this.refs.get(reading);
      return ref !== undefined ? { ref } : { reading };
    });
    let report: Report;
    try {
      report = (await this.call({ op: "check", readings: args, settings })) as Report;
    } catch (e) {
      if (!(e instanceof Error && (e as { code?: unknown }).code === MISSING_READING)) throw e;
      // The worker no longer holds one of them: send the readings themselves.
      report = (await this.call({ op: "check", readings: readings.map((reading) => ({ reading })), settings })) as Report;
    }
    return { report, where: "worker" };
  }

  async job<K extends JobName>(name: K, ...args: JobArgs<K>): Promise<JobResult<K>> {
    return (await this.call({ op: "job", name, args })) as JobResult<K>;
  }

  warm(): void {
    // Starting the worker loads its script; nothing more to fetch ahead.
  }
}
