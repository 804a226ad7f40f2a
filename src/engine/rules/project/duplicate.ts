import type { Project } from "../../model";
import { departmentKey, nameKey } from "../../read/normalise";
import { cellRef } from "../spotcheck/shared";
import type { Hit, RunRule } from "../types";

/** What a form's content is, for "the same form submitted twice" (another file, or another sheet). */
function contentKey(p: Project): string {
  const b = p.budget;
  return JSON.stringify([
    nameKey(p.name),
    departmentKey(p.department),
    nameKey(p.unit),
    b ? [b.initial, b.adjusted, b.executed] : null,
    p.indicators.map((i) => [nameKey(i.name), i.target.raw, i.actual?.raw ?? null, i.weight, i.score]),
    p.statedTotal,
  ]);
}

/**
 * The same project submitted twice: the same project code, or the same name in the same department and unit (units
 * of one department often run projects of the same name: 公用经费), or the
 * identical form in two places. It is counted once (the sample draws it once, the reviewer sees it once): the
 * later copy (by file, sheet, position) is reported, once, naming where the first one is and why they are the same.
 */
export const rule: RunRule = {
  id: "project/duplicate",
  severity: "warning",
  title: { zh: "项目重复报送", en: "Project submitted twice" },
  scope: "run",
  docs: {
    zh:
      "同一项目重复报送：项目编码相同，或同一主管部门、同一实施单位下项目名称相同，或两处自评表内容完全相同。只计一次：" +
      "在后出现的一份上报告一次，注明第一份的位置和判定依据。",
    en:
      "The same project submitted twice: the same project code, or the same name in the same department and unit, or two identical forms. " +
      "Counted once: reported once, on the later copy, naming where the first is and why they are the same.",
  },
  message: {
    zh: (d) => `项目“${d.project}”重复报送（${d.how === "code" ? `项目编码${d.code}相同` : d.how === "content" ? "自评表内容完全相同" : "同一单位下项目名称相同"}），第一份见${d.firstRef}。`,
    en: (d) =>
      `The project "${d.project}" was submitted twice (${d.how === "code" ? `same project code ${d.code}` : d.how === "content" ? "identical forms" : "same name in the same unit"}); the first copy is at ${d.firstRef}.`,
  },
  suggestion: {
    zh: () => "保留一份有效的自评表，删除或退回重复报送的一份；如确为不同项目，请区分项目名称并填写项目编码。",
    en: () => "Keep one valid form and withdraw the duplicate; if they are different projects, tell them apart by name and fill in the project codes.",
  },
  check(run) {
    const forms = run.projects.filter((p) => p.template !== "goal");
    const seen = new Map<string, Project>();
    const hits: Hit[] = [];
    for (const p of forms) {
      const keys: [string, "code" | "name" | "content"][] = [];
      if (p.code) keys.push([`code:${nameKey(p.code)}`, "code"]);
      keys.push([`content:${contentKey(p)}`, "content"]);
      if (p.scope !== "department" && p.department) keys.push([`name:${departmentKey(p.department)}|${nameKey(p.unit)}|${nameKey(p.name)}`, "name"]);
      const prior = keys.map(([k, how]) => ({ first: seen.get(k), how })).find((x) => x.first !== undefined);
      for (const [k] of keys) if (!seen.has(k)) seen.set(k, p);
      if (!prior?.first) continue;
      const first = prior.first;
      hits.push({
        cell: p.fieldCells.name ?? p.location.cell,
        project: p,
        data: { project: p.name, how: prior.how, code: p.code, firstRef: cellRef({ ...first.location, cell: first.fieldCells.name ?? first.location.cell }, p.location.file) },
      });
    }
    return hits;
  },
};
