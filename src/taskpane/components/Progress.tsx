/**
 * What the pane is doing (reading which file / checking / writing), with a bar and 取消; announced to screen
 * readers. 取消 stops the engine worker at once, or the pane's thread at its next step; it is not offered while
 * the workbook is being written (one write, all or nothing).
 */
import * as React from "react";
import { Button, Field, makeStyles, ProgressBar, tokens } from "@fluentui/react-components";
import { DismissCircleRegular } from "@fluentui/react-icons";
import { usePane } from "./context";
import type { Step } from "../controller";

const STEP_KEYS = {
  loading: "ui.step.loading",
  reading: "ui.step.reading",
  checking: "ui.step.checking",
  writing: "ui.step.writing",
  building: "ui.step.building",
} as const satisfies Record<Step, string>;

const useStyles = makeStyles({
  box: { display: "flex", alignItems: "flex-start", columnGap: tokens.spacingHorizontalS },
  field: { flex: "1 1 auto", minWidth: 0 },
  cancel: { flexShrink: 0, whiteSpace: "nowrap" },
});

export function Progress() {
  const { state, tr, show, controller } = usePane();
  const styles = useStyles();
  const busy = state.busy;
  if (!busy) return null;
  const text = busy.cancelling ? tr("ui.action.cancelling") : busy.detail ? show(busy.detail) : tr(STEP_KEYS[busy.step], { projects: "" });
  const cancellable = busy.step !== "writing" && busy.action !== "templates";
  return (
    <div className={styles.box}>
      <Field className={styles.field} validationMessage={text} validationState="none" data-testid="progress" data-step={busy.step} role="status" aria-live="polite">
        <ProgressBar value={busy.progress ?? undefined} thickness="large" aria-label={tr("ui.progress.label")} />
      </Field>
      {cancellable ? (
        <Button
          className={styles.cancel}
          size="small"
          icon={<DismissCircleRegular />}
          disabled={busy.cancelling === true}
          data-testid="cancel"
          onClick={() => controller.cancel()}
        >
          {tr("ui.action.cancel")}
        </Button>
      ) : null}
    </div>
  );
}
