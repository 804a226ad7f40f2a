/**
 * dist-wps/ for the WPS browser tests: `npm run build:wps` (webpack --mode production --env wps), run only when
 * something it is built from is newer than dist-wps/online/taskpane.html. Several jest workers share one build
 * through a lock directory.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { ROOT } from "./build";

export const WPS_DIST = path.join(ROOT, "dist-wps");
export const WPS_ONLINE = path.join(WPS_DIST, "online");
const LOCK = path.join(ROOT, "test-artifacts", ".dist-wps-build.lock");
const INPUTS = ["src", "assets", "webpack.config.js", "tsconfig.json", "tsconfig.webpack.json", "package.json", "package-lock.json"];

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

function staleReason(): string | null {
  const html = path.join(WPS_ONLINE, "taskpane.html");
  if (!fs.existsSync(html) || !fs.existsSync(path.join(WPS_DIST, "jsplugins.xml"))) return "dist-wps/ is missing";
  const newest = Math.max(...INPUTS.map((p) => newestMtime(path.join(ROOT, p))));
  return newest > fs.statSync(html).mtimeMs ? "sources changed since the last build" : null;
}

function runWebpack(): Promise<void> {
  const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [cli, "--mode", "production", "--env", "wps"], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`npm run build:wps failed:\n${(stdout + stderr).split("\n").slice(-40).join("\n")}`));
      else resolve();
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function ensureWpsDist(): Promise<string> {
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch (_e) {
      const age = Date.now() - (fs.statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 15 * 60_000) fs.rmSync(LOCK, { recursive: true, force: true });
      else await sleep(500);
    }
  }
  try {
    const reason = staleReason();
    if (!reason) return "dist-wps/ is up to date (not rebuilt)";
    const started = Date.now();
    await runWebpack();
    return `built dist-wps/ (${reason}) in ${Math.round((Date.now() - started) / 1000)} s`;
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}
