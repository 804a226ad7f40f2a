/**
 * Matching across sheets and files (SPEC §2.4, §5 goal/* and spotcheck/*).
 *
 * Spot-check reviews → projects (`matchReview`, `attachReviews`):
 * - Only self-assessments and department-level forms are reviewed; goal tables never match a review.
 * - By project code when both sides have one (codes compare half-width, without spaces, upper case).
 *   A project whose code differs from the review's code is a different project, whatever its name.
 * - Else by normalised name (`projectNameKey`: full-width → half-width, no spaces, （）【】〔〕[] → (),
 *   quotes dropped, a leading project code removed). When no name is equal, a loose key (bracketed parts
 *   and a trailing 项目 dropped) is tried.
 * - When several projects share the name, 主管部门 decides: "219-某某镇人民政府", "[201]县教育和体育局" and
 *   "某某镇人民政府" are the same department (leading codes dropped); the department code and the
 *   implementing unit count too, then containment ("区民政局" within "某区民政局"). If the review names a
 *   department that none of the same-named projects has, the review matches nothing (it is reported as
 *   spotcheck/no-self-assessment rather than compared with a stranger's form). A single same-named
 *   project matches whatever its department.
 * - Still tied: a project no other list row has claimed (rows naming a code or department claim first),
 *   then one already claimed by a list row of the same name (a per-indicator sheet joins its list row),
 *   then one in the review's own file, then the first read.
 * - A list row (复核得分/复核等级) and a per-indicator sheet ("实际绩效") for the same project combine: the
 *   list gives score, grade and note; the sheet gives per-indicator reviews.
 * - Per-indicator reviews attach by normalised indicator name (`pairIndicators`: 二级 decides when a
 *   name repeats, then order). Review columns on the self-assessment sheet itself win over a detail sheet.
 * - Review score when the list gives none: execution score + per-indicator review scores, when every
 *   weighted indicator has one (from a detail sheet, or from review columns on the form itself).
 *
 * Goal tables ↔ self-assessments (`matchGoals`): the same project by code, else by name with compatible
 * departments (equal after the rules above, or one side blank) and the same year when both state one;
 * each self-assessment is compared with one goal table (code match first, same file first).
 */
import type { Indicator, Level1Key, Level2Key, Location, Project, ProjectReview, ReviewEntry } from "./model";
import type { Profile } from "./profiles/schema";
import { departmentKey, nameKey, splitLeadingCode, splitProjectCode, toHalfWidth, trimEndChars } from "./read/normalise";
import { gradeOf } from "./score/grade";
import { finite, round2 } from "./score/round";

// ---------------------------------------------------------------------------------------------
// Keys
// ---------------------------------------------------------------------------------------------

/**
 * The keys below are pure string → string functions that matching asks for over and over (the key of every
 * project for every review row and goal table): each remembers its results in a bounded cache.
 */
const KEY_CACHE_MAX = 20000;
const CODE_KEYS = new Map<string, string>();
const PROJECT_NAME_KEYS = new Map<string, string>();
const LOOSE_PROJECT_NAME_KEYS = new Map<string, string>();
const INDICATOR_KEYS = new Map<string, string>();
const DEPARTMENT_KEYS = new Map<string, string>();
const DEPARTMENT_CODES = new Map<string, string | null>();

function cachedKey<K extends string | null>(cache: Map<string, K>, s: string, compute: (s: string) => K): K {
  let k = cache.get(s);
  if (k === undefined) {
    if (cache.size >= KEY_CACHE_MAX) cache.clear();
    k = compute(s);
    cache.set(s, k);
  }
  return k;
}

/** Project code key: half-width, no spaces or separators, upper case ("" when none). */
export function codeKey(code: string | null | undefined): string {
  if (!code) return "";
  return cachedKey(CODE_KEYS, code, computeCodeKey);
}

function computeCodeKey(code: string): string {
  return toHalfWidth(code).replace(/[\s\-—_]+/g, "").toUpperCase();
}

/** Unify every bracket style to ASCII parentheses (after nameKey has mapped （）). */
function unifyBrackets(s: string): string {
  return s.replace(/[【〔［[｛{〈《]/g, "(").replace(/[】〕］\]｝}〉》]/g, ")");
}

/** Normalised project name for matching; a leading project code is removed. */
export function projectNameKey(name: string | null | undefined): string {
  if (!name) return "";
  return cachedKey(PROJECT_NAME_KEYS, name, computeProjectNameKey);
}

function computeProjectNameKey(name: string): string {
  return trimEndChars(unifyBrackets(nameKey(splitProjectCode(name).name)), "。.，,;；:：");
}

/** Looser project name: bracketed parts and a trailing 项目 dropped ("公共文化场馆免费开放(2023年)项目"). */
export function looseProjectNameKey(name: string | null | undefined): string {
  if (!name) return "";
  return cachedKey(LOOSE_PROJECT_NAME_KEYS, name, computeLooseProjectNameKey);
}

function computeLooseProjectNameKey(name: string): string {
  const k = projectNameKey(name)
    .replace(/\([^()]*\)/g, "")
    .replace(/[-—_·・、]/g, "");
  return k.replace(/(项目|资金|专项)$/, "") || k;
}

/** Normalised indicator name (full-width, spaces, brackets, trailing punctuation). */
export function indicatorKey(name: string | null | undefined): string {
  if (!name) return "";
  return cachedKey(INDICATOR_KEYS, name, computeIndicatorKey);
}

function computeIndicatorKey(name: string): string {
  // Leading numbering ("1.", "2、", "(3)", "一、") is not part of the name.
  const k = unifyBrackets(nameKey(name)).replace(/^(?:\d{1,2}|[一二三四五六七八九十]{1,2})[.、)](?!\d)|^\(\d{1,2}\)/, "");
  return trimEndChars(k, "。.，,;；:："); // a loop: /[…]+$/ is quadratic on long runs
}

/** Looser indicator name: bracketed parts (units such as "（%）", "（所）") dropped. */
export function looseIndicatorKey(name: string | null | undefined): string {
  const k = indicatorKey(name).replace(/\([^()]*\)/g, "");
  return k || indicatorKey(name);
}

/** Department code of a label ("219-某某镇人民政府" → "219"), or null. */
function departmentCodeOf(s: string | null | undefined): string | null {
  if (!s) return null;
  return cachedKey(DEPARTMENT_CODES, s, leadingCode);
}

function leadingCode(s: string): string | null {
  return splitLeadingCode(s).code;
}

/** `departmentKey` (read/normalise), remembered: a review's department is compared with every same-named project's. */
function deptKey(s: string | null | undefined): string {
  return cachedKey(DEPARTMENT_KEYS, s ?? "", departmentKey);
}

/** How well a review/goal department fits a project: 2 same department, 1 loosely, 0 not. */
export function departmentFit(project: Pick<Project, "department" | "departmentCode" | "unit">, department: string | null | undefined): 0 | 1 | 2 {
  if (!department) return 0;
  const dk = deptKey(department);
  if (!dk) return 0;
  const pk = deptKey(project.department);
  if (pk && pk === dk) return 2;
  const code = departmentCodeOf(department);
  const pcode = project.departmentCode ?? departmentCodeOf(project.department);
  if (code && pcode && codeKey(code) === codeKey(pcode)) return 2;
  const uk = deptKey(project.unit);
  if (uk && uk === dk) return 2;
  const contains = (a: string, b: string) => a.length >= 2 && b.length >= 2 && (a.includes(b) || b.includes(a));
  if (pk && contains(pk, dk)) return 1;
  if (uk && contains(uk, dk)) return 1;
  return 0;
}

// ---------------------------------------------------------------------------------------------
// Reviews → projects
// ---------------------------------------------------------------------------------------------

/** Whether a review entry is a list row (score or grade) rather than a per-indicator sheet. */
export function isListEntry(r: ReviewEntry): boolean {
  return r.score !== null || r.grade !== null || r.indicators.length === 0;
}

export interface MatchState {
  /** Project ids claimed by list rows so far, with the name key of the claiming row. */
  claimed: Map<string, string>;
}

function reviewable(p: Project): boolean {
  return p.template === "self-assessment" || p.template === "department-self-assessment";
}

/** Resolve several same-named candidates. */
function pick(review: ReviewEntry, list: Project[], state: MatchState | undefined): Project | null {
  if (list.length <= 1) return list[0] ?? null;
  if (review.department) {
    const fits = list.map((p) => departmentFit(p, review.department));
    const best = Math.max(...fits);
    // The review names a department that none of the same-named projects has: do not guess.
    if (best === 0) return null;
    list = list.filter((_p, i) => fits[i] === best);
    if (list.length === 1) return list[0];
  }
  // Units of one department often run projects of the same name (公用经费): the 实施单位 a review names decides.
  if (review.unit) {
    const uk = deptKey(review.unit);
    const sameUnit = list.filter((p) => deptKey(p.unit) === uk);
    if (sameUnit.length > 0) list = sameUnit;
    if (list.length === 1) return list[0];
  }
  if (state) {
    const key = projectNameKey(review.name);
    if (isListEntry(review)) {
      const free = list.filter((p) => !state.claimed.has(p.id));
      if (free.length > 0) list = free;
    } else {
      const joined = list.filter((p) => state.claimed.get(p.id) === key);
      if (joined.length > 0) list = joined;
    }
  }
  const sameFile = list.filter((p) => p.location.file === review.location.file);
  if (sameFile.length > 0) list = sameFile;
  return list[0];
}

/**
 * The project a review entry belongs to (only self-assessments and department forms are reviewed), or
 * null. `state` (used by attachReviews) makes list rows claim distinct projects when names tie.
 */
export function matchReview(review: ReviewEntry, projects: Project[], state?: MatchState): Project | null {
  return matchIndexed(review, indexProjects(projects), state);
}

/** matchReview for many reviews over the same projects: the projects are indexed once. */
export function reviewMatcher(projects: readonly Project[]): (review: ReviewEntry, state?: MatchState) => Project | null {
  const idx = indexProjects(projects);
  return (review, state) => matchIndexed(review, idx, state);
}

/** Reviewable projects by their keys, each list in run order (built once per attachReviews). */
interface ProjectIndex {
  byCode: Map<string, Project[]>;
  /** By name key and loose name key: all reviewable projects, and those without a code. */
  byName: Map<string, Project[]>;
  byNameNoCode: Map<string, Project[]>;
  byLoose: Map<string, Project[]>;
  byLooseNoCode: Map<string, Project[]>;
}

function indexProjects(projects: readonly Project[]): ProjectIndex {
  const idx: ProjectIndex = { byCode: new Map(), byName: new Map(), byNameNoCode: new Map(), byLoose: new Map(), byLooseNoCode: new Map() };
  const add = (m: Map<string, Project[]>, k: string, p: Project) => {
    const list = m.get(k);
    if (list) list.push(p);
    else m.set(k, [p]);
  };
  for (const p of projects) {
    if (!reviewable(p)) continue;
    const code = codeKey(p.code);
    const name = projectNameKey(p.name);
    const loose = looseProjectNameKey(p.name);
    if (code) add(idx.byCode, code, p);
    add(idx.byName, name, p);
    add(idx.byLoose, loose, p);
    if (!code) {
      add(idx.byNameNoCode, name, p);
      add(idx.byLooseNoCode, loose, p);
    }
  }
  return idx;
}

const NONE: Project[] = [];

/** matchReview over an index of the projects: the same decisions, without filtering every project per review. */
function matchIndexed(review: ReviewEntry, idx: ProjectIndex, state?: MatchState): Project | null {
  let noCode = false;
  const rcode = codeKey(review.code);
  if (rcode) {
    const byCode = idx.byCode.get(rcode) ?? NONE;
    if (byCode.length === 1) return byCode[0];
    if (byCode.length > 1) {
      const key = projectNameKey(review.name);
      const named = byCode.filter((p) => projectNameKey(p.name) === key);
      return pick(review, named.length > 0 ? named : byCode, state);
    }
    // A project with another code is another project.
    noCode = true;
  }
  const key = projectNameKey(review.name);
  if (!key) return null;
  const byName = (noCode ? idx.byNameNoCode : idx.byName).get(key) ?? NONE;
  if (byName.length > 0) return pick(review, byName, state);
  // Loose names: only with a compatible department (a loose name alone is too weak).
  const loose = looseProjectNameKey(review.name);
  const byLoose = ((noCode ? idx.byLooseNoCode : idx.byLoose).get(loose) ?? NONE).filter(
    (p) => !review.department || !p.department || departmentFit(p, review.department) > 0,
  );
  return pick(review, byLoose, state);
}

export interface ReviewAttachment {
  projects: Project[];
  /** For each review entry (same order), the id of its project or null. */
  matches: (string | null)[];
}

/** The indicator-level fields pairIndicators looks at. */
export interface PairableIndicator {
  name: string;
  level1: Level1Key | null;
  level2: Level2Key | null;
}

export interface IndicatorPairing {
  /** [left index, right index] */
  pairs: [number, number][];
  leftOnly: number[];
  rightOnly: number[];
}

/**
 * Pair two indicator lists of the same project: by normalised name; where a name occurs more than once
 * on either side, by name + 二级 (then 一级), then in order; then, for what is left, by the loose name
 * (bracketed units dropped) when it is unique on both sides.
 */
export function pairIndicators(left: readonly PairableIndicator[], right: readonly PairableIndicator[]): IndicatorPairing {
  const pairs: [number, number][] = [];
  const usedL = new Set<number>();
  const usedR = new Set<number>();
  const groups = (list: readonly PairableIndicator[], keyOf: (x: PairableIndicator) => string) => {
    const m = new Map<string, number[]>();
    list.forEach((x, i) => {
      const k = keyOf(x);
      if (!k) return;
      const arr = m.get(k) ?? [];
      arr.push(i);
      m.set(k, arr);
    });
    return m;
  };
  const take = (l: number, r: number) => {
    pairs.push([l, r]);
    usedL.add(l);
    usedR.add(r);
  };

  const gl = groups(left, (x) => indicatorKey(x.name));
  const gr = groups(right, (x) => indicatorKey(x.name));
  for (const [k, ls] of gl) {
    const rs = gr.get(k);
    if (!rs) continue;
    if (ls.length === 1 && rs.length === 1) {
      take(ls[0], rs[0]);
      continue;
    }
    // Repeated name: same 二级 first, then same 一级, then in order.
    const tiers: ((x: PairableIndicator) => string | null)[] = [(x) => x.level2, (x) => x.level1];
    for (const tier of tiers) {
      for (const l of ls) {
        if (usedL.has(l)) continue;
        const t = tier(left[l]);
        if (t === null) continue;
        const r = rs.find((j) => !usedR.has(j) && tier(right[j]) === t);
        if (r !== undefined) take(l, r);
      }
    }
    const restL = ls.filter((l) => !usedL.has(l));
    const restR = rs.filter((r) => !usedR.has(r));
    for (let i = 0; i < Math.min(restL.length, restR.length); i++) take(restL[i], restR[i]);
  }

  // Loose names for what is left, only when unique on both sides.
  const ll = groups(left, (x) => looseIndicatorKey(x.name));
  const lr = groups(right, (x) => looseIndicatorKey(x.name));
  for (const [k, ls] of ll) {
    const rs = lr.get(k);
    if (!rs) continue;
    const fl = ls.filter((l) => !usedL.has(l));
    const fr = rs.filter((r) => !usedR.has(r));
    if (fl.length === 1 && fr.length === 1 && ls.length === 1 && rs.length === 1) take(fl[0], fr[0]);
  }

  pairs.sort((a, b) => a[0] - b[0]);
  return {
    pairs,
    leftOnly: left.map((_x, i) => i).filter((i) => !usedL.has(i)),
    rightOnly: right.map((_x, i) => i).filter((i) => !usedR.has(i)),
  };
}

function hasOwnReviewScore(ind: Indicator): boolean {
  return ind.review !== null && ind.review.score !== null;
}

/** Review total from per-indicator scores: execution score + Σ review scores, when complete. */
function reviewTotal(p: Project, scores: (number | null)[]): number | null {
  if (scores.length === 0 || scores.every((s) => s === null)) return null;
  let sum = 0;
  for (let i = 0; i < p.indicators.length; i++) {
    const s = scores[i];
    const w = p.indicators[i].weight;
    if (s === null) {
      if (w !== null && w > 0) return null;
      continue;
    }
    sum += s;
  }
  const execution = p.budget?.computedScore ?? p.budget?.score ?? 0;
  return finite(round2(execution + sum)); // scores of ±1.8e308 can add up past a number: not known
}

/** Attach review scores, grades, gaps and per-indicator reviews to the projects (new objects). */
export function attachReviews(projects: Project[], reviews: ReviewEntry[], profile: Profile): ReviewAttachment {
  const state: MatchState = { claimed: new Map() };
  const matches: (string | null)[] = new Array<string | null>(reviews.length).fill(null);
  // List rows first (they claim projects), those naming a code or department before those that do not
  // (so a bare row cannot take the project a specific row names), then per-indicator sheets (which may
  // join a claimed project).
  const rank = (r: ReviewEntry) => (isListEntry(r) ? 0 : 2) + (codeKey(r.code) || r.department ? 0 : 1);
  const order = reviews.map((_r, i) => i).sort((a, b) => rank(reviews[a]) - rank(reviews[b]) || a - b);
  const idx = indexProjects(projects);
  for (const i of order) {
    const r = reviews[i];
    const p = matchIndexed(r, idx, state);
    matches[i] = p?.id ?? null;
    if (p && isListEntry(r) && !state.claimed.has(p.id)) state.claimed.set(p.id, projectNameKey(r.name));
  }
  const byProject = new Map<string, ReviewEntry[]>();
  reviews.forEach((r, i) => {
    const id = matches[i];
    if (!id) return;
    const list = byProject.get(id) ?? [];
    list.push(r);
    byProject.set(id, list);
  });

  const out = projects.map((p) => {
    const entries = byProject.get(p.id) ?? [];
    const own = p.indicators.some(hasOwnReviewScore);
    if (entries.length === 0 && !own) return p;

    const list =
      entries.find((e) => e.score !== null) ?? entries.find((e) => e.grade !== null) ?? entries.find((e) => e.indicators.length === 0) ?? null;
    const details = entries.filter((e) => e.indicators.length > 0);

    // Per-indicator reviews: the form's own review columns win; else the first detail sheet that has the row.
    let indicators: Indicator[] = p.indicators;
    let detailScores: (number | null)[] | null = null;
    for (const d of details) {
      const { pairs } = pairIndicators(p.indicators, d.indicators);
      if (pairs.length === 0) continue;
      const scores: (number | null)[] = new Array<number | null>(p.indicators.length).fill(null);
      const next = indicators.slice();
      for (const [li, ri] of pairs) {
        const row = d.indicators[ri];
        scores[li] = row.score;
        if (!hasOwnReviewScore(next[li])) {
          next[li] = { ...next[li], review: { actual: row.actual, score: row.score, note: row.note, cell: row.cell } };
        }
      }
      indicators = next;
      if (detailScores === null) detailScores = scores;
    }

    let score = list?.score ?? null;
    let location: Location | null = list?.location ?? details[0]?.location ?? null;
    if (score === null && detailScores) score = reviewTotal(p, detailScores);
    if (score === null && own) {
      score = reviewTotal(
        p,
        p.indicators.map((ind) => ind.review?.score ?? null),
      );
      if (location === null) location = { ...p.location };
    }
    const review: ProjectReview = {
      score,
      grade: list?.grade ?? gradeOf(score, profile),
      gap: score !== null && p.selfScore !== null ? finite(round2(score - p.selfScore)) : null,
      note: list?.note ?? details.find((d) => d.note)?.note ?? null,
      location,
    };
    return { ...p, indicators, review };
  });
  return { projects: out, matches };
}

/** The review entries matched to a project (run order). */
export function reviewEntriesOf(projectId: string, reviews: readonly ReviewEntry[], matches: readonly (string | null)[]): ReviewEntry[] {
  return reviews.filter((_r, i) => matches[i] === projectId);
}

/**
 * Where an indicator's review score came from: the form's own review column (sheet: the project's sheet,
 * cell: the review cell), or a per-indicator review sheet (its file, sheet and row cell). Null when the
 * indicator has no review.
 */
export function indicatorReviewSource(
  project: Project,
  ind: Indicator,
  reviews: readonly ReviewEntry[],
  matches: readonly (string | null)[],
): { onForm: boolean; file: string; sheet: string; cell: string | null } | null {
  if (!ind.review) return null;
  if (ind.cells.reviewScore !== null && ind.review.cell === ind.cells.reviewScore) {
    return { onForm: true, file: project.location.file, sheet: project.location.sheet, cell: ind.review.cell };
  }
  const key = indicatorKey(ind.name);
  for (const e of reviewEntriesOf(project.id, reviews, matches)) {
    const row = e.indicators.find((x) => x.cell === ind.review!.cell && indicatorKey(x.name) === key) ?? e.indicators.find((x) => x.cell === ind.review!.cell);
    if (row) return { onForm: false, file: e.location.file, sheet: e.location.sheet, cell: row.cell };
  }
  return { onForm: true, file: project.location.file, sheet: project.location.sheet, cell: ind.review.cell };
}

/** A reviewed project with no self-assessment: its review entries (list row first). */
export interface UnmatchedReview {
  /** The entry findings point at: the list row when there is one, else the per-indicator sheet. */
  entry: ReviewEntry;
  entries: ReviewEntry[];
  /** Review grade: the list's, else computed from its score. */
  grade: ReviewEntry["grade"];
  score: number | null;
  /** Same-named projects that exist but were not matched (goal tables, other departments). */
  sameNamed: Project[];
}

/**
 * Review entries that matched no self-assessment, one group per reviewed project (a list row and a
 * per-indicator sheet of the same name — and compatible department — are one project).
 */
export function unmatchedReviews(
  reviews: readonly ReviewEntry[],
  matches: readonly (string | null)[],
  projects: readonly Project[],
  profile: Profile,
): UnmatchedReview[] {
  const groups: ReviewEntry[][] = [];
  const identity = (r: ReviewEntry) => codeKey(r.code) || projectNameKey(r.name);
  reviews.forEach((r, i) => {
    if (matches[i] !== null) return;
    const g = groups.find((list) =>
      list.some((x) => {
        // Two rows of one list sheet are two projects, even when their names are equal.
        if (isListEntry(x) && isListEntry(r) && x.location.file === r.location.file && x.location.sheet === r.location.sheet) return false;
        const sameCode = codeKey(x.code) && codeKey(r.code) ? codeKey(x.code) === codeKey(r.code) : false;
        const sameName = projectNameKey(x.name) === projectNameKey(r.name);
        if (!(sameCode || sameName)) return false;
        if (codeKey(x.code) && codeKey(r.code) && !sameCode) return false;
        return !x.department || !r.department || deptKey(x.department) === deptKey(r.department);
      }),
    );
    if (g) g.push(r);
    else groups.push([r]);
  });
  return groups.map((entries) => {
    const sorted = [...entries].sort((a, b) => Number(!isListEntry(a)) - Number(!isListEntry(b)));
    const entry = sorted.find((e) => e.score !== null || e.grade !== null) ?? sorted[0];
    const score = entry.score;
    const key = projectNameKey(entry.name);
    const id = identity(entry);
    return {
      entry,
      entries: sorted,
      grade: entry.grade ?? gradeOf(score, profile),
      score,
      sameNamed: projects.filter((p) => projectNameKey(p.name) === key || (id && codeKey(p.code) === id)),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Goal tables ↔ self-assessments
// ---------------------------------------------------------------------------------------------

export interface GoalMatch {
  goal: Project;
  self: Project;
}

/**
 * How well a goal table fits a self-assessment: 3 code, 2 name + department, 1 name (a department blank),
 * 0 no (different years, different codes, or different 实施单位).
 */
function goalFit(goal: Project, self: Project): number {
  if (goal.year !== null && self.year !== null && goal.year !== self.year) return 0;
  const gc = codeKey(goal.code);
  const sc = codeKey(self.code);
  if (gc && sc) return gc === sc ? 3 : 0;
  if (projectNameKey(goal.name) !== projectNameKey(self.name)) return 0;
  // Many units run a project of the same name (工资性支出): different 实施单位 are different projects.
  const gu = deptKey(goal.unit);
  const su = deptKey(self.unit);
  if (gu && su && gu !== su) return 0;
  if (!deptKey(goal.department) || !deptKey(self.department)) return 1;
  const fit = Math.max(
    departmentFit(self, goal.department),
    departmentFit(goal, self.department),
  );
  return fit === 0 ? 0 : fit === 2 ? 2 : 1.5;
}

/** Each self-assessment with the goal table of the same project (one goal table each). */
export function matchGoals(projects: readonly Project[]): GoalMatch[] {
  const goals = projects.filter((p) => p.template === "goal");
  if (goals.length === 0) return [];
  const out: GoalMatch[] = [];
  for (const self of projects) {
    if (self.template !== "self-assessment") continue;
    let best: Project | null = null;
    let bestFit = 0;
    for (const g of goals) {
      const fit = goalFit(g, self);
      const f = fit + (g.location.file === self.location.file ? 0.1 : 0);
      if (fit > 0 && f > bestFit) {
        best = g;
        bestFit = f;
      }
    }
    if (best) out.push({ goal: best, self });
  }
  return out;
}

/** The goal table's indicators compared with a self-assessment: the 年度 block only. */
export function annualIndicators(goal: Project): Indicator[] {
  return goal.indicators.filter((i) => i.block !== "midterm");
}
