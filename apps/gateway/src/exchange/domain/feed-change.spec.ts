import { actionOf } from './feed-change';

const entry = {
  id: '0193a0b4-0000-7000-8000-000000000001',
  listType: 'key-watch',
  subject: { kind: 'org', id: '91420100MA4K000000', name: '武汉某运输有限公司' },
  region: '410100',
  status: 'effective',
  origin: 'rule',
  version: 2,
  startsOn: '2026-11-01',
  endsOn: '2027-10-31',
  grounds: '严重违法',
  decision: { outcome: 'confirmed', decidedOn: '2026-10-30', documentNumber: '豫交〔2026〕1号' },
};

describe('a change of a partner feed', () => {
  it('in force: hold the entry, dated as decided', () => {
    expect(actionOf({ id: 'list-entry:x:v2', type: 'list-entry.in-force', entry })).toMatchObject({
      kind: 'hold',
      entry: {
        id: entry.id,
        region: '410100',
        startsOn: '2026-11-01',
        endsOn: '2027-10-31',
        decidedOn: '2026-10-30',
        documentNumber: '豫交〔2026〕1号',
        version: 2,
      },
    });
  });

  it('carries the entry’s version at the source (a newer one updates the entry held, ADR 0087); none is 0, a bad one invalid', () => {
    const { version: _version, ...unversioned } = entry;
    expect(actionOf({ id: 'list-entry:x:v1', type: 'list-entry.in-force', entry: unversioned })).toMatchObject({ kind: 'hold', entry: { version: 0 } });
    expect(actionOf({ id: 'list-entry:x:v0', type: 'list-entry.in-force', entry: { ...entry, version: 0 } })).toMatchObject({ kind: 'invalid' });
  });

  it('withdrawn: withdraw it, with the partner reason', () => {
    const removed = { ...entry, status: 'removed', removal: { reason: 'repair', removedOn: '2026-12-01' } };
    expect(actionOf({ id: 'list-entry:x:v3', type: 'list-entry.withdrawn', entry: removed })).toMatchObject({
      kind: 'withdraw',
      entry: { removalReason: 'repair' },
    });
  });

  it('a type this deployment does not know is skipped, not an error', () => {
    expect(actionOf({ id: 'grade:y:v1', type: 'grade.published', entry: {} })).toEqual({ kind: 'skip', changeId: 'grade:y:v1', type: 'grade.published' });
  });

  it('a known type without what applying needs is invalid, with the field', () => {
    const action = actionOf({ id: 'list-entry:x:v2', type: 'list-entry.in-force', entry: { ...entry, decision: undefined } });
    expect(action).toMatchObject({ kind: 'invalid' });
    expect(action.kind === 'invalid' && action.reason).toContain('entry.decision');
  });
});
