import { measuresV1 } from '@contracts';
import { toEntryRulesBody, toFleetSizeBody, toListEntryBody } from './list-entry.mapper';

describe('list entry mapper', () => {
  const wire = (overrides: Partial<measuresV1.ListEntry> = {}): measuresV1.ListEntry => ({
    id: 'e1',
    listType: 'serious-dishonesty',
    subject: { kind: 'enterprise', id: '91410100MA0000000X', name: '某运输公司' },
    region: '410100',
    status: 'proposed',
    origin: 'rule',
    ruleId: '',
    basis: [
      { kind: 'record', recordId: 'r1', recordType: 'admin-penalty', decisionDate: '2026-01-02', schemeId: '', cycle: '', grade: '', pointsDeducted: 0 },
      { kind: 'grade', recordId: '', recordType: '', decisionDate: '', schemeId: 's1', cycle: '2025', grade: 'D', pointsDeducted: 12 },
    ],
    grounds: 'g',
    provenance: undefined,
    proposedOn: '2026-01-03',
    noticeEndsOn: '2026-01-08',
    startsOn: '',
    endsOn: '',
    decision: undefined,
    removal: undefined,
    version: 1,
    inForce: false,
    sourceVersion: 0,
    partnerUpdates: [],
    ...overrides,
  });

  it('turns empty strings and absent messages into null, and keeps only the fields of each basis kind', () => {
    expect(toListEntryBody(wire())).toEqual({
      ...wire(),
      ruleId: null,
      startsOn: null,
      endsOn: null,
      provenance: null,
      decision: null,
      removal: null,
      recognition: null,
      sourceVersion: null,
      basis: [
        { kind: 'record', recordId: 'r1', recordType: 'admin-penalty', decisionDate: '2026-01-02' },
        { kind: 'grade', schemeId: 's1', cycle: '2025', grade: 'D', pointsDeducted: 12 },
      ],
    });
  });

  it('passes set values through', () => {
    const provenance = { partnerRegion: '420100', partnerName: '武汉', sourceReference: 'ref', decidedOn: '2026-01-01' };
    const body = toListEntryBody(wire({ ruleId: 'rule-1', startsOn: '2026-02-01', endsOn: '2029-02-01', provenance }));
    expect(body).toMatchObject({ ruleId: 'rule-1', startsOn: '2026-02-01', endsOn: '2029-02-01', provenance });
  });

  it('shows a partner entry’s recognition, an absent agreement or term as null (ADR 0067)', () => {
    const recognition = { outcome: 'not-applied', agreement: '', reason: 'no recognition agreement with 430000', maxTermMonths: 0 };
    expect(toListEntryBody(wire({ recognition })).recognition).toEqual({ ...recognition, agreement: null, maxTermMonths: null });
  });

  it('shows the partner version held, none as null, and the versions that changed the entry (ADR 0087)', () => {
    const partnerUpdates = [{ sourceVersion: 3, appliedOn: '2026-12-01', change: 'restored', detail: 'in force again' }];
    expect(toListEntryBody(wire({ sourceVersion: 3, partnerUpdates }))).toMatchObject({ sourceVersion: 3, partnerUpdates });
  });

  it('refuses an answer without an entry', () => {
    expect(() => toListEntryBody(undefined)).toThrow('joint-measures answered without an entry');
  });

  it('maps the entries a fleet report proposed, and parses the entry rules', () => {
    const fleet = toFleetSizeBody({ subjectId: 's', vehicles: 10, asOf: '2026-01-01', source: 'x', stored: true, proposed: [wire()] });
    expect(fleet).toEqual({ subjectId: 's', vehicles: 10, asOf: '2026-01-01', source: 'x', stored: true, proposed: [toListEntryBody(wire())] });
    expect(toEntryRulesBody({ version: 3, rulesJson: '[{"id":"r1"}]' })).toEqual({ version: 3, rules: [{ id: 'r1' }] });
  });
});
