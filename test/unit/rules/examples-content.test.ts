/**
 * The example workbooks (copied into test/fixtures/examples, see its README) read through the real adapter and reader,
 * checked with the category / target / actual / reason rules only: exactly the findings the README implies.
 * Example 01 must give only reason/shortfall on 保障饮水安全人口; 02, 03, 04 (goal table, both blocks), 05 and 07
 * give none of these.
 */
import ExcelJS from "exceljs";
import { examplePath } from "../../helpers/examples";
import { workbookToGrids } from "../../../src/adapters/xlsx-file/grid";
import { check, readWorkbook } from "../../../src/engine";
import { RULES as ALL_RULES } from "../../../src/engine/rules";

/** The registered rules of these families (the registry is the one list of rules). */
const RULES = ALL_RULES.filter((r) => /^(category|target|actual|reason)\//.test(r.id));


async function findings(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(examplePath(file));
  const reading = readWorkbook({ file, grids: workbookToGrids(wb) });
  const report = check([reading], { rules: RULES });
  return { report, findings: report.findings.map((f) => ({ rule: f.rule, project: f.project, cell: f.cell, name: f.data.name ?? null, message: f.message })) };
}

describe("example workbooks: category / target / actual / reason rules", () => {
  it("01: only reason/shortfall on 保障饮水安全人口 (农村饮水安全工程维修养护)", async () => {
    const { report, findings: fs1 } = await findings("01-national-two-projects.xlsx");
    expect(report.projects.map((p) => p.name)).toEqual(["社区居家养老服务补贴项目", "农村饮水安全工程维修养护"]);
    expect(fs1).toEqual([
      {
        rule: "reason/shortfall",
        project: "农村饮水安全工程维修养护",
        cell: expect.stringMatching(/^J\d+$/),
        name: "保障饮水安全人口",
        message: "“保障饮水安全人口”实际完成8.2万人，未达到年度指标值≥8.5万人（得分14.47，分值15），但未填写偏差原因。",
      },
    ]);
    // The reason cell of that row.
    const water = report.projects[1].indicators.find((i) => i.name === "保障饮水安全人口")!;
    expect(fs1[0].cell).toBe(water.cells.reason);
  });

  it.each([
    ["02-sichuan-split-columns.xlsx", "城乡环卫一体化保洁服务"],
    ["03-weights-before-values.xlsx", "某镇高标准农田灌溉渠系配套"],
    ["04-goal-table-two-blocks.xlsx", "中小学校舍安全维修改造"],
    ["05-department-level.xlsx", "某区卫生健康委员会"],
    ["07-no-score-columns.xlsx", "农村客运班线运营补贴"],
  ])("%s: none of these rules fire", async (file, project) => {
    const { report, findings: fsx } = await findings(file);
    expect(report.projects.map((p) => p.name)).toEqual([project]);
    expect(report.projects[0].indicators.length).toBeGreaterThan(0);
    expect(fsx).toEqual([]);
  });
});
