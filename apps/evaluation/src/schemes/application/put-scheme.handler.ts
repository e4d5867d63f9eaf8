import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assertScope, Principal, Scopes } from '@platform/auth';
import { DomainError } from '@platform/errors';
import { SchemeErrorCode } from '../domain/scheme-errors';
import { PutSchemeCommand, PutSchemeResult } from './put-scheme.command';
import { SchemeAnnouncements } from './scheme-announcements';
import { assertSchemeRegions, compileUpload } from './scheme-upload';
import { lockScheme, storeSchemeVersion } from './scheme-versions';

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
      const { latest, active } = await lockScheme(manager, command.id);
      if (command.basedOnVersion > 0 && command.basedOnVersion !== latest) {
        throw DomainError.conflict(
          SchemeErrorCode.VersionConflict,
          `The latest version of ${command.id} is ${latest}, not ${command.basedOnVersion}: another version was uploaded meanwhile.`,
        );
      }
      const version = latest + 1;
      const { status, activeVersion } = await storeSchemeVersion(manager, document, version, {
        publish: command.publish,
        uploadedBy: principal.clientId,
        active,
      });
      // Announced with the publication (one transaction): joint measures re-checks its configuration against it.
      if (command.publish) await this.announcements.published(manager, document, version, new Date());
      return { id: command.id, version, status, activeVersion: activeVersion ?? 0 };
    });
  }
}
