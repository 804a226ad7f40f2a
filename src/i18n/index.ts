/** Message catalogues: zh-CN (default) and en-US. */
import { zhCN, type MessageKey } from "./zh-CN";
import { enUS } from "./en-US";

import type { Lang } from "../engine/lang";
export type { Lang } from "../engine/lang";
export type { MessageKey } from "./zh-CN";

const CATALOGUES: Record<Lang, Record<MessageKey, string>> = { zh: zhCN, en: enUS };

/** A message with {placeholders} filled in. */
export function t(lang: Lang, key: MessageKey, params: Record<string, string | number | null | undefined> = {}): string {
  const text = CATALOGUES[lang][key] ?? zhCN[key];
  return text.replace(/\{([^}]+)\}/g, (m, name: string) => {
    const v = params[name];
    return v === undefined || v === null ? "" : String(v);
  });
}

export function catalogue(lang: Lang): Record<MessageKey, string> {
  return CATALOGUES[lang];
}
