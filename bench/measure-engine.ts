/**
 * In-process measurements over the corpus, with the product's own code (transpiled into bench/out):
 *
 *   preRead      every file read the way the CLI reads it (one synchronous read → readCells (sniff + the reader
 *                the bytes call for) → cellsToGrid), timed per stage; the grids are kept for the engine loop
 *   engineLoop   readWorkbook + check + planSheets over all pre-read grids, repeated for a stable median:
 *                engineProjectsPerSecond; plus a breakdown of check() (score, review matching, rules; and
 *                zod's Report.parse, which only the tests run now) and the slowest rules
 *   writeStage   --out of the first workbook: load it again, apply the corpus's SheetPlans, serialize
 */
import * as fsSync from "node:fs";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";
import ExcelJS from "exceljs";
import * as XLSX from "@e965/xlsx";
import { cellsToGrid } from "../src/adapters/xlsx-file/cells";
import { loadWorkbook } from "../src/adapters/xlsx-file/load";
import { readCells } from "../src/adapters/xlsx-file/read";
import { useCrc32 } from "../src/adapters/xlsx-file/zip";
import { applySheetPlans } from "../src/adapters/xlsx-file/write";
import { writeJson } from "../src/cli/json";
import { check } from "../src/engine";
import type { Grid } from "../src/engine/grid";
import { attachReviews } from "../src/engine/match";
import { type Report, Report as ReportSchema } from "../src/engine/model";
import { getProfile } from "../src/engine/profiles";
import { readWorkbook, type WorkbookReading } from "../src/engine/read";
import { RULES } from "../src/engine/rules";
import { runRules } from "../src/engine/rules/run";
import { scoreProject } from "../src/engine/score/project";
import { planSheets } from "../src/engine/summary";

const now = (): number => Number(process.hrtime.bigint()) / 1e6;

export function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export interface PreRead {
  inputs: { file: string; grids: Grid[] }[];
  /** Total milliseconds over all files. */
  stages: { readFile: number; load: number; grid: number };
  cells: number;
  sheets: number;
  bytes: number;
}

/** Read every file as the CLI does; `shown` is the name the CLI would print (relative to cwd). */
export async function preRead(files: { abs: string; shown: string }[]): Promise<PreRead> {
  const stages = { readFile: 0, load: 0, grid: 0 };
  const inputs: PreRead["inputs"] = [];
  let cells = 0;
  let sheets = 0;
  let bytes = 0;
  const crc = (zlib as { crc32?: (b: Uint8Array) => number }).crc32;
  if (crc) useCrc32((b) => crc(b));
  for (const f of files) {
    let t = now();
    const buf = new Uint8Array(fsSync.readFileSync(f.abs));
    stages.readFile += now() - t;
    bytes += buf.length;
    t = now();
    const book = await readCells(buf, f.shown, { sheetjs: () => XLSX });
    stages.load += now() - t;
    t = now();
    const grids = book.sheets.map((sc) => cellsToGrid(sc));
    stages.grid += now() - t;
    for (const g of grids) {
      sheets++;
      for (const row of g.values) cells += row.length;
    }
    inputs.push({ file: f.shown, grids });
  }
  return { inputs, stages, cells, sheets, bytes };
}

export interface EngineLoopOptions {
  /** Keep repeating until both hold (and at most maxIterations). */
  minIterations: number;
  minMs: number;
  maxIterations: number;
}

export interface EngineLoop {
  projects: number;
  goalTables: number;
  iterations: number;
  /** Median ms of one full pass (readWorkbook + check + planSheets over every file). */
  passMs: number;
  /** The spread of the passes' wall times (ms): on a shared machine the median moves with other tenants' load. */
  passMsSpread: { min: number; p25: number; median: number; p75: number; max: number };
  projectsPerSecond: number;
  /** The same by CPU time (user + system) of this process: less sensitive to other load on the machine. */
  cpuPassMs: number;
  projectsPerCpuSecond: number;
  /** Median ms per stage over the passes. */
  stages: { recognise: number; check: number; plan: number };
  /** Median ms of check()'s parts, measured in separate passes (see module comment). */
  checkParts: { score: number; match: number; rules: number; validate: number };
  /** Slowest rules (median ms over the corpus). */
  slowestRules: { rule: string; ms: number }[];
  /** ms to print the report as the CLI does (writeJson: JSON.stringify per element, streamed). */
  jsonMs: number;
  jsonBytes: number;
  findings: number;
  summary: Report["summary"];
  report: Report;
}

const PLAN_DATE = new Date(Date.UTC(2024, 3, 1));

export function engineLoop(inputs: PreRead["inputs"], opts: EngineLoopOptions): EngineLoop {
  const profile = getProfile("national");
  const passes: number[] = [];
  const cpuPasses: number[] = [];
  const rec: number[] = [];
  const chk: number[] = [];
  const pln: number[] = [];
  let report: Report | null = null;
  let readings: WorkbookReading[] = [];
  const started = now();
  while (passes.length < opts.maxIterations && (passes.length < opts.minIterations || now() - started < opts.minMs)) {
    const c0 = process.cpuUsage();
    const t0 = now();
    readings = inputs.map((i) => readWorkbook({ file: i.file, grids: i.grids }));
    const t1 = now();
    report = check(readings, { profile, lang: "zh" });
    const t2 = now();
    planSheets(report, { lang: "zh", now: PLAN_DATE });
    const t3 = now();
    const c = process.cpuUsage(c0);
    cpuPasses.push((c.user + c.system) / 1000);
    passes.push(t3 - t0);
    rec.push(t1 - t0);
    chk.push(t2 - t1);
    pln.push(t3 - t2);
  }
  const final = report!;
  const projects = final.summary.projects;
  const passMs = median(passes);
  const sorted = passes.slice().sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const passMsSpread = { min: sorted[0], p25: at(0.25), median: passMs, p75: at(0.75), max: sorted[sorted.length - 1] };
  const cpuPassMs = median(cpuPasses);

  // check()'s parts, the way check() runs them (src/engine/index.ts).
  const parts = { score: [] as number[], match: [] as number[], rules: [] as number[], validate: [] as number[] };
  const ruleMs = new Map<string, number[]>();
  const partRuns = 3;
  for (let k = 0; k < partRuns; k++) {
    let t = now();
    const scored = readings.flatMap((r) => r.projects).map((p) => scoreProject(p, profile));
    parts.score.push(now() - t);
    const reviews = readings.flatMap((r) => r.reviews);
    const sheets = readings.flatMap((r) => r.sheets);
    t = now();
    const { projects: attached, matches } = attachReviews(scored, reviews, profile);
    parts.match.push(now() - t);
    const run = { projects: attached, reviews, sheets, reviewMatches: matches };
    t = now();
    const findings = runRules(RULES, run, { profile, lang: "zh" });
    parts.rules.push(now() - t);
    t = now();
    ReportSchema.parse({ ...final, projects: attached, reviews, sheets, findings });
    parts.validate.push(now() - t);
    for (const rule of RULES) {
      const r0 = now();
      runRules([rule], run, { profile, lang: "zh" });
      const list = ruleMs.get(rule.id) ?? [];
      list.push(now() - r0);
      ruleMs.set(rule.id, list);
    }
  }
  const slowestRules = [...ruleMs]
    .map(([rule, xs]) => ({ rule, ms: median(xs) }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5);

  // As the CLI prints it: streamed by writeJson, piece by piece (the pieces are only counted here).
  const j0 = now();
  let jsonBytes = 0;
  writeJson(final, (s) => {
    jsonBytes += Buffer.byteLength(s);
  });
  const jsonMs = now() - j0;

  return {
    projects,
    goalTables: final.projects.length - projects,
    iterations: passes.length,
    passMs,
    passMsSpread,
    projectsPerSecond: (projects * 1000) / passMs,
    cpuPassMs,
    projectsPerCpuSecond: (projects * 1000) / cpuPassMs,
    stages: { recognise: median(rec), check: median(chk), plan: median(pln) },
    checkParts: { score: median(parts.score), match: median(parts.match), rules: median(parts.rules), validate: median(parts.validate) },
    slowestRules,
    jsonMs,
    jsonBytes,
    findings: final.findings.length,
    summary: final.summary,
    report: final,
  };
}

export interface WriteStage {
  file: string;
  load: number;
  apply: number;
  serialize: number;
  total: number;
  bytes: number;
  sheets: number;
}

/** --out with one input: the first workbook again, with the corpus's output sheets, serialized to bytes. */
export async function writeStage(file: { abs: string; shown: string }, report: Report): Promise<WriteStage> {
  const t0 = now();
  let t = t0;
  const wb = await loadWorkbook(ExcelJS, await fs.readFile(file.abs), file.shown);
  const load = now() - t;
  const plans = planSheets(report, { lang: "zh", now: PLAN_DATE });
  t = now();
  applySheetPlans(wb, plans);
  const apply = now() - t;
  t = now();
  const out = await wb.xlsx.writeBuffer();
  const serialize = now() - t;
  return { file: path.basename(file.abs), load, apply, serialize, total: load + apply + serialize, bytes: (out as ArrayBuffer).byteLength, sheets: wb.worksheets.length };
}

// ------------------------------------------------------------------------------------- reviewed copies (issue 13)

export interface ReviewedCopies {
  files: number;
  /** Milliseconds over all files: before = exceljs load + applySheetPlans + writeBuffer (the rebuilt workbook). */
  exceljsMs: number;
  /** After = the OOXML package editor (adapters/xlsx-file/package): the file's own bytes plus our parts. */
  packageMs: number;
  /** exceljsMs / packageMs. */
  speedup: number;
  /** The results workbook (output sheets alone, linking out) for the whole corpus. */
  resultsMs: number;
  bytesIn: number;
  bytesExceljs: number;
  bytesPackage: number;
}

/**
 * `bpr check bench/corpus --out-dir DIR`: each workbook's own reviewed copy, written the old way (exceljs rebuilds the
 * workbook) and the new way (the package edited), from the same bytes and the same plans (planned beforehand, not
 * timed), alternating file by file so both see the same machine load. Plus the corpus's results workbook.
 */
export async function reviewedCopies(files: { abs: string; shown: string }[], report: Report): Promise<ReviewedCopies> {
  const { addOutputSheets, onlyFile, resultsWorkbook } = await import("../src/adapters/xlsx-file/package");
  const out: ReviewedCopies = { files: files.length, exceljsMs: 0, packageMs: 0, speedup: 0, resultsMs: 0, bytesIn: 0, bytesExceljs: 0, bytesPackage: 0 };
  for (const [i, f] of files.entries()) {
    const bytes = new Uint8Array(await fs.readFile(f.abs));
    const plans = planSheets(onlyFile(report, f.shown), { lang: "zh", now: PLAN_DATE });
    out.bytesIn += bytes.byteLength;
    const viaExceljs = async () => {
      const t = now();
      const wb = await loadWorkbook(ExcelJS, bytes, f.shown);
      applySheetPlans(wb, plans, { file: f.shown });
      const b = (await wb.xlsx.writeBuffer()) as ArrayBuffer;
      out.exceljsMs += now() - t;
      out.bytesExceljs += b.byteLength;
    };
    const viaPackage = () => {
      const t = now();
      const b = addOutputSheets(bytes, plans, { file: f.shown }).bytes;
      out.packageMs += now() - t;
      out.bytesPackage += b.byteLength;
    };
    if (i % 2) {
      viaPackage();
      await viaExceljs();
    } else {
      await viaExceljs();
      viaPackage();
    }
  }
  const t = now();
  resultsWorkbook(planSheets(report, { lang: "zh", now: PLAN_DATE }), { fileTarget: (file) => file });
  out.resultsMs = now() - t;
  out.speedup = out.packageMs > 0 ? out.exceljsMs / out.packageMs : 0;
  return out;
}
