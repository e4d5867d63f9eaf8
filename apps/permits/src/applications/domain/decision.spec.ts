import { decisionViolations, notDecidable, permitNumber } from './decision';

describe('the accepting authority decides an accepted application', () => {
  const accepted = { status: 'accepted' as const, decided: false, approvals: [{ state: 'origin' as const }] };

  it('issues a single-province application', () => {
    expect(notDecidable(accepted, 'issue')).toBeUndefined();
  });

  it('issues a cross-province one only when every route province has approved (DOMAIN.md §7 parallel permit)', () => {
    expect(notDecidable({ ...accepted, approvals: [{ state: 'origin' }, { state: 'pending' }] }, 'issue')).toBe('approvals-pending');
    expect(notDecidable({ ...accepted, approvals: [{ state: 'origin' }, { state: 'approved' }] }, 'issue')).toBeUndefined();
    expect(notDecidable({ ...accepted, approvals: [{ state: 'origin' }, { state: 'pending' }] }, 'refuse')).toBeUndefined();
  });

  it('decides once, and only accepted applications', () => {
    expect(notDecidable({ ...accepted, decided: true }, 'issue')).toBe('already-decided');
    expect(notDecidable({ ...accepted, status: 'deficient' }, 'issue')).toBe('not-accepted');
  });

  it('a refusal says why; the outcome is issue or refuse', () => {
    expect(decisionViolations('refuse', ' ')).toEqual([{ field: 'reason', reason: 'a refusal says why' }]);
    expect(decisionViolations('maybe', undefined)).toEqual([{ field: 'outcome', reason: 'issue or refuse' }]);
    expect(decisionViolations('issue', undefined)).toEqual([]);
  });

  it('numbers permits by origin province, year and serial', () => {
    expect(permitNumber('410000', '2026', 42)).toBe('410000-2026-000042');
  });
});
