/**
 * Comparing a reading of a real form (test/fixtures/real-forms) with what a correct reading gives: every
 * difference as one line naming the project, indicator and field, e.g.
 *   project 1 "委托业务项目" indicator 2 "委托业务报告合格率": target.unit expected "%" got "百分比"
 * Used by the corpus test (grids) and the file test (the same forms written by LibreOffice).
 */
import type { Finding, Indicator, Project, ReviewEntry, Value } from "../../src/engine/model";
import type { WorkbookReading } from "../../src/engine/read";
import type { FormExpectation, IndicatorExpectation, ProjectExpectation, ReviewExpectation, ValueExpectation } from "../fixtures/real-forms/form";

const show = (v: unknown): string => (v === undefined ? "undefined" : JSON.stringify(v));

/** Differences between an expected and an actual field ("" when equal); numbers to 2 decimals. */
function differs(expected: unknown, actual: unknown): boolean {
  if (typeof expected === "number" && typeof actual === "number") return Math.abs(expected - actual) > 0.005;
  return expected !== actual;
}

export function compareFields(where: string, expected: object, actual: Record<string, unknown> | null | undefined, out: string[]): void {
  for (const [k, e] of Object.entries(expected)) {
    if (e === undefined) continue;
    const a = actual?.[k];
    if (differs(e, a)) out.push(`${where}: ${k} expected ${show(e)} got ${show(a)}`);
  }
}

function compareValue(where: string, e: ValueExpectation | null | undefined, a: Value | null | undefined, out: string[]): void {
  if (e === undefined) return;
  if (e === null) {
    if (a !== null && a !== undefined) out.push(`${where}: expected no value got ${show(a.raw)}`);
    return;
  }
  if (!a) {
    out.push(`${where}: expected ${show(e)} got ${show(a)}`);
    return;
  }
  for (const [k, v] of Object.entries(e)) {
    if (v === undefined) continue;
    const got = (a as Record<string, unknown>)[k];
    if (differs(v, got)) out.push(`${where}.${k} expected ${show(v)} got ${show(got)} (raw ${show(a.raw)})`);
  }
}

/**
 * Indicators are matched by name (and block, for goal tables with 中期/年度 blocks) in sheet order, so a block read
 * in another order is not a failure; an expected indicator with no match and a read indicator the form does not
 * have are both reported.
 */
function compareIndicators(where: string, expected: IndicatorExpectation[], actual: Indicator[], out: string[]): void {
  const used = new Set<number>();
  expected.forEach((e, i) => {
    const at = `${where} indicator ${i + 1} ${show(e.name)}${e.block ? ` (${e.block})` : ""}`;
    const j = actual.findIndex((a, k) => !used.has(k) && a.name === e.name && (e.block === undefined || a.block === e.block));
    if (j < 0) {
      const near = actual[i];
      out.push(`${at}: not read${near ? ` (indicator ${i + 1} read as ${show(near.name)} at ${near.cell})` : ""}`);
      return;
    }
    used.add(j);
    const a = actual[j];
    if (a.level1 !== e.level1) out.push(`${at}: level1 expected ${show(e.level1)} got ${show(a.level1)} (label ${show(a.level1Label)})`);
    if (a.level2 !== e.level2) out.push(`${at}: level2 expected ${show(e.level2)} got ${show(a.level2)} (label ${show(a.level2Label)})`);
    compareValue(`${at}: target`, e.target, a.target, out);
    compareValue(`${at}: actual`, e.actual, a.actual, out);
    for (const k of ["weight", "score", "reason", "block"] as const) {
      const ev = e[k];
      if (ev !== undefined && differs(ev, a[k])) out.push(`${at}: ${k} expected ${show(ev)} got ${show(a[k])}`);
    }
  });
  actual.forEach((a, k) => {
    if (!used.has(k)) out.push(`${where}: read ${show(a.name)} at ${a.cell} as an indicator, but the form has no such indicator`);
  });
}

function compareProject(i: number, e: ProjectExpectation, a: Project | undefined, out: string[]): void {
  const where = `project ${i + 1} ${show(e.name)}`;
  if (!a) {
    out.push(`${where}: not read`);
    return;
  }
  const { budget, indicators, ...fields } = e;
  compareFields(where, fields, a as unknown as Record<string, unknown>, out);
  if (budget === null) {
    if (a.budget !== null) out.push(`${where}: budget expected none got ${show(a.budget)}`);
  } else if (budget !== undefined) {
    if (!a.budget) out.push(`${where}: budget expected ${show(budget)} got null`);
    else compareFields(`${where} budget`, budget, a.budget as unknown as Record<string, unknown>, out);
  }
  if (indicators) compareIndicators(where, indicators, a.indicators, out);
}

function compareReviews(expected: ReviewExpectation[], actual: ReviewEntry[], out: string[]): void {
  const n = Math.max(expected.length, actual.length);
  for (let i = 0; i < n; i++) {
    const e = expected[i];
    const a = actual[i];
    if (!e) out.push(`review ${i + 1}: not on the form, but read ${show(a.name)}`);
    else if (!a) out.push(`review ${i + 1} ${show(e.name)}: not read`);
    else compareFields(`review ${i + 1} ${show(e.name)}`, e, a as unknown as Record<string, unknown>, out);
  }
}


/** Differences in the projects read (fields, budget, indicators), one line each; [] when the reading is right. */
export function projectDifferences(expected: FormExpectation, reading: WorkbookReading): string[] {
  const out: string[] = [];
  if (reading.projects.length !== expected.projects.length) {
    out.push(`projects: expected ${expected.projects.length} got ${reading.projects.length} (${reading.projects.map((p) => p.name).join(", ")})`);
  }
  expected.projects.forEach((e, i) => compareProject(i, e, reading.projects[i], out));
  return out;
}

/** Differences in the review rows read from a result list. */
export function reviewDifferences(expected: ReviewExpectation[], reading: WorkbookReading): string[] {
  const out: string[] = [];
  compareReviews(expected, reading.reviews, out);
  return out;
}

const findingText = (f: Finding): string => `${f.rule}@${f.cell ?? "-"}`;

/** Findings that must appear and are missing, and findings that must not appear and do. */
export function findingDifferences(expected: FormExpectation, findings: Finding[]): string[] {
  const out: string[] = [];
  for (const m of expected.findings?.must ?? []) {
    const hit = findings.some((f) => f.rule === m.rule && (m.cell === undefined || f.cell === m.cell));
    if (!hit) out.push(`missing ${m.rule}${m.cell ? `@${m.cell}` : ""} (${m.why}); found: ${findings.map(findingText).join(" ")}`);
  }
  for (const m of expected.findings?.mustNot ?? []) {
    const hits = findings.filter((f) => f.rule === m.rule && (m.cell === undefined || f.cell === m.cell));
    if (hits.length > 0) out.push(`unexpected ${hits.map(findingText).join(" ")} (${m.why})`);
  }
  return out;
}
