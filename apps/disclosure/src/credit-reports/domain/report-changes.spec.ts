import type { SubjectProfile } from '../../profiles/application/get-subject-profile.query';
import { reportChanges, reportedPublicationIds } from './report-changes';

const ID = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

describe('whether a credit report is still current (issue 21: a withdrawn report)', () => {
  it('collects the public ids of every fact the report showed: records of each kind and list entries, once each', () => {
    const profile = {
      penalties: [{ publicationId: ID(1) }, { publicationId: ID(1) }],
      licences: [{ publicationId: ID(2) }],
      commitments: [{ publicationId: ID(3) }],
      lists: [{ publicationId: ID(4) }, { publicationId: 'not-a-uuid' }],
    } as unknown as SubjectProfile;
    expect(reportedPublicationIds(profile)).toEqual([ID(1), ID(2), ID(3), ID(4)]);
  });

  it('reads a report stored before commitments or lists existed', () => {
    expect(reportedPublicationIds({ penalties: [{ publicationId: ID(1) }], licences: [] } as unknown as SubjectProfile)).toEqual([ID(1)]);
  });

  it('says what changed, oldest first: a repair withdrawal and a delisting; a later report issue is not a change', () => {
    const changes = reportChanges([
      { seq: '12', content: { event: 'delisted', publicationId: ID(4), listType: 'key-watch', reason: 'repair', effectiveAt: '2026-12-02T00:00:00.000Z' } },
      {
        seq: '9',
        content: { event: 'withdrawn', publicationId: ID(1), documentNumber: '郑交执罚〔2026〕1号', reason: 'repair', effectiveAt: '2026-12-01T00:00:00.000Z' },
      },
      { seq: '15', content: { event: 'report-issued', publicationId: ID(1), effectiveAt: '2026-12-03T00:00:00.000Z' } },
    ]);
    expect(changes).toEqual([
      { logSeq: '9', event: 'withdrawn', publicationId: ID(1), item: '郑交执罚〔2026〕1号', reason: 'repair', effectiveAt: '2026-12-01T00:00:00.000Z' },
      { logSeq: '12', event: 'delisted', publicationId: ID(4), item: 'key-watch', reason: 'repair', effectiveAt: '2026-12-02T00:00:00.000Z' },
    ]);
  });

  it('is current when the log recorded nothing about its facts since', () => {
    expect(reportChanges([])).toEqual([]);
  });
});
