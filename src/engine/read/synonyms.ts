/**
 * Label synonyms (SPEC §2.5) as data. Keys are normalised with labelKey(): half-width, no whitespace,
 * bracketed suffixes and trailing colons removed. A new regional layout should usually be an edit here.
 */
import type { Grade, Level1Key, Level2Key } from "../model";

/** Key–value fields of a form's header. */
export const FIELD_LABELS = {
  name: ["项目名称", "专项资金名称", "项目名称", "资金名称", "专项名称", "政策名称", "项目(政策)名称", "项目政策名称"],
  code: ["项目编码", "项目代码", "项目编号"],
  department: [
    "主管部门",
    "主管部门及代码",
    "县级主管部门",
    "市级主管部门",
    "省级主管部门",
    "区级主管部门",
    "主管单位",
    "主管部门名称",
    "预算部门",
    "部门名称",
  ],
  unit: ["实施单位", "项目实施单位", "实施单位名称", "项目单位", "执行单位", "预算单位"],
  goalTarget: [
    "预期目标",
    "年初设定目标",
    "项目年度目标",
    "年度目标",
    "年初绩效目标",
    "绩效目标",
    "年度绩效目标",
  ],
  goalAdjusted: ["全年(调整)绩效目标", "全年绩效目标", "调整后绩效目标", "调整绩效目标"],
  goalActual: [
    "实际完成情况",
    "年度总体目标完成情况综述",
    "年度目标完成情况",
    "全年实际完成情况",
    "全年目标实际完成情况",
    "总体目标完成情况",
    "年度总体目标完成情况",
    "目标完成情况",
  ],
  goalMidterm: ["中期目标"],
  statedTotal: ["自评总分", "自评得分总分", "总得分"],
  annualFunds: ["年度资金总额"],
  midtermFunds: ["中期资金总额"],
  conclusion: ["评价结论", "自评结论", "总体评价结论"],
  problems: ["存在问题", "存在的问题", "主要问题", "存在的主要问题"],
  measures: ["改进措施", "整改措施", "改进意见", "下一步改进措施"],
} as const;

export type FieldName = keyof typeof FIELD_LABELS;

/** Column roles of an indicator block header. */
export const INDICATOR_COLUMNS = {
  level1: ["一级指标"],
  level2: ["二级指标"],
  name: ["三级指标", "指标名称", "三级指标名称", "绩效指标名称", "指标内容"],
  target: ["年度指标值", "指标值", "年初指标值", "目标值", "预期指标值", "年度目标值", "全年指标值", "计划指标值", "预期值"],
  adjustedTarget: ["调整指标值", "调整后指标值", "全年调整指标值"],
  actual: ["实际完成值", "完成值", "全年实际值", "全年完成值", "实际值", "全年实际完成值", "实际完成指标值"],
  weight: ["分值", "权重", "指标权重", "指标分值"],
  score: ["得分", "自评得分", "指标得分"],
  reason: [
    "偏差原因分析及改进措施",
    "未完成原因分析",
    "未完成原因及拟采取的改进措施",
    "未完成原因和改进措施",
    "原因",
    "偏差原因",
    "偏差原因分析",
    "未完成原因",
    "偏差原因及改进措施",
    "原因分析及改进措施",
  ],
  op: ["指标性质", "计算符号", "符号", "指标方向"],
  unit: ["度量单位", "计量单位", "单位"],
  coefficient: ["得分系数"],
  core: ["是否核心指标"],
  reviewScore: ["复核得分", "抽评得分", "复评得分", "抽查得分"],
  reviewActual: ["抽评核实完成值", "复核完成值", "核实完成值", "复核核实完成值", "抽查核实完成值", "抽评完成值", "复核实际完成值"],
  reviewNote: ["复核意见", "抽评意见", "复核说明", "抽评说明", "复核备注", "抽评备注", "扣分原因", "复核扣分原因", "抽评扣分原因"],
  note: ["备注"],
} as const;
export type IndicatorColumn = keyof typeof INDICATOR_COLUMNS;

/** Column roles of a budget block header. */
export const BUDGET_COLUMNS = {
  initial: ["年初预算数", "年初预算"],
  adjusted: ["全年预算数", "调整后预算数", "全年预算", "调整后预算", "预算数", "全年调整预算数"],
  executed: ["全年执行数", "预算执行数", "执行数", "实际支出", "全年执行", "实际执行数", "全年实际支出"],
  rate: ["执行率", "预算执行率"],
  weight: ["分值", "权重", "执行率权重"],
  score: ["得分", "执行率得分"],
  reason: ["原因", "偏差原因", "未完成原因", "原因分析", "偏差原因分析", "说明"],
} as const;
export type BudgetColumn = keyof typeof BUDGET_COLUMNS;

/** Budget row labels: the total, and the sub-rows ("其中：…"). */
export const BUDGET_TOTAL_ROWS = ["年度资金总额", "总额", "合计", "资金总额", "资金合计"];
export const BUDGET_SUB_ROWS = [
  "当年财政拨款",
  "财政拨款",
  "本年财政拨款",
  "上年结转资金",
  "上年结转",
  "其他资金",
  "财政资金",
  "财政专户管理资金",
  "单位资金",
  "上级补助资金",
  "上级资金",
  "本级资金",
  "本级财政资金",
  "中央资金",
  "中央财政资金",
  "省级资金",
  "市级资金",
  "县级资金",
  "自筹资金",
];

/** Column roles of a spot-check list header. */
export const SPOTCHECK_COLUMNS = {
  name: ["项目名称", "项目(政策)名称", "专项资金名称"],
  code: ["项目编码", "项目代码", "项目编号"],
  department: ["主管部门", "主管部门及代码", "主管单位", "部门", "县级主管部门", "预算部门"],
  unit: ["实施单位", "项目实施单位"],
  selfScore: ["自评得分", "自评分数", "自评分", "自评总分"],
  /** Read only so that a grouped header's "自评 / 等级" is not taken for the review grade. */
  selfGrade: ["自评等级", "自评结果"],
  score: ["复核得分", "抽评得分", "复评得分", "抽查得分", "复核分数"],
  grade: ["复核等级", "抽评等级", "评价等级", "等级", "复核结果", "抽评结果"],
  note: ["备注", "主要问题", "复核意见", "存在问题"],
} as const;
export type SpotCheckColumn = keyof typeof SPOTCHECK_COLUMNS;

/** Rows that end an indicator block (their numbers may carry the stated total). */
export const TOTAL_ROW_LABELS = ["总分", "合计", "总计", "自评总分", "得分合计", "总得分"];

/** Rows that end a form: signatures, contacts, notes. */
export const FOOTER_PREFIXES = ["填报人", "填表人", "联系电话", "项目负责人", "财务负责人", "审核人", "单位负责人", "填表说明", "说明:", "注:", "备注:", "负责人"];

/** 一级/二级 subtotal rows ("小计"): they carry a category's weight, they are no indicator. */
export const SUBTOTAL_LABELS = ["小计", "分项小计", "小计分值", "分类小计"];

/** Template stub prefixes typed over ("指标1：上门服务老年人数" → "上门服务老年人数"). */
export const STUB_NAME_PREFIX = /^(?:三级)?指标\s*\d+\s*(?:[:：.、]\s*|(?=[\u4e00-\u9fa5]))/;

/** Lines above a form that are not part of it (attachment number, 填报单位 / 日期 lines, amount unit). */
export const PREAMBLE_LINES = [/^附件\s*\d*\s*[:：]?$/, /^附表\s*\d*\s*[:：]?$/, /^填报单位/, /^填报日期/, /^填表日期/, /^(金额)?单位[:：]/];

/** Block markers inside goal tables. */
export const BLOCK_MARKERS: { re: RegExp; block: "annual" | "midterm" }[] = [
  { re: /^中期(绩效)?(目标|指标)/, block: "midterm" },
  { re: /^年度(绩效)?(目标|指标)/, block: "annual" },
];

/**
 * table[key] for a key that is cell text: only the table's own entries. A plain object also answers
 * "constructor", "__proto__" or "toString" (Object.prototype's members), which a 一级/二级 cell may well hold.
 */
export function ownEntry<V>(table: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

/** First-level categories (SPEC §2.6). Keys are normalised labels; "指标" suffix optional. Look up with ownEntry. */
export const LEVEL1: Record<string, Level1Key> = {
  产出指标: "output",
  产出: "output",
  效益指标: "effect",
  效果指标: "effect",
  效益: "effect",
  效果: "effect",
  满意度指标: "satisfaction",
  满意度: "satisfaction",
  成本指标: "cost",
  成本: "cost",
};

/** Second-level categories. Look up with ownEntry. */
export const LEVEL2: Record<string, Level2Key> = {
  数量指标: "quantity",
  质量指标: "quality",
  时效指标: "timeliness",
  成本指标: "cost",
  经济效益指标: "economic",
  社会效益指标: "social",
  生态效益指标: "ecological",
  环境效益指标: "ecological",
  生态环境效益指标: "ecological",
  文化效益指标: "cultural",
  可持续影响指标: "sustainability",
  可持续发展指标: "sustainability",
  服务对象满意度指标: "satisfaction",
  社会公众或服务对象满意度指标: "satisfaction",
  社会公众满意度指标: "satisfaction",
  满意度指标: "satisfaction",
  经济成本指标: "economic-cost",
  社会成本指标: "social-cost",
  生态环境成本指标: "ecological-cost",
};

/** Sheet-title keywords. */
export const TITLE_WORDS = {
  selfAssessment: /自评/,
  department: /部门整体/,
  goal: /(目标申报表|绩效目标表|目标表|申报表)/,
  spotCheck: /(抽查|复核|抽评|复评)/,
};

/**
 * Words for a review grade written out in full ("优秀", "合格"), tried in order after the grade letter itself:
 * 差's words come before 中's, since "不合格" holds "合格".
 */
export const GRADE_WORDS: readonly (readonly [RegExp, Grade])[] = [
  [/优秀/, "优"],
  [/良好/, "良"],
  [/较差|不合格/, "差"],
  [/中等|合格|一般/, "中"],
];

/** A 是否核心指标 cell that says yes ("是", "Y", "√", "核心"). */
export const CORE_YES = /^(是|Y|y|yes|√|核心)/;

/** The margin label declaring one pool for every indicator ("绩效指标(90分)", 四川). */
export const INDICATOR_POOL_LABEL = /^绩效指标/;

/** Template stub names ("指标1", "指标2：", "……") that are not indicators when the row has no values. */
export const PLACEHOLDER_NAME = /^(指标\d*|三级指标\d*|[.…*＊xX×_＿]+|\d+)[:：]?$/;

/**
 * Goal tables whose 中期 and 年度 indicators stand side by side on the same rows (财预〔2015〕88号 original:
 * 一级 | 二级 | 三级 | 指标值 | 二级 | 三级 | 指标值): column groups from left to right get these blocks.
 */
export const SIDE_BY_SIDE_BLOCKS: ("midterm" | "annual")[] = ["midterm", "annual"];

/** Look-up from normalised key to role for a table of synonyms. */
export function synonymIndex<K extends string>(table: Record<K, readonly string[]>): Map<string, K> {
  const m = new Map<string, K>();
  for (const role of Object.keys(table) as K[]) {
    for (const label of table[role]) {
      const key = label.replace(/\s+/g, "").replace(/[（]/g, "(").replace(/[）]/g, ")").replace(/\([^)]*\)/g, "");
      if (!m.has(key)) m.set(key, role);
    }
  }
  return m;
}
