import { credentials, loadPackageDefinition, GrpcObject } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { listServicesByReflection } from '../support/grpc-probes';
import { RunningPlatform, startPlatform } from '../support/platform-harness';

type HealthClient = {
  check(request: { service: string }, options: { deadline: Date }, callback: (error: Error | null, response: { status: string }) => void): void;
  close(): void;
};

/** Every one of the seven services boots, answers probes, gRPC health and metrics, and stops cleanly on SIGTERM. */
describe('all seven services', () => {
  let platform: RunningPlatform;
  const apps = ['gateway', 'collection', 'evaluation', 'joint-measures', 'repair', 'disclosure', 'permits'];

  beforeAll(async () => {
    platform = await startPlatform(apps);
  }, 150_000);

  afterAll(async () => {
    if (platform) await platform.db.drop().catch(() => undefined);
  });

  it('serve liveness, readiness, metrics and the gRPC health service', async () => {
    const definition = loadSync(require.resolve('grpc-health-check/proto/health/v1/health.proto'), { enums: String });
    const Health = ((loadPackageDefinition(definition).grpc as GrpcObject).health as GrpcObject).v1 as GrpcObject;
    for (const app of apps) {
      const { http, grpc } = platform.ports[app];
      expect((await fetch(`http://127.0.0.1:${http}/health/live`)).status).toBe(200);
      const ready = await fetch(`http://127.0.0.1:${http}/health/ready`);
      expect({ app, ready: await ready.json() }).toEqual({ app, ready: { ready: true, checks: { database: 'up', nats: 'up', lifecycle: 'up' } } });
      const metrics = await (await fetch(`http://127.0.0.1:${http}/metrics`)).text();
      expect(metrics).toContain(`service="${app}"`);
      const client = new (Health.Health as unknown as new (address: string, creds: unknown) => HealthClient)(`127.0.0.1:${grpc}`, credentials.createInsecure());
      const status = await new Promise<string>((resolve, reject) =>
        client.check({ service: '' }, { deadline: new Date(Date.now() + 3000) }, (error, response) => (error ? reject(error) : resolve(response.status))),
      );
      client.close();
      expect({ app, status }).toEqual({ app, status: 'SERVING' });
      // The health call itself went through the gRPC interceptor: method, status and timing.
      expect(await (await fetch(`http://127.0.0.1:${http}/metrics`)).text()).toMatch(
        /grpc_server_handling_seconds_count\{[^}]*method="HealthGrpcController.check"[^}]*code="0"/,
      );
    }
  });

  it('describe themselves through gRPC server reflection', async () => {
    expect(await listServicesByReflection(`127.0.0.1:${platform.ports.collection.grpc}`)).toEqual(
      expect.arrayContaining(['collection.v1.CreditRecordService', 'grpc.health.v1.Health']),
    );
    expect(await listServicesByReflection(`127.0.0.1:${platform.ports.gateway.grpc}`)).toEqual(
      expect.arrayContaining(['gateway.v1.CreditRecordsGatewayService']),
    );
    expect(await listServicesByReflection(`127.0.0.1:${platform.ports.permits.grpc}`)).toEqual(expect.arrayContaining(['grpc.health.v1.Health']));
  });

  it('each own their schema with migrations applied', async () => {
    const schemas = await platform.db.query<{ schema_name: string }>(
      `SELECT schema_name FROM information_schema.schemata WHERE schema_name = ANY($1) ORDER BY 1`,
      [['collection', 'disclosure', 'evaluation', 'gateway', 'joint_measures', 'permits', 'repair']],
    );
    expect(schemas).toHaveLength(7);
    const forbidden = await platform.db.query(`SELECT has_schema_privilege('collection', 'disclosure', 'USAGE') AS can`);
    expect(forbidden).toEqual([{ can: false }]);
  });

  it('stop with exit code 0 on SIGTERM', async () => {
    const codes = await platform.stop();
    expect(codes).toEqual(Object.fromEntries(apps.map((app) => [app, 0])));
  }, 60_000);
});
