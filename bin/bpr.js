#!/usr/bin/env node
"use strict";
// bpr — the command line of 预算绩效评价助手. Compiled from src/cli by `npm run build:cli` (run on `npm ci`).
const path = require("node:path");
const fs = require("node:fs");
const entry = path.join(__dirname, "..", "lib", "cli", "main.js");
if (!fs.existsSync(entry)) {
  process.stderr.write("bpr is not built yet: run `npm run build:cli` first.\n");
  process.exit(2);
}
require(entry).run();
