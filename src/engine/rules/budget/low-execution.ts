import type { Project } from "../../model";
import { normalizeText } from "../../score";
import { num, pct } from "../format";
import type { ProjectRule } from "../types";

/** A reason cell that says nothing ("无", "略", "暂无"). */
const EMPTY_REASON = /^(?:无|没有|暂无|略|否|不适用|\/|—|-|－|\*+|0)$/;
/** Closing text that talks about execution (四川 存在问题 / 改进措施 rows). */
const EXECUTION_WORDS = /执行率|执行进度|支出进度|预算执行|资金执行|资金支付|资金拨付|支付进度|拨付进度|结转|结余|跨年|未支付|未拨付|未使用|未执行/;

const known = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);
const amountsZh = (d: Record<string, string | number | null>) =>
  known(d.executed) && known(d.budget) ? `（执行${num(d.executed)}÷预算${num(d.budget)}）` : "";
const amountsEn = (d: Record<string, string | number | null>) =>
  known(d.executed) && known(d.budget) ? ` (${num(d.executed)} of ${num(d.budget)})` : "";

/** Where the form explains a low rate, if anywhere. */
function reasonOf(p: Project): { text: string; source: "budget" | "problems" | "measures" } | null {
  const r = p.budget?.reason;
  if (r && !EMPTY_REASON.test(normalizeText(r))) return { text: r, source: "budget" };
  if (p.problems && EXECUTION_WORDS.test(p.problems)) return { text: p.problems, source: "problems" };
  if (p.measures && EXECUTION_WORDS.test(p.measures)) return { text: p.measures, source: "measures" };
  return null;
}

/**
 * Execution rate below profile.lowExecutionRate (90 %) with no reason given (SPEC §5
 * budget/low-execution).
 *
 * - The rate is the one scoring uses (executed ÷ budget, else the stated rate).
 * - A reason is: text in the budget block's 原因 column (not a bare "无"/"略"), or, for forms without
 *   such a column, the closing 存在问题 / 改进措施 rows mentioning execution (执行率, 支出进度, 结转,
 *   跨年, 未拨付 …). Indicator deviation reasons do not count: they explain indicators.
 * - Self-assessments and department-level forms (goal tables have no execution). Points at the rate
 *   cell (else the executed amount, else the total row).
 */
export const rule: ProjectRule = {
  id: "budget/low-execution",
  severity: "warning",
  title: { zh: "执行率低于 90% 且未说明原因", en: "Execution below 90% without a reason" },
  scope: "project",
  docs: {
    zh: "预算执行率低于90%（按评分配置）时应说明原因：填写预算执行情况的“原因”栏，或在“存在问题/改进措施”中说明执行率偏低的原因。",
    en: "An execution rate below 90 % (per profile) needs a reason: in the budget block's reason column, or in the closing 存在问题 / 改进措施 rows about execution.",
  },
  message: {
    zh: (d) =>
      `预算执行率${pct(d.rate as number)}${amountsZh(d)}，低于${pct(d.threshold as number)}，未说明原因。`,
    en: (d) =>
      `The execution rate ${pct(d.rate as number)}${amountsEn(d)} is below ${pct(d.threshold as number)} and no reason is given.`,
  },
  suggestion: {
    zh: () => "在预算执行情况的“原因”栏（或“存在问题”中）说明执行率偏低的原因及改进措施。",
    en: () => "Explain the low rate and what will be done about it in the budget block's reason column (or under 存在问题).",
  },
  check(p, ctx) {
    const b = p.budget;
    if (!b || p.template === "goal" || b.rate === null) return [];
    const threshold = ctx.profile.lowExecutionRate;
    if (b.rate >= threshold - 1e-9) return [];
    if (reasonOf(p)) return [];
    return [
      {
        cell: b.cells.rate ?? b.cells.executed ?? b.cells.total,
        data: { rate: b.rate, threshold, executed: b.executed, budget: b.adjusted ?? b.initial, reasonCell: b.cells.reason },
      },
    ];
  },
};
