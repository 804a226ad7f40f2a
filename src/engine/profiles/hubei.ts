import { PROFILE_DEFAULTS } from "./defaults";
import type { Profile } from "./schema";

/** 湖北: 执行 20, 产出 40, 效益 + 满意度 40 together; qualitative bands 80% / 50% / 0. */
export const hubei: Profile = {
  name: "hubei",
  description: "湖北：预算执行 20 分，产出 40、效益和满意度合计 40；定性指标 80%/50%/0 三档",
  ...PROFILE_DEFAULTS,
  executionWeight: 20,
  split: { output: 40, effect: null, satisfaction: null, effectAndSatisfaction: 40 },
  qualitativeBands: { full: [0.8, 1], partial: [0.5, 0.8], unmet: [0, 0.5] },
  reverse: "ratio",
  overrunRatio: 1.3,
};
