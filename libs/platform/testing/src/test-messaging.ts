import { randomBytes } from 'node:crypto';
import { connectJetStream, deleteStreams, ensureStreams, JetStreamHandles, MessagingNamespace } from '@platform/messaging';

export const TEST_NATS_URL = process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222';

export interface TestMessaging extends JetStreamHandles {
  ns: MessagingNamespace;
  /** Deletes this file's streams (and so its durables) and closes the connection. */
  cleanup(): Promise<void>;
}

/** Streams and durables private to one test file: a unique subject prefix and stream names. */
export async function isolatedMessaging(): Promise<TestMessaging> {
  const ns = new MessagingNamespace(`t${randomBytes(4).toString('hex')}`);
  const handles = await connectJetStream(TEST_NATS_URL, `test-${ns.prefix}`);
  await ensureStreams(handles.jsm, ns);
  return {
    ...handles,
    ns,
    async cleanup() {
      await deleteStreams(handles.jsm, ns);
      await handles.nc.close();
    },
  };
}
