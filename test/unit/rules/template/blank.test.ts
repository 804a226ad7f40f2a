import { check } from "../../../../src/engine";
import { readWorkbook } from "../../../../src/engine/read";
import { rule } from "../../../../src/engine/rules/template/blank";
import { blankTemplates } from "../../../../src/engine/templates";
import { makeBudget, makeIndicator, makeProject } from "../../../helpers/factories";
import { testRule } from "../../../helpers/rule-tester";
import type { Grid } from "../../../../src/engine/grid";
import type { TemplatePlan } from "../../../../src/engine/templates";

const planToGrid = (plan: TemplatePlan): Grid => ({ sheet: plan.name, top: 0, left: 0, values: plan.rows.map((r) => r.map((c) => c.v as Grid["values"][number][number])), merges: plan.merges });

const blank = (init: Parameters<typeof makeProject>[0] = {}) =>
  makeProject({ name: "", department: null, unit: null, budget: makeBudget({ initial: null, adjusted: null, executed: null }), ...init });

testRule(rule, {
  valid: [
    { name: "a filled form", project: makeProject() },
    { name: "a form with a name only is a submission (its missing fields are reported by other rules)", project: blank({ name: "养老服务补贴" }) },
    { name: "a form with an actual value is a submission", project: blank({ indicators: [makeIndicator({ name: "补贴人数", target: "≥100人", actual: "120人" })] }) },
    { name: "a form with a stated 总分 is a submission", project: blank({ statedTotal: 88 }) },
    { name: "targets written in make a submission (a goal table whose header was left blank)", project: blank({ indicators: [makeIndicator({ name: "补贴人数", target: "≥100人", actual: "" })] }) },
    { name: "amounts written in make a submission", project: blank({ budget: makeBudget({ initial: 20, adjusted: null, executed: null }) }) },
  ],
  invalid: [
    {
      name: "an empty form is said once",
      project: blank({ statedTotal: 0 }),
      hits: [{ sheet: "Sheet1", cell: "B6", project: null, data: { form: "项目支出绩效自评表" } }],
    },
    {
      name: "placeholder rows of the template (no target, no actual) do not make a submission",
      project: blank({ indicators: [makeIndicator({ name: "补贴人数", target: "", actual: "" })] }),
      hits: [{ sheet: "Sheet1", project: null }],
    },
  ],
});

describe("blank forms in a check", () => {
  test("the inserted blank templates are no projects: one finding each, no rows, no errors", () => {
    const reading = readWorkbook({ file: "blank.xlsx", grids: blankTemplates().map((p) => planToGrid(p)) });
    const report = check([reading]);
    expect(report.projects).toEqual([]);
    expect(report.summary.projects).toBe(0);
    expect(report.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(report.findings.filter((f) => f.rule === "template/blank").map((f) => f.sheet).sort()).toEqual(["项目支出绩效目标表", "项目支出绩效自评表"].sort());
  });
});
