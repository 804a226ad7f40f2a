/**
 * The summary sheets' words, one catalogue per language (zh default, en). Sheet names are not here: they
 * are always the Chinese OUTPUT_SHEETS names, so the next run recognises them whatever the UI language.
 * Report sentences are functions of already formatted figures (see format.ts).
 *
 * The line under each sheet's title (A2) names the product in either language: that is the output mark
 * (hasOutputMark, output-sheets.ts) by which writers and readers tell the product's sheets from a user's.
 */
import type { Grade, Severity } from "../model";
import { trimEndChars } from "../read/normalise";
import type { Flag } from "./stats";

import type { Lang } from "../lang";
export type { Lang } from "../lang";

export interface Catalogue {
  lang: Lang;
  grade: Record<Grade, string>;
  severity: Record<Severity, string>;
  flag: Record<Flag, string>;
  /** Shown in the 等级 column of a goal-table row (goal tables are listed, not scored). */
  goalRow: string;
  /** Separator for a list of flags in one cell. */
  flagSep: string;
  overview: {
    title(year: number | null): string;
    meta(time: string, profile: string): string;
    files: string;
    projects: string;
    goals: string;
    reviewed: string;
    budget: string;
    executed: string;
    rate: string;
    mean: string;
    errors: string;
    warnings: string;
    infos: string;
    gradeHeader: string;
    countHeader: string;
    finalHeader: string;
    ungraded: string;
    departmentBudget: string;
    departmentBudgetValue(budget: string, executed: string, rate: string): string;
    total: string;
    chartTitle: string;
    headers: string[];
    empty: string;
  };
  findings: {
    title: string;
    meta(total: number, errors: number, warnings: number, infos: number): string;
    headers: string[];
    empty: string;
  };
  review: {
    title: string;
    meta(rows: number, flagged: Record<Flag, number>): string;
    headers: string[];
  };
  report: ReportStrings;
}

export interface ReportStrings {
  title(year: number | null, withReview: boolean): string;
  note(time: string): string;
  h1: string;
  h2: string;
  h3: string;
  h4: string;
  h5: string;
  scope(a: { files: number; selfAssessment: number; department: number; goal: number; departments: number; units: number }): string;
  noProjects: string;
  funds(a: { projects: number; budget: string; executed: string; rate: string; full: number; low: number; lowList: string; threshold: string }): string;
  departmentFunds(a: { n: number; budget: string; executed: string; rate: string; list: string }): string;
  scores(a: { scored: number; stated: number; computedOnly: number; mean: string; max: string; maxName: string; min: string; minName: string }): string;
  noScores: string;
  grades(a: Record<Grade, { n: number; share: string }>, poorList: string): string;
  ungraded(n: number, list: string): string;
  mismatch(a: { n: number; stated: number; comparable: number; name: string; self: string; computed: string }): string;
  noMismatch(stated: number, comparable: number): string;
  gradeTableCaption(withReview: boolean): string;
  gradeTableHeaders(withReview: boolean): string[];
  ungradedRow: string;
  totalRow: string;
  chartCaption(withReview: boolean): string;
  seriesSelf: string;
  seriesFinal: string;
  finalGrades(a: Record<Grade, number>, reviewed: number): string;
  gapTableCaption: string;
  /** After a score compared in place of a missing 自评总分: "（核算）". */
  computedMark: string;
  problemTableCaption: string;
  problemTableHeaders: string[];
  noReview: string;
  reviewed(a: { n: number; matched: number; meanReview: string; meanGap: string; lower: number; unmatched: number; unmatchedList: string }): string;
  gapList(n: number, list: string): string;
  gradeList(n: number, list: string): string;
  poorList(n: number, list: string): string;
  noFlags: string;
  gapItem(name: string, self: string, review: string, gap: string): string;
  gradeItem(name: string, from: string, to: string): string;
  problems(a: { total: number; errors: number; warnings: number; infos: number; projects: number }): string;
  noProblems: string;
  group(a: { marker: string; title: string; rule: string; severity: string; count: number; projects: number; examples: string }): string;
  example(where: string, message: string): string;
  exampleSep: string;
  basisSelf: string;
  basisFinal: string;
  byReview(list: string): string;
  keepExcellent(n: number, list: string, note: string): string;
  keepGood(n: number, list: string, note: string): string;
  rectify(n: number, list: string, note: string): string;
  cut(n: number, list: string, note: string): string;
  adviceUngraded(n: number, list: string): string;
  cutTableCaption: string;
  cutTableHeaders: string[];
  basisReview: string;
  basisSelfShort: string;
  noPoor: string;
  adviceGoals(n: number): string;
  adviceActuals(n: number): string;
  adviceScores(n: number): string;
  adviceBudget(n: number): string;
  adviceReview(n: number): string;
  adviceErrors(n: number): string;
}

const zh: Catalogue = {
  lang: "zh",
  grade: { 优: "优", 良: "良", 中: "中", 差: "差" },
  severity: { error: "错误", warning: "警告", info: "提示" },
  flag: { gap: "差异较大", grade: "等级变化", poor: "抽评为差", noSelf: "无自评" },
  goalRow: "目标表",
  flagSep: "、",
  overview: {
    title: (year) => (year ? `${year}年度预算绩效评价汇总` : "预算绩效评价汇总"),
    meta: (time, profile) => `预算绩效评价助手生成于 ${time}　评价规则：${profile}　金额单位：万元`,
    files: "工作簿数",
    projects: "自评表数（含部门整体）",
    goals: "绩效目标表数",
    reviewed: "已抽查复核",
    budget: "项目全年预算数（万元）",
    executed: "项目全年执行数（万元）",
    rate: "项目总体执行率",
    mean: "平均得分",
    errors: "错误",
    warnings: "警告",
    infos: "提示",
    gradeHeader: "等级",
    countHeader: "自评",
    finalHeader: "复核后",
    ungraded: "未评定",
    departmentBudget: "部门整体预算/执行（万元）",
    departmentBudgetValue: (b, e, r) => `${b} / ${e}（${r}）`,
    total: "合计",
    chartTitle: "评价等级分布",
    headers: [
      "序号", "主管部门", "实施单位", "项目名称", "全年预算数", "全年执行数", "执行率", "自评得分",
      "核算得分", "等级", "复核得分", "差异", "复核等级", "错误", "警告", "所在工作表", "自评质量",
    ],
    empty: "未识别到项目支出绩效自评表、部门整体支出绩效自评表或绩效目标表。",
  },
  findings: {
    title: "问题清单",
    meta: (total, e, w, i) => `预算绩效评价助手共发现 ${total} 条：错误 ${e} 条，警告 ${w} 条，提示 ${i} 条。点击“单元格”列可跳转到问题所在位置。`,
    headers: ["序号", "级别", "问题类型", "规则", "项目", "工作表", "单元格", "说明", "建议"],
    empty: "未发现问题。",
  },
  review: {
    title: "抽查复核情况",
    meta: (rows, f) =>
      `预算绩效评价助手比对抽查复核项目 ${rows} 个：差异较大 ${f.gap} 个，等级变化 ${f.grade} 个，抽评为差 ${f.poor} 个，无自评 ${f.noSelf} 个。差异 = 复核得分 − 自评得分。`,
    headers: ["项目", "主管部门", "自评得分", "复核得分", "差异", "自评等级", "复核等级", "标记"],
  },
  report: {
    title: (year, withReview) => `${year ? `${year}年度` : ""}预算绩效自评${withReview ? "及抽查复核" : ""}情况报告（初稿）`,
    note: (time) => `（本稿由预算绩效评价助手于 ${time} 根据检查结果自动生成，数据请以核实后的自评表为准。）`,
    h1: "一、基本情况",
    h2: "二、自评结果",
    h3: "三、抽查复核情况",
    h4: "四、发现的主要问题",
    h5: "五、改进建议",
    scope: (a) => {
      const kinds = [`项目支出绩效自评表 ${a.selfAssessment} 张`];
      if (a.department) kinds.push(`部门整体支出绩效自评表 ${a.department} 张`);
      if (a.goal) kinds.push(`绩效目标表 ${a.goal} 张`);
      return `本次共检查工作簿 ${a.files} 个，识别${kinds.join("、")}，涉及主管部门 ${a.departments} 个、实施单位 ${a.units} 个。`;
    },
    noProjects: "本次检查未识别到绩效自评表。",
    funds: (a) =>
      `项目支出绩效自评表所列 ${a.projects} 个项目全年预算数合计 ${a.budget} 万元，全年执行数合计 ${a.executed} 万元，项目总体预算执行率 ${a.rate}（不含部门整体支出）。` +
      `其中预算全部执行的项目 ${a.full} 个；执行率低于 ${a.threshold} 的项目 ${a.low} 个${a.low ? `（${a.lowList}）` : ""}。`,
    departmentFunds: (a) =>
      `部门整体支出绩效自评表 ${a.n} 张（${a.list}）另行统计：部门全年预算数合计 ${a.budget} 万元，全年执行数合计 ${a.executed} 万元，执行率 ${a.rate}。部门整体资金包含所属项目资金，未计入上述项目合计。`,
    scores: (a) =>
      `${a.scored} 个自评表有得分，其中 ${a.stated} 个填报了自评总分（自评得分）` +
      `${a.computedOnly ? `，${a.computedOnly} 个未填报自评总分、以按评分规则计算的核算得分计` : ""}；` +
      `平均得分 ${a.mean} 分，最高 ${a.max} 分（${a.maxName}），最低 ${a.min} 分（${a.minName}）。`,
    noScores: "各自评表均未填报自评总分，也无法按评分规则核算得分。",
    grades: (g, poorList) =>
      `按自评等级分：优 ${g.优.n} 个（占 ${g.优.share}），良 ${g.良.n} 个（占 ${g.良.share}），中 ${g.中.n} 个（占 ${g.中.share}），差 ${g.差.n} 个（占 ${g.差.share}）` +
      `${g.差.n ? `，自评为差的项目：${poorList}` : ""}。`,
    ungraded: (n, list) => `另有 ${n} 个自评表既未填报自评总分、也无法核算得分，未评定等级（${list}）。`,
    mismatch: (a) =>
      `填报了自评总分的 ${a.stated} 个项目中，可按评分规则核算的 ${a.comparable} 个，其中 ${a.n} 个自评得分与核算得分不一致，差异最大的是${a.name}（自评 ${a.self} 分，核算 ${a.computed} 分）。`,
    noMismatch: (stated, comparable) =>
      stated
        ? `填报了自评总分的 ${stated} 个项目中，可按评分规则核算的 ${comparable} 个，自评得分与核算得分一致。`
        : "各项目均未填报自评总分，以上得分均为按评分规则核算的得分（核算得分）。",
    gradeTableCaption: (r) => (r ? "表1 评价等级分布（自评与复核后）" : "表1 评价等级分布"),
    gradeTableHeaders: (r) => ["等级", "自评项目数", "自评占比", r ? "复核后项目数" : "最终项目数", r ? "复核后占比" : "最终占比"],
    ungradedRow: "未评定",
    totalRow: "合计",
    chartCaption: (r) => (r ? "图1 评价等级分布（左：自评，右：复核后）" : "图1 评价等级分布"),
    seriesSelf: "自评",
    seriesFinal: "复核后",
    finalGrades: (g, reviewed) =>
      `以复核结果为准（已复核的 ${reviewed} 个项目取复核等级，其余取自评等级），最终评价等级为：优 ${g.优} 个，良 ${g.良} 个，中 ${g.中} 个，差 ${g.差} 个。结果应用以最终等级为依据。`,
    gapTableCaption: "表2 抽查复核情况（差异 = 复核得分 − 自评得分；未填报自评总分的以核算得分比较）",
    computedMark: "（核算）",
    problemTableCaption: "表3 发现的问题（按问题类型）",
    problemTableHeaders: ["问题类型", "级别", "条数", "涉及项目", "示例"],
    noReview: "本次检查未包含抽查复核数据。",
    reviewed: (a) =>
      `共抽查复核 ${a.n} 个项目，其中 ${a.matched} 个找到对应的自评表，复核平均得分 ${a.meanReview} 分，自评得分与复核得分平均相差 ${a.meanGap} 分（按绝对值计），` +
      `复核得分低于自评得分的项目 ${a.lower} 个。` +
      (a.unmatched ? `另有 ${a.unmatched} 个复核项目未找到对应的自评表（${a.unmatchedList}），应核实是否未按要求开展自评。` : ""),
    gapList: (n, list) => `自评与复核结果差异较大的项目 ${n} 个：${list}。`,
    gradeList: (n, list) => `评价等级发生变化的项目 ${n} 个：${list}。`,
    poorList: (n, list) => `抽评结果为差的项目 ${n} 个：${list}。`,
    noFlags: "抽查复核项目的自评结果与复核结果基本一致，未发现差异较大、等级变化或抽评为差的项目。",
    gapItem: (name, self, review, gap) => `${name}（自评 ${self} 分，复核 ${review} 分，差异 ${gap} 分）`,
    gradeItem: (name, from, to) => `${name}（${from}→${to}）`,
    problems: (a) =>
      `本次检查共发现问题 ${a.errors + a.warnings} 条，其中错误 ${a.errors} 条、警告 ${a.warnings} 条，另有提示 ${a.infos} 条，涉及 ${a.projects} 个项目。按问题类型归纳如下（详见“问题清单”工作表）：`,
    noProblems: "本次检查未发现问题。",
    group: (a) =>
      `${a.marker}${a.title}（${a.severity}，${a.rule}）：${a.count} 条${a.projects ? `，涉及 ${a.projects} 个项目` : ""}。${a.examples ? `例如：${a.examples}。` : ""}`,
    example: (where, message) => `${where}：${trimEndChars(message, "。.")}`,
    exampleSep: "；",
    basisSelf: "本次未开展抽查复核，以下建议以自评等级为依据。",
    basisFinal: "以下建议以最终评价等级（已复核的项目取复核等级）为依据。",
    byReview: (list) => `，其中经抽查复核调整等级的：${list}`,
    keepExcellent: (n, list, note) =>
      `对最终评价等级为优的 ${n} 个项目（${list}${note}），予以表扬，总结推广好的经验做法，在以后年度预算安排中优先保障。`,
    keepGood: (n, list, note) =>
      `对最终评价等级为良的 ${n} 个项目（${list}${note}），以后年度预算据实保障，针对扣分指标查找不足、持续改进。`,
    rectify: (n, list, note) =>
      `对最终评价等级为中的 ${n} 个项目（${list}${note}），主管部门应督促实施单位查找绩效目标未完成的原因，制定整改措施并限期整改，视整改情况核减以后年度预算。`,
    cut: (n, list, note) =>
      `对最终评价等级为差的 ${n} 个项目（${list}${note}），予以通报批评并督促限期整改，按不低于 10% 的比例压减下年度预算安排规模（见表4）；达不到主要预期绩效目标的，调整或暂停该项目，低效无效资金予以削减或收回。`,
    adviceUngraded: (n, list) => `对未评定等级的 ${n} 个项目（${list}），应督促补充填报得分，确定等级后再提出结果应用意见。`,
    cutTableCaption: "表4 建议压减下年度预算的项目（最终评价等级为差，压减比例不低于 10%）",
    cutTableHeaders: ["项目名称", "主管部门", "全年预算数（万元）", "压减额下限（万元）", "自评等级", "复核等级", "等级依据"],
    basisReview: "抽查复核",
    basisSelfShort: "自评",
    noPoor: "本次无最终评价等级为差的项目。",
    adviceGoals: (n) => `完善绩效目标设置：${n} 条问题涉及指标缺项、指标值缺失或未量化、与绩效目标表不一致等，应按产出、效益、满意度指标体系细化、量化绩效指标，做到目标可衡量、可考核。`,
    adviceActuals: (n) => `如实填报完成情况：${n} 条问题涉及实际完成值缺失、以目标值代替完成值或偏差未说明原因，应据实填报完成值，对未完成或超额完成的指标说明原因和改进措施。`,
    adviceScores: (n) => `规范自评打分：${n} 条问题涉及分值、得分计算或合计不符，应按评分规则计算各项得分，确保分值合计 100 分、得分不超过分值。`,
    adviceBudget: (n) => `加强预算执行管理：${n} 条问题涉及预算数据或执行率，应核实资金数据，加快执行进度，结余资金按规定收回统筹。`,
    adviceReview: (n) => `提高自评质量：${n} 条问题来自抽查复核，主管部门应核实自评依据，对自评结果明显失实的予以通报。`,
    adviceErrors: (n) => `对存在错误级问题的 ${n} 个项目，请退回实施单位修改后重新报送。`,
  },
};

/** "1 workbook", "2 workbooks" (regular English plurals). */
function pl(n: number, word: string): string {
  return `${n} ${n === 1 ? word : `${word}s`}`;
}

const en: Catalogue = {
  lang: "en",
  grade: { 优: "Excellent", 良: "Good", 中: "Fair", 差: "Poor" },
  severity: { error: "Error", warning: "Warning", info: "Info" },
  flag: { gap: "Large gap", grade: "Grade changed", poor: "Review: Poor", noSelf: "No self-assessment" },
  goalRow: "Goal table",
  flagSep: "; ",
  overview: {
    title: (year) => (year ? `Budget performance review summary, ${year}` : "Budget performance review summary"),
    meta: (time, profile) => `Generated by Budget Performance Review on ${time} · scoring profile: ${profile} · amounts in 10,000 CNY`,
    files: "Workbooks",
    projects: "Assessed forms (incl. department)",
    goals: "Goal tables",
    reviewed: "Spot-checked",
    budget: "Project budget (10k CNY)",
    executed: "Project spending (10k CNY)",
    rate: "Project execution rate",
    mean: "Mean score",
    errors: "Errors",
    warnings: "Warnings",
    infos: "Notes",
    gradeHeader: "Grade",
    countHeader: "Self-assessed",
    finalHeader: "After review",
    ungraded: "No grade",
    departmentBudget: "Department budget / spent (10k CNY)",
    departmentBudgetValue: (b, e, r) => `${b} / ${e} (${r})`,
    total: "Total",
    chartTitle: "Grade distribution",
    headers: [
      "No.", "Department", "Implementing unit", "Project", "Annual budget", "Executed", "Execution rate", "Self score",
      "Computed score", "Grade", "Review score", "Gap", "Review grade", "Errors", "Warnings", "Sheet", "Quality",
    ],
    empty: "No self-assessment, department form or goal table was recognised.",
  },
  findings: {
    title: "Findings",
    meta: (total, e, w, i) => `Budget Performance Review found ${total} findings: ${e} errors, ${w} warnings, ${i} notes. Click a cell address to go to the finding.`,
    headers: ["No.", "Level", "Type", "Rule", "Project", "Sheet", "Cell", "Description", "Suggestion"],
    empty: "No findings.",
  },
  review: {
    title: "Spot checks",
    meta: (rows, f) =>
      `Budget Performance Review compared ${rows} spot-checked projects: ${f.gap} with a large gap, ${f.grade} changed grade, ${f.poor} reviewed as Poor, ${f.noSelf} without a self-assessment. Gap = review score − self score.`,
    headers: ["Project", "Department", "Self score", "Review score", "Gap", "Self grade", "Review grade", "Flags"],
  },
  report: {
    title: (year, withReview) =>
      `Budget performance self-assessment${withReview ? " and spot-check" : ""} report${year ? `, ${year}` : ""} (draft)`,
    note: (time) => `(Drafted automatically by Budget Performance Review on ${time} from the check results; verify the figures against the self-assessments before use.)`,
    h1: "1. Overview",
    h2: "2. Self-assessment results",
    h3: "3. Spot checks",
    h4: "4. Main problems found",
    h5: "5. Recommendations",
    scope: (a) => {
      const kinds = [pl(a.selfAssessment, "project self-assessment")];
      if (a.department) kinds.push(pl(a.department, "department form"));
      if (a.goal) kinds.push(pl(a.goal, "goal table"));
      return `${pl(a.files, "workbook")} ${a.files === 1 ? "was" : "were"} checked: ${kinds.join(", ")}, from ${pl(a.departments, "department")} and ${pl(a.units, "implementing unit")}.`;
    },
    noProjects: "No self-assessment was recognised.",
    funds: (a) =>
      `The ${a.projects} projects with a project self-assessment have an annual budget of ${a.budget} (10k CNY), of which ${a.executed} was executed: a project execution rate of ${a.rate} (department-level forms not included). ` +
      `${a.full} ${a.full === 1 ? "project" : "projects"} executed the whole budget; ${a.low} executed less than ${a.threshold}${a.low ? ` (${a.lowList})` : ""}.`,
    departmentFunds: (a) =>
      `${a.n} department-level ${a.n === 1 ? "form is" : "forms are"} counted apart (${a.list}): budget ${a.budget} (10k CNY), executed ${a.executed}, rate ${a.rate}. Department budgets contain their projects' money and are not added to the project totals.`,
    scores: (a) =>
      `${a.scored} ${a.scored === 1 ? "form has" : "forms have"} a score: ${a.stated} state a total (self score)` +
      `${a.computedOnly ? `, ${a.computedOnly} state none and count with the score computed by the rules` : ""}; ` +
      `mean ${a.mean}, highest ${a.max} (${a.maxName}), lowest ${a.min} (${a.minName}).`,
    noScores: "No form states a total, and none can be scored by the rules.",
    grades: (g, poorList) =>
      `By self-assessed grade: Excellent ${g.优.n} (${g.优.share}), Good ${g.良.n} (${g.良.share}), Fair ${g.中.n} (${g.中.share}), Poor ${g.差.n} (${g.差.share})` +
      `${g.差.n ? `; self-assessed Poor: ${poorList}` : ""}.`,
    ungraded: (n, list) => `${n} ${n === 1 ? "form states" : "forms state"} no total and cannot be scored: no grade (${list}).`,
    mismatch: (a) =>
      `Of the ${a.stated} projects that state a total, ${a.comparable} can be recomputed by the scoring rules; ${a.n} of them differ from the computed score, most of all ${a.name} (stated ${a.self}, computed ${a.computed}).`,
    noMismatch: (stated, comparable) =>
      stated
        ? `Of the ${stated} projects that state a total, ${comparable} can be recomputed by the scoring rules, and they agree.`
        : "No project states a total; the scores above are computed by the scoring rules.",
    gradeTableCaption: (r) => (r ? "Table 1. Grades, self-assessed and after review" : "Table 1. Grades"),
    gradeTableHeaders: (r) => ["Grade", "Self-assessed", "Share", r ? "After review" : "Final", "Share"],
    ungradedRow: "No grade",
    totalRow: "Total",
    chartCaption: (r) => (r ? "Figure 1. Grades (left: self-assessed, right: after review)" : "Figure 1. Grades"),
    seriesSelf: "Self-assessed",
    seriesFinal: "After review",
    finalGrades: (g, reviewed) =>
      `Taking the review where there is one (${reviewed} reviewed), the final grades are: Excellent ${g.优}, Good ${g.良}, Fair ${g.中}, Poor ${g.差}. The use of results follows the final grade.`,
    gapTableCaption: "Table 2. Spot checks (gap = review score − self score; the computed score where no total is stated)",
    computedMark: " (computed)",
    problemTableCaption: "Table 3. Problems found, by type",
    problemTableHeaders: ["Type", "Level", "Count", "Projects", "Examples"],
    noReview: "The check included no spot-check data.",
    reviewed: (a) =>
      `${pl(a.n, "project")} ${a.n === 1 ? "was" : "were"} spot-checked, ${a.matched} of them matched to a self-assessment; the mean review score is ${a.meanReview} and self and review scores differ by ${a.meanGap} points on average (absolute). ` +
      `${pl(a.lower, "project")} scored lower on review.` +
      (a.unmatched ? ` ${pl(a.unmatched, "reviewed project")} ${a.unmatched === 1 ? "has" : "have"} no self-assessment (${a.unmatchedList}): check whether they were self-assessed as required.` : ""),
    gapList: (n, list) => `Large gap between self and review scores (${n}): ${list}.`,
    gradeList: (n, list) => `Grade changed on review (${n}): ${list}.`,
    poorList: (n, list) => `Reviewed as Poor (${n}): ${list}.`,
    noFlags: "Self and review results broadly agree: no large gap, grade change or Poor review.",
    gapItem: (name, self, review, gap) => `${name} (self ${self}, review ${review}, gap ${gap})`,
    gradeItem: (name, from, to) => `${name} (${from} → ${to})`,
    problems: (a) =>
      `The check found ${pl(a.errors + a.warnings, "problem")} (${pl(a.errors, "error")}, ${pl(a.warnings, "warning")}) and ${pl(a.infos, "note")}, in ${pl(a.projects, "project")}. By type (see the sheet 问题清单 for every finding):`,
    noProblems: "The check found no problems.",
    group: (a) =>
      `${a.marker} ${a.title} (${a.severity}, ${a.rule}): ${a.count}${a.projects ? `, in ${pl(a.projects, "project")}` : ""}.${a.examples ? ` For example: ${a.examples}.` : ""}`,
    example: (where, message) => `${where}: ${trimEndChars(message, "。.")}`,
    exampleSep: "; ",
    basisSelf: "There was no spot check: the recommendations follow the self-assessed grades.",
    basisFinal: "The recommendations follow the final grade (the review grade where there is one).",
    byReview: (list) => `; regraded on review: ${list}`,
    keepExcellent: (n, list, note) => `Commend the ${n} ${n === 1 ? "project" : "projects"} graded Excellent (${list}${note}) and give them priority in future budgets.`,
    keepGood: (n, list, note) => `Fund the ${n} ${n === 1 ? "project" : "projects"} graded Good (${list}${note}) as needed, and improve the indicators that lost points.`,
    rectify: (n, list, note) =>
      `For the ${n} ${n === 1 ? "project" : "projects"} graded Fair (${list}${note}), departments should have the units find why targets were missed and fix it by a deadline; cut future budgets according to the result.`,
    cut: (n, list, note) =>
      `For the ${n} ${n === 1 ? "project" : "projects"} graded Poor (${list}${note}): report them, require rectification by a deadline and cut next year's budget by at least 10% (Table 4); adjust or suspend projects that miss their main goals, and cut or recover ineffective funds.`,
    adviceUngraded: (n, list) => `Have the ${n} ${n === 1 ? "project" : "projects"} without a grade (${list}) complete their scores before deciding how to use the results.`,
    cutTableCaption: "Table 4. Projects whose next budget is to be cut (final grade Poor, by at least 10%)",
    cutTableHeaders: ["Project", "Department", "Budget (10k CNY)", "Minimum cut (10k CNY)", "Self grade", "Review grade", "Grade from"],
    basisReview: "Spot check",
    basisSelfShort: "Self-assessment",
    noPoor: "No project has a final grade of Poor.",
    adviceGoals: (n) => `Improve performance goals: ${n} problems concern missing indicator categories, missing or unquantified targets, or targets that differ from the goal table. Set measurable output, effect and satisfaction indicators.`,
    adviceActuals: (n) => `Report actual results truthfully: ${n} problems concern missing actuals, actuals copied from targets or shortfalls without reasons. State measured values and explain deviations.`,
    adviceScores: (n) => `Score by the rules: ${n} problems concern weights, score arithmetic or totals. Weights must add up to 100 and no score may exceed its weight.`,
    adviceBudget: (n) => `Manage budget execution: ${n} problems concern budget figures or execution rates. Check the amounts, speed up execution and recover unspent funds as required.`,
    adviceReview: (n) => `Improve self-assessment quality: ${n} problems come from spot checks. Departments should verify the evidence behind self scores and report self-assessments that prove clearly untrue.`,
    adviceErrors: (n) => `Return the ${pl(n, "project")} with errors to their units for correction and resubmission.`,
  },
};

export const STRINGS: Record<Lang, Catalogue> = { zh, en };

export function strings(lang: Lang): Catalogue {
  return STRINGS[lang];
}
