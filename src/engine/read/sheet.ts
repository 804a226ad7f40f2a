/**
 * Template recognition and parsing of one worksheet (SPEC §2). Sheets are recognised by their title and
 * header labels, never by fixed addresses. Layout variants live in synonyms.ts as data.
 */
import { a1, type CellValue, type Grid, isBlank, Sheet } from "../grid";
import type {
  Budget,
  BudgetLine,
  Grade,
  Indicator,
  Level1Key,
  Level2Key,
  Project,
  ReviewEntry,
  SheetKind,
  TemplateKind,
  Value,
} from "../model";
import { OUTPUT_SHEETS } from "../summary/plan";
import { cellText, isNoValue, labelKey, splitLeadingCode, splitProjectCode, toHalfWidth } from "./normalise";
import {
  BLOCK_MARKERS,
  BUDGET_COLUMNS,
  BUDGET_SUB_ROWS,
  BUDGET_TOTAL_ROWS,
  type BudgetColumn,
  FIELD_LABELS,
  type FieldName,
  FOOTER_PREFIXES,
  INDICATOR_COLUMNS,
  type IndicatorColumn,
  LEVEL1,
  LEVEL2,
  PLACEHOLDER_NAME,
  SPOTCHECK_COLUMNS,
  type SpotCheckColumn,
  synonymIndex,
  TITLE_WORDS,
  TOTAL_ROW_LABELS,
} from "./synonyms";
import { inferDirection, natureOf, parseSplitValue, parseValue } from "./value";

const FIELD_INDEX = synonymIndex(FIELD_LABELS as Record<FieldName, readonly string[]>);
const INDICATOR_INDEX = synonymIndex(INDICATOR_COLUMNS as Record<IndicatorColumn, readonly string[]>);
const BUDGET_INDEX = synonymIndex(BUDGET_COLUMNS as Record<BudgetColumn, readonly string[]>);
const SPOTCHECK_INDEX = synonymIndex(SPOTCHECK_COLUMNS as Record<SpotCheckColumn, readonly string[]>);
const TOTAL_ROWS = new Set(TOTAL_ROW_LABELS);
const BUDGET_TOTALS = new Set(BUDGET_TOTAL_ROWS);
const BUDGET_SUBS = new Set(BUDGET_SUB_ROWS);

/** Rows scanned to recognise a sheet: a template's headers sit near its top. */
const RECOGNITION_ROWS = 300;
/** Labels are short; long texts are content. */
const MAX_LABEL_LENGTH = 40;

export interface SheetReading {
  kind: SheetKind;
  projects: Project[];
  reviews: ReviewEntry[];
}

interface Label {
  row: number;
  col: number;
  key: string;
  numbers: number[];
  text: string;
}

type RoleMap<K extends string> = Partial<Record<K, number>>;

function isAnyLabelKey(key: string): boolean {
  return (
    FIELD_INDEX.has(key) ||
    INDICATOR_INDEX.has(key) ||
    BUDGET_INDEX.has(key) ||
    TOTAL_ROWS.has(key) ||
    BUDGET_TOTALS.has(key) ||
    SPOTCHECK_INDEX.has(key)
  );
}

/** Parse a number from a cell: numbers, or text like "1,200", "93.5%", "15分". */
export function parseNumber(v: CellValue): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v !== "string") return null;
  const t = toHalfWidth(v).replace(/\s+/g, "").replace(/,/g, "");
  const m = /^[-+]?\d+(\.\d+)?(%|分|万元|元)?$/.exec(t);
  if (!m) return null;
  const n = Number.parseFloat(t);
  if (!Number.isFinite(n)) return null;
  return m[2] === "%" ? n / 100 : n;
}

class SheetReader {
  readonly s: Sheet;
  readonly labels: Label[] = [];
  readonly labelAt = new Map<string, Label>();

  constructor(
    readonly grid: Grid,
    readonly file: string,
  ) {
    this.s = new Sheet(grid);
    const lastRow = Math.min(this.s.bottom, this.s.top + RECOGNITION_ROWS * 20);
    for (let r = this.s.top; r <= lastRow; r++) {
      const row = grid.values[r - this.s.top];
      if (!row) continue;
      for (let i = 0; i < row.length; i++) {
        const v = row[i];
        if (typeof v !== "string") continue;
        const text = v.trim();
        if (text === "" || text.length > MAX_LABEL_LENGTH) continue;
        const k = labelKey(text);
        const label: Label = { row: r, col: this.s.left + i, key: k.key, numbers: k.numbers, text };
        this.labels.push(label);
        this.labelAt.set(`${label.row},${label.col}`, label);
      }
    }
  }

  text(r: number, c: number): string {
    return cellText(this.s.get(r, c));
  }

  label(r: number, c: number): Label | undefined {
    return this.labelAt.get(`${r},${c}`);
  }

  isLabel(r: number, c: number): boolean {
    const l = this.label(r, c);
    return !!l && isAnyLabelKey(l.key);
  }

  /** Cells of a row as role → column, for a synonym index. */
  rowRoles<K extends string>(r: number, index: Map<string, K>, from = this.s.left, to = this.s.right): RoleMap<K> {
    const roles: RoleMap<K> = {};
    for (let c = from; c <= to; c++) {
      const l = this.label(r, c);
      if (!l) continue;
      const role = index.get(l.key);
      if (role !== undefined && roles[role] === undefined) roles[role] = c;
    }
    return roles;
  }

  /** The first value right of a label on the same row, stopping at another label. */
  valueRight(r: number, c: number, maxCol = this.s.right): { v: CellValue; col: number } | null {
    for (let x = c + 1; x <= maxCol; x++) {
      const v = this.s.get(r, x);
      if (isBlank(v)) continue;
      if (this.isLabel(r, x)) return null;
      return { v, col: x };
    }
    return null;
  }

  /** The value under a column-header label (goal texts), skipping blank rows inside the label's merge. */
  valueBelow(r: number, c: number, maxRow: number): { v: CellValue; row: number } | null {
    const merge = this.s.mergeAt(r, c);
    const start = (merge ? merge.bottom : r) + 1;
    for (let y = start; y <= Math.min(maxRow, start); y++) {
      const v = this.s.get(y, c);
      if (isBlank(v)) continue;
      if (this.isLabel(y, c)) return null;
      return { v, row: y };
    }
    return null;
  }

  titleText(fromRow: number, toRow: number): string {
    const parts: string[] = [];
    for (let r = fromRow; r <= toRow; r++) {
      for (let c = this.s.left; c <= Math.min(this.s.right, this.s.left + 12); c++) {
        const t = this.text(r, c);
        if (t) parts.push(t);
      }
    }
    return parts.join(" ");
  }
}

interface Segment {
  start: number;
  end: number;
}

interface FieldHit {
  value: string | null;
  numberValue: number | null;
  labelCell: string;
  valueCell: string | null;
}

/** Read one worksheet into projects or review entries. */
export function readSheet(grid: Grid, file: string): SheetReading {
  if ((OUTPUT_SHEETS as readonly string[]).includes(grid.sheet.trim())) return { kind: "output", projects: [], reviews: [] };
  const rd = new SheetReader(grid, file);
  const scanEnd = Math.min(rd.s.bottom, rd.s.top + RECOGNITION_ROWS);

  // Indicator headers and spot-check list headers near the top decide the kind.
  let indicatorHeader: { row: number; roles: RoleMap<IndicatorColumn> } | null = null;
  let listHeader: { row: number; roles: RoleMap<SpotCheckColumn> } | null = null;
  for (let r = rd.s.top; r <= scanEnd; r++) {
    const ir = rd.rowRoles(r, INDICATOR_INDEX);
    if (
      ir.name !== undefined &&
      (ir.target !== undefined || ir.actual !== undefined || ir.weight !== undefined || ir.reviewActual !== undefined)
    ) {
      indicatorHeader = { row: r, roles: ir };
      break;
    }
    const sr = rd.rowRoles(r, SPOTCHECK_INDEX);
    if (sr.name !== undefined && sr.score !== undefined) {
      listHeader = { row: r, roles: sr };
      break;
    }
  }
  if (listHeader) return { kind: "spot-check-list", projects: [], reviews: readSpotCheckList(rd, listHeader.row, listHeader.roles) };
  if (!indicatorHeader) return { kind: "unrecognized", projects: [], reviews: [] };

  const roles = indicatorHeader.roles;
  if ((roles.reviewScore !== undefined || roles.reviewActual !== undefined) && roles.actual === undefined && roles.score === undefined) {
    const review = readReviewDetail(rd, indicatorHeader.row);
    return { kind: "spot-check-detail", projects: [], reviews: review ? [review] : [] };
  }
  const title = rd.titleText(rd.s.top, indicatorHeader.row);
  let template: TemplateKind;
  if (roles.actual === undefined && roles.score === undefined) template = "goal";
  else if (
    roles.level1 === undefined &&
    roles.level2 === undefined &&
    (TITLE_WORDS.department.test(title) || roles.coefficient !== undefined || roles.core !== undefined)
  ) {
    template = "department-self-assessment";
  } else template = "self-assessment";

  const segments = findSegments(rd, template);
  const projects: Project[] = [];
  segments.forEach((seg, i) => {
    const p = readForm(rd, seg, template, i);
    if (p) projects.push(p);
  });
  return { kind: template, projects, reviews: [] };
}

/** Split a sheet holding several stacked forms at each 项目名称 label. */
function findSegments(rd: SheetReader, template: TemplateKind): Segment[] {
  const whole: Segment = { start: rd.s.top, end: rd.s.bottom };
  if (template === "department-self-assessment") return [whole];
  const nameRows: number[] = [];
  for (const l of rd.labels) {
    if (FIELD_INDEX.get(l.key) !== "name") continue;
    if (nameRows.length && nameRows[nameRows.length - 1] === l.row) continue;
    const right = rd.valueRight(l.row, l.col);
    if (right) nameRows.push(l.row);
  }
  if (nameRows.length <= 1) return [whole];
  const segs: Segment[] = [];
  for (let i = 0; i < nameRows.length; i++) {
    // Title rows just above the next 项目名称 belong to the next form.
    const start = i === 0 ? rd.s.top : titleStart(rd, nameRows[i], nameRows[i - 1]);
    const end = i + 1 < nameRows.length ? titleStart(rd, nameRows[i + 1], nameRows[i]) - 1 : rd.s.bottom;
    segs.push({ start, end });
  }
  return segs;
}

/** The first row of a form's title block above its 项目名称 row (up to 4 rows of non-data text). */
function titleStart(rd: SheetReader, nameRow: number, prevNameRow: number): number {
  let start = nameRow;
  for (let r = nameRow - 1; r > prevNameRow && r >= nameRow - 4; r--) {
    const t = rd.titleText(r, r);
    if (t === "") {
      start = r;
      continue;
    }
    if (/(表|年度|附件|填报|单位)/.test(t) && !TOTAL_ROWS.has(labelKey(t.split(" ")[0]).key)) start = r;
    else break;
  }
  return start;
}

function readField(rd: SheetReader, seg: Segment, field: FieldName, below = false): FieldHit | null {
  for (const l of rd.labels) {
    if (l.row < seg.start || l.row > seg.end) continue;
    if (FIELD_INDEX.get(l.key) === field) {
      const right = rd.valueRight(l.row, l.col);
      if (right) {
        return {
          value: cellText(right.v),
          numberValue: parseNumber(right.v),
          labelCell: a1(l.row, l.col),
          valueCell: a1(l.row, right.col),
        };
      }
      if (below) {
        const b = rd.valueBelow(l.row, l.col, seg.end);
        if (b) return { value: cellText(b.v), numberValue: parseNumber(b.v), labelCell: a1(l.row, l.col), valueCell: a1(b.row, l.col) };
      }
      return { value: null, numberValue: null, labelCell: a1(l.row, l.col), valueCell: null };
    }
    // "项目名称：某某项目" in one cell.
    const m = /^(.{2,12}?)[:：]\s*(.+)$/.exec(l.text);
    if (m && FIELD_INDEX.get(labelKey(m[1]).key) === field) {
      return { value: m[2].trim(), numberValue: parseNumber(m[2]), labelCell: a1(l.row, l.col), valueCell: a1(l.row, l.col) };
    }
  }
  return null;
}

function yearOf(text: string): number | null {
  const t = toHalfWidth(text);
  const m = /((?:19|20)\d{2})\s*年度/.exec(t) ?? /((?:19|20)\d{2})\s*年/.exec(t);
  return m ? Number(m[1]) : null;
}

function readForm(rd: SheetReader, seg: Segment, template: TemplateKind, ordinal: number): Project | null {
  const name = readField(rd, seg, "name");
  const code = readField(rd, seg, "code");
  const dept = readField(rd, seg, "department");
  const unit = readField(rd, seg, "unit");
  const total = readField(rd, seg, "statedTotal");

  const header = findIndicatorHeader(rd, seg);
  const firstDataRow = header ? header.row : seg.end;
  const title = rd.titleText(seg.start, Math.min(seg.end, firstDataRow));

  let projectName = name?.value ?? null;
  let projectCode = code?.value ?? null;
  if (projectName) {
    const split = splitProjectCode(projectName);
    if (split.code && !projectCode) projectCode = split.code;
    projectName = split.name;
  }
  let department = dept?.value ?? null;
  let departmentCode: string | null = null;
  if (department) {
    const split = splitLeadingCode(department);
    department = split.name;
    departmentCode = split.code;
  }
  if (template === "department-self-assessment" && !projectName) projectName = department;
  if (!projectName && !header) return null;

  const indicators: Indicator[] = [];
  const declaredWeights: Project["declaredWeights"] = [];
  let statedTotal = total?.numberValue ?? null;
  let statedTotalCell = total?.valueCell ?? null;
  let statedTotalWeight: number | null = null;
  if (header) {
    const block = readIndicators(rd, seg, header.row, template);
    indicators.push(...block.indicators);
    declaredWeights.push(...block.declared);
    if (block.total) {
      if (block.total.score !== null) {
        statedTotal = block.total.score;
        statedTotalCell = block.total.scoreCell;
      }
      statedTotalWeight = block.total.weight;
    }
  }

  const budget = template === "goal" ? readGoalFunds(rd, seg) : readBudget(rd, seg, header?.row ?? seg.end);
  const midterm = template === "goal" ? readField(rd, seg, "midtermFunds") : null;
  const goalTarget = readField(rd, seg, "goalTarget", true);
  const goalActual = readField(rd, seg, "goalActual", true);
  const goalMidterm = readField(rd, seg, "goalMidterm", true);
  const hasScoreColumns = header ? header.roles.weight !== undefined || header.roles.score !== undefined : false;

  return {
    id: `${rd.file}!${rd.grid.sheet}!${ordinal + 1}`,
    name: projectName ?? "",
    code: projectCode,
    department,
    departmentCode,
    unit: unit?.value ?? null,
    template,
    year: yearOf(title),
    location: { file: rd.file, sheet: rd.grid.sheet, cell: firstCell(rd, seg) },
    fieldCells: {
      name: name ? (name.valueCell ?? name.labelCell) : null,
      department: dept ? (dept.valueCell ?? dept.labelCell) : null,
      unit: unit ? (unit.valueCell ?? unit.labelCell) : null,
    },
    budget,
    midtermFunds: midterm?.numberValue ?? null,
    goal: { target: goalTarget?.value ?? null, actual: goalActual?.value ?? null, midterm: goalMidterm?.value ?? null },
    indicators,
    declaredWeights,
    statedTotal,
    statedTotalCell,
    statedTotalWeight,
    conclusion: readField(rd, seg, "conclusion")?.value ?? null,
    problems: readField(rd, seg, "problems")?.value ?? null,
    measures: readField(rd, seg, "measures")?.value ?? null,
    hasScoreColumns,
    selfScore: null,
    computedScore: null,
    grade: null,
    computedGrade: null,
    review: null,
  };
}

function firstCell(rd: SheetReader, seg: Segment): string | null {
  for (let r = seg.start; r <= seg.end; r++) {
    for (let c = rd.s.left; c <= rd.s.right; c++) if (!isBlank(rd.s.get(r, c))) return a1(r, c);
  }
  return null;
}

function findIndicatorHeader(rd: SheetReader, seg: Segment): { row: number; roles: RoleMap<IndicatorColumn> } | null {
  for (let r = seg.start; r <= seg.end; r++) {
    const roles = rd.rowRoles(r, INDICATOR_INDEX);
    if (roles.name !== undefined && (roles.target !== undefined || roles.actual !== undefined || roles.weight !== undefined)) {
      return { row: r, roles };
    }
  }
  return null;
}

function level1Of(key: string): Level1Key | null {
  return LEVEL1[key] ?? LEVEL1[key.replace(/指标$/, "")] ?? null;
}
function level2Of(key: string): Level2Key | null {
  return LEVEL2[key] ?? LEVEL2[`${key}指标`] ?? null;
}

function cleanText(v: CellValue): string | null {
  if (isNoValue(v)) return null;
  const t = cellText(v);
  return t === "" ? null : t;
}

interface IndicatorBlock {
  indicators: Indicator[];
  declared: Project["declaredWeights"];
  total: { score: number | null; scoreCell: string | null; weight: number | null } | null;
}

function readIndicators(rd: SheetReader, seg: Segment, headerRow: number, template: TemplateKind): IndicatorBlock {
  let roles = rd.rowRoles(headerRow, INDICATOR_INDEX);
  const indicators: Indicator[] = [];
  const declared: Project["declaredWeights"] = [];
  let level1: { key: Level1Key | null; label: string } | null = null;
  let level2: { key: Level2Key | null; label: string } | null = null;
  let block: "annual" | "midterm" | null = template === "goal" ? "annual" : null;
  let blankRun = 0;
  let total: IndicatorBlock["total"] = null;
  const firstRoleCol = Math.min(...(Object.values(roles) as number[]));

  for (let r = headerRow + 1; r <= seg.end; r++) {
    // A repeated header (second block) remaps the columns.
    const again = rd.rowRoles(r, INDICATOR_INDEX);
    if (again.name !== undefined && (again.target !== undefined || again.actual !== undefined || again.weight !== undefined)) {
      roles = again;
      continue;
    }
    const rowTexts: { col: number; text: string }[] = [];
    for (let c = rd.s.left; c <= rd.s.right; c++) {
      const t = rd.text(r, c);
      if (t !== "") rowTexts.push({ col: c, text: t });
    }
    if (rowTexts.length === 0) {
      blankRun++;
      if (blankRun >= 3 && indicators.length > 0) break;
      continue;
    }
    blankRun = 0;
    const first = rowTexts[0];
    const firstKey = labelKey(first.text).key;
    // Block markers ("中期绩效指标" / "年度绩效指标") on a row of their own.
    const marker = BLOCK_MARKERS.find((m) => m.re.test(firstKey));
    if (marker && rowTexts.length === 1) {
      block = marker.block;
      level1 = null;
      level2 = null;
      continue;
    }
    // Total row ends the block.
    if (TOTAL_ROWS.has(firstKey) && first.col <= (roles.name ?? firstRoleCol)) {
      const scoreCol = roles.score;
      const weightCol = roles.weight;
      let score = scoreCol !== undefined ? parseNumber(rd.s.get(r, scoreCol)) : null;
      let scoreCell = scoreCol !== undefined && score !== null ? a1(r, scoreCol) : null;
      if (score === null) {
        // "总分 | 100 | 94.5": the last number on the row that is not the weight column.
        for (let i = rowTexts.length - 1; i > 0; i--) {
          const n = parseNumber(rd.s.get(r, rowTexts[i].col));
          if (n !== null && rowTexts[i].col !== weightCol) {
            score = n;
            scoreCell = a1(r, rowTexts[i].col);
            break;
          }
        }
      }
      total = { score, scoreCell, weight: weightCol !== undefined ? parseNumber(rd.s.get(r, weightCol)) : null };
      break;
    }
    if (first.col < (roles.level1 ?? roles.name ?? firstRoleCol) && FOOTER_PREFIXES.some((p) => firstKey.startsWith(p.replace(":", "")))) break;
    if (FOOTER_PREFIXES.some((p) => firstKey.startsWith(p.replace(":", "")) && p.endsWith(":"))) break;
    if (FIELD_INDEX.get(firstKey) === "conclusion" || FIELD_INDEX.get(firstKey) === "problems" || FIELD_INDEX.get(firstKey) === "measures") break;

    // Categories, inherited downward (merged cells hold the label only in their top-left cell).
    if (roles.level1 !== undefined) {
      const t = cleanText(rd.s.get(r, roles.level1));
      if (t) {
        const k = labelKey(t);
        const key = level1Of(k.key);
        level1 = { key, label: t.replace(/\s+/g, "") };
        level2 = null;
        if (k.numbers.length) declared.push({ level1: key, label: t, weight: k.numbers[0], cell: a1(r, roles.level1) });
      }
    }
    if (roles.level2 !== undefined) {
      const t = cleanText(rd.s.get(r, roles.level2));
      if (t) level2 = { key: level2Of(labelKey(t).key), label: t.replace(/\s+/g, "") };
    }
    const nameCol = roles.name;
    if (nameCol === undefined) continue;
    const nameText = cleanText(rd.s.get(r, nameCol));
    const ind = readIndicatorRow(rd, r, roles, nameText, level1, level2, block, template);
    if (ind) indicators.push(ind);
  }
  return { indicators, declared, total };
}

function readIndicatorRow(
  rd: SheetReader,
  r: number,
  roles: RoleMap<IndicatorColumn>,
  nameText: string | null,
  level1: { key: Level1Key | null; label: string } | null,
  level2: { key: Level2Key | null; label: string } | null,
  block: "annual" | "midterm" | null,
  template: TemplateKind,
): Indicator | null {
  const s = rd.s;
  const get = (role: IndicatorColumn): CellValue => (roles[role] === undefined ? null : s.get(r, roles[role]!));
  const pct = (role: IndicatorColumn): boolean => roles[role] !== undefined && s.isPercent(r, roles[role]!);
  const cellOf = (role: IndicatorColumn): string | null => (roles[role] === undefined ? null : a1(r, roles[role]!));

  const opCell = get("op");
  const nature = natureOf(opCell);
  const unitCell = get("unit");
  const split = roles.op !== undefined || roles.unit !== undefined;
  const parse = (role: IndicatorColumn, withOp: boolean): Value =>
    split ? parseSplitValue(withOp && !nature ? opCell : null, get(role), unitCell, { percentFormat: pct(role) }) : parseValue(get(role), { percentFormat: pct(role) });

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
  const weight = parseNumber(get("weight"));
  const score = parseNumber(get("score"));
  const reason = cleanText(get("reason"));
  const reviewScore = parseNumber(get("reviewScore"));
  const reviewActualRaw = get("reviewActual");
  const coefficientRaw = get("coefficient");
  let coefficient = parseNumber(coefficientRaw);
  if (coefficient !== null && !pct("coefficient") && typeof coefficientRaw === "number" && coefficient > 1.5) coefficient = coefficient / 100;
  const coreText = cleanText(get("core"));

  const hasValues =
    target.kind !== "empty" || (actual !== null && actual.kind !== "empty") || weight !== null || score !== null;
  let name = nameText;
  if (!name) {
    if (!hasValues) return null;
    name = level2?.label ?? level1?.label ?? "";
  } else if (PLACEHOLDER_NAME.test(name.replace(/\s+/g, "")) && !hasValues) {
    return null;
  }
  if (!name) return null;

  const l1 = level1?.key ?? null;
  const l2 = level2?.key ?? null;
  let direction = inferDirection(target, name, l1, l2);
  if (nature === "qualitative") direction = "qualitative";
  const nameCell = a1(r, roles.name!);
  return {
    level1: l1,
    level1Label: level1?.label ?? null,
    level2: l2,
    level2Label: level2?.label ?? null,
    name: name.replace(/\s*\n\s*/g, ""),
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
    core: coreText === null ? null : /^(是|Y|y|yes|√|核心)/.test(coreText),
    nature,
    review:
      roles.reviewScore !== undefined || roles.reviewActual !== undefined
        ? {
            actual: roles.reviewActual !== undefined ? parseValue(reviewActualRaw, { percentFormat: pct("reviewActual") }) : null,
            score: reviewScore,
            note: null,
            cell: cellOf("reviewScore"),
          }
        : null,
  };
}

function emptyBudget(): Budget {
  return {
    initial: null,
    adjusted: null,
    executed: null,
    rate: null,
    statedRate: null,
    weight: null,
    statedWeight: null,
    score: null,
    computedScore: null,
    reason: null,
    fromSubRows: false,
    lines: [],
    cells: { total: null, initial: null, adjusted: null, executed: null, rate: null, weight: null, score: null, reason: null },
  };
}

function parseRate(v: CellValue, percentFormat: boolean): number | null {
  if (typeof v === "string") return parseNumber(v.includes("%") ? v : v) === null ? null : rateFromNumber(parseNumber(v)!, v.includes("%"));
  const n = parseNumber(v);
  if (n === null) return null;
  return rateFromNumber(n, percentFormat);
}

function rateFromNumber(n: number, isFraction: boolean): number {
  if (isFraction) return n;
  return Math.abs(n) > 1.5 ? n / 100 : n;
}

function budgetRowLabel(key: string): "total" | "sub" | null {
  const k = key.replace(/^其中[:：]?/, "");
  if (BUDGET_TOTALS.has(k) && !key.startsWith("其中")) return "total";
  if (key.startsWith("其中") || BUDGET_SUBS.has(k)) return "sub";
  return null;
}

function readBudget(rd: SheetReader, seg: Segment, limitRow: number): Budget | null {
  let header: { row: number; roles: RoleMap<BudgetColumn> } | null = null;
  for (let r = seg.start; r < limitRow && r <= seg.end; r++) {
    const roles = rd.rowRoles(r, BUDGET_INDEX);
    const n = ["initial", "adjusted", "executed", "rate"].filter((k) => roles[k as BudgetColumn] !== undefined).length;
    if (n >= 2) {
      header = { row: r, roles };
      break;
    }
  }
  if (!header) return null;
  const roles = header.roles;
  const roleCols = Object.values(roles) as number[];
  const firstRoleCol = Math.min(...roleCols);
  const b = emptyBudget();
  let blockWeight: number | null = null;
  for (let c = rd.s.left; c < firstRoleCol; c++) {
    const l = rd.label(header.row, c);
    if (l && l.numbers.length) blockWeight = l.numbers[0];
  }
  // The budget block label may sit on a row above the header too ("预算执行情况(10分)").
  const num = (r: number, role: BudgetColumn): number | null => (roles[role] === undefined ? null : parseNumber(rd.s.get(r, roles[role]!)));
  let totalRow: number | null = null;
  for (let r = header.row + 1; r <= Math.min(seg.end, limitRow - 1, header.row + 10); r++) {
    let labelText = "";
    let labelCol = -1;
    for (let c = firstRoleCol - 1; c >= rd.s.left; c--) {
      const t = rd.text(r, c);
      if (t !== "") {
        labelText = t;
        labelCol = c;
        break;
      }
    }
    const key = labelKey(labelText).key;
    const kind = labelText ? budgetRowLabel(key) : null;
    const amounts = (["initial", "adjusted", "executed"] as const).map((k) => num(r, k));
    const anyAmount = amounts.some((x) => x !== null);
    if (!kind) {
      if (!labelText && anyAmount && totalRow === null) {
        totalRow = r; // department form: the values row under the header has no label
        continue;
      }
      if (labelText) break;
      if (!anyAmount && totalRow !== null) break;
      continue;
    }
    if (kind === "total" && totalRow === null) totalRow = r;
    else if (kind === "sub") {
      const line: BudgetLine = {
        label: labelText.replace(/\s+/g, ""),
        initial: amounts[0],
        adjusted: amounts[1],
        executed: amounts[2],
        cell: a1(r, labelCol),
      };
      b.lines.push(line);
    }
  }
  if (totalRow !== null) {
    const r = totalRow;
    b.initial = num(r, "initial");
    b.adjusted = num(r, "adjusted");
    b.executed = num(r, "executed");
    const rateCol = roles.rate;
    b.statedRate = rateCol !== undefined ? parseRate(rd.s.get(r, rateCol), rd.s.isPercent(r, rateCol)) : null;
    b.statedWeight = num(r, "weight") ?? blockWeight;
    b.score = num(r, "score");
    b.reason = roles.reason !== undefined ? cleanText(rd.s.get(r, roles.reason)) : null;
    const cell = (role: BudgetColumn) => (roles[role] === undefined ? null : a1(r, roles[role]!));
    b.cells = {
      total: a1(r, firstRoleCol),
      initial: cell("initial"),
      adjusted: cell("adjusted"),
      executed: cell("executed"),
      rate: cell("rate"),
      weight: cell("weight"),
      score: cell("score"),
      reason: cell("reason"),
    };
  } else {
    b.cells.total = a1(header.row, firstRoleCol);
  }
  // A total row of zeros or blanks with amounts in the sub-rows: use the sub-rows' sum.
  const sum = (k: "initial" | "adjusted" | "executed"): number | null => {
    const xs = b.lines.map((l) => l[k]).filter((x): x is number => x !== null);
    return xs.length ? Math.round(xs.reduce((a, x) => a + x, 0) * 1e6) / 1e6 : null;
  };
  const totalEmpty = !b.adjusted && !b.executed && !b.initial;
  if (totalEmpty && b.lines.some((l) => l.adjusted || l.executed || l.initial)) {
    b.initial = sum("initial");
    b.adjusted = sum("adjusted");
    b.executed = sum("executed");
    b.fromSubRows = true;
  }
  b.weight = b.statedWeight;
  return b;
}

function readGoalFunds(rd: SheetReader, seg: Segment): Budget | null {
  const annual = readField(rd, seg, "annualFunds");
  if (!annual || annual.numberValue === null) return readBudget(rd, seg, seg.end);
  const b = emptyBudget();
  b.adjusted = annual.numberValue;
  b.cells.total = annual.valueCell;
  b.cells.adjusted = annual.valueCell;
  return b;
}

const GRADES: Grade[] = ["优", "良", "中", "差"];

function readGrade(v: CellValue): Grade | null {
  const t = cellText(v).replace(/\s+/g, "");
  if (!t) return null;
  for (const g of GRADES) if (t === g || t.startsWith(g)) return g;
  if (/优秀/.test(t)) return "优";
  if (/良好/.test(t)) return "良";
  if (/中等|合格|一般/.test(t)) return "中";
  if (/较差|不合格/.test(t)) return "差";
  return null;
}

function readSpotCheckList(rd: SheetReader, headerRow: number, roles: RoleMap<SpotCheckColumn>): ReviewEntry[] {
  const out: ReviewEntry[] = [];
  let blank = 0;
  for (let r = headerRow + 1; r <= rd.s.bottom; r++) {
    const nameText = roles.name !== undefined ? cleanText(rd.s.get(r, roles.name)) : null;
    if (!nameText) {
      if (++blank >= 5) break;
      continue;
    }
    blank = 0;
    if (TOTAL_ROWS.has(labelKey(nameText).key)) continue;
    const get = (role: SpotCheckColumn): CellValue => (roles[role] === undefined ? null : rd.s.get(r, roles[role]!));
    let name = nameText;
    let code = cleanText(get("code"));
    const split = splitProjectCode(name);
    if (split.code) {
      name = split.name;
      code = code ?? split.code;
    }
    const deptText = cleanText(get("department"));
    out.push({
      name,
      code,
      department: deptText ? splitLeadingCode(deptText).name : null,
      selfScore: parseNumber(get("selfScore")),
      score: parseNumber(get("score")),
      grade: readGrade(get("grade")),
      note: cleanText(get("note")),
      location: { file: rd.file, sheet: rd.grid.sheet, cell: a1(r, roles.name!) },
      indicators: [],
    });
  }
  return out;
}

/** "项目编码&项目名称&日期.xlsx" exported by review systems. */
export function projectFromFileName(file: string): { code: string | null; name: string } | null {
  const base = file.replace(/^.*[\\/]/, "").replace(/\.xlsx$/i, "");
  const parts = base.split(/[&＆]/);
  if (parts.length >= 2) {
    const code = /^[0-9A-Z]{6,}$/.test(parts[0].trim()) ? parts[0].trim() : null;
    return { code, name: (code ? parts[1] : parts[0]).trim() };
  }
  return null;
}

function readReviewDetail(rd: SheetReader, headerRow: number): ReviewEntry | null {
  const seg = { start: rd.s.top, end: rd.s.bottom };
  const nameField = readField(rd, seg, "name");
  let name = nameField?.value ?? null;
  let code = readField(rd, seg, "code")?.value ?? null;
  if (name) {
    const split = splitProjectCode(name);
    name = split.name;
    code = code ?? split.code;
  } else {
    const fromFile = projectFromFileName(rd.file);
    if (fromFile) {
      name = fromFile.name;
      code = code ?? fromFile.code;
    }
  }
  if (!name) return null;
  const roles = rd.rowRoles(headerRow, INDICATOR_INDEX);
  const indicators: ReviewEntry["indicators"] = [];
  let level1: Level1Key | null = null;
  let level2: Level2Key | null = null;
  for (let r = headerRow + 1; r <= rd.s.bottom; r++) {
    const get = (role: IndicatorColumn): CellValue => (roles[role] === undefined ? null : rd.s.get(r, roles[role]!));
    const t1 = cleanText(get("level1"));
    if (t1) {
      if (TOTAL_ROWS.has(labelKey(t1).key)) break;
      level1 = level1Of(labelKey(t1).key);
      level2 = null;
    }
    const t2 = cleanText(get("level2"));
    if (t2) level2 = level2Of(labelKey(t2).key);
    const n = cleanText(get("name"));
    if (!n) continue;
    const opCell = get("op");
    const target = parseSplitValue(natureOf(opCell) ? null : opCell, get("target"), get("unit"));
    const actual =
      roles.unit !== undefined
        ? parseSplitValue(null, get("reviewActual"), get("unit"))
        : parseValue(get("reviewActual"));
    indicators.push({
      level1,
      level2,
      name: n,
      target,
      weight: parseNumber(get("weight")),
      actual,
      score: parseNumber(get("reviewScore")),
      note: cleanText(get("note")),
      cell: a1(r, roles.name!),
    });
  }
  return {
    name,
    code,
    department: null,
    selfScore: null,
    score: null,
    grade: null,
    note: null,
    location: { file: rd.file, sheet: rd.grid.sheet, cell: nameField?.labelCell ?? null },
    indicators,
  };
}
