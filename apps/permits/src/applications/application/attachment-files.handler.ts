import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assertScope, Principal, Scopes } from '@platform/auth';
import { PERMIT_ATTACHMENT_POLICY, readFileFor, uploadFile, type StoredFile, type StoredFileMeta } from '@platform/files';

/**
 * Attachment contents (issue 18 item 1, ADR 0076): an applicant uploads a file before naming it in
 * an application or correction; the type is sniffed from the bytes (pdf, jpeg, png, mp4) and the
 * size limited by type. Read back by the uploader or a client whose region covers the uploader's
 * (the accepting authority: an application's region is its submitter's).
 */
@Injectable()
export class AttachmentFilesHandler {
  constructor(private readonly dataSource: DataSource) {}

  upload(principal: Principal, content: Uint8Array): Promise<StoredFileMeta> {
    assertScope(principal, Scopes.PermitsWrite);
    return uploadFile(this.dataSource, principal, content, PERMIT_ATTACHMENT_POLICY);
  }

  read(principal: Principal, sha256: string): Promise<StoredFile> {
    assertScope(principal, Scopes.PermitsWrite);
    return readFileFor(this.dataSource.manager, principal, sha256);
  }
}
