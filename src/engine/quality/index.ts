/**
 * 自评质量: a score out of 100 per self-assessment, from its findings and the rubric (./rubric.ts, data). Each
 * finding of a criterion's rules takes its deduction, a criterion takes at most its cap, a dimension never goes below 0.
 * Findings count for the project they belong to; a run-level finding (a unit all at 100, an indicator copied across
 * departments) counts for the project it points at.
 */
import type { Finding, Project } from "../model";
import { type QualityDimension, RUBRIC, type Rubric } from "./rubric";

export { RUBRIC } from "./rubric";
export type { Criterion, DimensionSpec, QualityDimension, Rubric } from "./rubric";

export interface QualityScore {
  score: number;
  dimensions: { key: QualityDimension; points: number; score: number }[];
  /** Criteria that took points, in rubric order. */
  deductions: { criterion: number; dimension: QualityDimension; findings: number; points: number }[];
}

/** The 自评质量 score of one project from its findings. */
export function qualityOf(findings: readonly Pick<Finding, "rule">[], rubric: Rubric = RUBRIC): QualityScore {
  const count = new Map<string, number>();
  for (const f of findings) count.set(f.rule, (count.get(f.rule) ?? 0) + 1);
  const lost = new Map<QualityDimension, number>();
  const deductions: QualityScore["deductions"] = [];
  rubric.criteria.forEach((c, i) => {
    const n = c.rules.reduce((a, r) => a + (count.get(r) ?? 0), 0);
    if (n === 0) return;
    const points = Math.min(c.cap, n * c.deduction);
    deductions.push({ criterion: i, dimension: c.dimension, findings: n, points });
    lost.set(c.dimension, (lost.get(c.dimension) ?? 0) + points);
  });
  const dimensions = rubric.dimensions.map((d) => ({ key: d.key, points: d.points, score: Math.max(0, d.points - (lost.get(d.key) ?? 0)) }));
  return { score: dimensions.reduce((a, d) => a + d.score, 0), dimensions, deductions };
}

/** 自评质量 of every assessed project self-assessment of a run, by project id. */
export function qualityByProject(projects: readonly Project[], findings: readonly Finding[], rubric: Rubric = RUBRIC): Map<string, QualityScore> {
  const byProject = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!f.projectId) continue;
    const g = byProject.get(f.projectId);
    if (g) g.push(f);
    else byProject.set(f.projectId, [f]);
  }
  const out = new Map<string, QualityScore>();
  for (const p of projects) if (p.template !== "goal") out.set(p.id, qualityOf(byProject.get(p.id) ?? [], rubric));
  return out;
}
