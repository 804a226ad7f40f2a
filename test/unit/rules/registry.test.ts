/**
 * The registry is complete (ESLint's checkRuleFiles): every rule module under src/engine/rules/<group>/<name>.ts is
 * registered under the id "<group>/<name>", has its table test, and carries its titles and docs in both languages.
 * A rule added without registration, without a table or without a title fails here, not in a user's report.
 */
import fs from "node:fs";
import path from "node:path";
import { RULES, ruleById, ruleTitle } from "../../../src/engine/rules";
import type { Rule } from "../../../src/engine/rules/types";

const RULES_DIR = path.join(__dirname, "../../../src/engine/rules");
const TESTS_DIR = __dirname;

/** Every module that exports a `rule`, with the id its path implies. */
function ruleModules(): { id: string; rule: Rule }[] {
  const out: { id: string; rule: Rule }[] = [];
  for (const group of fs.readdirSync(RULES_DIR, { withFileTypes: true })) {
    if (!group.isDirectory()) continue;
    for (const f of fs.readdirSync(path.join(RULES_DIR, group.name))) {
      if (!f.endsWith(".ts")) continue;
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(path.join(RULES_DIR, group.name, f)) as { rule?: Rule };
      if (mod.rule) out.push({ id: `${group.name}/${f.replace(/\.ts$/, "")}`, rule: mod.rule });
    }
  }
  return out;
}

describe("rule registry", () => {
  const modules = ruleModules();

  it("finds the rule modules", () => {
    expect(modules.length).toBeGreaterThanOrEqual(36);
  });

  it.each(modules.map((m) => [m.id, m] as const))("%s is registered under the id its path names", (_id, m) => {
    expect(m.rule.id).toBe(m.id);
    expect(RULES).toContain(m.rule);
  });

  it("registers nothing that has no module, and every id once", () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(modules.map((m) => m.id).sort());
  });

  it.each(RULES.map((r) => [r.id, r] as const))("%s has a table test, titles and docs in both languages", (id, r) => {
    expect(fs.existsSync(path.join(TESTS_DIR, `${id}.test.ts`))).toBe(true);
    expect(r.title.zh).toMatch(/[\u4e00-\u9fa5]/);
    expect(r.title.en).toMatch(/^[A-Z]/);
    expect(r.docs.zh).toMatch(/[\u4e00-\u9fa5]/);
    expect(r.docs.en.length).toBeGreaterThan(10);
    expect(ruleById(id)).toBe(r);
    expect(ruleTitle(id, "zh")).toBe(r.title.zh);
    expect(ruleTitle(id, "en")).toBe(r.title.en);
  });

  it("an id the registry does not know shows as itself", () => {
    expect(ruleTitle("score/allfull", "zh")).toBe("score/allfull");
  });
});

describe("the rule tester's placeholder check", () => {
  it("names a data key a message reads but the finding does not have", async () => {
    const { missingPlaceholders } = await import("../../helpers/rule-tester");
    const base = RULES[0];
    const misspelled: Rule = {
      ...base,
      message: { zh: (d) => `指标“${String(d.nmae ?? "")}”`, en: (d) => `Indicator ${String(d.name)}` },
      suggestion: { zh: () => "改", en: () => "Fix" },
    } as Rule;
    expect(missingPlaceholders(misspelled, { name: "培训人次" })).toEqual(["nmae"]);
    expect(missingPlaceholders(misspelled, { name: "培训人次", nmae: "x" })).toEqual([]);
  });
});
