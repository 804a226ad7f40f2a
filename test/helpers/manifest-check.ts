/**
 * Offline structural checks of the add-in's XML manifest (what `office-addin-manifest validate` checks online,
 * plus this project's own policy). checkManifest returns a list of problems, each starting with a code in
 * brackets ("[order] …"), so tests can assert that a deliberately broken manifest is rejected for the right reason.
 */
import { readPng } from "./png";
import { XmlElement, child, childrenNamed, descendants, parseXml } from "./xml";

export const DEV_ORIGIN = "https://localhost:3000/";

/** Top-level children of a TaskPaneApp OfficeApp, in the order the XSD requires. */
export const TOP_LEVEL_ORDER = [
  "Id",
  "AlternateId",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "AllowSnapshot",
  "Dependencies",
  "VersionOverrides",
];

/** What this project's manifest must have (the XSD makes fewer of them mandatory). */
export const TOP_LEVEL_REQUIRED = [
  "Id",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "VersionOverrides",
];

/** Files the build serves at DEV_ORIGIN + path, mapped to where they come from in the repository. */
export const BUILD_OUTPUTS: Record<string, string> = {
  "taskpane.html": "src/taskpane/taskpane.html",
  "commands.html": "src/commands/commands.html",
};

export interface ManifestCheckOptions {
  /** Reads a repository file (path relative to the repository root, "/" separators); undefined when missing. */
  readFile(path: string): Buffer | undefined;
  defaultLocale?: string;
  secondLocale?: string;
  excelApiMinVersion?: string;
  permissions?: string;
}

type ResourceKind = "image" | "url" | "short" | "long";
const RESOURCE_GROUPS: Array<[string, string, ResourceKind]> = [
  ["bt:Images", "bt:Image", "image"],
  ["bt:Urls", "bt:Url", "url"],
  ["bt:ShortStrings", "bt:String", "short"],
  ["bt:LongStrings", "bt:String", "long"],
];
/** Which resource kind a resid on an element of this name must point to. */
const RESID_KIND: Record<string, ResourceKind> = {
  "bt:Image": "image",
  SourceLocation: "url",
  FunctionFile: "url",
  LearnMoreUrl: "url",
  Label: "short",
  Title: "short",
  Description: "long",
};
const MAX_LENGTH: Record<"short" | "long", number> = { short: 125, long: 250 };
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The Id in Microsoft's yo office templates: a copied manifest would collide with every other copy. */
const TEMPLATE_GUIDS = ["05c2e1c9-3e1d-406e-9a91-e9ac64854143", "00000000-0000-0000-0000-000000000000"];

export function checkManifest(xml: string, options: ManifestCheckOptions): string[] {
  const problems: string[] = [];
  const problem = (code: string, message: string) => problems.push(`[${code}] ${message}`);
  const defaultLocale = options.defaultLocale ?? "zh-CN";
  const secondLocale = options.secondLocale ?? "en-US";

  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (err) {
    problem("xml", (err as Error).message);
    return problems;
  }

  // Root element
  if (root.name !== "OfficeApp") problem("root", `root element is <${root.name}>, expected <OfficeApp>`);
  if (root.attrs.xmlns !== "http://schemas.microsoft.com/office/appforoffice/1.1")
    problem("root", `OfficeApp xmlns is "${root.attrs.xmlns}"`);
  if (root.attrs["xsi:type"] !== "TaskPaneApp") problem("root", `OfficeApp xsi:type is "${root.attrs["xsi:type"]}", expected TaskPaneApp`);

  // Top-level order, unknown and missing elements
  let last = -1;
  for (const element of root.children) {
    const index = TOP_LEVEL_ORDER.indexOf(element.name);
    if (index < 0) problem("order", `unknown top-level element <${element.name}> (line ${element.line})`);
    else if (index <= last)
      problem("order", `<${element.name}> (line ${element.line}) is out of order or repeated; expected order: ${TOP_LEVEL_ORDER.join(", ")}`);
    else last = index;
  }
  for (const name of TOP_LEVEL_REQUIRED) if (!child(root, name)) problem("order", `missing <${name}>`);

  // Identity
  const id = child(root, "Id")?.text.trim() ?? "";
  if (!GUID.test(id)) problem("id", `Id "${id}" is not a GUID`);
  else if (TEMPLATE_GUIDS.includes(id.toLowerCase())) problem("id", `Id ${id} is a template placeholder`);
  const version = child(root, "Version")?.text.trim() ?? "";
  if (!/^\d{1,5}(\.\d{1,5}){0,3}$/.test(version)) problem("version", `Version "${version}" is not n[.n[.n[.n]]]`);
  if (!child(root, "ProviderName")?.text.trim()) problem("order", "ProviderName is empty");

  // Locales: default + overrides on DisplayName and Description
  const locale = child(root, "DefaultLocale")?.text.trim();
  if (locale !== defaultLocale) problem("locale", `DefaultLocale is "${locale}", expected ${defaultLocale}`);
  for (const [name, kind] of [
    ["DisplayName", "short"],
    ["Description", "long"],
  ] as const) {
    const element = child(root, name);
    if (!element) continue;
    checkLocalised(element, `<${name}>`, "Override", MAX_LENGTH[kind]);
  }

  function checkLocalised(element: XmlElement, what: string, overrideName: string, max: number) {
    const value = element.attrs.DefaultValue ?? "";
    if (!value.trim()) problem("override", `${what} has no DefaultValue`);
    if ([...value].length > max) problem("length", `${what} DefaultValue is ${[...value].length} characters (max ${max})`);
    const overrides = childrenNamed(element, overrideName);
    const second = overrides.find((o) => o.attrs.Locale === secondLocale);
    if (!second || !second.attrs.Value?.trim()) problem("override", `${what} has no ${secondLocale} <${overrideName}> with a Value`);
    for (const o of overrides) {
      if (o.attrs.Locale === defaultLocale) problem("override", `${what} overrides the default locale ${defaultLocale}`);
      if ([...(o.attrs.Value ?? "")].length > max)
        problem("length", `${what} ${o.attrs.Locale} override is ${[...(o.attrs.Value ?? "")].length} characters (max ${max})`);
    }
  }

  // Every URL is https; URL-typed values are absolute https URLs
  for (const element of descendants(root)) {
    for (const [attr, value] of Object.entries(element.attrs)) {
      if (attr === "xmlns" || attr.startsWith("xmlns:")) continue;
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value.trim()) && !value.trim().startsWith("https://"))
        problem("https", `<${element.name} ${attr}="${value}"> (line ${element.line}) is not https`);
    }
    const text = element.text.trim();
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text) && !text.startsWith("https://"))
      problem("https", `<${element.name}>${text}</${element.name}> (line ${element.line}) is not https`);
  }
  const urlElements: Array<[XmlElement | undefined, string]> = [
    [child(root, "IconUrl"), "IconUrl"],
    [child(root, "HighResolutionIconUrl"), "HighResolutionIconUrl"],
    [child(root, "SupportUrl"), "SupportUrl"],
    [child(child(root, "DefaultSettings") ?? root, "SourceLocation"), "DefaultSettings/SourceLocation"],
  ];
  for (const [element, what] of urlElements) {
    if (!element) {
      if (what.startsWith("DefaultSettings")) problem("order", `missing <${what}>`);
      continue;
    }
    if (!/^https:\/\/[^\s/]+/.test(element.attrs.DefaultValue ?? "")) problem("https", `${what} "${element.attrs.DefaultValue ?? ""}" is not an absolute https URL`);
  }
  for (const appDomain of childrenNamed(child(root, "AppDomains") ?? root, "AppDomain")) {
    if (!/^https:\/\/[^\s/]+/.test(appDomain.text.trim())) problem("https", `AppDomain "${appDomain.text.trim()}" is not an https origin`);
  }

  // Requirements and permissions
  const sets = child(child(root, "Requirements") ?? root, "Sets");
  const excelApi = sets && childrenNamed(sets, "Set").find((s) => s.attrs.Name === "ExcelApi");
  const wantExcel = options.excelApiMinVersion ?? "1.7";
  if (!excelApi) problem("requirements", "Requirements has no <Set Name=\"ExcelApi\">");
  else if (excelApi.attrs.MinVersion !== wantExcel) problem("requirements", `ExcelApi MinVersion is ${excelApi.attrs.MinVersion}, expected ${wantExcel}`);
  const permissions = child(root, "Permissions")?.text.trim();
  const wantPermissions = options.permissions ?? "ReadWriteDocument";
  if (permissions !== wantPermissions) problem("permissions", `Permissions is "${permissions}", expected ${wantPermissions}`);

  // Hosts
  const hosts = childrenNamed(child(root, "Hosts") ?? root, "Host").map((h) => h.attrs.Name);
  if (hosts.length !== 1 || hosts[0] !== "Workbook") problem("hosts", `Hosts are [${hosts.join(", ")}], expected [Workbook]`);

  // VersionOverrides: resources and references
  const overrides = child(root, "VersionOverrides");
  if (!overrides) return problems;
  if (overrides.attrs.xmlns !== "http://schemas.microsoft.com/office/taskpaneappversionoverrides")
    problem("root", `VersionOverrides xmlns is "${overrides.attrs.xmlns}"`);
  if (overrides.attrs["xsi:type"] !== "VersionOverridesV1_0") problem("root", `VersionOverrides xsi:type is "${overrides.attrs["xsi:type"]}"`);
  const voHosts = childrenNamed(child(overrides, "Hosts") ?? overrides, "Host");
  if (!voHosts.length || voHosts.some((h) => h.attrs["xsi:type"] !== "Workbook"))
    problem("hosts", `VersionOverrides hosts are [${voHosts.map((h) => h.attrs["xsi:type"]).join(", ")}], expected [Workbook]`);

  const resources = new Map<string, { kind: ResourceKind; element: XmlElement }>();
  const resourcesElement = child(overrides, "Resources");
  if (!resourcesElement) problem("resid", "VersionOverrides has no <Resources>");
  for (const [groupName, itemName, kind] of RESOURCE_GROUPS) {
    const group = resourcesElement && child(resourcesElement, groupName);
    for (const item of group ? group.children : []) {
      if (item.name !== itemName) {
        problem("resid", `<${item.name}> inside <${groupName}> (line ${item.line}); expected <${itemName}>`);
        continue;
      }
      const rid = item.attrs.id ?? "";
      if (!rid) problem("resource-id", `<${itemName}> without id (line ${item.line})`);
      if (rid.length > 32) problem("resource-id", `resource id "${rid}" is ${rid.length} characters (max 32)`);
      if (resources.has(rid)) problem("resource-id", `resource id "${rid}" is defined twice`);
      resources.set(rid, { kind, element: item });
      if (kind === "short" || kind === "long") checkLocalised(item, `string "${rid}"`, "bt:Override", MAX_LENGTH[kind]);
      else if (!/^https:\/\/[^\s/]+/.test(item.attrs.DefaultValue ?? ""))
        problem("https", `${kind} resource "${rid}" = "${item.attrs.DefaultValue ?? ""}" is not an absolute https URL`);
    }
  }

  const referenced = new Set<string>();
  for (const element of descendants(overrides)) {
    const rid = element.attrs.resid;
    if (rid === undefined) continue;
    referenced.add(rid);
    const resource = resources.get(rid);
    const expected = RESID_KIND[element.name];
    if (!resource) problem("resid", `<${element.name} resid="${rid}"> (line ${element.line}) is not defined in Resources`);
    else if (expected && resource.kind !== expected)
      problem("resid", `<${element.name} resid="${rid}"> (line ${element.line}) points to a ${resource.kind} resource, expected ${expected}`);
  }
  for (const rid of resources.keys()) if (!referenced.has(rid)) problem("unused", `resource "${rid}" is never referenced`);

  // Ribbon: a button on the Home tab that shows the task pane at the add-in's SourceLocation
  const sourceLocation = child(child(root, "DefaultSettings") ?? root, "SourceLocation")?.attrs.DefaultValue;
  const homeTabs = descendants(overrides).filter((e) => e.name === "OfficeTab" && e.attrs.id === "TabHome");
  const showTaskpane = homeTabs
    .flatMap((tab) => descendants(tab))
    .filter((e) => e.name === "Control" && e.attrs["xsi:type"] === "Button")
    .map((control) => child(control, "Action"))
    .filter((action): action is XmlElement => action?.attrs["xsi:type"] === "ShowTaskpane");
  if (!showTaskpane.length) problem("ribbon", "no Button with a ShowTaskpane action on <OfficeTab id=\"TabHome\">");
  for (const action of showTaskpane) {
    const url = resources.get(child(action, "SourceLocation")?.attrs.resid ?? "")?.element.attrs.DefaultValue;
    if (url !== sourceLocation) problem("ribbon", `ShowTaskpane opens "${url}", but DefaultSettings/SourceLocation is "${sourceLocation}"`);
  }
  const controlIds = descendants(overrides).filter((e) => e.name === "Group" || e.name === "Control").map((e) => e.attrs.id ?? "");
  for (const cid of new Set(controlIds))
    if (!cid || controlIds.filter((x) => x === cid).length > 1) problem("ribbon", `Group/Control id "${cid}" is empty or not unique`);
  for (const icon of descendants(overrides).filter((e) => e.name === "Icon")) {
    const sizes = childrenNamed(icon, "bt:Image").map((i) => i.attrs.size);
    for (const size of ["16", "32", "80"]) if (!sizes.includes(size)) problem("icon", `<Icon> (line ${icon.line}) has no ${size}px image`);
  }

  // Files behind the development URLs exist; icons are PNGs of the size they are used at
  const checkLocalUrl = (url: string, what: string, size?: number) => {
    if (!url.startsWith(DEV_ORIGIN)) return;
    const path = url.slice(DEV_ORIGIN.length).replace(/[?#].*$/, "");
    const source = path.startsWith("assets/") ? path : BUILD_OUTPUTS[path];
    if (!source) {
      problem("file", `${what}: ${url} is not something the build emits`);
      return;
    }
    const content = options.readFile(source);
    if (!content) {
      problem("file", `${what}: ${url} needs ${source}, which does not exist`);
      return;
    }
    if (size !== undefined) {
      try {
        const png = readPng(content);
        if (png.width !== size || png.height !== size)
          problem("icon", `${what}: ${source} is ${png.width}×${png.height}, used as ${size}×${size}`);
      } catch (err) {
        problem("icon", `${what}: ${source} is not a valid PNG (${(err as Error).message})`);
      }
    }
  };
  checkLocalUrl(child(root, "IconUrl")?.attrs.DefaultValue ?? "", "IconUrl", 32);
  checkLocalUrl(child(root, "HighResolutionIconUrl")?.attrs.DefaultValue ?? "", "HighResolutionIconUrl", 64);
  checkLocalUrl(child(root, "SupportUrl")?.attrs.DefaultValue ?? "", "SupportUrl");
  checkLocalUrl(sourceLocation ?? "", "SourceLocation");
  for (const [rid, { kind, element }] of resources) {
    if (kind === "url") checkLocalUrl(element.attrs.DefaultValue ?? "", `url "${rid}"`);
  }
  // Each image resource is checked at every size it is used at (<bt:Image size="…" resid="…"/>).
  const imageUses = descendants(overrides).filter((e) => e.name === "bt:Image" && e.attrs.resid !== undefined);
  for (const use of imageUses) {
    const resource = resources.get(use.attrs.resid);
    if (resource?.kind !== "image") continue;
    checkLocalUrl(resource.element.attrs.DefaultValue ?? "", `image "${use.attrs.resid}" at size ${use.attrs.size}`, Number(use.attrs.size));
  }
  for (const [rid, { kind, element }] of resources) {
    if (kind === "image" && !imageUses.some((u) => u.attrs.resid === rid)) checkLocalUrl(element.attrs.DefaultValue ?? "", `image "${rid}"`);
  }

  return problems;
}
