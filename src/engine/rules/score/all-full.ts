import { finite, roundScaled } from "../../score/round";
import { num } from "../format";
import { differs, scoreRulesApply } from "./common";
import type { ProjectRule } from "../types";

/**
 * Every indicator at full marks (SPEC §5 score/all-full, info): a self-assessment where nothing fell
 * short looks perfunctory and is worth a second look.
 *
 * - Forms with score columns (self-assessments and department-level forms); not goal tables.
 * - Only when every indicator with a weight has a stated score and each equals its weight (tolerance
 *   0.01). Rows with neither weight nor score are ignored; a row with a weight but no score means we
 *   cannot say "all". The execution score is not considered (it follows from the rate).
 * - One finding per project, at the stated total (else the first indicator's score cell).
 */
export const rule: ProjectRule = {
  id: "score/all-full",
  severity: "info",
  title: { zh: "各项指标均为满分", en: "Every indicator at full marks" },
  scope: "project",
  docs: {
    zh: "全部绩效指标均自评为满分，自评可能流于形式，建议复核。仅在各指标均填写了分值和得分时提示。",
    en: "Every indicator is self-scored at full marks, which may mean the self-assessment was done perfunctorily. Reported only when every indicator has a stated weight and score.",
  },
  message: {
    zh: (d) => `全部${num(d.count as number)}项绩效指标均自评为满分（指标得分合计${num(d.sum as number)}分）。`,
    en: (d) => `All ${num(d.count as number)} indicators are self-scored at full marks (${num(d.sum as number)} points).`,
  },
  suggestion: {
    zh: () => "逐项核对实际完成值与目标值及佐证材料，未完全达成的指标应据实扣分。",
    en: () => "Check each actual against its target and the evidence; deduct points where a target was not fully met.",
  },
  check(p, ctx) {
    if (!scoreRulesApply(p)) return [];
    const rows = p.indicators.filter((i) => i.weightSource !== "profile" && (i.weight !== null || i.score !== null));
    if (rows.length === 0) return [];
    const full = rows.every(
      (i) => i.weight !== null && i.weight > 0 && i.score !== null && !differs(i.score, i.weight, ctx.profile.scoreTolerance),
    );
    if (!full) return [];
    const sum = finite(roundScaled(rows.reduce((a, i) => a + (i.score as number), 0), 2));
    return [{ cell: p.statedTotalCell ?? rows[0].cells.score ?? rows[0].cell, data: { count: rows.length, sum } }];
  },
};
