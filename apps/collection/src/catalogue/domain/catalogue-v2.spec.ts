import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { ASSESSOR_ROLES, RECORD_TYPE_CODES } from '@domain/credit';
import { Catalogue } from './catalogue';
import { CATALOGUE_V1 } from './catalogue-v1';
import { CATALOGUE_V2 } from './catalogue-v2';
import { SHIPPED_CATALOGUES } from './shipped-catalogues';

/*
 * Catalogue v2 (issue 17): v1 plus the records the seed systems grade on — Fujian's assessor scores
 * and bid awards (seed 004 案例11), drivers named on monitoring violations (案例15), Taicang's port
 * calls (seed 003), lock passages, ship safety inspections and pollutant deliveries
 * (seed 004 案例6/13/19) — and commendations of vessels (案例6 “正向激励”).
 */
/** seed 004 案例11 福建: a project owner's score of a contractor on one contract section. */
const ASSESSMENT = {
  assessorRole: 'project-owner',
  assessor: '福建省高速公路集团有限公司',
  project: '莆炎高速公路永泰梧桐至尤溪中仙段',
  contractSection: 'A3合同段',
  score: 88.5,
  remarks: '工程进度滞后扣2分',
};

const PASSAGE = {
  lockName: '长洲船闸',
  passedAt: '2026-11-02T08:30:00+08:00',
  standardMinutes: 90,
  actualMinutes: 75,
  violations: [],
  dispatchCentre: '西江船闸调度中心',
};

describe('catalogue v2', () => {
  const catalogue = new Catalogue(CATALOGUE_V2);

  it('ships after v1 and keeps every v1 type but two, adding the six seed-system types in RECORD_TYPE_CODES order', () => {
    expect(SHIPPED_CATALOGUES.map((c) => c.version)).toEqual([1, 2]);
    expect(CATALOGUE_V2.effectiveFrom > CATALOGUE_V1.effectiveFrom).toBe(true);
    expect(CATALOGUE_V2.recordTypes.map((t) => t.code)).toEqual([...RECORD_TYPE_CODES]);
    // Changed in v2: monitoring violations may name the driver (seed 004 案例15), vessels may be commended (案例6).
    for (const v1 of CATALOGUE_V1.recordTypes) {
      if (v1.code !== 'commendation' && v1.code !== 'monitoring-violation') expect(CATALOGUE_V2.recordTypes.find((t) => t.code === v1.code)).toBe(v1);
    }
    expect(CATALOGUE_V2.recordTypes.find((t) => t.code === 'commendation')?.subjectKinds).toEqual(['org', 'person', 'vessel']);
  });

  it('compiles every schema with strict ajv and survives the JSON round trip the database makes', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    for (const type of CATALOGUE_V2.recordTypes) expect(() => ajv.compile(type.payloadSchema)).not.toThrow();
    expect(JSON.parse(JSON.stringify(CATALOGUE_V2))).toEqual(CATALOGUE_V2);
    expect(Object.isFrozen(CATALOGUE_V2.recordTypes)).toBe(true);
  });

  it('offers exactly the assessor roles the seed names (the shared ASSESSOR_ROLES)', () => {
    const schema = catalogue.definition('credit-assessment')!.payloadSchema as { properties: { assessorRole: { enum: string[] } } };
    expect(schema.properties.assessorRole.enum).toEqual([...ASSESSOR_ROLES]);
  });

  it('accepts an assessor score on the 100-point scale and refuses one outside it, naming the field', () => {
    expect(catalogue.payloadViolations('credit-assessment', ASSESSMENT)).toEqual([]);
    expect(catalogue.payloadViolations('credit-assessment', { ...ASSESSMENT, score: 101 })).toEqual([
      expect.objectContaining({ field: 'payload.score', code: 'SCHEMA_MAXIMUM' }),
    ]);
    expect(catalogue.payloadViolations('credit-assessment', { ...ASSESSMENT, assessorRole: 'regulator' })).toEqual([
      expect.objectContaining({ field: 'payload.assessorRole', code: 'SCHEMA_ENUM' }),
    ]);
  });

  it('lets a monitoring violation name its driver (seed 004 案例15: drill-down to each driver), and still refuses unknown fields', () => {
    const alarm = {
      violationCode: 'phone-use',
      occurredAt: '2026-11-02T14:05:00+08:00',
      plate: '川A12345',
      plateColour: 'yellow',
      platform: '四川省道路运输第三方安全监测平台',
      driverName: '王师傅',
      driverCertificate: '510100000001',
    };
    expect(catalogue.payloadViolations('monitoring-violation', alarm)).toEqual([]);
    expect(new Catalogue(CATALOGUE_V1).payloadViolations('monitoring-violation', alarm)).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'payload.driverName', code: 'UNKNOWN_FIELD' })]),
    );
    expect(catalogue.payloadViolations('monitoring-violation', { ...alarm, driver: 'x' })).toEqual([
      expect.objectContaining({ field: 'payload.driver', code: 'UNKNOWN_FIELD' }),
    ]);
  });

  it('keeps assessments off the public portal and records no dishonesty', () => {
    expect(catalogue.definition('credit-assessment')).toMatchObject({
      isPublic: false,
      publicity: null,
      severities: ['minor'],
      subjectKinds: ['org', 'person'],
    });
  });

  it('takes a bid award with the grade its credit score was given under (the seed counts sections won per grade)', () => {
    const award = {
      project: '莆炎高速公路',
      contractSection: 'A3',
      tenderer: '福建省高速公路集团有限公司',
      noticeNumber: 'ZB-2026-001',
      creditGradeUsed: 'AA',
    };
    expect(catalogue.payloadViolations('bid-award', award)).toEqual([]);
    expect(catalogue.payloadViolations('bid-award', { ...award, creditGradeUsed: 'AAA' })).toEqual([
      expect.objectContaining({ field: 'payload.creditGradeUsed', code: 'SCHEMA_ENUM' }),
    ]);
  });

  it('accepts a port call of a vessel at Taicang port (一年内在太仓港累计作业不少于12艘次)', () => {
    const call = {
      port: '太仓港',
      terminal: '太仓正和集装箱码头',
      berthedAt: '2026-06-01T08:00:00+08:00',
      operation: 'loading-and-unloading',
      reportedBy: '太仓港口管理局',
    };
    expect(catalogue.payloadViolations('vessel-port-call', call)).toEqual([]);
    expect(catalogue.definition('vessel-port-call')).toMatchObject({ subjectKinds: ['vessel'], severities: ['minor'], isPublic: false });
    expect(catalogue.payloadViolations('vessel-port-call', { port: '太仓港' })).toEqual([
      expect.objectContaining({ field: 'payload.berthedAt', code: 'SCHEMA_REQUIRED' }),
      expect.objectContaining({ field: 'payload.reportedBy', code: 'SCHEMA_REQUIRED' }),
    ]);
  });

  it('has one type for a ship safety inspection: a detention (两年无安检滞留, seed 003) is one with detained: true', () => {
    expect(CATALOGUE_V2.recordTypes.map((t) => t.code)).not.toContain('safety-inspection-detention');
    const detention = {
      inspectedAt: '2025-06-01T10:00:00+08:00',
      port: '太仓港',
      inspectionType: 'flag-state',
      defects: 6,
      detainableDefects: 1,
      detained: true,
      authority: '太仓海事局',
    };
    expect(catalogue.payloadViolations('ship-safety-inspection', detention)).toEqual([]);
    expect(catalogue.definition('ship-safety-inspection')).toMatchObject({ subjectKinds: ['vessel'], severities: ['minor', 'general', 'severe'] });
    expect(catalogue.payloadViolations('ship-safety-inspection', { ...detention, inspectionType: 'coastal' })).toEqual([
      expect.objectContaining({ field: 'payload.inspectionType', code: 'SCHEMA_ENUM' }),
    ]);
    // Whether the ship was detained is what Taicang screens on: it must be said, as a yes/no.
    const { detained: _detained, ...unsaid } = detention;
    expect(catalogue.payloadViolations('ship-safety-inspection', unsaid)).toEqual([
      expect.objectContaining({ field: 'payload.detained', code: 'SCHEMA_REQUIRED' }),
    ]);
    expect(catalogue.payloadViolations('ship-safety-inspection', { ...detention, detained: 'yes' })).toEqual([
      expect.objectContaining({ field: 'payload.detained', code: 'SCHEMA_TYPE' }),
    ]);
  });

  it('takes a lock passage about a vessel, redeemed points in steps of 20 (每20积分可兑换往前跳60个排队号)', () => {
    const type = catalogue.definition('lock-passage');
    expect(type).toMatchObject({ subjectKinds: ['vessel'], severities: ['minor', 'general', 'severe'], isPublic: false });
    expect(catalogue.payloadViolations('lock-passage', PASSAGE)).toEqual([]);
    expect(catalogue.payloadViolations('lock-passage', { ...PASSAGE, violations: ['false-draught'], pointsRedeemed: 40, queuePlacesJumped: 120 })).toEqual([]);
    expect(catalogue.payloadViolations('lock-passage', { ...PASSAGE, pointsRedeemed: 30, queuePlacesJumped: 90 })).toEqual([
      expect.objectContaining({ field: 'payload.pointsRedeemed', code: 'SCHEMA_MULTIPLEOF' }),
    ]);
    expect(catalogue.payloadViolations('lock-passage', { ...PASSAGE, violations: ['speeding'] })).toEqual([
      expect.objectContaining({ field: 'payload.violations.0', code: 'SCHEMA_ENUM' }),
    ]);
  });

  it('takes a ship safety inspection and a pollutant delivery, and refuses unknown fields', () => {
    const inspection = { inspectedAt: '2026-11-03T10:00:00+08:00', defects: 3, detained: true, authority: '嘉兴地方海事处' };
    expect(catalogue.payloadViolations('ship-safety-inspection', inspection)).toEqual([]);
    expect(catalogue.payloadViolations('ship-safety-inspection', { ...inspection, grade: 'C' })).toEqual([
      { field: 'payload.grade', message: 'is not a field of this record type', code: 'UNKNOWN_FIELD' },
    ]);
    const delivery = {
      deliveredAt: '2026-11-04T09:00:00+08:00',
      pollutant: 'sewage',
      quantityLitres: 800,
      baseline: 'above',
      receivedBy: '湖州水上绿色服务区',
    };
    expect(catalogue.payloadViolations('pollutant-delivery', delivery)).toEqual([]);
    expect(catalogue.definition('pollutant-delivery')?.severities).toEqual(['minor']);
    expect(catalogue.payloadViolations('pollutant-delivery', { ...delivery, baseline: 'much' })).toEqual([
      expect.objectContaining({ field: 'payload.baseline', code: 'SCHEMA_ENUM' }),
    ]);
  });

  it('takes a fine payment (seed 004 天津 缴纳罚款凭证数据: shared for repair verification, never public)', () => {
    const payment = { penaltyDocumentNumber: '津交罚〔2026〕118号', amountFen: 200_000, paidAt: '2026-11-05T15:20:00+08:00', payee: '天津市交通运输委员会' };
    expect(catalogue.payloadViolations('fine-payment', payment)).toEqual([]);
    expect(catalogue.definition('fine-payment')).toMatchObject({ isPublic: false, publicity: null, severities: ['minor'], category: 'penalty' });
    expect(catalogue.payloadViolations('fine-payment', { ...payment, amountFen: 0 })).toEqual([
      expect.objectContaining({ field: 'payload.amountFen', code: 'SCHEMA_MINIMUM' }),
    ]);
    const { penaltyDocumentNumber: _missing, ...withoutPenalty } = payment;
    expect(catalogue.payloadViolations('fine-payment', withoutPenalty)).toEqual([expect.objectContaining({ field: 'payload.penaltyDocumentNumber' })]);
  });
});
