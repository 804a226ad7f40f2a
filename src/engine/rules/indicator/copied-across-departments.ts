import type { Indicator, Project } from "../../model";
import { departmentKey, nameKey } from "../../read/normalise";
import { num } from "../format";
import type { Hit, RunRule } from "../types";

/** How many of the projects a finding names. */
const EXAMPLES = 3;

function key(i: Indicator): string | null {
  // Effects and satisfaction are what a project should word for itself; equal output quantities are often coincidence.
  if (i.level1 !== "effect" && i.level1 !== "satisfaction") return null;
  if (i.target.kind === "empty" || i.target.kind === "placeholder") return null;
  const n = nameKey(i.name);
  const t = nameKey(i.target.raw);
  if (n.length < 4 || !t) return null;
  return `${n}|${t}`;
}

/**
 * The same effect or satisfaction indicator (name and target, identical after normalising) on the project self-assessments of
 * different departments ("满意度指标照搬其他单位模板"): one form cannot show it. Reported once per indicator text, at
 * its first occurrence (projects in a fixed order: file, sheet, cell), naming how many projects and departments
 * share it and a few of them. Projects of one department sharing an indicator are not reported.
 */
export const rule: RunRule = {
  id: "indicator/copied-across-departments",
  severity: "info",
  title: { zh: "指标照搬其他部门", en: "Indicator copied across departments" },
  scope: "run",
  docs: {
    zh:
      "不同主管部门的项目自评表中出现指标名称和指标值完全相同的效益或满意度指标，可能照搬其他单位模板，未结合本项目设定。" +
      "每组相同指标只报告一次，指向第一次出现的位置，消息注明涉及的项目数、部门数和示例项目。",
    en:
      "Effect or satisfaction indicators with identical name and target appear on project self-assessments of different departments: probably copied from another " +
      "unit's template rather than set for the project. Reported once per indicator text, at its first occurrence, with the number of projects and departments and some examples.",
  },
  message: {
    zh: (d) => `指标“${d.name}”（指标值${d.target}）在${num(d.departments as number)}个主管部门的${num(d.projects as number)}个项目中完全相同，如：${d.examples}。`,
    en: (d) => `The indicator "${d.name}" (target ${d.target}) is identical on ${num(d.projects as number)} projects of ${num(d.departments as number)} departments, e.g. ${d.examples}.`,
  },
  suggestion: {
    zh: () => "结合各项目的实际产出和效果设定指标，不照搬其他单位的指标模板。",
    en: () => "Set each project's indicators from its own outputs and effects instead of copying another unit's template.",
  },
  check(run) {
    const forms = run.projects
      .filter((p) => p.template === "self-assessment" && p.scope !== "department")
      .slice()
      .sort((a, b) => (a.location.file < b.location.file ? -1 : a.location.file > b.location.file ? 1 : 0));
    const groups = new Map<string, { first: Indicator; project: Project; projects: Project[]; departments: Set<string> }>();
    for (const p of forms) {
      const dept = departmentKey(p.department);
      if (!dept) continue;
      const seen = new Set<string>();
      for (const i of p.indicators) {
        const k = key(i);
        if (k === null || seen.has(k)) continue;
        seen.add(k);
        const g = groups.get(k);
        if (g) {
          g.projects.push(p);
          g.departments.add(dept);
        } else groups.set(k, { first: i, project: p, projects: [p], departments: new Set([dept]) });
      }
    }
    const hits: Hit[] = [];
    for (const g of groups.values()) {
      if (g.departments.size < 2) continue;
      hits.push({
        cell: g.first.cell,
        project: g.project,
        data: {
          name: g.first.name,
          target: g.first.target.raw,
          projects: g.projects.length,
          departments: g.departments.size,
          examples: g.projects
            .slice(0, EXAMPLES)
            .map((p) => `${p.department ?? ""}·${p.name}`)
            .join("、"),
        },
      });
    }
    return hits;
  },
};
