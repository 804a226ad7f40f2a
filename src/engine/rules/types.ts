/**
 * A rule is a module with metadata and one check function (ESLint-style). The engine runs every rule
 * in the registry (rules/index.ts), applies the profile's severity overrides and renders messages.
 */
import type { Project, ReviewEntry, SheetInfo, Severity } from "../model";
import type { Profile } from "../profiles/schema";
import type { ReviewProblem } from "../quality/confirm";

import type { Lang } from "../lang";
export type { Lang } from "../lang";
export type Data = Record<string, string | number | null>;

/** What a check reports; the engine completes it into a Finding. */
export interface Hit {
  /** A1 address the finding points at (null: the sheet or the project as a whole). */
  cell: string | null;
  data?: Data;
  /** For run-level rules: where the finding belongs (defaults to the project's location). */
  file?: string;
  sheet?: string | null;
  project?: Project | null;
  /** Project name to show when there is no Project object (e.g. a review row with no self-assessment). */
  projectName?: string | null;
}

export interface RuleMeta {
  /** Stable id, e.g. "category/missing-output". Never renamed once released. */
  id: string;
  severity: Severity;
  /** Short name for people (问题清单's 问题类型, the report's 四、发现的主要问题). */
  title: { zh: string; en: string };
  docs: { zh: string; en: string };
  message: { zh: (d: Data) => string; en: (d: Data) => string };
  suggestion: { zh: (d: Data) => string; en: (d: Data) => string };
}

export interface RuleContext {
  profile: Profile;
  lang: Lang;
}

/** Checks one project at a time (after scoring). */
export interface ProjectRule extends RuleMeta {
  scope: "project";
  check(project: Project, ctx: RuleContext): Hit[];
}

/** Everything read in one run, for cross-sheet and cross-file rules. */
export interface RunInput {
  projects: Project[];
  reviews: ReviewEntry[];
  sheets: SheetInfo[];
  /** For each review entry (same order), the id of the project it was matched to, or null. */
  reviewMatches: (string | null)[];
  /** Problems reviewers confirmed or added on review workbooks (抽评发现的问题), with their project (issue 16). */
  problems?: { problem: ReviewProblem; projectId: string | null }[];
  /** Blank forms (facts.ts isBlankForm): left out of `projects`, reported once each by template/blank. */
  blankForms?: Project[];
}

export interface RunRule extends RuleMeta {
  scope: "run";
  check(run: RunInput, ctx: RuleContext): Hit[];
}

export type Rule = ProjectRule | RunRule;
