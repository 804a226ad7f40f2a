import { rule } from "../../../../src/engine/rules/unit/all-full-score";
import { testRule } from "../../../helpers/rule-tester";
import { makeProject } from "../../../helpers/factories";
import { getProfile } from "../../../../src/engine/profiles/builtin";

let n = 0;
const form = (unit: string, total: number | null, department = "区民政局") =>
  makeProject({ id: `f!${++n}`, name: `项目${n}`, unit, department, statedTotal: total, statedTotalCell: total === null ? null : "I30", location: { file: `${unit}.xlsx`, sheet: `S${n}`, cell: "A1" } });

testRule(rule, {
  valid: [
    { name: "one project at 100 is not judged", projects: [form("甲单位", 100)] },
    { name: "one of the unit's projects below 100", projects: [form("甲单位", 100), form("甲单位", 98.5), form("甲单位", 100)] },
    { name: "a project with no score at all", projects: [form("甲单位", 100), form("甲单位", null)] },
    { name: "100s spread over units of different departments, one each", projects: [form("甲单位", 100, "区民政局"), form("乙单位", 100, "区水利局")] },
    {
      name: "the profile asks for three: two at 100 are not judged",
      projects: [form("子单位", 100), form("子单位", 100)],
      options: { profile: { ...getProfile("national"), fullScoreMinProjects: 3 } },
    },
    {
      name: "goal tables do not count",
      projects: [form("甲单位", 100), makeProject({ id: "g!1", name: "目标", unit: "甲单位", template: "goal" })],
    },
  ],
  invalid: [
    {
      name: "all of a unit's projects at 100: once, at the first project's total",
      projects: [form("丙单位", 100), form("丙单位", 100), form("丙单位", 100), form("丁单位", 90)],
      hits: [{ cell: "I30", data: { scope: "unit", owner: "丙单位", count: 3 } }],
    },
    {
      name: "a whole department at 100 over two units: the department once, not each unit",
      projects: [form("戊单位", 100, "区教育局"), form("戊单位", 100, "区教育局"), form("己单位", 100, "区教育局")],
      hits: [{ data: { scope: "department", owner: "区教育局", count: 3 } }],
    },
    {
      name: "two units of one department both full, a third not: each unit",
      projects: [form("庚单位", 100, "区卫健委"), form("庚单位", 100, "区卫健委"), form("辛单位", 100, "区卫健委"), form("辛单位", 100, "区卫健委"), form("壬单位", 80, "区卫健委")],
      hits: [{ data: { owner: "庚单位" } }, { data: { owner: "辛单位" } }],
    },
  ],
});
