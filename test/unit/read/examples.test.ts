/**
 * The product's reference workbooks (copied into test/fixtures/examples with their README): what their reading
 * gives — names, departments, units, budgets, indicator counts per category, stated totals.
 */
import * as fs from "node:fs";
import type { Indicator, Project, ReviewEntry } from "../../../src/engine/model";
import type { WorkbookReading } from "../../../src/engine/read";
import { examplePath } from "../../helpers/examples";
import { num, qual, readBuffer } from "../../helpers/workbooks";


const readings = new Map<string, WorkbookReading>();
async function read(file: string): Promise<WorkbookReading> {
  if (!readings.has(file)) readings.set(file, await readBuffer(fs.readFileSync(examplePath(file)), file));
  return readings.get(file)!;
}

function perCategory(p: Project | { indicators: Pick<Indicator, "level1">[] }): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of p.indicators) out[i.level1 ?? "none"] = (out[i.level1 ?? "none"] ?? 0) + 1;
  return out;
}

function byName(p: Project, name: string): Indicator {
  const i = p.indicators.find((x) => x.name === name);
  if (!i) throw new Error(`no indicator ${name} in ${p.name}`);
  return i;
}

describe("example workbooks (README)", () => {
  test("01: national layout twice, form at B4 under 附件2", async () => {
    const r = await read("01-national-two-projects.xlsx");
    expect(r.sheets.map((s) => [s.sheet, s.kind, s.projects])).toEqual([
      ["社区养老服务补贴", "self-assessment", 1],
      ["农村饮水安全维修", "self-assessment", 1],
    ]);
    const [a, b] = r.projects;
    expect([a.name, a.department, a.unit, a.year, a.template, a.location.cell]).toEqual(["社区居家养老服务补贴项目", "区民政局", "区养老服务中心", 2023, "self-assessment", "B4"]);
    expect(a.budget).toMatchObject({ initial: 260, adjusted: 248, executed: 231.6, statedRate: 0.9339, statedWeight: 10, score: 9.34, fromSubRows: false });
    expect(a.indicators).toHaveLength(8);
    expect(perCategory(a)).toEqual({ output: 5, effect: 2, satisfaction: 1 });
    expect([a.statedTotal, a.statedTotalCell, a.statedTotalWeight]).toEqual([94.54, "I24", 100]);
    const served = byName(a, "上门服务老年人数");
    expect([served.target, served.actual, served.weight, served.score, served.cell]).toEqual([num("≥1200人", 1200, "人", ">="), num("1136人", 1136, "人"), 15, 14.2, "E16"]);
    expect(served.reason).toBe("部分老人入院或去世，服务对象减少；下年度按实际名单测算");
    const quality = byName(a, "失能老人生活质量改善情况");
    expect([quality.actual, quality.weight, quality.score, quality.direction]).toEqual([qual("部分达成年度指标并具有一定效果"), 15, 11, "qualitative"]);

    expect([b.name, b.department, b.unit, b.year]).toEqual(["农村饮水安全工程维修养护", "区水利局", "区农村供水管理站", 2023]);
    expect(b.budget).toMatchObject({ initial: 180, adjusted: 180, executed: 162, statedRate: 0.9, score: 9, fromSubRows: false });
    const subs = b.budget!.lines.filter((l) => l.adjusted !== null).map((l) => l.adjusted);
    expect(subs).toEqual([150, 30]);
    expect(b.indicators).toHaveLength(7);
    expect(perCategory(b)).toEqual({ output: 4, effect: 2, satisfaction: 1 });
    expect(b.statedTotal).toBe(94.25);
    const late = byName(b, "维修完成时间");
    expect([late.target, late.actual, late.weight, late.score, late.reason]).toEqual([qual("11月底前"), qual("12月中旬"), 10, 7, "雨季延误"]);
    const people = byName(b, "保障饮水安全人口");
    expect([people.target.value, people.actual?.value, people.weight, people.score, people.reason]).toEqual([8.5, 8.2, 15, 14.47, null]);
  });

  test("02: 四川 split columns, code-prefixed name, budget 原因, closing rows", async () => {
    const r = await read("02-sichuan-split-columns.xlsx");
    const [p] = r.projects;
    expect([p.code, p.name, p.department, p.unit, p.year]).toEqual(["51110123T000001234567", "城乡环卫一体化保洁服务", "某县综合行政执法局", "某县环境卫生服务中心", 2023]);
    expect(p.budget).toMatchObject({ initial: 960, adjusted: 1010, executed: 887.8, statedRate: 0.879, statedWeight: 10, score: 8.79, reason: "12月服务费跨年支付" });
    expect(p.indicators).toHaveLength(7);
    expect(perCategory(p)).toEqual({ output: 4, effect: 2, satisfaction: 1 });
    const complaints = byName(p, "城乡环境卫生投诉件数");
    expect([complaints.target, complaints.actual, complaints.weight, complaints.score, complaints.direction]).toEqual([
      num("≤60件", 60, "件", "<="),
      num("75件", 75, "件"),
      10,
      8,
      "lower",
    ]);
    expect([p.statedTotal, p.statedTotalCell]).toEqual([96.79, "J23"]);
    expect(p.conclusion).toBe("项目自评得分96.79分，等级为优。保洁面积和质量均达到年度目标。");
    expect(p.problems).toBe("夏季投诉偏多；部分服务费跨年支付，执行率87.9%。");
    expect(p.measures).toBe("加密夏季保洁频次；按月结算服务费。");
  });

  test("03: 分值 before the values, declared 50 / 30 / 10", async () => {
    const r = await read("03-weights-before-values.xlsx");
    const [p] = r.projects;
    expect([p.name, p.department, p.unit, p.year]).toEqual(["某镇高标准农田灌溉渠系配套", "某县农业农村局", "某镇人民政府", 2023]);
    expect(p.budget).toMatchObject({ adjusted: 86, executed: 86, statedRate: 1, score: 10, statedWeight: 10 });
    expect(p.indicators).toHaveLength(8);
    expect(perCategory(p)).toEqual({ output: 4, effect: 3, satisfaction: 1 });
    expect(p.declaredWeights.map((d) => [d.level1, d.weight, d.cell])).toEqual([
      ["output", 50, "A12"],
      ["effect", 30, "A16"],
      ["satisfaction", 10, "A19"],
    ]);
    // Rows add up to what the labels declare.
    for (const d of p.declaredWeights) {
      const sum = p.indicators.filter((i) => i.level1 === d.level1).reduce((s, i) => s + (i.weight ?? 0), 0);
      expect(sum).toBe(d.weight);
    }
    expect(p.indicators.every((i) => i.score === i.weight)).toBe(true);
    expect(p.statedTotal).toBe(100);
  });

  test("04: goal table with a 中期 block of 7 and a 年度 block of 8", async () => {
    const r = await read("04-goal-table-two-blocks.xlsx");
    expect(r.sheets.map((s) => s.kind)).toEqual(["goal"]);
    const [p] = r.projects;
    expect([p.name, p.template, p.department, p.departmentCode, p.unit, p.year, p.midtermFunds, p.budget?.adjusted]).toEqual([
      "中小学校舍安全维修改造",
      "goal",
      "县教育和体育局",
      "201",
      "县教育和体育局",
      2024,
      2400,
      800,
    ]);
    const midterm = p.indicators.filter((i) => i.block === "midterm");
    const annual = p.indicators.filter((i) => i.block === "annual");
    expect([midterm.length, annual.length, p.indicators.length]).toEqual([7, 8, 15]);
    expect(perCategory({ indicators: annual })).toEqual({ output: 5, effect: 2, satisfaction: 1 });
    expect(new Set(annual.map((i) => i.level2))).toEqual(new Set(["quantity", "quality", "timeliness", "cost", "social", "sustainability", "satisfaction"]));
    expect(p.indicators.every((i) => i.actual === null)).toBe(true);
    expect(p.goal.midterm).toContain("三年内完成全县36所中小学C级校舍加固改造");
    expect(p.goal.target).toBe("目标1：完成12所学校校舍维修改造。");
  });

  test("05: department-level form", async () => {
    const r = await read("05-department-level.xlsx");
    expect(r.sheets.map((s) => s.kind)).toEqual(["department-self-assessment"]);
    const [p] = r.projects;
    expect([p.name, p.department, p.template, p.year]).toEqual(["某区卫生健康委员会", "某区卫生健康委员会", "department-self-assessment", 2023]);
    expect(p.budget).toMatchObject({ initial: 5620, adjusted: 6105, executed: 5714.3, statedRate: 0.936, statedWeight: 10, score: 9.36 });
    expect(p.indicators).toHaveLength(9);
    expect(perCategory(p)).toEqual({ none: 9 });
    const family = byName(p, "家庭医生签约服务覆盖率");
    expect([family.target, family.actual?.value, family.actual?.unit, family.weight, family.score, family.coefficient, family.core]).toEqual([
      num("≥45%", 45, "%", ">="),
      43,
      "%",
      15,
      14.33,
      0.9556,
      true,
    ]);
    const satisfaction = byName(p, "群众就医满意度");
    expect([satisfaction.actual?.value, satisfaction.target.value, satisfaction.weight, satisfaction.score]).toEqual([79, 85, 15, 13.94]);
    expect(byName(p, "三公经费控制率").direction).toBe("lower");
    expect(byName(p, "预算调整率").direction).toBe("lower");
    expect(byName(p, "管理制度健全性")).toMatchObject({ nature: "qualitative", direction: "qualitative" });
    expect([p.statedTotal, p.statedTotalCell]).toEqual([97.63, "H2"]);
  });

  test("06: spot-check list and the 实际绩效 review sheet", async () => {
    const r = await read("06-spot-checks.xlsx");
    expect(r.sheets.map((s) => [s.sheet, s.kind])).toEqual([
      ["抽查复核汇总", "spot-check-list"],
      ["实际绩效", "spot-check-detail"],
    ]);
    expect(r.projects).toEqual([]);
    const list = r.reviews.filter((x) => x.location.sheet === "抽查复核汇总");
    expect(list.map((x) => [x.name, x.department, x.selfScore, x.score, x.grade])).toEqual([
      ["社区居家养老服务补贴项目", "区民政局", 94.54, 81.31, "良"],
      ["农村饮水安全工程维修养护", "区水利局", 94.25, 90.5, "优"],
      ["公共文化场馆免费开放", "区文旅局", 98, 58, "差"],
    ]);
    const detail = r.reviews.find((x) => x.location.sheet === "实际绩效") as ReviewEntry;
    expect(detail.name).toBe("社区居家养老服务补贴项目");
    expect(detail.indicators).toHaveLength(8);
    const complaints = detail.indicators.find((i) => i.name === "服务投诉率")!;
    expect([complaints.target, complaints.actual, complaints.weight, complaints.score]).toEqual([num("≤2%", 2, "%", "<="), num("3.5%", 3.5, "%"), 10, 5.71]);
    const life = detail.indicators.find((i) => i.name === "失能老人生活质量改善情况")!;
    expect([life.target, life.actual, life.score, life.note]).toEqual([qual("有效改善"), qual("未达成年度指标且效果较差"), 5, "无评估报告"]);
  });

  test("07: no score columns (湖南)", async () => {
    const r = await read("07-no-score-columns.xlsx");
    const [p] = r.projects;
    expect([p.name, p.department, p.unit, p.year, p.hasScoreColumns]).toEqual(["农村客运班线运营补贴", "某县交通运输局", "县道路运输服务中心", 2023, false]);
    expect(p.budget).toMatchObject({ adjusted: 120, executed: 118.8, statedRate: 0.99, statedWeight: null, score: null });
    expect(p.indicators).toHaveLength(7);
    expect(perCategory(p)).toEqual({ output: 4, effect: 2, satisfaction: 1 });
    expect(new Set(p.indicators.map((i) => i.level2))).toEqual(new Set(["quantity", "quality", "timeliness", "cost", "social", "sustainability", "satisfaction"]));
    expect(p.indicators.every((i) => i.weight === null && i.score === null)).toBe(true);
    const riders = byName(p, "乘客满意度");
    expect([riders.target, riders.actual, riders.reason]).toEqual([num("≥90%", 90, "%", ">="), num("88%", 88, "%"), "部分车辆老旧，已纳入更新计划"]);
    expect(p.statedTotal).toBeNull();
  });
});
