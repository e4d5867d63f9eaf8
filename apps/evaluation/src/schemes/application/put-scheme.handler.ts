import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { assertScope, Principal, Scopes } from '@platform/auth';
import { DomainError } from '@platform/errors';
import { SchemeErrorCode } from '../domain/scheme-errors';
import { PutSchemeCommand, PutSchemeResult } from './put-scheme.command';
import { SchemeAnnouncements } from './scheme-announcements';
import { assertSchemeRegions, compileUpload } from './scheme-upload';

/**
 * A regulator uploads a new version of a scheme. It is compiled first: a version with any
 * problem is refused whole and never stored, so it can never become active. Storing and
 * publishing happen in one transaction holding the scheme's row lock, and a partial unique
 * index allows one active version per scheme: two regulators publishing at once are applied one
 * after the other (or the second is refused when it names the version it was based on).
 */
@Injectable()
export class PutSchemeHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly announcements: SchemeAnnouncements,
  ) {}

  async execute(principal: Principal, command: PutSchemeCommand): Promise<PutSchemeResult> {
    assertScope(principal, Scopes.Admin);
    const document = compileUpload(command.id, command.documentJson);
    assertSchemeRegions(principal, document);
    return this.dataSource.transaction(async (manager) => {
      const { latest, active } = await this.lockScheme(manager, command.id);
      if (command.basedOnVersion > 0 && command.basedOnVersion !== latest) {
        throw DomainError.conflict(
          SchemeErrorCode.VersionConflict,
          `The latest version of ${command.id} is ${latest}, not ${command.basedOnVersion}: another version was uploaded meanwhile.`,
        );
      }
      const version = latest + 1;
      const status = command.publish ? 'active' : 'draft';
      if (command.publish) {
        await manager.query(`UPDATE scheme_versions SET status = 'retired', retired_at = now() WHERE scheme_id = $1 AND status = 'active'`, [command.id]);
      }
      await manager.query(
        `INSERT INTO scheme_versions (scheme_id, version, status, document, uploaded_by, uploaded_at, published_at)
         VALUES ($1, $2, $3, $4, $5, now(), CASE WHEN $3 = 'active' THEN now() END)`,
        [command.id, version, status, JSON.stringify(document), principal.clientId],
      );
      if (command.publish) {
        // Regrade the scope under the new version (RefreshStandingsJob), committed with the publication.
        await manager.query(`INSERT INTO standing_refreshes (id, scheme_id, scheme_version, status) VALUES ($1, $2, $3, 'running')`, [
          uuidv7(),
          command.id,
          version,
        ]);
        // Announced with the publication (one transaction): joint measures re-checks its configuration against it.
        await this.announcements.published(manager, document, version, new Date());
      }
      const activeVersion = command.publish ? version : active;
      await manager.query(`UPDATE schemes SET latest_version = $2, active_version = $3, updated_at = now() WHERE id = $1`, [
        command.id,
        version,
        activeVersion,
      ]);
      return { id: command.id, version, status, activeVersion: activeVersion ?? 0 };
    });
  }

  private async lockScheme(manager: EntityManager, id: string): Promise<{ latest: number; active: number | null }> {
    await manager.query(`INSERT INTO schemes (id, latest_version) VALUES ($1, 0) ON CONFLICT (id) DO NOTHING`, [id]);
    const [row]: { latest_version: number; active_version: number | null }[] = await manager.query(
      `SELECT latest_version, active_version FROM schemes WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return { latest: row!.latest_version, active: row!.active_version };
  }
}
