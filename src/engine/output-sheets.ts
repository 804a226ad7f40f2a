/**
 * The product's own output sheets, their names and the mark they carry in A2: what the writers (summary/plan)
 * and the reader (read/, which must skip them) both need, in a module below both.
 */

/** The product's own sheets: recognised on every run, replaced, never read as templates. */
export const OUTPUT_SHEETS = ["评价汇总", "问题清单", "抽查复核", "评价报告"] as const;
export type OutputSheetName = (typeof OUTPUT_SHEETS)[number];

/**
 * Ownership. A user's workbook may already hold a sheet with one of these names (a reviewer's own spot-check
 * list is naturally called "抽查复核"), so a name alone does not make a sheet the product's. Every output
 * sheet carries the product's mark in A2 (the line under its title; `rows[1][0]` of every plan), and:
 * - writers replace a sheet only when its name is an output name AND its A2 carries the mark; when a
 *   user's sheet holds the name, the output goes to `outputSheetName(...)`'s alternative ("抽查复核（评价助手）")
 *   and the user's sheet stays as it is;
 * - readers skip a sheet whose A2 carries the mark (whatever its name: a copied "评价汇总 (2)" is still
 *   the product's), and read a same-named sheet without the mark as the user's data.
 */
export const OUTPUT_MARKS = ["预算绩效评价助手", "Budget Performance Review"] as const;
/** Where the mark stands: A2, 0-based. */
export const OUTPUT_MARK_CELL = { row: 1, col: 0, address: "A2" } as const;

/** Does this cell value (A2 of a sheet) carry the product's mark? */
export function hasOutputMark(v: unknown): boolean {
  return typeof v === "string" && OUTPUT_MARKS.some((m) => v.includes(m));
}

export const ALTERNATE_SUFFIX = "（评价助手";

/** An output sheet's name or the alternative the writers use when a user's sheet holds it. */
export function isOutputName(name: string): boolean {
  const n = name.trim();
  return OUTPUT_SHEETS.some((base) => n === base || new RegExp(`^${base}${ALTERNATE_SUFFIX}\\d*）$`).test(n));
}


/**
 * Companion sheets of the review workflow (issue 16): the 抽查名单's 抽样说明 and the review workbook's 自评质量 and
 * 抽评发现的问题. They carry the product's mark in A2 like the output sheets; the reader skips them (they are no
 * template and no review data), and no writer replaces them.
 */
export const COMPANION_SHEETS = ["抽样说明", "自评质量", "抽评发现的问题"] as const;
/** The companion sheet the reader takes the reviewer's confirmed 自评质量 from. */
export const QUALITY_SHEET = "自评质量";
/** The companion sheet the reader takes the reviewer's problems from. */
export const PROBLEMS_SHEET = "抽评发现的问题";

export function isCompanionName(name: string): boolean {
  const n = name.trim();
  return COMPANION_SHEETS.some((base) => n === base || n.startsWith(`${base}(`) || n.startsWith(`${base} (`));
}
