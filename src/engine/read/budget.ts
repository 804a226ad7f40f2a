/**
 * The budget block of a self-assessment (年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分, its total row
 * and "其中：" sub-rows) and the funds of a goal table ("年度资金总额： 800" with its 其中 rows).
 */
import { a1 } from "../grid";
import type { Budget, BudgetLine } from "../model";
import { cleanText, parseNumber, parseRate, roundAmount } from "./cells";
import { fieldNumber, readField } from "./fields";
import { labelKey } from "./normalise";
import type { Header, Segment, SheetReader } from "./sheet-reader";
import type { BudgetColumn } from "./synonyms";

export function emptyBudget(): Budget {
  return {
    initial: null,
    adjusted: null,
    executed: null,
    rate: null,
    statedRate: null,
    weight: null,
    statedWeight: null,
    score: null,
    computedScore: null,
    reason: null,
    fromSubRows: false,
    lines: [],
    cells: { total: null, initial: null, adjusted: null, executed: null, rate: null, weight: null, score: null, reason: null },
  };
}

/** A budget block's header names at least two of these. */
const BUDGET_HEADER_ROLES: readonly BudgetColumn[] = ["initial", "adjusted", "executed", "rate"];

/** The budget header of a form: the first row above `limitRow` naming two amount or rate columns. */
export function findBudgetHeader(rd: SheetReader, seg: Segment, limitRow: number): Header<BudgetColumn> | null {
  for (let r = seg.start; r < limitRow && r <= seg.end; r++) {
    const h = rd.headerAt(r, rd.ix.budget);
    if (h === null) continue;
    let n = 0;
    for (const k of BUDGET_HEADER_ROLES) if (h.roles[k] !== undefined) n++;
    if (n >= 2) return h;
  }
  return null;
}

export function readBudget(rd: SheetReader, seg: Segment, limitRow: number, header = findBudgetHeader(rd, seg, limitRow)): Budget | null {
  if (!header) return null;
  const roles = header.roles;
  const roleCols = Object.values(roles) as number[];
  const firstRoleCol = Math.min(...roleCols);
  const b = emptyBudget();
  let blockWeight: number | null = null;
  for (let c = rd.s.left; c < firstRoleCol; c++) {
    const l = rd.label(header.row, c);
    if (l && l.numbers.length) blockWeight = l.numbers[0];
  }
  const num = (r: number, role: BudgetColumn): number | null => (roles[role] === undefined ? null : parseNumber(rd.s.get(r, roles[role]!)));
  let totalRow: number | null = null;
  for (let r = header.last + 1; r <= Math.min(seg.end, limitRow - 1, header.last + 10); r++) {
    let labelText = "";
    let labelCol = -1;
    for (let c = firstRoleCol - 1; c >= rd.s.left; c--) {
      const t = rd.text(r, c);
      if (t !== "") {
        labelText = t;
        labelCol = c;
        break;
      }
    }
    const kind = labelText ? rd.ix.budgetRow(labelKey(labelText).key) : null;
    const amounts = (["initial", "adjusted", "executed"] as const).map((k) => num(r, k));
    const anyAmount = amounts.some((x) => x !== null);
    // A department form's values row may carry only the rate, weight and score (amounts left blank).
    const anyFigure = anyAmount || num(r, "rate") !== null || num(r, "score") !== null;
    if (!kind) {
      if (!labelText && anyFigure && totalRow === null) {
        totalRow = r; // department form: the values row under the header has no label
        rd.note(r, "budget-total");
        continue;
      }
      if (labelText) break;
      if (!anyAmount && totalRow !== null) break;
      continue;
    }
    if (kind === "total" && totalRow === null) {
      totalRow = r;
      rd.note(r, "budget-total");
    } else if (kind === "sub") {
      const line: BudgetLine = { label: labelText.replace(/\s+/g, ""), initial: amounts[0], adjusted: amounts[1], executed: amounts[2], cell: a1(r, labelCol) };
      b.lines.push(line);
      rd.note(r, "budget-line");
    }
  }
  if (totalRow !== null) {
    const r = totalRow;
    b.initial = num(r, "initial");
    b.adjusted = num(r, "adjusted");
    b.executed = num(r, "executed");
    const rateCol = roles.rate;
    b.statedRate = rateCol !== undefined ? parseRate(rd.s.get(r, rateCol), rd.s.isPercent(r, rateCol)) : null;
    b.statedWeight = num(r, "weight") ?? blockWeight;
    b.score = num(r, "score");
    b.reason = roles.reason !== undefined ? cleanText(rd.s.get(r, roles.reason)) : null;
    const cell = (role: BudgetColumn) => (roles[role] === undefined ? null : a1(r, roles[role]!));
    b.cells = {
      total: a1(r, firstRoleCol),
      initial: cell("initial"),
      adjusted: cell("adjusted"),
      executed: cell("executed"),
      rate: cell("rate"),
      weight: cell("weight"),
      score: cell("score"),
      reason: cell("reason"),
    };
  } else {
    b.cells.total = a1(header.row, firstRoleCol);
  }
  // A total row of zeros or blanks with amounts in the sub-rows: use the sub-rows' sum.
  const sum = (k: "initial" | "adjusted" | "executed"): number | null => {
    const xs = b.lines.map((l) => l[k]).filter((x): x is number => x !== null);
    // Amounts past ±1.8e308 in total cannot be added up: the sum is not known.
    return xs.length ? roundAmount(xs.reduce((a, x) => a + x, 0)) : null;
  };
  const totalEmpty = !b.adjusted && !b.executed && !b.initial;
  if (totalEmpty && b.lines.some((l) => l.adjusted || l.executed || l.initial)) {
    b.initial = sum("initial");
    b.adjusted = sum("adjusted");
    b.executed = sum("executed");
    b.fromSubRows = true;
  }
  b.weight = b.statedWeight;
  return b;
}

/** Goal tables: "年度资金总额： 800" with its "其中：财政拨款" / "其他资金" rows below in the same column. */
export function readGoalFunds(rd: SheetReader, seg: Segment): Budget | null {
  const annual = readField(rd, seg, "annualFunds");
  const annualAmount = fieldNumber(annual);
  if (!annual || annualAmount === null) return readBudget(rd, seg, seg.end);
  const b = emptyBudget();
  b.adjusted = annualAmount;
  b.cells.total = annual.valueCell;
  b.cells.adjusted = annual.valueCell;
  rd.note(annual.labelRow, "budget-total");
  for (let r = annual.labelRow + 1; r <= Math.min(seg.end, annual.labelRow + 6); r++) {
    const l = rd.label(r, annual.labelCol);
    if (!l || rd.ix.budgetRow(l.key) !== "sub") break;
    const right = rd.valueRight(r, annual.labelCol);
    const amount = right ? parseNumber(right.v) : null;
    b.lines.push({ label: l.text.replace(/\s+/g, ""), initial: null, adjusted: amount, executed: null, cell: a1(r, annual.labelCol) });
    rd.note(r, "budget-line");
  }
  return b;
}
