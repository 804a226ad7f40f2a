import type { ProjectRule } from "../types";
import { missingLevel1 } from "./shared";

/** No 产出 indicator (SPEC §5). */
export const rule: ProjectRule = {
  id: "category/missing-output",
  severity: "error",
  title: { zh: "缺少产出指标", en: "No output indicator" },
  scope: "project",
  docs: {
    zh:
      "绩效指标中没有产出指标（一级指标“产出指标”，或其下的数量/质量/时效/成本二级指标）。适用于项目自评表和绩效目标表；" +
      "部门整体自评表没有一级/二级指标栏，不适用。目标表有中期、年度两组指标时分别检查。2021年框架下的一级“成本指标”不能代替产出指标。",
    en:
      "The indicators include no output (产出) indicator. Applies to project self-assessments and goal tables (each of a goal " +
      "table's medium-term and annual blocks separately), not to department-level forms, which have no category columns. " +
      "A 2021-framework 成本指标 does not count as an output indicator.",
  },
  message: {
    zh: (d) => `${d.blockZh}未设置产出指标。`,
    en: (d) => `No output (产出) indicator${d.blockEn}.`,
  },
  suggestion: {
    zh: () => "补充产出指标，至少包括数量、质量、时效和成本指标，反映项目提供的产品和服务。",
    en: () => "Add output indicators (quantity, quality, timeliness and cost) describing what the project delivers.",
  },
  check(p) {
    return missingLevel1(p, "output");
  },
};
