/**
 * What a project counts as, defined once for the engine's summary (engine/index.ts) and the written outputs
 * (summary/stats.ts): whether it is assessed, the score and grade it is counted with, the budget it is shown with.
 */
import type { Grade, Project } from "./model";

/** Self-assessments and department forms are assessed; goal tables are listed, never scored. */
export function isAssessed(p: Project): boolean {
  return p.template !== "goal";
}

/** The score a project is counted with: the stated 总分, else the computed total. */
export function projectScore(p: Project): number | null {
  return p.selfScore ?? p.computedScore;
}

/** The grade a project is counted with: from the stated 总分, else from the computed total. */
export function projectGrade(p: Project): Grade | null {
  return p.grade ?? p.computedGrade;
}

/** Budget shown for a project: adjusted (全年预算数), else initial. */
export function projectBudget(p: Project): number | null {
  return p.budget ? (p.budget.adjusted ?? p.budget.initial) : null;
}

/**
 * The later copies of projects submitted twice (the projects project/duplicate reports): listed, but counted once —
 * the engine's summary and the written outputs' counts leave them out (issue 16).
 */
export function duplicateIds(findings: readonly { rule: string; projectId: string | null }[]): Set<string> {
  const out = new Set<string>();
  for (const f of findings) if (f.rule === "project/duplicate" && f.projectId) out.add(f.projectId);
  return out;
}

/**
 * A blank form: a template nobody has filled in (an inserted 空白模板, or a submission left empty). Its identity
 * fields (项目名称, 项目编码, 主管部门, 实施单位) are empty, no amount is filled in, and no indicator has a target, an
 * actual value or a score; a 总分 of 0 (the template's SUM over empty cells) counts as empty. A form with
 * indicators written in but no name (a goal table whose header was left blank) is a submission: its missing
 * fields are reported. It is no submission: not a project, not a
 * row of 评价汇总; template/blank says once that it is empty.
 */
export function isBlankForm(p: Project): boolean {
  const empty = (s: string | null | undefined) => s === null || s === undefined || s.trim() === "";
  if (!empty(p.name) || !empty(p.code) || !empty(p.department) || !empty(p.unit)) return false;
  if (p.statedTotal !== null && p.statedTotal !== 0) return false;
  if (p.budget && [p.budget.initial, p.budget.adjusted, p.budget.executed].some((v) => (v ?? 0) !== 0)) return false;
  const none = (v: { kind: string } | null) => v === null || v.kind === "empty" || v.kind === "placeholder";
  return p.indicators.every((i) => none(i.target) && none(i.actual) && (i.score === null || i.score === 0));
}
