import { createPublicKey, randomBytes, type JsonWebKey } from 'node:crypto';
import { decode, verify, type JwtPayload } from 'jsonwebtoken';
import { ProtoPackages } from '@contracts';
import { daysAgo } from '@platform/testing';
import { creditRecordBody, makeUscc } from '../support/factories';
import { gatewayApi } from '../support/gateway-api';
import { callUnary } from '../support/grpc-probes';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';
import { registerSubjects } from '../support/registry';

interface FeedRecord {
  id: string;
  recordType: string;
  subject: { kind: string; id: string; name: string };
  region: string;
  documentNumber: string;
  decisionDate: string;
  severity: string;
  summary: string;
  publishedUntil: string;
  version: number;
  removal?: { reason: string };
}
interface FeedGrade {
  subject: { kind: string; id: string; name: string };
  schemeId: string;
  schemeName: string;
  grade: string;
  gradeLabel: string;
  cycle: string;
  evaluatedAt: string;
  version: number;
  removal?: { reason: string; removedAt: string };
}
type Change =
  | { id: string; position: string; type: 'list-entry.in-force' | 'list-entry.withdrawn'; entry: { id: string; origin: string } }
  | { id: string; position: string; type: 'record.in-force' | 'record.withdrawn'; record: FeedRecord }
  | { id: string; position: string; type: 'grade.in-force' | 'grade.withdrawn'; grade: FeedGrade };
interface Page extends JwtPayload {
  since: string;
  next: string;
  head: string;
  changes: Change[];
}

/**
 * Issue 20 item 2: "GET /exchange/v1/changes?since= — cursor-based, ordered, resumable, each page
 * signed (JWS, the keys published in a JWKS the partner configures)"; bad input: "a cursor from the
 * future" is refused with a code. The receiver's side is checked as a partner would: the page's
 * signature against /.well-known/jwks.json, its audience being the partner.
 */
describe('the signed change feed (issue 20)', () => {
  let platform: RunningPlatform;
  let hubei: string;
  let zhengzhou: string;

  beforeAll(async () => {
    // Evaluation too: the feed carries the grades disclosure shows (ADR 0085).
    platform = await startPlatform(['gateway', 'collection', 'joint-measures', 'disclosure', 'evaluation']);
    [hubei, zhengzhou] = await Promise.all(['hubei-partner', 'zhengzhou'].map((c) => platform.token(c)));
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  const changes = (since?: string) =>
    fetch(`${platform.gatewayUrl}/exchange/v1/changes${since === undefined ? '' : `?since=${encodeURIComponent(since)}`}`, {
      headers: { authorization: `Bearer ${hubei}` },
    });
  async function verifiedPage(since?: string): Promise<Page> {
    const response = await changes(since);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/jose/);
    const jws = await response.text();
    const { keys } = (await (await fetch(`${platform.gatewayUrl}/.well-known/jwks.json`)).json()) as { keys: (JsonWebKey & { kid: string })[] };
    const kid = (decode(jws, { complete: true })?.header.kid ?? '') as string;
    const jwk = keys.find((k) => k.kid === kid);
    expect(jwk).toBeDefined();
    return verify(jws, createPublicKey({ key: jwk!, format: 'jwk' }), { algorithms: ['ES256'], audience: 'exchange:420000' }) as Page;
  }

  it('pages are signed with a published key for this partner, resumable from `next`, and never echo what the partner sent', async () => {
    const first = await verifiedPage();
    expect(first).toMatchObject({ since: 'c3.0.0.0', jti: expect.any(String), exp: expect.any(Number) });
    // Hubei sends an entry; it must not come back to Hubei as ours.
    const subject = { kind: 'org', id: makeUscc('420100'), name: '武汉某运输有限公司' };
    const sent = await fetch(`${platform.gatewayUrl}/exchange/v1/list-entries`, {
      method: 'POST',
      headers: { authorization: `Bearer ${hubei}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        listType: 'key-watch',
        subject,
        provenance: { partnerRegion: '420000', partnerName: '湖北省交通运输厅', sourceReference: `鄂交信-${subject.id.slice(8, 14)}`, decidedOn: daysAgo(5) },
        startsOn: daysAgo(4),
      }),
    });
    expect(sent.status).toBe(201);
    let page = first;
    const seen: string[] = [];
    // Follow `next` to the head: each page starts where the last ended.
    for (let i = 0; i < 100 && (i === 0 || page.next !== page.since); i++) {
      page = await verifiedPage(page.next);
      seen.push(...page.changes.map((c) => c.id));
    }
    expect(page.next).toBe(page.head);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.some((id) => id.includes((sent.headers.get('location') ?? '').split('/').pop() ?? '-'))).toBe(false);
  }, 60_000);

  it('refuses a garbage cursor and a cursor from the future (in any source, or an old c1 or c2 one) with a code and the field', async () => {
    const [, list, records, grades] = (await verifiedPage()).head.split('.');
    for (const [since, code] of [
      ['not-a-cursor', 'EXCHANGE.CURSOR_INVALID'],
      [`c2.${list}`, 'EXCHANGE.CURSOR_INVALID'],
      [`c3.${list}.${records}`, 'EXCHANGE.CURSOR_INVALID'],
      [`c3.${BigInt(list) + 1000n}.${records}.${grades}`, 'EXCHANGE.CURSOR_AHEAD'],
      [`c3.${list}.${BigInt(records) + 1000n}.${grades}`, 'EXCHANGE.CURSOR_AHEAD'],
      [`c3.${list}.${records}.${BigInt(grades) + 1000n}`, 'EXCHANGE.CURSOR_AHEAD'],
      [`c2.${list}.${BigInt(records) + 1000n}`, 'EXCHANGE.CURSOR_AHEAD'],
      [`c1.${BigInt(list) + 1000n}`, 'EXCHANGE.CURSOR_AHEAD'],
    ]) {
      const r = await changes(since);
      const body = (await r.json()) as { code: string; errors: { field: string }[] };
      expect({ since, status: r.status, type: r.headers.get('content-type')?.split(';')[0], code: body.code, field: body.errors[0]?.field }).toEqual({
        since,
        status: 400,
        type: 'application/problem+json',
        code,
        field: 'since',
      });
    }
  }, 30_000);

  it('a page is no access token: its audience is the partner, so the API refuses it', async () => {
    const jws = await (await changes()).text();
    const r = await fetch(`${platform.gatewayUrl}/exchange/v1/changes`, { headers: { authorization: `Bearer ${jws}` } });
    expect(r.status).toBe(401);
  }, 30_000);

  describe('credit records (ADR 0079)', () => {
    const api = gatewayApi<Record<string, unknown> & { id?: string; code?: string }>(
      () => platform,
      () => zhengzhou,
    );
    /** Follows `next` from a cursor to the head, as a partner does; every page verified. */
    async function follow(since?: string): Promise<{ pages: Page[]; changes: Change[]; next: string }> {
      const pages: Page[] = [];
      let page = await verifiedPage(since);
      pages.push(page);
      for (let i = 0; i < 100 && page.next !== page.since; i++) {
        page = await verifiedPage(page.next);
        pages.push(page);
      }
      return { pages, changes: pages.flatMap((p) => p.changes), next: page.next };
    }
    const recordChanges = (changes: Change[], recordId: string) =>
      changes.filter((c): c is Extract<Change, { record: FeedRecord }> => 'record' in c && c.record.id === recordId);
    const published = (recordId: string) =>
      eventually(
        () => platform.db.query<{ partner_region: string | null }>(`SELECT partner_region FROM disclosure.public_records WHERE record_id = $1`, [recordId]),
        (rows) => rows.length === 1,
      );

    /**
     * Issue 20 item 1: a partner reads "records … marked shareable about subjects it has a reason
     * to see (its region …)"; item 2: the feed "includes withdrawals (repairs, revocations, …) so a
     * partner never keeps publishing what we withdrew". Shareable = what disclosure publishes (an
     * administrative penalty is public, DOMAIN.md); the partner's region is the enterprise's
     * registration (USCC positions 3–8 = 42xxxx for Hubei, docs/exchange.md).
     */
    it('gives Hubei our record about a Hubei enterprise, then its revocation; never a Henan one, nor the record Hubei pushed', async () => {
      const hubeiCarrier = { kind: 'org', id: makeUscc('420100'), name: '武汉某运输有限公司' };
      const henanCarrier = { kind: 'org', id: makeUscc('410100'), name: '郑州某运输有限公司' };
      const ourBody = creditRecordBody({ subject: hubeiCarrier });
      const ours = await api('/api/v1/credit-records', { method: 'POST', body: ourBody });
      const henans = await api('/api/v1/credit-records', { method: 'POST', body: creditRecordBody({ subject: henanCarrier }) });
      const template = creditRecordBody({ subject: hubeiCarrier, region: '420100' });
      const pushed = await api('/exchange/v1/records', {
        method: 'POST',
        token: hubei,
        body: {
          recordType: template.recordType,
          subject: { ...hubeiCarrier, id: makeUscc('420500') },
          region: '420100',
          severity: template.severity,
          decisionDate: template.decisionDate,
          documentNumber: `鄂交罚〔2026〕${randomBytes(3).toString('hex')}号`,
          payload: { ...template.payload, authority: '武汉市交通运输局' },
          provenance: { partnerRegion: '420000', sourceReference: `HB-${randomBytes(4).toString('hex')}` },
        },
      });
      expect([ours.status, henans.status, pushed.status]).toEqual([201, 201, 201]);
      const [ourId, henanId, pushedId] = [ours.body.id!, henans.body.id!, pushed.body.id!];
      // All three are published (the pushed one marked as Hubei's): their absence from the feed is the rule's doing.
      expect(await published(henanId)).toEqual([{ partner_region: null }]);
      expect(await published(pushedId)).toEqual([{ partner_region: '420000' }]);
      await published(ourId);

      const before = await follow();
      const inForce = recordChanges(before.changes, ourId);
      expect(inForce).toEqual([
        {
          id: `record:${ourId}:v1`,
          position: expect.stringMatching(/^\d+$/),
          type: 'record.in-force',
          record: expect.objectContaining({
            id: ourId,
            recordType: 'administrative-penalty',
            subject: hubeiCarrier,
            region: '410100',
            severity: 'general',
            decisionDate: ourBody.decisionDate,
            documentNumber: ourBody.documentNumber,
            version: 1,
          }),
        },
      ]);
      expect(inForce[0].record).not.toHaveProperty('removal');
      expect(recordChanges(before.changes, henanId)).toEqual([]);
      expect(recordChanges(before.changes, pushedId)).toEqual([]);

      const revoked = await api(`/api/v1/credit-records/${ourId}/revocation`, { method: 'POST', body: { reason: '处罚决定已被依法撤销' } });
      expect(revoked.status).toBe(200);
      // Resumed from where the partner stopped: the withdrawal arrives, with a new id.
      const after = await eventually(
        () => follow(before.next),
        (read) => recordChanges(read.changes, ourId).length > 0,
      );
      expect(recordChanges(after.changes, ourId)).toEqual([
        {
          id: `record:${ourId}:v2`,
          position: expect.stringMatching(/^\d+$/),
          type: 'record.withdrawn',
          record: expect.objectContaining({ id: ourId, version: 2, removal: { reason: 'revoked: 处罚决定已被依法撤销', removedAt: expect.any(String) } }),
        },
      ]);
      // A partner starting afresh gets the record's newest state only: nothing to keep publishing.
      expect(recordChanges((await follow()).changes, ourId).map((c) => c.type)).toEqual(['record.withdrawn']);
    }, 90_000);

    it('pages from `next` without loss; a page read again repeats its ids, and nothing else does', async () => {
      const carriers = Array.from({ length: 3 }, (_, i) => ({ kind: 'org', id: makeUscc('420100'), name: `武汉分页测试运输有限公司${i}` }));
      const start = await follow();
      const ids: string[] = [];
      for (const subject of carriers) {
        const created = await api('/api/v1/credit-records', { method: 'POST', body: creditRecordBody({ subject }) });
        expect(created.status).toBe(201);
        ids.push(created.body.id!);
        await published(created.body.id!);
      }
      const read = await follow(start.next);
      expect(read.changes.filter((c) => 'record' in c).map((c) => ('record' in c ? c.record.id : ''))).toEqual(ids);
      const all = read.changes.map((c) => c.id);
      expect(new Set(all).size).toBe(all.length);
      // At least once: the same cursor answers the same changes (a receiver recognises them by id).
      const again = await verifiedPage(start.next);
      expect(again.changes.map((c) => c.id)).toEqual(read.pages[0].changes.map((c) => c.id));
      expect(again.next).toBe(read.pages[0].next);
    }, 90_000);

    it('still reads a c1 cursor (a list-only partner): its list position, every record from the start, then c3 cursors', async () => {
      const subject = { kind: 'org', id: makeUscc('420100'), name: '武汉旧游标测试运输有限公司' };
      const created = await api('/api/v1/credit-records', { method: 'POST', body: creditRecordBody({ subject }) });
      expect(created.status).toBe(201);
      await published(created.body.id!);
      const fromStart = await verifiedPage();
      expect(recordChanges(fromStart.changes, created.body.id!)).toHaveLength(1);
      const [, list] = fromStart.head.split('.');
      const page = await verifiedPage(`c1.${list}`);
      expect(page.since).toBe(`c1.${list}`);
      expect(page.next).toMatch(/^c3\.\d+\.\d+\.\d+$/);
      expect(page.changes.filter((c) => c.type.startsWith('list-entry.'))).toEqual([]);
      expect(page.changes.filter((c) => c.type.startsWith('record.'))).toEqual(fromStart.changes.filter((c) => c.type.startsWith('record.')));
    }, 30_000);

    it('serves the same page on the gateway’s gRPC face (GetChanges)', async () => {
      const rest = await verifiedPage();
      const answer = (await callUnary(
        `127.0.0.1:${platform.ports.gateway.grpc}`,
        ProtoPackages.gateway.protoPath,
        'gateway.v1.ExchangeGatewayService',
        'getChanges',
        { since: '' },
        { authorization: `Bearer ${hubei}` },
      )) as { bodyJson: string };
      const jws = JSON.parse(answer.bodyJson) as string;
      const { keys } = (await (await fetch(`${platform.gatewayUrl}/.well-known/jwks.json`)).json()) as { keys: (JsonWebKey & { kid: string })[] };
      const jwk = keys.find((k) => k.kid === decode(jws, { complete: true })?.header.kid)!;
      const grpcPage = verify(jws, createPublicKey({ key: jwk, format: 'jwk' }), { algorithms: ['ES256'], audience: 'exchange:420000' }) as Page;
      expect({ since: grpcPage.since, next: grpcPage.next, head: grpcPage.head, changes: grpcPage.changes }).toEqual({
        since: rest.since,
        next: rest.next,
        head: rest.head,
        changes: rest.changes,
      });
    }, 30_000);
  });

  /**
   * ADR 0085: the feed carries what the public sees of grades (DOMAIN.md §6: enterprises' grades
   * are public) about enterprises registered in the partner's region, and their withdrawal. Henan's
   * 两客一危 codes grade road-passenger carriers (ADR 0044): one general administrative penalty
   * leaves 1000 − 30 = 970 ≥ 900, green (DOMAIN.md §3; seed 002 案例1, 4). Moved out of the scheme's
   * sectors, the carrier's grade is withdrawn (ADR 0046).
   */
  describe('public grades (ADR 0085)', () => {
    const HENAN = 'henan-passenger-hazardous-codes';
    const api = gatewayApi<Record<string, unknown> & { id?: string }>(
      () => platform,
      () => zhengzhou,
    );
    async function follow(since?: string): Promise<{ changes: Change[]; next: string }> {
      let page = await verifiedPage(since);
      const changes = [...page.changes];
      for (let i = 0; i < 100 && page.next !== page.since; i++) {
        page = await verifiedPage(page.next);
        changes.push(...page.changes);
      }
      return { changes, next: page.next };
    }
    const gradeChanges = (changes: Change[], uscc: string) =>
      changes.filter((c): c is Extract<Change, { grade: FeedGrade }> => 'grade' in c && c.grade.subject.id === uscc);
    async function gradedGreen(subject: { kind: string; id: string; name: string }): Promise<void> {
      await registerSubjects(platform, [{ kind: 'org', id: subject.id, sectors: ['road-passenger'] }]);
      expect((await api('/api/v1/credit-records', { method: 'POST', body: creditRecordBody({ subject }) })).status).toBe(201);
      await eventually(
        () => platform.db.query(`SELECT 1 FROM disclosure.public_grades WHERE uscc = $1 AND withdrawn_at IS NULL`, [subject.id]),
        (rows) => rows.length === 1,
        30_000,
      );
    }

    it('gives Hubei the grade of a Hubei enterprise as in force, then its withdrawal; never a Henan enterprise’s grade', async () => {
      const hubeiCarrier = { kind: 'org', id: makeUscc('420100'), name: '武汉评级测试客运有限公司' };
      const henanCarrier = { kind: 'org', id: makeUscc('410100'), name: '郑州评级测试客运有限公司' };
      await Promise.all([gradedGreen(hubeiCarrier), gradedGreen(henanCarrier)]);

      const before = await follow();
      const inForce = gradeChanges(before.changes, hubeiCarrier.id);
      expect(inForce).toEqual([
        {
          id: `grade:${hubeiCarrier.id}:${HENAN}:v${inForce[0]?.grade.version}`,
          position: expect.stringMatching(/^\d+$/),
          type: 'grade.in-force',
          grade: {
            subject: { kind: 'org', id: hubeiCarrier.id, name: expect.any(String) },
            schemeId: HENAN,
            schemeName: '河南省“两客一危”经营者安全生产信用“红黄绿”码',
            grade: 'green',
            gradeLabel: '绿码',
            cycle: expect.stringMatching(/^\d{4}-Q[1-4]$/),
            evaluatedAt: expect.any(String),
            version: expect.any(Number),
            effectiveAt: expect.any(String),
          },
        },
      ]);
      expect(gradeChanges(before.changes, henanCarrier.id)).toEqual([]);

      // The passenger licence is gone: the registry lists general cargo only, the scheme no longer grades it.
      await registerSubjects(platform, [{ kind: 'org', id: hubeiCarrier.id, sectors: ['general-cargo'] }]);
      const after = await eventually(
        () => follow(before.next),
        (read) => gradeChanges(read.changes, hubeiCarrier.id).some((c) => c.type === 'grade.withdrawn'),
        30_000,
      );
      const withdrawn = gradeChanges(after.changes, hubeiCarrier.id).at(-1);
      expect(withdrawn).toMatchObject({
        type: 'grade.withdrawn',
        grade: { schemeId: HENAN, grade: 'green', removal: { reason: expect.any(String), removedAt: expect.any(String) } },
      });
      // A new version, named in the id: a partner that held the in-force one recognises the change.
      expect(withdrawn!.grade.version).toBeGreaterThan(inForce[0].grade.version);
      expect(withdrawn!.id).toBe(`grade:${hubeiCarrier.id}:${HENAN}:v${withdrawn!.grade.version}`);
      // A partner starting afresh gets the grade's newest state only.
      expect(gradeChanges((await follow()).changes, hubeiCarrier.id).map((c) => c.type)).toEqual(['grade.withdrawn']);
    }, 120_000);

    it('still reads a c2 cursor (before grades joined the feed): its list and record positions, every grade from the start, then c3 cursors', async () => {
      const fromStart = await follow();
      const [, list, records] = (await verifiedPage()).head.split('.');
      const page = await verifiedPage(`c2.${list}.${records}`);
      expect(page.since).toBe(`c2.${list}.${records}`);
      expect(page.next).toMatch(/^c3\.\d+\.\d+\.\d+$/);
      expect(page.changes.filter((c) => !c.type.startsWith('grade.'))).toEqual([]);
      const gradesFromStart = fromStart.changes.filter((c) => c.type.startsWith('grade.'));
      expect(gradesFromStart.length).toBeGreaterThan(0);
      expect(page.changes).toEqual(gradesFromStart);
    }, 60_000);
  });
});
