/**
 * The bad-input corpus at the loader: every kind gets its LoadError code and its exact message in both
 * languages, and sniff() never throws on arbitrary bytes.
 */
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { LoadError, loadWorkbook, oleStreamNames, sniff, zipEntries } from "../../src/adapters/xlsx-file/load";
import { type MessageKey, t } from "../../src/i18n";
import { MESSAGES } from "./messages";
import { type BadFile, GBK_CSV_TEXT, makeCorpus, makeOle, makeZip, readZip, validXlsxBytes } from "../helpers/bad-files";

fc.configureGlobal({ ...(process.env.FC_RANDOM ? {} : { seed: Number(process.env.FC_SEED ?? 20240808) }) });

let dir: string;
let corpus: BadFile[];

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "bpr-bad-"));
  corpus = await makeCorpus(ExcelJS, dir);
});

afterAll(async () => {
  for (const f of corpus ?? []) if (f.expected === "denied") await fs.chmod(f.path, 0o600).catch(() => undefined);
  await fs.rm(dir, { recursive: true, force: true });
});

/** Load a corpus file the way the CLI does (bytes → loadWorkbook) and return the error code. */
async function codeOf(f: BadFile): Promise<string | null> {
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(f.path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === "ENOENT" ? "missing" : code === "EISDIR" ? "directoryEmpty" : code === "EACCES" ? "denied" : `fs:${code}`;
  }
  try {
    await loadWorkbook(ExcelJS, bytes, f.name);
    return null;
  } catch (e) {
    if (e instanceof LoadError) return e.code;
    throw e;
  }
}

describe("bad-input corpus at the loader", () => {
  it("has at least 12 kinds", () => {
    expect(new Set(corpus.map((f) => f.expected)).size).toBeGreaterThanOrEqual(12);
    expect(corpus.length).toBeGreaterThanOrEqual(20);
  });

  it("gives every file its code (and never anything but a LoadError)", async () => {
    const got: Record<string, string | null> = {};
    const want: Record<string, string | null> = {};
    for (const f of corpus) {
      if (f.skip) continue;
      got[f.name] = await codeOf(f);
      want[f.name] = f.expected;
    }
    expect(got).toEqual(want);
  });

  it("has an exact message for every code, in zh and en", () => {
    for (const f of corpus.flatMap((x) => [x.expected, x.cli].filter((c) => c !== null && c !== undefined).map((code) => ({ name: x.name, expected: code })))) {
      const m = MESSAGES[f.expected as string];
      expect(m).toBeDefined();
      const key = `load.${f.expected}` as MessageKey;
      const params = { reason: f.expected === "tooLarge" ? "3.3 GB" : "" };
      expect([f.name, t("zh", key, params)]).toEqual([f.name, m.zh]);
      expect([f.name, t("en", key, params)]).toEqual([f.name, m.en]);
    }
  });

  it("names the size of a zip bomb in the reason, from the headers alone", async () => {
    const bomb = corpus.find((f) => f.expected === "tooLarge")!;
    const err = await loadWorkbook(ExcelJS, await fs.readFile(bomb.path), bomb.name).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LoadError);
    expect((err as LoadError).reason).toBe("3.3 GB");
  });

  it("keeps the parser's words for damaged workbooks (for bug reports), not in the message", async () => {
    const f = corpus.find((x) => x.name === "malformed-sheet.xlsx")!;
    const err = (await loadWorkbook(ExcelJS, await fs.readFile(f.path), f.name).catch((e: unknown) => e)) as LoadError;
    expect(err.code).toBe("corrupt");
    expect(err.reason).not.toBe("");
    expect(err.message).toContain("malformed-sheet.xlsx");
  });
});

describe("sniff", () => {
  it("reads a real xlsx as an xlsx, and lists its zip directory", async () => {
    const valid = await validXlsxBytes(ExcelJS);
    expect(sniff(valid)).toBeNull();
    const names = zipEntries(valid)!.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(["[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"]));
    const wb = await loadWorkbook(ExcelJS, valid, "valid.xlsx");
    expect(wb.worksheets.map((w) => w.name)).toEqual(["自评表", "明细"]);
  });

  it("reads an OLE directory by its entries, not by text that happens to be inside", () => {
    expect(oleStreamNames(makeOle(["EncryptionInfo", "EncryptedPackage"]))).toEqual(["Root Entry", "EncryptionInfo", "EncryptedPackage"]);
    // Five entries: the directory spans two sectors (the FAT chain is followed).
    expect(oleStreamNames(makeOle(["a", "b", "c", "d", "Workbook"]))).toEqual(["Root Entry", "a", "b", "c", "d", "Workbook"]);
    expect(sniff(makeOle(["a", "b", "c", "d", "Workbook"]))).toBe("legacyXls");
    // A Word file whose text mentions "Book" is still a Word file.
    const doc = makeOle(["WordDocument"]);
    const withText = new Uint8Array(doc.length + 64);
    withText.set(doc);
    withText.set(Uint8Array.from("Book keeping".split("").flatMap((c) => [c.charCodeAt(0), 0])), doc.length);
    expect(sniff(withText)).toBe("otherOffice");
  });

  it("tells a cut-off zip from a complete zip without a workbook", () => {
    const zip = makeZip([{ name: "[Content_Types].xml", data: "<Types/>" }]);
    expect(sniff(zip)).toBe("noWorkbook");
    expect(sniff(zip.subarray(0, zip.length - 10))).toBe("truncated");
    expect(sniff(makeZip([]))).toBe("noWorkbook");
  });

  it("accepts padding after the end of the zip directory and data before the archive", async () => {
    const valid = await validXlsxBytes(ExcelJS);
    const padded = new Uint8Array(valid.length + 100);
    padded.set(valid);
    expect(sniff(padded)).toBeNull();
    const prefixed = new Uint8Array(valid.length + 512);
    prefixed.set(valid, 512);
    expect(sniff(prefixed)).toBeNull();
  });

  it("reads a Zip64 archive (as Java streaming writers save it) like any other", async () => {
    const valid = await validXlsxBytes(ExcelJS);
    const z64 = makeZip(readZip(valid).map((e) => ({ name: e.name, data: e.data })), { zip64: true });
    const entries = zipEntries(z64)!;
    expect(entries.map((e) => e.name)).toEqual(readZip(valid).map((e) => e.name));
    expect(entries.find((e) => e.name === "xl/workbook.xml")!.uncompressedSize).toBe(readZip(valid).find((e) => e.name === "xl/workbook.xml")!.data.length);
    expect(sniff(z64)).toBeNull();
    const wb = await loadWorkbook(ExcelJS, z64, "zip64.xlsx");
    expect(wb.worksheets.map((w) => w.name)).toEqual(["自评表", "明细"]);
    expect(sniff(z64.subarray(0, z64.length - 30))).toBe("truncated");
  });

  it("decodes the GBK CSV fixture as the text it claims to be", async () => {
    const f = corpus.find((x) => x.name === "csv-gbk.xlsx")!;
    expect(new TextDecoder("gbk").decode(await fs.readFile(f.path))).toBe(GBK_CSV_TEXT);
  });

  it("never throws on arbitrary bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), (bytes) => {
        sniff(bytes);
      }),
      { numRuns: 1000 },
    );
  });

  it("never throws on mutated zips and OLE files (headers, directories, offsets)", async () => {
    const valid = await validXlsxBytes(ExcelJS);
    const ole = makeOle(["\u0006DataSpaces", "EncryptionInfo", "EncryptedPackage", "x", "y"]);
    const zipTail = valid.length - 22 - 600; // the central directory and its end record
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 12 }),
        fc.nat({ max: 4096 }),
        (useOle, edits, cut) => {
          const base = useOle ? ole : valid;
          const buf = new Uint8Array(base);
          for (const [at, b] of edits) {
            // Aim at the parts sniff reads: the OLE header/directory, the zip's directory and end record.
            const pos = useOle ? at % Math.min(buf.length, 2048) : zipTail + (at % (buf.length - zipTail));
            buf[pos] = b;
          }
          const out = sniff(cut % 3 === 0 ? buf.subarray(0, buf.length - (cut % 700)) : buf);
          expect(out === null || typeof out === "string").toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
