import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Subscription } from '@nats-io/nats-core';
import { disclosureV1, Notifications, PublicProfilesChangedV1 } from '@contracts';
import { parseUscc } from '@domain/identifiers';
import { JetStreamHandles, MessagingNamespace } from '@platform/messaging';
import { JETSTREAM, SERVICE_CONFIG } from '@platform/service';
import type { GatewayConfig } from '../gateway.definition';
import { Upstreams } from '../upstreams';
import { CachedProfile, ProfileCache, renderProfile } from './profile-cache';

/**
 * Public profiles through the gateway's cache (ADR 0030): disclosure announces every committed
 * change on `disclosure.public-profiles.changed` (core NATS) and this drops the copies at once;
 * after a NATS reconnect — notifications may have been missed — it drops everything.
 */
@Injectable()
export class PublicProfiles implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('PublicProfiles');
  private readonly cache: ProfileCache;
  private subscription?: Subscription;
  private closed = false;

  constructor(
    private readonly upstreams: Upstreams,
    @Inject(JETSTREAM) private readonly jetstream: JetStreamHandles,
    private readonly ns: MessagingNamespace,
    @Inject(SERVICE_CONFIG) config: GatewayConfig,
  ) {
    this.cache = new ProfileCache({ ttlMs: config.GATEWAY_PROFILE_CACHE_TTL_MS, maxEntries: config.GATEWAY_PROFILE_CACHE_MAX_ENTRIES });
  }

  onApplicationBootstrap(): void {
    this.subscription = this.jetstream.nc.subscribe(this.ns.subject(Notifications.PublicProfilesChanged.subject), {
      callback: (error, message) => {
        if (error) return;
        try {
          const { usccs } = message.json<PublicProfilesChangedV1>();
          if (Array.isArray(usccs)) this.cache.invalidate(usccs.filter((u): u is string => typeof u === 'string'));
        } catch {
          this.cache.clear(); // unreadable: assume anything changed
        }
      },
    });
    void this.watchConnection();
  }

  onApplicationShutdown(): void {
    this.closed = true;
    this.subscription?.unsubscribe();
  }

  /**
   * The profile as JSON with its ETag. A USCC that does not parse goes to disclosure as typed, so
   * the error (problem+json with the field and reason) is disclosure's; errors are never cached.
   */
  get(rawUscc: string): Promise<CachedProfile> {
    const parsed = parseUscc(rawUscc);
    const uscc = parsed.ok ? parsed.value : rawUscc;
    return parsed.ok ? this.cache.get(uscc, this.loader(uscc)) : this.loader(uscc)().then((profile) => renderProfile(profile, 0));
  }

  /** A fresh cached copy of a canonical USCC's profile, if there is one (the fast path's question). */
  peek(uscc: string): CachedProfile | undefined {
    return this.cache.peek(uscc, this.loader(uscc));
  }

  private loader(uscc: string): () => Promise<disclosureV1.GetSubjectProfileResponse> {
    return () => this.upstreams.publicProfiles.getSubjectProfile({ uscc });
  }

  private async watchConnection(): Promise<void> {
    for await (const status of this.jetstream.nc.status()) {
      if (this.closed) return;
      if (status.type === 'reconnect' || status.type === 'disconnect') {
        this.logger.warn({ status: status.type }, 'NATS connection changed: dropping cached public profiles');
        this.cache.clear();
      }
    }
  }
}
