import { GRADE_LADDERS } from '@domain/credit';
import { schemeCatalogue } from '../../configuration/domain/config-problem';
import type { CycleGrade } from '../../entry-rules/domain/grade-rule';
import { decideScene } from './decision';
import { catalogueInForce, checkMeasureCatalogue, parseMeasureCatalogue } from './measure-config';
import { gradesInEffect, type RecognisedGrade } from './recognised-grades';
import { SHIPPED_MAPPINGS, SHIPPED_MEASURES } from './shipped-measures';

/**
 * ADR 0090 (seed 004, DOMAIN.md §4 "Cross-region"): a partner's grade recognised on our ladder counts
 * where our own grade under the equivalent scheme would; our own grade under that scheme wins; the
 * decision says the grade is the partner's.
 */
const YANGTZE = 'yangtze-shipping-four-colour';
const henan = (grade: string, evaluatedAt = '2026-12-01T08:00:00.000Z', label = grade): RecognisedGrade => ({
  schemeId: YANGTZE,
  grade,
  tableId: 'henan-codes-to-yangtze-four-colour',
  partner: {
    partnerRegion: '410000',
    partnerName: '河南省交通运输厅',
    schemeId: 'henan-passenger-hazardous-codes',
    schemeName: '河南省“两客一危”经营者安全生产信用“红黄绿”码',
    grade,
    gradeLabel: label,
    cycle: '2026-Q4',
    evaluatedAt,
  },
});
const ours = (grade: string, schemeId = YANGTZE): CycleGrade => ({ schemeId, cycle: '2026-Q3', grade, pointsDeducted: 0 });

describe('gradesInEffect (the precedence of our grades over recognised partner grades)', () => {
  it('uses a recognised partner grade for a scheme we have not graded the subject under, saying whose it is', () => {
    const [g] = gradesInEffect([], [henan('green', undefined, '绿码')]);
    expect(g).toMatchObject({ schemeId: YANGTZE, grade: 'green', cycle: '2026-Q4', recognisedFrom: { partnerName: '河南省交通运输厅', gradeLabel: '绿码' } });
    expect(g.recognisedFrom!.explanation).toContain('河南省交通运输厅评定');
    expect(g.recognisedFrom!.explanation).toContain('按互认表 henan-codes-to-yangtze-four-colour 对应为');
  });

  it('keeps our own grade under the scheme and drops the partner’s; a partner grade on another scheme still counts', () => {
    const other = { ...henan('A'), schemeId: 'suzhou-road-transport' };
    expect(gradesInEffect([ours('red')], [henan('green'), other])).toEqual([
      { schemeId: YANGTZE, cycle: '2026-Q3', grade: 'red' },
      expect.objectContaining({ schemeId: 'suzhou-road-transport', grade: 'A', recognisedFrom: expect.anything() }),
    ]);
  });

  it('takes the newest partner evaluation when two partners’ grades read onto the same scheme, whatever the read order', () => {
    const older = henan('red', '2026-10-01T00:00:00.000Z');
    const newer = {
      ...henan('green', '2026-12-01T00:00:00.000Z'),
      partner: { ...henan('green').partner, partnerRegion: '340000', partnerName: '安徽省交通运输厅' },
    };
    expect(gradesInEffect([], [older, newer]).map((g) => [g.grade, g.recognisedFrom?.partnerRegion])).toEqual([['green', '340000']]);
    expect(gradesInEffect([], [newer, older]).map((g) => [g.grade, g.recognisedFrom?.partnerRegion])).toEqual([['green', '340000']]);
  });
});

describe('decisions on recognised partner grades', () => {
  const published = { schemeId: YANGTZE, version: 1, ladderId: 'four-colour' as const, grades: [...GRADE_LADDERS['four-colour']], sectors: [], regions: [] };
  const catalogue = catalogueInForce(
    checkMeasureCatalogue(parseMeasureCatalogue({ measures: SHIPPED_MEASURES, mappings: SHIPPED_MAPPINGS }), schemeCatalogue([published])),
  );
  const decide = (grades: CycleGrade[], recognisedGrades: RecognisedGrade[]) =>
    decideScene(
      { scene: 'incentive.discount', region: '420100', sectors: [], on: '2026-12-07' },
      { entries: [], records: [], grades, recognisedGrades },
      catalogue.measures,
      catalogue.mappings,
    );

  it('a Henan green code recognised as our four-colour green gets the green ship’s tank-cleaning priority, the reason naming Henan', () => {
    const result = decide([], [henan('green', undefined, '绿码')]);
    expect(result.measures.map((m) => m.mappingId)).toEqual(['yangtze.green.tank-cleaning']);
    expect(result.reasons).toEqual([
      expect.objectContaining({
        kind: 'grade',
        schemeId: YANGTZE,
        grade: 'green',
        recognisedFrom: expect.objectContaining({ partnerRegion: '410000', grade: 'green' }),
      }),
    ]);
  });

  it('our own red grade under the scheme wins over the recognised green one: no green measure', () => {
    const result = decide([ours('red')], [henan('green')]);
    expect(result.measures).toEqual([]);
    expect(result.reasons).toEqual([]);
  });

  it('our own green grade is cited as ours, without a partner source', () => {
    expect(decide([ours('green')], [henan('green')]).reasons).toEqual([
      { kind: 'grade', mappingId: 'yangtze.green.tank-cleaning', schemeId: YANGTZE, cycle: '2026-Q3', grade: 'green' },
    ]);
  });
});
