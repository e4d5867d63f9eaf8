import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';
import type { SubjectProfile } from '../../profiles/application/get-subject-profile.query';

/** SHA-256 of what a report showed (code, instant of issue, profile), canonical JSON: stored at issue, recomputed at verification. */
export function reportHash(code: string, issuedAt: Date, profile: SubjectProfile): string {
  return createHash('sha256')
    .update(canonicalize({ code, issuedAt: issuedAt.toISOString(), profile }) as string, 'utf8')
    .digest('hex');
}
