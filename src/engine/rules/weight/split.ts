import type { Level1Key, Project } from "../../model";
import type { Profile } from "../../profiles/schema";
import { num, str } from "../format";
import { differs, sheetWeighted, sum2 } from "../score/common";
import type { ProjectRule } from "../types";


type Group = "output" | "effect" | "satisfaction" | "effectAndSatisfaction";

const GROUP_ZH: Record<Group, string> = {
  output: "产出",
  effect: "效益",
  satisfaction: "满意度",
  effectAndSatisfaction: "效益和满意度合计",
};
const GROUP_EN: Record<Group, string> = {
  output: "output",
  effect: "effect",
  satisfaction: "satisfaction",
  effectAndSatisfaction: "effect + satisfaction",
};

function groupsOf(split: NonNullable<Profile["split"]>): Group[] {
  const combined = split.effectAndSatisfaction !== null && split.effectAndSatisfaction !== undefined;
  return combined ? ["output", "effectAndSatisfaction"] : ["output", "effect", "satisfaction"];
}

function groupOf(level1: Level1Key, combined: boolean): Group {
  switch (level1) {
    case "output":
    case "cost": // 2021 framework 成本指标: counted with 产出, as scoring does
      return "output";
    case "effect":
      return combined ? "effectAndSatisfaction" : "effect";
    case "satisfaction":
      return combined ? "effectAndSatisfaction" : "satisfaction";
  }
}

function expectedOf(split: NonNullable<Profile["split"]>, g: Group): number | null {
  const v = split[g];
  return v === undefined ? null : v;
}

/** The form itself declares one pool for all indicators ("绩效指标(90分)"): its split is free. */
function declaresOnePool(p: Project): boolean {
  return p.declaredWeights.some((d) => /^绩效指标/.test(d.label.replace(/\s+/g, "")));
}

/** Built-in profiles by their Chinese names; a user's profile by its own name. */
/** A Map: a user's profile may be called anything, "constructor" included. */
const PROFILE_ZH = new Map<string, string>([
  ["national", "全国通用"],
  ["hubei", "湖北"],
  ["sichuan", "四川"],
]);

const list = (parts: { g: Group; v: number | null }[], lang: "zh" | "en") =>
  parts.map(({ g, v }) => (lang === "zh" ? `${GROUP_ZH[g]}${num(v)}分` : `${GROUP_EN[g]} ${num(v)}`)).join(lang === "zh" ? "、" : " / ");

/**
 * First-level split differs from the profile's (SPEC §5 weight/split): national 产出 50 / 效益 30 /
 * 满意度 10; hubei 产出 40 and 效益+满意度 40; sichuan (free split) never fires.
 *
 * - Self-assessments with score columns only: department-level forms have no categories, goal tables
 *   and forms without score columns carry no weights of the user's.
 * - Only the profile's fixed parts are compared (a null part is free). 成本指标 (2021 framework) counts
 *   with 产出, as scoring does.
 * - Silent when the split cannot be known: an indicator with no weight or with an unknown 一级 category
 *   (weight/total and category/unknown report those), or no weighted indicator at all.
 * - Silent when the form declares one pool for all indicators ("绩效指标(90分)", as 四川 forms do):
 *   its own scheme shares the points freely.
 * - One finding per project listing the actual split against the expected one, at the 一级 label of
 *   the first differing category (its declared "(50分)" label, else its first indicator).
 */
export const rule: ProjectRule = {
  id: "weight/split",
  severity: "warning",
  title: { zh: "一级指标分值结构与规定不符", en: "First-level weight split differs from the profile" },
  scope: "project",
  docs: {
    zh: "一级指标分值结构应符合评分标准（全国：产出50、效益30、满意度10；湖北：产出40、效益和满意度合计40；四川自由分配不检查）。部门整体自评表无一级指标，不检查。",
    en: "The first-level split must follow the profile (national: output 50, effect 30, satisfaction 10; hubei: output 40, effect + satisfaction 40; sichuan: free, never checked). Department-level forms have no categories and are not checked.",
  },
  message: {
    zh: (d) => `一级指标分值为${str(d.actualZh)}，与评分标准（${str(d.profileZh)}）的${str(d.expectedZh)}不一致。`,
    en: (d) => `The first-level weights are ${str(d.actualEn)}; the profile (${str(d.profile)}) expects ${str(d.expectedEn)}.`,
  },
  suggestion: {
    zh: (d) => `按${str(d.expectedZh)}调整各一级指标下的三级指标分值；确有特殊情况需调整的，请在说明中注明理由。`,
    en: (d) => `Re-weight the indicators to ${str(d.expectedEn)}, or explain why this project needs a different split.`,
  },
  check(p, ctx) {
    if (!p.hasScoreColumns || p.template !== "self-assessment") return [];
    const split = ctx.profile.split;
    if (!split) return [];
    const groups = groupsOf(split);
    const fixed = groups.filter((g) => expectedOf(split, g) !== null);
    if (fixed.length === 0) return [];
    if (declaresOnePool(p)) return [];

    const weighted = sheetWeighted(p);
    if (weighted.length === 0) return [];
    if (p.indicators.some((i) => i.weightSource !== "profile" && (i.weight === null || i.level1 === null))) return [];

    const combined = groups.includes("effectAndSatisfaction");
    // A group's sum is null when its weights add up past what a number holds: it differs from any split.
    const actual = new Map<Group, number | null>(groups.map((g) => [g, 0]));
    const valueOf = (g: Group): number | null => (actual.has(g) ? (actual.get(g) as number | null) : 0);
    for (const i of weighted) {
      const g = groupOf(i.level1 as Level1Key, combined);
      const sofar = valueOf(g);
      actual.set(g, sofar === null ? null : sum2([sofar, i.weight]));
    }
    const differing = fixed.filter((g) => {
      const v = valueOf(g);
      return v === null || differs(v, expectedOf(split, g) as number, ctx.profile.scoreTolerance);
    });
    if (differing.length === 0) return [];

    const actualParts = groups.map((g) => ({ g, v: valueOf(g) }));
    const expectedParts = fixed.map((g) => ({ g, v: expectedOf(split, g) as number }));
    const first = differing[0];
    const inGroup = (l: Level1Key | null) => l !== null && groupOf(l, combined) === first;
    const declared = p.declaredWeights.find((d) => inGroup(d.level1));
    const firstIndicator = weighted.find((i) => inGroup(i.level1));
    const data: Record<string, string | number | null> = {
      profile: ctx.profile.name,
      profileZh: PROFILE_ZH.get(ctx.profile.name) ?? ctx.profile.name,
      actualZh: list(actualParts, "zh"),
      actualEn: list(actualParts, "en"),
      expectedZh: list(expectedParts, "zh"),
      expectedEn: list(expectedParts, "en"),
      differing: differing.join(","),
    };
    for (const g of groups) data[g] = valueOf(g);
    for (const g of fixed) data[`expected_${g}`] = expectedOf(split, g);
    return [{ cell: declared?.cell ?? firstIndicator?.cell ?? weighted[0].cell, data }];
  },
};
