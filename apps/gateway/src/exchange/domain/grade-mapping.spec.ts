import { gradeTableProblems, mapToPartnerLadder, type RecognitionTableView } from './grade-mapping';
import type { RecognitionAgreement } from './recognition-agreement';

// The shipped Yangtze table (apps/evaluation/src/engine/domain/recognition.ts): the Yangtze
// four-colour code (partner 420000) read on Henan's traffic-light codes, blue counting as green.
const yangtze: RecognitionTableView = {
  id: 'yangtze-four-colour-to-henan-codes',
  sources: ['seed 004 case 19'],
  partner: { region: '420000', ladder: 'four-colour', scheme: '四色信用码' },
  ours: { schemeId: 'henan-passenger-hazardous-codes', ladder: 'traffic-light' },
  mappings: [
    { partnerGrade: 'green', ourGrade: 'green' },
    { partnerGrade: 'blue', ourGrade: 'green' },
    { partnerGrade: 'yellow', ourGrade: 'yellow' },
    { partnerGrade: 'red', ourGrade: 'red' },
  ],
};
const suzhouTable: RecognitionTableView = { ...yangtze, id: 'wuxi-to-suzhou', partner: { ...yangtze.partner, region: '320200' } };
const green = {
  schemeId: 'henan-passenger-hazardous-codes',
  schemeName: '两客一危',
  grade: 'green',
  gradeLabel: '绿码',
  cycle: '2026-Q4',
  evaluatedAt: '2026-12-01T00:00:00Z',
};

describe('our grade on the partner’s ladder (issue 20 item 4)', () => {
  it('answers every partner grade that the table counts as ours: green here is green or blue on the four-colour ladder', () => {
    expect(mapToPartnerLadder('420000', [green], [yangtze])[0].partnerLadder).toEqual({
      tableId: yangtze.id,
      ladder: 'four-colour',
      scheme: '四色信用码',
      grades: ['green', 'blue'],
      basis: ['seed 004 case 19'],
    });
  });

  it('uses only tables with this partner, and says so when none maps the scheme', () => {
    expect(mapToPartnerLadder('420000', [green], [suzhouTable])[0].partnerLadder).toBeNull();
    expect(mapToPartnerLadder('420000', [{ ...green, schemeId: 'other' }], [yangtze])[0].partnerLadder).toBeNull();
  });

  it('a province partner also sees the tables of its cities', () => {
    expect(mapToPartnerLadder('320000', [green], [suzhouTable])[0].partnerLadder?.tableId).toBe('wuxi-to-suzhou');
  });
});

describe('the agreements’ grades terms against our recognition tables (ADR 0085)', () => {
  const agreement = (region: string, recognitionTable?: string): RecognitionAgreement => ({
    id: `a-${region}`,
    partner: { region, name: 'p' },
    source: 's',
    lists: [{ listType: 'key-watch', subjects: 'any', effect: 'apply', maxTermMonths: 6 }],
    grades: { schemes: [{ schemeId: 'x', subjects: 'any', effect: 'apply', ...(recognitionTable ? { recognitionTable } : {}) }] },
  });

  it('accepts a table with this partner (its region or a city within it) and a term without a table', () => {
    expect(gradeTableProblems([agreement('420000', yangtze.id), agreement('320000', suzhouTable.id), agreement('410000')], [yangtze, suzhouTable])).toEqual([]);
  });

  it('names a missing table and one that reads another partner, with the path', () => {
    expect(gradeTableProblems([agreement('420000', 'no-such-table'), agreement('410000', yangtze.id)], [yangtze])).toEqual([
      '0.grades.schemes.0.recognitionTable: no recognition table no-such-table',
      `1.grades.schemes.0.recognitionTable: table ${yangtze.id} reads the grades of 420000, not of 410000`,
    ]);
  });
});
