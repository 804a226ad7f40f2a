#!/usr/bin/env node
"use strict";
/**
 * npm run bench — the county-scale benchmark (issue 7). One run, ratios measured side by side:
 *
 *   1. transpile the TypeScript it runs in-process into bench/out/ (bench/compile.js); make sure lib/ (what
 *      bin/bpr.js runs) is built from the current src/ (`npm run build:cli` when older)
 *   2. the corpus: 300 workbooks, 1,006 projects (bench/corpus.ts), cached in bench/corpus/ under a key of
 *      generator version + seed + generator sources; regenerated only when the key changes
 *   3. engineProjectsPerSecond: every file pre-read into grids, then readWorkbook + check + planSheets repeated
 *   4. syncsPerCheck, maxSyncPayloadMB: the Office.js host against the fake Excel
 *   5. cliVsBareLoadRatio: `node bin/bpr.js check bench/corpus --format json` vs `node bench/bare-load.js
 *      bench/corpus`, alternated BENCH_RUNS times (default 3), medians of wall time
 *   6. rssGrowthRatio: peak RSS of the CLI over the 300 files (the runs above) ÷ over 30 of them
 *   7. initialBundleGzipKB: the JS that dist/taskpane.html loads, gzipped (`npm run build` first when dist/ is
 *      older than the sources)
 *   8. the readers side by side in-process (bench/measure-read.ts): exceljs 4.4.0, SheetJS 0.20.3, the product's
 *      reader, and the floor (unzip + UTF-8 decode): readerVsFloor; cliVsExceljsLoad is cliVsBareLoadRatio
 *      (the bare load is exceljs 4.4.0's, the fixed yardstick)
 *   9. workerMsPerFile: file mode in Chromium (bench/measure-browser.js), the corpus picked at once, each
 *      readFile round trip to the engine worker timed in the page; compared with bpr check's ms per file
 *  10. strayCellPeakMB (peak RSS of bpr check on a 10 KB form with one value at XFD1048576 ÷ on the same form
 *      without it) and mergeBombSeconds (bpr check on a sheet of 100,000 merged areas)
 * Prints a table and a per-stage breakdown; writes bench/results.json.
 *
 * Environment: BENCH_RUNS (alternations, default 3), BENCH_SEED, BENCH_ENGINE_MS (engine loop time, default 8000),
 * BENCH_REGENERATE=1 (ignore the cached corpus).
 */
const { spawn, spawnSync } = require("node:child_process");
const crypto = require("node:crypto");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const zlib = require("node:zlib");
const { compile } = require("./compile");

const ROOT = path.join(__dirname, "..");
const CORPUS = path.join(__dirname, "corpus");
const MANIFEST = path.join(CORPUS, ".manifest.json");
const RESULTS = path.join(__dirname, "results.json");
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS) || 3);
const ENGINE_MS = Math.max(500, Number(process.env.BENCH_ENGINE_MS) || 8000);

const TARGETS = {
  engineProjectsPerSecond: { op: ">=", value: 5000 },
  cliVsBareLoadRatio: { op: "<=", value: 1.25 },
  syncsPerCheck: { op: "same, <=", value: 3 },
  maxSyncPayloadMB: { op: "<=", value: 5 },
  initialBundleGzipKB: { op: "<=", value: 300 },
  rssGrowthRatio: { op: "<=", value: 1.5 },
  cliVsExceljsLoad: { op: "<=", value: 0.8 },
  readerVsFloor: { op: "<=", value: 8 },
  workerVsCliPerFile: { op: "<=", value: 3 },
  strayCellPeakRatio: { op: "<=", value: 2 },
  mergeBombSeconds: { op: "<=", value: 10 },
};

const started = Date.now();
const phases = {};
const warnings = [];
const log = (msg) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s] ${msg}\n`);
const warn = (msg) => {
  warnings.push(msg);
  log(`WARNING: ${msg}`);
};
async function phase(name, fn) {
  const t = Date.now();
  try {
    return await fn();
  } finally {
    phases[name] = Number(((Date.now() - t) / 1000).toFixed(1));
  }
}

const median = (xs) => {
  const s = xs.filter((x) => typeof x === "number" && Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return null;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x, d = 2) => (x === null || x === undefined ? null : Number(x.toFixed(d)));

function newestMtime(rel, filter = () => true) {
  const abs = path.join(ROOT, rel);
  if (!fs.existsSync(abs)) return 0;
  const st = fs.statSync(abs);
  if (!st.isDirectory()) return filter(abs) ? st.mtimeMs : 0;
  let max = 0;
  for (const e of fs.readdirSync(abs)) max = Math.max(max, newestMtime(path.join(rel, e), filter));
  return max;
}

function npm(script) {
  const r = spawnSync("npm", ["run", script, "--silent"], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return { ok: r.status === 0, output: `${r.stdout || ""}${r.stderr || ""}`.trim() };
}

/** `npm run <script>` in the background (untimed work overlapping other untimed work). */
function npmAsync(script) {
  return new Promise((resolve) => {
    // Output to a file, not a pipe: the main thread blocks in spawnSync meanwhile and would not drain a pipe.
    const logFile = path.join(os.tmpdir(), `bpr-bench-${script}-${process.pid}.log`);
    const fd = fs.openSync(logFile, "w");
    const child = spawn("npm", ["run", script, "--silent"], { cwd: ROOT, stdio: ["ignore", fd, fd] });
    const done = (ok) => {
      fs.closeSync(fd);
      const output = fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8").trim() : "";
      fs.rmSync(logFile, { force: true });
      resolve({ ok, output });
    };
    child.on("close", (code) => done(code === 0));
    child.on("error", () => done(false));
  });
}

// ------------------------------------------------------------------------------------------- machine

function machine() {
  let cpu = os.cpus()[0]?.model ?? "unknown";
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync("/proc/cpuinfo", "utf8"));
    if (m) cpu = m[1].trim();
  } catch {
    /* not Linux */
  }
  return {
    nproc: os.availableParallelism ? os.availableParallelism() : os.cpus().length,
    cpu,
    memoryGB: round(os.totalmem() / 1024 ** 3, 1),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverageAtStart: os.loadavg().map((x) => round(x, 2)),
  };
}

// ------------------------------------------------------------------------------------------- builds

function ensureLib() {
  const lib = path.join(ROOT, "lib", "cli", "main.js");
  const libTime = fs.existsSync(lib) ? fs.statSync(lib).mtimeMs : 0;
  const srcTime = Math.max(
    ...["src/engine", "src/adapters/xlsx-file", "src/cli", "src/i18n", "tsconfig.cli.json", "tsconfig.json"].map((d) => newestMtime(d)),
  );
  if (libTime >= srcTime) return { rebuilt: false };
  log("lib/ is older than src/: npm run build:cli");
  const r = npm("build:cli");
  if (!r.ok) {
    if (!fs.existsSync(lib)) throw new Error(`npm run build:cli failed and lib/ is missing:\n${r.output}`);
    warn(`npm run build:cli reported errors (lib/ was still emitted): ${r.output.split("\n").slice(0, 3).join(" | ")}`);
  }
  return { rebuilt: true };
}

/** Starts `npm run build` when dist/ is missing or older than the sources; resolves when dist/ is usable. */
async function ensureDist() {
  const html = path.join(ROOT, "dist", "taskpane.html");
  const distTime = fs.existsSync(html) ? fs.statSync(html).mtimeMs : 0;
  const srcTime = Math.max(
    ...["src", "assets", "webpack.config.js", "tsconfig.webpack.json", "tsconfig.json", "package.json", "package-lock.json"].map((d) => newestMtime(d)),
  );
  if (distTime >= srcTime) return { rebuilt: false, ok: true, seconds: 0 };
  log("dist/ is missing or older than the sources: npm run build (in the background, before any timed phase)");
  const t = Date.now();
  const r = await npmAsync("build");
  if (!r.ok) warn(`npm run build failed: ${r.output.split("\n").slice(-5).join(" | ")}`);
  return { rebuilt: true, ok: r.ok && fs.existsSync(html), seconds: round((Date.now() - t) / 1000, 1) };
}

// ------------------------------------------------------------------------------------------- corpus

function corpusKey(seed, version) {
  const h = crypto.createHash("sha1");
  h.update(`${version}:${seed}\n`);
  const files = ["bench/corpus.ts", "bench/pools.ts", "bench/rng.ts"];
  const layouts = path.join(ROOT, "test", "helpers", "layouts");
  if (fs.existsSync(layouts)) for (const f of fs.readdirSync(layouts).sort()) files.push(`test/helpers/layouts/${f}`);
  for (const f of files) {
    const abs = path.join(ROOT, f);
    if (fs.existsSync(abs)) h.update(`${f}\n`).update(fs.readFileSync(abs));
  }
  return h.digest("hex").slice(0, 16);
}

async function ensureCorpus() {
  const gen = require("./out/bench/corpus.js");
  const seed = Number(process.env.BENCH_SEED) || gen.DEFAULT_SEED;
  const key = corpusKey(seed, gen.GENERATOR_VERSION);
  if (!process.env.BENCH_REGENERATE && fs.existsSync(MANIFEST)) {
    try {
      const m = JSON.parse(fs.readFileSync(MANIFEST, "utf8"));
      if (m.key === key && m.files.every((f) => fs.existsSync(path.join(CORPUS, f)))) {
        log(`corpus cached (key ${key}): ${m.files.length} files`);
        return { ...m, cached: true };
      }
    } catch {
      /* regenerate */
    }
  }
  log(`generating the corpus (generator v${gen.GENERATOR_VERSION}, seed ${seed}) into bench/corpus/ …`);
  const t = Date.now();
  const m = await gen.generateCorpus(CORPUS, seed);
  const manifest = { key, ...m, generationSeconds: round((Date.now() - t) / 1000, 1) };
  fs.writeFileSync(MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
  log(`generated ${m.files.length} files, ${m.projects} projects in ${manifest.generationSeconds}s`);
  return { ...manifest, cached: false };
}

/** The .xlsx files of the corpus in the order the CLI walks them. */
function corpusFiles() {
  return fs
    .readdirSync(CORPUS, { withFileTypes: true })
    .filter((e) => e.isFile() && /\.xlsx$/i.test(e.name) && !e.name.startsWith(".") && !e.name.startsWith("~$"))
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b))
    .map((n) => ({ abs: path.join(CORPUS, n), shown: path.relative(ROOT, path.join(CORPUS, n)) }));
}

// ------------------------------------------------------------------------------------------- child processes

const TIME = fs.existsSync("/usr/bin/time") ? "/usr/bin/time" : null;

/** Run `node <script> args…` with stdout to /dev/null; wall ms (parent's clock) and peak RSS (kB). */
function timedNode(script, args) {
  const rssFile = path.join(os.tmpdir(), `bpr-bench-rss-${process.pid}-${Date.now()}.txt`);
  const nullFd = fs.openSync(os.devNull, "w");
  let cmd;
  let argv;
  if (TIME) {
    cmd = TIME;
    argv = ["-v", "-o", rssFile, process.execPath, script, ...args];
  } else {
    cmd = process.execPath;
    argv = [path.join(__dirname, "maxrss.js"), script, ...args];
  }
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, {
    cwd: ROOT,
    stdio: ["ignore", nullFd, "pipe"],
    env: { ...process.env, BPR_BENCH_RSS_FILE: rssFile },
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  fs.closeSync(nullFd);
  let rssKB = null;
  let cpuMs = null;
  try {
    const text = fs.readFileSync(rssFile, "utf8");
    const m = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(text);
    if (m) rssKB = Number(m[1]);
    const u = /User time \(seconds\):\s*([\d.]+)/.exec(text);
    const sy = /System time \(seconds\):\s*([\d.]+)/.exec(text);
    if (u && sy) cpuMs = (Number(u[1]) + Number(sy[1])) * 1000;
    fs.rmSync(rssFile, { force: true });
  } catch {
    /* no RSS */
  }
  // /usr/bin/time reports the child's exit status; bpr exits 1 when the corpus has error findings (it does).
  const status = r.status;
  return { ms, cpuMs, rssKB, status, stderr: String(r.stderr || "").slice(0, 2000) };
}

function cliVsBare(fileArgs30) {
  const cli = [];
  const bare = [];
  const cliArgs = ["check", path.relative(ROOT, CORPUS), "--format", "json"];
  for (let i = 0; i < RUNS; i++) {
    const order = i % 2 === 0 ? ["bare", "cli"] : ["cli", "bare"];
    for (const which of order) {
      const r = which === "cli" ? timedNode("bin/bpr.js", cliArgs) : timedNode("bench/bare-load.js", [path.relative(ROOT, CORPUS)]);
      if (which === "cli" && r.status !== 0 && r.status !== 1) warn(`bpr check exited ${r.status}: ${r.stderr.split("\n")[0]}`);
      if (which === "bare" && r.status !== 0) warn(`bare-load exited ${r.status}: ${r.stderr.split("\n")[0]}`);
      (which === "cli" ? cli : bare).push(r);
      log(`  ${which.padEnd(4)} run ${i + 1}/${RUNS}: ${(r.ms / 1000).toFixed(2)}s, peak RSS ${r.rssKB ? Math.round(r.rssKB / 1024) : "?"} MB`);
    }
  }
  const cli30 = [];
  for (let i = 0; i < RUNS; i++) {
    const r = timedNode("bin/bpr.js", ["check", ...fileArgs30, "--format", "json"]);
    if (r.status !== 0 && r.status !== 1) warn(`bpr check (30 files) exited ${r.status}: ${r.stderr.split("\n")[0]}`);
    cli30.push(r);
    log(`  cli  30 files run ${i + 1}/${RUNS}: ${(r.ms / 1000).toFixed(2)}s, peak RSS ${r.rssKB ? Math.round(r.rssKB / 1024) : "?"} MB`);
  }
  // Diagnostic: the same batch printing the table instead of JSON (one run each), to see what the output costs.
  const table300 = timedNode("bin/bpr.js", ["check", path.relative(ROOT, CORPUS), "--format", "table"]);
  const table30 = timedNode("bin/bpr.js", ["check", ...fileArgs30, "--format", "table"]);
  log(`  cli  --format table: 300 files ${(table300.ms / 1000).toFixed(2)}s ${table300.rssKB ? Math.round(table300.rssKB / 1024) : "?"} MB; 30 files ${table30.rssKB ? Math.round(table30.rssKB / 1024) : "?"} MB`);
  return { cli, bare, cli30, table300, table30 };
}

// ------------------------------------------------------------------------------------------- bundle

function bundle() {
  const html = path.join(ROOT, "dist", "taskpane.html");
  const text = fs.readFileSync(html, "utf8");
  const re = /<script\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;
  const files = [];
  const external = [];
  let m;
  while ((m = re.exec(text))) {
    const src = m[1] ?? m[2] ?? m[3];
    if (/^(https?:)?\/\//i.test(src)) {
      external.push(src);
      continue;
    }
    const abs = path.join(ROOT, "dist", src.split(/[?#]/)[0]);
    const buf = fs.readFileSync(abs);
    files.push({ src, bytes: buf.length, gzipBytes: zlib.gzipSync(buf, { level: 9 }).length });
  }
  const gzip = files.reduce((a, f) => a + f.gzipBytes, 0);
  const own = files.filter((f) => !f.src.startsWith("office-js/")).reduce((a, f) => a + f.gzipBytes, 0);
  return { files, external, gzipKB: round(gzip / 1024, 1), ownGzipKB: round(own / 1024, 1) };
}

// ------------------------------------------------------------------------------------------- output

function pass(name, value) {
  if (value === null || value === undefined) return null;
  const t = TARGETS[name];
  if (name === "syncsPerCheck") {
    const v = Object.values(value);
    return v.every((x) => x === v[0]) && v[0] <= t.value;
  }
  return t.op === ">=" ? value >= t.value : value <= t.value;
}

function fmt(n, d = 0) {
  if (n === null || n === undefined) return "—";
  return Number(n).toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });
}

function table(rows, headers, align) {
  const all = [headers, ...rows].map((r) => r.map((c) => String(c)));
  const width = (s) => [...s].reduce((a, ch) => a + (ch.charCodeAt(0) > 0x2e7f ? 2 : 1), 0);
  const widths = headers.map((_, i) => Math.max(...all.map((r) => width(r[i]))));
  const line = (r) =>
    r
      .map((c, i) => {
        const pad = " ".repeat(widths[i] - width(c));
        return align[i] === "r" ? pad + c : c + pad;
      })
      .join("  ");
  return [line(all[0]), widths.map((w) => "-".repeat(w)).join("  "), ...all.slice(1).map(line)].join("\n");
}

// ------------------------------------------------------------------------------------------- main

async function main() {
  process.chdir(ROOT);
  const info = machine();
  log(`machine: ${info.nproc} cores, ${info.cpu}, ${info.memoryGB} GB, node ${info.node}, load ${info.loadAverageAtStart.join(" ")}`);

  const compiled = await phase("compile", () => compile());
  log(`transpiled ${compiled.transpiled}/${compiled.files} files into bench/out/ (${compiled.ms} ms)`);
  // Untimed preparation may overlap: the task pane build runs while lib/ is built and the corpus generated.
  const distPromise = ensureDist();
  const lib = await phase("buildCli", () => ensureLib());
  const corpus = await phase("corpus", () => ensureCorpus());
  const dist = await phase("buildTaskpaneWait", () => distPromise);
  const files = corpusFiles();
  if (files.length !== corpus.files.length) warn(`bench/corpus/ holds ${files.length} .xlsx files, the manifest lists ${corpus.files.length}`);

  // In-process: pre-read, engine loop, write stage.
  const E = require("./out/bench/measure-engine.js");
  log(`pre-reading ${files.length} files (fs.readFile → exceljs load → grids) …`);
  const pre = await phase("preRead", () => E.preRead(files));
  log(`  ${pre.sheets} sheets, ${fmt(pre.cells)} cells in ${fmt(pre.stages.readFile + pre.stages.load + pre.stages.grid)} ms`);
  log(`engine loop: readWorkbook + check + planSheets (≥ 5 passes, ≥ ${ENGINE_MS} ms) …`);
  const engine = await phase("engine", () => E.engineLoop(pre.inputs, { minIterations: 5, minMs: ENGINE_MS, maxIterations: 200 }));
  const sp = engine.passMsSpread;
  log(`  ${engine.projects} projects, ${engine.iterations} passes, median ${fmt(engine.passMs, 1)} ms → ${fmt(engine.projectsPerSecond)} projects/s (passes: min ${fmt(sp.min, 1)}, p25 ${fmt(sp.p25, 1)}, p75 ${fmt(sp.p75, 1)}, max ${fmt(sp.max, 1)} ms)`);
  if (engine.projects !== corpus.projects) warn(`the reader found ${engine.projects} projects; the generator wrote ${corpus.projects}`);
  const write = await phase("write", () => E.writeStage(files[0], engine.report));
  log(`  write --out (${write.file}): ${fmt(write.total)} ms`);
  // Issue 13: every workbook's reviewed copy, exceljs rebuild (before) vs the package editor (after).
  const copies = await phase("reviewedCopies", () => E.reviewedCopies(files, engine.report));
  log(`  reviewed copies of ${copies.files} files: exceljs ${fmt(copies.exceljsMs)} ms, package ${fmt(copies.packageMs)} ms (×${copies.speedup.toFixed(1)}); results workbook ${fmt(copies.resultsMs)} ms`);

  // Office.js adapter against the fake Excel.
  const O = require("./out/bench/measure-officejs.js");
  const S = require("./out/src/engine/summary/index.js");
  log("Office.js adapter + fake Excel: syncs for 1/10/100 sheets, a 100,000-row sheet, the corpus's output sheets …");
  const office = await phase("officejs", async () => {
    const syncs = await O.syncsPerCheck([1, 10, 100]);
    const big = await O.bigSheetRead(100000);
    let writeOut = null;
    try {
      writeOut = await O.writePlans(S.planSheets(engine.report, { lang: "zh", now: new Date(Date.UTC(2024, 3, 1)) }));
    } catch (e) {
      warn(`writing the output sheets through the Office.js host failed: ${e && e.message}`);
    }
    return { syncs, big, write: writeOut };
  });
  log(`  syncs ${Object.entries(office.syncs).map(([k, v]) => `${k}:${v.syncs}`).join(" ")}; 100k rows: ${office.big.syncs} syncs, max ${(office.big.maxPayloadBytes / 1e6).toFixed(2)} MB`);

  // Drop the in-process data before the child processes run.
  pre.inputs.length = 0;
  const summary = engine.summary;
  delete engine.report;

  // Child processes: bpr check vs bare load, alternated; then 30 files for RSS.
  log(`child processes: bpr check vs bare load over ${files.length} files, ${RUNS}× alternated; then bpr check over 30 files ${RUNS}× …`);
  const step = Math.max(1, Math.floor(files.length / 30));
  const thirty = files.filter((_, i) => i % step === 0).slice(0, 30).map((f) => f.shown);
  const runs = await phase("cli", () => cliVsBare(thirty));

  const bun = dist.ok ? bundle() : null;

  // Readers side by side, in-process.
  log("readers side by side: exceljs 4.4.0, SheetJS 0.20.3, the product's reader, unzip+decode (5 passes alternated) …");
  const RD = require("./out/bench/measure-read.js");
  const readers = await phase("readers", () => RD.compareReaders(files.map((f) => f.abs), 5));
  log(`  exceljs ${fmt(readers.ms.exceljs)} ms, SheetJS ${fmt(readers.ms.sheetjs)} ms, reader ${fmt(readers.ms.reader)} ms, floor ${fmt(readers.ms.floor)} ms; fs.readFile ${fmt(readers.ms.readFileAsync)} vs readFileSync ${fmt(readers.ms.readFileSync)} ms`);

  // Bounds: a stray cell and 100,000 merges through bpr check.
  log("bounds: bpr check on a form, the form with a value at XFD1048576, a sheet of 100,000 merges …");
  const boundsFiles = await RD.makeBoundsFiles(path.join(__dirname, "out", "bounds"));
  const bounds = await phase("bounds", () => {
    const rel = (p) => path.relative(ROOT, p);
    const normal = [];
    const stray = [];
    const merges = [];
    for (let i = 0; i < RUNS; i++) {
      normal.push(timedNode("bin/bpr.js", ["check", rel(boundsFiles.normal), "--format", "json"]));
      stray.push(timedNode("bin/bpr.js", ["check", rel(boundsFiles.stray), "--format", "json"]));
    }
    merges.push(timedNode("bin/bpr.js", ["check", rel(boundsFiles.merges), "--format", "json"]));
    for (const r of [...normal, ...stray, ...merges]) if (r.status !== 0 && r.status !== 1) warn(`bpr check (bounds) exited ${r.status}: ${r.stderr.split("\n")[0]}`);
    return { normal, stray, merges };
  });
  const normalMB = median(bounds.normal.map((r) => r.rssKB)) / 1024;
  const strayMB = median(bounds.stray.map((r) => r.rssKB)) / 1024;
  log(`  normal form ${normalMB.toFixed(1)} MB, stray cell ${strayMB.toFixed(1)} MB (${boundsFiles.strayBytes} bytes); 100,000 merges ${(bounds.merges[0].ms / 1000).toFixed(2)} s`);

  // File mode in Chromium.
  let browser = null;
  if (dist.ok && fs.existsSync(process.env.BPR_CHROMIUM || "/usr/bin/chromium")) {
    log("file mode in Chromium: the corpus picked at once, readFile round trips to the engine worker …");
    try {
      browser = await phase("browser", () => require("./measure-browser.js").measure(files.map((f) => f.abs)));
      log(`  ${browser.readRequests} files read in the ${browser.where}: ${fmt(browser.workerMsPerFile, 2)} ms per file (median ${fmt(browser.readMsMedian, 2)}); pick to findings ${fmt(browser.pickToFindingsMs)} ms`);
    } catch (e) {
      warn(`the Chromium measurement failed: ${e && e.message}`);
    }
  } else warn("no dist/ or no Chromium: workerMsPerFile not measured");

  // ----------------------------------------------------------------------------------------- figures
  const cliMs = median(runs.cli.map((r) => r.ms));
  const bareMs = median(runs.bare.map((r) => r.ms));
  const rss300 = median(runs.cli.map((r) => r.rssKB));
  const rss30 = median(runs.cli30.map((r) => r.rssKB));
  const results = {
    schemaVersion: 1,
    generatedAt: new Date().toISOString(),
    command: "npm run bench",
    machine: info,
    corpus: {
      key: corpus.key,
      generatorVersion: corpus.generatorVersion,
      seed: corpus.seed,
      cached: corpus.cached,
      files: corpus.files.length,
      megabytes: round(corpus.bytes / 1e6, 2),
      departments: corpus.departments,
      units: corpus.units,
      projects: corpus.projects,
      byLayout: corpus.byLayout,
      goalSheets: corpus.goalSheets,
      spotCheckRows: corpus.spotCheckRows,
      faults: corpus.faults,
      sheets: pre.sheets,
      cells: pre.cells,
    },
    engineProjectsPerSecond: Math.round(engine.projectsPerSecond),
    reviewedCopies: { ...copies, exceljsMs: Math.round(copies.exceljsMs), packageMs: Math.round(copies.packageMs), resultsMs: Math.round(copies.resultsMs), speedup: round(copies.speedup, 2) },
    cliVsBareLoadRatio: cliMs && bareMs ? round(cliMs / bareMs, 3) : null,
    syncsPerCheck: Object.fromEntries(Object.entries(office.syncs).map(([k, v]) => [k, v.syncs])),
    maxSyncPayloadMB: round(office.big.maxPayloadBytes / 1e6, 2),
    initialBundleGzipKB: bun ? bun.gzipKB : null,
    rssGrowthRatio: rss300 && rss30 ? round(rss300 / rss30, 3) : null,
    cliVsExceljsLoad: cliMs && bareMs ? round(cliMs / bareMs, 3) : null,
    readerVsFloor: round(readers.ms.reader / readers.ms.floor, 2),
    workerMsPerFile: browser ? browser.workerMsPerFile : null,
    cliMsPerFile: cliMs ? round(cliMs / files.length, 2) : null,
    workerVsCliPerFile: browser && cliMs ? round(browser.workerMsPerFile / (cliMs / files.length), 2) : null,
    strayCellPeakMB: round(strayMB, 1),
    normalFormPeakMB: round(normalMB, 1),
    strayCellPeakRatio: round(strayMB / normalMB, 2),
    mergeBombSeconds: round(bounds.merges[0].ms / 1000, 2),
    targets: TARGETS,
    pass: {},
    details: {
      engine: {
        projects: engine.projects,
        goalTables: engine.goalTables,
        passes: engine.iterations,
        passMs: round(engine.passMs, 1),
        passMsSpread: Object.fromEntries(Object.entries(engine.passMsSpread).map(([k, v]) => [k, round(v, 1)])),
        cpuPassMs: round(engine.cpuPassMs, 1),
        projectsPerCpuSecond: Math.round(engine.projectsPerCpuSecond),
        stagesMs: { recognise: round(engine.stages.recognise, 1), check: round(engine.stages.check, 1), plan: round(engine.stages.plan, 1) },
        checkPartsMs: Object.fromEntries(Object.entries(engine.checkParts).map(([k, v]) => [k, round(v, 1)])),
        slowestRulesMs: engine.slowestRules.map((r) => ({ rule: r.rule, ms: round(r.ms, 2) })),
        jsonMs: round(engine.jsonMs, 1),
        jsonMB: round(engine.jsonBytes / 1e6, 2),
        findings: engine.findings,
        summary: { projects: summary.projects, byGrade: summary.byGrade, errors: summary.errors, warnings: summary.warnings, infos: summary.infos, reviewed: summary.reviewed, meanScore: summary.meanScore },
      },
      readMs: { readFile: round(pre.stages.readFile, 1), excelJsLoad: round(pre.stages.load, 1), grid: round(pre.stages.grid, 1) },
      writeOutFirstWorkbookMs: { file: write.file, load: round(write.load, 1), apply: round(write.apply, 1), serialize: round(write.serialize, 1), total: round(write.total, 1), megabytes: round(write.bytes / 1e6, 2) },
      cli: {
        command: `node bin/bpr.js check ${path.relative(ROOT, CORPUS)} --format json > /dev/null`,
        bareCommand: `node bench/bare-load.js ${path.relative(ROOT, CORPUS)}`,
        runs: RUNS,
        cliMs: runs.cli.map((r) => round(r.ms, 0)),
        bareMs: runs.bare.map((r) => round(r.ms, 0)),
        cliMedianMs: round(cliMs, 0),
        bareMedianMs: round(bareMs, 0),
        overheadMs: cliMs && bareMs ? round(cliMs - bareMs, 0) : null,
        cliCpuMs: runs.cli.map((r) => round(r.cpuMs, 0)),
        bareCpuMs: runs.bare.map((r) => round(r.cpuMs, 0)),
        cpuRatio: median(runs.cli.map((r) => r.cpuMs)) && median(runs.bare.map((r) => r.cpuMs)) ? round(median(runs.cli.map((r) => r.cpuMs)) / median(runs.bare.map((r) => r.cpuMs)), 3) : null,
        tableFormatMs: round(runs.table300.ms, 0),
      },
      rss: {
        via: TIME ? "/usr/bin/time -v" : "process.resourceUsage().maxRSS (bench/maxrss.js)",
        cli300MB: runs.cli.map((r) => (r.rssKB ? round(r.rssKB / 1024, 1) : null)),
        cli30MB: runs.cli30.map((r) => (r.rssKB ? round(r.rssKB / 1024, 1) : null)),
        bare300MB: runs.bare.map((r) => (r.rssKB ? round(r.rssKB / 1024, 1) : null)),
        cli30Ms: runs.cli30.map((r) => round(r.ms, 0)),
        thirtyFiles: "every 10th file of the corpus in CLI order",
        tableFormat300MB: runs.table300.rssKB ? round(runs.table300.rssKB / 1024, 1) : null,
        tableFormat30MB: runs.table30.rssKB ? round(runs.table30.rssKB / 1024, 1) : null,
        tableFormatRatio: runs.table300.rssKB && runs.table30.rssKB ? round(runs.table300.rssKB / runs.table30.rssKB, 3) : null,
      },
      officejs: {
        syncsPerCheck: office.syncs,
        read100kRows: office.big,
        writeOutputSheets: office.write,
      },
      bundle: bun,
      readers: {
        what: "medians of 5 alternated passes over the corpus, in one process: exceljs 4.4.0 load + worksheetToGrid; SheetJS 0.20.3 read (dense, number formats); the product's reader (readCells + cellsToGrid); floor = fflate unzipSync + TextDecoder of every part",
        ms: Object.fromEntries(Object.entries(readers.ms).map(([k, v]) => [k, round(v, 1)])),
        sheetjsVsExceljs: round(readers.ms.sheetjs / readers.ms.exceljs, 3),
        readerVsExceljs: round(readers.ms.reader / readers.ms.exceljs, 3),
        exceljsSuccessor: "none installed (not measured)",
      },
      bounds: {
        strayFileBytes: boundsFiles.strayBytes,
        normalMB: bounds.normal.map((r) => (r.rssKB ? round(r.rssKB / 1024, 1) : null)),
        strayMB: bounds.stray.map((r) => (r.rssKB ? round(r.rssKB / 1024, 1) : null)),
        mergesMs: bounds.merges.map((r) => round(r.ms, 0)),
      },
      browser,
    },
    phasesSeconds: phases,
    benchSeconds: null,
    warnings,
  };
  for (const k of Object.keys(TARGETS)) results.pass[k] = pass(k, results[k]);
  results.details.libRebuilt = lib.rebuilt;
  results.details.distRebuilt = dist.rebuilt;
  results.details.distBuildSeconds = dist.seconds;
  results.benchSeconds = round((Date.now() - started) / 1000, 1);
  fs.writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);

  // ----------------------------------------------------------------------------------------- print
  const ok = (k) => (results.pass[k] === null ? "?" : results.pass[k] ? "ok" : "MISSED");
  const out = [];
  out.push("");
  out.push(
    `Corpus: ${results.corpus.files} workbooks, ${fmt(results.corpus.projects)} projects, ${results.corpus.units} units, ${results.corpus.departments} departments, ${pre.sheets} sheets, ${results.corpus.megabytes} MB (seed ${corpus.seed}, generator v${corpus.generatorVersion}${corpus.cached ? ", cached" : ""})`,
  );
  out.push(`Machine: ${info.nproc} cores, ${info.cpu}, ${info.memoryGB} GB, node ${info.node}, load at start ${info.loadAverageAtStart.join(" ")}`);
  out.push("");
  out.push(
    table(
      [
        ["engineProjectsPerSecond", fmt(results.engineProjectsPerSecond), "≥ 5,000", ok("engineProjectsPerSecond")],
        ["cliVsBareLoadRatio", fmt(results.cliVsBareLoadRatio, 3), "≤ 1.25", ok("cliVsBareLoadRatio")],
        ["syncsPerCheck (1/10/100 sheets)", Object.values(results.syncsPerCheck).join(" / "), "same, ≤ 3", ok("syncsPerCheck")],
        ["maxSyncPayloadMB (100,000 rows)", fmt(results.maxSyncPayloadMB, 2), "≤ 5", ok("maxSyncPayloadMB")],
        ["initialBundleGzipKB", fmt(results.initialBundleGzipKB, 1), "≤ 300", ok("initialBundleGzipKB")],
        ["rssGrowthRatio (300 ÷ 30 files)", fmt(results.rssGrowthRatio, 3), "≤ 1.5", ok("rssGrowthRatio")],
        ["cliVsExceljsLoad", fmt(results.cliVsExceljsLoad, 3), "≤ 0.8", ok("cliVsExceljsLoad")],
        ["readerVsFloor", fmt(results.readerVsFloor, 2), "≤ 8", ok("readerVsFloor")],
        [`workerMsPerFile (CLI ${fmt(results.cliMsPerFile, 2)} ms/file)`, fmt(results.workerMsPerFile, 2), "≤ 3× CLI", ok("workerVsCliPerFile")],
        [`strayCellPeakMB (normal form ${fmt(results.normalFormPeakMB, 1)} MB)`, fmt(results.strayCellPeakMB, 1), "≤ 2× normal", ok("strayCellPeakRatio")],
        ["mergeBombSeconds (100,000 merges)", fmt(results.mergeBombSeconds, 2), "≤ 10", ok("mergeBombSeconds")],
      ],
      ["metric", "value", "target", ""],
      ["l", "r", "l", "l"],
    ),
  );
  out.push("");
  const r = results.details;
  const cliPath = r.readMs.readFile + r.readMs.excelJsLoad + r.readMs.grid + r.engine.stagesMs.recognise + r.engine.stagesMs.check + r.engine.jsonMs;
  const n = files.length;
  const row = (label, ms, shareOf = cliPath) => [label, fmt(ms, 1), fmt(ms / n, 2), shareOf ? `${((100 * ms) / shareOf).toFixed(1)}%` : ""];
  out.push(`Per-stage breakdown, in-process, ${n} files / ${fmt(engine.projects)} projects (share = of the bpr check path: read → recognise → check → JSON):`);
  out.push(
    table(
      [
        row("read: readFileSync", r.readMs.readFile),
        row("read: the reader (sniff, unzip, scan)", r.readMs.excelJsLoad),
        row("read: cells → grid", r.readMs.grid),
        row("recognise + parse (readWorkbook)", r.engine.stagesMs.recognise),
        row("check() total", r.engine.stagesMs.check),
        row("  score", r.engine.checkPartsMs.score),
        row("  review matching", r.engine.checkPartsMs.match),
        row("  rules (all)", r.engine.checkPartsMs.rules),
        row("  zod Report.parse (tests only; no longer in check())", r.engine.checkPartsMs.validate),
        row("JSON output (writeJson, streamed)", r.engine.jsonMs),
        row("summary plan (planSheets)", r.engine.stagesMs.plan, null),
        row(`write --out first workbook: load`, r.writeOutFirstWorkbookMs.load, null),
        row(`write --out first workbook: apply plans`, r.writeOutFirstWorkbookMs.apply, null),
        row(`write --out first workbook: serialize`, r.writeOutFirstWorkbookMs.serialize, null),
      ],
      ["stage", "ms", "ms/file", "share"],
      ["l", "r", "r", "r"],
    ),
  );
  out.push(`Readers over the corpus (medians of 5 alternated passes): exceljs 4.4.0 ${fmt(readers.ms.exceljs)} ms, SheetJS 0.20.3 ${fmt(readers.ms.sheetjs)} ms (${fmt(readers.ms.sheetjs / readers.ms.exceljs, 2)}×), the product's reader ${fmt(readers.ms.reader)} ms (${fmt(readers.ms.reader / readers.ms.exceljs, 2)}×), floor ${fmt(readers.ms.floor)} ms; fs.readFile ${fmt(readers.ms.readFileAsync)} ms vs readFileSync ${fmt(readers.ms.readFileSync)} ms`);
  out.push(`Slowest rules: ${r.engine.slowestRulesMs.map((x) => `${x.rule} ${x.ms} ms`).join(", ")}`);
  out.push(
    `bpr check ${fmt(r.cli.cliMedianMs)} ms vs bare load ${fmt(r.cli.bareMedianMs)} ms (medians of ${RUNS}; runs ${r.cli.cliMs.join("/")} vs ${r.cli.bareMs.join("/")}); overhead ${fmt(r.cli.overheadMs)} ms`,
  );
  out.push(`CPU time (user+sys): bpr check ${r.cli.cliCpuMs.join("/")} ms vs bare load ${r.cli.bareCpuMs.join("/")} ms → ratio ${fmt(r.cli.cpuRatio, 3)}; engine ${fmt(r.engine.cpuPassMs, 1)} CPU ms per pass → ${fmt(r.engine.projectsPerCpuSecond)} projects per CPU second`);
  out.push(`Peak RSS: bpr check 300 files ${r.rss.cli300MB.join("/")} MB, 30 files ${r.rss.cli30MB.join("/")} MB, bare load 300 files ${r.rss.bare300MB.join("/")} MB (${r.rss.via}); with --format table: ${r.rss.tableFormat300MB} / ${r.rss.tableFormat30MB} MB → ${fmt(r.rss.tableFormatRatio, 3)}`);
  out.push(
    `Office.js: read 100,000 rows in ${office.big.syncs} syncs (${(office.big.totalResponseBytes / 1e6).toFixed(1)} MB in all); output sheets for the corpus: ${office.write ? `${office.write.syncs} syncs, max ${(office.write.maxPayloadBytes / 1e6).toFixed(2)} MB` : "failed"}`,
  );
  if (bun) out.push(`Bundle: ${bun.files.map((f) => `${f.src} ${(f.gzipBytes / 1024).toFixed(1)} KB`).join(", ")} (gzip -9); our own code and vendor: ${bun.ownGzipKB} KB`);
  out.push(`Findings: ${fmt(r.engine.findings)} (errors ${summary.errors}, warnings ${summary.warnings}, info ${summary.infos}); grades ${Object.entries(summary.byGrade).map(([g, c]) => `${g} ${c}`).join(", ")}; reviewed ${summary.reviewed}`);
  out.push(`Phases (s): ${Object.entries(phases).map(([k, v]) => `${k} ${v}`).join(", ")}; total ${results.benchSeconds}s`);
  if (warnings.length) out.push(`Warnings:\n  ${warnings.join("\n  ")}`);
  out.push("Written: bench/results.json");
  process.stdout.write(`${out.join("\n")}\n`);
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${e && e.stack ? e.stack : e}\n`);
  process.exitCode = 1;
});
