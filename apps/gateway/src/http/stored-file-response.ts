import type { Response } from 'express';
import { storedFileHeaders } from '@platform/files';
import { DomainError, PlatformErrorCode } from '@platform/errors';

/** A stored file as a download: the policy's headers (attachment, nosniff, a non-executable type) and the bytes. */
export function sendStoredFile(response: Response, file: { sha256: string; sizeBytes: number; mediaType: string } | undefined, content: Uint8Array): void {
  const info = file!;
  response
    .status(200)
    .set(storedFileHeaders(info))
    .end(Buffer.from(content.buffer, content.byteOffset, content.byteLength));
}

/** The raw upload as read by the body parser (FILE_UPLOAD_PATH); an absent body is an empty upload. */
export function uploadedBytes(body: unknown): Buffer {
  if (Buffer.isBuffer(body)) return body;
  if (body === undefined || body === null || (typeof body === 'object' && Object.keys(body).length === 0)) return Buffer.alloc(0);
  throw DomainError.validation(PlatformErrorCode.InvalidBody, [{ field: '(body)', message: 'the file bytes as the request body', code: 'INVALID' }]);
}
