import type { Indicator, Project } from "../../model";
import { num, str } from "../format";
import { differs, scoreRulesApply, sum2 } from "../score/common";
import type { ProjectRule } from "../types";


const norm = (s: string | null) => (s ?? "").replace(/\s+/g, "");

/**
 * Indicators under a declared label: those carrying that 一级 label (by key when the label is unknown).
 * The declaration may sit on the 一级 label ("产出指标(50分)") or on a 小计 row below the rows, so rows
 * are matched by label, not by position. "绩效指标(90分)" declares the pool of all indicators. Null when
 * the same label is declared twice in one form (which rows belong to which cannot be told).
 */
function membersOf(p: Project, index: number): Indicator[] | null {
  const d = p.declaredWeights[index];
  const label = norm(d.label);
  const rows = p.indicators.filter((i) => i.weightSource !== "profile");
  if (/^绩效指标/.test(label)) return rows;
  if (p.declaredWeights.some((x, k) => k !== index && norm(x.label) === label)) return null;
  return rows.filter((i) => (i.level1Label !== null ? norm(i.level1Label) === label : d.level1 !== null && i.level1 === d.level1));
}

/**
 * The rows under a 一级 label that declares its points ("产出指标(50分)") must add up to them (SPEC §5
 * weight/declared-sum).
 *
 * - Forms with score columns only (self-assessments, department-level forms); not goal tables.
 * - A declared label's rows: those carrying that 一级 label, wherever the declaration sits (on the label
 *   or on a 小计 row). "绩效指标(90分)" declares the pool of all indicators. A label declared twice in
 *   one form is skipped (the rows cannot be attributed).
 * - Indicators with no weight count as 0 and are named; silent when none of the rows has a weight, or
 *   when no row sits under the label (category/missing-* report that).
 * - Tolerance profile.scoreTolerance (0.01). Points at the declared label's cell.
 */
export const rule: ProjectRule = {
  id: "weight/declared-sum",
  severity: "error",
  title: { zh: "一级指标分值与明细合计不符", en: "Rows do not add up to the declared weight" },
  scope: "project",
  docs: {
    zh: "一级指标标注的分值（如“产出指标(50分)”）应等于其下各三级指标分值之和（容差0.01）。",
    en: "A first-level label that states its points (\"产出指标(50分)\") must equal the sum of the weights of the indicators under it (tolerance 0.01).",
  },
  message: {
    zh: (d) =>
      `“${str(d.label)}”下${str(d.count)}项指标分值合计${num(d.sum as number)}分，与标注的${num(d.declared as number)}分不一致。` +
      (Number(d.missing) > 0 ? `其中${str(d.missing)}项未填写分值。` : ""),
    en: (d) =>
      `The ${str(d.count)} indicator(s) under "${str(d.label)}" have weights adding up to ${num(d.sum as number)}, not the declared ${num(d.declared as number)}.` +
      (Number(d.missing) > 0 ? ` ${str(d.missing)} of them have no weight.` : ""),
  },
  suggestion: {
    zh: (d) => `调整“${str(d.label)}”下各指标分值使其合计为${num(d.declared as number)}分，或更正标注的分值。`,
    en: (d) => `Make the weights under "${str(d.label)}" add up to ${num(d.declared as number)}, or correct the declared points.`,
  },
  check(p, ctx) {
    if (!scoreRulesApply(p)) return [];
    return p.declaredWeights.flatMap((d, index) => {
      const members = membersOf(p, index);
      if (!members) return [];
      const weights = members.map((i) => i.weight).filter((w): w is number => w !== null);
      if (weights.length === 0) return [];
      const total = sum2(weights);
      if (total !== null && !differs(total, d.weight, ctx.profile.scoreTolerance)) return [];
      return [
        {
          cell: d.cell,
          data: {
            label: d.label.replace(/\s+/g, ""),
            level1: d.level1,
            declared: d.weight,
            sum: total,
            count: members.length,
            missing: members.length - weights.length,
          },
        },
      ];
    });
  },
};
