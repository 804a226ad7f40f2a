/**
 * The 自评质量 rubric, as data: four dimensions with their points (100 in all), and the criteria under each — which
 * rule ids count against it, how many points each finding takes, and at most how many a criterion takes. A
 * reviewer's published-style scoring sheet; a region changes the numbers here, not code.
 */
export type QualityDimension = "completeness" | "accuracy" | "reasoning" | "targets";

export interface DimensionSpec {
  key: QualityDimension;
  points: number;
  title: { zh: string; en: string };
  /** What earns the points, in the rubric's words. */
  standard: { zh: string; en: string };
}

export interface Criterion {
  dimension: QualityDimension;
  /** Findings of these rules count. */
  rules: readonly string[];
  /** Points off per finding. */
  deduction: number;
  /** At most this many points off for the criterion. */
  cap: number;
  title: { zh: string; en: string };
}

export interface Rubric {
  dimensions: readonly DimensionSpec[];
  criteria: readonly Criterion[];
}

export const RUBRIC: Rubric = {
  dimensions: [
    {
      key: "completeness",
      points: 30,
      title: { zh: "完整性", en: "Completeness" },
      standard: { zh: "项目信息、各类指标、指标值和完成值填写齐全", en: "Every field, indicator category, target and actual filled in" },
    },
    {
      key: "accuracy",
      points: 30,
      title: { zh: "准确性", en: "Accuracy" },
      standard: { zh: "分值、得分、总分和执行率计算符合规则", en: "Weights, scores, totals and the execution rate computed by the rules" },
    },
    {
      key: "reasoning",
      points: 20,
      title: { zh: "说明充分性", en: "Reasoning" },
      standard: { zh: "未完成和超额完成均说明原因，完成值为实测值，评分有实质自检", en: "Shortfalls and overruns explained, actuals measured, scoring shows a real self-check" },
    },
    {
      key: "targets",
      points: 20,
      title: { zh: "指标质量", en: "Target quality" },
      standard: { zh: "指标值明确可考核：无占位符，有计量单位，成本方向正确，效益指标可计算", en: "Targets measurable: no placeholders, units given, cost direction right, effect targets computable" },
    },
  ],
  criteria: [
    { dimension: "completeness", rules: ["template/missing-field"], deduction: 5, cap: 10, title: { zh: "项目基本信息缺失", en: "Project fields missing" } },
    { dimension: "completeness", rules: ["category/missing-output", "category/missing-effect"], deduction: 10, cap: 20, title: { zh: "缺少产出或效益指标", en: "No output or effect indicator" } },
    { dimension: "completeness", rules: ["category/missing-satisfaction", "category/missing-subcategory"], deduction: 3, cap: 6, title: { zh: "指标类别不全", en: "Indicator categories incomplete" } },
    { dimension: "completeness", rules: ["target/missing", "actual/missing"], deduction: 3, cap: 15, title: { zh: "指标值或完成值未填", en: "Target or actual not filled in" } },
    { dimension: "accuracy", rules: ["weight/total", "score/total-mismatch"], deduction: 10, cap: 20, title: { zh: "分值或总分不符", en: "Weights or total wrong" } },
    { dimension: "accuracy", rules: ["score/exceeds-weight", "score/band", "weight/declared-sum"], deduction: 5, cap: 15, title: { zh: "得分超出分值或区间", en: "Score above its weight or outside its band" } },
    { dimension: "accuracy", rules: ["score/formula"], deduction: 3, cap: 12, title: { zh: "得分与计算不符", en: "Score differs from the formula" } },
    { dimension: "accuracy", rules: ["budget/total-mismatch", "budget/rate-mismatch", "budget/score-mismatch"], deduction: 4, cap: 10, title: { zh: "预算执行计算错误", en: "Budget execution computed wrongly" } },
    { dimension: "reasoning", rules: ["reason/shortfall", "budget/low-execution"], deduction: 4, cap: 12, title: { zh: "未完成未说明原因", en: "Shortfall unexplained" } },
    { dimension: "reasoning", rules: ["reason/overrun"], deduction: 2, cap: 6, title: { zh: "超额完成未说明原因", en: "Overrun unexplained" } },
    { dimension: "reasoning", rules: ["actual/copies-target", "actual/not-numeric"], deduction: 2, cap: 8, title: { zh: "完成值非实测值", en: "Actual is no measured value" } },
    { dimension: "reasoning", rules: ["score/all-full", "unit/all-full-score"], deduction: 8, cap: 8, title: { zh: "全部满分，缺乏实质自检", en: "All full marks, no real self-check" } },
    { dimension: "targets", rules: ["target/placeholder"], deduction: 5, cap: 10, title: { zh: "指标值为占位符", en: "Placeholder targets" } },
    { dimension: "targets", rules: ["target/unit-missing"], deduction: 2, cap: 6, title: { zh: "指标值缺计量单位", en: "Targets without units" } },
    { dimension: "targets", rules: ["target/cost-direction"], deduction: 3, cap: 6, title: { zh: "成本指标方向错误", en: "Cost indicator direction wrong" } },
    { dimension: "targets", rules: ["target/bare-percentage", "indicator/copied-across-departments", "goal/target-changed"], deduction: 3, cap: 9, title: { zh: "指标不具考核性或照搬", en: "Targets not assessable or copied" } },
  ],
};
