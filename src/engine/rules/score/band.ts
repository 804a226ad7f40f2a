import { bandOf, bandRange, inBand, isQualitative, type Band } from "../../score";
import { num, str } from "../format";
import { EPS, scoreRulesApply, sheetWeighted } from "./common";
import type { ProjectRule } from "../types";

const BAND_ZH: Record<Band, string> = { full: "达成", partial: "部分达成", unmet: "未达成" };
const BAND_EN: Record<Band, string> = { full: "met", partial: "partly met", unmet: "not met" };

const range = (d: Record<string, string | number | null>) =>
  `[${num(d.low as number)}, ${num(d.high as number)}${d.includesHigh ? "]" : ")"}`;

/**
 * A qualitative indicator's stated score outside the band its actual's wording picks (SPEC §4, §5
 * score/band): 达成 [0.8w, w], 部分达成 [0.6w, 0.8w), 未达成 [0, 0.6w) under the national profile
 * (hubei: 80 % / 50 % / 0). Bands and tolerance come from the profile via `qualitativeBand`, `bandRange`
 * and `inBand`.
 *
 * - Forms with score columns (self-assessments and department-level forms); not goal tables.
 * - Only rows scored by bands (worded or deadline targets, 定性 rows) with a stated score and weight.
 * - Silent when the wording picks no band (we cannot tell), and when the score exceeds the weight
 *   (score/exceeds-weight reports that).
 * - Points at the score cell; the message shows the band range ("部分达成" → [9, 12) of 15).
 */
export const rule: ProjectRule = {
  id: "score/band",
  severity: "error",
  title: { zh: "定性指标得分超出档次", en: "Qualitative score outside its band" },
  scope: "project",
  docs: {
    zh: "定性指标按完成情况的表述分档：达成年度指标[80%,100%]、部分达成[60%,80%)、未达成[0,60%)（湖北为80%/50%/0），自评得分应落在对应档内。无法判断档次的表述不检查。",
    en: "Qualitative indicators are scored by bands picked from the actual's wording: met [80 %, 100 %], partly met [60 %, 80 %), not met [0, 60 %) (hubei 80 % / 50 % / 0); the stated score must lie in its band. Wording that picks no band is not checked.",
  },
  message: {
    zh: (d) =>
      `定性指标“${str(d.name)}”完成情况为“${str(d.actual)}”，属“${str(d.bandZh)}”档，得分应在${range(d)}分之间（分值${num(d.weight as number)}分），实际填报${num(d.score as number)}分。`,
    en: (d) =>
      `Qualitative indicator "${str(d.name)}": the actual "${str(d.actual)}" is in the "${str(d.bandEn)}" band, so its score must lie in ${range(d)} of ${num(d.weight as number)}; ${num(d.score as number)} was entered.`,
  },
  suggestion: {
    zh: (d) => `按“${str(d.bandZh)}”档在${range(d)}分内打分，或修改完成情况的表述使其与得分一致。`,
    en: (d) => `Score it within ${range(d)} (the "${str(d.bandEn)}" band), or reword the actual to match the score.`,
  },
  check(p, ctx) {
    if (!scoreRulesApply(p)) return [];
    const out = [];
    for (const i of sheetWeighted(p)) {
      if (i.score === null || i.score > i.weight + EPS || !isQualitative(i)) continue;
      const band = bandOf(i.actual, i.target, { year: p.year });
      if (band === null || inBand(i.score, band, i.weight, ctx.profile)) continue;
      const r = bandRange(band, i.weight, ctx.profile);
      out.push({
        cell: i.cells.score ?? i.cell,
        data: {
          name: i.name,
          actual: i.actual?.raw ?? "",
          band,
          bandZh: BAND_ZH[band],
          bandEn: BAND_EN[band],
          low: r.low,
          high: r.high,
          includesHigh: r.includesHigh ? 1 : 0,
          weight: i.weight,
          score: i.score,
        },
      });
    }
    return out;
  },
};
