/**
 * The profile a check runs with: a built-in one by name, or the imported JSON profile's text through the CLI's
 * own loader (engine/profiles loadProfile: the same validation and messages as `bpr check --profile FILE.json`).
 * Used where the check runs (the engine worker, or the pane's thread); the last parsed text is kept.
 */
import { loadProfile } from "../engine/profiles";
import { getProfile } from "../engine/profiles/builtin";
import type { Profile } from "../engine/profiles/schema";
import type { VocabularyExtension } from "../engine/read/vocabulary";
import type { CheckSettings } from "./engine-protocol";

let last: { source: string; text: string; profile: Profile } | null = null;

/** Which profile a request means: a built-in one by name, or the imported JSON profile's text. */
export type ProfileRef = Pick<CheckSettings, "profile" | "custom">;

/**
 * The labels a profile adds to the reader's vocabulary (profile JSON `vocabulary`), for reading; null when none.
 * A profile that no longer loads adds nothing here: the check that follows reports its problem.
 */
export function vocabularyFor(ref: ProfileRef | null | undefined): VocabularyExtension | null {
  if (!ref) return null;
  try {
    return profileFor(ref).vocabulary ?? null;
  } catch (_e) {
    return null;
  }
}

export function profileFor(s: Pick<CheckSettings, "profile" | "custom">): Profile {
  if (s.profile !== "custom") return getProfile(s.profile);
  if (!s.custom) return getProfile();
  if (last && last.source === s.custom.source && last.text === s.custom.text) return last.profile;
  const profile = loadProfile(s.custom.text, s.custom.source);
  last = { ...s.custom, profile };
  return profile;
}
