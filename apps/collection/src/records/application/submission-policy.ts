import { assertRegionScope, hasScope, isWithinRegion, Principal, Scope, Scopes } from '@platform/auth';
import { DomainError, PlatformErrorCode } from '@platform/errors';
import type { ValidSubmission } from '../domain/record-submission';
import { RecordErrorCode } from '../domain/record-errors';

/**
 * Whether this client may submit this record: a submit scope of the type (a partner's record:
 * `exchange:write`, ADR 0069), and the region; a partner speaks for its own region only.
 */
export function assertMaySubmit(principal: Principal, submission: ValidSubmission): void {
  const scopes = submission.partner ? [Scopes.ExchangeWrite] : submission.type.submitScopes;
  if (!scopes.some((scope) => hasScope(principal, scope as Scope))) {
    throw new DomainError(PlatformErrorCode.InsufficientScope, 'forbidden', `The client may not submit ${submission.type.code} records.`, [
      { field: 'recordType', message: `needs one of the scopes ${scopes.join(', ')}`, code: 'SCOPE_MISSING' },
    ]);
  }
  if (submission.partner && !isWithinRegion(principal, submission.partner.region)) {
    throw new DomainError(RecordErrorCode.PartnerNotSender, 'forbidden', `Region ${submission.partner.region} is not the sender's.`, [
      { field: 'partner.region', message: `not within the sending partner's region ${principal.region}`, code: 'PROVINCE_NOT_SENDER' },
    ]);
  }
  assertRegionScope(principal, submission.region);
}
