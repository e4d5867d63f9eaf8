import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sign } from 'jsonwebtoken';
import { DataSource } from 'typeorm';
import { Principal } from '@platform/auth';
import { DomainError } from '@platform/errors';
import { metricsRegistry } from '@platform/telemetry';
import { cloneTestDatabase, eventually, makeUscc, TestDatabase } from '@platform/testing';
import { gatewayDefinition } from '../gateway.definition';
import { PartnerApprovalRelay } from './application/partner-approval-relay';
import { PartnerEntryImport, PartnerEntryImports } from './application/partner-entry-imports';
import { PartnerRecordChanges } from './application/partner-record-changes';
import { PartnerFeedPuller } from './application/partner-feed-puller';
import { PartnerFeeds } from './application/partner-feeds';
import { PartnerGradeChanges } from './application/partner-grade-changes';
import { RecognitionAgreements } from './application/recognition-agreements';
import { PageRefused } from './domain/feed-page';
import type { RecognitionAgreement } from './domain/recognition-agreement';
import type { PartnerFeed } from './domain/partner-feed';
import { FeedUnavailable } from './infrastructure/partner-feed-client';
import { PartnerFeedStore } from './infrastructure/partner-feed-store';
import type { Upstreams } from '../upstreams';

/**
 * The puller against a partner gateway played by a local HTTP server serving crafted pages
 * (real PostgreSQL for its cursor and dead letters). What applying does inside joint measures is
 * the push path's (ADR 0067, tested there and end to end in test/e2e/two-provinces.e2e-spec.ts);
 * here it is recorded, so each test sees exactly which changes were applied and how often.
 * The rules come from docs/exchange.md "Change feed" and ADR 0068: verify the key, ES256, `aud`
 * = exchange:<our province>, `exp`, `iss`, and that `since` is the cursor asked with; store the
 * cursor only after the page; a refused page is never applied and the cursor stays.
 */
const PARTNER = '410000';
const OURS = '420000';
const ISSUER = 'gateway-henan';
const partnerKey = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const forgerKey = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });

interface Served {
  /** The page answered for a `since` (absent: the start); a function to craft the JWS itself. */
  pages: Map<string, () => string>;
  up: boolean;
  asked: string[];
  /** What the partner answers at /exchange/v1/permit-approvals (the relay's tests). */
  approvalAnswer?: [number, string];
}

function entry(id: string, subjectId: string, extra: object = {}) {
  return {
    id,
    listType: 'key-watch',
    subject: { kind: 'org', id: subjectId, name: '武汉某运输有限公司' },
    region: '410100',
    status: 'effective',
    origin: 'rule',
    version: 1,
    startsOn: '2026-11-01',
    endsOn: '2027-10-31',
    grounds: '严重违法失信',
    decision: { outcome: 'confirmed', decidedOn: '2026-10-30', documentNumber: '豫交〔2026〕1号' },
    ...extra,
  };
}

function signed(claims: object, opts: { key?: KeyObject; audience?: string; exp?: number } = {}): string {
  const now = Math.floor(Date.now() / 1000);
  return sign({ ...claims, exp: opts.exp ?? now + 3600 }, opts.key ?? partnerKey.privateKey, {
    algorithm: 'ES256',
    header: { alg: 'ES256', kid: 'henan-1', typ: 'exchange-page+jwt' },
    issuer: ISSUER,
    audience: opts.audience ?? `exchange:${OURS}`,
  });
}

class RecordedImports {
  readonly held = new Map<string, PartnerEntryImport>();
  readonly imported: string[] = [];
  readonly withdrawn: string[] = [];
  /** The next import of this reference fails as a service that is down would. */
  failOnce = new Set<string>();
  refuse = new Set<string>();
  /** Each import's reference and the version it carried. */
  readonly versions: [string, number | undefined][] = [];
  /** References joint measures holds as removed for its own reason: a newer version is refused (ADR 0087). */
  removedHere = new Set<string>();

  async import(sender: Principal, e: PartnerEntryImport) {
    expect(sender).toMatchObject({ kind: 'partner', region: PARTNER });
    const ref = e.provenance.sourceReference;
    if (this.failOnce.delete(ref)) throw new DomainError('UPSTREAM.UNAVAILABLE', 'unavailable', 'joint measures is down');
    if (this.refuse.has(ref)) throw DomainError.validation('LIST_ENTRY.INVALID', [{ field: 'subject.id', message: 'not a valid org identifier' }]);
    this.versions.push([ref, e.version]);
    if (this.removedHere.has(ref)) throw new DomainError('LIST_ENTRY.REMOVED_HERE', 'conflict', `ours-${ref} was removed here for repair`);
    this.imported.push(ref);
    // As joint measures answers: the first import for a reference, stored; again, that entry as it now is.
    const replayed = this.held.has(ref);
    if (!replayed) this.held.set(ref, e);
    const first = this.held.get(ref)!;
    const status = this.withdrawn.includes(`ours-${ref}`) ? 'removed' : 'effective';
    return { entry: { id: `ours-${ref}`, status, startsOn: first.startsOn, endsOn: first.endsOn, recognition: { reason: '' } }, replayed } as never;
  }

  async ofReference(_sender: Principal, ref: string) {
    return this.held.has(ref) ? ({ id: `ours-${ref}` } as never) : undefined;
  }

  async withdraw(_sender: Principal, id: string) {
    this.withdrawn.push(id);
    return {} as never;
  }
}

/** Evaluation's ApplyPartnerGrade as recorded: what the puller sent, answered as evaluation would (stored, or refused). */
class RecordedGrades {
  readonly sent: {
    state: string;
    subjectId: string;
    version: number;
    provenance?: { schemeId: string; changeId: string };
    recognition?: { outcome: string };
  }[] = [];
  refuse = new Set<string>();

  async applyPartnerGrade(request: RecordedGrades['sent'][number], meta: { principal: Principal }) {
    expect(meta.principal).toMatchObject({ kind: 'partner', region: PARTNER });
    if (this.refuse.has(request.provenance!.changeId))
      throw DomainError.validation('RECOGNITION.INVALID_PARTNER_GRADE', [{ field: 'recognition.recognitionTableId', message: 'does not read it' }]);
    this.sent.push(request);
    return { outcome: request.state === 'withdrawn' ? 'withdrawn' : 'stored' };
  }
}

/** Collection's answers to the puller's record changes (ADR 0086), recorded: held by reference, withdrawn ones. */
class RecordedCollection {
  readonly held = new Map<string, { version: number; status: string }>();
  readonly calls: string[] = [];
  readonly refuse = new Set<string>();

  readonly creditRecords = {
    holdPartnerRecord: async (request: {
      record: { partner: { sourceReference: string; region: string }; subject: { id: string } };
      sourceVersion: number;
    }) => {
      const ref = request.record.partner.sourceReference;
      this.calls.push(`hold ${ref} v${request.sourceVersion}`);
      if (this.refuse.has(ref)) throw DomainError.validation('RECORD.INVALID', [{ field: 'severity', message: 'a record of this type takes one of: general' }]);
      // As collection answers: a version not newer than the one applied changes nothing.
      const held = this.held.get(ref);
      if (held && request.sourceVersion <= held.version) return { id: `ours-${ref}`, outcome: 'unchanged', status: held.status, detail: '' };
      if (held?.status === 'revoked') {
        held.version = request.sourceVersion;
        return { id: `ours-${ref}`, outcome: 'not-restored', status: 'revoked', detail: 'in force again at the source: review' };
      }
      this.held.set(ref, { version: request.sourceVersion, status: 'active' });
      return { id: `ours-${ref}`, outcome: held ? 'updated' : 'held', status: 'active', detail: '' };
    },
    withdrawPartnerRecord: async (request: { sourceReference: string; reason: string; sourceVersion: number }) => {
      this.calls.push(`withdraw ${request.sourceReference} v${request.sourceVersion} (${request.reason})`);
      const held = this.held.get(request.sourceReference);
      if (!held) return { id: '', outcome: 'unknown', status: '' };
      if (request.sourceVersion <= held.version) return { id: `ours-${request.sourceReference}`, outcome: 'unchanged', status: held.status };
      Object.assign(held, { status: 'revoked', version: request.sourceVersion });
      return { id: `ours-${request.sourceReference}`, outcome: 'withdrawn', status: 'revoked' };
    },
  };
}

describe('partner feed puller (PostgreSQL, a partner over HTTP)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let server: Server;
  let served: Served;
  let feed: PartnerFeed;
  let imports: RecordedImports;
  let grades: RecordedGrades;
  let collection: RecordedCollection;
  let puller: PartnerFeedPuller;
  let store: PartnerFeedStore;

  beforeAll(async () => {
    db = await cloneTestDatabase('puller');
    dataSource = await db.dataSource(gatewayDefinition);
    store = new PartnerFeedStore(dataSource);
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://partner');
      if (!served.up) {
        res.writeHead(503).end('down');
        return;
      }
      if (url.pathname === '/api/v1/auth/token') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ access_token: 'token', expires_in: 3600 }));
        return;
      }
      if (url.pathname === '/.well-known/jwks.json') {
        const jwk = { ...partnerKey.publicKey.export({ format: 'jwk' }), kid: 'henan-1', alg: 'ES256', use: 'sig' };
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
        return;
      }
      if (url.pathname === '/exchange/v1/changes') {
        const since = url.searchParams.get('since') ?? '';
        served.asked.push(since);
        const page = served.pages.get(since);
        if (!page) res.writeHead(400).end('{"code":"EXCHANGE.CURSOR_INVALID"}');
        else res.writeHead(200, { 'content-type': 'application/jose' }).end(page());
        return;
      }
      if (url.pathname === '/exchange/v1/permit-approvals' && served.approvalAnswer) {
        const [status, body] = served.approvalAnswer;
        res.writeHead(status, { 'content-type': 'application/problem+json' }).end(body);
        return;
      }
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    feed = {
      region: PARTNER,
      baseUrl: base,
      jwksUrl: `${base}/.well-known/jwks.json`,
      issuer: ISSUER,
      clientId: 'hubei-partner',
      clientSecret: 'x',
      pollIntervalSeconds: 60,
      maxBackoffSeconds: 900,
    };
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await db.drop();
  });

  beforeEach(async () => {
    await dataSource.query('DELETE FROM partner_feed_cursors');
    await dataSource.query('DELETE FROM partner_feed_dead_letters');
    served = { pages: new Map(), up: true, asked: [] };
    imports = new RecordedImports();
    grades = new RecordedGrades();
    collection = new RecordedCollection();
    // Henan's records about subjects registered in Henan are held here (the records term); its
    // passenger and hazardous-goods colour codes are recognised about any subject (the grades term).
    const agreements = Object.assign(Object.create(RecognitionAgreements.prototype) as RecognitionAgreements, {
      all: [
        {
          id: 'henan-demo',
          partner: { region: PARTNER, name: '河南省交通运输厅' },
          source: 'demo',
          lists: [],
          records: { subjects: 'partner-registered' },
          grades: { schemes: [{ schemeId: 'henan-passenger-hazardous-codes', subjects: 'any', effect: 'apply' }] },
        },
      ] satisfies RecognitionAgreement[],
    });
    const feeds = { all: [feed], ownProvince: OURS } as unknown as PartnerFeeds;
    const gradeChanges = new PartnerGradeChanges({ gradeRecognition: grades } as unknown as Upstreams, agreements, store);
    const records = new PartnerRecordChanges(collection as unknown as Upstreams, agreements);
    puller = new PartnerFeedPuller(feeds, store, imports as unknown as PartnerEntryImports, agreements, gradeChanges, records);
  });

  const cursor = async () => (await store.cursors()).find((c) => c.partnerRegion === PARTNER)?.cursor ?? null;
  const uscc = makeUscc('420100');

  it('follows the feed page by page to its head, storing each next after applying the page', async () => {
    served.pages.set('', () =>
      signed({
        since: 'c1.0',
        next: 'c1.2',
        head: 'c1.3',
        changes: [{ id: 'list-entry:a:v1', position: '2', type: 'list-entry.in-force', entry: entry('a', uscc) }],
      }),
    );
    served.pages.set('c1.2', () =>
      signed({
        since: 'c1.2',
        next: 'c1.3',
        head: 'c1.3',
        changes: [
          { id: 'list-entry:a:v2', position: '3', type: 'list-entry.withdrawn', entry: entry('a', uscc, { status: 'removed', removal: { reason: 'repair' } }) },
        ],
      }),
    );
    expect(await puller.pullOnce(feed)).toBe(false);
    expect(await cursor()).toBe('c1.2');
    expect(imports.imported).toEqual(['a']);
    expect(imports.held.get('a')).toMatchObject({
      region: '410100',
      provenance: { partnerRegion: PARTNER, partnerName: '河南省交通运输厅', sourceReference: 'a', decidedOn: '2026-10-30' },
    });
    expect(await puller.pullOnce(feed)).toBe(true);
    expect(await cursor()).toBe('c1.3');
    expect(imports.withdrawn).toEqual(['ours-a']);
    expect(served.asked).toEqual(['', 'c1.2']);
  });

  it('does not move the cursor when a change could not be applied for now; the page is applied again (at least once)', async () => {
    served.pages.set('', () =>
      signed({
        since: 'c1.0',
        next: 'c1.2',
        head: 'c1.2',
        changes: [
          { id: 'list-entry:a:v1', position: '1', type: 'list-entry.in-force', entry: entry('a', uscc) },
          { id: 'list-entry:b:v1', position: '2', type: 'list-entry.in-force', entry: entry('b', uscc) },
        ],
      }),
    );
    imports.failOnce.add('b');
    await expect(puller.pullOnce(feed)).rejects.toThrow(DomainError);
    expect(await cursor()).toBeNull();
    expect(await puller.pullOnce(feed)).toBe(true);
    expect(await cursor()).toBe('c1.2');
    // `a` twice (idempotent on its reference in joint measures), `b` once it could be.
    expect(imports.imported).toEqual(['a', 'a', 'b']);
  });

  const withChange = () => ({
    since: 'c1.0',
    next: 'c1.1',
    head: 'c1.1',
    changes: [{ id: 'list-entry:a:v1', position: '1', type: 'list-entry.in-force', entry: entry('a', uscc) }],
  });
  it.each([
    ['a forged (signed by another key under the partner kid)', () => signed(withChange(), { key: forgerKey.privateKey }), 'signature'],
    ['an expired', () => signed(withChange(), { exp: Math.floor(Date.now() / 1000) - 3600 }), 'expired'],
    ['another province’s', () => signed(withChange(), { audience: 'exchange:430000' }), 'audience'],
  ])('refuses %s page: nothing applied, the cursor stays', async (_name, craft, reason) => {
    served.pages.set('', craft);
    await expect(puller.pullOnce(feed)).rejects.toMatchObject({ name: 'PageRefused', reason });
    expect(imports.imported).toEqual([]);
    expect(await cursor()).toBeNull();
  });

  it('refuses a page replayed from another position: asked since c1.1, answered the page since c1.0', async () => {
    const first = () =>
      signed({
        since: 'c1.0',
        next: 'c1.1',
        head: 'c1.2',
        changes: [{ id: 'list-entry:a:v1', position: '1', type: 'list-entry.in-force', entry: entry('a', uscc) }],
      });
    served.pages.set('', first);
    await puller.pullOnce(feed);
    served.pages.set('c1.1', first);
    await expect(puller.pullOnce(feed)).rejects.toBeInstanceOf(PageRefused);
    expect(imports.imported).toEqual(['a']);
    expect(await cursor()).toBe('c1.1');
  });

  it('skips and counts unknown change types; dead-letters invalid and refused changes once, with the reason, and moves on', async () => {
    const page = () =>
      signed({
        since: 'c1.0',
        next: 'c1.3',
        head: 'c1.3',
        changes: [
          { id: 'grade:g:v1', position: '1', type: 'grade.published', grade: {} },
          { id: 'list-entry:c:v1', position: '2', type: 'list-entry.in-force', entry: entry('c', uscc, { decision: undefined }) },
          { id: 'list-entry:d:v1', position: '3', type: 'list-entry.in-force', entry: entry('d', uscc) },
        ],
      });
    served.pages.set('', page);
    imports.refuse.add('d');
    expect(await puller.pullOnce(feed)).toBe(true);
    const letters = await store.deadLetters(PARTNER, 10);
    expect(letters.map((l) => [l.changeId, l.reasonCode]).sort()).toEqual([
      ['list-entry:c:v1', 'invalid'],
      ['list-entry:d:v1', 'refused'],
    ]);
    expect(letters.find((l) => l.changeId === 'list-entry:d:v1')!.reason).toContain('LIST_ENTRY.INVALID');
    expect(letters.find((l) => l.changeId === 'list-entry:c:v1')!.reason).toContain('entry.decision');
    // The same page again (at least once): no second dead letter.
    await dataSource.query(`UPDATE partner_feed_cursors SET cursor = NULL`);
    await puller.pullOnce(feed);
    expect(await store.deadLetters(PARTNER, 10)).toHaveLength(2);
    expect(await cursor()).toBe('c1.3');
  });

  it('records (ADR 0086): held under the agreement, withdrawn with the source reason, dead-lettered outside it, refused, invalid or not restorable; each once', async () => {
    const henanCarrier = makeUscc('410100');
    const record = (id: string, subjectId: string, version: number, extra: object = {}) => ({
      id,
      recordType: 'administrative-penalty',
      subject: { kind: 'org', id: subjectId, name: '郑州某运输有限公司' },
      region: '410100',
      severity: 'general',
      decisionDate: '2026-11-02',
      documentNumber: `郑交执罚〔2026〕${id}号`,
      summary: '超限运输',
      version,
      ...extra,
    });
    served.pages.set('', () =>
      signed({
        since: 'c2.0.0',
        next: 'c2.0.6',
        head: 'c2.0.7',
        changes: [
          { id: 'record:a:v1', position: '1', type: 'record.in-force', record: record('a', henanCarrier, 1) },
          { id: 'record:b:v1', position: '2', type: 'record.in-force', record: record('b', uscc, 1) },
          { id: 'record:c:v1', position: '3', type: 'record.in-force', record: record('c', henanCarrier, 1, { documentNumber: undefined }) },
          { id: 'record:d:v1', position: '4', type: 'record.in-force', record: record('d', henanCarrier, 1) },
          { id: 'record:z:v2', position: '5', type: 'record.withdrawn', record: record('z', henanCarrier, 2, { removal: { reason: 'repair' } }) },
          {
            id: 'record:a:v2',
            position: '6',
            type: 'record.withdrawn',
            record: record('a', henanCarrier, 2, { removal: { reason: 'revoked: 处罚决定已被依法撤销' } }),
          },
        ],
      }),
    );
    served.pages.set('c2.0.6', () =>
      signed({
        since: 'c2.0.6',
        next: 'c2.0.7',
        head: 'c2.0.7',
        changes: [{ id: 'record:a:v3', position: '7', type: 'record.in-force', record: record('a', henanCarrier, 3) }],
      }),
    );
    collection.refuse.add('d');
    expect(await puller.pullOnce(feed)).toBe(false);
    expect(await puller.pullOnce(feed)).toBe(true);
    // b is about a Hubei carrier: outside a partner-registered term, never sent to collection.
    expect(collection.calls).toEqual(['hold a v1', 'hold d v1', 'withdraw z v2 (repair)', 'withdraw a v2 (revoked: 处罚决定已被依法撤销)', 'hold a v3']);
    const letters = await store.deadLetters(PARTNER, 10);
    expect(letters.map((l) => [l.changeId, l.reasonCode]).sort()).toEqual([
      ['record:a:v3', 'not-updated'],
      ['record:b:v1', 'not-applied'],
      ['record:c:v1', 'invalid'],
      ['record:d:v1', 'refused'],
    ]);
    expect(letters.find((l) => l.changeId === 'record:b:v1')!.reason).toContain('only about subjects registered in 410000');
    expect(letters.find((l) => l.changeId === 'record:c:v1')!.reason).toContain('record.documentNumber');
    expect(letters.find((l) => l.changeId === 'record:d:v1')!.reason).toContain('RECORD.INVALID');
    const counted = async (outcome: string) =>
      (await metricsRegistry.getSingleMetric('exchange_partner_feed_changes_total')!.get()).values.find(
        (v) => v.labels.partner === PARTNER && v.labels.outcome === outcome,
      )?.value ?? 0;
    const unknownBefore = await counted('unknown');
    // The first page again (at least once): collection answers the same, no second dead letter.
    await dataSource.query(`UPDATE partner_feed_cursors SET cursor = NULL`);
    await puller.pullOnce(feed);
    expect(await store.deadLetters(PARTNER, 10)).toHaveLength(4);
    expect(await counted('unknown')).toBe(unknownBefore + 1);
  });

  it('applies grade changes under the agreement’s grades term; outside it stored as not applied and dead-lettered, invalid or refused ones too (ADR 0085)', async () => {
    const grade = (schemeId: string, version: number, extra: object = {}) => ({
      subject: { kind: 'org', id: uscc, name: '武汉某运输有限公司' },
      schemeId,
      schemeName: schemeId,
      grade: 'green',
      gradeLabel: '绿码',
      cycle: '2026-Q4',
      evaluatedAt: '2026-11-03T00:00:00.000Z',
      version,
      effectiveAt: '2026-11-03T00:00:00.000Z',
      ...extra,
    });
    served.pages.set('', () =>
      signed({
        since: 'c3.0.0.0',
        next: 'c3.0.0.5',
        head: 'c3.0.0.5',
        changes: [
          { id: 'grade:a:v1', position: '1', type: 'grade.in-force', grade: grade('henan-passenger-hazardous-codes', 1) },
          { id: 'grade:b:v1', position: '2', type: 'grade.in-force', grade: grade('hebi-fleet', 1) },
          {
            id: 'grade:c:v2',
            position: '3',
            type: 'grade.withdrawn',
            grade: grade('henan-passenger-hazardous-codes', 2, { removal: { reason: 'SECTOR_OUTSIDE' } }),
          },
          { id: 'grade:d:v1', position: '4', type: 'grade.in-force', grade: grade('henan-passenger-hazardous-codes', 0) },
          { id: 'grade:e:v1', position: '5', type: 'grade.in-force', grade: grade('henan-passenger-hazardous-codes', 1) },
        ],
      }),
    );
    grades.refuse.add('grade:e:v1');
    expect(await puller.pullOnce(feed)).toBe(true);
    expect(grades.sent.map((g) => [g.provenance!.changeId, g.state, g.recognition!.outcome])).toEqual([
      ['grade:a:v1', 'in-force', 'applied'],
      ['grade:b:v1', 'in-force', 'not-applied'],
      ['grade:c:v2', 'withdrawn', 'applied'],
    ]);
    const letters = await store.deadLetters(PARTNER, 10);
    expect(letters.map((l) => [l.changeId, l.reasonCode]).sort()).toEqual([
      ['grade:b:v1', 'not-applied'],
      ['grade:d:v1', 'invalid'],
      ['grade:e:v1', 'refused'],
    ]);
    expect(letters.find((l) => l.changeId === 'grade:b:v1')!.reason).toContain('does not recognise grades of hebi-fleet');
    expect(letters.find((l) => l.changeId === 'grade:d:v1')!.reason).toContain('grade.version');
    expect(letters.find((l) => l.changeId === 'grade:e:v1')!.reason).toContain('RECOGNITION.INVALID_PARTNER_GRADE');
    expect(await cursor()).toBe('c3.0.0.5');
  });

  it('a newer in-force version goes to the update path with its version; only what joint measures will not apply over the entry held is dead-lettered not-updated', async () => {
    const change = (ref: string, id: string, position: string, type: string, extra: object = {}) => ({ id, position, type, entry: entry(ref, uscc, extra) });
    served.pages.set('', () =>
      signed({
        since: 'c1.0',
        next: 'c1.5',
        head: 'c1.5',
        changes: [
          change('a', 'list-entry:a:v2', '1', 'list-entry.in-force', { version: 2 }),
          change('a', 'list-entry:a:v3', '2', 'list-entry.in-force', { endsOn: '2028-10-31', version: 3 }),
          change('a', 'list-entry:a:v4', '3', 'list-entry.withdrawn', { status: 'removed', removal: { reason: 'repair' }, version: 4 }),
          change('a', 'list-entry:a:v5', '4', 'list-entry.in-force', { version: 5 }),
          change('b', 'list-entry:b:v2', '5', 'list-entry.in-force', { version: 2 }),
        ],
      }),
    );
    imports.removedHere.add('b');
    expect(await puller.pullOnce(feed)).toBe(true);
    // Every in-force version reaches joint measures with the partner's version: another term (v3) and
    // in force again after the withdrawal (v5) are joint measures' updates, not dead letters.
    expect(imports.versions).toEqual([
      ['a', 2],
      ['a', 3],
      ['a', 5],
      ['b', 2],
    ]);
    expect(imports.withdrawn).toEqual(['ours-a']);
    const letters = await store.deadLetters(PARTNER, 10);
    expect(letters.map((l) => [l.changeId, l.reasonCode])).toEqual([['list-entry:b:v2', 'not-updated']]);
    expect(letters[0].reason).toContain('LIST_ENTRY.REMOVED_HERE');
  });

  it('running: a refused page is recorded as the feed’s last failure and retried after backoff until a good page comes', async () => {
    served.pages.set('', () => signed(withChange(), { key: forgerKey.privateKey }));
    puller.onApplicationBootstrap();
    try {
      const [refused] = await eventually(
        () => store.cursors(),
        (c) => c[0]?.lastFailure?.startsWith('page refused (signature)') ?? false,
      );
      expect(refused.cursor).toBeNull();
      expect(imports.imported).toEqual([]);
      served.pages.set('', () => signed(withChange()));
      const [caughtUp] = await eventually(
        () => store.cursors(),
        (c) => c[0]?.cursor === 'c1.1',
      );
      expect(caughtUp).toMatchObject({ head: 'c1.1', lastFailure: null });
      expect(imports.imported).toEqual(['a']);
      // Lag per partner, on the registry /metrics serves; pages by outcome, the refused one counted.
      expect(await metricsRegistry.getSingleMetricAsString('exchange_partner_feed_lag_seconds')).toContain(`partner="${PARTNER}"`);
      expect(await metricsRegistry.getSingleMetricAsString('exchange_partner_feed_pages_total')).toMatch(new RegExp(`partner="${PARTNER}",outcome="refused"`));
    } finally {
      await puller.onApplicationShutdown();
    }
  });

  it('a page that does not move the cursor short of the head counts as caught up (waits the poll interval, never a tight loop)', async () => {
    served.pages.set('', () => signed({ since: 'c1.0', next: 'c1.0', head: 'c1.5', changes: [] }));
    expect(await puller.pullOnce(feed)).toBe(true);
  });

  describe('the permit-approval relay to the partner (ADR 0080)', () => {
    const relay = () => new PartnerApprovalRelay({ all: [feed], ownProvince: OURS } as unknown as PartnerFeeds);

    it("passes the partner's refusal on with its code and fields", async () => {
      served.approvalAnswer = [
        400,
        JSON.stringify({ code: 'PERMIT_APPROVAL.INVALID', detail: 'bad', errors: [{ field: 'reason', message: 'required when refusing' }] }),
      ];
      await expect(relay().answer(PARTNER, { applicationId: 'x', decision: 'refuse' })).rejects.toMatchObject({
        code: 'PERMIT_APPROVAL.INVALID',
        kind: 'validation',
        violations: [{ field: 'reason' }],
      });
    });

    it('a partner down, or answering what is not its API, is unavailable (503), never a 500', async () => {
      served.up = false;
      await expect(relay().pending(PARTNER)).rejects.toMatchObject({ code: 'EXCHANGE.PARTNER_UNAVAILABLE', kind: 'unavailable' });
      served.up = true;
      served.approvalAnswer = [502, '<html>bad gateway</html>'];
      await expect(relay().pending(PARTNER)).rejects.toMatchObject({ code: 'EXCHANGE.PARTNER_UNAVAILABLE', kind: 'unavailable' });
    });

    it('refuses a partner not configured (field partner) and a client below province level', () => {
      expect(() => relay().feedOf('430000')).toThrow(expect.objectContaining({ code: 'REQUEST.INVALID' }));
      expect(() => relay().assertProvinceLevel({ clientId: 'wuhan', kind: 'integrator', region: '420100', scopes: [] })).toThrow(
        expect.objectContaining({ code: 'EXCHANGE.PROVINCE_ONLY' }),
      );
    });
  });

  it('a partner that is down: unavailable, nothing moves; caught up once it answers again', async () => {
    served.pages.set('', () =>
      signed({
        since: 'c1.0',
        next: 'c1.1',
        head: 'c1.1',
        changes: [{ id: 'list-entry:a:v1', position: '1', type: 'list-entry.in-force', entry: entry('a', uscc) }],
      }),
    );
    served.up = false;
    await expect(puller.pullOnce(feed)).rejects.toBeInstanceOf(FeedUnavailable);
    expect(await cursor()).toBeNull();
    served.up = true;
    expect(await puller.pullOnce(feed)).toBe(true);
    expect(imports.imported).toEqual(['a']);
  });
});
