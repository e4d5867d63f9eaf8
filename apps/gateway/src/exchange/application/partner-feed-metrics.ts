import { Counter, Gauge } from 'prom-client';
import { metricsRegistry } from '@platform/telemetry';

/**
 * The puller's metrics (ADR 0080), on the process registry scraped at GET /metrics. Lag is time,
 * not positions: cursors are opaque to a receiver, but "how long since we last held everything the
 * partner had published" is not.
 */
export const partnerFeedLag = new Gauge({
  name: 'exchange_partner_feed_lag_seconds',
  help: 'Seconds since this deployment last held everything the partner feed had published (0 while caught up)',
  labelNames: ['partner'],
  registers: [metricsRegistry],
});

export const partnerFeedPages = new Counter({
  name: 'exchange_partner_feed_pages_total',
  help: 'Pages of partner feeds by outcome: applied, refused (signature, audience, expiry, replay…), unavailable',
  labelNames: ['partner', 'outcome'],
  registers: [metricsRegistry],
});

export const partnerFeedChanges = new Counter({
  name: 'exchange_partner_feed_changes_total',
  help: 'Changes of partner feeds by outcome: held, withdrawn, unknown (withdrawal of an entry or record never held), skipped (unknown type), dead-lettered',
  labelNames: ['partner', 'outcome'],
  registers: [metricsRegistry],
});
