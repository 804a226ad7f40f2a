/**
 * The shared example workbooks through the whole pipeline (exceljs → grid → reader → check) with the
 * goal/* and spotcheck/* rules: 01 + 06 must give exactly the findings examples/README.md lists, and the
 * goal table 04 compared with a self-assessment built here for the same project.
 */
import ExcelJS from "exceljs";
import { examplePath } from "../../helpers/examples";
import { workbookToGrids } from "../../../src/adapters/xlsx-file/grid";
import { check, readWorkbook, type WorkbookReading } from "../../../src/engine";
import type { CellValue, Grid } from "../../../src/engine/grid";
import { RULES as ALL_RULES } from "../../../src/engine/rules";
import { rule as noSelf } from "../../../src/engine/rules/spotcheck/no-self-assessment";

/** The registered rules of these families (the registry is the one list of rules). */
const RULES = ALL_RULES.filter((r) => /^(goal|spotcheck)\//.test(r.id));

async function read(file: string): Promise<WorkbookReading> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(examplePath(file));
  return readWorkbook({ file, grids: workbookToGrids(wb) });
}

/** A national-layout self-assessment of 04's project (中小学校舍安全维修改造, 2024), as a unit would fill it. */
function selfAssessmentOf04(): Grid {
  const v: CellValue[][] = [
    [null, "项目支出绩效自评表"],
    [null, "（2024年度）"],
    [null, "项目名称", "中小学校舍安全维修改造"],
    [null, "主管部门", "县教育和体育局", null, null, "实施单位", "县教育和体育局"],
    [null, "项目资金\n（万元）", null, null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [null, null, "年度资金总额", null, 800, 800, 780, 10, 0.975, 9.75],
    [null, "年度\n总体\n目标", "预期目标", null, null, null, "实际完成情况"],
    [null, null, "完成12所学校校舍维修改造。", null, null, null, "完成10所学校校舍维修改造。"],
    [null, "绩\n效\n指\n标", "一级指标", "二级指标", "三级指标", "年度\n指标值", "实际\n完成值", "分值", "得分", "偏差原因分析及改进措施"],
    // row 10: target lowered from the goal table's ≥12所
    [null, null, "产出指标", "数量指标", "改造学校数", "≥10所", "10所", 10, 10, null],
    // 2.1万平方米 written in 平方米 with a thousands separator: the same target
    [null, null, null, null, "改造校舍面积", "≥21,000平方米", "21500平方米", 10, 10, null],
    [null, null, null, "质量指标", "验收合格率", "=100%", "100%", 10, 10, null],
    // "当年11月底前" in the goal table: the same deadline
    [null, null, null, "时效指标", "完工时间", "11月底前", "11月20日", 10, 10, null],
    [null, null, null, "成本指标", "每平方米改造成本", "≤380元", "372元", 10, 10, null],
    // row 15: 消除安全隐患校舍数 of the goal table dropped, another social indicator instead
    [null, null, "效益指标", "社会效益指标", "受益学生数", "≥5000人", "5200人", 15, 15, null],
    [null, null, null, "可持续影响指标", "校舍安全使用年限", "≥30年", "30年", 15, 15, null],
    [null, null, "满意度指标", "服务对象满意度指标", "师生及家长满意度", "≥90%", "95%", 10, 10, null],
    [null, "总分", null, null, null, null, null, 100, 99.75, null],
  ];
  return { sheet: "校舍维修自评", top: 0, left: 0, values: v, merges: null };
}

const summary = (r: ReturnType<typeof check>) => r.findings.map((f) => [f.rule, f.project, f.file, f.sheet, f.cell]);

describe("examples 01 + 06 + 04 with the goal and spot-check rules", () => {
  let r01: WorkbookReading;
  let r04: WorkbookReading;
  let r06: WorkbookReading;
  beforeAll(async () => {
    [r01, r04, r06] = await Promise.all([read("01-national-two-projects.xlsx"), read("04-goal-table-two-blocks.xlsx"), read("06-spot-checks.xlsx")]);
  });

  it("01 + 06 give exactly the README's findings", () => {
    const report = check([r01, r06], { rules: RULES });
    expect(summary(report)).toEqual([
      ["spotcheck/gap", "社区居家养老服务补贴项目", "01-national-two-projects.xlsx", "社区养老服务补贴", "I24"],
      ["spotcheck/grade-changed", "社区居家养老服务补贴项目", "01-national-two-projects.xlsx", "社区养老服务补贴", "I24"],
      ["spotcheck/indicator-gap", "社区居家养老服务补贴项目", "01-national-two-projects.xlsx", "社区养老服务补贴", "I18"],
      ["spotcheck/indicator-gap", "社区居家养老服务补贴项目", "01-national-two-projects.xlsx", "社区养老服务补贴", "I21"],
      ["spotcheck/poor", "公共文化场馆免费开放", "06-spot-checks.xlsx", "抽查复核汇总", "C5"],
      ["spotcheck/no-self-assessment", "公共文化场馆免费开放", "06-spot-checks.xlsx", "抽查复核汇总", "C5"],
    ]);
    const [g, grade, ind1, ind2, bad, none] = report.findings;
    expect(g.data).toMatchObject({ selfScore: 94.54, reviewScore: 81.31, gap: -13.23, reviewSheet: "抽查复核汇总", reviewCell: "C3" });
    expect(g.message).toContain("自评得分94.54分，抽查复核得分81.31分，相差13.23分（≥10分）");
    expect(grade.data).toMatchObject({ selfGrade: "优", reviewGrade: "良" });
    expect(ind1.data).toMatchObject({ indicator: "服务投诉率", selfScore: 10, reviewScore: 5.71, reviewSheet: "实际绩效" });
    expect(ind2.data).toMatchObject({ indicator: "失能老人生活质量改善情况", selfScore: 11, reviewScore: 5, reviewSheet: "实际绩效" });
    expect(bad.data).toMatchObject({ reviewGrade: "差", reviewScore: 58 });
    expect(none.data).toMatchObject({ department: "区文旅局" });
    expect(bad.projectId).toBeNull();

    // The reviews are attached: the list row and the 实际绩效 sheet combine on the first project.
    const [elder, water] = report.projects;
    expect(elder.review).toMatchObject({ score: 81.31, grade: "良", gap: -13.23 });
    expect(elder.indicators.every((i) => i.review !== null)).toBe(true);
    expect(water.review).toMatchObject({ score: 90.5, grade: "优", gap: -3.75 });
    expect(report.summary.reviewed).toBe(2);
  });

  it("06 read before 01 matches the same way", () => {
    expect(summary(check([r06, r01], { rules: RULES })).map((x) => x[0]).sort()).toEqual(
      ["spotcheck/gap", "spotcheck/grade-changed", "spotcheck/indicator-gap", "spotcheck/indicator-gap", "spotcheck/no-self-assessment", "spotcheck/poor"],
    );
  });

  it("06 alone: every reviewed project lacks a self-assessment", () => {
    const report = check([r06], { rules: [noSelf] });
    // The 实际绩效 sheet joins its list row: three projects, three findings.
    expect(report.findings.map((f) => [f.project, f.cell])).toEqual([
      ["社区居家养老服务补贴项目", "C3"],
      ["农村饮水安全工程维修养护", "C4"],
      ["公共文化场馆免费开放", "C5"],
    ]);
  });

  it("04 against a self-assessment of the same project: one changed target, one dropped indicator", () => {
    const self = readWorkbook({ file: "校舍维修自评.xlsx", grids: [selfAssessmentOf04()] });
    expect(self.projects).toHaveLength(1);
    const report = check([r04, self], { rules: RULES });
    expect(summary(report)).toEqual([
      ["goal/target-changed", "中小学校舍安全维修改造", "校舍维修自评.xlsx", "校舍维修自评", "F10"],
      ["goal/indicator-dropped", "中小学校舍安全维修改造", "校舍维修自评.xlsx", "校舍维修自评", "E15"],
    ]);
    const [changed, dropped] = report.findings;
    expect(changed.data).toMatchObject({ indicator: "改造学校数", goalTarget: "≥12所", selfTarget: "≥10所", goalFile: "04-goal-table-two-blocks.xlsx", goalCell: "E21" });
    expect(changed.message).toContain("目标表为“≥12所”");
    expect(changed.message).toContain("自评表为“≥10所”");
    expect(dropped.data).toMatchObject({ indicator: "消除安全隐患校舍数", goalSheet: "绩效目标申报表", goalCell: "D26" });
    expect(dropped.message).toContain("[04-goal-table-two-blocks.xlsx]绩效目标申报表!D26");
  });

  it("all four workbooks together: the goal and spot-check findings do not interfere", () => {
    const self = readWorkbook({ file: "校舍维修自评.xlsx", grids: [selfAssessmentOf04()] });
    const report = check([r01, r06, r04, self], { rules: RULES });
    expect(report.findings.map((f) => f.rule).sort()).toEqual(
      [
        "goal/indicator-dropped",
        "goal/target-changed",
        "spotcheck/gap",
        "spotcheck/grade-changed",
        "spotcheck/indicator-gap",
        "spotcheck/indicator-gap",
        "spotcheck/no-self-assessment",
        "spotcheck/poor",
      ].sort(),
    );
  });
});
