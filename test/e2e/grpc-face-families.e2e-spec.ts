import { ProtoPackages } from '@contracts';
import { callUnary } from '../support/grpc-probes';
import { makeUscc } from '../support/factories';
import { gatewayApi } from '../support/gateway-api';
import { RunningPlatform, startPlatform } from '../support/platform-harness';

type Json = Record<string, unknown> & { code?: string; errors?: { field: string; code: string }[] };
type GrpcRefusal = { code: number; metadata: { get(k: string): unknown[] } };

/** gRPC status codes (grpc/status.proto) for the HTTP statuses REST answers with (ADR 0078, grpcCodeForKind). */
const GRPC_FOR_HTTP: Record<number, number> = { 400: 3, 401: 16, 403: 7, 404: 5, 409: 6, 422: 9 };
const UNAUTHENTICATED = 16;

/** One call made on both faces: the RPC and its request, the REST route it twins and its body. */
interface Case {
  name: string;
  service: string;
  rpc: string;
  request: Record<string, string>;
  client: string;
  rest: { method?: string; path: string; body?: object };
}

const subject = makeUscc('410100');

/**
 * One call per RPC family other than records (grpc-face.e2e-spec.ts) on both faces, through the
 * real platform: what REST answers — a body, or a refusal (scope, region, not found, invalid
 * argument) — gRPC answers, with the status of REST's HTTP status and REST's stable code and
 * fields; and no family answers without a token (issue 20 item 6, ADR 0078).
 */
describe('every RPC family of the gateway gRPC face answers as REST does', () => {
  let platform: RunningPlatform;
  const tokens = new Map<string, string>();
  const api = gatewayApi<Json>(
    () => platform,
    () => tokens.get('zhengzhou')!,
  );

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'evaluation', 'joint-measures', 'permits', 'repair', 'disclosure']);
    const clients = ['zhengzhou', 'luoyang', 'reader', 'zhengzhou-reader', 'zhengzhou-permits', 'hubei-partner', 'henan-inspection'];
    for (const client of clients) tokens.set(client, await platform.token(client));
  }, 180_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  function grpc(c: Pick<Case, 'service' | 'rpc' | 'request'>, token: string | null): Promise<{ bodyJson: string }> {
    return callUnary(
      `127.0.0.1:${platform.ports.gateway.grpc}`,
      ProtoPackages.gateway.protoPath,
      `gateway.v1.${c.service}`,
      c.rpc.charAt(0).toLowerCase() + c.rpc.slice(1),
      c.request,
      token === null ? {} : { authorization: `Bearer ${token}` },
    ) as Promise<{ bodyJson: string }>;
  }
  const refusal = (call: Promise<unknown>) =>
    call.then(
      (answer) => ({ code: 0, errorCode: undefined as string | undefined, violations: '', answer }),
      (error: unknown) => {
        const e = error as GrpcRefusal;
        return {
          code: e.code,
          errorCode: e.metadata.get('x-error-code')[0] as string | undefined,
          violations: String(e.metadata.get('x-error-violations')[0] ?? ''),
        };
      },
    );

  const body = (value: object) => JSON.stringify(value);
  const cases: Case[] = [
    // Evaluation: a read, the scope, an invalid body.
    {
      name: 'schemes',
      service: 'EvaluationGatewayService',
      rpc: 'ListSchemes',
      request: {},
      client: 'zhengzhou-reader',
      rest: { path: '/api/v1/evaluation-schemes' },
    },
    {
      name: 'schemes without evaluations:read',
      service: 'EvaluationGatewayService',
      rpc: 'ListSchemes',
      request: {},
      client: 'zhengzhou',
      rest: { path: '/api/v1/evaluation-schemes' },
    },
    {
      name: 'recognition without a grade',
      service: 'EvaluationGatewayService',
      rpc: 'RecogniseGrade',
      request: { id: 'jiangsu', bodyJson: body({ colour: 'red' }) },
      client: 'zhengzhou-reader',
      rest: { method: 'POST', path: '/api/v1/grade-recognitions/jiangsu/recognitions', body: { colour: 'red' } },
    },
    // Joint measures: a read, the scope, an invalid proposal, the region rule.
    { name: 'entry rules', service: 'MeasuresGatewayService', rpc: 'GetEntryRules', request: {}, client: 'zhengzhou', rest: { path: '/api/v1/entry-rules' } },
    {
      name: 'a draw without measures:decide',
      service: 'MeasuresGatewayService',
      rpc: 'DrawInspections',
      request: { bodyJson: body({}) },
      client: 'zhengzhou',
      rest: { method: 'POST', path: '/api/v1/inspections/draws', body: {} },
    },
    {
      name: 'a proposal without basis',
      service: 'MeasuresGatewayService',
      rpc: 'ProposeListEntry',
      request: { listType: 'key-watch', bodyJson: body({ subjectId: `org:${subject}` }) },
      client: 'zhengzhou',
      rest: { method: 'POST', path: '/api/v1/lists/key-watch/entries', body: { subjectId: `org:${subject}` } },
    },
    {
      name: "another city's subject",
      service: 'MeasuresGatewayService',
      rpc: 'ListSubjectListEntries',
      request: { subjectId: `org:${subject}` },
      client: 'luoyang',
      rest: { path: `/api/v1/subjects/org:${subject}/list-entries` },
    },
    // Permits: the scope, an invalid application, an unknown application.
    {
      name: 'an application without permits:write',
      service: 'PermitsGatewayService',
      rpc: 'SubmitPermitApplication',
      request: { bodyJson: body({}) },
      client: 'zhengzhou',
      rest: { method: 'POST', path: '/api/v1/permit-applications', body: {} },
    },
    {
      name: 'an empty application',
      service: 'PermitsGatewayService',
      rpc: 'SubmitPermitApplication',
      request: { bodyJson: body({}) },
      client: 'zhengzhou-permits',
      rest: { method: 'POST', path: '/api/v1/permit-applications', body: {} },
    },
    {
      name: 'an unknown application',
      service: 'PermitsGatewayService',
      rpc: 'GetPermitApplication',
      request: { id: '00000000-0000-4000-8000-000000000000' },
      client: 'zhengzhou-permits',
      rest: { path: '/api/v1/permit-applications/00000000-0000-4000-8000-000000000000' },
    },
    // Repair: a read, the scope, an invalid application.
    {
      name: 'repair applications',
      service: 'RepairGatewayService',
      rpc: 'ListRepairApplications',
      request: {},
      client: 'zhengzhou',
      rest: { path: '/api/v1/repair-applications' },
    },
    {
      name: 'repair applications read-only',
      service: 'RepairGatewayService',
      rpc: 'ListRepairApplications',
      request: {},
      client: 'reader',
      rest: { path: '/api/v1/repair-applications' },
    },
    {
      name: 'an empty repair application',
      service: 'RepairGatewayService',
      rpc: 'ApplyForRepair',
      request: { bodyJson: body({}) },
      client: 'zhengzhou',
      rest: { method: 'POST', path: '/api/v1/repair-applications', body: {} },
    },
    // Exchange (the routes on main): a partner's read, an invalid answer, an integrator refused.
    {
      name: 'pending approvals',
      service: 'ExchangeGatewayService',
      rpc: 'ListPermitApprovals',
      request: {},
      client: 'hubei-partner',
      rest: { path: '/exchange/v1/permit-approvals' },
    },
    {
      name: 'an empty approval answer',
      service: 'ExchangeGatewayService',
      rpc: 'AnswerPermitApproval',
      request: { bodyJson: body({}) },
      client: 'hubei-partner',
      rest: { method: 'POST', path: '/exchange/v1/permit-approvals', body: {} },
    },
    // Exchange routes of issue 20 items 1, 2, 4: what the partner sent, read back and withdrawn; the grade lookup; the feed.
    {
      name: 'list entries the partner sent',
      service: 'ExchangeGatewayService',
      rpc: 'ListSentListEntries',
      request: { state: 'not-applied' },
      client: 'hubei-partner',
      rest: { path: '/exchange/v1/list-entries?state=not-applied' },
    },
    {
      name: 'an entry the partner never sent',
      service: 'ExchangeGatewayService',
      rpc: 'GetSentListEntry',
      request: { id: '00000000-0000-4000-8000-000000000000' },
      client: 'hubei-partner',
      rest: { path: '/exchange/v1/list-entries/00000000-0000-4000-8000-000000000000' },
    },
    {
      name: 'withdrawing an entry the partner never sent',
      service: 'ExchangeGatewayService',
      rpc: 'WithdrawSentListEntry',
      request: { id: '00000000-0000-4000-8000-000000000000' },
      client: 'hubei-partner',
      rest: { method: 'DELETE', path: '/exchange/v1/list-entries/00000000-0000-4000-8000-000000000000' },
    },
    {
      name: "a subject's grade for the partner",
      service: 'ExchangeGatewayService',
      rpc: 'GetSubjectGrade',
      request: { subjectId: subject },
      client: 'hubei-partner',
      rest: { path: `/exchange/v1/subjects/${subject}/grade` },
    },
    {
      name: 'a garbage feed cursor',
      service: 'ExchangeGatewayService',
      rpc: 'GetChanges',
      request: { since: 'not-a-cursor' },
      client: 'hubei-partner',
      rest: { path: '/exchange/v1/changes?since=not-a-cursor' },
    },
    {
      name: 'approvals for an integrator',
      service: 'ExchangeGatewayService',
      rpc: 'ListPermitApprovals',
      request: {},
      client: 'zhengzhou',
      rest: { path: '/exchange/v1/permit-approvals' },
    },
    // Licences, commitment findings, the rest of the registry.
    {
      name: 'licence reminders',
      service: 'LicencesGatewayService',
      rpc: 'ListLicenceReminders',
      request: {},
      client: 'zhengzhou',
      rest: { path: '/api/v1/licences/reminders' },
    },
    {
      name: 'reminders without records:read',
      service: 'LicencesGatewayService',
      rpc: 'ListLicenceReminders',
      request: {},
      client: 'henan-inspection',
      rest: { path: '/api/v1/licences/reminders' },
    },
    {
      name: 'findings',
      service: 'CommitmentFindingsGatewayService',
      rpc: 'ListCommitmentFindings',
      request: {},
      client: 'zhengzhou',
      rest: { path: '/api/v1/commitment-findings' },
    },
    {
      name: 'a finding confirmed with an unknown field',
      service: 'CommitmentFindingsGatewayService',
      rpc: 'ConfirmCommitmentFinding',
      request: { id: '00000000-0000-4000-8000-000000000000', bodyJson: body({ colour: 'red' }) },
      client: 'zhengzhou',
      rest: { method: 'POST', path: '/api/v1/commitment-findings/00000000-0000-4000-8000-000000000000/confirm', body: { colour: 'red' } },
    },
    {
      name: 'an unknown vessel',
      service: 'RegistryGatewayService',
      rpc: 'GetVessel',
      request: { vesselId: 'CN12345678901' },
      client: 'zhengzhou',
      rest: { path: '/api/v1/registry/vessels/CN12345678901' },
    },
  ];

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const token = tokens.get(c.client)!;
    const rest = await api(c.rest.path, { method: c.rest.method ?? 'GET', body: c.rest.body, token });
    const overGrpc = await refusal(grpc(c, token));
    if (rest.status < 300) {
      expect(overGrpc.code).toBe(0);
      expect(JSON.parse((overGrpc as { answer: { bodyJson: string } }).answer.bodyJson)).toEqual(rest.body);
    } else {
      expect({ code: overGrpc.code, errorCode: overGrpc.errorCode }).toEqual({ code: GRPC_FOR_HTTP[rest.status], errorCode: rest.body.code });
      for (const field of rest.body.errors?.map((e) => e.field) ?? []) expect(overGrpc.violations).toContain(`"${field}"`);
    }
    expect(await refusal(grpc(c, null))).toMatchObject({ code: UNAUTHENTICATED, errorCode: 'AUTH.UNAUTHENTICATED' });
  });

  it('covers refusals and answers alike (the cases above are not all one kind)', async () => {
    const statuses = await Promise.all(cases.map((c) => api(c.rest.path, { method: c.rest.method ?? 'GET', body: c.rest.body, token: tokens.get(c.client)! })));
    expect(new Set(statuses.map((s) => Math.floor(s.status / 100)))).toEqual(new Set([2, 4]));
    expect(statuses.map((s) => s.status)).toEqual(expect.arrayContaining([200, 400, 403, 404]));
  });
});
