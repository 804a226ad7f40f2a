/**
 * bpr check --format json streams its document (src/cli/json.ts): the text must be exactly
 * JSON.stringify(report, null, 2) + "\n", however it is cut into writes.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { writeJson } from "../../src/cli/json";
import { check } from "../../src/engine";
import { readBuffer } from "../helpers/workbooks";

function streamed(value: unknown): { text: string; writes: string[] } {
  const writes: string[] = [];
  writeJson(value, (s) => writes.push(s));
  return { text: writes.join(""), writes };
}

const expected = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

describe("writeJson", () => {
  it("writes a real report exactly as JSON.stringify(report, null, 2) does, in pieces of bounded size", async () => {
    const buf = await fs.readFile(path.resolve(__dirname, "../../assets/samples/demo.xlsx"));
    const readings = await Promise.all(Array.from({ length: 40 }, (_x, i) => readBuffer(buf, `f${i}/demo.xlsx`)));
    const report = { ...check(readings), inputErrors: [{ file: "x.xlsx", code: "missing", message: "找不到文件" }] };
    const { text, writes } = streamed(report);
    expect(text).toBe(expected(report));
    expect(writes.length).toBeGreaterThan(1);
    // A buffer of 64 K characters plus at most one project or finding.
    const largestElement = Math.max(...report.projects.map((p) => JSON.stringify(p, null, 2).length * 1.2));
    for (const w of writes) expect(w.length).toBeLessThan(65536 + largestElement);
  });

  it("matches JSON.stringify on odd values", () => {
    const cases: unknown[] = [
      {},
      { a: [] },
      { a: [], b: 1 },
      { a: undefined, b: [undefined, () => 1, null, 1], c: "x\ny\"z", d: { e: [1, { f: [] }] }, g: () => 0 },
      { "键\n\"": [{ x: 1 }, [2, [3]], "s"], n: null, t: true, date: new Date(Date.UTC(2024, 0, 1)) },
      { onlyUndefined: undefined },
      [1, 2, { a: [] }],
      "text",
      42,
      null,
      { toJSON: () => ({ replaced: [1] }) },
      Object.assign(Object.create(null), { a: [1] }),
    ];
    for (const c of cases) expect(streamed(c).text).toBe(expected(c));
  });
});

describe("bpr check --format json through an Io that can write without a newline", () => {
  it("prints the same document as through stdout lines", async () => {
    const { main } = await import("../../src/cli/main");
    const demo = path.resolve(__dirname, "../../assets/samples/demo.xlsx");
    const run = async (withWrite: boolean) => {
      let out = "";
      let writes = 0;
      const code = await main(["check", demo, "--format", "json", "--lang", "zh"], {
        stdout: (s) => (out += `${s}\n`),
        stderr: () => undefined,
        ...(withWrite
          ? {
              write: (s: string) => {
                writes++;
                out += s;
              },
            }
          : {}),
        cwd: path.dirname(demo),
      });
      return { code, out, writes };
    };
    const lines = await run(false);
    const streamed = await run(true);
    expect(streamed.code).toBe(lines.code);
    expect(streamed.writes).toBeGreaterThan(0);
    expect(streamed.out).toBe(lines.out);
  });
});
