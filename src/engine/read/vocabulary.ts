/**
 * The reader's vocabulary as data (SPEC §2.5, §8): for every field, column role, row kind and category, the
 * exact labels (synonyms.ts) and the families that recognise labels never seen before by what their words mean.
 *
 * A family is a key morpheme (`heads`: 指标值, 目标值 …) with the words that may stand around it (`mods`: 年度,
 * 年初, 当年 …), the words of which one must be present (`requires`) and the words that rule it out (`excludes`:
 * 完成 / 实际 are never a target). A label belongs to a family when it holds a head, none of the excluded words,
 * and the rest of it is made of the family's words (mods, requires, other heads, connectors such as 及 / 、).
 * Among the roles whose families take a label, the most specific match (the longest head) wins; an exact label
 * always wins over a family. label-index.ts is the interpreter; a profile may add labels (VocabularyExtension).
 */
import { type Level1Key, type Level2Key, LEVEL2_PARENT } from "../model";
import {
  BUDGET_COLUMNS,
  BUDGET_SUB_ROWS,
  BUDGET_TOTAL_ROWS,
  FIELD_LABELS,
  type BudgetColumn,
  type FieldName,
  INDICATOR_COLUMNS,
  type IndicatorColumn,
  LEVEL1,
  LEVEL2,
  SPOTCHECK_COLUMNS,
  type SpotCheckColumn,
  TOTAL_ROW_LABELS,
} from "./synonyms";

export interface Family {
  heads: readonly string[];
  mods?: readonly string[];
  requires?: readonly string[];
  excludes?: readonly string[];
}

/** Exact labels and families per role of one table (a header index, the fields, the categories). */
export interface RoleTable<R extends string> {
  labels: Readonly<Record<R, readonly string[]>>;
  families: Readonly<Partial<Record<R, readonly Family[]>>>;
}

/** Words that join two parts of a label ("原因分析及改进措施", "分值/权重"). */
export const CONNECTORS = ["及", "和", "与", "或", "、", "/", "的", "-", "_"];

const TARGET_AROUND = ["年度", "年初", "当年", "全年", "预期", "实现", "计划", "绩效", "设定", "本年", "预计", "期望", "申报", "批复", "目标", "指标"];
const ACTUAL_AROUND = ["实际", "全年", "年度", "当年", "截至", "年末", "年底", "指标", "完成", "实际完成", "绩效", "实现", "本年"];
const REVIEW_WORDS = ["复核", "抽评", "复评", "抽查", "核查", "再评价"];

const INDICATOR_FAMILIES: Partial<Record<IndicatorColumn, readonly Family[]>> = {
  level1: [{ heads: ["一级指标"], mods: ["名称", "绩效"] }],
  level2: [{ heads: ["二级指标"], mods: ["名称", "绩效"] }],
  name: [{ heads: ["三级指标", "指标名称", "指标内容"], mods: ["绩效", "具体", "名称", "明细", "三级"], excludes: ["一级", "二级"] }],
  target: [
    {
      heads: ["指标值", "目标值", "预期值", "计划值"],
      mods: TARGET_AROUND,
      excludes: ["完成", "实际", "调整", "核实", "复核", "抽评", "抽查"],
    },
  ],
  adjustedTarget: [{ heads: ["指标值", "目标值"], requires: ["调整", "调整后"], mods: ["全年", "年度", "绩效"] }],
  actual: [
    {
      heads: ["完成值", "实际值", "实现值", "完成指标值", "实际完成"],
      mods: ACTUAL_AROUND,
      excludes: [...REVIEW_WORDS, "核实"],
    },
  ],
  weight: [{ heads: ["分值", "权重"], mods: ["指标", "标准", "满分", "设定", "权重", "分值"], excludes: ["得分"] }],
  score: [{ heads: ["得分"], mods: ["自评", "指标", "实际", "评价", "单位", "分"], excludes: [...REVIEW_WORDS, "系数", "核实", "总"] }],
  reviewScore: [{ heads: ["得分", "分数", "评分"], requires: REVIEW_WORDS, mods: ["评价", "指标", "核实"] }],
  reviewActual: [{ heads: ["完成值", "实际值"], requires: [...REVIEW_WORDS, "核实"], mods: ["核实", "实际", "全年"] }],
  reason: [
    {
      heads: ["原因", "改进措施", "措施"],
      mods: ["偏差", "偏差大", "未完成", "未达标", "未达成", "分析", "拟采取的", "拟采取", "改进", "整改", "说明", "情况", "主要", "原因", "存在", "产生", "差异", "目标"],
      excludes: ["扣分", ...REVIEW_WORDS],
    },
  ],
  note: [{ heads: ["备注", "解释", "说明"], mods: ["指标", "评分", "计算"], excludes: REVIEW_WORDS }],
  op: [{ heads: ["符号", "指标性质"], mods: ["计算", "运算", "比较", "指标"] }],
  unit: [{ heads: ["单位"], mods: ["计量", "度量", "指标", "计算"], excludes: ["实施", "预算", "主管", "项目", "执行", "填报"] }],
};

const BUDGET_AMOUNT_AROUND = ["项目", "资金", "批复", "金额", "小计", "合计", "数", "财政", "总额", "额"];

const BUDGET_FAMILIES: Partial<Record<BudgetColumn, readonly Family[]>> = {
  initial: [{ heads: ["预算数", "预算", "预算金额"], requires: ["年初"], mods: BUDGET_AMOUNT_AROUND }],
  adjusted: [
    {
      heads: ["预算数", "预算", "预算金额"],
      mods: ["全年", "调整后", "调整", "年度", "本年", "当年", "变更后", ...BUDGET_AMOUNT_AROUND],
      excludes: ["年初", "执行", "率"],
    },
  ],
  executed: [
    {
      heads: ["执行数", "执行", "支出", "支出数", "拨付数", "拨付", "执行金额", "投入"],
      mods: ["全年", "预算", "实际", "年度", "当年", "累计", "已", "截至", "年底", ...BUDGET_AMOUNT_AROUND],
      excludes: ["率", "权重", "得分", "分值"],
    },
  ],
  rate: [{ heads: ["执行率", "实现率", "完成率", "支出率", "拨付率"], mods: ["预算", "全年", "资金", "实际", "年度"], excludes: ["权重", "得分", "分值"] }],
  weight: [{ heads: ["分值", "权重"], mods: ["执行率", "预算执行", "执行", "满分"], excludes: ["得分"] }],
  score: [{ heads: ["得分"], mods: ["执行率", "预算执行", "执行", "自评", "实际"], excludes: ["系数", ...REVIEW_WORDS] }],
  reason: [{ heads: ["原因", "说明"], mods: ["偏差", "未完成", "分析", "改进措施", "情况", "执行", "主要", "产生", "差异"] }],
};

const LIST_FAMILIES: Partial<Record<SpotCheckColumn, readonly Family[]>> = {
  name: [{ heads: ["项目名称", "资金名称"], mods: ["专项", "项目", "政策", "评价"] }],
  department: [{ heads: ["主管部门", "主管单位", "预算部门"], mods: ["县级", "市级", "省级", "区级", "名称", "及代码", "代码"] }],
  selfScore: [{ heads: ["得分", "分数", "分"], requires: ["自评"], mods: ["单位", "总"] }],
  score: [
    {
      heads: ["得分", "分数", "评分"],
      requires: [...REVIEW_WORDS, "评价"],
      mods: ["结果", "最终", "综合", "财政", "重点", "绩效", "总"],
      excludes: ["自评"],
    },
  ],
  grade: [{ heads: ["等级", "结果"], mods: ["评价", ...REVIEW_WORDS, "最终", "综合", "绩效", "评定", "结论"], excludes: ["自评", "得分"] }],
};

const FIELD_FAMILIES: Partial<Record<FieldName, readonly Family[]>> = {
  name: [{ heads: ["项目名称", "资金名称", "政策名称"], mods: ["专项", "项目", "政策", "具体"], excludes: ["部门"] }],
  department: [{ heads: ["主管部门", "主管单位", "预算部门"], mods: ["县级", "市级", "省级", "区级", "名称", "及代码", "代码", "盖章", "业务"] }],
  unit: [{ heads: ["实施单位", "项目单位", "执行单位", "单位名称"], mods: ["项目", "名称", "盖章", "具体", "及代码", "代码"] }],
  midtermFunds: [{ heads: ["资金总额", "预算资金", "预算"], requires: ["中期", "实施期"], mods: ["市", "省", "县", "财政", "资金", "申请"] }],
  annualFunds: [
    { heads: ["资金总额", "预算资金", "预算"], requires: ["年度", "本年度", "当年"], mods: ["申请", "市", "省", "县", "财政", "本", "资金"], excludes: ["执行", "率", "中期", "调整"] },
  ],
  goalMidterm: [{ heads: ["目标"], requires: ["中期", "实施期"], mods: ["滚动", "绩效", "总体"] }],
};

const BUDGET_TOTAL_FAMILY: Family = {
  heads: ["资金总额", "总额", "合计", "资金合计", "总计", "总预算"],
  mods: ["年度", "财政", "项目", "预算", "全年", "本年", "当年", "资金", "总", "年度项目", "财政资金"],
  excludes: ["其中", "中期"],
};

const BUDGET_SUB_FAMILY: Family = {
  heads: ["财政拨款", "拨款", "结转", "结余", "资金", "自筹", "收入"],
  mods: [
    "当年", "本年", "上年", "中央", "省级", "市级", "县级", "区级", "本级", "上级", "其他", "自筹", "单位", "财政",
    "专户管理", "补助", "专项", "一般公共预算", "政府性基金", "社会", "债券", "结转", "资金", "省", "市", "县", "中央财政",
    "纳入", "财政专户管理", "管理", "上年结余", "事业", "经营",
  ],
  excludes: ["总额", "合计"],
};

const CATEGORY_AROUND = ["指标", "类", "绩效", "项目", "方面", "性", "分", "预期"];
const SATISFACTION_AROUND = ["服务对象", "社会公众", "群众", "受益对象", "受益群体", "公众", "对象", "社会", "或", "使用者", "用户"];

const LEVEL1_FAMILIES: Partial<Record<Level1Key, readonly Family[]>> = {
  output: [{ heads: ["产出"], mods: CATEGORY_AROUND }],
  effect: [{ heads: ["效益", "效果"], mods: CATEGORY_AROUND }],
  satisfaction: [{ heads: ["满意度"], mods: [...CATEGORY_AROUND, ...SATISFACTION_AROUND] }],
  cost: [{ heads: ["成本"], mods: CATEGORY_AROUND }],
};

const LEVEL2_FAMILIES: Partial<Record<Level2Key, readonly Family[]>> = {
  quantity: [{ heads: ["数量"], mods: CATEGORY_AROUND }],
  quality: [{ heads: ["质量"], mods: CATEGORY_AROUND }],
  timeliness: [{ heads: ["时效", "进度", "时间", "及时性"], mods: CATEGORY_AROUND }],
  cost: [{ heads: ["成本", "预算控制", "成本控制"], mods: [...CATEGORY_AROUND, "控制"] }],
  economic: [{ heads: ["经济效益"], mods: CATEGORY_AROUND }],
  social: [{ heads: ["社会效益"], mods: CATEGORY_AROUND }],
  ecological: [{ heads: ["生态效益", "环境效益", "生态环境效益"], mods: CATEGORY_AROUND }],
  cultural: [{ heads: ["文化效益"], mods: CATEGORY_AROUND }],
  sustainability: [{ heads: ["可持续影响", "可持续发展", "可持续"], mods: CATEGORY_AROUND }],
  satisfaction: [{ heads: ["满意度"], mods: [...CATEGORY_AROUND, ...SATISFACTION_AROUND] }],
  "economic-cost": [{ heads: ["经济成本"], mods: CATEGORY_AROUND }],
  "social-cost": [{ heads: ["社会成本"], mods: CATEGORY_AROUND }],
  "ecological-cost": [{ heads: ["生态环境成本", "环境成本", "生态成本"], mods: CATEGORY_AROUND }],
};


/** Header cells every form may carry that are read by no role, on purpose (they are not reported as unknown). */
export const IGNORED_COLUMNS = [
  "序号", "行次", "栏次", "编号", "行号",
  // The product's own 抽查名单 and review sheets (issue 16): shown for the reviewer, read by no role.
  "全年预算数", "抽样层", "抽取方式", "自评情况",
];

function invert<R extends string>(table: Record<string, R>): Record<R, string[]> {
  const out = {} as Record<R, string[]>;
  for (const [label, role] of Object.entries(table)) (out[role] ??= []).push(label);
  return out;
}

/** The whole vocabulary: one RoleTable per kind of look-up. */
export interface Vocabulary {
  fields: RoleTable<FieldName>;
  indicator: RoleTable<IndicatorColumn>;
  budget: RoleTable<BudgetColumn>;
  list: RoleTable<SpotCheckColumn>;
  level1: RoleTable<Level1Key>;
  level2: RoleTable<Level2Key>;
  /** Rows that end an indicator block and may carry the stated total. */
  totals: RoleTable<"total">;
  /** Budget rows: the total, the sub-rows. */
  budgetRows: RoleTable<"total" | "sub">;
  ignored: readonly string[];
}

export const BUILTIN_VOCABULARY: Vocabulary = {
  fields: { labels: FIELD_LABELS, families: FIELD_FAMILIES },
  indicator: { labels: { ...INDICATOR_COLUMNS, level2: [...INDICATOR_COLUMNS.level2, "指标类别", "指标类型", "指标分类"] }, families: INDICATOR_FAMILIES },
  budget: { labels: BUDGET_COLUMNS, families: BUDGET_FAMILIES },
  list: { labels: SPOTCHECK_COLUMNS, families: LIST_FAMILIES },
  level1: { labels: invert(LEVEL1), families: LEVEL1_FAMILIES },
  level2: { labels: invert(LEVEL2), families: LEVEL2_FAMILIES },
  totals: { labels: { total: TOTAL_ROW_LABELS }, families: { total: [{ heads: ["总分", "合计", "总计"], mods: ["自评", "得分", "评价", "综合", "指标", "绩效"] }] } },
  budgetRows: { labels: { total: BUDGET_TOTAL_ROWS, sub: BUDGET_SUB_ROWS }, families: { total: [BUDGET_TOTAL_FAMILY], sub: [BUDGET_SUB_FAMILY] } },
  ignored: IGNORED_COLUMNS,
};

/**
 * What a profile may add (profile JSON "vocabulary"): labels per field, per column role (given to every table
 * that has the role: 指标, 预算, 抽查名单), per category key (一级 and 二级) and for the budget total row.
 */
export interface VocabularyExtension {
  fields?: Partial<Record<string, readonly string[]>>;
  columns?: Partial<Record<string, readonly string[]>>;
  categories?: Partial<Record<string, readonly string[]>>;
  totals?: readonly string[];
}

function addLabels<R extends string>(t: RoleTable<R>, role: string, labels: readonly string[] | undefined): RoleTable<R> {
  if (!labels || labels.length === 0 || !Object.prototype.hasOwnProperty.call(t.labels, role)) {
    // A role the table does not have yet (a category key absent from the exact labels) is still a role of it
    // when its families know it.
    if (!labels || labels.length === 0 || !Object.prototype.hasOwnProperty.call(t.families, role)) return t;
  }
  const own = (t.labels as Record<string, readonly string[]>)[role] ?? [];
  // The user's labels come first: an exact label the built-in table gives another role is the user's call.
  return { ...t, labels: { ...t.labels, [role]: [...labels, ...own] } as Record<R, readonly string[]> };
}

/** The built-in vocabulary with a profile's labels added (the same object when there is nothing to add). */
export function extendVocabulary(ext: VocabularyExtension | undefined | null, base: Vocabulary = BUILTIN_VOCABULARY): Vocabulary {
  if (!ext) return base;
  const v: Vocabulary = { ...base };
  for (const [field, labels] of Object.entries(ext.fields ?? {})) v.fields = addLabels(v.fields, field, labels);
  for (const [role, labels] of Object.entries(ext.columns ?? {})) {
    v.indicator = addLabels(v.indicator, role, labels);
    v.budget = addLabels(v.budget, role, labels);
    v.list = addLabels(v.list, role, labels);
  }
  for (const [key, labels] of Object.entries(ext.categories ?? {})) {
    v.level1 = addLabels(v.level1, key, labels);
    v.level2 = addLabels(v.level2, key, labels);
  }
  if (ext.totals?.length) v.budgetRows = addLabels(v.budgetRows, "total", ext.totals);
  return v;
}

/** Every role name a profile's "columns" may name (for its validation). */
export const COLUMN_ROLES: readonly string[] = [
  ...new Set([...Object.keys(INDICATOR_COLUMNS), ...Object.keys(BUDGET_COLUMNS), ...Object.keys(SPOTCHECK_COLUMNS)]),
];
export const FIELD_NAMES: readonly string[] = Object.keys(FIELD_LABELS);
export const CATEGORY_KEYS: readonly string[] = [...new Set([...Object.keys(LEVEL1_FAMILIES), ...Object.keys(LEVEL2_PARENT)])];
