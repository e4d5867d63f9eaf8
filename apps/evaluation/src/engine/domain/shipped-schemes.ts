import { ROAD_TRANSPORT_SECTORS } from '@domain/credit';
import type { SchemeDocument } from './scheme-document';

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

/** Beijing commuter (customised) bus operators: initial grade B, A with a commitment (seed 004 北京). */
export const BEIJING_COMMUTER_BUS_GRADES: SchemeDocument = {
  id: 'beijing-commuter-bus-grades',
  name: { zh: '北京市通勤定制公交运营企业信用评价', en: 'Beijing commuter bus operator grades' },
  sources: [
    'seed 004 北京：运营企业初始等级原则上为中（B）级，如作出初始等级信用承诺并提交信用承诺书的，初始等级可升级为良（A）级。在日常经营中发现违诺情形，信用评价等级降级',
    'DOMAIN.md §3 Beijing commuter buses: four tiers, nine levels; initial grade B, raised to A by an initial-grade commitment; each broken commitment −50 points',
  ],
  subjectKinds: ['org'],
  regions: ['110000'],
  // seed 004 北京: 定制快巴 run under 《道路旅客运输及客运站管理规定》 (road-passenger licences); @domain/credit files 定制通勤 under bus: both.
  sectors: ['road-passenger', 'bus'],
  cycle: { kind: 'year' },
  scoring: {
    kind: 'points',
    base: "records.exists(r, r.type == 'credit-commitment' && has(r.payload.commitmentType) && r.payload.commitmentType == 'initial-grade') ? 800.0 : 700.0",
    floor: 0,
    ceiling: 1000,
    rules: [
      {
        id: 'broken-commitment',
        recordTypes: ['commitment-broken'],
        points: -50,
        validity: { kind: 'cycle' },
        basis: 'DOMAIN.md §3 北京：每次违诺扣50分（违诺即降级）',
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
    id: 'AA-D',
    rungs: [
      { grade: 'AA', min: 900 },
      { grade: 'A', min: 800, max: 900 },
      { grade: 'B', min: 700, max: 800 },
      { grade: 'C', max: 700 },
    ],
  },
  notes: [
    'Four tiers 优/良/中/差 are graded AA/A/B/C; the nine levels inside them are not given by the sources and are not graded by this version.',
    'Tier bounds (100 points each) and the penalty/commendation points are LOCAL choices; initial B = 700, A = 800 so that one broken commitment (−50) drops A to B, as the source says.',
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
];
