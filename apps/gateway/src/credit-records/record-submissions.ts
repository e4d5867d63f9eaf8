import { Injectable } from '@nestjs/common';
import { collectionV1 } from '@contracts';
import type { Principal } from '@platform/auth';
import { GroupCommit } from '@platform/database';
import { DomainError, domainErrorFromGrpc, GrpcCode, isDomainError, PlatformErrorCode } from '@platform/errors';
import { BACKEND_AUDIENCES, Upstreams } from '../upstreams';

/** Submissions sent to collection in one call at most (about 0.5 KiB each). */
const MAX_PER_CALL = 100;

interface Submission {
  principal: Principal;
  record: collectionV1.SubmitRecordRequest;
}

/** What one submission gets: collection's answer, or the error a call of its own would have failed with. */
type Outcome = { accepted: collectionV1.SubmitRecordResponse } | { error: DomainError };

/**
 * Single-record submissions on both faces (REST and gRPC) go to collection coalesced (ADR 0038):
 * the submissions that arrive while a `SubmitRecords` call is in flight go together in the next
 * call, each with its own caller's principal, and collection writes them in one statement. Each
 * caller gets exactly the answer or error a `SubmitRecord` call of its own would have given; with
 * one caller at a time nothing waits. Under load the gateway and collection pay the gRPC call (a
 * stream, its frames, Nest's pipeline) once per group instead of once per record. A collection
 * that does not offer `SubmitRecords` yet (an older version, mid-rollout) gets one `SubmitRecord`
 * call per submission instead.
 */
@Injectable()
export class RecordSubmissions {
  private readonly calls: GroupCommit<Submission, Outcome>;

  constructor(private readonly upstreams: Upstreams) {
    this.calls = new GroupCommit((submissions) => this.submitTogether(submissions), { maxGroup: MAX_PER_CALL });
  }

  /** Resolves with collection's answer, or rejects with its DomainError (as `SubmitRecord` would). */
  async submit(principal: Principal, record: collectionV1.SubmitRecordRequest): Promise<collectionV1.SubmitRecordResponse> {
    const outcome = await this.calls.submit({ principal, record });
    if ('error' in outcome) throw outcome.error;
    return outcome.accepted;
  }

  private async submitTogether(submissions: Submission[]): Promise<Outcome[]> {
    // Each caller's principal signed for collection, as the metadata of a call of its own would carry it (ADR 0073).
    const items = submissions.map(({ principal, record }) => ({ principal: this.upstreams.signedPrincipal(principal, BACKEND_AUDIENCES.collection), record }));
    let outcomes: collectionV1.SubmitRecordOutcome[];
    try {
      ({ outcomes } = await this.upstreams.creditRecords.submitRecords({ items }));
    } catch (error) {
      if (isDomainError(error) && error.code === PlatformErrorCode.Unimplemented) return this.submitOneByOne(submissions);
      throw error;
    }
    if (outcomes.length !== items.length) throw new Error(`collection answered ${outcomes.length} outcomes for ${items.length} submissions`);
    return outcomes.map(({ accepted, refused }) =>
      accepted ? { accepted } : { error: domainErrorFromGrpc(refused?.code ?? GrpcCode.INTERNAL, refused?.details ?? '', refused?.metadata ?? {}) },
    );
  }

  private submitOneByOne(submissions: Submission[]): Promise<Outcome[]> {
    return Promise.all(
      submissions.map(({ principal, record }) =>
        this.upstreams.creditRecords.submitRecord(record, { principal }).then(
          (accepted): Outcome => ({ accepted }),
          (error: unknown): Outcome => {
            if (isDomainError(error)) return { error };
            throw error;
          },
        ),
      ),
    );
  }
}
