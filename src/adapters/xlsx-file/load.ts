/**
 * Loading an .xlsx buffer with exceljs, turning every way a file can be wrong into a LoadError with a
 * message key (src/i18n) instead of a stack trace. exceljs is passed in, so the browser can load it lazily.
 *
 * sniff() looks at the bytes before exceljs does: it reads the zip's central directory (entry names and
 * sizes, nothing is decompressed) or an OLE compound file's directory (stream names), and recognises the
 * text formats that get saved with an Excel extension. It never throws and reads only the buffer it is
 * given, so it is safe on anything (tests feed it random bytes). No Node-only API: it runs in the browser too.
 */
import type { Workbook } from "exceljs";
import type { MessageKey } from "../../i18n";

export type LoadErrorCode =
  | "empty"
  | "missing"
  | "denied"
  | "notZip"
  | "truncated"
  | "encrypted"
  | "legacyXls"
  | "ole"
  | "csv"
  | "html"
  | "xml2003"
  | "otherOffice"
  | "xlsb"
  | "ods"
  | "noWorkbook"
  | "tooLarge"
  | "corrupt"
  | "notXlsx"
  | "unreadable"
  | "pdf"
  | "image"
  | "archive"
  | "tooManyCells"
  | "timeLimit"
  | "inflateLimit"
  | "fileTooLarge";

/** A spreadsheet format the product reads, as recognised from the bytes (BIFF covers .xls and WPS's .et). */
export type FileFormat = "xlsx" | "xlsm" | "xls" | "ods" | "xlsb";

export class LoadError extends Error {
  constructor(
    readonly code: LoadErrorCode,
    readonly file: string,
    /** Detail for the message's {reason} (tooLarge: the size; corrupt/unreadable: the parser's words). */
    readonly reason: string = "",
  ) {
    super(`${file}: ${code}${reason ? ` (${reason})` : ""}`);
    this.name = "LoadError";
  }

  get messageKey(): MessageKey {
    return `load.${this.code}` as MessageKey;
  }
}

/**
 * Largest total uncompressed size accepted (all zip entries together). exceljs holds every part in memory
 * and needs roughly ten times the XML size while parsing; a 150,000-row ledger is ~50 MB of XML. Anything
 * past this is a zip bomb or a sheet no finance officer needs checked as a template.
 */
export const MAX_UNCOMPRESSED_BYTES = 1024 * 1024 * 1024;

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(buf: Uint8Array, sig: number[]): boolean {
  if (buf.length < sig.length) return false;
  return sig.every((b, i) => buf[i] === b);
}

function contains(buf: Uint8Array, needle: Uint8Array, limit = buf.length): boolean {
  const end = Math.min(buf.length, limit) - needle.length;
  outer: for (let i = 0; i <= end; i++) {
    for (let j = 0; j < needle.length; j++) if (buf[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

function utf16le(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) out[i * 2] = s.charCodeAt(i);
  return out;
}

function u16(buf: Uint8Array, at: number): number {
  return buf[at] | (buf[at + 1] << 8);
}

function u32(buf: Uint8Array, at: number): number {
  return (buf[at] | (buf[at + 1] << 8) | (buf[at + 2] << 16)) + buf[at + 3] * 0x1000000;
}

function u64(buf: Uint8Array, at: number): number {
  return u32(buf, at) + u32(buf, at + 4) * 0x100000000;
}

// ---------------------------------------------------------------------------------------------- zip

export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  /** Offset of the entry's local header. */
  offset: number;
  /** Compression method (0 stored, 8 deflate) and CRC-32, as the central directory states them. */
  method?: number;
  crc?: number;
}

/**
 * The entries listed in a zip's central directory, or null when there is no complete directory (a
 * truncated download, or not a zip at all). Reads only headers; decompresses nothing.
 */
export function zipEntries(buf: Uint8Array): ZipEntry[] | null {
  // End of central directory record: 22 bytes + a comment of up to 65,535 bytes, at the end (some writers
  // pad after it). The signature can occur by chance, so each candidate must lead to a valid directory.
  const minEocd = Math.max(0, buf.length - 22 - 0xffff - 1024);
  for (let i = buf.length - 22; i >= minEocd; i--) {
    if (buf[i] === 0x50 && buf[i + 1] === 0x4b && buf[i + 2] === 0x05 && buf[i + 3] === 0x06 && i + 22 + u16(buf, i + 20) <= buf.length) {
      const entries = centralDirectory(buf, i);
      if (entries) return entries;
    }
  }
  return null;
}

function centralDirectory(buf: Uint8Array, eocd: number): ZipEntry[] | null {
  let count = u16(buf, eocd + 10);
  let cdSize = u32(buf, eocd + 12);
  let cdOffset = u32(buf, eocd + 16);
  // The central directory ends where the end records begin.
  let cdEnd = eocd;
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    // Zip64: a locator just before the end record points at the zip64 end record, which usually sits
    // right before the locator (its declared offset is off by any data prepended to the archive).
    const loc = eocd - 20;
    if (loc < 0 || u32(buf, loc) !== 0x07064b50) return null;
    const declared = u64(buf, loc + 8);
    const rec = declared + 56 <= buf.length && u32(buf, declared) === 0x06064b50 ? declared : loc - 56;
    if (rec < 0 || u32(buf, rec) !== 0x06064b50) return null;
    count = u64(buf, rec + 32);
    cdSize = u64(buf, rec + 40);
    cdOffset = u64(buf, rec + 48);
    cdEnd = rec;
  }
  // Data prepended to the archive (self-extractors) shifts every offset by the same amount.
  const shift = cdEnd - cdSize - cdOffset;
  if (shift < 0) return null;
  let p = cdOffset + shift;
  const end = p + cdSize;
  if (end > buf.length) return null;
  const decoder = new TextDecoder("utf-8", { fatal: false });
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (p + 46 > end || u32(buf, p) !== 0x02014b50) return null;
    const nameLen = u16(buf, p + 28);
    const extraLen = u16(buf, p + 30);
    const commentLen = u16(buf, p + 32);
    if (p + 46 + nameLen + extraLen + commentLen > end) return null;
    let compressedSize = u32(buf, p + 20);
    let uncompressedSize = u32(buf, p + 24);
    let offset = u32(buf, p + 42);
    // Zip64 extended information: the 8-byte values that were 0xFFFFFFFF in the header, in this order.
    let x = p + 46 + nameLen;
    const xEnd = x + extraLen;
    while (x + 4 <= xEnd) {
      const id = u16(buf, x);
      const size = u16(buf, x + 2);
      if (id === 0x0001) {
        let q = x + 4;
        if (uncompressedSize === 0xffffffff && q + 8 <= x + 4 + size) {
          uncompressedSize = u64(buf, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff && q + 8 <= x + 4 + size) {
          compressedSize = u64(buf, q);
          q += 8;
        }
        if (offset === 0xffffffff && q + 8 <= x + 4 + size) offset = u64(buf, q);
      }
      x += 4 + size;
    }
    entries.push({
      name: decoder.decode(buf.subarray(p + 46, p + 46 + nameLen)),
      compressedSize,
      uncompressedSize,
      offset: offset + shift,
      method: u16(buf, p + 10),
      crc: u32(buf, p + 16),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function formatSize(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  return `${Math.round(bytes / 1024 ** 2)} MB`;
}

function sniffZip(buf: Uint8Array, entries: ZipEntry[]): { code: LoadErrorCode; reason?: string } | null {
  const names = new Set(entries.map((e) => e.name.replace(/\\/g, "/").replace(/^\//, "")));
  const has = (n: string): boolean => names.has(n) || [...names].some((x) => x.toLowerCase() === n.toLowerCase());
  if (has("xl/workbook.xml")) {
    const total = entries.reduce((a, e) => a + e.uncompressedSize, 0);
    if (total > MAX_UNCOMPRESSED_BYTES) return { code: "tooLarge", reason: formatSize(total) };
    // Every local header must lie inside the file (a directory copied onto a cut file would not).
    if (entries.some((e) => e.offset + 30 > buf.length || u32(buf, e.offset) !== 0x04034b50)) return { code: "truncated" };
    return null;
  }
  if (has("xl/workbook.bin")) {
    const total = entries.reduce((a, e) => a + e.uncompressedSize, 0);
    if (total > MAX_UNCOMPRESSED_BYTES) return { code: "tooLarge", reason: formatSize(total) };
    return { code: "xlsb" };
  }
  if (has("word/document.xml") || has("ppt/presentation.xml")) return { code: "otherOffice" };
  if (has("mimetype") && has("content.xml")) {
    const m = entries.find((e) => e.name === "mimetype");
    if (m && m.offset + 30 <= buf.length) {
      const start = m.offset + 30 + u16(buf, m.offset + 26) + u16(buf, m.offset + 28);
      const text = new TextDecoder("utf-8", { fatal: false }).decode(buf.subarray(start, Math.min(buf.length, start + 80)));
      if (text.includes("opendocument.spreadsheet")) return { code: "ods" };
    }
  }
  return { code: "noWorkbook" };
}

// ---------------------------------------------------------------------------------------------- OLE

/**
 * Names in an OLE compound file's directory (MS-CFB), or null when the header or the directory chain
 * does not hold together. Bounded: every chain walk stops after as many steps as the file has sectors.
 */
export function oleStreamNames(buf: Uint8Array): string[] | null {
  if (!startsWith(buf, OLE) || buf.length < 512) return null;
  const shift = u16(buf, 0x1e);
  if (shift !== 9 && shift !== 12) return null;
  const sectorSize = 1 << shift;
  const sectors = Math.floor((buf.length - sectorSize) / sectorSize) + 1;
  const sectorAt = (n: number): number => (n + 1) * sectorSize;
  const ENDOFCHAIN = 0xfffffffe;
  // FAT sector numbers: 109 in the header, the rest in a DIFAT chain.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const s = u32(buf, 0x4c + i * 4);
    if (s < sectors) fatSectors.push(s);
  }
  let difat = u32(buf, 0x44);
  for (let guard = 0; difat < sectors && guard < sectors; guard++) {
    const base = sectorAt(difat);
    if (base + sectorSize > buf.length) break;
    for (let i = 0; i < sectorSize / 4 - 1; i++) {
      const s = u32(buf, base + i * 4);
      if (s < sectors) fatSectors.push(s);
    }
    difat = u32(buf, base + sectorSize - 4);
  }
  const next = (n: number): number => {
    const per = sectorSize / 4;
    const fs = fatSectors[Math.floor(n / per)];
    if (fs === undefined) return ENDOFCHAIN;
    const at = sectorAt(fs) + (n % per) * 4;
    return at + 4 <= buf.length ? u32(buf, at) : ENDOFCHAIN;
  };
  const names: string[] = [];
  let dir = u32(buf, 0x30);
  for (let guard = 0; dir < sectors && guard < sectors; guard++) {
    const base = sectorAt(dir);
    for (let e = 0; e < sectorSize / 128 && base + (e + 1) * 128 <= buf.length; e++) {
      const at = base + e * 128;
      const type = buf[at + 0x42];
      const len = u16(buf, at + 0x40);
      if (type === 0 || len < 2 || len > 64) continue;
      let name = "";
      for (let i = 0; i < len / 2 - 1; i++) name += String.fromCharCode(u16(buf, at + i * 2));
      names.push(name);
    }
    dir = next(dir);
  }
  return names.length ? names : null;
}

function sniffOle(buf: Uint8Array): LoadErrorCode {
  const names = oleStreamNames(buf);
  const has = (n: string): boolean => (names ? names.includes(n) : contains(buf, utf16le(n)));
  if (has("EncryptionInfo") || has("EncryptedPackage")) return "encrypted";
  if (has("Workbook") || has("Book")) return "legacyXls";
  if (has("WordDocument") || has("PowerPoint Document")) return "otherOffice";
  return "ole";
}

// ---------------------------------------------------------------------------------------------- text

/** Bytes that do not occur in text files (NUL and C0 controls other than tab, line breaks, FF and ESC). */
function isControl(b: number): boolean {
  return b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b;
}

function sniffText(buf: Uint8Array): LoadErrorCode | null {
  let head: string;
  if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) {
    // UTF-16 text: Excel's "Unicode Text" export, or a page saved as UTF-16.
    head = new TextDecoder(buf[0] === 0xff ? "utf-16le" : "utf-16be", { fatal: false }).decode(buf.subarray(2, 4098));
  } else {
    const sample = buf.subarray(0, 4096);
    for (const b of sample) if (isControl(b)) return null;
    head = new TextDecoder("utf-8", { fatal: false }).decode(sample);
  }
  head = head.replace(/^\uFEFF/, "").trimStart();
  if (/^<\?xml[^>]*>\s*(<\?mso-application[^>]*Excel\.Sheet|<(ss:)?Workbook\b)/i.test(head) || /urn:schemas-microsoft-com:office:spreadsheet/.test(head)) {
    return "xml2003";
  }
  if (/^<(!doctype\s+html|html|\?xml[^>]*>\s*<html|table|meta|head|body|style)/i.test(head) || /xmlns:x="urn:schemas-microsoft-com:office:excel"/.test(head)) {
    return "html";
  }
  // A web archive (.mht), as "save as single file web page" writes it.
  if (/^MIME-Version:/i.test(head) && /multipart\/related/i.test(head)) return "html";
  return "csv";
}

// ---------------------------------------------------------------------------------------------- sniff

/** What a buffer is, from its bytes, with a detail for the message (tooLarge: the size). */
export function sniffDetail(buf: Uint8Array): { code: LoadErrorCode; reason?: string } | null {
  if (buf.length === 0) return { code: "empty" };
  const other = sniffOther(buf);
  if (other) return { code: other };
  if (startsWith(buf, OLE)) return { code: sniffOle(buf) };
  const zip = buf.length >= 22 ? zipEntries(buf) : null;
  if (zip) return sniffZip(buf, zip);
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04]) || startsWith(buf, [0x50, 0x4b, 0x05, 0x06]) || startsWith(buf, [0x50, 0x4b, 0x07, 0x08])) {
    // A zip start without a complete central directory: cut off in transfer.
    return { code: "truncated" };
  }
  const text = sniffText(buf);
  if (text) return { code: text };
  return { code: "notZip" };
}

/** Files people send instead of a workbook, by their signatures. */
function sniffOther(buf: Uint8Array): LoadErrorCode | null {
  const ascii = (at: number, s: string): boolean => buf.length >= at + s.length && [...s].every((ch, i) => buf[at + i] === ch.charCodeAt(0));
  // A PDF may have a few bytes (a BOM, a mail header) before its signature.
  if (contains(buf, new TextEncoder().encode("%PDF-"), 1024)) return "pdf";
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47]) || startsWith(buf, [0xff, 0xd8, 0xff]) || ascii(0, "GIF8") || ascii(0, "II*\0") || ascii(0, "MM\0*")) return "image";
  if (ascii(0, "RIFF") && ascii(8, "WEBP")) return "image";
  if (ascii(0, "BM") && buf.length > 26 && u32(buf, 2) === buf.length) return "image";
  if (ascii(0, "Rar!\x1a\x07") || startsWith(buf, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]) || startsWith(buf, [0x1f, 0x8b])) return "archive";
  if (ascii(0, "{\\rtf")) return "otherOffice";
  return null;
}

/**
 * The spreadsheet format of a buffer, from its bytes whatever the file's name says, or why it cannot be read
 * (a PDF, a Word document, a CSV, a damaged archive…).
 */
export function detectFormat(buf: Uint8Array): { format: FileFormat; entries: ZipEntry[] | null } | { code: LoadErrorCode; reason?: string } {
  const kind = sniffDetail(buf);
  if (kind === null) {
    const entries = zipEntries(buf)!;
    const macro = entries.some((e) => /^xl\/vbaProject\.bin$/i.test(e.name));
    return { format: macro ? "xlsm" : "xlsx", entries };
  }
  if (kind.code === "legacyXls") return { format: "xls", entries: null };
  if (kind.code === "xlsb") return { format: "xlsb", entries: zipEntries(buf) };
  if (kind.code === "ods") return { format: "ods", entries: zipEntries(buf) };
  return kind;
}

/** What a buffer is, from its bytes (null: looks like a complete xlsx zip). */
export function sniff(buf: Uint8Array): LoadErrorCode | null {
  return sniffDetail(buf)?.code ?? null;
}

/** Load a workbook from bytes; throws LoadError for anything that is not a readable .xlsx. */
export async function loadWorkbook(
  ExcelJS: { Workbook: new () => Workbook },
  buf: Uint8Array,
  file: string,
): Promise<Workbook> {
  const kind = sniffDetail(buf);
  if (kind) throw new LoadError(kind.code, file, kind.reason ?? "");
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs accepts a Buffer (Node) or an ArrayBuffer (browser).
    const data = typeof Buffer !== "undefined" ? Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength) : buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
    await wb.xlsx.load(data as ArrayBuffer);
  } catch (e) {
    // The zip directory was complete, so what failed is inside: a part that does not inflate, XML that
    // does not parse, or a structure exceljs cannot follow. To the user all of these mean "damaged".
    const msg = e instanceof Error ? e.message : String(e);
    throw new LoadError("corrupt", file, msg.split("\n")[0].slice(0, 200));
  }
  // exceljs skips sheets whose parts are missing instead of failing: a workbook always has one.
  if (wb.worksheets.length === 0) throw new LoadError("corrupt", file, "no worksheet could be read");
  return wb;
}
