/**
 * Task pane settings: the scoring profile (a built-in one, or a county's own JSON profile imported from a file,
 * kept as its text) and the spot-check gap thresholds. In Excel they are kept in the document settings (they
 * travel with the workbook, through the WorkbookHost); in file mode in localStorage.
 */
import { thresholdProblem } from "../engine/thresholds";

export type BuiltinProfileName = "national" | "hubei" | "sichuan";
export type ProfileName = BuiltinProfileName | "custom";
export const PROFILE_NAMES: readonly BuiltinProfileName[] = ["national", "hubei", "sichuan"];

/** A user's profile JSON as imported: the file's name (messages name it) and its text (validated on import). */
export interface CustomProfile {
  source: string;
  text: string;
}

/** Largest profile text kept (document settings are small; a profile is a few KB). */
export const CUSTOM_PROFILE_MAX = 64 * 1024;

export interface PaneSettings {
  /** "custom": the imported `custom` profile. */
  profile: ProfileName;
  custom: CustomProfile | null;
  /** spotcheck/gap threshold in points. */
  gap: number;
  /** spotcheck/gap-severe threshold in points (≥ gap). */
  severeGap: number;
}

export const DEFAULT_SETTINGS: Readonly<PaneSettings> = Object.freeze({ profile: "national", custom: null, gap: 10, severeGap: 20 });

/** Key under which the settings are stored (document settings and localStorage). */
export const SETTINGS_KEY = "bpr.settings";

function num(v: unknown): number | null {
  const n = typeof v === "string" && v.trim() !== "" ? Number(v) : v;
  return typeof n === "number" && Number.isFinite(n) ? n : null;
}

/** A threshold the UI accepts on its own: a number in [0, 100] (the pair is checked by thresholdProblem). */
export function isValidThreshold(v: unknown): boolean {
  return thresholdProblem(v, 100) === null;
}

function customProfile(v: unknown): CustomProfile | null {
  if (!v || typeof v !== "object") return null;
  const o = v as Record<string, unknown>;
  return typeof o.source === "string" && typeof o.text === "string" && o.text.length <= CUSTOM_PROFILE_MAX ? { source: o.source, text: o.text } : null;
}

/** Settings from anything stored (older versions, hand-edited values): unknown or invalid fields → defaults. */
export function normaliseSettings(raw: unknown): PaneSettings {
  const o = raw && typeof raw === "object" ? (raw as Record<string, unknown>) : {};
  const custom = customProfile(o.custom);
  const profile: ProfileName =
    o.profile === "custom" && custom ? "custom" : PROFILE_NAMES.includes(o.profile as BuiltinProfileName) ? (o.profile as BuiltinProfileName) : DEFAULT_SETTINGS.profile;
  const gap = isValidThreshold(o.gap) ? (num(o.gap) as number) : DEFAULT_SETTINGS.gap;
  let severeGap = isValidThreshold(o.severeGap) ? (num(o.severeGap) as number) : DEFAULT_SETTINGS.severeGap;
  if (thresholdProblem(gap, severeGap)) severeGap = Math.max(gap, DEFAULT_SETTINGS.severeGap);
  return { profile, custom, gap, severeGap };
}

/** Where settings live. */
export interface SettingsStore {
  /** "document": saved with the workbook; "browser": this browser's localStorage; "none": not kept. */
  readonly where: "document" | "browser" | "none";
  load(): Promise<PaneSettings | null>;
  save(s: PaneSettings): Promise<void>;
}

/** The WorkbookHost's settings helpers (document settings). */
export function hostSettingsStore(host: { loadSetting<T>(key: string): Promise<T | null>; saveSetting(key: string, value: unknown): Promise<void> }): SettingsStore {
  return {
    where: "document",
    async load() {
      const v = await host.loadSetting<unknown>(SETTINGS_KEY);
      return v === null ? null : normaliseSettings(v);
    },
    save: (s) => host.saveSetting(SETTINGS_KEY, { ...s }),
  };
}

/** localStorage (file mode); a storage that throws (privacy mode) keeps settings for the session only. */
export function localSettingsStore(storage: Pick<Storage, "getItem" | "setItem"> | null): SettingsStore {
  return {
    where: storage ? "browser" : "none",
    async load() {
      if (!storage) return null;
      try {
        const text = storage.getItem(SETTINGS_KEY);
        return text ? normaliseSettings(JSON.parse(text)) : null;
      } catch (_e) {
        return null;
      }
    },
    async save(s) {
      storage?.setItem(SETTINGS_KEY, JSON.stringify(s));
    },
  };
}

/** window.localStorage when usable (it throws in some sandboxed frames). */
export function browserStorage(): Storage | null {
  try {
    if (typeof window === "undefined" || !window.localStorage) return null;
    return window.localStorage;
  } catch (_e) {
    return null;
  }
}
