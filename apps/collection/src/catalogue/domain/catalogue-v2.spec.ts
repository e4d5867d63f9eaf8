import { RECORD_TYPE_CODES } from '@domain/credit';
import { Catalogue } from './catalogue';
import { CATALOGUE_V1 } from './catalogue-v1';
import { CATALOGUE_V2 } from './catalogue-v2';
import { SHIPPED_CATALOGUES } from './shipped-catalogues';

describe('collection catalogue v2 (vessel types of seed 003 太仓)', () => {
  const catalogue = new Catalogue(CATALOGUE_V2);

  it('keeps every v1 type as it was and adds the two vessel types, in RECORD_TYPE_CODES order', () => {
    expect(CATALOGUE_V2.recordTypes.slice(0, CATALOGUE_V1.recordTypes.length)).toEqual(CATALOGUE_V1.recordTypes);
    expect(CATALOGUE_V2.recordTypes.map((t) => t.code)).toEqual([...RECORD_TYPE_CODES]);
    expect(SHIPPED_CATALOGUES.map((c) => c.version)).toEqual([1, 2]);
    expect(CATALOGUE_V2.effectiveFrom > CATALOGUE_V1.effectiveFrom).toBe(true);
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

  it('accepts a detention after a safety inspection (两年无安检滞留), graded by the inspecting authority', () => {
    const detention = {
      inspectedAt: '2025-06-01T10:00:00+08:00',
      port: '太仓港',
      inspectionType: 'flag-state',
      defects: 5,
      detainableDefects: 1,
      inspectedBy: '太仓海事局',
    };
    expect(catalogue.payloadViolations('safety-inspection-detention', detention)).toEqual([]);
    expect(catalogue.definition('safety-inspection-detention')).toMatchObject({ subjectKinds: ['vessel'], severities: ['minor', 'general', 'severe'] });
  });

  it('cannot be changed at run time and survives the JSON round trip', () => {
    expect(Object.isFrozen(CATALOGUE_V2.recordTypes)).toBe(true);
    expect(JSON.parse(JSON.stringify(CATALOGUE_V2))).toEqual(CATALOGUE_V2);
  });
});
