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
