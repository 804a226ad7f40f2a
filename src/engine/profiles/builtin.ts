/**
 * The built-in scoring profiles (national, hubei, sichuan; SPEC §4) and the error a profile can raise. No zod
 * here: the built-ins are complete profiles written over PROFILE_DEFAULTS, so checking with a built-in profile
 * (every CLI run without --profile FILE.json) does not load the schema. Users' JSON profiles: index.ts.
 */
import type { Profile } from "./schema";
import { national } from "./national";
import { hubei } from "./hubei";
import { sichuan } from "./sichuan";

export type BuiltinProfileName = "national" | "hubei" | "sichuan";

export const DEFAULT_PROFILE_NAME: BuiltinProfileName = "national";

export const BUILTIN_PROFILES: Readonly<Record<BuiltinProfileName, Profile>> = Object.freeze({ national, hubei, sichuan });

export function isBuiltinProfile(name: string): name is BuiltinProfileName {
  return Object.prototype.hasOwnProperty.call(BUILTIN_PROFILES, name.trim().toLowerCase());
}

export interface ProfileIssue {
  /** Dotted path of the field ("qualitativeBands.partial[1]"), "" for the profile as a whole. */
  path: string;
  en: string;
  zh: string;
}

/** A profile that cannot be used: names the file and every problem. */
export class ProfileError extends Error {
  constructor(
    readonly source: string,
    readonly issues: ProfileIssue[],
  ) {
    super(formatIssues(source, issues, "en"));
    this.name = "ProfileError";
  }

  /** The error as text for the UI or the command line. */
  format(lang: "zh" | "en" = "zh"): string {
    return formatIssues(this.source, this.issues, lang);
  }
}

function formatIssues(source: string, issues: ProfileIssue[], lang: "zh" | "en"): string {
  const head = lang === "zh" ? `评分配置 ${source} 有误：` : `Profile ${source} is not valid:`;
  const lines = issues.map((i) => {
    const text = lang === "zh" ? i.zh : i.en;
    if (!i.path) return `  - ${text}`;
    return lang === "zh" ? `  - ${i.path}：${text}` : `  - ${i.path}: ${text}`;
  });
  return [head, ...lines].join("\n");
}

/** A built-in profile by name ("national", "hubei", "sichuan"; case-insensitive). */
export function getProfile(name: string = DEFAULT_PROFILE_NAME): Profile {
  const key = name.trim().toLowerCase();
  if (isBuiltinProfile(key)) return BUILTIN_PROFILES[key];
  const known = Object.keys(BUILTIN_PROFILES).join(", ");
  throw new ProfileError(name, [
    {
      path: "",
      en: `unknown profile "${name}": use one of ${known}, or a .json profile file`,
      zh: `没有名为“${name}”的评分配置：可用 ${known}，或指定 .json 配置文件`,
    },
  ]);
}

/**
 * The words for a profile that cannot be used, as the CLI prints them after "评分配置无法使用：" and the pane shows
 * them under its profile picker: one function, so both faces say the same.
 */
export function profileErrorText(e: unknown, lang: "zh" | "en"): string {
  if (e instanceof Error && e.name === "ProfileError" && typeof (e as ProfileError).format === "function") return (e as ProfileError).format(lang);
  return e instanceof Error ? e.message.split("\n")[0] : String(e);
}
