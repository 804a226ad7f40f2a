import type { Indicator, Project } from "../../model";
import type { Profile } from "../../profiles/schema";
import { bandOf, bandRange, isNothingWording, isQualitative, isShortfall, numericDirection } from "../../score";
import { copiesTarget } from "../actual/copies-target";
import { num } from "../format";
import type { Hit, ProjectRule } from "../types";
import { hasReason, hasReasonColumn, reasonCell, reasonRulesApply } from "./shared";

type Kind = "higher" | "lower" | "qualitative";

/** How the row falls short, or null when it does not (or cannot be told). */
export function shortfallKind(i: Indicator, p: Project, profile: Profile): Kind | null {
  const a = i.actual;
  if (!a || a.kind === "empty" || a.kind === "placeholder" || a.kind === "error") return null;
  if (i.target.kind === "empty" || i.target.kind === "placeholder" || i.target.kind === "error") return null;
  if (isQualitative(i)) {
    // Only the lowest band needs a reason: 部分达成 (example 01, 11 of 15) and a deadline met late are
    // deductions the score already explains.
    const band = bandOf(a, i.target, { year: p.year });
    if (band === "unmet") return "qualitative";
    if (band !== null) return null;
    // Wording we cannot place: a stated score in the unmet range is the unit's own verdict.
    if (i.score !== null && i.weight !== null && i.weight > 0) {
      const partial = bandRange("partial", i.weight, profile);
      if (i.score < partial.low - 1e-9) return "qualitative";
    }
    return null;
  }
  // A worded actual against a number is actual/not-numeric's finding; "≥266米" is actual/copies-target's.
  if (a.kind !== "number" && !isNothingWording(a)) return null;
  if (!isShortfall(i, { year: p.year })) return null;
  if (copiesTarget(i)) return null;
  return numericDirection(i) === "lower" ? "lower" : "higher";
}

/** Target not met and no reason (SPEC §5). */
export const rule: ProjectRule = {
  id: "reason/shortfall",
  severity: "warning",
  title: { zh: "未完成目标且未说明原因", en: "Target missed without a reason" },
  scope: "project",
  docs: {
    zh:
      "指标未完成年度指标值，但“偏差原因分析及改进措施”栏为空（或只写了“无”）。定量指标按数值判断（越高越好：实际值低于指标值；" +
      "越低越好：实际值高于指标值；单位无法换算时看自评得分是否低于分值）。定性指标只在完成情况属于最低档（“未完成”“效果较差”）时报告；" +
      "“部分达成”和时限延后属于中间档，扣分本身已体现，不报告。没有得分栏的表（湖南样式）同样按数值判断。" +
      "实际值只有文字时由 actual/not-numeric 报告，带比较符号（“≥266米”）时由 actual/copies-target 报告。绩效目标表、以及没有原因栏的部门整体自评表不适用；没有原因栏的项目自评表指向实际完成值单元格。",
    en:
      "An indicator misses its target and the reason column is blank (or just 无). Quantities are compared by value (higher is " +
      "better: actual below target; lower is better: actual above target; units that do not reconcile: stated score below " +
      "the weight). Qualitative rows are reported only in the lowest band (未完成, 效果较差); the partial band and late " +
      "deadlines are already reflected in the deduction. Forms without score columns are checked the same way. Worded " +
      "actuals against numbers are actual/not-numeric's, actuals with an operator (≥266米) actual/copies-target's. Goal tables and department-level forms without a reason column are " +
      "exempt; a self-assessment without a reason column is pointed at the actual cell.",
  },
  message: {
    zh: (d) => {
      const score =
        d.score === null || d.score === undefined ? "" : `（得分${num(d.score as number)}${d.weight === null ? "" : `，分值${num(d.weight as number)}`}）`;
      if (d.kind === "qualitative") return `“${d.name}”实际完成情况为“${d.actual}”，未达成年度指标值“${d.target}”${score}，但未填写偏差原因。`;
      if (d.kind === "lower") return `“${d.name}”实际为${d.actual}，超过年度指标值${d.target}的控制上限${score}，但未填写偏差原因。`;
      return `“${d.name}”实际完成${d.actual}，未达到年度指标值${d.target}${score}，但未填写偏差原因。`;
    },
    en: (d) => {
      const score =
        d.score === null || d.score === undefined ? "" : ` (score ${num(d.score as number)}${d.weight === null ? "" : ` of ${num(d.weight as number)}`})`;
      if (d.kind === "lower") return `"${d.name}": actual ${d.actual} exceeds the ceiling ${d.target}${score}, but no reason is given.`;
      return `"${d.name}": actual ${d.actual} falls short of the target ${d.target}${score}, but no reason is given.`;
    },
  },
  suggestion: {
    zh: (d) =>
      d.reasonColumn
        ? "在“偏差原因分析及改进措施”栏说明未完成的原因和拟采取的改进措施。"
        : "表中没有偏差原因栏：请在“存在问题”“改进措施”或情况说明中写明未完成的原因和改进措施。",
    en: (d) =>
      d.reasonColumn
        ? "Explain in the reason column why the target was missed and what will be done about it."
        : "The form has no reason column: explain the shortfall and the remedy under 存在问题 / 改进措施 or in the report.",
  },
  check(p, ctx) {
    if (!reasonRulesApply(p)) return [];
    const reasonColumn = hasReasonColumn(p) ? 1 : 0;
    const hits: Hit[] = [];
    for (const i of p.indicators) {
      // The shortfall first: most rows meet their target, and scoring has already classified them.
      const kind = shortfallKind(i, p, ctx.profile);
      if (!kind || hasReason(i.reason)) continue;
      hits.push({
        cell: reasonCell(i),
        data: {
          name: i.name,
          kind,
          target: i.target.raw,
          actual: i.actual!.raw,
          weight: i.weight,
          score: i.score,
          computedScore: i.computedScore,
          reasonColumn,
        },
      });
    }
    return hits;
  },
};
