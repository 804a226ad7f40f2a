/**
 * The engine worker: the engine's heavy calls (./engine-service) off the task pane's thread, so the pane keeps
 * painting and answering input during a check. Started by ./start-worker
 * (`new Worker(new URL("./engine-worker.ts", import.meta.url))`, its own chunk); the pane talks to it through
 * ./worker-runner. No Office.js here: Excel is read on the pane's thread and only grids come over. A built
 * workbook's bytes are sent back with their buffer in the transfer list (moved, not copied).
 */
import type { EngineRequest, EngineResponse } from "./engine-protocol";
import { createEngineService } from "./engine-service";

interface WorkerScope {
  onmessage: ((e: MessageEvent<EngineRequest>) => void) | null;
  postMessage(message: EngineResponse, transfer: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
const serve = createEngineService((response, transfer) => scope.postMessage(response, transfer));
scope.onmessage = (e) => serve(e.data);
