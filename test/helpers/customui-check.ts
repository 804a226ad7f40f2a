/**
 * Offline structural check of a WPS add-in's ribbon.xml against the CustomUI schema (Office's customui.xsd, which
 * WPS reads: 2006/01 or 2009/07 namespace), for the part of it a ribbon tab uses — root and namespace, element
 * order and nesting (customUI → ribbon → tabs → tab → group → controls), which attributes each element may have,
 * exactly one of id / idMso / idQ, ids that are XML names and unique, attribute pairs that exclude each other
 * (label / getLabel, image / imageMso / getImage, size / getSize, …), enumerations and booleans, text lengths —
 * plus this project's policy: every callback names a function the entry page defines. Returns problems, each
 * starting with a code in brackets ("[order] …"), so a test can assert why a broken ribbon is rejected.
 */
import { type XmlElement, parseXml } from "./xml";

export const CUSTOMUI_NAMESPACES = ["http://schemas.microsoft.com/office/2006/01/customui", "http://schemas.microsoft.com/office/2009/07/customui"];

const BOOLEAN = /^(true|false|1|0)$/;
/** xsd:ID: an NCName. */
const NCNAME = /^[A-Za-z_][\w.-]*$/;
const MAX_TEXT = 1024;

const ID_ATTRS = ["id", "idMso", "idQ"];
const COMMON = ["tag", "keytip", "getKeytip", "visible", "getVisible", "insertAfterMso", "insertBeforeMso", "insertAfterQ", "insertBeforeQ"];
const LABELLED = ["label", "getLabel", "screentip", "getScreentip", "supertip", "getSupertip"];
const IMAGED = ["image", "imageMso", "getImage", "showImage", "getShowImage", "showLabel", "getShowLabel"];
const ACTION = ["onAction", "enabled", "getEnabled", "description", "getDescription"];

interface ElementRule {
  attrs: string[];
  /** Allowed children, in the order they must appear (null: no children). */
  children: string[] | null;
  /** Children that may appear in any order among themselves (controls of a group). */
  anyOrder?: boolean;
  /** Needs exactly one of id / idMso / idQ. */
  identified?: boolean;
}

const CONTROLS = ["button", "toggleButton", "checkBox", "editBox", "comboBox", "dropDown", "gallery", "menu", "splitButton", "box", "buttonGroup", "labelControl", "separator", "control"];

const RULES: Record<string, ElementRule> = {
  customUI: { attrs: ["xmlns", "onLoad", "loadImage"], children: ["commands", "ribbon", "backstage", "contextMenus"] },
  commands: { attrs: [], children: ["command"], anyOrder: true },
  command: { attrs: ["idMso", "onAction", "enabled", "getEnabled"], children: null },
  ribbon: { attrs: ["startFromScratch"], children: ["officeMenu", "qat", "tabs", "contextualTabs"] },
  tabs: { attrs: [], children: ["tab"], anyOrder: true },
  tab: { attrs: [...ID_ATTRS, ...COMMON, "label", "getLabel"], children: ["group"], anyOrder: true, identified: true },
  group: { attrs: [...ID_ATTRS, ...COMMON, ...LABELLED, "image", "imageMso", "getImage", "autoScale", "centerVertically"], children: [...CONTROLS, "dialogBoxLauncher"], anyOrder: true, identified: true },
  button: { attrs: [...ID_ATTRS, ...COMMON, ...LABELLED, ...IMAGED, ...ACTION, "size", "getSize"], children: null, identified: true },
  toggleButton: { attrs: [...ID_ATTRS, ...COMMON, ...LABELLED, ...IMAGED, ...ACTION, "size", "getSize", "getPressed"], children: null, identified: true },
  separator: { attrs: ["id", "idQ", ...COMMON], children: null },
};

/** Attribute groups of which at most one may be given. */
const EXCLUSIVE = [
  ["label", "getLabel"],
  ["image", "imageMso", "getImage"],
  ["size", "getSize"],
  ["visible", "getVisible"],
  ["enabled", "getEnabled"],
  ["screentip", "getScreentip"],
  ["supertip", "getSupertip"],
  ["showImage", "getShowImage"],
  ["showLabel", "getShowLabel"],
  ["description", "getDescription"],
  ["insertAfterMso", "insertBeforeMso", "insertAfterQ", "insertBeforeQ"],
];

const BOOLEAN_ATTRS = ["startFromScratch", "visible", "enabled", "showImage", "showLabel", "autoScale", "centerVertically"];
const TEXT_ATTRS = ["label", "screentip", "supertip", "description", "keytip", "tag"];
/** Attributes whose value is a callback's name. */
export const CALLBACK_ATTRS = ["onLoad", "loadImage", "onAction", "getLabel", "getImage", "getVisible", "getEnabled", "getSize", "getScreentip", "getSupertip", "getShowImage", "getShowLabel", "getDescription", "getKeytip", "getPressed"];

export interface CustomUICheckOptions {
  /** Callback names the entry page defines ("ribbon.OnAction"); every callback attribute must name one. */
  callbacks: ReadonlySet<string>;
}

export function checkCustomUI(source: string, options: CustomUICheckOptions): string[] {
  const problems: string[] = [];
  let root: XmlElement;
  try {
    root = parseXml(source);
  } catch (e) {
    return [`[xml] ${(e as Error).message}`];
  }
  if (root.name !== "customUI") return [`[root] the root element is <${root.name}>, not <customUI>`];
  if (!CUSTOMUI_NAMESPACES.includes(root.attrs.xmlns ?? "")) problems.push(`[namespace] xmlns="${root.attrs.xmlns ?? ""}" is not a CustomUI namespace`);
  const ids = new Map<string, number>();

  const visit = (el: XmlElement, parent: string | null) => {
    const rule = RULES[el.name];
    if (!rule) {
      problems.push(`[element] <${el.name}> (line ${el.line}) is not allowed${parent ? ` in <${parent}>` : ""}`);
      return;
    }
    for (const attr of Object.keys(el.attrs)) {
      if (!rule.attrs.includes(attr) && !(el.name === "customUI" && attr.startsWith("xmlns"))) {
        problems.push(`[attribute] <${el.name}> (line ${el.line}) has no attribute "${attr}"`);
      }
    }
    if (rule.identified) {
      const given = ID_ATTRS.filter((a) => a in el.attrs);
      if (given.length !== 1) problems.push(`[id] <${el.name}> (line ${el.line}) needs exactly one of id, idMso, idQ (has ${given.length})`);
    }
    const id = el.attrs.id;
    if (id !== undefined) {
      if (!NCNAME.test(id)) problems.push(`[id] "${id}" (line ${el.line}) is not an XML name`);
      if (ids.has(id)) problems.push(`[id] "${id}" (line ${el.line}) is used twice (first on line ${ids.get(id)})`);
      else ids.set(id, el.line);
    }
    for (const group of EXCLUSIVE) {
      const given = group.filter((a) => a in el.attrs);
      if (given.length > 1) problems.push(`[exclusive] <${el.name}> (line ${el.line}) has both ${given.join(" and ")}`);
    }
    for (const a of BOOLEAN_ATTRS) {
      if (a in el.attrs && !BOOLEAN.test(el.attrs[a])) problems.push(`[value] ${a}="${el.attrs[a]}" (line ${el.line}) is not a boolean`);
    }
    if ("size" in el.attrs && !["normal", "large"].includes(el.attrs.size)) problems.push(`[value] size="${el.attrs.size}" (line ${el.line}) is not normal or large`);
    for (const a of TEXT_ATTRS) {
      if (a in el.attrs && (el.attrs[a].length === 0 || el.attrs[a].length > MAX_TEXT)) problems.push(`[value] ${a} (line ${el.line}) must have 1–${MAX_TEXT} characters`);
    }
    for (const a of CALLBACK_ATTRS) {
      if (a in el.attrs && !options.callbacks.has(el.attrs[a])) problems.push(`[callback] ${a}="${el.attrs[a]}" (line ${el.line}) names no function of the entry page`);
    }
    if (rule.children === null) {
      if (el.children.length > 0) problems.push(`[element] <${el.name}> (line ${el.line}) cannot have child elements`);
      return;
    }
    let last = -1;
    for (const c of el.children) {
      const at = rule.children.indexOf(c.name);
      if (at < 0) {
        problems.push(`[element] <${c.name}> (line ${c.line}) is not allowed in <${el.name}>`);
        continue;
      }
      if (!rule.anyOrder) {
        if (at <= last) problems.push(`[order] <${c.name}> (line ${c.line}) is out of order or repeated in <${el.name}>`);
        last = at;
      }
      visit(c, el.name);
    }
    if (el.name === "group" && el.children.some((c, i) => c.name === "dialogBoxLauncher" && i !== el.children.length - 1)) {
      problems.push(`[order] <dialogBoxLauncher> must be the last child of <group> (line ${el.line})`);
    }
  };
  visit(root, null);
  return problems;
}

/** The tabs (label) and their buttons (id, label, onAction) of a ribbon, for policy checks. */
export function ribbonButtons(source: string): { tab: string; id: string; label: string; onAction: string }[] {
  const out: { tab: string; id: string; label: string; onAction: string }[] = [];
  const root = parseXml(source);
  const walk = (el: XmlElement, tab: string) => {
    const t = el.name === "tab" ? (el.attrs.label ?? "") : tab;
    if (el.name === "button") out.push({ tab: t, id: el.attrs.id ?? "", label: el.attrs.label ?? "", onAction: el.attrs.onAction ?? "" });
    for (const c of el.children) walk(c, t);
  };
  walk(root, "");
  return out;
}
