/**
 * The read path against office-addin-mock's OfficeMockObject, which enforces Office.js's discipline: a property
 * reads as an error string until it was loaded AND synced. The adapter's per-sheet steps are thin enough for the
 * mock (it does not model collections or null objects, so the sheet mocks are reached directly and isNullObject
 * is set by hand).
 */
import { OfficeMockObject } from "office-addin-mock";

// office-addin-mock 4 needs only the OfficeApp enum from office-addin-manifest, whose own dependency chain
// (@microsoft/app-manifest → strip-bom 5, ESM only) cannot be require()d by Jest on Node 20. Give it the enum.
jest.mock("office-addin-manifest", () => ({
  OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" },
}));
import { blockData, convertRows, mergedRects, queueBlock, queueSheetRead, usedExtent } from "../../src/adapters/officejs/read";
import { HostError } from "../../src/adapters/officejs/host";

function sheetMock() {
  const mock = new OfficeMockObject({
    sheet: {
      name: "自评表",
      usedRange: {
        address: "自评表!B2:D3",
        rowCount: 2,
        columnCount: 3,
        values: [
          ["项目名称", "义务教育", ""],
          [0.93, 45306, "#DIV/0!"],
        ],
        numberFormat: [
          ["General", "General", "General"],
          ["0.00%", 'yyyy"年"m"月"d"日"', "0.00"],
        ],
      },
      wholeSheet: {
        merged: { address: "自评表!C2:D2" },
        getMergedAreasOrNullObject: function () {
          return this.merged;
        },
      },
      getUsedRangeOrNullObject: function () {
        return this.usedRange;
      },
      getRange: function () {
        return this.wholeSheet;
      },
      getRangeByIndexes: function () {
        return this.usedRange;
      },
    },
  });
  // Null objects are not modelled by the mock: after a sync Office.js always knows isNullObject.
  Object.defineProperty(mock.sheet.usedRange, "isNullObject", { value: false });
  Object.defineProperty(mock.sheet.wholeSheet.merged, "isNullObject", { value: false });
  return mock;
}

describe("read path under office-addin-mock (load and sync before every read)", () => {
  it("queues the loads it needs, reads only after the sync, and converts to a Grid", async () => {
    const mock = sheetMock();
    const ws = mock.sheet as unknown as Excel.Worksheet;
    const { used, merged } = queueSheetRead(ws, true);
    expect(merged).not.toBeNull();

    // Loaded but not yet synced: the mock answers with its error text, and the adapter refuses it.
    expect(used.address).toBe("Error, context.sync() was not called");
    expect(() => usedExtent(used)).toThrow(HostError);

    await mock.sync();
    const extent = usedExtent(used);
    expect(extent).toEqual({ top: 1, left: 1, rows: 2, columns: 3 });
    expect(mergedRects(merged as Excel.RangeAreas)).toEqual([{ top: 1, left: 2, bottom: 1, right: 3 }]);

    // Cell data was not part of that load: reading it now would be reading an unloaded property.
    expect(used.values as unknown).toBe("Error, property was not loaded");
    expect(() => blockData(used)).toThrow(HostError);

    const block = queueBlock(ws, extent!, 0, 2, used);
    await mock.sync();
    const { values, formats } = blockData(block);
    expect(convertRows(values, formats, 3)).toEqual({
      rows: [
        ["项目名称", "义务教育", null],
        [0.93, "2024-01-15", "#DIV/0!"],
      ],
      fmts: [
        [null, null, null],
        ["0.00%", 'yyyy"年"m"月"d"日"', "0.00"],
      ],
    });
  });

  it("without merged-area support nothing is loaded for merges", async () => {
    const mock = sheetMock();
    const { merged } = queueSheetRead(mock.sheet as unknown as Excel.Worksheet, false);
    expect(merged).toBeNull();
    await mock.sync();
    expect(mock.sheet.wholeSheet.merged.address).toBe("Error, property was not loaded");
  });
});
