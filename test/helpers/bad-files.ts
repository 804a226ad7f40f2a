/**
 * The bad-input corpus (issue 8): every kind of file that arrives from hundreds of units, generated into a
 * temp dir on each run (no binaries are committed). Also the valid workbooks the reliability tests start
 * from: a national self-assessment (SPEC §2.1) as a grid and as an .xlsx.
 *
 *   const corpus = await makeCorpus(dir)        // BadFile[] with the load error code each must get
 *   nationalForm()                              // { values, merges } of a valid 项目支出绩效自评表
 *   await writeForm(ExcelJS, path, nationalForm())
 *
 * Zips and OLE compound files are built byte by byte here (own zip writer over node:zlib, own minimal CFB
 * writer) so the tests depend on nothing but exceljs and Node.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";
import type ExcelJSNs from "exceljs";
import type { CellValue, MergeArea } from "../../src/engine/grid";
import type { LoadErrorCode } from "../../src/adapters/xlsx-file/load";
import { mulberry32 } from "../../src/engine/sample/prng";

type ExcelJSModule = typeof ExcelJSNs;

// ------------------------------------------------------------------------------------------ random

/** Deterministic PRNG (the sampler's mulberry32), so every run builds the same bytes. */
export const prng = mulberry32;

export function randomBytes(n: number, seed: number): Uint8Array {
  const r = prng(seed);
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.floor(r() * 256);
  // Never a signature we sniff for by accident.
  out[0] = 0x7f;
  return out;
}

// ------------------------------------------------------------------------------------------ zip

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(buf: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface ZipInput {
  name: string;
  data: Uint8Array | string;
  /** Store uncompressed (method 0) instead of deflating. */
  store?: boolean;
  /** Claim this uncompressed size in the headers (zip-bomb headers); default: the real size. */
  declaredSize?: number;
  /** Claim this CRC-32 in the headers (a stale CRC); default: the real one. */
  crc?: number;
}

/**
 * A zip archive (no encryption), entries in the given order. zip64: write sizes and offsets the way
 * streaming writers (Apache POI's SXSSF and others) do in Zip64 mode — 0xFFFFFFFF in the headers, the
 * values in zip64 extra fields, a zip64 end record and locator before the classic end record.
 */
export function makeZip(entries: ZipInput[], opts: { zip64?: boolean } = {}): Uint8Array {
  const z64 = opts.zip64 === true;
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const raw = typeof e.data === "string" ? Buffer.from(e.data, "utf8") : Buffer.from(e.data);
    const data = e.store ? raw : zlib.deflateRawSync(raw);
    const name = Buffer.from(e.name, "utf8");
    const crc = e.crc ?? crc32(raw);
    const size = e.declaredSize ?? raw.length;
    const FF = 0xffffffff;
    const localExtra = Buffer.alloc(z64 ? 20 : 0);
    const centralExtra = Buffer.alloc(z64 ? 28 : 0);
    if (z64) {
      localExtra.writeUInt16LE(0x0001, 0);
      localExtra.writeUInt16LE(16, 2);
      localExtra.writeBigUInt64LE(BigInt(size), 4);
      localExtra.writeBigUInt64LE(BigInt(data.length), 12);
      centralExtra.writeUInt16LE(0x0001, 0);
      centralExtra.writeUInt16LE(24, 2);
      centralExtra.writeBigUInt64LE(BigInt(size), 4);
      centralExtra.writeBigUInt64LE(BigInt(data.length), 12);
      centralExtra.writeBigUInt64LE(BigInt(offset), 20);
    }
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(z64 ? 45 : 20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(e.store ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(z64 ? FF : data.length, 18);
    local.writeUInt32LE(z64 ? FF : size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(localExtra.length, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(z64 ? 45 : 20, 4);
    central.writeUInt16LE(z64 ? 45 : 20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(e.store ? 0 : 8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(z64 ? FF : data.length, 20);
    central.writeUInt32LE(z64 ? FF : size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(centralExtra.length, 30);
    central.writeUInt32LE(z64 ? FF : offset, 42);
    locals.push(local, name, localExtra, data);
    centrals.push(central, name, centralExtra);
    offset += 30 + name.length + localExtra.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const tail: Buffer[] = [];
  if (z64) {
    const rec = Buffer.alloc(56);
    rec.writeUInt32LE(0x06064b50, 0);
    rec.writeBigUInt64LE(44n, 4);
    rec.writeUInt16LE(45, 12);
    rec.writeUInt16LE(45, 14);
    rec.writeBigUInt64LE(BigInt(entries.length), 24);
    rec.writeBigUInt64LE(BigInt(entries.length), 32);
    rec.writeBigUInt64LE(BigInt(cd.length), 40);
    rec.writeBigUInt64LE(BigInt(offset), 48);
    const loc = Buffer.alloc(20);
    loc.writeUInt32LE(0x07064b50, 0);
    loc.writeBigUInt64LE(BigInt(offset + cd.length), 8);
    loc.writeUInt32LE(1, 16);
    tail.push(rec, loc);
  }
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(z64 ? 0xffff : entries.length, 8);
  eocd.writeUInt16LE(z64 ? 0xffff : entries.length, 10);
  eocd.writeUInt32LE(z64 ? 0xffffffff : cd.length, 12);
  eocd.writeUInt32LE(z64 ? 0xffffffff : offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, ...tail, eocd]));
}

/** The entries of a zip written by makeZip or exceljs (stored or deflated), decompressed. */
export function readZip(buf: Uint8Array): { name: string; data: Buffer }[] {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  let eocd = -1;
  for (let i = b.length - 22; i >= 0; i--) {
    if (b.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("not a zip");
  const count = b.readUInt16LE(eocd + 10);
  let p = b.readUInt32LE(eocd + 16);
  const out: { name: string; data: Buffer }[] = [];
  for (let n = 0; n < count; n++) {
    const method = b.readUInt16LE(p + 10);
    const csize = b.readUInt32LE(p + 20);
    const nameLen = b.readUInt16LE(p + 28);
    const extra = b.readUInt16LE(p + 30);
    const comment = b.readUInt16LE(p + 32);
    const local = b.readUInt32LE(p + 42);
    const name = b.subarray(p + 46, p + 46 + nameLen).toString("utf8");
    const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
    const raw = b.subarray(start, start + csize);
    out.push({ name, data: method === 0 ? Buffer.from(raw) : zlib.inflateRawSync(raw) });
    p += 46 + nameLen + extra + comment;
  }
  return out;
}

/** Rewrite some entries of a zip (null removes the entry). */
export function patchZip(buf: Uint8Array, patch: Record<string, string | Uint8Array | null>): Uint8Array {
  const entries: ZipInput[] = [];
  for (const e of readZip(buf)) {
    if (e.name in patch) {
      const v = patch[e.name];
      if (v !== null) entries.push({ name: e.name, data: v });
    } else entries.push({ name: e.name, data: e.data });
  }
  return makeZip(entries);
}

// ------------------------------------------------------------------------------------------ OLE

/**
 * A minimal OLE compound file (MS-CFB version 3, 512-byte sectors): header, one FAT sector, directory
 * sectors holding a root entry and the named entries (streams of size 0, storages for names starting
 * with "\u0006"). Enough to look like an encrypted .xlsx or a legacy .xls to anything reading its directory.
 */
export function makeOle(names: string[]): Uint8Array {
  const entries = ["Root Entry", ...names];
  const dirSectors = Math.ceil(entries.length / 4);
  const totalSectors = 1 + dirSectors;
  const buf = Buffer.alloc(512 * (1 + totalSectors));
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(buf, 0);
  buf.writeUInt16LE(0x003e, 0x18); // minor version
  buf.writeUInt16LE(0x0003, 0x1a); // major version 3
  buf.writeUInt16LE(0xfffe, 0x1c); // byte order
  buf.writeUInt16LE(9, 0x1e); // sector shift: 512
  buf.writeUInt16LE(6, 0x20); // mini sector shift: 64
  buf.writeUInt32LE(1, 0x2c); // FAT sectors
  buf.writeUInt32LE(1, 0x30); // first directory sector
  buf.writeUInt32LE(4096, 0x38); // mini stream cutoff
  buf.writeUInt32LE(0xfffffffe, 0x3c); // first mini FAT sector: none
  buf.writeUInt32LE(0xfffffffe, 0x44); // first DIFAT sector: none
  buf.writeUInt32LE(0, 0x4c); // DIFAT[0]: the FAT is sector 0
  for (let i = 1; i < 109; i++) buf.writeUInt32LE(0xffffffff, 0x4c + i * 4);
  // FAT: sector 0 is the FAT itself, then the directory chain.
  const fat = 512;
  for (let i = 0; i < 128; i++) buf.writeUInt32LE(0xffffffff, fat + i * 4);
  buf.writeUInt32LE(0xfffffffd, fat);
  for (let s = 1; s <= dirSectors; s++) buf.writeUInt32LE(s === dirSectors ? 0xfffffffe : s + 1, fat + s * 4);
  entries.forEach((name, i) => {
    const at = 512 * 2 + i * 128;
    for (let c = 0; c < name.length && c < 31; c++) buf.writeUInt16LE(name.charCodeAt(c), at + c * 2);
    buf.writeUInt16LE((Math.min(name.length, 31) + 1) * 2, at + 0x40);
    buf[at + 0x42] = i === 0 ? 5 : name.startsWith("\u0006") ? 1 : 2; // root, storage, stream
    buf[at + 0x43] = 1; // black
    buf.writeUInt32LE(0xffffffff, at + 0x44); // left sibling
    buf.writeUInt32LE(i > 0 && i + 1 < entries.length ? i + 1 : 0xffffffff, at + 0x48); // right sibling
    buf.writeUInt32LE(i === 0 && entries.length > 1 ? 1 : 0xffffffff, at + 0x4c); // child
    buf.writeUInt32LE(0xfffffffe, at + 0x74); // start sector: none
  });
  return new Uint8Array(buf);
}

// ------------------------------------------------------------------------------------------ forms

export interface Form {
  sheet: string;
  values: CellValue[][];
  merges: MergeArea[];
  /** Cells (0-based) written as formulas: the formula text (no "="), and a cached result or none. */
  formulas?: { row: number; col: number; formula: string; result?: number }[];
  /** Cells (0-based) shown as percentages. */
  percent?: { row: number; col: number }[];
}

export const NATIONAL_PROJECT = "社区居家养老服务补贴项目";

/**
 * A valid 项目支出绩效自评表 in the national layout (SPEC §2.1), starting at A1: budget 248 → 231.6,
 * seven indicators (产出 4, 效益 2, 满意度 1), weights 90 + 10, stated total 99.34.
 */
export function nationalForm(opts: { name?: string; sheet?: string; formulasWithoutResults?: boolean } = {}): Form {
  const name = opts.name ?? NATIONAL_PROJECT;
  const _ = null;
  const values: CellValue[][] = [
    ["项目支出绩效自评表", _, _, _, _, _, _, _, _, _],
    ["（2023年度）", _, _, _, _, _, _, _, _, _],
    ["项目名称", name, _, _, _, _, _, _, _, _],
    ["主管部门", "区民政局", _, _, _, "实施单位", "区养老服务中心", _, _, _],
    ["项目资金\n（万元）", _, _, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", _],
    [_, "年度资金总额", _, 248, 248, 231.6, 10, 0.9339, 9.34, _],
    [_, "其中：当年财政拨款", _, 248, 248, 231.6, "—", _, "—", _],
    [_, "上年结转资金", _, 0, 0, 0, "—", _, "—", _],
    [_, "其他资金", _, 0, 0, 0, "—", _, "—", _],
    ["年度总体目标", "预期目标", _, _, _, "实际完成情况", _, _, _, _],
    [_, "为辖区1200名老年人提供居家养老服务", _, _, _, "为1250名老年人提供了居家养老服务", _, _, _, _],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施", _],
    [_, "产出指标", "数量指标", "服务老年人数", "≥1200人", "1250人", 15, 15, _, _],
    [_, _, "质量指标", "服务合格率", "≥95%", "97%", 10, 10, _, _],
    [_, _, "时效指标", "补贴发放及时率", "100%", "100%", 10, 10, _, _],
    [_, _, "成本指标", "人均补贴标准", "≤200元/人·月", "200元/人·月", 15, 15, _, _],
    [_, "效益指标", "社会效益指标", "老年人生活质量", "有效改善", "有效改善", 15, 15, _, _],
    [_, _, "可持续影响指标", "服务体系长效运行", "长期", "长期", 15, 15, _, _],
    [_, "满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "95%", 10, 10, _, _],
    ["总分", _, _, _, _, _, 100, 99.34, _, _],
  ];
  const m = (top: number, left: number, bottom: number, right: number): MergeArea => ({ top, left, bottom, right });
  const merges = [
    m(0, 0, 0, 9),
    m(1, 0, 1, 9),
    m(2, 1, 2, 9),
    m(3, 1, 3, 4),
    m(3, 6, 3, 9),
    m(4, 0, 8, 0),
    m(4, 1, 4, 2),
    m(5, 1, 5, 2),
    m(9, 0, 10, 0),
    m(9, 1, 9, 4),
    m(9, 5, 9, 9),
    m(10, 1, 10, 4),
    m(10, 5, 10, 9),
    m(11, 0, 18, 0),
    m(11, 8, 11, 9),
    m(12, 1, 15, 1),
    m(16, 1, 17, 1),
    m(19, 0, 19, 5),
  ];
  const form: Form = { sheet: opts.sheet ?? "自评表", values, merges, percent: [{ row: 5, col: 7 }] };
  if (opts.formulasWithoutResults) {
    // Scores and totals as formulas a system wrote and Excel never calculated: no cached values.
    form.formulas = [
      { row: 5, col: 7, formula: "F6/E6" },
      { row: 5, col: 8, formula: "ROUND(MIN(H6,1)*G6,2)" },
      ...[12, 13, 14, 15, 16, 17, 18].map((r) => ({ row: r, col: 7, formula: `G${r + 1}` })),
      { row: 19, col: 6, formula: "SUM(G13:G19)+G6" },
      { row: 19, col: 7, formula: "SUM(H13:H19)+I6" },
    ];
    for (const f of form.formulas) form.values[f.row][f.col] = null;
  }
  return form;
}

/** Add one form as a worksheet (merges, formulas, percent formats) to an exceljs workbook. */
export function addForm(wb: ExcelJSNs.Workbook, form: Form): ExcelJSNs.Worksheet {
  const ws = wb.addWorksheet(form.sheet);
  form.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null) ws.getCell(r + 1, c + 1).value = v;
    }),
  );
  for (const f of form.formulas ?? []) {
    ws.getCell(f.row + 1, f.col + 1).value = (f.result === undefined ? { formula: f.formula } : { formula: f.formula, result: f.result }) as ExcelJSNs.CellValue;
  }
  for (const p of form.percent ?? []) ws.getCell(p.row + 1, p.col + 1).numFmt = "0.00%";
  for (const m of form.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  return ws;
}

/** Write forms (and extra plain sheets) to an .xlsx file. */
export async function writeForms(ExcelJS: ExcelJSModule, file: string, forms: Form[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const f of forms) addForm(wb, f);
  await wb.xlsx.writeFile(file);
}

/** A sheet of non-template data (a ledger page, notes). */
export function plainSheet(sheet: string, rows: number, seed = 1): Form {
  const r = prng(seed);
  const values: CellValue[][] = [["日期", "凭证号", "摘要", "科目", "借方金额", "贷方金额"]];
  for (let i = 1; i < rows; i++) {
    values.push([`2023-0${1 + (i % 9)}-1${i % 9}`, `记-${i}`, `支付办公用品费${i % 13}`, `5010${i % 7}`, Math.round(r() * 1e6) / 100, 0]);
  }
  return { sheet, values, merges: [] };
}

// ------------------------------------------------------------------------------------------ corpus

/** What a corpus file must produce: a load error code, or null for files that are read. */
export type Expected = LoadErrorCode | "directoryEmpty" | null;

export interface BadFile {
  kind: string;
  /** File name inside the corpus dir (as passed to `bpr check`). */
  name: string;
  path: string;
  expected: Expected;
  /**
   * What `bpr check` (the reader of src/adapters/xlsx-file/read.ts) says when it differs from the exceljs loader
   * (`expected`, which the reviewed-copy writer still uses): a fake .xls is damaged for a reader that reads .xls,
   * a stale CRC is damage exceljs never checked.
   */
  cli?: Expected;
  /** Why it may be skipped in this environment (e.g. running as root: chmod does not stop reads). */
  skip?: string;
}

/** A valid xlsx (national self-assessment), as bytes: the base of the truncated/damaged kinds. */
export async function validXlsxBytes(ExcelJS: ExcelJSModule): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  addForm(wb, nationalForm());
  addForm(wb, plainSheet("明细", 400));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const CSV_TEXT = "项目名称,主管部门,实施单位,自评得分\r\n社区居家养老服务补贴项目,区民政局,区养老服务中心,94.54\r\n";
/** "项目名称,主管部门" … in GBK, as a Chinese Windows "save as CSV" writes it. */
const GBK_CSV = Uint8Array.from([
  0xcf, 0xee, 0xc4, 0xbf, 0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0xd6, 0xf7, 0xb9, 0xdc, 0xb2, 0xbf, 0xc3, 0xc5, 0x0d, 0x0a,
  0xc9, 0xe7, 0xc7, 0xf8, 0x2c, 0xc7, 0xf8, 0xc3, 0xf1, 0xd5, 0xfe, 0xbe, 0xd6, 0x0d, 0x0a,
]);
export const GBK_CSV_TEXT = "项目名称,主管部门\r\n社区,区民政局\r\n";

const HTML_XLS =
  '<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">\n' +
  '<head><meta charset="utf-8"></head><body><table><tr><td>项目名称</td><td>社区居家养老服务补贴项目</td></tr></table></body></html>\n';
const XML_2003 =
  '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n' +
  '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">\n' +
  '<Worksheet ss:Name="自评表"><Table><Row><Cell><Data ss:Type="String">项目名称</Data></Cell></Row></Table></Worksheet></Workbook>\n';

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="xml" ContentType="application/xml"/></Types>';

/** Is reading a chmod 000 file refused here? (Not for root, and not on some file systems.) */
async function chmodStopsReads(dir: string): Promise<boolean> {
  const probe = path.join(dir, ".perm-probe");
  await fs.writeFile(probe, "x");
  await fs.chmod(probe, 0o000);
  try {
    await fs.readFile(probe);
    return false;
  } catch {
    return true;
  } finally {
    await fs.chmod(probe, 0o600);
    await fs.rm(probe, { force: true });
  }
}

/**
 * Write every bad input into dir and return them. The 150,000-row ledger is separate (ledger()), since it
 * takes a few seconds to build and to read.
 */
export async function makeCorpus(ExcelJS: ExcelJSModule, dir: string): Promise<BadFile[]> {
  await fs.mkdir(dir, { recursive: true });
  const out: BadFile[] = [];
  const put = async (kind: string, name: string, data: Uint8Array | string, expected: Expected, cli?: Expected): Promise<void> => {
    const p = path.join(dir, name);
    await fs.writeFile(p, data);
    out.push({ kind, name, path: p, expected, ...(cli !== undefined ? { cli } : {}) });
  };
  const valid = await validXlsxBytes(ExcelJS);
  const sheetXml = readZip(valid).find((e) => e.name === "xl/worksheets/sheet1.xml")!.data.toString("utf8");

  await put("empty file", "empty.xlsx", new Uint8Array(0), "empty");
  await put("random bytes", "random.xlsx", randomBytes(8192, 42), "notZip");
  await put("truncated zip (50 %)", "truncated-half.xlsx", valid.subarray(0, Math.floor(valid.length / 2)), "truncated");
  await put("truncated zip (90 %)", "truncated-90.xlsx", valid.subarray(0, Math.floor(valid.length * 0.9)), "truncated");
  await put("encrypted .xlsx (OLE with EncryptionInfo/EncryptedPackage)", "encrypted.xlsx", makeOle(["\u0006DataSpaces", "EncryptionInfo", "EncryptedPackage"]), "encrypted");
  await put("legacy .xls (OLE with a Workbook stream)", "legacy.xls", makeOle(["Workbook", "\u0005SummaryInformation", "\u0005DocumentSummaryInformation"]), "legacyXls", "corrupt");
  await put("legacy .xls renamed to .xlsx", "legacy-renamed.xlsx", makeOle(["Workbook"]), "legacyXls", "corrupt");
  await put("legacy .doc renamed to .xlsx", "word97.xlsx", makeOle(["WordDocument", "1Table"]), "otherOffice");
  await put("other OLE container", "other-ole.xlsx", makeOle(["Contents"]), "ole");
  await put("CSV renamed (UTF-8 with BOM)", "csv-utf8-bom.xlsx", "\uFEFF" + CSV_TEXT, "csv");
  await put("CSV renamed (GBK)", "csv-gbk.xlsx", GBK_CSV, "csv");
  await put("Unicode text renamed (UTF-16LE, Excel's 'Unicode Text')", "unicode-text.xlsx", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CSV_TEXT.replace(/,/g, "\t"), "utf16le")]), "csv");
  await put("HTML renamed to .xls", "html.xls", HTML_XLS, "html");
  await put("HTML renamed to .xlsx", "html.xlsx", "<!DOCTYPE html>\n" + HTML_XLS, "html");
  await put("Excel 2003 XML renamed to .xls", "xml2003.xls", XML_2003, "xml2003");
  await put(
    ".docx renamed to .xlsx",
    "docx.xlsx",
    makeZip([
      { name: "[Content_Types].xml", data: CONTENT_TYPES },
      { name: "word/document.xml", data: '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>' },
    ]),
    "otherOffice",
  );
  await put("zip with [Content_Types].xml but no workbook", "no-workbook.xlsx", makeZip([{ name: "[Content_Types].xml", data: CONTENT_TYPES }]), "noWorkbook");
  await put("plain zip renamed to .xlsx", "plain-zip.xlsx", makeZip([{ name: "说明.txt", data: "两个文件" }]), "noWorkbook");
  await put(".xlsb renamed to .xlsx", "binary.xlsx", makeZip([{ name: "[Content_Types].xml", data: CONTENT_TYPES }, { name: "xl/workbook.bin", data: new Uint8Array(64) }]), "xlsb", "corrupt");
  await put(
    ".ods renamed to .xlsx",
    "calc.xlsx",
    makeZip([
      { name: "mimetype", data: "application/vnd.oasis.opendocument.spreadsheet", store: true },
      { name: "content.xml", data: "<office:document-content/>" },
    ]),
    "ods",
    "corrupt",
  );
  await put("PDF named .xlsx", "scan.xlsx", "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "pdf");
  await put("PDF named .xls", "printed.xls", "%PDF-1.4\n1 0 obj\n<< >>\nendobj\n", "pdf");
  await put("photo of the form named .xlsx", "photo.xlsx", Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, ...new Array<number>(64).fill(0)]), "image");
  await put("screenshot named .et", "screenshot.et", Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array<number>(64).fill(0)]), "image");
  await put("RAR archive named .xlsx", "bundle.xlsx", Uint8Array.from([0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x01, 0x00, ...new Array<number>(64).fill(0)]), "archive");
  {
    // A stale CRC: the sheet's bytes are not those the archive was written with (exceljs never checked).
    const entries = readZip(valid).map((e) => ({ name: e.name, data: new Uint8Array(e.data) as Uint8Array | string, crc: e.name === "xl/worksheets/sheet1.xml" ? 0x12345678 : undefined }));
    await put("stale CRC in the zip directory", "stale-crc.xlsx", makeZip(entries), null, "corrupt");
  }
  {
    // Headers that lie: the sheet claims 2 KB and inflates to 100 MB (stopped just past the claim).
    const entries = readZip(valid).map((e) => ({ name: e.name, data: new Uint8Array(e.data) as Uint8Array | string }));
    const big = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${" ".repeat(100_000_000)}</sheetData></worksheet>`;
    const s1 = entries.findIndex((e) => e.name === "xl/worksheets/sheet1.xml");
    entries[s1] = { name: entries[s1].name, data: big, declaredSize: 2048 } as (typeof entries)[number];
    await put("headers claim 2 KB, the sheet inflates to 100 MB", "lying-sizes.xlsx", makeZip(entries), "corrupt");
  }
  await put("sheet XML malformed", "malformed-sheet.xlsx", patchZip(valid, { "xl/worksheets/sheet1.xml": sheetXml.slice(0, sheetXml.length >> 1) + "</row></oops><<>" }), "corrupt");
  await put("sheet part missing", "missing-sheet-part.xlsx", patchZip(valid, { "xl/worksheets/sheet1.xml": null, "xl/worksheets/sheet2.xml": null }), "corrupt");
  {
    // Bytes flipped inside the first sheet's compressed data (a bad disk or a broken transfer).
    const flipped = new Uint8Array(valid);
    const entries = readZipEntriesRaw(flipped);
    const s1 = entries.find((e) => e.name === "xl/worksheets/sheet1.xml")!;
    for (let i = s1.dataStart + 40; i < s1.dataStart + Math.min(s1.compressedSize, 400); i++) flipped[i] ^= 0x5a;
    await put("compressed data damaged", "damaged-data.xlsx", flipped, "corrupt");
  }
  await put(
    "zip bomb (3.5 GB declared)",
    "bomb.xlsx",
    makeZip([
      { name: "[Content_Types].xml", data: CONTENT_TYPES },
      { name: "xl/workbook.xml", data: "<workbook/>" },
      { name: "xl/worksheets/sheet1.xml", data: "<worksheet/>", declaredSize: 3_500_000_000 },
    ]),
    "tooLarge",
  );
  await fs.mkdir(path.join(dir, "folder.xlsx"), { recursive: true });
  out.push({ kind: "directory named x.xlsx", name: "folder.xlsx", path: path.join(dir, "folder.xlsx"), expected: "directoryEmpty" });
  out.push({ kind: "missing file", name: "missing.xlsx", path: path.join(dir, "missing.xlsx"), expected: "missing" });
  {
    const p = path.join(dir, "no-permission.xlsx");
    await fs.writeFile(p, valid);
    await fs.chmod(p, 0o000);
    const skip = (await chmodStopsReads(dir)) ? undefined : "chmod 000 does not stop reads here (running as root)";
    out.push({ kind: "no read permission", name: "no-permission.xlsx", path: p, expected: "denied", skip });
  }
  return out;
}

/** Central-directory view with the offset of each entry's compressed data (for damaging it on purpose). */
function readZipEntriesRaw(buf: Uint8Array): { name: string; dataStart: number; compressedSize: number }[] {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  let eocd = b.length - 22;
  while (eocd >= 0 && b.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const count = b.readUInt16LE(eocd + 10);
  let p = b.readUInt32LE(eocd + 16);
  const out: { name: string; dataStart: number; compressedSize: number }[] = [];
  for (let n = 0; n < count; n++) {
    const nameLen = b.readUInt16LE(p + 28);
    const local = b.readUInt32LE(p + 42);
    out.push({
      name: b.subarray(p + 46, p + 46 + nameLen).toString("utf8"),
      dataStart: local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28),
      compressedSize: b.readUInt32LE(p + 20),
    });
    p += 46 + nameLen + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
  }
  return out;
}

/** Readable files that are odd in some way: each must be checked without error. */
export interface OddFile {
  kind: string;
  name: string;
  path: string;
  /** Sheets and their expected reader kinds. */
  sheets: Record<string, string>;
  /** Project names that must be found. */
  projects: string[];
}

/** Sheet names Excel allows that break naive code: quotes, brackets, emoji, 31 characters, A1-like. */
export const ODD_SHEET_NAMES = [
  "预算'表\"2023\"",
  "【一】自评（修订）(终)",
  "📊 自评 ✅",
  "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一", // 31 characters
  "A1",
  "Sheet 1 ",
];

export async function makeOddFiles(ExcelJS: ExcelJSModule, dir: string): Promise<OddFile[]> {
  await fs.mkdir(dir, { recursive: true });
  const out: OddFile[] = [];
  {
    const p = path.join(dir, "formulas-no-cache.xlsx");
    await writeForms(ExcelJS, p, [nationalForm({ formulasWithoutResults: true })]);
    out.push({ kind: "formulas without cached values", name: path.basename(p), path: p, sheets: { 自评表: "self-assessment" }, projects: [NATIONAL_PROJECT] });
  }
  {
    const p = path.join(dir, "no-templates.xlsx");
    await writeForms(ExcelJS, p, [plainSheet("明细账", 300, 3), plainSheet("Sheet2", 20, 4), { sheet: "说明", values: [["填表说明"], ["1. 请如实填写"]], merges: [] }]);
    out.push({ kind: "all sheets non-templates", name: path.basename(p), path: p, sheets: { 明细账: "unrecognized", Sheet2: "unrecognized", 说明: "unrecognized" }, projects: [] });
  }
  {
    const p = path.join(dir, "odd-sheet-names.xlsx");
    const forms = ODD_SHEET_NAMES.map((sheet, i) => nationalForm({ sheet, name: `奇特工作表名项目${i + 1}` }));
    await writeForms(ExcelJS, p, forms);
    out.push({
      kind: "odd sheet names (quotes, brackets, emoji, 31 chars, A1-like, trailing space)",
      name: path.basename(p),
      path: p,
      sheets: Object.fromEntries(ODD_SHEET_NAMES.map((s) => [s, "self-assessment"])),
      projects: forms.map((_, i) => `奇特工作表名项目${i + 1}`),
    });
  }
  {
    const p = path.join(dir, "某某局 2023年度 项目支出绩效自评表（终稿）.xlsx");
    await writeForms(ExcelJS, p, [nationalForm()]);
    out.push({ kind: "file name with Chinese characters and spaces", name: path.basename(p), path: p, sheets: { 自评表: "self-assessment" }, projects: [NATIONAL_PROJECT] });
  }
  {
    // A user's own sheet that happens to carry an output sheet's name (and must survive --out).
    const p = path.join(dir, "user-sheet-named-like-output.xlsx");
    await writeForms(ExcelJS, p, [nationalForm(), { sheet: "评价汇总", values: [["本单位自行整理的汇总"], ["项目", "金额"], ["办公楼维修", 12.5]], merges: [] }]);
    out.push({ kind: "user sheet named 评价汇总", name: path.basename(p), path: p, sheets: { 自评表: "self-assessment" }, projects: [NATIONAL_PROJECT] });
  }
  return out;
}

export const LEDGER_ROWS = 150_000;

/** An enormous ledger: 150,000 rows of non-template data, written with exceljs' streaming writer. */
export async function makeLedger(ExcelJS: ExcelJSModule, file: string, rows = LEDGER_ROWS): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const w = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  const ws = w.addWorksheet("明细账");
  ws.addRow(["日期", "凭证号", "摘要", "会计科目", "借方金额", "贷方金额", "余额"]).commit();
  for (let i = 1; i < rows; i++) {
    ws.addRow([`2023-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`, `记-${i}`, `支付办公用品费${i % 97}`, `5010${i % 9}`, (i % 1000) * 1.5, 0, i * 3.2]).commit();
  }
  ws.commit();
  await w.commit();
}

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/**
 * The smallest .xlsx around one worksheet's XML body (what goes inside <worksheet>): for workbooks exceljs
 * cannot write without expanding them (a merged area over a whole sheet, 100,000 merged areas).
 */
export function minimalXlsx(sheetBody: string, sheetName = "表1"): Uint8Array {
  return makeZip([
    {
      name: "[Content_Types].xml",
      data:
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    },
    {
      name: "_rels/.rels",
      data: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    },
    {
      name: "xl/workbook.xml",
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${sheetName}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    },
    { name: "xl/worksheets/sheet1.xml", data: `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN_NS}">${sheetBody}</worksheet>` },
  ]);
}

/** A national form's cells as worksheet XML rows (inline strings and numbers), from row `from` (1-based). */
export function formRowsXml(form: Form, from = 1): string {
  const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  let xml = "";
  form.values.forEach((row, r) => {
    let cells = "";
    row.forEach((v, c) => {
      if (v === null || v === "") return;
      const ref = `${colName(c)}${from + r}`;
      cells += typeof v === "number" ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${esc(String(v))}</t></is></c>`;
    });
    if (cells) xml += `<row r="${from + r}">${cells}</row>`;
  });
  return xml;
}

function colName(c: number): string {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
