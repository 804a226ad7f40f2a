/**
 * Several submitted workbooks → one reviewed workbook that carries every input's sheets, renamed so they
 * stay apart ("文件名-工作表"), plus the product's output sheets. Locations in the report are renamed to
 * match, so links in 评价汇总 / 问题清单 land on the copied sheets.
 */
import type { Workbook, Worksheet } from "exceljs";
import type { Report } from "../../engine/model";
import { isProductSheet } from "./write";

const ILLEGAL = /[\\/?*[\]:]/g;

/** A legal, unique Excel sheet name (≤ 31 characters). */
export function uniqueSheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(ILLEGAL, "_").replace(/^'+|'+$/g, "").slice(0, 31) || "Sheet";
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) {
    const suffix = `(${i})`;
    name = base.slice(0, 31 - suffix.length) + suffix;
  }
  taken.add(name.toLowerCase());
  return name;
}

function fileStem(file: string): string {
  return file.replace(/^.*[\\/]/, "").replace(/\.[^.]+$/, "");
}

/** Copy a worksheet (values, formulas, styles, merges, widths, heights, views) into another workbook. */
export function copyWorksheet(src: Worksheet, dst: Workbook, name: string): Worksheet {
  const ws = dst.addWorksheet(name, {
    properties: { ...src.properties },
    views: (src.views ?? []).map((v) => ({ ...v })),
    pageSetup: { ...src.pageSetup },
    state: src.state,
  });
  src.columns?.forEach((col, i) => {
    const c = ws.getColumn(i + 1);
    if (col.width !== undefined) c.width = col.width;
    if (col.hidden) c.hidden = true;
  });
  src.eachRow({ includeEmpty: true }, (row, r) => {
    const to = ws.getRow(r);
    if (row.height !== undefined) to.height = row.height;
    if (row.hidden) to.hidden = true;
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const t = to.getCell(c);
      // Merged non-master cells are re-created by mergeCells below.
      if (cell.isMerged && cell.master.address !== cell.address) {
        t.style = JSON.parse(JSON.stringify(cell.style ?? {}));
        return;
      }
      t.value = cell.value;
      t.style = JSON.parse(JSON.stringify(cell.style ?? {}));
    });
  });
  const merges = (src.model as unknown as { merges?: string[] }).merges ?? [];
  for (const range of merges) ws.mergeCells(range);
  return ws;
}

export interface SheetRename {
  file: string;
  from: string;
  to: string;
}

/**
 * Add every (non-output) sheet of `src` to `dst`, named "<file stem>-<sheet>" when `prefix` is true.
 * Returns the renames applied.
 */
export function appendWorkbook(dst: Workbook, src: Workbook, file: string, prefix: boolean): SheetRename[] {
  const taken = new Set(dst.worksheets.map((w) => w.name.toLowerCase()));
  const renames: SheetRename[] = [];
  for (const ws of src.worksheets) {
    if (isProductSheet(ws)) continue; // a previous run's output; a user's sheet of the same name is kept
    const to = uniqueSheetName(prefix ? `${fileStem(file)}-${ws.name}` : ws.name, taken);
    copyWorksheet(ws, dst, to);
    renames.push({ file, from: ws.name, to });
  }
  return renames;
}

/** The report with every (file, sheet) location renamed to the combined workbook's sheet names. */
export function renameLocations(report: Report, renames: SheetRename[]): Report {
  const map = new Map(renames.map((r) => [`${r.file}\u0000${r.from}`, r.to]));
  const rename = (file: string, sheet: string | null): string | null => (sheet === null ? null : (map.get(`${file}\u0000${sheet}`) ?? sheet));
  return {
    ...report,
    projects: report.projects.map((p) => ({
      ...p,
      location: { ...p.location, sheet: rename(p.location.file, p.location.sheet)! },
      review: p.review?.location ? { ...p.review, location: { ...p.review.location, sheet: rename(p.review.location.file, p.review.location.sheet)! } } : p.review,
    })),
    reviews: report.reviews.map((r) => ({ ...r, location: { ...r.location, sheet: rename(r.location.file, r.location.sheet)! } })),
    findings: report.findings.map((f) => ({ ...f, sheet: rename(f.file, f.sheet) })),
    sheets: report.sheets.map((s) => ({ ...s, sheet: rename(s.file, s.sheet)! })),
  };
}
