/**
 * Starts the engine worker. The only module with `import.meta`: webpack turns
 * `new Worker(new URL("./engine-worker.ts", import.meta.url))` into a separate, lazily fetched worker chunk
 * (same origin, so the CSP's worker-src 'self' allows it; never a blob: worker). Jest never loads this module
 * (jsdom has no Worker, and the controller only imports it when there is one).
 */
import { WorkerRunner, type WorkerPort } from "./worker-runner";

export function startEngineWorker(): WorkerRunner {
  const worker = new Worker(/* webpackChunkName: "engine-worker" */ new URL("./engine-worker.ts", import.meta.url), { name: "bpr-engine" });
  return new WorkerRunner(worker as unknown as WorkerPort);
}
