/**
 * Reading by families (SPEC §8): labels never seen as exact strings are recognised by their key morphemes and
 * exclusions; column roles from content; 部门整体 forms by title; result lists; placeholder slots. Each table is a
 * list of real header texts and the role each must get.
 */
import { check } from "../../../src/engine";
import type { CellValue } from "../../../src/engine/grid";
import { readWorkbook } from "../../../src/engine/read";
import { BUILTIN_INDEX } from "../../../src/engine/read/label-index";
import { labelKey } from "../../../src/engine/read/normalise";
import { parseValue } from "../../../src/engine/read/value";

const key = (t: string) => labelKey(t).key;
const grid = (sheet: string, values: CellValue[][]) => ({ sheet, top: 0, left: 0, values, merges: [] });

describe("indicator column families", () => {
  const cases: [string, string | undefined][] = [
    ["年度指标值", "target"],
    ["当年预期指标值", "target"],
    ["年初设定指标值", "target"],
    ["全年计划值", "target"],
    ["预期值", "target"],
    ["年度绩效目标值", "target"],
    ["实现指标值", "target"],
    ["调整后指标值", "adjustedTarget"],
    ["全年实际完成值", "actual"],
    ["实际完成指标值", "actual"],
    ["截至年底完成值", "actual"],
    ["实际完成", "actual"],
    ["指标分值", "weight"],
    ["分值/权重", "weight"],
    ["权重分值", "weight"],
    ["单位自评得分", "score"],
    ["评价得分", "score"],
    ["抽评核实完成值", "reviewActual"],
    ["复核评分", "reviewScore"],
    ["未完成原因分析及改进措施", "reason"],
    ["偏差原因及拟采取的改进措施", "reason"],
    ["未达标原因", "reason"],
    ["计量单位", "unit"],
    ["三级指标名称", "name"],
    // Exclusions: 完成 / 实际 are never a target, 得分 is never a weight, a 实施单位 is no unit of measure.
    ["完成指标值", "actual"],
    ["得分权重", undefined],
    ["实施单位", undefined],
    ["序号", undefined],
    ["佐证材料", undefined],
  ];
  test.each(cases)("%s → %s", (text, role) => {
    expect(BUILTIN_INDEX.indicator.get(key(text))).toBe(role);
  });
});

describe("budget column and row families", () => {
  const cases: [string, string | undefined][] = [
    ["全年预算数", "adjusted"],
    ["年初预算", "initial"],
    ["年初预算数小计", "initial"],
    ["调整后预算金额", "adjusted"],
    ["全年预算执行数", "executed"],
    ["实际拨付数", "executed"],
    ["资金拨付", "executed"],
    ["预算执行率", "rate"],
    ["资金实现率", "rate"],
    ["执行率分值", "weight"],
    ["预算执行得分", "score"],
  ];
  test.each(cases)("%s → %s", (text, role) => {
    expect(BUILTIN_INDEX.budget.get(key(text))).toBe(role);
  });
  test.each([
    ["年度资金总额", "total"],
    ["年度财政资金总额", "total"],
    ["项目资金合计", "total"],
    ["其中：当年财政拨款", "sub"],
    ["中央财政资金", "sub"],
    ["上年结转结余资金", "sub"],
    ["中期资金总额", null],
  ])("budget row %s → %s", (text, kind) => {
    expect(BUILTIN_INDEX.budgetRow(key(text))).toBe(kind);
  });
});

describe("category families", () => {
  test.each([
    ["进度指标", "output", "timeliness"],
    ["时效性指标", "output", "timeliness"],
    ["数量指标", "output", "quantity"],
    ["经济效益指标", "effect", "economic"],
    ["生态环境效益", "effect", "ecological"],
    ["受益群体满意度指标", "satisfaction", "satisfaction"],
    ["社会成本指标", "cost", "social-cost"],
    ["产出指标", "output", null],
  ])("%s → %s / %s", (text, level1, level2) => {
    expect(BUILTIN_INDEX.category(key(text))).toEqual({ level1, level2 });
  });
  test("a word that is no category", () => {
    expect(BUILTIN_INDEX.category(key("工作完成情况"))).toBeNull();
  });
});

test("full-width and compatibility operators are operators", () => {
  expect(parseValue("＝100%")).toMatchObject({ op: "=", value: 100, unit: "%" });
  expect(parseValue("﹦1")).toMatchObject({ op: "=", value: 1 });
  expect(parseValue("≧95%")).toMatchObject({ op: ">=", value: 95 });
  expect(parseValue("≦5天")).toMatchObject({ op: "<=", value: 5, unit: "天" });
  expect(parseValue("＞3")).toMatchObject({ op: ">", value: 3 });
  expect(parseValue("＜2")).toMatchObject({ op: "<", value: 2 });
});

const FIELDS: CellValue[][] = [
  ["项目支出绩效自评表", null, null, null, null],
  ["项目名称", "农村公路养护", "主管部门", "县交通运输局", null],
  ["实施单位", "县公路事务中心", null, null, null],
];

test("a target column named with a regional prefix is read: no target/missing on every row", () => {
  const r = readWorkbook({
    file: "交通.xlsx",
    grids: [grid("自评", [...FIELDS, ["一级指标", "二级指标", "三级指标", "当年预期指标值", "全年实际完成值", "指标分值", "自评得分"], ["产出指标", "数量指标", "养护里程", "≥120公里", "126公里", 50, 50]])],
  });
  expect(r.projects[0].indicators[0]).toMatchObject({ name: "养护里程", target: { op: ">=", value: 120 }, actual: { value: 126 }, weight: 50, score: 50 });
  const rules = check([r]).findings.map((f) => f.rule);
  expect(rules).not.toContain("target/missing");
  expect(rules).not.toContain("template/unknown-column");
});

// Known gap (family: two-level goal tables whose header names only 一级指标 | 二级指标 | 指标值, no 三级): the sheet is
// recognised but the roles of its header come out empty, so no indicator is read. Until the header classification
// takes the category column from the cells here, this case stays a declared failure. Reading it must not hang (it
// did, with an empty role map): this test returning at all checks that.
test("two-level table: categories in the first column, names in the second, no 三级", () => {
  const r = readWorkbook({
    file: "两级.xlsx",
    grids: [
      grid("目标表", [
        ["项目支出绩效目标表", null, null],
        ["项目名称", "社区养老服务", null],
        ["主管部门", "区民政局", null],
        ["实施单位", "区养老服务中心", null],
        ["一级指标", "二级指标", "指标值"],
        ["数量指标", "服务老人人数", "≥1200人"],
        ["质量指标", "服务合格率", "≥95%"],
        ["进度指标", "年底前完成", "12月底前"],
        ["社会效益指标", "老人生活质量", "明显改善"],
        ["满意度指标", "服务对象满意度", "≥90%"],
      ]),
    ],
  });
  expect(r.sheets[0].kind).toBe("goal");
  const inds = r.projects[0].indicators;
  expect(inds.map((i) => [i.name, i.level1, i.level2])).toEqual([
    ["服务老人人数", "output", "quantity"],
    ["服务合格率", "output", "quality"],
    ["年底前完成", "output", "timeliness"],
    ["老人生活质量", "effect", "social"],
    ["服务对象满意度", "satisfaction", "satisfaction"],
  ]);
  const header = r.projects[0].reading!.header;
  expect(header.find((c) => c.column === "B")).toMatchObject({ role: "name", text: "二级指标" });
});

test("a column of category names is a category column whatever its header says", () => {
  const r = readWorkbook({
    file: "类别.xlsx",
    grids: [
      grid("自评", [
        ...FIELDS,
        ["指标类型", "指标名称", "年度指标值", "实际完成值", "分值", "得分"],
        ["产出指标", "养护里程", "≥120公里", "126公里", 50, 50],
        ["效益指标", "群众出行", "明显改善", "明显改善", 30, 30],
        ["满意度指标", "群众满意度", "≥90%", "92%", 10, 10],
      ]),
    ],
  });
  expect(r.projects[0].indicators.map((i) => i.level1)).toEqual(["output", "effect", "satisfaction"]);
});

test("部门整体 form in the 一级/二级/三级 layout: recognised by its title, no 项目名称 / 实施单位 demanded", () => {
  const r = readWorkbook({
    file: "部门.xlsx",
    grids: [
      grid("部门自评", [
        ["2023年度部门整体支出绩效自评表", null, null, null, null, null, null],
        ["部门名称", "县农业农村局", null, null, null, null, null],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        ["产出指标", "数量指标", "高标准农田建设面积", "≥2万亩", "2.1万亩", 50, 50],
        ["效益指标", "经济效益指标", "粮食增产", "≥5%", "6%", 30, 30],
        ["满意度指标", "服务对象满意度指标", "农户满意度", "≥90%", "95%", 10, 10],
      ]),
    ],
  });
  expect(r.sheets[0].kind).toBe("department-self-assessment");
  expect(r.projects[0]).toMatchObject({ name: "县农业农村局", scope: "department" });
  expect(check([r]).findings.filter((f) => f.rule === "template/missing-field")).toEqual([]);
});

test("a result list (绩效评价结果) is review data: score and grade per project", () => {
  const r = readWorkbook({
    file: "结果.xlsx",
    grids: [
      grid("评价结果", [
        ["2023年度财政重点绩效评价结果", null, null, null, null],
        ["项目名称", "主管部门", "评价得分", "评价结果", "备注"],
        ["农村公路养护", "县交通运输局", 86.5, "良", "第三方评价"],
        ["乡村医生补助", "县卫健委", 58, "差", "财政重点评价"],
      ]),
    ],
  });
  expect(r.sheets[0].kind).toBe("spot-check-list");
  expect(r.reviews.map((x) => [x.name, x.score, x.grade, x.note])).toEqual([
    ["农村公路养护", 86.5, "良", "第三方评价"],
    ["乡村医生补助", 58, "差", "财政重点评价"],
  ]);
});

test("placeholder slots are empty: 指标1：, ……, / in a name cell", () => {
  const r = readWorkbook({
    file: "草稿.xlsx",
    grids: [
      grid("自评", [
        ...FIELDS,
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        ["产出指标", "数量指标", "养护里程", "≥120公里", "126公里", 50, 50],
        [null, "质量指标", "指标1：", "≥**", null, null, null],
        [null, "时效指标", "……", "/", "/", null, null],
        [null, "成本指标", "/", "XX", null, null, null],
      ]),
    ],
  });
  expect(r.projects[0].indicators.map((i) => i.name)).toEqual(["养护里程"]);
  expect(r.projects[0].reading!.rows).toContainEqual({ from: 6, to: 8, kind: "placeholder" });
});

test("a 二级 column of categories the vocabulary does not know (预算配置, 预算执行), merged over its 三级 rows, stays the 二级 column", () => {
  // Rebuilt from 岳阳市 部门整体支出绩效自评表 (湖南, published 2022): 一级 | 二级 | 三级 | 评分标准 | 分值 | 自评得分.
  const r = readWorkbook({
    file: "部门评价.xlsx",
    grids: [
      {
        sheet: "部门整体支出绩效评价",
        top: 0,
        left: 0,
        merges: [
          { top: 2, left: 0, bottom: 4, right: 0 },
          { top: 2, left: 1, bottom: 4, right: 1 },
          { top: 5, left: 0, bottom: 8, right: 0 },
          { top: 5, left: 1, bottom: 7, right: 1 },
        ],
        values: [
          ["2021年度部门整体支出绩效自评表", null, null, null, null, null],
          ["一级指标", "二级指标", "三级指标", "评分标准", "分值", "自评得分"],
          ["投入(15分)", "预算配置(15分)", "财政供养人员控制率", "在职人员控制率≦100%,计5分", 5, 5],
          [null, null, "“三公经费”变动率", "“三公经费”变动率≦0,计5分", 5, 5],
          [null, null, "重点支出安排率", "重点支出安排率≥90%,计5分", 5, 5],
          ["过程(40分)", "预算执行(15分)", "预算调整率", "预算调整率=0,计3分", 3, 3],
          [null, null, "支付进度", "每出现一个专项未按进度完成资金下达扣0.5分", 3, 3],
          [null, null, "资金结余", "无结余,3分", 3, 3],
          [null, "预算管理(15分)", "管理制度健全性", "已制定预算资金管理办法,1分", 3, 3],
        ],
      },
    ],
  });
  expect(r.projects[0].indicators.map((i) => [i.name, i.level2Label])).toEqual([
    ["财政供养人员控制率", "预算配置(15分)"],
    ["“三公经费”变动率", "预算配置(15分)"],
    ["重点支出安排率", "预算配置(15分)"],
    ["预算调整率", "预算执行(15分)"],
    ["支付进度", "预算执行(15分)"],
    ["资金结余", "预算执行(15分)"],
    ["管理制度健全性", "预算管理(15分)"],
  ]);
  expect(r.projects[0].reading!.header.find((c) => c.column === "B")).toMatchObject({ role: "level2" });
});
