import type { ProjectRule } from "../types";
import { missingLevel1 } from "./shared";

/** No 满意度 indicator (SPEC §5). */
export const rule: ProjectRule = {
  id: "category/missing-satisfaction",
  severity: "warning",
  title: { zh: "缺少满意度指标", en: "No satisfaction indicator" },
  scope: "project",
  docs: {
    zh:
      "绩效指标中没有满意度指标。一级“满意度指标”或任一一级下的“服务对象满意度指标”二级（财预〔2015〕88号样式把它放在效益指标下）均可。" +
      "适用于项目自评表和绩效目标表，目标表的中期、年度指标分别检查；部门整体自评表不适用。",
    en:
      "The indicators include no satisfaction (满意度) indicator, as a first-level category or as a 服务对象满意度指标 " +
      "sub-category anywhere (88号 tables put it under 效益). Applies to project self-assessments and goal tables (each " +
      "block separately), not to department-level forms.",
  },
  message: {
    zh: (d) => `${d.blockZh}未设置满意度指标。`,
    en: (d) => `No satisfaction (满意度) indicator${d.blockEn}.`,
  },
  suggestion: {
    zh: () => "补充服务对象满意度指标（如“受益群众满意度≥90%”），并说明调查方式。",
    en: () => "Add a beneficiary satisfaction indicator (e.g. 受益群众满意度 ≥90%) and say how it is surveyed.",
  },
  check(p) {
    return missingLevel1(p, "satisfaction");
  },
};
