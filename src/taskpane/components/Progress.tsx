/** What the pane is doing (reading / checking / writing), with a bar; announced to screen readers. */
import * as React from "react";
import { Field, ProgressBar } from "@fluentui/react-components";
import { usePane } from "./context";
import type { Step } from "../controller";

const STEP_KEYS = {
  loading: "ui.step.loading",
  reading: "ui.step.reading",
  checking: "ui.step.checking",
  writing: "ui.step.writing",
  building: "ui.step.building",
} as const satisfies Record<Step, string>;

export function Progress() {
  const { state, tr, show } = usePane();
  const busy = state.busy;
  if (!busy) return null;
  const text = busy.detail ? show(busy.detail) : tr(STEP_KEYS[busy.step], { projects: "" });
  return (
    <Field validationMessage={text} validationState="none" data-testid="progress" data-step={busy.step} role="status" aria-live="polite">
      <ProgressBar value={busy.progress ?? undefined} thickness="large" aria-label={tr("ui.progress.label")} />
    </Field>
  );
}
