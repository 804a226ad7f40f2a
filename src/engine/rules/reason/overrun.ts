import { isOverrun, overrunRatio, roundScaled } from "../../score";
import { copiesTarget } from "../actual/copies-target";
import { pct } from "../format";
import type { Hit, ProjectRule } from "../types";
import { hasReason, hasReasonColumn, reasonCell, reasonRulesApply } from "./shared";

/** Actual ≥ 130 % of target and no reason (SPEC §4, §5). */
export const rule: ProjectRule = {
  id: "reason/overrun",
  severity: "warning",
  title: { zh: "大幅超额完成且未说明原因", en: "Large overrun without a reason" },
  scope: "project",
  docs: {
    zh:
      "定量指标实际完成值达到年度指标值的130%（方案中的 overrunRatio）及以上，但没有说明超额完成的原因；大幅超额往往说明目标设置偏低。" +
      "实际值带比较符号（“≥400人”）时不是实测值，由 actual/copies-target 报告。只适用于越高越好（≥、>）和等于（=）的指标：越低越好的指标（投诉率≤2%，实际1.1%）远低于上限是好事，不报告。" +
      "绩效目标表、以及没有原因栏的部门整体自评表不适用；没有原因栏的项目自评表指向实际完成值单元格。",
    en:
      "A quantitative actual reaches 130% (the profile's overrunRatio) of its target or more and no reason is given; a large " +
      "overrun usually means the target was set too low. Only for higher-is-better (≥, >) and equal (=) targets: staying far " +
      "below a ceiling (投诉率 ≤2%, actual 1.1%) is good news and not reported. An actual with an operator (≥400人) is not a " +
      "measurement (actual/copies-target). Goal tables and department-level forms " +
      "without a reason column are exempt; a self-assessment without a reason column is pointed at the actual cell.",
  },
  message: {
    zh: (d) => `“${d.name}”实际完成${d.actual}，为年度指标值${d.target}的${d.ratioText}（≥${d.thresholdText}），但未说明超额完成原因。`,
    en: (d) => `"${d.name}": actual ${d.actual} is ${d.ratioText} of the target ${d.target} (≥ ${d.thresholdText}), but no reason is given.`,
  },
  suggestion: {
    zh: (d) =>
      (d.reasonColumn ? "在“偏差原因分析及改进措施”栏" : "在“存在问题”“改进措施”或情况说明中") +
      "说明超额完成的原因（如需求增加、追加资金），并检查年度指标值是否设置偏低，下一年度据实调整。",
    en: () => "Explain why the target was exceeded (more demand, extra funds…) and check whether the target was set too low; adjust it next year.",
  },
  check(p, ctx) {
    if (!reasonRulesApply(p)) return [];
    const reasonColumn = hasReasonColumn(p) ? 1 : 0;
    const hits: Hit[] = [];
    for (const i of p.indicators) {
      // The overrun first: few rows overrun, and scoring has already classified them.
      if (!i.actual || i.actual.kind !== "number" || !isOverrun(i, ctx.profile)) continue;
      if (copiesTarget(i) || hasReason(i.reason)) continue;
      const ratio = overrunRatio(i)!;
      hits.push({
        cell: reasonCell(i),
        data: {
          name: i.name,
          target: i.target.raw,
          actual: i.actual.raw,
          ratio: roundScaled(ratio, 4),
          ratioText: pct(ratio),
          threshold: ctx.profile.overrunRatio,
          thresholdText: pct(ctx.profile.overrunRatio),
          reasonColumn,
        },
      });
    }
    return hits;
  },
};
