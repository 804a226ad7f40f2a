import { parseAddress, parseAddressList, quoteSheetName, splitAddressList } from "../../src/adapters/officejs/address";
import { isDateFormat, jsonBytes, normaliseFormat, normaliseOfficeValue, serialToIso, toExcelInput, utf8Length } from "../../src/adapters/officejs/values";

describe("isDateFormat", () => {
  const dates = [
    "yyyy-mm-dd",
    "m/d/yyyy",
    "yyyy/m/d",
    "d-mmm-yy",
    "mmm-yy",
    "mmmm",
    "yyyy\"年\"m\"月\"d\"日\"",
    "[$-804]yyyy年m月d日",
    "[DBNum1][$-804]yyyy\"年\"m\"月\"",
    "yyyy年m月",
    "m月d日",
    "yyyy-mm-dd hh:mm",
    "m/d/yyyy h:mm AM/PM",
    "[$-F800]dddd, mmmm dd, yyyy",
    "YYYY-MM-DD",
  ];
  const notDates = [
    "General",
    "@",
    "0",
    "0.00",
    "#,##0.00",
    "0.00%",
    "0%",
    "0.00E+00",
    "#,##0.00 \"万元\"",
    "0\"天\"",
    "h:mm",
    "h:mm:ss",
    "mm:ss",
    "[h]:mm:ss",
    "[mm]:ss",
    "_(* #,##0.00_);_(* (#,##0.00);_(* \"-\"??_);_(@_)",
    "#,##0;[Red]-#,##0",
    "0.0 \\d",
    "",
  ];
  it.each(dates)("%s is a date format", (f) => expect(isDateFormat(f)).toBe(true));
  it.each(notDates)("%s is not a date format", (f) => expect(isDateFormat(f)).toBe(false));
  it("null and undefined are not", () => {
    expect(isDateFormat(null)).toBe(false);
    expect(isDateFormat(undefined)).toBe(false);
  });
});

describe("serialToIso (1900 date system)", () => {
  it.each([
    [1, "1900-01-01"],
    [31, "1900-01-31"],
    [59, "1900-02-28"],
    [60, "1900-02-29"], // Excel's phantom leap day
    [61, "1900-03-01"],
    [36526, "2000-01-01"],
    [43831, "2020-01-01"],
    [45292, "2024-01-01"],
    [45351, "2024-02-29"],
    [2958465, "9999-12-31"],
  ])("%d → %s", (serial, iso) => expect(serialToIso(serial)).toBe(iso));

  it("keeps the time of day as HH:MM", () => {
    expect(serialToIso(45292.5)).toBe("2024-01-01 12:00");
    expect(serialToIso(45292 + 8.5 / 24)).toBe("2024-01-01 08:30");
    expect(serialToIso(45292 + (23 * 3600 + 59 * 60 + 59.9) / 86400)).toBe("2024-01-02");
  });

  it("refuses what Excel does not show as a date", () => {
    expect(serialToIso(0)).toBeNull();
    expect(serialToIso(-5)).toBeNull();
    expect(serialToIso(2958466)).toBeNull();
    expect(serialToIso(Number.NaN)).toBeNull();
  });
});

describe("normaliseOfficeValue", () => {
  it("turns empty strings into null and keeps text, booleans and errors", () => {
    expect(normaliseOfficeValue("", null)).toBeNull();
    expect(normaliseOfficeValue("项目名称", null)).toBe("项目名称");
    expect(normaliseOfficeValue(true, null)).toBe(true);
    expect(normaliseOfficeValue("#DIV/0!", null)).toBe("#DIV/0!");
    expect(normaliseOfficeValue(undefined, null)).toBeNull();
  });
  it("converts date serials by the number format, leaves other numbers", () => {
    expect(normaliseOfficeValue(45292, "yyyy/m/d")).toBe("2024-01-01");
    expect(normaliseOfficeValue(45292, null)).toBe(45292);
    expect(normaliseOfficeValue(0.93, "0.00%")).toBe(0.93);
    expect(normaliseOfficeValue(0.5, "h:mm")).toBe(0.5);
    expect(normaliseOfficeValue(0, "yyyy-mm-dd")).toBe(0);
  });
  it("General formats become null", () => {
    expect(normaliseFormat("General")).toBeNull();
    expect(normaliseFormat("")).toBeNull();
    expect(normaliseFormat("0.00%")).toBe("0.00%");
  });
});

describe("toExcelInput", () => {
  it("prefixes every string with Excel's quote prefix", () => {
    expect(toExcelInput("=SUM(A1:A3)")).toBe("'=SUM(A1:A3)");
    expect(toExcelInput("+86 138")).toBe("'+86 138");
    expect(toExcelInput("-")).toBe("'-");
    expect(toExcelInput("@home")).toBe("'@home");
    expect(toExcelInput("'quoted")).toBe("''quoted");
    expect(toExcelInput("0012")).toBe("'0012");
    expect(toExcelInput("评价汇总")).toBe("'评价汇总");
  });
  it("keeps numbers and booleans, blanks null and non-finite numbers", () => {
    expect(toExcelInput(3.5)).toBe(3.5);
    expect(toExcelInput(false)).toBe(false);
    expect(toExcelInput(null)).toBe("");
    expect(toExcelInput("")).toBe("");
    expect(toExcelInput(Number.NaN)).toBe("");
  });
});

describe("payload bytes", () => {
  it("counts UTF-8 bytes", () => {
    expect(utf8Length("abc")).toBe(3);
    expect(utf8Length("项目")).toBe(6);
    expect(utf8Length("é")).toBe(2);
    expect(utf8Length("😀")).toBe(4);
    expect(jsonBytes([["项目", 1]])).toBe(utf8Length('[["项目",1]]'));
  });
});

describe("addresses", () => {
  it("parses sheet-qualified addresses, quoted names and single cells", () => {
    expect(parseAddress("Sheet1!B4:J24")).toEqual({ sheet: "Sheet1", top: 3, left: 1, bottom: 23, right: 9 });
    expect(parseAddress("'My Sheet'!A1:B2")).toEqual({ sheet: "My Sheet", top: 0, left: 0, bottom: 1, right: 1 });
    expect(parseAddress("'It''s'!C3")).toEqual({ sheet: "It's", top: 2, left: 2, bottom: 2, right: 2 });
    expect(parseAddress("'a!b'!$A$1:$C$2")).toEqual({ sheet: "a!b", top: 0, left: 0, bottom: 1, right: 2 });
    expect(parseAddress("自评表!AA10")).toEqual({ sheet: "自评表", top: 9, left: 26, bottom: 9, right: 26 });
    expect(parseAddress("B2")).toEqual({ sheet: null, top: 1, left: 1, bottom: 1, right: 1 });
    expect(parseAddress("Sheet1!A:A")).toBeNull();
    expect(parseAddress("nonsense")).toBeNull();
  });
  it("splits RangeAreas lists outside quotes", () => {
    expect(splitAddressList("Sheet1!A1:B2, Sheet1!D4:E5")).toEqual(["Sheet1!A1:B2", "Sheet1!D4:E5"]);
    expect(splitAddressList("'a,b'!A1:B2,'a,b'!C1:D1")).toEqual(["'a,b'!A1:B2", "'a,b'!C1:D1"]);
    expect(parseAddressList("'x; y'!A1:A3; 'x; y'!B1:C1").map((a) => [a.sheet, a.top, a.bottom])).toEqual([
      ["x; y", 0, 2],
      ["x; y", 0, 0],
    ]);
    expect(parseAddressList("")).toEqual([]);
  });
  it("quotes sheet names for references", () => {
    expect(quoteSheetName("评价汇总")).toBe("'评价汇总'");
    expect(quoteSheetName("It's")).toBe("'It''s'");
  });
});
