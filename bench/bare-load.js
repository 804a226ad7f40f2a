#!/usr/bin/env node
"use strict";
/**
 * The baseline of cliVsBareLoadRatio: only load the same files with the same xlsx library, the way `bpr check`
 * does — folders searched recursively for .xlsx (sorted, dot files and ~$ lock files skipped), then one file at
 * a time: fs.readFile + new ExcelJS.Workbook().xlsx.load(buffer), and the workbook dropped.
 *
 *   node bench/bare-load.js <file|folder>...
 */
const fs = require("node:fs/promises");
const path = require("node:path");
const ExcelJS = require("exceljs");

async function walk(dir) {
  const out = [];
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    if (e.name.startsWith(".")) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else if (e.isFile() && /\.xlsx$/i.test(e.name) && !e.name.startsWith("~$")) out.push(p);
  }
  return out;
}

async function main(args) {
  const files = [];
  for (const a of args) {
    const abs = path.resolve(a);
    const st = await fs.stat(abs);
    if (st.isDirectory()) files.push(...(await walk(abs)));
    else files.push(abs);
  }
  let sheets = 0;
  for (const f of files) {
    const buf = await fs.readFile(f);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf);
    sheets += wb.worksheets.length;
  }
  process.stdout.write(`${files.length} files, ${sheets} sheets\n`);
}

main(process.argv.slice(2)).catch((e) => {
  process.stderr.write(`${e && e.stack ? e.stack : e}\n`);
  process.exitCode = 2;
});
