/**
 * The evaluation summary (SPEC §6): Report → SheetPlan[] for 评价汇总, 问题清单, 抽查复核 (when there is review
 * data) and 评价报告, in that order. Hosts write the plans (adapters/xlsx-file/write.ts, the Office.js writer).
 *
 * Sheet names are always the Chinese OUTPUT_SHEETS names; headers, labels and the report text follow
 * `lang` (zh default). Finding messages are written as the report carries them (report.lang).
 */
import type { Report } from "../model";
import { planFindings } from "./findings";
import { planNarrative } from "./narrative";
import { planOverview } from "./overview";
import type { SheetPlan } from "./plan";
import { planReview } from "./review";
import { type ReportDoc, buildReportDoc } from "./report-doc";
import { collectFacts } from "./stats";
import { type Lang, strings } from "./strings";

export interface PlanOptions {
  lang: Lang;
  /** Time stamped on the sheets (default: now). */
  now?: Date;
}

export function planSheets(report: Report, opts: PlanOptions): SheetPlan[] {
  const lang: Lang = opts.lang === "en" ? "en" : "zh";
  const now = opts.now ?? new Date();
  const s = strings(lang);
  const facts = collectFacts(report);
  const plans: SheetPlan[] = [planOverview(report, facts, s, now), planFindings(report, facts, s)];
  const review = planReview(facts, s);
  if (review) plans.push(review);
  plans.push(planNarrative(report, facts, s, lang, now));
  return plans;
}

/** The report as a document (title, headings, paragraphs, tables, chart data): what the .docx writer renders. */
export function reportDocument(report: Report, opts: PlanOptions): ReportDoc {
  const lang: Lang = opts.lang === "en" ? "en" : "zh";
  return buildReportDoc(report, collectFacts(report), strings(lang), lang, opts.now ?? new Date());
}

export { OUTPUT_SHEETS, isFormulaLike } from "./plan";
export type { ReportBlock, ReportDoc } from "./report-doc";
export type { CellStyle, ChartPlan, OutputSheetName, PagePlan, PlanCell, PlanLink, SheetPlan } from "./plan";
export type { Lang } from "./strings";
