/**
 * Workbook content for the task pane tests, as plain rows (the national layouts of SPEC §2), so the same data
 * becomes engine Grids (jsdom UI tests, the in-memory host) or real .xlsx files (browser tests, via exceljs).
 */
import type { CellValue, Grid } from "../../src/engine/grid";

export type Rows = CellValue[][];

export interface IndicatorRow {
  level1?: string;
  level2?: string;
  name: string;
  target: CellValue;
  actual: CellValue;
  weight: number | null;
  score: number | null;
  reason?: string | null;
}

export interface SelfAssessmentSpec {
  name: string;
  department: string;
  unit: string;
  year?: number;
  budget: { initial: number; adjusted: number; executed: number; rate: number; score: number };
  goal?: { target: string; actual: string };
  indicators: IndicatorRow[];
  total: number | null;
}

/** 项目支出绩效自评表, national layout (财预〔2020〕10号), columns A–I, starting at A1. */
export function selfAssessmentRows(p: SelfAssessmentSpec): Rows {
  const rows: Rows = [
    ["项目支出绩效自评表"],
    [`（${p.year ?? 2023}年度）`],
    ["项目名称", p.name],
    ["主管部门", p.department, null, null, "实施单位", p.unit],
    ["项目资金（万元）", null, null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [null, "年度资金总额", null, p.budget.initial, p.budget.adjusted, p.budget.executed, 10, p.budget.rate, p.budget.score],
    [null, "其中：当年财政拨款", null, p.budget.initial, p.budget.adjusted, p.budget.executed, "—", null, "—"],
    ["年度总体目标", "预期目标", null, null, "实际完成情况"],
    [null, p.goal?.target ?? "完成年度任务", null, null, p.goal?.actual ?? "已完成年度任务"],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
  ];
  let l1 = "";
  let l2 = "";
  for (const ind of p.indicators) {
    l1 = ind.level1 ?? l1;
    l2 = ind.level2 ?? l2;
    rows.push([null, l1, l2, ind.name, ind.target, ind.actual, ind.weight, ind.score, ind.reason ?? null]);
  }
  rows.push(["总分", null, null, null, null, null, 100, p.total, null]);
  return rows;
}

export interface SpotCheckRow {
  department: string;
  name: string;
  selfScore: number | null;
  score: number;
  grade: string;
}

export function spotCheckRows(list: SpotCheckRow[], year = 2023): Rows {
  return [
    [`${year}年度项目支出绩效自评抽查复核表`],
    ["序号", "主管部门", "项目名称", "自评得分", "复核得分", "复核等级", "备注"],
    ...list.map((r, i) => [i + 1, r.department, r.name, r.selfScore, r.score, r.grade, null]),
  ];
}

export function grid(sheet: string, values: Rows): Grid {
  return { sheet, top: 0, left: 0, values, merges: null };
}

/** Cell text that must stay text in the pane. */
export const XSS = "<img src=x onerror=alert(1)>";

/** A complete, correct project: no error findings. */
export const GOOD: SelfAssessmentSpec = {
  name: "城乡居民医疗救助",
  department: "县医疗保障局",
  unit: "县医疗保障服务中心",
  budget: { initial: 200, adjusted: 200, executed: 196, rate: 0.98, score: 9.8 },
  indicators: [
    { level1: "产出指标", level2: "数量指标", name: "救助人次", target: "≥1200人次", actual: "1260人次", weight: 20, score: 20 },
    { level2: "质量指标", name: "救助对象识别准确率", target: "≥98%", actual: "99%", weight: 10, score: 10 },
    { level2: "时效指标", name: "救助资金发放及时率", target: "100%", actual: "100%", weight: 10, score: 10 },
    { level2: "成本指标", name: "人均救助标准", target: "≤1600元", actual: "1550元", weight: 10, score: 10 },
    { level1: "效益指标", level2: "社会效益指标", name: "困难群众就医负担", target: "有效减轻", actual: "有效减轻", weight: 30, score: 30 },
    { level1: "满意度指标", level2: "服务对象满意度指标", name: "救助对象满意度", target: "≥90%", actual: "95%", weight: 10, score: 10 },
  ],
  total: 99.8,
};

/** A project with errors and warnings: a score above its weight, a shortfall without a reason, XSS-like text. */
export const FLAWED: SelfAssessmentSpec = {
  name: "农村饮水安全巩固提升工程",
  department: "县水利局",
  unit: "县农村供水站",
  budget: { initial: 500, adjusted: 500, executed: 380, rate: 0.76, score: 7.6 },
  indicators: [
    { level1: "产出指标", level2: "数量指标", name: `新建供水管网长度${XSS}`, target: "≥30公里", actual: "24公里", weight: 20, score: 16 },
    { level2: "质量指标", name: "水质达标率", target: "≥95%", actual: "96%", weight: 10, score: 12 },
    { level2: "时效指标", name: "工程完工及时率", target: "100%", actual: "100%", weight: 10, score: 10 },
    { level2: "成本指标", name: "每公里管网造价", target: "≤15万元", actual: "14万元", weight: 10, score: 10 },
    { level1: "效益指标", level2: "社会效益指标", name: "受益人口", target: "≥5000人", actual: "5200人", weight: 30, score: 30, reason: null },
    { level1: "满意度指标", level2: "服务对象满意度指标", name: "受益群众满意度", target: "≥90%", actual: "92%", weight: 10, score: 10 },
  ],
  total: 95.6,
};

/** Spot-check list reviewing FLAWED much lower than its self-score (a severe gap, grade 中). */
export const REVIEW: SpotCheckRow[] = [{ department: "县水利局", name: FLAWED.name, selfScore: 95.6, score: 72, grade: "中" }];

/** The standard test workbook: two self-assessments and a spot-check list, plus a sheet that is no template. */
export function standardSheets(): { name: string; rows: Rows }[] {
  return [
    { name: "医疗救助", rows: selfAssessmentRows(GOOD) },
    { name: "饮水工程", rows: selfAssessmentRows(FLAWED) },
    { name: "复核结果", rows: spotCheckRows(REVIEW) },
    { name: "说明", rows: [["填表说明"], ["本工作簿由测试生成。"]] },
  ];
}
