import { rule } from "../../../../src/engine/rules/indicator/copied-across-departments";
import { testRule } from "../../../helpers/rule-tester";
import { makeIndicator, makeProject } from "../../../helpers/factories";

let n = 0;
type Row = { name: string; target: string; level1?: "output" | "effect" | "satisfaction" };
const form = (department: string, indicators: Row[]) =>
  makeProject({
    id: `f!${++n}`,
    name: `项目${n}`,
    department,
    location: { file: `${String(n).padStart(2, "0")}.xlsx`, sheet: "S", cell: "A1" },
    indicators: indicators.map((i) =>
      makeIndicator({ ...i, level1: i.level1 ?? "satisfaction", level2: i.level1 === "output" ? "quantity" : i.level1 === "effect" ? "social" : "satisfaction" }),
    ),
  });

const sat = { name: "服务对象满意度", target: "≥95%" };

testRule(rule, {
  valid: [
    { name: "the same indicator within one department", projects: [form("区民政局", [sat]), form("区民政局", [sat])] },
    { name: "same name, different targets", projects: [form("区民政局", [sat]), form("区水利局", [{ ...sat, target: "≥90%" }])] },
    { name: "short generic names are not compared", projects: [form("区民政局", [{ name: "满意度", target: "≥95%" }]), form("区水利局", [{ name: "满意度", target: "≥95%" }])] },
    {
      name: "output quantities are not compared",
      projects: [form("区民政局", [{ name: "系统运维台数", target: "≥323台", level1: "output" }]), form("区水利局", [{ name: "系统运维台数", target: "≥323台", level1: "output" }])],
    },
    { name: "placeholder targets are target/placeholder's", projects: [form("区民政局", [{ name: "服务对象满意度", target: "≥**%" }]), form("区水利局", [{ name: "服务对象满意度", target: "≥**%" }])] },
  ],
  invalid: [
    {
      name: "copied across three departments: once, at the first occurrence",
      projects: [form("区民政局", [sat]), form("区水利局", [sat]), form("区文旅局", [{ name: "服务对象 满意度", target: "≥95%" }])],
      hits: [{ cell: "E16", data: { name: "服务对象满意度", target: "≥95%", projects: 3, departments: 3 } }],
    },
    {
      name: "two shared indicators: one finding each",
      projects: [form("区民政局", [sat, { name: "群众生活改善率", target: "100%", level1: "effect" }]), form("区水利局", [sat, { name: "群众生活改善率", target: "100%", level1: "effect" }])],
      hits: [{ data: { name: "服务对象满意度" } }, { data: { name: "群众生活改善率", departments: 2 } }],
    },
  ],
});
