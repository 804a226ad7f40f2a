/**
 * A zip archive opened for editing without touching what is not edited. An OOXML package (.xlsx/.xlsm) is a zip;
 * the reviewed copy keeps every part of the user's package as it was, so this module copies each kept entry's
 * stored bytes (local header, compressed data, data descriptor) verbatim — nothing is inflated and deflated again —
 * and only the entries that are replaced or added are compressed (fflate). Reading one part inflates that part only.
 *
 * Limits: archives over 4 GB (zip64 offsets) are refused (the reader refuses past 1 GB of parts anyway); names are
 * taken as UTF-8. Runs in Node and in the browser (no Node-only API).
 */
import { deflateSync, inflateSync } from "fflate";

export class ZipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ZipError";
  }
}

interface Entry {
  name: string;
  /** The original central directory record (its offset field is patched on write), or null for a new entry. */
  central: Uint8Array | null;
  /** Original: the stored span (local header … next entry); new: the data to write, uncompressed. */
  raw: Uint8Array;
  method: number;
  compressedSize: number;
  localOffset: number;
}

function u16(b: Uint8Array, at: number): number {
  return b[at] | (b[at + 1] << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16)) + b[at + 3] * 0x1000000;
}

function put16(b: Uint8Array, at: number, v: number): void {
  b[at] = v & 0xff;
  b[at + 1] = (v >>> 8) & 0xff;
}

function put32(b: Uint8Array, at: number, v: number): void {
  b[at] = v & 0xff;
  b[at + 1] = (v >>> 8) & 0xff;
  b[at + 2] = (v >>> 16) & 0xff;
  b[at + 3] = (v >>> 24) & 0xff;
}

let CRC_TABLE: Uint32Array | null = null;

export function crc32(data: Uint8Array): number {
  if (!CRC_TABLE) {
    CRC_TABLE = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder("utf-8");

/** An opened zip: entries in their stored order; parts read on demand; written back with `toBytes`. */
export class ZipPackage {
  private readonly entries: Entry[] = [];
  private readonly byName = new Map<string, Entry>();

  private constructor(private readonly source: Uint8Array) {}

  /** An empty archive (the results workbook is built from one). */
  static empty(): ZipPackage {
    return new ZipPackage(new Uint8Array(0));
  }

  /** Open an archive; throws ZipError when its central directory does not hold together. */
  static open(buf: Uint8Array): ZipPackage {
    const pkg = new ZipPackage(buf);
    let eocd = -1;
    for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
      if (buf[i] === 0x50 && buf[i + 1] === 0x4b && buf[i + 2] === 0x05 && buf[i + 3] === 0x06) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new ZipError("no end of central directory");
    const count = u16(buf, eocd + 10);
    const cdSize = u32(buf, eocd + 12);
    const cdOffset = u32(buf, eocd + 16);
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw new ZipError("zip64 archive");
    // Data prepended to the archive (self-extractors) shifts every offset by the same amount.
    const shift = eocd - cdSize - cdOffset;
    if (shift < 0) throw new ZipError("central directory out of range");
    const cdStart = cdOffset + shift;
    let p = cdStart;
    const found: Entry[] = [];
    for (let n = 0; n < count; n++) {
      if (p + 46 > eocd || u32(buf, p) !== 0x02014b50) throw new ZipError("bad central directory record");
      const nameLen = u16(buf, p + 28);
      const len = 46 + nameLen + u16(buf, p + 30) + u16(buf, p + 32);
      const offset = u32(buf, p + 42);
      if (offset === 0xffffffff || u32(buf, p + 20) === 0xffffffff) throw new ZipError("zip64 entry");
      const name = fromUtf8.decode(buf.subarray(p + 46, p + 46 + nameLen));
      found.push({
        name,
        central: buf.slice(p, p + len),
        raw: new Uint8Array(0),
        method: u16(buf, p + 10),
        compressedSize: u32(buf, p + 20),
        localOffset: offset + shift,
      });
      p += len;
    }
    // Each entry's stored span runs to the next entry's local header (or the central directory): data
    // descriptors and any padding between entries are kept with it.
    const sorted = [...found].sort((a, b) => a.localOffset - b.localOffset);
    sorted.forEach((e, i) => {
      const end = i + 1 < sorted.length ? sorted[i + 1].localOffset : cdStart;
      if (e.localOffset + 30 > end || u32(buf, e.localOffset) !== 0x04034b50) throw new ZipError(`bad local header: ${e.name}`);
      e.raw = buf.subarray(e.localOffset, end);
    });
    for (const e of found) {
      pkg.entries.push(e);
      pkg.byName.set(e.name, e);
    }
    return pkg;
  }

  names(): string[] {
    return this.entries.map((e) => e.name);
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** A part's bytes (inflated), or null when there is no such part. */
  read(name: string): Uint8Array | null {
    const e = this.byName.get(name);
    if (!e) return null;
    if (!e.central) return e.raw;
    const local = e.raw;
    const start = 30 + u16(local, 26) + u16(local, 28);
    const data = local.subarray(start, start + e.compressedSize);
    if (e.method === 0) return data;
    if (e.method === 8) return inflateSync(data);
    throw new ZipError(`unsupported compression ${e.method}: ${e.name}`);
  }

  /** A part as text (UTF-8; a leading BOM is dropped), or null. */
  text(name: string): string | null {
    const b = this.read(name);
    return b === null ? null : fromUtf8.decode(b).replace(/^\uFEFF/, "");
  }

  /** Replace a part (in its place) or add it at the end. */
  write(name: string, data: Uint8Array | string): void {
    const raw = typeof data === "string" ? utf8.encode(data) : data;
    const e: Entry = { name, central: null, raw, method: 8, compressedSize: 0, localOffset: 0 };
    const old = this.byName.get(name);
    if (old) this.entries[this.entries.indexOf(old)] = e;
    else this.entries.push(e);
    this.byName.set(name, e);
  }

  remove(name: string): void {
    const e = this.byName.get(name);
    if (!e) return;
    this.entries.splice(this.entries.indexOf(e), 1);
    this.byName.delete(name);
  }

  /** Was this part changed or added since the archive was opened? */
  changed(name: string): boolean {
    const e = this.byName.get(name);
    return e !== undefined && e.central === null;
  }

  /** The archive: kept entries byte for byte, replaced and new ones deflated. */
  toBytes(): Uint8Array {
    const locals: Uint8Array[] = [];
    const centrals: Uint8Array[] = [];
    let offset = 0;
    const now = dosTime(new Date());
    for (const e of this.entries) {
      if (e.central) {
        const c = e.central.slice();
        put32(c, 42, offset);
        locals.push(e.raw);
        centrals.push(c);
        offset += e.raw.length;
        continue;
      }
      const name = utf8.encode(e.name);
      const deflated = deflateSync(e.raw, { level: 6 });
      const crc = crc32(e.raw);
      const head = new Uint8Array(30 + name.length);
      put32(head, 0, 0x04034b50);
      put16(head, 4, 20);
      put16(head, 6, 0x0800); // UTF-8 names
      put16(head, 8, 8);
      put16(head, 10, now.time);
      put16(head, 12, now.date);
      put32(head, 14, crc);
      put32(head, 18, deflated.length);
      put32(head, 22, e.raw.length);
      put16(head, 26, name.length);
      put16(head, 28, 0);
      head.set(name, 30);
      const c = new Uint8Array(46 + name.length);
      put32(c, 0, 0x02014b50);
      put16(c, 4, 20);
      put16(c, 6, 20);
      put16(c, 8, 0x0800);
      put16(c, 10, 8);
      put16(c, 12, now.time);
      put16(c, 14, now.date);
      put32(c, 16, crc);
      put32(c, 20, deflated.length);
      put32(c, 24, e.raw.length);
      put16(c, 28, name.length);
      put32(c, 42, offset);
      c.set(name, 46);
      locals.push(head, deflated);
      centrals.push(c);
      offset += head.length + deflated.length;
    }
    const cdSize = centrals.reduce((a, c) => a + c.length, 0);
    if (offset + cdSize > 0xffffffff || this.entries.length > 0xfffe) throw new ZipError("archive too large");
    const end = new Uint8Array(22);
    put32(end, 0, 0x06054b50);
    put16(end, 8, this.entries.length);
    put16(end, 10, this.entries.length);
    put32(end, 12, cdSize);
    put32(end, 16, offset);
    const out = new Uint8Array(offset + cdSize + 22);
    let at = 0;
    for (const part of [...locals, ...centrals, end]) {
      out.set(part, at);
      at += part.length;
    }
    return out;
  }

  /** The bytes this package was opened from (for callers that compare). */
  get original(): Uint8Array {
    return this.source;
  }
}

function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((Math.max(1980, d.getFullYear()) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}
