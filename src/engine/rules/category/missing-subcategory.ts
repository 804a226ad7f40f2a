import type { Level2Key } from "../../model";
import type { Hit, ProjectRule } from "../types";
import { blockData, blocksOf, categoryApplies, countsAs, level1Of, level2Of } from "./shared";

const SUBCATEGORIES: { key: "quantity" | "quality" | "timeliness" | "cost"; zh: string; en: string }[] = [
  { key: "quantity", zh: "数量指标", en: "quantity" },
  { key: "quality", zh: "质量指标", en: "quality" },
  { key: "timeliness", zh: "时效指标", en: "timeliness" },
  { key: "cost", zh: "成本指标", en: "cost" },
];

const COST_LEVEL2: readonly Level2Key[] = ["cost", "economic-cost", "social-cost", "ecological-cost"];

/** 产出 lacks one of 数量/质量/时效/成本 (SPEC §5); cost may sit under a 2021-framework 成本指标. */
export const rule: ProjectRule = {
  id: "category/missing-subcategory",
  severity: "warning",
  title: { zh: "产出指标缺少二级指标", en: "Output lacks a second-level category" },
  scope: "project",
  docs: {
    zh:
      "产出指标应包括数量、质量、时效、成本四类二级指标，每缺一类报告一次，指向第一条产出指标。成本指标可以是产出指标下的“成本指标”，" +
      "也可以是2021年框架（财预〔2021〕101号）的一级“成本指标”或经济/社会/生态环境成本指标。没有产出指标时由 category/missing-output " +
      "报告；没有二级指标栏，或某条产出指标的二级指标无法识别（由 category/unknown 报告）时不检查，以免误报。目标表的中期、年度指标分别检查；" +
      "部门整体自评表不适用。",
    en:
      "Output indicators should cover quantity, quality, timeliness and cost: one finding per missing sub-category, at the first " +
      "output indicator. Cost may be a 成本指标 under 产出 or, in the 2021 framework, a first-level 成本指标 (economic/social/" +
      "ecological cost). Not checked when there is no output indicator (category/missing-output), no 二级 column, or an output " +
      "row whose 二级 label cannot be recognised (category/unknown). Goal-table blocks are checked separately; department-level " +
      "forms are exempt.",
  },
  message: {
    zh: (d) => `${d.blockZh}产出指标缺少${d.subZh}${d.sub === "cost" ? "（也可设置一级“成本指标”）" : ""}。`,
    en: (d) => `The output indicators${d.blockEn} have no ${d.subEn} (${d.subZh}) indicator.`,
  },
  suggestion: {
    zh: (d) =>
      d.sub === "cost"
        ? "补充成本指标（如单位成本、人均补助标准），并用“≤”设定控制上限。"
        : d.sub === "timeliness"
          ? "补充时效指标（如“12月底前完成”“补贴按月发放及时率100%”）。"
          : d.sub === "quality"
            ? "补充质量指标（如验收合格率、达标率）。"
            : "补充数量指标（如服务人数、建设数量）。",
    en: (d) => `Add a ${d.subEn} indicator under 产出指标.`,
  },
  check(p) {
    if (!categoryApplies(p)) return [];
    const hits: Hit[] = [];
    for (const b of blocksOf(p)) {
      const outputs = b.indicators.filter((i) => countsAs(i, "output"));
      if (outputs.length === 0) continue;
      if (outputs.some((i) => level2Of(i) === null)) continue;
      const has = (key: (typeof SUBCATEGORIES)[number]["key"]): boolean =>
        key === "cost"
          ? b.indicators.some((i) => level1Of(i) === "cost" || COST_LEVEL2.includes(level2Of(i) as Level2Key))
          : outputs.some((i) => level2Of(i) === key);
      for (const s of SUBCATEGORIES) {
        if (has(s.key)) continue;
        hits.push({ cell: outputs[0].cell, data: { ...blockData(b), sub: s.key, subZh: s.zh, subEn: s.en, name: outputs[0].name } });
      }
    }
    return hits;
  },
};
