/** The exact message each load error gets, in zh and en (what the user reads after "无法读取 <file>："). */
export const MESSAGES: Record<string, { zh: string; en: string }> = {
  empty: { zh: "文件为空（0 字节），请确认导出或上传是否完整。", en: "The file is empty (0 bytes); check that the export or transfer finished." },
  missing: { zh: "找不到该文件。", en: "The file does not exist." },
  denied: { zh: "没有读取该文件的权限，或文件正被其他程序独占打开。", en: "No permission to read the file, or another program holds it locked." },
  directoryEmpty: { zh: "文件夹中没有电子表格文件（.xlsx、.xlsm、.xls、.et、.ods、.xlsb）。", en: "The folder contains no spreadsheets (.xlsx, .xlsm, .xls, .et, .ods, .xlsb)." },
  notZip: {
    zh: "不是可识别的电子表格文件（内容不是 .xlsx、.xls、.et、.ods 或 .xlsb 格式）。",
    en: "Not a spreadsheet this tool can read (the content is not .xlsx, .xls, .et, .ods or .xlsb).",
  },
  truncated: { zh: "文件已损坏或不完整（压缩包被截断），请重新导出或重新发送。", en: "The file is damaged or incomplete (truncated archive); export or send it again." },
  encrypted: {
    zh: "文件已加密（设置了打开密码），无法读取。请在 Excel 或 WPS 中取消密码后另存为 .xlsx 再检查。",
    en: "The file is encrypted (it has an open password). Remove the password in Excel or WPS, save as .xlsx and check again.",
  },
  legacyXls: {
    zh: "这是旧版 .xls（Excel 97-2003）格式。请在 Excel 或 WPS 中“另存为”Excel 工作簿（.xlsx）后再检查。",
    en: "This is a legacy .xls (Excel 97-2003) file. Save it as an Excel Workbook (.xlsx) in Excel or WPS and check again.",
  },
  ole: {
    zh: "这是 Office 97-2003 复合文档，不是 .xlsx 工作簿。请另存为 .xlsx 后再检查。",
    en: "This is an Office 97-2003 compound document, not an .xlsx workbook. Save it as .xlsx and check again.",
  },
  csv: {
    zh: "这是文本（CSV）文件，不是 Excel 工作簿。请在 Excel 或 WPS 中打开后另存为 Excel 工作簿（.xlsx）。",
    en: "This is a text (CSV) file, not an Excel workbook. Open it in Excel or WPS and save it as an Excel Workbook (.xlsx).",
  },
  pdf: {
    zh: "这是 PDF 文件，不是电子表格。请提交 Excel 或 WPS 表格文件（.xlsx、.xls、.et 等）。",
    en: "This is a PDF file, not a spreadsheet. Submit an Excel or WPS spreadsheet (.xlsx, .xls, .et…).",
  },
  image: {
    zh: "这是图片文件（扫描件或截图），不是电子表格。请提交 Excel 或 WPS 表格文件（.xlsx、.xls、.et 等）。",
    en: "This is an image (a scan or a screenshot), not a spreadsheet. Submit an Excel or WPS spreadsheet (.xlsx, .xls, .et…).",
  },
  archive: {
    zh: "这是压缩包（RAR、7z 或 gzip），不是电子表格。请先解压，再检查其中的表格文件。",
    en: "This is a compressed archive (RAR, 7z or gzip), not a spreadsheet. Extract it first and check the spreadsheets inside.",
  },
  html: {
    zh: "这是网页（HTML）文件被改成了 Excel 扩展名。请在 Excel 或 WPS 中打开后另存为 Excel 工作簿（.xlsx）。",
    en: "This is a web page (HTML) renamed to an Excel extension. Open it in Excel or WPS and save it as an Excel Workbook (.xlsx).",
  },
  xml2003: {
    zh: "这是 Excel 2003 XML 表格（常见于业务系统导出的 .xls），不是 .xlsx 工作簿。请在 Excel 或 WPS 中打开后另存为 Excel 工作簿（.xlsx）。",
    en: "This is an Excel 2003 XML spreadsheet (often exported by finance systems as .xls), not an .xlsx workbook. Open it in Excel or WPS and save it as an Excel Workbook (.xlsx).",
  },
  otherOffice: { zh: "这是 Word 或 PowerPoint 文档，不是 Excel 工作簿。", en: "This is a Word or PowerPoint document, not an Excel workbook." },
  xlsb: {
    zh: "这是 Excel 二进制工作簿（.xlsb）格式。请在 Excel 中“另存为”Excel 工作簿（.xlsx）后再检查。",
    en: "This is an Excel Binary Workbook (.xlsb). Save it as an Excel Workbook (.xlsx) in Excel and check again.",
  },
  ods: {
    zh: "这是 OpenDocument 电子表格（.ods）。请在 WPS、LibreOffice 或 Excel 中另存为 Excel 工作簿（.xlsx）后再检查。",
    en: "This is an OpenDocument spreadsheet (.ods). Save it as an Excel Workbook (.xlsx) in WPS, LibreOffice or Excel and check again.",
  },
  noWorkbook: {
    zh: "这是一个压缩包，但其中没有 Excel 工作簿内容（缺少 xl/workbook.xml），不是有效的 .xlsx 文件。",
    en: "This is a zip archive, but it holds no Excel workbook (xl/workbook.xml is missing); it is not a valid .xlsx file.",
  },
  tooLarge: {
    zh: "文件过大（解压后约 3.3 GB），超出可检查的上限，为避免耗尽内存已跳过。请删除与绩效表无关的工作表后另存再检查。",
    en: "The file is too large (about 3.3 GB uncompressed) and was skipped to avoid running out of memory. Delete the sheets that are not performance forms, save and check again.",
  },
  corrupt: {
    zh: "工作簿已损坏，内部数据无法解析。请在 Excel 或 WPS 中打开（必要时使用“打开并修复”），另存为 .xlsx 后再检查。",
    en: "The workbook is damaged: its contents cannot be parsed. Open it in Excel or WPS (use Open and Repair if needed), save it as .xlsx and check again.",
  },
};
