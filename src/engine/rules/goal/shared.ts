/** Helpers shared by the goal/* rules: goal ↔ self-assessment pairs and target comparison. */
import type { Indicator, Project, Value } from "../../model";
import { annualIndicators, matchGoals, pairIndicators, type GoalMatch } from "../../match";
import { nameKey, trimEndChars } from "../../read/normalise";
import { numericDirection } from "../../score/indicator";
import { parseDeadline } from "../../score/qualitative";
import { reconcile } from "../../score/units";

export interface GoalComparison extends GoalMatch {
  annual: Indicator[];
  /** [annual goal indicator, self indicator] */
  pairs: [Indicator, Indicator][];
  /** Goal (annual) indicators with no self-assessment indicator. */
  dropped: Indicator[];
}

/**
 * compareGoals' answer per run: goal/indicator-dropped and goal/target-changed both ask for the same
 * run.projects. Kept by the array (a WeakMap, so a run's projects are not held after it).
 */
const COMPARISONS = new WeakMap<readonly Project[], GoalComparison[]>();

/** Every self-assessment with its goal table, indicators paired (年度 block only). */
export function compareGoals(projects: readonly Project[]): GoalComparison[] {
  let out = COMPARISONS.get(projects);
  if (!out) {
    out = computeComparisons(projects);
    COMPARISONS.set(projects, out);
  }
  return out;
}

function computeComparisons(projects: readonly Project[]): GoalComparison[] {
  return matchGoals(projects).map((m) => {
    const annual = annualIndicators(m.goal);
    const { pairs, leftOnly } = pairIndicators(annual, m.self.indicators);
    return {
      ...m,
      annual,
      pairs: pairs.map(([g, s]) => [annual[g], m.self.indicators[s]] as [Indicator, Indicator]),
      dropped: leftOnly.map((i) => annual[i]),
    };
  });
}

/** "goal.xlsx 绩效目标表!E21" style reference; the file is named only when it differs. */
export function goalRef(goal: Project, cell: string | null, fromFile: string): string {
  const sheet = /[\s!'[\]]/.test(goal.location.sheet) ? `'${goal.location.sheet.replace(/'/g, "''")}'` : goal.location.sheet;
  return `${goal.location.file === fromFile ? "" : `[${goal.location.file}]`}${sheet}${cell ? `!${cell}` : ""}`;
}

const COMPARABLE = new Set<Value["kind"]>(["number", "qualitative"]);

/** The operator in force: the stated one, else the direction's default (≥, ≤ for lower-is-better, =). */
function effectiveOp(ind: Indicator): string {
  if (ind.target.op) return ind.target.op;
  const d = numericDirection(ind);
  return d === "lower" ? "<=" : d === "equal" ? "=" : ">=";
}

function textKey(s: string): string {
  const k = nameKey(s)
    .replace(/[【〔［[]/g, "(")
    .replace(/[】〕］\]]/g, ")");
  return trimEndChars(k, "。.，,;；!！");
}

/**
 * Whether two targets say the same thing. Null when either is not a value to compare (blank,
 * placeholder, error: other rules report those).
 * - Numbers: same value after unit reconciliation (万人 vs 人, "≥95%" vs 0.95; a side with no unit takes
 *   the other's), and the same operator in force (a missing operator means the direction's default:
 *   "1200人" = "≥1200人" for a higher-is-better row). 100% with ≥, = or none are one target.
 *   Units that cannot be reconciled ("人" vs "户") differ.
 * - Words: the same text after normalisation (width, spaces, brackets, end punctuation); deadlines
 *   compare as dates ("当年11月底前" = "11月底前").
 * - A number against words differs.
 */
export function sameTarget(goal: Indicator, self: Indicator, year: number | null): boolean | null {
  const a = goal.target;
  const b = self.target;
  if (!COMPARABLE.has(a.kind) || !COMPARABLE.has(b.kind)) return null;
  if (a.kind === "number" && b.kind === "number") {
    const rec = reconcile(a, b);
    if (!rec) return false;
    if (Math.abs(rec.a - rec.b) > 1e-9 * Math.max(1, Math.abs(rec.a))) return false;
    const oa = effectiveOp(goal);
    const ob = effectiveOp(self);
    if (oa === ob) return true;
    const full = rec.unit === "%" && Math.abs(rec.a - 100) < 1e-9;
    return full && [oa, ob].every((o) => o === ">=" || o === "=");
  }
  const da = parseDeadline(a.raw);
  const db = parseDeadline(b.raw);
  if (da && db) {
    const base = year ?? 2000;
    return (da.year ?? base + da.rel) === (db.year ?? base + db.rel) && da.month === db.month && da.day === db.day;
  }
  if (a.kind !== b.kind) return false;
  return textKey(a.raw) === textKey(b.raw);
}
