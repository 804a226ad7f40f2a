/**
 * Workbooks re-saved by LibreOffice (shared strings, styles and merges written its way, as WPS / LibreOffice
 * users send them) must read exactly like the exceljs-written originals. One soffice call converts both
 * files. Skipped with a note when LibreOffice is not installed.
 */
import type { Grid } from "../../src/engine/grid";
import { readWorkbook, type WorkbookReading } from "../../src/engine/read";
import {
  buildDepartmentSheet,
  buildGoalSheet,
  buildNationalSheet,
  buildReviewDetailSheet,
  buildSichuanSheet,
  buildSpotCheckListSheet,
  buildTwoRowHeaderSheet,
  DEPARTMENT_SAMPLE,
  findSoffice,
  GOAL_SAMPLE,
  gridsFromBuffer,
  NATIONAL_DRAFT,
  NATIONAL_SAMPLE,
  REVIEW_DETAIL_ROWS,
  roundTripWithLibreOffice,
  sheet,
  SICHUAN_SAMPLE,
  SPOT_CHECK_ROWS,
  TWO_ROW_SAMPLE,
  writeWorkbook,
} from "../helpers/workbooks";

const soffice = findSoffice();
// Outside CI a machine without LibreOffice skips these with a warning; in CI (.ci/run installs it) they always run
// and fail when soffice is missing, as the browser tests do without Chromium.
if (!soffice && !process.env.CI) console.warn("xlsx-grid-libreoffice.test: soffice not found — LibreOffice round-trip tests SKIPPED (apt-get install libreoffice-calc)");
const maybe = soffice || process.env.CI ? describe : describe.skip;

const NATIONAL_FILE = "national.xlsx";
const SICHUAN_FILE = "sichuan.xlsx";

interface Pair {
  before: Grid[];
  after: Grid[];
}
const pairs = new Map<string, Pair>();

/** LibreOffice writes numbers with 15 significant digits (231.6/248 → 0.933870967741936): compare at 12. */
function round<T>(x: T): T {
  if (typeof x === "number") return (Number.isFinite(x) ? Number(x.toPrecision(12)) : x) as T;
  if (Array.isArray(x)) return x.map(round) as T;
  if (x && typeof x === "object") return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, round(v)])) as T;
  return x;
}

maybe("LibreOffice round trip", () => {
  beforeAll(async () => {
    const national = await writeWorkbook([
      sheet("社区养老", (ws) => buildNationalSheet(ws, NATIONAL_SAMPLE, { origin: { row: 1, col: 2 }, preambleCol: 1 })),
      sheet("饮水", (ws) => buildNationalSheet(ws, NATIONAL_DRAFT)),
      sheet("路灯", (ws) => buildTwoRowHeaderSheet(ws, TWO_ROW_SAMPLE)),
    ]);
    const sichuan = await writeWorkbook([
      sheet("项目自评", (ws) => buildSichuanSheet(ws, SICHUAN_SAMPLE)),
      sheet("部门整体", (ws) => buildDepartmentSheet(ws, DEPARTMENT_SAMPLE)),
      sheet("目标表", (ws) => buildGoalSheet(ws, GOAL_SAMPLE, { blocks: "side-by-side" })),
      sheet("抽查复核汇总", (ws) => buildSpotCheckListSheet(ws, SPOT_CHECK_ROWS, { header: "grouped" })),
      sheet("实际绩效", (ws) => buildReviewDetailSheet(ws, REVIEW_DETAIL_ROWS, { titleRow: "项目名称：社区居家养老服务补贴项目" })),
    ]);
    const resaved = roundTripWithLibreOffice([
      { name: NATIONAL_FILE, data: national },
      { name: SICHUAN_FILE, data: sichuan },
    ]);
    for (const [name, data] of [
      [NATIONAL_FILE, national],
      [SICHUAN_FILE, sichuan],
    ] as const) {
      const again = resaved.get(name);
      if (!again) throw new Error(`LibreOffice did not write ${name}`);
      pairs.set(name, { before: await gridsFromBuffer(data), after: await gridsFromBuffer(again) });
    }
  }, 240_000);

  const reading = (file: string, which: keyof Pair): WorkbookReading => readWorkbook({ file, grids: pairs.get(file)![which] });

  test.each([NATIONAL_FILE, SICHUAN_FILE])("%s reads the same after LibreOffice re-saved it", (file) => {
    const before = reading(file, "before");
    const after = reading(file, "after");
    expect(after.sheets).toEqual(before.sheets);
    expect(round(after.projects)).toEqual(round(before.projects));
    expect(round(after.reviews)).toEqual(round(before.reviews));
  });

  test("the re-saved national workbook still reads right, not only the same", () => {
    const r = reading(NATIONAL_FILE, "after");
    expect(r.sheets.map((s) => [s.sheet, s.kind, s.projects])).toEqual([
      ["社区养老", "self-assessment", 1],
      ["饮水", "self-assessment", 1],
      ["路灯", "self-assessment", 1],
    ]);
    const [a, b, c] = r.projects;
    expect([a.name, a.department, a.departmentCode, a.location.cell, a.statedTotal, a.indicators.length]).toEqual([
      "社区居家养老服务补贴项目",
      "区民政局",
      "305",
      "B4",
      94.54,
      8,
    ]);
    expect(a.budget?.statedRate).toBeCloseTo(231.6 / 248, 10);
    expect(a.indicators[3].actual?.raw).toBe("2023-12-26");
    expect(a.indicators[2].actual).toEqual({ raw: "1.1%", kind: "number", op: null, value: 1.1, unit: "%" });
    expect(b.budget?.fromSubRows).toBe(true);
    expect(c.declaredWeights.map((d) => d.weight)).toEqual([50, 30, 10]);
  });

  test("the re-saved 四川 workbook still reads right", () => {
    const r = reading(SICHUAN_FILE, "after");
    expect(r.sheets.map((s) => s.kind)).toEqual(["self-assessment", "department-self-assessment", "goal", "spot-check-list", "spot-check-detail"]);
    const [sc, dept, goal] = r.projects;
    expect([sc.code, sc.name, sc.budget?.initial, sc.budget?.reason, sc.statedTotal]).toEqual(["51000021R000000019951", "工资性支出", 1586.4, "年末绩效奖金跨年发放", 99.87]);
    expect(sc.indicators.map((i) => i.target.raw)).toEqual(["≥126人", "=100%", "≥100百分比", "≤9.8万元", "有效保障", "≥95%", "≥90%"]);
    expect(dept.indicators.map((i) => i.actual?.value)).toEqual([72.4, 43, 95, 87, null, 79]);
    expect(goal.indicators.map((i) => i.block)).toEqual(["midterm", "midterm", "midterm", "midterm", "annual", "annual", "annual", "annual"]);
    expect(r.reviews.map((x) => [x.name, x.score, x.grade])).toEqual([
      ["社区居家养老服务补贴项目", 81.31, "良"],
      ["农村饮水安全工程维修养护", 90.5, "优"],
      ["公共文化场馆免费开放", 58, "差"],
      ["社区居家养老服务补贴项目", null, null],
    ]);
  });

  test("grids keep the contract: merged non-master cells null, same values where the form is", () => {
    for (const file of [NATIONAL_FILE, SICHUAN_FILE]) {
      const { before, after } = pairs.get(file)!;
      expect(after.map((g) => g.sheet)).toEqual(before.map((g) => g.sheet));
      after.forEach((g, i) => {
        const b = before[i];
        expect([g.top, g.left]).toEqual([b.top, b.left]);
        // Every non-empty value of the original is there, unchanged.
        b.values.forEach((row, r) =>
          row.forEach((v, c) => {
            if (v !== null) expect([g.sheet, r + b.top, c + b.left, round(g.values[r]?.[c])]).toEqual([b.sheet, r + b.top, c + b.left, round(v)]);
          }),
        );
        // …and nothing appears where the original was empty (merged non-master cells stay null).
        g.values.forEach((row, r) =>
          row.forEach((v, c) => {
            if (v !== null) expect(b.values[r]?.[c] ?? null).not.toBeNull();
          }),
        );
        expect(new Set((g.merges ?? []).map((m) => JSON.stringify(m)))).toEqual(new Set((b.merges ?? []).map((m) => JSON.stringify(m))));
      });
    }
  });
});
