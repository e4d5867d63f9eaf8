import { CATALOGUE_V1, closedSet, count, dateTime, deepFreeze, objectSchema, RECORDS_WRITE, text } from './catalogue-v1';
import type { CatalogueDocument, RecordTypeDefinition } from './record-type-definition';

/*
 * Catalogue version 2: version 1 unchanged plus two vessel record types that water-transport
 * green lists count (seed 003 太仓“平安箱运·绿色快航”: “两年无安检滞留” and “一年内在太仓港累计作业不少于12艘次”).
 * Neither records dishonesty by itself: a port call is a plain operating fact ('minor' is the
 * envelope's placeholder, as for licences), a detention is graded by the inspecting authority.
 * Neither is public (DOMAIN.md §6 publishes grades, lists, licences, penalties and commitments only).
 */

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

const safetyInspectionDetention: RecordTypeDefinition = {
  code: 'safety-inspection-detention',
  name: { zh: '船舶安全检查滞留', en: 'Safety inspection detention' },
  // A finding of supervision (船舶安全检查), not a penalty decision: a penalty it leads to is its own record.
  category: 'monitoring',
  subjectKinds: ['vessel'],
  severities: ['minor', 'general', 'severe'],
  isPublic: false,
  publicity: null,
  timelinessWorkingDays: null,
  submitScopes: RECORDS_WRITE,
  payloadSchema: objectSchema(
    '船舶安全检查滞留',
    '海事管理机构船舶安全检查发现缺陷并滞留船舶（《船舶安全监督规则》；seed 003 太仓“两年无安检滞留”）。',
    {
      inspectedAt: dateTime('检查时间'),
      port: text(100, '检查港口'),
      inspectionType: closedSet('检查类型', [
        ['flag-state', '船旗国监督检查（FSC）'],
        ['port-state', '港口国监督检查（PSC）'],
      ]),
      defects: count(1000, '缺陷项数'),
      detainableDefects: count(1000, '滞留缺陷项数'),
      inspectedBy: text(100, '检查机构，如太仓海事局'),
    },
    ['inspectedAt', 'port', 'inspectedBy'],
  ),
};

export const CATALOGUE_V2: CatalogueDocument = deepFreeze({
  version: 2,
  // In force from December 2026: records of the new types are accepted from then on.
  effectiveFrom: '2026-12-01',
  sources: [
    ...CATALOGUE_V1.sources,
    'seeds/003_de042ffac66510b8.txt 太仓海事局“平安箱运·绿色快航”：两年无安检滞留；一年内在太仓港累计作业不少于12艘次',
    '交通运输部令2017年第14号《船舶安全监督规则》（船舶安全检查、滞留）',
  ],
  recordTypes: [...CATALOGUE_V1.recordTypes, vesselPortCall, safetyInspectionDetention],
});
