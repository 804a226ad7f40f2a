/**
 * 评价报告 as a Word document (.docx), in the layout of a Chinese official document (GB/T 9704-2012 党政机关公文格式):
 * - A4, margins 37 mm top, 35 mm bottom, 28 mm left, 26 mm right (版心 156 × 225 mm);
 * - title in 方正小标宋简体 二号 (22 pt), centred; 一、 headings in 黑体 三号, （一） headings in 楷体_GB2312 三号;
 * - body in 仿宋_GB2312 三号 (16 pt), first line indented two characters, line spacing fixed at 29 pt;
 * - page numbers "— 1 —" in 宋体 四号 at the foot, odd pages right and even pages left.
 * Fonts a machine lacks are substituted by Word / WPS / LibreOffice with their Chinese defaults.
 *
 * The report's tables (grade distribution before and after review, the spot-check table, problems by type, the
 * 压减 list) are real Word tables with a repeated header row; the grade chart is a native Word chart (docx's ChartRun:
 * Word draws it from its own embedded data, and "Edit Data" opens it).
 *
 * The text is the engine's ReportDoc (engine/summary/report-doc.ts), the same as the 评价报告 sheet. `docx` is
 * loaded on first use (`await import`), so the task pane pays for it only when the user asks for the report.
 */
import type { ReportBlock, ReportDoc } from "../../engine/summary/report-doc";

type Docx = typeof import("docx");

/** Twips per millimetre (1 mm = 56.7 twips). */
const MM = 56.7;
/** Half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 小四 12 pt, 五号 10.5 pt. */
const SIZE = { title: 44, body: 32, pageNumber: 28, table: 24, tableSmall: 21 } as const;
/** Fixed line spacing of the body (twips): 29 pt, inside GB/T 9704's 28–30 pt for 22 lines a page. */
const BODY_LINE = 580;
const TABLE_LINE = 320;

export const FONTS = {
  title: "方正小标宋简体",
  heading1: "黑体",
  heading2: "楷体_GB2312",
  body: "仿宋_GB2312",
  pageNumber: "宋体",
} as const;

/** The width of the 版心 (type area) in twips: 210 − 28 − 26 = 156 mm. */
const TEXT_WIDTH = Math.round(156 * MM);

function font(name: string): { ascii: string; eastAsia: string; hAnsi: string; cs: string } {
  // Latin figures in Times New Roman beside the Chinese font, as official documents set them.
  return { ascii: name === FONTS.body || name === FONTS.pageNumber ? "Times New Roman" : name, eastAsia: name, hAnsi: name === FONTS.body || name === FONTS.pageNumber ? "Times New Roman" : name, cs: name };
}

/** Load `docx` and its chart extension (both lazily). */
async function loadDocx(): Promise<{ docx: Docx; ChartRun: (new (options: object) => object) | null }> {
  const docx = await import("docx");
  let ChartRun: (new (options: object) => object) | null = null;
  try {
    // A subpath export: resolved by webpack and Node; typed loosely so every tsconfig (node10 too) compiles it.
    // eslint-disable-next-line @typescript-eslint/ban-ts-comment -- resolved under "bundler", unresolved under the CLI's node10: neither directive fits both
    // @ts-ignore — "docx/charts" has no types under moduleResolution node10 (the CLI build).
    const charts = (await import("docx/charts")) as { ChartRun?: new (options: object) => object };
    ChartRun = charts.ChartRun ?? null;
  } catch {
    ChartRun = null; // an older docx without charts: the grade table alone carries the figures
  }
  return { docx, ChartRun };
}

export interface DocxOptions {
  /** Shown in the document's properties. */
  creator?: string;
}

/** The report as .docx bytes (Node and browser). */
export async function reportDocx(doc: ReportDoc, opts: DocxOptions = {}): Promise<Uint8Array> {
  const { docx, ChartRun } = await loadDocx();
  const { AlignmentType, Document, Footer, LineRuleType, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, BorderStyle, VerticalAlign, TableLayoutType } = docx;

  const run = (text: string, face: string, size: number, extra: Record<string, unknown> = {}) => new TextRun({ text, font: font(face), size, ...extra });
  const exact = (line: number) => ({ line, lineRule: LineRuleType.EXACT, before: 0, after: 0 });

  const paragraph = (b: ReportBlock): InstanceType<typeof Paragraph>[] => {
    switch (b.kind) {
      case "title":
        // Title in 二号 小标宋: fixed spacing a little above the size, a blank line below.
        return [
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { ...exact(700), after: 0 }, children: [run(b.text, FONTS.title, SIZE.title)] }),
          new Paragraph({ spacing: exact(BODY_LINE), children: [] }),
        ];
      case "note":
        return [new Paragraph({ alignment: AlignmentType.LEFT, spacing: exact(BODY_LINE), indent: { firstLine: 640 }, children: [run(b.text, FONTS.heading2, SIZE.body)] })];
      case "h1":
        return [new Paragraph({ spacing: exact(BODY_LINE), indent: { firstLine: 640 }, keepNext: true, children: [run(b.text, FONTS.heading1, SIZE.body)] })];
      case "h2":
        return [new Paragraph({ spacing: exact(BODY_LINE), indent: { firstLine: 640 }, keepNext: true, children: [run(b.text, FONTS.heading2, SIZE.body)] })];
      case "para": {
        // A paragraph that opens with （一）… gets its marker in 楷体, the rest in 仿宋 (as a （一） heading run in).
        const m = /^(（[一二三四五六七八九十]+）)(.*)$/s.exec(b.text);
        const children = m ? [run(m[1], FONTS.heading2, SIZE.body), run(m[2], FONTS.body, SIZE.body)] : [run(b.text, FONTS.body, SIZE.body)];
        return [new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: exact(BODY_LINE), indent: { firstLine: 640 }, children })];
      }
      default:
        return [];
    }
  };

  const caption = (text: string) =>
    new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, spacing: { ...exact(BODY_LINE), before: 120 }, children: [run(text, FONTS.heading1, SIZE.table)] });

  const border = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
  const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };

  const table = (b: Extract<ReportBlock, { kind: "table" }>) => {
    const total = b.widths.reduce((a, x) => a + x, 0);
    const widths = b.widths.map((w) => Math.floor((TEXT_WIDTH * w) / total));
    const small = b.headers.length > 6;
    const size = small ? SIZE.tableSmall : SIZE.table;
    const cell = (text: string, i: number, header: boolean) =>
      new TableCell({
        width: { size: widths[i], type: WidthType.DXA },
        verticalAlign: VerticalAlign.CENTER,
        margins: { left: 60, right: 60, top: 20, bottom: 20 },
        children: text.split("\n").map(
          (line) =>
            new Paragraph({
              alignment: header ? AlignmentType.CENTER : b.numeric[i] ? AlignmentType.RIGHT : AlignmentType.LEFT,
              spacing: exact(TABLE_LINE),
              children: [run(line, header ? FONTS.heading1 : FONTS.body, size)],
            }),
        ),
      });
    return new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders,
      rows: [
        new TableRow({ tableHeader: true, cantSplit: true, children: b.headers.map((h, i) => cell(h, i, true)) }),
        ...b.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v, i) => cell(v, i, false)) })),
      ],
    });
  };

  const children: (InstanceType<typeof Paragraph> | InstanceType<typeof Table>)[] = [];
  for (const b of doc.blocks) {
    if (b.kind === "table") {
      children.push(caption(b.caption), table(b), new Paragraph({ spacing: exact(TABLE_LINE), children: [] }));
    } else if (b.kind === "chart") {
      if (!ChartRun) continue;
      const chart = new ChartRun({
        type: "column",
        categories: b.categories,
        series: b.series.map((s, i) => ({ name: s.name, values: s.values, color: i === 0 ? "A5A5A5" : "2F5597" })),
        legend: { position: "bottom" },
        dataLabels: { value: true, position: "outsideEnd" },
        font: { name: FONTS.body },
        transformation: { width: 480, height: 260 },
        altText: { name: b.caption, description: `${b.caption}：${b.series.map((s) => `${s.name} ${b.categories.map((c, i) => `${c}${s.values[i]}`).join("，")}`).join("；")}` },
      });
      children.push(
        new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, children: [chart as InstanceType<typeof TextRun>] }),
        new Paragraph({ alignment: AlignmentType.CENTER, spacing: exact(BODY_LINE), children: [run(b.caption, FONTS.heading1, SIZE.table)] }),
      );
    } else {
      children.push(...paragraph(b));
    }
  }

  const pageNumber = (alignment: (typeof AlignmentType)[keyof typeof AlignmentType], indent: { left?: number; right?: number }) =>
    new Footer({
      children: [
        new Paragraph({
          alignment,
          indent,
          children: [new TextRun({ children: ["— ", PageNumber.CURRENT, " —"], font: font(FONTS.pageNumber), size: SIZE.pageNumber })],
        }),
      ],
    });

  const document = new Document({
    creator: opts.creator ?? "预算绩效评价助手",
    title: doc.title,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: { run: { font: font(FONTS.body), size: SIZE.body }, paragraph: { spacing: exact(BODY_LINE) } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: Math.round(37 * MM), bottom: Math.round(35 * MM), left: Math.round(28 * MM), right: Math.round(26 * MM), header: Math.round(15 * MM), footer: Math.round(20 * MM) },
          },
        },
        footers: {
          // GB/T 9704 7.5: odd pages right (one character in), even pages left.
          default: pageNumber(AlignmentType.RIGHT, { right: 280 }),
          even: pageNumber(AlignmentType.LEFT, { left: 280 }),
        },
        children,
      },
    ],
  });
  const buf = await Packer.toArrayBuffer(document);
  return new Uint8Array(buf);
}

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
