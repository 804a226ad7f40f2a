/**
 * Small plain grids of the indicator forms (SPEC §2), read by the real reader: for rule tables that
 * need the reader's view of a layout (category inheritance, goal-table blocks, department forms).
 *
 *   selfAssessment({ rows: [["产出指标", "数量指标", "培训人数", "≥100人", "98人", 10, 9.8, ""]] })
 *   goalTable({ midterm: [...], annual: [...] })
 *   departmentForm({ rows: [["家庭医生签约服务覆盖率", "%", "定量指标", "≥45%", "43%", 15, 14.33]] })
 */
import type { CellValue, Grid } from "../../src/engine/grid";
import { readWorkbook, type WorkbookReading } from "../../src/engine/read";
import type { Indicator, Level1Key, Level2Key } from "../../src/engine/model";
import { makeIndicator, type IndicatorInit } from "./factories";

/** 一级 | 二级 | 三级 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因 (blank 一级/二级 inherit downward). */
export type SelfRow = [CellValue, CellValue, CellValue, CellValue, CellValue, CellValue?, CellValue?, CellValue?];

export interface SelfAssessmentSpec {
  name?: string;
  file?: string;
  sheet?: string;
  rows: SelfRow[];
  /** Drop the 分值/得分 columns (湖南 style). */
  noScoreColumns?: boolean;
  /** Drop the reason column. */
  noReasonColumn?: boolean;
}

function reading(file: string, sheet: string, values: CellValue[][]): WorkbookReading {
  const width = Math.max(...values.map((r) => r.length));
  const grid: Grid = { sheet, top: 0, left: 0, values: values.map((r) => [...r, ...new Array<CellValue>(width - r.length).fill(null)]), merges: null };
  return readWorkbook({ file, grids: [grid] });
}

/**
 * A national self-assessment (财预〔2020〕10号): header block in rows 1–5, indicator header in row 6
 * (columns A 绩效指标, B 一级, C 二级, D 三级, E 年度指标值, F 实际完成值, G 分值, H 得分, I 原因), data from row 7.
 */
export function selfAssessment(spec: SelfAssessmentSpec): WorkbookReading {
  const header: CellValue[] = ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值"];
  if (!spec.noScoreColumns) header.push("分值", "得分");
  if (!spec.noReasonColumn) header.push("偏差原因分析及改进措施");
  const rows: CellValue[][] = [
    ["项目支出绩效自评表（2023年度）"],
    ["项目名称", spec.name ?? "测试项目"],
    ["主管部门", "区民政局", null, "实施单位", "区养老服务中心"],
    ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [null, "年度资金总额", 100, 100, 100, 10, "100%", 10],
    header,
  ];
  for (const r of spec.rows) {
    const [l1, l2, name, target, actual, weight, score, reason] = r;
    const row: CellValue[] = [null, l1, l2, name, target, actual];
    if (!spec.noScoreColumns) row.push(weight ?? null, score ?? null);
    if (!spec.noReasonColumn) row.push(reason ?? null);
    rows.push(row);
  }
  rows.push(["总分", null, null, null, null, null, 100]);
  return reading(spec.file ?? "self.xlsx", spec.sheet ?? "自评表", rows);
}

/** 一级 | 二级 | 三级 | 指标值 */
export type GoalRow = [CellValue, CellValue, CellValue, CellValue];

/**
 * An 88号 goal table laid out like example 04: one indicator header, then a "中期绩效指标" marker row and
 * its rows, then a "年度绩效指标" marker row and its rows (either block may be left out).
 * Columns: A 绩效指标 / marker, B 一级, C 二级, D 三级, E 指标值.
 */
export function goalTable(spec: { name?: string; midterm?: GoalRow[]; annual?: GoalRow[]; file?: string }): WorkbookReading {
  const rows: CellValue[][] = [
    ["项目支出绩效目标申报表"],
    ["项目名称", spec.name ?? "校舍维修"],
    ["主管部门", "区教育局", null, "实施单位", "区教育事业服务中心"],
    ["年度资金总额", 500],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"],
  ];
  const block = (marker: string, data: GoalRow[]) => {
    rows.push([marker]);
    for (const [l1, l2, n, t] of data) rows.push([null, l1, l2, n, t]);
  };
  if (spec.midterm) block("中期绩效指标", spec.midterm);
  if (spec.annual) block("年度绩效指标", spec.annual);
  return reading(spec.file ?? "goal.xlsx", "目标表", rows);
}

/** 指标名称 | 计量单位 | 指标性质 | 年初指标值 | 全年完成值 | 指标权重 | 指标得分 */
export type DeptRow = [CellValue, CellValue, CellValue, CellValue, CellValue, CellValue, CellValue];

/** A 部门整体 form (SPEC §2.2): no 一级/二级 columns and no reason column. */
export function departmentForm(spec: { rows: DeptRow[]; file?: string }): WorkbookReading {
  const rows: CellValue[][] = [
    ["2023年度部门整体绩效自评表"],
    ["主管部门", "某区卫生健康委员会", null, null, null, "自评总分（分）", 95],
    ["部门预算执行情况（万元）", "年初预算数", "全年（调整）预算数", "全年执行数", "执行率（%）", "执行率权重", "执行率得分（分）"],
    [null, 100, 100, 100, "100%", 10, 10],
    ["指标名称", "计量单位", "指标性质", "年初指标值", "调整指标值", "全年完成值", "得分系数（%）", "指标权重（分）", "指标得分（分）", "是否核心指标"],
  ];
  for (const [n, u, nature, t, a, w, s] of spec.rows) rows.push([n, u, nature, t, null, a, null, w, s, "是"]);
  return reading(spec.file ?? "dept.xlsx", "部门整体自评", rows);
}

// ---------------------------------------------------------------------------------------------
// Indicators with category labels, for project-level rule tables.
// ---------------------------------------------------------------------------------------------

const L1_LABEL: Record<Level1Key, string> = { output: "产出指标", effect: "效益指标", satisfaction: "满意度指标", cost: "成本指标" };
const L2_LABEL: Record<Level2Key, string> = {
  quantity: "数量指标",
  quality: "质量指标",
  timeliness: "时效指标",
  cost: "成本指标",
  economic: "经济效益指标",
  social: "社会效益指标",
  ecological: "生态效益指标",
  cultural: "文化效益指标",
  sustainability: "可持续影响指标",
  satisfaction: "服务对象满意度指标",
  "economic-cost": "经济成本指标",
  "social-cost": "社会成本指标",
  "ecological-cost": "生态环境成本指标",
};

/** An indicator under 一级/二级 keys with their standard labels. */
export function categorised(level1: Level1Key | null, level2: Level2Key | null, init: IndicatorInit = {}): Indicator {
  return makeIndicator({
    level1,
    level2,
    level1Label: level1 ? L1_LABEL[level1] : null,
    level2Label: level2 ? L2_LABEL[level2] : null,
    ...init,
  });
}

/** A complete 2020-framework set: 数量/质量/时效/成本, 社会效益, 满意度 (rows 16–21). */
export function completeSet(): Indicator[] {
  return [
    categorised("output", "quantity", { name: "培训人数", target: "≥100人", actual: "100人", cell: "E16" }),
    categorised("output", "quality", { name: "培训合格率", target: "≥95%", actual: "96%", cell: "E17" }),
    categorised("output", "timeliness", { name: "完成时间", target: "12月底前", actual: "12月20日", cell: "E18" }),
    categorised("output", "cost", { name: "人均培训成本", target: "≤500元", actual: "480元", cell: "E19" }),
    categorised("effect", "social", { name: "就业率", target: "≥60%", actual: "65%", cell: "E20" }),
    categorised("satisfaction", "satisfaction", { name: "学员满意度", target: "≥90%", actual: "92%", cell: "E21" }),
  ];
}
