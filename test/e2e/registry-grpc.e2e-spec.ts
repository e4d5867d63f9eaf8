import { ProtoPackages } from '@contracts';
import { callUnary } from '../support/grpc-probes';
import { makeUscc } from '../support/factories';
import { gatewayApi } from '../support/gateway-api';
import { RunningPlatform, startPlatform } from '../support/platform-harness';

type Json = Record<string, unknown> & { code?: string; errors?: { field: string; code: string }[] };
type Registration = { kind: string; key: string; revision: number; source: string; changedAt: string; registrationJson: string };
type PutAnswer = { registration: Registration; outcome: string; replayed: boolean };
type GrpcRefusal = { code: number; metadata: { get(k: string): unknown[] } };

/** GB 11643-1999's worked example (check character X). */
const DRIVER_ID = '11010519491231002X';

/** gRPC status codes (grpc/status.proto) for the HTTP statuses REST answers with. */
const GRPC = { OK: 0, INVALID_ARGUMENT: 3, NOT_FOUND: 5, PERMISSION_DENIED: 7, UNAUTHENTICATED: 16 } as const;
const GRPC_FOR_HTTP: Record<number, number> = { 400: GRPC.INVALID_ARGUMENT, 403: GRPC.PERMISSION_DENIED, 404: GRPC.NOT_FOUND };

/**
 * The subject registry on the gateway's gRPC face (gateway.v1.RegistryGatewayService, ADR 0042,
 * ADR 0037): the same registrations, answers and error codes as REST /api/v1/registry, under the
 * same token, scope, region and audit rules.
 */
describe('subject registry on the gateway gRPC face', () => {
  let platform: RunningPlatform;
  let zhengzhou: string;
  let luoyang: string;
  const api = gatewayApi<Json>(
    () => platform,
    () => zhengzhou,
  );

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection']);
    [zhengzhou, luoyang] = await Promise.all([platform.token('zhengzhou'), platform.token('luoyang')]);
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  function grpc<T>(method: string, request: object, token: string | null = zhengzhou): Promise<T> {
    return callUnary(
      `127.0.0.1:${platform.ports.gateway.grpc}`,
      ProtoPackages.gateway.protoPath,
      'gateway.v1.RegistryGatewayService',
      method,
      request,
      token === null ? {} : { authorization: `Bearer ${token}` },
    ) as Promise<T>;
  }
  const refusal = (call: Promise<unknown>) => call.then(() => ({ code: GRPC.OK, errorCode: undefined, violations: '' }), describeRefusal);
  function describeRefusal(error: unknown) {
    const e = error as GrpcRefusal;
    return {
      code: e.code,
      errorCode: e.metadata.get('x-error-code')[0] as string | undefined,
      violations: String(e.metadata.get('x-error-violations')[0] ?? ''),
    };
  }

  const uscc = makeUscc('410100');
  const enterprise = {
    name: '郑州主体库gRPC测试危货运输有限公司',
    licences: [{ number: '豫交运管许可郑字410100777号', businessScope: '道路危险货物运输（3类）', validFrom: '2024-01-01', validUntil: '2099-12-31' }],
    registeredOn: '2019-05-20',
  };

  it('writes and reads an enterprise, a vehicle and a driver as REST does', async () => {
    const created = await grpc<PutAnswer>('putEnterprise', { uscc, registrationJson: JSON.stringify(enterprise), idempotencyKey: '' });
    expect(created).toMatchObject({ outcome: 'created', replayed: false, registration: { kind: 'enterprise', key: uscc, revision: 1, source: 'api' } });
    // Sectors from the licence's business scope, the region from the USCC (as on REST, ADR 0042).
    expect(JSON.parse(created.registration.registrationJson)).toMatchObject({ uscc, region: '410100', sectors: ['hazardous-goods'] });
    // The same content again: unchanged, no new revision; a retried idempotency key replays.
    expect(await grpc<PutAnswer>('putEnterprise', { uscc, registrationJson: JSON.stringify(enterprise) })).toMatchObject({
      outcome: 'unchanged',
      registration: { revision: 1 },
    });
    const renamed = { ...enterprise, name: '郑州主体库gRPC测试危险货物运输有限公司' };
    const keyed = () => grpc<PutAnswer>('putEnterprise', { uscc, registrationJson: JSON.stringify(renamed), idempotencyKey: `grpc-${uscc}` });
    expect(await keyed()).toMatchObject({ outcome: 'updated', replayed: false, registration: { revision: 2 } });
    expect(await keyed()).toMatchObject({ outcome: 'updated', replayed: true, registration: { revision: 2 } });

    // What gRPC reads is what REST reads.
    const overGrpc = await grpc<{ registration: Registration }>('getEnterprise', { uscc });
    const overRest = await api(`/api/v1/registry/enterprises/${uscc}`);
    expect(overRest.status).toBe(200);
    const { revision, source, changedAt, ...restRegistration } = overRest.body;
    expect({ ...JSON.parse(overGrpc.registration.registrationJson), revision, source, changedAt }).toEqual({
      ...restRegistration,
      revision: 2,
      source,
      changedAt,
    });
    expect(overGrpc.registration).toMatchObject({ revision: 2, source, changedAt });

    const key = '豫A7G301:yellow';
    const vehicle = await grpc<PutAnswer>('putVehicle', {
      key,
      registrationJson: JSON.stringify({ carrierUscc: uscc, region: '410100', vehicleType: 'tanker', axles: 3 }),
    });
    expect(vehicle).toMatchObject({ outcome: 'created', registration: { kind: 'vehicle', key } });
    expect(JSON.parse((await grpc<{ registration: Registration }>('getVehicle', { key })).registration.registrationJson)).toMatchObject({
      carrierUscc: uscc,
      vehicleType: 'tanker',
      axles: 3,
    });
    const carrierVehicles = await api(`/api/v1/registry/enterprises/${uscc}/vehicles`);
    expect(carrierVehicles.body.items).toEqual([expect.objectContaining({ carrierUscc: uscc, vehicleType: 'tanker' })]);

    const driver = await grpc<PutAnswer>('putDriver', {
      citizenId: DRIVER_ID,
      registrationJson: JSON.stringify({ name: '李四', region: '410100', employerUscc: uscc, qualificationSectors: ['hazardous-goods'] }),
    });
    expect(driver.outcome).toBe('created');
    const readDriver = await grpc<{ registration: Registration }>('getDriver', { citizenId: DRIVER_ID });
    // Never answered unmasked, on either face.
    expect(JSON.stringify([driver, readDriver])).not.toContain(DRIVER_ID);
    expect(JSON.parse(readDriver.registration.registrationJson)).toMatchObject({ name: '李四', employerUscc: uscc });

    // Every write on the face is audited (ADR 0037): method GRPC, the full method path, status 0.
    const audited = await platform.db.query<{ status: number }>(
      `SELECT status FROM gateway.audit_log WHERE method = 'GRPC' AND path = '/gateway.v1.RegistryGatewayService/PutEnterprise' AND status = 0`,
    );
    expect(audited.length).toBeGreaterThanOrEqual(4);
  }, 30_000);

  it('refuses the input REST refuses, with the same error codes and fields', async () => {
    const cases: { rest: [string, object]; grpc: [string, object]; field: string }[] = [
      // A sector not in @domain/credit SECTORS.
      {
        rest: [`enterprises/${makeUscc('410100')}`, { name: '某公司', declaredSectors: ['trucking'] }],
        grpc: ['putEnterprise', { uscc: makeUscc('410100'), registrationJson: JSON.stringify({ name: '某公司', declaredSectors: ['trucking'] }) }],
        field: 'declaredSectors',
      },
      // A field REST does not know is refused, not dropped.
      {
        rest: [`enterprises/${makeUscc('410100')}`, { name: '某公司', fleet: 12 }],
        grpc: ['putEnterprise', { uscc: makeUscc('410100'), registrationJson: JSON.stringify({ name: '某公司', fleet: 12 }) }],
        field: 'fleet',
      },
      // A carrier USCC with a wrong check character (GB 32100-2015).
      {
        rest: [`vehicles/${encodeURIComponent('豫A7G302:yellow')}`, { carrierUscc: '91350100M000100Y42', region: '410100', vehicleType: 'tractor' }],
        grpc: [
          'putVehicle',
          { key: '豫A7G302:yellow', registrationJson: JSON.stringify({ carrierUscc: '91350100M000100Y42', region: '410100', vehicleType: 'tractor' }) },
        ],
        field: 'carrierUscc',
      },
      // A citizen ID with a wrong check character (GB 11643-1999).
      {
        rest: ['drivers/110105194912310021', { name: '赵六', region: '410100' }],
        grpc: ['putDriver', { citizenId: '110105194912310021', registrationJson: JSON.stringify({ name: '赵六', region: '410100' }) }],
        field: 'citizenId',
      },
    ];
    for (const c of cases) {
      const rest = await api(`/api/v1/registry/${c.rest[0]}`, { method: 'PUT', body: c.rest[1] });
      const overGrpc = await refusal(grpc(c.grpc[0], c.grpc[1]));
      expect(rest.status).toBe(400);
      expect(rest.body.errors?.map((e) => e.field)).toContain(c.field);
      expect(overGrpc).toMatchObject({ code: GRPC_FOR_HTTP[rest.status], errorCode: rest.body.code });
      expect(overGrpc.violations).toContain(c.field);
    }
    // A body that is not a JSON object.
    expect(await refusal(grpc('putEnterprise', { uscc: makeUscc('410100'), registrationJson: '[1]' }))).toMatchObject({
      code: GRPC.INVALID_ARGUMENT,
      errorCode: 'REQUEST.INVALID',
      violations: expect.stringContaining('registrationJson'),
    });
    // Nothing of the refused writes was stored.
    expect(await refusal(grpc('getVehicle', { key: '豫A7G302:yellow' }))).toMatchObject({ code: GRPC.NOT_FOUND, errorCode: 'REGISTRY.NOT_FOUND' });
  });

  it('holds the face to REST region, scope and token rules', async () => {
    const carrier = makeUscc('410100');
    await grpc<PutAnswer>('putEnterprise', { uscc: carrier, registrationJson: JSON.stringify({ name: '郑州某物流有限公司' }) });
    // Another city reads a Zhengzhou carrier as absent and may not write it (ADR 0041), on both faces.
    const restRead = await api(`/api/v1/registry/enterprises/${carrier}`, { token: luoyang });
    const restWrite = await api(`/api/v1/registry/enterprises/${carrier}`, { method: 'PUT', token: luoyang, body: { name: '改名' } });
    expect([restRead.status, restWrite.status]).toEqual([404, 403]);
    expect(await refusal(grpc('getEnterprise', { uscc: carrier }, luoyang))).toMatchObject({ code: GRPC_FOR_HTTP[404], errorCode: restRead.body.code });
    expect(await refusal(grpc('putEnterprise', { uscc: carrier, registrationJson: JSON.stringify({ name: '改名' }) }, luoyang))).toMatchObject({
      code: GRPC_FOR_HTTP[403],
      errorCode: restWrite.body.code,
    });
    expect(await refusal(grpc('getEnterprise', { uscc: carrier }, null))).toMatchObject({ code: GRPC.UNAUTHENTICATED });
    // Still the first name: the refused write changed nothing.
    const stored = await grpc<{ registration: Registration }>('getEnterprise', { uscc: carrier });
    expect(JSON.parse(stored.registration.registrationJson)).toMatchObject({ name: '郑州某物流有限公司' });
  });
});
