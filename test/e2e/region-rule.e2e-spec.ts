import { ProtoPackages } from '@contracts';
import { usccCheckCharacter } from '@domain/identifiers';
import { chinaMonth, daysAgo } from '@platform/testing';
import { callUnary } from '../support/grpc-probes';
import { creditRecordBody, makeUscc } from '../support/factories';
import { gatewayApi } from '../support/gateway-api';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';

type Json = Record<string, unknown> & { code?: string; errors?: { field: string; code?: string }[] };
type Entry = { id: string; region: string; basis: { recordId: string }[] };

/**
 * Issue 16, item 4: "a Zhengzhou client reads a Xinxiang subject's list entries, with record ids,
 * but gets 404 for the same subject's evaluations — one region rule for every read, in one place".
 * The rule (ADR 0041): a client reads what lies in its region subtree (GB/T 2260: Zhengzhou
 * 410100 ⊉ Xinxiang 410700, DOMAIN.md §0); a subject with nothing in that subtree reads exactly
 * as a subject that does not exist, on every endpoint; a region named in the request outside the
 * subtree is 403 AUTH.REGION_FORBIDDEN. Written before the fix: the list-entries and
 * evaluation reads of the Xinxiang subject below failed (200 with the entry and its record id;
 * 404 EVALUATION.SUBJECT_NOT_FOUND), and the decision with a malformed USCC answered 404.
 */
describe('one region rule for every read (Zhengzhou client, Xinxiang subject)', () => {
  let platform: RunningPlatform;
  let henan: string;
  let regulator: string;
  let zhengzhou: string;

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'evaluation', 'joint-measures']);
    [henan, regulator, zhengzhou] = await Promise.all([platform.token('henan'), platform.token('regulator'), platform.token('zhengzhou-reader')]);
  }, 150_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  const api = gatewayApi<Json>(
    () => platform,
    () => zhengzhou,
  );

  /** The Xinxiang transport bureau as penalty authority (a valid USCC of region 410700). */
  const XINXIANG_AUTHORITY_USCC = (() => {
    const first17 = '11410700005253011';
    return first17 + usccCheckCharacter(first17);
  })();

  function penalty(subjectId: string, region: '410700' | '410100') {
    const body = creditRecordBody();
    const xinxiang = region === '410700';
    return {
      ...body,
      subject: { kind: 'org', id: subjectId, name: xinxiang ? '新乡某运输有限公司' : '郑州某运输有限公司' },
      region,
      decisionDate: daysAgo(3),
      payload: xinxiang ? { ...body.payload, authority: '新乡市交通运输局', authorityUscc: XINXIANG_AUTHORITY_USCC } : body.payload,
    };
  }

  async function submit(body: unknown): Promise<string> {
    const created = await api('/api/v1/credit-records', { method: 'POST', body, token: henan });
    expect(created.status).toBe(201);
    return created.body.id as string;
  }

  /** Proposed once joint measures has taken in the record (it refuses an entry about a subject it does not know yet). */
  async function propose(subjectId: string, recordId: string): Promise<Entry> {
    const proposed = await eventually(
      () =>
        api('/api/v1/lists/key-watch/entries', {
          method: 'POST',
          body: { subjectId, basisRecordIds: [recordId], grounds: '一年内多次违法违规经营' },
          token: henan,
        }),
      (r) => r.status !== 404 && !(r.status === 400 && JSON.stringify(r.body).includes('basisRecordIds')),
    );
    expect(proposed.status).toBe(201);
    return proposed.body as unknown as Entry;
  }

  /** Status and code of every subject-keyed read, the way the caller sees them. */
  async function subjectReads(subjectId: string, token: string, recordId: string) {
    const id = encodeURIComponent(subjectId);
    const [entries, evaluations, records, record] = await Promise.all([
      api(`/api/v1/subjects/${id}/list-entries`, { token }),
      api(`/api/v1/subjects/${id}/evaluations`, { token }),
      api(`/api/v1/credit-records?subjectId=${id}`, { token }),
      api(`/api/v1/credit-records/${recordId}`, { token }),
    ]);
    return {
      entries: { status: entries.status, code: entries.body.code },
      evaluations: { status: evaluations.status, code: evaluations.body.code },
      records: { status: records.status, count: (records.body.records as unknown[] | undefined)?.length },
      record: { status: record.status, code: record.body.code },
    };
  }

  it('answers a Xinxiang subject to a Zhengzhou client exactly as a subject that does not exist, on every subject read', async () => {
    const xinxiangCarrier = makeUscc('410700');
    const recordId = await submit(penalty(xinxiangCarrier, '410700'));
    const entry = await propose(xinxiangCarrier, recordId);
    expect(entry.region).toBe('410700');

    // The Henan regulator (410000 ⊇ 410700) sees the subject everywhere, once evaluation has projected the record.
    const seenByHenan = await eventually(
      () => subjectReads(xinxiangCarrier, regulator, recordId),
      (r) => r.evaluations.status === 200,
    );
    expect(seenByHenan).toEqual({
      entries: { status: 200, code: undefined },
      evaluations: { status: 200, code: undefined },
      records: { status: 200, count: 1 },
      record: { status: 200, code: undefined },
    });

    // Zhengzhou (410100 ⊉ 410700): the same answers as for a USCC nobody has ever reported.
    const nobody = makeUscc('410100');
    const absent = await subjectReads(nobody, zhengzhou, '0190d6a4-0000-7000-8000-000000000000');
    expect(absent).toEqual({
      entries: { status: 404, code: 'SUBJECT.NOT_FOUND' },
      evaluations: { status: 404, code: 'SUBJECT.NOT_FOUND' },
      records: { status: 200, count: 0 },
      record: { status: 404, code: 'RECORD.NOT_FOUND' },
    });
    expect(await subjectReads(xinxiangCarrier, zhengzhou, recordId)).toEqual(absent);
  }, 60_000);

  it("shows a Zhengzhou subject's Zhengzhou entries to Zhengzhou, but not its Xinxiang entry nor that entry's record ids", async () => {
    const carrier = makeUscc('410100');
    const inZhengzhou = await submit(penalty(carrier, '410100'));
    const inXinxiang = await submit(penalty(carrier, '410700'));
    const zhengzhouEntry = await propose(carrier, inZhengzhou);
    const xinxiangEntry = await propose(carrier, inXinxiang);

    const byHenan = await api(`/api/v1/subjects/${carrier}/list-entries`, { token: henan });
    expect((byHenan.body.entries as Entry[]).map((e) => e.id).sort()).toEqual([zhengzhouEntry.id, xinxiangEntry.id].sort());

    const byZhengzhou = await api(`/api/v1/subjects/${carrier}/list-entries`);
    expect(byZhengzhou.status).toBe(200);
    const seen = byZhengzhou.body.entries as Entry[];
    expect(seen.map((e) => ({ id: e.id, region: e.region }))).toEqual([{ id: zhengzhouEntry.id, region: '410100' }]);
    expect(JSON.stringify(byZhengzhou.body)).not.toContain(inXinxiang);

    // The subject's records: Zhengzhou sees its own, not Xinxiang's.
    const records = await api(`/api/v1/credit-records?subjectId=${carrier}`);
    expect((records.body.records as { id: string }[]).map((r) => r.id)).toEqual([inZhengzhou]);
  }, 60_000);

  it('shows an entry a partner province filed here, with no record behind it, to its own region only', async () => {
    // Suzhou (320500) files a key-watch entry over the exchange API (seed 004: Suzhou, Wuxi,
    // Changzhou and Nantong share key-watch lists); a Suzhou reader, registered by ops, sees it.
    const subject = { kind: 'org', id: makeUscc('320500'), name: '苏州某运输有限公司' };
    const imported = await api('/exchange/v1/list-entries', {
      method: 'POST',
      token: await platform.token('suzhou-partner'),
      body: {
        listType: 'key-watch',
        subject,
        provenance: {
          partnerRegion: '320500',
          partnerName: '苏州市交通运输局',
          sourceReference: `苏交信〔2026〕${Date.now() % 100000}号`,
          decidedOn: daysAgo(20),
        },
        startsOn: daysAgo(19),
        grounds: '苏州市重点关注名单',
      },
    });
    expect(imported.status).toBe(201);
    const registered = await api('/api/v1/admin/clients', {
      method: 'POST',
      token: regulator,
      body: { clientId: `suzhou-reader-${Date.now().toString(36)}`, name: '苏州市（只读）', kind: 'integrator', region: '320500', scopes: ['records:read'] },
    });
    expect(registered.status).toBe(201);
    const suzhouToken = await fetch(`${platform.gatewayUrl}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: registered.body.clientId as string,
        client_secret: registered.body.clientSecret as string,
      }),
    }).then(async (r) => ((await r.json()) as { access_token: string }).access_token);

    const bySuzhou = await api(`/api/v1/subjects/${subject.id}/list-entries`, { token: suzhouToken });
    expect({ status: bySuzhou.status, ids: (bySuzhou.body.entries as Entry[] | undefined)?.map((e) => e.id) }).toEqual({
      status: 200,
      ids: [imported.body.id],
    });
    const byZhengzhou = await api(`/api/v1/subjects/${subject.id}/list-entries`);
    expect({ status: byZhengzhou.status, code: byZhengzhou.body.code }).toEqual({ status: 404, code: 'SUBJECT.NOT_FOUND' });
  });

  it('refuses a region named in the request outside the caller’s subtree with 403, on every region-parameter read', async () => {
    const refusals = await Promise.all([
      api(`/api/v1/reports/measures-applied?region=410700&month=${chinaMonth()}`),
      api('/api/v1/licences/expiring?region=410700'),
      api(`/api/v1/reports/collection-quality?region=410700&month=${chinaMonth()}`),
      api('/api/v1/inspections/draws', { method: 'POST', body: { pool: { region: '410700', sector: 'driving-school' } } }),
      api('/api/v1/measures/decisions', { method: 'POST', body: { subjectId: makeUscc('410100'), scene: 'permit.application', region: '410700' } }),
    ]);
    expect(refusals.map((r) => ({ status: r.status, code: r.body.code }))).toEqual(Array(5).fill({ status: 403, code: 'AUTH.REGION_FORBIDDEN' }));
  });

  it('answers a decision request with a malformed USCC with 400 naming subjectId, on REST and on the gRPC face', async () => {
    // GB 32100 (DOMAIN.md §1): a valid USCC with its check character changed is not a USCC.
    const valid = makeUscc('410100');
    const wrongCheck = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    const rest = await api('/api/v1/measures/decisions', { method: 'POST', body: { subjectId: wrongCheck, scene: 'permit.application' } });
    expect({ status: rest.status, code: rest.body.code, errors: rest.body.errors }).toEqual({
      status: 400,
      code: 'DECISION.INVALID_SUBJECT',
      errors: [{ field: 'subjectId', code: 'USCC_CHECK_CHARACTER', message: expect.any(String) }],
    });
    const tooShort = await api('/api/v1/measures/decisions', { method: 'POST', body: { subjectId: '91410100MA3X', scene: 'permit.application' } });
    expect({ status: tooShort.status, code: tooShort.body.code, fields: tooShort.body.errors?.map((e) => `${e.field}:${e.code}`) }).toEqual({
      status: 400,
      code: 'DECISION.INVALID_SUBJECT',
      fields: ['subjectId:USCC_LENGTH'],
    });
    // A well-formed identifier nobody has reported is still the 404 it was.
    const unknown = await api('/api/v1/measures/decisions', { method: 'POST', body: { subjectId: valid, scene: 'permit.application' } });
    expect({ status: unknown.status, code: unknown.body.code }).toEqual({ status: 404, code: 'DECISION.UNKNOWN_SUBJECT' });

    const overGrpc = (await callUnary(
      `127.0.0.1:${platform.ports.gateway.grpc}`,
      ProtoPackages.gateway.protoPath,
      'gateway.v1.MeasuresGatewayService',
      'decide',
      { subjectId: wrongCheck, scene: 'permit.application' },
      { authorization: `Bearer ${zhengzhou}` },
    ).catch((e: unknown) => e)) as { code: number; metadata: { get(k: string): unknown[] } };
    expect(overGrpc.code).toBe(3); // INVALID_ARGUMENT
    expect(overGrpc.metadata.get('x-error-code')).toEqual(['DECISION.INVALID_SUBJECT']);
    expect(String(overGrpc.metadata.get('x-error-violations')[0])).toContain('subjectId');
  });
});
