/**
 * What the engine worker does with each request (./engine-worker wires it to the worker's messages; tests run it
 * in-process behind a structured-clone port): readWorkbook over grids, reading picked .xlsx files (exceljs,
 * loaded on first use), check and planSheets, and building file mode's downloads (the reviewed workbook, the
 * blank templates) with ./xlsx — loaded on the first download only, so starting the worker and the first check
 * do not pay for the writing code. Requests are handled one after another, in the order they came (a check
 * never overtakes a read). Every error is answered as plain data (name, first line, code/file/reason).
 *
 * `answer` is given each response and the buffers to transfer with it: a built workbook's bytes are moved to
 * the pane, not copied.
 */
import "./zod-config";
import { check } from "../engine";
import { cellRow } from "../engine/cell-row";
import type { Grid } from "../engine/grid";
import { readWorkbook, type WorkbookReading } from "../engine/read";
import {
  type EngineRequest,
  type EngineResponse,
  type EngineResult,
  MISSING_READING,
  type ReadingResult,
  toWireError,
} from "./engine-protocol";
import { profileFor, vocabularyFor } from "./check-profile";
import * as engineChunk from "./engine-chunk";
import { isJobName, type JobModules, runJob } from "./engine-jobs";
import { readPickedFile } from "./xlsx-read";

type WriterModule = typeof import("./xlsx");

let writer: Promise<WriterModule> | null = null;

/** ./xlsx (the workbook writing code), loaded once, on the first download. */
function loadWriter(): Promise<WriterModule> {
  if (!writer) {
    writer = import(/* webpackChunkName: "xlsx-write" */ "./xlsx");
    writer.catch(() => (writer = null));
  }
  return writer;
}

/**
 * Bytes whose ArrayBuffer can be moved to the pane: the bytes themselves when they are the whole of a plain
 * ArrayBuffer (what exceljs gives), else a copy that is.
 */
function movable(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const buffer = bytes.buffer;
  if (buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength) return new Uint8Array(buffer);
  return new Uint8Array(bytes);
}

/** The code jobs need, in the worker: the engine is part of this chunk; the writer is loaded on first use. */
const MODULES: JobModules = { engine: () => Promise.resolve(engineChunk), writer: loadWriter };

/** One engine service: its own readings (by number) and its own queue. `answer` sends each response. */
export function createEngineService(answer: (response: EngineResponse, transfer: ArrayBuffer[]) => void): (req: EngineRequest) => void {
  /** Readings made here, by number (see engine-protocol.ts for when they are forgotten). */
  const readings = new Map<number, WorkbookReading>();
  /** The grids of picked files, by reading number (forgotten with the reading): a finding's row (cellRow). */
  const grids = new Map<number, Grid[]>();
  let nextRef = 0;
  let queue: Promise<void> = Promise.resolve();

  const keep = (reading: WorkbookReading): ReadingResult => {
    const ref = ++nextRef;
    readings.set(ref, reading);
    return { reading, ref };
  };

  const handle = async (req: EngineRequest): Promise<EngineResult> => {
    switch (req.op) {
      case "read":
        return keep(readWorkbook({ file: req.file, grids: req.grids }, { vocabulary: vocabularyFor(req.profile) }));
      case "readFile": {
        const read = await readPickedFile({ name: req.name, bytes: req.bytes }, vocabularyFor(req.profile));
        const kept = keep(read.reading);
        grids.set(kept.ref, read.grids);
        return kept;
      }
      case "cellRow": {
        for (const [ref, r] of readings) {
          const g = grids.get(ref);
          if (g && r.file === req.file) return cellRow(g, req.sheet, req.cell);
        }
        return null;
      }
      case "prepareFiles":
        // The .xlsx reader is part of this chunk; SheetJS is loaded only when an .xls / .et / .ods / .xlsb comes.
        return null;
      case "check": {
        const list: WorkbookReading[] = [];
        const named = new Set<number>();
        for (const arg of req.readings) {
          if ("reading" in arg) {
            list.push(arg.reading);
            continue;
          }
          const r = readings.get(arg.ref);
          if (!r) throw Object.assign(new Error(`reading ${arg.ref} is no longer held`), { name: "EngineWorkerError", code: MISSING_READING });
          named.add(arg.ref);
          list.push(r);
        }
        for (const ref of [...readings.keys()]) {
          if (named.has(ref)) continue;
          readings.delete(ref);
          grids.delete(ref);
        }
        const s = req.settings;
        return check(list, { profile: profileFor(s), lang: s.lang, gap: s.gap, severeGap: s.severeGap });
      }
      case "job": {
        if (!isJobName(req.name)) throw new Error(`unknown job ${String(req.name)}`);
        const value = await runJob(MODULES, req.name, req.args as never);
        return value instanceof Uint8Array ? movable(value) : value;
      }
      default:
        throw new Error(`unknown request ${(req as { op?: unknown }).op as string}`);
    }
  };

  const send = (response: EngineResponse): void => {
    const transfer = response.ok && response.value instanceof Uint8Array ? [response.value.buffer as ArrayBuffer] : [];
    try {
      answer(response, transfer);
    } catch (e) {
      // The value could not be sent (not cloneable): say so instead of leaving the request open.
      answer({ id: response.id, ok: false, error: toWireError(e) }, []);
    }
  };

  return (req) => {
    queue = queue
      .then(() => handle(req))
      .then(
        (value) => send({ id: req.id, ok: true, value }),
        (err: unknown) => send({ id: req.id, ok: false, error: toWireError(err) }),
      );
  };
}
