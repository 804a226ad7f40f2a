/**
 * dist/ for the browser tests: built once with `webpack --mode production`, and only when something it is built
 * from (src/, assets/, webpack and TypeScript config, package files, the manifest) is newer than dist/. Several
 * jest workers share one build through a lock directory.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

export const ROOT = path.resolve(__dirname, "../../..");
export const DIST = path.join(ROOT, "dist");
const LOCK = path.join(ROOT, "test-artifacts", ".dist-build.lock");
const INPUTS = ["src", "assets", "webpack.config.js", "tsconfig.json", "tsconfig.webpack.json", "package.json", "package-lock.json", "manifest.xml"];

function newestMtime(p: string): number {
  let st: fs.Stats;
  try {
    st = fs.statSync(p);
  } catch (_e) {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/** Why dist/ must be (re)built, or null when it is up to date. */
export function staleReason(): string | null {
  const html = path.join(DIST, "taskpane.html");
  if (!fs.existsSync(html)) return "dist/taskpane.html is missing";
  const text = fs.readFileSync(html, "utf8");
  if (!/taskpane\.[0-9a-f]{8}\.js/.test(text)) return "dist/ is not a production build";
  const built = fs.statSync(html).mtimeMs;
  const newest = Math.max(...INPUTS.map((p) => newestMtime(path.join(ROOT, p))));
  return newest > built ? "sources changed since the last build" : null;
}

function runWebpack(): Promise<void> {
  const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [cli, "--mode", "production"], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`webpack --mode production failed:\n${(stdout + stderr).split("\n").slice(-40).join("\n")}`));
      else resolve();
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Make sure dist/ holds a current production build; returns what was done (for the log). */
export async function ensureDist(): Promise<string> {
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch (_e) {
      // Another worker is building: wait for it (a lock older than 15 minutes is from a killed run).
      const age = Date.now() - (fs.statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 15 * 60_000) fs.rmSync(LOCK, { recursive: true, force: true });
      else await sleep(500);
    }
  }
  try {
    const reason = staleReason();
    if (!reason) return "dist/ is up to date (not rebuilt)";
    const started = Date.now();
    await runWebpack();
    return `built dist/ (${reason}) in ${Math.round((Date.now() - started) / 1000)} s`;
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}
