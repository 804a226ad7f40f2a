/** The controller and the current state for every component, plus `tr` for messages in the pane's language. */
import * as React from "react";
import { t } from "../../i18n";
import type { PaneController, PaneState } from "../controller";
import { type Lang, type MessageKey, type Msg, render } from "../lang";

export interface PaneContextValue {
  controller: PaneController;
  state: PaneState;
  lang: Lang;
  tr: (key: MessageKey, params?: Record<string, string | number | null | undefined>) => string;
  show: (m: Msg) => string;
}

export const PaneContext = React.createContext<PaneContextValue | null>(null);

export function usePane(): PaneContextValue {
  const v = React.useContext(PaneContext);
  if (!v) throw new Error("usePane outside <App>");
  return v;
}

export function usePaneValue(controller: PaneController): PaneContextValue {
  const state = React.useSyncExternalStore(controller.subscribe, controller.getState, controller.getState);
  const lang = state.lang;
  return React.useMemo(
    () => ({
      controller,
      state,
      lang,
      tr: (key, params) => t(lang, key, params),
      show: (m) => render(lang, m),
    }),
    [controller, state, lang],
  );
}
