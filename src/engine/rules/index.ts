/**
 * The rule registry: every rule of SPEC §5, one module each (src/engine/rules/<id>.ts), with its table
 * test in test/unit/rules/<id>.test.ts. Rule ids are a public contract: never rename one.
 */
import type { Rule } from "./types";
import { rule as templateUnrecognized } from "./template/unrecognized";
import { rule as templateMissingField } from "./template/missing-field";
// -- category / target / actual / reason rules --
// -- weight / score / budget rules --
// -- goal / spotcheck rules --
import { rule as goalTargetChanged } from "./goal/target-changed";
import { rule as goalIndicatorDropped } from "./goal/indicator-dropped";
import { rule as spotcheckGap } from "./spotcheck/gap";
import { rule as spotcheckGapSevere } from "./spotcheck/gap-severe";
import { rule as spotcheckGradeChanged } from "./spotcheck/grade-changed";
import { rule as spotcheckPoor } from "./spotcheck/poor";
import { rule as spotcheckNoSelfAssessment } from "./spotcheck/no-self-assessment";
import { rule as spotcheckIndicatorGap } from "./spotcheck/indicator-gap";

export const RULES: readonly Rule[] = [
  templateUnrecognized,
  templateMissingField,
  // -- category / target / actual / reason rules --
  // -- weight / score / budget rules --
  // -- goal / spotcheck rules --
  goalTargetChanged,
  goalIndicatorDropped,
  spotcheckGap,
  spotcheckGapSevere,
  spotcheckGradeChanged,
  spotcheckPoor,
  spotcheckNoSelfAssessment,
  spotcheckIndicatorGap,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
