/**
 * Test factories: complete, schema-valid model objects with sensible defaults. Every factory validates
 * its result with the zod model, so a test can never run on an invalid Project.
 *
 *   makeValue("≥1200人")                       → parsed like the reader parses a cell
 *   num(">=", 1200, "人"), qual("有效改善")     → literal Values
 *   makeIndicator({ name, target: "≥95%", actual: "96%", weight: 15, score: 15 })
 *   makeBudget({ adjusted: 248, executed: 231.6 })
 *   makeProject({ indicators: [...], statedTotal: 94.54 })
 */
import type { CellValue } from "../../src/engine/grid";
import { Budget, Indicator, Project, type Operator, type Value } from "../../src/engine/model";
import { inferDirection, parseValue } from "../../src/engine/read/value";

/** A cell parsed by the reader's parser (numbers with operator and unit, words, placeholders, blanks). */
export function makeValue(raw: CellValue, opts: { percentFormat?: boolean } = {}): Value {
  return parseValue(raw, opts);
}

const OP_TEXT: Record<Operator, string> = { ">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "=" };

/** A literal numeric Value; raw is rebuilt from the parts. */
export function num(op: Operator | null, value: number, unit: string | null = null): Value {
  return { raw: `${op ? OP_TEXT[op] : ""}${value}${unit ?? ""}`, kind: "number", op, value, unit };
}

/** A literal qualitative Value. */
export function qual(text: string): Value {
  return { raw: text, kind: "qualitative", op: null, value: null, unit: null };
}

export const EMPTY: Value = { raw: "", kind: "empty", op: null, value: null, unit: null };

function isValue(v: unknown): v is Value {
  return typeof v === "object" && v !== null && "kind" in v && "raw" in v;
}

function toValue(v: Value | CellValue): Value {
  return isValue(v) ? v : makeValue(v);
}

export type IndicatorInit = Partial<Omit<Indicator, "target" | "actual">> & {
  target?: Value | CellValue;
  actual?: Value | CellValue;
};

/** The first indicator row of the national form; the default addresses are E16, E17, … by position in a project. */
const FIRST_ROW = 16;
/** Indicators made without an explicit cell: makeProject addresses them by their position (never by call order). */
const UNADDRESSED = new WeakSet<Indicator>();

function addressed(i: Indicator, row: number): Indicator {
  return {
    ...i,
    cell: `E${row}`,
    cells: { ...i.cells, name: `E${row}`, target: `F${row}`, actual: `G${row}`, weight: `H${row}`, score: `I${row}`, reason: `J${row}` },
  };
}

/**
 * An indicator row (产出/数量 by default, target "≥100个", actual "100个", weight 10, no stated score).
 * target/actual may be Values or raw cell contents; direction defaults to the reader's inference.
 */
export function makeIndicator(init: IndicatorInit = {}): Indicator {
  const row = init.cell ? Number(/\d+/.exec(init.cell)?.[0] ?? FIRST_ROW) : FIRST_ROW;
  const target = toValue(init.target === undefined ? "≥100个" : init.target);
  const actual = init.actual === undefined ? makeValue("100个") : init.actual === null ? null : toValue(init.actual);
  const level1 = init.level1 === undefined ? "output" : init.level1;
  const level2 = init.level2 === undefined ? (level1 === "output" ? "quantity" : null) : init.level2;
  const name = init.name ?? "测试指标";
  const made = Indicator.parse({
    level1,
    level1Label: null,
    level2,
    level2Label: null,
    name,
    weight: 10,
    score: null,
    computedScore: null,
    reason: null,
    cell: `E${row}`,
    cells: { name: `E${row}`, target: `F${row}`, actual: `G${row}`, weight: `H${row}`, score: `I${row}`, reason: `J${row}`, reviewScore: null },
    direction: inferDirection(target, name, level1, level2),
    weightSource: "sheet",
    block: null,
    coefficient: null,
    core: null,
    nature: null,
    review: null,
    ...init,
    target,
    actual,
  });
  if (!init.cell && !init.cells) UNADDRESSED.add(made);
  return made;
}

/** A budget block: 100 / 100 / 100 with execution weight 10 stated, nothing scored. */
export function makeBudget(init: Partial<Budget> = {}): Budget {
  return Budget.parse({
    initial: 100,
    adjusted: 100,
    executed: 100,
    rate: null,
    statedRate: null,
    weight: null,
    statedWeight: 10,
    score: null,
    computedScore: null,
    reason: null,
    fromSubRows: false,
    lines: [],
    cells: { total: "C9", initial: "E9", adjusted: "F9", executed: "G9", rate: "I9", weight: "H9", score: "J9", reason: null },
    ...init,
  });
}

/** A self-assessment project with a default budget and no indicators. */
export function makeProject(init: Partial<Project> = {}): Project {
  return Project.parse({
    id: "test.xlsx!Sheet1!1",
    name: "测试项目",
    code: null,
    department: "区民政局",
    departmentCode: null,
    unit: "区养老服务中心",
    template: "self-assessment",
    year: 2023,
    location: { file: "test.xlsx", sheet: "Sheet1", cell: "B4" },
    fieldCells: { name: "B6", department: "B7", unit: "F7" },
    budget: makeBudget(),
    midtermFunds: null,
    goal: { target: null, actual: null, midterm: null },
    declaredWeights: [],
    statedTotal: null,
    statedTotalCell: null,
    statedTotalWeight: null,
    conclusion: null,
    problems: null,
    measures: null,
    hasScoreColumns: true,
    selfScore: null,
    computedScore: null,
    grade: null,
    computedGrade: null,
    review: null,
    ...init,
    indicators: (init.indicators ?? []).map((i, k) => (UNADDRESSED.has(i) ? addressed(i, FIRST_ROW + k) : i)),
  });
}
