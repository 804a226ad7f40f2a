import { projectScore } from "../../facts";
import type { Project } from "../../model";
import { departmentKey, nameKey } from "../../read/normalise";
import { num } from "../format";
import type { Hit, RunRule } from "../types";

const full = (p: Project): boolean => {
  const s = projectScore(p);
  return s !== null && Math.abs(s - 100) < 0.005;
};

/**
 * Every project self-assessment of one 实施单位 self-scored 100 (a reviewer's "10个项目自评得分全部为100分，自评明显
 * 缺乏实质自检"): seen only across forms. When all the projects of a whole 主管部门 (over several units) are at 100,
 * the department is reported once instead of each of its units. Units with fewer projects than the profile's
 * fullScoreMinProjects (default 2) are not judged.
 */
export const rule: RunRule = {
  id: "unit/all-full-score",
  severity: "warning",
  title: { zh: "单位项目自评全部为满分", en: "All of a unit's projects self-scored 100" },
  scope: "run",
  docs: {
    zh:
      "同一实施单位（或同一主管部门）的全部项目自评表（至少2个，评分口径 fullScoreMinProjects 可调）自评总分均为100分，自评可能流于形式、缺乏实质自检。" +
      "整个主管部门各单位均如此时按部门报告一次，不再逐个单位报告。指向该单位第一个项目的总分单元格。",
    en:
      "Every project self-assessment of one implementing unit (or one department; at least two, the profile's fullScoreMinProjects) is self-scored 100: the self-check " +
      "looks perfunctory. When a whole department is like that it is reported once for the department instead of each unit. Points at the first project's total.",
  },
  message: {
    zh: (d) => `${d.scope === "department" ? "主管部门" : "实施单位"}“${d.owner}”的${num(d.count as number)}个项目自评得分全部为100分，自评明显缺乏实质自检。`,
    en: (d) => `All ${num(d.count as number)} projects of the ${d.scope === "department" ? "department" : "unit"} "${d.owner}" are self-scored 100: the self-check lacks substance.`,
  },
  suggestion: {
    zh: () => "要求该单位逐项对照佐证材料重新自评，未完全达成的指标据实扣分；可将其列入重点抽查。",
    en: () => "Ask the unit to reassess each indicator against its evidence and deduct where targets were not fully met; consider sampling it for review.",
  },
  check(run, ctx) {
    const minProjects = ctx.profile.fullScoreMinProjects;
    const forms = run.projects.filter((p) => p.template === "self-assessment" && p.scope !== "department");
    const group = (key: (p: Project) => string) => {
      const m = new Map<string, Project[]>();
      for (const p of forms) {
        const k = key(p);
        if (!k) continue;
        const g = m.get(k);
        if (g) g.push(p);
        else m.set(k, [p]);
      }
      return m;
    };
    const hits: Hit[] = [];
    const hit = (ps: Project[], scope: "unit" | "department", owner: string): Hit => ({
      cell: ps[0].statedTotalCell ?? ps[0].location.cell,
      project: ps[0],
      data: { scope, owner, count: ps.length },
    });
    const fullDepartments = new Set<string>();
    for (const [k, ps] of group((p) => departmentKey(p.department))) {
      const units = new Set(ps.map((p) => nameKey(p.unit)));
      if (units.size >= 2 && ps.length >= minProjects && ps.every(full)) {
        fullDepartments.add(k);
        hits.push(hit(ps, "department", ps[0].department ?? ""));
      }
    }
    for (const [, ps] of group((p) => (p.unit ? `${departmentKey(p.department)}|${nameKey(p.unit)}` : ""))) {
      if (fullDepartments.has(departmentKey(ps[0].department))) continue;
      if (ps.length >= minProjects && ps.every(full)) hits.push(hit(ps, "unit", ps[0].unit ?? ""));
    }
    return hits;
  },
};
