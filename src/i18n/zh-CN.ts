/** 简体中文 message catalogue (default). Keys are shared with en-US.ts. */
export const zhCN = {
  // Input files
  "load.empty": "文件为空（0 字节），请确认导出或上传是否完整。",
  "load.missing": "找不到该文件。",
  "load.denied": "没有读取该文件的权限，或文件正被其他程序独占打开。",
  "load.directoryEmpty": "文件夹中没有 .xlsx 文件。",
  "load.notZip": "不是有效的 .xlsx 文件（内容不是 Excel 工作簿格式）。",
  "load.truncated": "文件已损坏或不完整（压缩包被截断），请重新导出或重新发送。",
  "load.encrypted": "文件已加密（设置了打开密码），无法读取。请在 Excel 或 WPS 中取消密码后另存为 .xlsx 再检查。",
  "load.legacyXls": "这是旧版 .xls（Excel 97-2003）格式。请在 Excel 或 WPS 中“另存为”Excel 工作簿（.xlsx）后再检查。",
  "load.ole": "这是 Office 97-2003 复合文档，不是 .xlsx 工作簿。请另存为 .xlsx 后再检查。",
  "load.csv": "这是文本（CSV）文件被改成了 .xlsx 扩展名。请在 Excel 或 WPS 中打开后另存为 Excel 工作簿（.xlsx）。",
  "load.html": "这是网页（HTML）文件被改成了 Excel 扩展名。请在 Excel 或 WPS 中打开后另存为 Excel 工作簿（.xlsx）。",
  "load.otherOffice": "这是 Word 或 PowerPoint 文档，不是 Excel 工作簿。",
  "load.notXlsx": "文件扩展名不是 .xlsx，无法检查。",
  "load.unreadable": "无法读取该工作簿：{reason}",
  // Command line
  "cli.usage":
    "用法：bpr check <文件或文件夹>... [--format table|json] [--out 评价结果.xlsx] [--profile national|hubei|sichuan|配置.json]\n" +
    "                [--gap 10] [--severe-gap 20] [--lang zh|en]\n" +
    "      bpr schema        输出 JSON 结果的 JSON Schema\n" +
    "      bpr --help | --version\n" +
    "退出码：0 无错误；1 存在错误级问题；2 用法错误或有文件无法读取。",
  "cli.unknownCommand": "未知命令：{command}",
  "cli.unknownOption": "未知选项：{option}",
  "cli.missingValue": "选项 {option} 缺少取值",
  "cli.badValue": "选项 {option} 的取值无效：{value}",
  "cli.noInput": "请至少指定一个 .xlsx 文件或文件夹。",
  "cli.fileError": "无法读取 {file}：{reason}",
  "cli.profileError": "评分配置无法使用：{reason}",
  "cli.wrote": "已写入评价结果：{file}（含“评价汇总”“问题清单”{spot}“评价报告”工作表）",
  "cli.writeFailed": "写入 {file} 失败：{reason}（未生成不完整的文件）",
  "cli.outSameAsInput": "--out 不能与输入文件相同：{file}（原文件从不修改）",
  "cli.skipped": "已跳过（非模板）：{sheets}",
  "cli.summary": "共检查 {files} 个文件、{projects} 个项目：优 {优}、良 {良}、中 {中}、差 {差}；错误 {errors} 条，警告 {warnings} 条，提示 {infos} 条。",
  "cli.noProjects": "未在输入文件中找到绩效自评表、目标表或抽查复核表。",
  // Table labels
  "table.template.self-assessment": "项目支出绩效自评表",
  "table.template.department-self-assessment": "部门整体支出绩效自评表",
  "table.template.goal": "绩效目标表",
  "table.budget": "预算 {adjusted} 万元，执行 {executed} 万元，执行率 {rate}，执行得分 {score}/{weight}",
  "table.goalFunds": "年度资金总额 {adjusted} 万元",
  "table.scores": "自评得分 {self}　核算得分 {computed}　等级 {grade}",
  "table.review": "抽查复核 {score} 分（差异 {gap}，复核等级 {grade}）",
  "table.columns": "一级|二级|三级指标|年度指标值|实际完成值|分值|得分|核算",
  "table.goalColumns": "区块|一级|二级|三级指标|指标值",
  "table.block.annual": "年度",
  "table.block.midterm": "中期",
  "table.findings": "问题（{count}）",
  "table.noFindings": "未发现问题。",
  "table.reviews": "抽查复核表",
  "table.reviewColumns": "项目名称|主管部门|自评得分|复核得分|复核等级",
  "severity.error": "错误",
  "severity.warning": "警告",
  "severity.info": "提示",
} as const;

export type MessageKey = keyof typeof zhCN;
