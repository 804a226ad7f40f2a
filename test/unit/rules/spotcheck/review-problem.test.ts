import { check } from "../../../../src/engine";
import type { Grid } from "../../../../src/engine/grid";
import { readWorkbook, type WorkbookReading } from "../../../../src/engine/read";
import { rule } from "../../../../src/engine/rules/spotcheck/review-problem";
import { actualPerformancePlan, problemsPlan } from "../../../../src/engine/sample/plans";
import type { TemplatePlan } from "../../../../src/engine/templates";
import { testRule } from "../../../helpers/rule-tester";
import { makeIndicator, makeProject } from "../../../helpers/factories";

const project = makeProject({
  id: "a.xlsx!S!1",
  name: "社区居家养老服务补贴",
  code: "341302230000001",
  location: { file: "a.xlsx", sheet: "S", cell: "A1" },
  indicators: [makeIndicator({ name: "服务人次", target: "", actual: "" }), makeIndicator({ name: "设施数量", target: "≥5个", actual: "" })],
});
const forms: WorkbookReading = { file: "a.xlsx", sheets: [], projects: [project], reviews: [] };
const findings = check([forms]).findings.filter((f) => f.projectId === project.id);

const gridOf = (plan: TemplatePlan, edit?: (values: (string | number | null)[][], header: number, col: (label: string) => number) => void): Grid => {
  const values = plan.rows.map((r) => r.map((c) => c.v));
  const header = values.findIndex((r) => r.includes("问题描述"));
  if (edit) edit(values, header, (label) => values[header].indexOf(label));
  return { sheet: plan.name, top: 0, left: 0, values, merges: plan.merges };
};

/** The review workbook of the project, its 抽评发现的问题 edited by the reviewer. */
function reviewed(edit?: Parameters<typeof gridOf>[1], file = "341302230000001&社区居家养老服务补贴&20240320.xlsx"): WorkbookReading {
  return readWorkbook({ file, grids: [gridOf(actualPerformancePlan(project)), gridOf(problemsPlan([{ project, findings }]), edit)] });
}

const CONFIRM = "复核确认（是/否）";

testRule(rule, {
  valid: [
    { name: "nothing confirmed or added: the prefilled findings are this run's own", readings: [forms, reviewed()] },
    {
      name: "prefilled rows marked 否",
      readings: [forms, reviewed((v, h, col) => v.slice(h + 1).forEach((row) => row[col("级别")] !== null && (row[col(CONFIRM)] = "否")))],
    },
    { name: "no review workbook", readings: [forms] },
  ],
  invalid: [
    {
      name: "a confirmed prefilled finding and an added problem, on the project, at their descriptions",
      readings: [
        forms,
        reviewed((v, h, col) => {
          v[h + 1][col(CONFIRM)] = "是";
          v[h + 1][col("复核意见")] = "情况属实";
          const blank = v.findIndex((row, i) => i > h && row[col("级别")] === null);
          v[blank][col("问题描述")] = "满意度调查无问卷佐证";
        }),
      ],
      hits: [
        { cell: "E4", project: project.name, sheet: "抽评发现的问题", data: { kind: "confirmed", note: "情况属实" } },
        { project: project.name, data: { kind: "added", description: "满意度调查无问卷佐证", note: null } },
      ],
    },
    {
      name: "a problem naming no project read is still reported, at its row",
      readings: [
        reviewed((v, h, col) => {
          const blank = v.findIndex((row, i) => i > h && row[col("级别")] === null);
          v[blank][col("问题描述")] = "未提供佐证材料";
        }),
      ],
      hits: [{ project: project.name, data: { kind: "added" } }],
    },
  ],
});

test("the finding belongs to the project (问题清单 and its counts)", () => {
  const r = check([forms, reviewed((v, h, col) => (v[h + 1][col(CONFIRM)] = "是"))]);
  const f = r.findings.find((x) => x.rule === rule.id)!;
  expect(f.projectId).toBe(project.id);
  expect(f.file).toBe("341302230000001&社区居家养老服务补贴&20240320.xlsx");
});
