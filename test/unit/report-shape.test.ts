/**
 * check() does not validate its own output against the zod model (that cost 5–15 % of every run): this test
 * does, on realistic workbooks. Report.parse must accept the report and return it unchanged — no key the model
 * would strip, no default it would fill in — and the JSON the CLI prints must parse too.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { check } from "../../src/engine";
import { Report } from "../../src/engine/model";
import { BUILTIN_PROFILES } from "../../src/engine/profiles";
import { readBuffer } from "../helpers/workbooks";

const DEMO = path.resolve(__dirname, "../../assets/samples/demo.xlsx");

describe("check()'s output against the Report model", () => {
  it("is a valid Report, unchanged by Report.parse, for the demo workbook under every profile and language", async () => {
    const reading = await readBuffer(await fs.readFile(DEMO), "demo.xlsx");
    for (const profile of Object.values(BUILTIN_PROFILES)) {
      for (const lang of ["zh", "en"] as const) {
        const report = check([reading], { profile, lang });
        expect(report.projects.length).toBeGreaterThan(0);
        expect(report.findings.length).toBeGreaterThan(0);
        expect(report.reviews.length).toBeGreaterThan(0);
        expect(Report.parse(report)).toStrictEqual(report);
        const json = JSON.stringify(report, null, 2);
        expect(JSON.stringify(Report.parse(JSON.parse(json)), null, 2)).toBe(json);
      }
    }
  });

  it("is a valid Report for several workbooks checked together, and with none", async () => {
    const buf = await fs.readFile(DEMO);
    const readings = [await readBuffer(buf, "a/demo.xlsx"), await readBuffer(buf, "b/demo.xlsx")];
    const report = check(readings);
    expect(report.summary.files).toBe(2);
    expect(Report.parse(report)).toStrictEqual(report);
    const empty = check([]);
    expect(Report.parse(empty)).toStrictEqual(empty);
    expect(empty.inputErrors).toEqual([]);
  });
});
