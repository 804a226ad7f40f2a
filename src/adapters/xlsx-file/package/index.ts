/**
 * The reviewed copy: the user's own package with the output sheets added, and the results workbook (the output
 * sheets alone, linking out to the files that were checked).
 *
 * `addOutputSheets(bytes, plans)` edits the OOXML package the bytes hold (ZipPackage keeps every other entry's
 * stored bytes as they were). What changes:
 * - new parts: one worksheet per plan, and for 评价汇总's chart a drawing and a DrawingML chart (each with its
 *   relationships);
 * - xl/workbook.xml: <sheet> elements appended to <sheets>; defined names appended (each output sheet's hidden
 *   mark `_BPR_OutputSheet`, its print titles and its filter range); when a previous run's output sheets are
 *   removed, the sheet-scoped names after them are renumbered and the workbook view's active tab follows;
 * - xl/_rels/workbook.xml.rels and [Content_Types].xml: entries appended (and a removed sheet's entries taken out);
 * - xl/styles.xml: entries appended to its lists (nothing existing moves, see ./styles).
 * Nothing else: sheets, shared strings, calc chain, defined names' values, comments, drawings, charts, pivot caches,
 * VBA (an .xlsm stays macro-enabled: its content types are kept), custom XML, docProps are the original bytes.
 * docProps/app.xml's list of sheet titles is not updated (Excel rebuilds it on save and reads nothing from it).
 *
 * Ownership (what a previous run wrote, and is replaced): a sheet with an output name (plan.ts isOutputName) that
 * carries the hidden, sheet-scoped defined name `_BPR_OutputSheet` this writer adds — an exact mark no user text can
 * make — or, for copies written before that mark existed (and by the add-in), whose A2 is exactly one of the lines
 * the product writes there (it begins with the product's own wording, not merely contains the product's name).
 */
import { summarise } from "../../../engine";
import type { Report } from "../../../engine/model";
import { hasOutputMark, isOutputName, OUTPUT_SHEETS, outputSheetName, type PlanLink, type SheetPlan } from "../../../engine/summary/plan";
import { chartXml, drawingXml, type LinkTarget, linkLocation, NS_REL, REL_CHART, relsXml, sheetXml } from "./sheet";
import { minimalStyles, StyleBook, STYLES_CONTENT_TYPE } from "./styles";
import { attrs, esc, findAll, findElement, prefixOf, rootPrefix, setAttr, unesc } from "./xml";
import { ZipError, ZipPackage } from "./zip";

export { ZipError, ZipPackage } from "./zip";

/** The hidden, sheet-scoped defined name that marks an output sheet as the product's. */
export const MARK_NAME = "_BPR_OutputSheet";

const REL_OFFICE_DOC = ["http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"];
const REL_URIS = [NS_REL, "http://purl.oclc.org/ooxml/officeDocument/relationships"];
const CT_SHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const MACRO_MAIN = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";

export class PackageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PackageError";
  }
}

export interface WriteOptions {
  /**
   * Where a link goes. Default: an internal link when its sheet is in the workbook (and, when `file` is given,
   * the link's file is that file); otherwise text alone.
   */
  link?: (l: PlanLink, sheets: Set<string>) => LinkTarget;
  /** The file the package was read from (links naming another file are written as text). */
  file?: string;
}

export interface WriteResult {
  bytes: Uint8Array;
  /** The output sheets' names as written (an alternative name when a user's sheet holds the planned one). */
  sheets: string[];
  /** The package is macro-enabled (.xlsm): it must keep that extension. */
  macroEnabled: boolean;
  /** Output sheets of a previous run that were replaced. */
  replaced: string[];
}

interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
  text: string;
}

function dirOf(part: string): string {
  const i = part.lastIndexOf("/");
  return i < 0 ? "" : part.slice(0, i);
}

function relsPathOf(part: string): string {
  const d = dirOf(part);
  return `${d ? `${d}/` : ""}_rels/${part.slice(d ? d.length + 1 : 0)}.rels`;
}

/** A relationship target resolved against the part that holds it ("../drawings/d1.xml" from xl/worksheets/…). */
function resolve(from: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = (dirOf(from) ? dirOf(from).split("/") : []).concat(target.split("/"));
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return out.join("/");
}

function parseRels(xml: string | null): Rel[] {
  if (!xml) return [];
  const p = rootPrefix(xml, "Relationships");
  return findAll(xml, `${p}Relationship`).map((s) => {
    const a = attrs(s.open);
    return { id: a.Id ?? "", type: a.Type ?? "", target: a.Target ?? "", external: a.TargetMode === "External", text: s.text };
  });
}

function emptyRels(): string {
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
}

function addRel(xml: string, rel: { id: string; type: string; target: string }): string {
  const p = rootPrefix(xml, "Relationships");
  const el = `<${p}Relationship Id="${rel.id}" Type="${rel.type}" Target="${esc(rel.target)}"/>`;
  const close = `</${p}Relationships>`;
  const at = xml.lastIndexOf(close);
  if (at < 0) return xml.replace(/<(\w+:)?Relationships([^>]*)\/>/, `<$1Relationships$2>${el}</$1Relationships>`);
  return xml.slice(0, at) + el + xml.slice(at);
}

function removeText(xml: string, text: string): string {
  const at = xml.indexOf(text);
  return at < 0 ? xml : xml.slice(0, at) + xml.slice(at + text.length);
}

function unusedId(taken: Set<string>): string {
  for (let i = 1; ; i++) {
    const id = `rId${i}`;
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

function unusedPart(pkg: ZipPackage, taken: Set<string>, dir: string, stem: string): string {
  for (let i = 1; ; i++) {
    const name = `${dir}/${stem}${i}.xml`;
    if (!pkg.has(name) && !taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

class ContentTypes {
  constructor(public xml: string) {}
  private get p(): string {
    return rootPrefix(this.xml, "Types");
  }
  override(part: string, type: string): void {
    const el = `<${this.p}Override PartName="/${esc(part)}" ContentType="${type}"/>`;
    const close = `</${this.p}Types>`;
    const at = this.xml.lastIndexOf(close);
    if (at < 0) throw new PackageError("[Content_Types].xml has no Types element");
    this.xml = this.xml.slice(0, at) + el + this.xml.slice(at);
  }
  remove(part: string): void {
    for (const s of findAll(this.xml, `${this.p}Override`)) {
      if ((attrs(s.open).PartName ?? "").replace(/^\//, "").toLowerCase() === part.toLowerCase()) this.xml = removeText(this.xml, s.text);
    }
  }
  typeOf(part: string): string | null {
    for (const s of findAll(this.xml, `${this.p}Override`)) {
      const a = attrs(s.open);
      if ((a.PartName ?? "").replace(/^\//, "").toLowerCase() === part.toLowerCase()) return a.ContentType ?? null;
    }
    return null;
  }
}

/** The text of A2 on a worksheet part, resolved through the shared strings when needed. */
function a2Text(pkg: ZipPackage, sheetPart: string, sharedStrings: () => string[]): string | null {
  const xml = pkg.text(sheetPart);
  if (!xml) return null;
  const m = /<(\w+:)?c\b(?=[^>]*\br="A2")([^>]*?)(\/>|>([\s\S]*?)<\/(\w+:)?c>)/.exec(xml);
  if (!m || !m[4]) return null;
  const a = attrs(`<c ${m[2]}>`);
  const inner = m[4];
  const texts = (s: string) => [...s.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g)].map((x) => unesc(x[1])).join("");
  const v = /<(?:\w+:)?v>([\s\S]*?)<\/(?:\w+:)?v>/.exec(inner)?.[1];
  if (a.t === "s" && v !== undefined) return sharedStrings()[Number(v)] ?? null;
  if (a.t === "inlineStr") return texts(inner);
  if (a.t === "str" && v !== undefined) return unesc(v);
  return null;
}

function sharedStringsOf(pkg: ZipPackage, path: string | null): string[] {
  const xml = path ? pkg.text(path) : null;
  if (!xml) return [];
  const p = rootPrefix(xml, "sst");
  return findAll(xml, `${p}si`).map((s) =>
    [...xml.slice(s.innerStart, s.innerEnd).replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, "").matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g)]
      .map((x) => unesc(x[1]))
      .join(""),
  );
}

/** Validate plans the way every writer does. */
function validate(plans: SheetPlan[]): void {
  const seen = new Set<string>();
  for (const p of plans) {
    if (!(OUTPUT_SHEETS as readonly string[]).includes(p.name)) throw new PackageError(`Not an output sheet: ${p.name}`);
    if (seen.has(p.name)) throw new PackageError(`Output sheet planned twice: ${p.name}`);
    seen.add(p.name);
  }
}

/** Is this package macro-enabled (an .xlsm)? Reads [Content_Types].xml only. */
export function isMacroEnabled(bytes: Uint8Array): boolean {
  try {
    const pkg = ZipPackage.open(bytes);
    return (pkg.text("[Content_Types].xml") ?? "").includes(MACRO_MAIN);
  } catch {
    return false;
  }
}

/** The user's package with the output sheets added (see the file comment). Throws PackageError / ZipError. */
export function addOutputSheets(bytes: Uint8Array, plans: SheetPlan[], opts: WriteOptions = {}): WriteResult {
  validate(plans);
  const pkg = ZipPackage.open(bytes);
  return editPackage(pkg, plans, opts);
}

function editPackage(pkg: ZipPackage, plans: SheetPlan[], opts: WriteOptions): WriteResult {
  const rootRels = parseRels(pkg.text("_rels/.rels"));
  const main = rootRels.find((r) => REL_OFFICE_DOC.includes(r.type));
  if (!main) throw new PackageError("no workbook part");
  const wbPath = resolve("", main.target);
  let wb = pkg.text(wbPath);
  if (wb === null) throw new PackageError("no workbook part");
  const wbRelsPath = relsPathOf(wbPath);
  let wbRels = pkg.text(wbRelsPath) ?? emptyRels();
  const ctText = pkg.text("[Content_Types].xml");
  if (ctText === null) throw new PackageError("no [Content_Types].xml");
  const ct = new ContentTypes(ctText);
  const macroEnabled = ctText.includes(MACRO_MAIN);

  const p = rootPrefix(wb, "workbook");
  const r = prefixOf(wb, REL_URIS) ?? "r";
  if (!prefixOf(wb, REL_URIS)) wb = wb.replace(new RegExp(`<${p}workbook(?=[\\s>])`), `<${p}workbook xmlns:r="${NS_REL}"`);
  const rels = parseRels(wbRels);
  const relById = new Map(rels.map((x) => [x.id, x]));

  // Sheets as listed, and defined names.
  const sheetsEl = findElement(wb, `${p}sheets`);
  if (!sheetsEl) throw new PackageError("workbook has no sheets element");
  const sheetEls = findAll(wb, `${p}sheet`, sheetsEl.innerStart, sheetsEl.innerEnd).map((s) => {
    const a = attrs(s.open);
    const rel = relById.get(a[`${r}:id`] ?? "");
    return { span: s, name: a.name ?? "", sheetId: Number(a.sheetId ?? 0), rel, part: rel ? resolve(wbPath, rel.target) : null };
  });
  const namesEl = findElement(wb, `${p}definedNames`);
  const nameEls = namesEl ? findAll(wb, `${p}definedName`, namesEl.innerStart, namesEl.innerEnd) : [];
  const marked = new Set<number>();
  for (const n of nameEls) {
    const a = attrs(n.open);
    if (a.name === MARK_NAME && a.localSheetId !== undefined) marked.add(Number(a.localSheetId));
  }

  // A previous run's output sheets.
  let shared: string[] | null = null;
  const ssRel = rels.find((x) => x.type.endsWith("/sharedStrings"));
  const sharedStrings = () => (shared ??= sharedStringsOf(pkg, ssRel ? resolve(wbPath, ssRel.target) : null));
  const owned = sheetEls.map(
    (s, i) =>
      isOutputName(s.name) &&
      s.rel !== undefined &&
      s.rel.type.endsWith("/worksheet") &&
      (marked.has(i) || (s.part !== null && hasOutputMark(a2Text(pkg, s.part, sharedStrings)))),
  );
  const replaced = sheetEls.filter((_s, i) => owned[i]).map((s) => s.name);
  const newIndex: number[] = [];
  let kept = 0;
  sheetEls.forEach((_s, i) => newIndex.push(owned[i] ? -1 : kept++));

  // Remove them: their <sheet>, relationship, part, and the parts only they hold (drawings, charts).
  for (const [i, s] of sheetEls.entries()) {
    if (!owned[i] || !s.part || !s.rel) continue;
    const drop = (part: string, depth: number): void => {
      const partRels = parseRels(pkg.text(relsPathOf(part)));
      if (depth < 2) {
        for (const x of partRels) if (!x.external && (x.type.endsWith("/drawing") || x.type.endsWith("/chart"))) drop(resolve(part, x.target), depth + 1);
      }
      pkg.remove(relsPathOf(part));
      pkg.remove(part);
      ct.remove(part);
    };
    drop(s.part, 0);
    wbRels = removeText(wbRels, s.rel.text);
  }

  // Defined names: drop the removed sheets' own names, renumber the others, and note the kept names.
  let names = namesEl ? wb.slice(namesEl.innerStart, namesEl.innerEnd) : "";
  for (const n of nameEls) {
    const a = attrs(n.open);
    if (a.localSheetId === undefined) continue;
    const old = Number(a.localSheetId);
    const now = newIndex[old];
    if (now === undefined) continue;
    if (now < 0) names = removeText(names, n.text);
    else if (now !== old) names = names.replace(n.text, n.text.replace(n.open, setAttr(n.open, "localSheetId", String(now))));
  }

  // The new <sheets> content: kept entries (as they were) then ours.
  let sheetsInner = wb.slice(sheetsEl.innerStart, sheetsEl.innerEnd);
  for (const [i, s] of sheetEls.entries()) if (owned[i]) sheetsInner = removeText(sheetsInner, s.span.text);
  const keptNames = new Set(sheetEls.filter((_s, i) => !owned[i]).map((s) => s.name.toLowerCase()));
  const keptExact = new Set(sheetEls.filter((_s, i) => !owned[i]).map((s) => s.name));

  // Workbook view: the active tab follows its sheet; an old output sheet's place goes to the first new one.
  const viewEl = findElement(wb, `${p}workbookView`);
  const va = viewEl ? attrs(viewEl.open) : {};
  const oldActive = Number(va.activeTab ?? 0);
  const activeWasOurs = owned[oldActive] === true;
  const activeNow = activeWasOurs ? kept : (newIndex[oldActive] ?? 0);

  const relIds = new Set(parseRels(wbRels).map((x) => x.id));
  const takenParts = new Set<string>();
  let maxSheetId = Math.max(0, ...sheetEls.map((s) => s.sheetId));

  // Styles: the workbook's own (appended to), or a minimal part when it has none.
  let stylesRel = parseRels(wbRels).find((x) => x.type.endsWith("/styles"));
  let stylesPath = stylesRel ? resolve(wbPath, stylesRel.target) : null;
  const styles = new StyleBook((stylesPath && pkg.text(stylesPath)) || minimalStyles());
  if (!stylesPath) {
    stylesPath = `${dirOf(wbPath) ? `${dirOf(wbPath)}/` : ""}styles.xml`;
    const id = unusedId(relIds);
    stylesRel = { id, type: `${NS_REL}/styles`, target: relTarget(wbPath, stylesPath), external: false, text: "" };
    wbRels = addRel(wbRels, stylesRel);
    ct.override(stylesPath, STYLES_CONTENT_TYPE);
  }

  const finalNames: string[] = [];
  for (const plan of plans) {
    const name = outputSheetName(plan.name, (n) => keptNames.has(n.toLowerCase()));
    keptNames.add(name.toLowerCase());
    finalNames.push(name);
  }
  const allSheets = new Set([...keptExact, ...finalNames]);
  const linkOf =
    opts.link ??
    ((l: PlanLink, sheets: Set<string>): LinkTarget => {
      if (!sheets.has(l.sheet)) return null;
      if (opts.file !== undefined && l.file !== undefined && l.file !== opts.file) return null;
      const location = linkLocation(l);
      return location ? { location } : null;
    });

  const sheetXmlDir = `${dirOf(wbPath) ? `${dirOf(wbPath)}/` : ""}worksheets`;
  const base = dirOf(wbPath) ? `${dirOf(wbPath)}/` : "";
  const addedSheets: string[] = [];
  const addedNames: string[] = [];
  plans.forEach((plan, i) => {
    const name = finalNames[i];
    const index = kept + i;
    const part = unusedPart(pkg, takenParts, sheetXmlDir, "sheet");
    const sx = sheetXml(plan, name, styles, (l) => linkOf(l, allSheets), { selected: activeWasOurs && i === 0, relPrefix: "r" });
    const partRels = sx.rels.map((x) => ({ ...x }));
    if (sx.chart) {
      const drawing = unusedPart(pkg, takenParts, `${base}drawings`, "drawing");
      const chart = unusedPart(pkg, takenParts, `${base}charts`, "chart");
      pkg.write(chart, chartXml(plan, sx.chart.plan, name));
      pkg.write(drawing, drawingXml(sx.chart.plan, "rId1"));
      pkg.write(relsPathOf(drawing), relsXml([{ id: "rId1", type: REL_CHART, target: relTarget(drawing, chart), external: false }]));
      ct.override(drawing, CT_DRAWING);
      ct.override(chart, CT_CHART);
      const d = partRels.find((x) => x.id === sx.chart!.drawingRelId)!;
      d.target = relTarget(part, drawing);
    }
    pkg.write(part, sx.xml);
    if (partRels.length) pkg.write(relsPathOf(part), relsXml(partRels));
    ct.override(part, CT_SHEET);
    const id = unusedId(relIds);
    wbRels = addRel(wbRels, { id, type: `${NS_REL}/worksheet`, target: relTarget(wbPath, part) });
    addedSheets.push(`<${p}sheet name="${esc(name)}" sheetId="${++maxSheetId}" ${r}:id="${id}"/>`);
    const dn = (n: string, v: string, hidden: boolean) =>
      `<${p}definedName name="${n}" localSheetId="${index}"${hidden ? ' hidden="1"' : ""}>${esc(v)}</${p}definedName>`;
    addedNames.push(dn(MARK_NAME, `"${plan.name}"`, true));
    if (sx.filterRange) addedNames.push(dn("_xlnm._FilterDatabase", sx.filterRange, true));
    if (sx.printTitles) addedNames.push(dn("_xlnm.Print_Titles", sx.printTitles, false));
  });

  // workbook.xml, rebuilt from its own text with only these places changed.
  names += addedNames.join("");
  sheetsInner += addedSheets.join("");
  const edits: { start: number; end: number; text: string }[] = [];
  edits.push({ start: sheetsEl.innerStart, end: sheetsEl.innerEnd, text: sheetsInner });
  if (sheetsEl.open.endsWith("/>")) edits[0] = { start: sheetsEl.start, end: sheetsEl.end, text: `<${p}sheets>${sheetsInner}</${p}sheets>` };
  if (namesEl) {
    if (namesEl.open.endsWith("/>")) edits.push({ start: namesEl.start, end: namesEl.end, text: `<${p}definedNames>${names}</${p}definedNames>` });
    else edits.push({ start: namesEl.innerStart, end: namesEl.innerEnd, text: names });
  } else if (names) edits.push({ start: sheetsEl.end, end: sheetsEl.end, text: `<${p}definedNames>${names}</${p}definedNames>` });
  if (viewEl) {
    let open = setAttr(viewEl.open, "activeTab", String(activeNow));
    if (va.firstSheet !== undefined && Number(va.firstSheet) >= kept + plans.length) open = setAttr(open, "firstSheet", "0");
    if (open !== viewEl.open) edits.push({ start: viewEl.start, end: viewEl.start + viewEl.open.length, text: open });
  }
  edits.sort((a, b) => b.start - a.start);
  for (const e of edits) wb = wb.slice(0, e.start) + e.text + wb.slice(e.end);

  pkg.write(wbPath, wb);
  pkg.write(wbRelsPath, wbRels);
  pkg.write("[Content_Types].xml", ct.xml);
  if (styles.added) pkg.write(stylesPath, styles.toXml());
  else if (!pkg.has(stylesPath)) pkg.write(stylesPath, styles.toXml());
  return { bytes: pkg.toBytes(), sheets: finalNames, macroEnabled, replaced };
}

/** A relationship target from one part to another, relative to the first part's folder. */
function relTarget(from: string, to: string): string {
  const a = dirOf(from) ? dirOf(from).split("/") : [];
  const b = to.split("/");
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => ".."), ...b.slice(i)].join("/");
}

/** A new package that holds nothing but a workbook without sheets (the results workbook is built on it). */
function emptyWorkbookPackage(): ZipPackage {
  const pkg = ZipPackage.empty();
  pkg.write(
    "[Content_Types].xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>',
  );
  pkg.write(
    "_rels/.rels",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/>` +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>',
  );
  pkg.write(
    "docProps/core.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
      'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      `<dc:creator>预算绩效评价助手</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${new Date().toISOString().replace(/\.\d+Z$/, "Z")}</dcterms:created></cp:coreProperties>`,
  );
  pkg.write(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${NS_REL}">` +
      '<bookViews><workbookView activeTab="0"/></bookViews><sheets></sheets><calcPr calcId="191029"/></workbook>',
  );
  pkg.write("xl/_rels/workbook.xml.rels", emptyRels());
  return pkg;
}

export interface ResultsOptions {
  /**
   * A link's target file, relative to the results workbook ("报送/甲单位.xlsx"), or null for text alone. The link
   * opens that workbook at the finding's cell.
   */
  fileTarget: (file: string) => string | null;
}

/** "a b/甲#1.xlsx" → "a%20b/甲%231.xlsx": a relative URI for a hyperlink target (non-ASCII kept as is, as Excel writes it). */
export function hyperlinkPath(rel: string): string {
  return rel
    .replace(/\\/g, "/")
    .split("/")
    .map((seg) => seg.replace(/[%# ?]/g, (c) => encodeURIComponent(c)))
    .join("/");
}

/** The results workbook: the output sheets alone; every link opens the checked file at the finding's cell. */
export function resultsWorkbook(plans: SheetPlan[], opts: ResultsOptions): WriteResult {
  validate(plans);
  const pkg = emptyWorkbookPackage();
  return editPackage(pkg, plans, {
    link: (l) => {
      const file = l.file !== undefined ? opts.fileTarget(l.file) : null;
      const location = linkLocation(l);
      return file !== null && location ? { location, external: hyperlinkPath(file) } : null;
    },
  });
}

export function isZipError(e: unknown): boolean {
  return e instanceof ZipError || e instanceof PackageError;
}

/** The report narrowed to one file, for that file's own reviewed copy: its projects, findings, reviews and counts. */
export function onlyFile(report: Report, file: string): Report {
  const projects = report.projects.filter((p) => p.location.file === file);
  const findings = report.findings.filter((f) => f.file === file);
  return {
    ...report,
    projects,
    findings,
    reviews: report.reviews.filter((r) => r.location.file === file),
    sheets: report.sheets.filter((s) => s.file === file),
    summary: summarise(1, projects, findings),
  };
}
