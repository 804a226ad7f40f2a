import type { ColumnReading, ReadingMap } from "../../model";
import type { Hit, RunRule } from "../types";

/** Header cells of a read table that map to no role (序号 and the like are read by no role on purpose). */
function unknown(map: ReadingMap | undefined): ColumnReading[] {
  return map ? map.header.filter((c) => c.role === null) : [];
}

/** A header cell in a recognised table that maps to no column role: its column is not read. */
export const rule: RunRule = {
  id: "template/unknown-column",
  severity: "info",
  title: { zh: "未识别的表头列", en: "Header columns not recognised" },
  scope: "run",
  docs: {
    zh: "已识别的指标表、预算表或名单中，有表头单元格不对应任何已知的列（如年度指标值、实际完成值、分值、得分），该列未被读取。可在评分方案的 vocabulary 中为它添加标签。",
    en: "A header cell of a recognised indicator, budget or list table maps to no known column role, so its column is not read. A profile's vocabulary can add its label.",
  },
  message: {
    zh: (d) => `表头“${d.text}”（${d.column}列）未识别，该列未读取。`,
    en: (d) => `Header "${d.text}" (column ${d.column}) is not recognised; the column is not read.`,
  },
  suggestion: {
    zh: () => "如该列应当读取，请改用标准表头，或在评分方案（profile）的 vocabulary.columns 中为对应的列添加此标签。",
    en: () => "If the column should be read, use the standard header or add this label to the matching role in the profile's vocabulary.columns.",
  },
  check(run) {
    const hits: Hit[] = [];
    for (const p of run.projects) {
      for (const c of [...unknown(p.reading), ...(p.reading ? p.reading.budgetHeader.filter((x) => x.role === null) : [])]) {
        hits.push({ cell: c.cell, project: p, data: { text: c.text, column: c.column } });
      }
    }
    for (const s of run.sheets) {
      for (const c of unknown(s.reading)) hits.push({ cell: c.cell, file: s.file, sheet: s.sheet, project: null, data: { text: c.text, column: c.column } });
    }
    return hits;
  },
};
