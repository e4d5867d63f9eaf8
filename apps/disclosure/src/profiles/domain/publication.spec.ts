import { publicationWindow, publishedOnProfile } from './publication';

describe('publicationWindow', () => {
  const now = new Date('2026-11-03T02:00:00Z');

  it('keeps a general penalty public for at most one year from its decision', () => {
    const { from, until } = publicationWindow('2026-11-02', 'general', now);
    expect(from).toEqual(now);
    expect(until.toISOString()).toBe('2027-11-02T15:59:59.999Z');
  });

  it('keeps a severe penalty public for at most three years', () => {
    expect(publicationWindow('2026-11-02', 'severe', now).until.toISOString()).toBe('2029-11-02T15:59:59.999Z');
  });

  it('keeps a minor one for at most three months', () => {
    expect(publicationWindow('2026-11-02', 'minor', now).until.toISOString()).toBe('2027-02-02T15:59:59.999Z');
  });

  it('follows the last day the producer gives: a licence under the catalogue period of 36 months, not 3 (issue 16)', () => {
    // Catalogue v1 (collection): licences and commitments are public for at most 36 months from the decision.
    expect(publicationWindow('2026-11-02', 'minor', now, '2029-11-02').until.toISOString()).toBe('2029-11-02T15:59:59.999Z');
    // An event from before the field: the national period of its severity.
    expect(publicationWindow('2026-11-02', 'general', now, undefined).until.toISOString()).toBe('2027-11-02T15:59:59.999Z');
  });
});

describe('publishedOnProfile', () => {
  const penalty = { isPublic: true, recordType: 'administrative-penalty', subject: { kind: 'org' } };

  it('publishes public penalties and licences about enterprises', () => {
    expect(publishedOnProfile(penalty)).toBe(true);
    expect(publishedOnProfile({ ...penalty, recordType: 'administrative-licence' })).toBe(true);
  });

  it('keeps individuals, vehicles, non-public records and unpublished types off the profile', () => {
    expect(publishedOnProfile({ ...penalty, subject: { kind: 'person' } })).toBe(false);
    expect(publishedOnProfile({ ...penalty, subject: { kind: 'vehicle' } })).toBe(false);
    expect(publishedOnProfile({ ...penalty, isPublic: false })).toBe(false);
    expect(publishedOnProfile({ ...penalty, recordType: 'commendation' })).toBe(false);
  });

  it("publishes enterprises' credit commitments and broken commitments (DOMAIN.md §6)", () => {
    expect(publishedOnProfile({ ...penalty, recordType: 'credit-commitment' })).toBe(true);
    expect(publishedOnProfile({ ...penalty, recordType: 'commitment-broken' })).toBe(true);
    expect(publishedOnProfile({ ...penalty, recordType: 'commitment-fulfilled', isPublic: false })).toBe(false);
  });
});
