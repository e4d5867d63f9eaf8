import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** One Prometheus registry per process, scraped at GET /metrics. */
export const metricsRegistry = new Registry();
let defaultsCollected = false;

export function initMetrics(service: string): Registry {
  if (!defaultsCollected) {
    metricsRegistry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: metricsRegistry });
    defaultsCollected = true;
  }
  return metricsRegistry;
}

export const eventsPublished = new Counter({
  name: 'outbox_events_published_total',
  help: 'Events published from the outbox to JetStream',
  labelNames: ['subject'],
  registers: [metricsRegistry],
});

/** Outbox lag: from the event's commit into the outbox to its publication on JetStream. */
export const outboxPublishLag = new Histogram({
  name: 'outbox_publish_lag_seconds',
  help: 'Time from the commit of an event into the outbox to its publication on JetStream',
  buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
  registers: [metricsRegistry],
});

/** Consumer lag: what the stream still holds for a durable consumer, as JetStream reported with the last delivery. */
export const consumerPending = new Gauge({
  name: 'events_consumer_pending',
  help: 'Messages of the stream not yet delivered to this durable consumer, as of its last delivery',
  labelNames: ['consumer'],
  registers: [metricsRegistry],
});

export const eventsConsumed = new Counter({
  name: 'events_consumed_total',
  help: 'Events handled by a JetStream consumer, by outcome',
  labelNames: ['consumer', 'outcome'],
  registers: [metricsRegistry],
});

/**
 * Bucket bounds (seconds) with edges at the latency objectives (docs/perf.md): 10 ms for a
 * decision inside joint measures, 30 ms for one through the gateway, 50 ms for a record through
 * the gateway; finer below 30 ms so a p99 read from the histogram is within a few ms.
 */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.0075, 0.01, 0.015, 0.02, 0.03, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

export const grpcHandled = new Histogram({
  name: 'grpc_server_handling_seconds',
  help: 'gRPC server handling time',
  labelNames: ['method', 'code'],
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
});

export const httpHandled = new Histogram({
  name: 'http_server_request_duration_seconds',
  help: 'HTTP request duration at the gateway',
  labelNames: ['method', 'route', 'status'],
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
});
