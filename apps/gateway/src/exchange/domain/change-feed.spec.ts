import { assertNotAhead, cursorOf, positionOf, shareableChange, type FeedListEntry } from './change-feed';

const hubeiCarrier = { kind: 'org', id: '914201001234567890', name: '武汉某运输公司' };
const entry = (changes: Partial<FeedListEntry> = {}): FeedListEntry => ({
  id: '00000000-0000-4000-8000-000000000001',
  listType: 'key-watch',
  subject: hubeiCarrier,
  region: '410100',
  status: 'effective',
  origin: 'manual',
  version: 2,
  startsOn: '2026-11-01',
  endsOn: '2027-10-31',
  grounds: 'g',
  decision: { outcome: 'confirmed', decidedOn: '2026-11-01', documentNumber: 'd' },
  ...changes,
});

describe('the exchange change feed (issue 20 item 2, ADR 0068)', () => {
  it('reads back the cursors it hands out, and starts from the beginning without one', () => {
    expect(positionOf(cursorOf('42'))).toBe('42');
    expect(positionOf(undefined)).toBe('0');
  });

  it('refuses a garbage cursor (400 EXCHANGE.CURSOR_INVALID, field since)', () => {
    for (const garbage of ['abc', 'c1.', 'c1.-1', 'c2.5', 'c1.1e3', `c1.${'9'.repeat(19)}`])
      expect(() => positionOf(garbage)).toThrow(expect.objectContaining({ code: 'EXCHANGE.CURSOR_INVALID', kind: 'validation' }));
  });

  it('refuses a cursor from the future (400 EXCHANGE.CURSOR_AHEAD), not one at the head', () => {
    expect(() => assertNotAhead('11', '10')).toThrow(expect.objectContaining({ code: 'EXCHANGE.CURSOR_AHEAD' }));
    expect(() => assertNotAhead('10', '10')).not.toThrow();
  });

  it('shares our decided entries about the partner’s subjects, with a stable id per version, and their withdrawal', () => {
    expect(shareableChange('420000', '7', entry())).toMatchObject({ id: 'list-entry:00000000-0000-4000-8000-000000000001:v2', type: 'list-entry.in-force' });
    const withdrawn = shareableChange('420000', '9', entry({ status: 'removed', version: 3, removal: { reason: 'repair', removedOn: '2026-12-01' } }));
    expect(withdrawn).toMatchObject({ id: 'list-entry:00000000-0000-4000-8000-000000000001:v3', type: 'list-entry.withdrawn' });
  });

  it('shares nothing else: other regions’ subjects, what partners sent us, proposals, dropped or not-applied entries', () => {
    expect(shareableChange('420000', '1', entry({ subject: { ...hubeiCarrier, id: '914101001234567890' } }))).toBeNull();
    expect(shareableChange('420000', '1', entry({ origin: 'partner-import' }))).toBeNull();
    expect(shareableChange('420000', '1', entry({ status: 'proposed', decision: undefined }))).toBeNull();
    expect(shareableChange('420000', '1', entry({ status: 'removed', decision: undefined }))).toBeNull();
    expect(shareableChange('420000', '1', entry({ status: 'not-applied' }))).toBeNull();
  });
});
