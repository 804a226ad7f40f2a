import type { Hit, RunRule } from "../types";
import type { Indicator, Project } from "../../model";
import { compareGoals, goalRef } from "./shared";

/** Where a missing indicator would sit on the self-assessment: its 二级 group, else its 一级 group, else the form. */
function anchor(self: Project, g: Indicator): string | null {
  const same2 = self.indicators.find((i) => g.level2 !== null && i.level1 === g.level1 && i.level2 === g.level2);
  if (same2) return same2.cell;
  const same1 = self.indicators.find((i) => g.level1 !== null && i.level1 === g.level1);
  if (same1) return same1.cell;
  return self.location.cell;
}

/** A goal-table indicator (年度 block) is missing from the self-assessment of the same project. */
export const rule: RunRule = {
  id: "goal/indicator-dropped",
  severity: "warning",
  title: { zh: "绩效目标表中的指标未自评", en: "Goal-table indicator not self-assessed" },
  scope: "run",
  docs: {
    zh:
      "同一项目绩效目标表中的年度绩效指标在自评表中找不到（按规范化后的指标名称对应，重名时结合二级指标；中期指标不比较）。" +
      "结果指向自评表中该指标所属二级（或一级）指标的第一行，没有时指向表头；消息中注明目标表的位置。自评表没有读到任何指标时不报告（由其他规则处理）。",
    en:
      "An annual indicator of the project's goal table is missing from its self-assessment (matched by normalised name, plus 二级 when names repeat; " +
      "the 中期 block is not compared). Points at the first row of the same 二级 (else 一级) group on the self-assessment, else the form, and names " +
      "the goal table's cell. Not reported when the self-assessment has no indicators at all (other rules cover that).",
  },
  message: {
    zh: (d) =>
      `绩效目标表（${d.goalRef}）中的年度指标“${d.indicator}”${d.goalTarget ? `（指标值${d.goalTarget}）` : ""}在自评表中没有对应指标。`,
    en: (d) =>
      `The goal table's annual indicator "${d.indicator}"${d.goalTarget ? ` (target ${d.goalTarget})` : ""} at ${d.goalRef} is missing from the self-assessment.`,
  },
  suggestion: {
    zh: () => "自评应覆盖全部绩效目标：补充该指标的实际完成值并评分；指标确经批准调整的，注明调整依据。",
    en: () => "A self-assessment must cover every goal indicator: add its actual value and score, or cite the approval if the indicator was formally dropped.",
  },
  check(run) {
    const hits: Hit[] = [];
    for (const c of compareGoals(run.projects)) {
      if (c.self.indicators.length === 0) continue;
      for (const g of c.dropped) {
        hits.push({
          cell: anchor(c.self, g),
          project: c.self,
          data: {
            indicator: g.name,
            goalTarget: g.target.raw || null,
            level1: g.level1,
            level2: g.level2,
            goalFile: c.goal.location.file,
            goalSheet: c.goal.location.sheet,
            goalCell: g.cell,
            goalRef: goalRef(c.goal, g.cell, c.self.location.file),
          },
        });
      }
    }
    return hits;
  },
};
