import type { EntryRule } from './entry-rule';

/*
 * The entry rules the platform ships (DOMAIN.md §4). They are data: a province replaces or extends
 * them by uploading a rule set (UploadEntryRules), checked by parseEntryRules.
 */

const OVERLOAD_BASIS =
  '交办公路〔2017〕8号《关于治理车辆超限超载联合执法常态化制度化工作的实施意见（试行）》：一年内违法超限运输超过3次的货运车辆、货车驾驶人，列入严重违法失信超限超载运输当事人名单，有效期2年';

const TAICANG_BASIS =
  'LOCAL（太仓海事局，seed 003）：构建“一年无违章、两年无安检滞留、三年无等级事故、无信用惩戒、无重点跟踪、无C类船舶”的“六无”准入标准，将一年内在太仓港累计作业不少于12艘次的守信集装箱船舶纳入“平安箱运·绿色快航”守信激励名单';

export const SHIPPED_ENTRY_RULES: readonly EntryRule[] = [
  {
    id: 'overload-more-than-3-in-12-months',
    kind: 'record-count',
    title: '货运车辆或驾驶人一年内违法超限运输超过3次',
    legalBasis: OVERLOAD_BASIS,
    scope: 'law',
    listType: 'severe-dishonesty',
    subjectKinds: ['vehicle', 'person'],
    // An overload is punished as an administrative penalty whose violation type names 超限 (the
    // catalogue's example text is 超限运输); "超过3次" is strictly more than 3.
    match: { recordType: 'administrative-penalty', payload: { violationType: { includes: '超限' } } },
    windowMonths: 12,
    threshold: { moreThan: 3 },
    durationMonths: 24,
  },
  {
    id: 'carrier-fleet-over-10-percent-overloading',
    kind: 'fleet-share',
    title: '道路运输企业1年内违法超限运输的货运车辆超过本单位货运车辆总数10%，并被责令停业整顿',
    legalBasis:
      '交办公路〔2017〕8号《关于治理车辆超限超载联合执法常态化制度化工作的实施意见（试行）》：道路运输企业1年内违法超限运输的货运车辆超过本单位货运车辆总数10%（DOMAIN.md §4：并被责令停业整顿）的，列入严重违法失信超限超载运输当事人名单，有效期2年',
    scope: 'law',
    listType: 'severe-dishonesty',
    subjectKinds: ['org'],
    // The carrier's own findings of illegal over-limit transport name the vehicle (plate and
    // colour are required fields); false materials are an application offence, not a vehicle's.
    match: {
      recordType: 'oversize-transport-violation',
      payload: { violationType: { anyOf: ['no-permit', 'off-route', 'wrong-time', 'mismatched-vehicle', 'no-escort', 'overweight'] } },
    },
    vehicle: { plateField: 'plate', colourField: 'plateColour' },
    windowMonths: 12,
    // "超过10%" is strictly more than 10 %.
    share: { moreThanPercent: 10 },
    // DOMAIN.md §4: "and ordered to suspend" — a penalty ordering the carrier to stop business (责令停产停业) in the same year.
    alsoRequires: { recordType: 'administrative-penalty', payload: { penaltyCategories: { anyOf: ['production-suspension'] } } },
    durationMonths: 24,
  },
  {
    id: 'false-materials-in-permit-application',
    kind: 'record-count',
    title: '隐瞒有关情况或者提供虚假材料申请公路超限运输许可',
    legalBasis:
      '交通运输部令2016年第62号《超限运输车辆行驶公路管理规定》：隐瞒有关情况或者提供虚假材料申请许可的，1年内不准申请公路超限运输许可（许可禁令见措施目录）；交办公路〔2017〕8号列为严重失信情形，名单有效期2年',
    scope: 'law',
    listType: 'severe-dishonesty',
    subjectKinds: ['org', 'person', 'vehicle'],
    match: { recordType: 'oversize-transport-violation', payload: { violationType: { anyOf: ['false-materials'] } } },
    windowMonths: 12,
    threshold: { atLeast: 1 },
    durationMonths: 24,
  },
  {
    id: 'ten-or-more-unrepaired-penalties',
    kind: 'record-count',
    title: '未修复的行政处罚达到10条（不再适用信用承诺办理）',
    legalBasis: 'LOCAL（新乡，seed 002）：对存在累计10条行政处罚未修复的高频失信企业，取消“信用+申报”资格',
    scope: 'local',
    listType: 'key-watch',
    subjectKinds: ['org'],
    // Every penalty still standing counts, however old: only repair, revocation or the end of its
    // publicity takes it out ("未修复").
    match: { recordType: 'administrative-penalty' },
    windowMonths: null,
    threshold: { atLeast: 10 },
    durationMonths: null,
  },
  {
    id: 'driver-two-consecutive-b-cycles',
    kind: 'grade-history',
    title: '驾驶员连续两个考核周期信用等级为B',
    legalBasis: 'LOCAL（南阳）：驾驶员连续两个周期B级，列入不良驾驶员名单（DOMAIN.md §3）',
    scope: 'local',
    listType: 'bad-driver',
    subjectKinds: ['person'],
    schemeIds: ['nanyang-driver-grades'],
    trigger: { consecutiveCycles: 2, grade: 'B' },
  },
  {
    id: 'driver-20-points-in-one-cycle',
    kind: 'grade-history',
    title: '驾驶员一个考核周期内累计扣分达到20分',
    legalBasis: 'LOCAL（南阳）：一个周期内扣满20分，列入不良驾驶员名单（DOMAIN.md §3）',
    scope: 'local',
    listType: 'bad-driver',
    subjectKinds: ['person'],
    schemeIds: ['nanyang-driver-grades'],
    trigger: { pointsDeductedInCycle: { atLeast: 20 } },
  },
  {
    id: 'taicang-green-fast-lane',
    kind: 'screening',
    title: '太仓港“平安箱运·绿色快航”守信激励名单（“六无”准入，一年内在太仓港累计作业不少于12艘次）',
    legalBasis: TAICANG_BASIS,
    scope: 'local',
    listType: 'red',
    subjectKinds: ['vessel'],
    regions: ['320585'],
    // Placeholder: seed 003 gives no validity; the red list's default (12 months), renewed by each screening.
    durationMonths: 12,
    criteria: [
      // 违章 of a vessel is decided as an administrative penalty (the catalogue has no other violation type for vessels).
      { label: '一年无违章', none: { recordType: 'administrative-penalty' }, windowMonths: 12 },
      // 安检滞留: a ship safety inspection that detained the ship; an inspection without detention does not count.
      { label: '两年无安检滞留', none: { recordType: 'ship-safety-inspection', payload: { detained: { is: true } } }, windowMonths: 24 },
      // 等级事故: an accident of a grade of 《生产安全事故报告和调查处理条例》 (一般 and above).
      {
        label: '三年无等级事故',
        none: { recordType: 'accident', payload: { accidentGrade: { anyOf: ['ordinary', 'larger', 'major', 'especially-major'] } } },
        windowMonths: 36,
      },
      // 信用惩戒: the severe-dishonesty list is the credit punishment; 重点跟踪: the key-watch list (重点关注/重点监管).
      { label: '无信用惩戒', notOnLists: ['severe-dishonesty'] },
      { label: '无重点跟踪', notOnLists: ['key-watch'] },
      // “无C类船舶” is not a criterion yet: no vessel grading scheme for Jiangsu is shipped, and a
      // criterion naming an unpublished scheme would hold the whole rule pending (ADR 0052).
      {
        label: '一年内在太仓港累计作业不少于12艘次',
        atLeast: 12,
        of: { recordType: 'vessel-port-call', payload: { port: { includes: '太仓' } } },
        windowMonths: 12,
      },
    ],
  },
];
