import type { StoredFileMeta } from '@platform/files';
import type { Deficiency } from './application-errors';
import type { AttachmentReference } from './permit-application';

/**
 * Each attachment must name a file uploaded before (ADR 0076), and its declared size and type must be
 * what was stored: the stored type was sniffed from the bytes, so a reference cannot relabel a file.
 * Only well-formed hashes are looked at (the shape check names the others).
 */
export function attachmentFileDeficiencies(attachments: readonly AttachmentReference[], stored: readonly StoredFileMeta[]): Deficiency[] {
  const byHash = new Map(stored.map((file) => [file.sha256, file]));
  const out: Deficiency[] = [];
  attachments.forEach((a, i) => {
    if (!/^[0-9a-f]{64}$/.test(a.sha256 ?? '')) return;
    const file = byHash.get(a.sha256);
    if (!file) {
      out.push({ field: `attachments[${i}].sha256`, reason: 'no uploaded file has this SHA-256: upload it first (POST /api/v1/permit-attachments)' });
      return;
    }
    if (file.sizeBytes !== a.sizeBytes) out.push({ field: `attachments[${i}].sizeBytes`, reason: `the uploaded file has ${file.sizeBytes} bytes` });
    if (file.mediaType !== a.mediaType) out.push({ field: `attachments[${i}].mediaType`, reason: `the uploaded file is ${file.mediaType}` });
  });
  return out;
}
