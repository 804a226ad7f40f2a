import type { RunRule } from "../types";
import { departmentFit, unmatchedReviews } from "../../match";
import { pts, reviewPlace, reviewRowHit } from "./shared";

/**
 * A project on a spot-check sheet (list row or per-indicator sheet) for which no self-assessment was found
 * in the run. A list row and a per-indicator sheet of the same project give one finding.
 */
export const rule: RunRule = {
  id: "spotcheck/no-self-assessment",
  severity: "error",
  title: { zh: "复核项目无自评", en: "Reviewed project without a self-assessment" },
  scope: "run",
  docs: {
    zh:
      "抽查复核表中的项目在本次检查的工作簿中找不到对应的绩效自评表（按项目编码，或项目名称加主管部门匹配；绩效目标表不算自评表）。" +
      "可能是未按要求开展自评，也可能是自评表未一并导入或名称、编码不一致。结果指向复核表中该项目所在行。",
    en:
      "A project on a spot-check sheet has no self-assessment among the checked workbooks (matched by project code, else by name plus " +
      "department; a goal table is not a self-assessment). Either no self-assessment was done, or it was not imported, or its name or code differs. Points at the review row.",
  },
  message: {
    zh: (d) =>
      `抽查复核表中的项目“${d.project}”${d.department ? `（${d.department}）` : ""}未找到对应的绩效自评表` +
      `${d.reviewScore !== null && d.reviewScore !== undefined ? `（复核得分${pts(d.reviewScore)}分）` : ""}。` +
      (d.hint === "goal-only" ? "仅找到该项目的绩效目标表。" : d.hint === "other-department" ? `同名自评表的主管部门为${d.otherDepartments}，与复核表不一致。` : ""),
    en: (d) =>
      `No self-assessment was found for "${d.project}"${d.department ? ` (${d.department})` : ""} listed on the spot-check sheet` +
      `${d.reviewScore !== null && d.reviewScore !== undefined ? ` (review score ${pts(d.reviewScore)})` : ""}.` +
      (d.hint === "goal-only" ? " Only its goal table was found." : d.hint === "other-department" ? ` A self-assessment of that name belongs to ${d.otherDepartments}, not the listed department.` : ""),
  },
  suggestion: {
    zh: () => "核实该项目是否开展了绩效自评：已自评的，将自评表一并导入检查（项目名称、编码、主管部门应与复核表一致）；未按要求开展自评的，按规定予以通报。",
    en: () => "Check whether the project was self-assessed: if so, import its self-assessment too (same name, code and department as on the spot-check sheet); if not, report it (通报) as required.",
  },
  check(run, ctx) {
    return unmatchedReviews(run.reviews, run.reviewMatches, run.projects, ctx.profile).map((u) => {
      const loc = u.entry.location;
      const department = u.entries.find((e) => e.department)?.department ?? null;
      const forms = u.sameNamed.filter((p) => p.template !== "goal");
      const others = department ? forms.filter((p) => departmentFit(p, department) === 0) : [];
      const hint = others.length > 0 ? "other-department" : u.sameNamed.length > 0 && forms.length === 0 ? "goal-only" : null;
      return reviewRowHit(u.entry, {
        project: u.entry.name,
        code: u.entry.code,
        department,
        reviewScore: u.score,
        reviewGrade: u.grade,
        listedSelfScore: u.entry.selfScore,
        ...reviewPlace(loc),
        hint,
        otherDepartments: others.map((p) => p.department ?? "—").join("、") || null,
      });
    });
  },
};
