import { assertRegionScope, hasScope, Principal, Scope } from '@platform/auth';
import { DomainError, PlatformErrorCode } from '@platform/errors';
import type { ValidSubmission } from '../domain/record-submission';

/** Whether this client may submit this record: a submit scope of the type, and the region. */
export function assertMaySubmit(principal: Principal, submission: ValidSubmission): void {
  if (!submission.type.submitScopes.some((scope) => hasScope(principal, scope as Scope))) {
    throw new DomainError(PlatformErrorCode.InsufficientScope, 'forbidden', `The client may not submit ${submission.type.code} records.`, [
      { field: 'recordType', message: `needs one of the scopes ${submission.type.submitScopes.join(', ')}`, code: 'SCOPE_MISSING' },
    ]);
  }
  assertRegionScope(principal, submission.region);
}
