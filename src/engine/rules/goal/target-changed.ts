import type { Hit, RunRule } from "../types";
import { compareGoals, goalRef, sameTarget } from "./shared";

/** A self-assessment target differs from the goal table's (年度 block) target for the same indicator. */
export const rule: RunRule = {
  id: "goal/target-changed",
  severity: "warning",
  title: { zh: "指标值与绩效目标表不一致", en: "Target differs from the goal table" },
  scope: "run",
  docs: {
    zh:
      "自评表的年度指标值与同一项目绩效目标表（年度指标）中的指标值不一致。项目按项目编码、否则按项目名称加主管部门在各工作表和工作簿之间对应；" +
      "指标按规范化后的名称对应（重名时结合二级指标）。比较解析后的数值、运算符和单位（“≥1200人”与“≥1,200人”、“2.1万平方米”与“21000平方米”相同，" +
      "未写运算符按指标方向取默认值），文字指标比较规范化后的文字，期限比较日期。只比较年度指标，中期指标不比较。",
    en:
      "A target on the self-assessment differs from the goal table's annual target for the same indicator. Projects are matched across sheets " +
      "and files by code, else by name and department; indicators by normalised name (plus 二级 when names repeat). Parsed values compare: number, " +
      "operator (missing = the direction's default) and unit with scale reconciliation (\"≥1200人\" = \"≥1,200人\"); words compare normalised; deadlines as dates. Only the annual block is compared.",
  },
  message: {
    zh: (d) => `指标“${d.indicator}”的年度指标值与绩效目标表不一致：目标表为“${d.goalTarget}”（${d.goalRef}），自评表为“${d.selfTarget}”。`,
    en: (d) => `The target of "${d.indicator}" differs from the goal table: "${d.goalTarget}" in the goal table (${d.goalRef}), "${d.selfTarget}" in the self-assessment.`,
  },
  suggestion: {
    zh: () => "自评应对照批复的绩效目标：按目标表的指标值填写并重新评分；目标确经批准调整的，注明调整依据。",
    en: () => "Assess against the approved goal: use the goal table's target and re-score, or cite the approval if the target was formally changed.",
  },
  check(run) {
    const hits: Hit[] = [];
    for (const c of compareGoals(run.projects)) {
      for (const [g, s] of c.pairs) {
        if (sameTarget(g, s, c.self.year ?? c.goal.year) !== false) continue;
        hits.push({
          cell: s.cells.target ?? s.cell,
          project: c.self,
          data: {
            indicator: s.name,
            goalTarget: g.target.raw,
            selfTarget: s.target.raw,
            goalFile: c.goal.location.file,
            goalSheet: c.goal.location.sheet,
            goalCell: g.cells.target ?? g.cell,
            goalRef: goalRef(c.goal, g.cells.target ?? g.cell, c.self.location.file),
          },
        });
      }
    }
    return hits;
  },
};
