import { randomUUID } from 'node:crypto';
import { addMonths, chinaDateOf } from '@domain/calendar';
import { creditRecordBody, makeUscc } from '../support/factories';
import { gatewayApi } from '../support/gateway-api';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';

type Body = Record<string, unknown> & {
  code?: string;
  id?: string;
  status?: string;
  items?: Record<string, unknown>[];
  errors?: { field: string; message: string }[];
};

/*
 * 谁认定、谁修复 across provinces, our side (issue 19 item 5, ADR 0084): a Hubei-registered company
 * fined by Zhengzhou (our record, region 410100) applies for repair in Hubei; Hubei's platform, as
 * the partner client `hubei-partner` (420000), forwards the application to us. It is queued for
 * Zhengzhou's unit like a local application, Zhengzhou decides, and Hubei reads the decision back.
 * The shipped Hubei agreement exchanges records about Hubei-registered subjects only
 * (docs/exchange.md "Recognition agreements": records.subjects partner-registered): an application
 * about a Henan company is outside it. A general penalty may be repaired once 3 months from its
 * decision date are over (DOMAIN.md §5): four months ago.
 */
describe('exchange: a partner forwards a repair application about our record and reads our decision', () => {
  let platform: RunningPlatform;
  let zhengzhou: string;
  let hubei: string;
  const fourMonthsAgo = addMonths(chinaDateOf(new Date()), -4);
  const COMMITMENT = '本单位已纠正超限运输违法行为、缴清罚款，承诺今后依法诚信经营（信用承诺书）';

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'repair']);
    zhengzhou = await platform.token('zhengzhou');
    hubei = await platform.token('hubei-partner');
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  const api = gatewayApi<Body>(
    () => platform,
    () => zhengzhou,
  );
  const penaltyOf = async (uscc: string) => {
    const body = creditRecordBody({ subject: { kind: 'org', id: uscc, name: '武汉修复测试运输有限公司' }, severity: 'general', decisionDate: fourMonthsAgo });
    body.payload = { ...body.payload, violationType: '超限运输' };
    const created = await api('/api/v1/credit-records', { method: 'POST', body });
    expect(created.status).toBe(201);
    return { recordId: created.body.id as string, uscc };
  };
  const forward = (target: string, uscc: string, reference: string) =>
    api('/exchange/v1/repair-applications', {
      method: 'POST',
      token: hubei,
      body: {
        target,
        subject: { kind: 'org', id: uscc, name: '武汉修复测试运输有限公司' },
        commitment: COMMITMENT,
        evidence: ['鄂交整改报告 12 号'],
        reference,
      },
    });

  it('queued for Zhengzhou with Hubei as origin, replayed on the same reference, decided here and read back by Hubei', async () => {
    const { recordId, uscc } = await penaltyOf(makeUscc('420100'));
    const reference = `HB-RA-${randomUUID()}`;
    // Repair holds the record once collection's event arrived.
    const filed = await eventually(
      () => forward(recordId, uscc, reference),
      (r) => r.status !== 404,
      30_000,
    );
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ status: 'pending', decidingRegion: '410100', origin: { partnerRegion: '420000', reference } });
    const applicationId = filed.body.id as string;
    expect(filed.headers.get('location')).toBe(`/exchange/v1/repair-applications/${applicationId}`);

    const replayed = await forward(recordId, uscc, reference);
    expect({ status: replayed.status, id: replayed.body.id, header: replayed.headers.get('idempotent-replayed') }).toEqual({
      status: 200,
      id: applicationId,
      header: 'true',
    });

    const queue = await api('/api/v1/repair-applications?status=pending');
    expect(queue.body.items?.map((a) => a.id)).toContain(applicationId);
    const decided = await api(`/api/v1/repair-applications/${applicationId}/decision`, {
      method: 'POST',
      body: { outcome: 'approved', reason: '已纠正并缴清罚款，作出信用承诺，同意修复' },
    });
    expect(decided.status).toBe(200);

    const read = await api(`/exchange/v1/repair-applications/${applicationId}`, { token: hubei });
    expect(read).toMatchObject({ status: 200, body: { status: 'approved', decision: { outcome: 'approved', decidedBy: 'zhengzhou' } } });
    // The approval took the local path: the record's repaired version.
    await eventually(
      () => api(`/api/v1/credit-records/${recordId}`),
      (r) => r.body.status === 'repaired',
      30_000,
    );
  });

  it('refuses with a code: a subject outside the agreement, a record not ours, another reference for the same record, another client reading', async () => {
    const henanCompany = await penaltyOf(makeUscc('410100'));
    const outside = await forward(henanCompany.recordId, henanCompany.uscc, `HB-RA-${randomUUID()}`);
    expect({ status: outside.status, code: outside.body.code, field: outside.body.errors?.[0]?.field }).toEqual({
      status: 422,
      code: 'EXCHANGE.OUTSIDE_AGREEMENT',
      field: 'subject.id',
    });

    const unknown = await forward(randomUUID(), makeUscc('420100'), `HB-RA-${randomUUID()}`);
    expect({ status: unknown.status, code: unknown.body.code }).toEqual({ status: 404, code: 'REPAIR.RECORD_NOT_FOUND' });

    const { recordId, uscc } = await penaltyOf(makeUscc('420100'));
    const first = await eventually(
      () => forward(recordId, uscc, `HB-RA-${randomUUID()}`),
      (r) => r.status !== 404,
      30_000,
    );
    expect(first.status).toBe(201);
    const second = await forward(recordId, uscc, `HB-RA-${randomUUID()}`);
    expect({ status: second.status, code: second.body.code }).toEqual({ status: 409, code: 'REPAIR.ALREADY_APPLIED' });

    const byIntegrator = await api(`/exchange/v1/repair-applications/${first.body.id as string}`);
    expect({ status: byIntegrator.status, code: byIntegrator.body.code }).toEqual({ status: 403, code: 'AUTH.INSUFFICIENT_SCOPE' });
  });

  /*
   * ADR 0088: `targetKind` says what `target` names — one of our records (absent: record, as before)
   * or one of our list entries. Anything else is refused on the field; a record's id named as a list
   * entry is no list entry of ours.
   */
  it('a target kind: list-entry names one of our list entries, an unknown kind is 400 on targetKind', async () => {
    const { recordId, uscc } = await penaltyOf(makeUscc('420100'));
    const about = (targetKind: string) =>
      api('/exchange/v1/repair-applications', {
        method: 'POST',
        token: hubei,
        body: {
          targetKind,
          target: recordId,
          subject: { kind: 'org', id: uscc, name: '武汉修复测试运输有限公司' },
          commitment: COMMITMENT,
          reference: `HB-RA-${randomUUID()}`,
        },
      });
    const unknownKind = await about('grade');
    expect({ status: unknownKind.status, code: unknownKind.body.code, field: unknownKind.body.errors?.[0]?.field }).toEqual({
      status: 400,
      code: 'REQUEST.INVALID',
      field: 'targetKind',
    });
    const notAnEntry = await about('list-entry');
    expect({ status: notAnEntry.status, code: notAnEntry.body.code }).toEqual({ status: 404, code: 'REPAIR.RECORD_NOT_FOUND' });
    // The same record named as a record (once repair holds it) is accepted.
    const asRecord = await eventually(
      () => about('record'),
      (r) => r.status !== 404,
      30_000,
    );
    expect(asRecord.status).toBe(201);
  });
});
