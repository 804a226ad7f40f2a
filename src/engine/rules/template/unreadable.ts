import type { Hit, RunRule } from "../types";

const ROLE_ZH: Record<string, string> = {
  name: "三级指标（指标名称）列",
  target: "年度指标值（目标值）列",
  actual: "实际完成值或得分列",
  header: "完整的表头行",
};
const ROLE_EN: Record<string, string> = {
  name: "an indicator-name (三级指标) column",
  target: "a target (年度指标值) column",
  actual: "an actual (实际完成值) or score column",
  header: "a complete header row",
};

const list = (roles: readonly string[], names: Record<string, string>, sep: string): string => roles.map((r) => names[r] ?? r).join(sep);

/**
 * A sheet that looks like a template (indicator words, category names, a budget header) but could not be read,
 * or a form read without a column it cannot be checked without (no target column: one finding, not one per row).
 */
export const rule: RunRule = {
  id: "template/unreadable",
  severity: "warning",
  title: { zh: "无法读取的模板", en: "Templates that could not be read" },
  scope: "run",
  docs: {
    zh: "工作表看起来是绩效模板（有指标表头、指标类别或预算表头），但未能读取；或表单缺少无法核对的关键列（如没有年度指标值列）。说明找到了什么、缺少什么，批量检查时不会被忽略。",
    en: "The sheet looks like a performance template (indicator headers, categories or a budget header) but could not be read, or a form lacks a column it cannot be checked without (no target column). Says what was found and what was missing.",
  },
  message: {
    zh: (d) => (d.kind === "sheet" ? `工作表“${d.sheet}”像是绩效模板（找到：${d.found}），但未能读取：缺少${d.missingZh}。` : `未找到${d.missingZh}（表头：${d.found}），${d.count}个指标无法核对。`),
    en: (d) =>
      d.kind === "sheet"
        ? `Sheet "${d.sheet}" looks like a template (found: ${d.found}) but could not be read: ${d.missingEn} is missing.`
        : `No ${d.missingEn} was found (header: ${d.found}); ${d.count} indicators cannot be checked.`,
  },
  suggestion: {
    zh: () => "请使用标准表头（如“一级指标/二级指标/三级指标/年度指标值/实际完成值/分值/得分”），或在评分方案（profile）的 vocabulary 中添加本地区的表头。",
    en: () => "Use the standard headers (一级指标/二级指标/三级指标/年度指标值/实际完成值/分值/得分) or add your region's labels to the profile's vocabulary.",
  },
  check(run) {
    const hits: Hit[] = [];
    for (const s of run.sheets) {
      if (!s.unreadable || !s.reading) continue;
      const missing = s.reading.missing;
      hits.push({
        cell: null,
        file: s.file,
        sheet: s.sheet,
        project: null,
        data: { kind: "sheet", sheet: s.sheet, found: s.reading.found.join("；"), missingZh: list(missing, ROLE_ZH, "、"), missingEn: list(missing, ROLE_EN, ", "), count: 0 },
      });
    }
    for (const p of run.projects) {
      const missing = p.reading?.missing ?? [];
      if (missing.length === 0) continue;
      const header = p.reading!.header;
      hits.push({
        cell: header[0]?.cell ?? p.location.cell,
        project: p,
        data: {
          kind: "form",
          sheet: p.location.sheet,
          found: header.map((c) => c.text).join(" | "),
          missingZh: list(missing, ROLE_ZH, "、"),
          missingEn: list(missing, ROLE_EN, ", "),
          count: p.indicators.length,
        },
      });
    }
    return hits;
  },
};
