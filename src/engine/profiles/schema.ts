/**
 * Scoring profiles (SPEC §4): national (default), hubei, sichuan, or a user's JSON file.
 * A profile is data validated by zod; users can write their own.
 */
import { z } from "zod";
import { Severity } from "../model";
import { CATEGORY_KEYS, COLUMN_ROLES, FIELD_NAMES } from "../read/vocabulary";
import { PROFILE_DEFAULTS } from "./defaults";

/** Labels a user adds: normalised like every label (full-width → half-width, no spaces, no bracketed suffix). */
const Labels = z.array(z.string().trim().min(1).max(40)).max(200);
const labelsFor = (keys: readonly string[]) => z.object(Object.fromEntries(keys.map((k) => [k, Labels.optional()]))).strict();

/**
 * Labels a county adds to the reader's vocabulary without code: per field (name, department, unit …), per column
 * role (target, actual, weight …, given to every table with that role), per category key (output, timeliness …)
 * and for the budget total row.
 */
export const VocabularySchema = z
  .object({
    fields: labelsFor(FIELD_NAMES).optional(),
    columns: labelsFor(COLUMN_ROLES).optional(),
    categories: labelsFor(CATEGORY_KEYS).optional(),
    totals: Labels.optional(),
  })
  .strict();

const Band = z.tuple([z.number().min(0).max(1), z.number().min(0).max(1)]);

export const Profile = z
  .object({
    name: z.string().min(1),
    description: z.string().optional(),
    /** Weight of budget execution (得分 = weight × min(rate, 1)). */
    executionWeight: z.number().min(0).max(100).default(PROFILE_DEFAULTS.executionWeight),
    /** Expected first-level split; null keys mean "free" (sichuan: 90 points shared freely). */
    split: z
      .object({
        output: z.number().min(0).max(100).nullable(),
        effect: z.number().min(0).max(100).nullable(),
        satisfaction: z.number().min(0).max(100).nullable(),
        /** hubei: 效益 + 满意度 together. */
        effectAndSatisfaction: z.number().min(0).max(100).nullable().optional(),
      })
      .nullable()
      .default(PROFILE_DEFAULTS.split),
    /** Qualitative bands as fractions of the weight: [low, high). "full" includes its top. */
    qualitativeBands: z
      .object({ full: Band, partial: Band, unmet: Band })
      .default(PROFILE_DEFAULTS.qualitativeBands),
    /** Lower-is-better formula: "ratio" w × A/B, or "linear" w × (1 − (B−A)/A), 0 at B ≥ 2A. */
    reverse: z.enum(["ratio", "linear"]).default(PROFILE_DEFAULTS.reverse),
    /** Actual ≥ ratio × target needs a written reason. */
    overrunRatio: z.number().positive().default(PROFILE_DEFAULTS.overrunRatio),
    /** Spot-check thresholds, in points. */
    gap: z.number().nonnegative().default(PROFILE_DEFAULTS.gap),
    severeGap: z.number().nonnegative().default(PROFILE_DEFAULTS.severeGap),
    /** Per-indicator review score below self score by ≥ this fraction of the weight. */
    indicatorGapRatio: z.number().min(0).max(1).default(PROFILE_DEFAULTS.indicatorGapRatio),
    /** Execution rate below which a reason is needed. */
    lowExecutionRate: z.number().min(0).max(1).default(PROFILE_DEFAULTS.lowExecutionRate),
    /** Grade thresholds (score ≥ min). */
    grades: z
      .object({ 优: z.number(), 良: z.number(), 中: z.number() })
      .default(PROFILE_DEFAULTS.grades),
    /** Tolerances. */
    scoreTolerance: z.number().nonnegative().default(PROFILE_DEFAULTS.scoreTolerance),
    rateTolerance: z.number().nonnegative().default(PROFILE_DEFAULTS.rateTolerance),
    amountTolerance: z.number().nonnegative().default(PROFILE_DEFAULTS.amountTolerance),
    /** unit/all-full-score: at least this many project forms of a unit (or department) all at 100. */
    fullScoreMinProjects: z.number().int().min(2).default(PROFILE_DEFAULTS.fullScoreMinProjects),
    /** Per-rule severity override, or "off". */
    severity: z.record(z.string(), z.union([Severity, z.literal("off")])).default({}),
    /** Labels added to the reader's vocabulary (read/vocabulary.ts). */
    vocabulary: VocabularySchema.optional(),
  })
  .strict();
export type Profile = z.infer<typeof Profile>;
export type ProfileInput = z.input<typeof Profile>;
