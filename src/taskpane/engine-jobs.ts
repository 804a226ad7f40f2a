/**
 * The engine's stateless jobs: what the pane asks of the engine besides reading and checking (which keep readings
 * by number in the worker: engine-protocol.ts). One entry each, and that entry is the whole of adding one: the
 * EngineRunner's `job(name, …args)` is typed from this table, the worker answers a `job` request by calling the
 * same entry (engine-service.ts), and the pane's thread calls it directly (MainRunner). Arguments and results are
 * plain data (structured clone copies them; a result's bytes are moved, not copied).
 */
import type { Finding, Project, Report } from "../engine/model";
import type { SampleOptions } from "../engine/sample";
import type { TemplatePlan } from "../engine/templates";
import type { Lang } from "./lang";
import type { PickedFile } from "./xlsx-read";

type EngineModule = typeof import("./engine-chunk");
type XlsxModule = typeof import("./xlsx");

/** How a job gets the code it needs where it runs: the engine chunk, and the workbook writer (loaded on first use). */
export interface JobModules {
  engine(): Promise<EngineModule>;
  writer(): Promise<XlsxModule>;
}

export const JOBS = {
  /** The four output sheets' plans (评价汇总, 问题清单, 抽查复核, 评价报告). */
  planSheets: async (m: JobModules, report: Report, lang: Lang) => (await m.engine()).planSheets(report, { lang }),
  /**
   * The reviewed workbook's bytes (./xlsx reviewedWorkbook): the picked files' own packages plus the output
   * sheets, or, for several files, their copies in a zip or the results workbook (`kind`).
   */
  reviewed: async (m: JobModules, report: Report, files: PickedFile[], lang: Lang, kind?: "copies" | "results") =>
    (await m.writer()).reviewedWorkbook(report, files, lang, kind),
  /** The blank templates as a workbook's bytes (./xlsx templatesWorkbook). */
  templates: async (m: JobModules, plans: TemplatePlan[]) => (await m.writer()).templatesWorkbook(plans),
  /**
   * 抽查 (engine/sample): the draw over these projects, and the 抽查名单 workbook's bytes (a 抽查复核 list with its
   * seed and 抽样说明); no bytes when there is nothing to draw from.
   */
  sampleList: async (_m: JobModules, projects: Project[], opts: SampleOptions, year: number | null) => {
    const [{ drawSample }, { sampleListPlans }, { templatePlansWorkbook }, { loadExcelJS }] = await Promise.all([
      import(/* webpackChunkName: "sample" */ "../engine/sample"),
      import(/* webpackChunkName: "sample" */ "../engine/sample/plans"),
      import(/* webpackChunkName: "sample" */ "../adapters/xlsx-file/template-book"),
      import(/* webpackChunkName: "xlsx" */ "./xlsx-read"),
    ]);
    const sample = drawSample(projects, opts);
    const bytes = sample.population === 0 ? null : await templatePlansWorkbook(await loadExcelJS(), sampleListPlans(sample, { year }));
    return { sample, bytes };
  },
  /**
   * The review workbooks of sampled projects, one 项目编码&项目名称&日期.xlsx each (实际绩效, 自评质量, 抽评发现的问题),
   * zipped — what `bpr review-forms` writes into a folder.
   */
  reviewForms: async (_m: JobModules, items: { project: Project; findings: Finding[] }[], date: string) => {
    const [{ reviewWorkbookPlans }, { templatePlansWorkbook }, { loadExcelJS }, { zipSync }] = await Promise.all([
      import(/* webpackChunkName: "sample" */ "../engine/sample/plans"),
      import(/* webpackChunkName: "sample" */ "../adapters/xlsx-file/template-book"),
      import(/* webpackChunkName: "xlsx" */ "./xlsx-read"),
      import("fflate"),
    ]);
    const ExcelJS = await loadExcelJS();
    const entries: Record<string, [Uint8Array, { level: 0 }]> = {};
    for (const w of reviewWorkbookPlans(items, { date })) entries[w.fileName] = [await templatePlansWorkbook(ExcelJS, w.sheets), { level: 0 }];
    return zipSync(entries);
  },
} as const;

export type JobName = keyof typeof JOBS;
type Rest<T extends unknown[]> = T extends [JobModules, ...infer R] ? R : never;
/** A job's arguments, as the caller gives them. */
export type JobArgs<K extends JobName> = Rest<Parameters<(typeof JOBS)[K]>>;
/** A job's answer. */
export type JobResult<K extends JobName> = Awaited<ReturnType<(typeof JOBS)[K]>>;

/** Run a job here. */
export function runJob<K extends JobName>(modules: JobModules, name: K, args: JobArgs<K>): Promise<JobResult<K>> {
  const job = JOBS[name] as unknown as (m: JobModules, ...a: JobArgs<K>) => Promise<JobResult<K>>;
  if (typeof job !== "function") return Promise.reject(new Error(`unknown job ${String(name)}`));
  return job(modules, ...args);
}

export function isJobName(name: unknown): name is JobName {
  return typeof name === "string" && Object.prototype.hasOwnProperty.call(JOBS, name);
}
