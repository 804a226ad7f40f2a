/**
 * Minimal PNG writer/reader (RGBA, 8-bit, no interlace) with zlib from Node: enough to generate the add-in icons
 * (test/helpers/make-icons.ts) and to check them in test/unit/manifest.test.ts. No dependency.
 */
import { deflateSync, inflateSync } from "zlib";

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** Encodes width × height RGBA pixels (row-major, 4 bytes per pixel) as a PNG file. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  if (rgba.length !== width * height * 4) throw new Error(`expected ${width * height * 4} bytes, got ${rgba.length}`);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter method
  ihdr[12] = 0; // no interlace
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter type None
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

export interface PngInfo {
  width: number;
  height: number;
  bitDepth: number;
  colourType: number;
  chunks: string[];
  /** Decompressed IDAT length (filter bytes included); for colour type 6 / depth 8 it is (4w + 1) × h. */
  rawLength: number;
}

/** Parses a PNG's chunk structure, verifying the signature, every CRC and that the image data inflates. */
export function readPng(file: Buffer): PngInfo {
  if (file.length < 8 || !file.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error("not a PNG (bad signature)");
  const chunks: string[] = [];
  const idat: Buffer[] = [];
  let header: Buffer | undefined;
  let offset = 8;
  while (offset < file.length) {
    if (offset + 12 > file.length) throw new Error("truncated chunk");
    const length = file.readUInt32BE(offset);
    const type = file.toString("ascii", offset + 4, offset + 8);
    const end = offset + 12 + length;
    if (end > file.length) throw new Error(`truncated ${type} chunk`);
    const stored = file.readUInt32BE(offset + 8 + length);
    if (crc32(file.subarray(offset + 4, offset + 8 + length)) !== stored) throw new Error(`bad CRC in ${type}`);
    const data = file.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") header = data;
    if (type === "IDAT") idat.push(data);
    chunks.push(type);
    offset = end;
    if (type === "IEND") break;
  }
  if (!header || chunks[0] !== "IHDR") throw new Error("IHDR must be the first chunk");
  if (chunks[chunks.length - 1] !== "IEND") throw new Error("missing IEND");
  if (idat.length === 0) throw new Error("missing IDAT");
  return {
    width: header.readUInt32BE(0),
    height: header.readUInt32BE(4),
    bitDepth: header[8],
    colourType: header[9],
    chunks,
    rawLength: inflateSync(Buffer.concat(idat)).length,
  };
}

/**
 * Decodes an 8-bit RGBA, non-interlaced PNG whose rows all use filter type 0 (what encodePng writes) to its
 * pixels; throws for anything else. Used to compare committed icons with the generator's output.
 */
export function decodePngRgba(file: Buffer): { width: number; height: number; rgba: Uint8Array } {
  const info = readPng(file);
  if (info.bitDepth !== 8 || info.colourType !== 6) throw new Error("only 8-bit RGBA PNGs are supported");
  const idat: Buffer[] = [];
  let offset = 8;
  while (offset < file.length) {
    const length = file.readUInt32BE(offset);
    if (file.toString("ascii", offset + 4, offset + 8) === "IDAT") idat.push(file.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = info.width * 4 + 1;
  if (raw.length !== stride * info.height) throw new Error("image data has the wrong length");
  const rgba = new Uint8Array(info.width * info.height * 4);
  for (let y = 0; y < info.height; y++) {
    if (raw[y * stride] !== 0) throw new Error(`row ${y} uses filter ${raw[y * stride]}; only filter 0 is supported`);
    rgba.set(raw.subarray(y * stride + 1, (y + 1) * stride), y * info.width * 4);
  }
  return { width: info.width, height: info.height, rgba };
}
