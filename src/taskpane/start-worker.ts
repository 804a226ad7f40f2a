/**
 * Starts the engine worker. The only module with `import.meta`: webpack turns
 * `new Worker(new URL("./engine-worker.ts", import.meta.url))` into a separate, lazily fetched worker chunk
 * (same origin, so the CSP's worker-src 'self' allows it; never a blob: worker). Jest never loads this module
 * (jsdom has no Worker, and the controller only imports it when there is one).
 */
import { WorkerRunner, type WorkerPort } from "./worker-runner";

function newWorker(): WorkerPort {
  return new Worker(/* webpackChunkName: "engine-worker" */ new URL("./engine-worker.ts", import.meta.url), { name: "bpr-engine" }) as unknown as WorkerPort;
}

/**
 * The engine worker, restarted after a hanging file or 取消. `bprFileTimeoutMs` on the page (a number, set before
 * the pane starts) shortens the per-file time limit: the browser tests use it; users never need to.
 */
export function startEngineWorker(): WorkerRunner {
  const override = (globalThis as { bprFileTimeoutMs?: unknown }).bprFileTimeoutMs;
  const fileTimeoutMs = typeof override === "number" && override > 0 ? override : undefined;
  return new WorkerRunner(newWorker(), { restart: newWorker, fileTimeoutMs });
}
