/**
 * The CLI's inputs as they are on disk: files named on the command line (any name: the bytes decide the
 * format), and folders walked recursively for the workbook types a county receives. What is left out is listed
 * with its reason; a subfolder that cannot be read is reported and its siblings are still walked; symbolic links
 * are followed once (a link back to a folder already walked is a loop, reported, not followed); a file over
 * 2 GB is "too large", not "not found".
 */
import * as fsSync from "node:fs";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { LoadError } from "../adapters/xlsx-file/load";
import type { InputError } from "../engine/model";
import { type Lang, t } from "../i18n";

/** An input file: its absolute path and the name shown to the user (as typed, or folder-relative). */
export interface InputFile {
  abs: string;
  shown: string;
}

export type SkipReason = "lockFile" | "reviewedCopy" | "unsupported" | "hidden" | "symlinkLoop" | "brokenLink";

export interface SkippedFile {
  file: string;
  reason: SkipReason;
}

/** Extensions a folder scan picks up (a file named on the command line is read whatever its name). */
export const WORKBOOK_EXTENSIONS = [".xlsx", ".xlsm", ".xls", ".et", ".ods", ".xlsb"];

/** Largest file read (Node cannot read more into one buffer; no form is anywhere near it). */
export const MAX_FILE_BYTES = 2 ** 31 - 1;

/** Our own reviewed copies ("评价结果-….xlsx", "Reviewed-….xlsx", "… reviewed.xlsx"): output, not input. */
const REVIEWED = /^(评价结果[-_－]|reviewed[-_ ])|[-_ ](评价结果|reviewed)\.[^.]+$/i;

function skipReason(name: string): SkipReason | null {
  if (name.startsWith("~$") || /^\.~lock\..*#$/.test(name)) return "lockFile";
  if (name.startsWith(".")) return "hidden";
  const ext = path.extname(name).toLowerCase();
  if (!WORKBOOK_EXTENSIONS.includes(ext)) return "unsupported";
  if (REVIEWED.test(name)) return "reviewedCopy";
  return null;
}

function errorCode(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException).code;
}

/** Expand files and folders (recursively) into workbook paths; unreadable paths become input errors. */
export async function expandInputs(inputs: string[], cwd: string, lang: Lang): Promise<{ files: InputFile[]; errors: InputError[]; skipped: SkippedFile[] }> {
  const files: InputFile[] = [];
  const errors: InputError[] = [];
  const skipped: SkippedFile[] = [];
  const walked = new Set<string>();

  const walk = async (dir: string, shownDir: string): Promise<number> => {
    let real: string;
    try {
      real = await fs.realpath(dir);
    } catch {
      real = dir;
    }
    if (walked.has(real)) {
      skipped.push({ file: shownDir, reason: "symlinkLoop" });
      return 0;
    }
    walked.add(real);
    let entries: fsSync.Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (e) {
      const code = errorCode(e) === "EACCES" || errorCode(e) === "EPERM" ? "denied" : "missing";
      errors.push({ file: shownDir, code: "folderUnreadable", message: t(lang, code === "denied" ? "load.folderDenied" : "load.folderUnreadable") });
      return 0;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    let found = 0;
    for (const e of entries) {
      const abs = path.join(dir, e.name);
      const shown = path.join(shownDir, e.name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        try {
          const st = await fs.stat(abs);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          skipped.push({ file: shown, reason: "brokenLink" });
          continue;
        }
      }
      if (isDir) {
        if (e.name.startsWith(".")) continue; // .git, .Trash: not submissions
        found += await walk(abs, shown);
        continue;
      }
      if (!isFile) continue;
      const reason = skipReason(e.name);
      if (reason) {
        // Hidden files (.DS_Store, Thumbs.db's kin) are named only when they look like workbooks.
        if (reason !== "hidden" || WORKBOOK_EXTENSIONS.includes(path.extname(e.name).toLowerCase())) skipped.push({ file: shown, reason });
        continue;
      }
      files.push({ abs, shown });
      found++;
    }
    return found;
  };

  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    let st: fsSync.Stats;
    try {
      st = await fs.stat(abs);
    } catch (e) {
      const code = errorCode(e) === "EACCES" ? "denied" : "missing";
      errors.push({ file: input, code, message: t(lang, code === "denied" ? "load.denied" : "load.missing") });
      continue;
    }
    if (st.isDirectory()) {
      const found = await walk(abs, input);
      if (found === 0 && !errors.some((x) => x.file === input)) errors.push({ file: input, code: "directoryEmpty", message: t(lang, "load.directoryEmpty") });
    } else files.push({ abs, shown: input });
  }
  const seen = new Set<string>();
  return { files: files.filter((f) => !seen.has(f.abs) && seen.add(f.abs)), errors, skipped };
}

function sizeText(bytes: number): string {
  return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
}

/** A file's bytes in one synchronous read (faster than fs.promises for the many small files of a county). */
export function readFileBytes(file: string, shown: string): Uint8Array {
  try {
    const fd = fsSync.openSync(file, "r");
    try {
      const size = fsSync.fstatSync(fd).size;
      if (size > MAX_FILE_BYTES) throw new LoadError("fileTooLarge", shown, sizeText(size));
      return fsSync.readFileSync(fd);
    } finally {
      fsSync.closeSync(fd);
    }
  } catch (e) {
    if (e instanceof LoadError) throw e;
    const code = errorCode(e);
    if (code === "ERR_FS_FILE_TOO_LARGE") throw new LoadError("fileTooLarge", shown, "> 2 GB");
    throw new LoadError(code === "EACCES" || code === "EBUSY" || code === "EPERM" ? "denied" : code === "EISDIR" ? "notXlsx" : "missing", shown);
  }
}
