import { BUILTIN_PROFILES, parseProfile } from "../../../src/engine/profiles";
import { deriveWeights, gradeOf, scoreProject, splitEvenly } from "../../../src/engine/score";
import type { Indicator, Level1Key, Level2Key } from "../../../src/engine/model";
import { makeBudget, makeIndicator, makeProject, makeValue, num, qual, type IndicatorInit } from "../../helpers/factories";

const national = BUILTIN_PROFILES.national;
const hubei = BUILTIN_PROFILES.hubei;
const sichuan = BUILTIN_PROFILES.sichuan;

type Row = [Level1Key | null, Level2Key | null, string, string | number, string | number, number | null, number | null, (string | null)?];
function rows(list: Row[], extra: Partial<IndicatorInit> = {}): Indicator[] {
  return list.map(([level1, level2, name, target, actual, weight, score, reason]) =>
    makeIndicator({ level1, level2, name, target, actual, weight, score, reason: reason ?? null, ...extra }),
  );
}

describe("grades", () => {
  test.each<[number | null, string | null]>([
    [100, "优"],
    [90, "优"],
    [89.99, "良"],
    [80, "良"],
    [79.99, "中"],
    [60, "中"],
    [59.99, "差"],
    [0, "差"],
    [null, null],
  ])("%p → %p", (s, g) => expect(gradeOf(s, national)).toBe(g));

  test("thresholds come from the profile", () => {
    const strict = parseProfile({ grades: { 优: 95 } }, "strict.json");
    expect(gradeOf(94, strict)).toBe("良");
    expect(gradeOf(95, strict)).toBe("优");
    expect(gradeOf(80, strict)).toBe("良");
  });
});

describe("example 01: 社区居家养老服务补贴项目", () => {
  const project = makeProject({
    name: "社区居家养老服务补贴项目",
    department: "区民政局",
    unit: "区养老服务中心",
    budget: makeBudget({ initial: 260, adjusted: 248, executed: 231.6, statedWeight: 10, score: 9.34, statedRate: 0.9339 }),
    indicators: rows([
      ["output", "quantity", "上门服务老年人数", "≥1200人", "1136人", 15, 14.2, "部分老人入院或去世，服务对象减少"],
      ["output", "quantity", "服务工单数", "≥14000单", "14520单", 10, 10],
      ["output", "quality", "服务投诉率", "≤2%", "1.1%", 10, 10],
      ["output", "timeliness", "补贴按月发放及时率", "100%", "100%", 10, 10],
      ["output", "cost", "人均补贴标准", "≤2000元/人·年", "2000元/人·年", 5, 5],
      ["effect", "social", "失能老人生活质量改善情况", "有效改善", "部分达成年度指标并具有一定效果", 15, 11],
      ["effect", "sustainability", "居家养老服务网络覆盖率", "≥95%", "96%", 15, 15],
      ["satisfaction", "satisfaction", "服务对象满意度", "≥90%", "93%", 10, 10],
    ]),
    statedTotal: 94.54,
    statedTotalWeight: 100,
  });
  const scored = scoreProject(project, national);

  test("execution 9.34, every indicator computed as stated", () => {
    expect(scored.budget?.computedScore).toBe(9.34);
    expect(scored.indicators.map((i) => i.computedScore)).toEqual([14.2, 10, 10, 10, 5, 11, 15, 10]);
  });
  test("stated and computed total 94.54, 优", () => {
    expect(scored.computedScore).toBe(94.54);
    expect(scored.selfScore).toBe(94.54);
    expect(scored.grade).toBe("优");
    expect(scored.computedGrade).toBe("优");
  });
  test("the input is not modified", () => {
    expect(project.computedScore).toBeNull();
    expect(project.indicators[0].computedScore).toBeNull();
    expect(project.budget?.computedScore).toBeNull();
  });
});

describe("example 01: 农村饮水安全工程维修养护", () => {
  const scored = scoreProject(
    makeProject({
      name: "农村饮水安全工程维修养护",
      year: 2023,
      budget: makeBudget({ initial: 180, adjusted: 180, executed: 162, statedWeight: 10, score: 9 }),
      indicators: rows([
        ["output", "quantity", "维修养护供水工程数", "≥40处", "38处", 20, 19, "2处工程因征地未开工，结转下年"],
        ["output", "quality", "水质检测合格率", "≥95%", "97%", 10, 10],
        ["output", "timeliness", "维修完成时间", "11月底前", "12月中旬", 10, 7, "雨季延误"],
        ["output", "cost", "单处维修平均成本", "≤4.5万元", "4.26万元", 10, 10],
        ["effect", "social", "保障饮水安全人口", "≥8.5万人", "8.2万人", 15, 14.47],
        ["effect", "ecological", "水源地保护", "有效保护", "达成年度指标", 15, 15],
        ["satisfaction", "satisfaction", "受益群众满意度", "≥90%", "88%", 10, 9.78, "停水维修期间群众有意见"],
      ]),
      statedTotal: 94.25,
    }),
    national,
  );
  test("indicators, including the late deadline inside its band", () => {
    expect(scored.indicators.map((i) => i.computedScore)).toEqual([19, 10, 7, 10, 14.47, 15, 9.78]);
  });
  test("total 94.25 优", () => {
    expect(scored.budget?.computedScore).toBe(9);
    expect(scored.computedScore).toBe(94.25);
    expect(scored.grade).toBe("优");
  });
});

describe("example 02: 城乡环卫一体化保洁服务 (四川 split columns)", () => {
  const project = makeProject({
    code: "51110123T000001234567",
    name: "城乡环卫一体化保洁服务",
    budget: makeBudget({ initial: 960, adjusted: 1010, executed: 887.8, statedWeight: 10, score: 8.79, reason: "12月服务费跨年支付" }),
    indicators: [
      makeIndicator({ level1: "output", level2: "quantity", name: "日常保洁面积", target: num(">=", 320, "万平方米"), actual: num(null, 326, "万平方米"), weight: 20, score: 20 }),
      makeIndicator({ level1: "output", level2: "quality", name: "保洁质量考核达标率", target: num(">=", 95, "%"), actual: num(null, 96.5, "%"), weight: 15, score: 15 }),
      makeIndicator({ level1: "output", level2: "timeliness", name: "垃圾清运及时率", target: num("=", 100, "%"), actual: num(null, 100, "%"), weight: 10, score: 10 }),
      makeIndicator({ level1: "output", level2: "cost", name: "保洁服务单价", target: num("<=", 3.2, "元/平方米·年"), actual: num(null, 3.1, "元/平方米·年"), weight: 10, score: 10 }),
      makeIndicator({ level1: "effect", level2: "social", name: "城乡环境卫生投诉件数", target: num("<=", 60, "件"), actual: num(null, 75, "件"), weight: 10, score: 8, reason: "夏季投诉集中，已增加保洁频次" }),
      makeIndicator({ level1: "effect", level2: "ecological", name: "垃圾无害化处理率", target: num(">=", 98, "%"), actual: num(null, 99, "%"), weight: 15, score: 15 }),
      makeIndicator({ level1: "satisfaction", level2: "satisfaction", name: "群众满意度", target: num(">=", 85, "%"), actual: num(null, 90, "%"), weight: 10, score: 10 }),
    ],
    statedTotal: 96.79,
  });
  test.each([
    ["national", national],
    ["sichuan", sichuan],
  ])("%s: 投诉件数 ≤60 with 75 → 8; total 96.79 优", (_n, profile) => {
    const scored = scoreProject(project, profile);
    expect(scored.indicators[4].computedScore).toBe(8);
    expect(scored.budget?.computedScore).toBe(8.79);
    expect(scored.computedScore).toBe(96.79);
    expect(scored.grade).toBe("优");
  });
});

describe("example 03: all full marks", () => {
  test("total 100 优", () => {
    const scored = scoreProject(
      makeProject({
        budget: makeBudget({ adjusted: 300, executed: 300 }),
        indicators: rows([
          ["output", "quantity", "新建渠系长度", "≥12公里", "12.4公里", 20, 20],
          ["output", "quantity", "配套建筑物", "≥36座", "36座", 10, 10],
          ["output", "quality", "工程验收合格率", "100%", "100%", 10, 10],
          ["output", "timeliness", "完工时间", "2023年10月底前", "2023-10-25", 5, 5],
          ["output", "cost", "每公里造价", "≤22万元", "21.6万元", 5, 5],
          ["effect", "economic", "新增灌溉面积", "≥3000亩", "3050亩", 15, 15],
          ["effect", "sustainability", "工程设计使用年限", "≥15年", "15年", 15, 15],
          ["satisfaction", "satisfaction", "受益农户满意度", "≥90%", "95%", 10, 10],
        ]),
        statedTotal: 100,
      }),
      national,
    );
    expect(scored.computedScore).toBe(100);
    expect(scored.grade).toBe("优");
  });
});

describe("example 05: department-level form (部门整体)", () => {
  const dept = (actualOf: (x: number) => string | number) =>
    makeProject({
      name: "某区卫生健康委员会",
      template: "department-self-assessment",
      budget: makeBudget({ initial: 5620, adjusted: 6105, executed: 5714.3, statedWeight: 10, score: 9.36, statedRate: 0.936 }),
      indicators: (
        [
          ["65岁以上老年人健康管理率", "≥70%", 0.724, 1, 15, 15, true],
          ["家庭医生签约服务覆盖率", "≥45%", 0.43, 0.9556, 15, 14.33, true],
          ["孕产妇系统管理率", "≥90%", 0.95, 1, 10, 10, true],
          ["基本药物配备使用率", "≥60%", 0.64, 1, 10, 10, false],
          ["三公经费控制率", "≤100%", 0.87, 1, 5, 5, false],
          ["预算调整率", "≤10%", 0.086, 1, 5, 5, false],
          ["突发公共卫生事件报告及时率", "100%", 1, 1, 10, 10, true],
          ["群众就医满意度", "≥85%", 0.79, 0.9294, 15, 13.94, true],
        ] as const
      )
        .map(([name, target, actual, coefficient, weight, score, core]) =>
          makeIndicator({ level1: null, level2: null, name, target, actual: actualOf(actual), coefficient, weight, score, core, nature: "quantitative" }),
        )
        .concat(
          makeIndicator({ level1: null, level2: null, name: "管理制度健全性", target: "健全", actual: "健全", coefficient: 1, weight: 5, score: 5, core: false, nature: "qualitative", direction: "qualitative" }),
        ),
      statedTotal: 97.63,
    });

  test.each([
    ["actuals as bare fractions (0.43)", (x: number) => x],
    ["actuals as percentages (43%)", (x: number) => makeValue(x, { percentFormat: true }).raw],
  ])("%s: 14.33, 13.94, total 97.63 优", (_l, actualOf) => {
    const scored = scoreProject(dept(actualOf), national);
    const byName = Object.fromEntries(scored.indicators.map((i) => [i.name, i.computedScore]));
    expect(byName["家庭医生签约服务覆盖率"]).toBe(14.33);
    expect(byName["群众就医满意度"]).toBe(13.94);
    expect(byName["三公经费控制率"]).toBe(5);
    expect(byName["预算调整率"]).toBe(5);
    expect(byName["管理制度健全性"]).toBe(5);
    expect(scored.budget?.computedScore).toBe(9.36);
    expect(scored.computedScore).toBe(97.63);
    expect(scored.grade).toBe("优");
  });

  test("the computed score uses actual/target, not the stated coefficient", () => {
    const p = dept((x) => x);
    p.indicators[1] = { ...p.indicators[1], coefficient: 0.5 };
    expect(scoreProject(p, national).indicators[1].computedScore).toBe(14.33);
  });
});

describe("forms with no score columns (湖南 style): weights from the profile", () => {
  const noScores = (profile = national) =>
    scoreProject(
      makeProject({
        name: "农村客运班线运营补贴",
        hasScoreColumns: false,
        budget: makeBudget({ initial: 500, adjusted: 500, executed: 495, statedWeight: null }),
        indicators: rows([
          ["output", "quantity", "补贴班线数", "≥42条", "42条", null, null],
          ["output", "quality", "班线正常运营率", "≥95%", "97%", null, null],
          ["output", "timeliness", "补贴发放时间", "年底前", "12月20日", null, null],
          ["output", "cost", "单条班线补贴", "≤12万元", "11.8万元", null, null],
          ["effect", "social", "惠及农村人口", "≥18万人", "18.5万人", null, null],
          ["effect", "sustainability", "班线持续运营", "长期", "长期", null, null],
          ["satisfaction", "satisfaction", "乘客满意度", "≥90%", "88%", null, null, "部分车辆老旧"],
        ]),
      }),
      profile,
    );

  test("national: 产出 50 over 4, 效益 30 over 2, 满意度 10; execution 10 from the profile", () => {
    const s = noScores();
    expect(s.indicators.map((i) => i.weight)).toEqual([12.5, 12.5, 12.5, 12.5, 15, 15, 10]);
    expect(s.indicators.every((i) => i.weightSource === "profile")).toBe(true);
    expect(s.budget?.weight).toBe(10);
    expect(s.budget?.computedScore).toBe(9.9);
    expect(s.indicators.map((i) => i.computedScore)).toEqual([12.5, 12.5, 12.5, 12.5, 15, 15, 9.78]);
    expect(s.computedScore).toBe(99.68);
    expect(s.selfScore).toBe(99.68); // nothing stated: the computed total
    expect(s.grade).toBe("优");
  });
  test("hubei: execution 20, 产出 40 over 4, 效益+满意度 40 over 3", () => {
    const s = noScores(hubei);
    expect(s.indicators.map((i) => i.weight)).toEqual([10, 10, 10, 10, 13.33, 13.33, 13.34]);
    expect(s.budget?.weight).toBe(20);
  });
  test("sichuan: 90 over all 7 indicators", () => {
    const w = noScores(sichuan).indicators.map((i) => i.weight as number);
    expect(w).toEqual([12.86, 12.86, 12.86, 12.86, 12.86, 12.86, 12.84]);
    expect(w.reduce((a, x) => a + x, 0)).toBeCloseTo(90, 9);
  });
  test("a weight already on the row is kept", () => {
    const p = makeProject({
      hasScoreColumns: false,
      indicators: [makeIndicator({ level1: "output", weight: 30 }), makeIndicator({ level1: "output", weight: null })],
    });
    const s = scoreProject(p, national);
    expect(s.indicators[0].weight).toBe(30);
    expect(s.indicators[0].weightSource).toBe("sheet");
    expect(s.indicators[1].weightSource).toBe("profile");
  });
  test("forms with score columns are never given weights", () => {
    const p = makeProject({ indicators: [makeIndicator({ weight: null, score: null })] });
    const s = scoreProject(p, national);
    expect(s.indicators[0].weight).toBeNull();
    expect(s.indicators[0].computedScore).toBeNull();
  });
});

describe("deriveWeights", () => {
  const of = (...l1: (Level1Key | null)[]) => l1.map((level1) => ({ level1 }));
  const sum = (w: number[]) => Math.round(w.reduce((a, x) => a + x, 0) * 100) / 100;

  test("national 5/2/1", () => {
    expect(deriveWeights(of("output", "output", "output", "output", "output", "effect", "effect", "satisfaction"), national)).toEqual([
      10, 10, 10, 10, 10, 15, 15, 10,
    ]);
  });
  test("uneven division: the last row takes the remainder", () => {
    expect(deriveWeights(of("output", "output", "output", "effect", "satisfaction"), national)).toEqual([16.67, 16.67, 16.66, 30, 10]);
    expect(splitEvenly(100, 3)).toEqual([33.33, 33.33, 33.34]);
  });
  test("成本指标 (2021 framework) counts with 产出", () => {
    expect(deriveWeights(of("output", "cost", "effect", "satisfaction"), national)).toEqual([25, 25, 30, 10]);
  });
  test("a missing category: the others are scaled up to keep 90", () => {
    const w = deriveWeights(of("output", "output", "effect"), national);
    expect(w).toEqual([28.13, 28.12, 33.75]);
    expect(sum(w)).toBe(90);
  });
  test("an unknown category: even split", () => {
    expect(deriveWeights(of("output", null, "effect"), national)).toEqual([30, 30, 30]);
  });
  test("partly free split: fixed categories keep their points, the others share the rest", () => {
    const p = parseProfile({ split: { output: 50, effect: null, satisfaction: null } }, "half.json");
    expect(deriveWeights(of("output", "output", "effect", "effect", "satisfaction"), p)).toEqual([25, 25, 13.33, 13.33, 13.34]);
  });
  test("no indicators → no weights", () => {
    expect(deriveWeights([], national)).toEqual([]);
  });
});

describe("totals and null handling", () => {
  const base = (indicators: Indicator[], extra = {}) =>
    makeProject({ budget: makeBudget({ adjusted: 100, executed: 100 }), indicators, ...extra });

  test("an indicator that cannot be computed counts with its stated score", () => {
    const s = scoreProject(base([makeIndicator({ target: "≥95%", actual: qual("完成"), weight: 90, score: 85 })]), national);
    expect(s.indicators[0].computedScore).toBeNull();
    expect(s.computedScore).toBe(95);
  });
  test("…and with neither, the total is null", () => {
    const s = scoreProject(base([makeIndicator({ target: "≥95%", actual: qual("完成"), weight: 90, score: null })]), national);
    expect(s.computedScore).toBeNull();
    expect(s.computedGrade).toBeNull();
  });
  test("rows with no weight and no score add nothing", () => {
    const s = scoreProject(
      base([makeIndicator({ weight: 90, target: "≥10个", actual: "10个" }), makeIndicator({ weight: null, score: null })]),
      national,
    );
    expect(s.computedScore).toBe(100);
  });
  test("no budget block → no computed total", () => {
    const s = scoreProject(makeProject({ budget: null, indicators: [makeIndicator({ weight: 90 })] }), national);
    expect(s.computedScore).toBeNull();
  });
  test("the budget's stated score stands in when the rate cannot be computed", () => {
    const s = scoreProject(
      makeProject({ budget: makeBudget({ initial: null, adjusted: null, executed: null, score: 8 }), indicators: [makeIndicator({ weight: 90 })] }),
      national,
    );
    expect(s.computedScore).toBe(98);
  });
  test("self score is the stated 总分; grades follow each", () => {
    const s = scoreProject(
      base([makeIndicator({ weight: 90, target: "≥100个", actual: "70个", score: 85 })], { statedTotal: 95 }),
      national,
    );
    expect(s.computedScore).toBe(73);
    expect(s.selfScore).toBe(95);
    expect(s.grade).toBe("优");
    expect(s.computedGrade).toBe("中");
  });
  test("totals are rounded to 2 decimals", () => {
    const s = scoreProject(
      base([
        makeIndicator({ weight: 45, target: "≥3个", actual: "2个" }), // 30
        makeIndicator({ weight: 45, target: "≥7个", actual: "6个" }), // 38.57
      ]),
      national,
    );
    expect(s.computedScore).toBe(78.57);
  });
  test("goal tables are not scored", () => {
    const s = scoreProject(
      makeProject({ template: "goal", indicators: [makeIndicator({ weight: 10, score: 10, actual: null })], statedTotal: null }),
      national,
    );
    expect(s.indicators[0].computedScore).toBeNull();
    expect([s.selfScore, s.computedScore, s.grade, s.computedGrade]).toEqual([null, null, null, null]);
    expect(s.budget?.computedScore).toBeNull();
  });
});
