/**
 * Users extend the vocabulary without code (profile JSON "vocabulary"): a county adds its own header labels and
 * its forms then read; bad vocabulary entries are clear profile errors.
 */
import { check } from "../../../src/engine";
import type { CellValue } from "../../../src/engine/grid";
import { loadProfile, ProfileError } from "../../../src/engine/profiles";
import { readWorkbook } from "../../../src/engine/read";

const grid = (sheet: string, values: CellValue[][]) => ({ sheet, top: 0, left: 0, values, merges: [] });

/** A county's own self-assessment: its target column says 绩效标准, its 时效 二级 says 节点指标, its total row 经费合计. */
const COUNTY_FORM = {
  file: "某县-乡村振兴.xlsx",
  grids: [
    grid("自评", [
      ["项目支出绩效自评表", null, null, null, null, null, null],
      ["项目名称", "乡村振兴衔接资金", null, "主管部门", "县农业农村局", null, null],
      ["实施单位", "县乡村振兴服务中心", null, null, null, null, null],
      [null, null, "年初预算数", "全年预算数", "全年执行数", "执行率", null],
      ["项目资金", "经费合计", 100, 100, 95, "95%", null],
      ["一级指标", "二级指标", "三级指标", "绩效标准", "实际完成值", "分值", "得分"],
      ["产出指标", "数量指标", "帮扶户数", "≥200户", "210户", 30, 30],
      [null, "节点指标", "资金拨付时限", "≤30天", "25天", 20, 20],
      ["效益指标", "社会效益指标", "脱贫户收入增长", "≥5%", "6%", 30, 30],
      ["满意度指标", "服务对象满意度指标", "帮扶对象满意度", "≥90%", "95%", 10, 10],
    ]),
  ],
};

const COUNTY_PROFILE = JSON.stringify({
  extends: "national",
  vocabulary: { columns: { target: ["绩效标准"] }, categories: { timeliness: ["节点指标"] }, totals: ["经费合计"] },
});

test("without the county's labels its form reads with gaps: no target column, 节点指标 unknown, no budget total", () => {
  const r = readWorkbook(COUNTY_FORM);
  const p = r.projects[0];
  expect(p.reading?.missing).toContain("target");
  expect(p.indicators.find((i) => i.name === "资金拨付时限")?.level2).toBeNull();
  expect(p.budget?.adjusted ?? null).toBeNull();
  const rules = check([r]).findings.map((f) => f.rule);
  expect(rules).toContain("template/unreadable");
  expect(rules).toContain("template/unknown-column");
});

test("a county adds three labels in its profile and the same form reads whole", () => {
  const profile = loadProfile(COUNTY_PROFILE, "某县.json");
  const r = readWorkbook(COUNTY_FORM, { vocabulary: profile.vocabulary });
  const p = r.projects[0];
  expect(p.reading?.missing).toEqual([]);
  expect(p.indicators.map((i) => [i.name, i.target.raw, i.level2])).toEqual([
    ["帮扶户数", "≥200户", "quantity"],
    ["资金拨付时限", "≤30天", "timeliness"],
    ["脱贫户收入增长", "≥5%", "social"],
    ["帮扶对象满意度", "≥90%", "satisfaction"],
  ]);
  const rules = check([r], { profile }).findings.map((f) => f.rule);
  expect(rules).not.toContain("template/unreadable");
  expect(rules).not.toContain("target/missing");
  expect(rules).not.toContain("template/unknown-column");
  // The built-in vocabulary is untouched: the next reading without the profile has the gaps again.
  expect(readWorkbook(COUNTY_FORM).projects[0].reading?.missing).toContain("target");
});

test("a misspelled role or a label that is not text is a clear profile error", () => {
  const err = (json: unknown) => {
    try {
      loadProfile(JSON.stringify(json), "某县.json");
    } catch (e) {
      expect(e).toBeInstanceOf(ProfileError);
      return (e as ProfileError).format("en");
    }
    throw new Error("no error");
  };
  expect(err({ vocabulary: { columns: { targte: ["绩效标准"] } } })).toMatch(/vocabulary\.columns[\s\S]*targte[\s\S]*target/);
  expect(err({ vocabulary: { columns: { target: [42] } } })).toMatch(/vocabulary\.columns\.target\[0\]/);
  expect(err({ vocabulary: { categorys: {} } })).toMatch(/categorys[\s\S]*categories/);
});
