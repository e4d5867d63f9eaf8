import { Injectable } from '@nestjs/common';
import { collectionV1 } from '@contracts';
import { encodePrincipal, Principal } from '@platform/auth';
import { GroupCommit } from '@platform/database';
import { domainErrorFromGrpc, GrpcCode } from '@platform/errors';
import { Upstreams } from '../upstreams';

/** Submissions sent to collection in one call at most (about 0.5 KiB each). */
const MAX_PER_CALL = 100;

/**
 * Single-record submissions on both faces (REST and gRPC) go to collection coalesced (ADR 0038):
 * the submissions that arrive while a `SubmitRecords` call is in flight go together in the next
 * call, each with its own caller's principal, and collection writes them in one transaction. Each
 * caller gets exactly the answer or error a `SubmitRecord` call of its own would have given; with
 * one caller at a time nothing waits. Under load the gateway and collection pay the gRPC call (a
 * stream, its frames, Nest's pipeline) once per group instead of once per record.
 */
@Injectable()
export class RecordSubmissions {
  private readonly calls: GroupCommit<collectionV1.OnBehalfSubmission, collectionV1.SubmitRecordOutcome>;

  constructor(upstreams: Upstreams) {
    this.calls = new GroupCommit(async (items) => {
      const { outcomes } = await upstreams.creditRecords.unary<collectionV1.SubmitRecordsRequest, collectionV1.SubmitRecordsResponse>('submitRecords', { items });
      if (outcomes.length !== items.length) throw new Error(`collection answered ${outcomes.length} outcomes for ${items.length} submissions`);
      return outcomes;
    }, { maxGroup: MAX_PER_CALL });
  }

  /** Resolves with collection's answer, or rejects with its DomainError (as `SubmitRecord` would). */
  async submit(principal: Principal, record: collectionV1.SubmitRecordRequest): Promise<collectionV1.SubmitRecordResponse> {
    const { accepted, refused } = await this.calls.submit({ principal: encodePrincipal(principal), record });
    if (accepted) return accepted;
    throw domainErrorFromGrpc(refused?.code ?? GrpcCode.INTERNAL, refused?.details ?? '', refused?.metadata ?? {});
  }
}
