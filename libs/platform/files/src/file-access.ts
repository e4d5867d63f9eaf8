import type { DataSource, EntityManager } from 'typeorm';
import { isWithinRegion, type Principal } from '@platform/auth';
import { DomainError } from '@platform/errors';
import type { FilePolicy } from './file-policy';
import { FileErrorCode, inspectFile, isSha256 } from './inspect-file';
import { readStoredFile, storeFile, type StoredFile, type StoredFileMeta } from './stored-files';

/** Inspects an upload (type sniffed, size by type) and stores it in one transaction; the caller has checked the scope. */
export async function uploadFile(dataSource: DataSource, principal: Principal, content: Uint8Array, policy: FilePolicy): Promise<StoredFileMeta> {
  const inspected = await inspectFile(content, policy);
  return dataSource.transaction((manager) => storeFile(manager, inspected, content, { clientId: principal.clientId, region: principal.region }));
}

/**
 * A stored file for a reader: an uploader, a client whose region covers an uploader's, or one the
 * service's own rule admits (`alsoReadableBy`, e.g. the deciding unit of an application naming it).
 * Anything else is 404 FILE.NOT_FOUND, the same as a file that does not exist.
 */
export async function readFileFor(
  manager: EntityManager,
  principal: Principal,
  sha256: string,
  alsoReadableBy?: (manager: EntityManager, principal: Principal, sha256: string) => Promise<boolean>,
): Promise<StoredFile> {
  if (!isSha256(sha256)) {
    throw DomainError.validation(FileErrorCode.InvalidHash, [{ field: 'sha256', message: 'a SHA-256 in lower-case hex (64 characters)', code: 'INVALID' }]);
  }
  const file = await readStoredFile(manager, sha256);
  const readable =
    file !== undefined &&
    (file.uploaders.some((u) => u.clientId === principal.clientId || isWithinRegion(principal, u.region)) ||
      (alsoReadableBy !== undefined && (await alsoReadableBy(manager, principal, sha256))));
  if (!readable) throw DomainError.notFound(FileErrorCode.NotFound, `No stored file ${sha256} visible to this client.`);
  return file;
}

/** What the gRPC face answers for a stored file (permits' StoredFileInfo, repair's EvidenceFileInfo). */
export function storedFileInfo(file: StoredFileMeta): { sha256: string; sizeBytes: number; mediaType: string; uploadedAt: string } {
  return { sha256: file.sha256, sizeBytes: file.sizeBytes, mediaType: file.mediaType, uploadedAt: file.uploadedAt };
}
