import type { ProjectRule } from "../types";

const FIELDS = [
  { key: "name", zh: "项目名称", en: "project name" },
  { key: "department", zh: "主管部门", en: "department" },
  { key: "unit", zh: "实施单位", en: "implementing unit" },
] as const;

/** 项目名称, 主管部门 or 实施单位 missing or empty. */
export const rule: ProjectRule = {
  id: "template/missing-field",
  severity: "error",
  title: { zh: "基本信息缺失", en: "Missing project name, department or unit" },
  scope: "project",
  docs: {
    zh: "项目名称、主管部门、实施单位是自评表和目标表的必填项。部门整体自评表只需主管部门。",
    en: "Project name, department and implementing unit are required on project forms; department-level forms need the department only.",
  },
  message: {
    zh: (d) => `未填写${d.fieldZh}。`,
    en: (d) => `The ${d.fieldEn} is missing.`,
  },
  suggestion: {
    zh: (d) => `在“${d.fieldZh}”一栏填写完整名称。`,
    en: (d) => `Fill in the ${d.fieldEn} (${d.fieldZh}).`,
  },
  check(p) {
    const fields = p.template === "department-self-assessment" ? FIELDS.filter((f) => f.key === "department") : FIELDS;
    return fields
      .filter((f) => !p[f.key] || p[f.key]!.trim() === "")
      .map((f) => ({
        cell: p.fieldCells[f.key] ?? p.location.cell,
        data: { field: f.key, fieldZh: f.zh, fieldEn: f.en },
      }));
  },
};
