/**
 * Vocabulary of the generated county: departments, unit suffixes, project names and indicator templates by sector.
 * Plain data; the generator (corpus.ts) draws from it with a seeded PRNG.
 */

export type Sector =
  | "admin"
  | "education"
  | "health"
  | "agriculture"
  | "works"
  | "social"
  | "culture"
  | "environment"
  | "safety"
  | "town";

export interface DepartmentDef {
  name: string;
  sector: Sector;
  /** Relative number of units (the bureau itself plus subordinate units). */
  size: number;
}

/** 66 budget departments of a county (50 bureaus and bodies, 16 towns and streets). */
export const DEPARTMENTS: DepartmentDef[] = [
  { name: "县委办公室", sector: "admin", size: 2 },
  { name: "县人大常委会办公室", sector: "admin", size: 1 },
  { name: "县政府办公室", sector: "admin", size: 3 },
  { name: "县政协办公室", sector: "admin", size: 1 },
  { name: "县纪委监委", sector: "admin", size: 2 },
  { name: "县委组织部", sector: "admin", size: 3 },
  { name: "县委宣传部", sector: "culture", size: 3 },
  { name: "县委统战部", sector: "admin", size: 1 },
  { name: "县委政法委", sector: "safety", size: 2 },
  { name: "县发展和改革委员会", sector: "admin", size: 3 },
  { name: "县教育局", sector: "education", size: 34 },
  { name: "县科学技术局", sector: "admin", size: 2 },
  { name: "县经济和信息化局", sector: "works", size: 3 },
  { name: "县公安局", sector: "safety", size: 6 },
  { name: "县民政局", sector: "social", size: 6 },
  { name: "县司法局", sector: "safety", size: 4 },
  { name: "县财政局", sector: "admin", size: 5 },
  { name: "县人力资源和社会保障局", sector: "social", size: 6 },
  { name: "县自然资源和规划局", sector: "environment", size: 5 },
  { name: "县生态环境分局", sector: "environment", size: 3 },
  { name: "县住房和城乡建设局", sector: "works", size: 7 },
  { name: "县交通运输局", sector: "works", size: 6 },
  { name: "县水利局", sector: "works", size: 6 },
  { name: "县农业农村局", sector: "agriculture", size: 10 },
  { name: "县商务局", sector: "admin", size: 2 },
  { name: "县文化旅游体育局", sector: "culture", size: 7 },
  { name: "县卫生健康委员会", sector: "health", size: 26 },
  { name: "县退役军人事务局", sector: "social", size: 3 },
  { name: "县应急管理局", sector: "safety", size: 4 },
  { name: "县审计局", sector: "admin", size: 2 },
  { name: "县市场监督管理局", sector: "safety", size: 6 },
  { name: "县统计局", sector: "admin", size: 2 },
  { name: "县医疗保障局", sector: "health", size: 3 },
  { name: "县林业局", sector: "environment", size: 5 },
  { name: "县乡村振兴局", sector: "agriculture", size: 3 },
  { name: "县城市管理局", sector: "works", size: 6 },
  { name: "县数据资源管理局", sector: "admin", size: 2 },
  { name: "县信访局", sector: "admin", size: 1 },
  { name: "县机关事务管理中心", sector: "admin", size: 2 },
  { name: "县融媒体中心", sector: "culture", size: 2 },
  { name: "县档案馆", sector: "culture", size: 1 },
  { name: "县总工会", sector: "social", size: 2 },
  { name: "共青团县委", sector: "social", size: 1 },
  { name: "县妇女联合会", sector: "social", size: 1 },
  { name: "县科学技术协会", sector: "culture", size: 1 },
  { name: "县残疾人联合会", sector: "social", size: 2 },
  { name: "县供销合作社联合社", sector: "agriculture", size: 2 },
  { name: "县人民法院", sector: "safety", size: 2 },
  { name: "县人民检察院", sector: "safety", size: 1 },
  { name: "县粮食和物资储备局", sector: "agriculture", size: 3 },
  { name: "城关镇人民政府", sector: "town", size: 5 },
  { name: "东关街道办事处", sector: "town", size: 4 },
  { name: "西城街道办事处", sector: "town", size: 4 },
  { name: "桃园镇人民政府", sector: "town", size: 5 },
  { name: "龙泉镇人民政府", sector: "town", size: 5 },
  { name: "石桥镇人民政府", sector: "town", size: 4 },
  { name: "柳湾镇人民政府", sector: "town", size: 4 },
  { name: "新集镇人民政府", sector: "town", size: 5 },
  { name: "河口镇人民政府", sector: "town", size: 4 },
  { name: "双庙镇人民政府", sector: "town", size: 4 },
  { name: "永安镇人民政府", sector: "town", size: 4 },
  { name: "白沙乡人民政府", sector: "town", size: 3 },
  { name: "青山乡人民政府", sector: "town", size: 3 },
  { name: "杨柳乡人民政府", sector: "town", size: 3 },
  { name: "长林镇人民政府", sector: "town", size: 4 },
  { name: "高桥镇人民政府", sector: "town", size: 4 },
];

/** Subordinate unit names by sector (the bureau's own 机关 is always the first unit). */
export const UNIT_SUFFIXES: Record<Sector, string[]> = {
  admin: ["机关服务中心", "信息中心", "事务服务中心", "综合保障中心", "培训中心", "数据中心"],
  education: [
    "第一中学",
    "第二中学",
    "第三中学",
    "实验中学",
    "职业技术学校",
    "实验小学",
    "第一小学",
    "第二小学",
    "第三小学",
    "特殊教育学校",
    "第一幼儿园",
    "第二幼儿园",
    "教师发展中心",
    "学生资助管理中心",
    "教育技术装备站",
  ],
  health: [
    "人民医院",
    "中医院",
    "妇幼保健院",
    "疾病预防控制中心",
    "卫生健康综合监督执法大队",
    "精神卫生中心",
    "120急救指挥中心",
    "计划生育协会",
  ],
  agriculture: ["农业技术推广中心", "畜牧兽医站", "农产品质量安全检测站", "农机服务中心", "种子管理站", "农村经营管理站"],
  works: ["建设工程质量安全监督站", "市政设施管理所", "公路管理段", "道路运输服务中心", "水利工程管理站", "环境卫生管理所", "园林绿化管理所", "农村饮水安全管理站"],
  social: ["社会福利院", "救助管理站", "就业服务中心", "社会保险事业管理中心", "劳动保障监察大队", "殡仪馆", "光荣院"],
  culture: ["文化馆", "图书馆", "博物馆", "体育中心", "文物管理所", "新时代文明实践中心"],
  environment: ["不动产登记中心", "国土空间规划服务中心", "环境监测站", "林业技术推广站", "国有林场", "森林防火指挥中心"],
  safety: ["看守所", "交通警察大队", "公证处", "法律援助中心", "消防救援大队", "食品药品检验所", "应急救援指挥中心"],
  town: ["农业综合服务中心", "社会事务服务中心", "综合行政执法队", "财政所", "便民服务中心", "村镇建设服务站", "中心学校", "卫生院"],
};

/** Township names for schools and clinics of the education and health sectors. */
export const TOWNSHIPS = ["城关镇", "桃园镇", "龙泉镇", "石桥镇", "柳湾镇", "新集镇", "河口镇", "双庙镇", "永安镇", "白沙乡", "青山乡", "杨柳乡", "长林镇", "高桥镇"];

/** Project names by sector. */
export const PROJECT_NAMES: Record<Sector, string[]> = {
  admin: [
    "工资性支出",
    "机关运行公用经费",
    "信息化系统运维经费",
    "办公楼维修改造",
    "档案数字化加工",
    "政务服务标准化建设",
    "专项业务工作经费",
    "党建工作经费",
    "政府法律顾问服务",
    "公务用车运行维护",
  ],
  education: [
    "义务教育学校公用经费",
    "学生营养改善计划",
    "家庭经济困难学生资助",
    "校舍维修改造",
    "教学设备购置",
    "教师培训经费",
    "校园安全防控体系建设",
    "学前教育发展资金",
    "中等职业教育国家助学金",
    "智慧校园建设",
  ],
  health: [
    "基本公共卫生服务",
    "基层医疗卫生机构设备购置",
    "重大传染病防控",
    "家庭医生签约服务",
    "妇幼健康服务",
    "医疗救助资金",
    "计划生育家庭奖励扶助",
    "院前急救体系建设",
    "卫生健康监督执法",
  ],
  agriculture: [
    "高标准农田建设",
    "耕地地力保护补贴",
    "动物疫病防控",
    "农业社会化服务",
    "农产品质量安全监测",
    "农机购置补贴",
    "衔接推进乡村振兴补助资金",
    "村集体经济发展扶持",
    "粮食储备费用补贴",
  ],
  works: [
    "农村公路养护",
    "城区道路改造",
    "老旧小区改造",
    "农村饮水安全工程维修养护",
    "小型水库除险加固",
    "城市路灯维护",
    "城区环卫保洁",
    "农村危房改造",
    "园林绿化养护",
    "中小企业发展专项资金",
  ],
  social: [
    "城乡最低生活保障",
    "特困人员救助供养",
    "社区居家养老服务补贴",
    "残疾人两项补贴",
    "就业创业补助",
    "公益性岗位补贴",
    "优抚对象补助",
    "临时救助资金",
    "职业技能培训补贴",
  ],
  culture: [
    "公共文化场馆免费开放",
    "全民健身活动",
    "文物保护修缮",
    "送戏下乡演出",
    "农家书屋更新",
    "应急广播体系建设",
    "新时代文明实践活动",
    "非物质文化遗产保护",
  ],
  environment: [
    "大气污染防治",
    "农村生活污水治理",
    "森林防火",
    "国土绿化造林",
    "不动产登记信息化",
    "耕地保护补偿",
    "地质灾害防治",
    "生态公益林补偿",
    "河湖长制工作经费",
  ],
  safety: [
    "平安建设专项经费",
    "安全生产监管",
    "食品安全抽检",
    "法律援助经费",
    "人民调解工作经费",
    "应急物资储备",
    "社会治安视频监控运维",
    "消防设施维护",
  ],
  town: [
    "村级组织运转经费",
    "人居环境整治",
    "乡村道路维修",
    "防汛抗旱",
    "村（社区）干部报酬",
    "秸秆禁烧综合利用",
    "集镇环境卫生保洁",
    "农村公益事业一事一议奖补",
  ],
};

export type L1 = "output" | "effect" | "satisfaction";
export type L2 = "quantity" | "quality" | "timeliness" | "cost" | "social" | "economic" | "ecological" | "sustainability" | "satisfaction";
export type Kind = "higher" | "lower" | "equal" | "qual" | "time";

export interface IndicatorTemplate {
  l2: L2;
  name: string;
  kind: Kind;
  unit: string;
  lo: number;
  hi: number;
  decimals?: number;
}

export const L1_LABEL: Record<L1, string> = { output: "产出指标", effect: "效益指标", satisfaction: "满意度指标" };
export const L2_LABEL: Record<L2, string> = {
  quantity: "数量指标",
  quality: "质量指标",
  timeliness: "时效指标",
  cost: "成本指标",
  social: "社会效益指标",
  economic: "经济效益指标",
  ecological: "生态效益指标",
  sustainability: "可持续影响指标",
  satisfaction: "服务对象满意度指标",
};
export const L1_OF: Record<L2, L1> = {
  quantity: "output",
  quality: "output",
  timeliness: "output",
  cost: "output",
  social: "effect",
  economic: "effect",
  ecological: "effect",
  sustainability: "effect",
  satisfaction: "satisfaction",
};

const q = (name: string, unit: string, lo: number, hi: number, decimals = 0): IndicatorTemplate => ({ l2: "quantity", name, kind: "higher", unit, lo, hi, decimals });

/** Quantity indicators by sector. */
export const QUANTITY: Record<Sector, IndicatorTemplate[]> = {
  admin: [q("保障在职人数", "人", 12, 260), q("系统运维台数", "台", 20, 400), q("组织培训人次", "人次", 60, 1200), q("完成专项工作任务数", "项", 4, 30), q("数字化加工档案卷数", "卷", 2000, 40000)],
  education: [q("资助学生人数", "人", 80, 4200), q("受益学生人数", "人", 300, 12000), q("改造校舍面积", "平方米", 600, 18000), q("购置教学设备", "台", 20, 600), q("培训教师人次", "人次", 100, 2400)],
  health: [q("建立居民健康档案数", "份", 20000, 260000), q("免费接种疫苗剂次", "剂次", 5000, 90000), q("签约服务人数", "人", 8000, 120000), q("孕产妇健康管理人数", "人", 800, 6000), q("购置医疗设备", "台", 5, 120)],
  agriculture: [q("建设高标准农田面积", "亩", 2000, 30000), q("发放补贴农户数", "户", 1500, 46000), q("动物免疫数量", "万头", 5, 90, 1), q("开展农产品抽检批次", "批次", 200, 3000), q("扶持村集体经济组织数", "个", 5, 60)],
  works: [q("养护农村公路里程", "公里", 80, 1600), q("改造道路长度", "公里", 2, 40, 1), q("改造老旧小区户数", "户", 200, 4200), q("维修供水工程处数", "处", 10, 120), q("维护路灯数量", "盏", 2000, 16000)],
  social: [q("保障低保对象人数", "人", 1500, 26000), q("救助特困人员人数", "人", 300, 3200), q("上门服务老年人数", "人", 300, 3000), q("发放补贴人数", "人", 500, 9000), q("开发公益性岗位数", "个", 50, 900)],
  culture: [q("开放天数", "天", 280, 330), q("举办文化活动场次", "场", 12, 200), q("送戏下乡场次", "场", 30, 240), q("修缮文物点数量", "处", 2, 20), q("更新图书册数", "册", 3000, 60000)],
  environment: [q("完成造林面积", "亩", 500, 12000), q("治理村庄数", "个", 8, 80), q("开展执法检查次数", "次", 40, 600), q("巡护林区面积", "万亩", 10, 90, 1), q("治理地质灾害隐患点", "处", 3, 40)],
  safety: [q("开展安全检查企业数", "家", 100, 1600), q("食品抽检批次", "批次", 300, 2600), q("办理法律援助案件数", "件", 200, 1800), q("调解矛盾纠纷件数", "件", 300, 4200), q("维护监控点位数", "个", 200, 3600)],
  town: [q("保障村（社区）数", "个", 8, 32), q("整治农户数", "户", 600, 8000), q("维修村道长度", "公里", 3, 40, 1), q("清运垃圾量", "吨", 800, 12000), q("组织防汛演练次数", "次", 2, 12)],
};

const rate = (l2: L2, name: string, lo: number, hi: number, kind: Kind = "higher"): IndicatorTemplate => ({ l2, name, kind, unit: "%", lo, hi });
const qual = (l2: L2, name: string): IndicatorTemplate => ({ l2, name, kind: "qual", unit: "", lo: 0, hi: 0 });

export const QUALITY: IndicatorTemplate[] = [
  rate("quality", "验收合格率", 100, 100, "equal"),
  rate("quality", "资金发放准确率", 100, 100, "equal"),
  rate("quality", "设备完好率", 90, 98),
  rate("quality", "服务投诉率", 1, 5, "lower"),
  rate("quality", "档案资料完整率", 95, 100),
  rate("quality", "检测覆盖率", 85, 98),
  qual("quality", "服务规范程度"),
];

export const TIMELINESS: IndicatorTemplate[] = [
  { l2: "timeliness", name: "项目完成时间", kind: "time", unit: "", lo: 0, hi: 0 },
  { l2: "timeliness", name: "资金拨付时间", kind: "time", unit: "", lo: 0, hi: 0 },
  rate("timeliness", "资金拨付及时率", 100, 100, "equal"),
  rate("timeliness", "按期完成率", 95, 100),
];

export const COST: IndicatorTemplate[] = [
  { l2: "cost", name: "人均补助标准", kind: "lower", unit: "元/人", lo: 300, hi: 6000 },
  { l2: "cost", name: "单位建设成本", kind: "lower", unit: "万元/公里", lo: 20, hi: 300, decimals: 1 },
  { l2: "cost", name: "项目总成本", kind: "lower", unit: "万元", lo: 10, hi: 900, decimals: 2 },
  { l2: "cost", name: "单位面积改造成本", kind: "lower", unit: "元/平方米", lo: 200, hi: 1800 },
];

export const EFFECT: IndicatorTemplate[] = [
  { l2: "social", name: "受益群众人数", kind: "higher", unit: "人", lo: 1000, hi: 60000 },
  qual("social", "群众生产生活条件改善情况"),
  qual("social", "公共服务水平提升情况"),
  rate("social", "安全事故发生率", 0, 1, "lower"),
  rate("social", "政策知晓率", 80, 95),
  { l2: "economic", name: "带动农户户均增收", kind: "higher", unit: "元", lo: 300, hi: 3000 },
  { l2: "economic", name: "节约运行成本", kind: "higher", unit: "万元", lo: 5, hi: 120, decimals: 1 },
  rate("ecological", "生活污水处理率", 60, 95),
  rate("ecological", "森林覆盖率", 30, 60),
  qual("ecological", "人居环境改善情况"),
  { l2: "sustainability", name: "设施设计使用年限", kind: "higher", unit: "年", lo: 5, hi: 20 },
  qual("sustainability", "长效管护机制建立情况"),
];

export const SATISFACTION: IndicatorTemplate[] = [
  rate("satisfaction", "服务对象满意度", 85, 95),
  rate("satisfaction", "受益群众满意度", 85, 95),
  rate("satisfaction", "社会公众满意度", 80, 90),
];

/** Qualitative target / achieved wording. */
export const QUAL_TARGETS = ["明显改善", "有效提升", "逐步提高", "持续发挥效益", "规范有序", "健全"];
export const TIME_TARGETS = ["12月底前完成", "2023年12月31日前", "11月底前", "年内完成", "按季度及时拨付"];
export const TIME_ACTUALS = ["按期完成", "已按时完成", "达成年度指标", "按时完成"];

export const SHORTFALL_REASONS = [
  "受天气影响工期延后，已督促施工单位加快进度",
  "部分对象资格复核后减少，下年度按实际需求测算",
  "资金下达较晚，部分支出结转至下年",
  "政府采购流程较长，设备未能按期到位",
  "服务对象外出务工，实际覆盖人数减少",
  "年度预算测算偏高，下年度据实调整指标值",
];

export const OVERRUN_REASONS = ["实际需求增加，及时调整服务范围", "上级追加任务，超额完成", "预算测算保守，下年度提高指标值"];

export const LOW_EXECUTION_REASONS = ["项目尚未完成竣工结算，余款待审计后支付", "资金下达较晚，结转下年使用", "部分采购项目流标重新组织"];
