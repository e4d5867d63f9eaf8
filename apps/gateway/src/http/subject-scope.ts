import { Injectable } from '@nestjs/common';
import { Principal, Scopes, withinRegion } from '@platform/auth';
import { DomainError } from '@platform/errors';
import { Upstreams } from '../upstreams';

export const SubjectScopeErrorCode = {
  /** The subject has nothing in the caller's region subtree, or nothing at all: the two read alike. */
  NotFound: 'SUBJECT.NOT_FOUND',
} as const;

/**
 * The region rule for reads keyed by a subject (`/api/v1/subjects/{subjectId}/…`), in one place
 * (ADR 0041). A subject is in the caller's view when collection holds a credit record about it
 * in the caller's region subtree: the records every other read derives from (grades, list
 * entries, decisions' reasons). Outside that view the subject reads exactly as one nobody has
 * reported: 404 SUBJECT.NOT_FOUND on every such route, whatever the service behind it would say.
 * Inside it, each item of the answer is shown only if its own region lies in the subtree
 * (`withinRegion`), so an entry resting on another city's records does not show their ids.
 */
@Injectable()
export class SubjectScope {
  constructor(private readonly upstreams: Upstreams) {}

  /**
   * Runs `read` and the visibility question side by side (no added latency on the answer) and
   * answers with `read`'s result only for a subject in the caller's view. `holdsOwnItem` tells
   * whether the answer itself has an item of the caller's subtree (a list entry a partner
   * province filed here, with no record behind it): such a subject is in view too.
   */
  async read<T>(principal: Principal, subjectId: string, read: () => Promise<T>, holdsOwnItem: (result: T) => boolean = () => false): Promise<T> {
    const [visible, result] = await Promise.allSettled([this.isVisible(principal, subjectId), read()]);
    if (visible.status === 'rejected') throw visible.reason;
    if (!visible.value && !(result.status === 'fulfilled' && holdsOwnItem(result.value))) throw notFound(subjectId);
    if (result.status === 'rejected') throw result.reason;
    return result.value;
  }

  /** Items of an answer whose own region lies in the caller's subtree. */
  only<T extends { region: string }>(principal: Principal, items: readonly T[]): T[] {
    return withinRegion(principal, items);
  }

  /**
   * Whether collection holds a record about the subject in the caller's region subtree (its
   * ListRecords applies the same rule in SQL). Asked with the caller's identity and region but
   * the records:read capability whatever the route's own scope: the answer is one bit, never the
   * records, and an evaluations-only client must get the same rule as everyone else.
   */
  private async isVisible(principal: Principal, subjectId: string): Promise<boolean> {
    if (!subjectId.trim()) return false;
    const asker: Principal = { ...principal, scopes: [Scopes.RecordsRead] };
    const page = await this.upstreams.creditRecords.listRecords({ subjectId, recordType: '', from: '', to: '', cursor: '', limit: 1 }, { principal: asker });
    return page.records.length > 0;
  }
}

function notFound(subjectId: string): DomainError {
  return DomainError.notFound(SubjectScopeErrorCode.NotFound, `No subject ${subjectId.slice(0, 64)} in the caller's region.`);
}
