/** Label normalisation (SPEC §2): labelKey, code splitting, inline "label：value" cells, no-value marks. */
import type { CellValue } from "../../../src/engine/grid";
import {
  cellText,
  departmentKey,
  isNoValue,
  labelKey,
  nameKey,
  splitLeadingCode,
  splitProjectCode,
  toHalfWidth,
} from "../../../src/engine/read/normalise";
import { inlineFields } from "../../../src/engine/read/sheet";

describe("labelKey", () => {
  const cases: [CellValue, string, number[], string[]][] = [
    ["产出指标（50分）", "产出指标", [50], ["50分"]],
    ["产出指标(50分)", "产出指标", [50], ["50分"]],
    ["效益指标\n(30分)", "效益指标", [30], ["30分"]],
    ["满意度指标［10分］", "满意度指标", [10], ["10分"]],
    ["执行率权重(10.5分)", "执行率权重", [10.5], ["10.5分"]],
    ["预算执行情况(10分)", "预算执行情况", [10], ["10分"]],
    ["年度\n指标值", "年度指标值", [], []],
    ["实际\r\n完成值", "实际完成值", [], []],
    ["绩\n效\n指\n标", "绩效指标", [], []],
    ["项目资金\n（万元）", "项目资金", [], ["万元"]],
    ["全年预算数(A)", "全年预算数", [], ["A"]],
    ["执行率（B/A）", "执行率", [], ["B/A"]],
    ["全年（调整）预算数", "全年预算数", [], ["调整"]],
    ["得分系数（%）", "得分系数", [], ["%"]],
    ["实施单位（盖章）", "实施单位", [], ["盖章"]],
    ["中期目标（2024年－2026年）", "中期目标", [], ["2024年-2026年"]],
    ["主管部门：", "主管部门", [], []],
    ["主管部门:", "主管部门", [], []],
    ["*项目名称", "项目名称", [], []],
    ["【项目名称】", "项目名称", [], ["项目名称"]],
    ["  分 值  ", "分值", [], []],
    ["　分　值　", "分值", [], []],
    ["ＡＢＣ１２３", "ABC123", [], []],
    [12, "", [], []],
    [null, "", [], []],
  ];
  test.each(cases)("%j → %s", (input, key, numbers, brackets) => {
    expect(labelKey(input)).toEqual({ key, numbers, brackets });
  });
});

describe("splitProjectCode", () => {
  const cases: [string, string | null, string][] = [
    ["51000021R000000019951-工资性支出", "51000021R000000019951", "工资性支出"],
    ["51000021R000000019951—工资性支出", "51000021R000000019951", "工资性支出"],
    ["51000021R000000019951 工资性支出", "51000021R000000019951", "工资性支出"],
    ["51000021R000000019951：工资性支出", "51000021R000000019951", "工资性支出"],
    ["51110123T000001234567-城乡环卫一体化保洁服务", "51110123T000001234567", "城乡环卫一体化保洁服务"],
    ["［340321230000000123］公共文化场馆免费开放", "340321230000000123", "公共文化场馆免费开放"],
    ["340321230000000123、公共文化场馆免费开放", "340321230000000123", "公共文化场馆免费开放"],
    ["１２３４５６７８－项目", "12345678", "项目"],
    ["2023年工资性支出", null, "2023年工资性支出"],
    ["ABC-工资", null, "ABC-工资"],
    ["12-工资", null, "12-工资"],
    ["  工资性支出 ", null, "工资性支出"],
  ];
  test.each(cases)("%s", (input, code, name) => {
    expect(splitProjectCode(input)).toEqual({ code, name });
  });
});

describe("splitLeadingCode (department codes)", () => {
  const cases: [string, string | null, string][] = [
    ["[201]县教育和体育局", "201", "县教育和体育局"],
    ["［201］县教育和体育局", "201", "县教育和体育局"],
    ["【201】县教育和体育局", "201", "县教育和体育局"],
    ["(201)县教育局", "201", "县教育局"],
    ["（201）县教育局", "201", "县教育局"],
    ["219-某某镇人民政府", "219", "某某镇人民政府"],
    ["219—某某镇人民政府", "219", "某某镇人民政府"],
    ["201 县教育局", "201", "县教育局"],
    ["201001、县第一中学", "201001", "县第一中学"],
    ["县教育局", null, "县教育局"],
    ["2023年县教育局", null, "2023年县教育局"],
    ["1、区民政局", null, "1、区民政局"],
    ["12.5万元", null, "12.5万元"],
  ];
  test.each(cases)("%s", (input, code, name) => {
    expect(splitLeadingCode(input)).toEqual({ code, name });
  });

  test("departmentKey / nameKey for matching", () => {
    expect(departmentKey("[201]县教育和体育局")).toBe("县教育和体育局");
    expect(departmentKey("219-某某镇人民政府")).toBe(departmentKey("某某镇人民政府"));
    expect(departmentKey(null)).toBe("");
    expect(nameKey(" 社区（居家）“养老” Ab ")).toBe("社区(居家)养老ab");
    expect(nameKey(undefined)).toBe("");
  });
});

describe("inline label：value cells", () => {
  const cases: [string, { field: string; value: string }[]][] = [
    [
      "项目名称：社区居家养老服务补贴项目    主管部门：区民政局",
      [
        { field: "name", value: "社区居家养老服务补贴项目" },
        { field: "department", value: "区民政局" },
      ],
    ],
    [
      "项目名称：工资性支出主管部门：某县财政局",
      [
        { field: "name", value: "工资性支出" },
        { field: "department", value: "某县财政局" },
      ],
    ],
    [
      "项目编码：5100 项目名称：某项目",
      [
        { field: "code", value: "5100" },
        { field: "name", value: "某项目" },
      ],
    ],
    ["实施单位（盖章）：某中心", [{ field: "unit", value: "某中心" }]],
    ["填报单位（盖章）：区养老服务中心        填报日期：2024年3月20日", []],
    ["目标1：完成12所", []],
  ];
  test.each(cases)("%s", (input, expected) => {
    expect(inlineFields(input)).toEqual(expected);
  });
});

describe("small helpers", () => {
  test("toHalfWidth keeps ≥ ≤ and CJK", () => {
    expect(toHalfWidth("ＡＢＣ１２３＞＝％（）：　≥≤中")).toBe("ABC123>=%(): ≥≤中");
  });

  test("cellText", () => {
    expect([cellText(null), cellText("  a "), cellText(1.5), cellText(true), cellText(false)]).toEqual(["", "a", "1.5", "TRUE", "FALSE"]);
  });

  const noValue: [CellValue, boolean][] = [
    [null, true],
    ["", true],
    ["  ", true],
    ["—", true],
    ["——", true],
    ["/", true],
    ["／", true],
    ["*", true],
    ["＊", true],
    ["－", true],
    ["-", true],
    ["无", false],
    ["0", false],
    [0, false],
    [false, false],
  ];
  test.each(noValue)("isNoValue(%j) = %s", (v, expected) => {
    expect(isNoValue(v)).toBe(expected);
  });
});
