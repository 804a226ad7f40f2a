import type { Hit, ProjectRule } from "../types";

/** A 一级/二级 label that maps to no category (SPEC §2.6, §5). */
const LEVELS = [1, 2] as const;

export const rule: ProjectRule = {
  id: "category/unknown",
  severity: "warning",
  title: { zh: "指标类别无法识别", en: "Unknown indicator category" },
  scope: "project",
  docs: {
    zh:
      "一级或二级指标名称不属于财预〔2020〕10号或财预〔2021〕101号框架中的任何类别（如“产出类指标”“工作指标”）。" +
      "每个项目中同一名称只报告一次，指向第一条使用该名称的指标。检查时尽量按名称中的字样（产出、数量、成本……）归类，避免再报“缺少某类指标”。",
    en:
      "A first- or second-level category label matches no category of the 2020 or 2021 framework (e.g. 产出类指标, 工作指标). " +
      "Reported once per distinct label per project, at the first indicator using it. The other category rules still guess " +
      "the category from the label's wording so they do not report it missing as well.",
  },
  message: {
    zh: (d) => `${d.levelZh}指标“${d.label}”不是规范的指标类别。`,
    en: (d) => `The ${d.levelEn}-level category "${d.label}" is not a recognised indicator category.`,
  },
  suggestion: {
    zh: (d) =>
      d.level === 1
        ? "一级指标应为产出指标、效益指标、满意度指标（2021年框架另有成本指标），请按规范名称填写。"
        : "二级指标应为数量/质量/时效/成本、经济/社会/生态/可持续影响效益、服务对象满意度，或经济/社会/生态环境成本指标，请按规范名称填写。",
    en: (d) =>
      d.level === 1
        ? "Use a standard first-level category: 产出指标, 效益指标, 满意度指标 (or 成本指标 in the 2021 framework)."
        : "Use a standard second-level category (数量/质量/时效/成本指标, 经济/社会/生态/可持续影响指标, 服务对象满意度指标, 经济/社会/生态环境成本指标).",
  },
  check(p) {
    const seen = new Set<string>();
    const hits: Hit[] = [];
    for (const i of p.indicators) {
      for (const level of LEVELS) {
        const label = level === 1 ? (i.level1 === null ? i.level1Label : null) : i.level2 === null ? i.level2Label : null;
        if (!label || label.trim() === "") continue;
        const key = `${level}:${label}`;
        if (seen.has(key)) continue;
        seen.add(key);
        hits.push({
          cell: i.cell,
          data: { level, levelZh: level === 1 ? "一级" : "二级", levelEn: level === 1 ? "first" : "second", label, name: i.name },
        });
      }
    }
    return hits;
  },
};
