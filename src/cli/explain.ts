/**
 * `bpr check --explain`: the reading map of every sheet read, as text. Which header cell was taken for which role,
 * which rows were read as indicators, budget and totals, which were skipped and why, and what an unreadable
 * sheet had and lacked. The same map is in the JSON output (projects[].reading, sheets[].reading).
 */
import type { ReadingMap, Report } from "../engine/model";
import type { Lang } from "../engine/rules/types";

const KIND_ZH: Record<string, string> = {
  header: "表头",
  "budget-header": "预算表头",
  "budget-total": "预算合计行",
  "budget-line": "预算明细行",
  indicator: "指标行",
  category: "类别行",
  subtotal: "小计行",
  placeholder: "空白占位行（跳过）",
  total: "总分行",
  footer: "表尾（结束）",
  closing: "结论文字行（结束）",
  block: "分块标记",
  "list-row": "名单行",
  "review-row": "复核指标行",
  skipped: "跳过",
};

function mapLines(map: ReadingMap, lang: Lang): string[] {
  const zh = lang === "zh";
  const out: string[] = [];
  const cols = (label: string, cells: ReadingMap["header"]) => {
    if (cells.length === 0) return;
    out.push(`  ${label}`);
    for (const c of cells) {
      const role = c.role ?? (zh ? "（未识别）" : "(not recognised)");
      out.push(`    ${c.cell.padEnd(6)} ${role.padEnd(16)} ${c.text}${c.by === "content" ? (zh ? "  ← 按单元格内容判定" : "  ← decided by the cells below") : ""}`);
    }
  };
  cols(zh ? "指标表头：" : "indicator header:", map.header);
  cols(zh ? "预算表头：" : "budget header:", map.budgetHeader);
  if (map.rows.length) {
    out.push(zh ? "  行：" : "  rows:");
    for (const r of map.rows) {
      const range = r.from === r.to ? `${r.from}` : `${r.from}–${r.to}`;
      const kind = zh ? (KIND_ZH[r.kind] ?? r.kind) : r.kind;
      out.push(`    ${range.padEnd(9)} ${kind}${r.note ? ` (${r.note})` : ""}`);
    }
  }
  if (map.found.length) out.push(`  ${zh ? "找到" : "found"}: ${map.found.join("; ")}`);
  if (map.missing.length) out.push(`  ${zh ? "缺少" : "missing"}: ${map.missing.join(", ")}`);
  return out;
}

export function renderExplain(report: Report, lang: Lang): string {
  const zh = lang === "zh";
  const out: string[] = [zh ? "读取说明（--explain）" : "How each sheet was read (--explain)"];
  for (const s of report.sheets) {
    out.push("", `${s.file} · ${s.sheet}: ${s.kind}${s.unreadable ? (zh ? "（像是模板但无法读取）" : " (looks like a template, could not be read)") : ""}`);
    if (s.reading) out.push(...mapLines(s.reading, lang));
    for (const p of report.projects) {
      if (p.location.file !== s.file || p.location.sheet !== s.sheet || !p.reading) continue;
      out.push(` ${zh ? "项目" : "project"} ${p.name || "—"} (${p.location.cell ?? ""})`);
      out.push(...mapLines(p.reading, lang));
    }
  }
  return out.join("\n");
}
