import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { RECORD_TYPE_CODES } from '@domain/credit';
import { Catalogue } from './catalogue';
import { CATALOGUE_V1 } from './catalogue-v1';
import { CATALOGUE_V2 } from './catalogue-v2';
import { SHIPPED_CATALOGUES } from './shipped-catalogues';

/*
 * Catalogue v2 (issue 17): v1 plus the water records the seed systems grade on — lock passages
 * (seed 004 案例13 广西长洲船闸), ship safety inspections (案例6 浙江 “安全检查”, 案例19 “行政检查”),
 * pollutant deliveries (案例6 浙江 “绿水积分”) — and commendations of vessels (案例6 “正向激励”).
 */
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

  it('ships after v1, keeps every v1 type and adds the three water types, in RECORD_TYPE_CODES order', () => {
    expect(SHIPPED_CATALOGUES.map((c) => c.version)).toEqual([1, 2]);
    expect(CATALOGUE_V2.effectiveFrom > CATALOGUE_V1.effectiveFrom).toBe(true);
    expect(CATALOGUE_V2.recordTypes.map((t) => t.code)).toEqual([...RECORD_TYPE_CODES]);
    for (const v1 of CATALOGUE_V1.recordTypes) {
      if (v1.code !== 'commendation') expect(CATALOGUE_V2.recordTypes.find((t) => t.code === v1.code)).toBe(v1);
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
});
