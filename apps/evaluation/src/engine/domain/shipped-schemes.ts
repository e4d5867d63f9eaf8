import { ROAD_TRANSPORT_SECTORS, type RecordTypeCode } from '@domain/credit';
import type { PointRule, SchemeDocument } from './scheme-document';

/*
 * The schemes the platform ships (issue 4), as data: each is stored as version 1 at first boot
 * and can be replaced by a regulator's new version through the API without a deploy. Sources:
 * DOMAIN.md §3 and the seed documents in shared/seeds (seed 000 Henan/Nanyang, seed 002 Henan
 * cases, seed 003 national summary/Suzhou, seed 004 Ministry cases/Beijing). Where a source
 * gives no number (a threshold, a deduction step), the scheme says so in `notes`: those are
 * LOCAL choices of this version, to be replaced by the regulator's own.
 *
 * Severity → deduction step. 交运规〔2022〕2号 deducts 1/3/5/10/20 points per violation
 * (DOMAIN.md §3); records carry the deciding unit's severity (minor/general/severe, catalogue v1),
 * so the driver schemes map each record type's severities onto those steps.
 */

const TAXI_LAW = '交通运输部《出租汽车服务质量信誉考核办法》（交运规〔2022〕2号）：基础分20分，加分不超过10分，扣分分1、3、5、10、20分五档，最低0分';

/** Zhengzhou cruising-taxi driver stars (seed 002 案例, 郑州“亮星”运营; DOMAIN.md §3). */
export const ZHENGZHOU_TAXI_DRIVER_STARS: SchemeDocument = {
  id: 'zhengzhou-taxi-driver-stars',
  name: { zh: '郑州市巡游出租汽车驾驶员星级评定', en: 'Zhengzhou taxi driver stars' },
  sources: [
    TAXI_LAW,
    'seed 002（河南2024典型案例）郑州市巡游出租汽车驾驶员“亮星”：周期1月1日至12月31日，25分及以上5星……0分及以下或列入不良驾驶员名单无星',
    'DOMAIN.md §3 Taxi drivers',
  ],
  subjectKinds: ['person'],
  regions: ['410100'],
  // seed 002 案例9: 郑州市巡游出租汽车驾驶员“亮星” — taxi drivers only.
  sectors: ['taxi'],
  cycle: { kind: 'year' },
  scoring: {
    kind: 'points',
    base: 20,
    floor: 0,
    ceiling: 30,
    bonusCeiling: 10,
    rules: [
      {
        id: 'complaint',
        recordTypes: ['confirmed-complaint'],
        points: "{'minor': -1.0, 'general': -3.0, 'severe': -5.0}[record.severity]",
        validity: { kind: 'cycle' },
        basis: `${TAXI_LAW}；经核实的服务投诉按严重程度扣1/3/5分`,
      },
      {
        id: 'penalty',
        recordTypes: ['administrative-penalty', 'monitoring-violation'],
        points: "{'minor': -3.0, 'general': -5.0, 'severe': -10.0}[record.severity]",
        validity: { kind: 'cycle' },
        basis: `${TAXI_LAW}；行政处罚、动态监控违规按严重程度扣3/5/10分`,
      },
      {
        id: 'responsible-accident',
        recordTypes: ['accident'],
        when: "has(record.payload.responsibility) && record.payload.responsibility in ['full', 'main', 'equal']",
        points: -20,
        validity: { kind: 'cycle' },
        basis: `${TAXI_LAW}；负同等及以上责任的事故扣20分`,
      },
      {
        id: 'commendation',
        recordTypes: ['commendation'],
        points: "has(record.payload.level) && record.payload.level in ['national', 'provincial'] ? 5.0 : 2.0",
        validity: { kind: 'cycle' },
        basis: `${TAXI_LAW}；受表彰奖励加分（省级及以上5分，其他2分），合计不超过10分`,
      },
    ],
  },
  ladder: {
    id: 'stars',
    rungs: [
      { grade: '5', min: 25 },
      { grade: '4', min: 20, max: 25 },
      { grade: '3', min: 11, max: 20 },
      { grade: '2', min: 4, max: 11 },
      { grade: '1', min: 1, max: 4 },
      { grade: '0', max: 1 },
    ],
  },
  adjustments: [
    {
      id: 'carry-over-five-stars',
      when: "previous.grade == '5' && deductions == 0.0",
      effect: 'at-least',
      grade: '5',
      basis: 'seed 002 郑州：上一周期评定为5颗星的驾驶员，本周期星级评定为5颗星（在本周期内如遇服务质量问题可降级）',
    },
    {
      id: 'tenure-cap',
      when: 'subject.tenureMonths < 6.0',
      effect: 'at-most',
      grade: '3',
      basis: 'seed 002 郑州：注册在岗时间少于6个月的驾驶员，星级等级最高评定为3颗星',
    },
    {
      id: 'bad-driver-list',
      when: "'bad-driver' in subject.lists",
      effect: 'set',
      grade: '0',
      basis: 'seed 002 郑州：被列入不良驾驶员名单的，星级等级为无星',
    },
  ],
  notes: [
    'Which severity maps to which of the five deduction steps, and the bonus per commendation level, are LOCAL choices of this version (the sources give the steps, not the mapping).',
    'Carry-over: "may drop on service quality problems" is read as: the 5-star floor holds only while no points are deducted this cycle.',
    "Tenure (注册在岗时间) counts from the subject registry's qualifiedOn for the driver (ADR 0044), else from the driver's earliest administrative licence; unknown tenure caps nothing.",
  ],
};

/** Henan red/yellow/green safety codes for two-passenger-one-hazardous carriers (seed 002 案例1, 案例8). */
export const HENAN_PASSENGER_HAZARDOUS_CODES: SchemeDocument = {
  id: 'henan-passenger-hazardous-codes',
  name: { zh: '河南省“两客一危”经营者安全生产信用“红黄绿”码', en: 'Henan passenger and hazardous-goods carrier red/yellow/green codes' },
  sources: [
    'seed 002 案例1：对全省“两客一危”企业，以季度为周期开展评价，确定企业“红、黄、绿”三色安全信用“画像”',
    'seed 002 案例4（焦作）：千分制评分；案例8（平顶山）：对低于800分的企业开展入企检查',
    'DOMAIN.md §3 Red/yellow/green codes, quarterly, 1000-point scale',
  ],
  subjectKinds: ['org'],
  regions: ['410000'],
  // seed 002 案例1: “两客一危” = 道路旅客运输 (两客: 班线客运、旅游包车) and 危险货物道路运输 (一危); ordinary freight carriers are outside it (issue 16).
  sectors: ['road-passenger', 'hazardous-goods'],
  cycle: { kind: 'quarter' },
  scoring: {
    kind: 'points',
    base: 1000,
    floor: 0,
    ceiling: 1000,
    rules: [
      {
        id: 'monitoring',
        recordTypes: ['monitoring-violation'],
        points: "{'minor': -5.0, 'general': -10.0, 'severe': -20.0}[record.severity]",
        validity: { kind: 'cycle' },
        cap: 300,
        basis: '动态监控违法违规：每条按严重程度扣5/10/20分，本项最多扣300分',
      },
      {
        id: 'penalty',
        recordTypes: ['administrative-penalty', 'oversize-transport-violation'],
        points: "{'minor': -10.0, 'general': -30.0, 'severe': -50.0}[record.severity]",
        validity: { kind: 'cycle' },
        basis: '行政处罚：每起按严重程度扣10/30/50分',
      },
      {
        id: 'complaint',
        recordTypes: ['confirmed-complaint'],
        points: "{'minor': -5.0, 'general': -10.0, 'severe': -20.0}[record.severity]",
        validity: { kind: 'cycle' },
        basis: '经核实的投诉：每起按严重程度扣5/10/20分',
      },
      {
        id: 'responsible-accident',
        recordTypes: ['accident'],
        when: "has(record.payload.responsibility) && record.payload.responsibility != 'none'",
        points: "record.severity == 'severe' ? -200.0 : -100.0",
        validity: { kind: 'cycle' },
        basis: '有责事故：每起扣100分，严重的扣200分',
      },
      {
        id: 'broken-commitment',
        recordTypes: ['commitment-broken'],
        points: -50,
        validity: { kind: 'cycle' },
        basis: '违背信用承诺：每次扣50分',
      },
    ],
  },
  ladder: {
    id: 'traffic-light',
    rungs: [
      { grade: 'green', min: 900 },
      { grade: 'yellow', min: 800, max: 900 },
      { grade: 'red', max: 800 },
    ],
  },
  notes: [
    "The per-item deductions and the green/yellow bounds are LOCAL choices of this version: the seeds name the 1000-point scale and the quarterly cycle (and Jiaozuo's 9 categories / 42 items) but not the items' points.",
    'Red below 800 follows Pingdingshan, which inspects every carrier below 800 points (seed 002 案例8).',
  ],
};

/** Jiangsu road transport operators AA–D (DOMAIN.md §3 Jiangsu example). */
export const JIANGSU_ROAD_OPERATOR_GRADES: SchemeDocument = {
  id: 'jiangsu-road-operator-grades',
  name: { zh: '江苏省道路运输经营者信用等级', en: 'Jiangsu road transport operator grades' },
  sources: [
    'DOMAIN.md §3 Jiangsu example: AA ≥ 90; A 80–<90; B 60–<80, or 40–<60 with bad-behaviour points < 20; C 40–<60 with ≥ 20 points; D < 40 with ≥ 20 points',
  ],
  subjectKinds: ['org'],
  regions: ['320000'],
  cycle: { kind: 'year' },
  scoring: {
    kind: 'points',
    base: 100,
    floor: 0,
    ceiling: 100,
    rules: [
      {
        id: 'penalty',
        recordTypes: ['administrative-penalty', 'commitment-broken'],
        points: "{'minor': -5.0, 'general': -10.0, 'severe': -20.0}[record.severity]",
        validity: { kind: 'cycle' },
        tally: 'bad-behaviour',
        basis: '不良行为（行政处罚、违背承诺）：按严重程度扣5/10/20分，计入不良行为记分',
      },
      {
        id: 'service-quality',
        recordTypes: ['confirmed-complaint', 'monitoring-violation'],
        points: "{'minor': -2.0, 'general': -5.0, 'severe': -10.0}[record.severity]",
        validity: { kind: 'cycle' },
        basis: '服务质量（投诉、动态监控）：按严重程度扣2/5/10分',
      },
    ],
  },
  ladder: {
    id: 'AA-D',
    rungs: [
      { grade: 'AA', min: 90 },
      { grade: 'A', min: 80, max: 90 },
      { grade: 'B', min: 60, max: 80 },
      { grade: 'B', min: 40, max: 60, when: "tallies['bad-behaviour'] < 20.0" },
      { grade: 'C', min: 40, max: 60 },
      { grade: 'D', max: 40 },
    ],
  },
  notes: [
    'Below 40 the source names D "with ≥ 20 bad-behaviour points" and nothing for fewer; this version grades every score below 40 as D.',
    "Deduction steps are LOCAL choices of this version; the grade bands are the source's.",
  ],
};

/** Nanyang drivers 3A/2A/A/B with the bad-driver trigger (seed 000 南阳“无感审批”). */
export const NANYANG_DRIVER_GRADES: SchemeDocument = {
  id: 'nanyang-driver-grades',
  name: { zh: '南阳市驾驶员信誉等级', en: 'Nanyang driver grades' },
  sources: [
    'seed 000 南阳：驾驶员信誉评定分为3A、2A、A、B级。其中，B级驾驶员参加培训教育合格后上岗，两个周期内连续B级或一个周期内连续扣满20分的列入不良驾驶员名单',
    TAXI_LAW,
  ],
  subjectKinds: ['person'],
  regions: ['411300'],
  // seed 000 南阳: the driver grades are embedded in the 出租车、公交车 (taxi and bus) licensing.
  sectors: ['taxi', 'bus'],
  cycle: { kind: 'year' },
  scoring: {
    kind: 'points',
    base: 20,
    floor: 0,
    ceiling: 30,
    bonusCeiling: 10,
    rules: [
      {
        id: 'violation',
        recordTypes: ['administrative-penalty', 'monitoring-violation', 'confirmed-complaint'],
        points: "{'minor': -1.0, 'general': -5.0, 'severe': -10.0}[record.severity]",
        validity: { kind: 'cycle' },
        basis: `${TAXI_LAW}；处罚、违章、投诉按严重程度扣1/5/10分`,
      },
      {
        id: 'responsible-accident',
        recordTypes: ['accident'],
        when: "has(record.payload.responsibility) && record.payload.responsibility in ['full', 'main', 'equal']",
        points: -20,
        validity: { kind: 'cycle' },
        basis: `${TAXI_LAW}；负同等及以上责任的事故扣20分`,
      },
    ],
  },
  ladder: {
    id: 'AAA-B',
    rungs: [
      { grade: 'AAA', min: 20 },
      { grade: 'AA', min: 15, max: 20 },
      { grade: 'A', min: 10, max: 15 },
      { grade: 'B', max: 10 },
    ],
  },
  triggers: [
    {
      id: 'bad-driver-list',
      when: "deductions >= 20.0 || (grade == 'B' && previous.grade == 'B')",
      basis: 'seed 000 南阳：两个周期内连续B级或一个周期内连续扣满20分的列入不良驾驶员名单',
    },
  ],
  notes: ['The 3A/2A/A/B score bands and the deduction steps are LOCAL choices of this version: seed 000 names the grades and the list trigger only.'],
};

/** Beijing commuter (customised) bus operators: 4 tiers of 9 levels on its own ladder, initial grade B, A with a commitment, −50 per broken commitment (seed 004 北京). */
export const BEIJING_COMMUTER_BUS_GRADES: SchemeDocument = {
  id: 'beijing-commuter-bus-grades',
  name: { zh: '北京市通勤定制公交运营企业信用评价', en: 'Beijing commuter bus operator grades' },
  sources: [
    'seed 004 北京：运营企业初始等级原则上为中（B）级，如作出初始等级信用承诺并提交信用承诺书的，初始等级可升级为良（A）级。在日常经营中发现违诺情形，信用评价等级降级',
    'seed 004 北京：根据信用评价指标，对市场主体实施四等九级信用评价',
    'seed 004 北京：对违背信用和优质服务承诺的企业或定制服务平台，每次发现扣50分，并计入信用档案',
    'DOMAIN.md §3 Beijing commuter buses: four tiers, nine levels; initial grade B, raised to A by an initial-grade commitment; each broken commitment −50 points',
  ],
  subjectKinds: ['org'],
  regions: ['110000'],
  // seed 004 北京: 定制快巴 run under 《道路旅客运输及客运站管理规定》 (road-passenger licences); @domain/credit files 定制通勤 under bus: both.
  sectors: ['road-passenger', 'bus'],
  cycle: { kind: 'year' },
  scoring: {
    kind: 'points',
    base: "records.exists(r, r.type == 'credit-commitment' && has(r.payload.commitmentType) && r.payload.commitmentType == 'initial-grade') ? 750.0 : 600.0",
    floor: 0,
    ceiling: 1000,
    rules: [
      {
        id: 'broken-commitment',
        recordTypes: ['commitment-broken'],
        points: -50,
        validity: { kind: 'cycle' },
        basis: 'seed 004 北京：违背信用和优质服务承诺，每次发现扣50分（违诺情形，信用评价等级降级）',
      },
      {
        id: 'penalty',
        recordTypes: ['administrative-penalty'],
        points: "{'minor': -10.0, 'general': -30.0, 'severe': -60.0}[record.severity]",
        validity: { kind: 'cycle' },
        basis: '行政处罚：按严重程度扣10/30/60分',
      },
      {
        id: 'commendation',
        recordTypes: ['commendation'],
        points: 50,
        validity: { kind: 'cycle' },
        basis: '表彰奖励：每项加50分',
      },
    ],
  },
  ladder: {
    // seed 004 北京 四等九级: four tiers grouping nine levels; 良（A）and 中（B）are the seed's own names.
    id: 'beijing-four-tiers-nine-levels',
    grades: ['AAA', 'AA', 'A+', 'A', 'A-', 'B+', 'B', 'B-', 'C'],
    tiers: [
      { name: '优', grades: ['AAA', 'AA'] },
      { name: '良', grades: ['A+', 'A', 'A-'] },
      { name: '中', grades: ['B+', 'B', 'B-'] },
      { name: '差', grades: ['C'] },
    ],
    rungs: [
      { grade: 'AAA', min: 900 },
      { grade: 'AA', min: 850, max: 900 },
      { grade: 'A+', min: 800, max: 850 },
      { grade: 'A', min: 750, max: 800 },
      { grade: 'A-', min: 700, max: 750 },
      { grade: 'B+', min: 650, max: 700 },
      { grade: 'B', min: 600, max: 650 },
      { grade: 'B-', min: 550, max: 600 },
      { grade: 'C', max: 550 },
    ],
  },
  notes: [
    'Seed 004 gives four tiers and nine levels (四等九级) and names two of them: 良（A）and 中（B）. The tier names 优/良/中/差, the other seven level names and how the nine levels split over the four tiers (优 AAA/AA, 良 A+/A/A-, 中 B+/B/B-, 差 C) are placeholders of this version.',
    "Placeholder: the 1000-point scale and the 50-point bands (AAA ≥ 900 … C < 550). They are chosen so that the seed holds: initial B = 600, an initial-grade commitment starts at A = 750, and each broken commitment (−50, the seed's own number) lowers the grade one level (违诺即降级).",
    'Placeholder: the penalty (−10/−30/−60) and commendation (+50) points; the seed names 经营管理、车辆装备、人员管理、安全生产 indicators without their points.',
  ],
};

const SUZHOU_SEED_004 =
  'seed 004 苏州：构建包括运输资质、安全管理、动态监测、行业监管、违法违规 5 个一级指标的评价体系，其中客运 37 个二级指标，普货 34 个二级指标，危货 44 个二级指标。采用计分制和否决制相结合确定评价等级，分为 A、B、C、D 四个等级，评价结果每季度发布一次';

/** Suzhou road transport enterprises A–D: five first-level indicators plus a veto on a responsible fatal accident (seed 003, seed 004 苏州). */
export const SUZHOU_ROAD_TRANSPORT_SAFETY: SchemeDocument = {
  id: 'suzhou-road-transport-safety',
  name: { zh: '苏州市道路运输企业分类分级安全评价', en: 'Suzhou road transport enterprise safety grades' },
  sources: [
    'seed 003 苏州：《道路运输企业分类分级安全监管工作方案》，对客运、普货、危货分类构建5个方面的评价体系，每季度推送评价结果；归集资质状况、动态监控和违法违规、公安交通违法、交通事故等数据',
    SUZHOU_SEED_004,
    'seed 004 苏州：对发生有责亡人事故的，直接定为 D 级；道路运输企业对评价结果有异议的，可提出申诉，属地交通运输行业管理部门负责对申诉情况及时调查核实',
    'DOMAIN.md §3 Suzhou: 5 first-level indicators; scoring plus veto (responsible fatal accident → D); quarterly; subjects may appeal',
  ],
  subjectKinds: ['org'],
  regions: ['320500'],
  // seed 003 苏州: 对客运、普货、危货分类构建评价体系 — passenger, general cargo and hazardous goods carriers.
  sectors: ['road-passenger', 'general-cargo', 'hazardous-goods'],
  cycle: { kind: 'quarter' },
  scoring: {
    kind: 'indicators',
    scale: 100,
    // seed 004: the five first-level indicators, named as the seed names them; equal weights (placeholder).
    indicators: [
      {
        id: 'qualification',
        weight: 1,
        value:
          "records.exists(r, r.inCycle && r.type == 'administrative-penalty' && has(r.payload.penaltyCategories) && ('licence-suspension' in r.payload.penaltyCategories || 'licence-revocation' in r.payload.penaltyCategories)) ? 0.0 : 1.0",
        basis: '运输资质（seed 004 一级指标）：本季度被暂扣或吊销许可证件的，本项为0（占位）',
      },
      {
        id: 'safety-management',
        weight: 1,
        value:
          "1.0 - double(records.filter(r, r.inCycle && r.type == 'accident' && has(r.payload.responsibility) && r.payload.responsibility != 'none').size()) / 2.0 - double(records.filter(r, r.inCycle && r.type == 'commitment-broken').size()) / 5.0",
        basis: '安全管理（seed 004 一级指标，含9类日常安全管理）：有责事故每起减本项二分之一，违背安全承诺每起减五分之一（占位）',
      },
      {
        id: 'dynamic-monitoring',
        weight: 1,
        value: "1.0 - double(records.filter(r, r.inCycle && r.type == 'monitoring-violation').size()) / 10.0",
        basis: '动态监测（seed 004 一级指标）：每条动态监控违规减本项十分之一（占位）',
      },
      {
        id: 'industry-supervision',
        weight: 1,
        value: "1.0 - double(records.filter(r, r.inCycle && r.type in ['confirmed-complaint', 'inter-department-notice']).size()) / 5.0",
        basis: '行业监管（seed 004 一级指标）：经核实的投诉、有关部门抄告每起减本项五分之一（占位）',
      },
      {
        id: 'violations',
        weight: 1,
        value: "1.0 - double(records.filter(r, r.inCycle && r.type in ['administrative-penalty', 'oversize-transport-violation']).size()) / 5.0",
        basis: '违法违规（seed 004 一级指标）：行政处罚、大件运输违法违规每起减本项五分之一（占位）',
      },
    ],
  },
  // seed 004: A、B、C、D 四个等级 — the AA-D ladder without its AA rung (this version never grades AA).
  ladder: {
    id: 'AA-D',
    rungs: [
      { grade: 'A', min: 90 },
      { grade: 'B', min: 75, max: 90 },
      { grade: 'C', min: 60, max: 75 },
      { grade: 'D', max: 60 },
    ],
  },
  adjustments: [
    {
      id: 'fatal-accident-veto',
      when: "records.exists(r, r.inCycle && r.type == 'accident' && has(r.payload.deaths) && r.payload.deaths > 0 && has(r.payload.responsibility) && r.payload.responsibility != 'none')",
      effect: 'set',
      grade: 'D',
      basis: 'seed 004 苏州：对发生有责亡人事故的，直接定为 D 级（否决制）',
    },
  ],
  notes: [
    'placeholder: seed 004 names the five first-level indicators (运输资质、安全管理、动态监测、行业监管、违法违规), the A–D grades, the quarterly cycle and the veto, but not the 37/34/44 second-level indicators of passenger, general-cargo and hazardous-goods carriers, their points or the grade bands; the indicator contents, equal weights and bands (A ≥ 90, B 75–<90, C 60–<75, D < 60) are LOCAL choices of this version, one set for the three sectors.',
    'Grades are A–D (seed 004), written on the shared AA-D ladder without its AA rung: the ladder has no A–D of its own.',
    'Appeals (seed 004: 可提出申诉，属地交通运输行业管理部门负责对申诉情况及时调查核实) are grade appeals (ADR 0054): an upheld one disregards the records found not to count under this scheme and re-grades by these rules.',
  ],
};

/** Jiyuan driving schools AAA/AA/A/B (seed 002 案例5, 济源示范区驾培机构质量信誉考核; DOMAIN.md §4). */
export const JIYUAN_DRIVING_SCHOOL: SchemeDocument = {
  id: 'jiyuan-driving-school',
  name: { zh: '济源示范区驾培机构质量信誉考核', en: 'Jiyuan driving school quality and reputation grades' },
  sources: [
    'seed 002 案例5（济源）：《济源示范区2023年度驾培机构质量信誉考核实施方案》，每年对全区驾培企业进行服务质量信誉考核，在经营管理、经营行为、服务质量、社会责任四个方面对驾培企业进行评分，分为AAA级、AA级、A级和B级',
    'seed 002 案例5（济源）：AAA级企业检查比例为10%，AA级企业检查比例为20%，A级企业检查比例为30%，B级企业检查比例为50%（DOMAIN.md §4）',
  ],
  subjectKinds: ['org'],
  regions: ['419001'],
  // seed 002 案例5: 驾培企业 (机动车驾驶员培训) only.
  sectors: ['driving-school'],
  cycle: { kind: 'year' },
  scoring: {
    kind: 'points',
    base: 100,
    floor: 0,
    ceiling: 100,
    rules: [
      {
        id: 'operating-behaviour',
        recordTypes: ['administrative-penalty'],
        points: "{'minor': -5.0, 'general': -10.0, 'severe': -20.0}[record.severity]",
        validity: { kind: 'cycle' },
        basis: '经营行为：行政处罚按严重程度扣5/10/20分',
      },
      {
        id: 'operating-management',
        recordTypes: ['monitoring-violation', 'commitment-broken'],
        points: "{'minor': -2.0, 'general': -5.0, 'severe': -10.0}[record.severity]",
        validity: { kind: 'cycle' },
        basis: '经营管理：培训管理服务平台抓取的违规、违背承诺按严重程度扣2/5/10分',
      },
      {
        id: 'service-quality',
        recordTypes: ['confirmed-complaint'],
        points: "{'minor': -2.0, 'general': -5.0, 'severe': -10.0}[record.severity]",
        validity: { kind: 'cycle' },
        basis: '服务质量：经核实的学员投诉按严重程度扣2/5/10分',
      },
      {
        id: 'social-responsibility',
        recordTypes: ['accident'],
        when: "has(record.payload.responsibility) && record.payload.responsibility != 'none'",
        points: -20,
        validity: { kind: 'cycle' },
        basis: '社会责任：有责事故每起扣20分',
      },
    ],
  },
  ladder: {
    id: 'AAA-B',
    rungs: [
      { grade: 'AAA', min: 90 },
      { grade: 'AA', min: 80, max: 90 },
      { grade: 'A', min: 70, max: 80 },
      { grade: 'B', max: 70 },
    ],
  },
  notes: [
    "placeholder: the 100-point scale, the items' deductions and the AAA/AA/A/B bands (90/80/70) are LOCAL choices of this version; seed 002 案例5 names the four aspects and the four grades, not their points.",
  ],
};

/** Hebi fleets (客货运企业) 3A/2A/A for 信易+维修 (seed 002 案例6; DOMAIN.md §4). */
export const HEBI_FLEET: SchemeDocument = {
  id: 'hebi-fleet',
  name: { zh: '鹤壁市客货运企业质量信誉考核', en: 'Hebi passenger and freight fleet grades' },
  sources: [
    'seed 002 案例6（鹤壁）：对客货运企业质量信誉考核等级达到3A级、2A级、A级的营运车辆在维修时，可分别享受维修工时费用减免20%、10%、5%的优惠政策',
    'DOMAIN.md §4 信易+: repair labour −20 %/−10 %/−5 % for 3A/2A/A fleets (Hebi)',
  ],
  subjectKinds: ['org'],
  regions: ['410600'],
  // seed 002 案例6: 客货运企业 — passenger and freight carriers whose 营运车辆 get repaired (the repair shop is not graded here).
  sectors: ['road-passenger', 'general-cargo', 'hazardous-goods', 'oversize-transport'],
  cycle: { kind: 'year' },
  scoring: {
    kind: 'points',
    base: 1000,
    floor: 0,
    ceiling: 1000,
    rules: [
      {
        id: 'penalty',
        recordTypes: ['administrative-penalty', 'oversize-transport-violation'],
        points: "{'minor': -20.0, 'general': -50.0, 'severe': -100.0}[record.severity]",
        validity: { kind: 'cycle' },
        basis: '行政处罚：每起按严重程度扣20/50/100分',
      },
      {
        id: 'responsible-accident',
        recordTypes: ['accident'],
        when: "has(record.payload.responsibility) && record.payload.responsibility != 'none'",
        points: "record.severity == 'severe' ? -200.0 : -100.0",
        validity: { kind: 'cycle' },
        basis: '有责事故：每起扣100分，严重的扣200分',
      },
      {
        id: 'service-quality',
        recordTypes: ['confirmed-complaint', 'monitoring-violation', 'commitment-broken'],
        points: "{'minor': -5.0, 'general': -10.0, 'severe': -20.0}[record.severity]",
        validity: { kind: 'cycle' },
        basis: '服务质量（投诉、动态监控、违诺）：每起按严重程度扣5/10/20分',
      },
    ],
  },
  ladder: {
    id: 'AAA-B',
    rungs: [
      { grade: 'AAA', min: 850 },
      { grade: 'AA', min: 700, max: 850 },
      { grade: 'A', min: 600, max: 700 },
      { grade: 'B', max: 600 },
    ],
  },
  notes: [
    "placeholder: the 1000-point scale, the items' deductions and the bands (AAA ≥ 850, AA 700–<850, A 600–<700, B < 600) are LOCAL choices of this version; seed 002 案例6 names the 3A/2A/A grades and the discounts only (B is the ladder's grade below A).",
    'Sectors: the seed says 客货运企业 (passenger and freight carriers); freight is read as general cargo, hazardous goods and oversize transport.',
  ],
};

/** Jiaozuo general-cargo carriers' red/yellow/green safety credit codes (seed 002 案例4; DOMAIN.md §3, §4). */
export const JIAOZUO_GENERAL_CARGO_CODES: SchemeDocument = {
  id: 'jiaozuo-general-cargo',
  name: { zh: '焦作市道路普通货物运输企业安全生产信用“红黄绿”码', en: 'Jiaozuo general-cargo carrier red/yellow/green safety credit codes' },
  sources: [
    'seed 002 案例4（焦作）：制定了《焦作市道路普通货物运输企业安全生产信用等级评价标准（试行）》……围绕“动态监控系统使用”、“安全生产隐患排查”等 9 大项，42 小项，采取千分制评分，进行普货运输企业“红黄绿”信用分级分类评价',
    'seed 002 案例4（焦作）：依据省厅“两客一危”办法，制定《焦作市道路运输“两客一危一货”经营者安全生产分级分类动态监管实施办法》；以季度为周期开展评价（案例1）',
    'DOMAIN.md §3 Red/yellow/green codes, quarterly, 1000-point scale (Jiaozuo general cargo: 9 categories, 42 items)',
  ],
  subjectKinds: ['org'],
  regions: ['410800'],
  // seed 002 案例4: 普货经营者 — ordinary (general) freight carriers; the two-passenger-one-hazardous carriers are graded by the provincial scheme.
  sectors: ['general-cargo'],
  cycle: { kind: 'quarter' },
  scoring: {
    kind: 'points',
    base: 1000,
    floor: 0,
    ceiling: 1000,
    rules: [
      {
        id: 'dynamic-monitoring',
        recordTypes: ['monitoring-violation'],
        points: "{'minor': -5.0, 'general': -10.0, 'severe': -20.0}[record.severity]",
        validity: { kind: 'cycle' },
        cap: 300,
        basis: '动态监控系统使用：每条报警按严重程度扣5/10/20分，本项最多扣300分',
      },
      {
        id: 'hazard-investigation',
        recordTypes: ['inter-department-notice'],
        points: "{'minor': -10.0, 'general': -20.0, 'severe': -40.0}[record.severity]",
        validity: { kind: 'cycle' },
        cap: 200,
        basis: '安全生产隐患排查：有关部门抄告的隐患，每条按严重程度扣10/20/40分，本项最多扣200分',
      },
      {
        id: 'penalty',
        recordTypes: ['administrative-penalty', 'oversize-transport-violation'],
        points: "{'minor': -10.0, 'general': -30.0, 'severe': -50.0}[record.severity]",
        validity: { kind: 'cycle' },
        basis: '违法违规：行政处罚每起按严重程度扣10/30/50分',
      },
      {
        id: 'complaint',
        recordTypes: ['confirmed-complaint'],
        points: "{'minor': -5.0, 'general': -10.0, 'severe': -20.0}[record.severity]",
        validity: { kind: 'cycle' },
        basis: '服务质量：经核实的投诉每起按严重程度扣5/10/20分',
      },
      {
        id: 'responsible-accident',
        recordTypes: ['accident'],
        when: "has(record.payload.responsibility) && record.payload.responsibility != 'none'",
        points: "record.severity == 'severe' ? -200.0 : -100.0",
        validity: { kind: 'cycle' },
        basis: '安全生产事故：有责事故每起扣100分，严重的扣200分',
      },
      {
        id: 'broken-commitment',
        recordTypes: ['commitment-broken'],
        points: -50,
        validity: { kind: 'cycle' },
        basis: '信用承诺：违背承诺每次扣50分',
      },
    ],
  },
  ladder: {
    id: 'traffic-light',
    rungs: [
      { grade: 'green', min: 900 },
      { grade: 'yellow', min: 800, max: 900 },
      { grade: 'red', max: 800 },
    ],
  },
  notes: [
    "placeholder: the seed names the 1000-point scale, the 9 categories / 42 items and two category names (动态监控系统使用, 安全生产隐患排查) but not the items, their points or the code bounds; the six rules above stand for the categories the platform's record types can show, and every point value is a LOCAL choice of this version, to be replaced by the 评价标准's own.",
    "placeholder: green ≥ 900, yellow 800–<900, red < 800 follow the provincial 两客一危 scheme (henan-passenger-hazardous-codes), on which Jiaozuo's 实施办法 is based (seed 002 案例4: 依据省厅“两客一危”办法).",
    'The consequences (red: no new business next cycle, expert visit, ≥ 24 h training; yellow: restricted new business, no commitment path; green: simplified handling, no visits) are joint-measures mappings jiaozuo.* (DOMAIN.md §4), read from the closed cycle.',
  ],
};

/** Xuchang cruising-taxi stars behind 信易+充电 and priority dispatch (seed 002 案例3 许昌; DOMAIN.md §4). */
export const XUCHANG_TAXI_STARS: SchemeDocument = {
  id: 'xuchang-taxi-stars',
  name: { zh: '许昌市巡游出租汽车星级评定', en: 'Xuchang taxi stars' },
  sources: [
    TAXI_LAW,
    'seed 002 案例3 许昌：以新修订的《出租汽车服务质量信誉考核办法》……分为5个星级进行星级评定……五星车辆享受充电服务费5折，四星车辆服务费6折，三星及以下车辆服务费7折',
    'DOMAIN.md §4 信易+: EV charging 50 %/60 %/70 % of the fee for 5★/4★/≤3★ taxis (Xuchang); priority dispatch for high stars',
  ],
  subjectKinds: ['person'],
  regions: ['411000'],
  // seed 002 案例3: “信用+出租车” — the stars rate cruising taxis and their drivers only.
  sectors: ['taxi'],
  cycle: { kind: 'year' },
  scoring: {
    kind: 'points',
    base: 20,
    floor: 0,
    ceiling: 30,
    bonusCeiling: 10,
    rules: [
      {
        id: 'complaint',
        recordTypes: ['confirmed-complaint'],
        points: "{'minor': -1.0, 'general': -3.0, 'severe': -5.0}[record.severity]",
        validity: { kind: 'cycle' },
        basis: `${TAXI_LAW}；经核实的服务投诉按严重程度扣1/3/5分（档位对应沿用郑州，占位）`,
      },
      {
        id: 'penalty',
        recordTypes: ['administrative-penalty', 'monitoring-violation'],
        points: "{'minor': -3.0, 'general': -5.0, 'severe': -10.0}[record.severity]",
        validity: { kind: 'cycle' },
        basis: `${TAXI_LAW}；行政处罚、动态监控违规按严重程度扣3/5/10分（档位对应沿用郑州，占位）`,
      },
      {
        id: 'responsible-accident',
        recordTypes: ['accident'],
        when: "has(record.payload.responsibility) && record.payload.responsibility in ['full', 'main', 'equal']",
        points: -20,
        validity: { kind: 'cycle' },
        basis: `${TAXI_LAW}；负同等及以上责任的事故扣20分`,
      },
      {
        id: 'commendation',
        recordTypes: ['commendation'],
        points: "has(record.payload.level) && record.payload.level in ['national', 'provincial'] ? 5.0 : 2.0",
        validity: { kind: 'cycle' },
        basis: `${TAXI_LAW}；受表彰奖励加分（省级及以上5分，其他2分，沿用郑州，占位），合计不超过10分`,
      },
    ],
  },
  ladder: {
    id: 'stars',
    rungs: [
      { grade: '5', min: 25 },
      { grade: '4', min: 20, max: 25 },
      { grade: '3', min: 11, max: 20 },
      { grade: '2', min: 4, max: 11 },
      { grade: '1', min: 1, max: 4 },
      { grade: '0', max: 1 },
    ],
  },
  notes: [
    "Placeholder: the star thresholds are Zhengzhou's (DOMAIN.md §3: ≥ 25 → 5★, 20–24 → 4★, 11–19 → 3★, 4–10 → 2★, 1–3 → 1★, ≤ 0 → no star); seed 002 案例3 gives Xuchang's five star levels but no thresholds.",
    "The scoring is the taxi-driver law's (base 20, ≤ +10 bonus, 1/3/5/10/20 deductions, floor 0, year cycle); which severity maps to which step and the commendation bonus are Zhengzhou's LOCAL mapping, reused as a placeholder.",
    'Seed 002 案例3 rates the vehicles every half year (每半年); this version rates drivers on the law\'s calendar-year cycle — a regulator can publish a version with cycle "half".',
  ],
};

/** Hangzhou road transport operators AA/A/B/C/D behind the inspection draw (seed 004 杭州; DOMAIN.md §3, §4). */
export const HANGZHOU_ROAD_TRANSPORT: SchemeDocument = {
  id: 'hangzhou-road-transport',
  name: { zh: '杭州市道路运输企业信用等级', en: 'Hangzhou road transport operator grades' },
  sources: [
    'seed 004 杭州：杭州市道路运输企业参加全省信用等级评价，信用等级分为AA（优秀）、A（良好）、B（中等）、C（较差）、D（差）五级；以全省道路运输行业信用评价体系为主，杭州市地方特色评价标准为辅',
    'DOMAIN.md §3 Grades AA/A/B/C/D (Hangzhou); §4 双随机 draw: AA 10 %, A 15 %, B 20 %, C 25 %, D 30 %, then a second draw of C 30 % and D 70 %',
  ],
  subjectKinds: ['org'],
  regions: ['330100'],
  // seed 004 杭州: the province-wide grading covers road transport operators of every kind (客运、货运、驾培、维修…).
  sectors: [...ROAD_TRANSPORT_SECTORS],
  cycle: { kind: 'year' },
  scoring: {
    kind: 'points',
    base: 100,
    floor: 0,
    ceiling: 100,
    rules: [
      {
        id: 'penalty',
        recordTypes: ['administrative-penalty', 'oversize-transport-violation', 'commitment-broken'],
        points: "{'minor': -5.0, 'general': -10.0, 'severe': -20.0}[record.severity]",
        validity: { kind: 'cycle' },
        basis: '不良行为（行政处罚、违法超限运输、违背承诺）：按严重程度扣5/10/20分（占位）',
      },
      {
        id: 'service-quality',
        recordTypes: ['confirmed-complaint', 'monitoring-violation'],
        points: "{'minor': -2.0, 'general': -5.0, 'severe': -10.0}[record.severity]",
        validity: { kind: 'cycle' },
        basis: '服务质量（经核实的投诉、动态监控违规）：按严重程度扣2/5/10分（占位）',
      },
      {
        id: 'responsible-accident',
        recordTypes: ['accident'],
        when: "has(record.payload.responsibility) && record.payload.responsibility != 'none'",
        points: "record.severity == 'severe' ? -40.0 : -20.0",
        validity: { kind: 'cycle' },
        basis: '有责事故：每起扣20分，严重的扣40分（占位）',
      },
    ],
  },
  ladder: {
    id: 'AA-D',
    rungs: [
      { grade: 'AA', min: 90 },
      { grade: 'A', min: 80, max: 90 },
      { grade: 'B', min: 70, max: 80 },
      { grade: 'C', min: 60, max: 70 },
      { grade: 'D', max: 60 },
    ],
  },
  notes: [
    "Placeholder: seed 004 names Hangzhou's five grades (AA 优秀, A 良好, B 中等, C 较差, D 差) under Zhejiang's province-wide evaluation but gives neither its indicators nor its bands; the 100-point base, the deduction steps and the 10-point bands (AA ≥ 90, A 80–<90, B 70–<80, C 60–<70, D < 60) are LOCAL choices of this version.",
    'Seed 004 reports the grading of the first half of 2024; this version grades on a calendar-year cycle (a regulator can publish a version with cycle "half").',
    'Not modelled here: the red list of operators graded AA two years running and commended at city level or above (seed 004 杭州) — a list rule, not a grade.',
  ],
};

/** Nanyang taxi firms 3A/2A/A/B behind new-capacity licensing (seed 000 南阳“无感审批”; DOMAIN.md §4). */
export const NANYANG_TAXI_FIRM: SchemeDocument = {
  id: 'nanyang-taxi-firm',
  name: { zh: '南阳市出租汽车企业质量信誉等级', en: 'Nanyang taxi firm grades' },
  sources: [
    'seed 000 南阳：嵌入出租车、公交车行业审批。对3A级及以上企业优先授予新增运力指标，对2A企业申请经营延续时加分或优先考虑，对A级企业加强管理，对B级企业停业整顿',
    'DOMAIN.md §4: 3A+ taxi firms get new capacity first; B firms suspended for rectification (Nanyang)',
  ],
  subjectKinds: ['org'],
  regions: ['411300'],
  // seed 000 南阳 names 出租车、公交车 firms; the shipped new-capacity mappings (nanyang.taxi.*) are for taxi firms only.
  sectors: ['taxi'],
  cycle: { kind: 'year' },
  scoring: {
    kind: 'points',
    base: 1000,
    floor: 0,
    ceiling: 1000,
    rules: [
      {
        id: 'penalty',
        recordTypes: ['administrative-penalty', 'commitment-broken'],
        points: "{'minor': -20.0, 'general': -50.0, 'severe': -100.0}[record.severity]",
        validity: { kind: 'cycle' },
        basis: '行政处罚、违背承诺：每起按严重程度扣20/50/100分（占位）',
      },
      {
        id: 'responsible-accident',
        recordTypes: ['accident'],
        when: "has(record.payload.responsibility) && record.payload.responsibility != 'none'",
        points: "record.severity == 'severe' ? -200.0 : -100.0",
        validity: { kind: 'cycle' },
        basis: '有责事故：每起扣100分，严重的扣200分（占位）',
      },
      {
        id: 'service-quality',
        recordTypes: ['confirmed-complaint', 'monitoring-violation'],
        points: "{'minor': -5.0, 'general': -10.0, 'severe': -20.0}[record.severity]",
        validity: { kind: 'cycle' },
        basis: 'seed 000 南阳归集12345和12328投诉确认信息、违章处罚：每起按严重程度扣5/10/20分（占位）',
      },
    ],
  },
  ladder: {
    id: 'AAA-B',
    rungs: [
      { grade: 'AAA', min: 850 },
      { grade: 'AA', min: 700, max: 850 },
      { grade: 'A', min: 600, max: 700 },
      { grade: 'B', max: 600 },
    ],
  },
  notes: [
    "placeholder: the 1000-point scale, the items' deductions and the bands (AAA ≥ 850, AA 700–<850, A 600–<700, B < 600) are LOCAL choices of this version; seed 000 南阳 names the 3A/2A/A/B grades and what each means for licensing, not their points.",
    '"3A级及以上": the shared firm ladder (AAA-B) tops out at AAA, so AAA is the top grade here.',
    'Sectors: seed 000 also names 公交车 (bus) firms; this version grades taxi firms only, as the new-capacity mappings do.',
  ],
};

/**
 * Shandong transport safety-production credit grades AA/A/B/C/D (seed 004 案例8, seed 003; DOMAIN.md
 * §3, §4): graded for every registered operator, with or without records (ADR 0051), because an
 * operator that has not registered, committed or self-assessed is managed as C whatever it did.
 */
export const SHANDONG_ROAD_TRANSPORT: SchemeDocument = {
  id: 'shandong-road-transport',
  name: { zh: '山东省交通运输安全生产信用等级', en: 'Shandong transport safety-production credit grades' },
  sources: [
    'seed 004 案例8 山东：出台《山东省交通运输安全生产信用管理实施办法》，明确AA、A、B、C、D等5个等级确定标准',
    'seed 004 案例8 山东：规定未按要求开展信用注册、承诺、自评的，一律按照 C 级管理，承担相应的惩戒后果',
    'seed 004 案例8 山东：将法定责任落实、制度建设、风险管控、隐患排查治理、行政处罚、表彰奖励、投诉举报、生产安全事故等纳入指标',
    'seed 004 案例8 山东：原则上每次活动检查安全生产信用 B 级及以下企业数量占该次检查企业总数的比例不低于 50%（DOMAIN.md §4）',
    'seed 003 山东：对巡游出租、机动车维修、驾驶员培训、道路普通货物运输……经企业自评、属地主管部门审核后确定等级',
  ],
  subjectKinds: ['org'],
  regions: ['370000'],
  // The shipped draw plan shandong.road-transport draws road transport operators; seed 004 also grades
  // water transport, ports, rail and construction, which a later version (or scheme) may add.
  sectors: [...ROAD_TRANSPORT_SECTORS],
  // seed 004 案例8: an operator nobody reported on still has a grade (C until it registers, commits and self-assesses).
  gradesRegisteredSubjects: true,
  cycle: { kind: 'year' },
  scoring: {
    kind: 'points',
    base: 85,
    floor: 0,
    ceiling: 100,
    bonusCeiling: 15,
    rules: [
      {
        id: 'penalty',
        recordTypes: ['administrative-penalty', 'commitment-broken'],
        points: "{'minor': -5.0, 'general': -10.0, 'severe': -20.0}[record.severity]",
        validity: { kind: 'cycle' },
        basis: '行政处罚（及违背承诺）：按严重程度扣5/10/20分（占位）',
      },
      {
        id: 'production-accident',
        recordTypes: ['accident'],
        when: "has(record.payload.responsibility) && record.payload.responsibility != 'none'",
        points: "record.severity == 'severe' ? -40.0 : -20.0",
        validity: { kind: 'cycle' },
        basis: '生产安全事故（有责）：每起扣20分，严重的扣40分（占位）',
      },
      {
        id: 'risk-control',
        recordTypes: ['monitoring-violation', 'inter-department-notice'],
        points: "{'minor': -2.0, 'general': -5.0, 'severe': -10.0}[record.severity]",
        validity: { kind: 'cycle' },
        basis: '风险管控、隐患排查治理（动态监控违规、抄告）：按严重程度扣2/5/10分（占位）',
      },
      {
        id: 'complaint',
        recordTypes: ['confirmed-complaint'],
        points: "{'minor': -2.0, 'general': -5.0, 'severe': -10.0}[record.severity]",
        validity: { kind: 'cycle' },
        basis: '投诉举报（经核实）：按严重程度扣2/5/10分（占位）',
      },
      {
        id: 'commendation',
        recordTypes: ['commendation'],
        points: "has(record.payload.level) && record.payload.level in ['national', 'provincial'] ? 10.0 : 5.0",
        validity: { kind: 'cycle' },
        basis: '表彰奖励：省级及以上加10分，其他加5分，合计不超过15分（占位）',
      },
    ],
  },
  ladder: {
    id: 'AA-D',
    rungs: [
      { grade: 'AA', min: 90 },
      { grade: 'A', min: 80, max: 90 },
      { grade: 'B', min: 70, max: 80 },
      { grade: 'C', min: 60, max: 70 },
      { grade: 'D', max: 60 },
    ],
  },
  adjustments: [
    {
      id: 'not-registered-committed-self-assessed',
      when: '!(subject.registered && subject.committed && subject.selfAssessed)',
      effect: 'at-most',
      grade: 'C',
      basis: 'seed 004 案例8 山东：未按要求开展信用注册、承诺、自评的，一律按照 C 级管理，承担相应的惩戒后果',
    },
  ],
  notes: [
    'Placeholder: seed 004 案例8 names the five grades (AA, A, B, C, D) and the indicator families (行政处罚、表彰奖励、投诉举报、生产安全事故、风险管控、隐患排查治理…) but neither their points nor the bands; the base 85, the deduction and bonus steps and the 10-point bands (AA ≥ 90, A 80–<90, B 70–<80, C 60–<70, D < 60) are LOCAL choices of this version. A clean, fully registered operator starts at A (85): AA takes a commendation.',
    '"未按要求开展信用注册、承诺、自评的，一律按照 C 级管理" is read as: missing any one of registration, commitment and self-assessment (or unknown to the registry) caps the grade at C. At most C, not exactly C: the rule is a punishment (承担相应的惩戒后果) meant to bring operators onto the platform, so an operator whose records give D keeps D — staying off the platform must never lift a grade.',
    'Graded for every active operator the registry lists in Shandong (gradesRegisteredSubjects, ADR 0051), records or not: 6万余家 enterprises were graded in 2024 (seed 003), most of them with no record at all.',
    'Cycle: calendar year (placeholder); seed 004 speaks of 动态调整 without a period.',
    'Not modelled: the 重点关注名单 (a list, not a grade), the 行业失信 category and on-site evaluation (现场评价).',
  ],
};

/** Luohe bus captains' monthly stars behind the star bonus (seed 002 案例2 漯河“信用+公交”; DOMAIN.md §3). */
export const LUOHE_BUS_CAPTAIN_STARS: SchemeDocument = {
  id: 'luohe-bus-captain-stars',
  name: { zh: '漯河市公交车长星级评审', en: 'Luohe bus captain monthly stars' },
  sources: [
    'seed 002 案例2 漯河：漯河公交全员实施车长星级评审，将月度考评周期内的安全运行、服务质量、运营班次、违章违纪、营运秩序、车容车貌、车辆卫生、仪容仪表、车辆设施设备以及职业规范等作为信用单元，进行检查、考核和评比，根据考核分值确定当月星级',
    'seed 002 案例2 漯河：星级共分为1-5星，分别奖励奖金300元、700元、1200元、1800元、2500元',
    'seed 002 案例2 漯河：把拾金不昧、尊老敬老、热情助人、见义勇为等事迹设定为每周之星，分别给予不同的加分',
  ],
  subjectKinds: ['person'],
  regions: ['411100'],
  // seed 002 案例2: “信用+公交” — city bus captains (公交车长) only.
  sectors: ['bus'],
  cycle: { kind: 'month' },
  scoring: {
    kind: 'points',
    base: 90,
    floor: 0,
    ceiling: 100,
    bonusCeiling: 10,
    rules: [
      {
        id: 'service-quality',
        recordTypes: ['confirmed-complaint'],
        points: "{'minor': -2.0, 'general': -5.0, 'severe': -10.0}[record.severity]",
        validity: { kind: 'cycle' },
        basis: '服务质量：经核实的投诉每起按严重程度扣2/5/10分（占位）',
      },
      {
        id: 'violations',
        recordTypes: ['administrative-penalty', 'monitoring-violation'],
        points: "{'minor': -5.0, 'general': -10.0, 'severe': -20.0}[record.severity]",
        validity: { kind: 'cycle' },
        basis: '违章违纪、安全运行：行政处罚、动态监控违规每起按严重程度扣5/10/20分（占位）',
      },
      {
        id: 'responsible-accident',
        recordTypes: ['accident'],
        when: "has(record.payload.responsibility) && record.payload.responsibility != 'none'",
        points: -30,
        validity: { kind: 'cycle' },
        basis: '安全运行：有责事故每起扣30分（占位）',
      },
      {
        id: 'weekly-star',
        recordTypes: ['commendation'],
        points: 5,
        validity: { kind: 'cycle' },
        basis: '每周之星（拾金不昧、尊老敬老、热情助人、见义勇为）：每次加5分（占位），合计不超过10分',
      },
    ],
  },
  ladder: {
    id: 'stars',
    rungs: [
      { grade: '5', min: 95 },
      { grade: '4', min: 90, max: 95 },
      { grade: '3', min: 80, max: 90 },
      { grade: '2', min: 70, max: 80 },
      { grade: '1', min: 60, max: 70 },
      { grade: '0', max: 60 },
    ],
  },
  notes: [
    'placeholder: the seed names the monthly cycle, the 1–5 stars, the units assessed and the bonuses (300/700/1200/1800/2500 元), not the points: base 90, the deductions, +5 per weekly star (≤ +10) and the bands (5★ ≥ 95, 4★ 90–<95, 3★ 80–<90, 2★ 70–<80, 1★ 60–<70) are LOCAL choices of this version.',
    'Below 60 is "0" (no star, no bonus): the seed names stars 1–5 only, so a captain below the lowest band is read as getting none (placeholder).',
    'The bonuses are joint-measures mappings luohe.bus.star-bonus.* on the incentive.reward scene. The 公交集团 assessment behind the cost-regulation reward fund (调节指数) has no numbers in the seed and is not shipped.',
  ],
};

/** Puyang cruising-taxi firms' service-quality grades behind operating-rights allocation (seed 002 案例10 濮阳“信用+出租车”). */
export const PUYANG_TAXI_FIRM: SchemeDocument = {
  id: 'puyang-taxi-firm',
  name: { zh: '濮阳市巡游出租汽车企业服务质量信誉考核', en: 'Puyang taxi firm service-quality grades' },
  sources: [
    'seed 002 案例10 濮阳：落实《出租汽车服务质量信誉考核办法》，采用查看资料和实地检查方式，扎实对巡游出租车公司进行考核',
    'seed 002 案例10 濮阳：将出租汽车企业服务质量信誉考核结果作为配置巡游车经营权指标或延续巡游车企业经营许可的重要依据，通过动态调整经营权……使优良企业不断扩大规模',
    'seed 002 案例10 濮阳：对守信者“无事不扰”，减少不必要的检查频次和比例；对失信者“利剑高悬”，增加检查频次和比例',
  ],
  subjectKinds: ['org'],
  regions: ['410900'],
  // seed 002 案例10: 巡游出租车公司 only.
  sectors: ['taxi'],
  cycle: { kind: 'year' },
  scoring: {
    kind: 'points',
    base: 1000,
    floor: 0,
    ceiling: 1000,
    rules: [
      {
        id: 'penalty',
        recordTypes: ['administrative-penalty', 'commitment-broken'],
        points: "{'minor': -20.0, 'general': -50.0, 'severe': -100.0}[record.severity]",
        validity: { kind: 'cycle' },
        basis: '法规遵守：行政处罚、违背承诺每起按严重程度扣20/50/100分（占位）',
      },
      {
        id: 'responsible-accident',
        recordTypes: ['accident'],
        when: "has(record.payload.responsibility) && record.payload.responsibility != 'none'",
        points: "record.severity == 'severe' ? -200.0 : -100.0",
        validity: { kind: 'cycle' },
        basis: '安全生产：有责事故每起扣100分，严重的扣200分（占位）',
      },
      {
        id: 'service-quality',
        recordTypes: ['confirmed-complaint', 'monitoring-violation'],
        points: "{'minor': -5.0, 'general': -10.0, 'severe': -20.0}[record.severity]",
        validity: { kind: 'cycle' },
        basis: '经营行为、运营服务：经核实的投诉、平台巡检发现的违规每起按严重程度扣5/10/20分（占位）',
      },
    ],
  },
  ladder: {
    id: 'AAA-B',
    rungs: [
      { grade: 'AAA', min: 850 },
      { grade: 'AA', min: 700, max: 850 },
      { grade: 'A', min: 600, max: 700 },
      { grade: 'B', max: 600 },
    ],
  },
  notes: [
    "placeholder: the seed says Puyang assesses its taxi firms under 《出租汽车服务质量信誉考核办法》 but gives no points or bands; the 1000-point scale, the deductions and the bands (AAA ≥ 850, AA 700–<850, A 600–<700, B < 600) are the same LOCAL choices as nanyang-taxi-firm, to be replaced by Puyang's own.",
    '"优良企业" (firms that grow by the operating rights reallocated to them) is read as AAA and AA: mappings puyang.taxi.capacity.*; the inspection ratios of draw plan puyang.taxi (fewer checks for the trustworthy, more for the untrustworthy) are placeholders too.',
  ],
};

/** Fujian highway and waterway construction market AA/A/B/C/D from several assessor units' scores (seed 004 案例11; DOMAIN.md §3). */
export const FUJIAN_CONSTRUCTION_MARKET: SchemeDocument = {
  id: 'fujian-construction-market',
  name: { zh: '福建省交通建设市场信用考核', en: 'Fujian transport construction market credit assessment' },
  sources: [
    'seed 004 案例11 福建：参与信用评价的单位包括相关主管部门、质量监督部门、造价管理部门、项目业主、设计咨询单位、设计审查专家。省级交通运输主管部门不参与具体考核评分，对各考核单位按其管理职责重要性设置不同评分权重，按权重计算综合得分，使得任何考核单位都无法左右考核结果',
    'seed 004 案例11 福建：安全生产事故报告认定为责任事故的，直接考核定级为C、D级',
    'seed 004 案例11 福建：AA级中标3个标段、A级中标2个标段的，AA级、A级信用分奖励规定失效，其后参加的投标，信用分按B级处理',
    'DOMAIN.md §3 Grades AA/A/B/C/D (Fujian): a fatal responsible accident sets C or D directly; AA after winning 3 bids (A after 2) is treated as B for further bids',
  ],
  subjectKinds: ['org'],
  regions: ['350000'],
  cycle: { kind: 'year' },
  scoring: {
    kind: 'indicators',
    scale: 100,
    indicators: [
      {
        id: 'comprehensive-assessment',
        weight: 1,
        assessments: {
          roles: [
            { role: 'competent-authority', weight: 0.25 },
            { role: 'quality-supervision', weight: 0.2 },
            { role: 'cost-management', weight: 0.1 },
            { role: 'project-owner', weight: 0.3 },
            { role: 'design-consultant', weight: 0.1 },
            { role: 'design-review-expert', weight: 0.05 },
          ],
          whenMissing: 'reweight',
        },
        basis:
          '综合评分定级：各考核单位评分按权重计算综合得分（主管部门0.25、质量监督0.2、造价管理0.1、项目业主0.3、设计咨询0.1、设计审查专家0.05，权重为占位）',
      },
    ],
  },
  ladder: {
    id: 'AA-D',
    rungs: [
      { grade: 'AA', min: 90 },
      { grade: 'A', min: 80, max: 90 },
      { grade: 'B', min: 60, max: 80 },
      { grade: 'C', min: 40, max: 60 },
      { grade: 'D', max: 40 },
    ],
  },
  adjustments: [
    {
      id: 'responsible-accident',
      when: "records.exists(r, r.inCycle && r.type == 'accident' && has(r.payload.responsibility) && r.payload.responsibility != 'none')",
      effect: 'at-most',
      grade: 'C',
      basis: 'seed 004 案例11 福建：安全生产事故报告认定为责任事故的，直接考核定级为C、D级（有责事故至多C级）',
    },
    {
      id: 'fatal-main-responsibility-accident',
      when: "records.exists(r, r.inCycle && r.type == 'accident' && has(r.payload.deaths) && r.payload.deaths > 0 && has(r.payload.responsibility) && r.payload.responsibility in ['full', 'main'])",
      effect: 'set',
      grade: 'D',
      basis: 'seed 004 案例11 福建：责任事故直接定级为C、D级；造成人员死亡且负全部或主要责任的定为D级（C、D划分为占位）',
    },
  ],
  triggers: [
    {
      id: 'bid-credit-as-b',
      when: "(grade == 'AA' && records.filter(r, r.inCycle && r.type == 'bid-award' && r.payload.creditGradeUsed == 'AA').size() >= 3) || (grade == 'A' && records.filter(r, r.inCycle && r.type == 'bid-award' && r.payload.creditGradeUsed == 'A').size() >= 2)",
      basis: 'seed 004 案例11 福建：AA级中标3个标段、A级中标2个标段的，信用分奖励失效，其后参加的投标信用分按B级处理',
    },
  ],
  notes: [
    'Placeholder: seed 004 案例11 names the six assessor units and says each is weighted "按其管理职责重要性", but gives no weights; 0.25/0.2/0.1/0.3/0.1/0.05 are LOCAL choices of this version (a regulator publishes its own by uploading a new version).',
    'An assessor that has not assessed this year drops out and the others keep their proportions (whenMissing: reweight): the seed has assessors score "结合日常督查工作", so not every unit sees every contract section, and wants no single unit to decide the result ("任何考核单位都无法左右考核结果") — counting a silent unit as 0 would let its absence alone pull a grade down by its whole weight. Several assessments by one unit (several contract sections, "随机确定考核合同段") count as their mean.',
    'A subject no weighted unit has assessed scores 0 (D) unless a later version says otherwise: the seed grades only units with assessed projects by score (综合评分定级); others get only direct grading (直接考核定级).',
    "Placeholder: the bands AA ≥ 90, A 80–<90, B 60–<80, C 40–<60, D < 40 follow the Jiangsu example of DOMAIN.md §3 without its bad-behaviour-points condition; the seed gives Fujian's grades, not its bands.",
    'Placeholder: the seed says a responsible accident is graded "C、D" directly without saying which; this version caps any responsible accident at C and sets D when someone died and the subject bore full or main responsibility.',
    'The bid-win rule changes how further bids use the grade, not the grade: it is the trigger bid-credit-as-b, counted from bid-award records of the cycle whose credit score used that grade (placeholder: the seed does not say over what period the sections are counted).',
    'Sectors: @domain/credit SECTORS has no construction-market codes, so the scheme applies to every organisation with records filed in 350000.',
  ],
};

/** Monitoring codes about the driver's own conduct (seed 004 案例15: 疲劳驾驶、驾驶员接打电话等违规行为), counted per driver. */
const SICHUAN_DRIVER_CONDUCT = "['fatigue-driving', 'phone-use', 'seat-belt', 'smoking', 'distracted-driving']";
/** The carrier's vehicles (drivers) from the registry, or 1 while none is registered (a ratio needs a denominator). */
const SICHUAN_VEHICLES = '(subject.vehicles > 0.0 ? subject.vehicles : 1.0)';
const SICHUAN_DRIVERS = '(subject.drivers > 0.0 ? subject.drivers : 1.0)';

/** Sichuan 两客一危 risk portraits: 5 dimensions, a representative subset of the 22 indicators (seed 004 案例15; DOMAIN.md §3). */
export const SICHUAN_RISK_PORTRAIT: SchemeDocument = {
  id: 'sichuan-risk-portrait',
  name: { zh: '四川省“两客一危”企业信用画像', en: 'Sichuan passenger and hazardous-goods carrier risk portrait' },
  sources: [
    'seed 004 案例15 四川：以安全生产、经营管理、服务质量和社会责任4个信用评价内容为基础，扩展出车辆、人员、事故、处罚、监管5个维度，设置5个维度、22项指标；共性指标包括超期年审车辆占比、车均交通违法量、人员伤亡事故数、企业运政处罚数、违法违规通报数等',
    'seed 004 案例15 四川：按照潜在危害影响程度，分类设置指标权重分值，风险隐患越大设置的分值权重越高；系统中设置各项指标分值和权重，可根据实际需求方便快捷对相应指标进行修正',
    'seed 004 案例15 四川：将企业划分为高、中、低风险三个等级；通过逐级“下钻”功能，能够精细化查看每辆车、每名驾驶员的每一条扣分记录',
    'DOMAIN.md §3 Sichuan risk portraits: 5 dimensions, 22 indicators, weights configurable at run time, high/medium/low risk, drill-down to each vehicle and driver deduction',
  ],
  subjectKinds: ['org'],
  regions: ['510000'],
  // seed 004 案例15: “两客一危” — passenger transport and hazardous goods.
  sectors: ['road-passenger', 'hazardous-goods'],
  cycle: { kind: 'year' },
  scoring: {
    kind: 'indicators',
    scale: 100,
    indicators: [
      {
        id: 'overdue-inspection-ratio',
        weight: 15,
        value: `1.0 - 10.0 * double(records.filter(r, r.inCycle && r.type == 'monitoring-violation' && r.payload.violationCode == 'overdue-annual-inspection').size()) / ${SICHUAN_VEHICLES}`,
        drillDown: { recordTypes: ['monitoring-violation'], when: "record.payload.violationCode == 'overdue-annual-inspection'" },
        basis: '车辆维度·超期年审车辆占比：年审逾期仍运行的车辆占车辆数的比例，每1%扣本项十分之一（占位）',
      },
      {
        id: 'violations-per-vehicle',
        weight: 20,
        value: `1.0 - double(records.filter(r, r.inCycle && r.type == 'monitoring-violation' && !(r.payload.violationCode in ${SICHUAN_DRIVER_CONDUCT}) && r.payload.violationCode != 'overdue-annual-inspection').size()) / ${SICHUAN_VEHICLES} / 2.0`,
        drillDown: {
          recordTypes: ['monitoring-violation'],
          when: `!(record.payload.violationCode in ${SICHUAN_DRIVER_CONDUCT}) && record.payload.violationCode != 'overdue-annual-inspection'`,
        },
        basis: '车辆维度·车均交通违法量：本年度车辆违法违规（超速、关闭动态监控等）条数除以车辆数，车均2条本项为0（占位）',
      },
      {
        id: 'driver-violations-per-driver',
        weight: 20,
        value: `1.0 - double(records.filter(r, r.inCycle && r.type == 'monitoring-violation' && r.payload.violationCode in ${SICHUAN_DRIVER_CONDUCT}).size()) / ${SICHUAN_DRIVERS}`,
        drillDown: { recordTypes: ['monitoring-violation'], when: `record.payload.violationCode in ${SICHUAN_DRIVER_CONDUCT}` },
        basis: '人员维度·驾驶员违规：疲劳驾驶、接打电话等驾驶员违规条数除以驾驶员数，人均1条本项为0（占位）',
      },
      {
        id: 'casualty-accidents',
        weight: 25,
        value:
          "1.0 - double(records.filter(r, r.inCycle && r.type == 'accident' && ((has(r.payload.deaths) && r.payload.deaths > 0) || (has(r.payload.injuries) && r.payload.injuries > 0))).size()) / 2.0",
        drillDown: {
          recordTypes: ['accident'],
          when: '(has(record.payload.deaths) && record.payload.deaths > 0) || (has(record.payload.injuries) && record.payload.injuries > 0)',
        },
        basis: '事故维度·人员伤亡事故数：每起扣本项二分之一（占位）',
      },
      {
        id: 'enforcement-penalties',
        weight: 10,
        value: "1.0 - double(records.filter(r, r.inCycle && r.type == 'administrative-penalty').size()) / 5.0",
        drillDown: { recordTypes: ['administrative-penalty'] },
        basis: '处罚维度·企业运政处罚数：每起扣本项五分之一（占位）',
      },
      {
        id: 'violation-notices',
        weight: 10,
        value: "1.0 - double(records.filter(r, r.inCycle && r.type == 'inter-department-notice').size()) / 5.0",
        drillDown: { recordTypes: ['inter-department-notice'] },
        basis: '监管维度·违法违规通报数：每次通报扣本项五分之一（占位）',
      },
    ],
  },
  ladder: {
    id: 'risk',
    rungs: [
      { grade: 'low', min: 80 },
      { grade: 'medium', min: 60, max: 80 },
      { grade: 'high', max: 60 },
    ],
  },
  notes: [
    'A representative subset: 6 of the 22 indicators, at least one per dimension (车辆: overdue-inspection-ratio, violations-per-vehicle; 人员: driver-violations-per-driver; 事故: casualty-accidents; 处罚: enforcement-penalties; 监管: violation-notices). Not shipped: those whose data the platform does not collect yet (二级维护频率、道路运输证记分、驾驶证记分占比、主防报警处理率、卫星定位上线率、电子运单…).',
    'Placeholder: the seed gives no weights or scales, only that riskier indicators weigh more; the weights 15/20/20/25/10/10, each indicator\'s slope and the bands (low ≥ 80, medium 60–<80, high < 60) are LOCAL choices of this version. The seed\'s "指标自定义配置" is a new scheme version uploaded through the admin API.',
    "Per-vehicle and per-driver ratios divide by the carrier's active vehicles and drivers in the subject registry (subject.vehicles, subject.drivers; ADR 0053), or by 1 while none is registered. Overdue inspections are counted as alarms, one per vehicle (an assumption: a vehicle alarmed twice counts twice).",
    'Drill-down: each indicator lists its records, each with an equal share of the points the indicator lost, naming the vehicle (plate) and, where the alarm names one, the driver.',
  ],
};

/*
 * Zhejiang inland ships (seed 004 案例6; seed 003 浙江; DOMAIN.md §3): 7 categories, 92 indicators,
 * each indicator one of six point steps (六档加减分值) and one of three validity periods (三档有效期).
 * The seed gives neither the steps nor the periods: both sets below are placeholders, and every
 * indicator picks exactly one of each (the unit spec checks it).
 */
export const ZHEJIANG_SHIP_POINT_STEPS = [2, 5, 10, 15, 25, 40] as const;
export const ZHEJIANG_SHIP_VALIDITY_MONTHS = [6, 12, 24] as const;
const ZHEJIANG_SHIP_SOURCE =
  'seed 004 案例6 浙江：确定了基本资质、交通事故、违法行为、安全检查、绿水积分、正向激励、负面清单等七大类92项指标，每项指标按其行为性质是有害安全（污染）的严重程度设置六档加减分值和三档有效期……将船舶划分为AA、A、B、C、D五个安全等级';
const zhejiangIndicator = (
  id: string,
  category: string,
  recordTypes: RecordTypeCode[],
  when: string | undefined,
  step: (typeof ZHEJIANG_SHIP_POINT_STEPS)[number],
  sign: 1 | -1,
  months: (typeof ZHEJIANG_SHIP_VALIDITY_MONTHS)[number],
  what: string,
): PointRule => ({
  id,
  recordTypes,
  ...(when ? { when } : {}),
  points: sign * step,
  validity: { kind: 'months', months },
  basis: `${category}：${what}，${sign > 0 ? '加' : '扣'}${step}分，有效期${months}个月（档位与有效期为占位）`,
});

/** Zhejiang inland transport ships AA/A/B/C/D (seed 004 案例6, seed 003 浙江; DOMAIN.md §3). */
export const ZHEJIANG_INLAND_SHIP_SAFETY: SchemeDocument = {
  id: 'zhejiang-inland-ship-safety',
  name: { zh: '浙江省内河运输船舶安全等级', en: 'Zhejiang inland ship safety grades' },
  sources: [
    ZHEJIANG_SHIP_SOURCE,
    'seed 003 浙江：《地方海事辖区内河运输船舶分级分类动态监管办法（试行）》，建立由“基本资质、安全检查、绿水积分”等七部分内容92项指标组成的评定标准，将船舶分为五个安全等级',
    'seed 004 案例6 浙江：绿水积分——排放周期、最低排放量低于规定基准值，对应不同梯级的减分，高于规定基准值，对应不同梯级的加分',
    'DOMAIN.md §3 Zhejiang ships: 7 categories, 92 indicators; each indicator has one of 6 point steps and one of 3 validity periods; AA/A/B/C/D',
  ],
  subjectKinds: ['vessel'],
  regions: ['330000'],
  // 实时动态综合质量评定: a rolling window as long as the longest validity period.
  cycle: { kind: 'rolling', months: 24 },
  scoring: {
    kind: 'points',
    base: 100,
    floor: 0,
    ceiling: 150,
    rules: [
      zhejiangIndicator(
        'qualification-certificate-invalid',
        '基本资质',
        ['ship-safety-inspection'],
        'has(record.payload.certificatesInvalid) && record.payload.certificatesInvalid',
        25,
        -1,
        12,
        '船舶证书失效或缺失',
      ),
      zhejiangIndicator(
        'accident-severe',
        '交通事故',
        ['accident'],
        "record.severity == 'severe' && has(record.payload.responsibility) && record.payload.responsibility in ['full', 'main', 'equal']",
        40,
        -1,
        24,
        '负同等及以上责任的严重事故',
      ),
      zhejiangIndicator(
        'accident-responsible',
        '交通事故',
        ['accident'],
        "record.severity != 'severe' && has(record.payload.responsibility) && record.payload.responsibility in ['full', 'main', 'equal']",
        15,
        -1,
        12,
        '负同等及以上责任的一般事故',
      ),
      zhejiangIndicator('violation-minor', '违法行为', ['administrative-penalty'], "record.severity == 'minor'", 2, -1, 6, '轻微违法行为（简易程序、警告）'),
      zhejiangIndicator('violation-general', '违法行为', ['administrative-penalty'], "record.severity == 'general'", 10, -1, 12, '一般违法行为'),
      zhejiangIndicator('violation-severe', '违法行为', ['administrative-penalty'], "record.severity == 'severe'", 25, -1, 24, '严重违法行为'),
      zhejiangIndicator('inspection-clean', '安全检查', ['ship-safety-inspection'], 'record.payload.defects == 0.0', 2, 1, 6, '安全检查无缺陷'),
      zhejiangIndicator(
        'inspection-defects',
        '安全检查',
        ['ship-safety-inspection'],
        'record.payload.defects > 0.0 && !record.payload.detained',
        5,
        -1,
        6,
        '安全检查发现缺陷',
      ),
      zhejiangIndicator('inspection-detention', '安全检查', ['ship-safety-inspection'], 'record.payload.detained', 15, -1, 12, '安全检查滞留'),
      zhejiangIndicator('green-water-above', '绿水积分', ['pollutant-delivery'], "record.payload.baseline == 'above'", 2, 1, 6, '水污染物上交高于基准值'),
      zhejiangIndicator('green-water-below', '绿水积分', ['pollutant-delivery'], "record.payload.baseline == 'below'", 2, -1, 6, '水污染物上交低于基准值'),
      zhejiangIndicator(
        'incentive-provincial',
        '正向激励',
        ['commendation'],
        "has(record.payload.level) && record.payload.level in ['national', 'provincial']",
        10,
        1,
        24,
        '省级及以上表彰',
      ),
      zhejiangIndicator(
        'incentive-local',
        '正向激励',
        ['commendation'],
        "!has(record.payload.level) || !(record.payload.level in ['national', 'provincial'])",
        5,
        1,
        12,
        '市、县级表彰',
      ),
    ],
  },
  ladder: {
    id: 'AA-D',
    rungs: [
      { grade: 'AA', min: 105 },
      { grade: 'A', min: 95, max: 105 },
      { grade: 'B', min: 85, max: 95 },
      { grade: 'C', min: 70, max: 85 },
      { grade: 'D', max: 70 },
    ],
  },
  adjustments: [
    {
      id: 'negative-list-severe',
      when: "'severe-dishonesty' in subject.lists",
      effect: 'set',
      grade: 'D',
      basis: '负面清单：列入严重失信主体名单的船舶评为D级（占位）',
    },
    {
      id: 'negative-list-key-watch',
      when: "'key-watch' in subject.lists",
      effect: 'at-most',
      grade: 'C',
      basis: '负面清单：列入重点关注名单的船舶最高评为C级（占位）',
    },
  ],
  notes: [
    'placeholder: the six point steps (2/5/10/15/25/40), the three validity periods (6/12/24 months), the 100-point base and the bands (AA ≥ 105, A 95–<105, B 85–<95, C 70–<85, D < 70) are LOCAL choices of this version; seed 004 案例6 gives the number of steps and periods, not their values.',
    'Representative subset: 13 of the 92 indicators, covering all seven categories (基本资质, 交通事故, 违法行为, 安全检查, 绿水积分, 正向激励 as point rules; 负面清单 as list adjustments). Each indicator uses exactly one step and one validity period.',
    'placeholder: 负面清单 is read as list membership — severe-dishonesty → D, key-watch → at most C; the seed names the category only.',
    '实时动态评定 is a rolling 24-month window (the longest validity period); a cycle closes on a date.',
  ],
};

/** Guangxi Changzhou ship lock passage points (seed 004 案例13; DOMAIN.md §2, §4). */
export const GUANGXI_CHANGZHOU_LOCK_POINTS: SchemeDocument = {
  id: 'guangxi-changzhou-lock-points',
  name: { zh: '广西长洲船闸过闸船舶积分', en: 'Guangxi Changzhou lock passage points' },
  sources: [
    'seed 004 案例13 广西《长洲船闸过闸船舶积分管理办法（试行）》：船舶初始分值设定为400分“基本分”，船舶安全过闸，用时小于或等于标准时长的，就能得到“加分”；而船舶如有“瞒报谎报或瞒报吃水”“遮挡船名”等违反过闸秩序的行为，将面临被减分的惩罚',
    'seed 004 案例13：积分等级分为三个星级，对高星级船舶可以利用积分兑换优先放行服务。比如三星级船舶，可享有积分兑换过闸排队往前跳号服务资格，每20积分可兑换往前跳60个排队号',
  ],
  subjectKinds: ['vessel'],
  regions: ['450000'],
  cycle: { kind: 'year' },
  scoring: {
    kind: 'points',
    base: 400,
    floor: 0,
    ceiling: 1000,
    rules: [
      {
        id: 'safe-passage',
        recordTypes: ['lock-passage'],
        when: 'size(record.payload.violations) == 0 && record.payload.actualMinutes <= record.payload.standardMinutes',
        points: 5,
        validity: { kind: 'cycle' },
        basis: '安全过闸且用时小于或等于标准时长：每次加5分（加分值为占位）',
      },
      {
        id: 'false-draught',
        recordTypes: ['lock-passage'],
        when: "'false-draught' in record.payload.violations",
        points: -20,
        validity: { kind: 'cycle' },
        basis: '瞒报谎报或瞒报吃水：每次扣20分（扣分值为占位）',
      },
      {
        id: 'name-obscured',
        recordTypes: ['lock-passage'],
        when: "'name-obscured' in record.payload.violations",
        points: -10,
        validity: { kind: 'cycle' },
        basis: '遮挡船名：每次扣10分（扣分值为占位）',
      },
      {
        id: 'other-order-violation',
        recordTypes: ['lock-passage'],
        when: "record.payload.violations.exists(v, v in ['unsafe-manoeuvre', 'other'])",
        points: -5,
        validity: { kind: 'cycle' },
        basis: '其他违反过闸秩序的行为：每次扣5分（扣分值为占位）',
      },
      {
        id: 'points-redeemed',
        recordTypes: ['lock-passage'],
        when: 'has(record.payload.pointsRedeemed)',
        points: '-double(record.payload.pointsRedeemed)',
        validity: { kind: 'cycle' },
        basis: '积分兑换：兑换跳号所用的积分从积分中扣除（每20积分可兑换往前跳60个排队号）',
      },
    ],
  },
  ladder: {
    id: 'stars',
    rungs: [
      { grade: '3', min: 420 },
      { grade: '2', min: 400, max: 420 },
      { grade: '1', max: 400 },
    ],
  },
  notes: [
    'From the seed: the 400-point base, bonus for a safe passage within the standard time, deductions for 瞒报吃水 and 遮挡船名, three star levels, and 20 points for 60 queue places at three stars (mapping guangxi.lock.queue-jump).',
    'placeholder: +5 per safe passage, −20 / −10 / −5 for the violations, and the star bands (3★ ≥ 420, 2★ 400–<420, 1★ < 400) are LOCAL choices of this version; the seed gives none of them.',
    'placeholder: the yearly cycle; the seed keeps one file per ship (一船一档) and publishes points periodically without naming the period.',
  ],
};

/** 信用长江 four-colour codes for Yangtze shipping (seed 004 案例19; DOMAIN.md §3). */
export const YANGTZE_SHIPPING_FOUR_COLOUR: SchemeDocument = {
  id: 'yangtze-shipping-four-colour',
  name: { zh: '信用长江“绿蓝黄红”四色信用码', en: 'Yangtze shipping four-colour credit codes' },
  sources: [
    'seed 004 案例19 信用长江：从安全生产事故、行政检查、行政处罚、三峡通航管理等方面对经营主体违法违规行为进行梳理，最终认定失信扣分行为83项；同时重点考量……守信加分行为，包括安全监管、运输经营、绿色发展、荣誉表彰等30项。通过加减分确定主体的信用等级并实施“绿蓝黄红”赋码管理',
    'DOMAIN.md §3 Yangtze (信用长江): 83 deduction behaviours, 30 bonus behaviours, green/blue/yellow/red',
  ],
  // Ships only: with no sector filter an org kind would grade every Hubei road operator too (see notes).
  subjectKinds: ['vessel'],
  regions: ['420000'],
  // “实时面向社会发布”: a rolling year.
  cycle: { kind: 'rolling', months: 12 },
  scoring: {
    kind: 'points',
    base: 100,
    floor: 0,
    ceiling: 150,
    rules: [
      {
        id: 'deduct-accident',
        recordTypes: ['accident'],
        when: "has(record.payload.responsibility) && record.payload.responsibility != 'none'",
        points: "record.severity == 'severe' ? -30.0 : -15.0",
        validity: { kind: 'cycle' },
        basis: '失信扣分·安全生产事故：有责事故扣15分，严重的扣30分（占位）',
      },
      {
        id: 'deduct-inspection',
        recordTypes: ['ship-safety-inspection'],
        when: 'record.payload.detained',
        points: -10,
        validity: { kind: 'cycle' },
        basis: '失信扣分·行政检查：安全检查滞留扣10分（占位）',
      },
      {
        id: 'deduct-penalty',
        recordTypes: ['administrative-penalty'],
        points: "{'minor': -2.0, 'general': -5.0, 'severe': -20.0}[record.severity]",
        validity: { kind: 'cycle' },
        basis: '失信扣分·行政处罚：按严重程度扣2/5/20分（占位）',
      },
      {
        id: 'deduct-three-gorges',
        recordTypes: ['lock-passage'],
        when: 'size(record.payload.violations) > 0',
        points: -5,
        validity: { kind: 'cycle' },
        basis: '失信扣分·三峡通航管理：过闸违反通航秩序每次扣5分（占位）',
      },
      {
        id: 'bonus-safety',
        recordTypes: ['ship-safety-inspection'],
        when: 'record.payload.defects == 0.0',
        points: 1,
        validity: { kind: 'cycle' },
        basis: '守信加分·安全监管：安全检查无缺陷加1分（占位）',
      },
      {
        id: 'bonus-operation',
        recordTypes: ['lock-passage'],
        when: 'size(record.payload.violations) == 0 && record.payload.actualMinutes <= record.payload.standardMinutes',
        points: 1,
        validity: { kind: 'cycle' },
        basis: '守信加分·运输经营：按标准时长守序过闸加1分（占位）',
      },
      {
        id: 'bonus-green',
        recordTypes: ['pollutant-delivery'],
        when: "record.payload.baseline != 'below'",
        points: 2,
        validity: { kind: 'cycle' },
        basis: '守信加分·绿色发展：按规定上交船舶水污染物加2分（占位）',
      },
      {
        id: 'bonus-honour',
        recordTypes: ['commendation'],
        points: "has(record.payload.level) && record.payload.level in ['national', 'provincial'] ? 10.0 : 5.0",
        validity: { kind: 'cycle' },
        basis: '守信加分·荣誉表彰：省部级及以上加10分，其他加5分（占位）',
      },
    ],
  },
  ladder: {
    id: 'four-colour',
    rungs: [
      { grade: 'green', min: 105 },
      { grade: 'blue', min: 90, max: 105 },
      { grade: 'yellow', min: 70, max: 90 },
      { grade: 'red', max: 70 },
    ],
  },
  notes: [
    'Representative subset: 4 of the 83 deduction behaviours (one per source the seed names: 安全生产事故, 行政检查, 行政处罚, 三峡通航管理) and 4 of the 30 bonus behaviours (安全监管, 运输经营, 绿色发展, 荣誉表彰).',
    'placeholder: the 100-point base, every point value and the colour bands (green ≥ 105, blue 90–<105, yellow 70–<90, red < 70) are LOCAL choices of this version; the seed gives the behaviour counts and the four colours, not the points. A subject without bonus or deduction is blue, the middle of the “纺锤形” the seed aims for.',
    'Region: 420000 stands for the Changjiang Waterway Bureau (长江航务管理局, Wuhan) that runs 信用长江; its subjects sail the whole Yangtze.',
    'Subjects: ships (船舶) only. Shipping companies (船公司) and crew (船员) are not graded by this version: a sector filter applies to every subject kind and the registry gives vessels no sector, so companies would need a second scheme with sectors ["waterway"].',
  ],
};

export const SHIPPED_SCHEMES: readonly SchemeDocument[] = [
  ZHENGZHOU_TAXI_DRIVER_STARS,
  HENAN_PASSENGER_HAZARDOUS_CODES,
  JIANGSU_ROAD_OPERATOR_GRADES,
  NANYANG_DRIVER_GRADES,
  BEIJING_COMMUTER_BUS_GRADES,
  SUZHOU_ROAD_TRANSPORT_SAFETY,
  JIYUAN_DRIVING_SCHOOL,
  HEBI_FLEET,
  JIAOZUO_GENERAL_CARGO_CODES,
  XUCHANG_TAXI_STARS,
  HANGZHOU_ROAD_TRANSPORT,
  NANYANG_TAXI_FIRM,
  SHANDONG_ROAD_TRANSPORT,
  LUOHE_BUS_CAPTAIN_STARS,
  PUYANG_TAXI_FIRM,
  FUJIAN_CONSTRUCTION_MARKET,
  SICHUAN_RISK_PORTRAIT,
  ZHEJIANG_INLAND_SHIP_SAFETY,
  GUANGXI_CHANGZHOU_LOCK_POINTS,
  YANGTZE_SHIPPING_FOUR_COLOUR,
];
