import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assertScope, Principal, Scopes } from '@platform/auth';
import { DomainError } from '@platform/errors';
import type { SchemeDocument } from '../../engine/domain/scheme-document';
import { SchemeErrorCode } from '../domain/scheme-errors';
import { GetSchemeQuery, SchemeVersionView } from './get-scheme.query';

/** Schemes are public rules of the administration: any client with evaluations:read may read them. */
@Injectable()
export class GetSchemeHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute(principal: Principal, { id, version }: GetSchemeQuery): Promise<SchemeVersionView> {
    assertScope(principal, Scopes.EvaluationsRead);
    const rows: {
      version: number;
      status: string;
      document: SchemeDocument;
      uploaded_by: string;
      uploaded_at: Date;
      published_at: Date | null;
      active_version: number | null;
    }[] = await this.dataSource.query(
      `SELECT v.version, v.status, v.document, v.uploaded_by, v.uploaded_at, v.published_at, s.active_version
           FROM schemes s JOIN scheme_versions v ON v.scheme_id = s.id
          WHERE s.id = $1 AND v.version = CASE WHEN $2 > 0 THEN $2 ELSE s.active_version END`,
      [id, version],
    );
    const row = rows[0];
    if (!row) throw DomainError.notFound(SchemeErrorCode.NotFound, version > 0 ? `Scheme ${id} has no version ${version}.` : `No active scheme ${id}.`);
    return {
      id,
      version: row.version,
      status: row.status,
      document: row.document,
      uploadedBy: row.uploaded_by,
      uploadedAt: row.uploaded_at.toISOString(),
      publishedAt: row.published_at?.toISOString() ?? '',
      activeVersion: row.active_version ?? 0,
    };
  }
}
