import { MONITORING_VIOLATION_CODES } from './monitoring-violation-codes';
import type { CatalogueDocument, RecordTypeDefinition } from './record-type-definition';

/*
 * Catalogue (目录) version 1, as data (DOMAIN.md §2). Immutable once stored: the service refuses
 * to start when the stored v1 differs from this file, so change the catalogue by adding a version,
 * never by editing this one (shipped-catalogues.ts).
 *
 * What a payload does NOT carry: the envelope already has the subject (kind, identifier, name),
 * region, severity, decision date (处罚/许可/认定决定日期) and document number (决定书文号), so the
 * schemas below hold only what is specific to each record type.
 *
 * Severity. The law grades only dishonesty (国家发展改革委令2025年第36号: minor, general, severe;
 * DOMAIN.md §5). Types that record wrongdoing accept all three grades; the grade chosen by the
 * deciding unit sets the publicity period for public types and feeds local evaluation schemes for
 * the others (DOMAIN.md §3). Types that record no wrongdoing (licence, commitment, fulfilment,
 * commendation) accept only 'minor': the envelope requires a severity, but for them it means
 * nothing ("no dishonesty"), and submitters must send 'minor'.
 *
 * Publicity. Public dishonesty types use the national periods (PUBLICITY_PERIODS in
 * @domain/credit), written out as numbers rather than imported so that a later change of the law
 * cannot silently change this stored version (the spec checks they still agree). Public types
 * without dishonesty have no national period; v1 applies a LOCAL rule (36 months), marked as such
 * in its basis text.
 */

type Schema = Record<string, unknown>;

const JSON_SCHEMA_2020 = 'https://json-schema.org/draft/2020-12/schema';
export const RECORDS_WRITE = ['records:write'] as const;
const NATIONAL_PUBLICITY_BASIS = '国家发展改革委令2025年第36号';
/** Largest integer a JSON number carries exactly; bounds money in fen (分). */
const MAX_FEN = Number.MAX_SAFE_INTEGER;

/** National publicity periods (months) by severity, = PUBLICITY_PERIODS of @domain/credit. */
const NATIONAL_PUBLICITY = {
  basis: NATIONAL_PUBLICITY_BASIS,
  monthsBySeverity: {
    minor: { min: 0, max: 3 },
    general: { min: 3, max: 12 },
    severe: { min: 12, max: 36 },
  },
};

/** LOCAL rule (not national law) for public records that are not dishonesty. */
function localPublicity(what: string): RecordTypeDefinition['publicity'] {
  return {
    basis: `地方规则（本平台目录第1版，非国家规定）：${what}自决定之日起公示，最长36个月`,
    monthsBySeverity: { minor: { min: 0, max: 36 } },
  };
}

// ---------------------------------------------------------------------------------------------
// Schema fragments. Every string is bounded; closed sets are enums whose Chinese labels are listed
// in the description (`code=标签`), since strict ajv refuses annotation keywords it does not know.
// Conditional rules (if/then) repeat the properties they require: strict ajv (strictRequired)
// refuses a `required` whose names are not defined beside it.
// ---------------------------------------------------------------------------------------------

export function text(maxLength: number, description: string): Schema {
  return { type: 'string', minLength: 1, maxLength, description };
}

export function date(description: string): Schema {
  return { type: 'string', format: 'date', description: `${description}（YYYY-MM-DD）` };
}

export function dateTime(description: string): Schema {
  return { type: 'string', format: 'date-time', description: `${description}（RFC 3339，须带时区，如 2026-03-02T14:05:00+08:00）` };
}

export function count(maximum: number, description: string): Schema {
  return { type: 'integer', minimum: 0, maximum, description };
}

function fen(description: string): Schema {
  return { type: 'integer', minimum: 0, maximum: MAX_FEN, description: `${description}（单位：分）` };
}

export function closedSet(description: string, entries: readonly (readonly [code: string, zh: string])[]): Schema {
  return {
    type: 'string',
    enum: entries.map(([code]) => code),
    description: `${description}：${entries.map(([code, zh]) => `${code}=${zh}`).join('；')}`,
  };
}

/** GB 32100-2015 character set (I, O, Z, S, V never appear); the check character is the submitter's. */
export function uscc(description: string): Schema {
  return { type: 'string', pattern: '^[0-9A-HJ-NPQRTUWXY]{18}$', description: `${description}（GB 32100-2015，18位）` };
}

/** GA 36-2018 plate: province + authority letter + 5 characters, or 6 for new-energy; 挂/学 suffixes. */
const PLATE: Schema = {
  type: 'string',
  pattern:
    '^[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z](?:[A-HJ-NP-Z0-9]{5}|[DF][A-HJ-NP-Z0-9][0-9]{4}|[0-9]{5}[DF]|[A-HJ-NP-Z0-9]{4}[挂学])$',
  description: '车辆号牌号码（GA 36-2018，不含分隔符，如 豫A12345）',
};

/** GA 36-2018 plate colours, as PLATE_COLOURS in @domain/identifiers. */
const PLATE_COLOUR = closedSet('号牌颜色', [
  ['blue', '蓝色'],
  ['yellow', '黄色'],
  ['green', '渐变绿色（小型新能源）'],
  ['yellow-green', '黄绿双拼色（大型新能源）'],
  ['white', '白色'],
  ['black', '黑色'],
]);

const LEGAL_REPRESENTATIVE = text(50, '法定代表人（负责人）姓名；主体为法人或非法人组织时填写');

export function objectSchema(title: string, description: string, properties: Record<string, Schema>, required: readonly string[], rules: Schema = {}): Schema {
  return {
    $schema: JSON_SCHEMA_2020,
    title,
    description,
    type: 'object',
    additionalProperties: false,
    required,
    properties,
    ...rules,
  };
}

// ---------------------------------------------------------------------------------------------
// Closed sets.
// ---------------------------------------------------------------------------------------------

/** 《行政处罚法》（2021）第九条: the kinds of administrative penalty. One decision may impose several. */
const PENALTY_CATEGORIES = [
  ['warning', '警告'],
  ['public-criticism', '通报批评'],
  ['fine', '罚款'],
  ['confiscation-of-illegal-gains', '没收违法所得'],
  ['confiscation-of-illegal-property', '没收非法财物'],
  ['licence-suspension', '暂扣许可证件'],
  ['qualification-downgrade', '降低资质等级'],
  ['licence-revocation', '吊销许可证件'],
  ['business-restriction', '限制开展生产经营活动'],
  ['production-suspension', '责令停产停业'],
  ['closure', '责令关闭'],
  ['practice-restriction', '限制从业'],
  ['detention', '行政拘留（公安机关作出，经抄告或共享归集）'],
  ['other', '法律、行政法规规定的其他行政处罚'],
] as const;

/** 行政许可类别, as used in 双公示 licence data. */
const LICENCE_CATEGORIES = [
  ['ordinary', '普通'],
  ['special', '特许'],
  ['recognition', '认可'],
  ['approval', '核准'],
  ['registration', '登记'],
  ['other', '其他'],
] as const;

// ---------------------------------------------------------------------------------------------
// The record types, in RECORD_TYPE_CODES order.
// ---------------------------------------------------------------------------------------------

const administrativeLicence: RecordTypeDefinition = {
  code: 'administrative-licence',
  name: { zh: '行政许可', en: 'Administrative licence' },
  category: 'licence',
  // Road transport business licences (org), qualification certificates (person), road transport
  // certificates (vehicle), ship operating certificates (vessel).
  subjectKinds: ['org', 'person', 'vehicle', 'vessel'],
  // Not dishonesty: severity carries no meaning here, 'minor' is the placeholder.
  severities: ['minor'],
  // 双公示 (DOMAIN.md §0, §6; seed 001 第4条): licences are published.
  isPublic: true,
  // LOCAL: no national publicity period for licences; see localPublicity.
  publicity: localPublicity('行政许可信息'),
  // 双公示: published within 7 working days of the decision (law; DOMAIN.md §2).
  timelinessWorkingDays: 7,
  submitScopes: RECORDS_WRITE,
  payloadSchema: objectSchema(
    '行政许可',
    '行政许可信息（双公示）。相对人名称与代码、许可决定日期、决定文书号在记录信封中，不在此重复。',
    {
      decisionDocumentName: text(100, '行政许可决定文书名称，如《道路运输经营许可决定书》'),
      licenceCategory: closedSet('许可类别', LICENCE_CATEGORIES),
      licenceName: text(100, '许可证书名称，如道路运输经营许可证、道路运输从业人员从业资格证'),
      licenceNumber: text(64, '许可证书编号'),
      content: text(2000, '许可内容（许可事项、经营范围等）'),
      validFrom: date('有效期自'),
      validUntil: date('有效期至；长期有效填 2099-12-31'),
      legalRepresentative: LEGAL_REPRESENTATIVE,
      authority: text(100, '许可机关'),
      authorityUscc: uscc('许可机关统一社会信用代码'),
    },
    ['licenceCategory', 'content', 'validFrom', 'validUntil', 'authority', 'authorityUscc'],
  ),
};

const administrativePenalty: RecordTypeDefinition = {
  code: 'administrative-penalty',
  name: { zh: '行政处罚', en: 'Administrative penalty' },
  category: 'penalty',
  // Vehicles and vessels too: overload and oversize penalties are tracked per vehicle (DOMAIN.md §4,
  // severe overload list), Yangtze deductions per ship (seed 004).
  subjectKinds: ['org', 'person', 'vehicle', 'vessel'],
  // Graded by law (国家发展改革委令2025年第36号): minor = warnings, summary procedure.
  severities: ['minor', 'general', 'severe'],
  // 双公示 (DOMAIN.md §6; seed 001 第4条).
  isPublic: true,
  publicity: NATIONAL_PUBLICITY,
  timelinessWorkingDays: 7,
  submitScopes: RECORDS_WRITE,
  payloadSchema: objectSchema(
    '行政处罚',
    '行政处罚信息（双公示）。相对人名称与代码、处罚决定日期、决定书文号、失信严重程度在记录信封中，不在此重复。',
    {
      legalRepresentative: LEGAL_REPRESENTATIVE,
      violationType: text(200, '违法行为类型，如超限运输、未取得道路运输经营许可擅自从事经营'),
      facts: text(2000, '违法事实'),
      penaltyCategories: {
        type: 'array',
        minItems: 1,
        maxItems: PENALTY_CATEGORIES.length,
        uniqueItems: true,
        items: closedSet('处罚类别', PENALTY_CATEGORIES),
        description: '处罚类别（可多项，《行政处罚法》第九条）',
      },
      penaltyBasis: text(1000, '处罚依据（法律、法规、规章名称及条款）'),
      penaltyContent: text(1000, '处罚内容'),
      fineAmountFen: fen('罚款金额；处罚类别含罚款时必填'),
      confiscationAmountFen: fen('没收违法所得、没收非法财物的金额'),
      affectedLicence: text(200, '暂扣、吊销的许可证件或降低等级的资质的名称及编号；处罚类别含暂扣、吊销或降级时必填'),
      procedure: closedSet('适用程序', [
        ['summary', '简易程序'],
        ['ordinary', '普通程序'],
      ]),
      authority: text(100, '处罚机关（决定机关）'),
      authorityUscc: uscc('处罚机关统一社会信用代码'),
    },
    ['facts', 'penaltyCategories', 'penaltyBasis', 'penaltyContent', 'authority', 'authorityUscc'],
    {
      allOf: [
        {
          if: { properties: { penaltyCategories: { type: 'array', contains: { const: 'fine' } } }, required: ['penaltyCategories'] },
          then: { required: ['fineAmountFen'], properties: { fineAmountFen: { type: 'integer', minimum: 1, maximum: MAX_FEN } } },
        },
        {
          if: {
            properties: { penaltyCategories: { type: 'array', contains: { enum: ['licence-suspension', 'licence-revocation', 'qualification-downgrade'] } } },
            required: ['penaltyCategories'],
          },
          then: { required: ['affectedLicence'], properties: { affectedLicence: true } },
        },
      ],
    },
  ),
};

const creditCommitment: RecordTypeDefinition = {
  code: 'credit-commitment',
  name: { zh: '信用承诺', en: 'Credit commitment' },
  category: 'commitment',
  // Signed by enterprises and practitioners (seed 000 carriers, seed 002 driving-school coaches).
  subjectKinds: ['org', 'person'],
  // Not dishonesty: a signed promise. 'minor' is the placeholder.
  severities: ['minor'],
  // Commitments are published (DOMAIN.md §6; seed 001 第6条 "将签署的信用承诺书向社会公开，接受社会监督").
  isPublic: true,
  // LOCAL: no national period for commitments.
  publicity: localPublicity('信用承诺信息'),
  timelinessWorkingDays: null,
  submitScopes: RECORDS_WRITE,
  payloadSchema: objectSchema(
    '信用承诺',
    '信用承诺书签署信息。承诺带有履约期限：到期未发现违诺记为履约，发现违诺记为违诺。',
    {
      commitmentType: closedSet('承诺类型', [
        ['notification-commitment', '证明事项告知承诺（以承诺替代证明材料，seed 000 南阳、seed 001）'],
        ['permit-application', '审批类信用承诺（如大件运输"信用+申报"免现场勘验，seed 000、002）'],
        ['initial-grade', '信用初始等级承诺（如北京通勤定制公交，seed 004）'],
        ['repair', '信用修复承诺（含"已缴纳罚款承诺书"，seed 003、004）'],
        ['voluntary', '主动型信用承诺（综合信用承诺或服务质量等专项承诺，seed 001、002）'],
        ['other', '其他'],
      ]),
      content: text(2000, '承诺内容'),
      relatedMatter: text(200, '关联事项，如申办的许可事项名称或许可编号'),
      dueDate: date('履约期限（承诺到期日）'),
      acceptingAuthority: text(100, '承诺受理单位'),
    },
    ['commitmentType', 'content', 'dueDate', 'acceptingAuthority'],
  ),
};

const commitmentFulfilled: RecordTypeDefinition = {
  code: 'commitment-fulfilled',
  name: { zh: '信用承诺履约', en: 'Commitment fulfilled' },
  category: 'commitment',
  subjectKinds: ['org', 'person'],
  // Not dishonesty: 'minor' is the placeholder.
  severities: ['minor'],
  // Not public: DOMAIN.md §6 publishes commitments, not their follow-up; the fulfilment enters the
  // credit record and evaluation (seed 001 第5条 "将承诺人履行承诺情况全面纳入信用记录").
  isPublic: false,
  publicity: null,
  timelinessWorkingDays: null,
  submitScopes: RECORDS_WRITE,
  payloadSchema: objectSchema(
    '信用承诺履约',
    '承诺到期或经核查确认已履约。',
    {
      commitmentRecordId: { type: 'string', format: 'uuid', description: '所履行的信用承诺记录的平台编号（UUID）' },
      description: text(1000, '履约情况说明'),
      verificationMethod: closedSet('确认方式', [
        ['due-date-passed', '承诺到期未发现违诺'],
        ['inspection', '检查或抽查核实'],
        ['data-check', '数据核验（如缴纳罚款凭证比对，seed 004 天津）'],
        ['other', '其他'],
      ]),
    },
    ['commitmentRecordId', 'description'],
  ),
};

const commitmentBroken: RecordTypeDefinition = {
  code: 'commitment-broken',
  name: { zh: '信用承诺违诺', en: 'Commitment broken' },
  category: 'commitment',
  subjectKinds: ['org', 'person'],
  // Dishonesty, graded by the unit that finds it (e.g. false materials in an oversize permit
  // application → 1-year ban, DOMAIN.md §7).
  severities: ['minor', 'general', 'severe'],
  // Public: the commitment itself is public (DOMAIN.md §6) and was made "接受社会监督" (seed 001
  // 第6条); breaking it is dishonesty information and is published with it.
  isPublic: true,
  // Treated as dishonesty information under the national rule; whether 国家发展改革委令2025年第36号
  // sets these periods for broken commitments (not only penalties) is still to be confirmed.
  publicity: NATIONAL_PUBLICITY,
  timelinessWorkingDays: null,
  submitScopes: RECORDS_WRITE,
  payloadSchema: objectSchema(
    '信用承诺违诺',
    '发现违背信用承诺（不实承诺或未履行承诺）。',
    {
      commitmentRecordId: { type: 'string', format: 'uuid', description: '所违背的信用承诺记录的平台编号（UUID）' },
      description: text(1000, '违诺情形'),
      detectedBy: closedSet('发现方式', [
        ['automatic-due-date', '承诺到期未履约，自动判定'],
        ['inspection', '检查或抽查发现（如远程勘验按不低于10%比例抽查，seed 002）'],
        ['data-comparison', '数据比对发现（如行驶轨迹与许可比对，seed 000）'],
        ['complaint', '投诉举报'],
        ['other', '其他'],
      ]),
      consequence: text(500, '处理措施，如取消"信用+申报"资格、信用等级降级'),
    },
    ['commitmentRecordId', 'description', 'detectedBy'],
  ),
};

const monitoringViolation: RecordTypeDefinition = {
  code: 'monitoring-violation',
  name: { zh: '动态监控违法违规', en: 'Monitoring violation' },
  category: 'monitoring',
  // The alarm is raised on a vehicle; it is recorded against the vehicle, its driver or its operator.
  subjectKinds: ['vehicle', 'person', 'org'],
  // Graded by local schemes (e.g. speeding bands, alarm counts into red/yellow/green, seed 002).
  severities: ['minor', 'general', 'severe'],
  // Not public: platform alarms are machine findings (疑似), not decisions; DOMAIN.md §6 does not
  // list them. They feed evaluation (seed 002 焦作: alarms "直接影响企业信用'红黄绿'评级").
  isPublic: false,
  publicity: null,
  timelinessWorkingDays: null,
  submitScopes: RECORDS_WRITE,
  payloadSchema: objectSchema(
    '动态监控违法违规',
    '车辆动态监控平台报警（河南平台监测117类违法违规失信行为，seed 002、004）。',
    {
      violationCode: closedSet(
        '违规类型',
        MONITORING_VIOLATION_CODES.map(({ code, zh }) => [code, zh] as const),
      ),
      occurredAt: dateTime('发生时间'),
      endedAt: dateTime('结束时间（持续性报警）'),
      plate: PLATE,
      plateColour: PLATE_COLOUR,
      platform: text(100, '报警平台名称，如河南省综合交通运输管理服务平台'),
      location: text(200, '发生地点（路段或地址）'),
      longitude: { type: 'number', minimum: -180, maximum: 180, description: '经度（WGS-84）' },
      latitude: { type: 'number', minimum: -90, maximum: 90, description: '纬度（WGS-84）' },
      speedKmh: count(300, '实际车速（km/h）；超速时必填'),
      limitKmh: { type: 'integer', minimum: 1, maximum: 150, description: '限速值（km/h）；超速时必填' },
      durationMinutes: count(527040, '持续时长（分钟），如连续驾驶时长、离线时长'),
      description: text(500, '报警说明'),
    },
    ['violationCode', 'occurredAt', 'plate', 'plateColour', 'platform'],
    {
      if: { properties: { violationCode: { const: 'speeding' } }, required: ['violationCode'] },
      then: { required: ['speedKmh', 'limitKmh'], properties: { speedKmh: true, limitKmh: true } },
    },
  ),
};

const confirmedComplaint: RecordTypeDefinition = {
  code: 'confirmed-complaint',
  name: { zh: '投诉确认信息', en: 'Confirmed complaint' },
  category: 'complaint',
  // 12328 covers road and water transport services (taxis by plate, ships by name).
  subjectKinds: ['org', 'person', 'vehicle', 'vessel'],
  // Graded by local schemes (e.g. taxi driver deductions, DOMAIN.md §3).
  severities: ['minor', 'general', 'severe'],
  // Not public: a hotline finding is not an administrative decision, the work order holds the
  // complainant's personal data, and DOMAIN.md §6 does not list complaints. Evaluation uses them
  // (seed 000 南阳 "12345和12328投诉确认信息").
  isPublic: false,
  publicity: null,
  timelinessWorkingDays: null,
  submitScopes: RECORDS_WRITE,
  payloadSchema: objectSchema(
    '投诉确认信息',
    '经 12328、12345 热线受理并核实属实的投诉。只记被投诉方，不记投诉人个人信息。',
    {
      hotline: closedSet('来源热线', [
        ['12328', '12328 交通运输服务监督电话'],
        ['12345', '12345 政务服务便民热线'],
      ]),
      complaintNumber: text(64, '工单编号'),
      receivedOn: date('受理日期'),
      category: closedSet('投诉类别', [
        ['service-quality', '服务质量'],
        ['overcharging', '违规收费、绕道'],
        ['refusal', '拒载、甩客'],
        ['safety', '安全'],
        ['training', '驾驶培训服务'],
        ['other', '其他'],
      ]),
      content: text(2000, '投诉内容'),
      confirmedBy: text(100, '核实单位'),
      handlingResult: text(1000, '处理结果'),
    },
    ['hotline', 'complaintNumber', 'content', 'confirmedBy'],
  ),
};

const commendation: RecordTypeDefinition = {
  code: 'commendation',
  name: { zh: '表彰奖励', en: 'Commendation' },
  category: 'commendation',
  subjectKinds: ['org', 'person'],
  // Not dishonesty: 'minor' is the placeholder.
  severities: ['minor'],
  // Public: commendations are announced to encourage (seed 002 濮阳 "公开表扬"、"最美的哥的姐";
  // seed 004 杭州 red list built on them). Personal names are masked (DOMAIN.md §6).
  isPublic: true,
  // LOCAL: no national period for commendations.
  publicity: localPublicity('表彰奖励信息'),
  timelinessWorkingDays: null,
  submitScopes: RECORDS_WRITE,
  payloadSchema: objectSchema(
    '表彰奖励',
    '表彰奖励、荣誉称号（红名单认定参考其级别，如"市厅级及以上"，seed 004）。',
    {
      title: text(200, '荣誉称号或奖励名称'),
      awardingBody: text(100, '授予机关'),
      awardingBodyUscc: uscc('授予机关统一社会信用代码'),
      level: closedSet('级别', [
        ['national', '国家级'],
        ['provincial', '省级'],
        ['city', '市级'],
        ['county', '县级'],
      ]),
      description: text(1000, '事迹简述'),
      validUntil: date('荣誉有效期至；无期限的不填'),
    },
    ['title', 'awardingBody', 'level'],
  ),
};

const accident: RecordTypeDefinition = {
  code: 'accident',
  name: { zh: '责任事故', en: 'Accident' },
  category: 'accident',
  subjectKinds: ['org', 'person', 'vehicle', 'vessel'],
  // Graded by local schemes (Fujian and Suzhou: a responsible fatal accident sets C/D or D).
  severities: ['minor', 'general', 'severe'],
  // Not public: shared from police and emergency departments (seed 003, 004) for evaluation; it
  // names casualties, and DOMAIN.md §6 does not list it. A resulting penalty is public by itself.
  isPublic: false,
  publicity: null,
  timelinessWorkingDays: null,
  submitScopes: RECORDS_WRITE,
  payloadSchema: objectSchema(
    '责任事故',
    '道路、水路运输事故及责任认定（公安交管、应急、海事等部门共享，seed 003、004）。',
    {
      occurredAt: dateTime('事故发生时间'),
      location: text(200, '事故地点'),
      accidentGrade: closedSet('事故等级（《生产安全事故报告和调查处理条例》）', [
        ['ordinary', '一般事故'],
        ['larger', '较大事故'],
        ['major', '重大事故'],
        ['especially-major', '特别重大事故'],
      ]),
      responsibility: closedSet('事故责任', [
        ['full', '全部责任'],
        ['main', '主要责任'],
        ['equal', '同等责任'],
        ['secondary', '次要责任'],
        ['none', '无责任'],
      ]),
      deaths: count(10000, '死亡人数'),
      injuries: count(10000, '受伤人数'),
      directLossFen: fen('直接经济损失'),
      plate: PLATE,
      plateColour: PLATE_COLOUR,
      description: text(2000, '事故经过'),
      determinedBy: text(100, '责任认定单位，如公安交管部门、应急管理部门、海事管理机构'),
    },
    ['occurredAt', 'location', 'responsibility', 'deaths', 'injuries', 'description', 'determinedBy'],
    { dependentRequired: { plate: ['plateColour'], plateColour: ['plate'] } },
  ),
};

const oversizeTransportViolation: RecordTypeDefinition = {
  code: 'oversize-transport-violation',
  name: { zh: '大件运输违法违规', en: 'Oversize transport violation' },
  // A finding of supervision during and after transport (事中事后监管: weighing, trajectory and
  // gantry comparison, roadside checks), not a penalty decision: a penalty it leads to is an
  // administrative-penalty record of its own, so this must not count as one.
  category: 'monitoring',
  // Carrier, driver and vehicle (DOMAIN.md §7: vehicle or driver with > 3 violations a year loses
  // its certificate; violations pushed to the vehicle's home authority, seed 000).
  subjectKinds: ['org', 'person', 'vehicle'],
  // Graded by the finding unit (false materials → 1-year ban is the gravest, DOMAIN.md §7).
  severities: ['minor', 'general', 'severe'],
  // Not public: the finding is shared with the permit authority and the vehicle's home authority
  // (DOMAIN.md §7, seed 000); what becomes public is the resulting administrative penalty, which
  // is its own record (DOMAIN.md §6 lists penalties, not findings).
  isPublic: false,
  publicity: null,
  timelinessWorkingDays: null,
  submitScopes: RECORDS_WRITE,
  payloadSchema: objectSchema(
    '大件运输违法违规',
    '超限运输（大件运输）违法违规行为（交通运输部令2016年第62号，seed 000、002）。',
    {
      violationType: closedSet('违法违规类型', [
        ['no-permit', '未经许可擅自超限运输'],
        ['off-route', '未按许可路线行驶'],
        ['wrong-time', '未按许可时间行驶'],
        ['mismatched-vehicle', '车证不符、大车小证'],
        ['no-escort', '未按护送方案护送'],
        ['overweight', '实际装载超出许可的质量或尺寸'],
        ['false-materials', '隐瞒有关情况或提供虚假材料申请许可'],
        ['other', '其他'],
      ]),
      permitNumber: text(64, '超限运输车辆通行证（许可）编号；无证运输以外必填'),
      detectedAt: dateTime('发现时间'),
      detectedBy: closedSet('发现途径', [
        ['entry-weighing', '入口称重检测'],
        ['exit-check', '出口核查'],
        ['trajectory-comparison', '行驶轨迹与许可比对'],
        ['etc-gantry', 'ETC门架、收费称重数据比对'],
        ['roadside-inspection', '路面执法检查（超限检测站、服务区等）'],
        ['application-review', '许可申请审查或事后核查'],
        ['other', '其他'],
      ]),
      location: text(200, '发现地点（收费站、检测站、路段）'),
      plate: PLATE,
      plateColour: PLATE_COLOUR,
      description: text(1000, '违法违规情况说明'),
      copiedTo: text(100, '已抄告的车籍地交通运输主管部门或执法机构'),
    },
    ['violationType', 'detectedAt', 'plate', 'plateColour'],
    {
      if: { properties: { violationType: { const: 'no-permit' } }, required: ['violationType'] },
      else: { required: ['permitNumber'], properties: { permitNumber: true } },
    },
  ),
};

const interDepartmentNotice: RecordTypeDefinition = {
  code: 'inter-department-notice',
  name: { zh: '抄告信息', en: 'Inter-department notice' },
  category: 'notice',
  subjectKinds: ['org', 'person', 'vehicle', 'vessel'],
  // Graded by the receiving unit for evaluation, like the findings it relays.
  severities: ['minor', 'general', 'severe'],
  // Not public: communication between authorities (seed 000 "各地交通抄告信息", seed 002
  // "抄告反馈"); what it reports becomes public only through the receiving authority's own
  // decision. DOMAIN.md §6 does not list notices.
  isPublic: false,
  publicity: null,
  timelinessWorkingDays: null,
  submitScopes: RECORDS_WRITE,
  payloadSchema: objectSchema(
    '抄告信息',
    '其他地区或部门抄告的违法违规信息（如外地执法、公安交警违法处理、大件运输违法推送车籍地）。',
    {
      fromDepartment: text(100, '抄告单位'),
      fromRegion: { type: 'string', pattern: '^[0-9]{6}$', description: '抄告单位所在行政区划代码（GB/T 2260，6位）' },
      noticeNumber: text(64, '抄告单编号'),
      content: text(2000, '抄告内容'),
      relatedRecordType: text(64, '所涉信息类别，如 administrative-penalty、交警违法记录'),
      requestedAction: text(500, '请求事项，如请车籍地依法处理并反馈'),
    },
    ['fromDepartment', 'noticeNumber', 'content'],
  ),
};

export const CATALOGUE_V1: CatalogueDocument = deepFreeze({
  version: 1,
  effectiveFrom: '2026-01-01',
  sources: [
    'seeds/000_0e29d2548a338543.txt 河南省交通运输厅：大件运输"互联网+全链条信用监管"、南阳"无感审批"（2024-01）',
    'seeds/001_bd7deb5d3731eda1.txt 平顶山市交通运输信用专项行动方案（信用信息目录、双公示、信用承诺、异议处理）',
    'seeds/002_e218281672bf1c60.txt 河南省2024年交通运输信用典型案例（动态监控117类报警、红黄绿码、大件运输信用承诺）',
    'seeds/003_de042ffac66510b8.txt 全国交通运输信用建设经验汇总（2025-04，信用修复、事故与违法数据归集）',
    'seeds/004_88026755322b26ed.txt 交通运输部2024年信用体系建设典型案例（19个）',
    '国家发展改革委令2025年第36号（信用修复；失信信息公示期限，2026-04-01施行）',
    '《中华人民共和国行政处罚法》（2021年修订）第九条（行政处罚种类）',
    '交通运输部令2016年第62号《超限运输车辆行驶公路管理规定》（交通运输部令2021年第12号修正）',
    '《生产安全事故报告和调查处理条例》（国务院令第493号，事故等级）',
    'GB 32100-2015 法人和其他组织统一社会信用代码编码规则',
    'GA 36-2018 中华人民共和国机动车号牌',
  ],
  recordTypes: [
    administrativeLicence,
    administrativePenalty,
    creditCommitment,
    commitmentFulfilled,
    commitmentBroken,
    monitoringViolation,
    confirmedComplaint,
    commendation,
    accident,
    oversizeTransportViolation,
    interDepartmentNotice,
  ],
});

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
