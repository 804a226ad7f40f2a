/**
 * Office.js round trips and payloads, through the task pane's host (src/adapters/officejs, ExcelHost) against
 * the in-memory fake Excel of the tests (test/helpers/fake-excel.ts), which counts context.sync() calls and
 * the JSON bytes of every request and response.
 *
 *   syncsPerCheck      reading a workbook of 1, 10 and 100 filled 自评表 sheets (what "检查" does before the
 *                      engine runs; the engine itself never talks to Excel)
 *   maxSyncPayload     reading one 100,000-row ledger sheet: the largest single sync
 *   write              writing the corpus's output sheets (评价汇总 … for 1,006 projects) into a fake workbook
 */
import { createExcelHost } from "../src/adapters/officejs";
import type { SheetPlan } from "../src/engine/summary";
import { ledgerSheet, templateSheet } from "../test/adapters/officejs/fixtures";
import { createFakeExcel, type FakeSheetInit } from "../test/helpers/fake-excel";

const now = (): number => Number(process.hrtime.bigint()) / 1e6;

function hostFor(sheets: FakeSheetInit[]) {
  const fake = createFakeExcel(sheets, { name: "县级项目自评汇总.xlsx" });
  const host = createExcelHost({ run: fake.run, requirements: fake.requirements });
  return { fake, host };
}

export interface SyncCount {
  syncs: number;
  sheetsRead: number;
  maxPayloadBytes: number;
  ms: number;
}

export async function syncsPerCheck(counts: number[] = [1, 10, 100]): Promise<Record<string, SyncCount>> {
  const out: Record<string, SyncCount> = {};
  for (const n of counts) {
    const { fake, host } = hostFor(Array.from({ length: n }, (_, i) => templateSheet(`自评表${i + 1}`, i + 1)));
    fake.resetStats();
    const t = now();
    const res = await host.readWorkbook();
    out[String(n)] = { syncs: fake.stats.syncs, sheetsRead: res.grids.length, maxPayloadBytes: fake.stats.maxPayloadBytes, ms: now() - t };
  }
  return out;
}

export interface BigRead {
  rows: number;
  syncs: number;
  maxPayloadBytes: number;
  totalResponseBytes: number;
  rowsRead: number;
  ms: number;
}

export async function bigSheetRead(rows = 100000): Promise<BigRead> {
  const { fake, host } = hostFor([ledgerSheet("台账", rows)]);
  fake.resetStats();
  const t = now();
  const res = await host.readWorkbook();
  return {
    rows,
    syncs: fake.stats.syncs,
    maxPayloadBytes: fake.stats.maxPayloadBytes,
    totalResponseBytes: fake.stats.totalResponseBytes,
    rowsRead: res.grids[0]?.values.length ?? 0,
    ms: now() - t,
  };
}

export interface PlanWrite {
  sheets: string[];
  cells: number;
  syncs: number;
  maxPayloadBytes: number;
  ms: number;
}

/** Write output plans (the corpus's 评价汇总 …) into a workbook that holds one template sheet. */
export async function writePlans(plans: SheetPlan[]): Promise<PlanWrite> {
  const { fake, host } = hostFor([templateSheet("自评表", 1)]);
  fake.resetStats();
  const t = now();
  const res = await host.writeSheets(plans);
  return {
    sheets: res.sheets,
    cells: plans.reduce((a, p) => a + p.rows.reduce((b, r) => b + r.length, 0), 0),
    syncs: fake.stats.syncs,
    maxPayloadBytes: fake.stats.maxPayloadBytes,
    ms: now() - t,
  };
}
