/**
 * Findings grouped by project, then by severity (errors first), with severity toggles and a text search.
 * Each finding is a button: in Excel it selects the cell (Enter / Space / click); for imported files and in
 * file mode it shows the file, sheet and cell, since there is no Excel to select in.
 */
import * as React from "react";
import { Badge, Button, Caption1, makeStyles, mergeClasses, SearchBox, Subtitle2, ToggleButton, tokens } from "@fluentui/react-components";
import { CheckmarkRegular, ChevronDownRegular, ChevronRightRegular, DismissRegular, LocationRegular } from "@fluentui/react-icons";
import type { CellRow } from "../../engine/cell-row";
import type { Finding, Severity } from "../../engine/model";
import { usePane } from "./context";
import { ReadingMap } from "./ReadingMap";
import { formatGap, formatNumber } from "../lang";
import {
  EMPTY_FILTER,
  type FindingGroup,
  groupFindings,
  isFilterActive,
  projectFacts,
  SEVERITIES,
  shownCount,
  countFindings,
  findingTarget,
  type FindingTarget,
} from "../state";

/** More groups than this start collapsed (a county's 1,000 projects). */
const EXPAND_LIMIT = 30;

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  bar: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  toggles: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  toggle: { minWidth: 0, flex: "1 1 auto", whiteSpace: "nowrap" },
  // On: the brand's tint with a check mark (chosen); off: plain, no mark. Never grey for "on".
  toggleOn: {
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorBrandForeground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke1}`,
    ":hover": { backgroundColor: tokens.colorBrandBackground2Hover, color: tokens.colorBrandForeground2 },
    ":hover:active": { backgroundColor: tokens.colorBrandBackground2Pressed, color: tokens.colorBrandForeground2 },
  },
  toggleOff: {
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground2,
    textDecorationLine: "line-through",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover, color: tokens.colorNeutralForeground1 },
  },
  chip: { display: "flex", alignItems: "center", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  chipName: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere", minWidth: 0 },
  rowTable: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightRegular, width: "100%" },
  rowScroller: { overflowX: "auto", maxWidth: "100%", marginTop: tokens.spacingVerticalXXS },
  rowCell: {
    padding: `1px ${tokens.spacingHorizontalXS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    textAlign: "left",
    verticalAlign: "top",
    minWidth: "3em",
    maxWidth: "12em",
    overflowWrap: "anywhere",
    backgroundColor: tokens.colorNeutralBackground1,
  },
  rowHead: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2, backgroundColor: tokens.colorNeutralBackground3 },
  rowTarget: { outline: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteRedBorder2}`, outlineOffset: "-2px", fontWeight: tokens.fontWeightSemibold },
  locatedBox: { display: "flex", flexDirection: "column", minWidth: 0, flex: "1 1 auto" },
  search: { width: "100%", maxWidth: "100%" },
  meta: { display: "flex", flexWrap: "wrap", justifyContent: "space-between", alignItems: "center", gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground2 },
  groups: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  group: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
  },
  groupHead: { margin: 0, fontSize: "inherit", fontWeight: "inherit" },
  groupButton: {
    display: "flex",
    width: "100%",
    alignItems: "flex-start",
    columnGap: tokens.spacingHorizontalXS,
    padding: tokens.spacingHorizontalS,
    border: "none",
    background: "none",
    textAlign: "left",
    cursor: "pointer",
    color: tokens.colorNeutralForeground1,
    font: "inherit",
    borderRadius: tokens.borderRadiusMedium,
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  chevron: { flexShrink: 0, marginTop: "3px" },
  groupTitleBox: { display: "flex", flexDirection: "column", minWidth: 0, flex: "1 1 auto", rowGap: "2px" },
  groupTitle: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  badges: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXXS },
  body: { padding: `0 ${tokens.spacingHorizontalS} ${tokens.spacingVerticalS}`, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  facts: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
    rowGap: "2px",
    margin: 0,
    padding: 0,
    listStyleType: "none",
    fontSize: tokens.fontSizeBase200,
  },
  factStrong: { fontWeight: tokens.fontWeightSemibold },
  gapBad: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  sevHeading: { margin: `${tokens.spacingVerticalXS} 0 0`, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  finding: {
    display: "flex",
    flexDirection: "column",
    rowGap: "2px",
    width: "100%",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderLeftWidth: "4px",
    borderRadius: tokens.borderRadiusMedium,
    background: tokens.colorNeutralBackground1,
    textAlign: "left",
    font: "inherit",
    color: tokens.colorNeutralForeground1,
    cursor: "pointer",
    boxSizing: "border-box",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  findingButton: {
    display: "block",
    width: "100%",
    padding: 0,
    border: "none",
    background: "none",
    textAlign: "left",
    font: "inherit",
    color: tokens.colorNeutralForeground1,
    cursor: "pointer",
    overflowWrap: "anywhere",
    whiteSpace: "pre-wrap",
    borderRadius: tokens.borderRadiusSmall,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px" },
  },
  sev_error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  sev_warning: { borderLeftColor: tokens.colorPaletteDarkOrangeBorder2 },
  sev_info: { borderLeftColor: tokens.colorNeutralStroke1 },
  selected: { backgroundColor: tokens.colorBrandBackground2, ":hover": { backgroundColor: tokens.colorBrandBackground2Hover } },
  message: { overflowWrap: "anywhere", whiteSpace: "pre-wrap" },
  suggestion: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere", fontSize: tokens.fontSizeBase200 },
  where: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  located: {
    display: "flex",
    flexDirection: "row",
    alignItems: "flex-start",
    columnGap: tokens.spacingHorizontalXS,
    margin: 0,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorPaletteYellowBackground1,
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: "anywhere",
  },
  empty: { color: tokens.colorNeutralForeground2, margin: 0 },
});

const BADGE_COLOR: Record<Severity, "danger" | "warning" | "informative"> = { error: "danger", warning: "warning", info: "informative" };

function where(target: FindingTarget, tr: ReturnType<typeof usePane>["tr"], withFile: boolean): string {
  const parts: string[] = [];
  if (withFile) parts.push(tr("ui.finding.file", { file: target.file }));
  if (target.sheet) parts.push(tr("ui.finding.sheet", { sheet: target.sheet }));
  if (target.cell) parts.push(tr("ui.finding.cell", { cell: target.cell }));
  return parts.join(" · ");
}

function FindingItem({ id, finding, selected }: { id: string; finding: Finding; selected: boolean }) {
  const { state, tr, controller } = usePane();
  const styles = useStyles();
  const target = findingTarget(finding, state.mode === "excel" ? state.hostFile : null);
  // Show the file when the finding is not in the open workbook, or when several files were checked.
  const withFile = target.external || (state.mode === "file" && (state.report?.summary.files ?? 1) > 1);
  const location = where(target, tr, withFile);
  const hint = target.selectable ? tr("ui.finding.goTo") : tr("ui.finding.showWhere");
  const select = () => void controller.selectFinding(id, finding);
  // The card shows the message, the suggestion and where; its button (what Tab reaches, and what a screen reader
  // names) carries the message only, the place and the hint as its description. A click anywhere on the card
  // chooses the finding too (the button's own clicks and keys reach the same handler).
  return (
    <li>
      <div
        className={mergeClasses(styles.finding, styles[`sev_${finding.severity}`], selected && styles.selected)}
        data-testid="finding-card"
        onClick={(e) => {
          if (!(e.target as Element).closest("button")) select();
        }}
      >
        <button
          type="button"
          className={styles.findingButton}
          aria-pressed={selected}
          aria-describedby={`${id}-where ${id}-hint`}
          data-rule={finding.rule}
          data-severity={finding.severity}
          data-testid="finding"
          onClick={select}
        >
          <Badge appearance="tint" color={BADGE_COLOR[finding.severity]} size="small">
            {tr(`severity.${finding.severity}`)}
          </Badge>{" "}
          {finding.message}
        </button>
        {finding.suggestion ? <span className={styles.suggestion}>{tr("ui.finding.suggestion", { text: finding.suggestion })}</span> : null}
        <span className={styles.where} id={`${id}-where`}>
          {location ? `${location} · ` : ""}
          {finding.rule}
        </span>
        <span id={`${id}-hint`} hidden>
          {hint}
        </span>
      </div>
      {selected ? <Located target={target} withFile={withFile} row={state.selected?.row ?? null} /> : null}
    </li>
  );
}

/** The highlighted "工作表 X · 单元格 F16" line under a chosen finding. */
function Located({ target, withFile, row }: { target: FindingTarget; withFile: boolean; row: CellRow | null }) {
  const { tr } = usePane();
  const styles = useStyles();
  let text: string;
  if (target.selectable) text = tr("ui.finding.selectedIn", { place: where(target, tr, false) });
  else if (target.external) text = tr("ui.finding.inOtherFile", { place: where(target, tr, true) });
  else text = tr("ui.finding.at", { place: where(target, tr, withFile) || target.file });
  return (
    <div className={styles.located} role="status" data-testid="located">
      <LocationRegular aria-hidden style={{ flexShrink: 0, marginTop: "3px" }} />
      <div className={styles.locatedBox}>
        <span data-testid="located-text">{text}</span>
        {row ? <RowView row={row} /> : null}
      </div>
    </div>
  );
}

/** The finding's row as the form has it: the header's labels over the row's cells, the finding's cell outlined. */
function RowView({ row }: { row: CellRow }) {
  const { tr } = usePane();
  const styles = useStyles();
  const labelled = row.cells.some((c) => c.label !== "");
  const scroller = React.useRef<HTMLDivElement>(null);
  // A wide row scrolls so the finding's cell is in view.
  React.useEffect(() => {
    const box = scroller.current;
    const cell = box?.querySelector<HTMLElement>("[data-target]");
    if (box && cell && cell.offsetLeft + cell.offsetWidth > box.clientWidth) box.scrollLeft = cell.offsetLeft + cell.offsetWidth - box.clientWidth + 8;
  }, [row]);
  return (
    <div className={styles.rowScroller} data-testid="cell-row" ref={scroller}>
      <table className={styles.rowTable}>
        <caption style={{ textAlign: "left", fontWeight: "normal" }}>{tr("ui.finding.row", { row: row.row, sheet: row.sheet })}</caption>
        <tbody>
          {labelled ? (
            <tr>
              <th scope="row" className={mergeClasses(styles.rowCell, styles.rowHead)}>
                {tr("ui.finding.rowLabel")}
              </th>
              {row.cells.map((c) => (
                <td key={c.address} className={mergeClasses(styles.rowCell, styles.rowHead)}>
                  {c.label}
                </td>
              ))}
            </tr>
          ) : null}
          <tr>
            <th scope="row" className={mergeClasses(styles.rowCell, styles.rowHead)}>
              {tr("ui.finding.rowColumn")}
            </th>
            {row.cells.map((c) => (
              <td key={c.address} className={mergeClasses(styles.rowCell, styles.rowHead)}>
                {c.address}
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row" className={mergeClasses(styles.rowCell, styles.rowHead)}>
              {tr("ui.finding.rowValue")}
            </th>
            {row.cells.map((c) => (
              <td key={c.address} className={mergeClasses(styles.rowCell, c.target && styles.rowTarget)} data-target={c.target || undefined}>
                {c.text || (c.target ? tr("ui.finding.rowEmpty") : "")}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}

function ProjectFactsLine({ group }: { group: FindingGroup }) {
  const { tr, state } = usePane();
  const styles = useStyles();
  const p = group.project;
  if (!p) return null;
  const f = projectFacts(p);
  const items: React.ReactNode[] = [];
  if (f.template === "goal") {
    items.push(<li key="t">{tr("table.template.goal")}</li>);
  } else {
    items.push(
      <li key="stated">
        {tr("ui.project.stated")} <span className={styles.factStrong}>{f.stated === null ? tr("ui.project.none") : formatNumber(f.stated)}</span>
      </li>,
      <li key="computed">
        {tr("ui.project.computed")} <span className={styles.factStrong}>{formatNumber(f.computed)}</span>
      </li>,
      <li key="grade">
        {tr("ui.project.grade")} <span className={styles.factStrong}>{f.grade ? tr(`ui.grade.${f.grade}`) : "—"}</span>
      </li>,
    );
    // 自评质量 (issue 16): the rubric's score of the self-assessment.
    if (p.quality) {
      const confirmed = p.quality.confirmed;
      items.push(
        <li key="quality" data-testid="quality">
          {tr("ui.quality", { score: p.quality.score })}
          {confirmed !== null && confirmed !== undefined ? tr("ui.qualityConfirmed", { score: confirmed }) : ""}
        </li>,
      );
    }
    if (f.review) {
      const big = f.review.gap !== null && Math.abs(f.review.gap) >= state.settings.gap;
      items.push(
        <li key="review" data-testid="review">
          {tr("ui.project.review")} <span className={styles.factStrong}>{formatNumber(f.review.score)}</span>
          {f.review.grade ? ` (${tr(`ui.grade.${f.review.grade}`)})` : ""} · {tr("ui.project.gap")}{" "}
          <span className={big ? styles.gapBad : styles.factStrong} data-testid="gap">
            {formatGap(f.review.gap)}
          </span>
        </li>,
      );
    }
  }
  return <ul className={styles.facts}>{items}</ul>;
}

function GroupItem({ group, expanded, onToggle, selectedKey }: { group: FindingGroup; expanded: boolean; onToggle: () => void; selectedKey: string | null }) {
  const { state, tr } = usePane();
  const styles = useStyles();
  const bodyId = `bpr-g-${React.useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const title = group.kind === "project" ? group.title || tr("ui.project.unnamed") : group.project === null && group.title === group.file ? tr("ui.group.file", { file: group.file }) : group.title;
  const multiFile = (state.report?.summary.files ?? 1) > 1 || state.mode === "excel";
  const place = [multiFile ? group.file : null, group.sheet].filter(Boolean).join(" · ");
  const dept = group.project ? [group.project.department, group.project.unit].filter(Boolean).join(" · ") : "";
  return (
    <li className={styles.group} data-testid="group" data-group-kind={group.kind}>
      <h3 className={styles.groupHead}>
        <button type="button" className={styles.groupButton} aria-expanded={expanded} aria-controls={bodyId} onClick={onToggle}>
          {expanded ? <ChevronDownRegular className={styles.chevron} aria-hidden /> : <ChevronRightRegular className={styles.chevron} aria-hidden />}
          <span className={styles.groupTitleBox}>
            <span className={styles.groupTitle} data-testid="group-title">
              {title}
            </span>
            {dept ? <Caption1 className={styles.muted}>{dept}</Caption1> : null}
            {place ? <Caption1 className={styles.muted}>{place}</Caption1> : null}
            <span className={styles.badges}>
              {SEVERITIES.map((s) =>
                group.counts[s] ? (
                  <Badge key={s} appearance="filled" color={BADGE_COLOR[s]} size="small">
                    {tr(`ui.count.${s}`, { count: group.counts[s] })}
                  </Badge>
                ) : null,
              )}
              {group.counts.error + group.counts.warning + group.counts.info === 0 ? (
                <Badge appearance="tint" color="success" size="small">
                  {tr("ui.project.noFindings")}
                </Badge>
              ) : null}
            </span>
          </span>
        </button>
      </h3>
      {expanded ? (
        <div id={bodyId} className={styles.body}>
          <ProjectFactsLine group={group} />
          {group.project ? <ReadingMap project={group.project} /> : null}
          {group.bySeverity.map((sg) => (
            <div key={sg.severity}>
              <h4 className={styles.sevHeading}>{tr(`ui.count.${sg.severity}`, { count: sg.findings.length })}</h4>
              <ul className={styles.list}>
                {sg.findings.map((s) => (
                  <FindingItem key={s.key} id={`f${s.key.split("|")[0]}`} finding={s.finding} selected={selectedKey === `f${s.key.split("|")[0]}`} />
                ))}
              </ul>
            </div>
          ))}
        </div>
      ) : null}
    </li>
  );
}

export function Findings() {
  const { state, tr, controller } = usePane();
  const styles = useStyles();
  const report = state.report;
  const filter = state.filter;
  const groups = React.useMemo(() => (report ? groupFindings(report, filter) : []), [report, filter]);
  const totals = React.useMemo(() => countFindings(report?.findings ?? []), [report]);
  const [overrides, setOverrides] = React.useState<Map<string, boolean>>(new Map());
  React.useEffect(() => setOverrides(new Map()), [report]);
  if (!report) return null;
  const defaultExpanded = groups.length <= EXPAND_LIMIT || (filter.project ?? null) !== null;
  const chosenGroup = filter.project ? (groups.find((g) => g.key === filter.project)?.title || tr("ui.project.unnamed")) : null;
  const isExpanded = (key: string) => overrides.get(key) ?? defaultExpanded;
  const setAll = (v: boolean) => setOverrides(new Map(groups.map((g) => [g.key, v])));
  const shown = shownCount(groups);
  const total = report.findings.length;
  const active = isFilterActive(filter);

  return (
    <section className={styles.section} aria-labelledby="bpr-findings-title">
      <Subtitle2 as="h2" id="bpr-findings-title">
        {tr("ui.findings.heading")}
      </Subtitle2>
      <div className={styles.bar} role="search" aria-label={tr("ui.filter.label")}>
        <div className={styles.toggles} role="group" aria-label={tr("ui.filter.severity")}>
          {SEVERITIES.map((s) => (
            <ToggleButton
              key={s}
              size="small"
              className={mergeClasses(styles.toggle, filter.severities[s] ? styles.toggleOn : styles.toggleOff)}
              icon={filter.severities[s] ? <CheckmarkRegular /> : undefined}
              checked={filter.severities[s]}
              data-testid={`toggle-${s}`}
              onClick={() => controller.setFilter({ ...filter, severities: { ...filter.severities, [s]: !filter.severities[s] } })}
            >
              {tr(`ui.count.${s}`, { count: totals[s] })}
            </ToggleButton>
          ))}
        </div>
        <SearchBox
          className={styles.search}
          size="small"
          value={filter.query}
          placeholder={tr("ui.filter.search")}
          aria-label={tr("ui.filter.search")}
          dismiss={{ "aria-label": tr("ui.filter.clearSearch"), title: tr("ui.filter.clearSearch") }}
          data-testid="search"
          onChange={(_e, data) => controller.setFilter({ ...filter, query: data.value })}
        />
        {chosenGroup ? (
          <div className={styles.chip} data-testid="project-filter">
            <span className={styles.chipName}>{tr("ui.filter.project", { name: chosenGroup })}</span>
            <Button size="small" appearance="subtle" icon={<DismissRegular />} onClick={() => void controller.openProject(null)}>
              {tr("ui.filter.allProjects")}
            </Button>
          </div>
        ) : null}
        <div className={styles.meta}>
          <Caption1 className={styles.muted} aria-live="polite" data-testid="shown">
            {tr("ui.filter.showing", { shown, total })}
          </Caption1>
          <span>
            {active ? (
              <Button size="small" appearance="subtle" onClick={() => controller.setFilter(EMPTY_FILTER)}>
                {tr("ui.filter.clear")}
              </Button>
            ) : null}
            {groups.length > 1 ? (
              <Button size="small" appearance="subtle" onClick={() => setAll(!groups.every((g) => isExpanded(g.key)))}>
                {groups.every((g) => isExpanded(g.key)) ? tr("ui.action.collapseAll") : tr("ui.action.expandAll")}
              </Button>
            ) : null}
          </span>
        </div>
      </div>
      {groups.length === 0 ? (
        <p className={styles.empty}>{active ? tr("ui.filter.noMatch") : tr("ui.empty.noFindings")}</p>
      ) : (
        <ul className={styles.groups} data-testid="groups">
          {groups.map((g) => (
            <GroupItem
              key={g.key}
              group={g}
              expanded={isExpanded(g.key)}
              selectedKey={state.selected?.key ?? null}
              onToggle={() => setOverrides(new Map(overrides).set(g.key, !isExpanded(g.key)))}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
