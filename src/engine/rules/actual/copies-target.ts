import type { Indicator } from "../../model";
import { toHalfWidth } from "../../read/normalise";
import type { ProjectRule } from "../types";

const OP_TEXT: Record<string, string> = { ">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "=" };

function norm(s: string): string {
  return toHalfWidth(s).replace(/\s+/g, "");
}

/** The actual is a stated comparison, not a measurement (also used by reason/* to skip such rows). */
export function copiesTarget(i: Pick<Indicator, "actual" | "target">): boolean {
  const a = i.actual;
  if (!a || a.kind !== "number" || a.op === null) return false;
  // "达到100%" / "实现…" reports a measured value; the parser reads 达到 as ≥.
  if (/^(达到|实现|已达到|已实现)/.test(norm(a.raw))) return false;
  // "=" is only suspicious when the whole text is the target's.
  if (a.op === "=") return norm(a.raw) === norm(i.target.raw);
  return true;
}

/** The actual carries the target's operator ("≥266米"): not a measured value (SPEC §5). */
export const rule: ProjectRule = {
  id: "actual/copies-target",
  severity: "warning",
  title: { zh: "完成值照抄指标值", en: "Actual copies the target" },
  scope: "project",
  docs: {
    zh:
      "实际完成值带有比较符号或比较词（“≥266米”“≤2%”“95%以上”“不低于1200人”），通常是照抄了年度指标值，不是实际测得的数值，" +
      "无法据此计算得分。“达到100%”这类表述视为实际值，不报告；“=”只有与指标值完全相同时才报告。",
    en:
      "The actual carries a comparison (\"≥266米\", \"≤2%\", \"95%以上\", \"不低于1200人\"): usually the target copied over, not a " +
      "measured value, so the score cannot be checked. \"达到100%\" (reached) counts as a measurement; \"=\" is reported only " +
      "when the actual repeats the target verbatim.",
  },
  message: {
    zh: (d) =>
      d.same
        ? `指标“${d.name}”的实际完成值“${d.actual}”与年度指标值相同，带有比较符号“${d.op}”，不是实际完成的数值。`
        : `指标“${d.name}”的实际完成值“${d.actual}”带有比较符号“${d.op}”，不是实际完成的数值（年度指标值${d.target}）。`,
    en: (d) =>
      d.same
        ? `The actual of "${d.name}" ("${d.actual}") repeats the target with its operator "${d.op}": it is not a measured value.`
        : `The actual of "${d.name}" ("${d.actual}") carries the operator "${d.op}": it is not a measured value (target ${d.target}).`,
  },
  suggestion: {
    zh: (d) => `填写实际测得的具体数值（如“${d.value}${d.unit}”），不带“≥”“≤”等符号。`,
    en: (d) => `Enter the measured value itself (e.g. ${d.value}${d.unit}) without ≥ / ≤.`,
  },
  check(p) {
    if (p.template === "goal") return [];
    return p.indicators.filter(copiesTarget).map((i) => ({
      cell: i.cells.actual ?? i.cell,
      data: {
        name: i.name,
        actual: i.actual!.raw,
        target: i.target.raw,
        op: OP_TEXT[i.actual!.op!],
        value: i.actual!.value,
        unit: i.actual!.unit ?? "",
        same: norm(i.actual!.raw) === norm(i.target.raw) ? 1 : 0,
      },
    }));
  },
};
