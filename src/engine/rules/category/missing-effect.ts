import type { ProjectRule } from "../types";
import { missingLevel1 } from "./shared";

/** No 效益/效果 indicator (SPEC §5). */
export const rule: ProjectRule = {
  id: "category/missing-effect",
  severity: "error",
  title: { zh: "缺少效益指标", en: "No effect indicator" },
  scope: "project",
  docs: {
    zh:
      "绩效指标中没有效益（效果）指标（经济、社会、生态、可持续影响等）。适用于项目自评表和绩效目标表，目标表的中期、年度指标分别检查；" +
      "部门整体自评表不适用。",
    en:
      "The indicators include no effect (效益/效果) indicator (economic, social, ecological, sustainability…). Applies to " +
      "project self-assessments and goal tables (each block separately), not to department-level forms.",
  },
  message: {
    zh: (d) => `${d.blockZh}未设置效益指标。`,
    en: (d) => `No effect (效益) indicator${d.blockEn}.`,
  },
  suggestion: {
    zh: () => "补充效益指标（经济效益、社会效益、生态效益、可持续影响等），反映项目实施带来的效果。",
    en: () => "Add effect indicators (economic, social, ecological or sustainability) describing what the project achieves.",
  },
  check(p) {
    return missingLevel1(p, "effect");
  },
};
