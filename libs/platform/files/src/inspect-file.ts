import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { DomainError } from '@platform/errors';
import type { FilePolicy } from './file-policy';

export const FileErrorCode = {
  /** 400: the upload has no content. */
  Empty: 'FILE.EMPTY',
  /** 413: over the largest size of its (sniffed) type. */
  TooLarge: 'FILE.TOO_LARGE',
  /** 415: the content is not of a type the service accepts (whatever the request declared). */
  TypeRefused: 'FILE.TYPE_REFUSED',
  /** 404: no stored file with this hash visible to the caller. */
  NotFound: 'FILE.NOT_FOUND',
  /** 400: not a SHA-256 in lower-case hex. */
  InvalidHash: 'FILE.INVALID_HASH',
} as const;

export interface InspectedFile {
  sha256: string;
  sizeBytes: number;
  /** Sniffed from the content's magic numbers (file-type), never taken from a header. */
  mediaType: string;
}

const SHA256 = /^[0-9a-f]{64}$/;

export function isSha256(value: string): boolean {
  return SHA256.test(value);
}

/**
 * Hashes an upload and sniffs its type from the content: empty (400), a type outside the policy
 * (415, naming what was found) or over that type's size (413) is refused. The declared
 * Content-Type plays no part: a renamed executable is found out by its bytes.
 */
export async function inspectFile(content: Uint8Array, policy: FilePolicy): Promise<InspectedFile> {
  if (content.byteLength === 0) {
    throw DomainError.validation(FileErrorCode.Empty, [{ field: 'content', message: 'the upload is empty', code: 'REQUIRED' }]);
  }
  const sniffed = await fileTypeFromBuffer(content);
  const mediaType = sniffed?.mime;
  const maxBytes = mediaType ? policy[mediaType] : undefined;
  if (!mediaType || maxBytes === undefined) {
    throw new DomainError(FileErrorCode.TypeRefused, 'unsupported-media-type', 'The file is not of an accepted type.', [
      {
        field: 'content',
        message: `the content is ${mediaType ?? 'of no recognised type'}; accepted: ${Object.keys(policy).join(', ')}`,
        code: 'TYPE_REFUSED',
      },
    ]);
  }
  if (content.byteLength > maxBytes) {
    throw new DomainError(FileErrorCode.TooLarge, 'too-large', `A ${mediaType} file may be at most ${maxBytes} bytes.`, [
      { field: 'content', message: `${content.byteLength} bytes; at most ${maxBytes} for ${mediaType}`, code: 'TOO_LARGE' },
    ]);
  }
  return { sha256: createHash('sha256').update(content).digest('hex'), sizeBytes: content.byteLength, mediaType };
}
