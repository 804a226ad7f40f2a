import { executionRate, finite, roundScaled } from "../../score";
import { num, pct } from "../format";
import type { ProjectRule } from "../types";

/**
 * The stated execution rate ≠ executed ÷ budget (SPEC §4, §5 budget/rate-mismatch), beyond the
 * profile's rateTolerance (0.005 = 0.5 percentage points).
 *
 * - The rate is computed from the amounts only: 全年执行数 ÷ 全年预算数, falling back to 年初预算数
 *   (`executionRate` without the stated rate). Silent when the amounts are missing.
 * - Over-execution: a stated 100 % for a rate above 100 % is accepted (many forms cap the rate at 100 %);
 *   any other stated value must match.
 * - Self-assessments and department-level forms (goal tables have no execution). Points at the stated
 *   rate's cell.
 */
export const rule: ProjectRule = {
  id: "budget/rate-mismatch",
  severity: "error",
  title: { zh: "执行率计算错误", en: "Wrong execution rate" },
  scope: "project",
  docs: {
    zh: "填报的预算执行率应等于全年执行数÷全年预算数（无全年预算数时用年初预算数），容差0.5个百分点。执行数超过预算数时填100%视为正确。",
    en: "The stated execution rate must equal executed ÷ adjusted budget (else ÷ initial budget), within 0.5 percentage points. A stated 100 % for over-execution is accepted.",
  },
  message: {
    zh: (d) =>
      `预算执行率填报${pct(d.stated as number)}，按全年执行数${num(d.executed as number)}÷${d.base === "initial" ? "年初预算数" : "全年预算数"}${num(d.budget as number)}计算应为${pct(d.computed as number)}（相差${num(d.diffPoints as number)}个百分点）。`,
    en: (d) =>
      `The stated execution rate is ${pct(d.stated as number)}, but executed ${num(d.executed as number)} ÷ ${d.base === "initial" ? "initial" : "adjusted"} budget ${num(d.budget as number)} = ${pct(d.computed as number)} (${num(d.diffPoints as number)} percentage points apart).`,
  },
  suggestion: {
    zh: (d) => `核对预算数和执行数，将执行率更正为${pct(d.computed as number)}。`,
    en: (d) => `Check the budget and executed amounts; correct the rate to ${pct(d.computed as number)}.`,
  },
  check(p, ctx) {
    const b = p.budget;
    if (!b || p.template === "goal" || b.statedRate === null) return [];
    const computed = executionRate({ ...b, statedRate: null });
    if (computed === null) return [];
    const stated = b.statedRate;
    if (computed > 1 && Math.abs(stated - 1) < 1e-9) return [];
    const diff = roundScaled(Math.abs(stated - computed), 8); // Infinity for rates of opposite ±1e308: differs
    if (diff <= ctx.profile.rateTolerance + 1e-9) return [];
    const base = b.adjusted !== null && b.adjusted > 0 ? "adjusted" : "initial";
    return [
      {
        cell: b.cells.rate ?? b.cells.total,
        data: {
          stated,
          computed: roundScaled(computed, 6),
          executed: b.executed,
          budget: base === "adjusted" ? b.adjusted : b.initial,
          base,
          diffPoints: finite(roundScaled(diff * 10000, 0) / 100),
        },
      },
    ];
  },
};
