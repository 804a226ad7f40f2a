import type { Indicator } from "../../model";
import { toHalfWidth, trimEndChars } from "../../read/normalise";
import type { ProjectRule } from "../types";

/** The name already carries the unit: "培训人数", "覆盖率", "设计使用年限", "补助标准（元/人）". */
const UNIT_IN_NAME: RegExp[] = [
  // A bracketed unit at the end: "补助标准(元/人)", "道路长度（公里）".
  /\([^()]{1,12}\)$/,
  // Percent implied: rates, shares, satisfaction (满意度调查结果 too).
  /(率|比例|比率|占比|比重|百分比|增幅|降幅|增速|涨幅|完成度|达成度|知晓度|覆盖面)$/,
  /满意/,
  // Counts: 人数, 个数, 户数, 次数, 件数, 天数, 人次…; also 指数/系数/倍数/分数, which have no unit.
  /(数|数量|人次|户次|件次|台次|车次|班次)$/,
  // The counted thing is the unit: 帮扶贫困户 ≥300 (户), 新建学校所 → 所, 培训次.
  /(户|人|家|所|座|台|套|辆|项|次)$/,
  // Years: 使用年限, 完成年份.
  /(年限|年份|年数)$/,
  // Scores, grades and ratios.
  /(评分|得分|分值|等级|级别|星级|比|倍)$/,
  // Yes/no questions answered with 1/0.
  /^是否/,
];

export function unitImpliedByName(name: string): boolean {
  const n = trimEndChars(toHalfWidth(name).replace(/\s+/g, "").replace(/[（]/g, "(").replace(/[）]/g, ")"), "。.;；,，");
  return UNIT_IN_NAME.some((re) => re.test(n));
}

function unitMissing(i: Indicator): boolean {
  const t = i.target;
  if (t.kind !== "number" || t.unit !== null) return false;
  // "0" needs no unit (安全事故 0).
  if (t.value === 0) return false;
  if (unitImpliedByName(i.name)) return false;
  // The row states its unit on the actual ("≥1200" / "1136人"): the reader reconciles it.
  if (i.actual && i.actual.kind === "number" && i.actual.unit !== null) return false;
  return true;
}

/** Numeric target with no unit, except where the name implies it (SPEC §5). */
export const rule: ProjectRule = {
  id: "target/unit-missing",
  severity: "warning",
  title: { zh: "指标值缺少计量单位", en: "Target without a unit" },
  scope: "project",
  docs: {
    zh:
      "定量指标值只有数字、没有计量单位（如“补助标准 2000”：是元还是万元？）。以下情况不报告：单位已包含在指标名称中" +
      "（以“数/数量/人次”或“户/人/所/项/次”等量词结尾的计数，如“培训人数”“帮扶贫困户”；以“率/比例/占比”结尾或含“满意”的百分比；“年限”；“评分/等级/比”；名称末尾括号中的单位，如“补助标准（元/人）”）；" +
      "指标值为0；实际完成值写明了单位。四川样式的“度量单位”列和部门整体表的“计量单位”列已并入指标值。",
    en:
      "A numeric target has no unit (补助标准 2000: yuan or 10,000 yuan?). Not reported when the name implies the unit " +
      "(counts ending in 数/数量/人次 or a measure word such as 户/人/所/项/次, e.g. 培训人数, 帮扶贫困户; rates ending in 率/比例/占比 or mentioning 满意; 年限; 评分/等级/比; a unit in " +
      "brackets at the end of the name), when the target is 0, or when the actual states the unit. The 度量单位 / 计量单位 " +
      "columns of split layouts are already merged into the value.",
  },
  message: {
    zh: (d) => `指标“${d.name}”的年度指标值“${d.target}”没有计量单位。`,
    en: (d) => `The target of "${d.name}" ("${d.target}") has no unit.`,
  },
  suggestion: {
    zh: (d) => `在指标值后写明计量单位（如“${d.target}人”“${d.target}万元”“${d.target}%”），或在“计量单位/度量单位”栏填写。`,
    en: (d) => `State the unit after the number (e.g. ${d.target}人, ${d.target}万元, ${d.target}%) or in the unit column.`,
  },
  check(p) {
    return p.indicators
      .filter(unitMissing)
      .map((i) => ({ cell: i.cells.target ?? i.cell, data: { name: i.name, target: i.target.raw, value: i.target.value } }));
  },
};
