/**
 * The reader candidates side by side over the corpus, in one process, passes alternated (medians):
 *
 *   exceljs    exceljs 4.4.0 `xlsx.load` + worksheetToGrid (the product's reader before this round)
 *   sheetjs    SheetJS 0.20.3 (`@e965/xlsx`) `read` (dense, number formats; no grid conversion)
 *   reader     the product's reader now: readCells (sniff, the lean OOXML reader, CRC + budget) + cellsToGrid
 *   floor      fflate unzipSync + TextDecoder of every part: no reader can do less
 *
 * and the read stage itself: fs.promises.readFile vs one readFileSync per file.
 */
import * as fsSync from "node:fs";
import { promises as fs } from "node:fs";
import * as zlib from "node:zlib";
import ExcelJS from "exceljs";
import * as XLSX from "@e965/xlsx";
import { unzipSync } from "fflate";
import { cellsToGrid } from "../src/adapters/xlsx-file/cells";
import { worksheetToGrid } from "../src/adapters/xlsx-file/grid";
import { readCells } from "../src/adapters/xlsx-file/read";
import { useCrc32 } from "../src/adapters/xlsx-file/zip";
import { median } from "./measure-engine";

const now = (): number => Number(process.hrtime.bigint()) / 1e6;

export interface ReaderComparison {
  passes: number;
  /** Median ms over all files, per candidate. */
  ms: { exceljs: number; sheetjs: number; reader: number; floor: number; readFileAsync: number; readFileSync: number };
  all: Record<string, number[]>;
}

export async function compareReaders(paths: string[], passes = 5): Promise<ReaderComparison> {
  const crc = (zlib as { crc32?: (b: Uint8Array) => number }).crc32;
  if (crc) useCrc32((b) => crc(b));
  const bytes = paths.map((p) => new Uint8Array(fsSync.readFileSync(p)));
  const td = new TextDecoder();
  const run: Record<string, () => Promise<void> | void> = {
    exceljs: async () => {
      for (const b of bytes) {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(Buffer.from(b.buffer, b.byteOffset, b.byteLength) as unknown as ArrayBuffer);
        for (const ws of wb.worksheets) worksheetToGrid(ws);
      }
    },
    sheetjs: () => {
      for (const b of bytes) XLSX.read(b, { type: "array", dense: true, cellNF: true, cellText: false, cellHTML: false });
    },
    reader: async () => {
      for (const b of bytes) for (const sc of (await readCells(b, "x.xlsx", { sheetjs: () => XLSX })).sheets) cellsToGrid(sc);
    },
    floor: () => {
      for (const b of bytes) {
        const parts = unzipSync(b);
        for (const k in parts) td.decode(parts[k]);
      }
    },
    readFileAsync: async () => {
      for (const p of paths) await fs.readFile(p);
    },
    readFileSync: () => {
      for (const p of paths) fsSync.readFileSync(p);
    },
  };
  const all: Record<string, number[]> = Object.fromEntries(Object.keys(run).map((k) => [k, []]));
  // One warm-up pass each, then alternate.
  for (const k of Object.keys(run)) await run[k]();
  for (let i = 0; i < passes; i++) {
    const keys = Object.keys(run);
    if (i % 2) keys.reverse();
    for (const k of keys) {
      const t = now();
      await run[k]();
      all[k].push(now() - t);
    }
  }
  const m = (k: string): number => median(all[k]);
  return {
    passes,
    ms: { exceljs: m("exceljs"), sheetjs: m("sheetjs"), reader: m("reader"), floor: m("floor"), readFileAsync: m("readFileAsync"), readFileSync: m("readFileSync") },
    all,
  };
}

/**
 * The bad-but-small files for strayCellPeakMB and mergeBombSeconds: a national form (the yardstick), the same
 * form with one value at XFD1048576, and a sheet of 100,000 merged areas.
 */
export async function makeBoundsFiles(dir: string): Promise<{ normal: string; stray: string; merges: string; strayBytes: number }> {
  const { nationalForm, minimalXlsx } = await import("../test/helpers/bad-files");
  await fs.mkdir(dir, { recursive: true });
  const build = async (stray: boolean): Promise<Uint8Array> => {
    const wb = new ExcelJS.Workbook();
    const form = nationalForm();
    const ws = wb.addWorksheet(form.sheet);
    form.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null) ws.getCell(r + 1, c + 1).value = v;
      }),
    );
    for (const m of form.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    if (stray) ws.getCell("XFD1048576").value = "误输入";
    return new Uint8Array(await wb.xlsx.writeBuffer());
  };
  const normal = `${dir}/normal.xlsx`;
  const stray = `${dir}/stray.xlsx`;
  const merges = `${dir}/merges.xlsx`;
  await fs.writeFile(normal, await build(false));
  const strayBytes = await build(true);
  await fs.writeFile(stray, strayBytes);
  const rows: string[] = [];
  const areas: string[] = [];
  for (let r = 1; r <= 100_000; r++) {
    rows.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>第${r}行</t></is></c><c r="C${r}"><v>${r}</v></c></row>`);
    areas.push(`<mergeCell ref="A${r}:B${r}"/>`);
  }
  await fs.writeFile(merges, minimalXlsx(`<sheetData>${rows.join("")}</sheetData><mergeCells count="100000">${areas.join("")}</mergeCells>`));
  return { normal, stray, merges, strayBytes: strayBytes.length };
}
