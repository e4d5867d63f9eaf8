import { measuresV1 } from '@contracts';
import { toDecisionBody } from './decision.mapper';

describe('toDecisionBody', () => {
  const reason = (overrides: Partial<measuresV1.DecisionReason>): measuresV1.DecisionReason => ({
    kind: '',
    mappingId: 'm1',
    entryId: '',
    listType: '',
    startsOn: '',
    endsOn: '',
    schemeId: '',
    cycle: '',
    grade: '',
    recordType: '',
    recordIds: [],
    count: 0,
    ...overrides,
  });

  it('keeps only the fields of each reason kind and turns absent values into null', () => {
    const decision: measuresV1.DecideResponse = {
      decisionId: 'd1',
      outcome: 'conditional',
      measures: [
        { code: 'c1', name: 'n1', effect: 'condition', legalBasis: 'lb', mappingId: 'm1', source: 'list-entry', value: undefined },
        { code: 'c2', name: 'n2', effect: 'condition', legalBasis: 'lb', mappingId: 'm2', source: 'grade', value: { amount: 2, unit: 'times' } },
      ],
      reasons: [
        reason({ kind: 'list-entry', entryId: 'e1', listType: 'serious-dishonesty', startsOn: '2026-01-01' }),
        reason({ kind: 'list-entry', entryId: 'e2', listType: 'focus', startsOn: '2026-01-01', endsOn: '2027-01-01' }),
        reason({ kind: 'grade', schemeId: 's1', cycle: '2025', grade: 'D' }),
        reason({ kind: 'records', recordType: 'admin-penalty', recordIds: ['r1', 'r2'], count: 2 }),
      ],
      subjectId: 'subj',
      scene: 'permit.application',
      region: '410100',
      decidedAt: '2026-01-02T00:00:00Z',
      notApplied: [{ mappingId: 'm3', status: 'pending', waitingFor: ['s2'], problems: [] }],
    };

    expect(toDecisionBody(decision)).toEqual({
      decisionId: 'd1',
      subjectId: 'subj',
      scene: 'permit.application',
      region: '410100',
      decidedAt: '2026-01-02T00:00:00Z',
      outcome: 'conditional',
      measures: [
        { code: 'c1', name: 'n1', effect: 'condition', legalBasis: 'lb', mappingId: 'm1', source: 'list-entry', value: null },
        { code: 'c2', name: 'n2', effect: 'condition', legalBasis: 'lb', mappingId: 'm2', source: 'grade', value: { amount: 2, unit: 'times' } },
      ],
      reasons: [
        { kind: 'list-entry', mappingId: 'm1', entryId: 'e1', listType: 'serious-dishonesty', startsOn: '2026-01-01', endsOn: null },
        { kind: 'list-entry', mappingId: 'm1', entryId: 'e2', listType: 'focus', startsOn: '2026-01-01', endsOn: '2027-01-01' },
        { kind: 'grade', mappingId: 'm1', schemeId: 's1', cycle: '2025', grade: 'D' },
        { kind: 'records', mappingId: 'm1', recordType: 'admin-penalty', recordIds: ['r1', 'r2'], count: 2 },
      ],
      notApplied: [{ mappingId: 'm3', status: 'pending', waitingFor: ['s2'], problems: [] }],
    });
  });

  it('keeps the partner source of a grade reason recognised from a partner province (ADR 0090)', () => {
    const recognisedFrom: measuresV1.RecognisedGradeSource = {
      partnerRegion: '410000',
      partnerName: '河南省交通运输厅',
      schemeId: 'henan-passenger-hazardous-codes',
      schemeName: '河南省“两客一危”码',
      grade: 'green',
      gradeLabel: '绿码',
      cycle: '2026-Q4',
      evaluatedAt: '2026-12-01T08:00:00.000Z',
      tableId: 'henan-codes-to-yangtze-four-colour',
      explanation: '河南省交通运输厅评定…',
    };
    const decision = toDecisionBody({
      decisionId: 'd1',
      outcome: 'allow',
      measures: [],
      reasons: [reason({ kind: 'grade', schemeId: 'yangtze-shipping-four-colour', cycle: '2026-Q4', grade: 'green', recognisedFrom })],
      subjectId: 'subj',
      scene: 'incentive.discount',
      region: '420100',
      decidedAt: '2026-12-07T00:00:00Z',
      notApplied: [],
    });
    expect(decision.reasons).toEqual([
      { kind: 'grade', mappingId: 'm1', schemeId: 'yangtze-shipping-four-colour', cycle: '2026-Q4', grade: 'green', recognisedFrom },
    ]);
  });
});
