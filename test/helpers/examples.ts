/**
 * The reference example workbooks, copied into the repository (test/fixtures/examples, with their README) so
 * the suites that use them stand alone: a fresh clone has them, and a missing one fails the suite instead of
 * skipping it.
 */
import fs from "node:fs";
import path from "node:path";

export const EXAMPLES_DIR = path.resolve(__dirname, "../fixtures/examples");

/** The path of an example workbook; throws (failing the suite) when the fixture is missing. */
export function examplePath(file: string): string {
  const p = path.join(EXAMPLES_DIR, file);
  if (!fs.existsSync(p)) throw new Error(`missing test fixture ${p}`);
  return p;
}
