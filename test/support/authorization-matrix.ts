import { hasScope, Principal, Scope, Scopes } from '@platform/auth';

/**
 * The authorization matrix (issue 23, item 3) as data: one row per REST route, stating who may
 * call it and how the region rule applies; the expected status of every cell (route × caller ×
 * place) follows from these rows and the platform's rules, never from running the code:
 *
 * - no token, an expired token, a token signed with another key: 401 on every route but the
 *   public ones (ARCHITECTURE.md §6, ADR 0005);
 * - a client without the route's scope: 403 AUTH.INSUFFICIENT_SCOPE; the admin scope holds every
 *   other (`hasScope`, @platform/auth);
 * - a client with the scope, in its own region: the route's own answer to the probe (`allowed`);
 *   outside its region subtree (ADR 0041 table): a subject or record reads as absent (404), a
 *   region named in the request is 403 AUTH.REGION_FORBIDDEN, a filtered list is an empty 200.
 *
 * Probes never change what another cell reads: writes are sent with an empty body (the guards run
 * before validation, so an allowed caller meets 400) or aimed at an id nobody has (404), except
 * the region-bearing writes whose own-region cell is a real write (201/200).
 */

/** Where the probe's subject, record or region lies, seen from the calling client (a Zhengzhou one, 410100). */
export const PLACES = ['own', 'otherRegion', 'otherProvince'] as const;
export type Place = (typeof PLACES)[number];
/** GB/T 2260: Zhengzhou 410100 (the caller), Xinxiang 410700 (same province), Suzhou 320500 (another province). */
export const PLACE_REGION: Record<Place, string> = { own: '410100', otherRegion: '410700', otherProvince: '320500' };

/** How the region rule applies to a route (ADR 0041 "one region rule"). */
export type RegionRule =
  /** No region in the request or the answer (configuration, catalogue, unknown ids, platform-wide admin). */
  | 'none'
  /** A subject or record named in the path: outside the subtree it reads as absent, 404. */
  | 'absent'
  /** A region named in the query or body: outside the subtree 403 AUTH.REGION_FORBIDDEN. */
  | 'named'
  /** A list filtered by the caller's subtree: 200 everywhere, empty outside. */
  | 'filtered';

export interface Fixtures {
  subjects: Record<Place, string>;
  records: Record<Place, string>;
  month: string;
  /** A well-formed id nobody holds. */
  unknownUuid: string;
  unknownUscc: string;
  unknownCitizenId: string;
  /** A valid credit record body about a fresh subject of `region` (POST /api/v1/credit-records). */
  recordBody(region: string): unknown;
}

export interface Probe {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  body?: unknown;
  /** A body sent as is, with its content type (NDJSON endpoints). */
  raw?: { contentType: string; text: string };
  /** For a `filtered` row: the number of items in the answer. */
  count?: (body: unknown) => number;
}

export interface Row {
  /** `public`: anyone, no token; `authenticated`: any valid token (the service bounds by region); else the scope, or any of the scopes. */
  access: 'public' | 'authenticated' | Scope | Scope[];
  region: RegionRule;
  /** The answer to an allowed caller's probe in its own region. */
  allowed: number;
  probe: (f: Fixtures, place: Place) => Probe;
}

/** Columns: the callers. Tokens are issued by the running platform (TEST_CLIENTS in platform-harness.ts). */
export const CALLERS = {
  /** No Authorization header: the public. */
  anonymous: { kind: 'token-less' },
  expired: { kind: 'token-less' },
  forged: { kind: 'token-less' },
  /** Zhengzhou integrator reading records and evaluations, asking decisions; writes nothing. */
  integratorReader: { kind: 'client', clientId: 'zhengzhou-reader' },
  /** Zhengzhou permit window: records and permits written, records read, decisions asked; no evaluations:read. */
  integratorWriter: { kind: 'client', clientId: 'zhengzhou-permits' },
  /** Hubei as a partner province (exchange:read, exchange:write). */
  partner: { kind: 'client', clientId: 'hubei-partner' },
  /** Zhengzhou's regulator: the admin scope, region 410100. */
  admin: { kind: 'client', clientId: 'zhengzhou-regulator' },
} as const;
export type Caller = keyof typeof CALLERS;

/** The status a cell must answer, from the row and the rules above. */
export function expectedStatus(row: Row, caller: Caller, principal: Principal | undefined, place: Place): number {
  if (row.access === 'public') return row.allowed;
  if (!principal) return 401;
  if (row.access !== 'authenticated' && ![row.access].flat().some((scope) => hasScope(principal, scope))) return 403;
  if (place === 'own' || row.region === 'none' || row.region === 'filtered') return row.allowed;
  return row.region === 'named' ? 403 : 404;
}

const q = (params: Record<string, string>) => `?${new URLSearchParams(params).toString()}`;
const empty = (method: 'POST' | 'PUT', path: string): Probe => ({ method, path, body: {} });
const get = (path: string): Probe => ({ method: 'GET', path });
const ndjson = (path: string): Probe => ({ method: 'POST', path, raw: { contentType: 'application/x-ndjson', text: '' } });
const S = Scopes;

/** Every REST route of the gateway, `METHOD /path` as in the OpenAPI document, plus the portal (excluded from it). */
export const MATRIX: Record<string, Row> = {
  // ── Auth (ADR 0005): the token endpoint and the keys are public.
  'POST /api/v1/auth/token': { access: 'public', region: 'none', allowed: 400, probe: () => empty('POST', '/api/v1/auth/token') },
  'GET /.well-known/jwks.json': { access: 'public', region: 'none', allowed: 200, probe: () => get('/.well-known/jwks.json') },
  // Client administration is platform-wide (ADR 0041): the admin's region does not bound it.
  'POST /api/v1/admin/clients': { access: S.Admin, region: 'none', allowed: 400, probe: () => empty('POST', '/api/v1/admin/clients') },
  'GET /api/v1/admin/clients': { access: S.Admin, region: 'none', allowed: 200, probe: () => get('/api/v1/admin/clients') },
  'GET /api/v1/admin/clients/{clientId}': { access: S.Admin, region: 'none', allowed: 404, probe: () => get('/api/v1/admin/clients/nobody-here') },
  'POST /api/v1/admin/clients/{clientId}/rotation': {
    access: S.Admin,
    region: 'none',
    allowed: 404,
    probe: () => ({ method: 'POST', path: '/api/v1/admin/clients/nobody-here/rotation' }),
  },
  'POST /api/v1/admin/clients/{clientId}/disable': {
    access: S.Admin,
    region: 'none',
    allowed: 404,
    probe: () => ({ method: 'POST', path: '/api/v1/admin/clients/nobody-here/disable' }),
  },

  // ── Collection (API.md "Collection").
  'GET /api/v1/catalog/record-types': { access: 'authenticated', region: 'none', allowed: 200, probe: () => get('/api/v1/catalog/record-types') },
  'POST /api/v1/credit-records': {
    access: S.RecordsWrite,
    region: 'named',
    allowed: 201,
    probe: (f, place) => ({ method: 'POST', path: '/api/v1/credit-records', body: f.recordBody(PLACE_REGION[place]) }),
  },
  'GET /api/v1/credit-records': {
    access: S.RecordsRead,
    region: 'filtered',
    allowed: 200,
    probe: (f, place) => ({
      ...get(`/api/v1/credit-records${q({ subjectId: f.subjects[place] })}`),
      count: (b) => ((b as { records?: unknown[] }).records ?? []).length,
    }),
  },
  'GET /api/v1/credit-records/{id}': {
    access: S.RecordsRead,
    region: 'absent',
    allowed: 200,
    probe: (f, place) => get(`/api/v1/credit-records/${f.records[place]}`),
  },
  'POST /api/v1/credit-records/{id}/objections': {
    access: S.RecordsWrite,
    region: 'none',
    allowed: 400,
    probe: (f) => empty('POST', `/api/v1/credit-records/${f.records.own}/objections`),
  },
  'POST /api/v1/credit-records/{id}/revocation': {
    access: S.RecordsWrite,
    region: 'none',
    allowed: 400,
    probe: (f) => empty('POST', `/api/v1/credit-records/${f.records.own}/revocation`),
  },
  'POST /api/v1/credit-records/batches': { access: S.RecordsWrite, region: 'none', allowed: 400, probe: () => ndjson('/api/v1/credit-records/batches') },
  'GET /api/v1/credit-records/batches/{batchId}': {
    access: S.RecordsWrite,
    region: 'none',
    allowed: 404,
    probe: (f) => get(`/api/v1/credit-records/batches/${f.unknownUuid}`),
  },
  'GET /api/v1/objections/{id}': { access: S.RecordsRead, region: 'none', allowed: 404, probe: (f) => get(`/api/v1/objections/${f.unknownUuid}`) },
  'POST /api/v1/objections/{id}/resolution': {
    access: S.RecordsWrite,
    region: 'none',
    allowed: 400,
    probe: (f) => empty('POST', `/api/v1/objections/${f.unknownUuid}/resolution`),
  },
  'GET /api/v1/reports/collection-quality': {
    access: S.RecordsRead,
    region: 'named',
    allowed: 200,
    probe: (f, place) => get(`/api/v1/reports/collection-quality${q({ region: PLACE_REGION[place], month: f.month })}`),
  },
  'GET /api/v1/monitoring-violations': { access: S.RecordsRead, region: 'none', allowed: 200, probe: () => get('/api/v1/monitoring-violations') },
  'POST /api/v1/monitoring-violations/{recordId}/claim': {
    access: S.RecordsWrite,
    region: 'none',
    allowed: 400,
    probe: (f) => empty('POST', `/api/v1/monitoring-violations/${f.unknownUuid}/claim`),
  },
  'POST /api/v1/monitoring-violations/{recordId}/disposal': {
    access: S.RecordsWrite,
    region: 'none',
    allowed: 400,
    probe: (f) => empty('POST', `/api/v1/monitoring-violations/${f.unknownUuid}/disposal`),
  },
  'GET /api/v1/licences/expiring': {
    access: S.RecordsRead,
    region: 'named',
    allowed: 200,
    probe: (_f, place) => get(`/api/v1/licences/expiring${q({ region: PLACE_REGION[place] })}`),
  },
  'GET /api/v1/licences/reminders': {
    access: S.RecordsRead,
    region: 'named',
    allowed: 200,
    probe: (_f, place) => get(`/api/v1/licences/reminders${q({ region: PLACE_REGION[place] })}`),
  },

  // ── Registry (API.md "Registry and administration").
  'PUT /api/v1/registry/enterprises/{uscc}': {
    access: S.RecordsWrite,
    region: 'none',
    allowed: 400,
    probe: (f) => empty('PUT', `/api/v1/registry/enterprises/${f.unknownUscc}`),
  },
  'GET /api/v1/registry/enterprises/{uscc}': {
    access: S.RecordsRead,
    region: 'none',
    allowed: 404,
    probe: (f) => get(`/api/v1/registry/enterprises/${f.unknownUscc}`),
  },
  // A list: an enterprise nobody registered has an empty fleet, as a list reads for an unreported id (ADR 0041).
  'GET /api/v1/registry/enterprises/{uscc}/vehicles': {
    access: S.RecordsRead,
    region: 'none',
    allowed: 200,
    probe: (f) => get(`/api/v1/registry/enterprises/${f.unknownUscc}/vehicles`),
  },
  // A list: an enterprise nobody registered has an empty fleet, as a list reads for an unreported id (ADR 0041).
  'GET /api/v1/registry/enterprises/{uscc}/drivers': {
    access: S.RecordsRead,
    region: 'none',
    allowed: 200,
    probe: (f) => get(`/api/v1/registry/enterprises/${f.unknownUscc}/drivers`),
  },
  'PUT /api/v1/registry/vehicles/{key}': {
    access: S.RecordsWrite,
    region: 'none',
    allowed: 400,
    probe: () => empty('PUT', `/api/v1/registry/vehicles/${encodeURIComponent('豫A12345:yellow')}`),
  },
  'GET /api/v1/registry/vehicles/{key}': {
    access: S.RecordsRead,
    region: 'none',
    allowed: 404,
    probe: () => get(`/api/v1/registry/vehicles/${encodeURIComponent('豫A99999:yellow')}`),
  },
  'PUT /api/v1/registry/drivers/{citizenId}': {
    access: S.RecordsWrite,
    region: 'none',
    allowed: 400,
    probe: (f) => empty('PUT', `/api/v1/registry/drivers/${f.unknownCitizenId}`),
  },
  'GET /api/v1/registry/drivers/{citizenId}': {
    access: S.RecordsRead,
    region: 'none',
    allowed: 404,
    probe: (f) => get(`/api/v1/registry/drivers/${f.unknownCitizenId}`),
  },
  'PUT /api/v1/registry/vessels/{vesselId}': {
    access: S.RecordsWrite,
    region: 'none',
    allowed: 400,
    probe: () => empty('PUT', '/api/v1/registry/vessels/CN20160000001'),
  },
  'GET /api/v1/registry/vessels/{vesselId}': {
    access: S.RecordsRead,
    region: 'none',
    allowed: 404,
    probe: () => get('/api/v1/registry/vessels/CN20169999999'),
  },
  'POST /api/v1/registry/imports': { access: S.RecordsWrite, region: 'none', allowed: 400, probe: () => ndjson('/api/v1/registry/imports') },

  // ── Evaluation.
  'GET /api/v1/evaluation-schemes': { access: S.EvaluationsRead, region: 'none', allowed: 200, probe: () => get('/api/v1/evaluation-schemes') },
  'GET /api/v1/evaluation-schemes/{id}': {
    access: S.EvaluationsRead,
    region: 'none',
    allowed: 404,
    probe: () => get('/api/v1/evaluation-schemes/no-such-scheme'),
  },
  'PUT /api/v1/evaluation-schemes/{id}': {
    access: S.Admin,
    region: 'none',
    allowed: 400,
    probe: () => empty('PUT', '/api/v1/evaluation-schemes/no-such-scheme'),
  },
  'POST /api/v1/evaluation-schemes/{id}/simulations': {
    access: S.Admin,
    region: 'none',
    allowed: 400,
    probe: () => empty('POST', '/api/v1/evaluation-schemes/no-such-scheme/simulations'),
  },
  'GET /api/v1/subjects/{subjectId}/evaluations': {
    access: S.EvaluationsRead,
    region: 'absent',
    allowed: 200,
    probe: (f, place) => get(`/api/v1/subjects/${f.subjects[place]}/evaluations`),
  },
  'GET /api/v1/subjects/{subjectId}/partner-grades': {
    access: S.EvaluationsRead,
    region: 'absent',
    allowed: 200,
    probe: (f, place) => get(`/api/v1/subjects/${f.subjects[place]}/partner-grades`),
  },
  'POST /api/v1/evaluation-cycles': { access: S.Admin, region: 'none', allowed: 400, probe: () => empty('POST', '/api/v1/evaluation-cycles') },
  'GET /api/v1/evaluation-cycles/{id}': {
    access: S.EvaluationsRead,
    region: 'none',
    allowed: 404,
    probe: (f) => get(`/api/v1/evaluation-cycles/${f.unknownUuid}`),
  },
  'GET /api/v1/evaluation-cycles/{id}/rankings': {
    access: S.EvaluationsRead,
    region: 'none',
    allowed: 404,
    probe: (f) => get(`/api/v1/evaluation-cycles/${f.unknownUuid}/rankings`),
  },
  // schemeId, periodKind and period are required (OpenAPI): their absence is the caller's mistake.
  'GET /api/v1/rankings': { access: S.EvaluationsRead, region: 'none', allowed: 400, probe: () => get('/api/v1/rankings') },
  'GET /api/v1/grade-recognitions': { access: S.EvaluationsRead, region: 'none', allowed: 200, probe: () => get('/api/v1/grade-recognitions') },
  'POST /api/v1/grade-recognitions/{id}/recognitions': {
    access: S.EvaluationsRead,
    region: 'none',
    allowed: 400,
    probe: () => empty('POST', '/api/v1/grade-recognitions/no-such-table/recognitions'),
  },
  'GET /api/v1/admin/grade-recognition-tables': { access: S.Admin, region: 'none', allowed: 200, probe: () => get('/api/v1/admin/grade-recognition-tables') },
  'GET /api/v1/admin/grade-recognition-tables/{id}/versions/{version}': {
    access: S.Admin,
    region: 'none',
    allowed: 404,
    probe: () => get('/api/v1/admin/grade-recognition-tables/no-such-table/versions/1'),
  },
  'PUT /api/v1/admin/grade-recognition-tables/{id}': {
    access: S.Admin,
    region: 'none',
    allowed: 400,
    probe: () => empty('PUT', '/api/v1/admin/grade-recognition-tables/no-such-table'),
  },
  'POST /api/v1/subjects/{subjectId}/evaluations/{schemeId}/appeals': {
    access: S.RecordsWrite,
    region: 'none',
    allowed: 400,
    probe: (f) => empty('POST', `/api/v1/subjects/${f.subjects.own}/evaluations/no-such-scheme/appeals`),
  },
  // Read by the subject's region's clients (records:write or evaluations:read) and the scheme's owner (evaluation's GetAppealHandler).
  'GET /api/v1/grade-appeals/{appealId}': {
    access: [S.RecordsWrite, S.EvaluationsRead],
    region: 'none',
    allowed: 404,
    probe: (f) => get(`/api/v1/grade-appeals/${f.unknownUuid}`),
  },
  'POST /api/v1/grade-appeals/{appealId}/decision': {
    access: S.Admin,
    region: 'none',
    allowed: 400,
    probe: (f) => empty('POST', `/api/v1/grade-appeals/${f.unknownUuid}/decision`),
  },

  // ── Joint measures.
  'GET /api/v1/subjects/{subjectId}/list-entries': {
    access: S.RecordsRead,
    region: 'absent',
    allowed: 200,
    probe: (f, place) => get(`/api/v1/subjects/${f.subjects[place]}/list-entries`),
  },
  'POST /api/v1/lists/{listType}/entries': {
    access: S.RecordsWrite,
    region: 'none',
    allowed: 400,
    probe: () => empty('POST', '/api/v1/lists/key-watch/entries'),
  },
  'POST /api/v1/list-entries/{id}/decision': {
    access: S.RecordsWrite,
    region: 'none',
    allowed: 400,
    probe: (f) => empty('POST', `/api/v1/list-entries/${f.unknownUuid}/decision`),
  },
  'PUT /api/v1/subjects/{subjectId}/fleet': {
    access: S.RecordsWrite,
    region: 'none',
    allowed: 400,
    probe: (f) => empty('PUT', `/api/v1/subjects/${f.subjects.own}/fleet`),
  },
  'GET /api/v1/entry-rules': { access: S.RecordsRead, region: 'none', allowed: 200, probe: () => get('/api/v1/entry-rules') },
  'PUT /api/v1/entry-rules': { access: S.Admin, region: 'none', allowed: 400, probe: () => empty('PUT', '/api/v1/entry-rules') },
  // Every field of a screening is optional: the unknown rule is what the probe meets.
  'POST /api/v1/entry-rules/{ruleId}/screenings': {
    access: S.RecordsWrite,
    region: 'none',
    allowed: 404,
    probe: () => empty('POST', '/api/v1/entry-rules/no-such-rule/screenings'),
  },
  'POST /api/v1/measures/decisions': {
    access: S.MeasuresDecide,
    region: 'named',
    allowed: 200,
    probe: (f, place) => ({
      method: 'POST',
      path: '/api/v1/measures/decisions',
      body: { subjectId: f.subjects.own, scene: 'permit.application', region: PLACE_REGION[place] },
    }),
  },
  // No draw plan covers Zhengzhou (joint measures' shipped plans: Jiyuan, Hangzhou, Shandong, Puyang): 404 DRAW.NO_PLAN
  // once the region is allowed; outside the subtree the region is refused first.
  'POST /api/v1/inspections/draws': {
    access: S.MeasuresDecide,
    region: 'named',
    allowed: 404,
    probe: (_f, place) => ({ method: 'POST', path: '/api/v1/inspections/draws', body: { pool: { region: PLACE_REGION[place], sector: 'driving-school' } } }),
  },
  'GET /api/v1/reports/measures-applied': {
    access: S.RecordsRead,
    region: 'named',
    allowed: 200,
    probe: (f, place) => get(`/api/v1/reports/measures-applied${q({ region: PLACE_REGION[place], month: f.month })}`),
  },
  'GET /api/v1/commitment-findings': {
    access: S.RecordsRead,
    region: 'named',
    allowed: 200,
    probe: (_f, place) => get(`/api/v1/commitment-findings${q({ region: PLACE_REGION[place] })}`),
  },
  'POST /api/v1/commitment-findings/{id}/confirm': {
    access: S.RecordsWrite,
    region: 'none',
    allowed: 400,
    probe: (f) => empty('POST', `/api/v1/commitment-findings/${f.unknownUuid}/confirm`),
  },
  'POST /api/v1/commitment-findings/{id}/dismiss': {
    access: S.RecordsWrite,
    region: 'none',
    allowed: 400,
    probe: (f) => empty('POST', `/api/v1/commitment-findings/${f.unknownUuid}/dismiss`),
  },
  ...Object.fromEntries(
    (['measure-mappings', 'draw-plans', 'entry-rules'] as const).flatMap((kind) => [
      [`GET /api/v1/admin/${kind}`, { access: S.Admin, region: 'none', allowed: 200, probe: () => get(`/api/v1/admin/${kind}`) }],
      [`PUT /api/v1/admin/${kind}`, { access: S.Admin, region: 'none', allowed: 400, probe: () => empty('PUT', `/api/v1/admin/${kind}`) }],
      [
        `GET /api/v1/admin/${kind}/versions/{version}`,
        { access: S.Admin, region: 'none', allowed: 404, probe: () => get(`/api/v1/admin/${kind}/versions/999999`) },
      ],
    ]),
  ),

  // ── Exchange (partner provinces).
  'POST /exchange/v1/list-entries': { access: S.ExchangeWrite, region: 'none', allowed: 400, probe: () => empty('POST', '/exchange/v1/list-entries') },
  'GET /exchange/v1/permit-approvals': {
    access: S.ExchangeRead,
    region: 'none',
    allowed: 200,
    probe: () => get('/exchange/v1/permit-approvals?state=pending'),
  },
  'POST /exchange/v1/permit-approvals': { access: S.ExchangeWrite, region: 'none', allowed: 400, probe: () => empty('POST', '/exchange/v1/permit-approvals') },
  // The sender's own entries (issue 20 item 1): its list, one it never sent (404), withdrawing one it never sent (404).
  'GET /exchange/v1/list-entries': { access: S.ExchangeRead, region: 'none', allowed: 200, probe: () => get('/exchange/v1/list-entries') },
  'GET /exchange/v1/list-entries/{id}': {
    access: S.ExchangeRead,
    region: 'none',
    allowed: 404,
    probe: (f) => get(`/exchange/v1/list-entries/${f.unknownUuid}`),
  },
  'DELETE /exchange/v1/list-entries/{id}': {
    access: S.ExchangeWrite,
    region: 'none',
    allowed: 404,
    probe: (f) => ({ method: 'DELETE', path: `/exchange/v1/list-entries/${f.unknownUuid}` }),
  },
  // Published grades are public (DOMAIN.md §6): no region rule; nothing published about an unknown enterprise (404).
  'GET /exchange/v1/subjects/{subjectId}/grade': {
    access: S.ExchangeRead,
    region: 'none',
    allowed: 404,
    probe: (f) => get(`/exchange/v1/subjects/${f.unknownUscc}/grade`),
  },
  'GET /exchange/v1/changes': { access: S.ExchangeRead, region: 'none', allowed: 200, probe: () => get('/exchange/v1/changes') },
  'POST /exchange/v1/records': { access: S.ExchangeWrite, region: 'none', allowed: 400, probe: () => empty('POST', '/exchange/v1/records') },
  // Repair applications a partner forwards about our records (ADR 0084): an empty body (400); one it never forwarded (404).
  'POST /exchange/v1/repair-applications': {
    access: S.ExchangeWrite,
    region: 'none',
    allowed: 400,
    probe: () => empty('POST', '/exchange/v1/repair-applications'),
  },
  'GET /exchange/v1/repair-applications/{applicationId}': {
    access: S.ExchangeRead,
    region: 'none',
    allowed: 404,
    probe: (f) => get(`/exchange/v1/repair-applications/${f.unknownUuid}`),
  },
  // A forwarded application's evidence files (ADR 0088): an empty upload is refused (400 FILE.EMPTY).
  'POST /exchange/v1/repair-evidence': {
    access: S.ExchangeWrite,
    region: 'none',
    allowed: 400,
    probe: () => ({ method: 'POST', path: '/exchange/v1/repair-evidence', raw: { contentType: 'application/octet-stream', text: '' } }),
  },
  // Admins review what partners sent.
  'GET /api/v1/partner-list-entries': { access: S.Admin, region: 'none', allowed: 200, probe: () => get('/api/v1/partner-list-entries') },
  // The partner-feed puller's state and dead letters (ADR 0080): the deployment's, not a region's.
  'GET /api/v1/admin/partner-feeds': { access: S.Admin, region: 'none', allowed: 200, probe: () => get('/api/v1/admin/partner-feeds') },
  'GET /api/v1/admin/partner-feeds/dead-letters': {
    access: S.Admin,
    region: 'none',
    allowed: 200,
    probe: () => get('/api/v1/admin/partner-feeds/dead-letters'),
  },
  // Our answers to partner provinces' permit applications, relayed (ADR 0080): a partner this deployment does not follow is refused on `partner`.
  'GET /api/v1/partner-permit-approvals': { access: S.PermitsWrite, region: 'none', allowed: 400, probe: () => get('/api/v1/partner-permit-approvals') },
  'POST /api/v1/partner-permit-approvals': {
    access: S.PermitsWrite,
    region: 'none',
    allowed: 400,
    probe: () => empty('POST', '/api/v1/partner-permit-approvals'),
  },
  // Stored files (ADR 0076): an empty upload is refused (400 FILE.EMPTY); a file nobody stored is absent.
  'POST /api/v1/permit-attachments': {
    access: S.PermitsWrite,
    region: 'none',
    allowed: 400,
    probe: () => ({ method: 'POST', path: '/api/v1/permit-attachments', raw: { contentType: 'application/octet-stream', text: '' } }),
  },
  'GET /api/v1/permit-attachments/{sha256}': {
    access: S.PermitsWrite,
    region: 'none',
    allowed: 404,
    probe: () => get(`/api/v1/permit-attachments/${'0'.repeat(64)}`),
  },
  'POST /api/v1/repair-evidence': {
    access: S.RecordsWrite,
    region: 'none',
    allowed: 400,
    probe: () => ({ method: 'POST', path: '/api/v1/repair-evidence', raw: { contentType: 'application/octet-stream', text: '' } }),
  },
  'GET /api/v1/repair-evidence/{sha256}': {
    access: S.RecordsWrite,
    region: 'none',
    allowed: 404,
    probe: () => get(`/api/v1/repair-evidence/${'0'.repeat(64)}`),
  },

  // ── Repair.
  'POST /api/v1/repair-applications': { access: S.RecordsWrite, region: 'none', allowed: 400, probe: () => empty('POST', '/api/v1/repair-applications') },
  'GET /api/v1/repair-applications': { access: S.RecordsWrite, region: 'none', allowed: 200, probe: () => get('/api/v1/repair-applications') },
  'POST /api/v1/repair-applications/{applicationId}/decision': {
    access: S.RecordsWrite,
    region: 'none',
    allowed: 400,
    probe: (f) => empty('POST', `/api/v1/repair-applications/${f.unknownUuid}/decision`),
  },
  'POST /api/v1/repair-applications/{applicationId}/revocation': {
    access: S.RecordsWrite,
    region: 'none',
    allowed: 400,
    probe: (f) => empty('POST', `/api/v1/repair-applications/${f.unknownUuid}/revocation`),
  },
  'GET /api/v1/reports/repairs': {
    access: S.RecordsRead,
    region: 'named',
    allowed: 200,
    probe: (f, place) => get(`/api/v1/reports/repairs${q({ region: PLACE_REGION[place], month: f.month })}`),
  },
  'GET /api/v1/subjects/{subjectId}/repair-reminders': {
    access: S.RecordsRead,
    region: 'absent',
    allowed: 200,
    probe: (f, place) => get(`/api/v1/subjects/${f.subjects[place]}/repair-reminders`),
  },

  // ── Permits.
  'POST /api/v1/permit-applications': { access: S.PermitsWrite, region: 'none', allowed: 400, probe: () => empty('POST', '/api/v1/permit-applications') },
  // Status of an application: read by the accepting and route provinces (the service bounds it), no scope of its own.
  'GET /api/v1/permit-applications/{id}': {
    access: 'authenticated',
    region: 'none',
    allowed: 404,
    probe: (f) => get(`/api/v1/permit-applications/${f.unknownUuid}`),
  },
  // Every field of a correction is optional: the unknown application is what the probe meets.
  'POST /api/v1/permit-applications/{id}/correction': {
    access: S.PermitsWrite,
    region: 'none',
    allowed: 404,
    probe: (f) => empty('POST', `/api/v1/permit-applications/${f.unknownUuid}/correction`),
  },
  'POST /api/v1/permit-applications/{id}/decision': {
    access: S.PermitsWrite,
    region: 'none',
    allowed: 400,
    probe: (f) => empty('POST', `/api/v1/permit-applications/${f.unknownUuid}/decision`),
  },
  // Verifying a permit (API.md: "verify a permit (also by QR)"): any client.
  'GET /api/v1/permits/{permitNo}': { access: 'authenticated', region: 'none', allowed: 404, probe: () => get('/api/v1/permits/NO-SUCH-PERMIT') },
  'POST /api/v1/permits/{permitNo}/revocation': {
    access: S.PermitsWrite,
    region: 'none',
    allowed: 400,
    probe: () => empty('POST', '/api/v1/permits/NO-SUCH-PERMIT/revocation'),
  },
  'GET /api/v1/reports/permits': {
    access: S.RecordsRead,
    region: 'named',
    allowed: 200,
    probe: (f, place) => get(`/api/v1/reports/permits${q({ region: PLACE_REGION[place], month: f.month })}`),
  },
  'POST /api/v1/checkpoint-inspections': { access: S.PermitsWrite, region: 'none', allowed: 400, probe: () => empty('POST', '/api/v1/checkpoint-inspections') },
  'POST /api/v1/vehicle-positions': { access: S.PermitsWrite, region: 'none', allowed: 400, probe: () => empty('POST', '/api/v1/vehicle-positions') },

  // ── Public (API.md "Public"): anyone, no token.
  'GET /public/v1/subjects': { access: 'public', region: 'none', allowed: 200, probe: () => get(`/public/v1/subjects${q({ q: '运输' })}`) },
  'GET /public/v1/subjects/{uscc}': { access: 'public', region: 'none', allowed: 404, probe: (f) => get(`/public/v1/subjects/${f.unknownUscc}`) },
  'GET /public/v1/subjects/{uscc}/report': { access: 'public', region: 'none', allowed: 404, probe: (f) => get(`/public/v1/subjects/${f.unknownUscc}/report`) },
  'GET /public/v1/reports/{code}': { access: 'public', region: 'none', allowed: 404, probe: () => get('/public/v1/reports/ABCD2345EFGH') },
  'GET /public/v1/lists/{listType}': { access: 'public', region: 'none', allowed: 200, probe: () => get('/public/v1/lists/red') },
  'GET /public/v1/publication-log': { access: 'public', region: 'none', allowed: 200, probe: () => get('/public/v1/publication-log') },
  'GET /public/v1/publication-log/items/{publicationId}': {
    access: 'public',
    region: 'none',
    allowed: 404,
    probe: (f) => get(`/public/v1/publication-log/items/${f.unknownUuid}`),
  },
  'GET /public/v1/permits/{permitNo}': { access: 'public', region: 'none', allowed: 404, probe: () => get('/public/v1/permits/NO-SUCH-PERMIT') },
  'GET /public/v1/permits/{permitNo}/qr': { access: 'public', region: 'none', allowed: 404, probe: () => get('/public/v1/permits/NO-SUCH-PERMIT/qr') },
  // The portal (ApiExcludeController: a web page, not API).
  'GET /': { access: 'public', region: 'none', allowed: 200, probe: () => get('/') },
  'GET /portal/{name}': { access: 'public', region: 'none', allowed: 404, probe: () => get('/portal/no-such-asset.js') },
};

/** Routes answered by controllers excluded from the OpenAPI document (checked against the source in the spec). */
export const ROUTES_OUTSIDE_OPENAPI = ['GET /', 'GET /portal/{name}'];
