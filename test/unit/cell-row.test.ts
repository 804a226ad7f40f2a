import { cellRow } from "../../src/engine/cell-row";
import type { Grid } from "../../src/engine/grid";

const grid: Grid = {
  sheet: "自评",
  top: 0,
  left: 0,
  values: [
    ["项目支出绩效自评表", null, null, null, null],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值"],
    ["产出指标", "数量指标", "补贴人数", "≥100人", 80],
    [null, null, "覆盖率", "≥95%", null],
  ],
  merges: [{ top: 2, left: 0, bottom: 3, right: 0 }],
};

describe("cellRow", () => {
  test("the row's cells under the header's labels, the finding's cell marked", () => {
    const row = cellRow([grid], "自评", "E3")!;
    expect(row.row).toBe(3);
    expect(row.cells.map((c) => [c.label, c.text, c.target])).toEqual([
      ["一级指标", "产出指标", false],
      ["二级指标", "数量指标", false],
      ["三级指标", "补贴人数", false],
      ["年度指标值", "≥100人", false],
      ["实际完成值", "80", true],
    ]);
  });

  test("a vertically merged label shows on the rows it spans; an empty target cell is still shown", () => {
    const row = cellRow([grid], "自评", "E4")!;
    expect(row.cells.map((c) => `${c.address}=${c.text}${c.target ? "*" : ""}`)).toEqual(["A4=产出指标", "C4=覆盖率", "D4=≥95%", "E4=*"]);
  });

  test("no such sheet or row: null", () => {
    expect(cellRow([grid], "其他", "A1")).toBeNull();
    expect(cellRow([grid], "自评", "A99")).toBeNull();
    expect(cellRow([grid], "自评", "not-a-cell")).toBeNull();
  });
});
