import { CATALOGUE_V1, closedSet, count, dateTime, deepFreeze, objectSchema, RECORDS_WRITE, text } from './catalogue-v1';
import type { CatalogueDocument, RecordTypeDefinition } from './record-type-definition';

/*
 * Catalogue (目录) version 2, in force from 2026-12-01: version 1 plus the records the seed systems
 * of issue 17 grade, list and count on, each with its source. Records keep the version they were
 * validated against; v1 is unchanged. Immutable once stored, like v1 (shipped-catalogues.ts).
 *   - Fujian construction market (seed 004 案例11): `credit-assessment` (信用考核评分, one assessor
 *     unit's score) and `bid-award` (中标, with the grade its credit score was given under);
 *   - Sichuan risk portraits (seed 004 案例15): a `monitoring-violation` may name the driver;
 *   - Taicang green list (seed 003): `vessel-port-call`; its “两年无安检滞留” reads `ship-safety-inspection`'s `detained`;
 *   - Zhejiang ships, Guangxi lock points, 信用长江 (seed 004 案例6/13/19): `lock-passage`,
 *     `ship-safety-inspection`, `pollutant-delivery`, and commendations of vessels.
 *   - Tianjin data check for repair (seed 004 天津 "数据核验代替申请主体提供材料"): `fine-payment`
 *     (缴纳罚款凭证), so a repair verifies the fine was paid without a receipt from the subject.
 * One fact, one type: a ship safety inspection is `ship-safety-inspection` for every service, whether
 * it graded the ship (Zhejiang, Yangtze) or screened it for detentions (Taicang).
 */

const JSON_SCHEMA_2020 = 'https://json-schema.org/draft/2020-12/schema';

/**
 * seed 004 案例11 福建: "参与信用评价的单位包括相关主管部门、质量监督部门、造价管理部门、项目业主、设计咨询单位、
 * 设计审查专家". Written out (not imported from ASSESSOR_ROLES) so a later change of the shared list
 * cannot silently change this stored version; the spec checks they agree.
 */
const ASSESSOR_ROLE_ENTRIES = [
  ['competent-authority', '相关主管部门'],
  ['quality-supervision', '质量监督部门'],
  ['cost-management', '造价管理部门'],
  ['project-owner', '项目业主'],
  ['design-consultant', '设计咨询单位'],
  ['design-review-expert', '设计审查专家'],
] as const;

const creditAssessment: RecordTypeDefinition = {
  code: 'credit-assessment',
  name: { zh: '信用考核评分', en: 'Credit assessment' },
  // An assessor's finding about the subject's conduct on a project, like a monitoring finding:
  // not a decision, not a penalty.
  category: 'monitoring',
  // seed 004 案例11: 项目建设管理、勘察设计、施工、监理、试验检测等参建单位 (org) and 主要人员 (person).
  subjectKinds: ['org', 'person'],
  // Not dishonesty: a score, not a finding of wrongdoing; 'minor' is the placeholder.
  severities: ['minor'],
  // Not public as a line: what is published (seed 004 案例11 "考核得分及定级初评结果公示") is the weighted
  // result, i.e. the evaluation's grade and score, not each assessor's line.
  isPublic: false,
  publicity: null,
  timelinessWorkingDays: null,
  submitScopes: ['records:write'],
  payloadSchema: {
    $schema: JSON_SCHEMA_2020,
    title: '信用考核评分',
    description: '考核单位对从业单位（人员）的信用考核得分（综合评分定级，seed 004 案例11 福建）。考核单位评分须可追溯。',
    type: 'object',
    additionalProperties: false,
    required: ['assessorRole', 'assessor', 'project', 'score'],
    properties: {
      assessorRole: {
        type: 'string',
        enum: ASSESSOR_ROLE_ENTRIES.map(([code]) => code),
        description: `考核单位类别：${ASSESSOR_ROLE_ENTRIES.map(([code, zh]) => `${code}=${zh}`).join('；')}`,
      },
      assessor: { type: 'string', minLength: 1, maxLength: 100, description: '考核单位名称' },
      project: { type: 'string', minLength: 1, maxLength: 200, description: '考核的项目名称' },
      contractSection: { type: 'string', minLength: 1, maxLength: 100, description: '考核合同段（随机确定）' },
      score: { type: 'number', minimum: 0, maximum: 100, description: '考核得分（百分制）' },
      remarks: { type: 'string', minLength: 1, maxLength: 1000, description: '扣分事项说明' },
    },
  },
};

/** seed 004 案例11 福建: "AA级中标3个标段、A级中标2个标段的…其后参加的投标，信用分按B级处理". */
const bidAward: RecordTypeDefinition = {
  code: 'bid-award',
  name: { zh: '中标信息', en: 'Bid award' },
  // A fact of market conduct reported by the trading platform, neither good nor bad in itself.
  category: 'notice',
  subjectKinds: ['org'],
  // Not dishonesty: 'minor' is the placeholder.
  severities: ['minor'],
  // Not public here: the electronic trading system (电子招投标系统, seed 004 案例11) publishes award
  // notices itself; the platform keeps them to count sections won per credit grade.
  isPublic: false,
  publicity: null,
  timelinessWorkingDays: null,
  submitScopes: ['records:write'],
  payloadSchema: {
    $schema: JSON_SCHEMA_2020,
    title: '中标信息',
    description: '从业单位中标的项目标段及其投标时所用的信用等级（信用分+合理低价，seed 004 案例11 福建）。中标通知书日期为记录的决定日期。',
    type: 'object',
    additionalProperties: false,
    required: ['project', 'contractSection', 'tenderer', 'creditGradeUsed'],
    properties: {
      project: { type: 'string', minLength: 1, maxLength: 200, description: '招标项目名称' },
      contractSection: { type: 'string', minLength: 1, maxLength: 100, description: '中标标段（合同段）' },
      tenderer: { type: 'string', minLength: 1, maxLength: 100, description: '招标人（项目业主）' },
      noticeNumber: { type: 'string', minLength: 1, maxLength: 64, description: '中标通知书编号' },
      creditGradeUsed: {
        type: 'string',
        enum: ['AA', 'A', 'B', 'C', 'D'],
        description: '投标时企业信用分所依据的信用等级：AA=AA级；A=A级；B=B级；C=C级；D=D级',
      },
    },
  },
};

/** v1's monitoring-violation plus two optional fields naming the driver at the wheel. */
function withDriver(v1: RecordTypeDefinition): RecordTypeDefinition {
  const schema = v1.payloadSchema as { properties: Record<string, unknown> };
  return {
    ...v1,
    payloadSchema: {
      ...v1.payloadSchema,
      properties: {
        ...schema.properties,
        driverName: { type: 'string', minLength: 1, maxLength: 50, description: '驾驶员姓名（报警时在驾驶的驾驶员，主动安防数据可识别时填写）' },
        driverCertificate: { type: 'string', minLength: 1, maxLength: 64, description: '驾驶员从业资格证号' },
      },
    },
  };
}

const vesselPortCall: RecordTypeDefinition = {
  code: 'vessel-port-call',
  name: { zh: '船舶进港作业', en: 'Vessel port call' },
  // Reported by the port or terminal (seed 003: 海事、港口、码头 share the call data), like monitoring data.
  category: 'monitoring',
  subjectKinds: ['vessel'],
  severities: ['minor'],
  isPublic: false,
  publicity: null,
  timelinessWorkingDays: null,
  submitScopes: RECORDS_WRITE,
  payloadSchema: objectSchema(
    '船舶进港作业',
    '船舶在港口靠泊装卸作业一次（一艘次），由港口、码头或海事管理机构报送（seed 003 太仓：一年内在太仓港累计作业不少于12艘次）。',
    {
      port: text(100, '作业港口，如太仓港'),
      terminal: text(100, '作业码头'),
      berthedAt: dateTime('靠泊时间'),
      operation: closedSet('作业类型', [
        ['loading', '装船'],
        ['unloading', '卸船'],
        ['loading-and-unloading', '装卸'],
      ]),
      containersTeu: count(100000, '装卸集装箱（标箱）'),
      reportedBy: text(100, '报送单位，如码头公司、港口管理部门'),
    },
    ['port', 'berthedAt', 'reportedBy'],
  ),
};

const SEVERITY_GRADED = ['minor', 'general', 'severe'] as const;

const lockPassage: RecordTypeDefinition = {
  code: 'lock-passage',
  name: { zh: '船舶过闸记录', en: 'Lock passage' },
  // Perceived by the lock's efficiency system (北斗, image recognition: seed 004 案例13), like a monitoring alarm.
  category: 'monitoring',
  subjectKinds: ['vessel'],
  // A passage without violation is sent as 'minor' (no dishonesty); one with violations carries the
  // dispatch centre's grading of them (瞒报吃水 is graver than a late passage).
  severities: SEVERITY_GRADED,
  // Not public: the lock publishes each ship's points (积分信息定期公布), not the passage logs.
  isPublic: false,
  publicity: null,
  timelinessWorkingDays: null,
  submitScopes: RECORDS_WRITE,
  payloadSchema: objectSchema(
    '船舶过闸记录',
    '船舶一次过闸的行为与用时（seed 004 案例13 广西《长洲船闸过闸船舶积分管理办法（试行）》；案例19 信用长江三峡通航管理）。',
    {
      lockName: text(100, '船闸名称，如长洲船闸、三峡船闸'),
      passedAt: dateTime('过闸时间'),
      standardMinutes: count(1440, '标准过闸时长（分钟）'),
      actualMinutes: count(1440, '实际过闸用时（分钟）'),
      violations: {
        type: 'array',
        maxItems: 4,
        uniqueItems: true,
        items: closedSet('违反过闸秩序的行为', [
          ['false-draught', '瞒报谎报或瞒报吃水'],
          ['name-obscured', '遮挡船名'],
          ['unsafe-manoeuvre', '进出闸操作不当、碰撞闸门等危及船闸安全'],
          ['other', '其他违反过闸秩序的行为'],
        ]),
        description: '本次过闸违反过闸秩序的行为（可多项；无则为空数组）',
      },
      pointsRedeemed: {
        type: 'integer',
        minimum: 0,
        maximum: 10000,
        multipleOf: 20,
        description: '本次兑换的积分（每20积分可兑换往前跳60个排队号，seed 004 案例13）',
      },
      queuePlacesJumped: count(30000, '本次兑换跳过的排队号数'),
      dispatchCentre: text(100, '记录单位，如西江船闸调度中心'),
    },
    ['lockName', 'passedAt', 'standardMinutes', 'actualMinutes', 'violations', 'dispatchCentre'],
    { dependentRequired: { pointsRedeemed: ['queuePlacesJumped'], queuePlacesJumped: ['pointsRedeemed'] } },
  ),
};

const shipSafetyInspection: RecordTypeDefinition = {
  code: 'ship-safety-inspection',
  name: { zh: '船舶安全检查', en: 'Ship safety inspection' },
  category: 'inspection',
  subjectKinds: ['vessel'],
  // The inspecting maritime authority grades what it found; a clean inspection is 'minor'.
  severities: SEVERITY_GRADED,
  // Not public: an inspection finding is not a penalty decision; a penalty it leads to is its own record.
  isPublic: false,
  publicity: null,
  timelinessWorkingDays: null,
  submitScopes: RECORDS_WRITE,
  payloadSchema: objectSchema(
    '船舶安全检查',
    '海事管理机构对船舶的安全检查及是否滞留（《船舶安全监督规则》；seed 004 案例6 浙江“安全检查”类指标、“船舶证书失效”风险预警；案例19 信用长江“行政检查”；seed 003 太仓“两年无安检滞留”）。',
    {
      inspectedAt: dateTime('检查时间'),
      port: text(100, '检查地点（港口、码头、锚地）'),
      inspectionType: closedSet('检查类型', [
        ['flag-state', '船旗国监督检查（FSC）'],
        ['port-state', '港口国监督检查（PSC）'],
      ]),
      defects: count(200, '检查发现的缺陷数'),
      detainableDefects: count(200, '其中滞留缺陷项数'),
      detained: { type: 'boolean', description: '是否滞留船舶（安检滞留）' },
      certificatesInvalid: { type: 'boolean', description: '是否发现船舶证书失效或缺失（基本资质）' },
      authority: text(100, '检查机关，如嘉兴地方海事处、太仓海事局'),
      description: text(1000, '检查情况说明'),
    },
    ['inspectedAt', 'defects', 'detained', 'authority'],
  ),
};

const pollutantDelivery: RecordTypeDefinition = {
  code: 'pollutant-delivery',
  name: { zh: '船舶水污染物交付', en: 'Pollutant delivery' },
  category: 'environment',
  subjectKinds: ['vessel'],
  // Not dishonesty by itself: the comparison with the baseline says whether it earns or costs points.
  severities: ['minor'],
  isPublic: false,
  publicity: null,
  timelinessWorkingDays: null,
  submitScopes: RECORDS_WRITE,
  payloadSchema: objectSchema(
    '船舶水污染物交付',
    '船户上交船舶水污染物（绿水积分：排放周期、最低排放量与规定基准值比较，高于基准值加分、低于基准值减分，seed 004 案例6 浙江）。',
    {
      deliveredAt: dateTime('交付时间'),
      pollutant: closedSet('污染物种类', [
        ['oily-water', '含油污水'],
        ['sewage', '生活污水'],
        ['garbage', '生活垃圾'],
      ]),
      quantityLitres: count(1_000_000, '交付数量（升；生活垃圾按容积折算）'),
      baseline: closedSet('与规定基准值相比（排放周期、最低排放量）', [
        ['above', '高于基准值'],
        ['at', '达到基准值'],
        ['below', '低于基准值'],
      ]),
      receivedBy: text(100, '接收单位，如水上绿色服务区、港口接收设施'),
    },
    ['deliveredAt', 'pollutant', 'quantityLitres', 'baseline', 'receivedBy'],
  ),
};

/**
 * seed 004 天津: "整合各级交通运输主管部门归集的缴纳罚款凭证数据 … 通过系统数据对“承诺书”与缴纳罚款凭证进行比对核验".
 * The document number of the record envelope is the payment's own (缴款书编号); the payload names the
 * penalty decision it pays (its 决定文书号) and the amount, in fen like the penalty's `fineAmountFen`.
 */
const finePayment: RecordTypeDefinition = {
  code: 'fine-payment',
  name: { zh: '缴纳罚款凭证', en: 'Fine payment' },
  category: 'penalty',
  subjectKinds: ['org', 'person', 'vehicle', 'vessel'],
  // Not dishonesty: the proof a penalty's fine was paid; 'minor' is the placeholder.
  severities: ['minor'],
  // Payment data shared between departments for verification, never published (seed 004 天津).
  isPublic: false,
  publicity: null,
  timelinessWorkingDays: null,
  submitScopes: RECORDS_WRITE,
  payloadSchema: objectSchema(
    '缴纳罚款凭证',
    '行政处罚罚款的缴纳信息（非公示），供信用修复核验罚款已缴纳，代替申请主体上传缴款凭证（seed 004 天津）。',
    {
      penaltyDocumentNumber: text(100, '所缴罚款对应的行政处罚决定书文号'),
      amountFen: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: '缴纳金额（单位：分）' },
      paidAt: dateTime('缴款时间'),
      payee: text(100, '收款机关或代收银行'),
    },
    ['penaltyDocumentNumber', 'amountFen', 'paidAt'],
  ),
};

/** v1's types with v2's changes: monitoring violations may name the driver, vessels may be commended. */
function v1TypeInV2(type: RecordTypeDefinition): RecordTypeDefinition {
  if (type.code === 'monitoring-violation') return withDriver(type);
  if (type.code === 'commendation') return { ...type, subjectKinds: [...type.subjectKinds, 'vessel' as const] };
  return type;
}

export const CATALOGUE_V2: CatalogueDocument = deepFreeze({
  version: 2,
  effectiveFrom: '2026-12-01',
  sources: [
    ...CATALOGUE_V1.sources,
    'seeds/004_88026755322b26ed.txt 案例11 福建（考核单位评分、中标标段与信用等级）；案例15 四川（驾驶员扣分明细）',
    'seeds/003_de042ffac66510b8.txt 太仓海事局“平安箱运·绿色快航”：两年无安检滞留；一年内在太仓港累计作业不少于12艘次',
    '交通运输部令2017年第14号《船舶安全监督规则》（船舶安全检查、滞留）',
    'seeds/004_88026755322b26ed.txt 案例6 浙江《内河运输船舶分级分类动态监管办法（试行）》（安全检查、绿水积分、正向激励）',
    'seeds/004_88026755322b26ed.txt 案例13 广西《长洲船闸过闸船舶积分管理办法（试行）》（过闸用时、违反过闸秩序、积分兑换跳号）',
    'seeds/004_88026755322b26ed.txt 案例19 信用长江（行政检查、三峡通航管理、绿色发展、荣誉表彰）',
    'seeds/004_88026755322b26ed.txt 天津“数据核验代替申请主体提供材料”（归集缴纳罚款凭证数据，与“已缴纳罚款承诺书”比对核验）',
  ],
  recordTypes: [
    ...CATALOGUE_V1.recordTypes.map(v1TypeInV2),
    creditAssessment,
    bidAward,
    vesselPortCall,
    lockPassage,
    shipSafetyInspection,
    pollutantDelivery,
    finePayment,
  ],
});
