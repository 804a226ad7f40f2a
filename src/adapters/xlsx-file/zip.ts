/**
 * Inflating zip entries under a budget counted on the bytes actually produced, with each entry's CRC-32
 * checked. The central directory's sizes are only claims: a part that inflates past its declared size, past
 * the file's budget, or to bytes whose CRC differs from the directory's is an error (ZipDamage / ZipBudget),
 * never a silent gap. Works in Node and in the browser (fflate, no Node API; Node's native CRC when present).
 */
import { Inflate, inflateSync } from "fflate";
import type { ZipEntry } from "./load";

/** A part that does not inflate to what the directory says (damaged or forged archive). */
export class ZipDamage extends Error {
  constructor(
    readonly part: string,
    readonly why: "crc" | "size" | "method" | "inflate" | "local",
  ) {
    super(`${part}: ${why}`);
    this.name = "ZipDamage";
  }
}

/** More bytes inflated than the budget allows (counted as they come out of the decompressor). */
export class ZipBudget extends Error {
  constructor(readonly inflated: number) {
    super(`inflated ${inflated} bytes`);
    this.name = "ZipBudget";
  }
}

/** Inflate budget of one file, shared by the parts read from it. */
export interface InflateBudget {
  /** Bytes still allowed. */
  left: number;
  /** Bytes inflated so far. */
  used: number;
}

let CRC_TABLE: Int32Array | null = null;

function crcTable(): Int32Array {
  if (CRC_TABLE) return CRC_TABLE;
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return (CRC_TABLE = t);
}

/** CRC-32 (zip's) of bytes, in JS. */
export function crc32js(buf: Uint8Array): number {
  const t = crcTable();
  let c = -1;
  for (let i = 0; i < buf.length; i++) c = t[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

type Crc = (buf: Uint8Array) => number;

/** Node ≥ 20.15 has a native CRC-32 (zlib.crc32); the CLI passes it in, the browser uses crc32js. */
let crcImpl: Crc = crc32js;

export function useCrc32(fn: Crc): void {
  crcImpl = fn;
}

/** Compressed parts up to this size are inflated in one call (their output is at most ~1,032 × this). */
const ONE_SHOT_COMPRESSED = 64 * 1024;
/** Larger parts are fed to the decompressor in slices of this size, the output counted after each. */
const SLICE = 64 * 1024;

function u16(buf: Uint8Array, at: number): number {
  return buf[at] | (buf[at + 1] << 8);
}

/** The bytes of one zip entry, inflated within the budget and checked against its CRC. */
export function inflateEntry(buf: Uint8Array, e: ZipEntry, budget: InflateBudget): Uint8Array {
  const at = e.offset;
  if (at + 30 > buf.length || buf[at] !== 0x50 || buf[at + 1] !== 0x4b || buf[at + 2] !== 0x03 || buf[at + 3] !== 0x04) throw new ZipDamage(e.name, "local");
  const start = at + 30 + u16(buf, at + 26) + u16(buf, at + 28);
  const end = start + e.compressedSize;
  if (end > buf.length) throw new ZipDamage(e.name, "local");
  const data = buf.subarray(start, end);
  const declared = e.uncompressedSize;
  if (declared > budget.left) {
    budget.used += declared;
    throw new ZipBudget(budget.used);
  }
  let out: Uint8Array;
  if (e.method === 0) {
    if (e.compressedSize !== declared) throw new ZipDamage(e.name, "size");
    out = data;
  } else if (e.method === 8) {
    if (data.length <= ONE_SHOT_COMPRESSED) {
      // At most ~66 MB whatever the header says; one byte more than declared shows a lie.
      const target = new Uint8Array(declared + 1);
      let got: Uint8Array;
      try {
        got = inflateSync(data, { out: target });
      } catch {
        throw new ZipDamage(e.name, "inflate");
      }
      if (got.length !== declared) throw new ZipDamage(e.name, "size");
      out = got;
    } else {
      out = new Uint8Array(declared);
      let filled = 0;
      let over = false;
      const inf = new Inflate((chunk) => {
        if (filled + chunk.length > declared) {
          over = true;
          return;
        }
        out.set(chunk, filled);
        filled += chunk.length;
      });
      try {
        for (let p = 0; p < data.length && !over; p += SLICE) inf.push(data.subarray(p, Math.min(data.length, p + SLICE)), p + SLICE >= data.length);
      } catch {
        throw new ZipDamage(e.name, "inflate");
      }
      if (over || filled !== declared) throw new ZipDamage(e.name, "size");
    }
  } else {
    throw new ZipDamage(e.name, "method");
  }
  budget.left -= out.length;
  budget.used += out.length;
  if (e.crc !== undefined && crcImpl(out) !== e.crc) throw new ZipDamage(e.name, "crc");
  return out;
}
