/** The picked (file mode) or imported (Excel) workbooks: projects found, or why a file cannot be read. */
import * as React from "react";
import { Button, Caption1, makeStyles, mergeClasses, Subtitle2, tokens } from "@fluentui/react-components";
import { DismissRegular, DocumentTableRegular, ErrorCircleRegular } from "@fluentui/react-icons";
import { usePane } from "./context";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  head: { display: "flex", alignItems: "center", justifyContent: "space-between", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  item: {
    display: "flex",
    alignItems: "flex-start",
    columnGap: tokens.spacingHorizontalXS,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  icon: { flexShrink: 0, marginTop: "2px", fontSize: "16px" },
  bad: { color: tokens.colorPaletteRedForeground1 },
  body: { display: "flex", flexDirection: "column", minWidth: 0, flex: "1 1 auto" },
  name: { overflowWrap: "anywhere", fontWeight: tokens.fontWeightSemibold },
  detail: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  error: { color: tokens.colorPaletteRedForeground1, overflowWrap: "anywhere" },
});

export function Sources() {
  const { state, tr, show, controller } = usePane();
  const styles = useStyles();
  if (state.sources.length === 0) return null;
  const busy = state.busy !== null;
  const title = state.mode === "excel" ? tr("ui.files.imported", { count: state.sources.length }) : tr("ui.files.title", { count: state.sources.length });
  return (
    <section className={styles.section} aria-label={title}>
      <div className={styles.head}>
        <Subtitle2 as="h2">{title}</Subtitle2>
        <Button size="small" appearance="subtle" disabled={busy} onClick={() => void controller.clearFiles()}>
          {tr("ui.action.clearFiles")}
        </Button>
      </div>
      <ul className={styles.list} data-testid="sources">
        {state.sources.map((s) => (
          <li key={s.name} className={styles.item}>
            {s.error ? (
              <ErrorCircleRegular className={mergeClasses(styles.icon, styles.bad)} aria-hidden />
            ) : (
              <DocumentTableRegular className={styles.icon} aria-hidden />
            )}
            <div className={styles.body}>
              <span className={styles.name}>{s.name}</span>
              {s.error ? (
                <Caption1 className={styles.error}>
                  {tr("ui.files.failed")}：{show(s.error)}
                </Caption1>
              ) : (
                <Caption1 className={styles.detail}>{tr("ui.files.projects", { count: s.projects ?? 0 })}</Caption1>
              )}
            </div>
            <Button
              size="small"
              appearance="subtle"
              icon={<DismissRegular />}
              disabled={busy}
              aria-label={tr("ui.action.removeFile", { file: s.name })}
              onClick={() => void controller.removeFile(s.name)}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
