import { rule } from "../../../../src/engine/rules/template/missing-field";
import { testRule } from "../../../helpers/rule-tester";
import { makeProject } from "../../../helpers/factories";
import { getProfile } from "../../../../src/engine/profiles";

testRule(rule, {
  valid: [
    { name: "all three fields filled", project: makeProject() },
    {
      name: "department-level form needs only the department",
      project: makeProject({ template: "department-self-assessment", name: "某区卫生健康委员会", unit: null, fieldCells: { name: null, department: "B2", unit: null } }),
    },
  ],
  invalid: [
    {
      name: "unit missing points at its cell",
      project: makeProject({ unit: null, fieldCells: { name: "C6", department: "C7", unit: "G7" } }),
      hits: [{ cell: "G7", data: { field: "unit" } }],
    },
    {
      name: "blank department and no unit label at all",
      project: makeProject({ department: "  ", unit: null, fieldCells: { name: "C6", department: "C7", unit: null } }),
      hits: [
        { cell: "C7", data: { field: "department" } },
        { cell: "B4", data: { field: "unit" } },
      ],
    },
    {
      name: "project name empty",
      project: makeProject({ name: "" }),
      hits: [{ cell: "B6", data: { field: "name" } }],
    },
    {
      name: "severity follows the profile",
      project: makeProject({ unit: null }),
      options: { profile: { ...getProfile("national"), severity: { "template/missing-field": "warning" } } },
      hits: [{ severity: "warning", data: { field: "unit" } }],
    },
  ],
});
