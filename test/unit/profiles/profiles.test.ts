import {
  BUILTIN_PROFILES,
  DEFAULT_PROFILE_NAME,
  getProfile,
  isBuiltinProfile,
  loadProfile,
  parseProfile,
  Profile,
  ProfileError,
} from "../../../src/engine/profiles";
import { PROFILE_DEFAULTS } from "../../../src/engine/profiles/defaults";

function errorOf(fn: () => unknown): ProfileError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ProfileError) return e;
    throw e;
  }
  throw new Error("expected a ProfileError");
}

describe("built-in profiles", () => {
  test("national: execution 10, split 50/30/10, bands 0.8/0.6/0, ratio", () => {
    const p = getProfile("national");
    expect(p.executionWeight).toBe(10);
    expect(p.split).toEqual({ output: 50, effect: 30, satisfaction: 10 });
    expect(p.qualitativeBands).toEqual({ full: [0.8, 1], partial: [0.6, 0.8], unmet: [0, 0.6] });
    expect(p.reverse).toBe("ratio");
    expect(p.overrunRatio).toBe(1.3);
    expect(p.grades).toEqual({ 优: 90, 良: 80, 中: 60 });
  });
  test("hubei: execution 20, 产出 40, 效益+满意度 40, bands 80/50/0", () => {
    const p = getProfile("hubei");
    expect(p.executionWeight).toBe(20);
    expect(p.split).toEqual({ output: 40, effect: null, satisfaction: null, effectAndSatisfaction: 40 });
    expect(p.qualitativeBands).toEqual({ full: [0.8, 1], partial: [0.5, 0.8], unmet: [0, 0.5] });
  });
  test("sichuan: execution 10, free split", () => {
    const p = getProfile("sichuan");
    expect(p.executionWeight).toBe(10);
    expect(p.split).toBeNull();
  });
  test("every built-in is valid under the schema and its own consistency checks", () => {
    for (const [name, p] of Object.entries(BUILTIN_PROFILES)) {
      expect(Profile.parse(p)).toEqual(p);
      const { description: _d, ...rest } = p;
      expect(parseProfile({ extends: name, name }, `${name}.json`)).toEqual(rest);
    }
  });
  test("a profile that names nothing else takes exactly PROFILE_DEFAULTS (the built-ins are written over them)", () => {
    expect(Profile.parse({ name: "x" })).toStrictEqual({ name: "x", ...PROFILE_DEFAULTS });
    for (const p of Object.values(BUILTIN_PROFILES)) expect(Object.keys(p).sort()).toEqual(Object.keys(Profile.parse(p)).sort());
  });
  test("names are case-insensitive; the default is national", () => {
    expect(getProfile(" Hubei ")).toBe(BUILTIN_PROFILES.hubei);
    expect(getProfile()).toBe(BUILTIN_PROFILES.national);
    expect(DEFAULT_PROFILE_NAME).toBe("national");
    expect(isBuiltinProfile("SICHUAN")).toBe(true);
    expect(isBuiltinProfile("hunan")).toBe(false);
  });
  test("an unknown name lists the choices", () => {
    const e = errorOf(() => getProfile("hunan"));
    expect(e.format("en")).toContain('unknown profile "hunan": use one of national, hubei, sichuan');
    expect(e.format("zh")).toContain("没有名为“hunan”的评分配置");
  });
});

describe("user profiles", () => {
  test("extends a built-in and overrides some fields", () => {
    const p = parseProfile({ extends: "hubei", name: "宜昌", overrunRatio: 1.5 }, "yichang.json");
    expect(p.name).toBe("宜昌");
    expect(p.executionWeight).toBe(20);
    expect(p.qualitativeBands.partial).toEqual([0.5, 0.8]);
    expect(p.overrunRatio).toBe(1.5);
  });
  test("nested objects merge key by key", () => {
    const p = parseProfile({ extends: "national", split: { output: 60, effect: 20 }, grades: { 优: 95 } }, "x.json");
    expect(p.split).toEqual({ output: 60, effect: 20, satisfaction: 10 });
    expect(p.grades).toEqual({ 优: 95, 良: 80, 中: 60 });
  });
  test("null replaces: a free split over national", () => {
    expect(parseProfile({ extends: "national", split: null }, "free.json").split).toBeNull();
  });
  test("without extends, national values are the base", () => {
    const p = parseProfile({ reverse: "linear" }, "dir/linear.json");
    expect(p.reverse).toBe("linear");
    expect(p.split).toEqual(BUILTIN_PROFILES.national.split);
  });
  test("the name defaults to the file's base name", () => {
    expect(parseProfile({}, "C:\\profiles\\宜昌.json").name).toBe("宜昌");
    expect(parseProfile({}, "/etc/bpr/county.JSON").name).toBe("county");
  });
  test("severity overrides", () => {
    const p = parseProfile({ severity: { "score/all-full": "off", "reason/overrun": "error" } }, "s.json");
    expect(p.severity).toEqual({ "score/all-full": "off", "reason/overrun": "error" });
  });
  test("loadProfile reads JSON text, with or without a BOM", () => {
    expect(loadProfile('\uFEFF{"extends": "sichuan", "name": "绵阳"}', "mianyang.json").split).toBeNull();
  });
});

describe("invalid profiles: readable errors naming the file and field", () => {
  test.each<[string, unknown, string[]]>([
    ["a wrong type", { executionWeight: "20" }, ['executionWeight: must be a number, found "20"']],
    ["out of range", { qualitativeBands: { partial: [0.6, 1.5] } }, ["qualitativeBands.partial[1]: must be at most 1, found 1.5"]],
    ["a short band", { qualitativeBands: { full: [0.8] } }, ["qualitativeBands.full: must have at least 2 items"]],
    ["not positive", { overrunRatio: 0 }, ["overrunRatio: must be greater than 0, found 0"]],
    ["an enum", { reverse: "quadratic" }, ['reverse: must be one of "ratio", "linear", found "quadratic"']],
    ["a misspelt field", { overunRatio: 1.5 }, ['overunRatio: unknown field (did you mean "overrunRatio"?)']],
    ["a misspelt nested field", { split: { outptu: 50 } }, ['split.outptu: unknown field (did you mean "output"?)']],
    ["a bad severity", { severity: { "score/band": "fatal" } }, ['severity.score/band: must be "error", "warning", "info" or "off", found "fatal"']],
    ["a bad extends", { extends: "hunan" }, ['extends: must name a built-in profile (national, hubei, sichuan), found "hunan"']],
    ["not an object", [1, 2], ["a profile must be a JSON object"]],
    ["a split that does not add up", { split: { output: 60 } }, ["split: the split plus executionWeight must add up to 100, found 110"]],
    ["hubei split with national execution", { split: { output: 40, effectAndSatisfaction: 40 } }, ["add up to 100, found 90"]],
    ["a fixed split above 100", { executionWeight: 20, split: { output: 90, effect: null, satisfaction: null } }, ["split: the fixed split plus executionWeight exceeds 100 (110)"]],
    ["grades not descending", { grades: { 良: 95 } }, ["grades: thresholds must descend"]],
    ["overlapping bands", { qualitativeBands: { partial: [0.5, 0.9] } }, ["qualitativeBands: bands overlap"]],
    ["a reversed band", { qualitativeBands: { unmet: [0.6, 0] } }, ["qualitativeBands.unmet: the low end 0.6 is above the high end 0"]],
    ["gaps reversed", { gap: 20, severeGap: 10 }, ["severeGap: The severe-gap threshold (10 points) must not be below the gap threshold (20 points)."]],
    ["a misspelt rule id", { severity: { "score/allfull": "off" } }, ['severity.score/allfull: unknown rule id (did you mean "score/all-full"?)']],
    ["a rule id that is nothing like one", { severity: { "my/rule": "off" } }, ["severity.my/rule: unknown rule id"]],
  ])("%s", (_label, json, expected) => {
    const e = errorOf(() => parseProfile(json, "profiles/county.json"));
    const text = e.format("en");
    expect(text.startsWith("Profile profiles/county.json is not valid:")).toBe(true);
    for (const part of expected) expect(text).toContain(part);
    expect(e.message).toBe(text);
    expect(e.source).toBe("profiles/county.json");
    expect(e.issues.length).toBeGreaterThan(0);
  });

  test("every problem is listed at once, in Chinese too", () => {
    const e = errorOf(() => parseProfile({ executionWeight: -1, reverse: "x", foo: 1 }, "county.json"));
    expect(e.issues.map((i) => i.path)).toEqual(["executionWeight", "reverse", "foo"]);
    const zh = e.format("zh");
    expect(zh).toContain("评分配置 county.json 有误：");
    expect(zh).toContain("executionWeight：不能小于 0，实际为 -1");
    expect(zh).toContain("foo：无法识别的字段");
  });

  test("invalid JSON names the file and the line", () => {
    const e = errorOf(() => loadProfile('{\n  "name": "x",\n}', "county.json"));
    expect(e.format("en")).toMatch(/^Profile county.json is not valid:\n {2}- not valid JSON: .*line 3/);
  });
});

describe("a user profile cannot reach a prototype", () => {
  it('"__proto__" in the JSON is an unknown field, not a way to smuggle values past validation', () => {
    const text = '{"extends": "national", "__proto__": {"gap": -5}, "split": {"__proto__": {"output": 999}}}';
    let error: unknown = null;
    let profile: unknown = null;
    try {
      profile = loadProfile(text, "evil.json");
    } catch (e) {
      error = e;
    }
    if (profile) {
      expect((profile as { gap: number }).gap).toBe(10);
      expect((profile as { split: { output: number } }).split.output).toBe(50);
    } else {
      expect(error).toBeInstanceOf(ProfileError);
    }
    expect(({} as { gap?: number }).gap).toBeUndefined();
  });
});
