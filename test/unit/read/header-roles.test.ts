/**
 * Real header texts (test/fixtures/header-roles.ts) through the reader's label classification: each must get the
 * role a finance officer would give it. One row per text, so a failure names the text, its context and source.
 */
import type { CellValue } from "../../../src/engine/grid";
import { BUILTIN_INDEX } from "../../../src/engine/read/label-index";
import { labelKey } from "../../../src/engine/read/normalise";
import { HEADER_ROLES, type HeaderContext } from "../../fixtures/header-roles";

/**
 * The role the reader gives a label text where it stands. The one place this test calls into the reader: when
 * the reader's classification API moves (issue 12 splits src/engine/read), change this function only.
 */
function roleOf(context: HeaderContext, text: CellValue): string | null {
  const key = labelKey(text).key;
  const ix = BUILTIN_INDEX;
  switch (context) {
    case "indicator":
      return ix.indicator.get(key) ?? null;
    case "budget":
      return ix.budget.get(key) ?? null;
    case "field":
      return ix.fields.get(key) ?? null;
    case "list":
      return ix.list.get(key) ?? null;
    case "budgetRow":
      return ix.budgetRow(key);
    case "level1":
      return ix.category(key)?.level1 ?? null;
    case "level2":
      return ix.level2(key);
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
