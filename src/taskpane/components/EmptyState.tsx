/** What to do next when there is nothing to show yet, or the check found no template. */
import * as React from "react";
import { Body1, Button, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from "@fluentui/react-components";
import { TableAddRegular } from "@fluentui/react-icons";
import { usePane } from "./context";
import { foundNoTemplates } from "../state";

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, alignItems: "flex-start" },
  text: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  body: { overflowWrap: "anywhere", whiteSpace: "normal" },
});

export function EmptyState() {
  const { state, tr, controller } = usePane();
  const styles = useStyles();
  if (state.busy && !state.report) return null;
  const report = state.report;
  if (!report) {
    return (
      <div className={styles.box} data-testid="empty">
        <Body1 className={styles.text}>{state.mode === "excel" ? tr("ui.empty.excel") : tr("ui.empty.file")}</Body1>
      </div>
    );
  }
  if (report.projects.length === 0 && report.reviews.length === 0 && report.summary.files === 0) return null;
  if (foundNoTemplates(report)) {
    return (
      <div className={styles.box} data-testid="empty">
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody className={styles.body}>
            <MessageBarTitle>{tr("ui.empty.noTemplatesTitle")}</MessageBarTitle>
            {state.mode === "excel" ? tr("ui.empty.noTemplates") : tr("ui.empty.noTemplatesFile")}
          </MessageBarBody>
        </MessageBar>
        <Button icon={<TableAddRegular />} disabled={state.busy !== null} onClick={() => void controller.insertTemplates()}>
          {state.mode === "excel" ? tr("ui.action.templates") : tr("ui.action.downloadTemplates")}
        </Button>
      </div>
    );
  }
  if (report.findings.length === 0) {
    return (
      <MessageBar intent="success" layout="multiline" data-testid="all-clear">
        <MessageBarBody className={styles.body}>
          <MessageBarTitle>{tr("ui.empty.allClearTitle")}</MessageBarTitle>
          {tr("ui.empty.allClear", { projects: report.summary.projects })}
        </MessageBarBody>
      </MessageBar>
    );
  }
  return null;
}
