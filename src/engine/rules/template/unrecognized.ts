import type { RunRule } from "../types";

/** A sheet that is no template is listed, so the user knows it was skipped. */
export const rule: RunRule = {
  id: "template/unrecognized",
  severity: "info",
  title: { zh: "未识别的工作表", en: "Sheets not recognised" },
  scope: "run",
  docs: {
    zh: "工作表不是可识别的绩效目标表、自评表或抽查复核表，检查时跳过。",
    en: "The sheet is not a recognised goal, self-assessment or spot-check template and was skipped.",
  },
  message: {
    zh: (d) => `工作表“${d.sheet}”不是可识别的绩效模板，已跳过。`,
    en: (d) => `Sheet "${d.sheet}" is not a recognised template and was skipped.`,
  },
  suggestion: {
    zh: () => "如该表应参与检查，请使用标准模板的表头（如“一级指标/二级指标/三级指标/年度指标值”）。",
    en: () => "If it should be checked, use the standard headers (一级指标/二级指标/三级指标/年度指标值).",
  },
  check(run) {
    return run.sheets
      .filter((s) => s.kind === "unrecognized")
      .map((s) => ({ cell: null, file: s.file, sheet: s.sheet, project: null, data: { sheet: s.sheet } }));
  },
};
