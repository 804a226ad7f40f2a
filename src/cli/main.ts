/**
 * bpr — batch checks over files and folders of submitted workbooks (SPEC §7).
 *
 *   bpr check <file|folder>... [--format table|json] [--out reviewed.xlsx] [--report 评价报告.docx] [--profile …] [--gap 10]
 *                              [--severe-gap 20] [--lang zh|en]
 *   bpr schema
 *
 * Exit 0: no error findings; 1: error findings; 2: usage error or a file that cannot be read (the other
 * files are still checked). Files are processed one at a time, so memory does not grow with their number.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { check, type CheckOptions } from "../engine";
import type { InputError, Report } from "../engine/model";
import { getProfile, isBuiltinProfile, ProfileError } from "../engine/profiles/builtin";
import type { Profile } from "../engine/profiles/schema";
import type { Grid } from "../engine/grid";
import { readSheet, readWorkbook, type WorkbookReading } from "../engine/read";
import { RECOGNITION_ROWS } from "../engine/read/sheet";
import { planSheets } from "../engine/summary";
import { appendWorkbook, renameLocations, type SheetRename } from "../adapters/xlsx-file/combine";
import { worksheetToGrid } from "../adapters/xlsx-file/grid";
import { LoadError, loadWorkbook } from "../adapters/xlsx-file/load";
import { applySheetPlans } from "../adapters/xlsx-file/write";
import { type Lang, t } from "../i18n";
import { writeJson } from "./json";
import { renderTable } from "./table";

export interface Io {
  /** A line of output (the newline is added by the Io). */
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /**
   * Output text as it is, no newline added. When present, `--format json` streams its document through it piece
   * by piece (src/cli/json.ts) instead of building it as one string for `stdout`: memory then does not grow with
   * the size of the report.
   */
  write?: (s: string) => void;
  cwd: string;
}

interface Options {
  inputs: string[];
  format: "table" | "json";
  out: string | null;
  /** Write 评价报告 as a Word document here. */
  report: string | null;
  profile: string;
  gap: number | null;
  severeGap: number | null;
  lang: Lang;
}

class UsageError extends Error {}

function detectLang(argv: string[]): Lang {
  const i = argv.indexOf("--lang");
  const v = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith("--lang="))?.slice(7);
  if (v === "en") return "en";
  if (v === "zh") return "zh";
  return /^en/i.test(process.env.LANG ?? "") && !/zh/i.test(process.env.LANG ?? "") ? "en" : "zh";
}

function parseArgs(args: string[], lang: Lang): Options {
  const o: Options = { inputs: [], format: "table", out: null, report: null, profile: "national", gap: null, severeGap: null, lang };
  for (let i = 0; i < args.length; i++) {
    let a = args[i];
    let inline: string | undefined;
    if (a.startsWith("--") && a.includes("=")) {
      inline = a.slice(a.indexOf("=") + 1);
      a = a.slice(0, a.indexOf("="));
    }
    const value = (): string => {
      const v = inline ?? args[++i];
      if (v === undefined || (inline === undefined && v.startsWith("--"))) throw new UsageError(t(lang, "cli.missingValue", { option: a }));
      return v;
    };
    const number = (): number => {
      const v = value();
      const n = Number(v);
      if (!Number.isFinite(n) || n < 0) throw new UsageError(t(lang, "cli.badValue", { option: a, value: v }));
      return n;
    };
    switch (a) {
      case "--format": {
        const v = value();
        if (v !== "table" && v !== "json") throw new UsageError(t(lang, "cli.badValue", { option: a, value: v }));
        o.format = v;
        break;
      }
      case "--out":
        o.out = value();
        break;
      case "--report":
        o.report = value();
        break;
      case "--profile":
        o.profile = value();
        break;
      case "--gap":
        o.gap = number();
        break;
      case "--severe-gap":
        o.severeGap = number();
        break;
      case "--lang": {
        const v = value();
        if (v !== "zh" && v !== "en") throw new UsageError(t(lang, "cli.badValue", { option: a, value: v }));
        o.lang = v;
        break;
      }
      default:
        if (a.startsWith("-") && a !== "-") throw new UsageError(t(lang, "cli.unknownOption", { option: a }));
        o.inputs.push(a);
    }
  }
  if (o.inputs.length === 0) throw new UsageError(t(lang, "cli.noInput"));
  return o;
}

async function loadProfileSpec(spec: string, cwd: string): Promise<Profile> {
  if (isBuiltinProfile(spec)) return getProfile(spec);
  let text: string;
  try {
    text = await fs.readFile(path.resolve(cwd, spec), "utf8");
  } catch {
    return getProfile(spec); // throws a ProfileError naming the built-ins
  }
  // The loader validates with zod, which a run with a built-in profile never loads (~50 ms of every start).
  const { loadProfile } = await import("../engine/profiles");
  return loadProfile(text, spec);
}

/** An input file: its absolute path and the name shown to the user (as typed, or folder-relative). */
interface InputFile {
  abs: string;
  shown: string;
}

/** Expand files and folders (recursively) into .xlsx paths; missing paths become input errors. */
async function expandInputs(inputs: string[], cwd: string, lang: Lang): Promise<{ files: InputFile[]; errors: InputError[] }> {
  const files: InputFile[] = [];
  const errors: InputError[] = [];
  const walk = async (dir: string, shownDir: string): Promise<InputFile[]> => {
    const out: InputFile[] = [];
    const entries = await fs.readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      if (e.name.startsWith(".")) continue;
      const abs = path.join(dir, e.name);
      const shown = path.join(shownDir, e.name);
      if (e.isDirectory()) out.push(...(await walk(abs, shown)));
      else if (e.isFile() && /\.xlsx$/i.test(e.name) && !e.name.startsWith("~$")) out.push({ abs, shown });
    }
    return out;
  };
  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    try {
      const st = await fs.stat(abs);
      if (st.isDirectory()) {
        const found = await walk(abs, input);
        if (found.length === 0) errors.push({ file: input, code: "directoryEmpty", message: t(lang, "load.directoryEmpty") });
        files.push(...found);
      } else files.push({ abs, shown: input });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code === "EACCES" ? "denied" : "missing";
      errors.push({ file: input, code, message: t(lang, code === "denied" ? "load.denied" : "load.missing") });
    }
  }
  const seen = new Set<string>();
  return { files: files.filter((f) => !seen.has(f.abs) && seen.add(f.abs)), errors };
}

async function readBytes(file: string, shown: string): Promise<Uint8Array> {
  try {
    return await fs.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new LoadError(code === "EACCES" || code === "EBUSY" || code === "EPERM" ? "denied" : code === "EISDIR" ? "notXlsx" : "missing", shown);
  }
}

/** Read one file into the engine's reading (the workbook is dropped right after). */
export async function readFileForCheck(file: string, shown: string): Promise<WorkbookReading> {
  const bytes = await readBytes(file, shown);
  const wb = await loadWorkbook(ExcelJS, bytes, shown);
  return readWorkbook({ file: shown, grids: wb.worksheets.map((ws) => gridForCheck(ws, shown)) });
}

/**
 * A sheet's Grid for checking. The reader decides what a sheet is from the RECOGNITION_ROWS rows below its first
 * used row (and the row after them, for two-row headers), so a Grid of those rows is built first: a sheet that is
 * no template (a 100,000-row ledger) or one of the product's own output sheets keeps that short Grid, and only a
 * recognised sheet is built in full. (No fixed cap: stacked forms can run past 25,000 rows.)
 */
export function gridForCheck(ws: ExcelJS.Worksheet, shown: string): Grid {
  const reach = RECOGNITION_ROWS + 2; // rows from the first used row that readSheet looks at before deciding
  let short = worksheetToGrid(ws, { maxRows: reach });
  // Nothing in the first rows (the adapter then sets no totalRows): where the sheet starts is not known yet.
  if (short.values.length === 0) return worksheetToGrid(ws);
  if (short.totalRows === undefined) return short; // the whole sheet already
  if (short.top > 0) {
    short = worksheetToGrid(ws, { maxRows: short.top + reach }); // maxRows counts from row 1
    if (short.totalRows === undefined) return short;
  }
  const kind = readSheet(short, shown).kind;
  return kind === "unrecognized" || kind === "output" ? short : worksheetToGrid(ws);
}

function errorMessage(e: unknown, lang: Lang): { code: string; message: string } {
  if (e instanceof LoadError) return { code: e.code, message: t(lang, e.messageKey, { reason: e.reason }) };
  return { code: "unreadable", message: t(lang, "load.unreadable", { reason: e instanceof Error ? e.message.split("\n")[0] : String(e) }) };
}

/** Write the reviewed copy: inputs (one, or all combined) + output sheets; temp file then rename. */
async function writeReviewed(report: Report, files: { abs: string; shown: string }[], out: string, lang: Lang): Promise<Report> {
  let wb: InstanceType<typeof ExcelJS.Workbook>;
  let renamed = report;
  if (files.length === 1) {
    wb = await loadWorkbook(ExcelJS, await readBytes(files[0].abs, files[0].shown), files[0].shown);
  } else {
    wb = new ExcelJS.Workbook();
    const renames: SheetRename[] = [];
    for (const f of files) {
      const src = await loadWorkbook(ExcelJS, await readBytes(f.abs, f.shown), f.shown);
      renames.push(...appendWorkbook(wb, src, f.shown, true));
    }
    renamed = renameLocations(report, renames);
  }
  applySheetPlans(wb, planSheets(renamed, { lang }));
  const dir = path.dirname(out);
  const tmp = path.join(dir, `.${path.basename(out)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await wb.xlsx.writeFile(tmp);
    await fs.rename(tmp, out);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
  return renamed;
}

/** 评价报告 as .docx (adapters/docx, loaded only for --report): temp file then rename, so a failure leaves nothing. */
async function writeReportDocx(report: Report, out: string, lang: Lang): Promise<void> {
  const [{ reportDocument }, { reportDocx }] = await Promise.all([import("../engine/summary"), import("../adapters/docx/report")]);
  const bytes = await reportDocx(reportDocument(report, { lang }));
  const tmp = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, out);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}

/**
 * Is `out` one of the inputs? Same path, or the same file on disk: a hard link, a symlink, or another
 * spelling on a case-insensitive file system ("X.xlsx" is "x.xlsx" on Windows and macOS).
 */
async function isAnInput(out: string, files: InputFile[]): Promise<boolean> {
  if (files.some((f) => f.abs === out)) return true;
  const st = await fs.stat(out).catch(() => null);
  if (!st || !st.isFile() || st.ino === 0) return false;
  for (const f of files) {
    const s = await fs.stat(f.abs).catch(() => null);
    if (s && s.ino === st.ino && s.dev === st.dev) return true;
  }
  return false;
}

/** The first line a user can read from an engine failure (a ZodError's message starts with "["). */
function engineReason(e: unknown): string {
  const issues = (e as { issues?: { path?: unknown[]; message?: string }[] }).issues;
  if (Array.isArray(issues) && issues.length) return `${(issues[0].path ?? []).join(".")}: ${issues[0].message ?? ""}`;
  return e instanceof Error ? e.message.split("\n")[0] : String(e);
}

/**
 * check() over every reading. When the engine fails, each file is checked alone to find the ones that make
 * it fail; those are named as input errors (and dropped from the reviewed copy) and the others are still
 * checked together, so one odd workbook never loses the whole run.
 */
function checkIsolating(readings: WorkbookReading[], readable: InputFile[], errors: InputError[], opts: CheckOptions): Report {
  try {
    return check(readings, opts);
  } catch {
    // Find the culprits below.
  }
  const lang = opts.lang ?? "zh";
  const kept: number[] = [];
  readings.forEach((r, i) => {
    try {
      check([r], opts);
      kept.push(i);
    } catch (e) {
      errors.push({ file: r.file, code: "internal", message: t(lang, "cli.engineError", { reason: engineReason(e) }) });
    }
  });
  const keptReadable = kept.map((i) => readable[i]);
  readable.splice(0, readable.length, ...keptReadable);
  return check(kept.map((i) => readings[i]), opts);
}

async function runCheck(opts: Options, io: Io): Promise<number> {
  const lang = opts.lang;
  let profile: Profile;
  try {
    profile = await loadProfileSpec(opts.profile, io.cwd);
  } catch (e) {
    const reason = e instanceof ProfileError ? e.format(lang) : (e as Error).message;
    io.stderr(t(lang, "cli.profileError", { reason }));
    return 2;
  }
  const { files, errors } = await expandInputs(opts.inputs, io.cwd, lang);
  const outAbs = opts.out ? path.resolve(io.cwd, opts.out) : null;
  if (outAbs && (await isAnInput(outAbs, files))) {
    io.stderr(t(lang, "cli.outSameAsInput", { file: opts.out }));
    return 2;
  }
  const reportAbs = opts.report ? path.resolve(io.cwd, opts.report) : null;
  if (reportAbs && (await isAnInput(reportAbs, files))) {
    io.stderr(t(lang, "cli.reportSameAsInput", { file: opts.report }));
    return 2;
  }
  const readings: WorkbookReading[] = [];
  const readable: InputFile[] = [];
  for (const { abs, shown } of files) {
    try {
      readings.push(await readFileForCheck(abs, shown));
      readable.push({ abs, shown });
    } catch (e) {
      const { code, message } = errorMessage(e, lang);
      errors.push({ file: shown, code, message });
    }
  }
  let report = checkIsolating(readings, readable, errors, { profile, lang, gap: opts.gap ?? undefined, severeGap: opts.severeGap ?? undefined });
  for (const e of errors) io.stderr(t(lang, "cli.fileError", { file: e.file, reason: e.message }));
  report = { ...report, inputErrors: errors };
  let writeFailed = false;
  let wrote: string | null = null;
  if (outAbs && readable.length > 0) {
    try {
      await writeReviewed(report, readable, outAbs, lang);
      const spot = report.projects.some((p) => p.review) || report.reviews.length ? (lang === "zh" ? "“抽查复核”" : ", 抽查复核") : "";
      wrote = t(lang, "cli.wrote", { file: outAbs, spot });
    } catch (e) {
      writeFailed = true;
      io.stderr(t(lang, "cli.writeFailed", { file: opts.out, reason: e instanceof Error ? e.message.split("\n")[0] : String(e) }));
    }
  }
  if (reportAbs && opts.report) {
    try {
      await writeReportDocx(report, reportAbs, lang);
      wrote = [wrote, t(lang, "cli.wroteReport", { file: reportAbs })].filter(Boolean).join("\n");
    } catch (e) {
      writeFailed = true;
      io.stderr(t(lang, "cli.writeFailed", { file: opts.report, reason: e instanceof Error ? e.message.split("\n")[0] : String(e) }));
    }
  }
  // JSON is streamed when the Io can write without a newline: the whole document is never one string.
  if (opts.format === "json" && io.write) writeJson(report, io.write);
  else if (opts.format === "json") io.stdout(JSON.stringify(report, null, 2));
  else io.stdout(renderTable(report, lang));
  // Last, so the user sees where the reviewed copy is.
  if (wrote) io.stderr(wrote);
  if (errors.length > 0 || writeFailed) return 2;
  return report.summary.errors > 0 ? 1 : 0;
}

export async function main(argv: string[], io: Io): Promise<number> {
  const lang = detectLang(argv);
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case "--help":
      case "-h":
      case "help":
        io.stdout(t(lang, "cli.usage"));
        return command === undefined ? 2 : 0;
      case "--version":
      case "-v":
        io.stdout(packageVersion());
        return 0;
      case "schema":
        io.stdout(JSON.stringify((await import("../engine/model")).reportJsonSchema(), null, 2));
        return 0;
      case "check":
        return await runCheck(parseArgs(rest, lang), io);
      case "demo": {
        // The bundled sample, checked and written to demo-reviewed.xlsx; its findings are the point of the
        // demo, so only a failure to read or write is a failing exit.
        const sample = path.resolve(__dirname, "..", "..", "assets", "samples", "demo.xlsx");
        const rel = path.relative(io.cwd, sample);
        const opts = parseArgs([rel.startsWith("..") ? sample : rel, "--out", "demo-reviewed.xlsx", ...rest], lang);
        const code = await runCheck(opts, io);
        return code === 1 ? 0 : code;
      }
      default:
        throw new UsageError(t(lang, "cli.unknownCommand", { command }));
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`${e.message}\n\n${t(lang, "cli.usage")}`);
      return 2;
    }
    io.stderr(t(lang, "load.unreadable", { reason: e instanceof Error ? e.message.split("\n")[0] : String(e) }));
    return 2;
  }
}

/** The version in package.json (lib/cli/main.js and src/cli/main.ts both sit two folders below it). */
function packageVersion(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(path.join(__dirname, "..", "..", "package.json")) as { version: string }).version;
}

/** Entry point for bin/bpr.js. */
export function run(): void {
  const io: Io = {
    stdout: (s) => process.stdout.write(`${s}\n`),
    stderr: (s) => process.stderr.write(`${s}\n`),
    write: (s) => {
      process.stdout.write(s);
    },
    cwd: process.cwd(),
  };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
