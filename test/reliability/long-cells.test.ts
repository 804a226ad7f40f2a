/**
 * Long cells (a cell holds up to 32,767 characters). Regexes that retry from every character of a long run
 * and scan the rest of the run before failing take quadratic time: /[。．.，,;；!！]+$/ took 10 s on 20,000
 * commas, /\s*\n\s*\/g 3 s on 32,000 spaces, /[:：]+$/ 2.5 s, /(\d+(?:\.\d+)?)\s*分/ 4 s on a long digit run.
 * Those places now trim with loops (read/normalise.ts trimEndChars, pointsBeforeFen; read/sheet.ts joinLines;
 * cli/table.ts oneSpaceBeforeParen; adapters/officejs/values.ts dropBracketed).
 *
 * No timing assertions (house rule): each input below is adversarial for the old regex, and jest's timeout
 * catches a hang. The properties check that each loop does exactly what the regex it replaces did.
 */
import fc from "fast-check";
import { dropBracketed, isDateFormat } from "../../src/adapters/officejs/values";
import { oneSpaceBeforeParen } from "../../src/cli/table";
import { check } from "../../src/engine";
import type { CellValue, Grid } from "../../src/engine/grid";
import { indicatorKey, projectNameKey } from "../../src/engine/match";
import { Report } from "../../src/engine/model";
import { readWorkbook } from "../../src/engine/read";
import { labelKey, pointsBeforeFen, trimEndChars } from "../../src/engine/read/normalise";
import { joinLines } from "../../src/engine/read/sheet";
import { hasReason } from "../../src/engine/rules/reason/shared";
import { unitImpliedByName } from "../../src/engine/rules/target/unit-missing";
import { normalizeText } from "../../src/engine/score/qualitative";
import { planSheets } from "../../src/engine/summary";
import { NATIONAL_PROJECT, nationalForm } from "../helpers/bad-files";

const MAX_CELL = 32767;
/** `unit` repeated to fill a cell, ending in `tail`. */
const fill = (unit: string, tail = ""): string => unit.repeat(Math.ceil((MAX_CELL - tail.length) / unit.length)).slice(0, MAX_CELL - tail.length) + tail;

describe("each former regex on a 32,767-character adversarial cell", () => {
  it("qualitative normalizeText: trailing punctuation after 20,000+ commas inside the text", () => {
    expect(normalizeText(`${fill("，", "完成x")}，，。`)).toBe(`${",".repeat(MAX_CELL - 3)}完成x`);
    expect(normalizeText(fill("，"))).toBe("");
  });

  it("reader joinLines (indicator names): whitespace runs with a line break go, runs without stay", () => {
    expect(joinLines(fill(" ", "x"))).toBe(fill(" ", "x"));
    expect(joinLines(`a${" ".repeat(16000)}\n${" ".repeat(16000)}b`)).toBe("ab");
    expect(joinLines(fill(" \n", "x"))).toBe("x");
  });

  it("labelKey: trailing colons, and a bracket with a long digit run that is no score", () => {
    expect(labelKey(`产出指标${fill("：")}`).key).toBe("产出指标");
    expect(labelKey(fill(":", "x")).key).toBe(fill(":", "x"));
    expect(labelKey(`效益指标(${fill("0", "中分)")}`)).toMatchObject({ key: "效益指标", numbers: [] });
    expect(labelKey(`效益指标(${fill("0", "30分)")}`).numbers).toEqual([30]);
  });

  it("rules: hasReason, unitImpliedByName; match keys; the officejs format reader; the CLI line", () => {
    expect(hasReason(fill("，", "x"))).toBe(true);
    expect(hasReason(fill("，"))).toBe(false);
    expect(unitImpliedByName(fill("，", "人数，，"))).toBe(true);
    expect(unitImpliedByName(fill("，", "x"))).toBe(false);
    expect(projectNameKey(`${NATIONAL_PROJECT}${fill("，")}`)).toBe(projectNameKey(NATIONAL_PROJECT));
    expect(projectNameKey(fill("，", "x"))).toBe(`${",".repeat(MAX_CELL - 1)}x`);
    expect(indicatorKey(fill("。", "率。。"))).toBe(`${"。".repeat(MAX_CELL - 3)}率`);
    expect(isDateFormat(fill("[", "0.00"))).toBe(false);
    expect(isDateFormat(fill("[", "yyyy"))).toBe(true); // an unclosed "[" is no bracket: "yyyy" shows a date
    expect(dropBracketed(`${fill("[", "]")}yyyy`)).toBe("yyyy");
    expect(oneSpaceBeforeParen(`${fill(" ", "x")}  (rule)`)).toBe(`${fill(" ", "x")} (rule)`);
  });
});

describe("the loops do what the regexes did (on short strings over the critical characters)", () => {
  const text = (chars: string) => fc.string({ unit: fc.constantFrom(...chars), maxLength: 24 });

  it("trimEndChars = .replace(/[set]+$/, \"\")", () => {
    fc.assert(fc.property(text("。．.，,;；!！:：ab 中\n"), (s) => expect(trimEndChars(s, "。．.，,;；!！")).toBe(s.replace(/[。．.，,;；!！]+$/, ""))), { numRuns: 2000 });
  });

  it("joinLines = .replace(/\\s*\\n\\s*/g, \"\")", () => {
    fc.assert(fc.property(text(" \n\t\r\u3000\u00a0a中"), (s) => expect(joinLines(s)).toBe(s.replace(/\s*\n\s*/g, ""))), { numRuns: 2000 });
  });

  it("pointsBeforeFen = /(\\d+(?:\\.\\d+)?)\\s*分/.exec(s)?.[1]", () => {
    fc.assert(fc.property(text("0123456789.分 a中"), (s) => expect(pointsBeforeFen(s)).toBe(/(\d+(?:\.\d+)?)\s*分/.exec(s)?.[1] ?? null)), { numRuns: 3000 });
  });

  it("dropBracketed = .replace(/\\[[^\\]]*\\]/g, \"\")", () => {
    fc.assert(fc.property(text("[]ay$-"), (s) => expect(dropBracketed(s)).toBe(s.replace(/\[[^\]]*\]/g, ""))), { numRuns: 2000 });
  });

  it("oneSpaceBeforeParen = .replace(/\\s+\\(/, \" (\")", () => {
    fc.assert(fc.property(text(" \t\n(a)"), (s) => expect(oneSpaceBeforeParen(s)).toBe(s.replace(/\s+\(/, " ("))), { numRuns: 2000 });
  });
});

describe("reader + check + output plans on a workbook of 32,767-character cells", () => {
  const ADVERSARIAL = [
    fill("，", "x"),
    fill(" ", "x"),
    fill(" \n", "x"),
    fill("：", "x"),
    fill("0", "中分"),
    fill("。", "x"),
    fill("1.", "x"),
    fill("(", "x"),
    fill("【", "x"),
    fill("指标1：", "x"),
  ];

  it("every adversarial text in the cells the reader and the rules look at", () => {
    // name, 一级, 二级, indicator name, target, actual, reason, field value, title, budget label, total label
    const cells: [number, number][] = [[2, 1], [12, 1], [12, 2], [12, 3], [13, 4], [13, 5], [12, 8], [3, 1], [0, 0], [5, 1], [19, 0]];
    for (const text of ADVERSARIAL) {
      const f = nationalForm();
      for (const [r, c] of cells.slice(1)) f.values[r][c] = text;
      const list: Grid = {
        sheet: "抽查复核表",
        top: 0,
        left: 0,
        values: [["项目名称", "主管部门", "复核得分", "复核等级", "备注"], [NATIONAL_PROJECT, text, 80, "良", text], [text, "区民政局", 70, "中", text]],
        merges: [],
      };
      const named = nationalForm({ name: text, sheet: "第二张" });
      const grids: Grid[] = [f, named].map((x) => ({ sheet: x.sheet, top: 0, left: 0, values: x.values as CellValue[][], merges: x.merges }));
      const report = check([readWorkbook({ file: "long.xlsx", grids: [...grids, list] })]);
      Report.parse(JSON.parse(JSON.stringify(report)));
      expect(report.projects.map((p) => p.name)).toContain(NATIONAL_PROJECT);
      planSheets(report, { lang: "zh" });
      planSheets(report, { lang: "en" });
    }
  });
});
