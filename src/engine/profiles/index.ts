/**
 * Built-in scoring profiles and the loader for users' JSON profiles (SPEC §4).
 *
 * A user profile is a JSON object validated by the zod schema (schema.ts). Two conveniences:
 * - `"extends": "national" | "hubei" | "sichuan"` starts from a built-in profile; the user's fields are
 *   merged over it (objects such as split, qualitativeBands, grades, severity key by key; lists and null
 *   replace);
 * - without "extends", the national values are the base, so a partial object such as
 *   `{"grades": {"优": 95}}` keeps the other thresholds;
 * - `"name"` may be left out: the file's base name is used.
 * Beyond the schema, the loader checks consistency: bands low ≤ high and not overlapping, grade
 * thresholds descending, a fixed split plus the execution weight adding up to 100.
 * Errors are a `ProfileError` that names the file and each field in plain words (zh and en).
 */
import type { z } from "zod";
import { Profile } from "./schema";
import { t } from "../../i18n";
import { RULES } from "../rules";
import { thresholdProblem } from "../thresholds";
import { BUILTIN_PROFILES, type BuiltinProfileName, DEFAULT_PROFILE_NAME, isBuiltinProfile, ProfileError, type ProfileIssue } from "./builtin";

export { Profile, type ProfileInput } from "./schema";
export * from "./builtin";

// ---------------------------------------------------------------------------------------------
// Loading users' profiles
// ---------------------------------------------------------------------------------------------

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Objects merge key by key; anything else (lists, null, numbers) replaces. */
function merge(base: unknown, over: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(over)) return over;
  // Own keys only, onto an object with no prototype chain to reach: a "__proto__" key in a user's JSON is
  // just an unknown field (reported by validation), never a prototype.
  const out: Record<string, unknown> = Object.create(null);
  for (const [k, v] of Object.entries(base)) out[k] = v;
  for (const [k, v] of Object.entries(over)) {
    out[k] = Object.prototype.hasOwnProperty.call(base, k) ? merge(base[k], v) : v;
  }
  return { ...out };
}

function baseName(source: string): string {
  const file = source.split(/[\\/]/).pop() ?? source;
  return file.replace(/\.json$/i, "") || "custom";
}

function pathText(path: readonly PropertyKey[]): string {
  let s = "";
  for (const p of path) {
    if (typeof p === "number") s += `[${p}]`;
    else s += s ? `.${String(p)}` : String(p);
  }
  return s;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const p of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

function show(v: unknown): string {
  if (v === undefined) return "nothing";
  if (typeof v === "string") return JSON.stringify(v);
  try {
    const s = JSON.stringify(v);
    return s.length > 40 ? s.slice(0, 37) + "…" : s;
  } catch {
    return String(v);
  }
}

const TYPE_WORDS: Record<string, { en: string; zh: string }> = {
  number: { en: "a number", zh: "数字" },
  string: { en: "text", zh: "文本" },
  boolean: { en: "true or false", zh: "true 或 false" },
  object: { en: "an object { … }", zh: "对象 { … }" },
  array: { en: "a list [ … ]", zh: "列表 [ … ]" },
  tuple: { en: "a list [low, high]", zh: "列表 [下限, 上限]" },
  null: { en: "null", zh: "null" },
};

/** Known field names at a path of the Profile schema, for "did you mean". */
function knownKeys(path: readonly PropertyKey[]): string[] {
  // zod v4 internals: unwrap default/optional/nullable and read object shapes.
  type Node = { _zod?: { def?: { innerType?: Node; shape?: Record<string, Node>; type?: string } }; shape?: Record<string, Node> };
  let node: Node | undefined = Profile as unknown as Node;
  const unwrap = (n: Node | undefined): Node | undefined => {
    let cur = n;
    for (let i = 0; i < 10 && cur?._zod?.def?.innerType; i++) cur = cur._zod.def.innerType;
    return cur;
  };
  node = unwrap(node);
  for (const p of path) {
    const shape: Record<string, Node> | undefined = node?.shape ?? node?._zod?.def?.shape;
    if (!shape || typeof p !== "string") return [];
    node = unwrap(shape[p]);
  }
  const shape = node?.shape ?? node?._zod?.def?.shape;
  return shape ? Object.keys(shape) : [];
}

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

function suggest(key: string, known: string[]): string | null {
  let best: string | null = null;
  let bestD = Infinity;
  for (const k of known) {
    const dist = k.toLowerCase() === key.toLowerCase() ? 0 : editDistance(k.toLowerCase(), key.toLowerCase());
    if (dist < bestD) {
      bestD = dist;
      best = k;
    }
  }
  return best !== null && bestD <= Math.max(2, Math.floor(key.length / 4)) ? best : null;
}

function describeIssue(issue: z.core.$ZodIssue, input: unknown): ProfileIssue[] {
  const path = pathText(issue.path);
  const found = valueAt(input, issue.path);
  const raw = issue as unknown as Record<string, unknown>;
  switch (issue.code) {
    case "invalid_type": {
      const expected = String(raw.expected ?? "");
      const w = TYPE_WORDS[expected] ?? { en: expected, zh: expected };
      if (found === undefined) return [{ path, en: `is required (${w.en})`, zh: `缺少此项（应为${w.zh}）` }];
      return [{ path, en: `must be ${w.en}, found ${show(found)}`, zh: `应为${w.zh}，实际为 ${show(found)}` }];
    }
    case "too_big":
    case "too_small": {
      const big = issue.code === "too_big";
      const limit = Number(big ? raw.maximum : raw.minimum);
      const inclusive = raw.inclusive !== false;
      if (raw.origin === "array") {
        return [
          {
            path,
            en: `must have ${big ? "at most" : "at least"} ${limit} items, found ${show(found)}`,
            zh: `应${big ? "至多" : "至少"}有 ${limit} 项，实际为 ${show(found)}`,
          },
        ];
      }
      const en = big ? (inclusive ? "at most" : "less than") : inclusive ? "at least" : "greater than";
      const zh = big ? (inclusive ? "不能大于" : "应小于") : inclusive ? "不能小于" : "应大于";
      return [{ path, en: `must be ${en} ${limit}, found ${show(found)}`, zh: `${zh} ${limit}，实际为 ${show(found)}` }];
    }
    case "invalid_value": {
      const values = (raw.values as unknown[] | undefined) ?? [];
      const list = values.map((v) => show(v)).join(", ");
      return [{ path, en: `must be one of ${list}, found ${show(found)}`, zh: `只能是 ${list} 之一，实际为 ${show(found)}` }];
    }
    case "unrecognized_keys": {
      const keys = (raw.keys as string[] | undefined) ?? [];
      const known = knownKeys(issue.path);
      return keys.map((k) => {
        const s = suggest(k, known);
        const at = path ? `${path}.${k}` : k;
        return {
          path: at,
          en: `unknown field${s ? ` (did you mean "${s}"?)` : known.length ? `; known fields: ${known.join(", ")}` : ""}`,
          zh: `无法识别的字段${s ? `（是否应为“${s}”？）` : known.length ? `；可用字段：${known.join("、")}` : ""}`,
        };
      });
    }
    case "invalid_union":
      if (issue.path[0] === "severity") {
        return [
          {
            path,
            en: `must be "error", "warning", "info" or "off", found ${show(found)}`,
            zh: `只能是 "error"、"warning"、"info" 或 "off"，实际为 ${show(found)}`,
          },
        ];
      }
      return [{ path, en: `has an unexpected value ${show(found)}`, zh: `取值不正确：${show(found)}` }];
    default:
      return [{ path, en: issue.message, zh: issue.message }];
  }
}

/**
 * Unknown keys inside nested objects (split, qualitativeBands, grades): zod strips them silently, but a
 * typo there ("outptu") would change scoring without a word.
 */
function unknownNestedKeys(input: Record<string, unknown>): ProfileIssue[] {
  const out: ProfileIssue[] = [];
  for (const [field, value] of Object.entries(input)) {
    if (!isPlainObject(value)) continue;
    const known = knownKeys([field]);
    if (!known.length) continue; // records (severity) take any key
    for (const k of Object.keys(value)) {
      if (known.includes(k)) continue;
      const issue = describeIssue(
        { code: "unrecognized_keys", keys: [k], path: [field], message: "", input: value } as unknown as z.core.$ZodIssue,
        input,
      );
      out.push(...issue);
    }
  }
  return out;
}

/** Checks the schema cannot express. */
function consistencyIssues(p: Profile): ProfileIssue[] {
  const out: ProfileIssue[] = [];
  const b = p.qualitativeBands;
  for (const k of ["full", "partial", "unmet"] as const) {
    const [lo, hi] = b[k];
    if (lo > hi) {
      out.push({
        path: `qualitativeBands.${k}`,
        en: `the low end ${lo} is above the high end ${hi}`,
        zh: `下限 ${lo} 大于上限 ${hi}`,
      });
    }
  }
  if (b.unmet[1] > b.partial[0] + 1e-9 || b.partial[1] > b.full[0] + 1e-9) {
    out.push({
      path: "qualitativeBands",
      en: `bands overlap: unmet must end where partial starts or below, partial where full starts or below`,
      zh: `三档区间重叠：未达成档上限不应高于部分达成档下限，部分达成档上限不应高于达成档下限`,
    });
  }
  const g = p.grades;
  if (!(g.优 > g.良 && g.良 > g.中)) {
    out.push({
      path: "grades",
      en: `thresholds must descend: 优 > 良 > 中, found ${g.优} / ${g.良} / ${g.中}`,
      zh: `等级分数线应依次降低（优 > 良 > 中），实际为 ${g.优} / ${g.良} / ${g.中}`,
    });
  }
  // The same check and words as the CLI's --gap / --severe-gap and the pane's settings.
  const gaps = thresholdProblem(p.gap, p.severeGap);
  if (gaps) out.push({ path: gaps.field, en: t("en", gaps.key, gaps.params), zh: t("zh", gaps.key, gaps.params) });
  // A misspelt rule id ("score/allfull") would leave the rule at its default severity without a word.
  const ids = RULES.map((r) => r.id);
  for (const id of Object.keys(p.severity)) {
    if (ids.includes(id)) continue;
    const s = suggest(id, ids);
    out.push({
      path: `severity.${id}`,
      en: `unknown rule id${s ? ` (did you mean "${s}"?)` : "; the rule ids are listed in the README"}`,
      zh: `没有这个规则编号${s ? `（是否应为“${s}”？）` : "；全部规则编号见 README"}`,
    });
  }
  const s = p.split;
  if (s) {
    const es = s.effectAndSatisfaction ?? null;
    const parts = es !== null ? [s.output, es] : [s.output, s.effect, s.satisfaction];
    const fixed = parts.filter((v): v is number => v !== null);
    const sum = fixed.reduce((a, v) => a + v, 0) + p.executionWeight;
    const allFixed = fixed.length === parts.length;
    if (allFixed && Math.abs(sum - 100) > 1e-9) {
      out.push({
        path: "split",
        en: `the split plus executionWeight must add up to 100, found ${sum}`,
        zh: `各类指标分值加预算执行分值应为 100，实际为 ${sum}`,
      });
    } else if (!allFixed && sum > 100 + 1e-9) {
      out.push({
        path: "split",
        en: `the fixed split plus executionWeight exceeds 100 (${sum})`,
        zh: `已固定的指标分值加预算执行分值超过 100（${sum}）`,
      });
    }
  }
  return out;
}

/**
 * Validate a user's profile (already parsed JSON). `source` names it in messages (the file path).
 * Throws ProfileError.
 */
export function parseProfile(json: unknown, source: string): Profile {
  if (!isPlainObject(json)) {
    throw new ProfileError(source, [
      {
        path: "",
        en: `a profile must be a JSON object { … }, found ${show(json)}`,
        zh: `评分配置应为 JSON 对象 { … }，实际为 ${show(json)}`,
      },
    ]);
  }
  const user: Record<string, unknown> = { ...json };
  let baseKey: BuiltinProfileName = DEFAULT_PROFILE_NAME;
  if ("extends" in user) {
    const ext = user.extends;
    delete user.extends;
    if (typeof ext !== "string" || !isBuiltinProfile(ext)) {
      const known = Object.keys(BUILTIN_PROFILES).join(", ");
      throw new ProfileError(source, [
        {
          path: "extends",
          en: `must name a built-in profile (${known}), found ${show(ext)}`,
          zh: `只能继承内置配置（${known}），实际为 ${show(ext)}`,
        },
      ]);
    }
    baseKey = ext.trim().toLowerCase() as BuiltinProfileName;
  }
  // Start from the base's complete (defaulted) values so partial objects ({"grades": {"优": 95}}) work.
  const base: Record<string, unknown> = { ...BUILTIN_PROFILES[baseKey] };
  delete base.name;
  delete base.description;
  const input = merge(base, user) as Record<string, unknown>;
  if (input.name === undefined) input.name = baseName(source);

  const r = Profile.safeParse(input);
  const nested = unknownNestedKeys(input);
  if (!r.success || nested.length) {
    const issues = r.success ? [] : r.error.issues.flatMap((i) => describeIssue(i, input));
    throw new ProfileError(source, [...issues, ...nested]);
  }
  const issues = consistencyIssues(r.data);
  if (issues.length) throw new ProfileError(source, issues);
  return r.data;
}

/** Parse a profile file's text (JSON; a UTF-8 BOM is fine). Throws ProfileError naming the file. */
export function loadProfile(text: string, source: string): Profile {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    let where = "";
    const m = /position (\d+)/.exec(msg);
    if (m && !/line \d+/.test(msg)) {
      const before = text.replace(/^\uFEFF/, "").slice(0, Number(m[1]));
      const line = before.split("\n").length;
      const col = before.length - before.lastIndexOf("\n");
      where = ` (line ${line}, column ${col})`;
    }
    throw new ProfileError(source, [
      { path: "", en: `not valid JSON: ${msg}${where}`, zh: `不是有效的 JSON：${msg}${where}` },
    ]);
  }
  return parseProfile(json, source);
}
