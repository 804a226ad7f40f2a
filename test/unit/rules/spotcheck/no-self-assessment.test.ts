import { rule } from "../../../../src/engine/rules/spotcheck/no-self-assessment";
import { testRule } from "../../../helpers/rule-tester";
import { makeProject } from "../../../helpers/factories";
import { makeReview, makeReviewDetail } from "../../../helpers/review-factory";

const loc = (cell: string, sheet = "抽查复核汇总") => ({ file: "06.xlsx", sheet, cell });

testRule(rule, {
  valid: [
    { name: "every reviewed project has a self-assessment", project: makeProject({ name: "甲" }), reviews: [makeReview({ name: "甲", score: 90 })] },
    {
      name: "matched despite width and bracket differences",
      project: makeProject({ name: "公共文化场馆免费开放（2023年）" }),
      reviews: [makeReview({ name: "公共文化场馆免费开放 (2023年)", score: 58 })],
    },
    {
      name: "matched by code",
      project: makeProject({ name: "工资性支出", code: "51000021R000000019951" }),
      reviews: [makeReview({ name: "人员工资", code: "51000021R000000019951", score: 90 })],
    },
    { name: "no spot-check data", project: makeProject() },
  ],
  invalid: [
    {
      name: "a review row with no self-assessment points at the row",
      project: makeProject({ name: "社区居家养老服务补贴项目" }),
      reviews: [makeReview({ name: "公共文化场馆免费开放", department: "区文旅局", selfScore: 98, score: 58, grade: "差", location: loc("C5") })],
      hits: [
        {
          cell: "C5",
          sheet: "抽查复核汇总",
          project: "公共文化场馆免费开放",
          data: { project: "公共文化场馆免费开放", department: "区文旅局", reviewScore: 58, listedSelfScore: 98, reviewFile: "06.xlsx", hint: null },
        },
      ],
    },
    {
      name: "a list row and a detail sheet of the same missing project: one finding at the list row",
      reviews: [makeReviewDetail("丙", [{ name: "指标", score: 1 }]), makeReview({ name: "丙", department: "区民政局", score: 70, location: loc("C7") })],
      hits: [{ cell: "C7", project: "丙" }],
    },
    {
      name: "a detail sheet alone points at its title",
      reviews: [makeReviewDetail("丙", [{ name: "指标", score: 1 }])],
      hits: [{ cell: "A1", sheet: "实际绩效", project: "丙", data: { reviewScore: null } }],
    },
    {
      name: "only the goal table of the project was found",
      project: makeProject({ name: "中小学校舍安全维修改造", template: "goal" }),
      reviews: [makeReview({ name: "中小学校舍安全维修改造", score: 88 })],
      hits: [{ data: { hint: "goal-only" } }],
    },
    {
      name: "same-named self-assessments of other departments do not count",
      projects: [
        makeProject({ id: "a!1", name: "工资性支出", department: "区民政局" }),
        makeProject({ id: "a!2", name: "工资性支出", department: "区水利局" }),
      ],
      reviews: [makeReview({ name: "工资性支出", department: "219-区文旅局", score: 90, location: loc("C9") })],
      hits: [{ cell: "C9", data: { hint: "other-department", otherDepartments: "区民政局、区水利局" } }],
    },
    {
      name: "a different project code is a different project",
      project: makeProject({ name: "工资性支出", code: "51000021R000000019951" }),
      reviews: [makeReview({ name: "工资性支出", code: "51000021R000000019952", score: 90 })],
      hits: [{ data: { code: "51000021R000000019952" } }],
    },
    {
      name: "two unmatched projects: two findings",
      reviews: [makeReview({ name: "乙", score: 80, location: loc("C3") }), makeReview({ name: "丁", score: 70, location: loc("C4") })],
      hits: [{ cell: "C3", project: "乙" }, { cell: "C4", project: "丁" }],
    },
  ],
});
