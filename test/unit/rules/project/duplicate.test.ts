import { rule } from "../../../../src/engine/rules/project/duplicate";
import { testRule } from "../../../helpers/rule-tester";
import { makeIndicator, makeProject } from "../../../helpers/factories";

const at = (file: string, sheet = "S") => ({ location: { file, sheet, cell: "A1" }, id: `${file}!${sheet}` });

testRule(rule, {
  valid: [
    { name: "different projects", projects: [makeProject({ ...at("a.xlsx"), name: "甲" }), makeProject({ ...at("b.xlsx"), name: "乙" })] },
    { name: "same name in different departments", projects: [makeProject({ ...at("a.xlsx"), name: "工资性支出", department: "区民政局" }), makeProject({ ...at("b.xlsx"), name: "工资性支出", department: "区水利局" })] },
    { name: "a goal table and the self-assessment of one project", projects: [makeProject({ ...at("a.xlsx"), name: "甲", template: "goal" }), makeProject({ ...at("a.xlsx", "T"), name: "甲" })] },
  ],
  invalid: [
    {
      name: "same code: the later copy, naming the first",
      projects: [makeProject({ ...at("a.xlsx"), name: "甲", code: "341302230000001" }), makeProject({ ...at("b.xlsx"), name: "甲项目", code: "341302230000001", department: "区水利局" })],
      hits: [{ cell: "B6", data: { how: "code", code: "341302230000001", firstRef: "[a.xlsx]S!B6" } }],
    },
    {
      name: "same name and department",
      projects: [makeProject({ ...at("a.xlsx"), name: "养老补贴", indicators: [makeIndicator()] }), makeProject({ ...at("a.xlsx", "T"), name: "养老 补贴" })],
      hits: [{ sheet: "T", data: { how: "name", firstRef: "S!B6" } }],
    },
    {
      name: "an identical form three times: reported twice (each later copy once)",
      projects: [makeProject({ ...at("a.xlsx"), name: "甲", department: null }), makeProject({ ...at("b.xlsx"), name: "甲", department: null }), makeProject({ ...at("c.xlsx"), name: "甲", department: null })],
      hits: [{ data: { how: "content" } }, { data: { how: "content" } }],
    },
  ],
});
