/** SheetPlans for the Office.js write tests and the benchmark. */
import type { PlanCell, SheetPlan } from "../../../src/engine/summary/plan";
import type { TemplatePlan } from "../../../src/adapters/officejs/host";

/** Strings Excel would turn into formulas, numbers, dates or booleans if typed. */
export const TRICKY_TEXT = ["=SUM(A1:A3)", "+86 138 0000 0000", "-", "-5%", "@home", "'quoted", "0012", "1/2", "2024年1月1日", "TRUE", "50%", "=1+2"];

/** A 评价汇总-like plan: title, header, `projects` rows with links and formats, a chart. */
export function summaryPlan(projects = 3): SheetPlan {
  const header: PlanCell[] = ["序号", "主管部门", "项目名称", "全年预算数", "执行率", "自评得分", "等级", "所在工作表"].map((v) => ({ v, style: "header" }));
  const body = (cell: PlanCell): PlanCell => ({ ...cell, border: true });
  const rows: PlanCell[][] = [
    [{ v: "评价汇总", style: "title" }],
    [{ v: "共 3 个项目", style: "subtitle" }],
    [{ v: "优", style: "label" }, { v: 1 }],
    [{ v: "良", style: "label" }, { v: 1 }],
    [{ v: "中", style: "label" }, { v: 1 }],
    [{ v: "差", style: "label" }, { v: 0 }],
    header,
  ];
  for (let i = 0; i < projects; i++) {
    const cells: PlanCell[] = [
        { v: i + 1 },
        { v: "县教育局" },
        { v: i === 0 ? "=危险的项目名" : `项目${i + 1}` },
        { v: 1234.5 + i, fmt: "#,##0.00" },
        { v: 0.93, fmt: "0.00%" },
        { v: 91.5 - i, fmt: "0.00" },
        { v: i === 2 ? "差" : "优", style: i === 2 ? "error" : undefined },
        { v: `自评表${i + 1}`, link: { sheet: `自评表${i + 1}`, cell: "B2" } },
    ];
    rows.push(cells.map(body));
  }
  return {
    name: "评价汇总",
    rows,
    widths: [6, 16, 30, 12, 10, 10, 8, 14],
    merges: [{ top: 0, left: 0, bottom: 0, right: 7 }],
    freezeRows: 7,
    filter: `A7:H${7 + projects}`,
    chart: { type: "pie", title: "等级分布", categories: "A3:A6", values: "B3:B6", anchor: "J2", to: "P16", seriesName: "项目数" },
  };
}

/** A 问题清单-like plan whose texts are the tricky strings. */
export function issuesPlan(): SheetPlan {
  const rows: PlanCell[][] = [["序号", "级别", "规则", "说明"].map((v) => ({ v, style: "header" as const }))];
  TRICKY_TEXT.forEach((text, i) =>
    rows.push([{ v: i + 1 }, { v: "错误", style: "error" }, { v: "target/missing" }, { v: text, wrap: true }]),
  );
  return { name: "问题清单", rows, widths: [6, 8, 20, 60], merges: [], freezeRows: 1 };
}

/** A long 问题清单: `n` findings (for payload tests). */
export function longIssuesPlan(n: number): SheetPlan {
  const rows: PlanCell[][] = [["序号", "级别", "规则", "项目", "工作表", "单元格", "说明", "建议"].map((v) => ({ v, style: "header" as const }))];
  for (let i = 0; i < n; i++) {
    rows.push([
      { v: i + 1 },
      { v: i % 3 === 0 ? "错误" : "警告", style: i % 3 === 0 ? "error" : "warning" },
      { v: "reason/shortfall" },
      { v: `项目${i}` },
      { v: `自评表${(i % 2) + 1}` },
      { v: `H${12 + (i % 20)}`, link: { sheet: `自评表${(i % 2) + 1}`, cell: `H${12 + (i % 20)}` } },
      { v: "指标未完成（得分低于分值）但未填写偏差原因分析及改进措施，请补充说明未完成的原因。" },
      { v: "在“偏差原因分析及改进措施”列说明原因和改进措施。" },
    ]);
  }
  return { name: "问题清单", rows, widths: [6, 6, 18, 24, 14, 8, 50, 40], merges: [], freezeRows: 1 };
}

/** A blank 项目支出绩效自评表 template. */
export function blankTemplate(): TemplatePlan {
  const rows: PlanCell[][] = [
    [{ v: "项目支出绩效自评表", style: "title" }],
    [{ v: "（    年度）" }],
    [{ v: "项目名称", style: "label" }],
    [{ v: "主管部门", style: "label" }, { v: null }, { v: "实施单位", style: "label" }],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"].map((v) => ({ v, style: "header" as const })),
  ];
  return { name: "项目支出绩效自评表", rows, widths: [10, 12, 14, 20, 12, 12, 8, 8, 30], merges: [{ top: 0, left: 0, bottom: 0, right: 8 }], freezeRows: 0 };
}
