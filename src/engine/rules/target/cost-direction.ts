import type { Indicator } from "../../model";
import { toHalfWidth } from "../../read/normalise";
import type { ProjectRule } from "../types";

const OP_TEXT: Record<string, string> = { ">=": "≥", ">": ">" };

/** Names where "more" is a saving, not spending: 成本节约率 ≥5%, 费用降低额. */
const SAVING = /(节约|节省|节支|降低|下降|减少|压减|压缩|节能)/;

export function isCostIndicator(i: Pick<Indicator, "level1" | "level2">): boolean {
  return (
    i.level1 === "cost" ||
    i.level2 === "cost" ||
    i.level2 === "economic-cost" ||
    i.level2 === "social-cost" ||
    i.level2 === "ecological-cost"
  );
}

function encouragesSpending(i: Indicator): boolean {
  if (!isCostIndicator(i)) return false;
  if (i.target.kind !== "number" || (i.target.op !== ">=" && i.target.op !== ">")) return false;
  return !SAVING.test(toHalfWidth(i.name));
}

/** A cost indicator with ≥ / > (SPEC §5). */
export const rule: ProjectRule = {
  id: "target/cost-direction",
  severity: "warning",
  title: { zh: "成本指标方向不当", en: "Cost indicator pointing the wrong way" },
  scope: "project",
  docs: {
    zh:
      "成本指标（产出指标下的成本指标，或2021年框架的一级成本指标及经济/社会/生态环境成本指标）的指标值用了“≥”“>”“不低于”“以上”，" +
      "等于鼓励多花钱；成本指标应设定“≤”控制上限。名称表示节约的（如“成本节约率”“费用降低额”）不报告。",
    en:
      "A cost indicator (成本指标 under 产出, or a 2021-framework cost category) has a ≥ / > target (≥, >, 不低于, 以上), which " +
      "rewards spending more; cost targets should be ceilings (≤). Names measuring a saving (成本节约率, 费用降低额) are not reported.",
  },
  message: {
    zh: (d) => `成本指标“${d.name}”的指标值“${d.target}”使用了“${d.op}”，会鼓励多支出。`,
    en: (d) => `Cost indicator "${d.name}" has the target "${d.target}" with "${d.op}", which rewards spending more.`,
  },
  suggestion: {
    zh: (d) => `成本指标应设定支出上限，将“${d.op}”改为“≤”（如“≤${d.value}${d.unit}”）；如确需下限，请改放到数量或质量指标下。`,
    en: (d) => `Set a ceiling: change "${d.op}" to "≤" (e.g. ≤${d.value}${d.unit}); if a floor is really meant, move the indicator to quantity or quality.`,
  },
  check(p) {
    return p.indicators.filter(encouragesSpending).map((i) => ({
      cell: i.cells.target ?? i.cell,
      data: { name: i.name, target: i.target.raw, op: OP_TEXT[i.target.op!], value: i.target.value, unit: i.target.unit ?? "" },
    }));
  },
};
