import { ASSESSOR_ROLES, RECORD_TYPE_CODES } from '@domain/credit';
import { Catalogue } from './catalogue';
import { CATALOGUE_V1 } from './catalogue-v1';
import { CATALOGUE_V2 } from './catalogue-v2';
import { SHIPPED_CATALOGUES } from './shipped-catalogues';

/** seed 004 案例11 福建: a project owner's score of a contractor on one contract section. */
const ASSESSMENT = {
  assessorRole: 'project-owner',
  assessor: '福建省高速公路集团有限公司',
  project: '莆炎高速公路永泰梧桐至尤溪中仙段',
  contractSection: 'A3合同段',
  score: 88.5,
  remarks: '工程进度滞后扣2分',
};

describe('catalogue v2', () => {
  const catalogue = new Catalogue(CATALOGUE_V2);

  it('is v1 plus credit-assessment and bid-award, covering every record type code; only monitoring-violation changed', () => {
    const v1Types = CATALOGUE_V2.recordTypes.slice(0, CATALOGUE_V1.recordTypes.length);
    expect(v1Types.filter((t) => t.code !== 'monitoring-violation')).toEqual(CATALOGUE_V1.recordTypes.filter((t) => t.code !== 'monitoring-violation'));
    expect(CATALOGUE_V2.recordTypes.map((t) => t.code)).toEqual([...RECORD_TYPE_CODES]);
    expect(SHIPPED_CATALOGUES.map((c) => c.version)).toEqual([1, 2]);
    expect(CATALOGUE_V2.effectiveFrom > CATALOGUE_V1.effectiveFrom).toBe(true);
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

  it('survives the JSON round trip and cannot be changed at run time', () => {
    expect(JSON.parse(JSON.stringify(CATALOGUE_V2))).toEqual(CATALOGUE_V2);
    expect(Object.isFrozen(CATALOGUE_V2.recordTypes)).toBe(true);
  });
});
