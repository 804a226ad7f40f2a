import type { ProjectRule } from "../types";

/** Self-assessment row with a target but no actual (SPEC §5). */
export const rule: ProjectRule = {
  id: "actual/missing",
  severity: "error",
  title: { zh: "实际完成值缺失", en: "Missing actual value" },
  scope: "project",
  docs: {
    zh:
      "自评表（含部门整体自评表）的指标行填写了年度指标值，但实际完成值为空、只有“—”“/”，或是“**”等占位符。" +
      "绩效目标表没有实际完成值，不适用；表中没有实际完成值一栏时也不逐行报告。年度指标值本身为空时由 target/missing 报告。",
    en:
      "A self-assessment (or department-level) row has a target but its actual is blank, \"—\" / \"/\", or a placeholder " +
      "such as \"**\". Goal tables have no actuals and are exempt, as are forms with no actual column at all. A blank " +
      "target is reported by target/missing instead.",
  },
  message: {
    zh: (d) =>
      d.placeholder
        ? `指标“${d.name}”的实际完成值“${d.actual}”是占位符，未填写实际完成情况（年度指标值${d.target}）。`
        : `指标“${d.name}”未填写实际完成值（年度指标值${d.target}）。`,
    en: (d) =>
      d.placeholder
        ? `The actual of "${d.name}" is a placeholder ("${d.actual}") (target ${d.target}).`
        : `Indicator "${d.name}" has no actual value (target ${d.target}).`,
  },
  suggestion: {
    zh: () => "填写全年实际完成值（定量指标写数值和单位，定性指标写完成情况）；未实施的请填0或“未完成”并说明原因。",
    en: () => "Fill in the actual for the year (number and unit, or the outcome in words); if nothing was done, write 0 or 未完成 and give the reason.",
  },
  check(p) {
    if (p.template === "goal") return [];
    return p.indicators
      .filter(
        (i) =>
          (i.target.kind === "number" || i.target.kind === "qualitative") &&
          i.actual !== null &&
          (i.actual.kind === "empty" || i.actual.kind === "placeholder"),
      )
      .map((i) => ({
        cell: i.cells.actual ?? i.cell,
        data: { name: i.name, target: i.target.raw, actual: i.actual!.raw, placeholder: i.actual!.kind === "placeholder" ? 1 : 0 },
      }));
  },
};
