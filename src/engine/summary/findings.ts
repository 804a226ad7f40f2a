/**
 * 问题清单: one row per finding: 序号 | 级别 | 问题类型 (the rule's title, in the report's language) | 规则 (the
 * stable rule id) | 项目 | 工作表 | 单元格 | 说明 | 建议. Order: errors, then warnings, then info; within a level, grouped by project
 * in report order (findings with no project last), then by sheet and cell position. The 单元格 column links
 * to the finding's cell; a finding with no cell links to its project's form (or the sheet's A1).
 */
import { parseA1 } from "../grid";
import type { Finding, Report } from "../model";
import { FMT, Rows, fileBaseName, link, num, sheetLabel, styled, text, topLeft } from "./cells";
import type { PlanCell, SheetPlan } from "./plan";
import type { Facts } from "./stats";
import { ruleTitle } from "../rules";
import type { Catalogue } from "./strings";
import { pagePlan, printable } from "./page";

const COLS = 9;
const HEADER_ROW = 2;
const WIDTHS = [6, 7, 20, 22, 24, 20, 8, 48, 40];
const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

/** Plain code-unit order (stable and fast; localeCompare is slow on 20,000 findings). */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Findings in the order the sheet lists them. */
export function orderFindings(report: Report): Finding[] {
  const projectIndex = new Map(report.projects.map((p, i) => [p.id, i]));
  const nameIndex = new Map<string, number>();
  report.projects.forEach((p, i) => {
    if (!nameIndex.has(p.name)) nameIndex.set(p.name, i);
  });
  const rank = (f: Finding): number => {
    if (f.projectId && projectIndex.has(f.projectId)) return projectIndex.get(f.projectId)!;
    if (f.project !== null) return report.projects.length + (nameIndex.get(f.project) ?? 0);
    return 2 * report.projects.length + 1;
  };
  const pos = (f: Finding) => parseA1(topLeft(f.cell) ?? "") ?? { row: -1, col: -1 };
  return report.findings
    .map((f, i) => ({ f, i, rank: rank(f), pos: pos(f) }))
    .sort(
      (a, b) =>
        SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity] ||
        a.rank - b.rank ||
        cmp(a.f.project ?? "", b.f.project ?? "") ||
        cmp(a.f.file, b.f.file) ||
        cmp(a.f.sheet ?? "", b.f.sheet ?? "") ||
        a.pos.row - b.pos.row ||
        a.pos.col - b.pos.col ||
        a.i - b.i,
    )
    .map((x) => x.f);
}

export function planFindings(report: Report, facts: Facts, s: Catalogue): SheetPlan {
  const f = s.findings;
  const sum = report.summary;
  const rows = new Rows();
  const multiFile = facts.files.length > 1;
  const projects = new Map(report.projects.map((p) => [p.id, p]));

  rows.set(0, 0, styled("title", f.title));
  rows.set(1, 0, styled("text", f.meta(report.findings.length, sum.errors, sum.warnings, sum.infos)));
  f.headers.forEach((h, c) => rows.set(HEADER_ROW, c, styled("header", h)));

  const ordered = orderFindings(report);
  const b = { border: true } as const;
  const wrapped = { border: true, wrap: true } as const;
  ordered.forEach((x, i) => {
    const project = x.projectId ? projects.get(x.projectId) : undefined;
    const cell = topLeft(x.cell) ?? (project && project.location.sheet === x.sheet ? project.location.cell : null);
    const where = x.sheet !== null ? sheetLabel(x.file, x.sheet, multiFile) : fileBaseName(x.file) || null;
    // The location wraps: "[区水利局.xlsx]农村饮水安全维修" is wider than its column.
    const cellCell: PlanCell =
      x.sheet !== null ? text(cell ?? "A1", { border: true, link: link(x.file, x.sheet, cell) }) : text(null, b);
    const cells: PlanCell[] = [
      num(i + 1, FMT.count, b),
      text(s.severity[x.severity], { border: true, style: x.severity }),
      text(ruleTitle(x.rule, s.lang), wrapped),
      text(x.rule, wrapped),
      text(x.project, wrapped),
      text(where, wrapped),
      cellCell,
      text(x.message, wrapped),
      text(x.suggestion, wrapped),
    ];
    cells.forEach((c, col) => rows.set(HEADER_ROW + 1 + i, col, c));
  });

  const merges = [
    { top: 0, left: 0, bottom: 0, right: COLS - 1 },
    { top: 1, left: 0, bottom: 1, right: COLS - 1 },
  ];
  if (ordered.length === 0) {
    rows.set(HEADER_ROW + 1, 0, styled("info", f.empty));
    merges.push({ top: HEADER_ROW + 1, left: 0, bottom: HEADER_ROW + 1, right: COLS - 1 });
  }
  const plan = { rows: rows.build(COLS), widths: WIDTHS, merges };
  return {
    name: "问题清单",
    ...printable(plan, pagePlan("landscape", s.lang, { from: HEADER_ROW, to: HEADER_ROW })),
    freezeRows: HEADER_ROW + 1,
    filter: ordered.length ? `A${HEADER_ROW + 1}:I${HEADER_ROW + 1 + ordered.length}` : undefined,
  };
}
