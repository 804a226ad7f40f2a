/**
 * Helpers for the writer tests: a minimal .xlsx (zip) reader on node:zlib, to look at the sheet XML that
 * exceljs wrote (formula elements, hyperlink elements) without another dependency; and a snapshot of a
 * worksheet's cells, merges, widths and views to prove a user's sheet is unchanged.
 */
import { inflateRawSync } from "node:zlib";
import type { Worksheet } from "exceljs";

/** Every entry of a zip archive as text (stored or deflated entries). */
export function unzipText(buf: Buffer): Map<string, string> {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("not a zip");
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, string>();
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error("bad central directory");
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLen);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    out.set(name, (method === 0 ? data : inflateRawSync(data)).toString("utf8"));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

function decode(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** Sheet name → its worksheet XML and that part's relationships (Id → Target). */
export function sheetParts(files: Map<string, string>): Map<string, { xml: string; rels: Map<string, string> }> {
  const book = files.get("xl/workbook.xml") ?? "";
  const bookRels = files.get("xl/_rels/workbook.xml.rels") ?? "";
  const targets = new Map<string, string>();
  for (const m of bookRels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.replace(/^\/?(xl\/)?/, "xl/"));
  }
  const out = new Map<string, { xml: string; rels: Map<string, string> }>();
  for (const m of book.matchAll(/<sheet\b[^>]*>/g)) {
    const name = decode(/\bname="([^"]*)"/.exec(m[0])?.[1] ?? "");
    const rid = /\br:id="([^"]+)"/.exec(m[0])?.[1] ?? "";
    const path = targets.get(rid) ?? "";
    const relsPath = path.replace(/([^/]+)$/, "_rels/$1.rels");
    const rels = new Map<string, string>();
    for (const r of (files.get(relsPath) ?? "").matchAll(/<Relationship\b[^>]*>/g)) {
      const id = /\bId="([^"]+)"/.exec(r[0])?.[1];
      const target = /\bTarget="([^"]*)"/.exec(r[0])?.[1];
      if (id && target !== undefined) rels.set(id, decode(target));
    }
    out.set(name, { xml: files.get(path) ?? "", rels });
  }
  return out;
}

/** The <c> element for an address in a sheet's XML ("" when absent). */
export function cellXml(xml: string, address: string): string {
  const m = new RegExp(`<c r="${address}"[^>]*?(?:/>|>[\\s\\S]*?</c>)`).exec(xml);
  return m ? m[0] : "";
}

/** <hyperlink> elements: ref → attributes. */
export function hyperlinks(xml: string): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  for (const m of xml.matchAll(/<hyperlink\b([^>]*)\/?>/g)) {
    const attrs: Record<string, string> = {};
    for (const a of m[1].matchAll(/([\w:]+)="([^"]*)"/g)) attrs[a[1]] = decode(a[2]);
    out.set(attrs.ref, attrs);
  }
  return out;
}

/** Everything a user could see of a worksheet, as plain JSON. */
export function snapshot(ws: Worksheet): unknown {
  const cells: Record<string, unknown> = {};
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      cells[`${r}:${c}`] = {
        value: JSON.parse(JSON.stringify(cell.value ?? null)),
        formula: cell.formula ?? null,
        type: cell.type,
        numFmt: cell.numFmt ?? null,
        style: JSON.parse(JSON.stringify(cell.style ?? {})),
        master: cell.isMerged ? cell.master.address : null,
        validation: JSON.parse(JSON.stringify(cell.dataValidation ?? null)),
      };
    });
  });
  const columns: unknown[] = [];
  for (let c = 1; c <= ws.columnCount; c++) columns.push(ws.getColumn(c).width ?? null);
  const heights: unknown[] = [];
  for (let r = 1; r <= ws.rowCount; r++) heights.push(ws.getRow(r).height ?? null);
  return {
    name: ws.name,
    cells,
    merges: [...((ws.model as unknown as { merges?: string[] }).merges ?? [])].sort(),
    columns,
    heights,
    views: JSON.parse(JSON.stringify(ws.views)),
  };
}
