/**
 * Helpers shared by the category/* rules (SPEC §2.6): which projects they apply to, goal-table blocks,
 * and the category of an indicator when its label is spelled in a way the reader did not map.
 */
import { type Indicator, type Level1Key, type Level2Key, LEVEL2_PARENT, type Project } from "../../model";
import type { Data } from "../types";

/** Category rules apply to self-assessments and goal tables; department-level forms have no 一级/二级. */
export function categoryApplies(p: Project): boolean {
  return p.template !== "department-self-assessment";
}

export interface Block {
  block: Indicator["block"];
  indicators: Indicator[];
}

/**
 * Indicators grouped by goal-table block (中期 / 年度), in order of first appearance; one group otherwise.
 * A form whose rows all share one block (every self-assessment) is one group over `p.indicators` itself.
 */
export function blocksOf(p: Project): Block[] {
  const first = p.indicators[0];
  if (first && p.indicators.every((i) => i.block === first.block)) return [{ block: first.block, indicators: p.indicators }];
  const out: Block[] = [];
  for (const ind of p.indicators) {
    let b = out.find((x) => x.block === ind.block);
    if (!b) {
      b = { block: ind.block, indicators: [] };
      out.push(b);
    }
    b.indicators.push(ind);
  }
  // A form with no indicator rows at all is still checked (everything is missing).
  if (out.length === 0) out.push({ block: p.template === "goal" ? "annual" : null, indicators: [] });
  return out;
}

/**
 * Whether a block says anything about categories. A self-assessment whose rows carry neither a 一级
 * nor a 二级 (no category columns at all) cannot be checked for missing categories.
 */
export function hasCategoryInfo(b: Block): boolean {
  if (b.indicators.length === 0) return true;
  return b.indicators.some((i) => i.level1 !== null || i.level2 !== null || i.level1Label !== null || i.level2Label !== null);
}

/** 一级 from an unmapped label's wording ("产出类指标" → output). category/unknown reports the label itself. */
function level1FromText(label: string | null): Level1Key | null {
  if (!label) return null;
  if (/产出/.test(label)) return "output";
  if (/满意/.test(label)) return "satisfaction";
  if (/效益|效果|影响/.test(label)) return "effect";
  if (/成本/.test(label)) return "cost";
  return null;
}

/** 二级 from an unmapped label's wording ("数量类指标" → quantity, "进度指标" → timeliness). */
function level2FromText(label: string | null): Level2Key | null {
  if (!label) return null;
  if (/经济成本/.test(label)) return "economic-cost";
  if (/社会成本/.test(label)) return "social-cost";
  if (/(生态|环境)成本/.test(label)) return "ecological-cost";
  if (/成本/.test(label)) return "cost";
  if (/数量/.test(label)) return "quantity";
  if (/质量/.test(label)) return "quality";
  if (/时效|进度|时间|及时/.test(label)) return "timeliness";
  if (/满意/.test(label)) return "satisfaction";
  if (/经济效益/.test(label)) return "economic";
  if (/社会效益/.test(label)) return "social";
  if (/(生态|环境)效益/.test(label)) return "ecological";
  if (/文化/.test(label)) return "cultural";
  if (/可持续/.test(label)) return "sustainability";
  return null;
}

/** The indicator's 二级: the reader's key, else guessed from the label's wording. */
export function level2Of(i: Indicator): Level2Key | null {
  return i.level2 ?? level2FromText(i.level2Label);
}

/**
 * The indicator's 一级: the reader's key, else implied by its 二级 (数量指标 → 产出), else guessed from the
 * label's wording. An odd spelling is reported once by category/unknown and not again as "missing".
 */
export function level1Of(i: Indicator): Level1Key | null {
  if (i.level1 !== null) return i.level1;
  const l2 = level2Of(i);
  if (l2 !== null) return LEVEL2_PARENT[l2];
  return level1FromText(i.level1Label);
}

/** Block label for messages: data.blockZh / data.blockEn are "" for ungrouped forms. */
export function blockData(b: Block): Data {
  switch (b.block) {
    case "midterm":
      return { block: "midterm", blockZh: "中期绩效指标中", blockEn: " in the medium-term (中期) block" };
    case "annual":
      return { block: "annual", blockZh: "年度绩效指标中", blockEn: " in the annual (年度) block" };
    default:
      return { block: null, blockZh: "", blockEn: "" };
  }
}

/** Where a "missing category" finding points: the block's first indicator row, else the form. */
export function blockCell(p: Project, b: Block): string | null {
  return b.indicators[0]?.cell ?? p.location.cell;
}

/** Does the indicator count for this 一级? 满意度 also counts as a 二级 anywhere (88号 tables put
 * 服务对象满意度指标 under 效益指标). */
export function countsAs(i: Indicator, level1: Level1Key): boolean {
  if (level1Of(i) === level1) return true;
  return level1 === "satisfaction" && level2Of(i) === "satisfaction";
}

/** A ready-made check for "the block has no indicator of this 一级". */
export function missingLevel1(p: Project, level1: Level1Key): { cell: string | null; data: Data }[] {
  if (!categoryApplies(p)) return [];
  return blocksOf(p)
    .filter((b) => hasCategoryInfo(b) && !b.indicators.some((i) => countsAs(i, level1)))
    .map((b) => ({ cell: blockCell(p, b), data: { ...blockData(b), indicators: b.indicators.length } }));
}
