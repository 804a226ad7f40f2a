/**
 * The rule registry: every rule of SPEC §5, one module each (src/engine/rules/<id>.ts), with its table
 * test in test/unit/rules/<id>.test.ts. Rule ids are a public contract: never rename one.
 */
import type { Lang, Rule } from "./types";
import { rule as templateUnrecognized } from "./template/unrecognized";
import { rule as templateMissingField } from "./template/missing-field";
import { rule as templateUnknownColumn } from "./template/unknown-column";
import { rule as templateUnreadable } from "./template/unreadable";
import { rule as templateBlank } from "./template/blank";
// -- category / target / actual / reason rules --
import { rule as categoryMissingOutput } from "./category/missing-output";
import { rule as categoryMissingEffect } from "./category/missing-effect";
import { rule as categoryMissingSatisfaction } from "./category/missing-satisfaction";
import { rule as categoryMissingSubcategory } from "./category/missing-subcategory";
import { rule as categoryUnknown } from "./category/unknown";
import { rule as targetMissing } from "./target/missing";
import { rule as targetPlaceholder } from "./target/placeholder";
import { rule as targetUnitMissing } from "./target/unit-missing";
import { rule as targetCostDirection } from "./target/cost-direction";
import { rule as actualMissing } from "./actual/missing";
import { rule as actualCopiesTarget } from "./actual/copies-target";
import { rule as actualNotNumeric } from "./actual/not-numeric";
import { rule as reasonShortfall } from "./reason/shortfall";
import { rule as reasonOverrun } from "./reason/overrun";
// -- weight / score / budget rules --
import { rule as weightTotal } from "./weight/total";
import { rule as weightSplit } from "./weight/split";
import { rule as weightDeclaredSum } from "./weight/declared-sum";
import { rule as scoreExceedsWeight } from "./score/exceeds-weight";
import { rule as scoreTotalMismatch } from "./score/total-mismatch";
import { rule as scoreBand } from "./score/band";
import { rule as scoreFormula } from "./score/formula";
import { rule as scoreAllFull } from "./score/all-full";
import { rule as budgetTotalMismatch } from "./budget/total-mismatch";
import { rule as budgetRateMismatch } from "./budget/rate-mismatch";
import { rule as budgetScoreMismatch } from "./budget/score-mismatch";
import { rule as budgetLowExecution } from "./budget/low-execution";
// -- goal / spotcheck rules --
import { rule as goalTargetChanged } from "./goal/target-changed";
import { rule as goalIndicatorDropped } from "./goal/indicator-dropped";
import { rule as spotcheckGap } from "./spotcheck/gap";
import { rule as spotcheckGapSevere } from "./spotcheck/gap-severe";
import { rule as spotcheckGradeChanged } from "./spotcheck/grade-changed";
import { rule as spotcheckPoor } from "./spotcheck/poor";
import { rule as spotcheckNoSelfAssessment } from "./spotcheck/no-self-assessment";
import { rule as spotcheckIndicatorGap } from "./spotcheck/indicator-gap";
// -- cross-project rules of the review workflow (issue 16) --
import { rule as targetBarePercentage } from "./target/bare-percentage";
import { rule as unitAllFullScore } from "./unit/all-full-score";
import { rule as indicatorCopiedAcrossDepartments } from "./indicator/copied-across-departments";
import { rule as projectDuplicate } from "./project/duplicate";
import { rule as spotcheckReviewProblem } from "./spotcheck/review-problem";

export const RULES: readonly Rule[] = [
  templateUnrecognized,
  templateMissingField,
  templateUnknownColumn,
  templateUnreadable,
  templateBlank,
  // -- category / target / actual / reason rules --
  categoryMissingOutput,
  categoryMissingEffect,
  categoryMissingSatisfaction,
  categoryMissingSubcategory,
  categoryUnknown,
  targetMissing,
  targetPlaceholder,
  targetUnitMissing,
  targetCostDirection,
  actualMissing,
  actualCopiesTarget,
  actualNotNumeric,
  reasonShortfall,
  reasonOverrun,
  // -- weight / score / budget rules --
  weightTotal,
  weightSplit,
  weightDeclaredSum,
  scoreExceedsWeight,
  scoreTotalMismatch,
  scoreBand,
  scoreFormula,
  scoreAllFull,
  budgetTotalMismatch,
  budgetRateMismatch,
  budgetScoreMismatch,
  budgetLowExecution,
  // -- goal / spotcheck rules --
  goalTargetChanged,
  goalIndicatorDropped,
  spotcheckGap,
  spotcheckGapSevere,
  spotcheckGradeChanged,
  spotcheckPoor,
  spotcheckNoSelfAssessment,
  spotcheckIndicatorGap,
  // -- cross-project rules of the review workflow (issue 16) --
  targetBarePercentage,
  unitAllFullScore,
  indicatorCopiedAcrossDepartments,
  projectDuplicate,
  spotcheckReviewProblem,
];


const BY_ID = new Map<string, Rule>(RULES.map((r) => [r.id, r]));

/** The registered rule with this id, if any. */
export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}

/** A rule's short name in `lang`; the id itself for an id the registry does not know. */
export function ruleTitle(id: string, lang: Lang): string {
  return BY_ID.get(id)?.title[lang] ?? id;
}
