/** Helpers shared by the reason/* rules (and actual/not-numeric): what counts as a written reason. */
import type { Indicator, Project } from "../../model";
import { toHalfWidth, trimEndChars } from "../../read/normalise";

/** Texts that fill the cell without explaining anything. */
const NOT_A_REASON = /^(无|暂无|没有|无偏差|无原因|不适用|不涉及|无此项|空|否|0|略|\.+|。+)$/;

/**
 * hasReason's answers by text: reason/shortfall and reason/overrun ask for the same rows, and a run's reasons
 * repeat ("无", "已完成"). Bounded: texts up to 200 characters, emptied at 10,000.
 */
const REASONS = new Map<string, boolean>();

/** A reason is written: non-blank text that says more than "无". */
export function hasReason(text: string | null | undefined): boolean {
  if (text === null || text === undefined) return false;
  if (text.length > 200) return isReason(text);
  let known = REASONS.get(text);
  if (known === undefined) {
    if (REASONS.size >= 10_000) REASONS.clear();
    known = isReason(text);
    REASONS.set(text, known);
  }
  return known;
}

function isReason(text: string): boolean {
  const t = trimEndChars(toHalfWidth(text).replace(/\s+/g, ""), "。.;；,，");
  if (t === "" || /^[—–\-－/*_]+$/.test(t)) return false;
  return !NOT_A_REASON.test(t);
}

/** Whether the form has a per-indicator reason column (偏差原因分析…/未完成原因…). */
export function hasReasonColumn(p: Project): boolean {
  return p.indicators.some((i) => i.cells.reason !== null);
}

/**
 * Whether the reason rules apply to a project: not to goal tables (no actuals), and not to department-level
 * forms without a reason column — the 部门整体 form has no place for per-indicator reasons (its 得分系数
 * records the deduction; deviations are explained in the narrative report).
 */
export function reasonRulesApply(p: Project): boolean {
  if (p.template === "goal") return false;
  if (p.template === "department-self-assessment" && !hasReasonColumn(p)) return false;
  return true;
}

/** Where a missing reason is pointed at: the reason cell, else (no reason column) the actual cell. */
export function reasonCell(i: Indicator): string {
  return i.cells.reason ?? i.cells.actual ?? i.cell;
}
