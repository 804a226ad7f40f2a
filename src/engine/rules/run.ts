/** Runs the rule registry and completes hits into findings (severity per profile, messages per language). */
import type { Finding, Project } from "../model";
import type { Data, Hit, Rule, RuleContext, RunInput } from "./types";

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/**
 * Last line of defence: a number in a finding's data that is not finite (NaN, ±Infinity) becomes null, which
 * messages show as "—". Rules compute with overflow-safe helpers (score/round.ts: roundScaled, finite; sum2);
 * this only keeps a slip in some rule from failing the whole run's report (zod rejects non-finite numbers).
 */
function finiteData(data: Data): Data {
  let out: Data | null = null;
  for (const k of Object.keys(data)) {
    const v = data[k];
    if (typeof v === "number" && !Number.isFinite(v)) {
      out ??= { ...data };
      out[k] = null;
    }
  }
  return out ?? data;
}

let sharedCollator: Intl.Collator | null = null;

/**
 * One collator for every sort: `a.localeCompare(b)` with no locale compares exactly as `new Intl.Collator()`
 * does, but sets up an ICU collator on every call (the sort of a county's findings made ~20,000 of them).
 */
function defaultCollator(): Intl.Collator {
  sharedCollator ??= new Intl.Collator();
  return sharedCollator;
}

export function runRules(rules: readonly Rule[], run: RunInput, ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const rule of rules) {
    const override = ctx.profile.severity[rule.id];
    if (override === "off") continue;
    const severity = override ?? rule.severity;
    const emit = (hit: Hit, project: Project | null) => {
      const data = finiteData(hit.data ?? {});
      const p = hit.project === undefined ? project : hit.project;
      out.push({
        rule: rule.id,
        severity,
        message: rule.message[ctx.lang](data),
        suggestion: rule.suggestion[ctx.lang](data),
        file: hit.file ?? p?.location.file ?? "",
        sheet: hit.sheet === undefined ? (p?.location.sheet ?? null) : hit.sheet,
        cell: hit.cell,
        project: p ? p.name : (hit.projectName ?? null),
        projectId: p ? p.id : null,
        data,
      });
    };
    if (rule.scope === "project") {
      for (const p of run.projects) for (const hit of rule.check(p, ctx)) emit(hit, p);
    } else {
      for (const hit of rule.check(run, ctx)) emit(hit, null);
    }
  }
  // Stable order: by file, sheet, project, then severity.
  const c = defaultCollator();
  return out
    .map((f, i) => ({ f, i }))
    .sort(
      (a, b) =>
        c.compare(a.f.file, b.f.file) ||
        c.compare(a.f.sheet ?? "", b.f.sheet ?? "") ||
        SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] ||
        a.i - b.i,
    )
    .map((x) => x.f);
}
