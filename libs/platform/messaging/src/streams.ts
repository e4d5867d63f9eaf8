import { JetStreamManager, RetentionPolicy, StorageType, DiscardPolicy, JetStreamApiError } from '@nats-io/jetstream';
import { nanos } from '@nats-io/nats-core';
import { STREAM_SUBJECTS, StreamName } from '@contracts';
import { MessagingNamespace } from './namespace';

/** Publisher de-duplication window (`Nats-Msg-Id`); consumers de-duplicate beyond it with their inbox. */
export const DUPLICATE_WINDOW_MS = 2 * 60 * 1000;
/** Positions are high volume and only useful for a while: limits-based retention (ARCHITECTURE.md §4). */
const POSITIONS_MAX_AGE_MS = 7 * 24 * 3600 * 1000;

export async function ensureStreams(
  jsm: JetStreamManager,
  ns: MessagingNamespace,
  names = Object.keys(STREAM_SUBJECTS) as StreamName[],
  replicas = 1,
): Promise<void> {
  for (const name of names) {
    const config = {
      name: ns.stream(name),
      subjects: ns.streamSubjects(name),
      storage: StorageType.File,
      retention: RetentionPolicy.Limits,
      discard: DiscardPolicy.Old,
      duplicate_window: nanos(DUPLICATE_WINDOW_MS),
      max_age: name === 'POSITIONS' ? nanos(POSITIONS_MAX_AGE_MS) : 0,
      num_replicas: replicas,
    };
    try {
      await jsm.streams.info(config.name);
      await jsm.streams.update(config.name, config);
    } catch (error) {
      if (!isNotFound(error)) throw error;
      try {
        await jsm.streams.add(config);
      } catch (addError) {
        // Another process created it between our info and add: fine.
        if (!(addError instanceof JetStreamApiError) || !/already in use/i.test(addError.message)) throw addError;
      }
    }
  }
}

export async function deleteStreams(jsm: JetStreamManager, ns: MessagingNamespace): Promise<void> {
  for (const name of Object.keys(STREAM_SUBJECTS) as StreamName[]) {
    await jsm.streams.delete(ns.stream(name)).catch(() => undefined);
  }
}

export function isNotFound(error: unknown): boolean {
  return error instanceof JetStreamApiError && (error.code === 404 || /not found/i.test(error.message));
}
