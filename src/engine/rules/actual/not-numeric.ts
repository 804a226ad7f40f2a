import type { Indicator } from "../../model";
import { toHalfWidth } from "../../read/normalise";
import { isNothingWording } from "../../score";
import { hasReason } from "../reason/shared";
import type { ProjectRule } from "../types";

/** "未发生安全事故", "无投诉": a measured zero against a ceiling or a zero target. */
const NOTHING_PREFIX = /^(无|未发生|没有发生|没有|零|杜绝)/;

function notNumeric(i: Indicator): boolean {
  const a = i.actual;
  if (!a || a.kind !== "qualitative") return false;
  if (i.target.kind !== "number" || i.nature === "qualitative") return false;
  const text = toHalfWidth(a.raw).replace(/\s+/g, "");
  // Words with a number in them ("共培训1136人次") still state a quantity a person can read.
  if (/\d/.test(text)) return false;
  if (isNothingWording(a)) return false;
  const ceiling = i.target.op === "<=" || i.target.op === "<" || i.target.value === 0 || i.direction === "lower";
  if (ceiling && NOTHING_PREFIX.test(text)) return false;
  return !hasReason(i.reason);
}

/** Quantitative target but a worded actual ("完成") and no reason (SPEC §5). */
export const rule: ProjectRule = {
  id: "actual/not-numeric",
  severity: "warning",
  title: { zh: "定量指标完成值未量化", en: "Non-numeric actual for a quantitative target" },
  scope: "project",
  docs: {
    zh:
      "定量指标（年度指标值是数字）的实际完成值只写了文字（“完成”“已完成”“达标”“良好”），没有数值，也没有填写原因，无法核算得分。" +
      "以下不报告：文字中带有数字（“共培训1136人次”）；“无”“未发生”等表示零的说法（针对上限或零目标）；已填写原因说明；指标性质标为定性。",
    en:
      "A quantitative target (a number) has a worded actual (完成, 已完成, 达标, 良好) with no number and no reason, so the score " +
      "cannot be checked. Not reported: words containing a number (共培训1136人次); 无 / 未发生 against a ceiling or a zero " +
      "target; a written reason; rows marked 定性.",
  },
  message: {
    zh: (d) => `定量指标“${d.name}”的实际完成值为“${d.actual}”，没有填写具体数值（年度指标值${d.target}）。`,
    en: (d) => `Quantitative indicator "${d.name}" has the worded actual "${d.actual}" instead of a number (target ${d.target}).`,
  },
  suggestion: {
    zh: (d) => `按年度指标值的口径填写实际完成的数值和单位（如“${d.example}”）；确实无法量化的，在偏差原因栏说明。`,
    en: (d) => `Enter the actual as a number in the target's unit (e.g. ${d.example}); if it cannot be measured, explain why in the reason column.`,
  },
  check(p) {
    if (p.template === "goal") return [];
    return p.indicators.filter(notNumeric).map((i) => ({
      cell: i.cells.actual ?? i.cell,
      data: {
        name: i.name,
        actual: i.actual!.raw,
        target: i.target.raw,
        example: `${i.target.value}${i.target.unit ?? ""}`,
      },
    }));
  },
};
