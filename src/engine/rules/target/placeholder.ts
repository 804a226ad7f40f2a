import type { ProjectRule } from "../types";

/** The target is a template stub ("**", "XX", "≥**人次") (SPEC §3, §5). */
export const rule: ProjectRule = {
  id: "target/placeholder",
  severity: "error",
  title: { zh: "指标值为占位符", en: "Placeholder target" },
  scope: "project",
  docs: {
    zh: "年度指标值是模板中的占位符（如“**”“XX”“≥**人次”“__”），没有填写实际目标。适用于所有含指标的表。",
    en: "The target is a template placeholder (\"**\", \"XX\", \"≥**人次\", \"__\") rather than a value. Applies to every form with indicators.",
  },
  message: {
    zh: (d) => `指标“${d.name}”的年度指标值“${d.target}”是占位符，未填写具体目标。`,
    en: (d) => `The target of "${d.name}" is a placeholder ("${d.target}"), not a value.`,
  },
  suggestion: {
    zh: () => "将占位符替换为绩效目标表中批复的指标值（如“≥1200人次”）。",
    en: () => "Replace the placeholder with the approved target from the goal table (e.g. ≥1200人次).",
  },
  check(p) {
    return p.indicators
      .filter((i) => i.target.kind === "placeholder")
      .map((i) => ({ cell: i.cells.target ?? i.cell, data: { name: i.name, target: i.target.raw } }));
  },
};
