import type { Hit, RunRule } from "../types";

/**
 * A problem the reviewer recorded on a review workbook's 抽评发现的问题 sheet (issue 16): a prefilled finding the
 * reviewer confirmed (复核确认 是), or a row the reviewer added. It becomes a finding of the project it names, pointing
 * at the row's 问题描述, so the review's own findings reach 问题清单 and the report. Rows marked 否 and prefilled rows
 * left unconfirmed are not reported (the prefilled ones are this run's own findings already).
 */
export const rule: RunRule = {
  id: "spotcheck/review-problem",
  severity: "warning",
  title: { zh: "抽评发现的问题", en: "Problem found by the review" },
  scope: "run",
  docs: {
    zh:
      "复核人员在抽评复核工作簿“抽评发现的问题”表中确认（复核确认为“是”）或新增的问题，归入所指项目，指向该行的问题描述。" +
      "标为“否”的行和未确认的预填行不报告（预填行即本次检查自身的结果）。",
    en:
      "A problem the reviewer confirmed (复核确认 是) or added on a review workbook's 抽评发现的问题 sheet, reported on the project " +
      "it names and pointing at the row's description. Rows marked 否 and unconfirmed prefilled rows are not reported.",
  },
  message: {
    zh: (d) => `抽评${d.kind === "added" ? "发现" : "确认"}的问题：${d.description}${d.note ? `（复核意见：${d.note}）` : ""}`,
    en: (d) => `${d.kind === "added" ? "Found" : "Confirmed"} by the review: ${d.description}${d.note ? ` (reviewer: ${d.note})` : ""}`,
  },
  suggestion: {
    zh: () => "按复核意见整改，并在下一年度绩效目标和自评中落实。",
    en: () => "Rectify as the reviewer says and carry it into next year's goals and self-assessment.",
  },
  check(run) {
    const byId = new Map(run.projects.map((p) => [p.id, p]));
    const hits: Hit[] = [];
    for (const { problem, projectId } of run.problems ?? []) {
      const p = projectId ? (byId.get(projectId) ?? null) : null;
      hits.push({
        cell: problem.location.cell,
        file: problem.location.file,
        sheet: problem.location.sheet,
        project: p,
        projectName: problem.name,
        data: { kind: problem.kind, description: problem.description, note: problem.note },
      });
    }
    return hits;
  },
};
