/**
 * The reviewer's commands (issue 16):
 *
 *   bpr sample <file|folder>... --rate 20% [--strata grade|department|amount] [--min-per-department 1] [--seed N]
 *              [--must "名称或编码"]... [--all-above 万元] [--out 抽查名单.xlsx] [--overwrite] [--profile …] [--lang zh|en]
 *   bpr review-forms <file|folder>... --list 抽查名单.xlsx --out-dir DIR [--one-workbook] [--date YYYYMMDD] [--overwrite]
 *
 * Both read the self-assessments like `bpr check` (the engine scores them and finds their problems), then write
 * through writeAtomic: a failed run leaves no partial file.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { check } from "../engine";
import type { Finding, InputError, Project, Report } from "../engine/model";
import type { WorkbookReading } from "../engine/read";
import { type MatchState, projectNameKey, reviewMatcher } from "../engine/match";
import { drawSample, freshSeed, parseRate, type SampleResult, STRATA, type Strata } from "../engine/sample";
import { reviewWorkbookPlans, sampleListPlans } from "../engine/sample/plans";
import { templatePlansWorkbook } from "../adapters/xlsx-file/template-book";
import { type Lang, t } from "../i18n";
import { expandInputs } from "./files";
import { renderColumns } from "./table";
import type { Io } from "./main";
import { splitOption, UsageError, writeAtomic, writeReason } from "./output";

export interface ReviewDeps {
  read(abs: string, shown: string): Promise<WorkbookReading>;
  profile(spec: string): Promise<import("../engine/profiles/schema").Profile>;
}

interface Common {
  inputs: string[];
  profile: string;
  lang: Lang;
}

interface SampleOpts extends Common {
  rate: number | null;
  strata: Strata;
  minPerDepartment: number;
  seed: number | null;
  must: string[];
  allAbove: number | null;
  out: string;
  overwrite: boolean;
}

interface FormsOpts extends Common {
  list: string | null;
  outDir: string | null;
  oneWorkbook: boolean;
  date: string | null;
  /** Replace review workbooks already in the folder (they may hold a reviewer's work: kept by default). */
  overwrite: boolean;
}

/** The options both commands share: --profile and --lang. */
function common(o: { profile: string; lang: Lang }, name: string, v: string, lang: Lang): void {
  if (name === "--profile") o.profile = v;
  else if (name === "--lang") {
    if (v !== "zh" && v !== "en") throw new UsageError(t(lang, "cli.badValue", { option: name, value: v }));
    o.lang = v;
  }
}

/** A small parser for the options of both commands (--name value or --name=value). */
function parse(args: string[], lang: Lang, known: Record<string, "value" | "flag">, onValue: (name: string, v: string) => void): string[] {
  const inputs: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const { name: a, inline } = splitOption(args[i]);
    if (!a.startsWith("-") || a === "-") {
      inputs.push(a);
      continue;
    }
    const kind = known[a];
    if (!kind) throw new UsageError(t(lang, "cli.unknownOption", { option: a }));
    if (kind === "flag") {
      onValue(a, "");
      continue;
    }
    const v = inline ?? args[++i];
    if (v === undefined || (inline === undefined && v.startsWith("--"))) throw new UsageError(t(lang, "cli.missingValue", { option: a }));
    onValue(a, v);
  }
  if (inputs.length === 0) throw new UsageError(t(lang, "cli.noInput"));
  return inputs;
}

const nonNegative = (lang: Lang, option: string, v: string): number => {
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new UsageError(t(lang, "cli.badValue", { option, value: v }));
  return n;
};

export function parseSampleArgs(args: string[], lang: Lang): SampleOpts {
  const o: SampleOpts = { inputs: [], profile: "national", lang, rate: null, strata: "grade", minPerDepartment: 1, seed: null, must: [], allAbove: null, out: "抽查名单.xlsx", overwrite: false };
  const known = { "--overwrite": "flag", "--rate": "value", "--strata": "value", "--min-per-department": "value", "--seed": "value", "--must": "value", "--all-above": "value", "--out": "value", "--profile": "value", "--lang": "value" } as const;
  o.inputs = parse(args, lang, known, (name, v) => {
    switch (name) {
      case "--rate":
        o.rate = parseRate(v);
        if (o.rate === null) throw new UsageError(t(lang, "cli.badValue", { option: name, value: v }));
        break;
      case "--strata":
        if (!(STRATA as readonly string[]).includes(v)) throw new UsageError(t(lang, "cli.badValue", { option: name, value: v }));
        o.strata = v as Strata;
        break;
      case "--min-per-department":
        o.minPerDepartment = Math.floor(nonNegative(lang, name, v));
        break;
      case "--seed": {
        const n = nonNegative(lang, name, v);
        if (!Number.isInteger(n) || n >= 2 ** 32) throw new UsageError(t(lang, "cli.badValue", { option: name, value: v }));
        o.seed = n;
        break;
      }
      case "--must":
        o.must.push(v);
        break;
      case "--overwrite":
        o.overwrite = true;
        break;
      case "--all-above":
        o.allAbove = nonNegative(lang, name, v);
        break;
      case "--out":
        if (!/\.xlsx$/i.test(v)) throw new UsageError(t(lang, "out.badExtension", { file: v }));
        o.out = v;
        break;
      default:
        common(o, name, v, lang);
    }
  });
  if (o.rate === null) throw new UsageError(t(lang, "sample.noRate"));
  return o;
}

export function parseFormsArgs(args: string[], lang: Lang): FormsOpts {
  const o: FormsOpts = { inputs: [], profile: "national", lang, list: null, outDir: null, oneWorkbook: false, date: null, overwrite: false };
  const known = { "--list": "value", "--out-dir": "value", "--one-workbook": "flag", "--overwrite": "flag", "--date": "value", "--profile": "value", "--lang": "value" } as const;
  o.inputs = parse(args, lang, known, (name, v) => {
    switch (name) {
      case "--list":
        o.list = v;
        break;
      case "--out-dir":
        o.outDir = v;
        break;
      case "--one-workbook":
        o.oneWorkbook = true;
        break;
      case "--overwrite":
        o.overwrite = true;
        break;
      case "--date":
        if (!/^\d{8}$/.test(v)) throw new UsageError(t(lang, "cli.badValue", { option: name, value: v }));
        o.date = v;
        break;
      default:
        common(o, name, v, lang);
    }
  });
  if (!o.list) throw new UsageError(t(lang, "forms.noList"));
  if (!o.outDir) throw new UsageError(t(lang, "forms.noOutDir"));
  return o;
}

/** Read and check every input (unreadable files named on stderr); `exclude` are left out (the list itself). */
async function readAll(o: Common, io: Io, deps: ReviewDeps, exclude: string[] = []): Promise<{ report: Report; errors: InputError[] }> {
  const profile = await deps.profile(o.profile);
  const { files, errors, skipped } = await expandInputs(o.inputs, io.cwd, o.lang);
  for (const f of skipped) io.stderr(t(o.lang, "cli.fileSkipped", { file: f.file, reason: t(o.lang, `skip.${f.reason}`) }));
  const readings: WorkbookReading[] = [];
  for (const f of files) {
    if (exclude.includes(f.abs)) continue;
    try {
      readings.push(await deps.read(f.abs, f.shown));
    } catch (e) {
      errors.push({ file: f.shown, code: "unreadable", message: e instanceof Error ? e.message.split("\n")[0] : String(e) });
    }
  }
  for (const e of errors) io.stderr(t(o.lang, "cli.fileError", { file: e.file, reason: e.message }));
  return { report: check(readings, { profile, lang: o.lang }), errors };
}

async function loadExcelJS(): Promise<typeof import("exceljs")> {
  const m = (await import("exceljs")) as unknown as { default?: typeof import("exceljs") } & typeof import("exceljs");
  return m.default ?? m;
}

export function renderSample(s: SampleResult, lang: Lang): string {
  const lines = [t(lang, "sample.summary", { seed: s.seed, population: s.population, target: s.target, sampled: s.picks.length, departments: s.departments })];
  const header = t(lang, "sample.header").split("|");
  const rows = s.counts.map((c) => [c.stratum, String(c.population), String(c.allocated), String(c.sampled)]);
  for (const l of renderColumns(header, rows, [24, 8, 8, 8], [false, true, true, true])) lines.push(`  ${l}`);
  const topUps = s.picks.filter((p) => p.reason === "department").length;
  if (topUps) lines.push(t(lang, "sample.topUps", { n: topUps }));
  if (s.duplicates) lines.push(t(lang, "sample.duplicates", { n: s.duplicates }));
  for (const m of s.unmatched) lines.push(t(lang, "sample.unmatched", { name: m }));
  return lines.join("\n");
}

export async function runSample(args: string[], lang: Lang, io: Io, deps: ReviewDeps): Promise<number> {
  const o = parseSampleArgs(args, lang);
  const outAbs = path.resolve(io.cwd, o.out);
  // A list already there may carry review scores typed in: never written over unless asked.
  if (!o.overwrite && (await fs.stat(outAbs).catch(() => null))) {
    io.stderr(t(o.lang, "sample.exists", { file: o.out }));
    return 2;
  }
  const { report, errors } = await readAll(o, io, deps, [outAbs]);
  const seed = o.seed ?? freshSeed();
  const s = drawSample(report.projects, { rate: o.rate!, seed, strata: o.strata, minPerDepartment: o.minPerDepartment, must: o.must, allAbove: o.allAbove });
  if (s.population === 0) {
    io.stderr(t(o.lang, "sample.empty"));
    return 2;
  }
  const year = report.projects.find((p) => p.year !== null)?.year ?? null;
  try {
    await writeAtomic(outAbs, await templatePlansWorkbook(await loadExcelJS(), sampleListPlans(s, { year })), o.lang);
  } catch (e) {
    io.stderr(t(o.lang, "cli.writeFailed", { file: o.out, reason: writeReason(e, o.lang) }));
    return 2;
  }
  io.stdout(renderSample(s, o.lang));
  io.stderr(t(o.lang, "sample.wrote", { file: outAbs }));
  return errors.length ? 2 : 0;
}

export async function runReviewForms(args: string[], lang: Lang, io: Io, deps: ReviewDeps): Promise<number> {
  const o = parseFormsArgs(args, lang);
  const listAbs = path.resolve(io.cwd, o.list!);
  const outDir = path.resolve(io.cwd, o.outDir!);
  const st = await fs.stat(outDir).catch(() => null);
  if (st && !st.isDirectory()) throw new UsageError(t(o.lang, "out.dirIsFile", { file: o.outDir }));
  let list: WorkbookReading;
  try {
    list = await deps.read(listAbs, o.list!);
  } catch (e) {
    io.stderr(t(o.lang, "cli.fileError", { file: o.list, reason: e instanceof Error ? e.message.split("\n")[0] : String(e) }));
    return 2;
  }
  const entries = list.reviews.filter((r) => r.indicators.length === 0);
  if (entries.length === 0) {
    io.stderr(t(o.lang, "forms.emptyList", { file: o.list }));
    return 2;
  }
  const { report, errors } = await readAll(o, io, deps, [listAbs]);
  const findings = new Map<string, Finding[]>();
  for (const f of report.findings) if (f.projectId) (findings.get(f.projectId) ?? findings.set(f.projectId, []).get(f.projectId)!).push(f);
  const items: { project: Project; findings: Finding[] }[] = [];
  const seen = new Set<string>();
  // The engine's own matching (code, else name, department and unit), list rows claiming distinct projects.
  const match = reviewMatcher(report.projects.filter((p) => p.template === "self-assessment"));
  const state: MatchState = { claimed: new Map() };
  for (const e of entries) {
    const p = match(e, state);
    if (p && !state.claimed.has(p.id)) state.claimed.set(p.id, projectNameKey(e.name));
    if (!p) {
      io.stderr(t(o.lang, "forms.notFound", { name: e.name, cell: `${e.location.sheet}!${e.location.cell ?? ""}` }));
      continue;
    }
    if (seen.has(p.id)) continue;
    seen.add(p.id);
    items.push({ project: p, findings: findings.get(p.id) ?? [] });
  }
  const started = Date.now();
  const d = new Date();
  const date = o.date ?? `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, "0")}${String(d.getDate()).padStart(2, "0")}`;
  const plans = reviewWorkbookPlans(items, { date, oneWorkbook: o.oneWorkbook ? `抽评复核表&${date}.xlsx` : null });
  await fs.mkdir(outDir, { recursive: true });
  const ExcelJS = await loadExcelJS();
  let kept = 0;
  for (const w of plans) {
    // A workbook already there may be filled in: never written over unless asked.
    if (!o.overwrite && (await fs.stat(path.join(outDir, w.fileName)).catch(() => null))) {
      io.stderr(t(o.lang, "forms.exists", { file: w.fileName }));
      kept++;
      continue;
    }
    try {
      await writeAtomic(path.join(outDir, w.fileName), await templatePlansWorkbook(ExcelJS, w.sheets), o.lang);
    } catch (e) {
      io.stderr(t(o.lang, "cli.writeFailed", { file: w.fileName, reason: writeReason(e, o.lang) }));
      return 2;
    }
  }
  io.stdout(t(o.lang, "forms.wrote", { n: plans.length - kept, projects: items.length, dir: outDir, seconds: ((Date.now() - started) / 1000).toFixed(1) }));
  return errors.length || items.length < entries.length ? 2 : 0;
}
