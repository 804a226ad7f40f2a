import type { Indicator } from "../../model";
import { num } from "../format";
import type { ProjectRule } from "../types";

/** Names that say what the percentage measures (a rate, a share): such a target can be checked. */
export const MEASURABLE_NAME = /率|比例|占比|比重|比率|百分比|覆盖面|达标|合格|增长|下降|提高\d|降低\d/;
/** A target or note that names its data source or formula. */
export const SOURCE_WORDS = /来源|口径|计算|公式|统计|调查|测评|问卷|抽样|=|÷|\//;

/** An effect indicator whose target is a bare percentage: a % target on a name that measures no rate, with no source. */
export function isBarePercentage(i: Indicator): boolean {
  if (i.level1 !== "effect") return false;
  if (i.target.kind !== "number" || i.target.unit !== "%") return false;
  if (MEASURABLE_NAME.test(i.name)) return false;
  return !SOURCE_WORDS.test(`${i.target.raw}${i.reason ?? ""}`);
}

/**
 * Effect (效益) indicators whose target is a bare percentage ("社会效益指标全部以≥95%为指标值，不具考核性"): the name
 * states an effect ("群众生活水平提高", "生态环境改善") with a percentage target but no rate it measures and no data
 * source or formula, so nobody can say whether 95% was reached. One finding per form, at the first such target.
 */
export const rule: ProjectRule = {
  id: "target/bare-percentage",
  severity: "warning",
  title: { zh: "效益指标以百分比空泛设定", en: "Effect target is a bare percentage" },
  scope: "project",
  docs: {
    zh:
      "效益指标的指标值是百分比（如“≥95%”），但指标名称不是可计算的比率（率、比例、占比……），也未说明数据来源或计算公式，" +
      "指标不具考核性。每张表报告一次，指向第一个这样的指标值，消息列出全部此类指标。",
    en:
      "An effect indicator has a percentage target (such as ≥95%) while its name measures no rate (率, 比例, 占比 …) and no data source " +
      "or formula is given: the target cannot be assessed. Once per form, at the first such target; the message lists them all.",
  },
  message: {
    zh: (d) => `${num(d.count as number)}个效益指标以百分比作指标值但无法计算（如“${d.name}”${d.target}），未说明数据来源或计算公式，不具考核性：${d.names}。`,
    en: (d) => `${num(d.count as number)} effect indicators have a percentage target that cannot be computed (e.g. "${d.name}" ${d.target}) and give no data source or formula: ${d.names}.`,
  },
  suggestion: {
    zh: () => "将效益指标改为可计量的指标（明确分子、分母或统计口径），或在指标值中注明数据来源和计算方法。",
    en: () => "Restate each effect indicator as something measurable (numerator, denominator or statistical basis), or name the data source and formula.",
  },
  check(p) {
    const bare = p.indicators.filter(isBarePercentage);
    if (bare.length === 0) return [];
    return [
      {
        cell: bare[0].cells.target ?? bare[0].cell,
        data: { count: bare.length, name: bare[0].name, target: bare[0].target.raw, names: bare.map((i) => i.name).join("、") },
      },
    ];
  },
};
