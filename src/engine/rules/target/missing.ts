import type { ProjectRule } from "../types";

/** An indicator row with a name but no target (SPEC §5). */
export const rule: ProjectRule = {
  id: "target/missing",
  severity: "error",
  title: { zh: "指标值缺失", en: "Missing target" },
  scope: "project",
  docs: {
    zh:
      "指标行填写了指标名称，但年度指标值（目标值）为空或只有“—”“/”。适用于自评表、部门整体自评表（年初指标值和调整指标值都为空时）和绩效目标表。" +
      "“**”“XX”等占位符由 target/placeholder 报告。",
    en:
      "An indicator row has a name but its target (年度指标值) is blank or only \"—\" / \"/\". Applies to self-assessments, " +
      "department-level forms (both the initial and the adjusted target blank) and goal tables. Template stubs such as " +
      "\"**\" are reported by target/placeholder.",
  },
  message: {
    zh: (d) => `指标“${d.name}”未填写年度指标值。`,
    en: (d) => `Indicator "${d.name}" has no target value.`,
  },
  suggestion: {
    zh: () => "按绩效目标表填写年度指标值，定量指标写明比较符号、数值和计量单位（如“≥1200人”），定性指标写明预期效果。",
    en: () => "Fill in the target from the goal table: operator, number and unit for quantities (e.g. ≥1200人), the expected effect for qualitative ones.",
  },
  check(p) {
    return p.indicators
      .filter((i) => i.target.kind === "empty")
      .map((i) => ({ cell: i.cells.target ?? i.cell, data: { name: i.name } }));
  },
};
