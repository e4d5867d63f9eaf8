import type { Metadata } from '@grpc/grpc-js';
import { decodePrincipal, Principal, PRINCIPAL_METADATA_KEY } from '@platform/auth';

/** The caller's principal from incoming gRPC metadata (set by the gateway). */
export function principalFrom(metadata: Metadata | undefined): Principal {
  const raw = metadata?.get(PRINCIPAL_METADATA_KEY)[0];
  return decodePrincipal(typeof raw === 'string' ? raw : raw?.toString());
}
