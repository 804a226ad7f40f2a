/** The WPS 表格 adapter: the host port over window.Application (WPS 加载项). */
export { WpsHost, createWpsHost, wpsApplication } from "./wps-host";
export { readWorkbook, mergedAreas, numberFormats, normaliseWpsFormat, normaliseWpsValue } from "./read";
export type { WpsReadCounts } from "./read";
export { writeOutputSheets, insertTemplateSheets, writePlan } from "./write";
export type * from "./api";
