import { parseRegionCode } from '@domain/identifiers';
import { DomainError, type FieldViolation } from '@platform/errors';
import { Scopes, type Scope } from '@platform/auth';

/** Error codes of client administration (ADR 0041). */
export const ClientErrorCode = {
  /** The body's shape: a field missing, of the wrong type or format (400). */
  Invalid: 'CLIENT.INVALID',
  /** Well-formed but not acceptable: a region that is no GB/T 2260 code, a scope the kind may not hold (422). */
  Unacceptable: 'CLIENT.UNACCEPTABLE',
  /** A client with this id exists already (409). */
  Duplicate: 'CLIENT.DUPLICATE',
  NotFound: 'CLIENT.NOT_FOUND',
} as const;

export const ADMINISTERED_CLIENT_KINDS = ['integrator', 'partner', 'admin'] as const;
export type AdministeredClientKind = (typeof ADMINISTERED_CLIENT_KINDS)[number];

export const KNOWN_SCOPES: readonly Scope[] = Object.values(Scopes);

/** Lower-case letters, digits and inner hyphens, 3–64 characters: safe in paths, logs and form bodies. */
export const CLIENT_ID_PATTERN = /^[a-z0-9](?:[a-z0-9-]{1,62})[a-z0-9]$/;

export interface NewClient {
  clientId: string;
  name: string;
  kind: AdministeredClientKind;
  /** GB/T 2260 code whose subtree bounds what the client reads and writes (one per client). */
  region: string;
  scopes: Scope[];
}

/**
 * Checks a client to register (admin API and the boot-time seed file alike) and returns it in
 * canonical form. Shape problems are a 400 CLIENT.INVALID; a well-formed region that is not a
 * GB/T 2260 code, or a scope the client's kind may not hold, a 422 CLIENT.UNACCEPTABLE — each
 * naming its field, all reported at once.
 */
export function checkNewClient(input: { clientId?: unknown; name?: unknown; kind?: unknown; region?: unknown; scopes?: unknown }): NewClient {
  const shape: FieldViolation[] = [];
  const clientId = typeof input.clientId === 'string' ? input.clientId.trim() : '';
  if (!CLIENT_ID_PATTERN.test(clientId))
    shape.push({ field: 'clientId', message: '3 to 64 lower-case letters, digits and inner hyphens, e.g. beijing-commuter-bus', code: 'INVALID_CLIENT_ID' });
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  if (!name || name.length > 100) shape.push({ field: 'name', message: '1 to 100 characters', code: 'INVALID_NAME' });
  const kind = input.kind as AdministeredClientKind;
  if (!(ADMINISTERED_CLIENT_KINDS as readonly unknown[]).includes(kind))
    shape.push({ field: 'kind', message: `one of ${ADMINISTERED_CLIENT_KINDS.join(', ')}`, code: 'INVALID_KIND' });
  const region = typeof input.region === 'string' ? input.region.trim() : '';
  if (!/^\d{6}$/.test(region)) shape.push({ field: 'region', message: 'a 6-digit GB/T 2260 code, e.g. 110000 (Beijing)', code: 'INVALID_REGION' });
  const scopes = Array.isArray(input.scopes) ? (input.scopes as unknown[]) : [];
  if (scopes.length === 0) shape.push({ field: 'scopes', message: `a non-empty list of ${KNOWN_SCOPES.join(', ')}`, code: 'REQUIRED' });
  scopes.forEach((scope, i) => {
    if (!KNOWN_SCOPES.includes(scope as Scope)) shape.push({ field: `scopes[${i}]`, message: `one of ${KNOWN_SCOPES.join(', ')}`, code: 'UNKNOWN_SCOPE' });
    else if (scopes.indexOf(scope) !== i) shape.push({ field: `scopes[${i}]`, message: 'named twice', code: 'DUPLICATE_SCOPE' });
  });
  if (shape.length > 0) throw DomainError.validation(ClientErrorCode.Invalid, shape, 'The client is invalid.');

  const unacceptable: FieldViolation[] = [];
  const code = parseRegionCode(region);
  if (!code.ok) unacceptable.push({ field: 'region', message: code.message, code: `REGION_${code.reason}` });
  scopes.forEach((scope, i) => {
    if (scope === Scopes.Admin && kind !== 'admin')
      unacceptable.push({ field: `scopes[${i}]`, message: 'only a client of kind admin may hold the admin scope', code: 'SCOPE_NOT_FOR_KIND' });
  });
  if (unacceptable.length > 0) throw new DomainError(ClientErrorCode.Unacceptable, 'precondition', 'The client cannot be registered as given.', unacceptable);
  return { clientId, name, kind, region, scopes: scopes as Scope[] };
}
