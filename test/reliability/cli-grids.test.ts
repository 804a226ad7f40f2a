/**
 * `bpr check` builds each sheet's Grid from its first rows, asks the reader what the sheet is, and builds the
 * full Grid only for a recognised sheet (src/cli/main.ts gridForCheck): a 100,000-row ledger is never turned
 * into a full Grid, while stacked forms past 25,000 rows are still read to the end. The reading must be exactly
 * what the full Grids give.
 */
import { promises as fs } from "node:fs";
import { EXAMPLES_DIR } from "../helpers/examples";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { workbookToGrids } from "../../src/adapters/xlsx-file/grid";
import { loadWorkbook } from "../../src/adapters/xlsx-file/load";
import { gridForCheck, readFileForCheck } from "../../src/cli/main";
import type { CellValue } from "../../src/engine/grid";
import { readSheet, readWorkbook } from "../../src/engine/read";
import { RECOGNITION_ROWS } from "../../src/engine/read/sheet";
import { type Form, makeLedger, makeOddFiles, NATIONAL_PROJECT, nationalForm, plainSheet, writeForms } from "../helpers/bad-files";

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "bpr-grids-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** A form moved down by `rows` empty rows (and right by `cols` columns). */
function shifted(form: Form, rows: number, cols = 0, sheet = form.sheet): Form {
  const pad = (r: CellValue[]) => [...new Array<CellValue>(cols).fill(null), ...r];
  return {
    ...form,
    sheet,
    values: [...Array.from({ length: rows }, () => [] as CellValue[]), ...form.values.map(pad)],
    merges: form.merges.map((m) => ({ top: m.top + rows, left: m.left + cols, bottom: m.bottom + rows, right: m.right + cols })),
    percent: (form.percent ?? []).map((p) => ({ row: p.row + rows, col: p.col + cols })),
  };
}

/** Many national forms stacked on one sheet (without merged areas when `merged` is false: exceljs writes those slowly). */
function stacked(n: number, sheet = "叠放", merged = true): Form {
  const values: CellValue[][] = [];
  const merges: Form["merges"] = [];
  for (let i = 0; i < n; i++) {
    const f = nationalForm({ name: `叠放项目${i + 1}` });
    const top = values.length;
    values.push(...f.values, []);
    if (merged) merges.push(...f.merges.map((m) => ({ top: m.top + top, left: m.left, bottom: m.bottom + top, right: m.right })));
  }
  return { sheet, values, merges };
}

async function both(file: string) {
  const wb = await loadWorkbook(ExcelJS, await fs.readFile(file), path.basename(file));
  const full = readWorkbook({ file: path.basename(file), grids: workbookToGrids(wb) });
  const viaCli = await readFileForCheck(file, path.basename(file));
  return { wb, full, viaCli };
}

describe("gridForCheck: the first rows decide, recognised sheets are read in full", () => {
  it("a ledger keeps its short Grid (the first rows) and is no template", async () => {
    const file = path.join(dir, "ledger.xlsx");
    await makeLedger(ExcelJS, file, 3000);
    const wb = await loadWorkbook(ExcelJS, await fs.readFile(file), "ledger.xlsx");
    const grid = gridForCheck(wb.worksheets[0], "ledger.xlsx");
    expect(grid.values.length).toBeLessThanOrEqual(RECOGNITION_ROWS + 2);
    expect(grid.totalRows).toBe(3000);
    expect(readSheet(grid, "ledger.xlsx").kind).toBe("unrecognized");
  });

  it("forms that start low on the sheet, or past the first 302 rows, or run past them, read like full Grids", async () => {
    const file = path.join(dir, "placed.xlsx");
    const forms = [
      shifted(nationalForm({ name: "从第250行起" }), 249, 2, "下移250"),
      shifted(nationalForm({ name: "从第290行起" }), 289, 0, "下移290"),
      shifted(nationalForm({ name: "从第400行起" }), 399, 0, "下移400"),
      stacked(40),
      plainSheet("台账", 1200),
      { ...plainSheet("台账下方有表", 600), values: [...plainSheet("x", 600).values, ...nationalForm({ name: "台账下方的项目" }).values] },
    ];
    await writeForms(ExcelJS, file, forms);
    const { wb, full, viaCli } = await both(file);
    expect(viaCli).toEqual(full);
    expect(full.projects.map((p) => p.name)).toEqual(["从第250行起", "从第290行起", "从第400行起", ...Array.from({ length: 40 }, (_, i) => `叠放项目${i + 1}`)]);
    expect(full.projects.every((p) => p.indicators.length === 7)).toBe(true);
    // The ledgers keep short Grids; the recognised sheets full ones.
    const lengths = wb.worksheets.map((ws) => [ws.name, gridForCheck(ws, "placed.xlsx").totalRows !== undefined]);
    expect(lengths).toEqual([
      ["下移250", false],
      ["下移290", false],
      ["下移400", false],
      ["叠放", false],
      ["台账", true],
      ["台账下方有表", true],
    ]);
  });

  it("stacked forms past 25,000 rows are read to the last one", async () => {
    const file = path.join(dir, "stacked.xlsx");
    await writeForms(ExcelJS, file, [stacked(1200, "叠放", false)]);
    const { full, viaCli } = await both(file);
    expect(full.projects).toHaveLength(1200);
    expect(full.projects[1199].indicators).toHaveLength(7);
    expect(viaCli).toEqual(full);
  }, 120_000);

  it("every example and odd-but-readable file reads exactly as with full Grids", async () => {
    const files = (await makeOddFiles(ExcelJS, path.join(dir, "odd"))).map((o) => o.path);
    files.push(...(await fs.readdir(EXAMPLES_DIR)).filter((f) => f.endsWith(".xlsx")).map((f) => path.join(EXAMPLES_DIR, f)));
    const nat = path.join(dir, "national.xlsx");
    await writeForms(ExcelJS, nat, [nationalForm()]);
    files.push(nat);
    for (const f of files) {
      const { full, viaCli } = await both(f);
      expect([path.basename(f), viaCli]).toEqual([path.basename(f), full]);
    }
    expect((await both(nat)).full.projects.map((p) => p.name)).toEqual([NATIONAL_PROJECT]);
  }, 120_000);
});
