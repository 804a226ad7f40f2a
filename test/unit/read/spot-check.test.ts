/** 抽查复核 sheets (SPEC §2.4): list sheets (flat and grouped headers) and "实际绩效" review sheets. */
import type { ReviewEntry } from "../../../src/engine/model";
import { projectFromFileName } from "../../../src/engine/read/sheet";
import {
  buildReviewDetailSheet,
  buildSpotCheckListSheet,
  num,
  qual,
  readSheets,
  REVIEW_DETAIL_ROWS,
  sheet,
  SPOT_CHECK_ROWS,
  type SpotCheckListOptions,
} from "../../helpers/workbooks";

const FILE = "抽查复核.xlsx";

async function readList(opts: SpotCheckListOptions): Promise<ReviewEntry[]> {
  const reading = await readSheets([sheet("抽查复核汇总", (ws) => buildSpotCheckListSheet(ws, SPOT_CHECK_ROWS, opts))], FILE);
  expect(reading.sheets).toMatchObject([{ file: FILE, sheet: "抽查复核汇总", kind: "spot-check-list", projects: 0 }]);
  expect(reading.projects).toEqual([]);
  return reading.reviews;
}

const listEntries = (firstRow: number): ReviewEntry[] => [
  {
    name: "社区居家养老服务补贴项目",
    code: null,
    department: "区民政局",
    selfScore: 94.54,
    score: 81.31,
    grade: "良",
    note: "服务人数核实为1080人",
    location: { file: FILE, sheet: "抽查复核汇总", cell: `C${firstRow}` },
    indicators: [],
  },
  {
    // Code-prefixed name, "[302]" department code, self score as text, formula score, "优秀".
    name: "农村饮水安全工程维修养护",
    code: "51000021R000000019951",
    department: "区水利局",
    selfScore: 94.25,
    score: 90.5,
    grade: "优",
    note: null,
    location: { file: FILE, sheet: "抽查复核汇总", cell: `C${firstRow + 1}` },
    indicators: [],
  },
  {
    name: "公共文化场馆免费开放",
    code: "340321230000000123",
    department: "区文旅局",
    selfScore: 98,
    score: 58,
    grade: "差",
    note: "未提供佐证材料",
    location: { file: FILE, sheet: "抽查复核汇总", cell: `C${firstRow + 2}` },
    indicators: [],
  },
  // The 合计 row is no project.
];

describe("spot-check list", () => {
  test("flat header: 复核得分 / 复核等级", async () => {
    expect(await readList({})).toEqual(listEntries(3));
  });

  test("抽评得分 / 抽评等级 synonyms", async () => {
    expect(await readList({ scoreLabel: "抽评得分", gradeLabel: "抽评等级" })).toEqual(listEntries(3));
  });

  test("grouped two-row header: 自评 / 复核 each over 得分 | 等级 (the review grade is not the self grade)", async () => {
    expect(await readList({ header: "grouped" })).toEqual(listEntries(4));
  });
});

test("grades written as words: 优秀 良好 合格 一般 较差 不合格", async () => {
  const words = ["优秀", "良好", "合格", "一般", "较差", "不合格", "差（58分）"];
  const reading = await readSheets(
    [
      sheet("抽查复核汇总", (ws) => {
        ws.addRow(["序号", "主管部门", "项目名称", "自评得分", "复核得分", "复核等级"]);
        words.forEach((w, i) => ws.addRow([i + 1, "区民政局", `项目${i + 1}`, 90, 60, w]));
      }),
    ],
    FILE,
  );
  expect(reading.reviews.map((r) => r.grade)).toEqual(["优", "良", "中", "中", "差", "差", "差"]);
});

describe("per-indicator review sheet 实际绩效", () => {
  const expectedIndicators = (): ReviewEntry["indicators"] => [
    {
      level1: "output",
      level2: "quantity",
      name: "上门服务老年人数",
      target: num("≥1200人", 1200, "人", ">="),
      weight: 15,
      actual: num("1080人", 1080, "人"),
      score: 13.5,
      note: "名单核实",
      cell: "C3",
    },
    {
      level1: "output",
      level2: "quality",
      name: "服务投诉率",
      target: num("≤2%", 2, "%", "<="),
      weight: 10,
      // 0.035 shown as "3.5%".
      actual: num("3.5%", 3.5, "%"),
      score: 5.71,
      note: "投诉台账核实",
      cell: "C4",
    },
    {
      level1: "effect",
      level2: "social",
      name: "失能老人生活质量改善情况",
      target: qual("有效改善"),
      weight: 15,
      actual: qual("未达成年度指标且效果较差"),
      score: 5,
      note: null,
      cell: "C5",
    },
    {
      level1: "satisfaction",
      level2: "satisfaction",
      name: "服务对象满意度",
      target: num("≥90%", 90, "%", ">="),
      weight: 10,
      actual: num("86%", 86, "%"),
      score: 9.56,
      note: null,
      cell: "C6",
    },
  ];

  test("project named in a title row \"项目名称：…    主管部门：…\"", async () => {
    const reading = await readSheets(
      [sheet("实际绩效", (ws) => buildReviewDetailSheet(ws, REVIEW_DETAIL_ROWS, { titleRow: "项目名称：社区居家养老服务补贴项目    主管部门：区民政局" }))],
      "复核底稿.xlsx",
    );
    expect(reading.sheets).toMatchObject([{ file: "复核底稿.xlsx", sheet: "实际绩效", kind: "spot-check-detail", projects: 0 }]);
    expect(reading.reviews).toEqual([
      {
        name: "社区居家养老服务补贴项目",
        code: null,
        department: "区民政局",
        selfScore: null,
        score: null,
        grade: null,
        note: null,
        location: { file: "复核底稿.xlsx", sheet: "实际绩效", cell: "A1" },
        indicators: expectedIndicators(),
      },
    ]);
  });

  test("project named only by the file name \"项目编码&项目名称&日期.xlsx\"", async () => {
    const file = "51000021R000000019951&社区居家养老服务补贴项目&20240315.xlsx";
    const reading = await readSheets([sheet("实际绩效", (ws) => buildReviewDetailSheet(ws, REVIEW_DETAIL_ROWS))], file);
    expect(reading.reviews).toHaveLength(1);
    const r = reading.reviews[0];
    expect([r.name, r.code, r.department, r.location]).toEqual([
      "社区居家养老服务补贴项目",
      "51000021R000000019951",
      null,
      { file, sheet: "实际绩效", cell: null },
    ]);
    expect(r.indicators).toEqual(expectedIndicators().map((i) => ({ ...i, cell: i.cell.replace(/\d+$/, (n) => String(Number(n) - 1)) })));
  });

  test("projectFromFileName", () => {
    expect(projectFromFileName("51000021R000000019951&工资性支出&20240315.xlsx")).toEqual({ code: "51000021R000000019951", name: "工资性支出" });
    expect(projectFromFileName("C:\\复核\\工资性支出&20240315.xlsx")).toEqual({ code: null, name: "工资性支出" });
    expect(projectFromFileName("/tmp/51000021R000000019951＆工资性支出＆2024.XLSX")).toEqual({ code: "51000021R000000019951", name: "工资性支出" });
    expect(projectFromFileName("抽查复核.xlsx")).toBeNull();
  });
});
