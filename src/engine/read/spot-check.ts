/**
 * Review data in list form: 抽查复核 lists and published 绩效评价结果 / 评价情况表 lists (项目名称 | 主管部门 |
 * 评价得分 | 评价结果 | 备注): one ReviewEntry per project row.
 */
import { a1, type CellValue } from "../grid";
import type { Grade, ReviewEntry } from "../model";
import { cleanText, parseNumber } from "./cells";
import { cellText, labelKey, splitLeadingCode, splitProjectCode } from "./normalise";
import type { Header, SheetReader } from "./sheet-reader";
import { GRADE_WORDS, type SpotCheckColumn } from "./synonyms";

const GRADES: Grade[] = ["优", "良", "中", "差"];

export function readGrade(v: CellValue): Grade | null {
  const t = cellText(v).replace(/\s+/g, "");
  if (!t) return null;
  for (const g of GRADES) if (t === g || t.startsWith(g)) return g;
  for (const [re, g] of GRADE_WORDS) if (re.test(t)) return g;
  return null;
}

export function readSpotCheckList(rd: SheetReader, header: Header<SpotCheckColumn>): ReviewEntry[] {
  const roles = header.roles;
  const out: ReviewEntry[] = [];
  let blank = 0;
  for (let h = header.row; h <= header.last; h++) rd.note(h, "header");
  for (let r = header.last + 1; r <= rd.s.bottom; r++) {
    const nameText = roles.name !== undefined ? cleanText(rd.s.get(r, roles.name)) : null;
    if (!nameText) {
      if (++blank >= 5) break;
      continue;
    }
    blank = 0;
    if (rd.ix.isTotalRow(labelKey(nameText).key)) {
      rd.note(r, "total");
      continue;
    }
    const get = (role: SpotCheckColumn): CellValue => (roles[role] === undefined ? null : rd.s.get(r, roles[role]!));
    let name = nameText;
    let code = cleanText(get("code"));
    const split = splitProjectCode(name);
    if (split.code) {
      name = split.name;
      code = code ?? split.code;
    }
    const deptText = cleanText(get("department"));
    const unitText = cleanText(get("unit"));
    const score = parseNumber(get("score"));
    const grade = readGrade(get("grade"));
    if (score === null && grade === null && roles.score === undefined) {
      rd.note(r, "skipped", "no score or grade");
      continue; // a result list row with neither (a note line under the list)
    }
    out.push({
      name,
      code,
      department: deptText ? splitLeadingCode(deptText).name : null,
      ...(unitText ? { unit: unitText } : {}),
      selfScore: parseNumber(get("selfScore")),
      score,
      grade,
      note: cleanText(get("note")),
      location: { file: rd.file, sheet: rd.grid.sheet, cell: a1(r, roles.name!) },
      indicators: [],
    });
    rd.note(r, "list-row");
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
