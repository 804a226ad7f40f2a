import type { Indicator, Project } from "../../model";
import { num, str } from "../format";
import { differs, rowOf, scoreRulesApply, sum2 } from "../score/common";
import type { ProjectRule } from "../types";

const TOLERANCE = 0.01;

const norm = (s: string | null) => (s ?? "").replace(/\s+/g, "");

/** Indicators under a declared label: rows from the label down to the next declared label, same 一级. */
function membersOf(p: Project, index: number): Indicator[] {
  const sorted = [...p.declaredWeights].sort((a, b) => (rowOf(a.cell) ?? 0) - (rowOf(b.cell) ?? 0));
  const d = p.declaredWeights[index];
  const start = rowOf(d.cell) ?? 0;
  const next = sorted.find((x) => (rowOf(x.cell) ?? 0) > start);
  const end = next ? (rowOf(next.cell) ?? Infinity) : Infinity;
  const label = norm(d.label);
  const pool = /^绩效指标/.test(label); // "绩效指标(90分)": every indicator of the form
  return p.indicators.filter((i) => {
    if (i.weightSource === "profile") return false;
    if (pool) return true;
    const row = rowOf(i.cell) ?? 0;
    if (row < start || row >= end) return false;
    if (i.level1Label !== null) return norm(i.level1Label) === label;
    return d.level1 !== null && i.level1 === d.level1;
  });
}

/**
 * The rows under a 一级 label that declares its points ("产出指标(50分)") must add up to them (SPEC §5
 * weight/declared-sum).
 *
 * - Forms with score columns only (self-assessments, department-level forms); not goal tables.
 * - A declared label's rows: those below it carrying that 一级 label, up to the next declared label.
 *   "绩效指标(90分)" declares the pool of all indicators.
 * - Indicators with no weight count as 0 and are named; silent when none of the rows has a weight, or
 *   when no row sits under the label (category/missing-* report that).
 * - Tolerance 0.01. Points at the declared label's cell.
 */
export const rule: ProjectRule = {
  id: "weight/declared-sum",
  severity: "error",
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
  check(p) {
    if (!scoreRulesApply(p)) return [];
    return p.declaredWeights.flatMap((d, index) => {
      const members = membersOf(p, index);
      const weights = members.map((i) => i.weight).filter((w): w is number => w !== null);
      if (weights.length === 0) return [];
      const total = sum2(weights);
      if (!differs(total, d.weight, TOLERANCE)) return [];
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
