import type { CellValue } from "../../../../src/engine/grid";
import { readWorkbook } from "../../../../src/engine/read";
import { rule } from "../../../../src/engine/rules/template/unknown-column";
import { testRule } from "../../../helpers/rule-tester";

const grid = (sheet: string, values: CellValue[][]) => ({ sheet, top: 0, left: 0, values, merges: [] });
const read = (sheet: string, values: CellValue[][]) => [readWorkbook({ file: "县卫健委.xlsx", grids: [grid(sheet, values)] })];

/** A 湖南-style self-assessment whose header is given. */
function form(header: CellValue[]): CellValue[][] {
  return [
    ["项目支出绩效自评表（2024年度）"],
    ["项目名称", "乡村医生补助", null, "主管部门", "县卫健委"],
    ["实施单位", "县卫健委", null, null, null],
    header,
    ["产出指标", "数量指标", "补助村医人数", "≥320人", "326人", "", ""],
    [null, "时效指标", "补助发放及时率", "100%", "100%", "", ""],
    ["效益指标", "社会效益指标", "村医队伍稳定率", "≥95%", "97%", "", ""],
    ["满意度指标", "服务对象满意度指标", "村医满意度", "≥90%", "93%", "", ""],
  ];
}

testRule(rule, {
  valid: [
    { name: "every header cell has a role", readings: read("自评表", form(["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"])) },
    { name: "序号 is read by no role on purpose", readings: read("自评表", form(["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "序号"])) },
    { name: "a regional wording of a known role is no unknown column", readings: read("自评表", form(["一级指标", "二级指标", "三级指标", "当年预期指标值", "全年实际完成值", "指标分值", "自评得分"])) },
    { name: "a sheet that is no template has no table to report", readings: read("说明", [["填报说明"], ["请按要求填写"]]) },
  ],
  invalid: [
    {
      name: "a column the reader does not know is named with its letter and text",
      readings: read("自评表", form(["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "佐证材料"])),
      hits: [{ cell: "G4", data: { text: "佐证材料", column: "G" } }],
    },
    {
      name: "an unknown column of a spot-check list",
      readings: read("抽查复核", [
        ["项目名称", "主管部门", "复核得分", "复核组"],
        ["乡村医生补助", "县卫健委", 86, "第一组"],
      ]),
      hits: [{ cell: "D1", sheet: "抽查复核", project: null, data: { text: "复核组", column: "D" } }],
    },
  ],
});
