/**
 * One form (a segment of a sheet) → a Project: its fields, indicator block, budget block or goal funds, goal
 * texts, and its reading map.
 */
import type { Indicator, Project, ReadingMap, TemplateKind } from "../model";
import { findBudgetHeader, readBudget, readGoalFunds } from "./budget";
import { type FieldHit, fieldNumber, firstCell, formYear, readField } from "./fields";
import { findIndicatorHeader, headerReading } from "./header";
import { readIndicators } from "./indicators";
import { splitLeadingCode, splitProjectCode } from "./normalise";
import type { Segment, SheetReader } from "./sheet-reader";

/** Roles a form of each kind cannot be read without (reported once by template/unreadable when absent). */
function missingRoles(template: TemplateKind, roles: Record<string, number | undefined>, indicators: Indicator[]): string[] {
  if (indicators.length === 0) return [];
  const missing: string[] = [];
  if (roles.target === undefined && roles.adjustedTarget === undefined) missing.push("target");
  if (template !== "goal" && roles.actual === undefined && roles.score === undefined) missing.push("actual");
  return missing;
}

export function readForm(rd: SheetReader, seg: Segment, template: TemplateKind, ordinal: number, deptForm: boolean): Project | null {
  const name = readField(rd, seg, "name");
  const code = readField(rd, seg, "code");
  const dept = readField(rd, seg, "department");
  const unit = readField(rd, seg, "unit");
  const total = readField(rd, seg, "statedTotal");

  const header = findIndicatorHeader(rd, seg);
  const firstDataRow = header ? header.row : seg.end;
  const fieldRows = [name, dept].filter((x): x is FieldHit => x !== null).map((x) => x.labelRow);
  const titleEnd = fieldRows.length ? Math.min(...fieldRows) - 1 : firstDataRow;

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
  if (deptForm && !projectName) projectName = department;
  if (!projectName && !header) return null;

  const indicators: Indicator[] = [];
  const declaredWeights: Project["declaredWeights"] = [];
  let statedTotal = fieldNumber(total);
  let statedTotalCell = total?.valueCell ?? null;
  let statedTotalWeight: number | null = null;
  const reading: ReadingMap = { header: [], budgetHeader: [], rows: [], missing: [], found: [] };
  if (header) {
    const block = readIndicators(rd, seg, header, template);
    indicators.push(...block.indicators);
    declaredWeights.push(...block.declared);
    if (block.total) {
      if (block.total.score !== null) {
        statedTotal = block.total.score;
        statedTotalCell = block.total.scoreCell;
      }
      statedTotalWeight = block.total.weight;
    }
    reading.header = headerReading(rd, header, block.roles);
    reading.missing = missingRoles(template, block.roles, block.indicators);
  }

  let budget;
  if (template === "goal") budget = readGoalFunds(rd, seg);
  else {
    const bh = findBudgetHeader(rd, seg, header?.row ?? seg.end);
    budget = readBudget(rd, seg, header?.row ?? seg.end, bh);
    if (bh) {
      reading.budgetHeader = headerReading(rd, bh);
      for (let r = bh.row; r <= bh.last; r++) rd.note(r, "budget-header");
    }
  }
  const midterm = template === "goal" ? readField(rd, seg, "midtermFunds") : null;
  const goalTarget = readField(rd, seg, "goalTarget", true);
  const goalActual = readField(rd, seg, "goalActual", true);
  const goalMidterm = readField(rd, seg, "goalMidterm", true);
  const hasScoreColumns = header ? header.roles.weight !== undefined || header.roles.score !== undefined : false;
  reading.rows = rd.notesIn(seg.start, seg.end).sort((a, b) => a.from - b.from);

  const p: Project = {
    id: `${rd.file}!${rd.grid.sheet}!${ordinal + 1}`,
    name: projectName ?? "",
    code: projectCode,
    department,
    departmentCode,
    unit: unit?.value ?? null,
    template,
    year: formYear(rd, seg, titleEnd),
    location: { file: rd.file, sheet: rd.grid.sheet, cell: firstCell(rd, seg) },
    fieldCells: {
      name: name ? (name.valueCell ?? name.labelCell) : null,
      department: dept ? (dept.valueCell ?? dept.labelCell) : null,
      unit: unit ? (unit.valueCell ?? unit.labelCell) : null,
    },
    budget,
    midtermFunds: fieldNumber(midterm),
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
    reading,
  };
  if (deptForm) p.scope = "department";
  return p;
}
