/**
 * Sheet.mergeAt / mergeCovering answer from a per-row index (built on first use) or, for merges spanning too
 * many rows or odd coordinates, from a scan: both must give what a scan over the grid's merges in order gives.
 */
import { type Grid, type MergeArea, Sheet } from "../../../src/engine/grid";

function scanAt(merges: MergeArea[], row: number, col: number): MergeArea | null {
  return merges.find((m) => m.top === row && m.left === col) ?? null;
}
function scanCovering(merges: MergeArea[], row: number, col: number): MergeArea | null {
  return merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) ?? null;
}

function grid(merges: MergeArea[] | null): Grid {
  return { sheet: "S", top: 0, left: 0, values: [[null]], merges };
}

function expectSameAsScan(merges: MergeArea[]) {
  const s = new Sheet(grid(merges));
  for (let row = -2; row <= 14; row++) {
    for (let col = -2; col <= 8; col++) {
      expect([row, col, s.mergeAt(row, col)]).toEqual([row, col, scanAt(merges, row, col)]);
      expect([row, col, s.mergeCovering(row, col)]).toEqual([row, col, scanCovering(merges, row, col)]);
    }
  }
}

describe("Sheet merge lookups", () => {
  it("find the first merge in the grid's order, also where merges overlap", () => {
    expectSameAsScan([
      { top: 0, left: 0, bottom: 0, right: 3 },
      { top: 2, left: 1, bottom: 5, right: 2 },
      { top: 3, left: 0, bottom: 4, right: 4 }, // overlaps the one above: the earlier one wins
      { top: 3, left: 0, bottom: 3, right: 0 }, // same top-left as the one above
      { top: 10, left: 5, bottom: 12, right: 7 },
    ]);
  });

  it("handle malformed areas (bottom above top, fractional rows) as the scan does", () => {
    expectSameAsScan([
      { top: 4, left: 1, bottom: 2, right: 3 },
      { top: 1.5, left: 0, bottom: 3, right: 2 },
      { top: 6, left: 0, bottom: 7, right: 1 },
    ]);
    expectSameAsScan([{ top: 5, left: 2, bottom: 3, right: 2 }]);
  });

  it("fall back to the scan for merges spanning very many rows", () => {
    expectSameAsScan([
      { top: 0, left: 0, bottom: 300_000, right: 0 },
      { top: 2, left: 1, bottom: 4, right: 3 },
    ]);
  });

  it("answer null without merges", () => {
    const s = new Sheet(grid(null));
    expect(s.mergeAt(0, 0)).toBeNull();
    expect(s.mergeCovering(0, 0)).toBeNull();
  });
});
