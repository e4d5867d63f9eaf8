import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { EvaluationSchemePublishedV1, Events } from '@contracts';
import { OutboxPublisher } from '@platform/service';
import { resolveLadder } from '../../engine/domain/compile-scheme';
import type { SchemeDocument } from '../../engine/domain/scheme-document';

/**
 * What other services check their configuration against: id, version, the ladder's grades (best
 * first) — the scheme's own when it declares them (ADR 0050) — sectors, regions.
 */
export function schemePublishedPayload(document: SchemeDocument, version: number, publishedAt: Date): EvaluationSchemePublishedV1 {
  const ladder = resolveLadder(document.ladder, []);
  return {
    schemeId: document.id,
    version,
    name: document.name,
    ladder: {
      id: ladder.id,
      grades: [...ladder.grades],
      ...(ladder.tiers ? { tiers: ladder.tiers.map((tier) => ({ name: tier.name, grades: [...tier.grades] })) } : {}),
    },
    regions: [...document.regions],
    sectors: [...(document.sectors ?? [])],
    subjectKinds: [...document.subjectKinds],
    publishedAt: publishedAt.toISOString(),
  };
}

/**
 * Announces scheme versions in force as `evaluation.schemes.published` (ADR 0043), through the
 * outbox in the caller's transaction, marking the version announced: a version is announced once.
 */
@Injectable()
export class SchemeAnnouncements {
  constructor(private readonly outbox: OutboxPublisher) {}

  /** The version just published (PutSchemeHandler, in its transaction). */
  async published(manager: EntityManager, document: SchemeDocument, version: number, publishedAt: Date): Promise<void> {
    await this.announce(manager, document, version, publishedAt);
  }

  /**
   * Every version in force not announced yet (the shipped schemes stored at start, versions
   * published before announcements existed), one transaction; a replica starting at the same
   * time skips the rows another holds, and they are announced by whichever commits.
   */
  async announcePending(manager: EntityManager): Promise<number> {
    const rows: { document: SchemeDocument; version: number; published_at: Date | null }[] = await manager.query(
      `SELECT document, version, published_at FROM scheme_versions
        WHERE status = 'active' AND announced_at IS NULL ORDER BY scheme_id FOR UPDATE SKIP LOCKED`,
    );
    for (const row of rows) await this.announce(manager, row.document, row.version, row.published_at ?? new Date());
    return rows.length;
  }

  private async announce(manager: EntityManager, document: SchemeDocument, version: number, publishedAt: Date): Promise<void> {
    await manager.query(`UPDATE scheme_versions SET announced_at = now() WHERE scheme_id = $1 AND version = $2`, [document.id, version]);
    await this.outbox.append(manager, Events.EvaluationSchemePublished, {
      subjectId: document.id,
      region: document.regions[0] ?? '',
      occurredAt: publishedAt,
      data: schemePublishedPayload(document, version, publishedAt),
    });
  }
}

/**
 * At start, once the shipped schemes are stored (SchemeRegistry.onModuleInit), every version in
 * force that was never announced is announced: idempotent, a restart announces nothing again.
 */
@Injectable()
export class AnnounceSchemesAtStart implements OnApplicationBootstrap {
  private readonly logger = new Logger('SchemeAnnouncements');

  constructor(
    private readonly dataSource: DataSource,
    private readonly announcements: SchemeAnnouncements,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const announced = await this.dataSource.transaction((manager) => this.announcements.announcePending(manager));
    if (announced > 0) this.logger.log(`announced ${announced} scheme version(s) in force (evaluation.schemes.published)`);
  }
}
