import { rule } from "../../../../src/engine/rules/target/bare-percentage";
import { testRule } from "../../../helpers/rule-tester";
import { makeIndicator, makeProject } from "../../../helpers/factories";

const effect = (name: string, target: string, reason: string | null = null) =>
  makeIndicator({ level1: "effect", level2: "social", name, target, actual: target.replace(/[≥≤]/, ""), reason });

testRule(rule, {
  valid: [
    { name: "a rate with a percentage target can be computed", project: makeProject({ indicators: [effect("适龄儿童入学率", "≥95%")] }) },
    { name: "a share", project: makeProject({ indicators: [effect("受益群众占比", "≥90%")] }) },
    { name: "a data source named in the target", project: makeProject({ indicators: [effect("群众生活水平改善", "≥95%（统计局抽样调查）")] }) },
    { name: "a source named in the reason column", project: makeProject({ indicators: [effect("群众生活水平改善", "≥95%", "数据来源：入户问卷")] }) },
    { name: "a count target", project: makeProject({ indicators: [effect("带动就业", "≥200人")] }) },
    { name: "output indicators are not judged here", project: makeProject({ indicators: [makeIndicator({ name: "设备完好", target: "≥95%" })] }) },
    { name: "qualitative effect", project: makeProject({ indicators: [effect("生态环境改善", "明显改善")] }) },
  ],
  invalid: [
    {
      name: "social effects all at ≥95%: once per form, at the first target, naming them all",
      project: makeProject({ indicators: [makeIndicator({ name: "培训人次" }), effect("群众生活水平提高", "≥95%"), effect("社会稳定", "≥95%")] }),
      hits: [{ cell: "F17", data: { count: 2, name: "群众生活水平提高", target: "≥95%", names: "群众生活水平提高、社会稳定" } }],
    },
    {
      name: "a bare 100%",
      project: makeProject({ indicators: [effect("生态环境改善", "100%")] }),
      hits: [{ data: { count: 1 } }],
    },
  ],
});
