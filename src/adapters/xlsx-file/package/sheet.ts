/**
 * One output sheet (SheetPlan) as SpreadsheetML: the worksheet part, and for 评价汇总 its grade chart as a
 * DrawingML chart with its drawing. Strings are inline strings (t="inlineStr": the workbook's shared strings part
 * is never touched), always text — no <f> is ever written, so "=HYPERLINK(…)" stays text. Numbers are numbers
 * with the plan's format; a non-finite number leaves the cell empty. The sheet applies everything a SheetPlan
 * carries: widths, row heights, merges, frozen header, AutoFilter, links, print setup (PagePlan) and the chart.
 */
import { parseA1 } from "../../../engine/grid";
import type { ChartPlan, PlanLink, SheetPlan } from "../../../engine/summary/plan";
import type { StyleBook } from "./styles";
import { colName, esc } from "./xml";

/** Excel's limit on the characters of one cell. */
export const MAX_CELL_TEXT = 32767;

export const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const REL_HYPERLINK = `${NS_REL}/hyperlink`;
export const REL_DRAWING = `${NS_REL}/drawing`;
export const REL_CHART = `${NS_REL}/chart`;

/** Where a plan link goes in the workbook being written. */
export type LinkTarget = { location: string; external?: string } | null;

export interface SheetXml {
  xml: string;
  /** Relationships of the sheet part (id, type, target, external). */
  rels: { id: string; type: string; target: string; external: boolean }[];
  /** The print titles and filter range, for the workbook's defined names. */
  printTitles?: string;
  filterRange?: string;
  /** The chart to add (drawing rel id already in `rels`). */
  chart?: { drawingRelId: string; plan: ChartPlan };
}

/** "Sheet 1" → "'Sheet 1'" (quotes doubled inside). */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** "A1:B3" → "$A$1:$B$3" on a quoted sheet. */
export function absRange(sheet: string, range: string): string {
  const abs = range
    .split(":")
    .map((a) => {
      const p = parseA1(a.replace(/\$/g, ""));
      return p ? `$${colName(p.col)}$${p.row + 1}` : a;
    })
    .join(":");
  return `${quoteSheet(sheet)}!${abs}`;
}

/** A cell's location string for a hyperlink ("'明细'!B12"), or null when the address is not A1. */
export function linkLocation(l: PlanLink): string | null {
  const p = parseA1(l.cell.replace(/\$/g, ""));
  return p ? `${quoteSheet(l.sheet)}!${colName(p.col)}${p.row + 1}` : null;
}

function clampText(s: string): string {
  return s.length > MAX_CELL_TEXT ? `${s.slice(0, MAX_CELL_TEXT - 1)}…` : s;
}

function num(v: number): string {
  return String(v);
}

export function sheetXml(
  plan: SheetPlan,
  name: string,
  styles: StyleBook,
  link: (l: PlanLink) => LinkTarget,
  opts: { selected: boolean; relPrefix: string },
): SheetXml {
  const r = opts.relPrefix;
  const rels: SheetXml["rels"] = [];
  const links: string[] = [];
  const rows: string[] = [];
  let maxCol = 0;
  plan.rows.forEach((cells, ri) => {
    const out: string[] = [];
    cells.forEach((pc, ci) => {
      if (pc.v === null && !pc.style && !pc.border) return;
      const ref = `${colName(ci)}${ri + 1}`;
      const target = pc.v !== null && pc.link ? link(pc.link) : null;
      const s = styles.xf(pc, target !== null);
      maxCol = Math.max(maxCol, ci);
      if (pc.v === null || (typeof pc.v === "number" && !Number.isFinite(pc.v))) out.push(`<c r="${ref}" s="${s}"/>`);
      else if (typeof pc.v === "number") out.push(`<c r="${ref}" s="${s}"><v>${num(pc.v)}</v></c>`);
      else out.push(`<c r="${ref}" s="${s}" t="inlineStr"><is><t xml:space="preserve">${esc(clampText(pc.v))}</t></is></c>`);
      if (target) {
        const display = esc(clampText(String(pc.v)).slice(0, 255));
        if (target.external !== undefined) {
          const id = `rId${rels.length + 1}`;
          rels.push({ id, type: REL_HYPERLINK, target: target.external, external: true });
          links.push(`<hyperlink ref="${ref}" ${r}:id="${id}" location="${esc(target.location)}" display="${display}"/>`);
        } else {
          links.push(`<hyperlink ref="${ref}" location="${esc(target.location)}" display="${display}"/>`);
        }
      }
    });
    const height = plan.rowHeights?.[ri] ?? (plan.rowHeights === undefined && cells.some((pc) => pc.style === "title" && pc.v !== null) ? 26 : null);
    const ht = height !== null && height !== undefined && height > 0 ? ` ht="${height}" customHeight="1"` : "";
    if (out.length || ht) rows.push(`<row r="${ri + 1}"${ht}>${out.join("")}</row>`);
  });
  // Row heights beyond the last planned row.
  (plan.rowHeights ?? []).forEach((h, ri) => {
    if (ri >= plan.rows.length && h) rows.push(`<row r="${ri + 1}" ht="${h}" customHeight="1"/>`);
  });

  const page = plan.page;
  const parts: string[] = [];
  parts.push(
    `<worksheet xmlns="${NS_MAIN}" xmlns:${r}="${NS_REL}">`,
    page?.fitToWidth ? `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` : "",
    `<dimension ref="A1:${colName(Math.max(maxCol, plan.widths.length - 1, 0))}${Math.max(plan.rows.length, 1)}"/>`,
  );
  const sel = opts.selected ? ' tabSelected="1"' : "";
  if (plan.freezeRows > 0) {
    const top = `A${plan.freezeRows + 1}`;
    parts.push(
      `<sheetViews><sheetView${sel} workbookViewId="0"><pane ySplit="${plan.freezeRows}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/>` +
        `<selection pane="bottomLeft" activeCell="${top}" sqref="${top}"/></sheetView></sheetViews>`,
    );
  } else parts.push(`<sheetViews><sheetView${sel} workbookViewId="0"/></sheetViews>`);
  parts.push(`<sheetFormatPr defaultRowHeight="15"/>`);
  const cols = plan.widths.map((w, i) => (w > 0 ? `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>` : "")).join("");
  if (cols) parts.push(`<cols>${cols}</cols>`);
  parts.push(rows.length ? `<sheetData>${rows.join("")}</sheetData>` : "<sheetData/>");
  let filterRange: string | undefined;
  if (plan.filter) {
    parts.push(`<autoFilter ref="${esc(plan.filter)}"/>`);
    filterRange = absRange(name, plan.filter);
  }
  const merges = plan.merges.filter((m) => m.bottom > m.top || m.right > m.left);
  if (merges.length) {
    parts.push(
      `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${colName(m.left)}${m.top + 1}:${colName(m.right)}${m.bottom + 1}"/>`).join("")}</mergeCells>`,
    );
  }
  if (links.length) parts.push(`<hyperlinks>${links.join("")}</hyperlinks>`);
  const mg = page?.margins ?? { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };
  parts.push(`<pageMargins left="${mg.left}" right="${mg.right}" top="${mg.top}" bottom="${mg.bottom}" header="${mg.header}" footer="${mg.footer}"/>`);
  if (page) {
    parts.push(
      `<pageSetup paperSize="9" orientation="${page.orientation}"${page.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : ""}/>`,
    );
    if (page.headerCenter || page.footerCenter) {
      parts.push(
        `<headerFooter>${page.headerCenter ? `<oddHeader>${esc(`&C${page.headerCenter}`)}</oddHeader>` : ""}` +
          `${page.footerCenter ? `<oddFooter>${esc(`&C${page.footerCenter}`)}</oddFooter>` : ""}</headerFooter>`,
      );
    }
  }
  let chart: SheetXml["chart"];
  if (plan.chart) {
    const id = `rId${rels.length + 1}`;
    rels.push({ id, type: REL_DRAWING, target: "", external: false });
    parts.push(`<drawing ${r}:id="${id}"/>`);
    chart = { drawingRelId: id, plan: plan.chart };
  }
  parts.push("</worksheet>");
  const printTitles = page?.printTitleRows ? `${quoteSheet(name)}!$${page.printTitleRows.from + 1}:$${page.printTitleRows.to + 1}` : undefined;
  return { xml: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${parts.join("")}`, rels, printTitles, filterRange, chart };
}

// ---------------------------------------------------------------------------------------------- chart

/** The plan's values in a range of its own rows (the chart's cached data, so it draws before any recalculation). */
function rangeValues(plan: SheetPlan, range: string): (string | number | null)[] {
  const [a, b] = range.split(":").map((x) => parseA1(x.replace(/\$/g, "")));
  if (!a) return [];
  const end = b ?? a;
  const out: (string | number | null)[] = [];
  for (let r = a.row; r <= end.row; r++) for (let c = a.col; c <= end.col; c++) out.push(plan.rows[r]?.[c]?.v ?? null);
  return out;
}

export function chartXml(plan: SheetPlan, chart: ChartPlan, sheetName: string): string {
  const cats = rangeValues(plan, chart.categories);
  const vals = rangeValues(plan, chart.values);
  const pts = (xs: (string | number | null)[], numeric: boolean) =>
    xs
      .map((v, i) => (v === null || (numeric && typeof v !== "number") ? "" : `<c:pt idx="${i}"><c:v>${esc(String(v))}</c:v></c:pt>`))
      .join("");
  const tx = chart.seriesName ? `<c:tx><c:v>${esc(chart.seriesName)}</c:v></c:tx>` : "";
  const dLbls =
    '<c:dLbls><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>';
  const data =
    `<c:cat><c:strRef><c:f>${esc(absRange(sheetName, chart.categories))}</c:f><c:strCache><c:ptCount val="${cats.length}"/>${pts(cats, false)}</c:strCache></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${esc(absRange(sheetName, chart.values))}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${vals.length}"/>${pts(vals, true)}</c:numCache></c:numRef></c:val>`;
  const body =
    chart.type === "pie"
      ? `<c:pieChart><c:varyColors val="1"/><c:ser><c:idx val="0"/><c:order val="0"/>${tx}${dLbls}${data}</c:ser><c:firstSliceAng val="0"/></c:pieChart>`
      : `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/>${tx}` +
        `<c:spPr><a:solidFill><a:srgbClr val="4472C4"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>${dLbls}${data}</c:ser>` +
        `<c:gapWidth val="80"/><c:axId val="50010001"/><c:axId val="50010002"/></c:barChart>` +
        `<c:catAx><c:axId val="50010001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>` +
        `<c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="50010002"/><c:crosses val="autoZero"/>` +
        `<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
        `<c:valAx><c:axId val="50010002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>` +
        `<c:majorGridlines/><c:numFmt formatCode="0" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="50010001"/>` +
        `<c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
    `xmlns:r="${NS_REL}"><c:roundedCorners val="0"/><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${esc(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${body}</c:plotArea>` +
    `${chart.type === "pie" ? '<c:legend><c:legendPos val="r"/><c:overlay val="0"/></c:legend>' : ""}` +
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>'
  );
}

export function drawingXml(chart: ChartPlan, chartRelId: string): string {
  const from = parseA1(chart.anchor.replace(/\$/g, "")) ?? { row: 0, col: 0 };
  const toCell = chart.to ? parseA1(chart.to.replace(/\$/g, "")) : null;
  const to = toCell ? { row: toCell.row + 1, col: toCell.col + 1 } : { row: from.row + 15, col: from.col + 7 };
  const pos = (tag: string, p: { row: number; col: number }) =>
    `<xdr:${tag}><xdr:col>${p.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
    `<xdr:twoCellAnchor>${pos("from", from)}${pos("to", to)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="${esc(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
    `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${NS_REL}" r:id="${chartRelId}"/>` +
    "</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>"
  );
}

export function relsXml(rels: { id: string; type: string; target: string; external: boolean }[]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    rels.map((x) => `<Relationship Id="${x.id}" Type="${x.type}" Target="${esc(x.target)}"${x.external ? ' TargetMode="External"' : ""}/>`).join("") +
    "</Relationships>"
  );
}
