import type { RunRule } from "../types";

/**
 * A blank, unfilled template (facts.ts isBlankForm: no 项目名称, 主管部门, 实施单位, no actual value, no score) is
 * no submission. It is said once, here, instead of as a project with every field and category missing; it is not
 * counted as a project nor written as a row of 评价汇总.
 */
export const rule: RunRule = {
  id: "template/blank",
  severity: "info",
  title: { zh: "空白模板", en: "Blank templates" },
  scope: "run",
  docs: {
    zh: "工作表是尚未填写的空白模板（项目名称、主管部门、实施单位、完成值和得分均为空），不作为项目统计，也不写入评价汇总。",
    en: "The sheet is a blank template nobody has filled in (no project name, department, unit, actual values or scores); it is not counted as a project nor written to 评价汇总.",
  },
  message: {
    zh: (d) => `工作表“${d.sheet}”是尚未填写的空白${d.form}，未作为项目检查。`,
    en: (d) => `Sheet "${d.sheet}" is a blank ${d.formEn} that has not been filled in; it was not checked as a project.`,
  },
  suggestion: {
    zh: () => "填写项目名称、主管部门、实施单位和各项指标的完成值后再检查；如不需要，可删除该工作表。",
    en: () => "Fill in the project name, department, unit and the indicators' actual values, then check again; delete the sheet if it is not needed.",
  },
  check(run) {
    const forms = {
      "self-assessment": { zh: "项目支出绩效自评表", en: "self-assessment form" },
      "department-self-assessment": { zh: "部门整体支出绩效自评表", en: "department self-assessment form" },
      goal: { zh: "绩效目标表", en: "goal table" },
    } as const;
    return (run.blankForms ?? []).map((p) => ({
      cell: p.fieldCells.name ?? p.location.cell,
      file: p.location.file,
      sheet: p.location.sheet,
      project: null,
      data: { sheet: p.location.sheet, form: forms[p.template].zh, formEn: forms[p.template].en },
    }));
  },
};
