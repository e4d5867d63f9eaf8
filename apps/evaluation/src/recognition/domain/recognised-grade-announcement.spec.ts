import type { Recognition } from '../../engine/domain/recognition';
import { announcementOf, type AnnouncedPartnerGrade } from './recognised-grade-announcement';

/** ADR 0090: what a write of a partner grade announces to joint measures. */
describe('announcementOf', () => {
  const now = new Date('2026-12-07T01:00:00.000Z');
  const grade = (overrides: Partial<AnnouncedPartnerGrade> = {}): AnnouncedPartnerGrade => ({
    partnerRegion: '410000',
    partnerName: '河南省交通运输厅',
    schemeId: 'henan-passenger-hazardous-codes',
    schemeName: '河南省“两客一危”码',
    subjectId: '91420100MA00000001',
    subjectName: '武汉某客运有限公司',
    grade: 'green',
    gradeLabel: '绿码',
    cycle: '2026-Q4',
    evaluatedAt: '2026-12-01T08:00:00+00:00',
    version: 2,
    changeId: 'grade:91420100MA00000001:henan-passenger-hazardous-codes:v2',
    agreement: 'henan-demo',
    status: 'applied',
    recognitionTableId: 'henan-codes-to-yangtze-four-colour',
    ...overrides,
  });
  const green: Recognition = {
    tableId: 'henan-codes-to-yangtze-four-colour',
    partnerRegion: '410000',
    partnerGrade: 'green',
    ourSchemeId: 'yangtze-shipping-four-colour',
    ourGrade: 'green',
    basis: [],
  };
  const recognisedBefore = { status: 'applied' as const, recognitionTableId: 'henan-codes-to-yangtze-four-colour' };

  it('announces an applied grade with an equivalent as recognised: our scheme and grade, the partner’s provenance', () => {
    expect(announcementOf(grade(), green, undefined, now)).toEqual({
      kind: 'recognised',
      data: {
        subject: { kind: 'org', id: '91420100MA00000001', name: '武汉某客运有限公司' },
        equivalent: { tableId: 'henan-codes-to-yangtze-four-colour', schemeId: 'yangtze-shipping-four-colour', grade: 'green' },
        provenance: expect.objectContaining({ partnerRegion: '410000', grade: 'green', version: 2, evaluatedAt: '2026-12-01T08:00:00.000Z' }),
        recognisedAt: '2026-12-07T01:00:00.000Z',
      },
    });
  });

  it('announces nothing of an inform grade or one without an equivalent never recognised before', () => {
    expect(announcementOf(grade({ status: 'not-applied' }), green, undefined, now)).toEqual({ kind: 'none' });
    expect(announcementOf(grade({ recognitionTableId: null }), undefined, { status: 'not-applied', recognitionTableId: null }, now)).toEqual({ kind: 'none' });
    expect(announcementOf(grade({ status: 'withdrawn' }), green, { status: 'not-applied', recognitionTableId: 'x' }, now)).toEqual({ kind: 'none' });
  });

  it('announces a grade recognised before as no longer recognised, with why', () => {
    const reasonOf = (g: AnnouncedPartnerGrade, equivalent: Recognition | undefined) => {
      const a = announcementOf(g, equivalent, recognisedBefore, now);
      return a.kind === 'unrecognised' ? a.data.reason : a.kind;
    };
    expect(reasonOf(grade({ status: 'withdrawn' }), green)).toBe('withdrawn');
    expect(reasonOf(grade({ status: 'not-applied' }), green)).toBe('not-applied');
    expect(reasonOf(grade({ recognitionTableId: null }), undefined)).toBe('no-equivalent');
  });
});
