/**
 * Recognition of one worksheet (SPEC §2): which kind of sheet it is, decided by its title and header labels,
 * never by fixed addresses, then the block readers for that kind. Layout variants are data (vocabulary.ts);
 * a sheet that looks like a template but could not be read says what was found and what was missing.
 */
import { a1, type Grid, Sheet } from "../grid";
import type { Project, ReadingMap, ReviewEntry, SheetKind, TemplateKind } from "../model";
import { hasOutputMark, isCompanionName, isOutputName, OUTPUT_MARK_CELL, PROBLEMS_SHEET, QUALITY_SHEET } from "../output-sheets";
import { findSegments } from "./fields";
import { type QualityConfirmation, readProblemsSheet, readQualitySheet, type ReviewProblem } from "../quality/confirm";
import { readForm } from "./form";
import { chooseHeader, headerReading, isIndicatorHeader, isListHeader } from "./header";
import { BUILTIN_INDEX, type LabelIndex } from "./label-index";
import { readReviewDetail } from "./review-detail";
import { type Header, RECOGNITION_ROWS, SheetReader } from "./sheet-reader";
import { readSpotCheckList } from "./spot-check";
import { type IndicatorColumn, type SpotCheckColumn, TITLE_WORDS } from "./synonyms";

export { RECOGNITION_ROWS } from "./sheet-reader";
export { parseNumber, joinLines } from "./cells";
export { inlineFields } from "./fields";
export { projectFromFileName } from "./spot-check";

export interface SheetReading {
  kind: SheetKind;
  projects: Project[];
  reviews: ReviewEntry[];
  /** The reading map of a list, a review sheet or an unrecognised sheet (a form's is on its project). */
  reading?: ReadingMap;
  /** The sheet looks like a template but could not be read. */
  unreadable?: boolean;
  /** A review workbook's 自评质量 sheet: the reviewer's confirmed quality scores (issue 16). */
  quality?: QualityConfirmation[];
  /** A review workbook's 抽评发现的问题 sheet: the problems the reviewer confirmed or added (issue 16). */
  problems?: ReviewProblem[];
}

const emptyMap = (): ReadingMap => ({ header: [], budgetHeader: [], rows: [], missing: [], found: [] });

/** Read one worksheet into projects or review entries. */
export function readSheet(grid: Grid, file: string, ix: LabelIndex = BUILTIN_INDEX): SheetReading {
  // The product's own sheets carry its mark in A2; a user's sheet that happens to share a name is read.
  if ((isOutputName(grid.sheet) || isCompanionName(grid.sheet)) && hasOutputMark(new Sheet(grid).get(OUTPUT_MARK_CELL.row, OUTPUT_MARK_CELL.col))) {
    if (grid.sheet.trim().startsWith(QUALITY_SHEET)) return { kind: "output", projects: [], reviews: [], quality: readQualitySheet(grid, file) };
    if (grid.sheet.trim().startsWith(PROBLEMS_SHEET)) return { kind: "output", projects: [], reviews: [], problems: readProblemsSheet(grid, file) };
    return { kind: "output", projects: [], reviews: [] };
  }
  const rd = new SheetReader(grid, file, ix);
  const scanEnd = Math.min(rd.s.bottom, rd.s.top + RECOGNITION_ROWS);

  // Indicator headers and list headers near the top decide the kind (chooseHeader picks among them).
  type Candidate = (Header<IndicatorColumn> & { list?: false }) | (Header<SpotCheckColumn> & { list: true });
  const candidates: Candidate[] = [];
  for (let r = rd.s.top; r <= scanEnd; r++) {
    const ir = rd.headerAt(r, ix.indicator);
    if (ir !== null && isIndicatorHeader(ir.roles)) {
      candidates.push(ir);
      continue;
    }
    const sr = rd.headerAt(r, ix.list);
    if (sr !== null && isListHeader(rd, sr)) candidates.push({ ...sr, list: true });
  }
  const chosen = chooseHeader<Candidate>(candidates);
  if (!chosen) return unrecognized(rd, scanEnd);
  rd.scanAll();
  if (chosen.list) {
    const h = chosen as Header<SpotCheckColumn>;
    const reviews = readSpotCheckList(rd, h);
    return { kind: "spot-check-list", projects: [], reviews, reading: { ...emptyMap(), header: headerReading(rd, h), rows: rd.notes } };
  }
  const header = chosen as Header<IndicatorColumn>;
  const roles = header.roles;
  if ((roles.reviewScore !== undefined || roles.reviewActual !== undefined) && roles.actual === undefined && roles.score === undefined) {
    const review = readReviewDetail(rd, header);
    const reading = { ...emptyMap(), header: headerReading(rd, header), rows: rd.notes, missing: review ? [] : ["name"] };
    return { kind: "spot-check-detail", projects: [], reviews: review ? [review] : [], reading };
  }
  const deptForm = isDepartmentForm(rd, header);
  let template: TemplateKind;
  if (roles.actual === undefined && roles.score === undefined) template = "goal";
  else if (deptForm) template = "department-self-assessment";
  else template = "self-assessment";

  const projects: Project[] = [];
  findSegments(rd, deptForm).forEach((seg, i) => {
    const p = readForm(rd, seg, template, i, deptForm);
    if (p) projects.push(p);
  });
  return { kind: template, projects, reviews: [] };
}

/**
 * A 部门整体 form: by its title (部门整体…, or a 部门 title naming no 项目 on a sheet with no 项目名称), or, with
 * no 一级/二级 columns, by its 得分系数 / 是否核心指标 columns. Its indicator table may be the project form's.
 */
function isDepartmentForm(rd: SheetReader, header: Header<IndicatorColumn>): boolean {
  const roles = header.roles;
  if (roles.level1 === undefined && roles.level2 === undefined && (roles.coefficient !== undefined || roles.core !== undefined)) return true;
  const title = rd.titleText(rd.s.top, header.row);
  if (TITLE_WORDS.department.test(title)) return true;
  if (!/部门/.test(title) || /项目/.test(title) || !/(自评|目标|绩效)/.test(title)) return false;
  for (let r = rd.s.top; r < header.row; r++) for (const l of rd.labelsOfRow(r)) if (l.info.field === "name") return false;
  return true;
}

/** Header roles that make a sheet look like a template even when it could not be read. */
const TEMPLATE_SIGNS: readonly IndicatorColumn[] = ["level1", "level2", "name", "target", "actual", "weight", "score", "reviewScore", "reviewActual"];

/**
 * A sheet no header was found on. When it looks like a template (indicator column labels, category names, a
 * budget header, form fields) it is unreadable (template/unreadable: what was found, what was missing); else it
 * is no template (template/unrecognized).
 */
function unrecognized(rd: SheetReader, scanEnd: number): SheetReading {
  const found: string[] = [];
  const roles = new Set<string>();
  let categories = 0;
  let budgetRoles = 0;
  let fields = 0;
  const seenCategories = new Set<string>();
  for (let r = rd.s.top; r <= scanEnd; r++) {
    const budget = new Set<string>();
    for (const l of rd.labelsOfRow(r)) {
      const role = rd.ix.indicator.get(l.key);
      if (role !== undefined && TEMPLATE_SIGNS.includes(role) && !roles.has(role)) {
        roles.add(role);
        found.push(`${role}: ${l.text} (${a1(l.row, l.col)})`);
      }
      const b = rd.ix.budget.get(l.key);
      if (b === "initial" || b === "adjusted" || b === "executed" || b === "rate") budget.add(b);
      if (l.info.field === "name" || l.info.field === "department") fields++;
      if (rd.ix.category(l.key) !== null && !seenCategories.has(l.key)) {
        seenCategories.add(l.key);
        categories++;
        if (categories <= 3) found.push(`category: ${l.text} (${a1(l.row, l.col)})`);
      }
    }
    if (budget.size >= 2) budgetRoles = Math.max(budgetRoles, budget.size);
  }
  if (budgetRoles >= 2) found.push("budget header");
  const looksLike = roles.size >= 2 || categories >= 2 || (budgetRoles >= 2 && (fields > 0 || roles.size > 0));
  if (!looksLike) return { kind: "unrecognized", projects: [], reviews: [] };
  const missing: string[] = [];
  if (!roles.has("name")) missing.push("name");
  if (!roles.has("target") && !roles.has("actual") && !roles.has("weight")) missing.push("target");
  if (missing.length === 0) missing.push("header");
  return { kind: "unrecognized", projects: [], reviews: [], unreadable: true, reading: { ...emptyMap(), found, missing } };
}
