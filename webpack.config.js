/**
 * Webpack for the task pane (Excel add-in and browser file mode) and the ribbon command file.
 * Shaped like Microsoft's yo office template (Office-Addin-TaskPane-React): https dev certs on port 3000,
 * HtmlWebpackPlugin for taskpane.html / commands.html, CopyWebpackPlugin for the manifest and icons.
 *
 *   npm run build        webpack --mode production   → dist/ (manifest URLs rewritten to urlProd)
 *   npm run build:dev    webpack --mode development  → dist/ (localhost URLs, readable code)
 *   npm run dev-server   webpack serve --mode development (https://localhost:3000, office-addin-dev-certs)
 *
 * Builds never touch certificates or the network: the dev certs are requested only by `webpack serve`.
 *
 * Office.js: by default taskpane.html loads a LOCAL copy (dist/office-js/office.js, copied from
 * node_modules/@microsoft/office-js/dist together with the host files and locale strings it loads relative to
 * itself), so no request leaves the page's origin. `--env officejs=cdn` (or OFFICE_JS=cdn) switches both pages to
 * Microsoft's CDN (required for AppSource submissions) and adds the CDN to the CSP's script-src.
 *
 * WPS 表格 (`npm run build:wps`, i.e. `webpack --mode production --env wps`): the same task pane as a WPS 加载项, into
 * dist-wps/ — online/ (ribbon.xml, the entry page index.html with the ribbon's callbacks, taskpane.html without
 * office.js, the chunks and icons: the folder an intranet server publishes), jsplugins.xml and publish.xml (the online
 * entry pointing at BPR_WPS_URL), and offline/ + bpr-wps-offline-<version>.zip (the folder to install on one machine,
 * its publish.xml and install scripts). See README "WPS 表格".
 *
 * exceljs must stay out of the first paint: modules import it with `await import("exceljs")`, which becomes its
 * own async chunk. `InitialChunkGuard` below fails the build if exceljs ever reaches an initial chunk.
 */

const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const urlDev = "https://localhost:3000/";
// CHANGE THIS (or set BPR_PROD_URL) to the production deployment location; it must end with "/".
const urlProd = (process.env.BPR_PROD_URL || "https://www.contoso.com/").replace(/\/?$/, "/");
const devServerPort = Number(process.env.npm_package_config_dev_server_port) || 3000;

const officeJsCdn = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const officeJsDist = path.join(path.dirname(require.resolve("@microsoft/office-js/package.json")), "dist");
/** Relative to dist/: where the local Office.js copy goes. Office.js loads its host files relative to itself. */
const officeJsDir = "office-js";

/** Packages that must only ever be reached through a dynamic import(). */
const lazyOnlyPackages = ["exceljs"];

/**
 * Content-Security-Policy for the HTML pages (a <meta> tag, because the add-in is static files).
 * No 'unsafe-eval' anywhere; 'unsafe-inline' only for styles (Fluent UI / Griffel inject <style> elements).
 */
function contentSecurityPolicy(useCdn, wps = false) {
  // WPS installs an offline add-in as a local folder: its pages may be file: URLs, whose own files must load.
  const self = wps ? "'self' file:" : "'self'";
  const scriptSrc = [self];
  if (useCdn) scriptSrc.push("https://appsforoffice.microsoft.com");
  return [
    `default-src ${self}`,
    `script-src ${scriptSrc.join(" ")}`,
    `style-src ${self} 'unsafe-inline'`,
    `img-src ${self} data:`,
    `font-src ${self} data:`,
    `connect-src ${self}`,
    // The engine worker (src/taskpane/start-worker.ts): a same-origin script chunk, never a blob: worker.
    `worker-src ${self}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}

async function getHttpsOptions() {
  // Required lazily: only `webpack serve` needs (and may install) the localhost dev certificates.
  const devCerts = require("office-addin-dev-certs");
  const httpsOptions = await devCerts.getHttpsServerOptions();
  return { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert };
}

/** Fails the compilation when a lazy-only package ends up in an entry's initial (first-paint) chunks. */
class InitialChunkGuard {
  constructor(packages) {
    this.patterns = packages.map((p) => new RegExp(`[\\\\/]node_modules[\\\\/]${p}[\\\\/]`));
  }
  apply(compiler) {
    compiler.hooks.afterCompile.tap("InitialChunkGuard", (compilation) => {
      for (const [name, entrypoint] of compilation.entrypoints) {
        for (const chunk of entrypoint.chunks) {
          for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
            const resource = module.nameForCondition && module.nameForCondition();
            if (resource && this.patterns.some((re) => re.test(resource))) {
              const { WebpackError } = compiler.webpack;
              compilation.errors.push(
                new WebpackError(
                  `InitialChunkGuard: ${path.relative(process.cwd(), resource)} is in the initial chunk "${chunk.name || chunk.id}" ` +
                    `of entry "${name}". Load it with a dynamic import(), e.g. \`const ExcelJS = (await import("exceljs")).default\`.`,
                ),
              );
              break;
            }
          }
        }
      }
    });
  }
}

/** The WPS add-in's name in jsplugins.xml / publish.xml and its offline folder (letters, digits, "_" only). */
const WPS_ADDIN_NAME = "bpr";

function xmlAttr(s) {
  return String(s).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

/** jsplugins.xml / publish.xml: one add-in entry (online: the folder URL; offline: the installed folder's name). */
function wpsPluginList(entry) {
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    "<jsplugins>",
    `  ${entry}`,
    "</jsplugins>",
    "",
  ].join("\n");
}

/**
 * After the WPS build is emitted into dist-wps/online: the publish files next to it and the offline package
 * (the same files in offline/<name>_<version>/, its publish.xml, install scripts, and one .zip of all that).
 */
class WpsPackagePlugin {
  constructor({ root, version, url }) {
    this.root = root;
    this.version = version;
    this.url = url;
  }
  apply(compiler) {
    compiler.hooks.afterEmit.tapPromise("WpsPackagePlugin", async (compilation) => {
      const fs = require("fs");
      const { zipSync } = require("fflate");
      const online = compilation.outputOptions.path;
      const folder = `${WPS_ADDIN_NAME}_${this.version}`;
      const offline = path.join(this.root, "offline");
      const onlineEntry = `<jspluginonline name="${WPS_ADDIN_NAME}" type="et" url="${xmlAttr(this.url)}" enable="enable_dev" install="null" />`;
      fs.writeFileSync(path.join(this.root, "jsplugins.xml"), wpsPluginList(onlineEntry));
      fs.writeFileSync(path.join(this.root, "publish.xml"), wpsPluginList(onlineEntry));
      fs.rmSync(offline, { recursive: true, force: true });
      const files = {};
      const walk = (dir, rel) => {
        for (const name of fs.readdirSync(dir)) {
          const full = path.join(dir, name);
          const r = rel ? `${rel}/${name}` : name;
          if (fs.statSync(full).isDirectory()) walk(full, r);
          else if (!name.endsWith(".map")) files[`${folder}/${r}`] = new Uint8Array(fs.readFileSync(full));
        }
      };
      walk(online, "");
      const offlineEntry = `<jsplugin name="${WPS_ADDIN_NAME}" type="et" url="${folder}" version="${xmlAttr(this.version)}" enable="enable_dev" install="null" />`;
      files["publish.xml"] = new TextEncoder().encode(wpsPluginList(offlineEntry));
      files["install.bat"] = new TextEncoder().encode(
        [
          "@echo off",
          "rem Installs the 预算绩效评价助手 WPS add-in for this Windows user (no administrator rights needed).",
          "chcp 65001 >nul",
          'set "DEST=%APPDATA%\\kingsoft\\wps\\jsaddons"',
          'if not exist "%DEST%" mkdir "%DEST%"',
          `xcopy /E /I /Y "%~dp0${folder}" "%DEST%\\${folder}" >nul`,
          'if exist "%DEST%\\publish.xml" (',
          "  echo %DEST%\\publish.xml already exists: add this line inside its ^<jsplugins^> element, then restart WPS:",
          `  echo   ${offlineEntry.replace(/</g, "^<").replace(/>/g, "^>")}`,
          ") else (",
          '  copy /Y "%~dp0publish.xml" "%DEST%\\publish.xml" >nul',
          "  echo Installed. Restart WPS Office.",
          ")",
          "",
        ].join("\r\n"),
      );
      files["install.sh"] = new TextEncoder().encode(
        [
          "#!/bin/sh",
          "# Installs the 预算绩效评价助手 WPS add-in for this Linux user (no root needed).",
          "set -e",
          'DEST="$HOME/.local/share/Kingsoft/wps/jsaddons"',
          'HERE="$(cd "$(dirname "$0")" && pwd)"',
          'mkdir -p "$DEST"',
          `rm -rf "$DEST/${folder}" && cp -R "$HERE/${folder}" "$DEST/${folder}"`,
          'if [ -f "$DEST/publish.xml" ]; then',
          `  echo "$DEST/publish.xml already exists: add this line inside its <jsplugins> element, then restart WPS:"`,
          `  echo '  ${offlineEntry}'`,
          "else",
          '  cp "$HERE/publish.xml" "$DEST/publish.xml"',
          '  echo "Installed. Restart WPS Office (quickstartoffice restart)."',
          "fi",
          "",
        ].join("\n"),
      );
      for (const [name, bytes] of Object.entries(files)) {
        const target = path.join(offline, name);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, bytes);
      }
      fs.chmodSync(path.join(offline, "install.sh"), 0o755);
      const zipped = {};
      for (const [name, bytes] of Object.entries(files)) zipped[`${WPS_ADDIN_NAME}-wps-offline-${this.version}/${name}`] = bytes;
      fs.writeFileSync(path.join(this.root, `${WPS_ADDIN_NAME}-wps-offline-${this.version}.zip`), zipSync(zipped, { level: 6 }));
    });
  }
}

/** The WPS 表格 add-in build (`--env wps`): see the module comment. */
function wpsConfig(base) {
  const root = path.resolve(__dirname, "dist-wps");
  const version = require("./package.json").version;
  // CHANGE THIS (or set BPR_WPS_URL) to where online/ is published; it must end with "/".
  const url = (process.env.BPR_WPS_URL || "http://intranet.example/bpr/").replace(/\/?$/, "/");
  const templateParameters = { officeJsSrc: null, csp: contentSecurityPolicy(false, true) };
  return {
    ...base,
    entry: { taskpane: base.entry.taskpane, ribbon: "./src/wps/ribbon.ts" },
    output: { ...base.output, path: path.join(root, "online") },
    plugins: [
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/wps/ribbon.xml", to: "ribbon.xml" },
        ],
      }),
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"], templateParameters }),
      new HtmlWebpackPlugin({ filename: "index.html", template: "./src/wps/index.html", chunks: ["ribbon"], templateParameters }),
      new InitialChunkGuard(lazyOnlyPackages),
      new WpsPackagePlugin({ root, version, url }),
    ],
  };
}

module.exports = async (env = {}, options = {}) => {
  const dev = options.mode === "development";
  const serving = Boolean(env.WEBPACK_SERVE);
  const useCdn = env.officejs === "cdn" || process.env.OFFICE_JS === "cdn";
  const officeJsSrc = useCdn ? officeJsCdn : `${officeJsDir}/office.js`;
  const templateParameters = { officeJsSrc, csp: contentSecurityPolicy(useCdn) };

  const copyPatterns = [
    { from: "assets/*.png", to: "assets/[name][ext]" },
    {
      from: "manifest*.xml",
      to: "[name][ext]",
      transform(content) {
        return dev ? content : content.toString().split(urlDev).join(urlProd);
      },
    },
  ];
  if (!useCdn) {
    copyPatterns.push({
      // office.js and what it requests relative to its own URL: the Excel host file for the platform
      // (excel-<platform>-16.0x[-core].js), the locale strings (<ll-cc>/office_strings.js), the telemetry helpers,
      // and o15apptofilemappingtable.js, which it loads when there is no Office host (file mode) — without it
      // Office.onReady never resolves in a plain browser. Not copied: *.debug.js, other hosts (Word, Outlook, …),
      // the Office 2013 host files (ExcelApi 1.7 excludes Excel 2013), webauth (SSO, unused).
      context: officeJsDist,
      from: "{office.js,o15apptofilemappingtable.js,excel-*-16.*.js,*/office_strings.js,telemetry/oteljs_agave.js,ariatelemetry/aria-web-telemetry.js}",
      to: `${officeJsDir}/[path][name][ext]`,
      globOptions: { ignore: ["**/*.debug.js"] },
      info: { minimized: true },
    });
  }

  const config = {
    target: ["web", "es2020"],
    // Never an eval-based devtool: the CSP has no 'unsafe-eval', in development either.
    devtool: "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      chunkFilename: dev ? "[name].js" : "[name].[contenthash:8].js",
      devtoolModuleFilenameTemplate: "webpack:///[resource-path]?[loaders]",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".mjs", ".json"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { transpileOnly: true, configFile: "tsconfig.webpack.json" },
          },
        },
        {
          test: /\.(png|jpg|jpeg|gif|ico|svg)$/,
          type: "asset/resource",
          generator: { filename: "assets/[name][ext][query]" },
        },
      ],
    },
    optimization: {
      splitChunks: {
        cacheGroups: {
          // The task pane's first-paint packages (React, Fluent UI) in one cacheable file. Only the taskpane
          // entry chunk is considered: packages that only lazy chunks use (exceljs and its dependencies) stay in
          // those lazy chunks, and commands.html does not load React.
          vendor: {
            test: /[\\/]node_modules[\\/]/,
            chunks: (chunk) => chunk.name === "taskpane",
            name: "vendor",
            priority: -10,
            reuseExistingChunk: true,
          },
          // exceljs (only ever loaded lazily) gets a recognisable name: dist/exceljs.[hash].js.
          exceljs: {
            test: /[\\/]node_modules[\\/]exceljs[\\/]/,
            chunks: "async",
            name: "exceljs",
            priority: 10,
            enforce: true,
          },
        },
      },
    },
    performance: {
      // The first paint (React + Fluent UI + app) should stay well under 1 MB minified.
      hints: dev ? false : "warning",
      maxEntrypointSize: 1024 * 1024,
      maxAssetSize: 2 * 1024 * 1024,
      assetFilter: (file) => file.endsWith(".js") && !file.startsWith(`${officeJsDir}/`),
    },
    plugins: [
      new CopyWebpackPlugin({ patterns: copyPatterns }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        templateParameters,
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        templateParameters,
      }),
      new InitialChunkGuard(lazyOnlyPackages),
    ],
  };

  if (env.wps) return wpsConfig(config);

  if (serving) {
    config.devServer = {
      hot: true,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: await getHttpsOptions() },
      port: devServerPort,
    };
  }

  return config;
};
