import { rule } from "../../../../src/engine/rules/goal/indicator-dropped";
import { testRule } from "../../../helpers/rule-tester";
import { makeIndicator } from "../../../helpers/factories";
import { goalProject, NAME, type Row, selfProject } from "./fixtures";
import type { Indicator, Project } from "../../../../src/engine/model";


function goalInd([name, target, level2 = "quantity", level1 = "output", cell = "D21"]: Row, block: "annual" | "midterm" = "annual"): Indicator {
  const r = cell.slice(1);
  return makeIndicator({ name, target, actual: null, weight: null, level1, level2, block, cell, cells: { name: cell, target: `E${r}`, actual: null, weight: null, score: null, reason: null, reviewScore: null } });
}
function selfInd([name, target, level2 = "quantity", level1 = "output", cell = "E16"]: Row): Indicator {
  return makeIndicator({ name, target, actual: "1", level1, level2, cell });
}
function goal(rows: Row[], midterm: Row[] = [], init: Partial<Project> = {}): Project {
  const mid = midterm.map((r) => goalInd(r, "midterm")); // the 中期 rows first, as they stand in the sheet
  return goalProject(rows.map((r) => goalInd(r)), mid, init);
}
function self(rows: Row[], init: Partial<Project> = {}): Project {
  return selfProject(rows.map(selfInd), "219-县教育和体育局", init);
}

const annual: Row[] = [
  ["改造学校数", "≥12所", "quantity", "output", "D21"],
  ["验收合格率", "100%", "quality", "output", "D23"],
  ["消除安全隐患校舍数", "≥20栋", "social", "effect", "D26"],
  ["师生及家长满意度", "≥90%", "satisfaction", "satisfaction", "D28"],
];

testRule(rule, {
  valid: [
    {
      name: "every annual indicator present (names normalised, targets may differ)",
      projects: [
        goal(annual),
        self([
          ["改造学校数", "≥10所", "quantity", "output", "E16"],
          ["验收合格率（%）", "100%", "quality", "output", "E17"],
          ["消除安全隐患 校舍数", "≥20栋", "social", "effect", "E18"],
          ["师生及家长满意度", "≥90%", "satisfaction", "satisfaction", "E19"],
        ]),
      ],
    },
    {
      name: "中期 indicators missing from the self-assessment are not reported",
      projects: [goal([annual[0]], [["完成时间", "2026年底前", "timeliness", "output", "D15"], ["C级校舍存量", "=0栋", "social", "effect", "D17"]]), self([annual[0]])],
    },
    { name: "a self-assessment with no indicators read (other rules report it)", projects: [goal(annual), self([])] },
    { name: "a goal table of another department", projects: [goal(annual, [], { department: "区民政局" }), self([annual[0]])] },
    { name: "a goal table alone", project: goal(annual) },
    { name: "self-assessments are compared with goal tables only, not with each other", projects: [self(annual), self([annual[0]], { id: "other!1" })] },
  ],
  invalid: [
    {
      name: "missing indicators point at their 二级 (or 一级) group on the self-assessment and name the goal cell",
      projects: [
        goal(annual),
        self([
          ["改造学校数", "≥12所", "quantity", "output", "E16"],
          ["验收合格率", "100%", "quality", "output", "E17"],
          ["受益学生数", "≥5000人", "social", "effect", "E18"],
        ]),
      ],
      hits: [
        { cell: "E18", sheet: "自评表", project: NAME, data: { indicator: "消除安全隐患校舍数", goalTarget: "≥20栋", goalFile: "goal.xlsx", goalSheet: "绩效目标申报表", goalCell: "D26", goalRef: "[goal.xlsx]绩效目标申报表!D26" } },
        { cell: "B4", data: { indicator: "师生及家长满意度", goalCell: "D28" } },
      ],
    },
    {
      name: "two blocks: compared on the 年度 block only",
      projects: [goal([annual[0], annual[1]], [annual[0], ["完成时间", "2026年底前", "timeliness", "output", "D15"]]), self([["改造学校数", "≥12所", "quantity", "output", "E16"]])],
      hits: [{ cell: "E16", data: { indicator: "验收合格率", goalCell: "D23" } }],
    },
    {
      name: "repeated names: the one under another 二级 is missing",
      projects: [
        goal([
          ["完成率", "≥95%", "quantity", "output", "D21"],
          ["完成率", "100%", "quality", "output", "D22"],
        ]),
        self([["完成率", "100%", "quality", "output", "E17"]]),
      ],
      hits: [{ cell: "E17", data: { indicator: "完成率", goalTarget: "≥95%", goalCell: "D21" } }],
    },
  ],
});
