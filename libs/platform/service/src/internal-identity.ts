import { readFileSync } from 'node:fs';
import { PrincipalVerifier } from '@platform/auth';
import { BaseServiceConfig, ConfigError } from '@platform/config';
import { installPrincipalVerifier } from '@platform/grpc';

/**
 * A key of the internal identity (ADR 0073) read from the file `variable` names and made into
 * what `use` builds from its PEM: an unreadable file or a key of the wrong kind stops the boot
 * as a configuration error naming the variable (exit 78), like a missing variable.
 */
export function internalIdentityKey<T>(variable: string, path: string, use: (pem: string) => T): T {
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError([{ variable, message: `cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)})` }]);
  }
  try {
    return use(pem);
  } catch (error) {
    throw new ConfigError([{ variable, message: `${path}: ${(error as Error).message}` }]);
  }
}

/**
 * Installs the verifier of this service's incoming principals: the gateway's internal identity
 * public key, with the service's own name as the one audience it accepts. A service whose
 * configuration has no such key (the gateway, which signs instead) installs none, and so accepts
 * no principal from metadata.
 */
export function installInternalIdentity(config: BaseServiceConfig & { INTERNAL_IDENTITY_PUBLIC_KEY_FILE?: string }, service: string): void {
  const path = config.INTERNAL_IDENTITY_PUBLIC_KEY_FILE;
  installPrincipalVerifier(path ? internalIdentityKey('INTERNAL_IDENTITY_PUBLIC_KEY_FILE', path, (pem) => new PrincipalVerifier(pem, [service])) : undefined);
}
