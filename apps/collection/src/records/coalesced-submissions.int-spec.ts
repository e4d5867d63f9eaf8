import { generateKeyPairSync } from 'node:crypto';
import { DataSource } from 'typeorm';
import { collectionV1 } from '@contracts';
import { encodePrincipal, Principal, PrincipalSigner, PrincipalVerifier } from '@platform/auth';
import { DomainError, domainErrorFromGrpc, GrpcCode } from '@platform/errors';
import { installPrincipalVerifier } from '@platform/grpc';
import { OutboxPublisher } from '@platform/service';
import { cloneTestDatabase, creditRecordBody, makeUscc, TestDatabase } from '@platform/testing';
import { CatalogueStore } from '../catalogue/application/catalogue-store';
import { collectionDefinition } from '../collection.definition';
import { IntakeOutcomes } from '../quality/infrastructure/intake-outcomes';
import { SubmitRecordHandler } from './application/submit-record.handler';
import { CreditRecordsGrpcController } from './interface/credit-records.grpc.controller';
import { GroupedRecordWriter } from './infrastructure/grouped-record-writer';
import { RecordWriter } from './infrastructure/record-writer';

const zhengzhou: Principal = { clientId: 'zhengzhou', kind: 'integrator', scopes: ['records:write'], region: '410100' };
const luoyang: Principal = { clientId: 'luoyang', kind: 'integrator', scopes: ['records:write'], region: '410300' };
/** The gateway's internal identity key pair (ADR 0073): the gateway signs each item's principal for collection. */
const gatewayKeys = generateKeyPairSync('ec', {
  namedCurve: 'P-256',
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});
const gateway = new PrincipalSigner(gatewayKeys.privateKey);

/** SubmitRecords as the gateway sends it (ADR 0038): several callers' submissions in one call. */
describe('coalesced SubmitRecords (PostgreSQL)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let controller: CreditRecordsGrpcController;

  beforeAll(async () => {
    installPrincipalVerifier(new PrincipalVerifier(gatewayKeys.publicKey, ['collection']));
    db = await cloneTestDatabase('coalesced');
    ds = await db.dataSource(collectionDefinition as never);
    const catalogues = new CatalogueStore(ds);
    await catalogues.onModuleInit();
    const writer = new GroupedRecordWriter(ds, new RecordWriter(new OutboxPublisher(collectionDefinition)));
    const handler = new SubmitRecordHandler(ds, writer, catalogues, new IntakeOutcomes(ds));
    controller = new CreditRecordsGrpcController(
      handler,
      ...([undefined, undefined, undefined, undefined, undefined, undefined] as unknown as [never, never, never, never, never, never]),
    );
  });

  afterAll(async () => {
    installPrincipalVerifier(undefined);
    await db.drop();
  });

  const record = (overrides: Record<string, unknown> = {}): collectionV1.SubmitRecordRequest => {
    const { payload, ...rest } = { ...creditRecordBody(), ...overrides };
    return { ...rest, payloadJson: JSON.stringify(payload), idempotencyKey: '' } as collectionV1.SubmitRecordRequest;
  };
  const item = (principal: Principal | string, submission: collectionV1.SubmitRecordRequest) => ({
    principal: typeof principal === 'string' ? principal : gateway.sign(principal, 'collection'),
    record: submission,
  });
  const errorOf = (outcome: collectionV1.SubmitRecordOutcome): DomainError =>
    domainErrorFromGrpc(outcome.refused!.code, outcome.refused!.details, outcome.refused!.metadata);

  it("answers each item as SubmitRecord would, for each caller's principal, and writes the accepted ones in one transaction", async () => {
    const first = record({ sourceRecordId: 'coalesced-same-id' });
    const { outcomes } = await controller.submitRecords({
      items: [
        item(zhengzhou, first),
        item(luoyang, record({ region: '410300', subject: { kind: 'org', id: makeUscc('410300'), name: '洛阳某运输公司' } })),
        item(zhengzhou, record({ region: '410300' })),
        item(zhengzhou, record({ subject: { kind: 'org', id: '91410100MA44A1B2C0', name: '校验位错误' } })),
        item(zhengzhou, { ...first, documentNumber: `${first.documentNumber}-retry` }),
        item('not-a-principal', record()),
        { principal: gateway.sign(zhengzhou, 'collection'), record: undefined },
        // The old unsigned form, and a principal signed for another service: refused like call metadata would be.
        item(encodePrincipal(zhengzhou), record()),
        item(gateway.sign(zhengzhou, 'evaluation'), record()),
      ],
    });

    expect(outcomes.map((o) => (o.accepted ? 'accepted' : o.refused!.code))).toEqual([
      'accepted',
      'accepted',
      GrpcCode.PERMISSION_DENIED,
      GrpcCode.INVALID_ARGUMENT,
      'accepted',
      GrpcCode.UNAUTHENTICATED,
      GrpcCode.INVALID_ARGUMENT,
      GrpcCode.UNAUTHENTICATED,
      GrpcCode.UNAUTHENTICATED,
    ]);
    // The retry with the same source record id is answered with the first record, not stored again.
    expect(outcomes[4].accepted).toEqual({ id: outcomes[0].accepted!.id, status: 'active', replayed: true });
    expect(errorOf(outcomes[2])).toMatchObject({ code: 'AUTH.REGION_FORBIDDEN', kind: 'forbidden' });
    expect(errorOf(outcomes[3])).toMatchObject({ code: 'RECORD.INVALID', kind: 'validation', violations: [expect.objectContaining({ field: 'subject.id' })] });
    expect(errorOf(outcomes[6]).violations).toEqual([expect.objectContaining({ field: 'record', code: 'REQUIRED' })]);
    for (const refused of [outcomes[5], outcomes[7], outcomes[8]])
      expect(errorOf(refused)).toMatchObject({ code: 'AUTH.UNAUTHENTICATED', kind: 'unauthenticated' });

    const accepted = [outcomes[0].accepted!.id, outcomes[1].accepted!.id];
    const stored = await ds.query(
      `SELECT source_client_id AS client, count(DISTINCT xmin::text)::int AS transactions FROM credit_records WHERE id = ANY($1::uuid[]) GROUP BY ROLLUP (1) ORDER BY 1`,
      [accepted],
    );
    expect(stored).toEqual([
      { client: 'luoyang', transactions: 1 },
      { client: 'zhengzhou', transactions: 1 },
      { client: null, transactions: 1 },
    ]);
  });
});
