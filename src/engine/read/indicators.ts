/**
 * The indicator block of a form: rows under the indicator header down to the total row (总分), a footer or the
 * closing text rows. Categories are inherited downward; subtotal rows declare a category's weight; a repeated
 * header (a second block) remaps the columns; goal tables' 中期 / 年度 blocks are labelled.
 */
import { a1 } from "../grid";
import type { Indicator, Project, TemplateKind } from "../model";
import { cleanText, parseNumber } from "./cells";
import { indicatorGroups, isIndicatorHeader } from "./header";
import { type Level1State, type Level2State, level1Cell, level2Cell, nameOf, readIndicatorRow, rolesFromContent } from "./indicator-row";
import { ROW_KINDS } from "./label-index";
import { isNoValue, labelKey } from "./normalise";
import type { Header, RoleMap, Segment, SheetReader } from "./sheet-reader";
import { INDICATOR_POOL_LABEL, type IndicatorColumn, SIDE_BY_SIDE_BLOCKS } from "./synonyms";

export interface IndicatorBlock {
  indicators: Indicator[];
  declared: Project["declaredWeights"];
  total: { score: number | null; scoreCell: string | null; weight: number | null } | null;
  /** The column roles read (content-decided roles included), for the reading map. */
  roles: RoleMap<IndicatorColumn>;
}

function groupsOf(rd: SheetReader, h: Header<IndicatorColumn>, end: number): RoleMap<IndicatorColumn>[] {
  const groups = indicatorGroups({ ...h, columns: h.columns });
  if (groups.length > 0) return groups.map((g, i) => (i === 0 ? rolesFromContent(rd, g, h.last + 1, end) : g));
  // No name column: a two-level table whose names stand in the 二级 column.
  const content = rolesFromContent(rd, { ...h.roles }, h.last + 1, end);
  return content.name !== undefined ? [content] : [];
}

const minCol = (roles: RoleMap<IndicatorColumn>): number => Math.min(...(Object.values(roles).filter((x) => x !== undefined) as number[]));

export function readIndicators(rd: SheetReader, seg: Segment, header: Header<IndicatorColumn>, template: TemplateKind): IndicatorBlock {
  let groups = groupsOf(rd, header, seg.end);
  let roles = groups[0] ?? {};
  const firstRoles = roles;
  const collected: { group: number; indicator: Indicator }[] = [];
  const declared: Project["declaredWeights"] = [];
  let level1: Level1State = null;
  let level2s: Level2State[] = groups.map(() => null);
  let block: "annual" | "midterm" | null = template === "goal" ? "annual" : null;
  let blankRun = 0;
  let total: IndicatorBlock["total"] = null;
  let firstRoleCol = minCol(roles);
  const blockOf = (g: number): "annual" | "midterm" | null => (groups.length > 1 && template === "goal" ? (SIDE_BY_SIDE_BLOCKS[g] ?? block) : block);
  // One pool for every indicator in the margin label ("绩效指标(90分)", 四川): a declaration of the whole.
  for (let r = header.row; r <= header.last; r++) {
    for (let c = rd.s.left; c < firstRoleCol && c <= rd.s.right; c++) {
      const l = rd.label(r, c);
      if (l && l.numbers.length && INDICATOR_POOL_LABEL.test(l.key)) {
        declared.push({ level1: null, label: l.text.replace(/\s+/g, ""), weight: l.numbers[0], cell: a1(r, c) });
      }
    }
  }
  rd.note(header.row, "header");
  if (header.last > header.row) rd.note(header.last, "header");

  for (let r = header.last + 1; r <= seg.end; r++) {
    // A repeated header (second block) remaps the columns.
    const again = rd.headerAt(r, rd.ix.indicator);
    // Only a header that starts at this row: one that began above it was read already (and going back would loop).
    if (again !== null && again.row >= r && isIndicatorHeader(again.roles)) {
      const next = groupsOf(rd, again, seg.end);
      if (next.length > 0) {
        groups = next;
        roles = groups[0];
        level2s = groups.map(() => null);
        firstRoleCol = minCol(roles);
        for (let h = again.row; h <= again.last; h++) rd.note(h, "header");
        r = again.last;
        continue;
      }
    }
    // How many cells of the row are not empty, and the first of them.
    let filled = 0;
    let firstCol = -1;
    const values = rd.grid.values[r - rd.s.top];
    if (values) {
      for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (v === null || v === undefined || (typeof v === "string" && v.trim() === "")) continue;
        if (filled++ === 0) firstCol = rd.s.left + i;
      }
    }
    if (filled === 0) {
      blankRun++;
      if (blankRun >= 3 && collected.length > 0) break;
      continue;
    }
    blankRun = 0;
    const firstText = rd.text(r, firstCol);
    const firstKey = (rd.label(r, firstCol) ?? labelKey(firstText)).key;
    // Block markers ("中期绩效指标" / "年度绩效指标") on a row of their own.
    const marker = ROW_KINDS.blockMarker(firstKey);
    if (marker && filled === 1) {
      block = marker;
      level1 = null;
      level2s = groups.map(() => null);
      rd.note(r, "block", marker);
      continue;
    }
    // Total row ends the block.
    if (rd.ix.isTotalRow(firstKey) && firstCol <= (roles.name ?? firstRoleCol)) {
      total = totalRow(rd, r, roles, firstCol);
      rd.note(r, "total");
      break;
    }
    if (firstCol < (roles.level1 ?? roles.name ?? firstRoleCol) && ROW_KINDS.isFooter(firstKey)) {
      rd.note(r, "footer");
      break;
    }
    if (ROW_KINDS.isColonFooter(firstKey)) {
      rd.note(r, "footer");
      break;
    }
    const firstField = rd.ix.fields.get(firstKey);
    if (firstField === "conclusion" || firstField === "problems" || firstField === "measures") {
      rd.note(r, "closing");
      break;
    }

    // Categories, inherited downward (merged cells hold the label only in their top-left cell).
    let level1Here = false;
    let declaredHere = false;
    let level2FromLevel1: Level2State = null;
    if (roles.level1 !== undefined) {
      const t = cleanText(rd.s.get(r, roles.level1));
      if (t && !ROW_KINDS.isSubtotal(t)) {
        const cat = level1Cell(rd, t);
        level1 = cat.level1;
        level2FromLevel1 = cat.level2;
        level1Here = true;
        level2s = groups.map(() => null);
        const numbers = labelKey(t).numbers;
        if (numbers.length) {
          declared.push({ level1: level1!.key, label: level1!.label, weight: numbers[0], cell: a1(r, roles.level1) });
          declaredHere = true;
        }
      }
    }
    let kind = "category";
    groups.forEach((g, gi) => {
      const level2Text = g.level2 !== undefined ? cleanText(rd.s.get(r, g.level2)) : null;
      if (level2Text && !ROW_KINDS.isSubtotal(level2Text)) {
        const cat = level2Cell(rd, level2Text);
        level2s[gi] = cat.level2;
        if (cat.level1 && gi === 0 && !level1Here) level1 = cat.level1;
        // The only category column: its 二级 names give their 一级 too.
        else if (cat.parent && gi === 0 && roles.level1 === undefined) level1 = cat.parent;
      }
      else if (level2FromLevel1 && gi === 0 && !level2Text) level2s[gi] = level2FromLevel1;
      if (g.name === undefined) return;
      const nameText = nameOf(rd, r, g.name);
      // A row with no 三级 name and no target or actual is a category row: a 一级/二级 label alone, or a
      // subtotal ("小计", or the 一级 row carrying its weight). Its weight declares the category's weight.
      const noValues = isNoValue(g.target !== undefined ? rd.s.get(r, g.target) : null) && isNoValue(g.actual !== undefined ? rd.s.get(r, g.actual) : null);
      const subtotal = ROW_KINDS.isSubtotal(nameText) || ROW_KINDS.isSubtotal(level2Text);
      if ((nameText === null && noValues) || subtotal) {
        const weight = g.weight !== undefined ? parseNumber(rd.s.get(r, g.weight)) : null;
        const wholeCategory = level1Here || (ROW_KINDS.isSubtotal(nameText) && !level2Text) || (ROW_KINDS.isSubtotal(level2Text) && nameText === null);
        if (gi === 0 && weight !== null && level1 && wholeCategory && !declaredHere && !declared.some((d) => d.label === level1!.label)) {
          declared.push({ level1: level1.key, label: level1.label, weight, cell: a1(r, g.weight!) });
        }
        if (subtotal) kind = "subtotal";
        return;
      }
      const rowRoles: RoleMap<IndicatorColumn> = gi === 0 ? g : { ...g, level1: roles.level1 };
      const res = readIndicatorRow(rd, r, rowRoles, nameText, level1, level2s[gi], blockOf(gi), template);
      if ("indicator" in res) {
        collected.push({ group: gi, indicator: res.indicator });
        kind = "indicator";
      } else if (kind !== "indicator") kind = res.skipped === "placeholder" ? "placeholder" : "category";
    });
    rd.note(r, kind);
  }
  // Side-by-side blocks: all of the first block, then the next (the sort is stable).
  if (collected.some((x) => x.group > 0)) collected.sort((a, b) => a.group - b.group);
  return { indicators: collected.map((x) => x.indicator), declared, total, roles: firstRoles };
}

/** "总分 | 100 | 94.5": the score column's number, else the last number on the row that is not the weight. */
function totalRow(rd: SheetReader, r: number, roles: RoleMap<IndicatorColumn>, firstCol: number): IndicatorBlock["total"] {
  const scoreCol = roles.score;
  const weightCol = roles.weight;
  let score = scoreCol !== undefined ? parseNumber(rd.s.get(r, scoreCol)) : null;
  let scoreCell = scoreCol !== undefined && score !== null ? a1(r, scoreCol) : null;
  if (score === null) {
    for (let c = rd.s.right; c > firstCol; c--) {
      if (rd.text(r, c) === "") continue;
      const n = parseNumber(rd.s.get(r, c));
      if (n !== null && c !== weightCol) {
        score = n;
        scoreCell = a1(r, c);
        break;
      }
    }
  }
  return { score, scoreCell, weight: weightCol !== undefined ? parseNumber(rd.s.get(r, weightCol)) : null };
}
