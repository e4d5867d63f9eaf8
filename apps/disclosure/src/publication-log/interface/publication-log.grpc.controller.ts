import { Controller } from '@nestjs/common';
import type { Metadata } from '@grpc/grpc-js';
import canonicalize from 'canonicalize';
import { disclosureV1 } from '@contracts';
import { principalFrom } from '@platform/grpc';
import { ListGradeChangesHandler } from '../application/list-grade-changes.handler';
import { ListPublicationEntriesHandler } from '../application/list-publication-entries.handler';
import { ListRecordChangesHandler } from '../application/list-record-changes.handler';
import { VerifyPublicationLogHandler } from '../application/verify-publication-log.handler';

/** Verification walks the whole chain: public callers share one result for this long. */
const VERIFY_CACHE_MS = 10_000;

@Controller()
@disclosureV1.PublicationLogServiceControllerMethods()
export class PublicationLogGrpcController implements disclosureV1.PublicationLogServiceController {
  private cached?: { at: number; result: Promise<disclosureV1.VerifyPublicationLogResponse> };

  constructor(
    private readonly verifyPublicationLogHandler: VerifyPublicationLogHandler,
    private readonly listPublicationEntriesHandler: ListPublicationEntriesHandler,
    private readonly listRecordChangesHandler: ListRecordChangesHandler,
    private readonly listGradeChangesHandler: ListGradeChangesHandler,
  ) {}

  verifyPublicationLog(): Promise<disclosureV1.VerifyPublicationLogResponse> {
    if (!this.cached || Date.now() - this.cached.at > VERIFY_CACHE_MS) {
      const result = this.verifyPublicationLogHandler.execute({}).then((check) => ({
        intact: check.intact,
        length: String(check.length),
        head: check.head,
        brokenAt: String(check.brokenAt ?? 0),
        problem: check.problem ?? '',
        checkedAt: check.checkedAt,
      }));
      this.cached = { at: Date.now(), result };
      result.catch(() => (this.cached = undefined));
    }
    return this.cached.result;
  }

  async listPublicationEntries(request: disclosureV1.ListPublicationEntriesRequest): Promise<disclosureV1.ListPublicationEntriesResponse> {
    const entries = await this.listPublicationEntriesHandler.execute({ publicationId: request.publicationId });
    return {
      entries: entries.map((e) => ({
        seq: String(e.seq),
        loggedAt: e.loggedAt,
        event: e.content.event,
        contentJson: canonicalize(e.content) as string,
        contentHash: e.contentHash,
        prevHash: e.prevHash,
        hash: e.hash,
      })),
    };
  }

  async listRecordChanges(request: disclosureV1.ListRecordChangesRequest, metadata?: Metadata): Promise<disclosureV1.ListRecordChangesResponse> {
    const { changes, next, head } = await this.listRecordChangesHandler.execute(principalFrom(metadata), { after: request.after, limit: request.limit });
    return { changes, next, head };
  }

  listGradeChanges(request: disclosureV1.ListGradeChangesRequest, metadata?: Metadata): Promise<disclosureV1.ListGradeChangesResponse> {
    return this.listGradeChangesHandler.execute(principalFrom(metadata), { after: request.after, limit: request.limit });
  }
}
