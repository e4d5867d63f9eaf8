import type { Measure, MeasureMapping } from './measure-catalogue';

/*
 * The measure catalogue and the mappings DOMAIN.md §4 quotes, with their sources. Measures are
 * what can be done to a subject; mappings say where (regions, sectors) which facts trigger them.
 * Grade-based mappings name the evaluation scheme whose grade counts and grades of that scheme's
 * ladder (@domain/credit GRADE_LADDERS: the stars ladder's grades are '5'…'0', not '5★').
 * This is the shipped version 1 of the catalogue (stored at start, then versioned data: ADR 0043);
 * a mapping naming a scheme evaluation has not published yet is pending until it is.
 */

export const SHIPPED_MEASURES: readonly Measure[] = [
  {
    code: 'commitment-path.denied',
    name: '不适用信用承诺（告知承诺）办理',
    effect: 'deny',
    scenes: ['permit.application'],
    legalBasis: 'LOCAL: 河南（重点关注名单）、新乡（累计10条行政处罚未修复，seed 002）',
    scope: 'local',
  },
  {
    code: 'permit.application-ban',
    name: '1年内不准申请公路超限运输许可',
    effect: 'deny',
    scenes: ['permit.application'],
    legalBasis: '交通运输部令2016年第62号《超限运输车辆行驶公路管理规定》：隐瞒有关情况或者提供虚假材料申请许可的，1年内不准申请',
    scope: 'law',
  },
  {
    code: 'new-business.denied',
    name: '下一周期不得新增业务',
    effect: 'deny',
    scenes: ['business.new-capacity'],
    legalBasis: 'LOCAL: 焦作（红码）',
    scope: 'local',
  },
  {
    code: 'new-business.restricted',
    name: '限制新增业务',
    effect: 'condition',
    scenes: ['business.new-capacity'],
    legalBasis: 'LOCAL: 焦作（黄码）',
    scope: 'local',
  },
  { code: 'expert-visit', name: '专家上门指导检查', effect: 'condition', scenes: ['inspection.frequency'], legalBasis: 'LOCAL: 焦作（红码）', scope: 'local' },
  {
    code: 'safety-training',
    name: '安全培训不少于24学时',
    effect: 'condition',
    scenes: ['business.new-capacity'],
    legalBasis: 'LOCAL: 焦作（红码）',
    scope: 'local',
    value: { amount: 24, unit: 'hours' },
  },
  {
    code: 'handling.simplified',
    name: '简化办理（容缺受理）',
    effect: 'benefit',
    scenes: ['approval.tolerance'],
    legalBasis: 'LOCAL: 焦作（绿码）',
    scope: 'local',
  },
  { code: 'visits.exempt', name: '免于上门检查', effect: 'benefit', scenes: ['inspection.frequency'], legalBasis: 'LOCAL: 焦作（绿码）', scope: 'local' },
  {
    code: 'inspection.ratio',
    name: '双随机抽查比例',
    effect: 'condition',
    scenes: ['inspection.frequency'],
    legalBasis: 'LOCAL: 按信用等级确定抽查比例（济源、杭州）',
    scope: 'local',
  },
  {
    code: 'charging.discount',
    name: '新能源出租车充电费用优惠（按费用比例收取）',
    effect: 'benefit',
    scenes: ['incentive.discount'],
    legalBasis: 'LOCAL: 许昌（信易+）',
    scope: 'local',
  },
  {
    code: 'repair-labour.discount',
    name: '车辆维修工时费优惠',
    effect: 'benefit',
    scenes: ['incentive.discount'],
    legalBasis: 'LOCAL: 鹤壁（信易+）',
    scope: 'local',
  },
  {
    code: 'dispatch.priority',
    name: '优先派单',
    effect: 'benefit',
    scenes: ['dispatch.priority'],
    legalBasis: 'LOCAL: 高星级出租车驾驶员优先派单（seed）',
    scope: 'local',
  },
  {
    code: 'new-capacity.priority',
    name: '优先投放新增运力',
    effect: 'benefit',
    scenes: ['business.new-capacity'],
    legalBasis: 'LOCAL: 南阳（3A及以上出租车企业）',
    scope: 'local',
  },
  {
    code: 'new-capacity.suspended',
    name: '暂停新增运力，停业整改',
    effect: 'deny',
    scenes: ['business.new-capacity'],
    legalBasis: 'LOCAL: 南阳（B级出租车企业）',
    scope: 'local',
  },
  {
    code: 'inspection.on-site',
    name: '运管、执法等部门联合入企检查',
    effect: 'condition',
    scenes: ['inspection.frequency'],
    legalBasis: 'LOCAL: 平顶山（“两客一危”分级分类得分低于800分的企业、黄码企业，seed 002 案例8）',
    scope: 'local',
  },
  {
    code: 'star-bonus',
    name: '星级奖金',
    effect: 'benefit',
    scenes: ['incentive.reward'],
    legalBasis: 'LOCAL: 漯河（公交车长星级评审，seed 002 案例2）',
    scope: 'local',
  },
  {
    code: 'support.denied',
    name: '取消行业评优评先、示范试点评选资格，不给予政策资金倾斜支持',
    effect: 'deny',
    scenes: ['support.application'],
    legalBasis: 'LOCAL: 河南（“两客一危”红码企业，seed 002 案例1）',
    scope: 'local',
  },
  {
    code: 'support.priority',
    name: '最大限度提供各类政策资金支持，开辟“绿色通道”',
    effect: 'benefit',
    scenes: ['support.application'],
    legalBasis: 'LOCAL: 河南（“两客一危”绿码企业，seed 002 案例1）',
    scope: 'local',
  },
  // seed 003 太仓“平安箱运·绿色快航”：对纳入守信激励名单的集装箱船舶，实施降低现场检查频次、审慎开具安检缺陷、优先待泊作业、开通绿色通道等便利举措.
  {
    code: 'inspection.on-site-reduced',
    name: '降低现场检查频次',
    effect: 'benefit',
    scenes: ['inspection.frequency'],
    legalBasis: 'LOCAL: 太仓海事局“平安箱运·绿色快航”守信激励名单（seed 003）',
    scope: 'local',
  },
  {
    code: 'inspection.prudent-defects',
    name: '审慎开具安检缺陷',
    effect: 'benefit',
    scenes: ['inspection.frequency'],
    legalBasis: 'LOCAL: 太仓海事局“平安箱运·绿色快航”守信激励名单（seed 003）',
    scope: 'local',
  },
  {
    code: 'berthing.priority',
    name: '优先待泊作业（当天到港、当天靠泊、当天作业）',
    effect: 'benefit',
    scenes: ['dispatch.priority'],
    legalBasis: 'LOCAL: 太仓海事局“平安箱运·绿色快航”守信激励名单（seed 003）',
    scope: 'local',
  },
  {
    code: 'green-channel',
    name: '开通绿色通道',
    effect: 'benefit',
    scenes: ['dispatch.priority'],
    legalBasis: 'LOCAL: 太仓海事局“平安箱运·绿色快航”守信激励名单（seed 003）',
    scope: 'local',
  },
  {
    code: 'lock-passage.priority',
    name: '过闸调度优先',
    effect: 'benefit',
    scenes: ['dispatch.priority'],
    legalBasis: 'LOCAL: 浙江（等级高的船舶在过闸调度等方面奖励性引导，seed 004 案例6）；信用长江（信用+诚信过闸，案例19）',
    scope: 'local',
  },
  {
    code: 'lock-passage.restricted',
    name: '过闸申报限制',
    effect: 'condition',
    scenes: ['dispatch.priority'],
    legalBasis: 'LOCAL: 浙江（在荣誉参评、过闸申报、实船核查等方面对等级低的船舶进行限制，seed 004 案例6）',
    scope: 'local',
  },
  {
    code: 'vessel.on-board-check',
    name: '实船核查',
    effect: 'condition',
    scenes: ['inspection.frequency'],
    legalBasis: 'LOCAL: 浙江（等级低的船舶实船核查，seed 004 案例6）；信用长江（信用核查、精准选船，案例19）',
    scope: 'local',
  },
  {
    code: 'lock-queue.jump',
    name: '积分兑换过闸排队跳号',
    effect: 'benefit',
    scenes: ['dispatch.priority'],
    legalBasis: 'LOCAL: 广西长洲船闸（三星级船舶可享有积分兑换过闸排队往前跳号服务资格，每20积分可兑换往前跳60个排队号，seed 004 案例13）',
    scope: 'local',
    value: { amount: 60, unit: 'queue places per 20 points' },
  },
  {
    code: 'tank-cleaning.priority',
    name: '洗舱优惠、优先洗舱、加急洗舱',
    effect: 'benefit',
    scenes: ['incentive.discount'],
    legalBasis: 'LOCAL: 信用长江（信用+便利洗舱：针对绿码船舶给予洗舱优惠，优先洗舱、加急洗舱，seed 004 案例19）',
    scope: 'local',
  }, // seed 004 案例1 京津冀通勤定制快巴 (北京市交通委员会): 信用好 → 优化准入措施; 信用差 → 重点监管、严管.
  {
    code: 'admission.green-channel',
    name: '准入绿色通道，加快办理速度',
    effect: 'benefit',
    scenes: ['permit.application'],
    legalBasis: 'LOCAL: 北京（环京通勤定制快巴：对信用好的定制服务平台、运营企业，给予准入绿色通道、加快办理速度，seed 004 案例1）',
    scope: 'local',
  },
  {
    code: 'business-scale.expansion',
    name: '适度允许扩大经营规模',
    effect: 'benefit',
    scenes: ['business.new-capacity'],
    legalBasis: 'LOCAL: 北京（环京通勤定制快巴：对信用好的定制服务平台、运营企业，适度允许扩大经营规模，seed 004 案例1）',
    scope: 'local',
  },
  {
    code: 'supervision.key',
    name: '列为重点监管对象，依法实施严管',
    effect: 'condition',
    scenes: ['inspection.frequency'],
    legalBasis: 'LOCAL: 北京（环京通勤定制快巴：对信用差的，列为重点监管对象；主体责任落实不到位的，依法实施严管，seed 004 案例1）',
    scope: 'local',
  },
];

const ratio = (amount: number) => ({ amount, unit: '% of subjects drawn' });

/** The Taicang red list is filled by the screening rule taicang-green-fast-lane (entry-rules/domain/shipped-entry-rules.ts). */
const TAICANG_GREEN_LIST =
  '太仓海事局：对纳入“平安箱运·绿色快航”守信激励名单的集装箱船舶，实施降低现场检查频次、审慎开具安检缺陷、优先待泊作业、开通绿色通道等便利举措（seed 003）';

/**
 * Beijing commuter buses (seed 004 案例1): 信用好 = the 优 (AAA, AA) and 良 (A+, A, A-) tiers, 信用差 = the 差 tier (C) of
 * beijing-commuter-bus-grades' own ladder. The seed names no tiers for "good" and "poor": placeholder reading.
 */
const BEIJING_GOOD_CREDIT = ['AAA', 'AA', 'A+', 'A', 'A-'] as const;
const BEIJING_POOR_CREDIT = ['C'] as const;

export const SHIPPED_MAPPINGS: readonly MeasureMapping[] = [
  {
    id: 'henan.key-watch.no-commitment',
    measure: 'commitment-path.denied',
    scene: 'permit.application',
    regions: ['410000'],
    sectors: [],
    when: { list: 'key-watch' },
    source: '河南：列入重点关注名单的不适用信用承诺办理（DOMAIN.md §4, seed 002）',
  },
  {
    id: 'xinxiang.unrepaired-penalties.no-commitment',
    measure: 'commitment-path.denied',
    scene: 'permit.application',
    regions: ['410700'],
    sectors: [],
    when: { records: { recordType: 'administrative-penalty', withinMonths: null, count: { atLeast: 10 } } },
    source: '新乡：对存在累计10条行政处罚未修复的高频失信企业，取消“信用+申报”资格（seed 002）',
  },
  {
    id: 'national.false-materials.permit-ban',
    measure: 'permit.application-ban',
    scene: 'permit.application',
    regions: [],
    sectors: [],
    when: {
      records: {
        recordType: 'oversize-transport-violation',
        payload: { violationType: { anyOf: ['false-materials'] } },
        withinMonths: 12,
        count: { atLeast: 1 },
      },
    },
    source: '交通运输部令2016年第62号（law）',
  },
  ...(['red', 'yellow', 'green'] as const).flatMap((code): MeasureMapping[] => {
    const when = { grade: { schemeId: 'jiaozuo-general-cargo', grades: [code] } };
    const base = { regions: ['410800'], sectors: ['general-cargo'], when, source: `焦作普通货运企业信用码（${code}）（DOMAIN.md §4, seed 004）` };
    if (code === 'red') {
      return [
        { ...base, id: 'jiaozuo.red.no-new-business', measure: 'new-business.denied', scene: 'business.new-capacity' },
        { ...base, id: 'jiaozuo.red.training', measure: 'safety-training', scene: 'business.new-capacity' },
        { ...base, id: 'jiaozuo.red.expert-visit', measure: 'expert-visit', scene: 'inspection.frequency' },
      ];
    }
    if (code === 'yellow') {
      return [
        { ...base, id: 'jiaozuo.yellow.restricted', measure: 'new-business.restricted', scene: 'business.new-capacity' },
        { ...base, id: 'jiaozuo.yellow.no-commitment', measure: 'commitment-path.denied', scene: 'permit.application' },
      ];
    }
    return [
      { ...base, id: 'jiaozuo.green.simplified', measure: 'handling.simplified', scene: 'approval.tolerance' },
      { ...base, id: 'jiaozuo.green.no-visits', measure: 'visits.exempt', scene: 'inspection.frequency' },
    ];
  }),
  ...(
    [
      ['AAA', 10],
      ['AA', 20],
      ['A', 30],
      ['B', 50],
    ] as const
  ).map(([grade, pct]): MeasureMapping => ({
    id: `jiyuan.driving-school.ratio.${grade.toLowerCase()}`,
    measure: 'inspection.ratio',
    scene: 'inspection.frequency',
    regions: ['419001'],
    sectors: ['driving-school'],
    when: { grade: { schemeId: 'jiyuan-driving-school', grades: [grade] } },
    value: ratio(pct),
    source: '济源驾培机构：AAA 10%、AA 20%、A 30%、B 50%（DOMAIN.md §4）',
  })),
  ...(
    [
      ['AA', 10],
      ['A', 15],
      ['B', 20],
      ['C', 25],
      ['D', 30],
    ] as const
  ).map(([grade, pct]): MeasureMapping => ({
    id: `hangzhou.ratio.${grade.toLowerCase()}`,
    measure: 'inspection.ratio',
    scene: 'inspection.frequency',
    regions: ['330100'],
    sectors: [],
    when: { grade: { schemeId: 'hangzhou-road-transport', grades: [grade] } },
    value: ratio(pct),
    source: '杭州：AA 10%、A 15%、B 20%、C 25%、D 30%，另对C 30%、D 70%二次抽取（DOMAIN.md §4）',
  })),
  ...(
    [
      ['5', 50],
      ['4', 60],
    ] as const
  ).map(([stars, pct]): MeasureMapping => ({
    id: `xuchang.charging.${stars}-star`,
    measure: 'charging.discount',
    scene: 'incentive.discount',
    regions: ['411000'],
    sectors: ['taxi'],
    when: { grade: { schemeId: 'xuchang-taxi-stars', grades: [stars] } },
    value: { amount: pct, unit: '% of the fee payable' },
    source: '许昌：新能源出租车充电按5★50%、4★60%、3★及以下70%收费（DOMAIN.md §4）',
  })),
  {
    id: 'xuchang.charging.3-star-or-below',
    measure: 'charging.discount',
    scene: 'incentive.discount',
    regions: ['411000'],
    sectors: ['taxi'],
    when: { grade: { schemeId: 'xuchang-taxi-stars', grades: ['3', '2', '1'] } },
    value: { amount: 70, unit: '% of the fee payable' },
    source: '许昌：新能源出租车充电按5★50%、4★60%、3★及以下70%收费（DOMAIN.md §4）',
  },
  ...(
    [
      ['AAA', 20],
      ['AA', 10],
      ['A', 5],
    ] as const
  ).map(([grade, pct]): MeasureMapping => ({
    id: `hebi.repair-labour.${grade.toLowerCase()}`,
    measure: 'repair-labour.discount',
    scene: 'incentive.discount',
    regions: ['410600'],
    sectors: [],
    when: { grade: { schemeId: 'hebi-fleet', grades: [grade] } },
    value: { amount: pct, unit: '% off labour' },
    source: '鹤壁：3A/2A/A车队维修工时费分别优惠20%/10%/5%（DOMAIN.md §4）',
  })),
  {
    id: 'xuchang.dispatch.high-stars',
    measure: 'dispatch.priority',
    scene: 'dispatch.priority',
    regions: ['411000'],
    sectors: ['taxi'],
    when: { grade: { schemeId: 'xuchang-taxi-stars', grades: ['5', '4'] } },
    source: '高星级出租车驾驶员优先派单（DOMAIN.md §4 信易+；地方与星级为配置）',
  },
  {
    id: 'nanyang.taxi.3a-first',
    measure: 'new-capacity.priority',
    scene: 'business.new-capacity',
    regions: ['411300'],
    sectors: ['taxi'],
    // "3A及以上": the shared firm ladder (AAA-B, @domain/credit) tops out at AAA; 4A/5A are on no ladder and could never fire.
    when: { grade: { schemeId: 'nanyang-taxi-firm', grades: ['AAA'] } },
    source: '南阳：3A及以上出租车企业优先投放新增运力（DOMAIN.md §4）',
  },
  {
    id: 'nanyang.taxi.b-suspended',
    measure: 'new-capacity.suspended',
    scene: 'business.new-capacity',
    regions: ['411300'],
    sectors: ['taxi'],
    when: { grade: { schemeId: 'nanyang-taxi-firm', grades: ['B'] } },
    source: '南阳：B级出租车企业停业整改（DOMAIN.md §4）',
  },
  // Henan 两客一危 red/yellow/green codes (seed 002 案例1): red loses honours and policy funding, green is first for them.
  {
    id: 'henan.passenger-hazardous.red.no-support',
    measure: 'support.denied',
    scene: 'support.application',
    regions: ['410000'],
    sectors: ['road-passenger', 'hazardous-goods'],
    when: { grade: { schemeId: 'henan-passenger-hazardous-codes', grades: ['red'] } },
    source: '河南“两客一危”：对“红码”企业全面采取限制性措施，取消其行业评优评先、示范试点评选等资格，不给予政策资金倾斜支持（seed 002 案例1）',
  },
  {
    id: 'henan.passenger-hazardous.green.support',
    measure: 'support.priority',
    scene: 'support.application',
    regions: ['410000'],
    sectors: ['road-passenger', 'hazardous-goods'],
    when: { grade: { schemeId: 'henan-passenger-hazardous-codes', grades: ['green'] } },
    source: '河南“两客一危”：对“绿码”企业最大限度提供各类政策资金支持，鼓励其扩大规模，为其发展开辟各类“绿色通道”（seed 002 案例1）',
  },
  // Pingdingshan, pilot of the provincial codes (seed 002 案例8): below 800 points (red) and yellow → joint on-site inspection;
  // red → no new business; yellow → no new business until hazards are rectified (restricted); green → left alone.
  ...(
    [
      ['red', 'inspection.on-site', 'inspection.frequency', '对低于800分的企业联合安全、运管、执法部门开展入企检查'],
      ['yellow', 'inspection.on-site', 'inspection.frequency', '协调运管、执法部门对重点企业、黄码企业联合开展入企监管执法检查'],
      ['green', 'visits.exempt', 'inspection.frequency', '绿码企业无事不扰、减少检查督导频次'],
      ['red', 'new-business.denied', 'business.new-capacity', '红码企业不办理新业务'],
      ['yellow', 'new-business.restricted', 'business.new-capacity', '黄码企业在安全隐患没整改到位的情况下原则上不办理新业务'],
    ] as const
  ).map(([code, measure, scene, text]): MeasureMapping => ({
    id: `pingdingshan.${code}.${measure}`,
    measure,
    scene,
    regions: ['410400'],
    sectors: ['road-passenger', 'hazardous-goods'],
    when: { grade: { schemeId: 'henan-passenger-hazardous-codes', grades: [code] } },
    source: `平顶山“两客一危”分级分类：${text}（seed 002 案例8）`,
  })),
  // Luohe bus captains' monthly star bonus (seed 002 案例2): 1–5★ → 300/700/1200/1800/2500 元.
  ...(
    [
      ['1', 300],
      ['2', 700],
      ['3', 1200],
      ['4', 1800],
      ['5', 2500],
    ] as const
  ).map(([stars, yuan]): MeasureMapping => ({
    id: `luohe.bus.star-bonus.${stars}-star`,
    measure: 'star-bonus',
    scene: 'incentive.reward',
    regions: ['411100'],
    sectors: ['bus'],
    when: { grade: { schemeId: 'luohe-bus-captain-stars', grades: [stars] } },
    value: { amount: yuan, unit: 'CNY per month' },
    source: '漯河公交车长星级：1-5星分别奖励奖金300元、700元、1200元、1800元、2500元（seed 002 案例2）',
  })),
  // Puyang taxi firms (seed 002 案例10): the assessment allocates operating rights, so that good firms grow.
  ...(['AAA', 'AA'] as const).map((grade): MeasureMapping => ({
    id: `puyang.taxi.capacity.${grade.toLowerCase()}`,
    measure: 'new-capacity.priority',
    scene: 'business.new-capacity',
    regions: ['410900'],
    sectors: ['taxi'],
    when: { grade: { schemeId: 'puyang-taxi-firm', grades: [grade] } },
    source: '濮阳：将出租汽车企业服务质量信誉考核结果作为配置巡游车经营权指标的重要依据，使优良企业不断扩大规模（seed 002 案例10；优良 = AAA、AA，占位）',
  })),
  {
    id: 'taicang.green-list.on-site-reduced',
    measure: 'inspection.on-site-reduced',
    scene: 'inspection.frequency',
    regions: ['320585'],
    sectors: [],
    when: { list: 'red' },
    source: TAICANG_GREEN_LIST,
  },
  {
    id: 'taicang.green-list.prudent-defects',
    measure: 'inspection.prudent-defects',
    scene: 'inspection.frequency',
    regions: ['320585'],
    sectors: [],
    when: { list: 'red' },
    source: TAICANG_GREEN_LIST,
  },
  {
    id: 'taicang.green-list.berthing-priority',
    measure: 'berthing.priority',
    scene: 'dispatch.priority',
    regions: ['320585'],
    sectors: [],
    when: { list: 'red' },
    source: TAICANG_GREEN_LIST,
  },
  {
    id: 'taicang.green-list.green-channel',
    measure: 'green-channel',
    scene: 'dispatch.priority',
    regions: ['320585'],
    sectors: [],
    when: { list: 'red' },
    source: TAICANG_GREEN_LIST,
  },
  // Zhejiang ships (seed 004 案例6): high grades rewarded at the lock, low grades restricted and checked on board.
  {
    id: 'zhejiang.ship.lock-priority',
    measure: 'lock-passage.priority',
    scene: 'dispatch.priority',
    regions: ['330000'],
    sectors: [],
    when: { grade: { schemeId: 'zhejiang-inland-ship-safety', grades: ['AA', 'A'] } },
    source: '浙江：在过闸调度等方面对等级高的船舶实施奖励性引导（seed 004 案例6；“等级高”读作AA、A，占位）',
  },
  {
    id: 'zhejiang.ship.lock-restricted',
    measure: 'lock-passage.restricted',
    scene: 'dispatch.priority',
    regions: ['330000'],
    sectors: [],
    when: { grade: { schemeId: 'zhejiang-inland-ship-safety', grades: ['C', 'D'] } },
    source: '浙江：在过闸申报等方面对等级低的船舶进行限制（seed 004 案例6；“等级低”读作C、D，即安全风险较高的C、D级船舶）',
  },
  {
    id: 'zhejiang.ship.on-board-check',
    measure: 'vessel.on-board-check',
    scene: 'inspection.frequency',
    regions: ['330000'],
    sectors: [],
    when: { grade: { schemeId: 'zhejiang-inland-ship-safety', grades: ['C', 'D'] } },
    source: '浙江：在实船核查等方面对等级低的船舶进行限制，C、D级船舶平均检查次数上升到3.4次（seed 004 案例6）',
  },
  // Guangxi Changzhou lock (seed 004 案例13): three-star ships may redeem 20 points for 60 queue places.
  {
    id: 'guangxi.lock.queue-jump',
    measure: 'lock-queue.jump',
    scene: 'dispatch.priority',
    regions: ['450000'],
    sectors: [],
    when: { grade: { schemeId: 'guangxi-changzhou-lock-points', grades: ['3'] } },
    source: '广西长洲船闸：三星级船舶可享有积分兑换过闸排队往前跳号服务资格，每20积分可兑换往前跳60个排队号（seed 004 案例13）',
  },
  // 信用长江 (seed 004 案例19): the "信用+" scenes sit along the whole river (南京龙潭洗舱站, 扬州施桥船闸…), so no region limit.
  {
    id: 'yangtze.green.tank-cleaning',
    measure: 'tank-cleaning.priority',
    scene: 'incentive.discount',
    regions: [],
    sectors: [],
    when: { grade: { schemeId: 'yangtze-shipping-four-colour', grades: ['green'] } },
    source: '信用长江：南京龙潭等洗舱站针对绿码船舶给予洗舱优惠，优先洗舱、加急洗舱（seed 004 案例19）',
  },
  {
    id: 'yangtze.green.lock-priority',
    measure: 'lock-passage.priority',
    scene: 'dispatch.priority',
    regions: [],
    sectors: [],
    when: { grade: { schemeId: 'yangtze-shipping-four-colour', grades: ['green'] } },
    source: '信用长江：“信用+诚信过闸”场景在扬州施桥船闸等陆续展开（seed 004 案例19；受益码色读作绿码，占位）',
  },
  {
    id: 'yangtze.red.on-board-check',
    measure: 'vessel.on-board-check',
    scene: 'inspection.frequency',
    regions: [],
    sectors: [],
    when: { grade: { schemeId: 'yangtze-shipping-four-colour', grades: ['red'] } },
    source: '信用长江：“业务触发——信用核查——精准选船——自动反馈”，对失信监管对象无处不在（seed 004 案例19；红码读作失信，占位）',
  },
  // Beijing commuter buses (seed 004 案例1): 信用好 read as the 优 and 良 tiers, 信用差 as the 差 tier (placeholder reading; tiers
  // and level names are the scheme's placeholders, beijing-commuter-bus-grades notes).
  ...(
    [
      ['inspection.on-site-reduced', 'inspection.frequency', '降低检查比例频次'],
      ['admission.green-channel', 'permit.application', '给予准入绿色通道、加快办理速度'],
      ['business-scale.expansion', 'business.new-capacity', '适度允许扩大经营规模'],
    ] as const
  ).map(([measure, scene, text]): MeasureMapping => ({
    id: `beijing.commuter-bus.good.${measure}`,
    measure,
    scene,
    regions: ['110000'],
    sectors: ['road-passenger', 'bus'],
    when: { grade: { schemeId: 'beijing-commuter-bus-grades', grades: [...BEIJING_GOOD_CREDIT] } },
    source: `北京环京通勤定制快巴：针对信用好的运营企业、定制服务平台，${text}（seed 004 案例1；信用好读作优、良两等，占位）`,
  })),
  {
    id: 'beijing.commuter-bus.poor.key-supervision',
    measure: 'supervision.key',
    scene: 'inspection.frequency',
    regions: ['110000'],
    sectors: ['road-passenger', 'bus'],
    when: { grade: { schemeId: 'beijing-commuter-bus-grades', grades: [...BEIJING_POOR_CREDIT] } },
    source: '北京环京通勤定制快巴：对信用差的，列为重点监管对象；对信用差、主体责任落实不到位的，依法实施严管（seed 004 案例1；信用差读作差等C，占位）',
  },
];
