import { parseRegionCode, regionContains } from '@domain/identifiers';
import { DomainError, PlatformErrorCode } from '@platform/errors';

/**
 * Who is calling, as established by the gateway from the access token and passed to services
 * in gRPC metadata. Services re-check region scope themselves (ARCHITECTURE.md §6): the
 * gateway is not the only line of defence.
 */
export interface Principal {
  clientId: string;
  kind: ClientKind;
  scopes: string[];
  /** GB/T 2260 code whose prefix bounds what the client may read and write. */
  region: string;
}

export const CLIENT_KINDS = ['integrator', 'partner', 'admin', 'public'] as const;
export type ClientKind = (typeof CLIENT_KINDS)[number];

/** Capabilities a token can carry; each REST/gRPC capability requires one. */
export const Scopes = {
  RecordsWrite: 'records:write',
  RecordsRead: 'records:read',
  EvaluationsRead: 'evaluations:read',
  MeasuresDecide: 'measures:decide',
  PermitsWrite: 'permits:write',
  ExchangeRead: 'exchange:read',
  ExchangeWrite: 'exchange:write',
  Admin: 'admin',
} as const;
export type Scope = (typeof Scopes)[keyof typeof Scopes];

/** gRPC metadata that carries the caller's principal: a token the gateway signs for the target service (ADR 0073). */
export const PRINCIPAL_METADATA_KEY = 'x-principal';

/**
 * The unsigned form the gateway used to send (base64url JSON) before ADR 0073. Nothing accepts it
 * any more; tests make it to prove that services refuse it.
 */
export function encodePrincipal(principal: Principal): string {
  return Buffer.from(JSON.stringify(principal), 'utf8').toString('base64url');
}

export function hasScope(principal: Principal, scope: Scope): boolean {
  return principal.scopes.includes(scope) || principal.scopes.includes(Scopes.Admin);
}

export function assertScope(principal: Principal, scope: Scope): void {
  if (!hasScope(principal, scope)) {
    throw new DomainError(PlatformErrorCode.InsufficientScope, 'forbidden', `The client lacks the scope "${scope}".`);
  }
}

/**
 * The region rule (ADR 0041): a client reads and acts on what lies in its region subtree
 * (province ⊇ city ⊇ county, GB/T 2260). Every check of a region against a caller is this one
 * predicate; a code that is not a region code is outside every subtree.
 */
export function isWithinRegion(principal: Principal, region: string): boolean {
  const scope = parseRegionCode(principal.region);
  const target = parseRegionCode(region);
  return scope.ok && target.ok && regionContains(scope.value, target.value);
}

/** The items of a read that lie in the caller's region subtree (`isWithinRegion`); the rest reads as absent. */
export function withinRegion<T extends { region: string }>(principal: Principal, items: readonly T[]): T[] {
  return items.filter((item) => isWithinRegion(principal, item.region));
}

/**
 * A region the caller names (a report's `region`, a draw's pool, a decision's place) must lie in
 * its subtree: 403 AUTH.REGION_FORBIDDEN otherwise, 400 when it is not a region code.
 */
export function assertRegionScope(principal: Principal, region: string, field = 'region'): void {
  const target = parseRegionCode(region);
  if (!target.ok) {
    throw DomainError.validation(PlatformErrorCode.InvalidBody, [{ field, message: target.message, code: 'INVALID_REGION' }]);
  }
  if (!isWithinRegion(principal, region)) {
    throw new DomainError(PlatformErrorCode.RegionForbidden, 'forbidden', `Region ${region} is outside the client's region ${principal.region}.`, [
      { field, message: `outside the client's region ${principal.region}`, code: 'REGION_FORBIDDEN' },
    ]);
  }
}
