import { Controller } from '@nestjs/common';
import canonicalize from 'canonicalize';
import { disclosureV1 } from '@contracts';
import { DomainError } from '@platform/errors';
import { PublicationLog } from '../application/publication-log';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Verification walks the whole chain: public callers share one result for this long. */
const VERIFY_CACHE_MS = 10_000;

@Controller()
@disclosureV1.PublicationLogServiceControllerMethods()
export class PublicationLogGrpcController implements disclosureV1.PublicationLogServiceController {
  private cached?: { at: number; result: Promise<disclosureV1.VerifyPublicationLogResponse> };

  constructor(private readonly log: PublicationLog) {}

  verifyPublicationLog(): Promise<disclosureV1.VerifyPublicationLogResponse> {
    if (!this.cached || Date.now() - this.cached.at > VERIFY_CACHE_MS) {
      const result = this.log.verify().then((check) => ({
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
    if (!UUID.test(request.publicationId)) {
      throw DomainError.validation('PUBLIC.INVALID_PUBLICATION_ID', [{ field: 'publicationId', message: 'must be a publication id from a public profile', code: 'INVALID_ID' }]);
    }
    const entries = await this.log.entriesFor(request.publicationId);
    if (entries.length === 0) throw DomainError.notFound('PUBLIC.PUBLICATION_NOT_FOUND', `No publication ${request.publicationId}.`);
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
}
