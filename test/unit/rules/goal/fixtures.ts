/** The goal table and the self-assessment the goal/* rule tables compare (one project, two files). */
import type { Indicator, Project } from "../../../../src/engine/model";
import { makeProject } from "../../../helpers/factories";

export const NAME = "中小学校舍安全维修改造";

/** An indicator row: name, target, then optional 二级 and 一级 keys (and, where a table needs it, the cell). */
export type Row = [name: string, target: string, level2?: Indicator["level2"], level1?: Indicator["level1"], cell?: string];

/** The goal table (goal.xlsx, department "[201]县教育和体育局"): the 中期 rows, then the 年度 rows. */
export function goalProject(annual: Indicator[], midterm: Indicator[], init: Partial<Project> = {}): Project {
  return makeProject({
    id: "goal.xlsx!目标表!1",
    name: NAME,
    department: "[201]县教育和体育局",
    template: "goal",
    budget: null,
    location: { file: "goal.xlsx", sheet: "绩效目标申报表", cell: "A1" },
    indicators: [...midterm, ...annual],
    ...init,
  });
}

/** The self-assessment (self.xlsx) of the same project, its department written as `department`. */
export function selfProject(indicators: Indicator[], department: string, init: Partial<Project> = {}): Project {
  return makeProject({ id: "self.xlsx!自评表!1", name: NAME, department, location: { file: "self.xlsx", sheet: "自评表", cell: "B4" }, indicators, ...init });
}
