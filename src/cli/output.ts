/**
 * What `bpr check` writes (issue 13): `--out FILE` and `--out-dir DIR`.
 *
 * - One input that is an OOXML package (.xlsx/.xlsm) and `--out`: its reviewed copy — the very bytes that were
 *   checked, with the output sheets added (adapters/xlsx-file/package). An .xlsm gives an .xlsm.
 * - Several inputs (or one in another format: .xls/.et/.ods/.xlsb, which cannot be edited as OOXML) and `--out`: the
 *   results workbook — the output sheets alone, each link opening the source file at the finding's cell, with a
 *   path relative to the results file (the folder can be moved or zipped and mailed as a whole).
 * - `--out-dir DIR`: each OOXML input's own reviewed copy in DIR under its own file name.
 *
 * Every file is written to a temporary file beside it and renamed into place; the temporary file is removed on
 * every error path and on SIGINT/SIGTERM. Failures are explained from the catalogue (never errno text, never the
 * temporary path). Usage errors (exit 2, before anything is read): an empty value, `--out` naming a folder or a file
 * that is not .xlsx/.xlsm, `--out-dir` naming a file.
 */
import { promises as fs, rmSync } from "node:fs";
import * as path from "node:path";
import { addOutputSheets, isZipError, onlyFile, resultsWorkbook } from "../adapters/xlsx-file/package";
import { sniff } from "../adapters/xlsx-file/load";
import type { Report } from "../engine/model";
import { planSheets } from "../engine/summary";
import { type Lang, type MessageKey, t } from "../i18n";

export class UsageError extends Error {}

/** An input that was read: where it is, the name shown, and the bytes that were checked. */
export interface ReadInput {
  abs: string;
  shown: string;
  bytes: Uint8Array;
}

export interface OutputTargets {
  out: string | null;
  outDir: string | null;
}

const WRITABLE = /\.(xlsx|xlsm)$/i;

/** Refuse what cannot be right before anything is read (usage errors, exit 2). */
export async function checkTargets(o: OutputTargets, cwd: string, lang: Lang): Promise<void> {
  if (o.out !== null) {
    if (o.out.trim() === "") throw new UsageError(t(lang, "out.empty", { option: "--out" }));
    const abs = path.resolve(cwd, o.out);
    const st = await fs.stat(abs).catch(() => null);
    if ((st && st.isDirectory()) || /[\\/]$/.test(o.out)) throw new UsageError(t(lang, "out.isDirectory", { file: o.out }));
    if (!WRITABLE.test(o.out)) throw new UsageError(t(lang, "out.badExtension", { file: o.out }));
  }
  if (o.outDir !== null) {
    if (o.outDir.trim() === "") throw new UsageError(t(lang, "cli.missingValue", { option: "--out-dir" }));
    const st = await fs.stat(path.resolve(cwd, o.outDir)).catch(() => null);
    if (st && !st.isDirectory()) throw new UsageError(t(lang, "out.dirIsFile", { file: o.outDir }));
  }
}

/** Can these bytes be edited as an OOXML spreadsheet package? (.xls/.ods/.xlsb/… cannot.) */
export function isPackage(bytes: Uint8Array): boolean {
  return sniff(bytes) === null;
}

// ---------------------------------------------------------------------------------------------- temp files

const temps = new Set<string>();
let handlersOn = 0;
let exit: (code: number) => void = (code) => process.exit(code);
const onSignal = (signal: NodeJS.Signals): void => {
  removeTemps();
  process.stderr.write(`${t(signalLang, "out.interrupted")}\n`);
  exit(signal === "SIGINT" ? 130 : 143);
};

/** Tests only: what the signal handler calls instead of process.exit. Returns the previous one. */
export function setExitForTests(fn: (code: number) => void): (code: number) => void {
  const was = exit;
  exit = fn;
  return was;
}
let signalLang: Lang = "zh";

function removeTemps(): void {
  for (const f of temps) {
    try {
      rmSync(f, { force: true });
    } catch {
      // Nothing more can be done here.
    }
  }
  temps.clear();
}

function guard(lang: Lang): () => void {
  signalLang = lang;
  if (handlersOn++ === 0) {
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
  }
  return () => {
    if (--handlersOn === 0) {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
    }
  };
}

/** Temporary files this process has open right now (for tests). */
export function pendingTemps(): string[] {
  return [...temps];
}

/** Write bytes to `file` through a temporary file in the same folder; nothing is left behind on failure. */
export async function writeAtomic(file: string, bytes: Uint8Array, lang: Lang = signalLang): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  const release = guard(lang);
  temps.add(tmp);
  try {
    await fs.writeFile(tmp, bytes, { flag: "wx" });
    await fs.rename(tmp, file);
  } finally {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    temps.delete(tmp);
    release();
  }
}

/** A write failure in the user's words: no errno text, no internal path. */
export function writeReason(e: unknown, lang: Lang): string {
  if (isZipError(e)) return t(lang, "out.reason.package", { reason: (e as Error).message.slice(0, 80) });
  const code = (e as NodeJS.ErrnoException | null)?.code;
  const key: MessageKey =
    code === "ENOENT" || code === "ENOTDIR"
      ? "out.reason.noFolder"
      : code === "EACCES" || code === "EPERM"
        ? "out.reason.denied"
        : code === "EBUSY" || code === "ETXTBSY"
          ? "out.reason.busy"
          : code === "ENOSPC" || code === "EDQUOT"
            ? "out.reason.noSpace"
            : code === "EROFS"
              ? "out.reason.readOnly"
              : code === "EISDIR" || code === "EEXIST"
                ? "out.reason.isDirectory"
                : code === "ENAMETOOLONG"
                  ? "out.reason.nameTooLong"
                  : "out.reason.other";
  return t(lang, key);
}

// ---------------------------------------------------------------------------------------------- writing

export interface WriteOutcome {
  /** Lines to show once the report is printed ("wrote …"), and notices. */
  messages: string[];
  /** Something could not be written (exit 2). */
  failed: boolean;
}

/** Is `out` one of the inputs (same path, or the same file on disk: hard link, symlink, other spelling)? */
export async function isAnInput(out: string, files: { abs: string }[]): Promise<boolean> {
  if (files.some((f) => f.abs === out)) return true;
  const st = await fs.stat(out).catch(() => null);
  if (!st || !st.isFile() || st.ino === 0) return false;
  for (const f of files) {
    const s = await fs.stat(f.abs).catch(() => null);
    if (s && s.ino === st.ino && s.dev === st.dev) return true;
  }
  return false;
}

function unique(name: string, taken: Set<string>): string {
  const ext = path.extname(name);
  const stem = name.slice(0, name.length - ext.length);
  let candidate = name;
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) candidate = `${stem}(${i})${ext}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/**
 * Write what --out / --out-dir ask for, from the bytes that were checked. `shownOut` is --out as typed (messages
 * name it, never a temporary path).
 */
export async function writeOutputs(
  report: Report,
  inputs: ReadInput[],
  targets: OutputTargets,
  cwd: string,
  lang: Lang,
): Promise<WriteOutcome> {
  const messages: string[] = [];
  let failed = false;
  if (inputs.length === 0 || (targets.out === null && targets.outDir === null)) return { messages, failed };
  const release = guard(lang);
  try {
    const plans = planSheets(report, { lang });
    const fail = (file: string, e: unknown): void => {
      failed = true;
      messages.push(t(lang, "cli.writeFailed", { file, reason: writeReason(e, lang) }));
    };

    if (targets.out !== null) {
      const outAbs = path.resolve(cwd, targets.out);
      const one = inputs.length === 1 ? inputs[0] : null;
      try {
        if (one && isPackage(one.bytes)) {
          const res = addOutputSheets(one.bytes, plans, { file: one.shown });
          const xlsm = /\.xlsm$/i.test(outAbs);
          if (res.macroEnabled !== xlsm) {
            failed = true;
            messages.push(t(lang, res.macroEnabled ? "out.needsXlsm" : "out.needsXlsx", { input: one.shown, file: targets.out }));
          } else {
            await writeAtomic(outAbs, res.bytes);
            messages.push(t(lang, "cli.wrote", { file: outAbs, spot: spotLabel(report, lang) }));
          }
        } else {
          if (one) messages.push(t(lang, "out.notPackage", { input: one.shown }));
          const byShown = new Map(inputs.map((f) => [f.shown, f.abs]));
          const from = path.dirname(outAbs);
          const res = resultsWorkbook(plans, {
            fileTarget: (file) => {
              const abs = byShown.get(file);
              return abs ? path.relative(from, abs).split(path.sep).join("/") : null;
            },
          });
          await writeAtomic(outAbs, res.bytes);
          messages.push(t(lang, "out.wroteResults", { file: outAbs, count: inputs.length }));
        }
      } catch (e) {
        fail(targets.out, e);
      }
    }

    if (targets.outDir !== null) {
      const dir = path.resolve(cwd, targets.outDir);
      try {
        await fs.mkdir(dir, { recursive: true });
      } catch (e) {
        fail(targets.outDir, e);
        return { messages, failed };
      }
      const taken = new Set<string>();
      for (const f of inputs) {
        if (!isPackage(f.bytes)) {
          messages.push(t(lang, "out.copySkipped", { input: f.shown }));
          continue;
        }
        const target = path.join(dir, unique(path.basename(f.abs), taken));
        const shownTarget = path.join(targets.outDir, path.basename(target));
        if (await isAnInput(target, inputs)) {
          failed = true;
          messages.push(t(lang, "out.sameAsInput", { file: shownTarget }));
          continue;
        }
        try {
          const own = planSheets(onlyFile(report, f.shown), { lang });
          const res = addOutputSheets(f.bytes, own, { file: f.shown });
          await writeAtomic(target, res.bytes);
          messages.push(t(lang, "out.wroteCopy", { file: shownTarget }));
        } catch (e) {
          fail(shownTarget, e);
        }
      }
    }
  } finally {
    removeTemps();
    release();
  }
  return { messages, failed };
}

function spotLabel(report: Report, lang: Lang): string {
  return report.projects.some((p) => p.review) || report.reviews.length ? (lang === "zh" ? "“抽查复核”" : ", 抽查复核") : "";
}

/** "--name=value" → its name and inline value; any other argument as it is (no inline value). */
export function splitOption(arg: string): { name: string; inline: string | undefined } {
  const eq = arg.indexOf("=");
  return arg.startsWith("--") && eq > 0 ? { name: arg.slice(0, eq), inline: arg.slice(eq + 1) } : { name: arg, inline: undefined };
}
