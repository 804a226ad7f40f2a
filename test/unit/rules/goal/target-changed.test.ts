import { rule } from "../../../../src/engine/rules/goal/target-changed";
import { testRule } from "../../../helpers/rule-tester";
import { makeIndicator } from "../../../helpers/factories";
import { goalProject, NAME, type Row, selfProject } from "./fixtures";
import type { Indicator, Project } from "../../../../src/engine/model";

let row = 20;

function goalInd([name, target, level2 = "quantity", level1 = "output"]: Row, block: "annual" | "midterm" = "annual"): Indicator {
  const r = row++;
  return makeIndicator({
    name,
    target,
    actual: null,
    weight: null,
    level1,
    level2,
    block,
    cell: `D${r}`,
    cells: { name: `D${r}`, target: `E${r}`, actual: null, weight: null, score: null, reason: null, reviewScore: null },
  });
}
function selfInd([name, target, level2 = "quantity", level1 = "output"]: Row): Indicator {
  const r = row++;
  return makeIndicator({ name, target, actual: "1", level1, level2, cell: `E${r}`, cells: { name: `E${r}`, target: `F${r}`, actual: `G${r}`, weight: `H${r}`, score: `I${r}`, reason: null, reviewScore: null } });
}
function goal(rows: Row[], midterm: Row[] = [], init: Partial<Project> = {}): Project {
  const mid = midterm.map((r) => goalInd(r, "midterm")); // the 中期 rows first, as they stand in the sheet
  return goalProject(rows.map((r) => goalInd(r)), mid, init);
}
function self(rows: Row[], init: Partial<Project> = {}): Project {
  return selfProject(rows.map(selfInd), "县教育和体育局", init);
}
const pair = (g: Row[], s: Row[], gi: Partial<Project> = {}, si: Partial<Project> = {}) => ({ projects: [goal(g, [], gi), self(s, si)] });

testRule(rule, {
  valid: [
    { name: "same targets", ...pair([["改造学校数", "≥12所"]], [["改造学校数", "≥12所"]]) },
    { name: "thousands separator: ≥1200人 = ≥1,200人", ...pair([["服务人数", "≥1200人"]], [["服务人数", "≥1,200人"]]) },
    { name: "full-width operator and digits", ...pair([["服务人数", "≥1200人"]], [["服务人数", "＞＝１２００人"]]) },
    { name: "scaled units: 2.1万平方米 = 21000平方米", ...pair([["改造校舍面积", "≥2.1万平方米"]], [["改造校舍面积", "≥21000平方米"]]) },
    { name: "no operator means the direction's default (≥)", ...pair([["改造学校数", "12所"]], [["改造学校数", "≥12所"]]) },
    { name: "no operator on a cost row means ≤", ...pair([["每平方米改造成本", "≤380元", "cost"]], [["每平方米改造成本", "380元", "cost"]]) },
    { name: "100%, =100% and ≥100% are one target", ...pair([["验收合格率", "100%", "quality"]], [["验收合格率", "=100%", "quality"]]) },
    { name: "a unit written on one side only", ...pair([["改造学校数", "≥12所"]], [["改造学校数", "≥12"]]) },
    { name: "deadlines compare as dates: 当年11月底前 = 11月底前", ...pair([["完工时间", "当年11月底前", "timeliness"]], [["完工时间", "11月底前", "timeliness"]]) },
    { name: "words compare normalised", ...pair([["消除安全隐患", "有效消除", "social", "effect"]], [["消除安全隐患", "有效消除。", "social", "effect"]]) },
    { name: "indicator names compare normalised", ...pair([["师生及家长满意度", "≥90%", "satisfaction", "satisfaction"]], [["师生及家长 满意度（%）", "≥90%", "satisfaction", "satisfaction"]]) },
    {
      name: "the 中期 block is not compared (only the 年度 block)",
      projects: [goal([["改造学校数", "≥12所"]], [["改造学校数", "≥36所"]]), self([["改造学校数", "≥12所"]])],
    },
    { name: "a placeholder or empty target is not compared (target/* rules report it)", ...pair([["改造学校数", "≥12所"]], [["改造学校数", "≥**所"]]) },
    { name: "a goal table of another department is another project", ...pair([["改造学校数", "≥12所"]], [["改造学校数", "≥10所"]], { department: "某镇人民政府" }) },
    { name: "a goal table of another year is not compared", ...pair([["改造学校数", "≥12所"]], [["改造学校数", "≥10所"]], { year: 2024 }, { year: 2023 }) },
    { name: "no goal table", project: self([["改造学校数", "≥10所"]]) },
  ],
  invalid: [
    {
      name: "number changed: at the self-assessment's target cell, both targets in the message",
      ...pair([["改造学校数", "≥12所"]], [["改造学校数", "≥10所"]]),
      hits: [
        {
          sheet: "自评表",
          project: NAME,
          data: { indicator: "改造学校数", goalTarget: "≥12所", selfTarget: "≥10所", goalFile: "goal.xlsx", goalSheet: "绩效目标申报表", goalRef: expect.stringMatching(/^\[goal\.xlsx\]绩效目标申报表!E\d+$/) as unknown as string },
        },
      ],
    },
    { name: "operator flipped", ...pair([["每平方米改造成本", "≤380元", "cost"]], [["每平方米改造成本", "≥380元", "cost"]]), hits: [{ data: { goalTarget: "≤380元" } }] },
    { name: "unit that cannot be reconciled", ...pair([["受益人数", "≥1200人"]], [["受益人数", "≥1200户"]]), hits: [{ data: { selfTarget: "≥1200户" } }] },
    { name: "scale changed: 2.1万平方米 vs 2100平方米", ...pair([["改造校舍面积", "≥2.1万平方米"]], [["改造校舍面积", "≥2100平方米"]]), hits: [{}] },
    { name: "words changed", ...pair([["安全隐患", "全部消除", "social", "effect"]], [["安全隐患", "基本消除", "social", "effect"]]), hits: [{ data: { goalTarget: "全部消除", selfTarget: "基本消除" } }] },
    { name: "deadline moved", ...pair([["完工时间", "11月底前", "timeliness"]], [["完工时间", "12月底前", "timeliness"]]), hits: [{}] },
    { name: "number replaced by words", ...pair([["改造学校数", "≥12所"]], [["改造学校数", "按计划完成"]]), hits: [{}] },
    {
      name: "repeated names are paired by 二级",
      ...pair(
        [
          ["完成率", "≥95%", "quantity"],
          ["完成率", "=100%", "quality"],
        ],
        [
          ["完成率", "100%", "quality"],
          ["完成率", "≥90%", "quantity"],
        ],
      ),
      hits: [{ data: { goalTarget: "≥95%", selfTarget: "≥90%" } }],
    },
    {
      name: "matched by project code across names and departments; goal in the same file",
      projects: [
        goal([["改造学校数", "≥12所"]], [], { code: "34132101X000000000001", name: "校舍维修", department: null, location: { file: "self.xlsx", sheet: "目标表", cell: "A1" } }),
        self([["改造学校数", "≥11所"]], { code: "34132101X000000000001" }),
      ],
      hits: [{ data: { goalRef: expect.stringMatching(/^目标表!E\d+$/) as unknown as string } }],
    },
    {
      name: "two blocks: only the 年度 target is the reference",
      projects: [goal([["改造学校数", "≥12所"]], [["改造学校数", "≥36所"]]), self([["改造学校数", "≥36所"]])],
      hits: [{ data: { goalTarget: "≥12所", selfTarget: "≥36所" } }],
    },
  ],
});
