#!/usr/bin/env node
"use strict";
/**
 * Peak-RSS wrapper, used by bench/run.js only where /usr/bin/time is missing: runs a Node script in this process
 * and, on exit, writes process.resourceUsage().maxRSS (kB) to the file named by BPR_BENCH_RSS_FILE.
 *
 *   BPR_BENCH_RSS_FILE=/tmp/rss node bench/maxrss.js bin/bpr.js check bench/corpus --format json
 */
const fs = require("node:fs");
const path = require("node:path");

const [script, ...rest] = process.argv.slice(2);
if (!script) {
  process.stderr.write("usage: node bench/maxrss.js <script.js> [args...]\n");
  process.exit(2);
}
process.on("exit", () => {
  const file = process.env.BPR_BENCH_RSS_FILE;
  const u = process.resourceUsage();
  if (file) {
    fs.writeFileSync(
      file,
      `Maximum resident set size (kbytes): ${u.maxRSS}\nUser time (seconds): ${u.userCPUTime / 1e6}\nSystem time (seconds): ${u.systemCPUTime / 1e6}\n`,
    );
  }
});
process.argv = [process.argv[0], path.resolve(script), ...rest];
require(path.resolve(script));
