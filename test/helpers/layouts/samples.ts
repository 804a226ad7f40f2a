/**
 * Realistic sample projects, filled the way finance staff fill real forms: rich text, formulas with cached
 * results, full-width digits and operators, "—" and "/" for nothing, dates, error values, template stubs.
 * Tests assert their readings field by field; rule and benchmark tests may reuse them as starting points.
 */
import { date, errorValue, formula, pct, rich, withFormat } from "./cells";
import type { DepartmentSpec } from "./department";
import type { GoalSpec } from "./goal";
import type { ProjectSpec } from "./self-assessment";
import type { ReviewIndicatorSpec, SpotCheckRowSpec } from "./spot-check";

/**
 * National layout (财预〔2020〕10号), built at B4 under "附件2" and a 填报单位 line. Indicator rows:
 * 0..6 real indicators, 7 a 二级 label with no 三级 and no values, 8 satisfaction, 9 an "指标1" stub.
 */
export const NATIONAL_SAMPLE: ProjectSpec = {
  preamble: ["附件2", "填报单位（盖章）：区养老服务中心        填报日期：2024年3月20日"],
  year: 2023,
  name: rich("社区居家养老", ["服务补贴项目", { bold: true, name: "宋体" }]),
  department: "[305]区民政局",
  unit: "区养老服务中心",
  budget: [
    {
      label: "年度资金总额",
      initial: 260,
      adjusted: 248,
      executed: 231.6,
      weight: 10,
      rate: pct(formula("G9/F9", 231.6 / 248)),
      score: formula("ROUND(MIN(I9,1)*H9,2)", 9.34),
    },
    { label: "其中：当年财政拨款", initial: 260, adjusted: 248, executed: 231.6, weight: "—", rate: pct(formula("G10/F10", 231.6 / 248)), score: "—" },
    { label: "      上年结转资金", initial: null, adjusted: 0, executed: 0, weight: "—", rate: formula("G11/F11", errorValue("#DIV/0!")), score: "—" },
    { label: "      其他资金", initial: "*", adjusted: "/", executed: "/", weight: "—", rate: "/", score: "*" },
  ],
  goal: {
    target: "为辖区失能、半失能老年人提供居家上门服务不少于1200人，服务满意度不低于90%。",
    actual: "全年为1136名老年人提供上门服务，满意度93%。",
  },
  indicators: [
    {
      level1: "产出指标",
      level2: "数量指标",
      name: "上门服务老年人数",
      target: "≥１２００人",
      actual: "1,136人",
      weight: 15,
      score: 14.2,
      reason: "部分老人入院或去世，服务对象减少；下年度按实际名单测算",
    },
    { name: "服务工单数", target: "≥14000单", actual: 14520, weight: 10, score: formula("MIN(H17,H17*G17/14000)", 10) },
    { level2: "质量指标", name: "服务投诉率", target: "＜＝2％", actual: pct(0.011, "0.0%"), weight: 10, score: 10 },
    { level2: "时效指标", name: "补贴发放完成时间", target: "2023年12月底前", actual: date(2023, 12, 26), weight: 10, score: 10 },
    { level2: "成本指标", name: "人均补贴标准", target: "≤2000元/人·年", actual: "2000元/人·年", weight: 5, score: 5 },
    {
      level1: "效益指标",
      level2: "社会效益指标",
      name: "失能老人生活质量改善情况",
      target: "有效改善",
      actual: "部分达成年度指标并具有一定效果",
      weight: 15,
      score: 11,
      reason: "—",
    },
    { level2: "可持续影响指标", name: "居家养老服务网络覆盖率", target: "95%以上", actual: "96%", weight: 15, score: 15 },
    { level2: "生态效益指标" },
    { level1: "满意度指标", level2: "服务对象满意度指标", name: rich("服务对象", ["满意度", { italic: true }]), target: "不低于90%", actual: "93%", weight: 10, score: 10 },
    { name: "指标1" },
  ],
  total: { weight: formula("SUM(H16:H25)", 100), score: formula("J9+SUM(I16:I25)", 94.54) },
  footer: ["填表人：王某某            联系电话：0551-12345678"],
};

/**
 * A second national form (stacked under the first in the stacked test): a total row of zeros whose sub-rows
 * carry the amounts, "指标1：" stub prefixes typed over, a 一级 subtotal row, placeholder targets.
 */
export const NATIONAL_DRAFT: ProjectSpec = {
  year: 2023,
  name: "农村饮水安全工程维修养护",
  department: "219-某某镇人民政府",
  unit: "某某镇农村供水站",
  budget: [
    { label: "年度资金总额", initial: 0, adjusted: 0, executed: 0, weight: 10, rate: null, score: null },
    { label: "其中：当年财政拨款", initial: 150, adjusted: 150, executed: 135, weight: "—", rate: "90%", score: "—" },
    { label: "上年结转资金", initial: 30, adjusted: 30, executed: 27, weight: "—", rate: "90%", score: "—" },
    { label: "其他资金", weight: "—", score: "—" },
  ],
  goal: { target: "完成40处农村供水工程维修养护。", actual: "完成38处。" },
  indicators: [
    { level1: "产出指标", level2: "数量指标", name: "指标1：维修养护供水工程数", target: "≥40处", actual: "38处", weight: 20, score: 19, reason: "2处工程因征地未开工" },
    { name: "指标2：", target: "≥**人次", actual: "", weight: 10 },
    { level2: "质量指标", name: "水质检测合格率", target: "XX%", actual: "97%", weight: 10, score: 10 },
    { level2: "时效指标", name: "维修完成时间", target: "11月底前", actual: "12月中旬", weight: 10, score: 7, reason: "雨季延误" },
    { level1: "效益指标", level2: "社会效益指标", name: "保障饮水安全人口", target: "≥8.5万人", actual: "8.2万人", weight: 30, score: 28.94 },
    { level1: "满意度指标", level2: "服务对象满意度指标", name: "受益群众满意度", target: "__", actual: "88%", weight: 10 },
  ],
  total: { weight: 100, score: 73.94 },
};

/** 四川中江 style (分值 first): declared weights in the 一级 labels, 项目负责人及电话 row. */
export const WEIGHTS_FIRST_SAMPLE: ProjectSpec = {
  title: "衔接资金项目绩效目标自评表(2023年度)",
  name: "某镇高标准农田灌溉渠系配套",
  department: "某县农业农村局",
  unit: "某镇人民政府",
  extraRows: [{ label: "项目负责人及电话", value: "（略）" }],
  budget: [
    { label: "年度资金总额", adjusted: 86, executed: 86, weight: 10, rate: 1, score: 10 },
    { label: "其中：本年财政拨款", adjusted: 86, executed: 86 },
    { label: "其他资金", adjusted: 0, executed: 0 },
  ],
  goal: { target: "新建灌溉渠系3.2公里，改善灌溉面积1500亩。", actual: "建成渠系3.2公里，改善灌溉面积1520亩。" },
  indicators: [
    { level1: "产出指标（50分）", level2: "数量指标", name: "新建灌溉渠系长度", weight: 15, target: "≥3.2公里", actual: "3.2公里", score: 15 },
    { level2: "质量指标", name: "工程验收合格率", weight: 15, target: "100%", actual: "100%", score: 15 },
    { level2: "时效指标", name: "工程完工时间", weight: 10, target: "2023年10月底前", actual: date(2023, 10, 25), score: 10 },
    { level2: "成本指标", name: "每公里建设成本", weight: 10, target: "≤27万元", actual: "26.9万元", score: 10 },
    { level1: "效益指标\n(30分)", level2: "经济效益指标", name: "受益农户亩均增收", weight: 10, target: "150元以上", actual: "165元", score: 10 },
    { level2: "社会效益指标", name: "受益脱贫人口数", weight: 10, target: "≥300人", actual: "312人", score: 10 },
    { level2: "可持续影响指标", name: "工程设计使用年限", weight: 10, target: "≥15年", actual: "15年", score: 10 },
    { level1: "满意度指标(10分)", level2: "服务对象满意度指标", name: "受益群众满意度", weight: 10, target: "≥90%", actual: "95%", score: 10 },
  ],
  total: { weight: 100, score: 100 },
};

/** 四川 2023: operator / value / unit columns, code-prefixed name, 原因 in the budget block, closing rows. */
export const SICHUAN_SAMPLE: ProjectSpec = {
  year: 2023,
  name: "51000021R000000019951-工资性支出",
  department: "某县财政局",
  unit: "某县财政局机关",
  budget: [
    { label: "总额", initial: "1,586.40", adjusted: 1620, executed: 1598.76, rate: pct(formula("G6/F6", 1598.76 / 1620)), weight: 10, score: 9.87, reason: "年末绩效奖金跨年发放" },
    { label: "其中：财政资金", initial: "1,586.40", adjusted: 1620, executed: 1598.76, rate: pct(1598.76 / 1620), weight: "/", score: "/" },
    { label: "财政专户管理资金", initial: 0, adjusted: 0, executed: 0, rate: 0, weight: "/", score: "/" },
    { label: "单位资金", initial: 0, adjusted: 0, executed: 0, rate: 0, weight: "/", score: "/" },
    { label: "其他资金", initial: 0, adjusted: 0, executed: 0, rate: 0, weight: "/", score: "/" },
  ],
  goal: { target: "保障126名在职人员工资按时足额发放。", actual: "按月足额发放126名在职人员工资。" },
  indicators: [
    { level1: "产出指标", level2: "数量指标", name: "保障在职人数", op: "≥", target: 126, unit: "人", actual: 126, weight: 20, score: 20 },
    { level1: "产出指标", level2: "质量指标", name: "工资发放准确率", op: "=", target: 100, unit: "%", actual: 100, weight: 15, score: 15 },
    { level1: "产出指标", level2: "时效指标", name: "工资按月发放及时率", op: "＞＝", target: 100, unit: "百分比", actual: 100, weight: 10, score: 10 },
    { level1: "产出指标", level2: "成本指标", name: "人均工资性支出", op: "≤", target: 9.8, unit: "万元", actual: 9.75, weight: 10, score: 10 },
    { level1: "效益指标", level2: "社会效益指标", name: "保障单位正常运转", op: "定性", target: "有效保障", unit: "/", actual: "有效保障", weight: 10, score: 10 },
    { level1: "效益指标", level2: "可持续影响指标", name: "人员队伍稳定性", op: ">=", target: 95, unit: "%", actual: pct(0.97, "0%"), weight: 15, score: 15 },
    { level1: "满意度指标", level2: "服务对象满意度指标", name: "在职职工满意度", op: "≥", target: 90, unit: "%", actual: 92, weight: 10, score: 10 },
  ],
  total: { weight: 100, score: formula("J6+SUM(J14:J20)", 99.87) },
  closing: [
    { label: "评价结论", text: "项目自评得分99.87分，等级为优。" },
    { label: "存在问题", text: "年末绩效奖金跨年发放。" },
    { label: "改进措施", text: "加快年末资金支付进度。" },
  ],
  footer: ["项目负责人：", "财务负责人："],
};

/** 湖南 style: no score columns; 专项资金名称, 县级主管部门 with a code; 二级 written once (no merges). */
export const NO_SCORE_SAMPLE: ProjectSpec = {
  year: 2023,
  name: "农村客运班线运营补贴",
  department: "219-某县交通运输局",
  unit: "县道路运输服务中心",
  budget: [{ label: "年度资金总额", adjusted: 120, executed: 118.8, rate: pct(0.99) }],
  goal: { target: "保障42条农村客运班线正常运营。", actual: "42条班线全年正常运营。" },
  indicators: [
    { level1: "产出指标", level2: "数量指标", name: "补贴班线数量", target: "42条", actual: "42条" },
    { level2: "质量指标", name: "班线正常运营率", target: "≥95%", actual: "97%" },
    { level2: "时效指标", name: "补贴拨付时间", target: "次年3月底前", actual: date(2024, 3, 15) },
    { level2: "成本指标", name: "单条班线年补贴", target: "≤2.86万元", actual: "2.83万元" },
    { level1: "效益指标", level2: "社会效益指标", name: "农村居民出行便利程度", target: "明显改善", actual: "明显改善" },
    { name: "班线覆盖行政村数", target: "≥210个", actual: "214个" },
    { level2: "可持续影响指标", name: "班线运营稳定性", target: "稳定", actual: "稳定" },
    { level1: "满意度指标", level2: "服务对象满意度指标", name: "乘客满意度", target: "≥90%", actual: "88%", reason: "部分车辆老旧，已纳入更新计划" },
  ],
};

/** Two-row header variant with a 一级 subtotal row (产出指标 | | | | | 50 | 48) above its indicators. */
export const TWO_ROW_SAMPLE: ProjectSpec = {
  year: 2023,
  name: "城区道路路灯维护",
  department: "区城市管理局",
  unit: "区路灯管理所",
  budget: [{ label: "年度资金总额", initial: 300, adjusted: 300, executed: 285, weight: 10, rate: pct(0.95), score: 9.5 }],
  goal: { target: "维护城区路灯1.2万盏，亮灯率98%以上。", actual: "维护路灯1.21万盏，亮灯率98.6%。" },
  indicators: [
    { level1: "产出指标", weight: 50, score: 48 },
    { level2: "数量指标", name: "维护路灯数量", target: "≥1.2万盏", actual: "1.21万盏", weight: 20, score: 20 },
    { level2: "质量指标", name: "亮灯率", target: "≥98%", actual: "98.6%", weight: 20, score: 20 },
    { level2: "成本指标", name: "单灯年维护成本", target: "≤250元", actual: "262元", weight: 10, score: 8, reason: "更换老旧灯具" },
    { level1: "效益指标", weight: 30, score: 30 },
    { level2: "社会效益指标", name: "夜间交通事故发生率", target: "≤0.5%", actual: "0.3%", weight: 30, score: 30 },
    { level1: "满意度指标", weight: 10, score: 9 },
    { level2: "服务对象满意度指标", name: "市民满意度", target: "≥90%", actual: "89%", weight: 10, score: 9, reason: "部分背街小巷亮灯不足" },
  ],
  total: { weight: 100, score: 96.5 },
};

/** National form with per-indicator review columns (the bureau's 抽评 added to the unit's sheet). */
export const REVIEWED_SAMPLE: ProjectSpec = {
  year: 2023,
  name: "公共文化场馆免费开放",
  department: "区文旅局",
  unit: "区文化馆",
  budget: [{ label: "年度资金总额", initial: 80, adjusted: 80, executed: 80, weight: 10, rate: 1, score: 10 }],
  goal: { target: "全年免费开放。", actual: "全年免费开放。" },
  indicators: [
    { level1: "产出指标", level2: "数量指标", name: "开放天数", target: "≥300天", actual: "306天", weight: 30, score: 30, reviewActual: "280天", reviewScore: 28, reviewNote: "闭馆维修26天" },
    { level2: "质量指标", name: "讲座场次", target: "≥24场", actual: "24场", weight: 20, score: 20, reviewActual: "18场", reviewScore: 15 },
    { level1: "效益指标", level2: "社会效益指标", name: "年接待人次", target: "≥5万人次", actual: "5.2万人次", weight: 30, score: 30, reviewActual: "/", reviewScore: 30 },
    { level1: "满意度指标", level2: "服务对象满意度指标", name: "群众满意度", target: "≥90%", actual: "95%", weight: 10, score: 10 },
  ],
  total: { weight: 100, score: 100 },
};

/** 部门整体: percent-formatted fractions ("0.00%"), 得分系数, 是否核心指标, a department code. */
export const DEPARTMENT_SAMPLE: DepartmentSpec = {
  department: "[301]某区卫生健康委员会",
  financeOffice: "社会保障科",
  statedTotal: 97.63,
  budget: { initial: 5620, adjusted: 6105, executed: 5714.3, rate: pct(formula("D5/C5", 5714.3 / 6105)), weight: 10, score: 9.36 },
  goal: {
    initial: "完成基本公共卫生服务项目，65岁以上老年人健康管理率不低于70%。",
    adjusted: "同年初",
    actual: "健康管理率72.4%，家庭医生签约率达标。",
  },
  indicators: [
    { name: "65岁以上老年人健康管理率", unit: "%", nature: "定量指标", target: "≥70%", actual: pct(0.724), coefficient: pct(1), weight: 15, score: 15, core: "是" },
    { name: "家庭医生签约服务覆盖率", unit: "%", nature: "定量指标", target: "≥45%", actual: pct(0.43), coefficient: pct(0.9556), weight: 15, score: 14.33, core: "是" },
    { name: "孕产妇系统管理率", unit: "%", nature: "定量指标", target: "≥90%", adjustedTarget: "≥92%", actual: pct(0.95), coefficient: 100, weight: 10, score: 10, core: "是" },
    { name: "三公经费控制率", unit: "%", nature: "定量指标", target: "≤100%", actual: pct(0.87), coefficient: pct(1), weight: 5, score: 5, core: "否" },
    { name: "管理制度健全性", nature: "定性指标", target: "健全", actual: "健全", coefficient: pct(1), weight: 5, score: 5, core: "否" },
    { name: "群众就医满意度", unit: "%", nature: "定量指标", target: "≥85%", actual: pct(0.79), coefficient: pct(0.9294), weight: 15, score: 13.94, core: "是" },
  ],
};

/** 88号 goal table with a 中期 and a 年度 block. */
export const GOAL_SAMPLE: GoalSpec = {
  year: 2024,
  name: "中小学校舍安全维修改造",
  department: "[201]县教育和体育局",
  unit: "县教育和体育局",
  attribute: "延续项目",
  period: "3年",
  funds: { midterm: { total: 2400, fiscal: 2400, other: 0 }, annual: { total: 800, fiscal: 750, other: 50 } },
  goal: {
    midterm: "目标1：三年内完成全县36所中小学C级校舍加固改造。\n目标2：消除校舍安全隐患。",
    annual: "目标1：完成12所学校校舍维修改造。",
  },
  midterm: [
    { level1: "产出指标", level2: "数量指标", name: "改造学校数", target: "≥36所" },
    { level1: "产出指标", level2: "质量指标", name: "验收合格率", target: "100%" },
    { level1: "效益指标", level2: "社会效益指标", name: "C级校舍存量", target: "=0栋" },
    { level1: "满意度指标", level2: "服务对象满意度指标", name: "师生及家长满意度", target: "≥90%" },
  ],
  annual: [
    { level1: "产出指标", level2: "数量指标", name: "改造学校数", target: "≥12所" },
    { level1: "产出指标", level2: "质量指标", name: "验收合格率", target: "100%" },
    { level1: "效益指标", level2: "社会效益指标", name: "消除安全隐患校舍数", target: "≥20栋" },
    { level1: "满意度指标", level2: "服务对象满意度指标", name: "师生及家长满意度", target: "≥90%", note: "问卷调查" },
  ],
};

export const SPOT_CHECK_ROWS: SpotCheckRowSpec[] = [
  { department: "区民政局", name: "社区居家养老服务补贴项目", selfScore: 94.54, selfGrade: "优", score: 81.31, grade: "良", note: "服务人数核实为1080人" },
  { department: "[302]区水利局", name: "51000021R000000019951-农村饮水安全工程维修养护", selfScore: "94.25", selfGrade: "优", score: formula("ROUND(90.5,2)", 90.5), grade: "优秀" },
  { department: "区文旅局", name: "公共文化场馆免费开放", code: "340321230000000123", selfScore: 98, selfGrade: "优", score: 58, grade: "差", note: "未提供佐证材料" },
  { name: "合计", selfScore: null, score: null },
];

export const REVIEW_DETAIL_ROWS: ReviewIndicatorSpec[] = [
  { level1: "产出指标", level2: "数量指标", name: "上门服务老年人数", op: "≥", target: 1200, unit: "人", weight: 15, reviewActual: 1080, reviewScore: 13.5, note: "名单核实" },
  { level1: "产出指标", level2: "质量指标", name: "服务投诉率", op: "≤", target: 2, unit: "%", weight: 10, reviewActual: pct(0.035, "0.0%"), reviewScore: 5.71, note: "投诉台账核实" },
  { level1: "效益指标", level2: "社会效益指标", name: "失能老人生活质量改善情况", op: "定性", target: "有效改善", weight: 15, reviewActual: "未达成年度指标且效果较差", reviewScore: 5 },
  { level1: "满意度指标", level2: "服务对象满意度指标", name: "服务对象满意度", op: "≥", target: 90, unit: "%", weight: 10, reviewActual: 86, reviewScore: withFormat(9.56, "0.00") },
];
