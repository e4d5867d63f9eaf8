import { connect } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/nats-core';
import { jetstream, jetstreamManager, JetStreamClient, JetStreamManager } from '@nats-io/jetstream';

export interface JetStreamHandles {
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
}

export async function connectJetStream(url: string, name: string): Promise<JetStreamHandles> {
  // noAsyncTraces: by default every request (so every JetStream publish, which waits for the
  // stream's ack) builds two Error objects up front to keep an async stack trace; under bulk
  // ingestion that was 15 % of collection's CPU (docs/perf.md). Errors still say what failed.
  const nc = await connect({ servers: url, name, maxReconnectAttempts: -1, reconnectTimeWait: 500, noAsyncTraces: true });
  return { nc, js: jetstream(nc), jsm: await jetstreamManager(nc) };
}
