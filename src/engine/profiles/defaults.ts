/**
 * The values a profile takes for the fields it leaves out (财预〔2020〕10号 national rules, SPEC §4), as plain
 * data: the zod schema (schema.ts) defaults to them, and the built-in profiles are written over them, so the
 * built-ins need no validation at run time and loading the engine does not load zod
 * (test/unit/profiles/profiles.test.ts checks that each built-in is what the schema makes of it).
 */

export interface ProfileDefaults {
  executionWeight: number;
  split: { output: number | null; effect: number | null; satisfaction: number | null; effectAndSatisfaction?: number | null } | null;
  qualitativeBands: { full: [number, number]; partial: [number, number]; unmet: [number, number] };
  reverse: "ratio" | "linear";
  overrunRatio: number;
  gap: number;
  severeGap: number;
  indicatorGapRatio: number;
  lowExecutionRate: number;
  grades: { 优: number; 良: number; 中: number };
  scoreTolerance: number;
  /** Amounts (万元): a budget total against the sum of its rows. */
  amountTolerance: number;
  rateTolerance: number;
  /** unit/all-full-score: the projects a unit (or department) needs before "all at 100" is reported. */
  fullScoreMinProjects: number;
  severity: Record<string, "error" | "warning" | "info" | "off">;
}

export const PROFILE_DEFAULTS: ProfileDefaults = {
  executionWeight: 10,
  split: { output: 50, effect: 30, satisfaction: 10 },
  qualitativeBands: { full: [0.8, 1], partial: [0.6, 0.8], unmet: [0, 0.6] },
  reverse: "ratio",
  overrunRatio: 1.3,
  gap: 10,
  severeGap: 20,
  indicatorGapRatio: 0.3,
  lowExecutionRate: 0.9,
  grades: { 优: 90, 良: 80, 中: 60 },
  scoreTolerance: 0.01,
  amountTolerance: 0.01,
  rateTolerance: 0.005,
  fullScoreMinProjects: 2,
  severity: {},
};
