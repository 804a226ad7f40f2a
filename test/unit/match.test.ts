import {
  attachReviews,
  codeKey,
  departmentFit,
  indicatorReviewSource,
  matchGoals,
  matchReview,
  pairIndicators,
  projectNameKey,
  unmatchedReviews,
} from "../../src/engine/match";
import type { Project } from "../../src/engine/model";
import { getProfile } from "../../src/engine/profiles";
import { scoreProject } from "../../src/engine/score/project";
import { makeIndicator, makeProject } from "../helpers/factories";
import { makeReview, makeReviewDetail } from "../helpers/review-factory";

const profile = getProfile("national");

let n = 0;
function proj(init: Partial<Project> = {}): Project {
  n++;
  const sheet = init.location?.sheet ?? `S${n}`;
  return makeProject({ id: `a.xlsx!${sheet}!${n}`, location: { file: "a.xlsx", sheet, cell: "B4" }, ...init });
}

describe("keys", () => {
  it("project names ignore width, spaces, bracket styles and a leading code", () => {
    expect(projectNameKey("社区居家养老 服务补贴（2023年）")).toBe(projectNameKey("社区居家养老服务补贴(2023年)"));
    expect(projectNameKey("ＡＢＣ道路【一期】")).toBe(projectNameKey("abc道路(一期)"));
    expect(projectNameKey("51000021R000000019951-工资性支出")).toBe(projectNameKey("工资性支出"));
    expect(projectNameKey("工资性支出")).not.toBe(projectNameKey("公用经费支出"));
  });
  it("codes ignore width and spaces", () => {
    expect(codeKey("５１１１０１２３t０００")).toBe(codeKey("51110123T 000"));
    expect(codeKey(null)).toBe("");
  });
  it("departments: leading codes, units and containment", () => {
    const p = proj({ department: "某某镇人民政府", unit: "某某镇农业综合服务中心" });
    expect(departmentFit(p, "219-某某镇人民政府")).toBe(2);
    expect(departmentFit(p, "[219]某某镇人民政府")).toBe(2);
    expect(departmentFit(p, "某某镇农业综合服务中心")).toBe(2);
    expect(departmentFit(proj({ department: "[201]县教育和体育局" }), "县教育和体育局")).toBe(2);
    expect(departmentFit(proj({ department: "县教育局", departmentCode: "201" }), "201-县教育和体育局")).toBe(2);
    expect(departmentFit(proj({ department: "某区民政局" }), "区民政局")).toBe(1);
    expect(departmentFit(p, "区水利局")).toBe(0);
    expect(departmentFit(p, null)).toBe(0);
  });
});

describe("matchReview", () => {
  it("matches by project code when both have one, whatever the name", () => {
    const a = proj({ name: "城乡环卫一体化保洁服务", code: "51110123T000001234567" });
    const b = proj({ name: "城乡环卫保洁", code: "51110123T000001234999" });
    expect(matchReview(makeReview({ name: "环卫保洁服务（一体化）", code: "51110123T000001234567" }), [b, a])?.id).toBe(a.id);
  });

  it("a project with another code is another project; one without a code matches by name", () => {
    const coded = proj({ name: "工资性支出", code: "51000021R000000019951" });
    expect(matchReview(makeReview({ name: "工资性支出", code: "51000021R000000019952" }), [coded])).toBeNull();
    const plain = proj({ name: "工资性支出", code: null });
    expect(matchReview(makeReview({ name: "工资性支出", code: "51000021R000000019952" }), [coded, plain])?.id).toBe(plain.id);
    // Review without a code, project with one: by name.
    expect(matchReview(makeReview({ name: "工资性支出" }), [coded])?.id).toBe(coded.id);
  });

  it("names differing only in full-width/half-width, spaces and brackets match", () => {
    const p = proj({ name: "公共文化场馆免费开放（2023年）" });
    expect(matchReview(makeReview({ name: "公共文化场馆 免费开放(2023年)" }), [p])?.id).toBe(p.id);
    const q = proj({ name: "ABC 农村公路养护" });
    expect(matchReview(makeReview({ name: "ＡＢＣ农村公路养护" }), [q])?.id).toBe(q.id);
  });

  it("a loose name (trailing 项目, bracketed year) matches when the department agrees", () => {
    const p = proj({ name: "公共文化场馆免费开放项目", department: "区文旅局" });
    expect(matchReview(makeReview({ name: "公共文化场馆免费开放（2023年）", department: "区文旅局" }), [p])?.id).toBe(p.id);
    expect(matchReview(makeReview({ name: "公共文化场馆免费开放", department: "区民政局" }), [p])).toBeNull();
  });

  it("name clashes are resolved by department, code prefixes ignored", () => {
    const civil = proj({ name: "工资性支出", department: "区民政局" });
    const town = proj({ name: "工资性支出", department: "某某镇人民政府" });
    const edu = proj({ name: "工资性支出", department: "[201]县教育和体育局" });
    const all = [civil, town, edu];
    expect(matchReview(makeReview({ name: "工资性支出", department: "219-某某镇人民政府" }), all)?.id).toBe(town.id);
    expect(matchReview(makeReview({ name: "工资性支出", department: "县教育和体育局" }), all)?.id).toBe(edu.id);
    expect(matchReview(makeReview({ name: "工资性支出", department: "区民政局" }), all)?.id).toBe(civil.id);
  });

  it("a clash whose department fits none of the projects matches nothing", () => {
    const a = proj({ name: "工资性支出", department: "区民政局" });
    const b = proj({ name: "工资性支出", department: "区水利局" });
    expect(matchReview(makeReview({ name: "工资性支出", department: "区文旅局" }), [a, b])).toBeNull();
  });

  it("a single same-named project matches whatever the department says", () => {
    const a = proj({ name: "农村饮水安全工程维修养护", department: "区水利局" });
    expect(matchReview(makeReview({ name: "农村饮水安全工程维修养护", department: "区水务局" }), [a])?.id).toBe(a.id);
  });

  it("goal tables are never reviewed; department forms are", () => {
    const goal = proj({ name: "中小学校舍安全维修改造", template: "goal" });
    expect(matchReview(makeReview({ name: "中小学校舍安全维修改造" }), [goal])).toBeNull();
    const dept = proj({ name: "某区卫生健康委员会", template: "department-self-assessment" });
    expect(matchReview(makeReview({ name: "某区卫生健康委员会" }), [goal, dept])?.id).toBe(dept.id);
  });
});

describe("attachReviews", () => {
  it("attaches score, grade, gap, note and the list row's location", () => {
    const p = scoreProject(proj({ name: "社区居家养老服务补贴项目", statedTotal: 94.54, statedTotalCell: "I24" }), profile);
    const r = makeReview({ name: "社区居家养老服务补贴项目", score: 81.31, grade: "良", note: "人数核实为1080人" });
    const { projects, matches } = attachReviews([p], [r], profile);
    expect(matches).toEqual([p.id]);
    expect(projects[0].review).toEqual({ score: 81.31, grade: "良", gap: -13.23, note: "人数核实为1080人", location: r.location });
  });

  it("computes the review grade from the score when the list gives none", () => {
    const p = scoreProject(proj({ name: "甲", statedTotal: 92 }), profile);
    const { projects } = attachReviews([p], [makeReview({ name: "甲", score: 79.99 })], profile);
    expect(projects[0].review?.grade).toBe("中");
    expect(projects[0].review?.gap).toBe(-12.01);
  });

  it("a review list row and a detail sheet for the same project combine", () => {
    const p = scoreProject(
      proj({
        name: "社区居家养老服务补贴项目",
        statedTotal: 94.54,
        indicators: [
          makeIndicator({ name: "服务投诉率", target: "≤2%", actual: "1.1%", weight: 10, score: 10, level2: "quality" }),
          makeIndicator({ name: "上门服务老年人数", target: "≥1200人", actual: "1136人", weight: 15, score: 14.2 }),
        ],
      }),
      profile,
    );
    const list = makeReview({ name: "社区居家养老服务补贴项目", department: "区民政局", score: 81.31, grade: "良" });
    const detail = makeReviewDetail("社区居家养老服务补贴项目", [
      { name: "上门服务老年人数", score: 13.5, weight: 15, actual: "1080人", note: "名单核实" },
      { name: "服务投诉率", score: 5.71, level2: "quality", actual: "3.5%" },
    ]);
    // Detail first in the run: list rows still lead.
    const { projects, matches } = attachReviews([p], [detail, list], profile);
    expect(matches).toEqual([p.id, p.id]);
    const out = projects[0];
    expect(out.review).toMatchObject({ score: 81.31, grade: "良", location: list.location });
    expect(out.indicators.map((i) => i.review?.score)).toEqual([5.71, 13.5]);
    expect(out.indicators[1].review).toMatchObject({ note: "名单核实", cell: "C3" });
    expect(out.indicators[1].review?.actual?.value).toBe(1080);
  });

  it("a detail sheet alone gives the review score: execution + per-indicator review scores", () => {
    const p = scoreProject(
      proj({
        name: "甲",
        indicators: [
          makeIndicator({ name: "指标一", weight: 45, score: 45 }),
          makeIndicator({ name: "指标二", weight: 45, score: 45 }),
        ],
      }),
      profile,
    );
    expect(p.selfScore).toBe(100);
    const detail = makeReviewDetail("甲", [
      { name: "指标一", score: 40, weight: 45 },
      { name: "指标二", score: 30.5, weight: 45 },
    ]);
    const { projects } = attachReviews([p], [detail], profile);
    expect(projects[0].review).toMatchObject({ score: 80.5, grade: "良", gap: -19.5, location: detail.location });
  });

  it("review columns on the form itself: kept over a detail sheet, and they give a review score", () => {
    const own = makeIndicator({ name: "指标一", weight: 45, score: 45, review: { actual: null, score: 30, note: null, cell: "K16" } });
    const p = scoreProject(
      proj({
        name: "乙",
        indicators: [
          { ...own, cells: { ...own.cells, reviewScore: "K16" } },
          makeIndicator({ name: "指标二", weight: 45, score: 45, review: { actual: null, score: 45, note: null, cell: "K17" } }),
        ],
      }),
      profile,
    );
    const { projects: alone } = attachReviews([p], [], profile);
    expect(alone[0].review).toMatchObject({ score: 85, gap: -15, location: p.location });
    const detail = makeReviewDetail("乙", [{ name: "指标一", score: 10, weight: 45 }]);
    const { projects, matches } = attachReviews([p], [detail], profile);
    expect(matches).toEqual([p.id]);
    expect(projects[0].indicators[0].review?.score).toBe(30);
    expect(indicatorReviewSource(projects[0], projects[0].indicators[0], [detail], matches)).toMatchObject({ onForm: true, cell: "K16" });
  });

  it("per-indicator rows attach by normalised name, and by 二级 when a name repeats", () => {
    const p = scoreProject(
      proj({
        name: "丙",
        indicators: [
          makeIndicator({ name: "完成率", level2: "quantity", weight: 10, score: 10 }),
          makeIndicator({ name: "完成率", level2: "quality", weight: 10, score: 10 }),
          makeIndicator({ name: "群众满意度（%）", level1: "satisfaction", level2: "satisfaction", weight: 10, score: 10 }),
        ],
      }),
      profile,
    );
    const detail = makeReviewDetail("丙", [
      { name: "完成率", level2: "quality", score: 8 },
      { name: "完成率", level2: "quantity", score: 6 },
      { name: "群众 满意度", level1: "satisfaction", level2: "satisfaction", score: 9 },
    ]);
    const { projects, matches } = attachReviews([p], [detail], profile);
    expect(projects[0].indicators.map((i) => i.review?.score)).toEqual([6, 8, 9]);
    const src = indicatorReviewSource(projects[0], projects[0].indicators[0], [detail], matches);
    expect(src).toEqual({ onForm: false, file: "review.xlsx", sheet: "实际绩效", cell: "C4" });
  });

  it("same-named list rows with no department claim distinct projects", () => {
    const a = scoreProject(proj({ name: "工资性支出", statedTotal: 90 }), profile);
    const b = scoreProject(proj({ name: "工资性支出", statedTotal: 80 }), profile);
    const { matches } = attachReviews([a, b], [makeReview({ name: "工资性支出", score: 85 }), makeReview({ name: "工资性支出", score: 70 })], profile);
    expect(matches).toEqual([a.id, b.id]);
  });

  it("a row naming its department is matched before a bare row of the same name", () => {
    const civil = scoreProject(proj({ name: "工资性支出", department: "区民政局", statedTotal: 90 }), profile);
    const water = scoreProject(proj({ name: "工资性支出", department: "区水利局", statedTotal: 80 }), profile);
    const bare = makeReview({ name: "工资性支出", score: 85 });
    const named = makeReview({ name: "工资性支出", department: "区民政局", score: 70 });
    const { matches, projects } = attachReviews([civil, water], [bare, named], profile);
    expect(matches).toEqual([water.id, civil.id]);
    expect(projects.map((p) => p.review?.score)).toEqual([70, 85]);
  });

  it("unmatched reviews: null matches, projects untouched, grouped per reviewed project", () => {
    const p = scoreProject(proj({ name: "甲", statedTotal: 95 }), profile);
    const goal = proj({ name: "丁", template: "goal" });
    const list = makeReview({ name: "公共文化场馆免费开放", department: "区文旅局", score: 58, grade: "差", selfScore: 98 });
    const detail = makeReviewDetail("公共文化场馆免费开放", [{ name: "开放天数", score: 5 }]);
    const other = makeReview({ name: "丁", score: 75 });
    const { projects, matches } = attachReviews([p, goal], [list, detail, other], profile);
    expect(matches).toEqual([null, null, null]);
    expect(projects[0]).toBe(p);
    const groups = unmatchedReviews([list, detail, other], matches, projects, profile);
    expect(groups.map((g) => [g.entry.name, g.entries.length, g.grade, g.sameNamed.length])).toEqual([
      ["公共文化场馆免费开放", 2, "差", 0],
      ["丁", 1, "中", 1],
    ]);
    expect(groups[0].entry).toBe(list);
    // Two same-named rows of one list are two projects.
    const twins = [makeReview({ name: "工资性支出", score: 90 }), makeReview({ name: "工资性支出", score: 50 })];
    expect(unmatchedReviews(twins, [null, null], [], profile).map((g) => g.entries.length)).toEqual([1, 1]);
  });
});

describe("pairIndicators", () => {
  const ind = (name: string, level2: string | null = null, level1: string | null = "output") => ({ name, level1, level2 }) as never;
  it("pairs by name, 二级 for repeats, loose names last; reports the rest", () => {
    const left = [ind("改造学校数"), ind("完成率", "quantity"), ind("完成率", "quality"), ind("满意度（%）", "satisfaction", "satisfaction"), ind("消除隐患数")];
    const right = [ind("完成率", "quality"), ind("改造 学校数"), ind("完成率", "quantity"), ind("满意度", "satisfaction", "satisfaction"), ind("新增指标")];
    const r = pairIndicators(left, right);
    expect(r.pairs).toEqual([
      [0, 1],
      [1, 2],
      [2, 0],
      [3, 3],
    ]);
    expect(r.leftOnly).toEqual([4]);
    expect(r.rightOnly).toEqual([4]);
  });
  it("numbering prefixes are not part of the name", () => {
    expect(pairIndicators([ind("1.改造学校数")], [ind("改造学校数")]).pairs).toEqual([[0, 0]]);
    expect(pairIndicators([ind("100米跑道")], [ind("200米跑道")]).pairs).toEqual([]);
  });
});

describe("matchGoals", () => {
  it("pairs a goal table with the self-assessment of the same project, across files", () => {
    const goal = proj({ name: "中小学校舍安全维修改造", department: "[201]县教育和体育局", template: "goal", location: { file: "goal.xlsx", sheet: "目标表", cell: "A1" } });
    const self = proj({ name: "中小学校舍安全维修改造", department: "县教育和体育局" });
    const stranger = proj({ name: "中小学校舍安全维修改造", department: "某镇人民政府" });
    const other = proj({ name: "校舍维修" });
    const m = matchGoals([goal, self, stranger, other]);
    expect(m.map((x) => [x.goal.id, x.self.id])).toEqual([[goal.id, self.id]]);
  });
  it("by code when both have one; different years never match", () => {
    const goal = proj({ name: "环卫保洁", code: "51110123T000001234567", template: "goal" });
    const self = proj({ name: "城乡环卫一体化保洁服务", code: "51110123T000001234567" });
    expect(matchGoals([goal, self])).toHaveLength(1);
    const later = proj({ name: "环卫保洁", code: "51110123T000001234567", year: 2024 });
    expect(matchGoals([{ ...goal, year: 2023 }, later])).toHaveLength(0);
    const otherCode = proj({ name: "环卫保洁", code: "51110123T000009999999" });
    expect(matchGoals([goal, otherCode])).toHaveLength(0);
  });
  it("the same name under the same department but another 实施单位 is another project", () => {
    const goal = proj({ name: "工资性支出", department: "某县财政局", unit: "某县国库支付中心", template: "goal" });
    const mine = proj({ name: "工资性支出", department: "某县财政局", unit: "某县国库支付中心" });
    const theirs = proj({ name: "工资性支出", department: "某县财政局", unit: "某县财政局机关" });
    expect(matchGoals([goal, theirs])).toHaveLength(0);
    expect(matchGoals([goal, mine, theirs]).map((m) => m.self.id)).toEqual([mine.id]);
    // A unit left blank on one side still matches by name and department.
    expect(matchGoals([{ ...goal, unit: null }, theirs])).toHaveLength(1);
  });
  it("a blank department on one side matches by name; the same file wins a tie", () => {
    const g1 = proj({ name: "甲", department: null, template: "goal", location: { file: "x.xlsx", sheet: "g", cell: "A1" } });
    const g2 = proj({ name: "甲", department: null, template: "goal" });
    const self = proj({ name: "甲" });
    expect(matchGoals([g1, g2, self]).map((m) => m.goal.id)).toEqual([g2.id]);
  });
});
