import { collectionV1 } from '@contracts';
import { generateKeyPairSync } from 'node:crypto';
import { Principal, PrincipalSigner, PrincipalVerifier } from '@platform/auth';
import { DomainError, domainErrorFromGrpc, domainErrorToGrpc, GrpcCode } from '@platform/errors';
import type { CallOptions } from '@platform/grpc';
import type { Upstreams } from '../upstreams';
import { RecordSubmissions } from './record-submissions';

const internalKeys = generateKeyPairSync('ec', {
  namedCurve: 'P-256',
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});
const signer = new PrincipalSigner(internalKeys.privateKey);
/** How collection reads an item's principal (ADR 0073): signed by the gateway, for collection. */
const collectionVerifier = new PrincipalVerifier(internalKeys.publicKey, ['collection']);
/** Upstreams' signing of a principal carried in a body, as the real one does it. */
const signedPrincipal = (principal: Principal, audience: string | readonly string[]) => signer.sign(principal, audience);

describe('RecordSubmissions (coalesced SubmitRecord calls, ADR 0038)', () => {
  const principal = (clientId: string): Principal => ({ clientId, kind: 'integrator', scopes: ['records:write'], region: '410100' });
  const record = (documentNumber: string) => ({ documentNumber }) as collectionV1.SubmitRecordRequest;

  /** A stand-in collection: answers each call when told to, refusing document numbers starting with "bad". */
  function fakeCollection() {
    const calls: collectionV1.OnBehalfSubmission[][] = [];
    const pending: (() => void)[] = [];
    const answer = (item: collectionV1.OnBehalfSubmission): collectionV1.SubmitRecordOutcome =>
      item.record!.documentNumber.startsWith('bad')
        ? { refused: domainErrorToGrpc(DomainError.validation('RECORD.INVALID', [{ field: 'subject.id', message: '校验位不符', code: 'INVALID_USCC' }])) }
        : { accepted: { id: `${collectionVerifier.verify(item.principal).clientId}:${item.record!.documentNumber}`, status: 'active', replayed: false } };
    const upstreams = {
      signedPrincipal,
      creditRecords: {
        submitRecords: (request: collectionV1.SubmitRecordsRequest) => {
          calls.push(request.items);
          return new Promise<collectionV1.SubmitRecordsResponse>((resolve) => pending.push(() => resolve({ outcomes: request.items.map(answer) })));
        },
        submitRecord: () => Promise.reject(new Error('only SubmitRecords is expected')),
      },
    } as unknown as Upstreams;
    const settle = async () => {
      while (pending.length > 0) {
        pending.shift()!();
        await new Promise((r) => setImmediate(r));
      }
    };
    return { upstreams, calls, settle };
  }

  it('sends what arrives while a call is in flight as the next call, and answers each caller with its own outcome', async () => {
    const collection = fakeCollection();
    const submissions = new RecordSubmissions(collection.upstreams);
    const first = submissions.submit(principal('a'), record('1'));
    await Promise.resolve();
    const rest = [
      submissions.submit(principal('b'), record('2')),
      submissions.submit(principal('a'), record('bad-3')),
      submissions.submit(principal('c'), record('4')),
    ];
    const settled = Promise.allSettled([first, ...rest]);
    await collection.settle();
    const results = await settled;

    expect(collection.calls.map((items) => items.map((i) => i.record!.documentNumber))).toEqual([['1'], ['2', 'bad-3', '4']]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value.id : 'refused'))).toEqual(['a:1', 'b:2', 'refused', 'c:4']);
    const refusal = (results[2] as PromiseRejectedResult).reason;
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({
      code: 'RECORD.INVALID',
      kind: 'validation',
      violations: [{ field: 'subject.id', message: '校验位不符', code: 'INVALID_USCC' }],
    });
  });

  it('sends one SubmitRecord per submission to a collection that does not offer SubmitRecords yet', async () => {
    const calls: { method: string; principal?: Principal }[] = [];
    const upstreams = {
      signedPrincipal,
      creditRecords: {
        submitRecords: (_request: collectionV1.SubmitRecordsRequest, options?: CallOptions) => {
          calls.push({ method: 'submitRecords', principal: options?.principal });
          return Promise.reject(domainErrorFromGrpc(GrpcCode.UNIMPLEMENTED, 'The server does not implement the method', {}));
        },
        submitRecord: (request: collectionV1.SubmitRecordRequest, options?: CallOptions) => {
          calls.push({ method: 'submitRecord', principal: options?.principal });
          if (request.documentNumber === 'bad') return Promise.reject(DomainError.validation('RECORD.INVALID', []));
          return Promise.resolve({ id: `${options!.principal!.clientId}:${request.documentNumber}`, status: 'active', replayed: false });
        },
      },
    } as unknown as Upstreams;
    const submissions = new RecordSubmissions(upstreams);
    const results = await Promise.allSettled([submissions.submit(principal('a'), record('1')), submissions.submit(principal('b'), record('bad'))]);

    expect(calls.map((c) => `${c.method}:${c.principal?.clientId ?? ''}`)).toEqual(['submitRecords:', 'submitRecord:a', 'submitRecord:b']);
    expect(results[0]).toEqual({ status: 'fulfilled', value: { id: 'a:1', status: 'active', replayed: false } });
    expect(results[1]).toMatchObject({ status: 'rejected', reason: { code: 'RECORD.INVALID' } });
  });

  it('fails every submission of a call that collection answers with the wrong number of outcomes', async () => {
    const upstreams = { signedPrincipal, creditRecords: { submitRecords: () => Promise.resolve({ outcomes: [] }) } } as unknown as Upstreams;
    const submissions = new RecordSubmissions(upstreams);
    await expect(submissions.submit(principal('a'), record('1'))).rejects.toThrow('collection answered 0 outcomes for 1 submissions');
  });

  it('fails every submission of a call that fails, with its DomainError', async () => {
    const unavailable = new DomainError('SERVICE.UNAVAILABLE', 'unavailable', 'collection is unavailable');
    const upstreams = { signedPrincipal, creditRecords: { submitRecords: () => Promise.reject(unavailable) } } as unknown as Upstreams;
    const submissions = new RecordSubmissions(upstreams);
    const results = await Promise.allSettled([submissions.submit(principal('a'), record('1')), submissions.submit(principal('b'), record('2'))]);
    expect(results).toEqual([
      { status: 'rejected', reason: unavailable },
      { status: 'rejected', reason: unavailable },
    ]);
  });
});
