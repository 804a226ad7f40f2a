/**
 * Sheets for the Office.js adapter tests and the benchmark: a filled 项目支出绩效自评表 as Excel holds it
 * (dates as serials with a date format, percentages as fractions with a percent format, merged title and
 * labels, a formula with a cached error), and a long ledger.
 */
import type { FakeCellInput, FakeSheetInit } from "../../helpers/fake-excel";

const INDICATORS: [string, string, string, string, string, number, number, string | null][] = [
  ["产出指标", "数量指标", "培训教师人次", "≥200人次", "230人次", 10, 10, null],
  ["产出指标", "数量指标", "采购设备台数", "50台", "48台", 10, 9.6, "供货延迟"],
  ["产出指标", "质量指标", "设备验收合格率", "100%", "100%", 10, 10, null],
  ["产出指标", "时效指标", "项目完成时间", "12月底前", "11月完成", 10, 10, null],
  ["产出指标", "成本指标", "生均成本", "≤500元", "480元", 10, 10, null],
  ["效益指标", "社会效益指标", "教学质量提升", "明显提升", "明显提升", 15, 15, null],
  ["效益指标", "可持续影响指标", "设备使用年限", "≥5年", "5年", 15, 15, null],
  ["满意度指标", "服务对象满意度指标", "师生满意度", "≥90%", "95%", 10, 10, null],
];

/** A filled self-assessment form placed at B2 (used range B2:J…), `n` distinguishes projects. */
export function templateSheet(name: string, n = 1): FakeSheetInit {
  const rows: FakeCellInput[][] = [
    ["项目支出绩效自评表"],
    ["（2023年度）"],
    ["项目名称", `第${n}号项目：义务教育设备更新`],
    ["主管部门", "县教育局", null, null, "实施单位", "第一小学"],
    ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [null, "年度资金总额", 20, 20, 18.6, 10, { v: 0.93, fmt: "0.00%" }, 9.3],
    [null, "其中：当年财政拨款", 20, 20, 18.6, "—", { v: 0.93, fmt: "0.00%" }, "—"],
    [null, "上年结转资金", 0, 0, 0, "—", { v: "#DIV/0!", f: "=E9/D9", fmt: "0.00%" }, "—"],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    ...INDICATORS.map(([l1, l2, name, target, actual, w, s, reason]) => [null, l1, l2, name, target, actual, w, s, reason]),
    ["总分", null, null, null, null, null, 100, 98.9],
    ["填报日期", { v: 45306, fmt: "yyyy\"年\"m\"月\"d\"日\"" }, "填报人", "张三", "联系电话", "0551-1234567"],
  ];
  return {
    name,
    top: 1,
    left: 1,
    rows,
    merges: ["B2:J2", "B3:J3", "C4:J4", "B6:B9", "B10:B18", "C11:C15"],
  };
}

/** What the reader must get for templateSheet(n): the normalised values (row by row, from B2). */
export function expectedTemplateValues(n = 1): (string | number | boolean | null)[][] {
  const pad = (row: (string | number | null)[]) => [...row, ...new Array(9 - row.length).fill(null)];
  return [
    pad(["项目支出绩效自评表"]),
    pad(["（2023年度）"]),
    pad(["项目名称", `第${n}号项目：义务教育设备更新`]),
    pad(["主管部门", "县教育局", null, null, "实施单位", "第一小学"]),
    pad(["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]),
    pad([null, "年度资金总额", 20, 20, 18.6, 10, 0.93, 9.3]),
    pad([null, "其中：当年财政拨款", 20, 20, 18.6, "—", 0.93, "—"]),
    pad([null, "上年结转资金", 0, 0, 0, "—", "#DIV/0!", "—"]),
    pad(["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]),
    // Merged B10:B18 and C11:C15: only the top-left keeps its value.
    ...INDICATORS.map(([l1, l2, name, target, actual, w, s, reason], i) =>
      pad([null, i === 0 || i === 5 || i === 7 ? l1 : i < 5 ? null : l1, l2, name, target, actual, w, s, reason]),
    ),
    pad(["总分", null, null, null, null, null, 100, 98.9]),
    pad(["填报日期", "2024-01-15", "填报人", "张三", "联系电话", "0551-1234567"]),
  ];
}

/** A long ledger: `rows` data rows of 10 columns under one header row, at A1. */
export function ledgerSheet(name: string, rows: number): FakeSheetInit {
  const data: FakeCellInput[][] = [["序号", "项目编码", "项目名称", "主管部门", "预算数", "执行数", "执行率", "自评得分", "等级", "备注"]];
  for (let i = 0; i < rows; i++) {
    data.push([
      i + 1,
      `5100002${String(i).padStart(6, "0")}`,
      `项目${i + 1}`,
      i % 3 === 0 ? "县教育局" : "县卫健委",
      100 + (i % 50),
      90 + (i % 40),
      0.9,
      80 + (i % 20),
      i % 20 >= 10 ? "优" : "良",
      i % 7 === 0 ? "按计划完成" : null,
    ]);
  }
  return { name, rows: data, columnFormats: [null, null, null, null, "#,##0.00", "#,##0.00", "0.00%", "0.00", null, null] };
}
