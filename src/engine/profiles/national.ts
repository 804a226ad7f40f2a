import { PROFILE_DEFAULTS } from "./defaults";
import type { Profile } from "./schema";

/** 财预〔2020〕10号 national defaults (SPEC §4): 执行 10, 产出 50 / 效益 30 / 满意度 10, bands 0.8 / 0.6 / 0. */
export const national: Profile = {
  name: "national",
  description: "全国通用（财预〔2020〕10号）：预算执行 10 分，产出 50、效益 30、满意度 10；定性指标 80%/60%/0 三档",
  ...PROFILE_DEFAULTS,
  executionWeight: 10,
  split: { output: 50, effect: 30, satisfaction: 10 },
  qualitativeBands: { full: [0.8, 1], partial: [0.6, 0.8], unmet: [0, 0.6] },
  reverse: "ratio",
  overrunRatio: 1.3,
};
