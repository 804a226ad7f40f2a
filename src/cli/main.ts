/**
 * bpr — batch checks over files and folders of submitted workbooks (SPEC §7).
 *
 *   bpr check <file|folder>... [--format table|json] [--out reviewed.xlsx] [--out-dir DIR] [--report 评价报告.docx] [--profile …] [--gap 10]
 *                              [--severe-gap 20] [--lang zh|en]
 *   bpr schema
 *
 * Exit 0: no error findings; 1: error findings; 2: usage error or a file that cannot be read (the other
 * files are still checked). Files are processed one at a time, so memory does not grow with their number.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { check, type CheckOptions } from "../engine";
import type { InputError, Report } from "../engine/model";
import { getProfile, isBuiltinProfile, profileErrorText } from "../engine/profiles/builtin";
import type { Profile } from "../engine/profiles/schema";
import { thresholdProblem } from "../engine/thresholds";
import type { WorkbookReading } from "../engine/read";
import { LoadError } from "../adapters/xlsx-file/load";
import { type BytesReading, readingFromBytes, type ReadNotice, type ReadOptions } from "../adapters/xlsx-file/read";
import { useCrc32 } from "../adapters/xlsx-file/zip";
import { type Lang, t } from "../i18n";
import { expandInputs, readFileBytes } from "./files";
import { writeJson } from "./json";
import { checkTargets, isAnInput, type ReadInput, splitOption, UsageError, writeAtomic, writeOutputs, writeReason } from "./output";
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
  outDir: string | null;
  /** Write 评价报告 as a Word document here. */
  report: string | null;
  profile: string;
  gap: number | null;
  severeGap: number | null;
  lang: Lang;
  /** --explain: print the reading map of every sheet after the table. */
  explain?: boolean;
}

function detectLang(argv: string[]): Lang {
  const i = argv.indexOf("--lang");
  const v = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith("--lang="))?.slice(7);
  if (v === "en") return "en";
  if (v === "zh") return "zh";
  return /^en/i.test(process.env.LANG ?? "") && !/zh/i.test(process.env.LANG ?? "") ? "en" : "zh";
}

function parseArgs(args: string[], lang: Lang): Options {
  const o: Options = { inputs: [], format: "table", out: null, outDir: null, report: null, profile: "national", gap: null, severeGap: null, lang };
  for (let i = 0; i < args.length; i++) {
    const { name: a, inline } = splitOption(args[i]);
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
      case "--explain":
        o.explain = true;
        break;
      case "--out-dir":
        o.outDir = value();
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


// Node's native CRC-32 (Node ≥ 20.15) checks each inflated part; older Nodes keep the JS one.
const zlibCrc = (zlib as { crc32?: (b: Uint8Array) => number }).crc32;
if (zlibCrc) useCrc32((b) => zlibCrc(b));

/** How the CLI reads: SheetJS is loaded only when an .xls / .et / .ods / .xlsb file comes. */
const READ: ReadOptions = { sheetjs: () => import("@e965/xlsx") };

/**
 * Bytes already read → the engine's reading, the format the bytes are in (xlsx, xlsm, xls, ods, xlsb) and what
 * was left out. The contract for "read once": the bytes that were checked are the bytes a writer may copy.
 */
export function readBytesForCheck(bytes: Uint8Array, shown: string, vocabulary?: Profile["vocabulary"]): Promise<BytesReading> {
  return readingFromBytes(bytes, shown, { ...READ, vocabulary });
}

/**
 * Read one file into the engine's reading: one synchronous read, then the reader that the bytes call for
 * (src/adapters/xlsx-file/read.ts readingFromBytes). Values left out of a sheet are passed to `onNotice`.
 * CONTRACT (issue 13, read once): the result carries the bytes that were read, and --out / --out-dir copy exactly
 * those bytes (src/cli/output.ts), never the file read again.
 */
export async function readFileForCheck(
  file: string,
  shown: string,
  onNotice?: (n: ReadNotice) => void,
  vocabulary?: Profile["vocabulary"],
): Promise<{ reading: WorkbookReading; bytes: Uint8Array }> {
  const bytes = readFileBytes(file, shown);
  const { reading, notices } = await readBytesForCheck(bytes, shown, vocabulary);
  if (onNotice) notices.forEach(onNotice);
  return { reading, bytes };
}

function errorMessage(e: unknown, lang: Lang): { code: string; message: string } {
  if (e instanceof LoadError) return { code: e.code, message: t(lang, e.messageKey, { reason: e.reason }) };
  return { code: "unreadable", message: t(lang, "load.unreadable", { reason: e instanceof Error ? e.message.split("\n")[0] : String(e) }) };
}

/** 评价报告 as .docx (adapters/docx, loaded only for --report), written like every output: temp file then rename. */
async function writeReportDocx(report: Report, out: string, lang: Lang): Promise<void> {
  const [{ reportDocument }, { reportDocx }] = await Promise.all([import("../engine/summary"), import("../adapters/docx/report")]);
  await writeAtomic(out, await reportDocx(reportDocument(report, { lang })), lang);
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
function checkIsolating<F>(readings: WorkbookReading[], readable: F[], errors: InputError[], opts: CheckOptions): Report {
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
    const reason = profileErrorText(e, lang);
    io.stderr(t(lang, "cli.profileError", { reason }));
    return 2;
  }
  // The same validation and message as the pane's settings (engine/thresholds.ts).
  const thresholds = thresholdProblem(opts.gap ?? profile.gap, opts.severeGap ?? profile.severeGap);
  if (thresholds) {
    io.stderr(t(lang, thresholds.key, thresholds.params));
    return 2;
  }
  await checkTargets({ out: opts.out, outDir: opts.outDir }, io.cwd, lang);
  const { files, errors, skipped } = await expandInputs(opts.inputs, io.cwd, lang);
  for (const f of skipped) io.stderr(t(lang, "cli.fileSkipped", { file: f.file, reason: t(lang, `skip.${f.reason}`) }));
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
  const readable: ReadInput[] = [];
  for (const { abs, shown } of files) {
    try {
      const notice = (n: ReadNotice) => io.stderr(t(lang, "cli.strayCells", { file: shown, sheet: n.sheet, cells: n.cells, cell: n.first }));
      const { reading, bytes } = await readFileForCheck(abs, shown, notice, profile.vocabulary);
      readings.push(reading);
      readable.push({ abs, shown, bytes });
    } catch (e) {
      const { code, message } = errorMessage(e, lang);
      errors.push({ file: shown, code, message });
    }
  }
  let report = checkIsolating(readings, readable, errors, { profile, lang, gap: opts.gap ?? undefined, severeGap: opts.severeGap ?? undefined });
  for (const e of errors) io.stderr(t(lang, "cli.fileError", { file: e.file, reason: e.message }));
  report = { ...report, inputErrors: errors };
  // The copies are written from the bytes that were checked (read once).
  const written = await writeOutputs(report, readable, { out: opts.out, outDir: opts.outDir }, io.cwd, lang);
  let writeFailed = written.failed;
  if (reportAbs && opts.report) {
    try {
      await writeReportDocx(report, reportAbs, lang);
      written.messages.push(t(lang, "cli.wroteReport", { file: reportAbs }));
    } catch (e) {
      writeFailed = true;
      written.messages.push(t(lang, "cli.writeFailed", { file: opts.report, reason: writeReason(e, lang) }));
    }
  }
  // JSON is streamed when the Io can write without a newline: the whole document is never one string.
  if (opts.format === "json" && io.write) writeJson(report, io.write);
  else if (opts.format === "json") io.stdout(JSON.stringify(report, null, 2));
  else io.stdout(renderTable(report, lang));
  if (opts.explain && opts.format !== "json") io.stdout((await import("./explain")).renderExplain(report, lang));
  // Last, so the user sees where the reviewed copy is.
  for (const m of written.messages) io.stderr(m);
  if (errors.length > 0 || writeFailed) return 2;
  return report.summary.errors > 0 ? 1 : 0;
}

/** How the reviewer's commands read files and profiles: the same as bpr check. */
const reviewDeps = (cwd: string) => ({
  read: async (abs: string, shown: string): Promise<WorkbookReading> => (await readFileForCheck(abs, shown)).reading,
  profile: (spec: string): Promise<Profile> => loadProfileSpec(spec, cwd),
});

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
      case "sample":
        return await (await import("./review")).runSample(rest, lang, io, reviewDeps(io.cwd));
      case "review-forms":
        return await (await import("./review")).runReviewForms(rest, lang, io, reviewDeps(io.cwd));
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
