/**
 * Drawing the spot-check sample (抽查抽样): a stratified, reproducible random sample of the self-assessments.
 *
 * The rule, as the list's 抽样说明 sheet states it:
 * 1. Population: every project self-assessment read (部门整体 forms and goal tables are not sampled); a project
 *    submitted twice (same code, or same name, department and unit) counts once.
 * 2. Sample size n = ⌈rate × N⌉ (at least 1 when there is a population).
 * 3. Strata: by self-assessed grade (优/良/中/差/未评定, the default), by department, or by budget band. n is shared
 *    out in proportion to each stratum's size by the largest-remainder method.
 * 4. Certain picks first: the projects named with --must, and every project whose budget is at or above
 *    --all-above (万元) when given. They count towards their stratum's share (a stratum's share is raised to
 *    hold them all).
 * 5. The rest of each stratum's share is drawn with probability proportional to budget (全年预算数), without
 *    replacement (Efraimidis–Spirakis keys u^(1/budget)): large projects are more likely, small ones still possible
 *    (a project with no budget is drawn with the weight of a tenth of the stratum's smallest budget).
 * 6. Every department is represented: a department with fewer than --min-per-department picks gets more,
 *    drawn the same way from its own projects (the sample may then exceed n).
 * 7. Reproducible: the projects are put in a fixed order (code, name, department, unit, file, sheet) and one
 *    mulberry32 generator seeded with the seed is consumed in that order; the seed is printed and written into the list.
 */
import { projectBudget, projectGrade } from "../facts";
import type { Project } from "../model";
import { mulberry32 } from "./prng";

export { freshSeed, mulberry32 } from "./prng";

export type Strata = "grade" | "department" | "amount";
export const STRATA: readonly Strata[] = ["grade", "department", "amount"];

export interface SampleOptions {
  /** Fraction of the population, 0 < rate ≤ 1. */
  rate: number;
  seed: number;
  strata?: Strata;
  /** Picks per department at least (default 1; 0 turns it off). */
  minPerDepartment?: number;
  /** Projects to include whatever the draw: names or codes. */
  must?: readonly string[];
  /** Every project with a budget at or above this many 万元 is included (null: none by amount). */
  allAbove?: number | null;
}

/** Why a project is in the sample. */
export type PickReason = "must" | "above" | "drawn" | "department";

export interface SamplePick {
  project: Project;
  stratum: string;
  reason: PickReason;
}

export interface StratumCount {
  stratum: string;
  /** Projects in the stratum. */
  population: number;
  /** Its share of n (largest remainder), raised to hold its certain picks. */
  allocated: number;
  /** Projects of the stratum in the sample (allocated + department top-ups). */
  sampled: number;
  /** Total budget of the stratum (万元). */
  budget: number;
}

export interface SampleResult {
  seed: number;
  rate: number;
  strata: Strata;
  minPerDepartment: number;
  allAbove: number | null;
  /** Projects in the population (after duplicates were counted once). */
  population: number;
  /** ⌈rate × N⌉. */
  target: number;
  picks: SamplePick[];
  counts: StratumCount[];
  /** --must entries that named no project. */
  unmatched: string[];
  /** Duplicate submissions left out of the population. */
  duplicates: number;
  departments: number;
}

const GRADE_ORDER = ["优", "良", "中", "差", "未评定"];
export const AMOUNT_BANDS: readonly { label: string; min: number }[] = [
  { label: "500万元及以上", min: 500 },
  { label: "100万～500万元", min: 100 },
  { label: "10万～100万元", min: 10 },
  { label: "10万元以下", min: -Infinity },
];
export const NO_DEPARTMENT = "（未填主管部门）";

const norm = (s: string | null | undefined): string => (s ?? "").replace(/\s+/g, "").normalize("NFKC");

/** The stratum a project falls in. */
export function stratumOf(p: Project, strata: Strata): string {
  if (strata === "grade") return projectGrade(p) ?? "未评定";
  if (strata === "department") return p.department?.trim() || NO_DEPARTMENT;
  const b = projectBudget(p) ?? 0;
  return AMOUNT_BANDS.find((x) => b >= x.min)!.label;
}

function orderKey(p: Project): string {
  return [p.code ?? "", p.name, p.department ?? "", p.unit ?? "", p.location.file, p.location.sheet, p.location.cell ?? ""].join("\u0001");
}

/** Sampled population: project self-assessments, each submission once (same code, or same name, department and unit). */
export function samplePopulation(projects: readonly Project[]): { population: Project[]; duplicates: number } {
  const sorted = projects.filter((p) => p.template === "self-assessment" && p.scope !== "department").sort((a, b) => (orderKey(a) < orderKey(b) ? -1 : orderKey(a) > orderKey(b) ? 1 : 0));
  const seen = new Set<string>();
  const population: Project[] = [];
  let duplicates = 0;
  for (const p of sorted) {
    const keys = [p.code ? `c:${norm(p.code)}` : null, `n:${norm(p.name)}|${norm(p.department)}|${norm(p.unit)}`].filter((k): k is string => k !== null);
    if (keys.some((k) => seen.has(k))) {
      duplicates++;
      continue;
    }
    keys.forEach((k) => seen.add(k));
    population.push(p);
  }
  return { population, duplicates };
}

/** Largest-remainder (Hamilton) shares of n in proportion to sizes; ties go to the earlier stratum. */
export function largestRemainder(n: number, sizes: readonly number[]): number[] {
  const total = sizes.reduce((a, x) => a + x, 0);
  if (total === 0) return sizes.map(() => 0);
  const quotas = sizes.map((s) => (n * s) / total);
  const out = quotas.map((q) => Math.floor(q));
  let left = n - out.reduce((a, x) => a + x, 0);
  const order = quotas.map((q, i) => ({ i, r: q - Math.floor(q) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    if (out[i] < sizes[i]) {
      out[i]++;
      left--;
    }
  }
  return out;
}

/** k of `items` drawn with probability proportional to weight, without replacement (Efraimidis–Spirakis). */
export function ppsDraw<T>(items: readonly T[], weight: (x: T) => number, k: number, rng: () => number): T[] {
  if (k <= 0 || items.length === 0) return [];
  const ws = items.map((x) => Math.max(0, weight(x)));
  const positive = ws.filter((w) => w > 0);
  const floor = positive.length ? Math.min(...positive) / 10 : 1;
  const keyed = items.map((x, i) => {
    const u = Math.max(rng(), Number.MIN_VALUE);
    return { x, i, key: Math.log(u) / (ws[i] > 0 ? ws[i] : floor) };
  });
  keyed.sort((a, b) => b.key - a.key || a.i - b.i);
  return keyed.slice(0, k).map((e) => e.x);
}

function matchesMust(p: Project, m: string): boolean {
  const t = norm(m);
  return t !== "" && (norm(p.code) === t || norm(p.name) === t);
}

export function drawSample(projects: readonly Project[], opts: SampleOptions): SampleResult {
  if (!(opts.rate > 0 && opts.rate <= 1)) throw new RangeError(`rate must be in (0, 1]: ${opts.rate}`);
  const strata = opts.strata ?? "grade";
  const minPerDepartment = Math.max(0, Math.floor(opts.minPerDepartment ?? 1));
  const allAbove = opts.allAbove ?? null;
  const rng = mulberry32(opts.seed);
  const { population, duplicates } = samplePopulation(projects);
  const N = population.length;
  const target = N === 0 ? 0 : Math.min(N, Math.max(1, Math.ceil(opts.rate * N - 1e-9)));
  const budget = (p: Project) => projectBudget(p) ?? 0;

  // Strata in a fixed order.
  const groups = new Map<string, Project[]>();
  for (const p of population) {
    const s = stratumOf(p, strata);
    const g = groups.get(s);
    if (g) g.push(p);
    else groups.set(s, [p]);
  }
  const names = [...groups.keys()].sort((a, b) => {
    if (strata === "grade") return GRADE_ORDER.indexOf(a) - GRADE_ORDER.indexOf(b);
    if (strata === "amount") return AMOUNT_BANDS.findIndex((x) => x.label === a) - AMOUNT_BANDS.findIndex((x) => x.label === b);
    return a < b ? -1 : a > b ? 1 : 0;
  });

  const picked = new Map<Project, SamplePick>();
  const must = opts.must ?? [];
  const unmatched: string[] = [];
  for (const m of must) {
    const hits = population.filter((p) => matchesMust(p, m));
    if (hits.length === 0) unmatched.push(m);
    for (const p of hits) if (!picked.has(p)) picked.set(p, { project: p, stratum: stratumOf(p, strata), reason: "must" });
  }
  if (allAbove !== null) {
    for (const p of population) if (!picked.has(p) && budget(p) >= allAbove) picked.set(p, { project: p, stratum: stratumOf(p, strata), reason: "above" });
  }

  const shares = largestRemainder(target, names.map((s) => groups.get(s)!.length));
  const counts: StratumCount[] = names.map((s, i) => {
    const members = groups.get(s)!;
    const certain = members.filter((p) => picked.has(p)).length;
    const allocated = Math.min(members.length, Math.max(shares[i], certain));
    for (const p of ppsDraw(members.filter((p) => !picked.has(p)), budget, allocated - certain, rng)) picked.set(p, { project: p, stratum: s, reason: "drawn" });
    return { stratum: s, population: members.length, allocated, sampled: 0, budget: Math.round(members.reduce((a, p) => a + budget(p), 0) * 100) / 100 };
  });

  // Every department represented.
  const byDept = new Map<string, Project[]>();
  for (const p of population) {
    const d = p.department?.trim() || NO_DEPARTMENT;
    const g = byDept.get(d);
    if (g) g.push(p);
    else byDept.set(d, [p]);
  }
  if (minPerDepartment > 0) {
    for (const d of [...byDept.keys()].sort()) {
      const members = byDept.get(d)!;
      const have = members.filter((p) => picked.has(p)).length;
      if (have >= minPerDepartment) continue;
      for (const p of ppsDraw(members.filter((p) => !picked.has(p)), budget, minPerDepartment - have, rng)) {
        picked.set(p, { project: p, stratum: stratumOf(p, strata), reason: "department" });
      }
    }
  }

  const picks = population.filter((p) => picked.has(p)).map((p) => picked.get(p)!);
  for (const c of counts) c.sampled = picks.filter((x) => x.stratum === c.stratum).length;
  return { seed: opts.seed, rate: opts.rate, strata, minPerDepartment, allAbove, population: N, target, picks, counts, unmatched, duplicates, departments: byDept.size };
}

/** "20%", "0.2", "20" → 0.2; null when it is no rate. */
export function parseRate(text: string): number | null {
  const t = text.trim().replace(/％/g, "%");
  const m = /^(\d+(?:\.\d+)?)(%?)$/.exec(t);
  if (!m) return null;
  const x = Number(m[1]);
  const rate = m[2] === "%" || x > 1 ? x / 100 : x;
  return rate > 0 && rate <= 1 ? rate : null;
}
