/**
 * Offline structural checks of manifest.xml and the icons it points to (`npm run validate` is the online check).
 * The same checker runs against deliberately broken copies, which it must reject for the expected reason.
 */
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { checkManifest, DEV_ORIGIN, ManifestCheckOptions, TOP_LEVEL_ORDER } from "../helpers/manifest-check";
import { ICON_SIZES, renderIcon } from "../helpers/make-icons";
import { decodePngRgba, encodePng, readPng } from "../helpers/png";
import { child, parseXml } from "../helpers/xml";

const repo = join(__dirname, "..", "..");
const manifestPath = join(repo, "manifest.xml");
const manifest = readFileSync(manifestPath, "utf8");

const readRepoFile = (path: string): Buffer | undefined => {
  const full = join(repo, ...path.split("/"));
  return existsSync(full) ? readFileSync(full) : undefined;
};
const options: ManifestCheckOptions = { readFile: readRepoFile };

/** Replaces every occurrence of `from`; fails loudly if the manifest no longer contains it (stale mutation). */
function mutate(xml: string, from: string | RegExp, to: string): string {
  const found = typeof from === "string" ? xml.includes(from) : from.test(xml);
  if (!found) throw new Error(`mutation target not found in manifest.xml: ${String(from)}`);
  return typeof from === "string" ? xml.split(from).join(to) : xml.replace(from, to);
}

describe("manifest.xml", () => {
  it("passes every structural check", () => {
    expect(checkManifest(manifest, options)).toEqual([]);
  });

  it("has the expected identity, locale, requirements and permissions", () => {
    const root = parseXml(manifest);
    expect(root.attrs["xsi:type"]).toBe("TaskPaneApp");
    expect(child(root, "Id")?.text.trim()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(child(root, "Version")?.text.trim()).toBe("1.0.0.0");
    expect(child(root, "DefaultLocale")?.text.trim()).toBe("zh-CN");
    expect(child(root, "DisplayName")?.attrs.DefaultValue).toBe("预算绩效评价助手");
    expect(child(root, "Permissions")?.text.trim()).toBe("ReadWriteDocument");
    const order = root.children.map((c) => c.name);
    expect(order).toEqual(TOP_LEVEL_ORDER.filter((name) => order.includes(name)));
    expect(child(child(root, "DefaultSettings")!, "SourceLocation")?.attrs.DefaultValue).toBe(`${DEV_ORIGIN}taskpane.html`);
  });

  it("uses only the development origin, which the production build rewrites", () => {
    const urls = manifest.match(/https?:\/\/[^"'<\s]+/g) ?? [];
    const nonNamespace = urls.filter((u) => !u.startsWith("http://schemas.microsoft.com/") && !u.startsWith("http://www.w3.org/"));
    expect(nonNamespace.length).toBeGreaterThan(0);
    for (const url of nonNamespace) expect(url.startsWith(DEV_ORIGIN)).toBe(true);
  });

  describe("rejects broken copies", () => {
    const cases: Array<[string, (xml: string) => string, string]> = [
      ["malformed XML (missing end tag)", (x) => mutate(x, "</Permissions>", ""), "[xml]"],
      ["malformed XML (unquoted attribute)", (x) => mutate(x, 'Name="ExcelApi"', "Name=ExcelApi"), "[xml]"],
      ["Id not a GUID", (x) => mutate(x, /<Id>[^<]*<\/Id>/, "<Id>budget-review</Id>"), "[id]"],
      ["the yo template's Id", (x) => mutate(x, /<Id>[^<]*<\/Id>/, "<Id>05c2e1c9-3e1d-406e-9a91-e9ac64854143</Id>"), "[id]"],
      ["Version and ProviderName swapped", (x) => mutate(x, /(<Version>[^<]*<\/Version>)(\s*)(<ProviderName>[^<]*<\/ProviderName>)/, "$3$2$1"), "[order]"],
      ["Permissions before Requirements", (x) => mutate(x, /(<Requirements>[\s\S]*?<\/Requirements>)([\s\S]*?)(<Permissions>[^<]*<\/Permissions>)/, "$3$2$1"), "[order]"],
      ["unknown top-level element", (x) => mutate(x, "<Permissions>", "<Color>red</Color>\n  <Permissions>"), "[order]"],
      ["missing SupportUrl", (x) => mutate(x, /<SupportUrl [^>]*\/>/, ""), "[order]"],
      ["http SourceLocation", (x) => mutate(x, '<SourceLocation DefaultValue="https://', '<SourceLocation DefaultValue="http://'), "[https]"],
      ["http resource URL", (x) => mutate(x, '<bt:Url id="Help.Url" DefaultValue="https://', '<bt:Url id="Help.Url" DefaultValue="http://'), "[https]"],
      ["relative IconUrl", (x) => mutate(x, /<IconUrl DefaultValue="[^"]*"/, '<IconUrl DefaultValue="assets/icon-32.png"'), "[https]"],
      ["undefined resid", (x) => mutate(x, '<Label resid="BprGroup.Label"/>', '<Label resid="BprGroup.Labl"/>'), "[resid]"],
      ["resid of the wrong kind", (x) => mutate(x, '<Label resid="TaskpaneButton.Label"/>', '<Label resid="TaskpaneButton.Tooltip"/>'), "[resid]"],
      ["resource defined but unused", (x) => mutate(x, "</bt:Urls>", '  <bt:Url id="Unused.Url" DefaultValue="https://localhost:3000/taskpane.html"/>\n      </bt:Urls>'), "[unused]"],
      ["resource id over 32 characters", (x) => mutate(x, "Taskpane.Url", "Taskpane.Url.ThatIsFarTooLong.xyz"), "[resource-id]"],
      ["duplicate resource id", (x) => mutate(x, '<bt:Url id="Help.Url"', '<bt:Url id="Commands.Url"'), "[resource-id]"],
      ["ExcelApi 1.3", (x) => mutate(x, '<Set Name="ExcelApi" MinVersion="1.7"/>', '<Set Name="ExcelApi" MinVersion="1.3"/>'), "[requirements]"],
      ["no ExcelApi set", (x) => mutate(x, 'Name="ExcelApi"', 'Name="WordApi"'), "[requirements]"],
      ["ReadDocument permission", (x) => mutate(x, "<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadDocument</Permissions>"), "[permissions]"],
      ["Document host", (x) => mutate(x, '<Host Name="Workbook"/>', '<Host Name="Document"/>'), "[hosts]"],
      ["default locale en-US", (x) => mutate(x, "<DefaultLocale>zh-CN</DefaultLocale>", "<DefaultLocale>en-US</DefaultLocale>"), "[locale]"],
      ["DisplayName without en-US override", (x) => mutate(x, /(<DisplayName [^>]*>)\s*<Override [^>]*\/>\s*(<\/DisplayName>)/, "$1$2"), "[override]"],
      ["Description override in fr-FR only", (x) => mutate(x, /(<Description DefaultValue="[^"]*">\s*<Override Locale=")en-US/, "$1fr-FR"), "[override]"],
      ["string without en-US override", (x) => mutate(x, /(<bt:String id="BprGroup.Label"[^>]*>)\s*<bt:Override [^>]*\/>\s*(<\/bt:String>)/, "$1$2"), "[override]"],
      ["short string over 125 characters", (x) => mutate(x, 'DefaultValue="绩效评价"', `DefaultValue="${"绩".repeat(126)}"`), "[length]"],
      ["button not on the Home tab", (x) => mutate(x, '<OfficeTab id="TabHome">', '<OfficeTab id="TabData">'), "[ribbon]"],
      ["button opens another page", (x) => mutate(x, '<SourceLocation resid="Taskpane.Url"/>', '<SourceLocation resid="Commands.Url"/>'), "[ribbon]"],
      ["icon file that does not exist", (x) => mutate(x, "assets/icon-80.png", "assets/icon-81.png"), "[file]"],
      ["page the build does not emit", (x) => mutate(x, `${DEV_ORIGIN}commands.html`, `${DEV_ORIGIN}functions.html`), "[file]"],
      ["icon used at the wrong size", (x) => mutate(x, /<bt:Image size="80" resid="Icon.80x80"\/>/g, '<bt:Image size="80" resid="Icon.32x32"/>'), "[icon]"],
      ["ribbon icon missing a size", (x) => mutate(x, /<bt:Image size="16" resid="Icon.16x16"\/>/g, ""), "[icon]"],
    ];

    it.each(cases)("%s", (_name, breakIt, code) => {
      const broken = breakIt(manifest);
      expect(broken).not.toBe(manifest);
      const problems = checkManifest(broken, options);
      expect(problems.some((p) => p.startsWith(code))).toBe(true);
    });

    it("an icon that is not a PNG, or the wrong size", () => {
      const fakeFiles: ManifestCheckOptions = {
        readFile: (path) =>
          path === "assets/icon-32.png"
            ? Buffer.from("GIF89a")
            : path === "assets/icon-64.png"
              ? encodePng(48, 48, new Uint8Array(48 * 48 * 4))
              : readRepoFile(path),
      };
      const problems = checkManifest(manifest, fakeFiles);
      expect(problems.filter((p) => p.startsWith("[icon]") && p.includes("icon-32.png is not a valid PNG")).length).toBeGreaterThan(0);
      expect(problems).toContainEqual(expect.stringContaining("icon-64.png is 48×48, used as 64×64"));
    });
  });
});

describe("webpack's copy of the manifest and the pages' CSP", () => {
  // webpack.config.js is CommonJS tooling, loaded as-is (no compilation happens here).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const configFactory = require("../../webpack.config.js") as (env: object, argv: object) => Promise<WebpackConfig>;
  interface WebpackConfig {
    devtool: string | false;
    devServer?: unknown;
    plugins: Array<{ constructor: { name: string }; patterns?: CopyPattern[]; userOptions?: { templateParameters?: Record<string, string> } }>;
  }
  interface CopyPattern {
    from: string;
    transform?: (content: Buffer) => string | Buffer;
  }
  const manifestCopy = (config: WebpackConfig) =>
    config.plugins.flatMap((p) => p.patterns ?? []).find((p) => p.from.startsWith("manifest"))!;

  it("production rewrites every development URL and the result still passes the checks", async () => {
    const config = await configFactory({ WEBPACK_BUILD: true }, { mode: "production" });
    const rewritten = manifestCopy(config).transform!(Buffer.from(manifest)).toString();
    expect(rewritten).not.toContain("https://localhost");
    expect(rewritten).toContain("<SourceLocation DefaultValue=\"https://");
    expect(checkManifest(rewritten, options)).toEqual([]);
  });

  it("development keeps the manifest as it is", async () => {
    const config = await configFactory({ WEBPACK_BUILD: true }, { mode: "development" });
    expect(manifestCopy(config).transform!(Buffer.from(manifest)).toString()).toBe(manifest);
  });

  it.each(["production", "development"])("%s builds: no eval source maps, no dev server (no certificates), strict CSP", async (mode) => {
    const config = await configFactory({ WEBPACK_BUILD: true }, { mode });
    expect(String(config.devtool)).not.toMatch(/eval/);
    expect(config.devServer).toBeUndefined();
    const pages = config.plugins.filter((p) => p.constructor.name === "HtmlWebpackPlugin");
    expect(pages).toHaveLength(2);
    for (const page of pages) {
      const params = page.userOptions!.templateParameters!;
      expect(params.officeJsSrc).toBe("office-js/office.js");
      expect(params.csp).toMatch(/(^|; )default-src 'self'(;|$)/);
      expect(params.csp).toMatch(/(^|; )script-src 'self'(;|$)/);
      expect(params.csp).toMatch(/(^|; )connect-src 'self'(;|$)/);
      expect(params.csp).not.toContain("unsafe-eval");
    }
  });

  it("the page templates carry the CSP meta before any script", () => {
    for (const template of ["src/taskpane/taskpane.html", "src/commands/commands.html"]) {
      const html = readFileSync(join(repo, template), "utf8");
      const csp = html.indexOf('http-equiv="Content-Security-Policy" content="<%= csp %>"');
      expect(csp).toBeGreaterThan(0);
      expect(html.indexOf("<script")).toBeGreaterThan(csp);
      expect(html).toContain('src="<%= officeJsSrc %>"');
    }
  });
});

describe("icons", () => {
  it.each(ICON_SIZES)("assets/icon-%i.png is a valid PNG of that size, matching test/helpers/make-icons.ts", (size) => {
    const file = readFileSync(join(repo, "assets", `icon-${size}.png`));
    const info = readPng(file);
    expect([info.width, info.height, info.bitDepth, info.colourType]).toEqual([size, size, 8, 6]);
    const { rgba } = decodePngRgba(file);
    expect(Buffer.from(rgba).equals(Buffer.from(renderIcon(size)))).toBe(true);
  });

  it("the PNG reader rejects corrupt files", () => {
    const good = encodePng(2, 2, new Uint8Array(16).fill(200));
    expect(readPng(good)).toMatchObject({ width: 2, height: 2, chunks: ["IHDR", "IDAT", "IEND"] });
    const badCrc = Buffer.from(good);
    badCrc[20] ^= 0xff; // inside IHDR data
    expect(() => readPng(badCrc)).toThrow(/CRC/);
    expect(() => readPng(good.subarray(0, good.length - 6))).toThrow(/truncated|IEND/);
    expect(() => readPng(Buffer.from("not a png at all"))).toThrow(/signature/);
  });
});

describe("test XML parser", () => {
  it("parses attributes, entities, CDATA and comments", () => {
    const doc = parseXml('<?xml version="1.0"?><!-- c --><a x="1 &amp; 2" y=\'&#x4e2d;\'><b/>t&lt;<![CDATA[<raw>]]></a>');
    expect(doc).toMatchObject({ name: "a", attrs: { x: "1 & 2", y: "中" }, text: "t<<raw>" });
    expect(doc.children.map((c) => c.name)).toEqual(["b"]);
  });

  it.each([
    ["<a><b></a></b>", /does not match/],
    ["<a>", /unclosed/],
    ['<a x="1" x="2"/>', /duplicate attribute/],
    ["<a x=1/>", /not quoted/],
    ["<a/><b/>", /second root/],
    ["<a>&nbsp;</a>", /unknown entity/],
    ["text<a/>", /outside the root/],
  ])("rejects %s", (xml, message) => {
    expect(() => parseXml(xml)).toThrow(message);
  });
});
