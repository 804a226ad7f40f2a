/**
 * The bundled demo workbook (assets/samples/demo.xlsx): what `npm run demo` checks. Several projects in the
 * national, 分值-first, 四川 and 湖南 layouts, a goal table, a spot-check list and an instructions sheet that
 * is no template — filled the way real forms are, with the usual faults, so the demo shows real findings.
 *
 * Regenerate with: UPDATE_SAMPLES=1 npx jest test/unit/samples
 */
import {
  buildGoalSheet,
  buildNationalSheet,
  buildNoScoreSheet,
  buildSichuanSheet,
  buildSpotCheckListSheet,
  buildWeightsFirstSheet,
  NATIONAL_DRAFT,
  NATIONAL_SAMPLE,
  NO_SCORE_SAMPLE,
  put,
  SICHUAN_SAMPLE,
  sheet,
  WEIGHTS_FIRST_SAMPLE,
  writeWorkbook,
  type GoalSpec,
  type ProjectSpec,
  type SpotCheckRowSpec,
} from "./workbooks";

/** The goal table of 社区居家养老服务补贴项目: the self-assessment later lowered one target (1300 → 1200). */
const ELDERLY_GOAL: GoalSpec = {
  year: 2023,
  name: "社区居家养老服务补贴项目",
  department: "区民政局",
  unit: "区养老服务中心",
  attribute: "经常性项目",
  period: "1年",
  funds: { annual: { total: 260, fiscal: 260, other: 0 } },
  goal: { annual: "为辖区失能、半失能老年人提供居家上门服务不少于1300人，服务满意度不低于90%。" },
  annual: [
    { level1: "产出指标", level2: "数量指标", name: "上门服务老年人数", target: "≥1300人" },
    { level1: "产出指标", level2: "数量指标", name: "服务工单数", target: "≥14000单" },
    { level1: "产出指标", level2: "质量指标", name: "服务投诉率", target: "≤2%" },
    { level1: "产出指标", level2: "时效指标", name: "补贴发放完成时间", target: "2023年12月底前" },
    { level1: "产出指标", level2: "成本指标", name: "人均补贴标准", target: "≤2000元/人·年" },
    { level1: "效益指标", level2: "社会效益指标", name: "失能老人生活质量改善情况", target: "有效改善" },
    { level1: "效益指标", level2: "可持续影响指标", name: "居家养老服务网络覆盖率", target: "≥95%" },
    { level1: "效益指标", level2: "社会效益指标", name: "家庭照护者培训人次", target: "≥500人次" },
    { level1: "满意度指标", level2: "服务对象满意度指标", name: "服务对象满意度", target: "≥90%" },
  ],
};

/** The 农村饮水 draft as a water-bureau project, so the spot-check list can name it. */
const WATER: ProjectSpec = { ...NATIONAL_DRAFT, department: "区水利局", unit: "区农村供水管理站" };

const SPOT_CHECKS: SpotCheckRowSpec[] = [
  { department: "区民政局", name: "社区居家养老服务补贴项目", selfScore: 94.54, score: 81.31, grade: "良", note: "服务人数核实为1080人，生活质量改善无评估依据" },
  { department: "区水利局", name: "农村饮水安全工程维修养护", selfScore: 73.94, score: 70.5, grade: "中", note: "" },
  { department: "某县财政局", name: "工资性支出", code: "51000021R000000019951", selfScore: 99.87, score: 98, grade: "优" },
  { department: "区文旅局", name: "公共文化场馆免费开放", selfScore: 98, score: 58, grade: "差", note: "未提供绩效自评表及佐证材料" },
];

export function demoSheets() {
  return [
    sheet("填报说明", (ws) => {
      put(ws, 1, 1, "2023年度项目支出绩效自评材料填报说明");
      put(ws, 3, 1, "一、各单位按《项目支出绩效自评表》逐项填写，不得漏填三级指标。");
      put(ws, 4, 1, "二、未完成年度指标的，须在“偏差原因分析及改进措施”栏说明原因。");
      put(ws, 5, 1, "三、4月30日前报送区财政局绩效管理股。");
      ws.getColumn(1).width = 80;
    }),
    sheet("社区养老服务补贴", (ws) => buildNationalSheet(ws, NATIONAL_SAMPLE, { origin: { row: 1, col: 1 } })),
    sheet("农村饮水安全维修", (ws) => buildNationalSheet(ws, WATER)),
    sheet("工资性支出", (ws) => buildSichuanSheet(ws, SICHUAN_SAMPLE)),
    sheet("农田灌溉渠系", (ws) => buildWeightsFirstSheet(ws, WEIGHTS_FIRST_SAMPLE)),
    sheet("客运班线补贴", (ws) => buildNoScoreSheet(ws, NO_SCORE_SAMPLE)),
    sheet("养老服务目标表", (ws) => buildGoalSheet(ws, ELDERLY_GOAL)),
    sheet("抽查复核", (ws) => buildSpotCheckListSheet(ws, SPOT_CHECKS, { title: "2023年度区级项目支出绩效自评抽查复核结果" })),
  ];
}

export function buildDemoWorkbook(): Promise<Buffer> {
  return writeWorkbook(demoSheets());
}
