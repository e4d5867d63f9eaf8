import type { Principal } from '@platform/auth';
import type { PartnerFeed } from '../domain/partner-feed';
import { recordAcceptanceOf, type RecognitionAgreement } from '../domain/recognition-agreement';
import type { Upstreams } from '../../upstreams';
import { PartnerRecordChanges } from './partner-record-changes';
import type { RecognitionAgreements } from './recognition-agreements';

const feed = { region: '410000' } as PartnerFeed;
const sender: Principal = { clientId: 'partner-feed:410000', kind: 'partner', region: '410000', scopes: ['exchange:read', 'exchange:write'] };
const record = {
  id: 'henan-1',
  recordType: 'administrative-penalty',
  subject: { kind: 'org', id: '91420100MA4K000000', name: '武汉某运输有限公司' },
  region: '410100',
  severity: 'general',
  decisionDate: '2026-11-02',
  documentNumber: '郑交执罚〔2026〕1001号',
  summary: '超限运输',
  version: 1,
};

function changesUnder(agreement: Partial<RecognitionAgreement>) {
  const calls: string[] = [];
  const upstreams = {
    creditRecords: {
      holdPartnerRecord: async () => (calls.push('hold'), { id: 'ours-1', outcome: 'held', status: 'active', detail: '' }),
      withdrawPartnerRecord: async () => (calls.push('withdraw'), { id: 'ours-1', outcome: 'withdrawn', status: 'revoked' }),
    },
  } as unknown as Upstreams;
  const all = [{ id: 'henan-demo', partner: { region: '410000', name: '河南' }, lists: [], ...agreement }] as RecognitionAgreement[];
  const agreements = { all, recordAcceptanceOf: (region: string, subject: { kind: string; id: string }) => recordAcceptanceOf(all, region, subject) };
  return { changes: new PartnerRecordChanges(upstreams, agreements as unknown as RecognitionAgreements), calls };
}

describe('a partner feed’s record changes under the agreement (ADR 0086)', () => {
  it('in force under the records term: held in collection', async () => {
    const { changes, calls } = changesUnder({ records: { subjects: 'any' } });
    await expect(changes.apply(sender, feed, { type: 'record.in-force', record })).resolves.toEqual({ counted: 'held' });
    expect(calls).toEqual(['hold']);
  });

  it('outside the records term: nothing stored, dead-lettered not-applied with the agreement’s reason', async () => {
    const { changes, calls } = changesUnder({ records: { subjects: 'partner-registered' } });
    const outcome = await changes.apply(sender, feed, { type: 'record.in-force', record });
    expect(outcome).toMatchObject({ counted: 'dead-lettered', deadLetter: { reasonCode: 'not-applied' } });
    expect(outcome.deadLetter?.reason).toContain('registered in 410000');
    expect(calls).toEqual([]);
  });

  it('withdrawn without a records term: nothing can be held, collection is not asked', async () => {
    const { changes, calls } = changesUnder({});
    await expect(changes.apply(sender, feed, { type: 'record.withdrawn', record: { id: 'henan-1', version: 2 } })).resolves.toEqual({ counted: 'unknown' });
    expect(calls).toEqual([]);
  });

  it('withdrawn under the records term: withdrawn in collection', async () => {
    const { changes, calls } = changesUnder({ records: { subjects: 'any' } });
    await expect(changes.apply(sender, feed, { type: 'record.withdrawn', record: { id: 'henan-1', version: 2 } })).resolves.toEqual({ counted: 'withdrawn' });
    expect(calls).toEqual(['withdraw']);
  });
});
