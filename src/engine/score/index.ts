/** Profile-driven scoring and grades (SPEC §4). Pure functions; see each module for its conventions. */
export { round2, roundTo, roundScaled, finite, clampScore } from "./round";
export { normalizeUnit, splitUnit, reconcile, type Reconciled } from "./units";
export {
  qualitativeBand,
  isNothingWording,
  parseDeadline,
  parseDatePoint,
  metDeadline,
  normalizeText,
  type Band,
  type BandOptions,
  type DatePoint,
} from "./qualitative";
export {
  scoreIndicator,
  bandRange,
  inBand,
  isShortfall,
  isOverrun,
  overrunRatio,
  isQualitative,
  bandOf,
  numericDirection,
  quantitativeFraction,
  type IndicatorScore,
  type BandRange,
  type ScorableIndicator,
} from "./indicator";
export { scoreBudget, executionRate } from "./budget";
export { gradeOf } from "./grade";
export { scoreProject, deriveWeights, splitEvenly } from "./project";
