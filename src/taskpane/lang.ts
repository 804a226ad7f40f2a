/**
 * UI language: Chinese first, English when Office's display language (in Excel) or the browser's language
 * (file mode) is English, or when the user switched (remembered in localStorage on this machine).
 */
import { type Lang, type MessageKey, t } from "../i18n";
import { compact } from "../engine/summary/format";

export type { Lang, MessageKey } from "../i18n";

export const LANG_STORAGE_KEY = "bpr.lang";

/** "en-US", "en" → en; everything else (zh-CN, zh-TW, fr-FR, empty) → zh. */
export function langFromLocale(locale: string | null | undefined): Lang | null {
  if (!locale) return null;
  const l = locale.trim().toLowerCase();
  if (l.startsWith("en")) return "en";
  if (l.startsWith("zh")) return "zh";
  return null;
}

export interface LangSources {
  /** A choice the user made in the pane (localStorage). */
  stored?: string | null;
  /** Office.context.displayLanguage (add-in mode). */
  office?: string | null;
  /** navigator.language (file mode, and the fallback). */
  browser?: string | null;
}

/** The language to start with: the user's choice, else Office's display language, else the browser's; zh default. */
export function initialLang(s: LangSources): Lang {
  if (s.stored === "zh" || s.stored === "en") return s.stored;
  return langFromLocale(s.office) ?? langFromLocale(s.browser) ?? "zh";
}

/** A message to show, kept as key + params so it can be shown again in the other language. */
export interface Msg {
  key: MessageKey;
  params?: Record<string, string | number | null | undefined | Msg>;
}

export function msg(key: MessageKey, params?: Msg["params"]): Msg {
  return params ? { key, params } : { key };
}

/** Render a Msg (nested Msgs in params are rendered first). */
export function render(lang: Lang, m: Msg): string {
  const params: Record<string, string | number | null | undefined> = {};
  for (const [k, v] of Object.entries(m.params ?? {})) {
    params[k] = v !== null && typeof v === "object" ? render(lang, v) : v;
  }
  return t(lang, m.key, params);
}

/** Numbers as a finance officer reads them: up to 2 decimals, no trailing zeros. */
export function formatNumber(n: number | null | undefined, digits = 2): string {
  return compact(n, digits);
}

/** A signed gap ("+3.5", "−12"). */
export function formatGap(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return "—";
  const s = formatNumber(Math.abs(n));
  return n > 0 ? `+${s}` : n < 0 ? `−${s}` : "0";
}

/** A fraction as a percentage ("76.5%"). */
export function formatPercent(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return "—";
  return `${formatNumber(n * 100, 1)}%`;
}
