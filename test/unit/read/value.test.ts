/** parseValue / parseSplitValue / inferDirection (SPEC §3) as tables of inputs. */
import type { CellValue } from "../../../src/engine/grid";
import type { Direction, Level1Key, Level2Key, Value } from "../../../src/engine/model";
import { inferDirection, parseSplitValue, parseValue } from "../../../src/engine/read";
import { empty, num, qual, stub, val } from "../../helpers/workbooks";

const error = (raw: string): Value => val(raw, "error");

describe("parseValue", () => {
  const cases: [CellValue, Value][] = [
    // Operators as symbols, half- and full-width.
    ["≥1200人", num("≥1200人", 1200, "人", ">=")],
    [">=95%", num(">=95%", 95, "%", ">=")],
    ["=>95%", num("=>95%", 95, "%", ">=")],
    ["≧95%", num("≧95%", 95, "%", ">=")],
    ["＞＝95％", num("＞＝95％", 95, "%", ">=")],
    ["≤2%", num("≤2%", 2, "%", "<=")],
    ["<=2%", num("<=2%", 2, "%", "<=")],
    ["≦2%", num("≦2%", 2, "%", "<=")],
    ["＜5天", num("＜5天", 5, "天", "<")],
    ["＞0", num("＞0", 0, null, ">")],
    ["=0栋", num("=0栋", 0, "栋", "=")],
    ["==100%", num("==100%", 100, "%", "=")],
    ["≥ 1200 人", num("≥ 1200 人", 1200, "人", ">=")],
    // Operators as words, before or after the number.
    ["不低于90%", num("不低于90%", 90, "%", ">=")],
    ["不少于1200人", num("不少于1200人", 1200, "人", ">=")],
    ["达到90%", num("达到90%", 90, "%", ">=")],
    ["大于90%", num("大于90%", 90, "%", ">")],
    ["小于5%", num("小于5%", 5, "%", "<")],
    ["不超过3天", num("不超过3天", 3, "天", "<=")],
    ["控制在5%以内", num("控制在5%以内", 5, "%", "<=")],
    ["90%以上", num("90%以上", 90, "%", ">=")],
    ["90%及以上", num("90%及以上", 90, "%", ">=")],
    ["1200人以上", num("1200人以上", 1200, "人", ">=")],
    ["3天以内", num("3天以内", 3, "天", "<=")],
    ["5%以下", num("5%以下", 5, "%", "<=")],
    // Full-width digits, thousands separators, percent words, compound units.
    ["≥１２００人", num("≥１２００人", 1200, "人", ">=")],
    ["１，２００人", num("１，２００人", 1200, "人")],
    ["1,200人", num("1,200人", 1200, "人")],
    ["12,345.6万元", num("12,345.6万元", 12345.6, "万元")],
    ["93.5%", num("93.5%", 93.5, "%")],
    ["95％", num("95％", 95, "%")],
    ["95百分比", num("95百分比", 95, "%")],
    ["0.5‰", num("0.5‰", 0.5, "‰")],
    ["-5%", num("-5%", -5, "%")],
    ["≤2000元/人·月", num("≤2000元/人·月", 2000, "元/人·月", "<=")],
    ["≥1.2万盏", num("≥1.2万盏", 1.2, "万盏", ">=")],
    ["1200人次/年", num("1200人次/年", 1200, "人次/年")],
    ["12个月", num("12个月", 12, "个月")],
    ["0.95", num("0.95", 0.95)],
    // Filler words before a number.
    ["约1200人", num("约1200人", 1200, "人")],
    ["累计完成1136人", num("累计完成1136人", 1136, "人")],
    // Placeholders: template stubs, not values.
    ["≥**人次", stub("≥**人次")],
    ["XX%", stub("XX%")],
    ["××%", stub("××%")],
    ["**", stub("**")],
    ["__", stub("__")],
    ["＿＿", stub("＿＿")],
    ["…", stub("…")],
    ["x", stub("x")],
    ["≥", stub("≥")],
    ["≥人次", stub("≥人次")],
    ["≤万元", stub("≤万元")],
    ["≥%", stub("≥%")],
    // No value.
    [null, empty()],
    ["", empty()],
    ["   ", empty()],
    ["—", empty()],
    ["——", empty()],
    ["/", empty()],
    ["*", empty()],
    ["－", empty()],
    // Qualitative: words, deadlines, dates, ranges, sentences.
    ["效果明显", qual("效果明显")],
    ["显著提升", qual("显著提升")],
    ["合规", qual("合规")],
    ["达标", qual("达标")],
    ["≥良好", qual("≥良好")],
    ["12月底之前完成", qual("12月底之前完成")],
    ["2023年12月底前", qual("2023年12月底前")],
    ["11月底前", qual("11月底前")],
    ["次年3月15日", qual("次年3月15日")],
    ["2023-10-25", qual("2023-10-25")],
    ["2023-10-25 14:30", qual("2023-10-25 14:30")],
    ["95%-100%", qual("95%-100%")],
    ["1200人，较上年增长5%", qual("1200人，较上年增长5%")],
    ["100%完成", qual("100%完成")],
    ["百分之九十", qual("百分之九十")],
    // Excel error values.
    ["#DIV/0!", error("#DIV/0!")],
    ["#N/A", error("#N/A")],
    ["#VALUE!", error("#VALUE!")],
    ["#REF!", error("#REF!")],
    // Plain numbers and booleans.
    [1200, num("1200", 1200)],
    [0.95, num("0.95", 0.95)],
    [Number.NaN, error("NaN")],
    [true, qual("是")],
    [false, qual("否")],
  ];
  test.each(cases)("%j", (input, expected) => {
    expect(parseValue(input)).toEqual(expected);
  });

  test("percent-formatted numbers are percentages", () => {
    expect(parseValue(0.724, { percentFormat: true })).toEqual(num("72.4%", 72.4, "%"));
    expect(parseValue(0.035, { percentFormat: true })).toEqual(num("3.5%", 3.5, "%"));
    expect(parseValue(1, { percentFormat: true })).toEqual(num("100%", 100, "%"));
    // Text is never rescaled.
    expect(parseValue("95%", { percentFormat: true })).toEqual(num("95%", 95, "%"));
  });
});

describe("parseSplitValue (四川: operator, number and unit in three cells)", () => {
  const cases: [CellValue, CellValue, CellValue, Value][] = [
    ["≥", 95, "%", num("≥95%", 95, "%", ">=")],
    ["＞＝", 95, "%", num("≥95%", 95, "%", ">=")],
    [">=", 95, "%", num("≥95%", 95, "%", ">=")],
    ["大于等于", 95, "%", num("≥95%", 95, "%", ">=")],
    ["小于等于", 2, "%", num("≤2%", 2, "%", "<=")],
    ["≤", "3.2", "元/平方米·年", num("≤3.2元/平方米·年", 3.2, "元/平方米·年", "<=")],
    ["大于", 0, "个", num(">0个", 0, "个", ">")],
    ["等于", 100, "%", num("=100%", 100, "%", "=")],
    ["=", 100, "%", num("=100%", 100, "%", "=")],
    ["≥", 95, "百分比", num("≥95百分比", 95, "%", ">=")],
    ["≥", "95%", "%", num("≥95%", 95, "%", ">=")],
    [null, 126, "人", num("126人", 126, "人")],
    ["", 95, "", num("95", 95)],
    ["正向", 95, "%", num("≥95%", 95, "%", ">=")],
    ["反向", 2, "%", num("≤2%", 2, "%", "<=")],
    ["反向指标", 60, "件", num("≤60件", 60, "件", "<=")],
    ["定性", "有效保障", "/", qual("有效保障")],
    ["≥", "**", "人次", stub("**")],
    ["≥", null, "人", empty()],
  ];
  test.each(cases)("%j %j %j", (op, n, unit, expected) => {
    expect(parseSplitValue(op, n, unit)).toEqual(expected);
  });

  test("a percent-formatted fraction with % in the unit column", () => {
    expect(parseSplitValue("≥", 0.95, "%", { percentFormat: true })).toEqual(num("≥95%", 95, "%", ">="));
  });
});

describe("inferDirection", () => {
  const cases: [Value, string, Level1Key | null, Level2Key | null, Direction][] = [
    [num("≥95%", 95, "%", ">="), "覆盖率", "output", "quality", "higher"],
    [num(">0", 0, null, ">"), "新增户数", "output", "quantity", "higher"],
    [num("≤2%", 2, "%", "<="), "投诉率", "output", "quality", "lower"],
    [num("<5", 5, null, "<"), "事故数", "effect", "social", "lower"],
    [num("=100%", 100, "%", "="), "准确率", "output", "quality", "equal"],
    // No operator: cost indicators and "keep it low" names are lower-is-better.
    [num("2000元", 2000, "元"), "人均补贴标准", "output", "cost", "lower"],
    [num("50万元", 50, "万元"), "单位成本", "cost", "economic-cost", "lower"],
    [num("1%", 1, "%"), "服务投诉率", "output", "quality", "lower"],
    [num("10%", 10, "%"), "预算调整率", null, null, "lower"],
    [num("100%", 100, "%"), "三公经费控制率", null, null, "lower"],
    [num("0起", 0, "起"), "安全事故发生起数", "effect", "social", "lower"],
    // …unless the name measures how well the low thing is handled.
    [num("100%", 100, "%"), "投诉处理率", "output", "quality", "higher"],
    [num("100%", 100, "%"), "信访事项办结率", "output", "quality", "higher"],
    [num("100%", 100, "%"), "补贴发放及时率", "output", "timeliness", "higher"],
    [num("42条", 42, "条"), "补贴班线数量", "output", "quantity", "higher"],
    [qual("有效改善"), "生活质量", "effect", "social", "qualitative"],
    [stub("≥**人次"), "服务人次", "output", "quantity", "qualitative"],
    [empty(), "服务人次", "output", "quantity", "qualitative"],
  ];
  test.each(cases)("%j %s → %s", (target, name, l1, l2, expected) => {
    expect(inferDirection(target, name, l1, l2)).toBe(expected);
  });
});
