/**
 * Loading an .xlsx buffer with exceljs, turning every way a file can be wrong into a LoadError with a
 * message key (src/i18n) instead of a stack trace. exceljs is passed in, so the browser can load it lazily.
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
  | "otherOffice"
  | "notXlsx"
  | "unreadable";

export class LoadError extends Error {
  constructor(
    readonly code: LoadErrorCode,
    readonly file: string,
    readonly reason: string = "",
  ) {
    super(`${file}: ${code}${reason ? ` (${reason})` : ""}`);
    this.name = "LoadError";
  }

  get messageKey(): MessageKey {
    return `load.${this.code}` as MessageKey;
  }
}

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

function ascii(s: string): Uint8Array {
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}

function utf16le(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) out[i * 2] = s.charCodeAt(i);
  return out;
}

/** What a buffer is, from its bytes (null: looks like an xlsx zip). */
export function sniff(buf: Uint8Array): LoadErrorCode | null {
  if (buf.length === 0) return "empty";
  if (startsWith(buf, OLE)) {
    if (contains(buf, utf16le("EncryptionInfo")) || contains(buf, utf16le("EncryptedPackage"))) return "encrypted";
    if (contains(buf, utf16le("Workbook")) || contains(buf, utf16le("Book"))) return "legacyXls";
    return "ole";
  }
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04]) || startsWith(buf, [0x50, 0x4b, 0x05, 0x06])) {
    // The entry names of a zip are stored as plain text in its headers.
    if (contains(buf, ascii("xl/workbook.xml")) || contains(buf, ascii("xl/workbook.bin"))) return null;
    if (contains(buf, ascii("word/document.xml")) || contains(buf, ascii("ppt/presentation.xml"))) return "otherOffice";
    if (buf.length < 1024 || !contains(buf, ascii("[Content_Types].xml"))) return "truncated";
    return "notZip";
  }
  // Text formats saved with an Excel extension.
  const head = new TextDecoder("utf-8", { fatal: false }).decode(buf.subarray(0, 2048)).replace(/^\uFEFF/, "").trimStart();
  if (/^<(!doctype\s+html|html|\?xml[^>]*>\s*<html|table|meta)/i.test(head) || /xmlns:x="urn:schemas-microsoft-com:office:excel"/.test(head)) {
    return "html";
  }
  const sample = buf.subarray(0, 4096);
  let binary = 0;
  for (const b of sample) if (b === 0 || (b < 9 && b !== 0)) binary++;
  if (binary === 0 && /[,\t;]/.test(head) && /\r?\n/.test(head)) return "csv";
  if (binary === 0) return "csv";
  return "notZip";
}

/** Load a workbook from bytes; throws LoadError for anything that is not a readable .xlsx. */
export async function loadWorkbook(
  ExcelJS: { Workbook: new () => Workbook },
  buf: Uint8Array,
  file: string,
): Promise<Workbook> {
  const kind = sniff(buf);
  if (kind) throw new LoadError(kind, file);
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs accepts a Buffer (Node) or an ArrayBuffer (browser).
    const data = typeof Buffer !== "undefined" ? Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength) : buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
    await wb.xlsx.load(data as ArrayBuffer);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/end of data|corrupt|invalid (zip|signature)|central directory|unexpected end|FILE_ENDED|truncat|crc32|can't find end/i.test(msg)) {
      throw new LoadError("truncated", file, msg);
    }
    throw new LoadError("unreadable", file, msg.split("\n")[0].slice(0, 200));
  }
  return wb;
}
