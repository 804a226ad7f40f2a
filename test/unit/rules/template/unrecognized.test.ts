import { rule } from "../../../../src/engine/rules/template/unrecognized";
import { testRule } from "../../../helpers/rule-tester";
import { makeProject } from "../../../helpers/factories";

testRule(rule, {
  valid: [
    { name: "only template sheets", project: makeProject(), sheets: [{ file: "a.xlsx", sheet: "自评表", kind: "self-assessment", projects: 1 }] },
    {
      name: "spot-check and output sheets are not reported",
      sheets: [
        { file: "a.xlsx", sheet: "抽查复核汇总", kind: "spot-check-list", projects: 0 },
        { file: "a.xlsx", sheet: "评价汇总", kind: "output", projects: 0 },
      ],
    },
  ],
  invalid: [
    {
      name: "a ledger sheet is listed as skipped",
      sheets: [
        { file: "a.xlsx", sheet: "自评表", kind: "self-assessment", projects: 1 },
        { file: "a.xlsx", sheet: "明细账", kind: "unrecognized", projects: 0 },
      ],
      hits: [{ sheet: "明细账", cell: null, project: null, data: { sheet: "明细账" } }],
    },
  ],
});
