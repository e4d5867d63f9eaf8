import { createHash } from 'node:crypto';

/**
 * Shipped configuration kept as versioned data (ADR 0047): what to do at start when the document
 * a build ships may differ from what the database holds. Pure: the services read their versions,
 * decide here, and store under their own lock.
 */

/** The system user that stores shipped documents; client ids cannot contain ':', so no operator is it. */
export const SHIPPED_BY = 'platform:shipped';

/** JSON with object keys sorted at every level and undefined members left out: the same content gives the same text (a jsonb round trip included). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** sha256 of the canonical JSON, hex. */
export function contentHash(document: unknown): string {
  return createHash('sha256').update(canonicalJson(document)).digest('hex');
}

/** A stored version as the decision needs it: its number, who stored it, its content hash. */
export interface StoredVersionOrigin {
  version: number;
  uploadedBy: string;
  contentHash: string;
}

export type ShippedUpdate =
  /** Nothing stored: store the shipped document as version 1. */
  | { action: 'store-first' }
  /** The latest shipped version has this content, or an operator's later version has it already. */
  | { action: 'current' }
  /** The shipped document changed and no operator version came after the last shipped one: store it as `version`, in force. */
  | { action: 'store'; version: number; replacesShipped: number }
  /** The shipped document changed but an operator uploaded a version of their own since: leave it, report it. */
  | { action: 'held'; shippedVersion: number; operatorVersion: number };

/**
 * What to do with the shipped document whose hash is `shippedHash`, given every stored version of
 * the id/kind. An operator's version after the last shipped one is never overridden; a shipped
 * document an operator already carries (same content) is not reported.
 */
export function decideShippedUpdate(shippedHash: string, versions: readonly StoredVersionOrigin[]): ShippedUpdate {
  if (versions.length === 0) return { action: 'store-first' };
  const latest = Math.max(...versions.map((v) => v.version));
  const shipped = versions.filter((v) => v.uploadedBy === SHIPPED_BY);
  const lastShipped = shipped.length > 0 ? Math.max(...shipped.map((v) => v.version)) : 0;
  const lastShippedHash = versions.find((v) => v.version === lastShipped)?.contentHash;
  if (lastShippedHash === shippedHash) return { action: 'current' };
  const operators = versions.filter((v) => v.version > lastShipped);
  if (operators.length === 0) return { action: 'store', version: latest + 1, replacesShipped: lastShipped };
  if (operators.some((v) => v.contentHash === shippedHash)) return { action: 'current' };
  return { action: 'held', shippedVersion: lastShipped, operatorVersion: Math.max(...operators.map((v) => v.version)) };
}
