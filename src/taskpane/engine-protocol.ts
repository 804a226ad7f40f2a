/**
 * The messages between the task pane and its engine worker (src/taskpane/engine-worker.ts), and how an error
 * crosses the boundary. Everything sent is plain data (grids, readings, reports, sheet plans, template plans:
 * strings, numbers, booleans, null, arrays and plain objects; a file's bytes as a Uint8Array), so structured
 * clone copies it exactly.
 *
 * File mode's downloads are built here too: `reviewed` (the picked files reloaded, the output sheets added) and
 * `templates` (the blank forms) answer the .xlsx bytes. The picked files' bytes are copied to the worker (the
 * pane keeps them for the next download); the answer's bytes are transferred back (their ArrayBuffer is moved,
 * not copied: the worker has no further use for them).
 *
 * Readings the worker produced stay in the worker too, under a number (`ref`): a check sends the numbers of
 * readings the worker still holds instead of copying them back. A check forgets every reading it does not
 * name (messages are handled in order, so a reading made before a check and left out of it is no longer
 * wanted); a check naming a reading the worker no longer has is answered `missing-reading`, and the pane sends
 * the readings themselves.
 */
import type { Grid } from "../engine/grid";
import type { CellRow } from "../engine/cell-row";
import type { Report } from "../engine/model";
import type { WorkbookReading } from "../engine/read";
import type { JobName, JobResult } from "./engine-jobs";
import type { ProfileRef } from "./check-profile";
import type { Lang } from "./lang";
import type { CustomProfile, ProfileName } from "./settings";

/**
 * What a check depends on besides the readings: a built-in profile by name, or "custom" with the imported
 * profile's text (validated again where the check runs, by the CLI's loader: engine/profiles loadProfile).
 */
export interface CheckSettings {
  profile: ProfileName;
  custom?: CustomProfile | null;
  lang: Lang;
  gap: number;
  severeGap: number;
}

/** A reading in a check request: the worker's own (by number), or the reading itself. */
export type ReadingArg = { ref: number } | { reading: WorkbookReading };

export type EngineRequest =
  /** `profile`: whose vocabulary extension the reader uses (a county's own labels); absent, the built-in one. */
  | { id: number; op: "read"; file: string; grids: Grid[]; profile?: ProfileRef }
  | { id: number; op: "readFile"; name: string; bytes: Uint8Array; profile?: ProfileRef }
  | { id: number; op: "prepareFiles" }
  | { id: number; op: "check"; readings: ReadingArg[]; settings: CheckSettings }
  /** One of the stateless jobs of engine-jobs.ts, by name, with its arguments. */
  | { id: number; op: "job"; name: JobName; args: unknown[] }
  | { id: number; op: "cellRow"; file: string; sheet: string; cell: string };

/** A reading as the worker answers it: the reading and the number it keeps it under. */
export interface ReadingResult {
  reading: WorkbookReading;
  ref: number;
}

/** Answers: a reading, a report, a cell's row, a job's answer (sheet plans, a built workbook's bytes…), or nothing (prepareFiles). */
export type EngineResult = ReadingResult | Report | CellRow | JobResult<JobName> | null;

export type EngineResponse = { id: number; ok: true; value: EngineResult } | { id: number; ok: false; error: WireError };

/** An error as it crosses the boundary: its name and first line, and the fields the pane's messages use. */
export interface WireError {
  name: string;
  message: string;
  code?: string;
  file?: string;
  reason?: string;
  sheet?: string;
}

const FIELDS = ["code", "file", "reason", "sheet"] as const;

/** An error (anything thrown) as plain data: no stack, the message's first line only. */
export function toWireError(e: unknown): WireError {
  const err = e instanceof Error ? e : new Error(String(e));
  const out: WireError = { name: err.name || "Error", message: String(err.message ?? "").split("\n")[0].slice(0, 500) };
  const fields = err as unknown as Record<string, unknown>;
  for (const f of FIELDS) {
    const v = fields[f];
    if (typeof v === "string") out[f] = v;
  }
  return out;
}

/** The error back on the pane's side: an Error with the same name and fields (LoadError, HostError… checks hold). */
export function fromWireError(w: WireError): Error {
  const e = new Error(w.message);
  e.name = w.name;
  const target = e as unknown as Record<string, unknown>;
  for (const f of FIELDS) if (w[f] !== undefined) target[f] = w[f];
  return e;
}

/** The code the worker answers when a check names a reading it no longer holds. */
export const MISSING_READING = "missing-reading";
