/**
 * The reading map of the selected project (issue 12): which header cell was taken for which role (column letter and
 * header text), the columns no role was found for, and the columns the form lacked. A compact table under the
 * project's facts, folded by default, so a user can trust the reading or tell what it got wrong.
 */
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { Project } from "../../engine/model";
import type { MessageKey } from "../lang";
import { usePane } from "./context";

const ROLES = new Set([
  "level1", "level2", "name", "target", "adjustedTarget", "actual", "weight", "score", "reason", "op", "unit", "coefficient", "core",
  "reviewScore", "reviewActual", "reviewNote", "note", "initial", "adjusted", "executed", "rate", "ignored",
]);

const useStyles = makeStyles({
  details: { marginTop: tokens.spacingVerticalXS },
  table: { borderCollapse: "collapse", width: "100%", fontSize: tokens.fontSizeBase200 },
  cell: { padding: `0 ${tokens.spacingHorizontalXS}`, textAlign: "left", verticalAlign: "top" },
  unknown: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

export function ReadingMap({ project }: { project: Project }) {
  const { tr } = usePane();
  const styles = useStyles();
  const map = project.reading;
  if (!map) return null;
  const cells = [...map.header, ...map.budgetHeader];
  if (cells.length === 0 && map.missing.length === 0) return null;
  const roleName = (role: string | null) =>
    role === null ? tr("ui.reading.unknown") : ROLES.has(role) ? tr(`ui.reading.role.${role}` as MessageKey) : role;
  return (
    <details className={styles.details} data-testid="reading-map">
      <summary>
        <Caption1>{tr("ui.reading.title")}</Caption1>
      </summary>
      <table className={styles.table}>
        <thead>
          <tr>
            <th className={styles.cell}>{tr("ui.reading.role")}</th>
            <th className={styles.cell}>{tr("ui.reading.column")}</th>
            <th className={styles.cell}>{tr("ui.reading.text")}</th>
          </tr>
        </thead>
        <tbody>
          {cells.map((c) => (
            <tr key={c.cell} className={c.role === null ? styles.unknown : undefined} data-role={c.role ?? ""}>
              <td className={styles.cell}>{roleName(c.role)}</td>
              <td className={styles.cell}>{c.column}</td>
              <td className={styles.cell}>
                {c.text}
                {c.by === "content" ? ` (${tr("ui.reading.byContent")})` : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {map.missing.length > 0 ? <Caption1 className={styles.unknown}>{tr("ui.reading.missing", { roles: map.missing.map(roleName).join("、") })}</Caption1> : null}
    </details>
  );
}
