/** Messages of the last action: errors say what to do next; successes say what was written. */
import * as React from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import { usePane } from "./context";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  body: { overflowWrap: "anywhere", whiteSpace: "normal" },
});

export function Notices() {
  const { state, tr, show, controller } = usePane();
  const styles = useStyles();
  if (state.notices.length === 0) return null;
  return (
    <div className={styles.list} data-testid="notices">
      {state.notices.map((n) => (
        <MessageBar key={n.id} intent={n.intent} layout="multiline" politeness={n.intent === "error" ? "assertive" : "polite"} data-intent={n.intent}>
          <MessageBarBody className={styles.body}>
            {n.title ? <MessageBarTitle>{show(n.title)}</MessageBarTitle> : null}
            {show(n.body)}
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button appearance="transparent" size="small" icon={<DismissRegular />} aria-label={tr("ui.action.dismiss")} onClick={() => controller.dismissNotice(n.id)} />
            }
          />
        </MessageBar>
      ))}
    </div>
  );
}
