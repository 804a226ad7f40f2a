/**
 * The picked (file mode) or imported (Excel) workbooks, as a section that folds: its heading says how many and
 * how many cannot be read; folded, only the files that cannot be read are listed (each says why, once — there is
 * no banner besides), so 50 files do not push the results down the pane.
 */
import * as React from "react";
import { Button, Caption1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ChevronDownRegular, ChevronRightRegular, DismissRegular, DocumentTableRegular, ErrorCircleRegular } from "@fluentui/react-icons";
import { usePane } from "./context";
import type { Source } from "../controller";

/** More files than this start folded. */
const OPEN_LIMIT = 3;

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  head: { display: "flex", alignItems: "center", justifyContent: "space-between", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, minWidth: 0 },
  toggle: {
    display: "flex",
    alignItems: "flex-start",
    columnGap: tokens.spacingHorizontalXS,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    border: "none",
    background: "none",
    font: "inherit",
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
    textAlign: "left",
    cursor: "pointer",
    borderRadius: tokens.borderRadiusMedium,
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  count: { display: "block", fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  chevron: { flexShrink: 0, marginTop: "3px" },
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
  nowrap: { whiteSpace: "nowrap" },
});

export function Sources() {
  const { state, tr, controller } = usePane();
  const styles = useStyles();
  const count = state.sources.length;
  const [open, setOpen] = React.useState<boolean | null>(null);
  if (count === 0) return null;
  const expanded = open ?? count <= OPEN_LIMIT;
  const busy = state.busy !== null;
  const failed = state.sources.filter((s) => s.error !== null).length;
  const title = state.mode === "excel" ? tr("ui.files.imported", { count }) : tr("ui.files.title", { count });
  const shown = expanded ? state.sources : state.sources.filter((s) => s.error !== null);
  const listId = "bpr-sources-list";
  return (
    <section className={styles.section} aria-labelledby="bpr-sources-title" data-testid="sources-section" data-expanded={expanded}>
      <div className={styles.head}>
        <h2 className={styles.heading} id="bpr-sources-title">
          <button
            type="button"
            className={styles.toggle}
            aria-expanded={expanded}
            aria-controls={listId}
            data-testid="sources-toggle"
            title={expanded ? tr("ui.files.hide") : tr("ui.files.show")}
            onClick={() => setOpen(!expanded)}
          >
            {expanded ? <ChevronDownRegular className={styles.chevron} aria-hidden /> : <ChevronRightRegular className={styles.chevron} aria-hidden />}
            <span>
              {title}
              <span className={styles.count}>{tr("ui.files.summary", { ok: count - failed, failed })}</span>
            </span>
          </button>
        </h2>
        <Button className={styles.nowrap} size="small" appearance="subtle" disabled={busy} onClick={() => void controller.clearFiles()}>
          {tr("ui.action.clearFiles")}
        </Button>
      </div>
      <ul className={styles.list} id={listId} data-testid="sources">
        {shown.map((s) => (
          <SourceItem key={s.name} source={s} busy={busy} />
        ))}
      </ul>
    </section>
  );
}

function SourceItem({ source: s, busy }: { source: Source; busy: boolean }) {
  const { tr, show, controller } = usePane();
  const styles = useStyles();
  return (
    <li className={styles.item} data-testid="source" data-failed={s.error !== null}>
      {s.error ? <ErrorCircleRegular className={mergeClasses(styles.icon, styles.bad)} aria-hidden /> : <DocumentTableRegular className={styles.icon} aria-hidden />}
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
  );
}
