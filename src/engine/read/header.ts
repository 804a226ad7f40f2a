/**
 * Header classification: which header rows make an indicator table or a list, which of several candidates is
 * the table's header, column groups of side-by-side blocks, and the reading map of a header (every header cell
 * with the role it was taken for, or none).
 */
import { a1, columnLetters } from "../grid";
import type { ColumnReading } from "../model";
import type { Header, RoleMap, Segment, SheetReader } from "./sheet-reader";
import { RECOGNITION_ROWS } from "./sheet-reader";
import type { IndicatorColumn, SpotCheckColumn } from "./synonyms";

export function isIndicatorHeader(roles: RoleMap<IndicatorColumn>): boolean {
  const values = roles.target !== undefined || roles.actual !== undefined || roles.weight !== undefined || roles.reviewActual !== undefined;
  // 一级 | 二级 | 三级 with no value column the reader knows (one target column per village): still an indicator
  // table, read with its unknown columns reported.
  const threeLevels = roles.level1 !== undefined && roles.level2 !== undefined && roles.name !== undefined;
  return ((roles.name !== undefined || (roles.level1 !== undefined && roles.level2 !== undefined)) && values) || threeLevels;
}

/** A list header: project names with a score, or with a grade named as a review's or evaluation's (not a bare 等级). */
export function isListHeader(rd: SheetReader, h: Header<SpotCheckColumn>): boolean {
  const roles = h.roles;
  if (roles.name === undefined) return false;
  if (roles.score !== undefined) return true;
  if (roles.grade === undefined) return false;
  const key = rd.ix.info(rd.parentText(h.last, roles.grade) || rd.parentText(h.row, roles.grade)).key;
  return /评价|复核|抽评|抽查|复评/.test(key);
}

/** How many column roles a header names (a stray row of two labels names two; a form's header five or more). */
function roleCount(h: Header<string>): number {
  return Object.keys(h.roles).length;
}

/** A header row found near the top; `list`: a spot-check list's header (else an indicator header). */
export type HeaderCandidate = Header<string> & { list?: boolean };

/** `h` is of the same kind and every column of it has the same role in `of` (h is `of`, or a block of its table). */
function sameTable(h: HeaderCandidate, of: HeaderCandidate): boolean {
  return !!h.list === !!of.list && h.columns.every((x) => of.columns.some((y) => y.col === x.col && y.role === x.role));
}

/**
 * The header among candidate header rows (in row order). The richest candidate (the most column roles; the first
 * of equals) is the table's header; an earlier candidate is taken instead only when it is a block of that same
 * table (every one of its columns has the same role there) and names at least two thirds as many roles.
 */
export function chooseHeader<H extends HeaderCandidate>(candidates: H[]): H | null {
  let best: H | null = null;
  for (const h of candidates) if (best === null || roleCount(h) > roleCount(best)) best = h;
  if (best === null) return null;
  const richest = best;
  return candidates.find((h) => sameTable(h, richest) && 3 * roleCount(h) >= 2 * roleCount(richest)) ?? richest;
}

/**
 * A form's indicator header (see chooseHeader) among the header rows in the form's first RECOGNITION_ROWS rows;
 * past those, the first one further down.
 */
export function findIndicatorHeader(rd: SheetReader, seg: Segment): Header<IndicatorColumn> | null {
  const candidates: Header<IndicatorColumn>[] = [];
  for (let r = seg.start; r <= seg.end && (candidates.length === 0 || r <= seg.start + RECOGNITION_ROWS); r++) {
    const h = rd.headerAt(r, rd.ix.indicator);
    if (h !== null && isIndicatorHeader(h.roles)) {
      candidates.push(h);
      if (r > seg.start + RECOGNITION_ROWS) break;
    }
  }
  return chooseHeader(candidates);
}

/**
 * Column groups of an indicator header. Usually one; goal tables of the 88号 original put the 中期 and 年度
 * blocks side by side (一级 | 二级 | 三级 | 指标值 | 二级 | 三级 | 指标值): a repeated 二级 or 三级 column starts a
 * new group, and later groups share the first group's 一级 column.
 */
export function indicatorGroups(h: Header<IndicatorColumn>): RoleMap<IndicatorColumn>[] {
  const groups: RoleMap<IndicatorColumn>[] = [{}];
  for (const { col, role } of h.columns) {
    const g = groups[groups.length - 1];
    if (g[role] === undefined) g[role] = col;
    else if ((role === "name" || role === "level2") && g.name !== undefined) groups.push({ [role]: col });
  }
  return groups.filter((g) => g.name !== undefined);
}

/**
 * Every header cell of a table from its first role column rightwards: its text (two rows joined with "/"), the
 * role taken for its column, or null. Columns left of the table (margin labels such as 绩效指标) are not part of it.
 */
export function headerReading(rd: SheetReader, h: Header<string>, roles?: RoleMap<string>): ColumnReading[] {
  const roleOf = new Map<number, string>();
  const roleCols = h.roles as Record<string, number | undefined>;
  for (const x of h.columns) {
    // A role named twice is read from one column (the other is no part of the table), except the repeated
    // 二级 / 三级 columns of side-by-side blocks.
    if (roleCols[x.role] !== x.col && x.role !== "name" && x.role !== "level2") continue;
    if (!roleOf.has(x.col)) roleOf.set(x.col, x.role);
  }
  if (roles) for (const [role, col] of Object.entries(roles)) if (col !== undefined) roleOf.set(col, role);
  const byContent = new Set(roles ? Object.entries(roles).filter(([r, c]) => c !== undefined && h.roles[r as never] !== c).map(([, c]) => c as number) : []);
  const first = Math.min(...roleOf.keys());
  const out: ColumnReading[] = [];
  for (let c = first; c <= rd.s.right; c++) {
    const lower = h.last > h.row ? rd.text(h.last, c) : "";
    // The upper row's text belongs to the column when it names a role, alone or joined to the lower one ("年度"/"指标值").
    let upper = rd.text(h.row, c);
    if (upper !== "" && lower !== "" && rd.ix.info(upper).bits === 0 && rd.ix.info(rd.ix.joinedKey(upper, lower)).bits === 0) upper = "";
    const text = [upper, lower].filter((t) => t !== "").map((t) => t.replace(/\s+/g, "")).join("/");
    let role = roleOf.get(c) ?? null;
    if (text === "" && role === null) continue;
    // 序号 and the like: known, read by no role on purpose.
    if (role === null && [upper, lower].some((t) => t !== "" && rd.ix.isIgnoredColumn(rd.ix.info(t).key))) role = "ignored";
    const cell: ColumnReading = { column: columnLetters(c), cell: a1(upper || !lower ? h.row : h.last, c), text, role };
    if (role !== null) cell.by = byContent.has(c) ? "content" : "header";
    out.push(cell);
  }
  return out;
}
