import type { Metadata } from '@grpc/grpc-js';
import { Principal, PRINCIPAL_METADATA_KEY, PrincipalVerifier } from '@platform/auth';
import { DomainError, PlatformErrorCode } from '@platform/errors';

/**
 * The verifier of this process (ADR 0073): installed once at boot by the service runtime from
 * INTERNAL_IDENTITY_PUBLIC_KEY_FILE, with the service's own name as audience. A process without
 * one (the gateway) takes no principal from metadata at all.
 */
let verifier: PrincipalVerifier | undefined;

/** The signed token each principal arrived with, so a call made on its behalf can pass it on (permits → joint measures). */
const arrivedWith = new WeakMap<Principal, string>();

export function installPrincipalVerifier(installed: PrincipalVerifier | undefined): void {
  verifier = installed;
}

/**
 * The caller's principal from incoming gRPC metadata: the token the gateway signed for this
 * service, verified. Missing, unsigned, tampered, expired or addressed to another service →
 * AUTH.UNAUTHENTICATED (gRPC UNAUTHENTICATED).
 */
export function principalFrom(metadata: Metadata | undefined): Principal {
  const raw = metadata?.get(PRINCIPAL_METADATA_KEY)[0];
  return verifiedPrincipal(typeof raw === 'string' ? raw : raw?.toString());
}

/** A signed principal passed in a request body (coalesced record submissions, ADR 0038), verified as {@link principalFrom} does. */
export function verifiedPrincipal(token: string | undefined): Principal {
  if (!verifier) {
    throw new DomainError(PlatformErrorCode.Unauthenticated, 'unauthenticated', 'This service has no internal identity key to verify principals with.');
  }
  const principal = verifier.verify(token);
  arrivedWith.set(principal, token!);
  return principal;
}

/** The signed token `principal` arrived with, when it came from {@link principalFrom} in this process. */
export function signedTokenOf(principal: Principal): string | undefined {
  return arrivedWith.get(principal);
}
