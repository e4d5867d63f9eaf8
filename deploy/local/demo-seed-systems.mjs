// The demo subjects `npm start` seeds for each shipped seed system (issue 17), one module so the
// README table and the stack read the same list. Imported by stack.mjs after the build (dist/).
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const { REPO_ROOT } = require('./platform.cjs');
const { usccCheckCharacter, citizenIdCheckCharacter } = require(join(REPO_ROOT, 'dist/libs/domain/identifiers/src'));
const { addMonths } = require(join(REPO_ROOT, 'dist/libs/domain/calendar/src'));

/** A USCC from its first 17 characters (GB 32100-2015 check character). */
function uscc(first17) {
  return first17 + usccCheckCharacter(first17);
}

/** A bureau's USCC (an authority of the records below), from its first 17 characters. */
const bureau = (region) => uscc(`11${region}005252717`);

/** An administrative penalty as the seed e2e tests post them (catalogue v1), dated `today`. */
function seedPenalty({ region, authority, facts, basis, content, fine }) {
  return {
    recordType: 'administrative-penalty',
    payload: {
      facts,
      penaltyCategories: fine ? ['fine'] : ['warning'],
      penaltyBasis: basis,
      penaltyContent: content,
      ...(fine ? { fineAmountFen: fine } : {}),
      authority,
      authorityUscc: bureau(region),
    },
  };
}

/**
 * One or two demo subjects per shipped seed system (issue 17), registered in the system's sector and
 * region and given this year's records by that region's demo client, so
 * `GET /api/v1/subjects/{id}/evaluations` with that client shows a grade under the system's scheme.
 * Sectors, regions and record bodies follow test/e2e/seed-<city>.e2e-spec.ts; points are the
 * placeholder ones of shipped-schemes.ts. Idempotent like the records above: registrations are PUTs,
 * records carry a sourceRecordId (a repeat is a 409).
 */
export const DEMO_SEED_SYSTEMS = [
  {
    scheme: 'jiaozuo-general-cargo',
    clientId: 'demo-jiaozuo',
    region: '410800',
    subjects: [
      {
        kind: 'org',
        id: uscc('91410800MA3X0101'.padEnd(17, '0')),
        name: '焦作通达普通货物运输有限公司',
        sectors: ['general-cargo'],
        records: [
          {
            severity: 'general',
            doc: '焦交执罚〔2026〕0101号',
            ...seedPenalty({
              region: '410800',
              authority: '焦作市交通运输局',
              facts: '未按规定对运输车辆进行安全技术检验',
              basis: '《道路货物运输及站场管理规定》第六十九条',
              content: '罚款人民币贰仟元',
              fine: 200_000,
            }),
          },
        ],
      },
    ],
  },
  {
    scheme: 'jiyuan-driving-school',
    clientId: 'demo-jiyuan',
    region: '419001',
    subjects: [
      {
        kind: 'org',
        id: uscc('91419001MA3X0201'.padEnd(17, '0')),
        name: '济源安顺机动车驾驶员培训学校',
        sectors: ['driving-school'],
        records: [
          {
            severity: 'general',
            doc: '济交执罚〔2026〕0201号',
            ...seedPenalty({
              region: '419001',
              authority: '济源示范区交通运输局',
              facts: '未按照全国统一的教学大纲进行培训',
              basis: '《机动车驾驶员培训管理规定》第五十条',
              content: '罚款人民币壹仟元',
              fine: 100_000,
            }),
          },
        ],
      },
    ],
  },
  {
    scheme: 'hebi-fleet',
    clientId: 'demo-hebi',
    region: '410600',
    subjects: [
      {
        kind: 'org',
        id: uscc('91410600MA3X0301'.padEnd(17, '0')),
        name: '鹤壁淇河客运有限公司',
        sectors: ['road-passenger'],
        records: [
          {
            severity: 'minor',
            doc: '鹤交执罚〔2026〕0301号',
            ...seedPenalty({
              region: '410600',
              authority: '鹤壁市交通运输局',
              facts: '客运车辆动态监控装置未正常工作',
              basis: '《道路运输车辆动态监督管理办法》第三十六条',
              content: '警告',
            }),
          },
        ],
      },
    ],
  },
  {
    scheme: 'xuchang-taxi-stars',
    clientId: 'demo-xuchang',
    region: '411000',
    subjects: [
      {
        kind: 'person',
        id: (() => {
          const first17 = '41100219900101301';
          return first17 + citizenIdCheckCharacter(first17);
        })(),
        name: '李师傅',
        sectors: ['taxi'],
        qualifiedOn: '2015-01-01',
        records: [
          {
            severity: 'minor',
            doc: '许交表〔2026〕0401号',
            recordType: 'commendation',
            payload: { title: '最美出租车驾驶员', awardingBody: '河南省交通运输厅', level: 'provincial' },
          },
        ],
      },
    ],
  },
  {
    scheme: 'hangzhou-road-transport',
    clientId: 'demo-hangzhou',
    region: '330100',
    subjects: [
      {
        kind: 'org',
        id: uscc('91330100MA3X0501'.padEnd(17, '0')),
        name: '杭州钱江货运有限公司',
        sectors: ['general-cargo'],
        records: [
          {
            severity: 'severe',
            doc: '杭交执罚〔2026〕0501号',
            ...seedPenalty({
              region: '330100',
              authority: '杭州市交通运输局',
              facts: '未按规定维护和检测运输车辆',
              basis: '《道路货物运输及站场管理规定》第六十九条',
              content: '罚款人民币贰仟元',
              fine: 200_000,
            }),
          },
        ],
      },
    ],
  },
  {
    scheme: 'nanyang-taxi-firm',
    clientId: 'demo-nanyang',
    region: '411300',
    subjects: [
      {
        kind: 'org',
        id: uscc('91411300MA3X0601'.padEnd(17, '0')),
        name: '南阳宛城出租汽车有限公司',
        sectors: ['taxi'],
        records: [
          {
            severity: 'general',
            doc: '宛交执罚〔2026〕0601号',
            ...seedPenalty({
              region: '411300',
              authority: '南阳市交通运输局',
              facts: '巡游出租汽车驾驶员拒载',
              basis: '《巡游出租汽车经营服务管理规定》第四十九条',
              content: '罚款人民币贰佰元',
              fine: 20_000,
            }),
          },
        ],
      },
    ],
  },
  {
    // Seed 004 案例8: every registered operator is graded, records or not (ADR 0051); one that has not
    // registered, committed and self-assessed is managed as C.
    scheme: 'shandong-road-transport',
    clientId: 'demo-shandong',
    region: '370100',
    subjects: [
      {
        kind: 'org',
        id: uscc('91370100MA3X0701'.padEnd(17, '0')),
        name: '济南泉城普通货物运输有限公司',
        sectors: ['general-cargo'],
        // No record, never committed nor self-assessed: C.
        credit: { registered: true, committed: false, selfAssessed: false },
        records: [],
      },
      {
        kind: 'org',
        id: uscc('91370100MA3X0702'.padEnd(17, '0')),
        name: '济南历城客运有限公司',
        sectors: ['road-passenger'],
        // No record, registered, committed and self-assessed: the base 85, A.
        credit: { registered: true, committed: true, selfAssessed: true },
        records: [],
      },
      {
        kind: 'org',
        id: uscc('91370100MA3X0703'.padEnd(17, '0')),
        name: '济南黄河危险货物运输有限公司',
        sectors: ['hazardous-goods'],
        credit: { registered: true, committed: true, selfAssessed: true },
        // 85 − 10 (general penalty): 75, B.
        records: [
          {
            severity: 'general',
            doc: '济交执罚〔2026〕0701号',
            ...seedPenalty({
              region: '370100',
              authority: '济南市交通运输局',
              facts: '未按规定开展安全生产隐患排查治理',
              basis: '《中华人民共和国安全生产法》第一百零二条',
              content: '罚款人民币伍万元',
              fine: 5_000_000,
            }),
          },
        ],
      },
    ],
  },
  {
    // Henan 两客一危 (seed 002 案例1): a provincial hazardous-goods carrier on the quarterly codes; 1000 − 30 = 970 → green.
    scheme: 'henan-passenger-hazardous-codes',
    clientId: 'demo-henan',
    region: '410100',
    subjects: [
      {
        kind: 'org',
        id: uscc('91410100MA3X0701'.padEnd(17, '0')),
        name: '河南中原危险货物运输有限公司',
        sectors: ['hazardous-goods'],
        records: [
          {
            severity: 'general',
            doc: '豫交执罚〔2026〕0701号',
            ...seedPenalty({
              region: '410100',
              authority: '郑州市交通运输综合行政执法支队',
              facts: '危险货物运输车辆未按规定使用动态监控',
              basis: '《道路运输车辆动态监督管理办法》第三十六条',
              content: '罚款人民币叁仟元',
              fine: 300_000,
            }),
          },
        ],
      },
    ],
  },
  {
    // Pingdingshan (seed 002 案例8) pilots the provincial codes: 1000 − 3 × 50 = 850 → yellow, joint on-site inspection.
    scheme: 'henan-passenger-hazardous-codes',
    clientId: 'demo-pingdingshan',
    region: '410400',
    subjects: [
      {
        kind: 'org',
        id: uscc('91410400MA3X0801'.padEnd(17, '0')),
        name: '平顶山鹰城客运有限公司',
        sectors: ['road-passenger'],
        records: [1, 2, 3].map((n) => ({
          severity: 'severe',
          doc: `平交执罚〔2026〕080${n}号`,
          ...seedPenalty({
            region: '410400',
            authority: '平顶山市交通运输局',
            facts: '未按规定开展从业人员安全教育培训',
            basis: '《中华人民共和国安全生产法》第九十七条',
            content: '罚款人民币伍万元',
            fine: 5_000_000,
          }),
        })),
      },
    ],
  },
  {
    // Luohe bus captains (seed 002 案例2): a weekly star, 90 + 5 = 95 → 5★ (2500 元 once the month is closed).
    scheme: 'luohe-bus-captain-stars',
    clientId: 'demo-luohe',
    region: '411100',
    subjects: [
      {
        kind: 'person',
        id: (() => {
          const first17 = '41110219850101301';
          return first17 + citizenIdCheckCharacter(first17);
        })(),
        name: '王车长',
        sectors: ['bus'],
        qualifiedOn: '2015-01-01',
        records: [
          {
            severity: 'minor',
            doc: '漯交表〔2026〕0901号',
            recordType: 'commendation',
            payload: { title: '每周之星（拾金不昧）', awardingBody: '漯河市公交集团', level: 'city' },
          },
        ],
      },
    ],
  },
  {
    // Puyang taxi firms (seed 002 案例10): 1000 − 10 (general complaint) = 990 → AAA, first for operating rights.
    scheme: 'puyang-taxi-firm',
    clientId: 'demo-puyang',
    region: '410900',
    subjects: [
      {
        kind: 'org',
        id: uscc('91410900MA3X1001'.padEnd(17, '0')),
        name: '濮阳龙都出租汽车有限公司',
        sectors: ['taxi'],
        records: [
          {
            severity: 'general',
            doc: '濮交〔2026〕1001号',
            recordType: 'confirmed-complaint',
            payload: { hotline: '12345', complaintNumber: 'GD-PY-1001', content: '乘客反映出租车绕道', confirmedBy: '濮阳市交通运输局' },
          },
        ],
      },
    ],
  },
  {
    // Seed 004 案例1: a 定制快巴 operator that made the initial-grade commitment starts at A (tier 良); one that
    // made only the licence commitment starts at B (tier 中). GET /api/v1/subjects/{id}/evaluations shows grade and tier.
    scheme: 'beijing-commuter-bus-grades',
    clientId: 'demo-beijing',
    region: '110000',
    subjects: [
      ['91110000MA3X0701', '北京京通定制客运有限公司', 'initial-grade', '作出初始等级信用承诺，提供优质服务', '京交承诺〔2026〕0701号'],
      ['91110000MA3X0702', '北京环京快巴客运有限公司', 'permit-application', '承诺申请材料真实合法，严格遵守法律法规运营', '京交承诺〔2026〕0702号'],
    ].map(([prefix, name, commitmentType, content, doc]) => ({
      kind: 'org',
      id: uscc(prefix.padEnd(17, '0')),
      name,
      sectors: ['bus'],
      records: [
        {
          severity: 'minor',
          doc,
          recordType: 'credit-commitment',
          payload: { commitmentType, content, dueDate: '2027-12-31', acceptingAuthority: '北京市交通委员会' },
        },
      ],
    })),
  },
  // seed 004 案例11: three assessor units score a contractor; the placeholder weights (0.3/0.25/0.2, the others
  // silent) give (27.6 + 22 + 17) / 0.75 = 88.8 → A, as test/e2e/seed-fujian.e2e-spec.ts.
  {
    scheme: 'fujian-construction-market',
    clientId: 'demo-fujian',
    region: '350100',
    subjects: [
      {
        kind: 'org',
        id: uscc('91350100MA3X0701'.padEnd(17, '0')),
        name: '福建闽路路桥工程有限公司',
        sectors: [],
        records: [
          ['project-owner', '福建省高速公路集团有限公司', 92],
          ['competent-authority', '福州市交通运输局', 88],
          ['quality-supervision', '福建省交通建设质量安全中心', 85],
        ].map(([assessorRole, assessor, score], i) => ({
          severity: 'minor',
          doc: `闽交建考〔2026〕070${i + 1}号`,
          recordType: 'credit-assessment',
          payload: { assessorRole, assessor, project: '莆炎高速公路永泰梧桐至尤溪中仙段', contractSection: 'A3合同段', score },
        })),
      },
    ],
  },
  // seed 004 案例15: a coach carrier with a speeding alarm; no fleet registered, so the ratio divides by 1
  // (sichuan-risk-portrait: 1 per vehicle → ½ of 20): 90 → low risk. test/e2e/seed-sichuan.e2e-spec.ts plays the fleet.
  {
    scheme: 'sichuan-risk-portrait',
    clientId: 'demo-sichuan',
    region: '510100',
    subjects: [
      {
        kind: 'org',
        id: uscc('91510100MA3X0801'.padEnd(17, '0')),
        name: '四川蜀道旅游客运有限公司',
        sectors: ['road-passenger'],
        records: [
          {
            severity: 'general',
            doc: '川运监〔2026〕0801号',
            recordType: 'monitoring-violation',
            payload: {
              violationCode: 'speeding',
              occurredAt: '2026-01-05T10:00:00+08:00',
              plate: '川A80801',
              plateColour: 'yellow',
              platform: '四川省道路运输第三方安全监测平台',
              speedKmh: 112,
              limitKmh: 100,
              driverName: '王师傅',
            },
          },
        ],
      },
    ],
  },
  // Taicang green fast lane (seed 003, ADR 0052): a container ship with 12 calls at Taicang port and
  // nothing else meets “六无” and 不少于12艘次; the screening run below lists it on the red list.
  {
    scheme: 'taicang-green-fast-lane',
    clientId: 'demo-taicang',
    region: '320585',
    screening: 'taicang-green-fast-lane',
    subjects: [
      {
        kind: 'vessel',
        id: 'CN20260000585',
        name: '苏太仓货0585',
        vesselType: '集装箱船',
        records: Array.from({ length: 12 }, (_, n) => ({
          recordType: 'vessel-port-call',
          severity: 'minor',
          doc: `太仓港作业〔2026〕${String(n + 1).padStart(4, '0')}号`,
          payload: (today) => ({
            port: '太仓港',
            berthedAt: `${today}T0${n % 10}:00:00+08:00`,
            operation: 'loading-and-unloading',
            reportedBy: '太仓港口管理局',
          }),
        })),
      },
    ],
  },
  // Water and Jiangsu seed systems (issue 17; test/e2e/seed-zhejiang|guangxi|yangtze|jiangsu.e2e-spec.ts).
  {
    scheme: 'zhejiang-inland-ship-safety',
    clientId: 'demo-zhejiang',
    region: '330400',
    subjects: [
      {
        kind: 'vessel',
        id: 'CN20160330401',
        name: '浙嘉兴货0401',
        records: [
          // 100 − 15 (detained) = 85: B (placeholder points, seed 004 案例6).
          {
            recordType: 'ship-safety-inspection',
            severity: 'general',
            doc: '嘉海事检〔2026〕0401号',
            payload: { inspectedAt: 'TODAY', defects: 3, detained: true, authority: '嘉兴市地方海事处' },
          },
        ],
      },
    ],
  },
  {
    scheme: 'guangxi-changzhou-lock-points',
    clientId: 'demo-guangxi',
    region: '450400',
    subjects: [
      {
        kind: 'vessel',
        id: 'CN20180450401',
        name: '桂梧州货0401',
        records: [
          // 400 + 5 (safe passage within the standard time) = 405: two stars (seed 004 案例13; +5 is a placeholder).
          {
            recordType: 'lock-passage',
            severity: 'minor',
            doc: '长洲过闸〔2026〕0401号',
            payload: { lockName: '长洲船闸', passedAt: 'TODAY', standardMinutes: 90, actualMinutes: 75, violations: [], dispatchCentre: '西江船闸调度中心' },
          },
        ],
      },
    ],
  },
  {
    scheme: 'yangtze-shipping-four-colour',
    clientId: 'demo-yangtze',
    region: '420100',
    subjects: [
      {
        kind: 'vessel',
        id: 'CN20150420101',
        name: '长航货运0101',
        records: [
          // 100 + 10 (provincial honour) = 110: green (seed 004 案例19; placeholder points).
          {
            recordType: 'commendation',
            severity: 'minor',
            doc: '鄂交表〔2026〕0101号',
            payload: { title: '长江航运诚信船舶', awardingBody: '湖北省交通运输厅', level: 'provincial' },
          },
        ],
      },
    ],
  },
  {
    scheme: 'jiangsu-road-operator-grades',
    clientId: 'demo-jiangsu',
    region: '320200',
    subjects: [
      {
        kind: 'org',
        id: uscc('91320200MA3X0701'.padEnd(17, '0')),
        name: '无锡太湖货运有限公司',
        sectors: ['general-cargo'],
        records: [
          // 100 − 20 (severe penalty, 20 bad-behaviour points) = 80: A (DOMAIN.md §3 Jiangsu bands).
          {
            severity: 'severe',
            doc: '锡交执罚〔2026〕0701号',
            ...seedPenalty({
              region: '320200',
              authority: '无锡市交通运输局',
              facts: '未按规定维护和检测运输车辆',
              basis: '《道路货物运输及站场管理规定》第六十九条',
              content: '罚款人民币贰仟元',
              fine: 200_000,
            }),
          },
        ],
      },
    ],
  },
  // Seed 004 苏州: a carrier with this quarter's responsible fatal accident is graded D (veto) — the
  // grade to appeal (POST /api/v1/subjects/{id}/evaluations/suzhou-road-transport-safety/appeals, ADR 0054);
  // a carrier with one penalty is graded A (96, placeholder points as test/e2e/seed-suzhou.e2e-spec.ts).
  {
    scheme: 'suzhou-road-transport-safety',
    clientId: 'demo-suzhou',
    region: '320500',
    subjects: [
      {
        kind: 'org',
        id: uscc('91320500MA3X1701'.padEnd(17, '0')),
        name: '苏州通顺普通货物运输有限公司',
        sectors: ['general-cargo'],
        records: [
          {
            recordType: 'accident',
            severity: 'severe',
            doc: '苏公交认字〔2026〕1701号',
            payload: {
              occurredAt: '2026-01-01T08:00:00+08:00',
              location: '苏州市虎丘区G2京沪高速苏州新区段',
              accidentGrade: 'ordinary',
              responsibility: 'main',
              deaths: 1,
              injuries: 0,
              description: '货车与小型客车追尾，致一人死亡',
              determinedBy: '苏州市公安局交通警察支队',
            },
          },
        ],
      },
      {
        kind: 'org',
        id: uscc('91320500MA3X1702'.padEnd(17, '0')),
        name: '苏州安达危险货物运输有限公司',
        sectors: ['hazardous-goods'],
        records: [
          {
            severity: 'general',
            doc: '苏交执罚〔2026〕1702号',
            ...seedPenalty({
              region: '320500',
              authority: '苏州市交通运输局',
              facts: '未按规定对危险货物运输车辆进行动态监控',
              basis: '《道路危险货物运输管理规定》第六十六条',
              content: '罚款人民币叁仟元',
              fine: 300_000,
            }),
          },
        ],
      },
    ],
  },
  // Oversize-transport permits (issue 18; seed 000, seed 002 案例7): not a scheme but the permits service.
  // A clean carrier licensed for 大件运输 (commitment path), one found with false materials (62号令:
  // 1 year without permits → its application is not accepted), and one on the key-watch list (Henan:
  // 列入重点关注名单的不适用信用承诺办理 → the standard path with on-site inspection, the reason shown).
  // The key-watch entry is Zhengzhou's own, on the basis of an off-route finding, its 5-working-day
  // prior notice already over (a Hubei entry about a Henan carrier is outside the Hubei agreement and
  // never applied here, issue 20). Each carrier's tractor is registered to it. README: "Oversize
  // permits by hand".
  {
    scheme: 'oversize-permits',
    clientId: 'demo-zhengzhou',
    region: '410100',
    subjects: [
      {
        kind: 'org',
        id: uscc('91410100MA3X1801'.padEnd(17, '0')),
        name: '郑州中原大件运输有限公司',
        sectors: ['oversize-transport'],
        records: [],
        vehicles: [{ plate: '豫A12345', colour: 'yellow', vehicleType: 'tractor', axles: 6 }],
      },
      {
        kind: 'org',
        id: uscc('91410100MA3X1803'.padEnd(17, '0')),
        name: '郑州重安大件运输有限公司',
        sectors: ['oversize-transport'],
        vehicles: [{ plate: '豫A18030', colour: 'yellow', vehicleType: 'tractor', axles: 6 }],
        records: [
          {
            recordType: 'oversize-transport-violation',
            severity: 'general',
            doc: '郑交执罚〔2026〕1803号',
            payload: {
              violationType: 'off-route',
              permitNumber: '410000-2026-000011',
              detectedAt: 'TODAY',
              detectedBy: 'trajectory-comparison',
              plate: '豫A18030',
              plateColour: 'yellow',
            },
          },
        ],
        listEntry: { listType: 'key-watch', grounds: '一年内多次未按许可路线行驶', documentNumber: '郑交信〔2026〕1803号' },
      },
      {
        kind: 'org',
        id: uscc('91410100MA3X1802'.padEnd(17, '0')),
        name: '郑州速通大件运输有限公司',
        sectors: ['oversize-transport'],
        vehicles: [{ plate: '豫A9F321', colour: 'yellow', vehicleType: 'tractor', axles: 6 }],
        records: [
          {
            recordType: 'oversize-transport-violation',
            severity: 'severe',
            doc: '郑交执罚〔2026〕1802号',
            payload: {
              violationType: 'false-materials',
              permitNumber: '410000-2026-000018',
              detectedAt: 'TODAY',
              detectedBy: 'application-review',
              plate: '豫A9F321',
              plateColour: 'yellow',
            },
          },
        ],
      },
    ],
  },
  {
    // Credit repair (issue 19; seed 004 天津 数据核验, seed 003 天津 reminders): a general penalty
    // decided 4 months ago (past its 3-month minimum, so repairable now) and the payment of its fine
    // received as payment data, so the application needs no receipt. README: notice → reminder →
    // application → approval → gone from the public profile. `decisionDate` overrides today's.
    scheme: 'repair-demo',
    clientId: 'demo-tianjin',
    region: '120000',
    subjects: [
      {
        kind: 'org',
        id: uscc('91120000MA3X1901'.padEnd(17, '0')),
        name: '天津顺达修复演示运输有限公司',
        sectors: ['general-cargo'],
        records: [
          {
            severity: 'general',
            doc: '津交执罚〔2026〕1901号',
            decisionDate: (today) => addMonths(today, -4),
            ...(({ recordType, payload }) => ({ recordType, payload: { ...payload, violationType: '超限运输' } }))(
              seedPenalty({
                region: '120000',
                authority: '天津市交通运输委员会',
                facts: '车辆超限运输',
                basis: '《公路安全保护条例》第六十四条',
                content: '罚款人民币伍仟元',
                fine: 500_000,
              }),
            ),
          },
          {
            recordType: 'fine-payment',
            severity: 'minor',
            doc: '津缴〔2026〕1901号',
            payload: { penaltyDocumentNumber: '津交执罚〔2026〕1901号', amountFen: 500_000, paidAt: 'TODAY', payee: '天津市交通运输委员会' },
          },
        ],
      },
    ],
  },
];
