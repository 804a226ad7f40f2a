/** Sheets that are not templates: the reader must list them as unrecognized and move on. */
import type * as ExcelJS from "exceljs";
import { date, formula, put, withFormat } from "./cells";

/** A cash ledger (台账) with project names and amounts: looks financial, is no template. */
export function buildLedgerSheet(ws: ExcelJS.Worksheet, rows = 60): void {
  ws.getCell(1, 1).value = "2023年度项目资金支出台账";
  const header = ["序号", "日期", "凭证号", "摘要", "项目名称", "科目", "金额（元）", "经办人"];
  header.forEach((h, i) => (ws.getCell(3, i + 1).value = h));
  for (let i = 0; i < rows; i++) {
    const r = 4 + i;
    put(ws, r, 1, i + 1);
    put(ws, r, 2, date(2023, 1 + (i % 12), 1 + (i % 28)));
    put(ws, r, 3, `记-${String(i + 1).padStart(4, "0")}`);
    put(ws, r, 4, i % 3 === 0 ? "支付上门服务费" : i % 3 === 1 ? "购买办公用品" : "拨付补贴资金");
    put(ws, r, 5, i % 2 === 0 ? "社区居家养老服务补贴项目" : "农村饮水安全工程维修养护");
    put(ws, r, 6, "30299");
    put(ws, r, 7, withFormat(1000 + i * 37.5, "#,##0.00"));
    put(ws, r, 8, "张三");
  }
  put(ws, 4 + rows, 4, "合计");
  put(ws, 4 + rows, 7, formula(`SUM(G4:G${3 + rows})`, Array.from({ length: rows }, (_, i) => 1000 + i * 37.5).reduce((a, x) => a + x, 0)));
}

/** A sheet feeding a chart: grade counts and a score distribution. */
export function buildChartDataSheet(ws: ExcelJS.Worksheet): void {
  ws.getCell(1, 1).value = "等级分布";
  ["等级", "项目数", "占比"].forEach((h, i) => (ws.getCell(2, i + 1).value = h));
  const data: [string, number][] = [
    ["优", 12],
    ["良", 7],
    ["中", 2],
    ["差", 1],
  ];
  data.forEach(([g, n], i) => {
    put(ws, 3 + i, 1, g);
    put(ws, 3 + i, 2, n);
    put(ws, 3 + i, 3, withFormat(formula(`B${3 + i}/SUM($B$3:$B$6)`, n / 22), "0.0%"));
  });
  ws.getCell(8, 1).value = "得分区间";
  ["90-100", "80-89", "60-79", "<60"].forEach((b, i) => {
    put(ws, 9 + i, 1, b);
    put(ws, 9 + i, 2, [12, 7, 2, 1][i]);
  });
}

/** A ledger of `rows` rows (150,000 in the performance test) written directly as a Grid-shaped array. */
export function ledgerValues(rows: number): (string | number | null)[][] {
  const out: (string | number | null)[][] = [["序号", "日期", "凭证号", "摘要", "项目名称", "金额"]];
  for (let i = 0; i < rows; i++) {
    out.push([i + 1, "2023-03-01", `记-${i + 1}`, "支付服务费", i % 2 ? "社区居家养老服务补贴项目" : "农村饮水安全工程维修养护", 1000 + i]);
  }
  return out;
}
