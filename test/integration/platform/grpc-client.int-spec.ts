import { Server, ServerCredentials, loadPackageDefinition, GrpcObject, Metadata, ServiceDefinition, UntypedServiceImplementation, sendUnaryData, ServerUnaryCall } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { ProtoPackages } from '@contracts';
import { DomainError, domainErrorToGrpc } from '@platform/errors';
import { decodePrincipal, PRINCIPAL_METADATA_KEY } from '@platform/auth';
import { GrpcClient, loaderOptions } from '@platform/grpc';

/** A real grpc-js server on loopback implementing collection.v1.CreditRecordService in odd ways. */
describe('GrpcClient against a real gRPC server', () => {
  const server = new Server();
  let address: string;
  let seenPrincipal: unknown;

  beforeAll(async () => {
    const pkg = loadPackageDefinition(loadSync(ProtoPackages.collection.protoPath, loaderOptions()));
    const service = (((pkg.collection as GrpcObject).v1 as GrpcObject).CreditRecordService as unknown as { service: ServiceDefinition }).service;
    const implementation: UntypedServiceImplementation = {
      submitRecord: (call: ServerUnaryCall<unknown, unknown>, callback: sendUnaryData<unknown>) => {
        seenPrincipal = decodePrincipal(String(call.metadata.get(PRINCIPAL_METADATA_KEY)[0]));
        callback(null, { id: 'r1', status: 'active', replayed: false });
      },
      // Never answers: only the client's deadline ends the call.
      getRecord: (call: ServerUnaryCall<{ id: string }, unknown>, callback: sendUnaryData<unknown>) => {
        if (call.request.id === 'missing') {
          const wire = domainErrorToGrpc(DomainError.notFound('RECORD.NOT_FOUND', '没有这条记录'));
          const metadata = new Metadata();
          for (const [k, v] of Object.entries(wire.metadata)) metadata.set(k, v);
          callback({ code: wire.code, details: wire.details, metadata });
        }
      },
    };
    server.addService(service, implementation);
    const port = await new Promise<number>((resolve, reject) => server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))));
    address = `127.0.0.1:${port}`;
  });

  afterAll(() => server.forceShutdown());

  it('passes the principal in metadata', async () => {
    const client = new GrpcClient(ProtoPackages.collection, 'CreditRecordService', address);
    const principal = { clientId: 'c', kind: 'integrator' as const, scopes: ['records:write'], region: '410100' };
    await expect(client.unary('submitRecord', {}, { principal })).resolves.toEqual({ id: 'r1', status: 'active', replayed: false });
    expect(seenPrincipal).toEqual(principal);
    client.close();
  });

  it('ends a call that never answers at its deadline, as a deadline error', async () => {
    const client = new GrpcClient(ProtoPackages.collection, 'CreditRecordService', address);
    const error = await client.unary('getRecord', { id: 'slow' }, { deadlineMs: 200 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ kind: 'deadline', code: 'SERVICE.DEADLINE_EXCEEDED' });
    client.close();
  });

  it('restores the domain error (code, kind, Chinese message) from status and metadata', async () => {
    const client = new GrpcClient(ProtoPackages.collection, 'CreditRecordService', address);
    await expect(client.unary('getRecord', { id: 'missing' })).rejects.toMatchObject({ code: 'RECORD.NOT_FOUND', kind: 'not-found', message: '没有这条记录' });
    client.close();
  });

  it('tells a method the server does not offer (an older version mid-rollout) from other failures', async () => {
    const client = new GrpcClient(ProtoPackages.collection, 'CreditRecordService', address);
    await expect(client.unary('submitRecords', { items: [] })).rejects.toMatchObject({ code: 'SERVICE.UNIMPLEMENTED', kind: 'internal' });
    client.close();
  });

  it('reports an unreachable service as unavailable', async () => {
    const client = new GrpcClient(ProtoPackages.collection, 'CreditRecordService', '127.0.0.1:1', 1000);
    await expect(client.unary('getRecord', { id: 'x' })).rejects.toMatchObject({ kind: expect.stringMatching(/unavailable|deadline/) });
    client.close();
  });
});
