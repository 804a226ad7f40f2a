import { PROFILE_DEFAULTS } from "./defaults";
import type { Profile } from "./schema";

/** 四川: 执行 10, 绩效指标 90 shared freely among the categories (no fixed split). */
export const sichuan: Profile = {
  name: "sichuan",
  description: "四川：预算执行 10 分，绩效指标 90 分由各指标自由分配",
  ...PROFILE_DEFAULTS,
  executionWeight: 10,
  split: null,
  qualitativeBands: { full: [0.8, 1], partial: [0.6, 0.8], unmet: [0, 0.6] },
  reverse: "ratio",
  overrunRatio: 1.3,
};
