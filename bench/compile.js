"use strict";
/**
 * Transpiles the TypeScript the benchmark runs in-process (the engine, both adapters, the CLI, the test helpers'
 * layout builders and fake Excel, and bench/*.ts) into bench/out/, keeping the tree, with typescript's
 * transpileModule: no type checking (`npm run typecheck` does that, bench/ included), so it takes a second or
 * two instead of a full tsc run. Files whose output is newer than their source are skipped.
 */
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.join(__dirname, "..");
const OUT = path.join(__dirname, "out");
const SOURCES = ["src/engine", "src/adapters", "src/cli", "src/i18n", "test/helpers", "test/adapters/officejs", "bench"];
const SKIP = new Set(["bench/out", "bench/corpus"]);

function walk(rel, acc) {
  if (SKIP.has(rel)) return acc;
  const abs = path.join(ROOT, rel);
  if (!fs.existsSync(abs)) return acc;
  for (const e of fs.readdirSync(abs, { withFileTypes: true })) {
    const r = `${rel}/${e.name}`;
    if (e.isDirectory()) walk(r, acc);
    else if (e.isFile() && e.name.endsWith(".ts") && !e.name.endsWith(".d.ts") && !e.name.endsWith(".test.ts")) acc.push(r);
  }
  return acc;
}

/** Returns { files, transpiled, ms }. */
function compile() {
  const t0 = Date.now();
  const files = SOURCES.flatMap((s) => walk(s, []));
  let ts = null;
  let transpiled = 0;
  for (const rel of files) {
    const src = path.join(ROOT, rel);
    const out = path.join(OUT, rel.replace(/\.ts$/, ".js"));
    const srcTime = fs.statSync(src).mtimeMs;
    if (fs.existsSync(out) && fs.statSync(out).mtimeMs >= srcTime) continue;
    ts = ts || require("typescript");
    const text = fs.readFileSync(src, "utf8");
    const res = ts.transpileModule(text, {
      fileName: src,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2020,
        esModuleInterop: true,
        isolatedModules: true,
        sourceMap: false,
      },
    });
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, res.outputText);
    transpiled++;
  }
  return { files: files.length, transpiled, ms: Date.now() - t0 };
}

module.exports = { compile, OUT };
