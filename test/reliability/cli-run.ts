/** Running bpr in-process (main(argv, io)) with captured output, for the reliability tests. */
import { main } from "../../src/cli/main";

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run bpr in-process with a captured io. */
export async function bpr(argv: string[], cwd: string): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { stdout: (s) => out.push(s), stderr: (s) => err.push(s), cwd });
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

/** No stack frames anywhere in what the user sees. */
export function expectNoStack(r: Run): void {
  expect(r.stderr).not.toMatch(/^ {4}at /m);
  expect(r.stdout).not.toMatch(/^ {4}at /m);
  expect(r.stderr).not.toMatch(/\b(TypeError|RangeError|ZodError|ReferenceError)\b/);
}
