/** The Office.js adapter: the WorkbookHost interface and its Excel implementation. */
export * from "./host";
export { ExcelHost, createExcelHost, loadSettings, saveSettings, selectCell, workbookName } from "./excel-host";
export type { ExcelHostDeps, Runner, Requirements, DocumentSettings } from "./excel-host";
export { readWorkbook } from "./read";
export { writeOutputSheets, insertTemplateSheets, CELL_STYLES } from "./write";
export { isDateFormat, serialToIso, toExcelInput } from "./values";
export { parseAddress, parseAddressList, quoteSheetName } from "./address";
