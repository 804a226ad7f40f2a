/**
 * A minimal bundler for the scripts the tests inject into the page (the fake Office host): TypeScript files
 * transpiled one by one (typescript.transpileModule) and wrapped in a CommonJS-style registry. Only relative
 * imports are followed; anything else is an error (an injected script must not need Node).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";

function resolveFile(from: string, spec: string): string {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  throw new Error(`bundle: cannot resolve ${spec} from ${from}`);
}

export function bundle(entry: string): string {
  const modules = new Map<string, string>();
  const visit = (file: string): void => {
    if (modules.has(file)) return;
    modules.set(file, "");
    const out = ts.transpileModule(fs.readFileSync(file, "utf8"), {
      fileName: file,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true, isolatedModules: true },
    }).outputText;
    const code = out.replace(/require\("([^"]+)"\)/g, (_m, spec: string) => {
      if (!spec.startsWith(".")) throw new Error(`bundle: ${file} requires "${spec}"; injected scripts may only import relative files`);
      const dep = resolveFile(file, spec);
      visit(dep);
      return `__require(${JSON.stringify(dep)})`;
    });
    modules.set(file, code);
  };
  const main = path.resolve(entry);
  visit(main);
  const defs = [...modules].map(([id, code]) => `${JSON.stringify(id)}: function (module, exports, __require) {\n${code}\n}`).join(",\n");
  return `(function () {
  "use strict";
  var defs = {${defs}};
  var cache = {};
  function __require(id) {
    if (cache[id]) return cache[id].exports;
    var module = (cache[id] = { exports: {} });
    defs[id](module, module.exports, __require);
    return module.exports;
  }
  __require(${JSON.stringify(main)});
})();`;
}
