/**
 * Real header texts (test/fixtures/header-roles.ts) through the reader's label classification: each must get the
 * role a finance officer would give it. One row per text, so a failure names the text, its context and source.
 */
import type { CellValue } from "../../../src/engine/grid";
import { labelKey } from "../../../src/engine/read/normalise";
import {
  BUDGET_COLUMNS,
  BUDGET_SUB_ROWS,
  BUDGET_TOTAL_ROWS,
  FIELD_LABELS,
  INDICATOR_COLUMNS,
  LEVEL1,
  LEVEL2,
  ownEntry,
  SPOTCHECK_COLUMNS,
  synonymIndex,
} from "../../../src/engine/read/synonyms";
import { HEADER_ROLES, type HeaderContext } from "../../fixtures/header-roles";

const INDEX = {
  indicator: synonymIndex(INDICATOR_COLUMNS as Record<string, readonly string[]>),
  budget: synonymIndex(BUDGET_COLUMNS as Record<string, readonly string[]>),
  field: synonymIndex(FIELD_LABELS as Record<string, readonly string[]>),
  list: synonymIndex(SPOTCHECK_COLUMNS as Record<string, readonly string[]>),
};

/**
 * The role the reader gives a label text where it stands. The one place this test calls into the reader: when
 * the reader's classification API moves (issue 12 splits src/engine/read), change this function only.
 */
function roleOf(context: HeaderContext, text: CellValue): string | null {
  const key = labelKey(text).key;
  switch (context) {
    case "indicator":
    case "budget":
    case "field":
    case "list":
      return INDEX[context].get(key) ?? null;
    case "budgetRow": {
      const k = key.replace(/^其中[:：]?/, "");
      if (!key.startsWith("其中") && BUDGET_TOTAL_ROWS.includes(k)) return "total";
      return key.startsWith("其中") || BUDGET_SUB_ROWS.includes(k) ? "sub" : null;
    }
    case "level1":
      return ownEntry(LEVEL1, key) ?? ownEntry(LEVEL1, key.replace(/指标$/, "")) ?? null;
    case "level2":
      return ownEntry(LEVEL2, key) ?? ownEntry(LEVEL2, `${key}指标`) ?? null;
  }
}

test("the table holds at least 60 distinct real header texts", () => {
  expect(new Set(HEADER_ROLES.map((h) => h.text)).size).toBeGreaterThanOrEqual(60);
});

test.each(HEADER_ROLES.map((h) => [JSON.stringify(h.text), h.context, String(h.role), h.source, h] as const))(
  "%s as %s header → %s (%s)",
  (_text, _context, _role, _source, h) => {
    expect({ text: h.text, context: h.context, role: roleOf(h.context, h.text) }).toEqual({ text: h.text, context: h.context, role: h.role });
  },
);
