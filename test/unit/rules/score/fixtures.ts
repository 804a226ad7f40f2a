/**
 * Fixtures shared by the weight / score / budget rule tables: a correctly filled national
 * self-assessment (example 01's first project: 执行 10, 产出 50, 效益 30, 满意度 10, total 94.54) and a
 * department-level form (example 05), each with overrides.
 */
import type { Budget, Indicator, Project } from "../../../../src/engine/model";
import { makeBudget, makeIndicator, makeProject, type IndicatorInit } from "../../../helpers/factories";

export const NATIONAL_ROWS: IndicatorInit[] = [
  { level1: "output", level1Label: "产出指标", level2: "quantity", name: "上门服务老年人数", target: "≥1200人", actual: "1136人", weight: 15, score: 14.2, reason: "部分老人入院或去世" },
  { level1: "output", level1Label: "产出指标", level2: "quantity", name: "服务工单数", target: "≥14000单", actual: "14520单", weight: 10, score: 10 },
  { level1: "output", level1Label: "产出指标", level2: "quality", name: "服务投诉率", target: "≤2%", actual: "1.1%", weight: 10, score: 10 },
  { level1: "output", level1Label: "产出指标", level2: "timeliness", name: "补贴按月发放及时率", target: "100%", actual: "100%", weight: 10, score: 10 },
  { level1: "output", level1Label: "产出指标", level2: "cost", name: "人均补贴标准", target: "≤2000元/人·年", actual: "2000元/人·年", weight: 5, score: 5 },
  { level1: "effect", level1Label: "效益指标", level2: "social", name: "失能老人生活质量改善情况", target: "有效改善", actual: "部分达成年度指标并具有一定效果", weight: 15, score: 11 },
  { level1: "effect", level1Label: "效益指标", level2: "sustainability", name: "居家养老服务网络覆盖率", target: "≥95%", actual: "96%", weight: 15, score: 15 },
  { level1: "satisfaction", level1Label: "满意度指标", level2: "satisfaction", name: "服务对象满意度", target: "≥90%", actual: "93%", weight: 10, score: 10 },
];

/** Rows at E16, E17, … in order. */
export function rows(inits: IndicatorInit[], firstRow = 16): Indicator[] {
  return inits.map((init, k) => makeIndicator({ cell: `E${firstRow + k}`, ...cellsAt(firstRow + k), ...init }));
}

function cellsAt(row: number): Pick<Indicator, "cells"> {
  return {
    cells: { name: `E${row}`, target: `F${row}`, actual: `G${row}`, weight: `H${row}`, score: `I${row}`, reason: `J${row}`, reviewScore: null },
  };
}

/** Replace fields of some rows by index: withRows({ 0: { weight: 20 } }). */
export function withRows(changes: Record<number, IndicatorInit>, base: IndicatorInit[] = NATIONAL_ROWS): IndicatorInit[] {
  return base.map((r, i) => ({ ...r, ...(changes[i] ?? {}) }));
}

export const NATIONAL_BUDGET: Partial<Budget> = {
  initial: 260,
  adjusted: 248,
  executed: 231.6,
  statedRate: 0.9339,
  statedWeight: 10,
  score: 9.34,
  lines: [
    { label: "其中：当年财政拨款", initial: 260, adjusted: 248, executed: 231.6, cell: "C10" },
    { label: "上年结转资金", initial: null, adjusted: null, executed: null, cell: "C11" },
    { label: "其他资金", initial: null, adjusted: null, executed: null, cell: "C12" },
  ],
  cells: { total: "E9", initial: "E9", adjusted: "F9", executed: "G9", rate: "I9", weight: "H9", score: "J9", reason: null },
};

/** Example 01's first project, correctly filled; override anything. */
export function national(
  init: Partial<Project> & { rows?: IndicatorInit[]; budget?: Budget | null; budgetInit?: Partial<Budget> } = {},
): Project {
  const { rows: rowInits, budgetInit, ...rest } = init;
  return makeProject({
    name: "社区居家养老服务补贴项目",
    budget: makeBudget({ ...NATIONAL_BUDGET, ...(budgetInit ?? {}) }),
    indicators: rows(rowInits ?? NATIONAL_ROWS),
    statedTotal: 94.54,
    statedTotalCell: "I24",
    statedTotalWeight: 100,
    ...rest,
  });
}

export const DEPARTMENT_ROWS: IndicatorInit[] = [
  { level1: null, level2: null, name: "65岁以上老年人健康管理率", target: "≥70%", actual: "72.4%", weight: 15, score: 15, coefficient: 1, nature: "quantitative" },
  { level1: null, level2: null, name: "家庭医生签约服务覆盖率", target: "≥45%", actual: "43%", weight: 15, score: 14.33, coefficient: 0.9556, nature: "quantitative" },
  { level1: null, level2: null, name: "孕产妇系统管理率", target: "≥90%", actual: "95%", weight: 10, score: 10, coefficient: 1, nature: "quantitative" },
  { level1: null, level2: null, name: "基本药物配备使用率", target: "≥60%", actual: "64%", weight: 10, score: 10, coefficient: 1, nature: "quantitative" },
  { level1: null, level2: null, name: "三公经费控制率", target: "≤100%", actual: "87%", weight: 5, score: 5, coefficient: 1, nature: "quantitative" },
  { level1: null, level2: null, name: "预算调整率", target: "≤10%", actual: "8.6%", weight: 5, score: 5, coefficient: 1, nature: "quantitative" },
  { level1: null, level2: null, name: "突发公共卫生事件报告及时率", target: "100%", actual: "100%", weight: 10, score: 10, coefficient: 1, nature: "quantitative" },
  { level1: null, level2: null, name: "管理制度健全性", target: "健全", actual: "健全", weight: 5, score: 5, coefficient: 1, nature: "qualitative", direction: "qualitative" },
  { level1: null, level2: null, name: "群众就医满意度", target: "≥85%", actual: "79%", weight: 15, score: 13.94, coefficient: 0.9294, nature: "quantitative" },
];

/** Example 05 (部门整体自评), correctly filled. */
export function department(init: Partial<Project> & { rows?: IndicatorInit[]; budgetInit?: Partial<Budget> } = {}): Project {
  const { rows: rowInits, budgetInit, ...rest } = init;
  return makeProject({
    name: "某区卫生健康委员会",
    template: "department-self-assessment",
    unit: null,
    budget: makeBudget({
      initial: 5620,
      adjusted: 6105,
      executed: 5714.3,
      statedRate: 0.936,
      statedWeight: 10,
      score: 9.36,
      cells: { total: "B5", initial: "B5", adjusted: "C5", executed: "D5", rate: "E5", weight: "F5", score: "G5", reason: null },
      ...(budgetInit ?? {}),
    }),
    indicators: rows(rowInits ?? DEPARTMENT_ROWS, 9),
    statedTotal: 97.63,
    statedTotalCell: "H2",
    ...rest,
  });
}
