import { CATALOGUE_V1 } from './catalogue-v1';
import type { CatalogueDocument, RecordTypeDefinition } from './record-type-definition';

/*
 * Catalogue (目录) version 2: version 1 plus `credit-assessment` (信用考核评分), the score one assessor
 * unit gives a subject in a multi-assessor credit assessment, and `bid-award` (中标), a contract
 * section won and the credit grade its credit score was given under (seed 004 案例11 福建); and a
 * `monitoring-violation` that may name the driver (seed 004 案例15 四川: drill-down to "每名驾驶员的
 * 每一条扣分记录"). Every other v1 type is unchanged.
 * Immutable once stored, like v1 (shipped-catalogues.ts).
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

export const CATALOGUE_V2: CatalogueDocument = deepFreeze({
  version: 2,
  effectiveFrom: '2026-12-01',
  sources: [...CATALOGUE_V1.sources],
  recordTypes: [...CATALOGUE_V1.recordTypes.map((t) => (t.code === 'monitoring-violation' ? withDriver(t) : t)), creditAssessment, bidAward],
});

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
