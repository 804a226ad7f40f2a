/**
 * The corpus of real published forms (test/fixtures/real-forms, issue 12 point 5): every form is read through the
 * public reader API (readWorkbook) and checked (check), and compared with what a correct reading of the form
 * gives, field by field. A failure lists every field that differs, e.g.
 *   indicator 3 "委托业务报告合格率": target.unit expected "%" got "百分比"
 * Expectations come from the forms, not from the reader: where the current reader falls short, the test fails
 * (FINDINGS.md beside the fixtures lists what it gets wrong, family by family).
 */
import { check } from "../../../src/engine";
import type { Finding } from "../../../src/engine/model";
import { readWorkbook, type WorkbookReading } from "../../../src/engine/read";
import type { RealForm } from "../../fixtures/real-forms/form";
import { REAL_FORMS } from "../../fixtures/real-forms";
import { findingDifferences, projectDifferences, reviewDifferences } from "../../helpers/real-forms";

/** The one call into the reader (the reader's API may move: change it here). */
function read(form: RealForm): WorkbookReading {
  return readWorkbook({ file: form.file, grids: form.grids() });
}

describe.each(REAL_FORMS.map((f) => [`${f.id} (${f.province} ${f.year}, ${f.source.title})`, f] as const))("%s", (_label, form) => {
  let reading: WorkbookReading;
  let findings: Finding[];
  beforeAll(() => {
    reading = read(form);
    findings = check([reading]).findings;
  });

  test("sheet kinds and project counts", () => {
    expect(reading.sheets.map((s) => ({ kind: s.kind, projects: s.projects }))).toEqual(form.expect.sheets);
  });

  test("projects: fields, budget and indicators", () => {
    expect(projectDifferences(form.expect, reading)).toEqual([]);
  });

  if (form.expect.reviews) {
    const reviews = form.expect.reviews;
    test("review rows (result list read as review data)", () => {
      expect(reviewDifferences(reviews, reading)).toEqual([]);
    });
  }

  const must = form.expect.findings?.must ?? [];
  const mustNot = form.expect.findings?.mustNot ?? [];
  if (must.length > 0 || mustNot.length > 0) {
    test("findings that must and must not appear", () => {
      expect(findingDifferences(form.expect, findings)).toEqual([]);
    });
  }
});

test("the corpus: at least 15 forms from at least 10 provinces, each with its source", () => {
  expect(REAL_FORMS.length).toBeGreaterThanOrEqual(15);
  expect(new Set(REAL_FORMS.map((f) => f.province)).size).toBeGreaterThanOrEqual(10);
  for (const f of REAL_FORMS) {
    expect(f.source.title).not.toBe("");
    expect(f.year).toBeGreaterThanOrEqual(2019);
    expect(f.year).toBeLessThanOrEqual(2025);
  }
});
