import { chinaMonth, chinaToday, daysAgo, daysAhead, makeCitizenId, makeUscc } from './test-data';
import { isValidCitizenId, usccCheckCharacter } from '@domain/identifiers';

describe('test data helpers', () => {
  // 16:30 UTC on 31 Dec is already 00:30 on 1 Jan in China (UTC+8, no DST).
  const lateEvening = new Date('2026-12-31T16:30:00Z');

  it('compute dates on the China calendar, not UTC', () => {
    expect(chinaToday(lateEvening)).toBe('2027-01-01');
    expect(daysAgo(1, lateEvening)).toBe('2026-12-31');
    expect(daysAhead(31, lateEvening)).toBe('2027-02-01');
    expect(chinaMonth(-1, lateEvening)).toBe('2026-12');
  });

  it('makes distinct USCCs whose 18th character is the GB 32100-2015 check character', () => {
    const a = makeUscc('420100');
    expect(a).toMatch(/^91420100[0-9A-Z]{10}$/);
    expect(a[17]).toBe(usccCheckCharacter(a.slice(0, 17)));
    expect(makeUscc()).not.toBe(makeUscc());
  });

  it('makes valid citizen IDs (GB 11643) of the region, a few hundred without a repeat', () => {
    const ids = Array.from({ length: 300 }, () => makeCitizenId('410102'));
    for (const id of ids) expect({ id, valid: isValidCitizenId(id, '2026-12-06') }).toEqual({ id, valid: true });
    expect(ids.every((id) => id.startsWith('410102'))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
