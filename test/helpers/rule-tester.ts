/**
 * ESLint-style rule tester: each rule has a table of valid cases (no finding of this rule) and invalid
 * cases (exactly these findings). Cases run through the real pipeline (scoring, review matching) with
 * only the rule under test enabled, in Chinese and in English.
 */
import { check, type CheckOptions } from "../../src/engine";
import type { WorkbookReading } from "../../src/engine/read";
import type { Finding, Project, ReviewEntry, SheetInfo } from "../../src/engine/model";
import type { Rule } from "../../src/engine/rules/types";

export interface RuleCase {
  name: string;
  project?: Project;
  projects?: Project[];
  reviews?: ReviewEntry[];
  sheets?: SheetInfo[];
  /** Workbooks read from real grids (takes precedence over project/projects/reviews/sheets). */
  readings?: WorkbookReading[];
  options?: Omit<CheckOptions, "rules" | "lang">;
}

export interface ExpectedHit {
  cell?: string | null;
  project?: string | null;
  sheet?: string | null;
  /** Severity after profile overrides (default: the rule's). */
  severity?: Finding["severity"];
  /** A subset of the finding's data. */
  data?: Record<string, string | number | null>;
}

export interface InvalidCase extends RuleCase {
  hits: ExpectedHit[];
}

function readingsOf(c: RuleCase): WorkbookReading[] {
  if (c.readings) return c.readings;
  const projects = c.projects ?? (c.project ? [c.project] : []);
  return [{ file: projects[0]?.location.file ?? "test.xlsx", sheets: c.sheets ?? [], projects, reviews: c.reviews ?? [] }];
}

/**
 * The data keys a message or suggestion reads that its finding's data does not have: a misspelled placeholder
 * (`d.nmae`) renders as "" or "—" and would pass unseen (ESLint's RuleTester fails on unsubstituted placeholders).
 */
export function missingPlaceholders(rule: Rule, data: Record<string, unknown>): string[] {
  const missing = new Set<string>();
  const probe = new Proxy(data, {
    get(target, key) {
      if (typeof key === "string" && !(key in target)) missing.add(key);
      return Reflect.get(target, key);
    },
  }) as Record<string, string | number | null>;
  for (const lang of ["zh", "en"] as const) {
    rule.message[lang](probe);
    rule.suggestion[lang](probe);
  }
  return [...missing];
}

export function findingsFor(rule: Rule, c: RuleCase, lang: "zh" | "en" = "zh"): Finding[] {
  const report = check(readingsOf(c), { ...c.options, rules: [rule], lang });
  return report.findings.filter((f) => f.rule === rule.id);
}

export function testRule(rule: Rule, cases: { valid: RuleCase[]; invalid: InvalidCase[] }): void {
  describe(rule.id, () => {
    it("has complete metadata", () => {
      expect(rule.id).toMatch(/^[a-z]+\/[a-z0-9-]+$/);
      expect(rule.docs.zh.length).toBeGreaterThan(5);
      expect(rule.docs.en.length).toBeGreaterThan(5);
      expect(cases.valid.length).toBeGreaterThan(0);
      expect(cases.invalid.length).toBeGreaterThan(0);
    });
    describe("valid", () => {
      for (const c of cases.valid) {
        it(c.name, () => {
          expect(findingsFor(rule, c).map((f) => `${f.cell ?? ""} ${f.message}`)).toEqual([]);
        });
      }
    });
    describe("invalid", () => {
      for (const c of cases.invalid) {
        it(c.name, () => {
          const found = findingsFor(rule, c);
          expect(found.map((f) => `${f.cell ?? ""} ${f.message}`)).toHaveLength(c.hits.length);
          c.hits.forEach((h, i) => {
            const f = found[i];
            if (h.cell !== undefined) expect(f.cell).toBe(h.cell);
            if (h.project !== undefined) expect(f.project).toBe(h.project);
            if (h.sheet !== undefined) expect(f.sheet).toBe(h.sheet);
            expect(f.severity).toBe(h.severity ?? rule.severity);
            if (h.data) expect(f.data).toMatchObject(h.data);
            expect(f.message).toMatch(/[\u4e00-\u9fa5]/);
            expect(f.suggestion.length).toBeGreaterThan(0);
            expect(`${f.message} ${f.suggestion}`).not.toMatch(/undefined|NaN|\[object Object\]/);
            expect(missingPlaceholders(rule, f.data)).toEqual([]);
          });
          const en = findingsFor(rule, c, "en");
          expect(en).toHaveLength(c.hits.length);
          for (const f of en) {
            expect(f.message).toMatch(/[A-Za-z]/);
            expect(`${f.message} ${f.suggestion}`).not.toMatch(/undefined|NaN|\[object Object\]/);
          }
        });
      }
    });
  });
}
