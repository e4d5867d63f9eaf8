import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assertScope, Principal, Scopes } from '@platform/auth';
import type { SchemeDocument } from '../../engine/domain/scheme-document';
import { SHIPPED_SCHEMES } from '../../engine/domain/shipped-schemes';
import { ListSchemesQuery, SchemeSummaryView } from './list-schemes.query';
import { shippedUpdateOf } from './scheme-versions';

/** Schemes are public rules of the administration: any client with evaluations:read may read them. */
@Injectable()
export class ListSchemesHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute(principal: Principal, _query: ListSchemesQuery = {}): Promise<SchemeSummaryView[]> {
    assertScope(principal, Scopes.EvaluationsRead);
    const rows: { id: string; latest_version: number; active_version: number | null; document: SchemeDocument }[] = await this.dataSource.query(
      `SELECT s.id, s.latest_version, s.active_version, v.document
         FROM schemes s JOIN scheme_versions v ON v.scheme_id = s.id AND v.version = COALESCE(s.active_version, s.latest_version)
        ORDER BY s.id`,
    );
    const held = new Set<string>();
    for (const document of SHIPPED_SCHEMES) {
      if ((await shippedUpdateOf(this.dataSource.manager, document)).action === 'held') held.add(document.id);
    }
    return rows.map((r) => ({
      id: r.id,
      nameZh: r.document.name.zh,
      nameEn: r.document.name.en,
      activeVersion: r.active_version ?? 0,
      latestVersion: r.latest_version,
      regions: r.document.regions,
      subjectKinds: r.document.subjectKinds,
      shippedUpdateAvailable: held.has(r.id),
    }));
  }
}
