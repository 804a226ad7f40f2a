/** The numbers of the last check: projects, errors / warnings / info, grades 优良中差, mean score, spot checks. */
import * as React from "react";
import { Caption1, makeStyles, mergeClasses, Subtitle2, tokens } from "@fluentui/react-components";
import { usePane } from "./context";
import { formatNumber, formatPercent } from "../lang";
import { GRADES, headerNumbers } from "../state";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  heading: { margin: 0 },
  // Six tiles: three by two in a narrow pane, one row from 480 px (never five and a straggler).
  tiles: {
    display: "grid",
    gridTemplateColumns: "repeat(3, minmax(0, 1fr))",
    gap: tokens.spacingHorizontalXS,
    margin: 0,
    "@media (min-width: 480px)": { gridTemplateColumns: "repeat(6, minmax(0, 1fr))" },
  },
  tile: {
    display: "flex",
    flexDirection: "column-reverse",
    alignItems: "center",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXXS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    minWidth: 0,
  },
  label: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, margin: 0, textAlign: "center", whiteSpace: "nowrap" },
  value: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0, lineHeight: tokens.lineHeightBase500 },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  line: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  grades: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0, padding: 0, listStyleType: "none" },
  grade: { fontWeight: tokens.fontWeightSemibold },
});

export function ResultHeader() {
  const { state, tr } = usePane();
  const styles = useStyles();
  const report = state.report;
  if (!report) return null;
  const n = headerNumbers(report);
  const tiles: { key: string; label: string; value: string; cls?: string }[] = [
    { key: "projects", label: tr("ui.summary.projects"), value: String(n.projects) },
    { key: "errors", label: tr("ui.summary.errors"), value: String(n.errors), cls: n.errors ? styles.error : undefined },
    { key: "warnings", label: tr("ui.summary.warnings"), value: String(n.warnings), cls: n.warnings ? styles.warning : undefined },
    { key: "infos", label: tr("ui.summary.infos"), value: String(n.infos) },
    { key: "mean", label: tr("ui.summary.meanScore"), value: formatNumber(n.meanScore, 1) },
  ];
  tiles.push({ key: "reviewed", label: tr("ui.summary.reviewed"), value: String(n.reviewed) });
  return (
    <section className={styles.section} aria-labelledby="bpr-summary-title" data-testid="summary" data-engine={state.engineWhere ?? undefined}>
      <Subtitle2 as="h2" id="bpr-summary-title" className={styles.heading}>
        {tr("ui.summary.heading")}
      </Subtitle2>
      <dl className={styles.tiles}>
        {tiles.map((x) => (
          <div key={x.key} className={styles.tile} data-testid={`summary-${x.key}`}>
            <dt className={styles.label}>{x.label}</dt>
            <dd className={mergeClasses(styles.value, x.cls)}>{x.value}</dd>
          </div>
        ))}
      </dl>
      <ul className={styles.grades} aria-label={tr("ui.summary.grades")} data-testid="summary-grades">
        {GRADES.map((g) => (
          <li key={g}>
            {tr(`ui.grade.${g}`)} <span className={styles.grade}>{n.grades[g]}</span>
          </li>
        ))}
      </ul>
      <Caption1 className={styles.line}>
        {tr("ui.summary.scope", { files: n.files, projects: n.projects })}
        {n.budget.adjusted > 0
          ? `${state.lang === "en" ? " " : ""}${tr("ui.summary.budget", { adjusted: formatNumber(n.budget.adjusted), executed: formatNumber(n.budget.executed), rate: formatPercent(n.budget.rate) })}`
          : ""}
      </Caption1>
    </section>
  );
}
