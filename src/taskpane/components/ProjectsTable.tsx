/**
 * 项目一览: one row per project (name, department, self-score, computed score, grade, review score, gap, errors,
 * warnings), errors first, sortable by any column. It follows the findings' filter (severity toggles and search
 * narrow it), and choosing a project narrows the findings to it (in Excel its sheet is selected too): the two
 * filter each other. At a task pane's usual width (≤ 480 px) the table keeps what a row is judged by — name,
 * self-score, grade, review and gap, errors, warnings — and shows the department under the name; the review
 * columns appear only when a project has a review. What still does not fit scrolls inside the table's own
 * region, never the pane.
 */
import * as React from "react";
import { Caption1, makeStyles, mergeClasses, Subtitle2, tokens } from "@fluentui/react-components";
import { ArrowDownRegular, ArrowSortRegular, ArrowUpRegular } from "@fluentui/react-icons";
import { usePane } from "./context";
import { formatGap, formatNumber, type MessageKey } from "../lang";
import { DEFAULT_PROJECT_SORT, type ProjectRow, projectRows, type ProjectSort, type ProjectSortKey, sortProjectRows } from "../state";

/** Rows drawn at most before "show all" (a county's 1,000 projects). */
const ROW_LIMIT = 200;

/** `wide`: shown only when the pane is wider than NARROW; `review`: only when a project has a review. */
const COLUMNS: { key: Exclude<ProjectSortKey, "order">; label: MessageKey; numeric: boolean; wide?: boolean; review?: boolean }[] = [
  { key: "name", label: "ui.projects.col.name", numeric: false },
  { key: "department", label: "ui.projects.col.department", numeric: false, wide: true },
  { key: "stated", label: "ui.projects.col.stated", numeric: true },
  { key: "computed", label: "ui.projects.col.computed", numeric: true, wide: true },
  { key: "grade", label: "ui.projects.col.grade", numeric: false },
  { key: "review", label: "ui.projects.col.review", numeric: true, review: true },
  { key: "gap", label: "ui.projects.col.gap", numeric: true, review: true },
  { key: "errors", label: "ui.projects.col.errors", numeric: true },
  { key: "warnings", label: "ui.projects.col.warnings", numeric: true },
];

/** The pane's width at or below which the table drops its wide-only columns. */
const NARROW = "@media (max-width: 480px)";

const useStyles = makeStyles({
  wideOnly: { [NARROW]: { display: "none" } },
  narrowOnly: { display: "none", [NARROW]: { display: "block" } },
  under: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  sortPick: { fontSize: tokens.fontSizeBase200 },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
  scroller: {
    overflowX: "auto",
    maxWidth: "100%",
    maxHeight: "420px",
    overflowY: "auto",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  table: { borderCollapse: "collapse", width: "100%", fontSize: tokens.fontSizeBase200, overflowWrap: "normal" },
  th: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    padding: 0,
    textAlign: "left",
    fontWeight: tokens.fontWeightSemibold,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  sortButton: {
    display: "flex",
    alignItems: "center",
    columnGap: "2px",
    width: "100%",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    border: "none",
    background: "none",
    font: "inherit",
    color: tokens.colorNeutralForeground1,
    whiteSpace: "nowrap",
    cursor: "pointer",
    // Narrow: a long heading (自评得分) may take two lines rather than push the table sideways.
    [NARROW]: { whiteSpace: "normal", padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXXS}` },
    ":hover": { backgroundColor: tokens.colorNeutralBackground3Hover },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  numericHead: { justifyContent: "flex-end" },
  td: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, [NARROW]: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXXS}` }, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, verticalAlign: "top" },
  num: { textAlign: "right", whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" },
  nameCell: { minWidth: "9em", maxWidth: "16em", [NARROW]: { minWidth: "6em" } },
  dept: { minWidth: "6em", maxWidth: "10em", overflowWrap: "anywhere" },
  nameButton: {
    border: "none",
    background: "none",
    padding: 0,
    font: "inherit",
    textAlign: "left",
    color: tokens.colorBrandForegroundLink,
    textDecorationLine: "underline",
    cursor: "pointer",
    overflowWrap: "anywhere",
    ":hover": { color: tokens.colorBrandForegroundLinkHover },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  chosen: { backgroundColor: tokens.colorBrandBackground2 },
  errors: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  warnings: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  gapBad: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  more: {
    alignSelf: "flex-start",
    border: "none",
    background: "none",
    padding: 0,
    font: "inherit",
    color: tokens.colorBrandForegroundLink,
    textDecorationLine: "underline",
    cursor: "pointer",
  },
});

export function ProjectsTable() {
  const { state, tr, controller } = usePane();
  const styles = useStyles();
  const report = state.report;
  const [sort, setSort] = React.useState<ProjectSort>(DEFAULT_PROJECT_SORT);
  const [all, setAll] = React.useState(false);
  const filter = state.filter;
  const rows = React.useMemo(() => (report ? sortProjectRows(projectRows(report, filter), sort) : []), [report, filter, sort]);
  const total = React.useMemo(() => (report ? projectRows(report).length : 0), [report]);
  if (!report || total === 0) return null;
  const chosen = filter.project ?? null;
  const reviewed = rows.some((r) => r.review !== null || r.gap !== null);
  const columns = COLUMNS.filter((c) => !c.review || reviewed);
  const shown = all ? rows : rows.slice(0, ROW_LIMIT);
  const onSort = (key: ProjectSortKey) => {
    if (sort.key !== key) setSort({ key, dir: key === "errors" || key === "warnings" ? "desc" : "asc" });
    else if (sort.dir === (key === "errors" || key === "warnings" ? "desc" : "asc")) setSort({ key, dir: sort.dir === "asc" ? "desc" : "asc" });
    else setSort(DEFAULT_PROJECT_SORT);
  };
  const open = (r: ProjectRow) => {
    if (chosen === r.key) void controller.openProject(null);
    else void controller.openProject(r.key, { file: r.file, sheet: r.sheet, cell: r.cell });
  };

  return (
    <section className={styles.section} aria-labelledby="bpr-projects-title" data-testid="projects">
      <Subtitle2 as="h2" id="bpr-projects-title">
        {tr("ui.projects.heading")}
      </Subtitle2>
      <Caption1 className={styles.muted}>
        {state.mode === "excel" ? tr("ui.projects.hintExcel") : tr("ui.projects.hintFile")} {tr("ui.projects.showing", { shown: rows.length, total })}
      </Caption1>
      {/* A narrow pane hides some columns' headers: every order stays one choice away. */}
      <label className={mergeClasses(styles.narrowOnly, styles.sortPick)}>
        {tr("ui.projects.sortBy")}{" "}
        <select
          data-testid="sort-select"
          value={sort.key === "order" ? "order" : sort.key}
          onChange={(e) => {
            const key = e.target.value as ProjectSortKey;
            setSort(key === "order" ? DEFAULT_PROJECT_SORT : { key, dir: key === "errors" || key === "warnings" ? "desc" : "asc" });
          }}
        >
          <option value="order">{tr("ui.projects.sortDefault")}</option>
          {COLUMNS.filter((c) => !c.review || reviewed).map((c) => (
            <option key={c.key} value={c.key}>
              {tr(c.label)}
            </option>
          ))}
        </select>
      </label>
      <div className={styles.scroller} role="region" aria-label={tr("ui.projects.region")} tabIndex={0}>
        <table className={styles.table}>
          <thead>
            <tr>
              {columns.map((c) => {
                const active = sort.key === c.key;
                const ariaSort = active ? (sort.dir === "asc" ? "ascending" : "descending") : "none";
                return (
                  <th key={c.key} scope="col" className={mergeClasses(styles.th, c.wide && styles.wideOnly)} aria-sort={ariaSort}>
                    <button type="button" className={mergeClasses(styles.sortButton, c.numeric && styles.numericHead)} data-testid={`sort-${c.key}`} onClick={() => onSort(c.key)}>
                      {tr(c.label)}
                      {active ? sort.dir === "asc" ? <ArrowUpRegular aria-hidden /> : <ArrowDownRegular aria-hidden /> : <ArrowSortRegular aria-hidden />}
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <Row key={r.key} row={r} chosen={chosen === r.key} reviewed={reviewed} onOpen={() => open(r)} />
            ))}
          </tbody>
        </table>
      </div>
      {!all && rows.length > ROW_LIMIT ? (
        <button type="button" className={styles.more} onClick={() => setAll(true)}>
          {tr("ui.action.expandAll")} ({rows.length})
        </button>
      ) : null}
    </section>
  );
}

function Row({ row: r, chosen, reviewed, onOpen }: { row: ProjectRow; chosen: boolean; reviewed: boolean; onOpen: () => void }) {
  const { tr, state } = usePane();
  const styles = useStyles();
  const big = r.gap !== null && Math.abs(r.gap) >= state.settings.gap;
  const name = r.name || tr("ui.project.unnamed");
  const stated = r.template === "goal" ? tr("ui.projects.goal") : r.template === null ? tr("ui.projects.noSelf") : formatNumber(r.stated);
  return (
    <tr className={chosen ? styles.chosen : undefined} data-testid="project-row" data-key={r.key}>
      <th scope="row" className={mergeClasses(styles.td, styles.nameCell)} style={{ fontWeight: "inherit", textAlign: "left" }}>
        <button type="button" className={styles.nameButton} aria-pressed={chosen} title={tr("ui.projects.open", { name })} data-testid="project-name" onClick={onOpen}>
          {name}
        </button>
        {r.department ? (
          <Caption1 className={mergeClasses(styles.narrowOnly, styles.under)} data-testid="row-department-under">
            {r.department}
          </Caption1>
        ) : null}
      </th>
      <td className={mergeClasses(styles.td, styles.dept, styles.wideOnly)}>{r.department ?? "—"}</td>
      <td className={mergeClasses(styles.td, styles.num)}>{stated}</td>
      <td className={mergeClasses(styles.td, styles.num, styles.wideOnly)}>{r.template === "goal" ? "—" : formatNumber(r.computed)}</td>
      <td className={styles.td}>{r.grade ? tr(`ui.grade.${r.grade}`) : "—"}</td>
      {reviewed ? (
        <>
          <td className={mergeClasses(styles.td, styles.num)}>{formatNumber(r.review)}</td>
          <td className={mergeClasses(styles.td, styles.num, big && styles.gapBad)} data-testid="row-gap">
            {formatGap(r.gap)}
          </td>
        </>
      ) : null}
      <td className={mergeClasses(styles.td, styles.num, r.errors > 0 && styles.errors)} data-testid="row-errors">
        {r.errors}
      </td>
      <td className={mergeClasses(styles.td, styles.num, r.warnings > 0 && styles.warnings)}>{r.warnings}</td>
    </tr>
  );
}
