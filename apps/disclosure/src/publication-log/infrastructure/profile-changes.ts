import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Notifications, PublicProfilesChangedV1 } from '@contracts';
import { JetStreamHandles, MessagingNamespace } from '@platform/messaging';
import { JETSTREAM } from '@platform/service';
import { afterCommit } from '@platform/database';

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
  ) {
    this.subject = ns.subject(Notifications.PublicProfilesChanged.subject);
  }

  /** Marks profiles as changed by the caller's transaction (announced, together, when it commits). */
  touch(manager: EntityManager, usccs: readonly string[]): Promise<void> {
    if (usccs.length === 0) return Promise.resolve();
    return afterCommit(manager, 'disclosure.publicProfilesChanged', usccs, (changed) => this.publish(changed));
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
