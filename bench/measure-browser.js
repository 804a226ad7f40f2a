/**
 * workerMsPerFile: file mode in Debian's Chromium (dist/, the production build), the corpus picked at once.
 * The pane sends each file to the engine worker ("readFile": the reader of src/adapters/xlsx-file/read.ts,
 * in the worker) one after the other; the round trip of each request is timed in the page (performance.now()
 * at postMessage and at the answer), and the whole pick-to-findings time is kept too.
 *
 *   node bench/measure-browser.js [files…]   → JSON on stdout
 */
/* global window */
"use strict";
const fs = require("node:fs");
const http = require("node:http");
const os = require("node:os");
const path = require("node:path");

const ROOT = path.join(__dirname, "..");
const DIST = path.join(ROOT, "dist");
const CHROMIUM = process.env.BPR_CHROMIUM || "/usr/bin/chromium";
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".json": "application/json", ".png": "image/png", ".css": "text/css", ".xml": "application/xml" };

function serve() {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url || "/", "http://127.0.0.1");
    const file = path.join(DIST, decodeURIComponent(url.pathname));
    if (!file.startsWith(DIST) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] || "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** Runs in the page before its scripts: times every worker request. */
function traceWorker() {
  const w = window;
  const trace = { requests: [] };
  w.__readTrace = trace;
  const Base = w.Worker;
  if (!Base) return;
  w.Worker = class extends Base {
    constructor(url, options) {
      super(url, options);
      this.addEventListener("message", (e) => {
        const r = trace.requests.find((x) => x.id === (e.data && e.data.id) && x.end === null);
        if (r) r.end = performance.now();
      });
    }
    postMessage(message, ...rest) {
      trace.requests.push({ op: String(message && message.op), id: Number(message && message.id), start: performance.now(), end: null });
      Base.prototype.postMessage.call(this, message, ...rest);
    }
  };
}

async function measure(files) {
  const { chromium } = require("playwright-core");
  const server = await serve();
  const origin = `http://127.0.0.1:${server.address().port}`;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "bpr-bench-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale: "zh-CN",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  try {
    const page = await context.newPage();
    await page.addInitScript(traceWorker);
    await page.goto(`${origin}/taskpane.html`);
    await page.locator("[data-testid=file-input]").waitFor({ state: "attached", timeout: 300_000 });
    const inputs = files.map((f) => ({ name: path.basename(f), mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: fs.readFileSync(f) }));
    const t0 = Date.now();
    await page.setInputFiles("[data-testid=file-input]", inputs);
    await page.waitForSelector("[data-testid=group]", { timeout: 600_000 });
    await page.waitForSelector("main[aria-busy=false]", { timeout: 600_000 });
    const totalMs = Date.now() - t0;
    const trace = await page.evaluate(() => window.__readTrace);
    const reads = trace.requests.filter((r) => r.op === "readFile" && r.end !== null).map((r) => r.end - r.start);
    const checks = trace.requests.filter((r) => r.op === "check" && r.end !== null).map((r) => r.end - r.start);
    const sum = reads.reduce((a, b) => a + b, 0);
    const sorted = reads.slice().sort((a, b) => a - b);
    return {
      files: files.length,
      readRequests: reads.length,
      readMsTotal: Math.round(sum),
      workerMsPerFile: reads.length ? Math.round((sum / reads.length) * 100) / 100 : null,
      readMsMedian: sorted.length ? Math.round(sorted[Math.floor(sorted.length / 2)] * 100) / 100 : null,
      checkMs: checks.length ? Math.round(checks[checks.length - 1]) : null,
      pickToFindingsMs: totalMs,
      where: trace.requests.length ? "worker" : "main",
    };
  } finally {
    await context.close();
    server.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

module.exports = { measure };

if (require.main === module) {
  measure(process.argv.slice(2)).then(
    (r) => process.stdout.write(`${JSON.stringify(r, null, 2)}\n`),
    (e) => {
      process.stderr.write(`${e && e.stack ? e.stack : e}\n`);
      process.exitCode = 1;
    },
  );
}
