/**
 * A per-indicator review sheet ("实际绩效": 一级 | 二级 | 三级 | 指标性质 | 指标值 | 计量单位 | 指标权重 | 抽评核实完成值 |
 * 抽评得分 | 备注), read with the same indicator-row reader as the forms. Its project is named in a title row
 * ("项目名称：…") or by the file name ("项目编码&项目名称&日期.xlsx").
 */
import type { ReviewEntry } from "../model";
import { cleanText } from "./cells";
import { readField } from "./fields";
import { type Level1State, type Level2State, level1Cell, level2Cell, nameOf, readIndicatorRow } from "./indicator-row";
import { ROW_KINDS } from "./label-index";
import { labelKey, splitLeadingCode, splitProjectCode } from "./normalise";
import type { Header, SheetReader } from "./sheet-reader";
import { projectFromFileName } from "./spot-check";
import type { IndicatorColumn } from "./synonyms";

export function readReviewDetail(rd: SheetReader, header: Header<IndicatorColumn>): ReviewEntry | null {
  const seg = { start: rd.s.top, end: rd.s.bottom };
  const nameField = readField(rd, seg, "name");
  const deptText = readField(rd, seg, "department")?.value ?? null;
  const unitText = readField(rd, seg, "unit")?.value ?? null;
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
  const roles = header.roles;
  const indicators: ReviewEntry["indicators"] = [];
  let level1: Level1State = null;
  let level2: Level2State = null;
  for (let h = header.row; h <= header.last; h++) rd.note(h, "header");
  for (let r = header.last + 1; r <= rd.s.bottom; r++) {
    const t1 = roles.level1 !== undefined ? cleanText(rd.s.get(r, roles.level1)) : null;
    if (t1) {
      if (rd.ix.isTotalRow(labelKey(t1).key)) {
        rd.note(r, "total");
        break;
      }
      const cat = level1Cell(rd, t1);
      level1 = cat.level1;
      level2 = cat.level2;
    }
    const t2 = roles.level2 !== undefined ? cleanText(rd.s.get(r, roles.level2)) : null;
    if (t2) {
      const cat = level2Cell(rd, t2);
      level2 = cat.level2;
      if (cat.level1) level1 = cat.level1;
    }
    const n = nameOf(rd, r, roles.name);
    if (!n || ROW_KINDS.isSubtotal(n)) continue;
    const res = readIndicatorRow(rd, r, roles, n, level1, level2, null, "self-assessment", true);
    if (!("indicator" in res)) continue;
    const ind = res.indicator;
    indicators.push({
      level1: ind.level1,
      level2: ind.level2,
      name: ind.name,
      target: ind.target,
      weight: ind.weight,
      actual: ind.review?.actual ?? { raw: "", kind: "empty", op: null, value: null, unit: null },
      score: ind.review?.score ?? null,
      note: cleanText(roles.note !== undefined ? rd.s.get(r, roles.note) : null) ?? ind.review?.note ?? null,
      cell: ind.cell,
    });
    rd.note(r, "review-row");
  }
  return {
    name,
    code,
    department: deptText ? splitLeadingCode(deptText).name : null,
    ...(unitText ? { unit: unitText } : {}),
    selfScore: null,
    score: null,
    grade: null,
    note: null,
    location: { file: rd.file, sheet: rd.grid.sheet, cell: nameField?.labelCell ?? null },
    indicators,
  };
}
