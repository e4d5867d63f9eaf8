import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner } from 'typeorm';
import { Notifications, PublicProfilesChangedV1 } from '@contracts';
import { JetStreamHandles, MessagingNamespace } from '@platform/messaging';
import { JETSTREAM } from '@platform/service';

/** queryRunner.data key: the enterprises whose public profile the open transaction changes. */
const CHANGED_USCCS = 'disclosure.changedProfiles';

/**
 * Tells the gateways which public profiles changed, so their caches drop them at once (ADR 0030):
 * a core NATS message `disclosure.public-profiles.changed`, sent after the transaction that made
 * the change has committed — never before (a gateway re-reading on receipt would read the old
 * profile and cache it again) and never for a rolled-back change. It is only a hint: if it is
 * lost, the gateway's TTL backstop bounds how long the old profile is served.
 */
@Injectable()
export class ProfileChanges {
  private readonly logger = new Logger('ProfileChanges');
  private readonly subject: string;

  constructor(
    @Inject(JETSTREAM) private readonly jetstream: JetStreamHandles,
    ns: MessagingNamespace,
    dataSource: DataSource,
  ) {
    this.subject = ns.subject(Notifications.PublicProfilesChanged.subject);
    const subscriber: EntitySubscriberInterface = {
      afterTransactionCommit: ({ queryRunner }) => {
        const usccs = take(queryRunner);
        if (usccs) this.publish(usccs);
      },
      afterTransactionRollback: ({ queryRunner }) => {
        take(queryRunner);
      },
    };
    dataSource.subscribers.push(subscriber);
  }

  /** Marks profiles as changed by the caller's transaction (announced when it commits). */
  touch(manager: EntityManager, usccs: readonly string[]): void {
    if (usccs.length === 0) return;
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) {
      this.publish(usccs); // autocommitted: already visible
      return;
    }
    const data = runner.data as Record<string, unknown>;
    const pending = (data[CHANGED_USCCS] ??= new Set<string>()) as Set<string>;
    for (const uscc of usccs) pending.add(uscc);
  }

  private publish(usccs: Iterable<string>): void {
    const payload: PublicProfilesChangedV1 = { usccs: [...new Set(usccs)], at: new Date().toISOString() };
    try {
      this.jetstream.nc.publish(this.subject, JSON.stringify(payload));
    } catch (error) {
      // Closed or draining (shutdown): the gateways' TTL backstop covers it.
      this.logger.warn({ err: error, usccs: payload.usccs }, 'could not announce changed public profiles');
    }
  }
}

function take(queryRunner: QueryRunner): Set<string> | undefined {
  if (queryRunner.isTransactionActive) return undefined; // a savepoint ended; the transaction goes on
  const data = queryRunner.data as Record<string, unknown>;
  const usccs = data[CHANGED_USCCS] as Set<string> | undefined;
  delete data[CHANGED_USCCS];
  return usccs && usccs.size > 0 ? usccs : undefined;
}
