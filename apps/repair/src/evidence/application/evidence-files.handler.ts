import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { assertScope, isWithinRegion, Principal, Scopes } from '@platform/auth';
import { readFileFor, REPAIR_EVIDENCE_POLICY, uploadFile, type StoredFile, type StoredFileMeta } from '@platform/files';
import { EVIDENCE_FILE_PREFIX } from '../domain/evidence-files';

/**
 * Evidence files (issue 19 item 3, ADR 0076): uploaded before the application names them
 * (`sha256:<hex>`), the type sniffed from the bytes (pdf, jpeg, png) and the size limited. Read back
 * by the uploader, a client whose region covers the uploader's, or the deciding unit of an
 * application naming the file (谁认定、谁修复: it must see the rectification evidence). Across
 * provinces (ADR 0088): the forwarder reads the files of an application routed to a partner to
 * send them there, and a partner uploads those of one it forwards to us.
 */
@Injectable()
export class EvidenceFilesHandler {
  constructor(private readonly dataSource: DataSource) {}

  upload(principal: Principal, content: Uint8Array): Promise<StoredFileMeta> {
    assertScope(principal, Scopes.RecordsWrite);
    return uploadFile(this.dataSource, principal, content, REPAIR_EVIDENCE_POLICY);
  }

  read(principal: Principal, sha256: string): Promise<StoredFile> {
    assertScope(principal, Scopes.RecordsWrite);
    return readFileFor(this.dataSource.manager, principal, sha256, decidesAnApplicationNaming);
  }

  /**
   * A partner province uploads the evidence of an application it forwards to us next (ADR 0088):
   * checked and stored as any upload, the partner as uploader; our deciding unit reads it through
   * the application that names it.
   */
  async uploadFromPartner(principal: Principal, content: Uint8Array): Promise<StoredFileMeta> {
    assertScope(principal, Scopes.ExchangeWrite);
    return uploadFile(this.dataSource, principal, content, REPAIR_EVIDENCE_POLICY);
  }

  /** A file the forwarder sends to the partner province an application naming it was routed to (the caller's region). */
  async readToForward(principal: Principal, sha256: string): Promise<StoredFile> {
    assertScope(principal, Scopes.ExchangeWrite);
    return readFileFor(this.dataSource.manager, principal, sha256, namedByAnApplicationRoutedTo);
  }
}

async function namedByAnApplicationRoutedTo(manager: EntityManager, principal: Principal, sha256: string): Promise<boolean> {
  const rows: unknown[] = await manager.query(`SELECT 1 FROM repair_applications WHERE evidence ? $1 AND forwarded_to = $2 LIMIT 1`, [
    `${EVIDENCE_FILE_PREFIX}${sha256}`,
    principal.region,
  ]);
  return rows.length > 0;
}

async function decidesAnApplicationNaming(manager: EntityManager, principal: Principal, sha256: string): Promise<boolean> {
  const rows: { deciding_region: string }[] = await manager.query(`SELECT DISTINCT deciding_region FROM repair_applications WHERE evidence ? $1`, [
    `${EVIDENCE_FILE_PREFIX}${sha256}`,
  ]);
  return rows.some((row) => isWithinRegion(principal, row.deciding_region));
}
