import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { assertScope, Principal, Scopes } from '@platform/auth';
import { DomainError } from '@platform/errors';
import { EntryRuleStore } from '../../entry-rules/application/entry-rule-store';
import { danglingReferences, schemeCatalogue, type SchemeCatalogue } from '../domain/config-problem';
import { ConfigurationErrorCode, danglingReferenceError } from '../domain/configuration-errors';
import type { ConfigKind } from '../domain/shipped-configuration';
import { configurationTables } from '../infrastructure/configuration.repository';
import type { ConfigurationView, GetConfigurationQuery, UploadConfigurationCommand } from './configuration-admin.query';
import { allProblems, assertConfigKind, CONFIG_KIND_RULES } from './configuration-kinds';
import { ConfigurationInForce, SHIPPED_BY } from './configuration-in-force';

/**
 * The configuration admin API (ADR 0043): measure mappings, draw plans and entry rules, each a
 * versioned set. Reading a version shows each item's status against the schemes known now
 * (active, pending with the schemes it waits for, invalid with what dangles). An upload is
 * refused whole when malformed (400) or when a reference dangles (422 CONFIG.DANGLING_REFERENCE,
 * every reference named); an item naming a scheme not published yet is accepted as pending.
 */
@Injectable()
export class ConfigurationAdminHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly inForce: ConfigurationInForce,
    private readonly entryRules: EntryRuleStore,
  ) {}

  async get(principal: Principal, query: GetConfigurationQuery): Promise<ConfigurationView> {
    assertScope(principal, Scopes.Admin);
    const kind = assertConfigKind(query.kind);
    return this.view(this.dataSource.manager, kind, query.version ?? 0);
  }

  async upload(principal: Principal, command: UploadConfigurationCommand): Promise<ConfigurationView> {
    assertScope(principal, Scopes.Admin);
    const kind = assertConfigKind(command.kind);
    let input: unknown;
    try {
      input = JSON.parse(command.documentJson);
    } catch {
      throw DomainError.validation(ConfigurationErrorCode.Invalid, [{ field: 'document', message: 'is not valid JSON' }]);
    }
    if (kind === 'entry-rules') {
      const stored = await this.entryRules.upload(input, principal.clientId);
      return this.view(this.dataSource.manager, kind, stored.version);
    }
    const rules = CONFIG_KIND_RULES[kind];
    const document = rules.parse(input);
    const version = await this.dataSource.transaction(async (manager) => {
      const checked = rules.check(document, await this.schemes(manager));
      const dangling = danglingReferences(allProblems(checked));
      if (dangling.length > 0) throw danglingReferenceError(kind, dangling);
      const stored = await configurationTables.append(manager, kind, document, principal.clientId, command.basedOnVersion ?? 0);
      if (stored === undefined) {
        throw DomainError.conflict(
          ConfigurationErrorCode.VersionConflict,
          `Another version of the ${kind} was stored since version ${command.basedOnVersion}.`,
        );
      }
      return stored;
    });
    // In force on this replica at once; the others pick it up within a second.
    await this.inForce.reload();
    return this.view(this.dataSource.manager, kind, version);
  }

  private async schemes(manager: EntityManager): Promise<SchemeCatalogue> {
    return schemeCatalogue(await configurationTables.knownSchemes(manager));
  }

  private async view(manager: EntityManager, kind: ConfigKind, requested: number): Promise<ConfigurationView> {
    const schemes = await this.schemes(manager);
    let stored: { version: number; document: unknown; uploadedBy: string; uploadedAt: string } | undefined;
    let versions: ConfigurationView['versions'];
    let latest: number;
    if (kind === 'entry-rules') {
      versions = await this.entryRules.versions(manager);
      latest = versions[0]?.version ?? 0;
      const version = requested > 0 ? requested : latest;
      const found = await this.entryRules.version(version, manager);
      stored = found && { version, document: found.rules, uploadedBy: found.uploadedBy, uploadedAt: found.uploadedAt };
    } else {
      versions = (await configurationTables.versions(manager, kind)).map(({ version, uploadedBy, uploadedAt }) => ({ version, uploadedBy, uploadedAt }));
      latest = versions[0]?.version ?? 0;
      const found = await configurationTables.version(manager, kind, requested > 0 ? requested : latest);
      stored = found ?? (requested === 0 ? { version: 0, document: CONFIG_KIND_RULES[kind].shipped(), uploadedBy: SHIPPED_BY, uploadedAt: '' } : undefined);
    }
    if (!stored) throw DomainError.notFound(ConfigurationErrorCode.NotFound, `The ${kind} have no version ${requested}.`);
    const checked = CONFIG_KIND_RULES[kind].check(stored.document, schemes);
    return {
      kind,
      version: stored.version,
      inForce: stored.version === latest,
      uploadedBy: stored.uploadedBy,
      uploadedAt: stored.uploadedAt,
      document: stored.document,
      items: checked.items.map(({ id, status, waitingFor, problems }) => ({ id, status, waitingFor, problems })),
      shippedUpdateAvailable:
        kind === 'entry-rules' ? (await this.entryRules.shippedUpdate(manager)) !== undefined : await this.inForce.shippedUpdateAvailable(manager, kind),
      versions,
    };
  }
}
