import type { ObjectionView } from './objection-view';

export interface OpenObjectionCommand {
  recordId: string;
  reason: string;
  objector?: { name?: string; contact?: string };
  /** '' for none. */
  idempotencyKey: string;
}

export interface OpenObjectionResult {
  objection: ObjectionView;
  replayed: boolean;
}
