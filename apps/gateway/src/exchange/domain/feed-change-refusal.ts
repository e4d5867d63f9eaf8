import { Principal, Scopes } from '@platform/auth';
import { isDomainError } from '@platform/errors';
import type { PartnerFeed } from './partner-feed';

/** Errors of this province's own rules: the change is dead-lettered. Anything else (a service down) is retried with the page. */
const REFUSAL_KINDS = new Set(['validation', 'forbidden', 'not-found', 'conflict', 'precondition']);

/** The dead letter's reason for a change refused by our rules; anything else (a service down) is rethrown: the page stops. */
export function refusalOf(error: unknown): string {
  if (!isDomainError(error) || !REFUSAL_KINDS.has(error.kind)) throw error;
  const fields = error.violations.map((v) => `${v.field}: ${v.message}`).join('; ');
  return `${error.code}: ${error.message}${fields ? ` (${fields})` : ''}`;
}

/**
 * The partner as our services check a sender of its feed's changes: its region, the exchange
 * scopes. Never a token: it does not leave this process.
 */
export function feedSenderOf(feed: PartnerFeed): Principal {
  return { clientId: `partner-feed:${feed.region}`, kind: 'partner', region: feed.region, scopes: [Scopes.ExchangeRead, Scopes.ExchangeWrite] };
}
