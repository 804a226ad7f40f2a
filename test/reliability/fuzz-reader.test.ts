/**
 * Property-based tests (fast-check) over the reader, scoring and rules: random grids, template fragments
 * built from the real synonym tables mixed with noise, and mutations of a valid national self-assessment
 * never throw and always give a Report that validates (and survives a JSON round trip, as `--format json`
 * prints it). Grids are small so each property runs in a few seconds on a shared machine.
 *
 * Runs are deterministic (a fixed seed) so the shared CI never turns red by chance; explore with
 *   FC_RANDOM=1 FC_RUNS=10 npx jest test/reliability/fuzz-reader   (random seed, ten times the runs)
 * A failing run prints its seed and path; replay it with FC_SEED=<seed>, or fc.assert(..., { seed, path }).
 */
import fc from "fast-check";
import { check } from "../../src/engine";
import { a1, type CellValue, type Grid, type MergeArea } from "../../src/engine/grid";
import { Report, Value } from "../../src/engine/model";
import { getProfile, loadProfile } from "../../src/engine/profiles";
import { readWorkbook, readSheet, parseValue, parseSplitValue } from "../../src/engine/read";
import { attachReviews } from "../../src/engine/match";
import { labelKey } from "../../src/engine/read/normalise";
import { parseNumber } from "../../src/engine/read/sheet";
import { RULES } from "../../src/engine/rules";
import type { Rule } from "../../src/engine/rules/types";
import { splitUnit } from "../../src/engine/score";
import { scoreProject } from "../../src/engine/score/project";
import {
  BUDGET_COLUMNS,
  BUDGET_SUB_ROWS,
  BUDGET_TOTAL_ROWS,
  FIELD_LABELS,
  FOOTER_PREFIXES,
  INDICATOR_COLUMNS,
  LEVEL1,
  LEVEL2,
  SPOTCHECK_COLUMNS,
  TOTAL_ROW_LABELS,
} from "../../src/engine/read/synonyms";
import { type Form, NATIONAL_PROJECT, nationalForm } from "../helpers/bad-files";

const RUNS = Number(process.env.FC_RUNS ?? 1);
fc.configureGlobal({ ...(process.env.FC_RANDOM ? {} : { seed: Number(process.env.FC_SEED ?? 20240808) }) });
/** numRuns scaled by FC_RUNS. */
const runs = (n: number): number => Math.max(1, Math.round(n * RUNS));

const PROFILES = ["national", "hubei", "sichuan"] as const;

// ------------------------------------------------------------------------------------------ vocabulary

const flat = (table: Record<string, readonly string[]>): string[] => Object.values(table).flatMap((x) => [...x]);

/** Every label the reader knows (the real synonym tables), plus decorated forms of them. */
const LABELS = [
  ...new Set([
    ...flat(FIELD_LABELS),
    ...flat(INDICATOR_COLUMNS),
    ...flat(BUDGET_COLUMNS),
    ...flat(SPOTCHECK_COLUMNS),
    ...Object.keys(LEVEL1),
    ...Object.keys(LEVEL2),
    ...TOTAL_ROW_LABELS,
    ...BUDGET_TOTAL_ROWS,
    ...BUDGET_SUB_ROWS.map((s) => `其中：${s}`),
    ...FOOTER_PREFIXES,
    "项目支出绩效自评表",
    "部门整体支出绩效自评表",
    "项目支出绩效目标申报表",
    "抽查复核表",
    "年度总体目标",
    "中期目标",
    "年度目标",
    "绩效指标",
    "产出指标(50分)",
    "效益指标（30分）",
    "满意度指标(10分)",
    "项目资金\n（万元）",
    "（2023年度）",
  ]),
];

const ERROR_VALUES = ["#DIV/0!", "#N/A", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!"];

const NASTY_TEXT = [
  "",
  " ",
  "\n",
  "　",
  "—",
  "/",
  "*",
  "－",
  "**",
  "XX",
  "≥**人次",
  "__",
  "NaN",
  "-NaN",
  "Infinity",
  "-Infinity",
  "1e309",
  "-1e309",
  "1e-400",
  "0x1F",
  "١٢٣",
  "１２３４５",
  "≥１，２００人",
  "９５％",
  "1,2,3",
  "1..2",
  "--5",
  "≥≥90%",
  "≤",
  "%",
  "%%",
  "=SUM(A1:A9)",
  "+cmd|' /C calc'!A0",
  "@SUM(1)",
  "-2+3",
  "<script>alert(1)</script>",
  "<b>粗体</b>",
  "\u0000",
  "\uFEFF项目名称",
  "项目名称：",
  "项目名称：某某项目",
  "项目名称:",
  "(50分)",
  "()",
  "（",
  "【】",
  "12月底之前完成",
  "效果明显",
  "部分达成，具有一定效果",
  "未达成，效果较差",
  "达成年度指标",
  "100%以上",
  "不低于95%",
  "控制在5%以内",
  "200元/人·月",
  "≤200元/人·月",
  "合格",
  "是",
  "否",
  "优",
  "差",
  "51000021R000000019951-工资性支出",
  "[201]县教育和体育局",
  "📊",
  "\uD800", // a lone surrogate
  "x".repeat(5000),
  "项目".repeat(3000),
  "≥" + "9".repeat(400) + "人",
];

/**
 * Every finite double, denormals and ±Number.MAX_VALUE included: a cell can hold any of them, and sums, scores
 * and ratios of them must stay finite or be null (see "huge and denormal numbers" below). Non-finite cell
 * values (NaN, ±Infinity) come in through `anyValue`.
 */
const MAX = Number.MAX_VALUE;
const HUGE = 1.797693134862316e306;
const BIG_NUMBERS = [0, -0, 1, -1, 0.5, 100, 1e15, -1e15, 999999999999.99, 1e-9, -1e-9, 0.1 + 0.2, MAX, -MAX, HUGE, -HUGE, 5e-324, -5e-324, 2 ** 52, 1e300];
const finite = (): fc.Arbitrary<number> => fc.double({ min: -MAX, max: MAX, noNaN: true });

/**
 * Object.prototype's member names, bare and as labels ("constructor", "__proto__指标", "toString："): a plain
 * object used as a look-up table answers them, and a cell may hold any text.
 */
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).flatMap((n) => [n, `${n}指标`, `${n}：`, `万${n}`]);

/** Any cell value the adapters may hand the engine (finite numbers, per the Grid contract). */
const anyCell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 4, arbitrary: fc.constantFrom(...LABELS) },
  { weight: 2, arbitrary: fc.constantFrom(...NASTY_TEXT) },
  { weight: 1, arbitrary: fc.constantFrom(...ERROR_VALUES) },
  { weight: 2, arbitrary: finite() },
  { weight: 1, arbitrary: fc.constantFrom(...BIG_NUMBERS) },
  { weight: 2, arbitrary: fc.integer({ min: -1000, max: 1000 }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 8 }) },
  { weight: 1, arbitrary: fc.constantFrom(...LABELS).map(fullWidthAndSpaced) },
  { weight: 1, arbitrary: fc.constantFrom(...PROTOTYPE_NAMES) },
);

/** A label as regions write it: full-width letters and digits, spaces and line breaks inside. */
function fullWidthAndSpaced(s: string): string {
  let out = "";
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    out += c >= 0x21 && c <= 0x7e ? String.fromCharCode(c + 0xfee0) : ch;
  }
  return out.length > 2 ? `${out.slice(0, 2)}\n ${out.slice(2)}` : ` ${out} `;
}

/** Merge areas inside a grid of the given size (absolute coordinates). */
function mergesArb(top: number, left: number, rows: number, cols: number): fc.Arbitrary<MergeArea[]> {
  if (rows === 0 || cols === 0) return fc.constant([]);
  return fc.array(
    fc.tuple(fc.nat(rows - 1), fc.nat(cols - 1), fc.nat(3), fc.nat(3)).map(([r, c, h, w]) => ({
      top: top + r,
      left: left + c,
      bottom: top + Math.min(rows - 1, r + h),
      right: left + Math.min(cols - 1, c + w),
    })),
    { maxLength: 4 },
  );
}

/** Apply the adapter contract for merges: only the top-left cell of an area keeps its value. */
function blankMerged(g: Grid): Grid {
  for (const m of g.merges ?? []) {
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        if (r === m.top && c === m.left) continue;
        const row = g.values[r - g.top];
        if (row && c - g.left < row.length) row[c - g.left] = null;
      }
    }
  }
  return g;
}

/** A random grid: ragged rows, offsets, merges (or unknown merges), sometimes number formats. */
const randomGrid: fc.Arbitrary<Grid> = fc
  .record({
    sheet: fc.oneof(fc.constantFrom("Sheet1", "自评表", "评价汇总", "抽查复核", " 问题清单 ", "📊"), fc.string({ maxLength: 31 })),
    top: fc.nat(30),
    left: fc.nat(10),
    values: fc.array(fc.array(anyCell, { maxLength: 12 }), { maxLength: 14 }),
    knownMerges: fc.boolean(),
    percent: fc.boolean(),
  })
  .chain((g) => {
    const cols = Math.max(0, ...g.values.map((r) => r.length));
    return mergesArb(g.top, g.left, g.values.length, cols).map((merges) => {
      const grid: Grid = { sheet: g.sheet, top: g.top, left: g.left, values: g.values, merges: g.knownMerges ? merges : null };
      if (g.percent) grid.numberFormats = g.values.map((r) => r.map((_, i) => (i % 3 === 0 ? "0.00%" : i % 3 === 1 ? "General" : null)));
      return blankMerged(grid);
    });
  });

// ------------------------------------------------------------------------------------------ template fragments

const pick = <T>(xs: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...xs);

/** A value as units write targets and actuals. */
const valueText: fc.Arbitrary<CellValue> = fc.oneof(
  fc
    .tuple(
      pick(["", "≥", "≤", ">", "<", "=", "＞", "＜", "＝", ">=", "<=", "不低于", "不超过", "达到"]),
      fc.oneof(fc.integer({ min: -5, max: 100000 }).map(String), fc.double({ min: 0, max: 1e6, noNaN: true }).map((x) => x.toFixed(2)), pick(["1,200", "９５", "0", "0.0", ".5", "1e3"])),
      pick(["", "%", "％", "个", "人次", "万元", "元/人·月", "天", "百分比", "以上", "以内", "‰", "米", "人", "%以上"]),
    )
    .map(([op, n, u]) => `${op}${n}${u}`),
  finite(),
  fc.integer({ min: -10, max: 200 }),
  pick(NASTY_TEXT),
  pick(ERROR_VALUES),
  fc.constant(null),
);

const INDICATOR_ROLES = Object.keys(INDICATOR_COLUMNS) as (keyof typeof INDICATOR_COLUMNS)[];

/**
 * A template-like sheet: field rows (项目名称 …), maybe a budget block, an indicator header whose columns
 * are a shuffled subset of the real roles with random synonyms, rows of categories and values, a total
 * row, noise rows anywhere.
 */
const templateGrid: fc.Arbitrary<Grid> = fc
  .record({
    title: pick(["项目支出绩效自评表", "部门整体支出绩效自评表", "项目支出绩效目标申报表", "抽查复核表", "实际绩效", ""]),
    fields: fc.array(fc.tuple(pick(flat(FIELD_LABELS)), valueText), { maxLength: 5 }),
    budget: fc.option(
      fc.record({
        cols: fc.shuffledSubarray(Object.keys(BUDGET_COLUMNS) as (keyof typeof BUDGET_COLUMNS)[], { minLength: 1 }),
        rows: fc.array(fc.tuple(pick([...BUDGET_TOTAL_ROWS, ...BUDGET_SUB_ROWS.map((s) => `其中：${s}`), ...BUDGET_SUB_ROWS, ""]), fc.array(valueText, { maxLength: 8 })), { maxLength: 5 }),
      }),
    ),
    roles: fc.shuffledSubarray(INDICATOR_ROLES, { minLength: 1 }),
    synonymSeed: fc.array(fc.nat(), { minLength: 20, maxLength: 20 }),
    rows: fc.array(
      fc.record({
        level1: fc.option(pick([...Object.keys(LEVEL1), "产出指标(50分)", "效益指标（30分）", "未知类别", ""])),
        level2: fc.option(pick([...Object.keys(LEVEL2), "其他指标", ""])),
        cells: fc.array(valueText, { minLength: 12, maxLength: 12 }),
      }),
      { maxLength: 10 },
    ),
    total: fc.boolean(),
    duplicateHeader: fc.boolean(),
    noise: fc.array(fc.tuple(fc.nat(40), fc.array(anyCell, { maxLength: 8 })), { maxLength: 3 }),
    merges: fc.boolean(),
  })
  .map((t) => {
    const values: CellValue[][] = [];
    if (t.title) values.push([t.title]);
    for (const [label, v] of t.fields) values.push([label, v]);
    if (t.budget) {
      values.push([null, ...t.budget.cols.map((c, i) => BUDGET_COLUMNS[c][t.synonymSeed[i] % BUDGET_COLUMNS[c].length])]);
      for (const [label, vs] of t.budget.rows) values.push([label, ...vs]);
    }
    const header = t.roles.map((r, i) => INDICATOR_COLUMNS[r][t.synonymSeed[i] % INDICATOR_COLUMNS[r].length]);
    const headerRow = values.length;
    values.push(header);
    if (t.duplicateHeader) values.push([...header]);
    for (const row of t.rows) {
      values.push(
        t.roles.map((role, i) => {
          if (role === "level1") return row.level1;
          if (role === "level2") return row.level2;
          if (role === "name") return row.cells[i] === null ? null : `指标${String(row.cells[i]).slice(0, 20)}`;
          return row.cells[i];
        }),
      );
    }
    if (t.total) values.push(["总分", ...t.roles.slice(1).map((r) => (r === "weight" ? 100 : r === "score" ? 95.5 : null))]);
    for (const [at, row] of t.noise) values.splice(at % (values.length + 1), 0, row);
    const merges: MergeArea[] = [];
    if (t.merges && t.roles[0] === "level1" && t.rows.length > 2) merges.push({ top: headerRow + 1, left: 0, bottom: headerRow + 3, right: 0 });
    return blankMerged({ sheet: "自评表", top: 0, left: 0, values, merges });
  });

// ------------------------------------------------------------------------------------------ running

/** Read and check grids like a host does, with a random profile and language; the report must validate. */
function runEngine(grids: Grid[], profile: (typeof PROFILES)[number] = "national", lang: "zh" | "en" = "zh"): Report {
  const reading = readWorkbook({ file: "fuzz.xlsx", grids });
  const report = check([reading], { profile: getProfile(profile), lang });
  // check() parses its own output; the JSON the CLI prints must parse too (no NaN/undefined slipping through).
  return Report.parse(JSON.parse(JSON.stringify(report)));
}

const profileArb = pick(PROFILES);
const langArb = pick(["zh", "en"] as const);

describe("reader and rules never throw on random grids", () => {
  it("random cells (labels, noise, error values, huge numbers, merges)", () => {
    fc.assert(
      fc.property(fc.array(randomGrid, { minLength: 1, maxLength: 3 }), profileArb, langArb, (grids, profile, lang) => {
        runEngine(grids, profile, lang);
      }),
      { numRuns: runs(600) },
    );
  });

  it("template fragments from the real synonym tables mixed with noise", () => {
    fc.assert(
      fc.property(templateGrid, profileArb, langArb, (grid, profile, lang) => {
        runEngine([grid], profile, lang);
      }),
      { numRuns: runs(800) },
    );
  });

  it("a spot-check list beside a self-assessment (review matching on random names and scores)", () => {
    const listRow = fc.tuple(pick([NATIONAL_PROJECT, "某项目", "", "合计", "社区居家养老服务补贴项目 "]), pick(["区民政局", "", null]), valueText, valueText, pick(["优", "良", "中", "差", "较差", "", null]));
    fc.assert(
      fc.property(fc.array(listRow, { maxLength: 8 }), profileArb, (rows, profile) => {
        const list: Grid = {
          sheet: "抽查复核表",
          top: 0,
          left: 0,
          values: [["项目名称", "主管部门", "自评得分", "复核得分", "复核等级"], ...rows.map((r) => [...r])],
          merges: [],
        };
        runEngine([formGrid(nationalForm()), list], profile);
      }),
      { numRuns: runs(300) },
    );
  });

  it("header rows without any rows, and rows of only labels", () => {
    fc.assert(
      fc.property(fc.array(fc.array(pick(LABELS), { minLength: 1, maxLength: 10 }), { minLength: 1, maxLength: 6 }), (rows) => {
        runEngine([{ sheet: "标签", top: 0, left: 0, values: rows, merges: [] }]);
      }),
      { numRuns: runs(400) },
    );
  });
});

// ------------------------------------------------------------------------------------------ mutations

function formGrid(form: Form): Grid {
  const values = form.values.map((r) => [...r]);
  const numberFormats = values.map((r) => r.map(() => null as string | null));
  for (const p of form.percent ?? []) numberFormats[p.row][p.col] = "0.00%";
  return { sheet: form.sheet, top: 0, left: 0, values, numberFormats, merges: form.merges.map((m) => ({ ...m })) };
}

type Mutation =
  | { op: "dropColumn"; col: number }
  | { op: "swapColumns"; a: number; b: number }
  | { op: "blank"; row: number; col: number }
  | { op: "duplicateRow"; row: number }
  | { op: "insertRow"; at: number; cells: CellValue[] }
  | { op: "fullWidth"; row: number; col: number }
  | { op: "errorValue"; row: number; col: number; v: string };

const NAME_CELLS = [
  [2, 0],
  [2, 1],
];
/** Cells that make the form what it is: the 项目名称 label and value, and the indicator header's name/target/actual. */
const PROTECTED = new Set([...NAME_CELLS, [11, 3], [11, 4], [11, 5]].map(([r, c]) => `${r},${c}`));

/**
 * Noise that is no label the reader knows. (A row of real labels is not noise: a row naming as many column
 * roles as the form's header is a header, and a second 项目名称 starts another form. A stray row of a few
 * indicator labels is: see "a stray row of indicator labels above the form" below.)
 */
const LABEL_KEYS = new Set(LABELS.map((l) => labelKey(l).key));
const noiseCell = anyCell.filter((v) => typeof v !== "string" || (!LABEL_KEYS.has(labelKey(v).key) && !flat(FIELD_LABELS).some((l) => v.includes(l))));

const mutation = (rows: number, cols: number): fc.Arbitrary<Mutation> =>
  fc.oneof(
    fc.integer({ min: 2, max: cols - 1 }).map((col) => ({ op: "dropColumn" as const, col })),
    fc.tuple(fc.integer({ min: 2, max: cols - 1 }), fc.integer({ min: 2, max: cols - 1 })).map(([a, b]) => ({ op: "swapColumns" as const, a, b })),
    fc.tuple(fc.nat(rows - 1), fc.nat(cols - 1)).map(([row, col]) => ({ op: "blank" as const, row, col })),
    fc.nat(rows - 1).map((row) => ({ op: "duplicateRow" as const, row })),
    fc.tuple(fc.integer({ min: 3, max: rows }), fc.array(noiseCell, { maxLength: cols })).map(([at, cells]) => ({ op: "insertRow" as const, at, cells })),
    fc.tuple(fc.nat(rows - 1), fc.nat(cols - 1)).map(([row, col]) => ({ op: "fullWidth" as const, row, col })),
    fc.tuple(fc.nat(rows - 1), fc.nat(cols - 1), pick(ERROR_VALUES)).map(([row, col, v]) => ({ op: "errorValue" as const, row, col, v })),
  );

/**
 * Apply mutations to a form, tracking where the protected cells went. Merges touching a changed row or
 * column are dropped (their cells become plain blanks, which the reader must also handle).
 */
function mutate(form: Form, muts: Mutation[]): { grid: Grid; nameCell: [number, number] | null } {
  const g = formGrid(form);
  let rowsOf = g.values.map((_, i) => i); // current row → original row (-1: inserted)
  let colsOf = g.values[0].map((_, i) => i);
  let merges = g.merges ?? [];
  const origProtected = (r: number, c: number): boolean => rowsOf[r] >= 0 && colsOf[c] >= 0 && PROTECTED.has(`${rowsOf[r]},${colsOf[c]}`);
  for (const m of muts) {
    const width = colsOf.length;
    const height = rowsOf.length;
    switch (m.op) {
      case "dropColumn": {
        // 三级指标 and 年度指标值 stay: a header needs a name column and a target, actual or weight column.
        if (m.col >= width || colsOf[m.col] === 3 || colsOf[m.col] === 4 || colsOf[m.col] < 2) break;
        for (const row of g.values) row.splice(m.col, 1);
        colsOf = colsOf.filter((_, i) => i !== m.col);
        merges = merges.filter((x) => x.right < m.col).concat(merges.filter((x) => x.left > m.col).map((x) => ({ ...x, left: x.left - 1, right: x.right - 1 })));
        break;
      }
      case "swapColumns": {
        if (m.a >= width || m.b >= width || m.a === m.b || colsOf[m.a] < 2 || colsOf[m.b] < 2) break;
        for (const row of g.values) [row[m.a], row[m.b]] = [row[m.b], row[m.a]];
        [colsOf[m.a], colsOf[m.b]] = [colsOf[m.b], colsOf[m.a]];
        merges = merges.filter((x) => !(x.left <= m.a && x.right >= m.a) && !(x.left <= m.b && x.right >= m.b));
        break;
      }
      case "blank":
      case "fullWidth":
      case "errorValue": {
        if (m.row >= height || m.col >= width || origProtected(m.row, m.col)) break;
        const v = g.values[m.row][m.col];
        g.values[m.row][m.col] = m.op === "blank" ? null : m.op === "errorValue" ? m.v : typeof v === "string" ? fullWidthAndSpaced(v) : v;
        break;
      }
      case "duplicateRow": {
        if (m.row >= height || rowsOf[m.row] === 2) break; // a second 项目名称 row would be a second form
        g.values.splice(m.row + 1, 0, [...g.values[m.row]]);
        rowsOf = [...rowsOf.slice(0, m.row + 1), -1, ...rowsOf.slice(m.row + 1)];
        merges = shiftRows(merges, m.row + 1);
        break;
      }
      case "insertRow": {
        const at = Math.min(m.at, height);
        const cells = [...m.cells, ...new Array<CellValue>(Math.max(0, width - m.cells.length)).fill(null)].slice(0, width);
        g.values.splice(at, 0, cells);
        rowsOf = [...rowsOf.slice(0, at), -1, ...rowsOf.slice(at)];
        merges = shiftRows(merges, at);
        break;
      }
    }
  }
  g.merges = merges;
  g.numberFormats = undefined;
  const nr = rowsOf.indexOf(2);
  const nc = colsOf.indexOf(0);
  return { grid: g, nameCell: nr >= 0 && nc >= 0 ? [nr, nc] : null };
}

function shiftRows(merges: MergeArea[], at: number): MergeArea[] {
  return merges.filter((x) => x.bottom < at).concat(merges.filter((x) => x.top >= at).map((x) => ({ ...x, top: x.top + 1, bottom: x.bottom + 1 })));
}

describe("mutations of a valid national self-assessment", () => {
  const base = nationalForm();
  const rows = base.values.length;
  const cols = base.values[0].length;

  it("reads the unmutated form (the property's baseline)", () => {
    const r = runEngine([formGrid(base)]);
    expect(r.projects.map((p) => [p.name, p.department, p.unit, p.indicators.length])).toEqual([[NATIONAL_PROJECT, "区民政局", "区养老服务中心", 7]]);
    expect(r.projects[0].budget?.executed).toBe(231.6);
    expect(r.projects[0].statedTotal).toBe(99.34);
  });

  it("never throw, and still find the project while its name and label cells are intact", () => {
    fc.assert(
      fc.property(fc.array(mutation(rows, cols), { minLength: 1, maxLength: 6 }), profileArb, langArb, (muts, profile, lang) => {
        const { grid } = mutate(base, muts);
        const r = runEngine([grid], profile, lang);
        expect(r.projects.map((p) => p.name)).toContain(NATIONAL_PROJECT);
        const p = r.projects.find((x) => x.name === NATIONAL_PROJECT)!;
        // Without its 实际完成值 and 得分 columns the form is, by its header, a goal table.
        expect(["self-assessment", "goal"]).toContain(p.template);
        expect(p.fieldCells.name).toBe(a1(grid.values.findIndex((row) => row.includes(NATIONAL_PROJECT)), grid.values.find((row) => row.includes(NATIONAL_PROJECT))!.indexOf(NATIONAL_PROJECT)));
      }),
      { numRuns: runs(800) },
    );
  });

  it("never throw under any mutation at all (protected cells included)", () => {
    const anyMutation: fc.Arbitrary<CellValue[][]> = fc
      .array(fc.tuple(fc.nat(rows - 1), fc.nat(cols - 1), anyCell), { minLength: 1, maxLength: 15 })
      .map((edits) => {
        const values = base.values.map((r) => [...r]);
        for (const [r, c, v] of edits) values[r][c] = v;
        return values;
      });
    fc.assert(
      fc.property(anyMutation, fc.boolean(), (values, keepMerges) => {
        runEngine([{ sheet: "自评表", top: 3, left: 1, values, merges: keepMerges ? base.merges.map((m) => ({ top: m.top + 3, left: m.left + 1, bottom: m.bottom + 3, right: m.right + 1 })) : null }]);
      }),
      { numRuns: runs(500) },
    );
  });

  it("stacked copies of the form with mutations between them find every project", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 4 }), fc.array(fc.array(noiseCell, { maxLength: 6 }), { maxLength: 3 }), (n, gap) => {
        const values: CellValue[][] = [];
        const merges: MergeArea[] = [];
        for (let i = 0; i < n; i++) {
          const f = nationalForm({ name: `叠放项目${i + 1}` });
          const offset = values.length;
          values.push(...f.values.map((r) => [...r]));
          merges.push(...f.merges.map((m) => ({ ...m, top: m.top + offset, bottom: m.bottom + offset })));
          values.push([], ...gap.map((r) => r.filter((v) => typeof v !== "string" || v.length < 40)));
        }
        const r = runEngine([{ sheet: "自评表", top: 0, left: 0, values, merges }]);
        for (let i = 0; i < n; i++) expect(r.projects.map((p) => p.name)).toContain(`叠放项目${i + 1}`);
      }),
      { numRuns: runs(150) },
    );
  });
});

// ------------------------------------------------------------------------------------------ values

/**
 * Formerly a known bug: the reader took the first row naming an indicator and a value column as the header, so a
 * stray row such as "指标内容 | 复核核实完成值" above the form (a note, a leftover of a copied sheet) became the
 * header and the project was lost. The header is now the one with the most column roles near the top.
 */
describe("a stray row of indicator labels above the form", () => {
  const base = nationalForm();
  const width = base.values[0].length;
  const HEADER_ROW = 11;
  const baseline = runEngine([formGrid(base)]).projects[0];
  const indicatorsOf = (p: Report["projects"][number]) => p.indicators.map((i) => [i.name, i.target.raw, i.actual?.raw ?? null, i.weight, i.score]);
  /** The roles of the national form's header row, by column. */
  const INDICATOR_INDEX_OF_FORM: Record<number, keyof typeof INDICATOR_COLUMNS> = { 1: "level1", 2: "level2", 3: "name", 4: "target", 5: "actual", 6: "weight", 7: "score", 8: "reason" };
  const stray = (cells: [number, string][]): CellValue[] => {
    const row = new Array<CellValue>(width).fill(null);
    for (const [c, t] of cells) row[c] = t;
    return row;
  };

  it("指标内容 | 复核核实完成值 in any row above the header: the form is read as without it", () => {
    for (let at = 0; at <= HEADER_ROW; at++) {
      for (const cols of [[1, 4], [0, 1], [3, 5], [6, 7]]) {
        const { grid } = mutate(base, [{ op: "insertRow", at, cells: stray([[cols[0], "指标内容"], [cols[1], "复核核实完成值"]]) }]);
        const r = runEngine([grid]);
        expect([at, cols, r.sheets.map((x) => x.kind)]).toEqual([at, cols, ["self-assessment"]]);
        const p = r.projects.find((x) => x.name === NATIONAL_PROJECT);
        expect([at, cols, p && indicatorsOf(p)]).toEqual([at, cols, indicatorsOf(baseline)]);
        expect([at, cols, p?.statedTotal]).toEqual([at, cols, 99.34]);
        // (A row inside the budget table, rows 5–8, splits that table: its amounts are another matter.)
        if (at <= 4 || at >= 9) expect([at, cols, p?.budget?.executed]).toEqual([at, cols, 231.6]);
      }
    }
  });

  it("a stray row in the form's own columns (三级指标 over 三级指标, 年度指标值 over 年度指标值) is still passed over", () => {
    const REAL: Record<string, number> = { 一级指标: 1, 二级指标: 2, 三级指标: 3, 年度指标值: 4, 实际完成值: 5, 分值: 6, 得分: 7 };
    const pairs = [["三级指标", "年度指标值"], ["三级指标", "实际完成值"], ["一级指标", "三级指标"], ["三级指标", "分值"], ["三级指标", "得分"]];
    for (let at = 0; at <= HEADER_ROW; at++) {
      for (const [a, b] of pairs) {
        const { grid } = mutate(base, [{ op: "insertRow", at, cells: stray([[REAL[a], a], [REAL[b], b]]) }]);
        const p = runEngine([grid]).projects.find((x) => x.name === NATIONAL_PROJECT);
        expect([at, a, b, p?.template, p && indicatorsOf(p)]).toEqual([at, a, b, "self-assessment", indicatorsOf(baseline)]);
      }
    }
  });

  it("a form of two blocks (中期 / 年度) starts at its first block even when the second adds a column", () => {
    const _ = null;
    const values: CellValue[][] = [
      ["项目支出绩效目标申报表", _, _, _, _],
      ["项目名称", "某项目", _, _, _],
      ["主管部门", "某局", _, _, _],
      ["中期绩效指标", _, _, _, _],
      ["一级指标", "二级指标", "三级指标", "指标值", _],
      ["产出指标", "数量指标", "中期甲", "≥10人", _],
      ["效益指标", "社会效益指标", "中期乙", "明显", _],
      ["年度绩效指标", _, _, _, _],
      ["一级指标", "二级指标", "三级指标", "指标值", "备注"],
      ["产出指标", "数量指标", "年度甲", "≥5人", "x"],
      ["效益指标", "社会效益指标", "年度乙", "明显", _],
    ];
    const r = runEngine([{ sheet: "目标表", top: 0, left: 0, values, merges: [] }]);
    expect(r.projects.map((p) => [p.template, p.indicators.map((i) => i.name)])).toEqual([["goal", ["中期甲", "中期乙", "年度甲", "年度乙"]]]);
  });

  it("any row of up to three indicator labels above the header changes nothing (property)", () => {
    const labels = flat(INDICATOR_COLUMNS);
    /** A label in the column where the form's own header has that label's role. */
    const aligned = pick([1, 2, 3, 4, 5, 6, 7, 8]).chain((c) => {
      const role = INDICATOR_INDEX_OF_FORM[c];
      return pick([...INDICATOR_COLUMNS[role]]).map((l) => [c, l] as [number, string]);
    });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: HEADER_ROW }), fc.array(fc.oneof(fc.tuple(fc.nat(width - 1), pick(labels)), aligned), { minLength: 2, maxLength: 3 }), (at, cells) => {
        const { grid } = mutate(base, [{ op: "insertRow", at, cells: stray(cells) }]);
        const p = runEngine([grid]).projects.find((x) => x.name === NATIONAL_PROJECT);
        expect(p && indicatorsOf(p)).toEqual(indicatorsOf(baseline));
      }),
      { numRuns: runs(300) },
    );
  });

  it("above a spot-check list: still a spot-check list", () => {
    const list: Grid = {
      sheet: "抽查复核表",
      top: 0,
      left: 0,
      values: [["指标内容", "复核核实完成值"], ["项目名称", "主管部门", "复核得分", "复核等级"], [NATIONAL_PROJECT, "区民政局", 81.31, "良"]],
      merges: [],
    };
    const r = runEngine([formGrid(base), list]);
    expect(r.sheets.map((x) => x.kind)).toEqual(["self-assessment", "spot-check-list"]);
    expect(r.projects[0].review?.score).toBe(81.31);
  });

  it("stacked forms each keep their own header (the first of equals)", () => {
    const a = nationalForm({ name: "项目甲" });
    const b = nationalForm({ name: "项目乙" });
    const values = [...a.values, stray([[1, "指标内容"], [4, "复核核实完成值"]]), ...b.values];
    const shift = a.values.length + 1;
    const merges = [...a.merges, ...b.merges.map((m) => ({ top: m.top + shift, left: m.left, bottom: m.bottom + shift, right: m.right }))];
    const r = runEngine([{ sheet: "叠放", top: 0, left: 0, values, merges }]);
    expect(r.projects.map((p) => [p.name, indicatorsOf(p)])).toEqual([
      ["项目甲", indicatorsOf(baseline)],
      ["项目乙", indicatorsOf(baseline)],
    ]);
  });
});

describe("value parsing never throws", () => {
  const anyString = fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" }), fc.string({ unit: "binary-ascii" }), pick(NASTY_TEXT));
  const anyValue: fc.Arbitrary<CellValue> = fc.oneof(anyString, finite(), fc.constantFrom(NaN, Infinity, -Infinity), fc.boolean(), fc.constant(null));

  it("parseValue on arbitrary strings, numbers (NaN and ±Infinity too, which the adapters never pass) and booleans gives a valid Value", () => {
    fc.assert(
      fc.property(anyValue, fc.boolean(), (v, pct) => {
        Value.parse(parseValue(v, { percentFormat: pct }));
      }),
      { numRuns: runs(3000) },
    );
  });

  it("parseValue on operator + number + unit compositions gives a valid Value", () => {
    fc.assert(
      fc.property(valueText, anyString, (v, tail) => {
        Value.parse(parseValue(v));
        Value.parse(parseValue(typeof v === "string" ? v + tail : tail));
      }),
      { numRuns: runs(2000) },
    );
  });

  it("parseSplitValue, parseNumber and labelKey on arbitrary cells", () => {
    fc.assert(
      fc.property(anyValue, anyValue, anyValue, fc.boolean(), (op, n, unit, pct) => {
        Value.parse(parseSplitValue(op, n, unit, { percentFormat: pct }));
        const x = parseNumber(n);
        expect(x === null || Number.isFinite(x)).toBe(true);
        labelKey(n);
      }),
      { numRuns: runs(2000) },
    );
  });

  it("readSheet alone on a grid of one arbitrary cell", () => {
    fc.assert(
      fc.property(anyValue, (v) => {
        readSheet({ sheet: "s", top: 0, left: 0, values: [[v]], merges: [] }, "f.xlsx");
      }),
      { numRuns: runs(500) },
    );
  });
});

// ------------------------------------------------------------------------------------------ huge and denormal numbers

/**
 * Formerly known overflow bugs, found by the properties above with numbers past 1e306 or below 1e-308: a cell
 * holding 1.8e306 made check() throw a ZodError for the whole run. Root causes, now fixed: roundTo() and the
 * other "× 10^k, round, ÷ 10^k" roundings (score/round.ts roundTo, roundScaled) scaled past Number.MAX_VALUE;
 * parseValue (read/value.ts) multiplied percent-formatted numbers by 100; sums of numbers near
 * Number.MAX_VALUE overflowed (summarise, the reader's sub-row sums, the rules' sum2, the project total,
 * review totals and gaps); actual / target with a denormal target was Infinity (overrunRatio, the execution
 * rate). Such sums, gaps and ratios are now null (unknown); the summary's totals, which cannot be null, stay
 * at ±Number.MAX_VALUE. run.ts turns a non-finite number in a finding's data into null as a last line.
 */
describe("huge and denormal numbers", () => {
  const EXTREME = [HUGE, -HUGE, MAX, -MAX, 5e-324, -5e-324, 1e308, 2 ** 53 + 2];

  it("parseValue of a huge percent-formatted number is a valid Value", () => {
    const v = Value.parse(parseValue(HUGE, { percentFormat: true }));
    expect(v).toEqual({ raw: "1.797693134862316e+308%", kind: "qualitative", op: null, value: null, unit: null });
    expect(parseValue(0.724, { percentFormat: true }).value).toBe(72.4);
    expect(parseValue(1e300, { percentFormat: true })).toMatchObject({ kind: "number", value: 1e302, unit: "%" });
  });

  it("a huge 分值 does not make check() throw (weight/total data: total, indicatorSum)", () => {
    const r = runEngine([{ sheet: "自评表", top: 0, left: 0, values: [["项目支出绩效自评表"], ["三级指标", "分值", "实际完成值"], ["指标0", HUGE, 0]], merges: [] }]);
    expect(r.projects[0].indicators[0].weight).toBe(HUGE);
  });

  it("a huge 复核得分 does not make check() throw (review.gap, spotcheck data: gap, absGap)", () => {
    const list: Grid = { sheet: "抽查复核表", top: 0, left: 0, values: [["项目名称", "主管部门", "复核得分"], [NATIONAL_PROJECT, "区民政局", -HUGE]], merges: [] };
    const r = runEngine([formGrid(nationalForm()), list]);
    expect(r.projects[0].review).toMatchObject({ score: -HUGE, gap: -HUGE });
    expect(r.findings.find((f) => f.rule === "spotcheck/gap-severe")?.data.absGap).toBe(HUGE);
  });

  it("review and self scores at opposite ends: the gap cannot be a number, so it is null (and no gap finding)", () => {
    const f = nationalForm();
    f.values[19][7] = MAX; // stated 总分
    const list: Grid = { sheet: "抽查复核表", top: 0, left: 0, values: [["项目名称", "主管部门", "复核得分"], [NATIONAL_PROJECT, "区民政局", -MAX]], merges: [] };
    const r = runEngine([formGrid(f), list]);
    expect(r.projects[0].review).toMatchObject({ score: -MAX, gap: null });
    expect(r.findings.filter((x) => x.rule === "spotcheck/gap" || x.rule === "spotcheck/gap-severe")).toEqual([]);
    expect(r.findings.some((x) => x.rule === "spotcheck/poor")).toBe(true);
  });

  it("a denormal target does not make check() throw (reason/overrun data: ratio = actual / 5e-324)", () => {
    const r = runEngine([{ sheet: "自评表", top: 0, left: 0, values: [["项目支出绩效自评表"], ["调整指标值", "三级指标", "实际完成值"], [5e-324, "指标", 1]], merges: [] }]);
    expect(r.findings.filter((f) => f.rule === "reason/overrun")).toEqual([]);
  });

  it("a denormal budget: the execution rate is no number (null), the stated rate is used", () => {
    const f = nationalForm();
    f.values[5][4] = 5e-324;
    f.values[5][3] = 5e-324;
    const r = runEngine([formGrid(f)]);
    expect(r.projects[0].budget).toMatchObject({ rate: 0.9339, statedRate: 0.9339 });
    expect(r.summary.budget.rate).toBeNull();
  });

  it("a budget near Number.MAX_VALUE does not make check() throw (summary.budget.adjusted)", () => {
    const f = nationalForm();
    f.values[5][4] = -Number.MAX_VALUE;
    runEngine([formGrid(f)]);
  });

  it("budgets adding up past Number.MAX_VALUE: the summary's totals stay at the largest number, its rate is null", () => {
    const grids = [1, 2, 3].map((i) => {
      const f = nationalForm({ name: `项目${i}`, sheet: `表${i}` });
      f.values[5][4] = MAX;
      f.values[5][5] = MAX;
      return formGrid(f);
    });
    const r = runEngine(grids);
    expect(r.summary.budget).toEqual({ adjusted: MAX, executed: MAX, rate: null });
    expect(r.projects.map((p) => p.budget?.rate)).toEqual([1, 1, 1]);
  });

  it("a declared weight past Number.MAX_VALUE (产出指标(99…9分)) is no declared weight", () => {
    const f = nationalForm();
    f.values[12][1] = `产出指标(${"9".repeat(400)}分)`;
    expect(runEngine([formGrid(f)]).projects[0].declaredWeights).toEqual([]);
  });

  /** Mutations of the national form: extreme numbers in its amount, weight, score, target and actual cells. */
  const numericCell = fc.tuple(fc.integer({ min: 5, max: 19 }), fc.integer({ min: 3, max: 8 }));
  const extreme = fc.oneof(fc.constantFrom(...EXTREME), finite(), fc.constantFrom(...EXTREME.map((x) => `≥${x}%`), `${"9".repeat(320)}人`));
  const extremeForm = fc.tuple(fc.array(fc.tuple(numericCell, extreme), { minLength: 1, maxLength: 12 }), fc.boolean()).map(([edits, pct]) => {
    const g = formGrid(nationalForm());
    for (const [[r, c], v] of edits) {
      g.values[r][c] = v;
      if (pct) g.numberFormats![r][c] = "0.00%";
    }
    return g;
  });
  const extremeList = fc.array(fc.tuple(extreme, extreme), { maxLength: 3 }).map(
    (rows): Grid => ({
      sheet: "抽查复核表",
      top: 0,
      left: 0,
      values: [["项目名称", "主管部门", "自评得分", "复核得分"], ...rows.map(([a, b]) => [NATIONAL_PROJECT, "区民政局", a, b])],
      merges: [],
    }),
  );

  it("every number of the report is finite (the report parses) with extreme numbers anywhere in the form", () => {
    fc.assert(
      fc.property(fc.array(extremeForm, { minLength: 1, maxLength: 3 }), extremeList, profileArb, (forms, list, profile) => {
        runEngine([...forms.map((g, i) => ({ ...g, sheet: `表${i}` })), list], profile);
      }),
      { numRuns: runs(400) },
    );
  });

  it("the rules compute finite data themselves: no finding's data needs run.ts's last-line guard", () => {
    fc.assert(
      fc.property(extremeForm, extremeList, profileArb, (form, list, name) => {
        const profile = getProfile(name);
        const reading = readWorkbook({ file: "fuzz.xlsx", grids: [form, list] });
        const { projects, matches } = attachReviews(
          reading.projects.map((p) => scoreProject(p, profile)),
          reading.reviews,
          profile,
        );
        const run = { projects, reviews: reading.reviews, sheets: reading.sheets, reviewMatches: matches };
        const ctx = { profile, lang: "zh" as const };
        for (const rule of RULES) {
          const hits = rule.scope === "project" ? projects.flatMap((p) => rule.check(p, ctx)) : rule.check(run, ctx);
          for (const h of hits) {
            for (const [k, v] of Object.entries(h.data ?? {})) {
              if (typeof v === "number") expect([rule.id, k, Number.isFinite(v)]).toEqual([rule.id, k, true]);
            }
          }
        }
      }),
      { numRuns: runs(300) },
    );
  });

  it("the last-line guard: a non-finite number in a finding's data becomes null", () => {
    const rule: Rule = {
      id: "test/non-finite",
      severity: "info",
      title: { zh: "", en: "" },
      scope: "run",
      docs: { zh: "", en: "" },
      message: { zh: () => "", en: () => "" },
      suggestion: { zh: () => "", en: () => "" },
      check: () => [{ cell: null, data: { a: Infinity, b: NaN, c: 1, d: "x" } }],
    };
    const r = check([readWorkbook({ file: "f.xlsx", grids: [] })], { rules: [rule] });
    expect(r.findings[0].data).toEqual({ a: null, b: null, c: 1, d: "x" });
  });
});

// ------------------------------------------------------------------------------------------ prototype names

/**
 * Formerly a known bug: text naming an Object.prototype member as a 一级/二级 label made check() throw, because
 * LEVEL1[key] / LEVEL2[key] over plain objects found "constructor", "__proto__", "toString". Cell text is now
 * looked up in own entries only (read/synonyms.ts ownEntry) or in Maps (score/units.ts ALIASES,
 * score/qualitative.ts CN_DIGITS, rules/weight/split.ts PROFILE_ZH).
 */
describe("Object.prototype member names as cell text", () => {
  it("'constructor' as a 一级指标 label does not make check() throw (LEVEL1[key] finds Object.prototype members)", () => {
    const f = nationalForm();
    f.values[12][1] = "constructor";
    const r = runEngine([formGrid(f)]);
    expect(r.projects[0].indicators[0]).toMatchObject({ level1: null, level1Label: "constructor" });
    expect(r.findings.some((x) => x.rule === "category/unknown")).toBe(true);
  });

  it("'__proto__' / 'toString' as 二级指标 labels do not make check() throw (LEVEL2[key])", () => {
    const f = nationalForm();
    f.values[12][2] = "__proto__";
    f.values[13][2] = "toString";
    const r = runEngine([formGrid(f)]);
    expect(r.projects[0].indicators.slice(0, 2).map((i) => [i.level2, i.level2Label])).toEqual([
      [null, "__proto__"],
      [null, "toString"],
    ]);
  });

  it("every Object.prototype member name in every label, unit and text cell of the form", () => {
    const cells: [number, number][] = [[12, 1], [12, 2], [16, 1], [16, 2], [12, 3], [11, 1], [11, 2], [2, 1], [3, 1], [4, 3]];
    for (const name of PROTOTYPE_NAMES) {
      for (const [r, c] of cells) {
        const f = nationalForm();
        f.values[r][c] = name;
        runEngine([formGrid(f)]);
      }
      const f = nationalForm();
      f.values[12][4] = `≥1200${name}`; // a unit: score/units.ts ALIASES, with and without a prefix
      f.values[12][5] = `0.125万${name}`;
      f.values[14][4] = `≥1200${name}/人`; // was ALIASES[name] (a function): scale undefined, base "undefined/人"
      f.values[14][5] = "1250undefined/人";
      f.values[13][4] = `${name}月底前`; // qualitative.ts month words
      runEngine([formGrid(f)]);
    }
  });

  it("units named like Object.prototype members are units like any other (score/units.ts splitUnit)", () => {
    for (const name of Object.getOwnPropertyNames(Object.prototype)) {
      expect(splitUnit(name)).toEqual({ scale: 1, base: name });
      expect(splitUnit(`${name}/人`)).toEqual({ scale: 1, base: `${name}/人` });
    }
    expect(splitUnit("万constructor")).toEqual({ scale: 1e4, base: "constructor" });
  });

  it("a user's profile named like an Object.prototype member (weight/split's profile names)", () => {
    const f = nationalForm();
    f.values[12][6] = 40; // 产出 ≠ 50: weight/split reports, naming the profile
    for (const name of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
      const profile = loadProfile(JSON.stringify({ name, extends: "national" }), `${name}.json`);
      const r = check([readWorkbook({ file: "f.xlsx", grids: [formGrid(f)] })], { profile });
      Report.parse(JSON.parse(JSON.stringify(r)));
      expect(r.findings.find((x) => x.rule === "weight/split")?.data.profileZh).toBe(name);
    }
  });
});
