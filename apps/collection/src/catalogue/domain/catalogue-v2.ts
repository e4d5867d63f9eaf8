import { CATALOGUE_V1, RECORDS_WRITE, closedSet, count, dateTime, deepFreeze, objectSchema, text } from './catalogue-v1';
import type { CatalogueDocument, RecordTypeDefinition } from './record-type-definition';

/*
 * Catalogue (目录) version 2: version 1 plus the water-transport records the seed systems of
 * Zhejiang ships, Guangxi's Changzhou lock and 信用长江 grade on (issue 17). Version 1 stays as it
 * was (records keep the version they were validated against); v2 is in force from its effective
 * date. What changes:
 *   - commendation may be about a vessel (seed 004 案例6 浙江 "正向激励", 案例19 "荣誉表彰" of ships);
 *   - lock-passage, ship-safety-inspection, pollutant-delivery are new (sources on each).
 */

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
    '海事管理机构对船舶的安全检查（seed 004 案例6 浙江“安全检查”类指标、“船舶证书失效”风险预警；案例19 信用长江“行政检查”）。',
    {
      inspectedAt: dateTime('检查时间'),
      port: text(100, '检查地点（港口、码头、锚地）'),
      defects: count(200, '检查发现的缺陷数'),
      detained: { type: 'boolean', description: '是否滞留船舶（安检滞留）' },
      certificatesInvalid: { type: 'boolean', description: '是否发现船舶证书失效或缺失（基本资质）' },
      authority: text(100, '检查机关，如嘉兴地方海事处'),
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

export const CATALOGUE_V2: CatalogueDocument = deepFreeze({
  version: 2,
  effectiveFrom: '2026-12-01',
  sources: [
    ...CATALOGUE_V1.sources,
    'seeds/004_88026755322b26ed.txt 案例6 浙江《内河运输船舶分级分类动态监管办法（试行）》（安全检查、绿水积分、正向激励）',
    'seeds/004_88026755322b26ed.txt 案例13 广西《长洲船闸过闸船舶积分管理办法（试行）》（过闸用时、违反过闸秩序、积分兑换跳号）',
    'seeds/004_88026755322b26ed.txt 案例19 信用长江（行政检查、三峡通航管理、绿色发展、荣誉表彰）',
  ],
  recordTypes: [
    ...CATALOGUE_V1.recordTypes.map((type) => (type.code === 'commendation' ? { ...type, subjectKinds: [...type.subjectKinds, 'vessel' as const] } : type)),
    lockPassage,
    shipSafetyInspection,
    pollutantDelivery,
  ],
});
