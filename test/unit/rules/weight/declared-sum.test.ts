import { rule } from "../../../../src/engine/rules/weight/declared-sum";
import type { Project } from "../../../../src/engine/model";
import type { IndicatorInit } from "../../../helpers/factories";
import { testRule } from "../../../helpers/rule-tester";
import { national, NATIONAL_ROWS } from "../score/fixtures";

/** Example 03's labels: "产出指标(50分)" at A16, "效益指标(30分)" at A21, "满意度指标(10分)" at A23. */
const LABEL = { output: "产出指标(50分)", effect: "效益指标(30分)", satisfaction: "满意度指标(10分)" } as const;
const labelled = (rows: IndicatorInit[]) =>
  rows.map((r) => ({ ...r, level1Label: r.level1 ? LABEL[r.level1 as keyof typeof LABEL] : null }));
const DECLARED: Project["declaredWeights"] = [
  { level1: "output", label: "产出指标(50分)", weight: 50, cell: "A16" },
  { level1: "effect", label: "效益指标(30分)", weight: 30, cell: "A21" },
  { level1: "satisfaction", label: "满意度指标(10分)", weight: 10, cell: "A23" },
];
const declared = (rows: IndicatorInit[] = NATIONAL_ROWS, extra: Partial<Project> = {}) =>
  national({ rows: labelled(rows), declaredWeights: DECLARED, ...extra });
const change = (changes: Record<number, IndicatorInit>) => NATIONAL_ROWS.map((r, i) => ({ ...r, ...(changes[i] ?? {}) }));

testRule(rule, {
  valid: [
    { name: "declared 50 / 30 / 10 and rows adding up to them (example 03)", project: declared() },
    { name: "no declared weights", project: national() },
    {
      name: "no score columns: weights are the profile's",
      project: declared(NATIONAL_ROWS.map((r) => ({ ...r, weight: null, score: null })), { hasScoreColumns: false }),
    },
    { name: "goal tables", project: declared(change({ 0: { weight: 20, actual: null } }), { template: "goal" }) },
    {
      name: "a declared label with no weights written under it",
      project: declared(change({ 7: { weight: null, score: null } })),
    },
    { name: "tolerance: 50.01", project: declared(change({ 1: { weight: 10.01 } })) },
    {
      name: "rows matched by 一级 key when the label is not known",
      project: national({ declaredWeights: DECLARED, rows: NATIONAL_ROWS.map((r) => ({ ...r, level1Label: null })) }),
    },
  ],
  invalid: [
    {
      name: "产出 rows add up to 45 under 产出指标(50分)",
      project: declared(change({ 0: { weight: 10, score: 9.47 } })),
      hits: [{ cell: "A16", data: { label: "产出指标(50分)", declared: 50, sum: 45, count: 5, missing: 0 } }],
    },
    {
      name: "tolerance: 50.02",
      project: declared(change({ 1: { weight: 10.02 } })),
      hits: [{ cell: "A16", data: { sum: 50.02 } }],
    },
    {
      name: "two categories off: one finding each",
      project: declared(change({ 0: { weight: 20 }, 6: { weight: 10 } })),
      hits: [
        { cell: "A16", data: { sum: 55 } },
        { cell: "A21", data: { sum: 25, declared: 30 } },
      ],
    },
    {
      name: "a row without a weight counts as 0 and is named",
      project: declared(change({ 6: { weight: null } })),
      hits: [{ cell: "A21", data: { sum: 15, missing: 1, count: 2 } }],
    },
    {
      name: "绩效指标(90分) declares the pool of all indicators",
      project: national({ declaredWeights: [{ level1: null, label: "绩效指标(90分)", weight: 90, cell: "A15" }], rows: change({ 0: { weight: 10 } }) }),
      hits: [{ cell: "A15", data: { declared: 90, sum: 85, count: 8 } }],
    },
    {
      name: "department-level forms with declared points are checked",
      project: declared(change({ 7: { weight: 12 } }), { template: "department-self-assessment" }),
      hits: [{ cell: "A23", data: { declared: 10, sum: 12 } }],
    },
  ],
});
