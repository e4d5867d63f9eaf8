import type { FieldViolation } from '@platform/errors';
import { isSha256, type StoredFileMeta } from '@platform/files';

/** An evidence reference naming an uploaded file (ADR 0076); other references (document numbers, URLs) stay text. */
export const EVIDENCE_FILE_PREFIX = 'sha256:';

/** The file hashes an application's evidence names. */
export function evidenceFileHashes(evidence: readonly string[]): string[] {
  return evidence.filter((ref) => ref.startsWith(EVIDENCE_FILE_PREFIX)).map((ref) => ref.slice(EVIDENCE_FILE_PREFIX.length));
}

/** Each `sha256:` reference must be a well-formed hash of a file uploaded before (POST /api/v1/repair-evidence). */
export function evidenceFileViolations(evidence: readonly string[], stored: readonly StoredFileMeta[]): FieldViolation[] {
  const known = new Set(stored.map((file) => file.sha256));
  const out: FieldViolation[] = [];
  evidence.forEach((ref, i) => {
    if (!ref.startsWith(EVIDENCE_FILE_PREFIX)) return;
    const hash = ref.slice(EVIDENCE_FILE_PREFIX.length);
    if (!isSha256(hash)) out.push({ field: `evidence[${i}]`, message: 'sha256: followed by a SHA-256 in lower-case hex', code: 'INVALID' });
    else if (!known.has(hash))
      out.push({ field: `evidence[${i}]`, message: 'no uploaded evidence file has this SHA-256: upload it first', code: 'NOT_UPLOADED' });
  });
  return out;
}
