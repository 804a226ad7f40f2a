import type { Budget } from "../../model";
import { finite, roundScaled } from "../../score/round";
import { num, str } from "../format";
import { differs } from "../score/common";
import type { ProjectRule } from "../types";

/** Amounts are 万元 (or 元) with up to 2 decimals; typed totals may be off by rounding. */

type Column = "initial" | "adjusted" | "executed";
const COLUMNS: Column[] = ["initial", "adjusted", "executed"];
const COLUMN_ZH: Record<Column, string> = { initial: "年初预算数", adjusted: "全年预算数", executed: "全年执行数" };
const COLUMN_EN: Record<Column, string> = { initial: "initial budget", adjusted: "adjusted budget", executed: "executed" };

interface Gap {
  column: Column;
  total: number | null;
  /** null: the sub-rows add up past what a number holds (then they differ from any total). */
  sum: number | null;
  blank: string[];
}

/** Per column: the total row against its sub-rows. */
function gaps(b: Budget, tolerance: number): Gap[] {
  const out: Gap[] = [];
  for (const k of COLUMNS) {
    let filled = 0;
    let added = 0;
    for (const l of b.lines) {
      const v = l[k];
      if (v === null) continue;
      filled++;
      added += v;
    }
    if (filled === 0) continue; // sub-rows blank in this column: nothing to add up
    const sum = finite(roundScaled(added, 6));
    const total = b[k];
    const blank = () => b.lines.filter((l) => l[k] === null).map((l) => l.label.replace(/^其中[:：]?/, ""));
    if (total === null) {
      if (sum !== 0) out.push({ column: k, total, sum, blank: blank() });
      continue;
    }
    if (sum !== null && !differs(total, sum, tolerance)) continue;
    // Parts above the whole are always wrong. Parts below it are wrong when the form offers a breakdown
    // (two or more sub-rows, e.g. 财政拨款 / 上年结转 / 其他资金): the rest must sit in one of them.
    // A single "其中：财政拨款" row names a part, not the whole.
    if (sum !== null && sum < total && b.lines.length < 2) continue;
    out.push({ column: k, total, sum, blank: blank() });
  }
  return out;
}

const listZh = (d: Record<string, string | number | null>) => str(d.detailZh);

/**
 * The budget total row ≠ the sum of its sub-rows (SPEC §4, §5 budget/total-mismatch), per amount column
 * (年初预算数 / 全年预算数 / 全年执行数).
 *
 * - Sub-rows that are all blank in a column are not a breakdown: nothing to check there.
 * - Sub-rows above the total are always an error. Below the total: an error when the form offers a
 *   breakdown of two or more sub-rows (the missing amount must belong to one of them; blank sub-rows
 *   are named), not when a single "其中" row names one part.
 * - The fallback of SPEC §4: a total row of zeros or blanks with amounts in the sub-rows (the engine
 *   scored on the sub-rows' sum, `fromSubRows`) is reported too.
 * - Tolerance profile.amountTolerance (0.01, amount units). One finding per project, at the total row.
 */
export const rule: ProjectRule = {
  id: "budget/total-mismatch",
  severity: "error",
  title: { zh: "资金总额与明细合计不符", en: "Budget total differs from its rows" },
  scope: "project",
  docs: {
    zh: "资金总额行应等于其中各项（当年财政拨款、上年结转资金、其他资金等）之和（容差0.01）。总额行为空或为0而其中各项有金额时，按各项合计计算执行率并提示。其中各项全部空白时不检查；只有一行“其中”时，小于总额不视为错误。",
    en: "The budget total row must equal the sum of its sub-rows (tolerance 0.01). A blank or zero total with amounts in the sub-rows is reported (the rate is computed from the sub-rows). Not checked when the sub-rows are blank; a single \"of which\" row below the total is not an error.",
  },
  message: {
    zh: (d) =>
      d.kind === "fromSubRows"
        ? `资金总额行未填写或为0，其中各项合计：${listZh(d)}；已按各项合计计算执行率。`
        : `资金总额与其中各项合计不一致（${listZh(d)}）。`,
    en: (d) =>
      d.kind === "fromSubRows"
        ? `The budget total row is blank or zero while its sub-rows add up to ${str(d.detailEn)}; the rate was computed from the sub-rows.`
        : `The budget total does not match the sum of its sub-rows: ${str(d.detailEn)}.`,
  },
  suggestion: {
    zh: (d) =>
      d.kind === "fromSubRows"
        ? "在资金总额行填写各项合计数。"
        : "核对资金总额及其中各项金额，使总额等于各项之和（未填写的项目请补填，无金额的填0）。",
    en: (d) =>
      d.kind === "fromSubRows"
        ? "Fill in the total row with the sum of the sub-rows."
        : "Check the total and the sub-rows so that the total equals their sum (fill in blank sub-rows, 0 where there is none).",
  },
  check(p, ctx) {
    const b = p.budget;
    if (!b || b.lines.length === 0) return [];
    const cell = b.cells.total ?? b.cells.adjusted ?? p.location.cell;
    if (b.fromSubRows) {
      const parts = COLUMNS.filter((k) => b[k] !== null);
      return [
        {
          cell,
          data: {
            kind: "fromSubRows",
            initial: b.initial,
            adjusted: b.adjusted,
            executed: b.executed,
            detailZh: parts.map((k) => `${COLUMN_ZH[k]}${num(b[k])}`).join("，"),
            detailEn: parts.map((k) => `${COLUMN_EN[k]} ${num(b[k])}`).join(", "),
          },
        },
      ];
    }
    const found = gaps(b, ctx.profile.amountTolerance);
    if (found.length === 0) return [];
    const zh = found.map((g) => {
      const head = `${COLUMN_ZH[g.column]}：总额${g.total === null ? "未填写" : num(g.total)}，其中各项合计${num(g.sum)}`;
      const tail = g.total !== null && g.sum !== null && g.sum < g.total && g.blank.length ? `（${g.blank.join("、")}未填写）` : "";
      return head + tail;
    });
    const en = found.map(
      (g) => `${COLUMN_EN[g.column]}: total ${g.total === null ? "blank" : num(g.total)}, sub-rows ${num(g.sum)}`,
    );
    const data: Record<string, string | number | null> = {
      kind: "mismatch",
      columns: found.map((g) => g.column).join(","),
      detailZh: zh.join("；"),
      detailEn: en.join("; "),
    };
    for (const g of found) {
      data[`${g.column}Total`] = g.total;
      data[`${g.column}Sum`] = g.sum;
    }
    return [{ cell, data }];
  },
};
