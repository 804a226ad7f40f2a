/**
 * Round trips and payload of the Office.js adapter over the fake Excel, for the benchmark
 * (syncsPerCheck, maxSyncPayloadMB) and for tests. Nothing here is timed.
 *
 *   const m = await measureOfficeRead([templateSheet("自评表1"), ledgerSheet("台账", 100000)]);
 *   m.syncs, m.maxPayloadMB, m.grids
 */
import { createExcelHost } from "../../../src/adapters/officejs/excel-host";
import type { ReadOptions, WriteResult } from "../../../src/adapters/officejs/host";
import type { Grid } from "../../../src/engine/grid";
import type { SheetPlan } from "../../../src/engine/summary/plan";
import { createFakeExcel, type FakeExcelOptions, type FakeSheetInit, type FakeStats } from "../../helpers/fake-excel";

export interface Measured {
  syncs: number;
  maxPayloadBytes: number;
  maxPayloadMB: number;
  stats: FakeStats;
}

function measured(stats: FakeStats): Measured {
  return { syncs: stats.syncs, maxPayloadBytes: stats.maxPayloadBytes, maxPayloadMB: stats.maxPayloadBytes / (1024 * 1024), stats };
}

/** Read these sheets as the add-in's check does (ExcelHost.readWorkbook). */
export async function measureOfficeRead(
  sheets: FakeSheetInit[],
  opts: ReadOptions = {},
  fakeOpts: FakeExcelOptions = {},
): Promise<Measured & { grids: Grid[] }> {
  const fake = createFakeExcel(sheets, fakeOpts);
  const host = createExcelHost({ run: fake.run, requirements: fake.requirements });
  const result = await host.readWorkbook(opts);
  return { ...measured(fake.stats), grids: result.grids };
}

/** Write these output plans into a workbook holding `sheets` (ExcelHost.writeSheets). */
export async function measureOfficeWrite(
  plans: SheetPlan[],
  sheets: FakeSheetInit[] = [{ name: "Sheet1", rows: [["x"]] }],
  fakeOpts: FakeExcelOptions = {},
): Promise<Measured & { result: WriteResult }> {
  const fake = createFakeExcel(sheets, fakeOpts);
  const host = createExcelHost({ run: fake.run, requirements: fake.requirements });
  const result = await host.writeSheets(plans);
  return { ...measured(fake.stats), result };
}
