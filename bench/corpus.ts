/**
 * A county-year corpus, generated deterministically from a seed: 66 departments, ~292 units, 1,006 projects in
 * 300 workbooks — one workbook per unit (one sheet per project, in the national, 四川 2023, 分值-first or two-row
 * layout the unit uses), seven 部门整体 workbooks, and the finance bureau's spot-check list.
 *
 * Faults are sprinkled in at realistic rates and counted (manifest.faults): actuals repeating the target with its
 * operator, weights summing to 110, a budget total row of zeros with the amounts in the sub-rows, every indicator
 * at full marks, cost indicators with ≥, placeholder targets ("≥**人次"), shortfalls and low execution without a
 * reason, a stated score that ignores a shortfall, a missing 实施单位, changed goal-table targets, spot-check gaps,
 * a 差 review and reviewed projects with no self-assessment.
 *
 * Workbooks are built with the test suite's layout builders (test/helpers/layouts), so the corpus looks like the
 * forms the reader is tested on.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { pct } from "../test/helpers/layouts/cells";
import { buildDepartmentSheet, type DepartmentIndicatorSpec } from "../test/helpers/layouts/department";
import { buildGoalSheet, type GoalIndicatorSpec } from "../test/helpers/layouts/goal";
import {
  type BudgetRowSpec,
  buildSelfAssessmentSheet,
  type IndicatorSpec,
  NATIONAL,
  type ProjectSpec,
  type SelfAssessmentLayout,
  SICHUAN_2023,
  TWO_ROW_HEADER,
  WEIGHTS_FIRST,
} from "../test/helpers/layouts/self-assessment";
import { buildSpotCheckListSheet, type SpotCheckRowSpec } from "../test/helpers/layouts/spot-check";
import {
  COST,
  DEPARTMENTS,
  EFFECT,
  type IndicatorTemplate,
  type Kind,
  L1_LABEL,
  L1_OF,
  L2_LABEL,
  LOW_EXECUTION_REASONS,
  OVERRUN_REASONS,
  PROJECT_NAMES,
  QUAL_TARGETS,
  QUALITY,
  QUANTITY,
  SATISFACTION,
  type Sector,
  SHORTFALL_REASONS,
  TIME_ACTUALS,
  TIME_TARGETS,
  TIMELINESS,
  TOWNSHIPS,
  UNIT_SUFFIXES,
  type L1,
} from "./pools";
import { partition, Rng } from "./rng";

/** Bump when the generated content changes: the cached corpus is regenerated. */
export const GENERATOR_VERSION = 3;
export const DEFAULT_SEED = 20231231;

export const TARGET = { units: 292, departments: 66, unitProjects: 999, departmentWorkbooks: 7 } as const;

type LayoutName = "national" | "sichuan" | "weights-first" | "two-row";
const LAYOUTS: Record<LayoutName, SelfAssessmentLayout> = {
  national: NATIONAL,
  sichuan: SICHUAN_2023,
  "weights-first": WEIGHTS_FIRST,
  "two-row": TWO_ROW_HEADER,
};

export type Fault =
  | "actual-copies-target"
  | "weights-110"
  | "budget-total-zero"
  | "all-full-marks"
  | "cost-with-ge"
  | "placeholder-target"
  | "shortfall-no-reason"
  | "overrun-no-reason"
  | "low-execution-no-reason"
  | "score-ignores-shortfall"
  | "missing-unit"
  | "goal-target-changed"
  | "goal-indicator-dropped"
  | "spotcheck-gap"
  | "spotcheck-severe-gap"
  | "spotcheck-poor"
  | "spotcheck-no-self-assessment";

export interface CorpusManifest {
  generatorVersion: number;
  seed: number;
  files: string[];
  departments: number;
  units: number;
  /** Self-assessment projects (unit workbooks) + department-level assessments. */
  projects: number;
  byLayout: Record<string, number>;
  goalSheets: number;
  spotCheckRows: number;
  faults: Partial<Record<Fault, number>>;
  bytes: number;
}

interface Dept {
  name: string;
  label: string;
  code: string;
  sector: Sector;
  units: Unit[];
}

interface Unit {
  name: string;
  dept: Dept;
  layout: LayoutName;
  projects: Gen[];
}

interface GenIndicator {
  tpl: IndicatorTemplate;
  l1: L1;
  kind: Kind;
  /** Numbers for quantitative kinds; text for qual/time. */
  target: number | string;
  actual: number | string;
  weight: number;
  score: number;
  reason: string | null;
  op: "≥" | "≤" | "=" | null;
  /** How the target is worded in text layouts. */
  wording: number;
  copiesTarget?: boolean;
  placeholder?: boolean;
}

interface Gen {
  name: string;
  code: string;
  unit: Unit;
  budget: { initial: number; adjusted: number; executed: number; carry: number; totalZero: boolean; reason: string | null };
  execScore: number;
  indicators: GenIndicator[];
  total: number;
  missingUnit: boolean;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;
const fmtNum = (x: number, decimals = 0): string => (decimals ? String(Number(x.toFixed(decimals))) : String(Math.round(x)));

class Generator {
  readonly rng: Rng;
  readonly faults: Partial<Record<Fault, number>> = {};
  private serial = 0;

  constructor(seed: number) {
    this.rng = new Rng(seed);
  }

  fault(f: Fault): void {
    this.faults[f] = (this.faults[f] ?? 0) + 1;
  }

  departments(): Dept[] {
    const depts: Dept[] = DEPARTMENTS.map((d, i) => {
      const code = String(101 + i);
      // Some counties write the department with its code ("[305]县民政局", "305-县民政局").
      const style = this.rng.next();
      const label = style < 0.15 ? `[${code}]${d.name}` : style < 0.22 ? `${code}-${d.name}` : d.name;
      return { name: d.name, label, code, sector: d.sector, units: [] };
    });
    // Every department has its own unit; the rest are spread by size.
    const counts = depts.map(() => 1);
    const weights = DEPARTMENTS.map((d) => d.size);
    for (let left = TARGET.units - depts.length; left > 0; left--) {
      const i = this.rng.weighted(
        depts.map((_, k) => k),
        weights,
      );
      counts[i]++;
    }
    const taken = new Set<string>();
    depts.forEach((d, i) => {
      const short = d.name.replace(/^县委?|人民政府$|办事处$|委员会$|联合会$/g, "");
      const names: string[] = [`${d.name}${d.sector === "town" ? "" : "机关"}`];
      const suffixes = this.rng.shuffle(UNIT_SUFFIXES[d.sector].slice());
      for (let k = 0; names.length < counts[i]; k++) {
        let name: string;
        if ((d.sector === "education" || d.sector === "health") && k >= suffixes.length / 2) {
          const township = TOWNSHIPS[(k + i) % TOWNSHIPS.length];
          name = d.sector === "education" ? `${township}${this.rng.pick(["中心学校", "中心小学", "初级中学", "中心幼儿园"])}` : `${township}${this.rng.pick(["卫生院", "中心卫生院", "社区卫生服务中心"])}`;
        } else if (d.sector === "town") {
          name = `${short}${suffixes[k % suffixes.length]}`;
        } else {
          name = `县${suffixes[k % suffixes.length]}`;
        }
        if (taken.has(name)) name = `${name.replace(/^县/, `县${short}`)}${k >= suffixes.length ? k : ""}`;
        if (taken.has(name)) continue;
        taken.add(name);
        names.push(name);
      }
      // 四川-style forms for a third of the county, 分值-first and two-row forms for a few units.
      for (const name of names) {
        const layout = this.rng.weighted<LayoutName>(["national", "sichuan", "weights-first", "two-row"], [60, 32, 5, 3]);
        d.units.push({ name, dept: d, layout, projects: [] });
      }
    });
    return depts;
  }

  /** Distribute project counts: every unit one, the rest skewed towards big units. */
  projectCounts(units: Unit[]): number[] {
    const counts = units.map(() => 1);
    const weights = units.map((u) => (/机关$/.test(u.name) ? 4 : 1) * this.rng.range(0.3, 2));
    for (let left = TARGET.unitProjects - units.length; left > 0; left--) {
      const i = this.rng.weighted(
        units.map((_, k) => k),
        weights,
      );
      counts[i]++;
    }
    return counts;
  }

  project(unit: Unit, taken: Set<string>): Gen {
    const rng = this.rng;
    const sector = unit.dept.sector;
    let base = rng.pick(PROJECT_NAMES[sector]);
    if (taken.has(base)) base = `${base}（${rng.pick(["二期", "续建", "提升", "补助", "专项"])}）`;
    if (taken.has(base)) base = `${unit.name.replace(/^县/, "")}${base}`;
    taken.add(base);
    this.serial++;
    const code = `51${unit.dept.code.padStart(4, "0")}23R${String(100000000000 + this.serial).slice(1)}`;

    // Budget (万元): log-spread amounts; execution mostly high.
    const adjusted = round2(Math.exp(rng.range(Math.log(5), Math.log(1500))));
    const initial = rng.chance(0.7) ? adjusted : round2(adjusted * rng.range(0.8, 1.2));
    // A few projects went badly: low execution and several indicators well short (grades 良/中/差).
    const troubled = rng.chance(0.06);
    const r = rng.next();
    const rate = troubled ? rng.range(0.45, 0.8) : r < 0.7 ? rng.range(0.95, 1) : r < 0.9 ? rng.range(0.85, 0.95) : rng.range(0.5, 0.85);
    const executed = !troubled && rng.chance(0.35) ? adjusted : round2(adjusted * rate);
    const carry = rng.chance(0.25) ? round2(adjusted * rng.range(0.05, 0.3)) : 0;
    const execRate = executed / adjusted;
    let reason: string | null = null;
    if (execRate < 0.9) {
      if (rng.chance(0.5)) reason = rng.pick(LOW_EXECUTION_REASONS);
      else this.fault("low-execution-no-reason");
    }
    const totalZero = rng.chance(0.02);
    if (totalZero) this.fault("budget-total-zero");
    const execScore = round2(Math.min(1, execRate) * 10);

    // Indicators.
    const allFull = !troubled && rng.chance(0.08);
    if (allFull) this.fault("all-full-marks");
    const tpls: IndicatorTemplate[] = [];
    tpls.push(...rng.sample(QUANTITY[sector], rng.int(1, 3)));
    tpls.push(...rng.sample(QUALITY, rng.int(1, 2)));
    tpls.push(rng.pick(TIMELINESS));
    if (rng.chance(0.75)) tpls.push(rng.pick(COST));
    const effects = rng.sample(EFFECT, rng.int(1, 3));
    effects.sort((a, b) => EFFECT.indexOf(a) - EFFECT.indexOf(b));
    tpls.push(...effects);
    tpls.push(rng.pick(SATISFACTION));
    // First-level split (national default 50/30/10 and execution 10; a few differ).
    const split = rng.weighted<[number, number, number]>(
      [
        [50, 30, 10],
        [40, 40, 10],
        [60, 20, 10],
        [45, 35, 10],
      ],
      unit.layout === "sichuan" ? [50, 25, 10, 15] : [88, 4, 6, 2],
    );
    const byL1: Record<L1, IndicatorTemplate[]> = { output: [], effect: [], satisfaction: [] };
    for (const t of tpls) byL1[L1_OF[t.l2]].push(t);
    const weights = new Map<IndicatorTemplate, number>();
    (["output", "effect", "satisfaction"] as const).forEach((l1, i) => {
      const ws = partition(rng, split[i], byL1[l1].length, 2);
      byL1[l1].forEach((t, k) => weights.set(t, ws[k]));
    });
    const ordered = [...byL1.output, ...byL1.effect, ...byL1.satisfaction];
    const indicators = ordered.map((tpl) => this.indicator(tpl, weights.get(tpl)!, allFull, troubled));

    // Single-row faults.
    const quantity = indicators.filter((x) => x.tpl.l2 === "quantity");
    if (rng.chance(0.03) && quantity.length) {
      const x = quantity[0];
      x.copiesTarget = true;
      x.actual = x.target;
      x.score = x.weight;
      x.reason = null;
      this.fault("actual-copies-target");
    }
    if (rng.chance(0.02) && quantity.length) {
      const x = quantity[quantity.length - 1];
      if (!x.copiesTarget) {
        x.placeholder = true;
        x.score = x.weight;
        x.reason = null;
        this.fault("placeholder-target");
      }
    }
    const cost = indicators.find((x) => x.tpl.l2 === "cost");
    if (cost && rng.chance(0.06)) {
      cost.op = "≥";
      this.fault("cost-with-ge");
    }
    if (rng.chance(0.02)) {
      const x = rng.pick(indicators);
      x.weight += 10;
      x.score = round2(x.score * (x.weight / (x.weight - 10)));
      this.fault("weights-110");
    }
    const short = indicators.find((x) => x.score < x.weight && (x.kind === "higher" || x.kind === "lower"));
    if (short && rng.chance(0.15)) {
      short.score = short.weight;
      this.fault("score-ignores-shortfall");
    }
    const total = round2(execScore + indicators.reduce((a, x) => a + x.score, 0));
    const missingUnit = rng.chance(0.01);
    if (missingUnit) this.fault("missing-unit");
    return { name: base, code, unit, budget: { initial, adjusted, executed, carry, totalZero, reason }, execScore, indicators, total, missingUnit };
  }

  indicator(tpl: IndicatorTemplate, weight: number, allFull: boolean, troubled: boolean): GenIndicator {
    const rng = this.rng;
    const base = { tpl, l1: L1_OF[tpl.l2], kind: tpl.kind, weight, reason: null as string | null, wording: rng.int(0, 9) };
    if (tpl.kind === "qual") {
      const target = rng.pick(QUAL_TARGETS);
      if (!allFull && rng.chance(troubled ? 0.5 : 0.08)) {
        const score = Math.floor(weight * 0.7 * 10) / 10;
        const reason = rng.chance(0.7) ? rng.pick(SHORTFALL_REASONS) : null;
        if (!reason) this.fault("shortfall-no-reason");
        return { ...base, target, actual: "部分达成年度指标并具有一定效果", score, reason, op: null };
      }
      return { ...base, target, actual: rng.chance(0.5) ? target : "达成年度指标", score: weight, op: null };
    }
    if (tpl.kind === "time") {
      return { ...base, target: rng.pick(TIME_TARGETS), actual: rng.pick(TIME_ACTUALS), score: weight, op: null };
    }
    const decimals = tpl.decimals ?? 0;
    let target = tpl.lo === tpl.hi ? tpl.lo : Number(rng.range(tpl.lo, tpl.hi).toFixed(decimals));
    if (tpl.unit === "%" && tpl.kind !== "lower") target = Math.round(target);
    if (target === 0) target = 1;
    const op = tpl.kind === "lower" ? "≤" : tpl.kind === "equal" ? "=" : "≥";
    const cap = (x: number): number => (tpl.unit === "%" ? Math.min(100, x) : x);
    const roundTo = (x: number): number => Number(x.toFixed(tpl.unit === "%" ? 1 : decimals));
    let actual: number;
    let score = weight;
    let reason: string | null = null;
    const r = rng.next();
    if (tpl.kind === "lower") {
      if (allFull || r < 0.92) actual = roundTo(target * rng.range(0.7, 1));
      else {
        actual = roundTo(target * rng.range(1.05, 1.3));
        score = round2((weight * target) / actual);
      }
    } else if (tpl.kind === "equal") {
      if (allFull || r < 0.9) actual = target;
      else {
        actual = roundTo(target * rng.range(0.9, 0.99));
        score = round2((weight * actual) / target);
      }
    } else if (troubled && r < 0.6) {
      actual = roundTo(target * rng.range(0.35, 0.8));
      score = round2((weight * actual) / target);
    } else if (allFull || r < 0.72) {
      actual = cap(roundTo(target * rng.range(1, 1.1)));
    } else if (r < 0.86) {
      actual = cap(roundTo(target * rng.range(1.1, 1.5)));
      if (actual / target >= 1.3) {
        if (rng.chance(0.6)) reason = rng.pick(OVERRUN_REASONS);
        else this.fault("overrun-no-reason");
      }
    } else {
      actual = roundTo(target * rng.range(0.7, 0.99));
      if (actual >= target) actual = roundTo(target * 0.95);
      score = round2(Math.min(weight, (weight * actual) / target));
    }
    if (score < weight) {
      if (rng.chance(0.75)) reason = rng.pick(SHORTFALL_REASONS);
      else this.fault("shortfall-no-reason");
    }
    return { ...base, target, actual, score, reason, op };
  }
}

// ------------------------------------------------------------------------------------------------ rendering

/** National / 分值-first / two-row text: "≥230人次", "不低于90%", "2000元/人以内". */
function targetText(x: GenIndicator): string {
  if (typeof x.target === "string") return x.target;
  const v = fmtNum(x.target, x.tpl.decimals ?? (x.tpl.unit === "%" ? 1 : 0));
  const u = x.tpl.unit;
  if (x.placeholder) return `${x.op ?? "≥"}**${u || "人次"}`;
  if (x.op === "≥") return x.wording < 7 ? `≥${v}${u}` : x.wording < 8 ? `不低于${v}${u}` : x.wording < 9 ? `${v}${u}以上` : `${v}${u}`;
  if (x.op === "≤") return x.wording < 8 ? `≤${v}${u}` : x.wording < 9 ? `不超过${v}${u}` : `${v}${u}以内`;
  return x.wording < 5 ? `=${v}${u}` : `${v}${u}`;
}

function actualText(x: GenIndicator): string | number {
  if (x.copiesTarget) return targetText(x);
  if (typeof x.actual === "string") return x.actual;
  const v = fmtNum(x.actual, x.tpl.decimals ?? (x.tpl.unit === "%" ? 1 : 0));
  return x.wording === 3 && x.tpl.unit !== "%" ? x.actual : `${v}${x.tpl.unit}`;
}

function budgetRows(g: Gen, layout: LayoutName): BudgetRowSpec[] {
  const b = g.budget;
  const rate = b.executed / b.adjusted;
  const fiscal = round2(b.adjusted - b.carry);
  const fiscalInitial = round2(b.initial - b.carry);
  const fiscalExec = round2(Math.min(fiscal, b.executed));
  const carryExec = round2(b.executed - fiscalExec);
  const totalRow = (label: string): BudgetRowSpec =>
    b.totalZero
      ? { label, initial: 0, adjusted: 0, executed: 0, weight: 10, rate: null, score: null, reason: b.reason }
      : { label, initial: b.initial, adjusted: b.adjusted, executed: b.executed, weight: 10, rate: pct(rate), score: g.execScore, reason: b.reason };
  if (layout === "sichuan") {
    return [
      totalRow("总额"),
      { label: "其中：财政资金", initial: b.initial, adjusted: b.adjusted, executed: b.executed, rate: pct(rate), weight: "/", score: "/" },
      { label: "财政专户管理资金", initial: 0, adjusted: 0, executed: 0, rate: 0, weight: "/", score: "/" },
      { label: "单位资金", initial: 0, adjusted: 0, executed: 0, rate: 0, weight: "/", score: "/" },
      { label: "其他资金", initial: 0, adjusted: 0, executed: 0, rate: 0, weight: "/", score: "/" },
    ];
  }
  return [
    totalRow("年度资金总额"),
    { label: "其中：当年财政拨款", initial: fiscalInitial, adjusted: fiscal, executed: fiscalExec, weight: "—", rate: pct(fiscalExec / fiscal), score: "—" },
    { label: "上年结转资金", initial: b.carry, adjusted: b.carry, executed: carryExec, weight: "—", rate: b.carry ? pct(carryExec / b.carry) : "—", score: "—" },
    { label: "其他资金", initial: "—", adjusted: "—", executed: "—", weight: "—", rate: "—", score: "—" },
  ];
}

function grade(score: number): string {
  return score >= 90 ? "优" : score >= 80 ? "良" : score >= 60 ? "中" : "差";
}

function projectSpec(g: Gen, layout: LayoutName, split: number[]): ProjectSpec {
  const sichuan = layout === "sichuan";
  const weightsFirst = layout === "weights-first";
  let prevL1: L1 | null = null;
  let prevL2: string | null = null;
  const indicators: IndicatorSpec[] = g.indicators.map((x) => {
    const spec: IndicatorSpec = {};
    const newL1 = x.l1 !== prevL1;
    if (sichuan || newL1) {
      const l1Index = ["output", "effect", "satisfaction"].indexOf(x.l1);
      spec.level1 = weightsFirst ? `${L1_LABEL[x.l1]}（${split[l1Index]}分）` : L1_LABEL[x.l1];
    }
    if (sichuan || newL1 || x.tpl.l2 !== prevL2) spec.level2 = L2_LABEL[x.tpl.l2];
    prevL1 = x.l1;
    prevL2 = x.tpl.l2;
    spec.name = x.tpl.name;
    if (sichuan) {
      if (typeof x.target === "string") {
        spec.op = "定性";
        spec.target = x.target;
        spec.unit = "/";
        spec.actual = x.actual as string;
      } else {
        spec.op = x.op ?? "≥";
        spec.target = x.placeholder ? "**" : x.target;
        spec.unit = x.tpl.unit;
        spec.actual = x.copiesTarget ? `${x.op}${x.target}` : x.actual;
      }
    } else {
      spec.target = targetText(x);
      spec.actual = actualText(x);
    }
    spec.weight = x.weight;
    spec.score = x.score;
    if (x.reason) spec.reason = x.reason;
    return spec;
  });
  const spec: ProjectSpec = {
    year: 2023,
    name: sichuan ? `${g.code}-${g.name}` : g.name,
    department: g.unit.dept.label,
    unit: g.missingUnit ? null : g.unit.name,
    budget: budgetRows(g, layout),
    goal: { target: `完成${g.name}年度任务，资金使用规范，服务对象满意。`, actual: `${g.name}年度任务基本完成。` },
    indicators,
    total: { weight: 100, score: g.total },
  };
  if (sichuan) {
    spec.closing = [
      { label: "评价结论", text: `项目自评得分${g.total}分，等级为${grade(g.total)}。` },
      { label: "存在问题", text: g.indicators.some((x) => x.score < x.weight) ? "部分指标未完成年度目标。" : "无" },
      { label: "改进措施", text: "加强项目管理，提高资金使用效益。" },
    ];
  }
  return spec;
}

function goalIndicators(g: Gen, rng: Rng, gen: Generator): GoalIndicatorSpec[] {
  let prevL1: L1 | null = null;
  const out: GoalIndicatorSpec[] = [];
  let changed = false;
  let dropped = false;
  for (const x of g.indicators) {
    if (!dropped && x.l1 === "effect" && g.indicators.filter((y) => y.l1 === "effect").length > 1 && rng.chance(0.1)) {
      // The self-assessment lacks this one: the goal table names an extra indicator.
      dropped = true;
      gen.fault("goal-indicator-dropped");
      out.push({ level1: x.l1 !== prevL1 ? L1_LABEL[x.l1] : undefined, level2: L2_LABEL[x.tpl.l2], name: "项目资金使用合规性", target: "合规" });
    }
    let target = targetText(x);
    if (!changed && typeof x.target === "number" && !x.placeholder && rng.chance(0.12)) {
      changed = true;
      gen.fault("goal-target-changed");
      target = `${x.op ?? "≥"}${fmtNum(x.target * 1.2, x.tpl.decimals ?? 0)}${x.tpl.unit}`;
    }
    out.push({ level1: x.l1 !== prevL1 ? L1_LABEL[x.l1] : undefined, level2: L2_LABEL[x.tpl.l2], name: x.tpl.name, target });
    prevL1 = x.l1;
  }
  return out;
}

function sheetName(i: number, name: string): string {
  return `${i + 1}-${name}`.replace(/[\\/?*[\]:]/g, "_").slice(0, 31);
}

function fileSafe(s: string): string {
  return s.replace(/[\\/?*[\]:<>|"]/g, "_");
}

const FIXED_DATE = new Date(Date.UTC(2024, 2, 20, 9, 0, 0));

async function save(wb: ExcelJS.Workbook, file: string): Promise<number> {
  wb.creator = "bpr bench";
  wb.lastModifiedBy = "bpr bench";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  const buf = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  fs.writeFileSync(file, buf);
  return buf.length;
}

/** Generate the corpus into `dir` (emptied first). */
export async function generateCorpus(dir: string, seed = DEFAULT_SEED): Promise<CorpusManifest> {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const gen = new Generator(seed);
  const rng = gen.rng;
  const depts = gen.departments();
  const units = depts.flatMap((d) => d.units);
  const counts = gen.projectCounts(units);
  const byLayout: Record<string, number> = {};
  const files: string[] = [];
  let bytes = 0;
  let goalSheets = 0;
  const all: Gen[] = [];

  for (let ui = 0; ui < units.length; ui++) {
    const unit = units[ui];
    const taken = new Set<string>();
    const wb = new ExcelJS.Workbook();
    if (rng.chance(0.15)) {
      const ws = wb.addWorksheet("填报说明");
      ws.getCell(1, 1).value = "填报说明";
      ws.getCell(2, 1).value = "1. 请按项目逐一填报自评表，金额单位为万元。";
      ws.getCell(3, 1).value = "2. 未完成指标须填写偏差原因分析及改进措施。";
    }
    for (let k = 0; k < counts[ui]; k++) {
      const g = gen.project(unit, taken);
      unit.projects.push(g);
      all.push(g);
      const layout = LAYOUTS[unit.layout];
      const split = [0, 1, 2].map((i) => g.indicators.filter((x) => x.l1 === (["output", "effect", "satisfaction"] as const)[i]).reduce((a, x) => a + x.weight, 0));
      const spec = projectSpec(g, unit.layout, split);
      const ws = wb.addWorksheet(sheetName(k, g.name));
      const preamble = unit.layout === "national" && rng.chance(0.2);
      if (preamble) spec.preamble = ["附件2", `填报单位（盖章）：${unit.name}`];
      buildSelfAssessmentSheet(ws, layout, spec, preamble ? { origin: { row: 2, col: 2 } } : {});
      byLayout[unit.layout] = (byLayout[unit.layout] ?? 0) + 1;
      // The unit's goal table for its first project, in some workbooks (goal/* rules).
      if (k === 0 && unit.layout !== "sichuan" && rng.chance(0.06)) {
        goalSheets++;
        const gws = wb.addWorksheet("绩效目标表");
        buildGoalSheet(gws, {
          year: 2023,
          name: g.name,
          department: unit.dept.label,
          unit: unit.name,
          attribute: "经常性项目",
          period: "1年",
          funds: { annual: { total: g.budget.initial, fiscal: g.budget.initial, other: 0 } },
          goal: { annual: `完成${g.name}年度任务。` },
          annual: goalIndicators(g, rng, gen),
        });
      }
    }
    const file = path.join(dir, `${unit.dept.code}-${String(ui + 1).padStart(3, "0")}-${fileSafe(unit.name)}.xlsx`);
    bytes += await save(wb, file);
    files.push(path.basename(file));
  }

  // 部门整体支出绩效自评表: seven departments.
  const deptPicks = rng.sample(depts, TARGET.departmentWorkbooks);
  for (const d of deptPicks) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("部门整体自评表");
    const adjusted = round2(Math.exp(rng.range(Math.log(800), Math.log(20000))));
    const executed = round2(adjusted * rng.range(0.82, 1));
    const rate = executed / adjusted;
    const execScore = round2(Math.min(1, rate) * 10);
    const names = ["重点工作任务完成率", "预算编制准确率", "“三公”经费控制率", "政府采购执行率", "资产管理规范性", "项目绩效目标完成率", "社会公众满意度", "制度建设健全性"];
    const ws8 = partition(rng, 90, names.length, 5);
    let total = execScore;
    const indicators: DepartmentIndicatorSpec[] = names.map((name, i) => {
      if (i === 4 || i === 7) {
        total += ws8[i];
        return { name, nature: "定性指标", target: "规范", actual: "规范", coefficient: pct(1), weight: ws8[i], score: ws8[i], core: "否" };
      }
      const lower = name.includes("控制率");
      const target = lower ? 100 : rng.int(85, 98);
      const actual = lower ? rng.int(80, 100) : Math.min(100, Math.round(target * rng.range(0.9, 1.08)));
      const coef = lower ? 1 : Math.min(1, actual / target);
      const score = round2(coef * ws8[i]);
      total += score;
      return {
        name,
        unit: "%",
        nature: "定量指标",
        target: `${lower ? "≤" : "≥"}${target}%`,
        actual: pct(actual / 100),
        coefficient: pct(round2(coef * 100) / 100),
        weight: ws8[i],
        score,
        core: i < 3 ? "是" : "否",
      };
    });
    buildDepartmentSheet(ws, {
      department: d.label,
      financeOffice: "预算绩效管理股",
      statedTotal: round2(total),
      budget: { initial: adjusted, adjusted, executed, rate: pct(rate), weight: 10, score: execScore },
      goal: { initial: "全面完成年度重点工作任务。", adjusted: "同年初", actual: "年度重点工作任务全面完成。" },
      indicators,
    });
    const file = path.join(dir, `${d.code}-部门整体-${fileSafe(d.name)}.xlsx`);
    bytes += await save(wb, file);
    files.push(path.basename(file));
    byLayout.department = (byLayout.department ?? 0) + 1;
  }

  // The finance bureau's spot-check list: ~10% of projects, plus two that were never self-assessed.
  const sampled = rng.sample(all, 100);
  const rows: SpotCheckRowSpec[] = sampled.map((g) => {
    const r = rng.next();
    let gap: number;
    if (r < 0.6) gap = rng.range(0, 5);
    else if (r < 0.85) gap = rng.range(5, 9.9);
    else if (r < 0.95) {
      gap = rng.range(10, 19.9);
      gen.fault("spotcheck-gap");
    } else {
      gap = rng.range(20, 32);
      gen.fault("spotcheck-severe-gap");
    }
    const score = round2(Math.max(0, Math.min(100, g.total - gap)));
    if (score < 60) gen.fault("spotcheck-poor");
    const sichuan = g.unit.layout === "sichuan";
    return {
      department: g.unit.dept.name,
      name: g.name,
      code: sichuan ? g.code : undefined,
      selfScore: g.total,
      score,
      grade: grade(score),
      note: gap >= 10 ? rng.pick(["佐证材料不足", "实际完成值核实有误", "未按要求分析偏差原因"]) : undefined,
    };
  });
  for (const name of ["县城区排水管网改造", "乡镇综合文化站免费开放"]) {
    rows.push({ department: "县住房和城乡建设局", name, selfScore: 95, score: 88, grade: "良", note: "未提交自评表" });
    gen.fault("spotcheck-no-self-assessment");
  }
  {
    const wb = new ExcelJS.Workbook();
    buildSpotCheckListSheet(wb.addWorksheet("抽查复核结果"), rows, { title: "2023年度县级项目支出绩效自评抽查复核结果" });
    const file = path.join(dir, "999-抽查复核-2023年度县级项目支出绩效自评抽查复核结果.xlsx");
    bytes += await save(wb, file);
    files.push(path.basename(file));
  }

  const unitCount = units.length;
  return {
    generatorVersion: GENERATOR_VERSION,
    seed,
    files,
    departments: depts.length,
    units: unitCount,
    projects: all.length + TARGET.departmentWorkbooks,
    byLayout,
    goalSheets,
    spotCheckRows: rows.length,
    faults: gen.faults,
    bytes,
  };
}
