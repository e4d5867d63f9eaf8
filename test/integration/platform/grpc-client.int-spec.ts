import {
  Server,
  ServerCredentials,
  loadPackageDefinition,
  GrpcObject,
  Metadata,
  ServiceDefinition,
  UntypedServiceImplementation,
  sendUnaryData,
  ServerUnaryCall,
} from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { collectionV1, ProtoPackages } from '@contracts';
import { DomainError, domainErrorToGrpc } from '@platform/errors';
import { generateKeyPairSync } from 'node:crypto';
import { Principal, PRINCIPAL_METADATA_KEY, PrincipalSigner, PrincipalVerifier } from '@platform/auth';
import { GrpcClient, installPrincipalVerifier, loaderOptions, PrincipalSigning, verifiedPrincipal } from '@platform/grpc';

const gatewayKeys = generateKeyPairSync('ec', {
  namedCurve: 'P-256',
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});
/** What the gateway signs with (ADR 0073), for the service this test's server stands in for. */
const signing: PrincipalSigning = { signer: new PrincipalSigner(gatewayKeys.privateKey), audience: 'collection' };

/** A real grpc-js server on loopback implementing collection.v1.CreditRecordService in odd ways. */
describe('GrpcClient against a real gRPC server', () => {
  const server = new Server();
  let address: string;
  let seenPrincipal: unknown;
  let seenToken: string | undefined;
  let seenMetadata: Metadata | undefined;
  /** The server side of collection: verifies the principal as a service does. */
  const collection = new PrincipalVerifier(gatewayKeys.publicKey, ['collection']);

  beforeAll(async () => {
    const pkg = loadPackageDefinition(loadSync(ProtoPackages.collection.protoPath, loaderOptions()));
    const service = (((pkg.collection as GrpcObject).v1 as GrpcObject).CreditRecordService as unknown as { service: ServiceDefinition }).service;
    const implementation: UntypedServiceImplementation = {
      submitRecord: (call: ServerUnaryCall<unknown, unknown>, callback: sendUnaryData<unknown>) => {
        seenToken = String(call.metadata.get(PRINCIPAL_METADATA_KEY)[0]);
        seenPrincipal = collection.verify(seenToken);
        seenMetadata = call.metadata;
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
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))),
    );
    address = `127.0.0.1:${port}`;
  });

  afterAll(() => server.forceShutdown());

  it('passes the principal in metadata, signed for the target service', async () => {
    const client = new GrpcClient(ProtoPackages.collection, 'CreditRecordService', address, undefined, signing);
    const principal = { clientId: 'c', kind: 'integrator' as const, scopes: ['records:write'], region: '410100' };
    await expect(client.unary('submitRecord', {}, { principal })).resolves.toEqual({ id: 'r1', status: 'active', replayed: false });
    expect(seenPrincipal).toEqual(principal);
    client.close();
  });

  describe("without a signer (a service calling another on the caller's behalf, ADR 0073)", () => {
    const principal: Principal = { clientId: 'permit-window', kind: 'integrator', scopes: ['permits:write'], region: '410100' };
    afterEach(() => installPrincipalVerifier(undefined));

    it('passes on the very token the principal arrived with', async () => {
      // Permits' side: the gateway signed for permits and collection (here: the stand-in) both.
      installPrincipalVerifier(new PrincipalVerifier(gatewayKeys.publicKey, ['permits']));
      const arrived = new PrincipalSigner(gatewayKeys.privateKey).sign(principal, ['permits', 'collection']);
      const client = new GrpcClient(ProtoPackages.collection, 'CreditRecordService', address);
      await expect(client.unary('submitRecord', {}, { principal: verifiedPrincipal(arrived) })).resolves.toMatchObject({ id: 'r1' });
      expect(seenToken).toBe(arrived);
      expect(seenPrincipal).toEqual(principal);
      client.close();
    });

    it('refuses to pass a principal that did not arrive signed, before any call', async () => {
      seenToken = undefined;
      const client = new GrpcClient(ProtoPackages.collection, 'CreditRecordService', address);
      await expect(client.unary('submitRecord', {}, { principal: { ...principal } })).rejects.toThrow(/did not arrive signed/);
      expect(seenToken).toBeUndefined();
      client.close();
    });
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

  describe('typed<S>() (the generated service client interface)', () => {
    const typed = (deadlineMs?: number, target = address) =>
      new GrpcClient(ProtoPackages.collection, collectionV1.CREDIT_RECORD_SERVICE_NAME, target, deadlineMs);

    it('offers every unary method of the service by its generated name, and nothing else', () => {
      const client = typed();
      const records = client.typed<collectionV1.CreditRecordServiceClient>();
      expect(Object.keys(records).sort()).toEqual([
        'getBatch',
        'getRecord',
        'holdPartnerRecord',
        'listRecords',
        'revokeRecord',
        'submitBatch',
        'submitRecord',
        'submitRecords',
        'withdrawPartnerRecord',
      ]);
      expect(Object.isFrozen(records)).toBe(true);
      client.close();
    });

    it('calls the method with the principal and extra metadata, answering the decoded response', async () => {
      const client = new GrpcClient(ProtoPackages.collection, collectionV1.CREDIT_RECORD_SERVICE_NAME, address, undefined, signing);
      const records = client.typed<collectionV1.CreditRecordServiceClient>();
      const principal = { clientId: 'typed', kind: 'integrator' as const, scopes: ['records:write'], region: '410100' };
      const response: collectionV1.SubmitRecordResponse = await records.submitRecord({ recordType: 'x' } as collectionV1.SubmitRecordRequest, {
        principal,
        metadata: { 'x-request-id': 'req-1' },
      });
      expect(response).toEqual({ id: 'r1', status: 'active', replayed: false });
      expect(seenPrincipal).toEqual(principal);
      expect(seenMetadata?.get('x-request-id')).toEqual(['req-1']);
      client.close();
    });

    it('keeps the deadline of the call options', async () => {
      const client = typed();
      const error = await client
        .typed<collectionV1.CreditRecordServiceClient>()
        .getRecord({ id: 'slow' }, { deadlineMs: 200 })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ kind: 'deadline', code: 'SERVICE.DEADLINE_EXCEEDED' });
      client.close();
    });

    it('keeps the default deadline of the client', async () => {
      const client = typed(200);
      await expect(client.typed<collectionV1.CreditRecordServiceClient>().getRecord({ id: 'slow' })).rejects.toMatchObject({
        kind: 'deadline',
        code: 'SERVICE.DEADLINE_EXCEEDED',
      });
      client.close();
    });

    it('restores the domain error from status and metadata', async () => {
      const client = typed();
      const error = await client
        .typed<collectionV1.CreditRecordServiceClient>()
        .getRecord({ id: 'missing' })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'RECORD.NOT_FOUND', kind: 'not-found', message: '没有这条记录' });
      client.close();
    });

    it('tells a method the server does not offer from other failures', async () => {
      const client = typed();
      await expect(client.typed<collectionV1.CreditRecordServiceClient>().submitRecords({ items: [] })).rejects.toMatchObject({
        code: 'SERVICE.UNIMPLEMENTED',
        kind: 'internal',
      });
      client.close();
    });

    it('reports an unreachable service as unavailable', async () => {
      const client = typed(1000, '127.0.0.1:1');
      await expect(client.typed<collectionV1.CreditRecordServiceClient>().getRecord({ id: 'x' })).rejects.toMatchObject({
        kind: expect.stringMatching(/unavailable|deadline/),
      });
      client.close();
    });

    it('checks method names, requests and responses at compile time', async () => {
      const client = typed(200);
      const records = client.typed<collectionV1.CreditRecordServiceClient>();
      // Never called: tsc is the assertion (a regression makes these lines compile, and tsc fails on the unused directive).
      const unchecked = () => {
        // @ts-expect-error a method the service does not have
        void records.decide({ subjectId: 's' });
        // @ts-expect-error a field GetRecordRequest does not have
        void records.getRecord({ recordId: 'r1' });
        // @ts-expect-error a field of the wrong type
        void records.getRecord({ id: 1 });
        // @ts-expect-error the response is GetRecordResponse, not SubmitRecordResponse
        const wrong: Promise<collectionV1.SubmitRecordResponse> = records.getRecord({ id: 'r1' });
        return wrong;
      };
      expect(typeof unchecked).toBe('function');
      expect('decide' in records).toBe(false);
      client.close();
    });
  });
});
