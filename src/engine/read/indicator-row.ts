/**
 * The one indicator-row reader: a row of an indicator table (self-assessment, department form, goal table or a
 * review sheet "实际绩效") → an Indicator, given the row's column roles and the categories in force. Also the
 * category state a table carries downward (merged 一级/二级 labels stand only in their top cell) and the column
 * roles a table's cells decide (a column of category names is a category column, whatever its header says).
 */
import { a1, type CellValue, type Sheet } from "../grid";
import { type Indicator, type Level1Key, type Level2Key, LEVEL2_PARENT, type TemplateKind, type Value } from "../model";
import { cleanName, cleanText, parseNumber } from "./cells";
import { ROW_KINDS } from "./label-index";
import { labelKey } from "./normalise";
import type { RoleMap, SheetReader } from "./sheet-reader";
import { CORE_YES, type IndicatorColumn } from "./synonyms";
import { inferDirection, natureOf, type ParseOptions, parseSplitValue, parseValue } from "./value";

export type Level1State = { key: Level1Key | null; label: string } | null;
export type Level2State = { key: Level2Key | null; label: string } | null;

/** What a 一级 cell says: its category (a 二级 label standing there gives its 一级 and its 二级). */
export function level1Cell(rd: SheetReader, text: string): { level1: Level1State; level2: Level2State } {
  const label = text.replace(/\s+/g, "");
  const cat = rd.ix.category(labelKey(text).key);
  if (cat === null) return { level1: { key: null, label }, level2: null };
  return { level1: { key: cat.level1, label }, level2: cat.level2 !== null ? { key: cat.level2, label } : null };
}

/**
 * What a 二级 cell says: its 二级 category; a 一级 name standing there ("产出指标" under a 指标类型 header) gives the
 * 一级 category instead.
 */
export function level2Cell(rd: SheetReader, text: string): { level2: Level2State; level1: Level1State; parent: Level1State } {
  const key = labelKey(text).key;
  const label = text.replace(/\s+/g, "");
  const l2 = rd.ix.level2(key);
  if (l2 !== null) return { level2: { key: l2, label }, level1: null, parent: { key: LEVEL2_PARENT[l2], label } };
  const l1 = rd.ix.level1(key);
  return l1 !== null ? { level2: null, level1: { key: l1, label }, parent: null } : { level2: { key: null, label }, level1: null, parent: null };
}

/** Rows sampled below a header to decide a column's role from its cells. */
const CONTENT_ROWS = 80;

/** How many of a column's distinct texts below the header are category names, of how many. */
function categoryShare(rd: SheetReader, col: number, from: number, to: number): { names: number; texts: number } {
  const seen = new Set<string>();
  let names = 0;
  for (let r = from; r <= Math.min(to, from + CONTENT_ROWS); r++) {
    const t = cleanText(rd.s.get(r, col));
    if (t === null || t.length > 20 || seen.has(t)) continue;
    seen.add(t);
    const key = labelKey(t).key;
    if (ROW_KINDS.isSubtotal(t) || rd.ix.isTotalRow(key)) continue;
    if (rd.ix.category(key) !== null) names++;
  }
  return { names, texts: seen.size };
}

/** How many rows below the header have a text in this column (sampled like categoryShare). */
function filledRows(rd: SheetReader, col: number, from: number, to: number): number {
  let n = 0;
  for (let r = from; r <= Math.min(to, from + CONTENT_ROWS); r++) if (cleanText(rd.s.get(r, col)) !== null) n++;
  return n;
}

function isCategoryColumn(share: { names: number; texts: number }): boolean {
  return share.names >= 2 && share.names * 10 >= share.texts * 6;
}

/**
 * A column of texts none of which is a category name (at least two of them): indicator names. Beside a column of
 * category names, a few names that read like a category ("服务对象满意度", an indicator named after its 二级) are
 * still names: at most one in four.
 */
function isNameColumn(share: { names: number; texts: number }, left?: { names: number; texts: number }): boolean {
  if (share.texts < 2) return false;
  if (share.names === 0) return true;
  return left !== undefined && isCategoryColumn(left) && share.names * 4 <= share.texts;
}

/**
 * Column roles of an indicator table as its cells decide them: a two-level table (一级 | 二级 | 指标值 with
 * indicator names in the 二级 column and no 三级) reads its 二级 column as the names; a column left of the names
 * whose cells are category names is a category column whatever its header says.
 */
export function rolesFromContent(rd: SheetReader, roles: RoleMap<IndicatorColumn>, from: number, to: number): RoleMap<IndicatorColumn> {
  let out = roles;
  // A 二级 column holding names, no category among them: the names of a two-level table. Its 三级 / 指标内容 column,
  // if any, then holds definitions (read as notes).
  // A 二级 column sparser than the names column right of it (merged 二级 cells over several 三级 rows) is a
  // category column of its own, known or not: its cells are not one name per row.
  const l2 = out.level2;
  const denser = (col: number): boolean => out.name === undefined || filledRows(rd, col, from, to) >= filledRows(rd, out.name, from, to);
  if (l2 !== undefined && out.level1 !== undefined && (out.name === undefined || out.name > l2) && denser(l2)) {
    if (isNameColumn(categoryShare(rd, l2, from, to), categoryShare(rd, out.level1, from, to))) {
      const definitions = out.name;
      out = { ...out, name: out.level2, level2: undefined };
      if (definitions !== undefined) out = { ...out, note: out.note ?? definitions };
    }
  }
  if (out.name === undefined) return out;
  const taken = new Set(Object.values(out));
  for (let c = out.name - 1; c >= rd.s.left; c--) {
    if (taken.has(c)) continue;
    if (out.level1 !== undefined && out.level2 !== undefined) break;
    if (!isCategoryColumn(categoryShare(rd, c, from, to))) continue;
    // The leftmost category column is the 一级 one; a second, right of it, the 二级 one.
    if (out.level1 === undefined && (out.level2 === undefined || c < out.level2)) out = { ...out, level1: c };
    else if (out.level2 === undefined && (out.level1 === undefined || c > out.level1)) out = { ...out, level2: c };
    taken.add(c);
  }
  return out;
}

function roleCell<K extends string>(s: Sheet, r: number, roles: RoleMap<K>, role: K): CellValue {
  const c = roles[role];
  return c === undefined ? null : s.get(r, c);
}

function rolePercent<K extends string>(s: Sheet, r: number, roles: RoleMap<K>, role: K): boolean {
  const c = roles[role];
  return c !== undefined && s.isPercent(r, c);
}

function roleAddress<K extends string>(r: number, roles: RoleMap<K>, role: K): string | null {
  const c = roles[role];
  return c === undefined ? null : a1(r, c);
}

const PERCENT_FORMAT: ParseOptions = Object.freeze({ percentFormat: true });
const PLAIN_FORMAT: ParseOptions = Object.freeze({ percentFormat: false });

/**
 * A value cell of an indicator row. `opCell` undefined: one cell holds operator, number and unit; otherwise the
 * 四川 split layout (operator cell, or null when the operator does not apply, and the unit cell).
 */
function parseRole(s: Sheet, r: number, roles: RoleMap<IndicatorColumn>, role: IndicatorColumn, opCell: CellValue | undefined, unitCell: CellValue): Value {
  const opts = rolePercent(s, r, roles, role) ? PERCENT_FORMAT : PLAIN_FORMAT;
  const v = roleCell(s, r, roles, role);
  return opCell === undefined ? parseValue(v, opts) : parseSplitValue(opCell, v, unitCell, opts);
}

const isReal = (v: Value | null): boolean => v !== null && (v.kind === "number" || v.kind === "qualitative" || v.kind === "error");

/** Why a row was not taken as an indicator (for the reading map), or the indicator. */
export type RowResult = { indicator: Indicator } | { skipped: "placeholder" | "no-values" };

/**
 * Read one indicator row. `nameText`: the name cell's clean name (null when blank). `keepNamed`: a named row is
 * an indicator even with no value (review sheets list every indicator).
 */
export function readIndicatorRow(
  rd: SheetReader,
  r: number,
  roles: RoleMap<IndicatorColumn>,
  nameText: string | null,
  level1: Level1State,
  level2: Level2State,
  block: "annual" | "midterm" | null,
  template: TemplateKind,
  keepNamed = false,
): RowResult {
  const s = rd.s;
  const get = roleCell;
  const opCell = get(s, r, roles, "op");
  const nature = natureOf(opCell);
  const unitCell = get(s, r, roles, "unit");
  const split = roles.op !== undefined || roles.unit !== undefined;
  const parse = (role: IndicatorColumn, withOp: boolean): Value => parseRole(s, r, roles, role, split ? (withOp && !nature ? opCell : null) : undefined, unitCell);
  const cellOf = (role: IndicatorColumn): string | null => roleAddress(r, roles, role);

  let target = parse("target", true);
  let targetCell = cellOf("target");
  const adjusted = roles.adjustedTarget !== undefined ? parse("adjustedTarget", true) : null;
  if (adjusted && adjusted.kind !== "empty") {
    target = adjusted;
    targetCell = cellOf("adjustedTarget");
  }
  const hasActualColumn = roles.actual !== undefined;
  let actual = hasActualColumn ? parse("actual", false) : null;
  // A percent target with a bare fraction as actual (number formats unknown): 0.724 → 72.4 %.
  if (actual && target.unit === "%" && actual.kind === "number" && actual.unit === null && actual.value !== null && target.value !== null && target.value > 1 && Math.abs(actual.value) <= 1.5 && !rd.grid.numberFormats) {
    actual = { ...actual, value: Math.round(actual.value * 1e8) / 1e6, unit: "%" };
  }
  const weight = parseNumber(get(s, r, roles, "weight"));
  const score = parseNumber(get(s, r, roles, "score"));
  const reason = cleanText(get(s, r, roles, "reason"));
  const reviewScore = parseNumber(get(s, r, roles, "reviewScore"));
  const reviewActual = roles.reviewActual !== undefined ? parse("reviewActual", false) : null;
  const reviewNote = cleanText(get(s, r, roles, "reviewNote"));
  const coefficientRaw = get(s, r, roles, "coefficient");
  let coefficient = parseNumber(coefficientRaw);
  if (coefficient !== null && !rolePercent(s, r, roles, "coefficient") && typeof coefficientRaw === "number" && coefficient > 1.5) coefficient = coefficient / 100;
  const coreText = cleanText(get(s, r, roles, "core"));

  const hasValues = target.kind !== "empty" || (actual !== null && actual.kind !== "empty") || weight !== null || score !== null;
  // An empty slot of the blank template: "指标1：", "……", or "/" written in the name cell, with no real target or
  // actual and no weight or score of its own.
  const slot = () => !isReal(target) && !isReal(actual) && weight === null && score === null;
  let name = nameText;
  if (!name) {
    if (!hasValues || keepNamed) return { skipped: "no-values" };
    if (typeof get(s, r, roles, "name") === "string" && (get(s, r, roles, "name") as string).trim() !== "" && slot()) return { skipped: "placeholder" };
    name = level2?.label ?? level1?.label ?? "";
  } else if (!keepNamed && ROW_KINDS.isPlaceholderName(name) && slot()) {
    return { skipped: "placeholder" };
  }
  if (!name) return { skipped: "no-values" };

  const l1 = level1?.key ?? null;
  const l2 = level2?.key ?? null;
  let direction = inferDirection(target, name, l1, l2);
  if (nature === "qualitative") direction = "qualitative";
  const nameCell = a1(r, roles.name!);
  const reviewed = reviewScore !== null || (reviewActual !== null && reviewActual.kind !== "empty") || reviewNote !== null;
  return {
    indicator: {
      level1: l1,
      level1Label: level1?.label ?? null,
      level2: l2,
      level2Label: level2?.label ?? null,
      name,
      target,
      actual: template === "goal" ? null : actual,
      weight,
      score,
      computedScore: null,
      reason,
      cell: nameCell,
      cells: {
        name: nameCell,
        target: targetCell,
        actual: cellOf("actual"),
        weight: cellOf("weight"),
        score: cellOf("score"),
        reason: cellOf("reason"),
        reviewScore: cellOf("reviewScore"),
      },
      direction,
      weightSource: weight !== null ? "sheet" : null,
      block,
      coefficient,
      core: coreText === null ? null : CORE_YES.test(coreText),
      nature,
      // Review columns on a self-assessment sheet (抽评): null for rows the reviewer left blank.
      review: reviewed ? { actual: reviewActual, score: reviewScore, note: reviewNote, cell: cellOf("reviewScore") ?? cellOf("reviewActual") } : null,
    },
  };
}

/** The name cell of a row: its clean name, null when blank or "no value". */
export function nameOf(rd: SheetReader, r: number, col: number | undefined): string | null {
  return col === undefined ? null : cleanName(rd.s.get(r, col));
}
